// The whole code-evaluation surface: eval and its indirect forms, Function, vm, vm2, timers with strings,
// and loading a module the user names.
const express = require('express');
const vm = require('node:vm');
const { VM, NodeVM, VMScript } = require('vm2');

const app = express();
const PLUGINS = new Set(['csv', 'json']);

app.post('/eval', async (req, res) => {
  const code = req.body.code;
  // ruleid: js.code-injection.eval
  globalThis.eval(code);
  // ruleid: js.code-injection.eval
  (0, eval)(code);
  // ruleid: js.code-injection.eval
  const fn = Function('return ' + code);
  // ruleid: js.code-injection.eval
  vm.runInContext(code, vm.createContext({}));
  // ruleid: js.code-injection.eval
  vm.compileFunction(code, ['a']);
  // ruleid: js.code-injection.eval
  new vm.Script(code).runInThisContext();
  // ruleid: js.code-injection.eval
  new VM({ timeout: 100 }).run(code);
  // ruleid: js.code-injection.eval
  new NodeVM().run(code, 'sandbox.js');
  // ruleid: js.code-injection.eval
  new VMScript(code);
  // ruleid: js.code-injection.eval
  setInterval(code, 1000);
  // ruleid: js.code-injection.eval
  setTimeout(`render(${req.query.widget})`, 0);
  // ruleid: js.code-injection.eval
  const plugin = require('./plugins/' + req.query.plugin);
  // ruleid: js.code-injection.eval
  const mod = await import(req.query.module);
  const sandbox = new VM();
  // A sandbox held in a variable: the variable's value is the sandbox.
  // ruleid: js.code-injection.eval
  sandbox.run(code);
  // ok: js.code-injection.eval
  sandbox.run('1 + 1');
  const runner = { run: (s) => s.length };
  // ok: js.code-injection.eval
  runner.run(code);
  res.json({ fn: typeof fn, plugin: typeof plugin, mod: typeof mod });
});

// ---- negatives: data parsing, functions given to timers, constant code, allow-listed modules ----
app.post('/eval-ok', async (req, res) => {
  const code = req.body.code;
  // ok: js.code-injection.eval
  const data = JSON.parse(code);
  // ok: js.code-injection.eval
  setTimeout(() => res.json(data), 10);
  // ok: js.code-injection.eval
  setInterval(function tick() { console.log(code.length); }, 1000);
  // ok: js.code-injection.eval
  new VM({ sandbox: { input: code } }).run('input.length');
  // ok: js.code-injection.eval
  vm.runInNewContext('x + 1', { x: code });
  // ok: js.code-injection.eval
  new vm.Script('result = input.trim()');
  // ok: js.code-injection.eval
  const helper = require('./helpers/format');
  const name = req.query.plugin;
  if (PLUGINS.has(name)) {
    // ok: js.code-injection.eval
    require('./plugins/' + name);
  }
  // ok: js.code-injection.eval
  await import('./plugins/csv.js');
  // A method named eval on another object.
  // ok: js.code-injection.eval
  helper.eval(code);
  // ok: js.code-injection.eval
  Function.prototype.call.call(helper.format, null, code);
  // ok: js.code-injection.eval
  setTimeout(helper.flush, Number(req.query.delay));
  res.end();
});
