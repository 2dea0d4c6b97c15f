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
 * Either is quiet when the function refuses the keys: a string or regex naming `__proto__` (for paths, also
 * `constructor` or `prototype`), a call of a local helper or a use of a deny list that names them (the file's
 * `facts`), an own-property test on the target (`hasOwnProperty.call($T, k)`, `Object.hasOwn`), or a target made
 * by `Object.create(null)` with no plain object created under it. One finding per loop or walk.
 */
import type { Node } from 'web-tree-sitter';
import type { Bindings } from '../../patterns/pattern';
import type { CheckContext, StructuralCheck } from './language';

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
/** Methods that keep a key list a key list (`Object.keys(o).filter(…)`). */
const LIST_METHODS = new Set(['filter', 'sort', 'concat', 'slice', 'reverse']);
/** Own-property tests, by callee text: with the target as receiver or first argument. */
const OWN_TESTS = /(^|\.)(has|hasOwnProperty|hasOwn|hasOwnProp|owns)(\.call)?$/;
const PROTO = /__proto__/;
const CTOR = /\b(constructor|prototype)\b/;
const STRINGS = ['string', 'template_string', 'regex'];

function un(n: Node): Node {
  let c = n;
  while ((c.type === 'parenthesized_expression' || c.type === 'as_expression' || c.type === 'satisfies_expression' || c.type === 'non_null_expression') && c.namedChild(0)) c = c.namedChild(0)!;
  return c;
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/** A record's own entry: a helper may be named `constructor` or `toString`, which every object inherits. */
const own = (r: Record<string, string>, k: string): string | undefined => (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined);

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

  /** The function an iteration callback runs for (`args.forEach(function (obj) {…})` inside `deepExtend`). */
  function lift(fn: Node): Node {
    let f = fn;
    for (let cb = callbackCall(f), up = enclosingFunction(f); cb && PER_ELEMENT.has(cb.method) && up; cb = callbackCall(f), up = enclosingFunction(f)) f = up;
    return f;
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
    const names = selfNames(fn);
    if (names.size === 0) return false;
    for (const call of within.descendantsOfType('call_expression')) {
      if (!call) continue;
      ctx.charge(1);
      const name = calleeName(call);
      if (!name || !names.has(name)) continue;
      const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a);
      const at = args.findIndex((a, i) => (place === 'any' || i === place) && builtFrom(a, slot, fn, ctx));
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

  /** Key names the file's helpers and deny lists refuse: `facts` as { name: 'p' | 'c' | 'pc' }. */
  function readFacts(facts: string): { fns: Record<string, string>; lists: Record<string, string> } {
    try {
      return facts ? (JSON.parse(facts) as { fns: Record<string, string>; lists: Record<string, string> }) : { fns: {}, lists: {} };
    } catch {
      return { fns: {}, lists: {} };
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
      // A deny list read, or a refusing helper handed on as a callback (`keys.filter(isValidKey)`).
      for (const id of fn.descendantsOfType('identifier')) {
        const cov = id ? own(lists, id.text) ?? (self.has(id.text) ? undefined : own(fns, id.text)) : undefined;
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

  const unsafeMerge: StructuralCheck = {
    facts: fileFacts,
    holds(node: Node, b: Bindings, ctx: CheckContext): boolean {
      const tNode = b.get('$T');
      const kNode = b.get('$K');
      if (!tNode || !kNode) return false;
      const t = un(tNode);
      const k = un(kNode);
      if (k.type !== 'identifier' || t.type === 'object' || t.type === 'array') return false;
      ctx.charge(1);
      const found = keyLoop(node, k.text, ctx);
      if (!found) return false;
      const slot = `${compact(t.text)}[${k.text}]`;
      return once(ctx, `merge\u0000${found.loop.startIndex}\u0000${slot}`, node, () => {
        if (!fromParams(found.source, found.fn, ctx)) return false;
        // The recursion writes into its target parameter: `target[key]` must be handed on in that place.
        const place = targetParam(t, found.fn, ctx);
        if (place === undefined || !recursesInto(found.loop, found.fn, slot, ctx, place)) return false;
        const r = refusals(found.fn, t, ctx);
        // Refusing only __proto__ leaves `constructor`: target.constructor is Object, a function, and a recursion
        // that descends into functions reaches Object.prototype through its `prototype`. Safe when the descent
        // tests the slot (or the local holding it) for a plain object.
        return !((r.proto && (r.ctor || plainTested(found.fn, slot, ctx))) || r.own || r.nullProto);
      });
    },
  };

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
    return ids.some((id) => bound.has(id.text) || (table.get(id.text) ?? []).some((d) => d.startIndex >= loop.startIndex && d.endIndex <= loop.endIndex));
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
    const parts =
      n.type === 'assignment_expression' ? [n.childForFieldName('left'), n.childForFieldName('right')]
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
        const returned = body?.type === 'statement_block' ? body.descendantsOfType('return_statement').filter((x): x is Node => !!x) : body ? [body] : [];
        if (!outer || !usesPart || !returned.some((r) => stepOf(r, t.text))) return false;
        return once(ctx, `path\u0000${fn.startIndex}\u0000${t.text}`, node, () => {
          if (!fromParams(cb.receiver, outer, ctx)) return false;
          return !guarded(outer, t, ctx);
        });
      }
      // The walk may run in the function holding the write or in one around it (a closure over the walked variable).
      for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) {
        const holder = f;
        const key = `path\u0000${holder.startIndex}\u0000${t.text}`;
        if (ctx.memo.has(key)) return ctx.memo.get(key) === node.startIndex;
        const step = walkOf(holder, t.text, ctx);
        if (!step) {
          if (defs(holder, ctx).has(t.text) || js.paramsOf(holder).some((p) => boundNames(p).includes(t.text))) return false;
          continue;
        }
        return once(ctx, key, node, () => fromParams(step, holder, ctx) && fromParams(k, holder, ctx) && !guarded(holder, t, ctx));
      }
      return false;
    },
  };

  /** Whether `fn` tests the slot, or a local it assigned the slot to, for a plain object (not a function). */
  function plainTested(fn: Node, slot: string, ctx: CheckContext): boolean {
    const names = [slot];
    for (const [name, values] of defs(fn, ctx)) if (values.some((v) => compact(v.text) === slot)) names.push(name);
    const text = compact(fn.text);
    return names.some((n) => {
      const q = n.replace(/[$[\]().]/g, '\\$&');
      return new RegExp(`typeof\\(?${q}\\)?[!=]==?['"]object['"]|isPlainObject\\(${q}\\)|toString\\.call\\(${q}\\)`).test(text);
    });
  }

  /** For paths both `__proto__` and `constructor.prototype` reach `Object.prototype`: a refusal must name both. */
  function guarded(fn: Node, t: Node, ctx: CheckContext): boolean {
    const r = refusals(fn, t, ctx);
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
      }
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
          for (const [from, cov] of [...Object.entries(fns), ...Object.entries(lists)]) {
            // Refusals spread to callers; an own-property test only where the helper itself makes it.
            if (from === name || !uses.has(from) || cov === 'o') continue;
            const merged = [...new Set(`${own(fns, name) ?? ''}${cov.replace('o', '')}`)].sort().reverse().join('');
            if (merged !== own(fns, name)) {
              fns[name] = merged;
              grew = true;
            }
          }
        }
        if (!grew) break;
      }
    }
    const sorted = (r: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return Object.keys(fns).length + Object.keys(lists).length === 0 ? '' : JSON.stringify({ fns: sorted(fns), lists: sorted(lists) });
  }
}
