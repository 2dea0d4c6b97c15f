/**
 * Prototype pollution in a program's own utility functions (CWE-1321), as structural checks for JavaScript pattern
 * rules (`check:` in a pattern clause). No source is needed: the function's parameters are the input.
 *
 * - `unsafe-merge`: a `$T[$K] = …` (or `Object.assign($T, { [$K]: … })`) where `$K` is bound by a loop over the
 *   keys of an object derived from a parameter (`for…in`, `Object.keys(…)`/`entries` with `for…of`, `forEach`,
 *   an index loop over a keys array), and the loop recurses into `$T[$K]` (the function calls itself with an
 *   argument built from it). A key `__proto__` then makes the recursion write into `Object.prototype`.
 * - `unsafe-path-assignment`: a `$T[$K] = value` where `$T` walks a path (`$T = $T[part]` in a loop, a `reduce`
 *   over the parts with `$T` as accumulator, or recursion on `$T[part]`) whose parts derive from a parameter
 *   (`'a.b.c'.split('.')`, an array). `__proto__.x` or `constructor.prototype.x` reaches `Object.prototype`.
 *
 * - Either through a helper, one level: a write `t[k] = v` whose key and target are the parameters of a function
 *   (`assignValue(obj, key, value)`, `this[key]` in a `forIn(obj, copy, target)` callback) is judged with its calls
 *   in the file, the callers' side kept in the facts (`helperFacts`).
 *
 * Either is quiet when the function refuses the keys: a string or regex naming `__proto__` (for paths, also
 * `constructor` or `prototype`), a call of a local helper or a use of a deny list that names them (the file's
 * `facts`), an own-property test on the target (`hasOwnProperty.call($T, k)`, `Object.hasOwn`), or a target made
 * by `Object.create(null)` with no plain object created under it. One finding per loop or walk.
 */
import type { Node } from 'web-tree-sitter';
import type { Bindings } from '../../patterns/pattern';
import type { CheckContext, StructuralCheck } from './language';
/**
 * A write through a computed key, `x[k] =` (`x[k]! =`, `(x[k]) =`, comments before the `=`), as text: every `$T[$K] = $V` match
 * has one, so a statement without it is not walked for these checks.
 */
const COMPUTED_WRITE = /\](?:[\s!)]|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*(?=\n|$))*=(?![=>])/;


/** The parts of the language module the checks use (passed in, so this file imports no module of its own). */
export interface JsShapes {
  paramsOf(fn: Node): Node[];
  unitName(fn: Node, parent?: Node | null): string | undefined;
}

const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function', 'function']);
const LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
/** Array methods whose callback runs once per element (`reduce`'s element is its second parameter). */
const PER_ELEMENT = new Set(['forEach', 'map', 'flatMap', 'some', 'every', 'filter', 'find', 'reduce']);
/** Functions returning an object's keys (or entries), by their last name: `Object.keys`, lodash `keys`, `getKeys`. */
const KEY_LISTS = /^(keys|keysIn|getKeys|ownKeys|allKeys|entries|toPairs|getOwnPropertyNames|getOwnPropertySymbols)$/;
/**
 * Functions that call a callback with each (value, key) of the object they get first (`forOwn(obj, cb, thisArg)`,
 * lodash's `baseFor`); jQuery's `$.each` passes (key, value) and is not one of them.
 */
const KEYED_ITER = /^(forIn|forOwn|forInRight|forOwnRight|baseFor|baseForOwn|baseForRight)$/;
/** Methods that keep a key list a key list (`Object.keys(o).filter(…)`). */
const LIST_METHODS = new Set(['filter', 'sort', 'concat', 'slice', 'reverse']);
/** Own-property tests, by callee text: with the target as receiver or first argument. */
const OWN_TESTS = /(^|\.)(has|hasOwnProperty|hasOwn|hasOwnProp|owns)(\.call)?$/;
const PROTO = /__proto__/;
const CTOR = /\b(constructor|prototype)\b/;
const STRINGS = ['string', 'template_string', 'regex'];
/**
 * Names of key tests from another module that say they refuse unsafe keys (`isUnsafeProperty(key)`, `isSafeKey`):
 * trusted for `__proto__` only where the file defines no function of that name.
 */
const UNSAFE_KEY_TEST = /^(is|check|assert|validate)?(un)?(safe|dangerous|forbidden|proto|prototype)(object)?(key|prop|property|propertyname|name|path|segment)s?$|^(is|check|assert|validate)?proto(type)?pollut/i;
/** The key names that lead from a plain object to Object.prototype. */
const DANGER = ['__proto__', 'constructor', 'prototype'];
/** Methods that hand on a list's own elements (`parts.shift()`, `keys.slice(1)`). */
const ELEMENT_METHODS = new Set(['shift', 'pop', 'slice', 'filter', 'reverse', 'sort', 'at', 'splice']);
/** Methods that keep a refused path refused (`parsePath(p).join('.').split('.')`). */
const KEEPS_REFUSED = new Set(['split', 'join', 'slice', 'filter', 'reverse', 'sort']);

/**
 * The constant text a key starts and ends with (`'$' + k`, `` `${k}:meta` ``), or undefined when it has none; `exact`
 * for a key that is constant text alone.
 */
function constantEnds(n: Node): { prefix: string; suffix: string; exact: boolean } | undefined {
  const literal = (x: Node): string | undefined => {
    const e = un(x);
    if (e.type === 'string') return e.text.slice(1, -1);
    if (e.type === 'template_string' && !e.namedChildren.some((c) => c?.type === 'template_substitution')) return e.text.slice(1, -1);
    return undefined;
  };
  if (n.type === 'string' || n.type === 'template_string') {
    const whole = literal(n);
    if (whole !== undefined) return { prefix: whole, suffix: whole, exact: true };
    const parts = n.namedChildren.filter((c): c is Node => !!c);
    const first = parts.findIndex((c) => c.type === 'template_substitution');
    let last = -1;
    parts.forEach((c, i) => { if (c.type === 'template_substitution') last = i; });
    const text = (xs: Node[]): string => (xs.every((c) => c.type === 'string_fragment') ? xs.map((c) => c.text).join('') : '');
    const prefix = text(parts.slice(0, first));
    const suffix = text(parts.slice(last + 1));
    return prefix || suffix ? { prefix, suffix, exact: false } : undefined;
  }
  if (n.type !== 'binary_expression' || n.childForFieldName('operator')?.text !== '+') return undefined;
  // `a + b + c` is `(a + b) + c`: its operands left to right.
  const operands: Node[] = [];
  const flat = (x: Node): void => {
    const e = un(x);
    if (e.type === 'binary_expression' && e.childForFieldName('operator')?.text === '+') {
      const l = e.childForFieldName('left');
      const r = e.childForFieldName('right');
      if (l) flat(l);
      if (r) flat(r);
    } else operands.push(e);
  };
  flat(n);
  let prefix = '';
  for (const o of operands) {
    const t = literal(o);
    if (t === undefined) {
      prefix += o.type === 'template_string' ? constantEnds(o)?.prefix ?? '' : '';
      break;
    }
    prefix += t;
  }
  let suffix = '';
  for (const o of [...operands].reverse()) {
    const t = literal(o);
    if (t === undefined) {
      suffix = (o.type === 'template_string' ? constantEnds(o)?.suffix ?? '' : '') + suffix;
      break;
    }
    suffix = t + suffix;
  }
  if (operands.every((o) => literal(o) !== undefined)) return { prefix, suffix: prefix, exact: true };
  return prefix || suffix ? { prefix, suffix, exact: false } : undefined;
}

function un(n: Node): Node {
  let c = n;
  while ((c.type === 'parenthesized_expression' || c.type === 'as_expression' || c.type === 'satisfies_expression' || c.type === 'non_null_expression') && c.namedChild(0)) c = c.namedChild(0)!;
  return c;
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/** A record's own entry: a helper may be named `constructor` or `toString`, which every object inherits. */
const own = <T>(r: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined);

function enclosingFunction(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (FUNCTIONS.has(p.type)) return p;
  return undefined;
}

/** The call a callback is an argument of, with its method name and receiver (`xs.forEach(cb)`). */
function callbackCall(fn: Node): { call: Node; method: string; receiver: Node } | undefined {
  const args = fn.parent;
  const call = args?.type === 'arguments' ? args.parent : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (!call || callee?.type !== 'member_expression') return undefined;
  const receiver = callee.childForFieldName('object');
  const method = callee.childForFieldName('property')?.text;
  return receiver && method ? { call, method, receiver } : undefined;
}

/** The in/of keyword of a `for_in_statement`. */
const forKind = (n: Node): string | undefined => n.children.find((c) => !!c && !c.isNamed && (c.type === 'in' || c.type === 'of'))?.type;

/** Identifiers a binding pattern binds (`a`, `[k, v]`, `{ a, b: c }`, `...rest`, `x = 1`). */
function boundNames(p: Node, out: string[] = []): string[] {
  switch (p.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      out.push(p.text);
      break;
    case 'assignment_pattern':
    case 'object_assignment_pattern': {
      const l = p.childForFieldName('left');
      if (l) boundNames(l, out);
      break;
    }
    case 'pair_pattern': {
      const v = p.childForFieldName('value');
      if (v) boundNames(v, out);
      break;
    }
    case 'required_parameter':
    case 'optional_parameter': {
      const l = p.childForFieldName('pattern');
      if (l) boundNames(l, out);
      break;
    }
    case 'array_pattern':
    case 'object_pattern':
    case 'rest_pattern':
      for (const c of p.namedChildren) if (c) boundNames(c, out);
      break;
    default:
      // A member or subscript target (`o[k] = v`) binds no name.
      break;
  }
  return out;
}

/** Whether a binding (a loop's left side, a parameter) binds `name` first: `k`, or `[k, v]` over entries. */
function bindsFirst(p: Node | undefined, name: string): boolean {
  if (!p) return false;
  const n = un(p);
  if (n.type === 'identifier') return n.text === name;
  if (n.type === 'array_pattern') return n.namedChild(0)?.text === name;
  if (n.type === 'required_parameter' || n.type === 'optional_parameter' || n.type === 'assignment_pattern') return bindsFirst(n.childForFieldName('pattern') ?? n.childForFieldName('left') ?? undefined, name);
  return false;
}

/** What `fileFacts` finds in a file (see `readFacts`). */
interface Facts {
  fns: Record<string, string>;
  lists: Record<string, string>;
  callers: Record<string, number[]>;
  /** Small local predicates that hold only for objects, never functions (`isObj`, `isMergeable`). */
  plain: string[];
  /** Per helper name: how the file's key loops and path walks call it (`helperFacts`). */
  helpers: Record<string, HelperUse[]>;
}

/**
 * One call of a helper that writes `t[k] = v` with `t` and `k` its parameters (`assignValue(obj, key, value)`), from
 * a key loop (`merge`) or after a path walk (`path`), with what the caller decides on its side. Kept in the file's
 * facts: the helper's finding depends on its callers' statements, and the cache reuses a statement's findings while
 * its text and the facts are unchanged.
 */
interface HelperUse {
  kind: 'merge' | 'path';
  /** The helper's parameter places of the key and of the target (`this` for a callback given a `thisArg`). */
  k: number;
  t: number | 'this';
  /** Refusals in the caller: `__proto__`, `constructor`/`prototype`. */
  proto: boolean;
  ctor: boolean;
  /** The caller rules the write out on its own (own-property test, prototype-less target, a copy, checked callers). */
  safe: boolean;
  /** Merge: the names a recursion calls back into, with the target's place in each; whether the caller recurses. */
  names?: [string, number | 'any'][];
  rec?: boolean;
  /** Merge: the caller tests the slot for a plain object before descending. */
  plain?: boolean;
  /** Path: the dangerous names the walk's parts can be; whether it descends only into values of type object. */
  possible?: string[];
  typed?: boolean;
}

export function prototypePollutionChecks(js: JsShapes): ReadonlyMap<string, StructuralCheck> {
  /** Per function: each local name's assigned values (declarations, assignments, loop and callback bindings). */
  function defs(fn: Node, ctx: CheckContext): Map<string, Node[]> {
    // Kept in the run's memo: nodes are new objects on every access, and a run has one tree.
    const key = `defs\u0000${fn.startIndex}\u0000${fn.endIndex}`;
    let m = ctx.memo.get(key) as Map<string, Node[]> | undefined;
    if (m) return m;
    m = new Map<string, Node[]>();
    const add = (name: string, value: Node): void => {
      const list = m!.get(name);
      if (list) list.push(value);
      else m!.set(name, [value]);
    };
    for (const n of fn.descendantsOfType(['variable_declarator', 'assignment_expression', 'for_in_statement', ...FUNCTIONS])) {
      if (!n) continue;
      if (n.type === 'variable_declarator' || n.type === 'assignment_expression') {
        const left = n.childForFieldName(n.type === 'variable_declarator' ? 'name' : 'left');
        const value = n.childForFieldName(n.type === 'variable_declarator' ? 'value' : 'right');
        if (left && value) for (const name of boundNames(left)) add(name, value);
      } else if (n.type === 'for_in_statement') {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (left && right) for (const name of boundNames(left)) add(name, right);
      } else if (n.id !== fn.id) {
        // A callback's element parameter holds an element of the receiver (`parts.forEach((p) => …)`).
        const cb = callbackCall(n);
        if (!cb || !PER_ELEMENT.has(cb.method)) continue;
        const params = js.paramsOf(n);
        const el = params[cb.method === 'reduce' ? 1 : 0];
        if (el) for (const name of boundNames(el)) add(name, cb.receiver);
      }
    }
    ctx.charge(1);
    ctx.memo.set(key, m);
    return m;
  }

  /** Names bound by the parameters of `fn` and of the functions around it. */
  function paramNames(fn: Node): Set<string> {
    const out = new Set<string>(['arguments']);
    for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) for (const p of js.paramsOf(f)) for (const n of boundNames(p)) out.add(n);
    return out;
  }

  /** Whether a value derives from the parameters of `fn` (through locals, loops and callbacks, a few steps deep). */
  function fromParams(e: Node, fn: Node, ctx: CheckContext): boolean {
    const params = paramNames(fn);
    const seen = new Set<string>();
    const table = defs(fn, ctx);
    const visit = (n: Node, depth: number): boolean => {
      ctx.charge(1);
      if (depth > 6) return false;
      const ids = n.type === 'identifier' ? [n] : n.descendantsOfType('identifier').filter((x): x is Node => !!x);
      for (const id of ids) {
        const name = id.text;
        if (params.has(name)) return true;
        if (seen.has(name)) continue;
        seen.add(name);
        for (const d of table.get(name) ?? []) if (visit(d, depth + 1)) return true;
      }
      return false;
    };
    return visit(e, 0);
  }

  /** The object whose keys a list holds (`Object.keys(S)` -> S), through locals and list methods. */
  function keysOf(e: Node, fn: Node, ctx: CheckContext, depth = 0): Node | undefined {
    if (depth > 3) return undefined;
    const n = un(e);
    if (n.type === 'identifier') {
      for (const d of defs(fn, ctx).get(n.text) ?? []) {
        const s = keysOf(d, fn, ctx, depth + 1);
        if (s) return s;
      }
      return undefined;
    }
    if (n.type !== 'call_expression') return undefined;
    const callee = n.childForFieldName('function');
    const arg = n.childForFieldName('arguments')?.namedChild(0) ?? undefined;
    const last = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : callee?.text;
    if (callee?.type === 'member_expression' && last && LIST_METHODS.has(last)) return keysOf(callee.childForFieldName('object')!, fn, ctx, depth + 1);
    return last && KEY_LISTS.test(last) && arg ? arg : undefined;
  }

  /**
   * The dangerous names (`DANGER`) a key or path part can be: all of them, but for constant text around it
   * (`'$' + k` is never `__proto__`) and parts of a split on a separator a name contains (`'a__b'.split('__')` never
   * yields `__proto__`), followed through locals, list elements and iteration callbacks.
   */
  function possibleNames(e: Node, fn: Node, ctx: CheckContext, depth = 0, seen = new Set<string>()): Set<string> {
    const all = new Set(DANGER);
    const n = un(e);
    ctx.charge(1);
    if (depth > 6) return all;
    const ends = constantEnds(n);
    if (ends) {
      return new Set(DANGER.filter((d) => (ends.exact ? d === ends.prefix : d.length >= ends.prefix.length + ends.suffix.length && d.startsWith(ends.prefix) && d.endsWith(ends.suffix))));
    }
    if (n.type === 'subscript_expression') {
      const obj = n.childForFieldName('object');
      return obj ? possibleNames(obj, fn, ctx, depth + 1, seen) : all;
    }
    if (n.type === 'call_expression') {
      const callee = n.childForFieldName('function');
      const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
      const receiver = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
      if (method === 'split') {
        const sep = n.childForFieldName('arguments')?.namedChild(0);
        const fixed = sep ? constantEnds(un(sep)) : undefined;
        // A part never holds its separator.
        return fixed?.exact && fixed.prefix ? new Set(DANGER.filter((d) => !d.includes(fixed.prefix))) : all;
      }
      return method && receiver && ELEMENT_METHODS.has(method) ? possibleNames(receiver, fn, ctx, depth + 1, seen) : all;
    }
    if (n.type !== 'identifier') return all;
    if (seen.has(n.text)) return new Set();
    seen.add(n.text);
    for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) {
      const params = js.paramsOf(f);
      if (params.some((p) => boundNames(p).includes(n.text))) {
        // A callback's element parameter holds the receiver's elements; any other parameter, anything.
        const cb = callbackCall(f);
        const el = cb && PER_ELEMENT.has(cb.method) ? params[cb.method === 'reduce' ? 1 : 0] : undefined;
        const outer = cb && enclosingFunction(cb.call);
        return el && outer && bindsFirst(el, n.text) ? possibleNames(cb.receiver, outer, ctx, depth + 1, seen) : all;
      }
      const values = defs(f, ctx).get(n.text);
      if (!values) continue;
      const out = new Set<string>();
      for (const v of values) for (const d of possibleNames(v, f, ctx, depth + 1, seen)) out.add(d);
      return out;
    }
    return all;
  }

  /** The indexes of `fn`'s own parameters `e` derives from; undefined when it also derives from an outer one. */
  function ownParamIndices(e: Node, fn: Node, ctx: CheckContext): number[] | undefined {
    const own = js.paramsOf(fn).map((p) => boundNames(p));
    const outer = paramNames(fn);
    const out = new Set<number>();
    const seen = new Set<string>();
    const table = defs(fn, ctx);
    let foreign = false;
    const visit = (x: Node, depth: number): void => {
      ctx.charge(1);
      if (depth > 6 || foreign) return;
      const ids = x.type === 'identifier' ? [x] : x.descendantsOfType('identifier').filter((y): y is Node => !!y);
      for (const id of ids) {
        const name = id.text;
        if (seen.has(name)) continue;
        seen.add(name);
        const i = own.findIndex((names) => names.includes(name));
        if (i >= 0) out.add(i);
        else if (outer.has(name)) foreign = true;
        else for (const d of table.get(name) ?? []) visit(d, depth + 1);
      }
    };
    visit(e, 0);
    return foreign ? undefined : [...out];
  }

  /** Whether every in-file caller of `fn` hands it refused keys in each parameter place `e` derives from (facts). */
  function callersRefuse(fn: Node, e: Node, ctx: CheckContext): boolean {
    const { callers } = readFacts(ctx.facts);
    const names = [...selfNames(fn)].filter((n) => own(callers, n) !== undefined);
    if (names.length === 0) return false;
    const idx = ownParamIndices(e, fn, ctx);
    if (!idx || idx.length === 0) return false;
    return names.some((n) => {
      const places = own(callers, n)!;
      return idx.every((i) => places.includes(i));
    });
  }

  /** The function an iteration callback runs for (`args.forEach(function (obj) {…})` inside `deepExtend`). */
  function lift(fn: Node): Node {
    let f = fn;
    for (let up = enclosingFunction(f); up && ((callbackCall(f) && PER_ELEMENT.has(callbackCall(f)!.method)) || keyedIteration(f)); up = enclosingFunction(f)) f = up;
    return f;
  }

  /** The `forOwn(obj, cb, thisArg)` call a callback is handed to, with the object whose (value, key) it gets. */
  function keyedIteration(cb: Node): { call: Node; source: Node; thisArg?: Node } | undefined {
    const args = cb.parent;
    const call = args?.type === 'arguments' ? args.parent : undefined;
    if (call?.type !== 'call_expression' || args!.namedChild(1)?.id !== cb.id) return undefined;
    const name = calleeName(call);
    const source = args!.namedChild(0);
    return name && KEYED_ITER.test(name) && source ? { call, source, thisArg: args!.namedChild(2) ?? undefined } : undefined;
  }

  /** The loop that binds a key variable, the object whose keys it visits, and the function holding the loop. */
  function keyLoop(node: Node, name: string, ctx: CheckContext): { loop: Node; source: Node; fn: Node } | undefined {
    for (let n = node.parent; n; n = n.parent) {
      if (n.type === 'for_in_statement' && bindsFirst(n.childForFieldName('left') ?? undefined, name)) {
        const right = n.childForFieldName('right');
        const fn = enclosingFunction(n);
        if (!right || !fn) return undefined;
        const source = forKind(n) === 'in' ? right : keysOf(right, fn, ctx);
        return source ? { loop: n, source, fn: lift(fn) } : undefined;
      }
      if (!FUNCTIONS.has(n.type)) continue;
      const it = keyedIteration(n);
      if (it && bindsFirst(js.paramsOf(n)[1], name)) {
        const fn = enclosingFunction(it.call);
        return fn ? { loop: n, source: it.source, fn: lift(fn) } : undefined;
      }
      const cb = callbackCall(n);
      if (cb && PER_ELEMENT.has(cb.method) && bindsFirst(js.paramsOf(n)[cb.method === 'reduce' ? 1 : 0], name)) {
        const fn = enclosingFunction(cb.call);
        const source = fn && keysOf(cb.receiver, fn, ctx);
        return fn && source ? { loop: n, source, fn: lift(fn) } : undefined;
      }
      // An index loop: `const key = keys[i]` with `keys = Object.keys(S)`, the write inside the loop.
      for (const d of defs(n, ctx).get(name) ?? []) {
        const v = un(d);
        const list = v.type === 'subscript_expression' ? v.childForFieldName('object') : undefined;
        const source = list && keysOf(list, n, ctx);
        let loop: Node | undefined;
        for (let p = node.parent; p && p.id !== n.id; p = p.parent) if (LOOPS.has(p.type)) loop = p;
        if (source && loop) return { loop, source, fn: lift(n) };
      }
      return undefined;
    }
    return undefined;
  }

  /** The names a function calls itself by: its own or its variable's, a method's (`this.merge`, `$.extend`). */
  function selfNames(fn: Node): Set<string> {
    const out = new Set<string>();
    const own = js.unitName(fn, fn.parent);
    if (own) out.add(own);
    const p = fn.parent;
    if (p?.type === 'pair') {
      const k = p.childForFieldName('key')?.text;
      if (k) out.add(k.replace(/^['"]|['"]$/g, ''));
    }
    // `a.extend = b.extend = function () {…}`, `var f = module.exports = function () {…}`: every name in the chain.
    let a = fn.parent;
    for (; a?.type === 'assignment_expression'; a = a.parent) {
      const left = a.childForFieldName('left');
      const name = left?.type === 'member_expression' ? left.childForFieldName('property')?.text : left?.text;
      if (name) out.add(name);
    }
    const declared = a?.type === 'variable_declarator' ? a.childForFieldName('name') : null;
    if (declared?.type === 'identifier') out.add(declared.text);
    return out;
  }

  const calleeName = (call: Node): string | undefined => {
    const f = call.childForFieldName('function');
    if (!f) return undefined;
    const g = un(f);
    return g.type === 'member_expression' ? g.childForFieldName('property')?.text : g.type === 'identifier' ? g.text : undefined;
  };

  /** Whether `e` is built from `slot` (`target[key]`), directly or through locals (`src = target[key]; clone = src`). */
  function builtFrom(e: Node, slot: string, fn: Node, ctx: CheckContext, depth = 0): boolean {
    ctx.charge(1);
    if (compact(e.text).includes(slot)) return true;
    if (depth > 3) return false;
    const ids = e.type === 'identifier' ? [e] : e.descendantsOfType('identifier').filter((x): x is Node => !!x);
    return ids.some((id) => (defs(fn, ctx).get(id.text) ?? []).some((d) => d.startIndex !== e.startIndex && builtFrom(d, slot, fn, ctx, depth + 1)));
  }

  /**
   * Which parameter of `fn` the target `t` is (`target`, `target = target || {}`, `arguments[0]`): 'any' for one of
   * `arguments`, undefined for a local of its own (a copy the function made, whose slots it may write freely).
   */
  function targetParam(t: Node, fn: Node, ctx: CheckContext): number | 'any' | undefined {
    const params = js.paramsOf(fn).map((p) => boundNames(p)[0]);
    const seen = new Set<string>();
    const visit = (n: Node, depth: number): number | 'any' | undefined => {
      const e = un(n);
      if (depth > 3) return undefined;
      if (e.type === 'binary_expression' && /^(\|\||\?\?)$/.test(e.childForFieldName('operator')?.text ?? '')) {
        const l = e.childForFieldName('left');
        return l ? visit(l, depth + 1) : undefined;
      }
      if (e.type === 'subscript_expression' || e.type === 'member_expression') {
        const o = e.childForFieldName('object');
        if (o && un(o).text === 'arguments') return 'any';
        // `this.options[key]`, `opts.target[k]`: a member of a parameter (or of `this`) is the parameter's.
        return o ? visit(o, depth + 1) : undefined;
      }
      if (e.type === 'this') return 'any';
      if (e.type !== 'identifier') return undefined;
      const i = params.indexOf(e.text);
      if (i >= 0) return i;
      if (seen.has(e.text)) return undefined;
      seen.add(e.text);
      for (const d of defs(fn, ctx).get(e.text) ?? []) {
        const r = visit(d, depth + 1);
        if (r !== undefined) return r;
      }
      return undefined;
    };
    return visit(t, 0);
  }

  /** Whether a call in `within` calls `fn` again with an argument built from `slot`, in the target's place. */
  function recursesInto(within: Node, fn: Node, slot: string, ctx: CheckContext, place: number | 'any'): boolean {
    return recursesWith(within, fn, slot, ctx, recursionTargets(fn, place));
  }

  /**
   * The names a recursion into `fn` may call, each with the target's place: `fn`'s own, and those of a function in
   * the same top-level statement that hands its own parameter on to `fn` in the target's place (`defaultsDeep`
   * calling its inner `copy(target, obj)`), one step.
   */
  function recursionTargets(fn: Node, place: number | 'any'): Map<string, number | 'any'> {
    const self = selfNames(fn);
    const out = new Map<string, number | 'any'>([...self].map((n) => [n, place]));
    if (place === 'any' || self.size === 0) return out;
    let unit = fn;
    while (unit.parent && unit.parent.type !== 'program') unit = unit.parent;
    for (const call of unit.descendantsOfType('call_expression')) {
      const name = call && calleeName(call);
      if (!call || !name || !self.has(name)) continue;
      const g = enclosingFunction(call);
      const arg = call.childForFieldName('arguments')?.namedChild(place);
      if (!g || g.id === fn.id || !arg || un(arg).type !== 'identifier') continue;
      const q = js.paramsOf(g).findIndex((p) => boundNames(p)[0] === un(arg).text);
      if (q >= 0) for (const n of selfNames(g)) if (!out.has(n)) out.set(n, q);
    }
    return out;
  }

  /** Whether a call in `within` calls one of `targets` with an argument built from `slot` (in `scope`) in its place. */
  function recursesWith(within: Node, scope: Node, slot: string, ctx: CheckContext, targets: ReadonlyMap<string, number | 'any'>): boolean {
    if (targets.size === 0) return false;
    for (const call of within.descendantsOfType('call_expression')) {
      if (!call) continue;
      ctx.charge(1);
      const name = calleeName(call);
      const place = name === undefined ? undefined : targets.get(name);
      if (place === undefined) continue;
      const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a);
      const at = args.findIndex((a, i) => (place === 'any' || i === place) && builtFrom(a, slot, scope, ctx));
      if (at < 0) continue;
      // `merge({}, target[key])` copies from the slot into a fresh object; `t[k] = {}; merge(t[k], s[k])` descends
      // into the object it just made.
      if (args.slice(0, at).some((a) => isFresh(a))) continue;
      if (freshBefore(call, slot)) continue;
      return true;
    }
    return false;
  }

  const isFresh = (a: Node): boolean => {
    const n = un(a);
    return n.type === 'object' || n.type === 'array';
  };

  /** Whether a statement before the one holding `call`, in its block, sets `slot` to a new object unconditionally. */
  function freshBefore(call: Node, slot: string): boolean {
    let stmt: Node = call;
    while (stmt.parent && stmt.parent.type !== 'statement_block' && stmt.parent.type !== 'program' && !FUNCTIONS.has(stmt.parent.type)) stmt = stmt.parent;
    for (let prev = stmt.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
      const e = prev.type === 'expression_statement' ? prev.namedChild(0) : null;
      if (e?.type !== 'assignment_expression') continue;
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      if (left && right && compact(left.text) === slot && isCreation(right, slot) && !compact(right.text).includes(slot)) return true;
    }
    return false;
  }

  /**
   * Key names the file's helpers and deny lists refuse (`facts` as { name: 'p' | 'c' | 'pc' }), and the functions
   * whose every in-file caller hands them keys refused that way (`callers`: name -> parameter indexes).
   */
  function readFacts(facts: string): Facts {
    try {
      const f = facts ? (JSON.parse(facts) as Partial<Facts>) : {};
      return { fns: f.fns ?? {}, lists: f.lists ?? {}, callers: f.callers ?? {}, plain: f.plain ?? [], helpers: f.helpers ?? {} };
    } catch {
      return { fns: {}, lists: {}, callers: {}, plain: [], helpers: {} };
    }
  }

  /**
   * What `fn` refuses: `proto` (a string or regex naming `__proto__`, or a helper or list that does), `ctor`
   * (`constructor` or `prototype`), `own` (an own-property test on the target `t`), `nullProto` (the target made by
   * `Object.create(null)` and no plain object made in the function).
   */
  function refusals(fn: Node, t: Node, ctx: CheckContext): { proto: boolean; ctor: boolean; own: boolean; nullProto: boolean } {
    const out = { proto: false, ctor: false, own: false, nullProto: false };
    const text = fn.text;
    if (PROTO.test(text) || CTOR.test(text)) {
      for (const s of fn.descendantsOfType(STRINGS)) {
        if (!s) continue;
        ctx.charge(1);
        if (PROTO.test(s.text)) out.proto = true;
        if (CTOR.test(s.text)) out.ctor = true;
      }
    }
    const { fns, lists } = readFacts(ctx.facts);
    const self = selfNames(fn);
    const targetText = compact(t.text);
    const targetRoot = /^[\w$]+/.exec(targetText)?.[0];
    for (const call of fn.descendantsOfType('call_expression')) {
      if (!call) continue;
      ctx.charge(1);
      const name = calleeName(call);
      const cov = name && !self.has(name) ? own(fns, name) : undefined;
      if (cov?.includes('p')) out.proto = true;
      if (cov?.includes('c')) out.ctor = true;
      const callee = call.childForFieldName('function');
      // A local helper that tests own properties (`hasKey(obj, key)` calling hasOwnProperty) tests the target too.
      if (!callee || !(OWN_TESTS.test(compact(callee.text)) || cov?.includes('o'))) continue;
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      const receiver = callee.type === 'member_expression' && !/\.call$/.test(compact(callee.text)) && !/^Object\./.test(compact(callee.text)) ? callee.childForFieldName('object') : undefined;
      const subject = receiver ?? args[0];
      const s = subject ? compact(subject.text) : '';
      if (s === targetText || s === targetRoot) out.own = true;
    }
    if (Object.keys(lists).length + Object.keys(fns).length > 0) {
      // A deny list read (also as a property: `exports.RESERVED.includes(k)`), or a refusing helper handed on as a
      // callback (`keys.filter(isValidKey)`).
      for (const id of fn.descendantsOfType(['identifier', 'property_identifier'])) {
        const cov = !id ? undefined : id.type === 'property_identifier' ? own(lists, id.text) : own(lists, id.text) ?? (self.has(id.text) ? undefined : own(fns, id.text));
        if (cov?.includes('p')) out.proto = true;
        if (cov?.includes('c')) out.ctor = true;
      }
    }
    if (text.includes('Object.create(null)') && targetRoot) {
      // The target, or a local it starts from (`let cur = root`), made by Object.create(null).
      const table = defs(fn, ctx);
      const made = [targetRoot, ...(table.get(targetRoot) ?? []).map((d) => un(d)).filter((d) => d.type === 'identifier').map((d) => d.text)]
        .some((name) => (table.get(name) ?? []).some((d) => compact(d.text) === 'Object.create(null)'));
      const plain = fn.descendantsOfType('object').some((o) => !!o && o.namedChildCount === 0);
      out.nullProto = made && !plain;
    }
    return out;
  }

  /** Reports one match per `key` in a run: the first that holds (later ones of the same loop or walk stay quiet). */
  function once(ctx: CheckContext, key: string, node: Node, decide: () => boolean): boolean {
    const prior = ctx.memo.get(key);
    if (prior !== undefined) return prior === node.startIndex;
    const yes = decide();
    ctx.memo.set(key, yes ? node.startIndex : -1);
    return yes;
  }

  /** Whether `v` makes the slot's container (`{}`, `[]`, `slot || {}`, `slot ?? {}`, `Object.create(null)`). */
  function isContainerInit(v: Node | undefined, slot: string): boolean {
    if (!v) return false;
    const c = compact(un(v).text);
    return /^(\{\}|\[\]|Object\.create\(null\))$/.test(c) || c === `${slot}||{}` || c === `${slot}??{}` || c === `${slot}||[]` || c === `${slot}??[]`;
  }

  /** Whether the loop writes a value other than a container into the slot, at an assignment other than `not`. */
  function valueWriteIn(loop: Node, slot: string, not: Node): boolean {
    return loop.descendantsOfType('assignment_expression').some((a) => {
      if (!a || a.id === not.id) return false;
      const left = a.childForFieldName('left');
      return !!left && compact(left.text) === slot && !isContainerInit(a.childForFieldName('right') ?? undefined, slot);
    });
  }

  const unsafeMerge: StructuralCheck = {
    facts: fileFacts,
    unitMayHold: (t) => COMPUTED_WRITE.test(t) || /\bassign\b/.test(t),
    holds(node: Node, b: Bindings, ctx: CheckContext): boolean {
      const tNode = b.get('$T');
      const kNode = b.get('$K');
      if (!tNode || !kNode) return false;
      const t = un(tNode);
      const k = un(kNode);
      if (k.type !== 'identifier' || t.type === 'object' || t.type === 'array') return false;
      ctx.charge(1);
      const found = keyLoop(node, k.text, ctx);
      if (!found) return helperMerge(node, t, k, ctx);
      const slot = `${compact(t.text)}[${k.text}]`;
      // Reported at the write of a value (`target[key] = value`), where the recursion's last step writes into
      // Object.prototype, not at the container made before descending (`target[key] = target[key] || {}`).
      if (isContainerInit(b.get('$V'), slot) && valueWriteIn(found.loop, slot, node)) return false;
      return once(ctx, `merge\u0000${found.loop.startIndex}\u0000${slot}`, node, () => {
        if (!fromParams(found.source, found.fn, ctx)) return false;
        // The recursion writes into its target parameter: `target[key]` must be handed on in that place.
        const place = targetParam(t, found.fn, ctx);
        if (place === undefined || !recursesInto(found.loop, found.fn, slot, ctx, place)) return false;
        // Walking one object's own keys and writing into that same object: no second object's keys reach the target
        // (an own "__proto__" key, as JSON.parse makes, is a plain data property, read and written as one).
        if (compact(found.source.text) === compact(t.text)) return false;
        // Copy on write: the target was replaced by the function's own copy first.
        if (t.type === 'identifier' && copiedBefore(found.fn, t.text, node, ctx)) return false;
        const r = refusals(found.fn, t, ctx);
        // Refusing only __proto__ leaves `constructor`: target.constructor is Object, a function, and a recursion
        // that descends into functions reaches Object.prototype through its `prototype`. Safe when the descent
        // tests the slot (or the local holding it) for a plain object.
        if ((r.proto && (r.ctor || plainTested(found.fn, slot, ctx))) || r.own || r.nullProto) return false;
        // Keys validated upstream: every caller in the file hands the source through a refusing helper.
        return !callersRefuse(found.fn, found.source, ctx);
      });
    },
  };

  /** The parameter places of a helper's key and target (`this` for the receiver), or undefined when not both. */
  function helperPlaces(h: Node, t: Node, k: Node): { k: number; t: number | 'this' } | undefined {
    const names = js.paramsOf(h).map((p) => boundNames(p)[0]);
    const ki = k.type === 'identifier' ? names.indexOf(k.text) : -1;
    const ti = t.type === 'this' ? 'this' : t.type === 'identifier' ? names.indexOf(t.text) : -1;
    return ki >= 0 && ti !== -1 ? { k: ki, t: ti } : undefined;
  }

  /** The file's recorded calls of the helper `h` of one kind with the key and target in these places (facts). */
  function helperUses(h: Node, kind: HelperUse['kind'], places: { k: number; t: number | 'this' }, ctx: CheckContext): HelperUse[] {
    const { helpers } = readFacts(ctx.facts);
    return [...selfNames(h)].flatMap((n) => own(helpers, n) ?? []).filter((u) => u.kind === kind && u.k === places.k && u.t === places.t);
  }

  /**
   * `t[k] = v` in a helper whose key and target are its parameters, called from a key loop of a merge (facts): a
   * finding when the caller or the helper recurses into the slot and neither refuses the keys.
   */
  function helperMerge(node: Node, t: Node, k: Node, ctx: CheckContext): boolean {
    const h = enclosingFunction(node);
    const places = h && helperPlaces(h, t, k);
    if (!h || !places) return false;
    const uses = helperUses(h, 'merge', places, ctx);
    if (uses.length === 0) return false;
    const slot = `${compact(t.text)}[${k.text}]`;
    return once(ctx, `helper-merge\u0000${h.startIndex}\u0000${slot}`, node, () => {
      const r = refusals(h, t, ctx);
      if (r.own || r.nullProto) return false;
      const plain = plainTested(h, slot, ctx);
      return uses.some((u) => {
        if (u.safe) return false;
        if (!u.rec && !recursesWith(h, h, slot, ctx, new Map(u.names ?? []))) return false;
        return !((u.proto || r.proto) && (u.ctor || r.ctor || u.plain || plain));
      });
    });
  }

  /** `t[k] = v` in a helper whose key and target are its parameters, called after a path walk of `t` (facts). */
  function helperPath(node: Node, t: Node, k: Node, h: Node, ctx: CheckContext): boolean {
    const places = helperPlaces(h, t, k);
    if (!places) return false;
    const uses = helperUses(h, 'path', places, ctx);
    if (uses.length === 0) return false;
    return once(ctx, `helper-path\u0000${h.startIndex}\u0000${t.text}`, node, () => {
      const r = refusals(h, t, ctx);
      if (r.own || r.nullProto) return false;
      return uses.some((u) => {
        if (u.safe) return false;
        const possible = new Set(u.possible ?? DANGER);
        const proto = u.proto || r.proto || !possible.has('__proto__');
        const ctor = u.ctor || r.ctor || !possible.has('constructor') || !possible.has('prototype');
        return !(proto && (ctor || u.typed));
      });
    });
  }

  /**
   * The calls of helpers that write `t[k] = v` with `t` and `k` their parameters (`assignValue(obj, key, value)`,
   * `this[key] = val` in a `forIn` callback), each with what its caller decides: a key loop of a merge or a path walk
   * of the target, and the caller's refusals. Part of the facts, so a helper's finding follows edits of its callers.
   */
  function helperFacts(root: Node, text: string, base: string): Record<string, HelperUse[]> | undefined {
    const ctx: CheckContext = { facts: base, memo: new Map(), charge: () => undefined };
    const found = new Map<string, { h: Node; k: number; t: number | 'this' }>();
    let count = 0;
    for (const m of text.matchAll(/([\w$]+)\s*\[\s*([\w$]+)\s*\]\s*=(?![=>])/g)) {
      if (++count > 500) break;
      const id = root.descendantForIndex(m.index + m[0].indexOf(m[2]!, m[1]!.length));
      const sub = id?.parent;
      const assign = sub?.parent;
      if (sub?.type !== 'subscript_expression' || assign?.type !== 'assignment_expression' || assign.childForFieldName('left')?.id !== sub.id) continue;
      const h = enclosingFunction(assign);
      const obj = sub.childForFieldName('object');
      const places = h && obj && helperPlaces(h, un(obj), id!);
      if (h && places) found.set(`${h.startIndex}:${places.k}:${places.t}`, { h, ...places });
    }
    if (found.size === 0) return undefined;
    const out: Record<string, HelperUse[]> = Object.create(null) as Record<string, HelperUse[]>;
    let mentions = 0;
    for (const { h, k, t } of found.values()) {
      for (const name of selfNames(h)) {
        const re = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$&')}(?![\\w$])`, 'g');
        for (const m of text.matchAll(re)) {
          if (++mentions > 500) break;
          const id = root.descendantForIndex(m.index, m.index + name.length);
          if (!id || (id.type !== 'identifier' && id.type !== 'property_identifier') || within(id, h)) continue;
          const use = isCallee(id) ? calledHelper(id, k, t, ctx) : t === 'this' && k === 1 ? iteratedHelper(id, ctx) : undefined;
          if (!use) continue;
          (out[name] ??= []).push(use);
        }
      }
    }
    return Object.keys(out).length ? Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
  }

  /** What a direct call of a helper (`assignValue(target, key, v)`, `this.put(into, key, v)`) decides on its side. */
  function calledHelper(id: Node, k: number, t: number | 'this', ctx: CheckContext): HelperUse | undefined {
    const call = id.parent?.type === 'call_expression' ? id.parent : id.parent?.parent;
    const args = call?.childForFieldName('arguments');
    const keyArg = args?.namedChild(k);
    const target = t === 'this' ? undefined : args?.namedChild(t);
    if (!call || !keyArg || !target) return undefined;
    const key = un(keyArg);
    const loop = key.type === 'identifier' ? keyLoop(call, key.text, ctx) : undefined;
    if (loop) return mergeUse(loop, un(target), key.text, call, k, t, ctx);
    const tn = un(target);
    const fn = enclosingFunction(call);
    if (tn.type !== 'identifier' || !fn) return undefined;
    const step = walkOf(fn, tn.text, ctx);
    if (!step || !fromParams(step, fn, ctx) || !fromParams(keyArg, fn, ctx)) return undefined;
    const r = refusals(fn, tn, ctx);
    const name = tn.text.replace(/[$]/g, '\\$&');
    const typed = new RegExp(`typeof\\s*\\(?\\s*${name}\\b[^;{}]*?[!=]==?\\s*['"]object['"]|toString\\.call\\(\\s*${name}\\b`).test(fn.text);
    const possible = new Set([...possibleNames(step, fn, ctx), ...possibleNames(keyArg, fn, ctx)]);
    const safe = r.own || r.nullProto || copiedBefore(fn, tn.text, call, ctx) || callersRefuse(fn, step, ctx);
    return { kind: 'path', k, t, proto: r.proto, ctor: r.ctor, safe, possible: DANGER.filter((d) => possible.has(d)), typed };
  }

  /** A helper handed to `forIn(obj, copy, target)` as the callback, writing `this[key]`. */
  function iteratedHelper(id: Node, ctx: CheckContext): HelperUse | undefined {
    const it = keyedIteration(id);
    if (!it?.thisArg) return undefined;
    const fn = enclosingFunction(it.call);
    return fn ? mergeUse({ loop: it.call, source: it.source, fn: lift(fn) }, un(it.thisArg), '', it.call, 1, 'this', ctx) : undefined;
  }

  /** The caller's side of a helper call from a key loop (`key` empty for a callback's key, named only in the helper). */
  function mergeUse(found: { loop: Node; source: Node; fn: Node }, target: Node, key: string, call: Node, k: number, t: number | 'this', ctx: CheckContext): HelperUse | undefined {
    if (!fromParams(found.source, found.fn, ctx)) return undefined;
    const place = targetParam(target, found.fn, ctx);
    if (place === undefined) return undefined;
    const slot = `${compact(target.text)}[${key}]`;
    const names = recursionTargets(found.fn, place);
    const rec = key !== '' && recursesWith(found.loop, found.fn, slot, ctx, names);
    // The loop writing the same slot itself is reported there (one finding per loop).
    if (rec && found.loop.descendantsOfType('assignment_expression').some((a) => !!a && compact(a.childForFieldName('left')?.text ?? '') === slot)) return undefined;
    const r = refusals(found.fn, target, ctx);
    const same = compact(found.source.text) === compact(target.text);
    const copied = target.type === 'identifier' && copiedBefore(found.fn, target.text, call, ctx);
    const safe = same || copied || r.own || r.nullProto || callersRefuse(found.fn, found.source, ctx);
    return { kind: 'merge', k, t, proto: r.proto, ctor: r.ctor, safe, names: [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), rec, plain: key !== '' && plainTested(found.fn, slot, ctx) };
  }

  /** A value that only makes the next level (`{}`, `[]`, `cur[k] || {}`): the walk's step, not the final write. */
  function isCreation(v: Node, slot: string): boolean {
    const n = un(v);
    if (compact(n.text).includes(slot)) return true;
    switch (n.type) {
      case 'object':
      case 'array':
      case 'new_expression':
        return true;
      case 'ternary_expression': {
        const c = n.namedChildren;
        return !!c[1] && !!c[2] && isCreation(c[1], slot) && isCreation(c[2], slot);
      }
      case 'binary_expression': {
        const r = n.childForFieldName('right');
        return /^(\|\||\?\?)$/.test(n.childForFieldName('operator')?.text ?? '') && !!r && isCreation(r, slot);
      }
      case 'call_expression':
        return /^Object\.create\(null\)$/.test(compact(n.text));
      default:
        return false;
    }
  }

  /** The loop or iteration callback `w` is a step of, inside `fn` (not a nested function's own). */
  function loopOf(w: Node, fn: Node): Node | undefined {
    for (let p = w.parent; p; p = p.parent) {
      if (LOOPS.has(p.type)) return p;
      if (FUNCTIONS.has(p.type)) {
        const cb = callbackCall(p);
        return cb && PER_ELEMENT.has(cb.method) ? p : undefined;
      }
      if (p.id === fn.id) return undefined;
    }
    return undefined;
  }

  /** Whether `e` changes per turn of `loop`: it names the loop's bindings or a local assigned inside it, or calls. */
  function variesIn(e: Node, loop: Node, fn: Node, ctx: CheckContext): boolean {
    if (e.type === 'call_expression' || e.descendantsOfType(['call_expression', 'update_expression']).some((x) => !!x)) return true;
    const bound = FUNCTIONS.has(loop.type) ? new Set(js.paramsOf(loop).flatMap((p) => boundNames(p))) : new Set<string>();
    const ids = e.type === 'identifier' ? [e] : e.descendantsOfType('identifier').filter((x): x is Node => !!x);
    const table = defs(fn, ctx);
    // A counter stepped inside the loop (`while (++i < n)`) changes per turn too.
    const stepped = new Set(
      loop.descendantsOfType(['update_expression', 'augmented_assignment_expression'])
        .map((u) => (u ? un(u.childForFieldName(u.type === 'update_expression' ? 'argument' : 'left') ?? u).text : ''))
    );
    return ids.some((id) => bound.has(id.text) || stepped.has(id.text) || (table.get(id.text) ?? []).some((d) => d.startIndex >= loop.startIndex && d.endIndex <= loop.endIndex));
  }

  /** A walk of `name` in `fn`: `name = name[part]` in a loop, or `fn` calling itself on `name[part]`; the part. */
  function walkOf(fn: Node, name: string, ctx: CheckContext): Node | undefined {
    for (const a of fn.descendantsOfType('assignment_expression')) {
      if (!a) continue;
      ctx.charge(1);
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      const loop = left?.type === 'identifier' && left.text === name && right ? loopOf(a, fn) : undefined;
      if (!loop || !right) continue;
      // `cur = cur[k] = clone(x)` walks into the value it just wrote, never into what was there (Object.prototype).
      const r = un(right);
      const wrote = r.type === 'assignment_expression' ? r.childForFieldName('right') : null;
      if (wrote && !valueStep(wrote, name)) continue;
      const step = valueStep(right, name);
      // The part must change from one turn to the next: `item = item[special]` takes one fixed step.
      if (step && variesIn(step, loop, fn, ctx)) return step;
    }
    const self = selfNames(fn);
    for (const call of fn.descendantsOfType('call_expression')) {
      if (!call) continue;
      ctx.charge(1);
      const callee = calleeName(call);
      if (!callee || !self.has(callee)) continue;
      for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
        const step = arg ? stepOf(arg, name) : undefined;
        if (step) return step;
      }
    }
    return undefined;
  }

  /**
   * The part of a `name[part]` that `e` evaluates to (through `||`, `??`, ternaries and chained assignments), not one
   * it only reads below (`name[part]._custom.value` is another object).
   */
  function valueStep(e: Node, name: string, depth = 0): Node | undefined {
    const n = un(e);
    if (depth > 4) return undefined;
    if (n.type === 'subscript_expression') return stepOf(n, name);
    // `(a, b)` evaluates to its last expression.
    if (n.type === 'sequence_expression') {
      const last = n.namedChild(n.namedChildCount - 1);
      return last ? valueStep(last, name, depth + 1) : undefined;
    }
    const parts =
      n.type === 'assignment_expression' || n.type === 'augmented_assignment_expression' ? [n.childForFieldName('left'), n.childForFieldName('right')]
      : n.type === 'binary_expression' && /^(\|\||\?\?)$/.test(n.childForFieldName('operator')?.text ?? '') ? [n.childForFieldName('left'), n.childForFieldName('right')]
      : n.type === 'ternary_expression' ? [n.childForFieldName('consequence'), n.childForFieldName('alternative')]
      : [];
    for (const p of parts) {
      const step = p ? valueStep(p, name, depth + 1) : undefined;
      if (step) return step;
    }
    return undefined;
  }

  /** The index of a `name[part]` in `e` with a part that is not a constant. */
  function stepOf(e: Node, name: string): Node | undefined {
    const subs = e.type === 'subscript_expression' ? [e] : e.descendantsOfType('subscript_expression');
    for (const s of subs) {
      const obj = s?.childForFieldName('object');
      const idx = s?.childForFieldName('index');
      if (!obj || !idx || un(obj).text !== name) continue;
      const i = un(idx);
      if (i.type === 'string' || i.type === 'number') continue;
      return i;
    }
    return undefined;
  }

  const unsafePath: StructuralCheck = {
    facts: fileFacts,
    unitMayHold: (t) => COMPUTED_WRITE.test(t),
    holds(node: Node, b: Bindings, ctx: CheckContext): boolean {
      const tNode = b.get('$T');
      const kNode = b.get('$K');
      const vNode = b.get('$V');
      if (!tNode || !kNode || !vNode) return false;
      const t = un(tNode);
      const k = un(kNode);
      if (t.type !== 'identifier' || k.type === 'string' || k.type === 'number') return false;
      ctx.charge(1);
      // A key of a loop over an object's keys is a merge's (`unsafe-merge`), even when the merge recurses on it.
      if (k.type === 'identifier' && keyLoop(node, k.text, ctx)) return false;
      if (isCreation(vNode, `${t.text}[${compact(k.text)}]`)) return false;
      const fn = enclosingFunction(node);
      if (!fn) return false;
      // `parts.reduce((o, p) => …, obj)`: the accumulator walks the parts; the writes are in the callback.
      const cb = callbackCall(fn);
      const params = js.paramsOf(fn);
      if (cb?.method === 'reduce' && bindsFirst(params[0], t.text)) {
        const outer = enclosingFunction(cb.call);
        const part = params[1] ? boundNames(params[1]) : [];
        const usesPart = part.some((p) => k.text === p || k.descendantsOfType('identifier').some((i) => i?.text === p));
        // The callback must hand on the next level (`return acc[part]`), not the accumulator itself.
        const body = fn.childForFieldName('body');
        const returned = body?.type === 'statement_block' ? body.descendantsOfType('return_statement').map((x) => x?.namedChild(0)).filter((x): x is Node => !!x) : body ? [body] : [];
        // The value handed on, not a write inside it: `(acc[k + ' =>'] = v, acc)` hands on the accumulator.
        const step = returned.map((r) => valueStep(r, t.text)).find((x) => !!x);
        if (!outer || !usesPart || !step) return false;
        return once(ctx, `path\u0000${fn.startIndex}\u0000${t.text}`, node, () => {
          if (!fromParams(cb.receiver, outer, ctx)) return false;
          return !guarded(outer, t, ctx, possibleNames(step, fn, ctx)) && !callersRefuse(outer, cb.receiver, ctx);
        });
      }
      // The walk may run in the function holding the write or in one around it (a closure over the walked variable).
      for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) {
        const holder = f;
        const key = `path\u0000${holder.startIndex}\u0000${t.text}`;
        if (ctx.memo.has(key)) return ctx.memo.get(key) === node.startIndex;
        const step = walkOf(holder, t.text, ctx);
        if (!step) {
          if (holder.id === fn.id && k.type === 'identifier' && !defs(holder, ctx).has(t.text)) return helperPath(node, t, k, holder, ctx);
          if (defs(holder, ctx).has(t.text) || js.paramsOf(holder).some((p) => boundNames(p).includes(t.text))) return false;
          continue;
        }
        // A copy step: the slot gets a copy of its own value, and the walk goes into that copy next.
        if (copyStep(node, t.text, compact(k.text), vNode, holder, ctx) || copiedBefore(holder, t.text, node, ctx)) return false;
        return once(ctx, key, node, () => fromParams(step, holder, ctx) && fromParams(k, holder, ctx) && !guarded(holder, t, ctx, possibleNames(step, holder, ctx)) && !callersRefuse(holder, step, ctx));
      }
      return false;
    },
  };

  /**
   * Whether the write `t[key] = v` is a copy step of a walk: `v` is built from the slot's own value alone (`clone(x)`
   * with `x = t[key]`; conditions and callees aside) and a later statement of the same loop walks `t = t[key]`, into
   * that copy. Object.prototype is then read but never written (a `__proto__` step sets the copy's prototype).
   */
  function copyStep(write: Node, t: string, key: string, v: Node, fn: Node, ctx: CheckContext): boolean {
    const slot = `${t}[${key}]`;
    const loop = loopOf(write, fn);
    if (!loop) return false;
    let fromSlot = false;
    let other = false;
    const visit = (x: Node): void => {
      const e = un(x);
      ctx.charge(1);
      switch (e.type) {
        case 'identifier':
          if (builtFrom(e, slot, fn, ctx)) fromSlot = true;
          else if (fromParams(e, fn, ctx)) other = true;
          return;
        case 'subscript_expression':
          if (compact(e.text) === slot) fromSlot = true;
          else other = true;
          return;
        case 'call_expression': {
          // The callee (`clone`, `value.slice`) is no value; a method's receiver is.
          const callee = e.childForFieldName('function');
          if (callee?.type === 'member_expression') visit(callee.childForFieldName('object')!);
          for (const a of e.childForFieldName('arguments')?.namedChildren ?? []) if (a) visit(a);
          return;
        }
        case 'ternary_expression': {
          const c = e.childForFieldName('consequence');
          const a = e.childForFieldName('alternative');
          if (c) visit(c);
          if (a) visit(a);
          return;
        }
        case 'binary_expression':
          // A comparison is a boolean, whatever it compares.
          if (/^(===?|!==?|<=?|>=?|instanceof|in)$/.test(e.childForFieldName('operator')?.text ?? '')) return;
          break;
        case 'member_expression':
          visit(e.childForFieldName('object')!);
          return;
        default:
          break;
      }
      for (const c of e.namedChildren) if (c) visit(c);
    };
    visit(v);
    if (!fromSlot || other) return false;
    return loop.descendantsOfType('assignment_expression').some((a) => {
      if (!a || a.startIndex < write.endIndex) return false;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      const step = left?.type === 'identifier' && left.text === t && right ? valueStep(right, t) : undefined;
      return !!step && compact(step.text) === key;
    });
  }

  /**
   * Whether `fn`, before `write`, replaces the target variable with a copy of itself (`out = clone(out)`,
   * `{ ...out }`, `Object.assign({}, out)`, `out.slice()`): the writes then go into the function's own copy.
   */
  function copiedBefore(fn: Node, name: string, write: Node, ctx: CheckContext): boolean {
    const q = name.replace(/[$]/g, '\\$&');
    const copy = new RegExp(`^(?:[\\w$.]*(?:clone|copy)\\w*\\(${q}\\)|\\{\\.\\.\\.${q}\\}|\\[\\.\\.\\.${q}\\]|${q}\\.(?:slice|concat)\\(\\)|Object\\.assign\\((?:\\{\\}|\\[\\]),${q}\\)|Array\\.from\\(${q}\\))$`, 'i');
    return fn.descendantsOfType('assignment_expression').some((a) => {
      ctx.charge(1);
      if (!a || a.startIndex >= write.startIndex) return false;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      return left?.type === 'identifier' && left.text === name && !!right && copy.test(compact(right.text));
    });
  }

  /** Whether `fn` tests the slot, or a local it assigned the slot to, for a plain object (not a function). */
  function plainTested(fn: Node, slot: string, ctx: CheckContext): boolean {
    const names = [slot];
    for (const [name, values] of defs(fn, ctx)) if (values.some((v) => compact(v.text) === slot)) names.push(name);
    const text = compact(fn.text);
    const helpers = readFacts(ctx.facts).plain.map((h) => h.replace(/[$]/g, '\\$&'));
    return names.some((n) => {
      const q = n.replace(/[$[\]().]/g, '\\$&');
      // `isMergeableValue(x)` (plain object or array) too: a function is neither; so is a local helper that tests
      // for an object and never for a function (facts).
      // (Matched in the text as written: compacting would join `return isObj(x)` into one word.)
      if (helpers.length && new RegExp(`(?<![\\w$])(?:${helpers.join('|')})\\(\\s*${q}\\s*\\)`).test(fn.text)) return true;
      // A type-name helper (`typeOf(x) === 'object'`, kind-of) names a function 'function'.
      return new RegExp(`typeof\\(?${q}\\)?[!=]==?['"]object['"]|(?:typeOf|kindOf|getType|typeName)\\(${q}\\)[!=]==?['"]object['"]|is\\w*(?:Plain|Mergeable)\\w*\\(${q}\\)|toString\\.call\\(${q}\\)`).test(text);
    });
  }

  /** For paths both `__proto__` and `constructor.prototype` reach `Object.prototype`: a refusal must name both. */
  function guarded(fn: Node, t: Node, ctx: CheckContext, possible: Set<string>): boolean {
    const r = refusals(fn, t, ctx);
    // A part that can never be `__proto__` needs no refusal of it, nor of `constructor` when that or `prototype`
    // can never be a part.
    if (!possible.has('__proto__')) r.proto = true;
    if (!possible.has('constructor') || !possible.has('prototype')) r.ctor = true;
    // `constructor` leads to a function: a walk that only descends into values of type 'object' stops there.
    const name = t.text.replace(/[$]/g, '\\$&');
    const typed = new RegExp(`typeof\\s*\\(?\\s*${name}\\b[^;{}]*?[!=]==?\\s*['"]object['"]|toString\\.call\\(\\s*${name}\\b`).test(fn.text);
    return (r.proto && (r.ctor || typed)) || r.own || r.nullProto;
  }

  return new Map([
    ['unsafe-merge', unsafeMerge],
    ['unsafe-path-assignment', unsafePath],
  ]);

  /**
   * The file's functions and deny lists that name `__proto__` (`p`) or `constructor`/`prototype` (`c`) in a string
   * or regex: a function calling such a helper (`isSafeKey(k)`) or reading such a list refuses those keys.
   */
  function fileFacts(root: Node, text: string): string {
    const fns: Record<string, string> = Object.create(null) as Record<string, string>;
    const lists: Record<string, string> = Object.create(null) as Record<string, string>;
    const re = /__proto__|(?<=['"`/|(^])(?:constructor|prototype)(?=['"`/|)$])|\bhasOwnProperty\b|\bhasOwn\b/g;
    let count = 0;
    for (let m = re.exec(text); m && count < 2000; m = re.exec(text), count++) {
      let s: Node | null = root.descendantForIndex(m.index, m.index + m[0].length);
      // `o`: a function that tests own properties (named in code, not in a string).
      const ownTest = /^hasOwn/.test(m[0]);
      if (ownTest && s?.type !== 'property_identifier' && s?.type !== 'identifier') continue;
      for (let i = 0; s && !ownTest && i < 3 && !STRINGS.includes(s.type); i++) s = s.parent;
      if (!s || (!ownTest && !STRINGS.includes(s.type))) continue;
      const cov = ownTest ? 'o' : PROTO.test(m[0]) ? 'p' : 'c';
      const add = (into: Record<string, string>, name: string): void => {
        if (!own(into, name)?.includes(cov)) into[name] = [...new Set(`${own(into, name) ?? ''}${cov}`)].sort().reverse().join('');
      };
      for (let p = s.parent; p; p = p.parent) {
        if (FUNCTIONS.has(p.type)) {
          const name = js.unitName(p, p.parent) ?? (p.parent?.type === 'pair' ? p.parent.childForFieldName('key')?.text : undefined);
          if (name) add(fns, name);
          break;
        }
        if (p.type === 'variable_declarator') {
          const name = p.childForFieldName('name');
          if (name?.type === 'identifier') add(lists, name.text);
          break;
        }
        // `exports.RESERVED = ['__proto__', …]`, `this.denied = new Set([…])`: a list kept in a property.
        const right = p.type === 'assignment_expression' ? p.childForFieldName('right') : null;
        if (right && (un(right).type === 'array' || un(right).type === 'new_expression') && s.startIndex >= right.startIndex) {
          const left = p.childForFieldName('left');
          const name = left?.type === 'member_expression' ? left.childForFieldName('property')?.text : left?.type === 'identifier' ? left.text : undefined;
          if (name) add(lists, name);
          break;
        }
      }
    }
    // Key tests imported from another module, trusted by their names (`isUnsafeProperty(key)`).
    const imported = new Set<string>();
    for (const m of text.matchAll(/\b((?:is|check|assert|validate)?(?:un)?(?:safe|dangerous|forbidden|proto)[\w$]*)\s*\(/gi)) if (UNSAFE_KEY_TEST.test(m[1]!)) imported.add(m[1]!);
    if (imported.size > 0) {
      for (const f of root.descendantsOfType([...FUNCTIONS])) if (f) for (const n of selfNames(f)) imported.delete(n);
      for (const n of imported) if (own(fns, n) === undefined) fns[n] = 'p';
    }
    // A function that calls such a helper or reads such a list refuses the keys too (`set` -> `getPathSegments` ->
    // `isValidPath` -> `disallowedKeys`), a few calls deep.
    if (Object.keys(fns).length + Object.keys(lists).length > 0) {
      const named: { name: string; uses: Set<string> }[] = [];
      for (const f of root.descendantsOfType([...FUNCTIONS])) {
        const name = f && (js.unitName(f, f.parent) ?? (f.parent?.type === 'pair' ? f.parent.childForFieldName('key')?.text : undefined));
        if (f && name) named.push({ name, uses: new Set(f.descendantsOfType('identifier').map((i) => i?.text ?? '')) });
      }
      for (let round = 0; round < 3; round++) {
        let grew = false;
        for (const { name, uses } of named) {
          for (const [from, cov, alias] of [...Object.entries(fns).map(([n, c]) => [n, c, false] as const), ...Object.entries(lists).map(([n, c]) => [n, c, true] as const)]) {
            // Refusals spread to callers; an own-property test only where the helper itself makes it, also through
            // an alias of hasOwnProperty (`has = Object.prototype.hasOwnProperty`, bundles' `P(e,t){return yr.call(e,t)}`).
            if (from === name || !uses.has(from) || (cov === 'o' && !alias)) continue;
            const merged = [...new Set(`${own(fns, name) ?? ''}${alias ? cov : cov.replace('o', '')}`)].sort().reverse().join('');
            if (merged !== own(fns, name)) {
              fns[name] = merged;
              grew = true;
            }
          }
        }
        if (!grew) break;
      }
    }
    let base = '';
    if (Object.keys(fns).length + Object.keys(lists).length > 0) {
      const callers = callerRefusals(root, fns);
      const plain = plainPredicates(root);
      const sorted = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const out: Partial<Facts> = { fns: sorted(fns), lists: sorted(lists) };
      if (Object.keys(callers).length) out.callers = sorted(callers);
      if (plain.length) out.plain = plain;
      base = JSON.stringify(out);
    }
    // Helpers' callers are judged with the refusals above in view.
    const helpers = COMPUTED_WRITE.test(text) ? helperFacts(root, text, base) : undefined;
    if (!helpers) return base;
    return JSON.stringify({ ...(base ? (JSON.parse(base) as Partial<Facts>) : {}), helpers });
  }

  /**
   * The file's small predicates that hold only for objects (a type test for 'object', `toString.call`, or a call of
   * another such predicate, `isPlainObject(v) || Array.isArray(v)`) and never name 'function': a descent they guard
   * never enters `constructor`, a function. Only files that refuse `__proto__` somewhere ask for them.
   */
  function plainPredicates(root: Node): string[] {
    const small: { names: Set<string>; text: string }[] = [];
    for (const f of root.descendantsOfType([...FUNCTIONS])) {
      if (!f || f.endIndex - f.startIndex > 400) continue;
      const names = selfNames(f);
      if (names.size && !/['"`]function['"`]/.test(f.text)) small.push({ names, text: f.text });
    }
    const plain = new Set<string>();
    for (const { names, text } of small) if (/typeof\s*\(?\s*[\w$]+\s*\)?\s*[!=]==?\s*['"`]object['"`]|toString\.call\(|isPlainObject\(/.test(text)) for (const n of names) plain.add(n);
    for (let round = 0; round < 3; round++) {
      let grew = false;
      for (const { names, text } of small) {
        if ([...names].some((n) => plain.has(n))) continue;
        if ([...plain].some((p) => new RegExp(`(?<![\\w$])${p.replace(/[$]/g, '\\$&')}\\(`).test(text))) {
          for (const n of names) plain.add(n);
          grew = true;
        }
      }
      if (!grew) break;
    }
    return [...plain].sort();
  }

  /**
   * The file's functions that only the file calls, each with the parameter places where every call hands in keys a
   * refusing helper (one naming `__proto__` and `constructor`/`prototype`) produced or was handed earlier in the
   * caller: `fill(checkedParts(path), obj, v)`, `normalize(k, def, schema.props); applyDefaults(schema, out)`. A
   * function the file exports, or names other than to call it, may get any keys.
   */
  function callerRefusals(root: Node, fns: Record<string, string>): Record<string, number[]> {
    const refusing = new Set(Object.entries(fns).filter(([, c]) => c.includes('p') && c.includes('c')).map(([n]) => n));
    const out: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
    if (refusing.size === 0) return out;
    // Each name of one function only; a public method (`X.prototype.fill`, a class's `fill`) may be called from anywhere.
    const byName = new Map<string, Node | null>();
    for (const f of root.descendantsOfType([...FUNCTIONS])) {
      if (!f || exported(f)) continue;
      for (const n of selfNames(f)) byName.set(n, byName.has(n) ? null : f);
    }
    const calls = new Map<string, Node[]>();
    for (const call of root.descendantsOfType('call_expression')) {
      const name = call && calleeName(call);
      const f = name ? byName.get(name) : undefined;
      if (!call || !name || !f || refusing.has(name) || (call.startIndex >= f.startIndex && call.endIndex <= f.endIndex)) continue;
      const list = calls.get(name);
      if (list) list.push(call);
      else calls.set(name, [call]);
    }
    if (calls.size === 0) return out;
    // Any other mention of the name (an export, a callback, `module.exports = { fill }`) lets other keys in.
    const escaped = new Set<string>();
    for (const id of root.descendantsOfType(['identifier', 'property_identifier', 'shorthand_property_identifier'])) {
      if (!id || !calls.has(id.text)) continue;
      const f = byName.get(id.text)!;
      if (within(id, definitionOf(f)) || isCallee(id)) continue;
      escaped.add(id.text);
    }
    for (const [name, list] of calls) {
      if (escaped.has(name)) continue;
      const f = byName.get(name)!;
      const places: number[] = [];
      for (let i = 0; i < js.paramsOf(f).length; i++) if (list.every((call) => refusedArg(call, i, refusing, root))) places.push(i);
      if (places.length) out[name] = places;
    }
    return out;
  }

  /** A function the module exports by its syntax (`export function`, `exports.f = function`, a public method). */
  function exported(f: Node): boolean {
    for (let p = f.parent; p; p = p.parent) {
      if (p.type === 'export_statement') return true;
      if (p.type === 'assignment_expression') {
        const left = compact(p.childForFieldName('left')?.text ?? '');
        if (/^(module\.)?exports\b/.test(left)) return true;
        // `X.prototype.fill = function`: a method instances expose, unless named as private (`_fill`).
        if (/\.prototype\.[^_#]/.test(left)) return true;
        continue;
      }
      if (p.type === 'variable_declarator' || p.type === 'parenthesized_expression') continue;
      break;
    }
    return f.type === 'method_definition' && !/^[_#]/.test(f.childForFieldName('name')?.text ?? '');
  }

  /** The node that defines `f` with its names (`a.fill = function…`, `const fill = …`, or `f` itself). */
  function definitionOf(f: Node): Node {
    let d = f;
    while (d.parent && (d.parent.type === 'assignment_expression' || d.parent.type === 'variable_declarator' || d.parent.type === 'pair')) d = d.parent;
    return d;
  }

  function within(n: Node, outer: Node): boolean {
    return n.startIndex >= outer.startIndex && n.endIndex <= outer.endIndex;
  }

  /** Whether a name is what a call calls (`fill(…)`, `this.fill(…)`). */
  function isCallee(id: Node): boolean {
    const p = id.parent;
    if (p?.type === 'call_expression') return p.childForFieldName('function')?.id === id.id;
    const g = p?.parent;
    return p?.type === 'member_expression' && p.childForFieldName('property')?.id === id.id && g?.type === 'call_expression' && g.childForFieldName('function')?.id === p.id;
  }

  /**
   * Whether a call's argument `i` holds refused keys: a refusing helper's result (through locals and methods such as
   * `.split`), or an object the caller handed to a refusing helper before the call (which built or checked it).
   */
  function refusedArg(call: Node, i: number, refusing: Set<string>, root: Node): boolean {
    const arg = call.childForFieldName('arguments')?.namedChild(i);
    if (!arg || arg.type === 'spread_element') return false;
    const scope = enclosingFunction(call) ?? root;
    const produced = (e: Node, depth: number): boolean => {
      const n = un(e);
      if (depth > 3) return false;
      if (n.type === 'call_expression') {
        const name = calleeName(n);
        if (name && refusing.has(name)) return true;
        const callee = n.childForFieldName('function');
        const obj = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
        return !!obj && !!name && KEEPS_REFUSED.has(name) && produced(obj, depth + 1);
      }
      if (n.type !== 'identifier' || js.paramsOf(scope).some((p) => boundNames(p).includes(n.text))) return false;
      const values: Node[] = [];
      for (const d of scope.descendantsOfType(['variable_declarator', 'assignment_expression'])) {
        const left = d?.childForFieldName(d.type === 'variable_declarator' ? 'name' : 'left');
        const right = d?.childForFieldName(d.type === 'variable_declarator' ? 'value' : 'right');
        if (left?.type === 'identifier' && left.text === n.text && right) values.push(right);
      }
      return values.length > 0 && values.every((v) => produced(v, depth + 1));
    };
    if (produced(arg, 0)) return true;
    const a = compact(un(arg).text);
    if (!/^[\w$.]+$/.test(a)) return false;
    return scope.descendantsOfType('call_expression').some((c) => {
      const name = c && calleeName(c);
      if (!c || !name || !refusing.has(name) || c.endIndex > call.startIndex) return false;
      return (c.childForFieldName('arguments')?.namedChildren ?? []).some((x) => {
        const t = x ? compact(x.text) : '';
        return t === a || t.startsWith(`${a}.`) || t.startsWith(`${a}[`);
      });
    });
  }
}
