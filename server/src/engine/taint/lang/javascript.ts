/**
 * JavaScript, TypeScript and TSX for the taint pack (one module: the TypeScript grammars extend JavaScript's).
 */
import type { Node, Tree } from 'web-tree-sitter';
import { TEMPLATE_FOLDERS } from '../../languages';
import { canonicalModule, canonicalName, dottedName, fieldOf, isWorkspaceModule, kids, namedKids, operatorOf, textOf, typeOf } from '../../patterns/pattern';
import { prototypePollutionChecks } from './javascript-prototype-pollution';
import { constantKeyRead, routeSchemaFields, schemaOf, typedFields, validatedData } from './javascript-schemas';
import { FILTERING_METHODS, FORMATTING_METHODS, ITERATION_METHODS, MAPPING_METHODS, ownNodes, paramTypeNode, sameClass, type ClassInstances, type ConstantDef, type ExprKind, type GuardShape, type LanguageModule, type Part, type PatternEntry, type StmtKind, type TargetKind } from './language';
import { constantDefsOf, foldBinary, foldCounters, MAX_FOLD_NODES, truthy, type ConstantDefs, type ConstantLookup, type ConstValue } from './constant-folding';

/** Named children without comments (the file-context and fix helpers' view). */
const named = (n: Node): Node[] => n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');

const FUNCTION_TYPES = new Set([
  'function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function', 'function',
]);

/** Node types between a module call and the declarator holding it (`(await import('m')).x`). */
const VALUE_WRAPPERS = new Set(['import', 'call_expression', 'member_expression', 'await_expression', 'parenthesized_expression']);

function stmtKind(type: string): StmtKind {
  switch (type) {
    case 'statement_block':
    case 'program':
    case 'module':
      return 'block';
    case 'expression_statement':
      return 'expression';
    case 'lexical_declaration':
    case 'variable_declaration':
      return 'declaration';
    case 'return_statement':
      return 'return';
    case 'throw_statement':
      return 'throw';
    case 'break_statement':
    case 'continue_statement':
      return 'jump';
    case 'if_statement':
      return 'if';
    case 'for_in_statement':
    case 'for_statement':
    case 'while_statement':
    case 'do_statement':
      return 'loop';
    case 'try_statement':
      return 'try';
    case 'with_statement':
      return 'with';
    case 'switch_statement':
      return 'switch';
    case 'export_statement':
      return 'export';
    case 'function_declaration':
    case 'generator_function_declaration':
      return 'definition';
    case 'class_declaration':
    case 'import_statement':
    case 'empty_statement':
    case 'comment':
    case 'type_alias_declaration':
    case 'interface_declaration':
    case 'enum_declaration':
      return 'inert';
    case 'labeled_statement':
      return 'labeled';
    default:
      return 'other';
  }
}

function exprKind(type: string): ExprKind {
  switch (type) {
    case 'function_declaration':
    case 'function_expression':
    case 'arrow_function':
    case 'method_definition':
    case 'generator_function_declaration':
    case 'generator_function':
    case 'function':
      return 'function';
    case 'number':
    case 'true':
    case 'false':
    case 'null':
    case 'undefined':
    case 'regex':
    case 'string_fragment':
    case 'escape_sequence':
    case 'comment':
    case 'class_declaration':
    case 'class':
    case 'abstract_class_declaration':
      return 'inert';
    case 'type_annotation':
    case 'type':
    case 'type_arguments':
      return 'type';
    // `{ filter }` carries the variable's taint like `{ filter: filter }`.
    case 'identifier':
    case 'shorthand_property_identifier':
      return 'identifier';
    case 'this':
      return 'self';
    case 'member_expression':
    case 'subscript_expression':
      return 'member';
    case 'call_expression':
    case 'new_expression':
      return 'call';
    case 'assignment_expression':
      return 'assign';
    case 'augmented_assignment_expression':
      return 'augmented-assign';
    case 'binary_expression':
      return 'binary';
    case 'unary_expression':
    case 'update_expression':
      return 'opaque';
    case 'ternary_expression':
      return 'conditional';
    case 'pair':
      return 'pair';
    case 'string':
    case 'template_string':
    case 'template_substitution':
      return 'parts';
    default:
      return 'other';
  }
}

function targetKind(type: string): TargetKind {
  switch (type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return 'name';
    case 'object_pattern':
      return 'object-pattern';
    case 'array_pattern':
      return 'sequence-pattern';
    case 'assignment_pattern':
    case 'object_assignment_pattern':
      return 'default-pattern';
    case 'rest_pattern':
      return 'rest-pattern';
    case 'parenthesized_expression':
      return 'parenthesized';
    default:
      return 'other';
  }
}

const CARRYING_OPS = new Set(['+', '%', '||', '&&', '??']);

function stringValue(n: Node): string | undefined {
  if (typeOf(n) !== 'string') return undefined;
  const m = /^(['"]{1,3})([\s\S]*)\1$/.exec(n.text);
  return m ? m[2] : undefined;
}

function unparenthesize(n: Node): Node {
  let c = n;
  while (typeOf(c) === 'parenthesized_expression') c = kids(c)[0] ?? c;
  return c;
}

function isConstant(n: Node): boolean {
  const t = typeOf(n);
  return t === 'number' || t === 'true' || t === 'false' || t === 'null' || (t === 'string' && stringValue(n) !== undefined) ||
    (t === 'template_string' && !kids(n).some((k) => typeOf(k) === 'template_substitution'));
}

function accessPath(n: Node, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  const t = typeOf(n);
  if (t === 'identifier' || t === 'shorthand_property_identifier_pattern' || t === 'this') return textOf(n);
  if (t === 'subscript_expression') {
    const obj = fieldOf(n, 'object');
    const idx = fieldOf(n, 'index');
    const base = obj ? accessPath(obj, depth + 1) : undefined;
    // A constant index (`a[0]`) is a key like a constant name (`a["x"]`).
    const key = idx && typeOf(idx) === 'string' ? stringValue(idx) : idx && typeOf(idx) === 'number' && /^\d+$/.test(textOf(idx)) ? textOf(idx) : undefined;
    return base && key !== undefined && /^[\w$-]+$/.test(key) ? `${base}.${key}` : undefined;
  }
  const d = dottedName(n);
  if (d !== undefined || t !== 'member_expression') return d;
  // `this.x`: a field of the receiver, a path of its own (the class's methods share it, see `classOf`).
  const obj = fieldOf(n, 'object');
  const prop = fieldOf(n, 'property');
  const base = obj ? accessPath(obj, depth + 1) : undefined;
  return (base === 'this' || base?.startsWith('this.')) && prop && typeOf(prop) === 'property_identifier' ? `${base}.${textOf(prop)}` : undefined;
}

function paramsOf(fn: Node): Node[] {
  if (fn.type === 'arrow_function') {
    const single = fn.childForFieldName('parameter');
    if (single) return [single];
  }
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  return kids(list).map((p) => {
    if (p.type === 'required_parameter' || p.type === 'optional_parameter') return p.childForFieldName('pattern') ?? p;
    if (p.type === 'assignment_pattern') return p.childForFieldName('left') ?? p;
    if (p.type === 'rest_pattern') return kids(p)[0] ?? p;
    return p;
  });
}

function unitName(fn: Node, p: Node | null = fn.parent): string | undefined {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  if (p?.type === 'variable_declarator') return p.childForFieldName('name')?.text;
  if (p?.type === 'assignment_expression') {
    const left = p.childForFieldName('left');
    if (left?.type === 'identifier') return left.text;
    if (left?.type === 'member_expression') return left.childForFieldName('property')?.text;
  }
  return undefined;
}

/**
 * A function assigned to a constructor's prototype (`Editor.prototype.onPaste = function (e) { … }`): a method its
 * instances call as `this.onPaste(e)`, the pre-`class` way of writing one; no bare name reaches it.
 */
function isPrototypeMethod(fn: Node): boolean {
  const p = fn.parent;
  if (p?.type !== 'assignment_expression' || p.childForFieldName('right')?.id !== fn.id) return false;
  const left = p.childForFieldName('left');
  const obj = left?.type === 'member_expression' ? left.childForFieldName('object') : null;
  return obj?.type === 'member_expression' && obj.childForFieldName('property')?.text === 'prototype';
}

/** A method's class: the class (declaration or named expression) whose body holds it, or `X` of `X.prototype.m = function`. */
function classOf(fn: Node): string | undefined {
  if (fn.type === 'method_definition') {
    const body = fn.parent;
    const cls = body?.type === 'class_body' ? body.parent : null;
    return cls?.childForFieldName('name')?.text;
  }
  if (!isPrototypeMethod(fn)) return undefined;
  const proto = fn.parent!.childForFieldName('left')!.childForFieldName('object')!;
  const owner = proto.childForFieldName('object');
  return owner?.type === 'identifier' ? owner.text : undefined;
}

/** `module.exports`, `exports`, or one of their properties (`exports.f`). */
const EXPORTS_TARGET = /^(module\.)?exports(\.[\w$]+)?$/;

/** The module-level names one top-level statement exports, under any name (see `LanguageModule.exportedLocalsOf`). */
function exportedLocalsOf(s: Node): string[] {
  const out: string[] = [];
  if (s.type === 'export_statement') {
    if (s.childForFieldName('source')) return out;
    const value = s.childForFieldName('value');
    // export default f
    if (value?.type === 'identifier') out.push(value.text);
    // export { f, g as h }
    for (const c of named(s)) if (c.type === 'export_clause') for (const sp of named(c)) {
      const n = sp.childForFieldName('name');
      if (n?.type === 'identifier') out.push(n.text);
    }
    return out;
  }
  if (s.type !== 'expression_statement') return out;
  const a = named(s)[0];
  if (a?.type !== 'assignment_expression' || !EXPORTS_TARGET.test(a.childForFieldName('left')?.text ?? '')) return out;
  const right = a.childForFieldName('right');
  // exports.f = f; module.exports = f
  if (right?.type === 'identifier') out.push(right.text);
  // module.exports = { f, g: h }
  if (right?.type === 'object') for (const e of named(right)) {
    if (e.type === 'shorthand_property_identifier') out.push(e.text);
    else if (e.type === 'pair' && e.childForFieldName('value')?.type === 'identifier') out.push(e.childForFieldName('value')!.text);
  }
  return out;
}

/** Whether a class node (declaration or expression) is exported, or names an exported local. */
function classExported(cls: Node, locals: ReadonlySet<string>): boolean {
  const name = cls.childForFieldName('name')?.text;
  if (name && locals.has(name)) return true;
  const p = cls.parent;
  if (p?.type === 'export_statement') return true;
  if (p?.type === 'assignment_expression') return EXPORTS_TARGET.test(p.childForFieldName('left')?.text ?? '');
  return p?.type === 'variable_declarator' && locals.has(p.childForFieldName('name')?.text ?? '');
}

/**
 * Whether a function is part of the package's API (see `LanguageModule.isEntryPoint`): exported, a module-level
 * function exported by another statement, a public method of an exported class, or a function assigned to a
 * property (or a prototype property) of an exported name (`Converter.prototype.run = function`, `api.setDate = …`).
 */
function isEntryPoint(fn: Node, p: Node | null, locals: ReadonlySet<string>): boolean {
  if (isExported(fn, p)) return true;
  const name = unitName(fn, p);
  if (name && locals.has(name) && isModuleLevel(fn, p)) return true;
  if (fn.type === 'method_definition') {
    // `_x`, `#x` and TypeScript's `private` / `protected` methods are not for the package's callers.
    if (!name || /^[_#]/.test(name) || named(fn).some((c) => c.type === 'accessibility_modifier' && c.text !== 'public')) return false;
    const cls = p?.type === 'class_body' ? p.parent : null;
    return !!cls && classExported(cls, locals);
  }
  if (p?.type !== 'assignment_expression' || p.childForFieldName('right')?.id !== fn.id) return false;
  const left = p.childForFieldName('left');
  if (left?.type !== 'member_expression' || /^[_#]/.test(left.childForFieldName('property')?.text ?? '')) return false;
  let obj = left.childForFieldName('object');
  if (obj?.type === 'member_expression' && obj.childForFieldName('property')?.text === 'prototype') obj = obj.childForFieldName('object');
  return obj?.type === 'identifier' && locals.has(obj.text);
}

/** The constant text of a string literal or template (interpolations left out); undefined for anything else. */
function literalText(n: Node): string | undefined {
  if (n.type === 'parenthesized_expression') return named(n).length === 1 ? literalText(named(n)[0]!) : undefined;
  if (n.type === 'string' || n.type === 'template_string') return named(n).filter((c) => c.type === 'string_fragment' || c.type === 'escape_sequence').map((c) => c.text).join('');
  return undefined;
}

/** Whether a literal's constant text holds more than blanks and format placeholders (`%s`, `{}`). */
function hasText(n: Node | null | undefined): boolean {
  const t = n ? literalText(n) : undefined;
  return !!t && /\S/.test(t.replace(/%[-+ #0-9.]*[a-zA-Z%]|\{\w*\}/g, ''));
}

/** See `LanguageModule.buildsString`. */
function buildsString(n: Node): boolean {
  switch (n.type) {
    case 'template_string':
      return hasText(n);
    case 'augmented_assignment_expression':
      return operatorOf(n) === '+=';
    case 'binary_expression': {
      // The leaves of a `+` chain: `'git log ' + a + b` marks b's flow too.
      const todo = [n];
      for (let seen = 0; todo.length && seen < 64; seen++) {
        const x = todo.pop()!;
        const inner = x.type === 'parenthesized_expression' && named(x).length === 1 ? named(x)[0]! : x;
        if (inner.type === 'binary_expression' && operatorOf(inner) === '+') todo.push(...[inner.childForFieldName('left'), inner.childForFieldName('right')].filter((c): c is Node => !!c));
        else if (hasText(inner)) return true;
      }
      return false;
    }
    case 'call_expression': {
      const fn = n.childForFieldName('function');
      const argList = n.childForFieldName('arguments');
      const args = argList ? named(argList) : [];
      const method = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : undefined;
      const obj = fn?.type === 'member_expression' ? fn.childForFieldName('object') : null;
      // ['git', 'log', a].join(' '); 'ls '.concat(a); util.format('ls %s', a)
      if (method === 'join' && obj?.type === 'array') return named(obj).some(hasText);
      if (method === 'concat' && hasText(obj)) return true;
      return /(^|\.)format$/.test(fn?.text ?? '') && hasText(args[0]);
    }
    default:
      return false;
  }
}

function isExported(fn: Node, p: Node | null): boolean {
  if (!p) return false;
  const exportsTarget = (left: Node | null): boolean => !!left && /^(module\.)?exports(\.[\w$]+)?$/.test(left.text);
  if (p.type === 'export_statement') return true;
  if (p.type === 'assignment_expression') return p.childForFieldName('right')?.id === fn.id && exportsTarget(p.childForFieldName('left'));
  if (p.type === 'variable_declarator') return p.parent?.parent?.type === 'export_statement';
  // A method (or a function-valued property) of the default export, of an exported constant (Fresh's
  // `export const handler = { GET(req) {…} }`) or of `module.exports = { ... }`; TypeScript's `satisfies` and `as`
  // wrap the object and change nothing.
  const obj = p.type === 'object' ? p : p.type === 'pair' ? p.parent : undefined;
  let holder = obj?.type === 'object' ? obj.parent : undefined;
  while (holder && (holder.type === 'satisfies_expression' || holder.type === 'as_expression')) holder = holder.parent;
  if (holder?.type === 'export_statement') return true;
  if (holder?.type === 'variable_declarator') return holder.parent?.parent?.type === 'export_statement';
  return holder?.type === 'assignment_expression' && exportsTarget(holder.childForFieldName('left'));
}

/** The module a `require('./m')` call names, canonical; undefined for anything else. */
function requiredModule(n: Node | null | undefined): string | undefined {
  if (n?.type !== 'call_expression' || n.childForFieldName('function')?.text !== 'require') return undefined;
  const args = n.childForFieldName('arguments');
  const first = args ? named(args)[0] : undefined;
  return first?.type === 'string' ? canonicalModule(first.text.slice(1, -1)) : undefined;
}

/**
 * CommonJS barrels: `module.exports = { ...require('./a'), f: require('./b').f }`, `Object.assign(module.exports,
 * require('./a'))`, `exports.f = require('./b').f`.
 */
function commonJsReExports(s: Node): [string, string][] {
  const e = s.type === 'expression_statement' ? named(s)[0] : undefined;
  if (!e) return [];
  const out: [string, string][] = [];
  if (e.type === 'call_expression' && e.childForFieldName('function')?.text === 'Object.assign') {
    const args = e.childForFieldName('arguments');
    const [target, ...rest] = args ? named(args) : [];
    if (target?.text !== 'module.exports' && target?.text !== 'exports') return [];
    for (const a of rest) {
      const m = requiredModule(a);
      if (m) out.push(['*', m]);
    }
    return out;
  }
  if (e.type !== 'assignment_expression') return [];
  const left = e.childForFieldName('left')?.text;
  const right = e.childForFieldName('right');
  // `exports.f = require('./b').f`
  const one = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(left ?? '');
  if (one && right?.type === 'member_expression') {
    const m = requiredModule(right.childForFieldName('object'));
    const prop = right.childForFieldName('property')?.text;
    return m && prop ? [[one[1]!, `${m}.${prop}`]] : [];
  }
  if (left !== 'module.exports' || right?.type !== 'object') return [];
  for (const p of named(right)) {
    if (p.type === 'spread_element') {
      const m = requiredModule(named(p)[0]);
      if (m) out.push(['*', m]);
    } else if (p.type === 'pair') {
      const v = p.childForFieldName('value');
      const key = p.childForFieldName('key');
      const m = v?.type === 'member_expression' ? requiredModule(v.childForFieldName('object')) : undefined;
      const prop = v?.childForFieldName('property')?.text;
      if (m && prop && key?.type === 'property_identifier') out.push([key.text, `${m}.${prop}`]);
    }
  }
  return out;
}

/**
 * See `LanguageModule.reExportsOf`: `export { f, g as h } from './m'`, `export * from './m'`, and CommonJS barrels
 * (see `commonJsReExports`).
 */
function reExportsOf(s: Node): [string, string][] {
  const source = s.type === 'export_statement' ? s.childForFieldName('source') : null;
  if (!source) return commonJsReExports(s);
  const m = canonicalModule(source.text.slice(1, -1));
  const clause = named(s).find((c) => c.type === 'export_clause');
  // `export * as ns from './m'` names a module object: not followed.
  if (!clause) return named(s).some((c) => c.type === 'namespace_export') ? [] : [['*', m]];
  const out: [string, string][] = [];
  for (const sp of named(clause)) {
    const n = sp.childForFieldName('name')?.text;
    if (n) out.push([sp.childForFieldName('alias')?.text ?? n, `${m}.${n}`]);
  }
  return out;
}

/** The [local, exported] names one top-level statement exports a function under (see `exportAliasesOf`). */
function exportAliasesOf(s: Node): [string, string][] {
  const out: [string, string][] = [];
  const add = (local: string, exported: string): void => {
    if (local !== exported) out.push([local, exported]);
  };
  if (s.type === 'export_statement') {
    const decl = s.childForFieldName('declaration');
    // export const GET = handler, POST = handler;
    if (decl && (decl.type === 'lexical_declaration' || decl.type === 'variable_declaration')) {
      for (const d of named(decl)) {
        const n = d.childForFieldName('name');
        const v = d.childForFieldName('value');
        if (n?.type === 'identifier' && v?.type === 'identifier') add(v.text, n.text);
      }
    }
    // export { handler as GET } (not a re-export from another module)
    if (!s.childForFieldName('source')) for (const c of named(s)) if (c.type === 'export_clause') for (const sp of named(c)) {
      const n = sp.childForFieldName('name')?.text;
      const a = sp.childForFieldName('alias')?.text;
      if (n && a) add(n, a);
    }
  } else if (s.type === 'expression_statement') {
    // exports.GET = handler; module.exports.GET = handler
    const a = named(s)[0];
    const left = a?.type === 'assignment_expression' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    const m = left && /^(?:module\.)?exports\.([\w$]+)$/.exec(left.text);
    if (m && right?.type === 'identifier') add(right.text, m[1]!);
  }
  return out;
}

/** A body's or a program's directive prologue: its leading `'…';` statements (comments aside). */
function directives(n: Node): string[] {
  const body = n.type === 'program' ? n : n.childForFieldName('body');
  const out: string[] = [];
  if (!body || (body.type !== 'program' && body.type !== 'statement_block')) return out;
  // Sibling by sibling: a body's statement list is read only as far as its prologue goes.
  for (let s = body.firstNamedChild; s; s = s.nextNamedSibling) {
    if (s.type === 'comment') continue;
    const str = s.type === 'expression_statement' ? s.firstNamedChild : undefined;
    if (!str || str.type !== 'string' || str.nextNamedSibling) break;
    out.push(str.text.slice(1, -1));
  }
  return out;
}

function isModuleLevel(fn: Node, p: Node | null): boolean {
  if (!p) return false;
  if (p.type === 'program') return true;
  if (p.type === 'export_statement') return p.parent?.type === 'program';
  if (p.type !== 'variable_declarator') return false;
  const decl = p.parent;
  return !!decl && (decl.parent?.type === 'program' || (decl.parent?.type === 'export_statement' && decl.parent.parent?.type === 'program'));
}

function exportedNames(tree: Tree): Set<string> {
  const out = new Set<string>();
  for (const s of named(tree.rootNode)) {
    if (s.type === 'export_statement') {
      const decl = s.childForFieldName('declaration');
      const name = decl?.childForFieldName('name')?.text;
      if (name) out.add(name);
      if (decl && (decl.type === 'lexical_declaration' || decl.type === 'variable_declaration')) {
        for (const d of named(decl)) {
          const n = d.childForFieldName('name');
          if (n?.type === 'identifier') out.add(n.text);
        }
      }
      for (const c of named(s)) if (c.type === 'export_clause') for (const sp of named(c)) {
        const n = sp.childForFieldName('name')?.text;
        if (n) out.add(n);
      }
    }
    if (s.type === 'expression_statement') {
      const e = named(s)[0];
      if (e?.type !== 'assignment_expression') continue;
      const left = e.childForFieldName('left')?.text ?? '';
      const right = e.childForFieldName('right');
      const m = /^(?:module\.)?exports\.([\w$]+)$/.exec(left);
      if (m) out.add(m[1]!);
      if (left === 'module.exports' && right?.type === 'object') {
        for (const p of named(right)) {
          if (p.type === 'shorthand_property_identifier') out.add(p.text);
          // `module.exports = { byAuthor(a) { … } }`: the method is the export of its name.
          if (p.type === 'method_definition') {
            const n = p.childForFieldName('name');
            if (n?.type === 'property_identifier') out.add(n.text);
          }
          if (p.type === 'pair') {
            const v = p.childForFieldName('value');
            if (v?.type === 'identifier') out.add(v.text);
          }
        }
      }
    }
  }
  return out;
}

/**
 * What the module exports as itself, in order: each `export default …` (its declaration or value) and each
 * `module.exports = …` (its value).
 */
function ownExports(tree: Tree): Node[] {
  const out: Node[] = [];
  for (const s of named(tree.rootNode)) {
    if (s.type === 'export_statement' && s.children.some((c) => c?.type === 'default')) {
      const v = s.childForFieldName('declaration') ?? s.childForFieldName('value');
      if (v) out.push(v);
    } else if (s.type === 'expression_statement') {
      const e = named(s)[0];
      const right = e?.type === 'assignment_expression' && e.childForFieldName('left')?.text === 'module.exports' ? e.childForFieldName('right') : null;
      if (right) out.push(right);
    }
  }
  return out;
}

/** `ClassInstances.moduleClass`: `export default class C`, `export default C`, `module.exports = C`; the last one wins. */
function moduleClass(tree: Tree): string | undefined {
  let out: string | undefined;
  for (const v of ownExports(tree)) {
    if (v.type === 'class_declaration') out = v.childForFieldName('name')?.text ?? out;
    else if (v.type === 'identifier') out = v.text;
  }
  return out;
}

/** `ClassInstances.moduleFunction`: a function written as the module's export, or the name it exports; the last one wins. */
function moduleFunction(tree: Tree): Node | string | undefined {
  let out: Node | string | undefined;
  for (const v of ownExports(tree)) {
    if (FUNCTION_TYPES.has(v.type)) out = v;
    else if (v.type === 'identifier') out = v.text;
  }
  return out;
}

/** The class `new C(...)` constructs when the class is a plain name (an exported instance's class is the file's own). */
function newOfNamedClass(v: Node | null): string | undefined {
  const ctor = v && typeOf(v) === 'new_expression' ? fieldOf(v, 'constructor') : null;
  return ctor && typeOf(ctor) === 'identifier' ? textOf(ctor) : undefined;
}

/** `ClassInstances.moduleInstance`: `module.exports = new C()`, `export default new C()`; the last one wins. */
function moduleInstance(tree: Tree): string | undefined {
  let out: string | undefined;
  for (const v of ownExports(tree)) out = newOfNamedClass(v) ?? out;
  return out;
}

/**
 * `ClassInstances.exportedInstances`: `export const store = new Store()`, `exports.store = new Store()` (or
 * `module.exports.store = …`), each name bound once.
 */
function exportedInstances(tree: Tree): Map<string, string> {
  const bound = new Map<string, string | null>();
  const put = (name: string, value: Node | null): void => {
    const cls = newOfNamedClass(value);
    bound.set(name, bound.has(name) || cls === undefined ? null : cls);
  };
  for (const s of named(tree.rootNode)) {
    const d = s.type === 'export_statement' ? s.childForFieldName('declaration') : null;
    if (d && (d.type === 'lexical_declaration' || d.type === 'variable_declaration')) {
      for (const v of named(d)) {
        const name = v.type === 'variable_declarator' ? fieldOf(v, 'name') : null;
        if (name && typeOf(name) === 'identifier') put(textOf(name), fieldOf(v, 'value'));
      }
    } else if (s.type === 'expression_statement') {
      const e = named(s)[0];
      const m = e?.type === 'assignment_expression' ? /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(e.childForFieldName('left')?.text ?? '') : null;
      if (m) put(m[1]!, e!.childForFieldName('right'));
    }
  }
  return new Map([...bound].filter((e): e is [string, string] => e[1] !== null));
}

/**
 * JavaScript's class instances (`ClassInstances`): `new UserStore()`, `new db.Pool()` and `Repo.forList(x)` are the
 * class named, as written (`constructedClass`); the classes `exportedNames` gives; every declarator and `=` (`+=` and
 * its kin rebind; a destructuring binds its names to no one constructed value).
 */
const jsInstances: ClassInstances = {
  // A plain call (`service()`) too: an instance where the file's `factories` name the function.
  constructed: (value) => constructedClass(injectedOrDefault(value)) ?? plainCallee(value),
  factories: (root) => {
    const out = new Map<string, string>();
    const add = (name: Node | null, fn: Node | null): void => {
      if (!name || typeOf(name) !== 'identifier' || !fn || !FUNCTION_TYPES.has(typeOf(fn))) return;
      const type = fieldOf(fn, 'return_type')?.namedChildren[0];
      const body = fieldOf(fn, 'body');
      const cls = type
        ? typeOf(type) === 'type_identifier' || typeOf(type) === 'nested_type_identifier' ? textOf(type) : undefined
        : body && typeOf(body) !== 'statement_block' ? constructedClass(body) : body ? sameClass(ownNodes(body, 'return_statement', FUNCTION_TYPES).map((r) => namedKids(r)[0]), constructedClass) : undefined;
      if (cls !== undefined) out.set(textOf(name), cls);
    };
    for (let s of namedKids(root)) {
      if (typeOf(s) === 'export_statement') s = fieldOf(s, 'declaration') ?? s;
      if (typeOf(s) === 'function_declaration') add(fieldOf(s, 'name'), s);
      else if (typeOf(s) === 'lexical_declaration' || typeOf(s) === 'variable_declaration') {
        for (const d of namedKids(s)) if (typeOf(d) === 'variable_declarator') add(fieldOf(d, 'name'), fieldOf(d, 'value'));
      }
    }
    return out;
  },
  exportedClasses: (tree) => {
    const out = exportedNames(tree);
    const own = moduleClass(tree);
    if (own) out.add(own);
    const instance = moduleInstance(tree);
    if (instance) out.add(instance);
    for (const cls of exportedInstances(tree).values()) out.add(cls);
    return out;
  },
  moduleClass: (tree) => moduleClass(tree),
  moduleInstance: (tree) => moduleInstance(tree),
  moduleFunction: (tree) => moduleFunction(tree),
  exportedInstances: (tree) => exportedInstances(tree),
  assignments: (root) => {
    const out: { target: Node; value: Node | null }[] = [];
    for (const a of root.descendantsOfType(['variable_declarator', 'assignment_expression', 'augmented_assignment_expression'])) {
      if (!a) continue;
      const decl = typeOf(a) === 'variable_declarator';
      const target = fieldOf(a, decl ? 'name' : 'left');
      const value = typeOf(a) === 'augmented_assignment_expression' ? null : fieldOf(a, decl ? 'value' : 'right');
      if (target) out.push({ target, value: value && typeOf(value) !== 'assignment_expression' ? value : null });
    }
    return out;
  },
  declaredFields: (root) => {
    const out: { path: string; cls: string }[] = [];
    // `constructor(repo = new Repo()) { this.repo = repo; }`: the field holds the default's class (or the injected
    // instance, of that class by contract).
    for (const ctor of root.descendantsOfType('method_definition')) {
      if (!ctor || fieldOf(ctor, 'name')?.text !== CONSTRUCTOR) continue;
      const defaults = new Map<string, string>();
      for (const p of namedKids(fieldOf(ctor, 'parameters') ?? ctor)) {
        const pat = typeOf(p) === 'optional_parameter' || typeOf(p) === 'required_parameter' ? p : null;
        const assign = typeOf(p) === 'assignment_pattern' ? p : null;
        const name = assign ? fieldOf(assign, 'left') : pat ? fieldOf(pat, 'pattern') : null;
        const value = assign ? fieldOf(assign, 'right') : pat ? fieldOf(pat, 'value') : null;
        const cls = value ? constructedClass(value) : undefined;
        if (name && typeOf(name) === 'identifier' && cls !== undefined) defaults.set(textOf(name), cls);
      }
      if (defaults.size === 0) continue;
      const body = fieldOf(ctor, 'body');
      for (const a of body ? body.descendantsOfType('assignment_expression') : []) {
        const left = a && fieldOf(a, 'left');
        const right = a && fieldOf(a, 'right');
        if (!left || !right || typeOf(left) !== 'member_expression' || typeOf(right) !== 'identifier') continue;
        const obj = fieldOf(left, 'object');
        const prop = fieldOf(left, 'property');
        const cls = defaults.get(textOf(right));
        if (obj && typeOf(obj) === 'this' && prop && cls !== undefined) out.push({ path: `this.${textOf(prop)}`, cls });
      }
    }
    // In TypeScript's syntax: a parameter property has an accessibility modifier or `readonly`, a field declaration
    // its own node; the type is a plain or qualified class name (not a generic, union or array). A field initialised
    // by a constructor call or a static factory (`private search = new SearchService()`, JavaScript's `search = new
    // SearchService()` too) is of that class.
    for (const n of root.descendantsOfType(['required_parameter', 'optional_parameter', 'public_field_definition', 'field_definition'])) {
      if (!n) continue;
      const field = typeOf(n) === 'public_field_definition' || typeOf(n) === 'field_definition';
      const value = field ? fieldOf(n, 'value') : null;
      if (value) {
        const name = fieldOf(n, typeOf(n) === 'field_definition' ? 'property' : 'name');
        const cls = constructedClass(value);
        if (name && typeOf(name) === 'property_identifier' && cls !== undefined) out.push({ path: `this.${textOf(name)}`, cls });
        continue;
      }
      if (typeOf(n) === 'field_definition' || (!field && !isParameterProperty(n))) continue;
      const name = fieldOf(n, field ? 'name' : 'pattern');
      const type = fieldOf(n, 'type')?.namedChildren[0];
      if (!name || typeOf(name) !== (field ? 'property_identifier' : 'identifier') || !type) continue;
      if (typeOf(type) !== 'type_identifier' && typeOf(type) !== 'nested_type_identifier') continue;
      out.push({ path: `this.${textOf(name)}`, cls: textOf(type) });
    }
    return out;
  },
};

/** See `LanguageModule.callbackCheck`: an arrow or function expression whose body is, or only returns, one expression. */
function callbackCheck(fn: Node): { param: string; cond: Node } | undefined {
  if (typeOf(fn) !== 'arrow_function' && typeOf(fn) !== 'function_expression' && typeOf(fn) !== 'function') return undefined;
  const single = fieldOf(fn, 'parameter');
  const params = fieldOf(fn, 'parameters');
  let first = single ?? (params ? namedKids(params)[0] : undefined);
  if (first && (typeOf(first) === 'required_parameter' || typeOf(first) === 'optional_parameter')) first = fieldOf(first, 'pattern') ?? undefined;
  if (!first || typeOf(first) !== 'identifier') return undefined;
  const body = fieldOf(fn, 'body');
  if (!body) return undefined;
  if (typeOf(body) !== 'statement_block') return { param: textOf(first), cond: body };
  const stmts = namedKids(body).filter((k) => typeOf(k) !== 'comment');
  const ret = stmts.length === 1 && typeOf(stmts[0]!) === 'return_statement' ? namedKids(stmts[0]!)[0] : undefined;
  return ret ? { param: textOf(first), cond: ret } : undefined;
}

/**
 * The constructed side of `repo || new Repo()` / `repo ?? new Repo()` (an injected instance, else one of the class:
 * a constructor's usual default); any other value as it is.
 */
function injectedOrDefault(value: Node): Node {
  if (typeOf(value) !== 'binary_expression') return value;
  const op = fieldOf(value, 'operator')?.text;
  return (op === '||' || op === '??') && fieldOf(value, 'right') ? fieldOf(value, 'right')! : value;
}

/**
 * The class a value is an instance of, as written: `new UserStore()`, `new db.Pool()`, and a static factory's result
 * (`TodoRepo.forList(name)`, `await User.create(data)`), which by convention returns an instance; only of a
 * capitalised name, and only the workspace's imported classes count where it is read.
 */
function constructedClass(value: Node): string | undefined {
  if (typeOf(value) === 'await_expression') value = namedKids(value)[0] ?? value;
  if (typeOf(value) === 'call_expression') {
    const fn = fieldOf(value, 'function');
    const obj = fn && typeOf(fn) === 'member_expression' ? fieldOf(fn, 'object') : null;
    return obj && typeOf(obj) === 'identifier' && /^[A-Z]/.test(textOf(obj)) && fieldOf(fn!, 'property')?.type === 'property_identifier' ? textOf(obj) : undefined;
  }
  if (typeOf(value) !== 'new_expression') return undefined;
  const ctor = fieldOf(value, 'constructor');
  return ctor && (typeOf(ctor) === 'identifier' || typeOf(ctor) === 'member_expression') ? dottedName(ctor) : undefined;
}

/** The function a plain call names (`service()`, `await repo()`), else undefined. */
function plainCallee(value: Node): string | undefined {
  if (typeOf(value) === 'await_expression') value = namedKids(value)[0] ?? value;
  const fn = typeOf(value) === 'call_expression' ? fieldOf(value, 'function') : null;
  return fn && typeOf(fn) === 'identifier' ? textOf(fn) : undefined;
}

/** A TypeScript constructor parameter that declares a field too: an accessibility modifier or `readonly` on it. */
function isParameterProperty(param: Node): boolean {
  const type = typeOf(param);
  return (type === 'required_parameter' || type === 'optional_parameter') && param.children.some((c) => !!c && (c.type === 'accessibility_modifier' || c.type === 'readonly'));
}

/** A TypeScript union's members (`A | B | C` nests as `(A | B) | C`). */
function flattenUnion(t: Node): Node[] {
  return typeOf(t) === 'union_type' ? namedKids(t).flatMap(flattenUnion) : [t];
}

/**
 * The nodes that can import, in document order, found without walking the tree node by node: import statements
 * and the declarators around each `require(`, `import(` or `promisify(` in the text.
 */
function importCandidates(root: Node, text: string, statements?: Node[]): Node[] {
  const found = statements ?? root.descendantsOfType(['import_statement']).filter((n): n is Node => !!n);
  const out = found.filter((n) => n.type === 'import_statement');
  const re = /\b(?:require|import|promisify)\s*\(/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let n = root.descendantForIndex(m.index, m.index + 6);
    if (n?.type !== 'identifier' && n?.type !== 'import') continue;
    while (n.parent && VALUE_WRAPPERS.has(n.parent.type)) n = n.parent;
    const decl = n.parent;
    if (decl?.type === 'variable_declarator' && decl.childForFieldName('value')?.id === n.id) out.push(decl);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * Declarations whose value starts with a name in `known`, in document order: possible aliases such as
 * `const run = cp.exec`. `known` grows as the caller takes each one, so an alias of an alias is found too.
 */
function* aliasCandidates(root: Node, text: string, known: Map<string, string>, sites: readonly (readonly [number, string])[] = aliasSites(text)): Generator<Node> {
  for (const [at, head] of sites) {
    if (!known.has(head)) continue;
    let n = root.descendantForIndex(at, at + head.length);
    if (n?.type !== 'identifier') continue;
    while (n.parent && VALUE_WRAPPERS.has(n.parent.type)) n = n.parent;
    // `const client = secure ? https : http`: the conditional's first arm is where the site points.
    if (n.parent?.type === 'ternary_expression' && n.parent.childForFieldName('consequence')?.id === n.id) {
      n = n.parent;
      while (n.parent && VALUE_WRAPPERS.has(n.parent.type)) n = n.parent;
    }
    const decl = n.parent;
    const value = decl?.childForFieldName('value');
    if (decl && decl.type === 'variable_declarator' && value?.id === n.id) yield decl;
  }
}

/** Where `text` declares a name whose value starts with a name (`const run = cp.exec`): that name and its offset. */
function aliasSites(text: string): [number, string][] {
  const out: [number, string][] = [];
  const re = /\b(?:const|let|var)\s+([\w$]+|\{[^}=]*\})\s*=\s*([\w$]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index + m[0].lastIndexOf(m[2]!), m[2]!]);
  // A conditional choosing between two names (`const client = url.startsWith('https') ? https : http`): its first arm.
  const choice = /\b(?:const|let|var)\s+[\w$]+\s*=[^;\n?]*\?\s*([\w$]+)\s*:\s*[\w$]+\s*[;\n]/g;
  for (let m = choice.exec(text); m; m = choice.exec(text)) out.push([m.index + m[0].lastIndexOf(m[1]!, m[0].lastIndexOf(':')), m[1]!]);
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A conditional between two imported modules (`secure ? https : http`, whose APIs the code treats as one): the first
 * arm's module, which the sinks of either name alike. Anything else (a value, a function of a module): undefined.
 */
function eitherModule(value: Node, resolve: (id: string) => string | undefined): string | undefined {
  const [a, b] = [value.childForFieldName('consequence'), value.childForFieldName('alternative')];
  if (a?.type !== 'identifier' || b?.type !== 'identifier') return undefined;
  const [ma, mb] = [resolve(a.text), resolve(b.text)];
  return ma && mb && !ma.includes('.') && !mb.includes('.') ? ma : undefined;
}

function collectImports(root: Node, text = root.text, statements?: Node[], sites?: readonly (readonly [number, string])[]): Map<string, string> {
  const out = new Map<string, string>();
  // Package names become identifier-safe so patterns can name them: js-yaml -> js_yaml, node:fs -> fs.
  const mod = canonicalModule;
  const resolve = (id: string): string | undefined => out.get(id);
  const base = importCandidates(root, text, statements);
  const seen = new Set(base.map((n) => n.id));
  const candidates = function* (): Generator<Node> {
    yield* base;
    for (const n of aliasCandidates(root, text, out, sites)) if (!seen.has(n.id)) yield n;
  };
  for (const n of candidates()) {
    if (n.type === 'import_statement') {
      // TypeScript `import cp = require('child_process')` holds its source in the require clause.
      const required = named(n).find((c) => c.type === 'import_require_clause');
      const requiredName = required ? named(required).find((c) => c.type === 'identifier') : undefined;
      const source = n.childForFieldName('source') ?? required?.childForFieldName('source');
      const m = source ? mod(source.text.slice(1, -1)) : undefined;
      const clause = named(n).find((c) => c.type === 'import_clause');
      if (m && requiredName) out.set(requiredName.text, m);
      if (m && clause) {
        for (const c of named(clause)) {
          if (c.type === 'identifier') out.set(c.text, m);
          else if (c.type === 'namespace_import') {
            const id = named(c)[0];
            if (id) out.set(id.text, m);
          } else if (c.type === 'named_imports') {
            for (const s of named(c)) {
              const name = s.childForFieldName('name')?.text;
              const alias = s.childForFieldName('alias')?.text ?? name;
              if (name && alias) out.set(alias, `${m}.${name}`);
            }
          }
        }
      }
    }
    if (n.type === 'variable_declarator') {
      // `require('m')`, `await import('m')`, `cp.exec`, `util.promisify(cp.exec)`: whatever the value names.
      const value = n.childForFieldName('value');
      const name = n.childForFieldName('name');
      const m = value ? (value.type === 'ternary_expression' ? eitherModule(value, resolve) : canonicalName(value, resolve)) : undefined;
      // `require('socket.io')(3000)`: the module called for an instance. The file imports it (for handlers and
      // sinks that require the import), under a key no identifier can look up: the instance is not the module.
      const called = !m && value?.type === 'call_expression' ? value.childForFieldName('function') : null;
      if (called?.type === 'call_expression') {
        const cm = canonicalName(called, resolve);
        if (cm && !isWorkspaceModule(cm)) out.set(`${cm}()`, cm);
      }
      if (m && name) {
        if (name.type === 'identifier') out.set(name.text, m);
        else if (name.type === 'object_pattern') {
          for (const p of named(name)) {
            if (p.type === 'shorthand_property_identifier_pattern') out.set(p.text, `${m}.${p.text}`);
            else if (p.type === 'pair_pattern') {
              const k = p.childForFieldName('key')?.text;
              const v = p.childForFieldName('value');
              if (k && v?.type === 'identifier') out.set(v.text, `${m}.${k}`);
            }
          }
        }
      }
    }
  }
  return out;
}

function decompose(n: Node, depth = 0): Part[] | undefined {
  if (depth > 64) return undefined;
  if (n.type === 'parenthesized_expression') {
    const inner = named(n)[0];
    return inner ? decompose(inner, depth + 1) : undefined;
  }
  if (n.type === 'binary_expression' && fieldOf(n, 'operator')?.text === '+') {
    const l = fieldOf(n, 'left');
    const r = fieldOf(n, 'right');
    if (!l || !r) return undefined;
    const lp = decompose(l, depth + 1) ?? [{ kind: 'expr', node: l }];
    const rp = decompose(r, depth + 1) ?? [{ kind: 'expr', node: r }];
    return [...lp, ...rp];
  }
  if (n.type === 'template_string') {
    const out: Part[] = [];
    for (const c of named(n)) {
      if (c.type === 'template_substitution') {
        const e = named(c)[0];
        if (!e) return undefined;
        out.push({ kind: 'expr', node: e });
      } else out.push({ kind: 'lit', raw: c.text });
    }
    return out;
  }
  if (n.type === 'string') return [{ kind: 'lit', raw: n.text.slice(1, -1) }];
  return undefined;
}

function literalKeys(n: Node, def: (name: string) => Node | undefined, depth = 0): string[] | undefined {
  if (depth > 16) return undefined;
  switch (n.type) {
    case 'object':
      return kids(n).flatMap((p) => {
        if (p.type === 'shorthand_property_identifier') return [p.text];
        const key = p.type === 'pair' ? fieldOf(p, 'key') : null;
        return key ? [key.text.replace(/^(['"`])(.*)\1$/s, '$2')] : [];
      });
    case 'array':
      return [];
    case 'parenthesized_expression':
    case 'await_expression':
    case 'as_expression':
    case 'satisfies_expression': {
      const inner = kids(n)[0];
      return inner ? literalKeys(inner, def, depth + 1) : undefined;
    }
    case 'identifier': {
      const d = def(n.text);
      return d && d.id !== n.id ? literalKeys(d, def, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function notText(n: Node, def: (name: string) => Node | undefined, depth = 0): boolean {
  if (depth > 16) return false;
  if (n.type === 'parenthesized_expression') {
    const inner = kids(n)[0];
    return !!inner && notText(inner, def, depth + 1);
  }
  if (n.type === 'identifier') {
    const d = def(n.text);
    return !!d && d.id !== n.id && notText(d, def, depth + 1);
  }
  return false;
}

function guardShape(c: Node): GuardShape | undefined {
  const op = operatorOf(c);
  if (c.type === 'unary_expression' && op === '!') {
    const operand = fieldOf(c, 'argument') ?? kids(c)[0];
    return operand ? { kind: 'not', operand } : undefined;
  }
  if (c.type !== 'binary_expression') return undefined;
  const left = fieldOf(c, 'left');
  const right = fieldOf(c, 'right');
  if (op === '&&' || op === '||') return left && right ? { kind: op === '&&' ? 'and' : 'or', left, right } : undefined;
  if (op === '===' || op === '==' || op === '!==' || op === '!=') return left && right ? { kind: 'equals', positive: op === '===' || op === '==', left, right } : undefined;
  return undefined;
}

/** The method that initialises an instance (see `LanguageModule.constructorMethod`). */
const CONSTRUCTOR = 'constructor';

export const javascript: LanguageModule = {
  id: 'javascript',
  typedFields,
  routeSchemaFields,
  constantKeyRead,
  validatedData,
  schemaOf,
  // The one language table holds the fact (the hosts read templates from the same folders).
  templateFolders: TEMPLATE_FOLDERS.javascript,
  // Nunjucks `env.getTemplate(name)`, Pug `compileFile(path)`, Handlebars `compile(fs.readFileSync(path))`.
  templateLoaders: new Set(['getTemplate', 'compileFile', 'compile']),
  fileReads: new Set(['readFileSync', 'readFile']),
  // `const { exec } = require('child_process')`, `import { exec } from 'child_process'`.
  importListEntry: (root, name, module, text) => {
    for (const s of namedKids(root)) {
      if (!text.slice(s.startIndex, s.endIndex).includes(module)) continue;
      const stack = [s];
      while (stack.length) {
        const n = stack.pop()!;
        if ((n.type === 'shorthand_property_identifier_pattern' || n.type === 'import_specifier') && n.text === name) return n;
        stack.push(...namedKids(n));
      }
    }
    return undefined;
  },
  // JavaScript, TypeScript and TSX
  patternSyntax: {
    // A call's type arguments (`decode<User>(t)`) are no part of what a pattern matches, nor is optional chaining
    // (`req?.query`, `req.json?.()` read what `req.query`, `req.json()` do).
    ignored: ['comment', 'type_arguments', 'optional_chain'],
    literals: ['string', 'template_string', 'number', 'true', 'false', 'null', 'undefined', 'regex'],
    quotedStrings: ['string', 'template_string'],
    interpolations: ['template_substitution'],
    stringDelimiters: [],
    identifiers: ['identifier', 'property_identifier', 'shorthand_property_identifier', 'type_identifier'],
    variables: ['identifier'],
    chains: { member_expression: ['object', 'property'] },
    subscripts: { subscript_expression: 'object' },
    calls: ['call_expression'],
    transparent: ['parenthesized_expression', 'await_expression'],
    // TypeScript's `x as T`, `x satisfies T` and `x!` are the value they wrap.
    parenthesized: ['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression'],
    snippetWrappers: ['program', 'expression_statement'],
    tokenOperators: ['unary_expression'],
    dynamicImports: ['import'],
    maps: ['object'],
    entries: { pair: ['key', 'value'] },
    shorthandEntries: ['shorthand_property_identifier'],
    namedEntries: ['method_definition'],
    spreads: ['spread_element'],
    trailingOptions: ['call_expression'],
    falseLiterals: ['false', 'null', 'undefined', '0'],
    constructions: ['new_expression'],
    builtins: [],
  },
  functionTypes: FUNCTION_TYPES,
  importTypes: ['import_statement'],
  nameTypes: ['identifier', 'member_expression'],
  declaratorType: 'variable_declarator',
  iterationMethods: ITERATION_METHODS,
  mappingMethods: MAPPING_METHODS,
  filteringMethods: FILTERING_METHODS,
  callbackCheck,
  // `s.replace(re, (m, g1) => …)`: the callback gets the match and its groups.
  substitutionCall: (method, _receiver, args) => ((method === 'replace' || method === 'replaceAll') && args.length >= 2 ? { callback: 1, subject: 'receiver' } : undefined),
  // Koa's `ctx.throw(400)` always throws (the handler's context is its request, `req`, to the matcher; Egg's and
  // Midway's controllers reach it as `this.ctx`, helpers as a plain `ctx`); so do
  // SvelteKit's `redirect` and `error` and Next.js's `redirect` and `notFound`.
  noReturnCalls: new Set(['process.exit', 'process.abort', 'req.throw', 'ctx.throw', 'this.ctx.throw', '_sveltejs_kit.redirect', '_sveltejs_kit.error', 'next_navigation.redirect', 'next_navigation.permanentRedirect', 'next_navigation.notFound']),
  formattingMethods: FORMATTING_METHODS,
  // `parts.push(x)` then `parts.join(' AND ')`: the array holds x. Not Set's or a DOM list's `add`, nor FormData's
  // `append` (a value stored apart, not text built).
  receiverMethods: new Set(['push', 'unshift']),
  frontMethods: new Set(['unshift']),
  // No `let`/`const`/`var` in front: an assignment, never a declaration.
  assignsEnclosing: () => true,
  blockTypes: new Set(['statement_block', 'program']),
  // `['rev-parse', short && '--short', 'HEAD'].filter(Boolean)`: the literal's words, less the falsy ones.
  argvWords: (focus) => {
    const fn = focus.type === 'call_expression' ? fieldOf(focus, 'function') : null;
    const list = fn?.type === 'member_expression' && fieldOf(fn, 'property')?.text === 'filter' ? fieldOf(fn, 'object') : focus;
    return list?.type === 'array' ? named(list) : undefined;
  },
  stmtKind,
  tableTypes: new Set<string>(['object', 'array']),
  sequenceTypes: new Set(['array']),
  spreadTypes: new Set(['spread_element']),
  exprKind,
  targetKind,
  memberObject: (n) => fieldOf(n, 'object'),
  memberIndex: (n) => fieldOf(n, 'index'),
  propertyOf: (n) => (typeOf(n) === 'member_expression' ? fieldOf(n, 'property') : null),
  callee: (n) => {
    const f = fieldOf(n, typeOf(n) === 'new_expression' ? 'constructor' : 'function');
    // tree-sitter-typescript reads `await load<T>(x)` as `(await load)<T>(x)`: the callee is what is awaited.
    return f && typeOf(f) === 'await_expression' ? (kids(f)[0] ?? f) : f;
  },
  carries: (op) => CARRYING_OPS.has(op),
  falsyLeftOps: new Set(['&&']),
  fallbackOps: new Set(['||', '??']),
  urlParsers: new Set(['URL', 'url.parse', 'URL.parse', 'whatwg_url.URL']),
  conditionalParts: (n) => {
    const k = kids(n);
    return [k[0], k[1], k[2]];
  },
  computedKey: (n) => {
    const key = fieldOf(n, 'key');
    return key && key.type === 'computed_property_name' ? key : null;
  },
  isFormatting: () => false,
  isYield: (type) => type === 'yield_expression',
  comprehensionClauses: () => [],
  isComprehensionClause: () => false,
  definedFunction: (n) => n,
  withItems: () => [],
  withBody: () => undefined,
  switchSubject: (n) => fieldOf(n, 'value'),
  caseFallsThrough: (c) => {
    const last = fieldOf(c, 'body') ? kids(c).filter((k) => k.type !== 'comment').at(-1) : undefined;
    return !last || last === fieldOf(c, 'value') || !['return', 'throw', 'jump'].includes(stmtKind(last.type));
  },
  caseValues: (c) => {
    const v = c.type === 'switch_case' ? fieldOf(c, 'value') : undefined;
    return v ? [v] : undefined;
  },
  isElseIf: () => false,
  elseBody: (n) => fieldOf(n, 'body') ?? kids(n)[0],
  loopHeader: (n) => ['initializer', 'condition', 'increment'].flatMap((f) => fieldOf(n, f) ?? []),
  loopBinding: (n) => {
    let target = fieldOf(n, 'left');
    const iterable = fieldOf(n, 'right');
    if (!target || !iterable) return undefined;
    if (target.type === 'lexical_declaration' || target.type === 'variable_declaration') target = kids(target)[0]?.childForFieldName('name') ?? target;
    return { target, iterable };
  },
  loopCondition: (n) => (n.type === 'while_statement' ? fieldOf(n, 'condition') : null),
  tryParts: (n) => {
    const body = fieldOf(n, 'body') ?? undefined;
    const handlers: { body: Node; caught?: Node }[] = [];
    for (const c of kids(n)) {
      if (c === body || c.type !== 'catch_clause') continue;
      const b = fieldOf(c, 'body') ?? kids(c).find((k) => k.type === 'statement_block');
      const caught = fieldOf(c, 'parameter');
      if (b) handlers.push(caught ? { body: b, caught } : { body: b });
    }
    const fin = fieldOf(n, 'finalizer') ?? kids(n).find((c) => c.type === 'finally_clause');
    const finalizer = fin ? fieldOf(fin, 'body') ?? kids(fin).find((k) => k.type === 'statement_block') : undefined;
    return { body, handlers, finalizer };
  },
  objectPatternEntries: (n) => {
    const out: PatternEntry[] = [];
    for (const p of kids(n)) {
      if (p.type === 'shorthand_property_identifier_pattern') out.push({ target: p, key: textOf(p) });
      else if (p.type === 'pair_pattern') {
        const key = fieldOf(p, 'key');
        const v = fieldOf(p, 'value');
        if (v) out.push({ target: v, ...(key ? { key: key.text } : {}) });
      } else if (p.type === 'object_assignment_pattern') {
        const l = fieldOf(p, 'left');
        if (l) out.push({ target: l, key: l.text });
      } else if (p.type === 'rest_pattern') {
        const inner = kids(p)[0];
        if (inner) out.push({ target: inner, rest: true });
      }
    }
    return out;
  },
  isSequenceLiteral: (type) => type === 'array',
  containerOf: (t) => fieldOf(t, 'object'),
  exportParts: (n) => ({ declaration: fieldOf(n, 'declaration'), value: fieldOf(n, 'value') }),
  constantTruth: (cond, lookup = () => undefined) => {
    foldCounters.truthCalls++;
    const v = foldJs(cond, lookup, { left: MAX_FOLD_NODES });
    return v === undefined ? undefined : truthy(v);
  },
  constantDef,
  isConstantBinding,
  guardShape,
  unparenthesize,
  accessPath: (n) => accessPath(n),
  stringValue,
  isConstant,
  notText,
  literalKeys,
  literalEntries,
  paramsOf,
  paramDefaultOf: (fn, index) => {
    const list = fieldOf(fn, 'parameters');
    const p = list ? kids(list)[index] : undefined;
    return p?.childForFieldName('value') ?? undefined;
  },
  paramTypeOf: (fn, index) => paramTypeNode(fn, index)?.text.replace(/^:\s*/, ''),
  // `this`, and `var self = this;` / `const that = this;` among the body's own statements (not a nested function's).
  receiverCopies: (fn) => {
    const body = fieldOf(fn, 'body');
    const out: string[] = ['this'];
    if (!body || typeOf(body) !== 'statement_block') return out;
    for (const st of namedKids(body)) {
      if (typeOf(st) !== 'variable_declaration' && typeOf(st) !== 'lexical_declaration') continue;
      for (const d of namedKids(st)) {
        const name = fieldOf(d, 'name');
        const value = fieldOf(d, 'value');
        if (name && value && typeOf(name) === 'identifier' && typeOf(value) === 'this') out.push(textOf(name));
      }
    }
    return out;
  },
  // `store: UserStore`, `store?: UserStore | undefined`: TypeScript's annotation, one class named.
  paramClass: (fn, index) => {
    const t = paramTypeNode(fn, index)?.namedChildren[0];
    if (!t) return undefined;
    const parts = typeOf(t) === 'union_type' ? flattenUnion(t).filter((u) => !/^(?:null|undefined)$/.test(textOf(u))) : [t];
    const only = parts.length === 1 ? parts[0]! : undefined;
    return only && (typeOf(only) === 'type_identifier' || typeOf(only) === 'nested_type_identifier') ? textOf(only) : undefined;
  },
  // A class method's decorators (`@Redirect('/home')`): the grammar puts them in the class body before it.
  functionDecorators: (fn) => {
    const out: Node[] = [];
    if (fn.type !== 'method_definition') return out;
    for (let d = fn.previousNamedSibling; d?.type === 'decorator' || d?.type === 'comment'; d = d.previousNamedSibling) {
      const e = d.type === 'decorator' ? named(d)[0] : undefined;
      if (e) out.unshift(e);
    }
    return out;
  },
  paramDecorators: (fn, index) => {
    const list = fieldOf(fn, 'parameters');
    const p = list ? named(list)[index] : undefined;
    return p ? named(p).flatMap((d) => (d.type === 'decorator' ? named(d)[0] ?? [] : [])) : [];
  },
  unitName,
  isMethod: (fn) => fn.type === 'method_definition' || isPrototypeMethod(fn),
  classOf,
  classBases: (fn) => {
    const cls = fn.type === 'method_definition' && fn.parent?.type === 'class_body' ? fn.parent.parent : null;
    const heritage = cls ? kids(cls).find((k) => k.type === 'class_heritage') : undefined;
    const base = heritage ? kids(heritage).find((k) => k.type === 'identifier' || k.type === 'member_expression') : undefined;
    return base ? [base.type === 'identifier' ? base.text : base.childForFieldName('property')?.text ?? ''].filter(Boolean) : [];
  },
  fieldReceiver: 'this',
  requestStores: { params: new Map([['res', 'locals'], ['response', 'locals']]) },
  isExported,
  exportAliasesOf,
  reExportsOf,
  exportedLocalsOf,
  isEntryPoint,
  buildsString,
  isModuleLevel,
  directives,
  exportedNames,
  instances: jsInstances,
  parameterProperty: (name) => !!name.parent && isParameterProperty(name.parent),
  constructs: (call) => {
    const ctor = typeOf(call) === 'new_expression' ? fieldOf(call, 'constructor') : null;
    return ctor && typeOf(ctor) === 'identifier' ? { cls: textOf(ctor), method: CONSTRUCTOR } : undefined;
  },
  constructorMethod: CONSTRUCTOR,
  collectImports,
  aliasSites: (text) => aliasSites(text),
  decompose,
  sqlPlaceholder: (imports) => {
    const mods = [...imports.values()].map((m) => m.split('.')[0]);
    return mods.includes('pg') || mods.includes('postgres') ? '$1' : '?';
  },
  sqlParams: (values) => `[${values.join(', ')}]`,
  pathContainment: (focus, args, fresh, indent, eol) => {
    if (focus.type !== 'call_expression' || !/^path\.(join|resolve)$/.test(fieldOf(focus, 'function')?.text ?? '')) return undefined;
    if (args.some((a) => a.type === 'spread_element')) return undefined;
    const root = args.slice(0, -1).map((a) => a.text).join(', ');
    const name = fresh('safePath');
    const pre =
      `const ${name} = path.resolve(${args.map((a) => a.text).join(', ')});${eol}` +
      `${indent}if (!${name}.startsWith(path.resolve(${root}) + path.sep)) throw new Error("path escapes the allowed folder");${eol}${indent}`;
    return { pre, name };
  },
  htmlEscaper: () => ({
    // Self-contained (no new dependency, no import to add): every HTML-special character becomes an entity.
    wrap: (code) => `String(${code}).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";")`,
    title: 'HTML-escape the value (characters become entities)',
  }),
  textProperty: (name) => (name === 'innerHTML' || name === 'outerHTML' ? 'textContent' : undefined),
  structuralChecks: prototypePollutionChecks({ paramsOf, unitName }),
  relativeRedirect: (x) => `${x}.startsWith("/") && !${x}.startsWith("//") && !${x}.startsWith("/\\\\") ? ${x} : "/"`,
};

// ---- constant folding (`constantTruth`, `constantDef`) ------------------------------------------------------

/** Parents where a name is only read (a call's callee, an operand...): any other use may rebind it. */
const READ_PARENTS = new Set([
  'arguments', 'binary_expression', 'unary_expression', 'ternary_expression', 'return_statement', 'expression_statement',
  'template_substitution', 'array', 'spread_element', 'await_expression', 'if_statement', 'while_statement', 'do_statement',
  'switch_statement', 'subscript_expression', 'jsx_expression',
]);

/** Whether an identifier is read there, never written (its parentheses looked through). */
function isReadOnly(id: Node): boolean {
  let n = id;
  let p = n.parent;
  while (p && typeOf(p) === 'parenthesized_expression') {
    n = p;
    p = p.parent;
  }
  if (!p) return false;
  if (READ_PARENTS.has(typeOf(p))) return true;
  const is = (field: string): boolean => fieldOf(p, field)?.id === n.id;
  switch (typeOf(p)) {
    case 'call_expression':
      return is('function');
    case 'member_expression':
      return is('object');
    case 'pair':
    case 'variable_declarator':
      return is('value');
    case 'assignment_expression':
    case 'augmented_assignment_expression':
      return is('right');
    case 'arrow_function':
      return is('body');
    default:
      return false;
  }
}

/**
 * See `LanguageModule.constantDef`: one `const`/`let` declarator with a value, every other use a read. Only those
 * declarations: a `var` or a bare assignment may not have run where the name is read (hoisting, an untaken branch).
 */
function constantDef(scope: Node, name: string): ConstantDef | 'free' | undefined {
  const t = constantDefsOf(scope, constantDefTable);
  return t.has(name) ? t.get(name) : 'free';
}

/** Every name's `constantDef` in `scope`, in one walk of its names. */
function constantDefTable(scope: Node): ConstantDefs {
  const out: ConstantDefs = new Map();
  for (const id of scope.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
    if (!id) continue;
    const name = textOf(id);
    const cur = out.get(name);
    // Rebound already: nothing later changes that.
    if (cur === undefined && out.has(name)) continue;
    const p = id.parent;
    const decl = p?.parent;
    if (p && decl && typeOf(id) === 'identifier' && typeOf(p) === 'variable_declarator' && fieldOf(p, 'name')?.id === id.id && typeOf(decl) === 'lexical_declaration') {
      const value = fieldOf(p, 'value');
      out.set(name, (cur && cur !== 'free') || !value || !decl.parent ? undefined : { value, end: p.endIndex, scope: decl.parent });
      continue;
    }
    if (typeOf(id) !== 'identifier' || !isReadOnly(id)) out.set(name, undefined);
    else if (!cur) out.set(name, 'free');
  }
  return out;
}

/** A module-level value whose name nothing can rebind: a `const` declarator's. */
function isConstantBinding(value: Node): boolean {
  const decl = value.parent?.parent;
  return !!decl && typeOf(decl) === 'lexical_declaration' && !!decl.firstChild && textOf(decl.firstChild) === 'const';
}

/** A literal's, name's or operation's constant value, or undefined. */
function foldJs(n: Node, lookup: ConstantLookup<Node>, budget: { left: number }): ConstValue | undefined {
  foldCounters.foldNodes++;
  if (--budget.left < 0) return undefined;
  switch (typeOf(n)) {
    case 'parenthesized_expression': {
      const inner = namedKids(n);
      return inner.length === 1 ? foldJs(inner[0]!, lookup, budget) : undefined;
    }
    case 'number': {
      const v = Number(textOf(n).replace(/_/g, ''));
      return Number.isFinite(v) && !/n$/.test(textOf(n)) ? v : undefined;
    }
    case 'string': {
      const s = stringValue(n);
      return s !== undefined && !s.includes('\\') ? s : undefined;
    }
    case 'template_string': {
      const k = namedKids(n);
      if (k.some((c) => typeOf(c) !== 'string_fragment')) return undefined;
      return textOf(n).slice(1, -1);
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'identifier': {
      const v = lookup(n);
      return v ? foldJs(v, lookup, budget) : undefined;
    }
    case 'unary_expression': {
      const op = opText(n);
      const arg = fieldOf(n, 'argument');
      const v = arg ? foldJs(arg, lookup, budget) : undefined;
      if (v === undefined) return undefined;
      if (op === '!') return !truthy(v);
      if (op === '-' && typeof v === 'number') return -v;
      if (op === '+' && typeof v === 'number') return v;
      return undefined;
    }
    case 'binary_expression': {
      const op = opText(n);
      const l = fieldOf(n, 'left');
      const r = fieldOf(n, 'right');
      const a = l ? foldJs(l, lookup, budget) : undefined;
      if (a === undefined || !r) return undefined;
      // `&&` and `||` give one of their operands, the right one only when the left does not decide.
      if (op === '&&') return truthy(a) ? foldJs(r, lookup, budget) : a;
      if (op === '||') return truthy(a) ? a : foldJs(r, lookup, budget);
      const b = foldJs(r, lookup, budget);
      return b === undefined ? undefined : foldBinary(op, a, b, false);
    }
    case 'ternary_expression': {
      const [c, x, y] = [fieldOf(n, 'condition'), fieldOf(n, 'consequence'), fieldOf(n, 'alternative')];
      const v = c ? foldJs(c, lookup, budget) : undefined;
      if (v === undefined) return undefined;
      const side = truthy(v) ? x : y;
      return side ? foldJs(side, lookup, budget) : undefined;
    }
    default:
      return undefined;
  }
}

/** See `LanguageModule.literalEntries`. */
function literalEntries(n: Node): { key: string; value: Node }[] | undefined {
  const out: { key: string; value: Node }[] = [];
  if (typeOf(n) === 'array') {
    for (const [i, e] of namedKids(n).entries()) {
      if (typeOf(e) === 'spread_element' || typeOf(e) === 'comment') return undefined;
      out.push({ key: String(i), value: e });
    }
    return out;
  }
  if (typeOf(n) !== 'object') return undefined;
  for (const p of namedKids(n)) {
    if (typeOf(p) === 'comment') continue;
    if (typeOf(p) === 'shorthand_property_identifier') {
      out.push({ key: textOf(p), value: p });
      continue;
    }
    const key = typeOf(p) === 'pair' ? fieldOf(p, 'key') : null;
    const value = typeOf(p) === 'pair' ? fieldOf(p, 'value') : null;
    const kt = key ? typeOf(key) : undefined;
    const k = !key ? undefined : kt === 'property_identifier' ? textOf(key) : kt === 'string' ? stringValue(key) : kt === 'number' && /^\d+$/.test(textOf(key)) ? textOf(key) : undefined;
    if (k === undefined || !value || !/^[\w$-]+$/.test(k)) return undefined;
    out.push({ key: k, value });
  }
  return out;
}

/** An operator node's text (`-`, `===`), or '' without one. */
function opText(n: Node): string {
  const op = fieldOf(n, 'operator');
  return op ? textOf(op) : '';
}
