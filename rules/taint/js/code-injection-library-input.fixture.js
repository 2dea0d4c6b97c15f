// Library input built into code: the exported functions of a small expression / template / serialisation package,
// written from the shapes such packages document (eval of a serialised object, `new Function` compiled templates,
// vm sandboxes for formulas). The request rules cannot see these callers; js.code-injection.library-input does.
const vm = require('vm');

// serialize-javascript's documented way back from its output is `eval('(' + str + ')')`.
function deserialize(serialized) {
  // ruleid: js.code-injection.library-input
  return eval('(' + serialized + ')');
}

// A template compiled to a function, as micro-templating libraries do.
function compileTemplate(tpl) {
  // ruleid: js.code-injection.library-input
  return new Function('data', 'with (data) { return `' + tpl + '`; }');
}

// Function without `new` builds a function the same way.
function expression(expr) {
  // ruleid: js.code-injection.library-input
  return Function('"use strict"; return (' + expr + ');')();
}

function runFormula(formula, sheet) {
  const context = vm.createContext({ sheet, result: undefined });
  // ruleid: js.code-injection.library-input
  vm.runInContext('result = ' + formula, context);
  return context.result;
}

function precompile(source) {
  // ruleid: js.code-injection.library-input
  return new vm.Script(`(function (exports) { ${source}\n})`, { filename: 'plugin.js' });
}

function lambda(params, body) {
  // ruleid: js.code-injection.library-input
  return vm.compileFunction(`return (${body});`, params);
}

function property(obj, prop) {
  // ruleid: js.code-injection.library-input
  return eval(`obj.${prop}`);
}

// The code goes through local variables before it runs.
function predicate(condition) {
  const src = 'return !!(' + condition + ');';
  const wrapped = src.trim();
  // ruleid: js.code-injection.library-input
  return new Function('row', wrapped);
}

// A list literal joined into the source.
function accessor(path) {
  const src = ['return obj', path, ';'].join('.');
  // ruleid: js.code-injection.library-input
  return new Function('obj', src);
}

// Methods of an exported class.
class Compiler {
  constructor(options) {
    this.options = options;
  }

  compile(expr) {
    // ruleid: js.code-injection.library-input
    return new Function('scope', `with (scope) { return (${expr}); }`);
  }
}

// A prototype method of an exported constructor.
function Evaluator(ctx) {
  this.ctx = ctx;
}
Evaluator.prototype.get = function (path) {
  // ruleid: js.code-injection.library-input
  return vm.runInNewContext('ctx.' + path, { ctx: this.ctx });
};

// ---- negatives ----

// Not exported, and nothing in this file calls it with a parameter.
function internalOnly(code) {
  // ok: js.code-injection.library-input
  return new Function('return ' + code);
}

// A parameter run whole is what a function like this is for (audit strictness reports it).
function run(code) {
  // ok: js.code-injection.library-input
  return eval(code);
}

function sum(count) {
  // A number has no code in it.
  // ok: js.code-injection.library-input
  return eval('0 + ' + Number(count));
}

function limit(n) {
  // ok: js.code-injection.library-input
  return new Function('list', 'return list.slice(0, ' + parseInt(n, 10) + ');');
}

const FIELDS = ['name', 'size', 'mtime'];
function fieldGetter(field) {
  if (!FIELDS.includes(field)) throw new Error('unknown field ' + field);
  // ok: js.code-injection.library-input
  return new Function('o', 'return o.' + field + ';');
}

function identifierGetter(name) {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error('not an identifier');
  // ok: js.code-injection.library-input
  return new Function('o', 'return o.' + name + ';');
}

function constantBody(value) {
  // The parameter is an argument of the built function, not part of its source.
  // ok: js.code-injection.library-input
  return new Function('x', 'return x * 2;')(value);
}

function scripted(context) {
  // ok: js.code-injection.library-input
  return vm.runInNewContext('a + b', context);
}

function lengthOf(list) {
  // ok: js.code-injection.library-input
  return eval('[' + list.length + ']');
}

function parseData(text) {
  // Data parsed as data.
  // ok: js.code-injection.library-input
  return JSON.parse('{"v":' + JSON.stringify(text) + '}');
}

module.exports = {
  deserialize,
  compileTemplate,
  expression,
  runFormula,
  precompile,
  lambda,
  property,
  predicate,
  accessor,
  Compiler,
  Evaluator,
  run,
  sum,
  limit,
  fieldGetter,
  identifierGetter,
  constantBody,
  scripted,
  lengthOf,
  parseData,
};
