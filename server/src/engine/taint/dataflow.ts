/**
 * Flow-sensitive taint tracking over tree-sitter trees, for JavaScript/TypeScript and Python.
 *
 * Each function ("unit", plus the module's top level) is analysed on its own: statements in order, a state
 * mapping variables and field access paths (`obj.field`) to their taint, branches merged by union, loops run
 * twice. Parameters start as symbolic taint, so one pass yields both findings and the function's summary
 * (parameter -> return, parameter -> sink, source -> return), which call sites in other units apply.
 * Recursion over expressions is depth-bounded, so pathological nesting degrades to "not tainted" instead of
 * overflowing the stack.
 */
import type { Node } from 'web-tree-sitter';
import { boundText, chainRoot, dottedName, kids, matchPattern, operatorOf, typeOf, type Bindings, type CanonicalResolver } from '../patterns/pattern';
import type { LineIndex } from '../text';
import type { Fix, Range, TraceStep } from '../types';
import type { Compiled, CompiledRule } from './rule-set';

/** Where tainted data came from: a source in this unit, or the unit's parameter `index`. */
export type Origin = { kind: 'source'; label: string } | { kind: 'param'; index: number };

/** One way the data got here. */
export interface Flow {
  origin: Origin;
  steps: TraceStep[];
}

/** Tainted values carry one or more flows; clean values are `undefined`. */
export type Taint = Flow[];

/** A sink reached from a parameter, inside a function; call sites turn it into findings. */
export interface SinkHit {
  /** File of the sink when it is in another file (cross-file summaries); findings then sit at the call. */
  path?: string;
  /** Steps from the parameter to the sink, the sink step last. */
  steps: TraceStep[];
  range: Range;
  sinkText: string;
  fixes: Fix[];
}

/** What a unit does with its parameters, for one rule. */
export interface Summary {
  /** Parameter index -> steps to the return value. */
  paramReturns: Map<number, TraceStep[]>;
  /** Flows from sources to the return value. */
  sourceReturns: Flow[];
  paramSinks: Map<number, SinkHit[]>;
  /**
   * Variables of an enclosing function the unit uses (closures): `paramSinks` key -(i + 1) stands for
   * `captures[i]`; the enclosing unit applies those hits with its own taint of the variable where it defines
   * the function.
   */
  captures?: string[];
}

/** A finding before it becomes a `Finding`: the rule is known to the caller. */
export interface RawTaintFinding {
  range: Range;
  label: string;
  sinkText: string;
  trace: TraceStep[];
  fixes: Fix[];
}

/** Builds fixes for a sink match; supplied by the analyzer (see fixes.ts). */
export type FixBuilder = (rule: CompiledRule, sinkNode: Node, focus: Node, bindings: Bindings) => Fix[];

/** Everything a unit analysis needs besides the unit. */
export interface UnitEnv {
  rule: CompiledRule;
  index: RuleIndex;
  lines: LineIndex;
  resolve: CanonicalResolver;
  /** Summary of a callee, by the call's callee node. */
  calleeSummary: (callee: Node) => { summary: Summary; name: string; offset: number } | undefined;
  /** Summary of an inline function (a callback passed as an argument), by its node. */
  inlineSummary: (fn: Node) => Summary | undefined;
  buildFixes: FixBuilder;
  /** Whether the file imports this module (or a submodule of it); for `unless-import` sinks. */
  imported?: (module: string) => boolean;
  /**
   * Steps (statements and expressions visited) this unit may take before it throws BudgetExceeded: one unit can
   * be a whole bundle. Counted, not timed, so the cut falls at the same place on every machine.
   */
  limit?: number;
}

/** Thrown when a unit analysis takes more than `UnitEnv.limit` steps, or a run more than its work budget. */
export class BudgetExceeded extends Error {}

/** Parameters of a unit, and which of them are sources. */
export interface UnitParams {
  names: { node: Node; index: number }[];
  /** Indices of parameters that are user input (framework handlers), with a label. */
  sources: Map<number, string>;
  /** Ids of the framework handlers the unit is (for sinks that only apply in handlers). */
  handlers?: string[];
}

export interface UnitResult {
  summary: Summary;
  findings: RawTaintFinding[];
  /** Steps the analysis took (at least 1): a deterministic function of the unit, the rule and the summaries it consulted. */
  work: number;
}

const MAX_DEPTH = 256;
const MAX_FLOWS = 3;
const MAX_STEPS = 14;

const FUNCTION_TYPES = new Set([
  'function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration',
  'generator_function', 'function', 'function_definition', 'lambda',
]);
export const isFunctionNode = (n: Node): boolean => FUNCTION_TYPES.has(typeOf(n));
const NONE: never[] = [];

/** A rule's patterns grouped by the node type they can match, so each node only tries its candidates. */
export interface RuleIndex {
  sources: Map<string, Compiled<CompiledRule['sources'][number]['spec']>[]>;
  sinks: Map<string, Compiled<CompiledRule['sinks'][number]['spec']>[]>;
  sanitizers: Map<string, Compiled<CompiledRule['sanitizers'][number]['spec']>[]>;
  propagators: Map<string, Compiled<CompiledRule['propagators'][number]['spec']>[]>;
}

const indexCache = new WeakMap<CompiledRule, RuleIndex>();

/** Builds (once per compiled rule) the by-node-type index of its patterns. */
export function ruleIndex(rule: CompiledRule): RuleIndex {
  let idx = indexCache.get(rule);
  if (idx) return idx;
  const group = <T extends { pattern: { root: { type: string; dotted?: string } } }>(list: T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    const add = (k: string, v: T): void => {
      const l = m.get(k) ?? [];
      if (!l.includes(v)) l.push(v);
      m.set(k, l);
    };
    for (const c of list) {
      add(c.pattern.root.type, c);
      // A dotted pattern (`flask.request.args`) can also match an imported name or a shorter chain.
      if (c.pattern.root.dotted) for (const t of ['identifier', 'member_expression', 'attribute']) add(t, c);
    }
    return m;
  };
  idx = { sources: group(rule.sources), sinks: group(rule.sinks), sanitizers: group(rule.sanitizers), propagators: group(rule.propagators) };
  indexCache.set(rule, idx);
  return idx;
}

const CLASS_TYPES = new Set(['class_declaration', 'class', 'class_definition', 'abstract_class_declaration']);
const LITERAL_TYPES = new Set(['number', 'integer', 'float', 'true', 'false', 'null', 'none', 'undefined', 'regex', 'string_fragment', 'escape_sequence', 'string_content', 'comment']);
/** Operators whose result carries the operands' data (concatenation, formatting, value-returning logic). */
const CARRYING_OPS = new Set(['+', '%', '||', '&&', '??', 'or', 'and']);

type State = Map<string, Taint | null>;

/** Methods that call their callback with the receiver's elements (or resolved value). */
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'then']);

const named = kids;

function union(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = [...a];
  for (const f of b) {
    if (out.length >= MAX_FLOWS) break;
    if (!out.some((g) => sameOrigin(g.origin, f.origin))) out.push(f);
  }
  return out;
}

const sameOrigin = (a: Origin, b: Origin): boolean =>
  a.kind === 'source' ? b.kind === 'source' && a.label === b.label : b.kind === 'param' && a.index === b.index;

function addStep(t: Taint | undefined, step: TraceStep): Taint | undefined {
  if (!t) return t;
  return t.map((f) => (f.steps.length >= MAX_STEPS ? f : { origin: f.origin, steps: [...f.steps, step] }));
}

function mergeStates(a: State, b: State): State {
  const out: State = new Map(a);
  for (const [k, v] of b) {
    const prev = out.get(k);
    if (v === null) {
      if (prev === undefined) out.set(k, null);
    } else out.set(k, prev ? union(prev, v) ?? null : v);
  }
  for (const [k, v] of a) if (v === null && !b.has(k)) out.set(k, null);
  return out;
}

function statesEqual(a: State, b: State): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if ((v === null) !== (w === null) || (v && (!w || v.length !== w.length))) return false;
  }
  return true;
}

/** The state key of an access path: `a`, `a.b`, `a.b` for `a["b"]`; undefined when not a plain path. */
export function accessPath(n: Node, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  if (n.type === 'identifier' || n.type === 'shorthand_property_identifier_pattern' || n.type === 'this' || n.type === 'self') return n.text;
  if (n.type === 'subscript_expression' || n.type === 'subscript') {
    const obj = n.childForFieldName(n.type === 'subscript' ? 'value' : 'object');
    const idx = n.childForFieldName(n.type === 'subscript' ? 'subscript' : 'index');
    const base = obj ? accessPath(obj, depth + 1) : undefined;
    const key = idx && idx.type === 'string' ? stringValue(idx) : undefined;
    return base && key !== undefined && /^[\w$-]+$/.test(key) ? `${base}.${key}` : undefined;
  }
  const d = dottedName(n);
  return d;
}

/** The value of a plain string literal, or undefined. */
export function stringValue(n: Node): string | undefined {
  if (n.type !== 'string') return undefined;
  const kids = named(n);
  if (kids.some((k) => k.type === 'interpolation' || k.type === 'template_substitution')) return undefined;
  const t = n.text;
  const m = /^[rRbBuU]*(['"]{1,3})([\s\S]*)\1$/.exec(t);
  return m ? m[2] : undefined;
}

const isConstant = (n: Node): boolean =>
  n.type === 'number' || n.type === 'integer' || n.type === 'float' || n.type === 'true' || n.type === 'false' ||
  n.type === 'null' || n.type === 'none' || (n.type === 'string' && stringValue(n) !== undefined) ||
  (n.type === 'template_string' && !named(n).some((k) => k.type === 'template_substitution'));

/** A span of text by offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * `text` from `start` to `end` with each nested function span (in order) replaced by a marker of where it ends:
 * by line (relative to `line`) and column when `lines` is given, else by its length. A unit's analysis never looks
 * inside nested functions (they are units of their own), so this "own text" is what its result depends on; where
 * a nested function ends decides where everything after it is, hence the unit's ranges.
 */
export function spliceNested(text: string, start: number, end: number, nested: readonly Span[], lines?: LineIndex, line = 0): string {
  let out = '';
  let at = start;
  for (const f of nested) {
    const e = lines ? lines.positionAt(f.end) : { line, character: f.end - f.start };
    out += text.slice(at, f.start) + `\u0000${e.line - line}:${e.character}\u0000`;
    at = f.end;
  }
  return out + text.slice(at, end);
}

/** A unit's own text (see `spliceNested`), its nested functions found by walking the unit. */
export function ownText(unit: Node, text: string): string {
  const spans: Span[] = [];
  const stack: Node[] = [];
  for (const c of unit.namedChildren) if (c) stack.push(c);
  while (stack.length) {
    const n = stack.pop()!;
    if (FUNCTION_TYPES.has(typeOf(n))) {
      spans.push({ start: n.startIndex, end: n.endIndex });
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  spans.sort((a, b) => a.start - b.start);
  return spliceNested(text, unit.startIndex, unit.endIndex, spans);
}

/** The parameters of a function node, in order, with their binding nodes. */
export function paramsOf(fn: Node): Node[] {
  if (fn.type === 'arrow_function') {
    const single = fn.childForFieldName('parameter');
    if (single) return [single];
  }
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  return named(list).map((p) => {
    if (p.type === 'required_parameter' || p.type === 'optional_parameter') return p.childForFieldName('pattern') ?? p;
    if (p.type === 'assignment_pattern') return p.childForFieldName('left') ?? p;
    if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name') ?? p;
    if (p.type === 'typed_parameter') return named(p)[0] ?? p;
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'rest_pattern') return named(p)[0] ?? p;
    return p;
  });
}

/** The default value of parameter `index` (Python / TypeScript), or undefined. */
export function paramDefaultOf(fn: Node, index: number): Node | undefined {
  const list = fn.childForFieldName('parameters');
  const p = list ? named(list)[index] : undefined;
  return p?.childForFieldName('value') ?? undefined;
}

/** The type annotation text of parameter `index` (Python / TypeScript), or undefined. */
export function paramTypeOf(fn: Node, index: number): string | undefined {
  const list = fn.childForFieldName('parameters');
  const p = list ? named(list)[index] : undefined;
  if (!p) return undefined;
  const t = p.childForFieldName('type');
  return t ? t.text.replace(/^:\s*/, '') : undefined;
}

/** Analyses one unit for one rule. */
export function analyzeUnit(unit: Node, params: UnitParams, env: UnitEnv): UnitResult {
  return new UnitAnalysis(unit, params, env).run();
}

class UnitAnalysis {
  private readonly summary: Summary = { paramReturns: new Map(), sourceReturns: [], paramSinks: new Map() };
  private readonly findings: RawTaintFinding[] = [];
  private readonly seenSinks = new Set<string>();
  private memo = new Map<number, Taint | undefined>();
  private work = 0;
  private readonly limit: number;
  /** Each local variable's last assigned value so far, for `reflected` sinks. */
  private readonly defs = new Map<string, Node>();
  /** Free variables of a function unit, by name: their index in `summary.captures`. */
  private readonly captureIndex = new Map<string, number>();

  constructor(
    private readonly unit: Node,
    private readonly params: UnitParams,
    private readonly env: UnitEnv,
  ) {
    this.limit = env.limit ?? Infinity;
  }

  /** Counts one step; past the limit the unit is abandoned. */
  private step(): void {
    if (++this.work > this.limit) throw new BudgetExceeded();
  }

  run(): UnitResult {
    const st: State = new Map();
    for (const { node, index } of this.params.names) {
      const label = this.params.sources.get(index);
      const step: TraceStep = { range: this.range(node), message: label ? `${label} comes from the request` : `parameter ${node.text}`, kind: label ? 'source' : 'step' };
      const flow: Flow = label ? { origin: { kind: 'source', label }, steps: [step] } : { origin: { kind: 'param', index }, steps: [step] };
      this.bind(node, [flow], st, undefined);
    }
    const body = this.unit.type === 'program' || this.unit.type === 'module' ? this.unit : this.unit.childForFieldName('body');
    if (body) {
      if (FUNCTION_TYPES.has(this.unit.type) && body.type !== 'statement_block' && body.type !== 'block') {
        // Expression-bodied arrow / lambda: the expression is the return value.
        this.returnValue(this.ev(body, st, 0), body);
      } else this.block(body, st, 0);
    }
    this.step();
    return { summary: this.summary, findings: this.findings, work: this.work };
  }

  private range(n: Node): Range {
    // From offsets, not tree-sitter rows: tree-sitter does not count a lone CR as a line break, LSP does.
    return this.env.lines.rangeOf(n.startIndex, n.endIndex);
  }

  private short(n: Node): string {
    const t = n.text.replace(/\s+/g, ' ');
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }

  // ---- statements ---------------------------------------------------------------------------------

  /** Runs a block; returns false when control cannot fall through its end. */
  private block(n: Node, st: State, depth: number): boolean {
    for (const s of named(n)) if (!this.stmt(s, st, depth + 1)) return false;
    return true;
  }

  private stmt(n: Node, st: State, depth: number): boolean {
    this.step();
    this.memo = new Map();
    if (depth > MAX_DEPTH) return true;
    switch (n.type) {
      case 'statement_block':
      case 'block':
      case 'program':
      case 'module':
        return this.block(n, st, depth);
      case 'expression_statement':
        for (const e of named(n)) this.ev(e, st, depth);
        return true;
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const d of named(n)) {
          if (d.type !== 'variable_declarator') continue;
          const name = d.childForFieldName('name');
          const value = d.childForFieldName('value');
          if (!name) continue;
          if (value && isFunctionNode(value)) {
            this.bind(name, undefined, st, value);
            this.applyCaptures(value, st);
            continue;
          }
          this.bind(name, value ? this.ev(value, st, depth) : undefined, st, value ?? undefined);
        }
        return true;
      case 'return_statement': {
        const v = named(n)[0];
        if (v) this.returnValue(this.ev(v, st, depth), v);
        // A handler's return value can be its response (`return "<p>" + name` in a Flask view).
        if (v && this.params.handlers?.length) this.checkSinks(n, st, depth);
        return false;
      }
      case 'throw_statement':
      case 'raise_statement':
        for (const e of named(n)) this.ev(e, st, depth);
        return false;
      case 'break_statement':
      case 'continue_statement':
        return false;
      case 'if_statement':
        return this.ifStmt(n, st, depth);
      case 'for_in_statement':
      case 'for_statement':
      case 'while_statement':
      case 'do_statement':
      case 'for_of_statement':
        this.loop(n, st, depth);
        return true;
      case 'try_statement':
        return this.tryStmt(n, st, depth);
      case 'with_statement':
        for (const c of named(n)) {
          if (c.type === 'with_clause') {
            for (const item of named(c)) {
              const v = item.childForFieldName('value') ?? named(item)[0];
              if (!v) continue;
              if (v.type === 'as_pattern') {
                const src = named(v)[0];
                const alias = v.childForFieldName('alias');
                const t = src ? this.ev(src, st, depth) : undefined;
                const target = alias ? named(alias)[0] ?? alias : undefined;
                if (target) this.bind(target, t, st, src);
              } else this.ev(v, st, depth);
            }
          } else if (c.type === 'block') return this.block(c, st, depth);
        }
        return true;
      case 'switch_statement':
      case 'match_statement': {
        const value = n.childForFieldName('value') ?? n.childForFieldName('subject');
        if (value) this.ev(value, st, depth);
        const body = n.childForFieldName('body');
        let merged: State | undefined;
        for (const c of body ? named(body) : []) {
          const copy: State = new Map(st);
          for (const s of named(c)) if (s.type.endsWith('statement') || s.type === 'block' || s.type === 'statement_block') this.stmt(s, copy, depth + 1);
          merged = merged ? mergeStates(merged, copy) : copy;
        }
        if (merged) replaceState(st, mergeStates(st, merged));
        return true;
      }
      case 'export_statement': {
        const decl = n.childForFieldName('declaration');
        if (decl) return this.stmt(decl, st, depth + 1);
        const v = n.childForFieldName('value');
        if (v) this.ev(v, st, depth);
        return true;
      }
      case 'decorated_definition':
      case 'function_declaration':
      case 'generator_function_declaration':
      case 'function_definition': {
        const fn = n.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
        if (fn && isFunctionNode(fn)) this.applyCaptures(fn, st);
        return true;
      }
      case 'class_declaration':
      case 'class_definition':
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
      case 'pass_statement':
      case 'empty_statement':
      case 'comment':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'type_alias_declaration':
      case 'interface_declaration':
      case 'enum_declaration':
        return true;
      case 'labeled_statement': {
        const body = n.childForFieldName('body');
        return body ? this.stmt(body, st, depth + 1) : true;
      }
      default:
        this.ev(n, st, depth);
        return true;
    }
  }

  private returnValue(t: Taint | undefined, at: Node): void {
    if (!t) return;
    const step: TraceStep = { range: this.range(at), message: 'returned', kind: 'step' };
    for (const f of t) {
      if (f.origin.kind === 'param') {
        // A returned captured variable is the enclosing function's own value: nothing to summarise.
        if (f.origin.index >= 0 && !this.summary.paramReturns.has(f.origin.index)) this.summary.paramReturns.set(f.origin.index, [...f.steps, step]);
      } else if (this.summary.sourceReturns.length < MAX_FLOWS && !this.summary.sourceReturns.some((g) => sameOrigin(g.origin, f.origin))) {
        this.summary.sourceReturns.push({ origin: f.origin, steps: [...f.steps, step] });
      }
    }
  }

  private ifStmt(n: Node, st: State, depth: number): boolean {
    const cond = n.childForFieldName('condition');
    const cons = n.childForFieldName('consequence');
    const alt = n.childForFieldName('alternative');
    if (cond) this.ev(cond, st, depth);
    const constant = cond ? constantTruth(cond) : undefined;
    const thenSt: State = new Map(st);
    const elseSt: State = new Map(st);
    if (cond) this.applyGuards(cond, thenSt, elseSt, false);
    const thenFalls = constant === false ? false : cons ? this.stmt(cons, thenSt, depth + 1) : true;
    let elseFalls = true;
    if (constant === true) elseFalls = false;
    else if (alt) {
      // else_clause (JS), else_clause / elif_clause (Python); Python may hold several alternatives.
      const alts = n.childrenForFieldName('alternative').filter((a): a is Node => !!a);
      elseFalls = this.alternatives(alts, 0, elseSt, depth);
    }
    const live = [thenFalls ? thenSt : undefined, elseFalls ? elseSt : undefined].filter((s): s is State => !!s);
    if (live.length === 0) return false;
    replaceState(st, live.length === 2 ? mergeStates(live[0]!, live[1]!) : live[0]!);
    return true;
  }

  private alternatives(alts: Node[], i: number, st: State, depth: number): boolean {
    const a = alts[i];
    if (!a) return true;
    if (a.type === 'elif_clause') {
      const cond = a.childForFieldName('condition');
      const cons = a.childForFieldName('consequence');
      if (cond) this.ev(cond, st, depth);
      const thenSt: State = new Map(st);
      const elseSt: State = new Map(st);
      if (cond) this.applyGuards(cond, thenSt, elseSt, false);
      const t = cons ? this.stmt(cons, thenSt, depth + 1) : true;
      const e = this.alternatives(alts, i + 1, elseSt, depth);
      const live = [t ? thenSt : undefined, e ? elseSt : undefined].filter((s): s is State => !!s);
      if (live.length === 0) return false;
      replaceState(st, live.length === 2 ? mergeStates(live[0]!, live[1]!) : live[0]!);
      return true;
    }
    // else_clause: its body (JS: a statement; Python: a block)
    const body = a.childForFieldName('body') ?? named(a)[0];
    return body ? this.stmt(body, st, depth + 1) : true;
  }

  /** Allow-list checks and comparisons with constants make their subject clean where they hold. */
  private applyGuards(cond: Node, thenSt: State, elseSt: State, negated: boolean, depth = 0): void {
    if (depth > 64) return;
    let c = cond;
    while (c.type === 'parenthesized_expression') c = named(c)[0] ?? c;
    if (c === cond && c.type === 'parenthesized_expression') return;
    const clean = (subject: Node | undefined, positive: boolean): void => {
      const key = subject ? accessPath(subject) : undefined;
      if (!key) return;
      (positive !== negated ? thenSt : elseSt).set(key, null);
    };
    // The rule's guards first: a guard may itself be a conjunction (`u.startsWith("/") && !u.startsWith("//")`).
    let guarded = false;
    for (const g of this.env.rule.guards) {
      const b = this.match(g, c);
      if (b) {
        clean(b.get(g.spec.guard!), true);
        guarded = true;
      }
    }
    if (guarded) return;
    const op = operatorOf(c);
    if ((c.type === 'unary_expression' && op === '!') || c.type === 'not_operator') {
      const arg = c.childForFieldName('argument') ?? named(c)[0];
      if (arg) this.applyGuards(arg, thenSt, elseSt, !negated, depth + 1);
      return;
    }
    if ((c.type === 'binary_expression' && op === '&&') || (c.type === 'boolean_operator' && op === 'and')) {
      // a && b: both hold in the then-branch (and, negated, either fails in the else-branch: nothing learned).
      if (!negated) for (const k of [c.childForFieldName('left'), c.childForFieldName('right')]) if (k) this.applyGuards(k, thenSt, elseSt, false, depth + 1);
      return;
    }
    if ((c.type === 'binary_expression' && op === '||') || (c.type === 'boolean_operator' && op === 'or')) {
      // !(a || b) == !a && !b: with negation, both fail in the then-branch.
      const sides = [c.childForFieldName('left'), c.childForFieldName('right')].filter((k): k is Node => !!k);
      if (negated) for (const k of sides) this.applyGuards(k, thenSt, elseSt, true, depth + 1);
      else {
        // x === 'a' || x === 'b': what both sides make clean is clean where either holds.
        const cleaned = sides.map((k) => {
          const t: State = new Map();
          this.applyGuards(k, t, new Map(), false, depth + 1);
          return new Set([...t].filter(([, v]) => v === null).map(([key]) => key));
        });
        for (const key of cleaned[0] ?? []) if (cleaned.every((set) => set.has(key))) thenSt.set(key, null);
      }
      return;
    }
    // Comparison against a constant: x === 'asc', x == "a", x in ('a', 'b').
    if (c.type === 'binary_expression' && (op === '===' || op === '==' || op === '!==' || op === '!=')) {
      const l = c.childForFieldName('left');
      const r = c.childForFieldName('right');
      const subject = l && r && isConstant(r) ? l : l && r && isConstant(l) ? r : undefined;
      clean(subject, op === '===' || op === '==');
    }
    if (c.type === 'comparison_operator') {
      const kids = named(c);
      const [l, r] = kids;
      if (kids.length === 2 && l && r) {
        if (op === '==' || op === '!=') clean(isConstant(r) ? l : isConstant(l) ? r : undefined, op === '==');
        // Membership in a literal collection of constants, or in an UPPER_CASE module constant (an allow-list).
        const allowList = ((r.type === 'tuple' || r.type === 'list' || r.type === 'set') && named(r).every(isConstant)) || (r.type === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(r.text));
        if ((op === 'in' || op === 'not in') && allowList) clean(l, op === 'in');
      }
    }
  }

  private loop(n: Node, st: State, depth: number): void {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    const body = n.childForFieldName('body');
    for (const f of ['initializer', 'condition', 'increment']) {
      const x = n.childForFieldName(f);
      if (x) this.stmt(x, st, depth + 1);
    }
    const before: State = new Map(st);
    let cur: State = new Map(st);
    for (let i = 0; i < 2; i++) {
      this.memo = new Map();
      if (left && right) {
        let target: Node = left;
        if (target.type === 'lexical_declaration' || target.type === 'variable_declaration') target = named(target)[0]?.childForFieldName('name') ?? target;
        this.bind(target, this.ev(right, cur, depth), cur, right);
      }
      const cond = n.type === 'while_statement' ? n.childForFieldName('condition') : undefined;
      if (cond) this.ev(cond, cur, depth);
      if (body) this.stmt(body, cur, depth + 1);
      const merged = mergeStates(before, cur);
      if (statesEqual(merged, cur)) break;
      cur = merged;
    }
    replaceState(st, mergeStates(before, cur));
  }

  private tryStmt(n: Node, st: State, depth: number): boolean {
    const body = n.childForFieldName('body') ?? named(n).find((c) => c.type === 'block');
    const pre: State = new Map(st);
    const bodyFalls = body ? this.stmt(body, st, depth + 1) : true;
    let merged = mergeStates(pre, st);
    let anyFalls = bodyFalls;
    for (const c of named(n)) {
      if (c === body) continue;
      if (c.type === 'catch_clause' || c.type === 'except_clause' || c.type === 'else_clause') {
        const hs: State = new Map(merged);
        const b = c.childForFieldName('body') ?? named(c).find((k) => k.type === 'block' || k.type === 'statement_block');
        if (b && this.stmt(b, hs, depth + 1)) anyFalls = true;
        merged = mergeStates(merged, hs);
      }
    }
    replaceState(st, merged);
    const fin = n.childForFieldName('finalizer') ?? named(n).find((c) => c.type === 'finally_clause');
    if (fin) {
      const b = fin.childForFieldName('body') ?? named(fin).find((k) => k.type === 'block' || k.type === 'statement_block');
      if (b && !this.stmt(b, st, depth + 1)) return false;
    }
    return anyFalls;
  }

  // ---- binding -------------------------------------------------------------------------------------

  /** Binds a target (identifier, field, destructuring pattern) to a value's taint. */
  private bind(target: Node, t: Taint | undefined, st: State, value: Node | undefined, depth = 0): void {
    if (depth > 32) return;
    switch (target.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern': {
        const name = target.text;
        if (value) this.defs.set(name, value);
        else this.defs.delete(name);
        for (const k of [...st.keys()]) if (k.startsWith(`${name}.`)) st.delete(k);
        st.set(name, t ? addStep(t, { range: this.range(target), message: `flows into ${name}`, kind: 'step' })! : null);
        return;
      }
      case 'object_pattern':
        for (const p of named(target)) {
          if (p.type === 'shorthand_property_identifier_pattern') this.bind(p, relabel(t, value, p.text), st, undefined, depth + 1);
          else if (p.type === 'pair_pattern') {
            const key = p.childForFieldName('key');
            const v = p.childForFieldName('value');
            if (v) this.bind(v, relabel(t, value, key?.text), st, undefined, depth + 1);
          } else if (p.type === 'object_assignment_pattern') {
            const l = p.childForFieldName('left');
            if (l) this.bind(l, relabel(t, value, l.text), st, undefined, depth + 1);
          } else if (p.type === 'rest_pattern') {
            const inner = named(p)[0];
            if (inner) this.bind(inner, t, st, undefined, depth + 1);
          }
        }
        return;
      case 'array_pattern':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern': {
        const vals = value && (value.type === 'expression_list' || value.type === 'tuple' || value.type === 'array' || value.type === 'list') ? named(value) : undefined;
        named(target).forEach((el, i) => {
          const v = vals && vals.length === named(target).length ? vals[i] : undefined;
          this.bind(el, v ? this.ev(v, st, 0) : t, st, undefined, depth + 1);
        });
        return;
      }
      case 'assignment_pattern':
      case 'object_assignment_pattern': {
        const l = target.childForFieldName('left');
        if (l) this.bind(l, t, st, value, depth + 1);
        return;
      }
      case 'rest_pattern':
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern': {
        const inner = named(target)[0];
        if (inner) this.bind(inner, t, st, value, depth + 1);
        return;
      }
      case 'parenthesized_expression': {
        const inner = named(target)[0];
        if (inner) this.bind(inner, t, st, value, depth + 1);
        return;
      }
      default: {
        const key = accessPath(target);
        if (key) {
          for (const k of [...st.keys()]) if (k.startsWith(`${key}.`)) st.delete(k);
          st.set(key, t ? addStep(t, { range: this.range(target), message: `flows into ${key}`, kind: 'step' })! : null);
        } else {
          // `a[i] = tainted`: the container becomes tainted (weak update).
          const obj = target.childForFieldName('object') ?? target.childForFieldName('value');
          const base = obj ? accessPath(obj) : undefined;
          if (base && t) st.set(base, union(st.get(base) ?? undefined, t) ?? null);
        }
      }
    }
  }

  // ---- expressions ---------------------------------------------------------------------------------

  private match<T extends { pattern: string }>(c: Compiled<T>, n: Node): Bindings | undefined {
    const holds = (b: Bindings): boolean =>
      c.where.every(([mv, re]) => {
        const bound = boundText(b, mv);
        return bound !== undefined && re.test(bound);
      });
    const b = matchPattern(c.pattern, n, this.env.resolve);
    if (!b) return undefined;
    if (holds(b)) return b;
    // The first binding broke a constraint: match again checking them as metavariables bind, so that `{ $K }` with
    // `$K: '^filter$'` tries every entry of an object (only then: most matches fail on shape, with no constraint).
    const again = matchPattern(c.pattern, n, this.env.resolve, undefined, c.where);
    return again && holds(again) ? again : undefined;
  }

  ev(n: Node, st: State, depth: number): Taint | undefined {
    this.step();
    const cached = this.memo.get(n.id);
    if (cached !== undefined || this.memo.has(n.id)) return cached;
    const t = depth > MAX_DEPTH ? undefined : this.evInner(n, st, depth + 1);
    this.memo.set(n.id, t);
    return t;
  }

  private evInner(n: Node, st: State, depth: number): Taint | undefined {
    const type = typeOf(n);
    if (FUNCTION_TYPES.has(type)) {
      this.applyCaptures(n, st);
      return undefined;
    }
    if (LITERAL_TYPES.has(type) || CLASS_TYPES.has(type)) return undefined;
    const idx = this.env.index;
    // Sanitizers first: their result is clean whatever goes in (sinks inside are still checked).
    for (const s of idx.sanitizers.get(type) ?? NONE) {
      if (this.match(s, n)) {
        for (const k of named(n)) this.ev(k, st, depth);
        return undefined;
      }
    }
    const src = this.sourceAt(n, st);
    if (src) {
      for (const k of named(n)) this.ev(k, st, depth);
      this.checkSinks(n, st, depth);
      return src;
    }
    let t: Taint | undefined;
    switch (type) {
      // `{ filter }` carries the variable's taint like `{ filter: filter }`.
      case 'shorthand_property_identifier':
      case 'identifier': {
        t = this.lookup(n.text, st) ?? this.captured(n, st);
        break;
      }
      case 'this':
      case 'self':
        t = this.lookup(n.text, st);
        break;
      case 'member_expression':
      case 'attribute':
      case 'subscript_expression':
      case 'subscript': {
        const obj = n.childForFieldName(n.type === 'subscript' ? 'value' : 'object');
        const idx = n.childForFieldName(n.type === 'subscript' ? 'subscript' : 'index');
        if (idx) this.ev(idx, st, depth);
        const key = accessPath(n);
        if (key !== undefined && st.has(key)) {
          t = st.get(key) ?? undefined;
          break;
        }
        const base = obj ? this.ev(obj, st, depth) : undefined;
        t = base ? extendLabel(base, obj!, n, this.env.lines) : undefined;
        break;
      }
      case 'call_expression':
      case 'call':
      case 'new_expression':
        t = this.call(n, st, depth);
        break;
      case 'assignment_expression':
      case 'assignment':
      case 'augmented_assignment_expression':
      case 'augmented_assignment': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        let rt = right ? this.ev(right, st, depth) : undefined;
        if (n.type.startsWith('augmented') && left) rt = union(this.ev(left, st, depth), rt);
        if (left && (!right || !isFunctionNode(right))) this.bind(left, rt, st, right ?? undefined);
        t = rt;
        break;
      }
      case 'binary_expression':
      case 'binary_operator': {
        const op = operatorOf(n) ?? '';
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        const lt = l ? this.ev(l, st, depth) : undefined;
        const rt = r ? this.ev(r, st, depth) : undefined;
        // Python's `/` joins pathlib paths (request strings cannot be divided, so it carries nothing else).
        t = CARRYING_OPS.has(op) || (type === 'binary_operator' && op === '/') ? union(lt, rt) : undefined;
        break;
      }
      case 'boolean_operator': {
        for (const k of named(n)) t = union(t, this.ev(k, st, depth));
        break;
      }
      case 'unary_expression':
      case 'not_operator':
      case 'comparison_operator':
      case 'update_expression':
        for (const k of named(n)) this.ev(k, st, depth);
        t = undefined;
        break;
      case 'ternary_expression':
      case 'conditional_expression': {
        const kids = named(n);
        // JS: condition ? a : b; Python: a if condition else b.
        const [a, cond, b] = n.type === 'ternary_expression' ? [kids[1], kids[0], kids[2]] : [kids[0], kids[1], kids[2]];
        if (cond) this.ev(cond, st, depth);
        t = union(a ? this.ev(a, st, depth) : undefined, b ? this.ev(b, st, depth) : undefined);
        break;
      }
      case 'pair': {
        const key = n.childForFieldName('key');
        if (key && key.type === 'computed_property_name') this.ev(key, st, depth);
        const v = n.childForFieldName('value');
        t = v ? this.ev(v, st, depth) : undefined;
        break;
      }
      case 'keyword_argument': {
        const v = n.childForFieldName('value');
        t = v ? this.ev(v, st, depth) : undefined;
        break;
      }
      case 'string':
      case 'template_string':
      case 'concatenated_string':
      case 'interpolation':
      case 'template_substitution':
        for (const k of named(n)) if (k.type !== 'format_specifier') t = union(t, this.ev(k, st, depth));
        break;
      case 'type_annotation':
      case 'type':
      case 'type_arguments':
        return undefined;
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension': {
        // [f(x) for x in xs if c]: x takes the taint of xs, in a scope of its own.
        const scope: State = new Map(st);
        const parts = named(n);
        for (const c of parts) {
          if (c.type !== 'for_in_clause') continue;
          const left = c.childForFieldName('left');
          const right = c.childForFieldName('right');
          if (left && right) this.bind(left, this.ev(right, scope, depth), scope, right);
        }
        for (const c of parts) if (c.type !== 'for_in_clause') t = union(t, this.ev(c, scope, depth));
        break;
      }
      default:
        // Containers, parentheses, await, spreads, JSX, comprehensions, TS assertions: union of the parts.
        for (const k of named(n)) t = union(t, this.ev(k, st, depth));
    }
    this.checkSinks(n, st, depth);
    return t;
  }

  /**
   * A function's free variable (not a parameter or local so far): a symbolic flow that the enclosing unit
   * resolves with its own taint of the variable (see `applyCaptures`). Not for the module's top level.
   */
  private captured(n: Node, st: State): Taint | undefined {
    return st.has(n.text) ? undefined : this.capturedName(n.text, n);
  }

  /** Where a nested function is defined: its sinks reached from captured variables, with their taint here. */
  private applyCaptures(fn: Node, st: State): void {
    const s = this.env.inlineSummary(fn);
    if (!s?.captures) return;
    for (const [idx, hits] of s.paramSinks) {
      const name = idx < 0 ? s.captures[-idx - 1] : undefined;
      if (!name) continue;
      const t = this.lookup(name, st) ?? (st.has(name) ? undefined : this.capturedName(name, fn));
      if (!t) continue;
      for (const hit of hits) for (const f of t) this.sinkReached(f, hit.steps, hit.range, hit.sinkText, hit.fixes);
    }
  }

  /** The symbolic flow of free variable `name` (used at `at`), or undefined at the module's top level. */
  private capturedName(name: string, at: Node): Taint | undefined {
    if (!FUNCTION_TYPES.has(this.unit.type)) return undefined;
    let i = this.captureIndex.get(name);
    if (i === undefined) {
      i = this.captureIndex.size;
      this.captureIndex.set(name, i);
      (this.summary.captures ??= []).push(name);
    }
    return [{ origin: { kind: 'param', index: -(i + 1) }, steps: [{ range: this.range(at), message: `${name} from the enclosing function`, kind: 'step' }] }];
  }

  private lookup(name: string, st: State): Taint | undefined {
    const v = st.get(name);
    if (v !== undefined) return v ?? undefined;
    let t: Taint | undefined;
    for (const [k, w] of st) if (w && k.startsWith(`${name}.`)) t = union(t, w);
    return t;
  }

  /** Source match at this node, unless its root variable is a local that shadows the source's name. */
  private sourceAt(n: Node, st: State): Taint | undefined {
    for (const s of this.env.index.sources.get(typeOf(n)) ?? NONE) {
      if (!this.match(s, n)) continue;
      const root = chainRoot(n);
      if (root && st.get(root.text) === null) return undefined;
      const label = s.spec.label ?? this.short(n);
      return [{ origin: { kind: 'source', label }, steps: [{ range: this.range(n), message: `${label} is user input`, kind: 'source' }] }];
    }
    return undefined;
  }

  private call(n: Node, st: State, depth: number): Taint | undefined {
    const fn = n.childForFieldName(n.type === 'new_expression' ? 'constructor' : 'function');
    const argsNode = n.childForFieldName('arguments');
    const args = argsNode ? named(argsNode) : [];
    const argTaints = args.map((a) => {
      if (!isFunctionNode(a)) return this.ev(a, st, depth);
      this.applyCaptures(a, st);
      return undefined;
    });
    let recvTaint: Taint | undefined;
    let method: string | undefined;
    if (fn && (fn.type === 'member_expression' || fn.type === 'attribute')) {
      const obj = fn.childForFieldName('object');
      method = fn.childForFieldName(fn.type === 'attribute' ? 'attribute' : 'property')?.text;
      if (obj) recvTaint = this.ev(obj, st, depth);
    } else if (fn && fn.type !== 'identifier') this.ev(fn, st, depth);

    // Propagators: known library calls that pass data through.
    for (const p of this.env.index.propagators.get(typeOf(n)) ?? NONE) {
      const b = this.match(p, n);
      if (!b) continue;
      let t: Taint | undefined;
      if (p.spec.from) for (const mv of p.spec.from) {
        const node = b.get(mv);
        if (node) t = union(t, this.ev(node, st, depth));
      }
      else for (const a of argTaints) t = union(t, a);
      return t;
    }
    // `tainted.forEach((x) => sink(x))`, `.map`, `.then`...: the callback's first parameter receives the data.
    if (recvTaint && method && ITERATION_METHODS.has(method)) {
      for (const a of args) {
        if (!isFunctionNode(a)) continue;
        const summary = this.env.inlineSummary(a);
        if (summary) this.applySummary(n, { summary, name: `${method} callback`, offset: 0 }, [a], [recvTaint]);
      }
    }
    // Functions of this file (or imported, with cross-file summaries).
    const callee = fn ? this.env.calleeSummary(fn) : undefined;
    if (callee) return this.applySummary(n, callee, args, argTaints);
    // Methods on tainted data return tainted data (`s.trim()`, `request.args.get('q')`); formatting
    // methods on constants carry their arguments (`"{}".format(x)`, `", ".join(xs)`).
    if (recvTaint) {
      // `request.args.get("q")` names the input better than `request.args`.
      const obj = fn?.childForFieldName('object');
      return obj && !args.some(isFunctionNode) ? extendLabel(recvTaint, obj, n, this.env.lines) : recvTaint;
    }
    if (method && /^(format|join|concat|replace|replaceAll|format_map)$/.test(method)) {
      let t: Taint | undefined;
      for (const a of argTaints) t = union(t, a);
      return t;
    }
    // Audit strictness: a function Vigil does not know may return its input unchanged (it is no sanitizer).
    if (this.env.rule.audit) {
      let t: Taint | undefined;
      for (const a of argTaints) t = union(t, a);
      return t && addStep(t, { range: this.range(n), message: `passes through ${(fn?.text ?? 'a call').slice(0, 60)}() (audit: not known to clean it)`, kind: 'step' });
    }
    return undefined;
  }

  private applySummary(n: Node, callee: { summary: Summary; name: string; offset: number }, args: Node[], argTaints: (Taint | undefined)[]): Taint | undefined {
    const callStep = (i: number): TraceStep => ({ range: this.range(args[i] ?? n), message: `passed to ${callee.name}()`, kind: 'step' });
    let out: Taint | undefined;
    for (const f of callee.summary.sourceReturns) out = union(out, [{ origin: f.origin, steps: [...f.steps, { range: this.range(n), message: `returned by ${callee.name}()`, kind: 'step' }] }]);
    argTaints.forEach((t, i) => {
      if (!t) return;
      const pi = i + callee.offset;
      const ret = callee.summary.paramReturns.get(pi);
      if (ret) out = union(out, t.map((f) => ({ origin: f.origin, steps: [...f.steps, callStep(i), ...ret.slice(1)].slice(-MAX_STEPS) })));
      for (const hit of callee.summary.paramSinks.get(pi) ?? []) {
        const at = hit.path ? this.range(args[i] ?? n) : hit.range;
        for (const f of t) this.sinkReached(f, [callStep(i), ...hit.steps.slice(1)], at, hit.sinkText, hit.path ? [] : hit.fixes);
      }
    });
    return out;
  }

  private checkSinks(n: Node, st: State, depth: number): void {
    for (const sink of this.env.index.sinks.get(typeOf(n)) ?? NONE) {
      const spec = sink.spec;
      if (spec.inHandler && !this.params.handlers?.some((h) => spec.inHandler!.includes(h))) continue;
      const b = this.match(sink, n);
      if (!b) continue;
      if (spec.unlessText && unlessRe(spec.unlessText).test(n.text)) continue;
      if (spec.unlessImport && spec.unlessImport.some((m) => this.env.imported?.(m))) continue;
      for (const mv of spec.focus) {
        const focus = b.get(mv);
        if (!focus) continue;
        if (spec.reflected && this.notText(focus, 0)) continue;
        if (spec.unlessKeys && this.literalKeys(focus, 0)?.some((k) => spec.unlessKeys!.includes(k))) continue;
        if (spec.wholeValue && this.literalKeys(focus, 0) !== undefined) continue;
        const t = this.ev(focus, st, depth);
        if (!t) continue;
        const callee = n.childForFieldName('function') ?? n.childForFieldName('constructor') ?? n.childForFieldName('left') ?? n;
        const sinkText = this.short(callee);
        const fixes = this.env.buildFixes(this.env.rule, n, focus, b);
        const sinkStep: TraceStep = { range: this.range(focus), message: `reaches ${sinkText}`, kind: 'sink' };
        for (const f of t) this.sinkReached(f, [sinkStep], this.range(focus), sinkText, fixes);
      }
    }
  }

  /** Whether an expression is not the input as text: JSON data, a file's contents (see `SinkSpec.reflected`). */
  private notText(n: Node, depth: number): boolean {
    if (depth > 16) return false;
    switch (n.type) {
      case 'dictionary':
      case 'list':
      case 'set':
      case 'list_comprehension':
      case 'dictionary_comprehension':
      case 'set_comprehension':
      case 'tuple':
      case 'expression_list':
        return true;
      case 'parenthesized_expression':
      case 'await': {
        const inner = named(n)[0];
        return !!inner && this.notText(inner, depth + 1);
      }
      case 'attribute':
        return n.childForFieldName('attribute')?.text === 'json';
      case 'call': {
        const fn = n.childForFieldName('function');
        const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
        return !!name && NOT_TEXT_CALLS.has(name);
      }
      case 'conditional_expression':
        return named(n).some((k) => k.type !== 'comparison_operator' && this.notText(k, depth + 1));
      case 'identifier': {
        const def = this.defs.get(n.text);
        return !!def && def.id !== n.id && this.notText(def, depth + 1);
      }
      default:
        return false;
    }
  }

  /**
   * The top-level keys of an object or dict literal (an array, list or tuple literal has none), seen directly or
   * through a local variable last assigned one; undefined when the expression is not such a literal.
   */
  private literalKeys(n: Node, depth: number): string[] | undefined {
    if (depth > 16) return undefined;
    switch (n.type) {
      case 'object':
      case 'dictionary':
        return named(n).flatMap((p) => {
          if (p.type === 'shorthand_property_identifier') return [p.text];
          const key = p.type === 'pair' ? p.childForFieldName('key') : null;
          return key ? [key.text.replace(/^(['"`])(.*)\1$/s, '$2')] : [];
        });
      case 'array':
      case 'list':
      case 'tuple':
        return [];
      case 'parenthesized_expression':
      case 'await':
      case 'await_expression':
      case 'as_expression':
      case 'satisfies_expression': {
        const inner = named(n)[0];
        return inner ? this.literalKeys(inner, depth + 1) : undefined;
      }
      case 'identifier': {
        const def = this.defs.get(n.text);
        return def && def.id !== n.id ? this.literalKeys(def, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A flow arrived at a sink: a finding for sources, a summary entry for parameters. */
  private sinkReached(f: Flow, tail: TraceStep[], range: Range, sinkText: string, fixes: Fix[]): void {
    const steps = [...f.steps.slice(0, MAX_STEPS), ...tail];
    const key = `${range.start.line}:${range.start.character}:${f.origin.kind === 'param' ? `p${f.origin.index}` : 's'}`;
    if (this.seenSinks.has(key)) return;
    this.seenSinks.add(key);
    if (f.origin.kind === 'source') {
      this.findings.push({ range, label: f.origin.label, sinkText, trace: steps, fixes });
    } else {
      const list = this.summary.paramSinks.get(f.origin.index) ?? [];
      if (list.length < MAX_FLOWS) list.push({ steps, range, sinkText, fixes });
      this.summary.paramSinks.set(f.origin.index, list);
    }
  }
}

/** Calls whose result is not the input as text: JSON data (parsed, dicts, lists, model dumps), file contents, digests. */
const NOT_TEXT_CALLS = new Set([
  'jsonify', 'get_json', 'loads', 'json', 'dict', 'list', 'to_dict', 'model_dump', 'asdict', 'JsonResponse', 'JSONResponse',
  'read', 'read_text', 'read_bytes', 'readline', 'readlines', 'hexdigest', 'digest',
]);

const unlessCache = new Map<string, RegExp>();
function unlessRe(source: string): RegExp {
  let re = unlessCache.get(source);
  if (!re) unlessCache.set(source, (re = new RegExp(source)));
  return re;
}

function replaceState(st: State, next: State): void {
  st.clear();
  for (const [k, v] of next) st.set(k, v);
}

/** `req.query` read as `req.query.id`: the source's label grows to name the exact input. */
function extendLabel(t: Taint, from: Node, to: Node, lines: LineIndex): Taint {
  return t.map((f) => {
    if (f.origin.kind !== 'source' || f.steps.length !== 1 || f.origin.label !== from.text.replace(/\s+/g, ' ')) return f;
    const label = to.text.replace(/\s+/g, ' ');
    if (label.length > 60 || label.includes('\n')) return f;
    const first = f.steps[0]!;
    return {
      origin: { kind: 'source', label },
      steps: [{ ...first, range: { start: first.range.start, end: lines.positionAt(to.endIndex) }, message: `${label} is user input` }],
    };
  });
}

/** Destructuring `const { id } = req.query` names the source `req.query.id`. */
function relabel(t: Taint | undefined, value: Node | undefined, key: string | undefined): Taint | undefined {
  if (!t || !value || !key) return t;
  return t.map((f) => {
    if (f.origin.kind !== 'source' || f.steps.length !== 1 || f.origin.label !== value.text.replace(/\s+/g, ' ')) return f;
    const label = `${f.origin.label}.${key}`;
    return { origin: { kind: 'source', label }, steps: [{ ...f.steps[0]!, message: `${label} is user input` }] };
  });
}

/** `if (false)` / `if False:` / `if 0:`: which branch is dead, when cheap to tell. */
function constantTruth(cond: Node): boolean | undefined {
  let c = cond;
  while (c.type === 'parenthesized_expression') c = named(c)[0] ?? c;
  if (c.type === 'false' || (c.type === 'number' && c.text === '0') || (c.type === 'integer' && c.text === '0')) return false;
  if (c.type === 'true') return true;
  return undefined;
}
