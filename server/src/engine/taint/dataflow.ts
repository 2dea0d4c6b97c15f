/**
 * Flow-sensitive taint tracking over tree-sitter trees, for any language with a module in `lang/` (the rule's
 * `CompiledRule.module`): this file names no node type; it asks the module what kind of statement or expression
 * a node is and how its parts are read.
 *
 * Each function ("unit", plus the module's top level) is analysed on its own: statements in order, a state
 * mapping variables and field access paths (`obj.field`) to their taint, branches merged by union (a field
 * absent from one branch holds its object's taint there, so one cleaned on one branch only is not clean after the
 * join), loops run twice. A source's field written or checked on this path (`req.url = '/'`) is read from the
 * state. Parameters start as symbolic taint, so one pass yields both findings and the function's summary
 * (parameter -> return, parameter -> sink, source -> return), which call sites in other units apply.
 * Recursion over expressions is depth-bounded, so pathological nesting degrades to "not tainted" instead of
 * overflowing the stack.
 */
import { createHash } from 'node:crypto';
import { compileRuleRegex } from '../regex-guard';
import type { Node } from 'web-tree-sitter';
import { boundText, canonicalOf, chainRoot, fieldOf, kids, textOf, matchPattern, operatorOf, typeOf, type Bindings, type CanonicalResolver, type CompiledPattern, type ValueOf } from '../patterns/pattern';
import { PatternIndex } from '../patterns/pattern-index';
import type { LineIndex } from '../text';
import type { Fix, Range, TraceStep } from '../types';
import type { TemplateHit } from '../templates/template-index';
import type { ExprKind, LanguageModule } from './lang';
import { sourceMessage, type InputKind } from './input-kind';
import type { ConstantDef } from './lang/language';
import { patternWords, type Compiled, type CompiledRule, type PassPattern } from './rule-set';
import { optionWords } from './program-options';

/** Where tainted data came from: a source in this unit, or the unit's parameter `index`. */
export type Origin =
  /**
   * `cleanFields`: attributes of this input the framework filled itself (see `HandlerSpec.cleanFields`). `input`:
   * its kind; `library` is an exported function's parameter (see `UnitParams.entryParams`), which `constructed`
   * sinks take only built into a string.
   */
  | { kind: 'source'; label: string; input?: InputKind; cleanFields?: readonly string[] }
  | { kind: 'param'; index: number };

/** One way the data got here. */
export interface Flow {
  origin: Origin;
  steps: TraceStep[];
  /** What the data went through on every path here (a propagator's `mark`, e.g. `normalized`), for `requires-mark` guards. */
  marks?: readonly string[];
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
  /** The rule whose sink it is: its index in the pass (`Pass.rules`). */
  rule: number;
  /**
   * Field marks (`.name`) the parameter's flow carried to the sink: a caller's input with that clean field is none;
   * and CONSTRUCTED when the value was built into a string on the way.
   */
  marks?: readonly string[];
  /** The sink is `constructed` (SinkSpec): an exported function's parameter counts there only built into a string. */
  constructed?: true;
}

/** The parameters of a substitution callback that receive the string: a match and up to seven groups. */
const SUBSTITUTION_ARITY = 8;

/** What a unit does with its parameters, for the rules of one pass. */
export interface Summary {
  /** Parameter index -> steps to the return value. */
  paramReturns: Map<number, TraceStep[]>;
  /** Flows from sources to the return value. */
  sourceReturns: Flow[];
  paramSinks: Map<number, SinkHit[]>;
  /**
   * Parameter index -> the marks its flow carries at every return that returns it (`normalized` after
   * `return path.resolve(root, p)`): a caller's flow gains them, so `requires-mark` guards hold after a helper.
   * Absent when no mark is on every such return. `sourceReturns` flows keep their marks alike.
   */
  returnMarks?: Map<number, readonly string[]>;
  /**
   * Variables of an enclosing function the unit uses (closures): `paramSinks` key -(i + 1) stands for
   * `captures[i]`; the enclosing unit applies those hits with its own taint of the variable where it defines
   * the function.
   */
  captures?: string[];
  /**
   * Free names the unit calls with input as the first argument (a React state setter a callback calls,
   * `setHtml(event.data)`): name -> the argument's flows from sources, or from captured variables (`captures`'
   * indexes as in `paramSinks`). The enclosing unit applies them where it defines the function (see
   * `applyCaptures`): into the state a setter of its own sets, or on outwards.
   */
  capturedCalls?: Map<string, Flow[]>;
  /**
   * Variables of an enclosing function the unit assigns (`LanguageModule.assignsEnclosing`; a callback's
   * `body += chunk`): name -> the flows assigned from sources or captured variables (`captures`' indexes as in
   * `paramSinks`). The enclosing unit adds them to its variable where it defines the function (see
   * `applyCaptures`): the callback may run any time after, so later reads there may see them.
   */
  capturedWrites?: Map<string, Flow[]>;
  /**
   * The keyword each parameter is passed by, where calls have keyword arguments (`LanguageModule.paramKeywords`):
   * a call's `name=value` reaches the parameter of that name, not the one at its position.
   */
  keywords?: readonly (string | null)[];
  /**
   * A method's fields (`self.x`, `this.x`) that hold input when it returns, on some path: field name -> the flows
   * from sources, as they were stored. Other methods of the class read them (see `UnitEnv.fieldTaint`). Also the
   * flows of its parameters (index >= 0, the receiver's own excepted) stored there: a caller's object holds its
   * arguments in those fields after the call (a constructor's `self.title = title`).
   */
  fieldWrites?: Map<string, Flow[]>;
  /**
   * The fields of the object it returns that hold input, on some return (a factory's `return new Query(req.query.q)`,
   * `return cls(title=args["t"])`): field name -> the flows from sources or parameters (index >= 0) stored there. A
   * caller's result holds them in those fields (`q = Query.from_args(request.args)`, then `q.title`).
   */
  returnFields?: Map<string, Flow[]>;
  /**
   * Parameter index -> steps to an exception the function raises or throws with it (in its message or arguments)
   * outside any try of its own: a caller's handler (`except E as e`, `catch (e)`) around the call binds it.
   */
  paramRaises?: Map<number, TraceStep[]>;
  /**
   * Parameters a guard constrains on every path that returns normally (`if not re.fullmatch(..., v): raise`):
   * after the call returns, the caller's argument holds a checked value. Absent when none.
   */
  validates?: readonly number[];
  /**
   * Parameters every truthy return checks (`return p.startsWith("/") && !p.startsWith("//")`, by the pass's guards;
   * a `return false` or a fall-through fits any): a caller's `if (isLocal(x))` or `isLocal(x) ? x : d` holds a checked
   * `x` where the call is true. Absent when none.
   */
  predicate?: readonly number[];
}

/** A finding before it becomes a `Finding`: `rule` is its rule's index in the pass (`Pass.rules`). */
export interface RawTaintFinding {
  rule: number;
  range: Range;
  label: string;
  /** The source's kind of input (none for a custom source that names none, and for untraced audit findings). */
  input?: InputKind;
  sinkText: string;
  trace: TraceStep[];
  fixes: Fix[];
}

/**
 * Builds fixes for a sink match; supplied by the analyzer (see fixes.ts). `tainted` says whether a node of the sink
 * carries what made it a finding (a source's data; at audit strictness, anything not constant).
 */
export type FixBuilder = (rule: CompiledRule, sinkNode: Node, focus: Node, bindings: Bindings, tainted: (n: Node) => boolean) => Fix[];

/**
 * Rules analysed in one dataflow pass: they share sources, sanitizers, guards, propagators and strictness (see
 * `CompiledRule.passParts`), so their flows are the same and only their sinks differ. `rules[0]` stands for them
 * all in what they share; findings and sink hits name their rule by its index here.
 */
export interface Pass {
  rules: readonly CompiledRule[];
  index: RuleIndex;
  /**
   * Its rules and which of their patterns the file's words kept: a cached run is reused only by the same key, since
   * a unit's result (and what it consulted) depends on the patterns tried, not on the rules alone.
   */
  key: string;
}

/**
 * A `Summary.captures` name no variable spells: the field (`RECEIVER_FIELD + "title"`) of the object a method is
 * called on (`self.title`, `this.title`), which the method reads and no statement of its own assigned. A caller
 * applies its sinks and returns with what its own object holds there (`s = Search(t); s.run()`).
 */
export const RECEIVER_FIELD = '\u0001';

/** The `Summary.fieldWrites` key of a request's field (`req.hook` under alias `req`): no class field name has it. */
export function requestFieldKey(alias: string, field: string): string {
  return `@${alias}\u0000${field}`;
}

/** Everything a unit analysis needs besides the unit. */
export interface UnitEnv {
  pass: Pass;
  lines: LineIndex;
  resolve: CanonicalResolver;
  /** Summary of a callee, by the call's callee node. */
  calleeSummary: (callee: Node) => { summary: Summary; name: string; offset: number } | undefined;
  /**
   * Whether a member call's callee is the workspace's own code in another file, summarised or not: a function of a
   * module imported whole (`alerts.update(id, body)`) or a method of an instance of its class (`this.datasets.update(…)`).
   * A library's sink pattern matching the call by its names does not apply; the summary applies the code's own sinks.
   */
  callsWorkspace?: (callee: Node) => boolean;
  /**
   * A call that registers another file's function as a framework handler (Gradio `btn.click(imported_fn, ...)`):
   * that function (a callee node) and the labels of its parameters the framework fills with input, by index.
   */
  registersHandler?: (call: Node) => { fn: Node; inputs: ReadonlyMap<number, ParamSource>; cleanFields?: ReadonlyMap<number, readonly string[]> } | undefined;
  /**
   * Attributes framework handlers' inputs may hold clean (`HandlerSpec.cleanFields`): every one, and those of each
   * handler id. Reading one off a parameter (or its element) marks the flow `.<field>`, for the callers to judge.
   */
  cleanFields?: { all: ReadonlySet<string>; byHandler: ReadonlyMap<string, readonly string[]> };
  /** Summary of an inline function (a callback passed as an argument), by its node. */
  inlineSummary: (fn: Node) => Summary | undefined;
  /**
   * The functions of another file's table of functions this file imports as `name` that key `key` picks (any, for
   * an unknown key), merged (`ExportSummary.table`). Absent where the file imports none.
   */
  importedTable?: (name: string, key: string | undefined) => { summary: Summary; name: string; offset: number } | undefined;
  /**
   * For a method of a class: what the class's methods store from input in field `name` of the receiver (their
   * `Summary.fieldWrites`), with the names of the methods that store it. Absent for other units.
   */
  fieldTaint?: (name: string) => { taint: Taint; writers: readonly string[] } | undefined;
  /**
   * The constructor `method` of class `cls` of this file (`__init__`, `constructor`), for a construction's call (`Search(t)`,
   * `new Search(t)`): its sinks apply there, and the fields it stores its parameters in hold the arguments.
   */
  constructorSummary?: (cls: string, method: string) => { summary: Summary; name: string; offset: number } | undefined;
  /**
   * For a handler: its names that stand for a request (`req` -> `req`, `event` -> `lambda_event`), and what the file's
   * handlers store from input in field `field` of the request under `alias` (`req.hook = {...}` in a middleware;
   * their `Summary.fieldWrites` under `requestFieldKey`), with the names of the functions that store it.
   */
  requestAliases?: ReadonlyMap<string, string>;
  requestFieldTaint?: (alias: string, field: string) => { taint: Taint; writers: readonly string[] } | undefined;
  buildFixes: FixBuilder;
  /** Whether the file imports this module (or a submodule of it); for `unless-import` / `requires-import` sinks and `requires-import` sources. */
  imported?: (module: string) => boolean;
  /**
   * Whether a module of the workspace this file imports imports this one (`db.js` makes the SQLite database the
   * routes query): `requires-import` sinks hold through it. Not sources (a framework's request is its own file's),
   * nor `unless-import` (a file using MongoDB itself and a SQL ORM through a repository queries MongoDB).
   */
  importedThrough?: (module: string) => boolean;
  /** The raw outputs of the template a render call names (`template:` sinks); undefined when none is known. */
  templateOutputs?: (name: string) => readonly TemplateHit[] | undefined;
  /**
   * For a function unit: the value a module-level name is assigned once (a constant options object, a parser),
   * for sinks matched through variables; undefined for names assigned more than once or not at all.
   */
  moduleValue?: (name: string) => Node | undefined;
  /**
   * For a method: the value its class's constructor assigns a receiver field once (`self._client = httpx.AsyncClient()`,
   * `this.http = axios.create(...)`), by its access path, for sinks matched through what the field holds.
   */
  fieldValue?: (path: string) => Node | undefined;
  /**
   * The typed fields (`LanguageModule.typedFields`) of a validating schema (form, serializer, model, DTO, zod schema)
   * by its name as written here (this file's, or one imported from another file), and the form class this unit's view
   * binds (`boundFormClasses`), for validated field reads (see `typedFieldRead`). Absent where the file has none.
   */
  typedFields?: (cls: string) => readonly string[] | undefined;
  boundForm?: string;
  /**
   * The fields of a record class (`LanguageModule.recordFields`: a dataclass, a pydantic model) by its name as written
   * here, this file's or imported: its construction stores each argument in its field. Absent where none is known.
   */
  recordFields?: (cls: string) => readonly string[] | undefined;
  /**
   * Steps (statements and expressions visited) this unit may take before it throws BudgetExceeded: one unit can
   * be a whole bundle. Counted, not timed, so the cut falls at the same place on every machine.
   */
  limit?: number;
}

/** Thrown when a unit analysis takes more than `UnitEnv.limit` steps, or a run more than its work budget. */
export class BudgetExceeded extends Error {}

/** A handler's parameter that is input: how traces name it, and what kind of input the handler gets. */
export interface ParamSource {
  label: string;
  input: InputKind;
}

/** Parameters of a unit, and which of them are sources. */
export interface UnitParams {
  names: { node: Node; index: number }[];
  /** Indices of parameters that are user input (framework handlers), with a label and their kind of input. */
  sources: Map<number, ParamSource>;
  /**
   * Indices of parameters that are input at audit strictness only (an exported function's), with a label: they
   * are sources and still parameters, so the unit's summary for its callers is unchanged.
   */
  entryParams?: Map<number, string>;
  /** Ids of the framework handlers the unit is (for sinks that only apply in handlers). */
  handlers?: string[];
  /** Paths clean when the unit starts (`request.query.limit`, validated by the route's schema: see `routeSchemaFields`). */
  cleanPaths?: string[];
  /**
   * A registration whose route schema names module constants, and the request parameter's name: their fields are
   * read at the run, through `UnitEnv.moduleValue` (which records them), and are clean too.
   */
  routeSchema?: { call: Node; request: string };
  /** The keyword each parameter is passed by (`LanguageModule.paramKeywords`), read once per unit; null for none. */
  readonly keywords?: readonly (string | null)[] | null;
}

export interface UnitResult {
  summary: Summary;
  findings: RawTaintFinding[];
  /** Steps the analysis took (at least 1): a deterministic function of the unit, the pass and the summaries it consulted. */
  work: number;
  /** Of `work`, the steps of top-level statements replayed from the statement cache instead of computed. */
  reused?: number;
  /** The top level's statement entries, one per statement run, in order (see `TopLevelCache.prev`). */
  statements?: readonly StatementEntry[];
  /** The top level's marks (see `TopMark`), in statement order. */
  marks?: readonly TopMark[];
}

/** The parts of a parsed URL that say where it points (`hostCheckedUrl`). */
const HOST_PARTS = new Set(['hostname', 'host', 'netloc', 'origin']);
const MAX_DEPTH = 256;
const MAX_FLOWS = 3;
const MAX_STEPS = 14;
/** Entries a literal may have for per-key taint (`bindEntries`): past it, the container is one value. */
const MAX_LITERAL_ENTRIES = 16;
/** Nodes `isConstant` looks at before it calls an argument non-constant (keeps audit's extra check bounded). */
const MAX_CONSTANT_NODES = 64;
/** Parameter names that say the value is a whole command line or script: `library-input` rules leave them out. */
const COMMAND_PARAM = /^_?(cmd|cmds|command|commands|cmd_?line|command_?line|cmd_?str|cmd_?string|command_?string|shell_?command|shell_?cmd|script)$/i;
/**
 * The sink in another file a flow's trace ends at (`<path>:<line>:<character>`), or undefined when it ends in this
 * file: a call reaching several of them holds one flow, and one finding, per sink.
 */
export function remoteSinkOf(steps: readonly TraceStep[]): string | undefined {
  const last = steps[steps.length - 1];
  return last?.path ? `${last.path}:${last.range.start.line}:${last.range.start.character}` : undefined;
}

/** The mark of a flow built into a string with constant text of its own (`LanguageModule.buildsString`). */
export const CONSTRUCTED = 'constructed';

/**
 * The mark prefix of a parameter's flow read through a field (`FIELD_READ + "status"` after `query.status`; the first
 * field read off the parameter, later ones after it): a caller whose argument holds input only in some of its fields
 * (`by_status(TicketFilter(request.args["s"]))`) applies the summary with what the argument holds in that field.
 */
export const FIELD_READ = '\u0002';


/**
 * The entries of a map literal read as a table of functions (`tableCallee`; the request-alias pass's `moduleTables`):
 * each one's key (a string key's value, else its text; none where the entry has no key node) and value node: a
 * pair's value, a shorthand entry's name, a method written in place (`whois(args, reply) { … }`).
 */
export function tableEntries(lit: Node, syn: LanguageModule): { key: string | undefined; value: Node }[] {
  const out: { key: string | undefined; value: Node }[] = [];
  for (const e of named(lit)) {
    const kind = syn.exprKind(typeOf(e));
    const k = kind === 'pair' ? fieldOf(e, 'key') : kind === 'identifier' ? e : kind === 'function' ? fieldOf(e, 'name') : null;
    const value = kind === 'pair' ? fieldOf(e, 'value') : kind === 'identifier' || kind === 'function' ? e : null;
    if (value) out.push({ key: k ? (syn.stringValue(k) ?? textOf(k)) : undefined, value });
  }
  return out;
}

/**
 * Summaries of several functions one call may run (a method's overrides, the functions of a dispatch table), merged:
 * what any of them does with a parameter. Each sink hit's trace names the function it is in, after the parameter's own
 * step (which a caller replaces with its argument's). Receiver fields and captures are not merged.
 */
export function mergeSummaries(parts: readonly { summary: Summary; who: string }[]): Summary {
  const merged: Summary = { paramReturns: new Map(), sourceReturns: [], paramSinks: new Map() };
  for (const { summary: s, who } of parts) {
    for (const [i, steps] of s.paramReturns) if (i >= 0 && !merged.paramReturns.has(i)) merged.paramReturns.set(i, steps);
    // The parameters it stores in the receiver's fields (a constructor's, see `UnitEnv.constructorSummary`).
    for (const [field, flows] of s.fieldWrites ?? []) {
      const params = flows.filter((f) => f.origin.kind === 'param');
      if (params.length) (merged.fieldWrites ??= new Map()).set(field, [...(merged.fieldWrites.get(field) ?? []), ...params]);
    }
    for (const [field, flows] of s.returnFields ?? []) (merged.returnFields ??= new Map()).set(field, [...(merged.returnFields.get(field) ?? []), ...flows]);
    for (const [i, steps] of s.paramRaises ?? []) if (i >= 0 && !merged.paramRaises?.has(i)) (merged.paramRaises ??= new Map()).set(i, steps);
    for (const [i, hits] of s.paramSinks) {
      if (i < 0) continue;
      const named = hits.map((h) => (h.path || !h.steps.length ? h : { ...h, steps: [h.steps[0]!, { range: h.steps[0]!.range, message: `dispatched to ${who}()`, kind: 'step' as const }, ...h.steps.slice(1)] }));
      merged.paramSinks.set(i, [...(merged.paramSinks.get(i) ?? []), ...named]);
    }
    merged.sourceReturns.push(...s.sourceReturns);
    if (s.keywords && !merged.keywords) merged.keywords = s.keywords;
  }
  return merged;
}
/** `t` with the parameters' flows read whole so far marked as read through `field` (see `FIELD_READ`). */
function readThroughField(t: Taint, field: string): Taint {
  let out: Flow[] | undefined;
  t.forEach((f, i) => {
    if (f.origin.kind !== 'param' || f.origin.index < 0 || f.marks?.some((m) => m[0] === FIELD_READ)) return;
    (out ??= [...t])[i] = { ...f, marks: [...(f.marks ?? []), FIELD_READ + field] };
  });
  return out ?? t;
}

/**
 * `f` with a summary's marks (a sink hit's or a return's) added. Field reads name the callee's parameter's fields:
 * they go on only to a caller's parameter still read whole, which the caller's own callers then read that way.
 */
function withCalleeMarks(f: Flow, marks: readonly string[] | undefined): Flow {
  if (!marks?.length) return f;
  const whole = f.origin.kind === 'param' && !f.marks?.some((m) => m[0] === FIELD_READ);
  const added = marks.filter((m) => (whole || m[0] !== FIELD_READ) && !f.marks?.includes(m));
  return added.length ? { ...f, marks: [...(f.marks ?? []), ...added] } : f;
}

/** A flow's `FIELD_READ` mark, if any. */
function fieldReadMark(f: Flow): string | undefined {
  return f.marks?.find((m) => m[0] === FIELD_READ);
}

/** The field a summary's marks say its parameter was read through (see `FIELD_READ`), and the marks after it. */
function fieldReadOf(marks: readonly string[] | undefined): { field: string; rest: readonly string[] } | undefined {
  const i = marks ? marks.findIndex((m) => m[0] === FIELD_READ) : -1;
  return i < 0 ? undefined : { field: marks![i]!.slice(1), rest: marks!.filter((_, j) => j !== i) };
}
/** The label of audit findings at sinks with a non-constant argument and no traced source. */
export const NON_CONSTANT = 'non-constant argument (no source traced)';

/** Entries recorded at other lines a top-level statement tries (see `cached`). */
const MOVED_CANDIDATES = 8;

const callResultMethod = new Map<string, boolean>();

/** Whether a pattern calls a method on a call's result (`zipfile.ZipFile($F).namelist()`), by its source. */
function onCallResult(source: string): boolean {
  let hit = callResultMethod.get(source);
  if (hit === undefined) callResultMethod.set(source, (hit = /\)\s*\.\s*[\w$]+\s*\(/.test(source)));
  return hit;
}

/** A sink of one of a pass's rules (`rule`: its index in `Pass.rules`). */
export interface PassSink {
  sink: Compiled<CompiledRule['sinks'][number]['spec']>;
  rule: number;
}

/** A pass's patterns indexed by the node type and names they can match, so each node only tries its candidates. */
export interface RuleIndex {
  sources: PatternIndex<Compiled<CompiledRule['sources'][number]['spec']>>;
  /** The sinks of every rule of the pass, in rule order. */
  sinks: PatternIndex<PassSink>;
  sanitizers: PatternIndex<Compiled<CompiledRule['sanitizers'][number]['spec']>>;
  propagators: PatternIndex<Compiled<CompiledRule['propagators'][number]['spec']>>;
  /** The propagators with `raises` (library calls whose exception quotes an argument), tried at every call. */
  raisers: PatternIndex<Compiled<CompiledRule['propagators'][number]['spec']>>;
  /** Whether `raisers` has any. */
  raising: boolean;
  /** The first rule's guards, tried at conditions of any node type. */
  guards: PatternIndex<Compiled<CompiledRule['guards'][number]['spec']>>;
  /** Whether `guards` has any that raise where they fail (`asserts`), tried at call statements too. */
  asserting: boolean;
  /** Those guards alone: a call statement tries only them. */
  assertingGuards: PatternIndex<Compiled<CompiledRule['guards'][number]['spec']>>;
}

/** Per first rule, per the ids of all the pass's rules: the pass (built once, its index with it). */
const passCache = new WeakMap<CompiledRule, Map<string, Pass>>();

/**
 * The pass of `rules` (which must share their pass parts on the file), with the by-node-type index of their
 * patterns: the shared ones from the first rule, the sinks of all. With `may` (the file's filter of patterns that
 * can match, see `PassPattern.words`), the first rule's sources, sanitizers and propagators, and the sinks of all,
 * that cannot match on the file are left out of the index: they would never match, and trying each at every node of its type was most
 * of the dataflow's time. Without it they are in the index and never match.
 */
export function passOf(rules: readonly CompiledRule[], may?: (p: PassPattern) => boolean): Pass {
  const first = rules[0]!;
  const [sourceParts, sanitizerParts, , propagatorParts] = first.passParts.lists;
  // Which of the first rule's patterns are kept: part of the cache key (files with other words get other indexes).
  const keep = <T>(list: readonly T[], parts: readonly PassPattern[] | undefined): { kept: T[]; mask: string } => {
    if (!may || !parts || parts.length !== list.length) return { kept: [...list], mask: '*' };
    const flags = parts.map((p) => may(p));
    return { kept: list.filter((_, i) => flags[i]), mask: flags.map((f) => (f ? '1' : '0')).join('') };
  };
  const sources = keep(first.sources, sourceParts);
  const sanitizers = keep(first.sanitizers, sanitizerParts);
  const propagators = keep(first.propagators, propagatorParts);
  // Sinks are filtered by the same words: a sink that cannot match in the file need not be tried at every call.
  const allSinks = rules.flatMap((r, rule) => r.sinks.map((sink): PassSink => ({ sink, rule })));
  const sinks = keep(allSinks, may ? allSinks.map((s) => sinkPart(s.sink)) : undefined);
  const ids = `${rules.map((r) => r.spec.id).join('\u0000')}\u0001${sources.mask}/${sanitizers.mask}/${propagators.mask}/${sinks.mask}`;
  let byIds = passCache.get(first);
  if (!byIds) passCache.set(first, (byIds = new Map()));
  const hit = byIds.get(ids);
  if (hit) return hit;
  // By node type (a dotted pattern, `flask.request.args`, can also match an imported name or a shorter chain), then
  // by the names a node must hold (see PatternIndex): each node tries only the patterns its names can match.
  const types = (p: CompiledPattern): string[] => (p.root.dotted ? [p.root.type, ...first.module.nameTypes] : [p.root.type]);
  // Built on first use: a pass no source can start a flow in (most of a library's) reads only its sources.
  let sinkIndex: RuleIndex['sinks'] | undefined;
  let sanitizerIndex: RuleIndex['sanitizers'] | undefined;
  let propagatorIndex: RuleIndex['propagators'] | undefined;
  let raiserIndex: RuleIndex['raisers'] | undefined;
  let guardIndex: RuleIndex['guards'] | undefined;
  let assertingIndex: RuleIndex['assertingGuards'] | undefined;
  const index: RuleIndex = {
    sources: new PatternIndex(sources.kept, (c) => c.pattern, (c) => types(c.pattern)),
    // Sinks match through variables (`valueOf`): the index must not rule a variable out.
    get sinks() {
      return (sinkIndex ??= new PatternIndex(sinks.kept, (s) => s.sink.pattern, (s) => types(s.sink.pattern), true));
    },
    get sanitizers() {
      return (sanitizerIndex ??= new PatternIndex(sanitizers.kept, (c) => c.pattern, (c) => types(c.pattern)));
    },
    // Those that only raise (`raises` without `from`) change no value: `raisesFrom` tries them, `call` does not.
    get propagators() {
      return (propagatorIndex ??= new PatternIndex(propagators.kept.filter((c) => !c.spec.raises || c.spec.from), (c) => c.pattern, (c) => types(c.pattern)));
    },
    get raisers() {
      return (raiserIndex ??= new PatternIndex(propagators.kept.filter((c) => c.spec.raises), (c) => c.pattern, (c) => types(c.pattern)));
    },
    raising: propagators.kept.some((c) => c.spec.raises),
    asserting: first.guards.some((g) => g.spec.asserts),
    get assertingGuards() {
      return (assertingIndex ??= new PatternIndex(first.guards.filter((g) => g.spec.asserts), (c) => c.pattern, 'any'));
    },
    get guards() {
      return (guardIndex ??= new PatternIndex(first.guards, (c) => c.pattern, 'any'));
    },
  };
  const pass: Pass = { rules, index, key: ids };
  // One entry per set of kept patterns seen: bounded, for a long editor session over many files.
  if (byIds.size >= 256) byIds.clear();
  byIds.set(ids, pass);
  return pass;
}

/** A sink's pattern as the file filter sees it (its key cannot collide with the JSON keys of the other lists). */
const sinkParts = new WeakMap<object, PassPattern>();
function sinkPart(sink: PassSink['sink']): PassPattern {
  let p = sinkParts.get(sink);
  if (!p) sinkParts.set(sink, (p = { key: `sink\u0000${sink.pattern.source}`, words: patternWords(sink.pattern.source) }));
  return p;
}

type State = Map<string, Taint | null>;

const named = kids;

function union(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = [...a];
  for (const f of b) {
    // A parameter read through different fields is two flows (`q.title + q.order`): a caller may fill either one.
    // With no room for another flow, one per origin (read whole) before another origin is dropped.
    let i = out.findIndex((g) => sameOrigin(g.origin, f.origin) && fieldReadMark(g) === fieldReadMark(f));
    if (i < 0 && out.length >= MAX_FLOWS) i = out.findIndex((g) => sameOrigin(g.origin, f.origin));
    if (i < 0) {
      if (out.length < MAX_FLOWS) out.push(f);
      continue;
    }
    // One flow per origin: it keeps only the marks both paths have (normalized on one branch only is not normalized).
    // A field the framework fills read on both (`${job.id} ${job.name}`) is clean on both: one of them is kept.
    const g = out[i]!;
    let marks = g.marks && commonMarks(g.marks, f.marks);
    const clean = marks && marks !== g.marks && cleanFieldMark(g);
    if (clean && cleanFieldMark(f) && !marks!.includes(clean)) marks = [...marks!, clean];
    if (marks && marks !== g.marks) out[i] = marks.length ? { ...g, marks } : { origin: g.origin, steps: g.steps };
  }
  return out;
}

/** A source flow's mark of a field its framework fills itself (`.id` of a queue's job), read on its path: it is clean. */
function cleanFieldMark(f: Flow): string | undefined {
  const fields = f.origin.kind === 'source' ? f.origin.cleanFields : undefined;
  return fields && f.marks?.find((m) => m[0] === '.' && fields.includes(m.slice(1)));
}

/** The marks of `a` that `b` has too; `a` itself when `b` has them all. */
function commonMarks(a: readonly string[], b: readonly string[] | undefined): readonly string[] {
  return a.every((m) => b?.includes(m)) ? a : a.filter((m) => b?.includes(m));
}

const guardMarkSets = new WeakMap<object, Set<string>>();
/** Per tree, by node id: whether the node builds a string (see `UnitAnalysis.builds`). */
const buildsCache = new WeakMap<object, Map<number, boolean>>();

/** `t` with the marks each of its flows has in `other` too (by origin), added. */
function withMarksOf(t: Taint, other: Taint): Taint {
  return t.map((f) => {
    const extra = other.filter((g) => sameOrigin(g.origin, f.origin)).flatMap((g) => g.marks ?? []).filter((m) => !f.marks?.includes(m));
    return extra.length ? { ...f, marks: [...(f.marks ?? []), ...new Set(extra)] } : f;
  });
}

function withMark(t: Taint | undefined, mark: string): Taint | undefined {
  return t?.map((f) => (f.marks?.includes(mark) ? f : { ...f, marks: [...(f.marks ?? []), mark] }));
}

const sameOrigin = (a: Origin, b: Origin): boolean =>
  a.kind === 'source' ? b.kind === 'source' && a.label === b.label : b.kind === 'param' && a.index === b.index;

function addStep(t: Taint | undefined, step: TraceStep): Taint | undefined {
  if (!t) return t;
  return t.map((f) => (f.steps.length >= MAX_STEPS ? f : { ...f, steps: [...f.steps, step] }));
}

/** Expression kinds whose evaluation cannot change the state (no call, no assignment): `c ? x : f(x)`. */
const READ_ONLY_KINDS: ReadonlySet<ExprKind> = new Set<ExprKind>(['inert', 'type', 'identifier', 'self', 'member', 'function']);

function mergeStates(a: State, b: State): State {
  const out: State = new Map(a);
  for (const [k, v] of b) {
    const prev = out.get(k);
    if (v === null) {
      if (prev === undefined && !a.has(k) && !isGuardedExprKey(k) && !isFieldKey(k)) out.set(k, null);
    } else out.set(k, prev ? union(prev, v) ?? null : oneSided(k, v));
  }
  for (const [k, v] of a) if (!b.has(k)) {
    // A field cleaned on one side only (`if (c) req.url = '/'`) is, on the other, what its object holds: absent.
    if (v !== null) {
      const w = oneSided(k, v);
      if (w !== v) out.set(k, w);
    } else if (isFieldKey(k)) out.delete(k);
    else out.set(k, null);
  }
  // A checked call is clean (or marked: the union keeps the marks both have) after the join only where both sides
  // checked it (absent means unchecked).
  for (const k of out.keys()) {
    if (!isGuardedExprKey(k)) continue;
    const x = a.get(k);
    const y = b.get(k);
    if (!((x === null && y === null) || (x && y))) out.delete(k);
  }
  return out;
}

/**
 * A key's flows from the one side of a join that holds it. A field is, on the other side, what its object holds:
 * marks a guard gave on one side (`if (c) { if (f.name.includes('..')) return; }`) are not known after the join.
 */
function oneSided(k: string, v: Taint): Taint {
  return isFieldKey(k) && v.some((f) => f.marks) ? v.map((f) => (f.marks ? { origin: f.origin, steps: f.steps } : f)) : v;
}

function statesEqual(a: State, b: State): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if ((v === null) !== (w === null) || (v && (!w || v.length !== w.length))) return false;
  }
  return true;
}

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

/**
 * What a node's text does not say about its parse: '' when the subtree holds no syntax error (its text then
 * decides its tree), else a digest of the type, field and offsets (from the node's start) of each node on the paths
 * to its errors, with their siblings. Error recovery reads text outside the node: a `.` typed on the next line turns
 * `w = .v` from "`.` skipped, then `v`" into "member `v` of a missing name" with the statement's text unchanged.
 * Every cache keyed by a node's text adds this. Nodes of `opaque` types below `node` (nested functions, units of
 * their own) are not entered.
 */
export function errorShape(node: Node, opaque?: ReadonlySet<string>): string {
  if (!node.hasError) return '';
  const base = node.startIndex;
  const out: number[] = [];
  const cursor = node.walk();
  try {
    let depth = 0;
    for (;;) {
      const n = cursor.currentNode;
      out.push(depth, cursor.nodeTypeId, cursor.currentFieldId, cursor.startIndex - base, cursor.endIndex - base, cursor.nodeIsMissing ? 1 : 0);
      if (n.hasError && !(depth > 0 && opaque?.has(n.type)) && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        if (depth === 0) return createHash('sha1').update(out.join(',')).digest('base64');
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** A unit's own text (see `spliceNested`), its nested functions (`functionTypes`) found by walking the unit. */
export function ownText(unit: Node, text: string, functionTypes: ReadonlySet<string>): string {
  const spans: Span[] = [];
  const stack: Node[] = [];
  for (const c of unit.namedChildren) if (c) stack.push(c);
  while (stack.length) {
    const n = stack.pop()!;
    if (functionTypes.has(typeOf(n))) {
      spans.push({ start: n.startIndex, end: n.endIndex });
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  spans.sort((a, b) => a.start - b.start);
  return spliceNested(text, unit.startIndex, unit.endIndex, spans);
}

/** Analyses one unit for the rules of one pass. */
export function analyzeUnit(unit: Node, params: UnitParams, env: UnitEnv): UnitResult {
  return new UnitAnalysis(unit, params, env).run();
}

/** A top-level statement and its cache key (own text, column, and the file context it depends on; not its line). */
export interface TopStatement {
  node: Node;
  key: string;
  /** Its first and last line: an entry recorded at another line is replayed moved by the difference. */
  line: number;
  endLine: number;
}

/**
 * What analysing one top-level statement did, and what it read from the statements before it: enough to replay
 * it exactly after an edit elsewhere. Everything one statement can pass to the next goes through one of these
 * fields (the state, the last definitions, the sinks already reported, returns, findings, work, fall-through).
 * Positions are those of the statement at `line`; replayed at another line, every in-file range moves alike.
 */
export interface StatementEntry {
  line: number;
  /**
   * The state keys it read before writing them, with their values then (`readDigest`, ranges relative to `line`),
   * and, keyed `\u0001<prefix>`, the entries under a prefix it looked through (`x.` for a lookup of `x`).
   */
  reads: ReadonlyMap<string, string>;
  /** Digest of the whole state before it, when it read all of it (copied it for a branch, deleted keys): then replayed only at the same line and state. */
  all?: string;
  /** Whether a guard had checked a call expression before it (`exprGuards`), and after it. */
  guards: boolean;
  guardsOut: boolean;
  /** A fix edits lines outside the statement (an import): replayed only at the same line. */
  pinned: boolean;
  /** What it consulted outside the top level (as the caller records it: callee summaries, name resolutions). */
  deps: ReadonlyMap<string, string>;
  /** Definitions it looked up (`reflected` sinks etc.): name -> digest of the definition then ('' for none). */
  defsRead: ReadonlyMap<string, string>;
  /** Sink keys it reported or found reported: key -> whether it had been reported before the statement. */
  sinkKeys: ReadonlyMap<string, boolean>;
  work: number;
  falls: boolean;
  findings: readonly RawTaintFinding[];
  returns: readonly { t: Taint; range: Range }[];
  /** State writes, in order of first write; `order`: the key order after it when it deleted keys (then `all` is set). */
  sets: readonly [string, Taint | null][];
  order?: string[];
  /** Definitions written, as offsets relative to the statement's start, with what reads of them see (`defDigest`; null: deleted). */
  defsOut: readonly [string, { start: number; end: number; type: string; digest: string } | null][];
}

/**
 * Most cached statements read and write nothing across statements: they share these instead of holding empty
 * collections of their own (a warm 3,000-line file keeps tens of thousands of entries; empty Maps cost ~200 bytes).
 */
const NO_ENTRIES: ReadonlyMap<never, never> = new Map<never, never>();
// Not frozen (the type keeps it read-only): a frozen array has its own map, and every reader of these fields
// (`marked`, `replay`, the cache's `keep`) deopted when it first met it among the mutable lists (shape stability).
const NO_ITEMS: readonly never[] = [];
const mapOrNone = <K, V>(m: ReadonlyMap<K, V>): ReadonlyMap<K, V> => (m.size ? m : NO_ENTRIES);
const listOrNone = <T>(a: readonly T[]): readonly T[] => (a.length ? a : NO_ITEMS);

/** The per-statement cache of one pass's top-level analysis, kept by the caller between runs. */
export interface TopLevelCache {
  /**
   * The first entry `ok` accepts among those from earlier runs (and this one) for a statement key at a line, tried
   * most likely first (the last run's entry of this round): any valid entry gives the same result.
   */
  find(key: string, line: number, ok: (e: StatementEntry) => boolean): StatementEntry | undefined;
  /** The lines the last run had entries for a statement key at (where a statement that moved may have been). */
  lines(key: string): readonly number[];
  /** Records an entry this run used. */
  keep(key: string, line: number, e: StatementEntry): void;
  /** Whether a dependency recorded by an entry still has that value. */
  holds(dep: string, value: string): boolean;
  /** Where the caller records what the statement being analysed consults (a fresh map per statement). */
  track(deps: Map<string, string>): void;
  /** Merges the dependencies of entries applied unvisited (already at the statement's line) into the unit's. */
  forward(deps: ReadonlyMap<string, string>): void;
  /**
   * The last run's entries of this round, aligned with the statements now: the first `p` statements are the old
   * first `p` at the same lines, the last `q` the old last `q` moved by `delta` lines (`oldCount` statements then).
   * With it the run is a worklist: an aligned statement whose entry nothing it read can have changed is applied
   * unvisited (see `runTopLevel`).
   */
  prev?: { entries: readonly StatementEntry[]; p: number; q: number; delta: number; oldCount: number; marks?: readonly TopMark[] };
  /** Whether a dependency (at the statement's line now) may have a new value in this round (the fixpoint's targets). */
  suspect?: (dep: string) => boolean;
  /** Counters. */
  stats: { topStatementsAnalyzed: number; topStatementsCached: number; topEntriesChecked: number; topStatementsVisited: number; topStatementsForwarded: number; topStatementsSkipped: number };
}

/** Where a definition came from: its statement's index in the run, offsets relative to that statement, node type. */
interface DefAt {
  si: number;
  start: number;
  end: number;
  type: string;
  digest: string;
}

/**
 * A checkpoint of a top-level run before statement `index` (every `markSpacing` statements, while the top level has
 * returned nothing): the state (keys in order), definitions, sinks reported and guard flag then; and what the
 * statements from it to the next mark did as a whole (their dependencies, findings, work). The next run starts from
 * the last mark before the first statement it must visit, and jumps from a mark whose state it reached again to the
 * next segment a suspect dependency may change (see `runTopLevel`). Never written once its segment is complete.
 */
export interface TopMark {
  index: number;
  keys: readonly string[];
  vals: readonly (Taint | null)[];
  defNames: readonly string[];
  defs: readonly DefAt[];
  sinks: readonly string[];
  guards: boolean;
  /** Of the segment: the dependencies its statements recorded (in order), their findings, work and count. */
  deps: Map<string, string>;
  findings: RawTaintFinding[];
  work: number;
  count: number;
  /** A statement of it read the whole state or has a fix outside it: the segment replays only at its line. */
  fixed: boolean;
  /** The definitions its statements looked up. */
  defsRead: Set<string>;
}

const NO_NAMES: ReadonlySet<string> = new Set<string>();

/**
 * A mark of the last run's tail as this run applies it, `delta` lines and `off` statements below where it ran
 * (`shiftEntry` for a segment: its findings and positional dependencies moved; its state's in-file ranges and its
 * definitions' statements moved when read). A definition from the edited span (the old statements `p` to `oldTail`)
 * is this run's of that name (`now`): the mark was reached from a state whose one reads the same (see `reached`).
 */
function shiftMark(m: TopMark, delta: number, off: number, p: number, oldTail: number, now: ReadonlyMap<string, DefAt>): TopMark {
  const fixes = (list: Fix[]): Fix[] => list.map((f) => ({ ...f, edits: f.edits.map((x) => ({ ...x, range: shiftRange(x.range, delta) })) }));
  let vals: (Taint | null)[] | undefined;
  let defs: DefAt[] | undefined;
  return {
    index: m.index + off,
    keys: m.keys,
    get vals() {
      return (vals ??= delta === 0 ? [...m.vals] : m.vals.map((v) => (v !== null && hasInFileRange(v) ? shiftTaint(v, delta) : v)));
    },
    defNames: m.defNames,
    get defs() {
      return (defs ??= m.defs.map((b, y) => (b.si < p ? b : b.si >= oldTail ? (off === 0 ? b : { ...b, si: b.si + off }) : now.get(m.defNames[y]!)!)));
    },
    sinks: m.sinks,
    guards: m.guards,
    deps: delta === 0 ? m.deps : new Map([...m.deps].map(([k, v]) => [shiftDepKey(k, delta), shiftDepValue(v, delta)])),
    findings: delta === 0 ? m.findings : m.findings.map((f) => ({ ...f, range: shiftRange(f.range, delta), trace: shiftSteps(f.trace, delta), fixes: fixes(f.fixes) })),
    work: m.work,
    count: m.count,
    fixed: m.fixed,
    defsRead: m.defsRead,
  };
}

/** Statements between two marks: about 16 marks per run, at least 16 statements apart. */
function markSpacing(n: number): number {
  return Math.max(16, Math.ceil(n / 16));
}

/**
 * What may differ between this run's state and the last run's at the same aligned statement (see `runTopLevel`):
 * state keys (with their dotted prefixes) and definition names written differently, or whose values' ranges did not
 * move with the statements below an edit. Only grows; `full` once the key order may differ (keys were deleted).
 */
interface TopChanges {
  keys: Set<string>;
  prefixes: Set<string>;
  defs: Set<string>;
  full: boolean;
}

/**
 * The module's top level, analysed statement by statement: a statement is replayed from `cache` when its key and
 * what it read from earlier statements (the state keys it read, relative to its line, or the whole state when it
 * read all of it; definitions, sinks reported, callee summaries) are as they were, so an edit re-analyses the
 * edited statement and only the statements that read what it changed. A statement that only moved is replayed with
 * its ranges moved alike, when what it read moved with it. The result (summary, findings, work) is exactly
 * `analyzeUnit(root)`'s: the same sequential analysis, with every value that passes between statements recorded,
 * so no fallback to the whole top level is needed (hoisted functions and closures are units of their own,
 * consulted through `env` and recorded in `deps`).
 */
export function analyzeTopLevel(root: Node, statements: readonly TopStatement[], env: UnitEnv, cache: TopLevelCache): UnitResult {
  return new UnitAnalysis(root, { names: [], sources: new Map() }, env).runTopLevel(statements, cache);
}

class UnitAnalysis {
  private readonly summary: Summary = { paramReturns: new Map(), sourceReturns: [], paramSinks: new Map() };
  /** Paths off a request this unit assigns (`noteRequestWrite`). */
  private requestWrites: Set<string> | undefined;
  private readonly findings: RawTaintFinding[] = [];
  private readonly seenSinks = new Set<string>();
  private memo = new Map<number, Taint | undefined>();
  /** Per try statement being walked (innermost last): what its body raised, directly or through a callee's summary. */
  private readonly raised: { t: Taint | undefined }[] = [];
  /** Marks the pass's guards give (`mark`): a parameter's flow lacking one of them was not checked here. */
  private get guardMarks(): ReadonlySet<string> {
    const rule = this.env.pass.rules[0]!;
    let set = guardMarkSets.get(rule);
    if (!set) guardMarkSets.set(rule, (set = new Set(rule.guards.flatMap((g) => (g.spec.mark ? [g.spec.mark] : [])))));
    return set;
  }

  /**
   * Whether a guard's `table` is one the program wrote: a collection literal or comprehension (never a string,
   * where `in` is a substring test), in place or as a name's value, and not input.
   */
  private isTable(n: Node | undefined, st: State): boolean {
    if (!n) return false;
    let v: Node | undefined = this.syn.unparenthesize(n);
    if (this.syn.exprKind(typeOf(v)) === 'identifier') {
      if (st.get(textOf(v))) return false;
      v = this.valueOf(textOf(v));
    }
    for (let i = 0; v && i < 3; i++) {
      v = this.syn.unparenthesize(v);
      if (this.syn.tableTypes.has(typeOf(v))) return true;
      // new Set([...]), new Map(...), frozenset({...}), Object.freeze({...}): the table inside.
      const text = textOf(v);
      if (!/^(new\s+(Set|Map)\s*\(|(frozenset|set|dict|Object\.freeze)\s*\()/.test(text)) return false;
      const args = fieldOf(v, 'arguments');
      const first = args ? named(args)[0] : undefined;
      if (!first) return false;
      v = first;
    }
    return false;
  }

  /** A guard checked an expression that is not an access path (see `guardedExprKey`): calls must look it up. */
  private exprGuards = false;
  /** The pass's candidate sources per index list, less those whose `requires-import` the file lacks (the same at every node). */
  private readonly sourcesFor = new Map<readonly Compiled<CompiledRule['sources'][number]['spec']>[], Compiled<CompiledRule['sources'][number]['spec']>[]>();
  private work = 0;
  private readonly limit: number;
  /** Each local variable's last assigned value so far, for `reflected` sinks (lazily found when replayed). */
  private readonly defs = new Map<string, Node | (() => Node | undefined)>();
  /** While a top-level statement is analysed for the statement cache: what it reads and writes across statements. */
  private log?: { defsRead: Map<string, string>; defsOut: Map<string, Node | null>; sinkKeys: Map<string, boolean>; returns: { t: Taint; range: Range }[] };
  /** Per construction call of a class of this file, by node id: the fields holding its arguments (see `storedFields`). */
  private constructedFields?: Map<number, Map<string, Taint>>;
  /** Free variables of a function unit, by name: their index in `summary.captures`. */
  private readonly captureIndex = new Map<string, number>();
  /** A function unit's state setters (`const [html, setHtml] = useState(…)`): setter name -> the value's name. */
  private setters?: Map<string, string>;
  /** The language's syntax knowledge. */
  private readonly syn: LanguageModule;
  /** Parameter names -> index, once they are bound: a later binding of one is no check of the caller's value. */
  private paramNames?: Map<string, number>;
  /** Parameters rebound in the body (see `paramNames`). */
  private readonly reboundParams = new Set<string>();
  /** Parameters a guard left clean at every normal return so far (undefined: no return seen yet). */
  private checkedAtExit?: Set<number>;
  /** The parameters every truthy return so far checks (see `Summary.predicate`); empty once one checks none. */
  private predicateAtExit?: Set<number>;
  /** Containers with per-index keys (`l.0`) in a function unit: a call that may change them forgets those (`coarsen`). */
  private readonly indexed = new Set<string>();
  /** Names this unit binds (parameters, locals): they hide a module-level value of the same name. */
  private readonly bound = new Set<string>();
  /** An enclosing function's variables this unit assigns (see `Summary.capturedWrites`). */
  private readonly freeAssigned = new Set<string>();
  /** `valueOf` for guards: a name stands for the whole chain it holds (see `ValueOf.whole`). */
  private readonly guardValueOf: ValueOf = Object.assign((name: string): Node | undefined => this.valueOf(name), { whole: true });
  /** A variable's value for sink patterns: its last local assignment, else the module's constant of that name. */
  private readonly valueOf = (name: string): Node | undefined =>
    this.defOf(name) ?? (this.bound.has(name) ? undefined : this.env.moduleValue?.(name));
  private readonly defOf = (name: string): Node | undefined => {
    let d = this.defs.get(name);
    if (typeof d === 'function') {
      d = d();
      if (d) this.defs.set(name, d);
      else this.defs.delete(name);
    }
    if (this.log && !this.log.defsRead.has(name) && !this.log.defsOut.has(name)) this.log.defsRead.set(name, defDigest(d));
    return d;
  };

  /** Per name, how this unit binds it, for the constant folder (see `LanguageModule.constantDef`). */
  private constDefs?: Map<string, ConstantDef | 'free' | undefined>;
  /** Whether a function encloses this unit (whose locals a free name may be), once known. */
  private nested?: boolean;
  /**
   * The constant value node of the name read at `id`, for `constantTruth`: a local's one definition before it, else
   * a module constant. Function units only: the top level's statements are cached one by one, with no such read.
   */
  private readonly constantLookup = (id: Node): Node | undefined => {
    const syn = this.syn;
    if (!syn.constantDef || !this.isFunction(this.unit)) return undefined;
    const name = textOf(id);
    if (id.startIndex >= this.unit.startIndex && id.endIndex <= this.unit.endIndex) {
      const defs = (this.constDefs ??= new Map());
      let d = defs.get(name);
      if (!defs.has(name)) defs.set(name, (d = syn.constantDef(this.unit, name)));
      if (d === undefined) return undefined;
      if (d !== 'free') return d.end <= id.startIndex && d.scope.startIndex <= id.startIndex && id.endIndex <= d.scope.endIndex ? d.value : undefined;
    }
    if ((this.nested ??= this.enclosed())) return undefined;
    const v = this.env.moduleValue?.(name);
    return v && syn.isConstantBinding?.(v, name) ? v : undefined;
  };

  private enclosed(): boolean {
    for (let p = this.unit.parent; p; p = p.parent) if (this.isFunction(p)) return true;
    return false;
  }
  /** Whether the pass's rules take exported functions' parameters as input (audit, `library-input`). */
  private readonly entries: boolean;
  /** Whether flows built into strings are marked CONSTRUCTED (the pass has `library-input` rules). */
  private readonly constructs: boolean;

  constructor(
    private readonly unit: Node,
    private readonly params: UnitParams,
    private readonly env: UnitEnv,
  ) {
    this.limit = env.limit ?? Infinity;
    const first = env.pass.rules[0]!;
    this.syn = first.module;
    this.constructs = !!first.libraryInput && !!this.syn.buildsString;
    this.entries = !!first.audit || !!first.libraryInput;
  }

  /** `LanguageModule.buildsString`, once per node of a tree whatever the number of passes asking. */
  private builds(n: Node): boolean {
    let byId = buildsCache.get(n.tree);
    if (!byId) buildsCache.set(n.tree, (byId = new Map()));
    let v = byId.get(n.id);
    if (v === undefined) byId.set(n.id, (v = this.syn.buildsString!(n)));
    return v;
  }

  private isFunction(n: Node): boolean {
    return this.syn.functionTypes.has(typeOf(n));
  }

  /**
   * The unit's text before `n`, nested functions blanked: the unit's own text is its cache key, so what a sink
   * reads of it must not come from a nested function (whose edits leave the key as it was).
   */
  private ownTextBefore(n: Node): string {
    return textOutsideFunctions(this.unit, this.syn.functionTypes, n);
  }

  /**
   * A sink's `unless-before`: whether the nearest statement run before `n` on every path to it whose text matches
   * `matching` (an earlier statement of its block or of a block around it) also matches `safe`. Not past the unit's
   * function, nor, at the top level, past the statement holding `n` (the top level reuses a statement's result while
   * its own text is unchanged). Nested functions' text does not count: it runs elsewhere.
   */
  private safeBefore(n: Node, ub: { matching: string; safe: string }): boolean {
    const matching = unlessRe(ub.matching);
    for (let s: Node | null = n; s && s.id !== this.unit.id; s = s.parent) {
      const block = s.parent;
      if (!block || this.syn.stmtKind(typeOf(block)) !== 'block') continue;
      if (!block.parent) return false;
      for (let prev = s.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
        const kind = this.syn.stmtKind(typeOf(prev));
        // Comments are inert in every language.
        if (kind === 'definition' || kind === 'inert' || !matching.test(prev.text)) continue;
        const text = textOutsideFunctions(prev, this.syn.functionTypes);
        if (!matching.test(text)) continue;
        // A branch or loop may not have run: the content type is not known, the sink stays.
        return (kind === 'expression' || kind === 'declaration') && unlessRe(ub.safe).test(text);
      }
    }
    return false;
  }

  /** The clean fields of the handlers this unit is, as an origin's `cleanFields`. */
  private handlerCleanFields(): { cleanFields?: readonly string[] } {
    const by = this.env.cleanFields?.byHandler;
    const fields = by && this.params.handlers?.flatMap((h) => by.get(h) ?? []);
    return fields?.length ? { cleanFields: fields } : {};
  }

  /**
   * Where a sink is reported: its tainted part, from the called name when a sink call names it on an earlier line
   * (`db.query(` on one line, the built string on the next; `.extra(` in a query chain), as other tools and readers
   * name a sink by its call. A returned object's field (`Location: url`) stays where it is.
   */
  private sinkRange(n: Node, focus: Node): Range {
    const at = this.range(focus);
    if (this.syn.exprKind(typeOf(n)) !== 'call') return at;
    const callee = this.syn.callee(n);
    const named = callee && this.syn.exprKind(typeOf(callee)) === 'member' ? this.syn.propertyOf(callee) ?? callee : callee ?? n;
    const start = this.range(named).start;
    return start.line < at.start.line ? { start, end: at.end } : at;
  }

  /** Counts one step; past the limit the unit is abandoned. */
  private step(): void {
    if (++this.work > this.limit) throw new BudgetExceeded();
  }

  run(): UnitResult {
    const st: State = new Map();
    for (const { node, index } of this.params.names) {
      const src = this.params.sources.get(index);
      const label = src?.label;
      const step: TraceStep = { range: this.range(node), message: src ? sourceMessage(src.label, src.input) : `parameter ${textOf(node)}`, kind: src ? 'source' : 'step' };
      const flow: Flow = src ? { origin: { kind: 'source', label: src.label, input: src.input, ...this.handlerCleanFields() }, steps: [step] } : { origin: { kind: 'param', index }, steps: [step] };
      // A framework handler's parameters are the request rules' input; `library-input` rules read libraries' API.
      // A parameter named as a command line (`elevate(cmd)`) is one by the API's design, a wrapper's prefix or not.
      const lib = !this.env.pass.rules[0]!.audit;
      const found = label || !this.entries ? undefined : this.params.entryParams?.get(index);
      // The label names the parameter: read there, not off the tree again in every pass.
      const entry = found && lib && (this.params.handlers?.length || COMMAND_PARAM.test(/^parameter `([^`]*)`/.exec(found)?.[1] ?? '')) ? undefined : found;
      const why = `${entry && sourceMessage(entry, 'library')}${this.env.pass.rules[0]!.audit ? ' (audit)' : ''}`;
      const flows: Flow[] = entry ? [flow, { origin: { kind: 'source', label: entry, input: 'library' }, steps: [{ range: step.range, message: why, kind: 'source' }] }] : [flow];
      this.bind(node, flows, st, undefined);
      // `constructor(private readonly source: string)`: the constructor stores it in `this.source` too.
      if (this.syn.fieldReceiver && this.syn.parameterProperty?.(node)) st.set(`${this.syn.fieldReceiver}.${textOf(node)}`, flows);
    }
    for (const p of this.params.cleanPaths ?? []) st.set(p, null);
    const route = this.params.routeSchema;
    if (route && this.env.moduleValue) for (const f of this.syn.routeSchemaFields?.(route.call, this.env.moduleValue).fields ?? []) st.set(`${route.request}.${f}`, null);
    const isFunction = this.syn.functionTypes.has(typeOf(this.unit));
    if (isFunction) this.paramNames = new Map(this.params.names.flatMap(({ node, index }) => (this.syn.targetKind(typeOf(node)) === 'name' ? [[textOf(node), index] as const] : [])));
    const keywords = isFunction ? this.params.keywords : undefined;
    if (keywords) this.summary.keywords = keywords;
    // Units are functions and the module's root.
    const body = isFunction ? fieldOf(this.unit, 'body') : this.unit;
    if (body) {
      if (isFunction && this.syn.stmtKind(typeOf(body)) !== 'block') {
        // Expression-bodied arrow / lambda: the expression is the return value, and a handler's may be its response.
        this.notePredicate(body, st);
        this.returnValue(this.ev(body, st, 0), body);
        this.noteReturnFields(body, st);
        if (this.params.handlers?.length) this.checkSinks(this.syn.unparenthesize(body), st, 0, true);
      } else if (this.block(body, st, 0)) this.normalExit(st);
      const unbound = (i: number): boolean => ![...this.reboundParams].some((name) => this.paramNames?.get(name) === i);
      if (this.checkedAtExit?.size) {
        const validates = [...this.checkedAtExit].filter(unbound);
        if (validates.length) this.summary.validates = validates.sort((a, b) => a - b);
      }
      if (this.predicateAtExit?.size) {
        const predicate = [...this.predicateAtExit].filter(unbound);
        if (predicate.length) this.summary.predicate = predicate.sort((a, b) => a - b);
      }
    }
    this.step();
    return { summary: this.summary, findings: this.findings, work: this.work };
  }

  /**
   * `run()` for the module's root, statement by statement through the statement cache (see analyzeTopLevel).
   *
   * With the last run's entries of this round (`cache.prev`) it is a worklist: a statement aligned with an old one
   * (same key, in the unchanged head at the same line or the unchanged tail moved alike) is applied from the old
   * entry unvisited (no lookup, no check of what it read) unless it read a state key, key prefix or definition in
   * `changes`, a guard flag or sink that differs now, a dependency the fixpoint marks as possibly changed (or, moved,
   * a callee's position), or the whole state. Every other statement is visited as without it. Exact: an unvisited
   * statement's reads all hold (each changed key, the changed statements' writes, is in `changes`), so its entry is
   * one `cached` would accept.
   */
  runTopLevel(statements: readonly TopStatement[], cache: TopLevelCache): UnitResult {
    const st = new LoggedState();
    let reused = 0;
    // The line moves of the last statements replayed moved, latest first: those below an edit all move alike.
    const moves: number[] = [];
    const used: StatementEntry[] = [];
    const prev = cache.prev;
    const n = statements.length;
    const changes: TopChanges | undefined = prev ? { keys: new Set(), prefixes: new Set(), defs: new Set(), full: false } : undefined;
    const tailStart = prev ? n - prev.q : n;
    // Marks (see `TopMark`): this run's, and the last run's, whose segments in the aligned head (at the same
    // indices) and tail (old index + `off`, moved by `delta` lines) are this run's statements too.
    const spacing = markSpacing(n);
    const marks: TopMark[] = [];
    const prevMarks = prev?.marks;
    let pm = 0;
    const off = prev ? n - prev.oldCount : 0;
    const delta = prev?.delta ?? 0;
    const defAt = new Map<string, DefAt>();
    // Whether the state (with definitions, sinks and guard flag) is the last run's at statement i: true while every
    // statement was applied from the last run's entry of the same index at its line, and after a jump to a mark.
    let same = !!prev;
    // The top level returned something (a script's `return`): the summary is not in a mark, so no more marks.
    let returned = false;
    let seg: TopMark | undefined;
    for (let i = 0; i < n; i++) {
      const s = statements[i]!;
      const { node, key, line } = s;
      if (prev && changes && i === tailStart) this.enterTail(prev, changes, st);
      if (!returned) {
        const head = !!prev && i <= prev.p;
        const tail = !!prev && i >= tailStart;
        if (prevMarks && (head || tail)) {
          // The last run's mark of this statement, if any (old indices: the same in the head, less `off` in the tail).
          const oi = tail ? i - off : i;
          while (pm < prevMarks.length && prevMarks[pm]!.index < oi) pm++;
          const m = prevMarks[pm];
          const d = tail ? delta : 0;
          const differ = !m || m.index !== oi ? undefined : same && d === 0 && oi === i ? NO_NAMES : this.reached(m, st, defAt, prev!, d, off);
          if (m && differ) {
            // From a state the last run had at this mark (moved alike), its next segments are this run's while each
            // lies in the aligned head or tail, replays at another line if moved (no whole-state read, no pinned
            // fix, no sink reported: sink keys hold lines) and no dependency of it may have changed in this round.
            let k = pm;
            const oldTail = prev!.oldCount - prev!.q;
            for (; k + 1 < prevMarks.length; k++) {
              const a = prevMarks[k]!;
              const b = prevMarks[k + 1]!;
              const inside = head ? b.index <= prev!.p : a.index >= oldTail && (d === 0 || (!a.fixed && b.sinks.length === 0));
              if (!inside || a.count !== b.index - a.index || this.suspectIn(a.deps, cache, d)) break;
              if (differ.size && [...differ].some((name) => a.defsRead.has(name))) break;
            }
            if (k > pm) {
              // The definitions now: one of the edited span that a mark of the tail holds is this run's (`reached`).
              const now = tail ? new Map(defAt) : undefined;
              for (let x = pm; x < k; x++) {
                const a = prevMarks[x]!;
                const moved = now ? shiftMark(a, d, off, prev!.p, oldTail, now) : a;
                marks.push(moved);
                this.work += a.work;
                reused += a.work;
                for (const f of moved.findings) this.findings.push(f);
                cache.forward(moved.deps);
              }
              if (this.work > this.limit) throw new BudgetExceeded();
              const to = prevMarks[k]!;
              const ni = to.index + (tail ? off : 0);
              cache.stats.topStatementsSkipped += ni - i;
              for (let j = oi; j < to.index; j++) used.push(prev!.entries[j]!);
              this.restore(now ? shiftMark(to, d, off, prev!.p, oldTail, now) : to, st, defAt, statements);
              same = !now;
              seg = undefined;
              pm = k;
              i = ni - 1;
              continue;
            }
          }
        }
        if (!seg || i % spacing === 0) {
          // At the last run's mark in the same state, its snapshot is this one: shared, not copied.
          const m = same && prevMarks?.[pm]?.index === i ? prevMarks[pm]! : undefined;
          seg = m
            ? { ...m, deps: new Map(), findings: [], work: 0, count: 0, fixed: false, defsRead: new Set() }
            : { index: i, keys: [...st.keys()], vals: [...st.values()], defNames: [...defAt.keys()], defs: [...defAt.values()], sinks: [...this.seenSinks], guards: this.exprGuards, deps: new Map(), findings: [], work: 0, count: 0, fixed: false, defsRead: new Set() };
          marks.push(seg);
        }
      }
      let e0: StatementEntry | undefined;
      let j = -1;
      if (prev && changes) {
        j = i < prev.p ? i : i >= tailStart ? i - n + prev.oldCount : -1;
        e0 = j >= 0 ? prev.entries[j] : undefined;
        if (e0 && !changes.full && !this.touched(e0, line, changes, cache)) {
          cache.stats.topStatementsForwarded++;
          const e = line === e0.line ? e0 : shiftEntry(e0, line - e0.line);
          this.work += e.work;
          reused += e.work;
          if (this.work > this.limit) throw new BudgetExceeded();
          this.replay(e, node, st);
          cache.forward(e.deps);
          used.push(e0);
          same &&= j === i && e === e0;
          if (!returned) returned = this.marked(seg, e, i, defAt);
          if (!e.falls) break;
          continue;
        }
      }
      cache.stats.topStatementsVisited++;
      // The aligned old entry first: it is the likeliest valid one.
      let hit: StatementEntry | undefined;
      if (e0) {
        this.candLine = line;
        this.candSt = st;
        this.candCache = cache;
        if (this.okEntry(e0)) hit = e0;
      }
      hit ??= this.cached(s, st, cache, moves);
      let e: StatementEntry;
      if (hit) {
        cache.stats.topStatementsCached++;
        e = line === hit.line ? hit : shiftEntry(hit, line - hit.line);
        this.work += e.work;
        reused += e.work;
        if (this.work > this.limit) throw new BudgetExceeded();
        this.replay(e, node, st);
      } else {
        cache.stats.topStatementsAnalyzed++;
        const deps = new Map<string, string>();
        cache.track(deps);
        const log = (this.log = { defsRead: new Map(), defsOut: new Map(), sinkKeys: new Map(), returns: [] as { t: Taint; range: Range }[] });
        st.startLog(line);
        const guards = this.exprGuards;
        const work0 = this.work;
        const findings0 = this.findings.length;
        let falls: boolean;
        try {
          falls = this.stmt(node, st, 1);
        } finally {
          this.log = undefined;
        }
        const { sets, order, reads, all } = st.endLog();
        const base = node.startIndex;
        const findings = this.findings.slice(findings0);
        // Pushed into one literal, not `map` (an empty `map` result has SMI elements, a full one object elements):
        // `listOrNone` and the readers of `defsOut` see one elements kind (shape stability).
        const defsOut: StatementEntry['defsOut'][number][] = [];
        for (const [k, n] of log.defsOut) defsOut.push([k, n ? { start: n.startIndex - base, end: n.endIndex - base, type: n.type, digest: defDigest(n) } : null]);
        e = {
          line,
          reads: mapOrNone(reads),
          // `all` and `order` always present (undefined when not set), not spread in when set: one hidden class
          // for every entry, so its readers (`marked`, `replay`, `markWrites`) compile once (shape stability).
          all,
          guards,
          guardsOut: this.exprGuards,
          pinned: findings.some((f) => f.fixes.some((x) => x.edits.some((d) => d.range.start.line < line || d.range.end.line > s.endLine))),
          deps: mapOrNone(deps),
          defsRead: mapOrNone(log.defsRead),
          sinkKeys: mapOrNone(log.sinkKeys),
          work: this.work - work0,
          falls,
          findings: listOrNone(findings),
          returns: listOrNone(log.returns),
          sets: listOrNone(sets),
          order,
          defsOut: listOrNone(defsOut),
        };
      }
      // Applied from another entry than the aligned one (or none was aligned): what it wrote may differ.
      if (changes && hit !== e0) {
        markWrites(changes, e);
        if (e0) markWrites(changes, e0);
      }
      same &&= j === i && hit === e0 && e === hit;
      if (!returned) returned = this.marked(seg, e, i, defAt);
      cache.keep(key, line, e);
      used.push(e);
      if (!e.falls) break;
    }
    this.step();
    return { summary: this.summary, findings: this.findings, work: this.work, reused, statements: used, ...(marks.length ? { marks } : {}) };
  }

  /**
   * Adds statement `i`'s entry, as applied, to the segment of the last mark (and its definitions to `defAt`);
   * whether the top level has returned something since (then marks end).
   */
  private marked(seg: TopMark | undefined, e: StatementEntry, i: number, defAt: Map<string, DefAt>): boolean {
    for (const [name, d] of e.defsOut) {
      if (d) defAt.set(name, { si: i, start: d.start, end: d.end, type: d.type, digest: d.digest });
      else defAt.delete(name);
    }
    if (!seg) return e.returns.length !== 0;
    seg.count++;
    if (e.all !== undefined || e.pinned) seg.fixed = true;
    for (const name of e.defsRead.keys()) seg.defsRead.add(name);
    seg.work += e.work;
    for (const [k, v] of e.deps) seg.deps.set(k, v);
    for (const f of e.findings) seg.findings.push(f);
    return e.returns.length !== 0;
  }

  /**
   * Whether a dependency a segment recorded may have another value now, its statements `d` lines below where they
   * were (as `touched` checks one: at its line only a suspect one; moved, a named callee's position too).
   */
  private suspectIn(deps: ReadonlyMap<string, string>, cache: TopLevelCache, d: number): boolean {
    const suspect = cache.suspect;
    for (const [k, v] of deps) {
      if (d === 0) {
        if ((!suspect || suspect(k)) && !cache.holds(k, v)) return true;
      } else {
        const k2 = shiftDepKey(k, d);
        if (k.startsWith('i:') && suspect && !suspect(k2)) continue;
        if (!cache.holds(k2, shiftDepValue(v, d))) return true;
      }
    }
    return false;
  }

  /**
   * Whether the state now is the one the last run had at mark `m` with every in-file range moved `d` lines: keys in
   * order with equal values, the same definitions (from the same statement of the head, or of the tail `off`
   * indices on; or both from the edited span), sinks (none if moved: their keys hold lines) and flag. Then the names
   * whose definition (of the edited span) reads differently: a segment whose statements read one is not skipped.
   */
  private reached(m: TopMark, st: LoggedState, defAt: ReadonlyMap<string, DefAt>, prev: NonNullable<TopLevelCache['prev']>, d: number, off: number): ReadonlySet<string> | undefined {
    if (st.size !== m.keys.length || defAt.size !== m.defNames.length || this.seenSinks.size !== m.sinks.length || this.exprGuards !== m.guards) return undefined;
    if (d !== 0 && m.sinks.length) return undefined;
    let x = 0;
    for (const [k, v] of st) {
      const w = m.vals[x];
      if (m.keys[x++] !== k || w === undefined) return undefined;
      if (v === w ? d !== 0 && v !== null && hasInFileRange(v) : v === null || w === null || (d === 0 ? valueDigest(v) !== valueDigest(w) : relDigest(v, d) !== relDigest(w, 0))) return undefined;
    }
    let differ: Set<string> | undefined;
    const oldTail = prev.oldCount - prev.q;
    for (let y = 0; y < m.defNames.length; y++) {
      const a = defAt.get(m.defNames[y]!);
      const b = m.defs[y]!;
      if (!a) return undefined;
      const si = b.si < prev.p ? b.si : b.si >= oldTail ? b.si + off : -1;
      if (si >= 0 ? a.si !== si || a.start !== b.start || a.end !== b.end || a.type !== b.type : a.si < prev.p || a.si >= prev.p + (prev.oldCount - prev.q - prev.p) + off) return undefined;
      if (si < 0 && (a.digest !== b.digest || a.type !== b.type)) (differ ??= new Set()).add(m.defNames[y]!);
    }
    for (const k of m.sinks) if (!this.seenSinks.has(k)) return undefined;
    return differ ?? NO_NAMES;
  }

  /** Sets the state, definitions, sinks and guard flag to mark `m`'s (a mark of this run's statements). */
  private restore(m: TopMark, st: LoggedState, defAt: Map<string, DefAt>, statements: readonly TopStatement[]): void {
    st.clear();
    for (let x = 0; x < m.keys.length; x++) st.set(m.keys[x]!, m.vals[x]!);
    this.defs.clear();
    defAt.clear();
    for (let y = 0; y < m.defNames.length; y++) {
      const at = m.defs[y]!;
      const node = statements[at.si]!.node;
      const base = node.startIndex;
      defAt.set(m.defNames[y]!, at);
      this.defs.set(m.defNames[y]!, () => findNode(node, base + at.start, base + at.end, at.type));
    }
    this.seenSinks.clear();
    for (const k of m.sinks) this.seenSinks.add(k);
    this.exprGuards = m.guards;
  }

  /**
   * Entering the unchanged tail: what the old statements between head and tail wrote may differ now, and when the
   * tail moved, so does every value whose ranges stayed above it (its statements read them at moved lines).
   */
  private enterTail(prev: NonNullable<TopLevelCache['prev']>, changes: TopChanges, st: LoggedState): void {
    for (let j = prev.p; j < prev.oldCount - prev.q && j < prev.entries.length; j++) markWrites(changes, prev.entries[j]!);
    // An old statement between them never ran (the run stopped before): what it would have written is unknown.
    if (prev.oldCount - prev.q > prev.entries.length) changes.full = true;
    if (prev.delta !== 0) for (const [k, v] of st.entries()) if (v && hasInFileRange(v)) markKey(changes, k);
  }

  /** Whether an aligned old entry may not hold for the statement now at `line` (then it is visited). */
  private touched(e: StatementEntry, line: number, changes: TopChanges, cache: TopLevelCache): boolean {
    const d = line - e.line;
    // Replayed only at its line; a whole-state reader only when no key may differ (then neither may the order).
    if ((e.all !== undefined || e.pinned) && d !== 0) return true;
    if (e.all !== undefined && changes.keys.size !== 0) return true;
    if (e.guards !== this.exprGuards) return true;
    for (const k of e.reads.keys()) if (k.charCodeAt(0) === 1 ? changes.prefixes.has(k.slice(1)) : changes.keys.has(k)) return true;
    for (const name of e.defsRead.keys()) if (changes.defs.has(name)) return true;
    for (const [k, was] of e.sinkKeys) if (this.seenSinks.has(d ? shiftSinkKey(k, d) : k) !== was) return true;
    const suspect = cache.suspect;
    for (const [k, v] of e.deps) {
      if (d === 0) {
        if (suspect && !suspect(k)) continue;
        if (!cache.holds(k, v)) return true;
      } else {
        const inline = k.startsWith('i:');
        // Moved: a named callee's position must have moved alike; an inline one moved with the statement.
        if (inline && suspect && !suspect(shiftDepKey(k, d))) continue;
        if (!cache.holds(shiftDepKey(k, d), shiftDepValue(v, d))) return true;
      }
    }
    return false;
  }

  /**
   * A cached entry valid for statement `s` now: one recorded at its line, else at its line less a recent move, else
   * at (a few of) the other lines its key had entries at (it moved, or the same text stood elsewhere). Any valid
   * entry gives the same result, so which is tried first only costs time.
   */
  private cached(s: TopStatement, st: LoggedState, cache: TopLevelCache, moves: number[]): StatementEntry | undefined {
    this.candLine = s.line;
    this.candSt = st;
    this.candCache = cache;
    const ok = this.okEntry;
    const exact = cache.find(s.key, s.line, ok);
    if (exact) return exact;
    for (const d of moves) {
      const e = d !== 0 ? cache.find(s.key, s.line - d, ok) : undefined;
      if (e) return e;
    }
    let tried = 0;
    for (const l of cache.lines(s.key)) {
      if (l === s.line || moves.includes(s.line - l)) continue;
      // Many statements with the same key (functions of the same length): bounded, so a run stays linear in them.
      if (++tried > MOVED_CANDIDATES) break;
      const e = cache.find(s.key, l, ok);
      if (e) {
        moves.unshift(s.line - l);
        if (moves.length > 3) moves.pop();
        return e;
      }
    }
    return undefined;
  }

  /** The statement `cached` looks up entries for (set per statement: no closure per statement and candidate). */
  private candLine = 0;
  private candSt?: LoggedState;
  private candCache?: TopLevelCache;
  private readonly okEntry = (e: StatementEntry): boolean => {
    this.candCache!.stats.topEntriesChecked++;
    return this.replayable(e, this.candLine, this.candSt!, this.candCache!);
  };

  /** Whether what a cached statement read from earlier statements is as it was, seen from `line` (where it is now). */
  private replayable(e: StatementEntry, line: number, st: LoggedState, cache: TopLevelCache): boolean {
    const delta = line - e.line;
    if (delta !== 0 && (e.all !== undefined || e.pinned)) return false;
    if (e.guards !== this.exprGuards) return false;
    if (e.all !== undefined) {
      if (st.digest() !== e.all) return false;
    } else for (const [k, d] of e.reads) if ((k.charCodeAt(0) === 1 ? st.prefixDigest(k.slice(1), line) : st.readDigest(k, line)) !== d) return false;
    for (const [k, was] of e.sinkKeys) if (this.seenSinks.has(delta ? shiftSinkKey(k, delta) : k) !== was) return false;
    for (const [name, d] of e.defsRead) if (defDigest(this.defOf(name)) !== d) return false;
    for (const [k, v] of e.deps) if (delta ? !cache.holds(shiftDepKey(k, delta), shiftDepValue(v, delta)) : !cache.holds(k, v)) return false;
    return true;
  }

  /** Applies a cached statement's effects, as analysing it would. */
  private replay(e: StatementEntry, node: Node, st: LoggedState): void {
    for (const [k, v] of e.sets) st.set(k, v);
    if (e.order) {
      const next: State = new Map(e.order.map((k) => [k, st.get(k) ?? null]));
      replaceState(st, next);
    }
    const base = node.startIndex;
    for (const [name, d] of e.defsOut) {
      if (!d) this.defs.delete(name);
      else this.defs.set(name, () => findNode(node, base + d.start, base + d.end, d.type));
    }
    for (const k of e.sinkKeys.keys()) this.seenSinks.add(k);
    for (const r of e.returns) this.addReturn(r.t, r.range);
    this.findings.push(...e.findings);
    this.exprGuards = e.guardsOut;
  }

  private range(n: Node): Range {
    // From offsets, not tree-sitter rows: tree-sitter does not count a lone CR as a line break, LSP does.
    return this.env.lines.rangeOf(n.startIndex, n.endIndex);
  }

  private short(n: Node): string {
    const t = textOf(n).replace(/\s+/g, ' ');
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }

  // ---- statements ---------------------------------------------------------------------------------

  /** An expression statement that is a call to a function that never returns (`abort(400)`, `sys.exit(1)`). */
  private neverReturns(n: Node): boolean {
    const names = this.syn.noReturnCalls;
    if (!names?.size) return false;
    const [e, ...rest] = named(n);
    if (!e || rest.length || this.syn.exprKind(typeOf(e)) !== 'call') return false;
    const name = this.calleeName(e);
    return name !== undefined && names.has(name);
  }

  /**
   * A call's callee by its canonical name, else as written: a receiver's chain (`this.ctx.throw`) has no canonical
   * name, its text is the name.
   */
  private calleeName(call: Node): string | undefined {
    const fn = this.syn.callee(call);
    return fn ? (canonicalOf(fn, this.env.resolve) ?? textOf(fn)) : undefined;
  }

  /** Runs a block; returns false when control cannot fall through its end. */
  private block(n: Node, st: State, depth: number): boolean {
    for (const s of named(n)) if (!this.stmt(s, st, depth + 1)) return false;
    return true;
  }

  private stmt(n: Node, st: State, depth: number): boolean {
    this.step();
    this.memo = new Map();
    if (depth > MAX_DEPTH) return true;
    const syn = this.syn;
    switch (syn.stmtKind(typeOf(n))) {
      case 'block':
        return this.block(n, st, depth);
      case 'expression': {
        for (const e of named(n)) this.ev(e, st, depth);
        // A check that raises where it fails, as a statement (`p.relative_to(root)`): it holds past it.
        const e = named(n).length === 1 ? named(n)[0] : undefined;
        // Only the side where it holds is kept: one state for both (no copy of the state at every call statement).
        if (e && this.env.pass.index.asserting && syn.exprKind(typeOf(e)) === 'call') this.applyGuards(e, st, st, false, 0, true);
        return !this.neverReturns(n);
      }
      case 'declaration':
        for (const d of named(n)) {
          if (typeOf(d) !== syn.declaratorType) continue;
          const name = fieldOf(d, 'name');
          const value = fieldOf(d, 'value');
          if (!name) continue;
          if (value && this.isFunction(value)) {
            this.bind(name, undefined, st, value);
            this.applyCaptures(value, st);
            continue;
          }
          this.bind(name, value ? this.ev(value, st, depth) : undefined, st, value ?? undefined);
        }
        return true;
      case 'return': {
        const v = named(n)[0];
        if (v) {
          this.notePredicate(v, st);
          this.returnValue(this.ev(v, st, depth), v);
          this.noteReturnFields(v, st);
        }
        this.normalExit(st);
        // A handler's return value can be its response (`return "<p>" + name` in a Flask view).
        if (v && this.params.handlers?.length) this.checkSinks(n, st, depth);
        return false;
      }
      case 'throw': {
        let t: Taint | undefined;
        for (const e of named(n)) {
          t = union(t, this.ev(e, st, depth));
          // An exception made here, or made into the variable raised (`err = new Error(m); throw err`), carries what
          // it was made with (`raise ValueError("bad " + v)`): its message and arguments, whatever the class does.
          const thrown = syn.unparenthesize(e);
          const made = syn.exprKind(typeOf(thrown)) === 'identifier' ? (this.defOf(textOf(thrown)) ?? thrown) : thrown;
          const args = syn.exprKind(typeOf(made)) === 'call' ? fieldOf(made, 'arguments') : null;
          if (args) for (const a of named(args)) t = union(t, this.ev(a, st, depth));
        }
        if (t) this.raise(addStep(t, { range: this.range(n), message: 'raised', kind: 'step' })!);
        return false;
      }
      case 'jump':
        return false;
      case 'if':
        return this.ifStmt(n, st, depth);
      case 'loop':
        this.loop(n, st, depth);
        return true;
      case 'try':
        return this.tryStmt(n, st, depth);
      case 'with': {
        for (const { value, target } of syn.withItems(n)) {
          if (target) this.bind(target, this.ev(value, st, depth), st, value);
          else this.ev(value, st, depth);
        }
        const body = syn.withBody(n);
        return body ? this.block(body, st, depth) : true;
      }
      case 'switch': {
        // Go's `switch v := f(); v {`: the initializer runs first, its names visible in every case.
        const init = fieldOf(n, 'initializer');
        if (init) this.stmt(init, st, depth + 1);
        const value = syn.switchSubject(n);
        const subject = value ? this.ev(value, st, depth) : undefined;
        const alias = syn.switchAlias?.(n);
        const body = fieldOf(n, 'body');
        let merged: State | undefined;
        const cases = syn.switchCases?.(n) ?? (body ? named(body) : []);
        // A case on constants (`case "asc", "desc":`) holds only those values of its subject, unless a case that
        // is not one falls into it (JavaScript's fall-through, Go's `fallthrough`).
        const key = value ? syn.accessPath(syn.unparenthesize(value)) : undefined;
        let constant = false;
        for (const [i, c] of cases.entries()) {
          const copy: State = new Map(st);
          if (alias && value) this.bind(alias, subject, copy, value);
          if (key) {
            const values = syn.caseValues?.(c);
            constant = !!values?.length && values.every((v) => syn.isConstant(v)) && (i === 0 || constant || !syn.caseFallsThrough?.(cases[i - 1]!));
            if (constant) {
              // Bound to a constant here: no input in it, nor in its parts (`v.0`, an element a loop's value was given).
              dropUnder(copy, `${key}.`);
              copy.set(key, null);
            }
          }
          // The case's statements, declarations included (`case 1: let y = ...`), not its values or labels.
          for (const s of named(c)) if (typeOf(s).endsWith('statement') || syn.stmtKind(typeOf(s)) !== 'other') this.stmt(s, copy, depth + 1);
          merged = merged ? mergeStates(merged, copy) : copy;
        }
        if (merged) replaceState(st, mergeStates(st, merged));
        return true;
      }
      case 'export': {
        const { declaration, value } = syn.exportParts(n);
        if (declaration) return this.stmt(declaration, st, depth + 1);
        if (value) this.ev(value, st, depth);
        return true;
      }
      case 'definition': {
        const fn = syn.definedFunction(n);
        if (fn && this.isFunction(fn)) this.applyCaptures(fn, st);
        return true;
      }
      case 'inert':
        return true;
      case 'assert': {
        // Past an assert its condition holds (it raises where it fails).
        const cond = named(n)[0];
        if (!cond) return true;
        this.ev(cond, st, depth);
        for (const e of named(n).slice(1)) this.ev(e, st, depth);
        if (this.syn.constantTruth(cond, this.constantLookup) === false) return false;
        this.applyGuards(cond, st, new Map(st), false);
        return true;
      }
      case 'labeled': {
        const body = fieldOf(n, 'body');
        return body ? this.stmt(body, st, depth + 1) : true;
      }
      default:
        this.ev(n, st, depth);
        return true;
    }
  }

  /** A path off a request the unit assigns (`req.hook = …`): only such paths are its request field writes. */
  private noteRequestWrite(left: Node): void {
    const key = this.syn.accessPath(left);
    const dot = key?.indexOf('.') ?? -1;
    if (!key || dot <= 0 || !this.env.requestAliases!.has(key.slice(0, dot))) return;
    // A request-scoped store's parameter holds values for handlers only under its path (`res.locals`).
    const under = this.syn.requestStores?.params?.get(key.slice(0, dot));
    if (under === undefined || key.startsWith(`${key.slice(0, dot)}.${under}.`)) (this.requestWrites ??= new Set()).add(key);
  }

  /**
   * At a method's or a handler's exit (a return, or the end of its body): the receiver's fields, and the paths it
   * assigned off its request, that hold input now join its `fieldWrites`. Read at the exits, so a field overwritten
   * with a constant on every path holds none.
   */
  private noteFieldWrites(st: State): void {
    const recv = this.env.fieldTaint ? this.syn.fieldReceiver : undefined;
    const requests = this.env.requestFieldTaint ? this.env.requestAliases : undefined;
    if (!recv && !requests?.size) return;
    for (const [k, v] of st) {
      if (!v) continue;
      const head = k.indexOf('.');
      if (head < 0) continue;
      const name = k.slice(0, head);
      const alias = name === recv ? undefined : requests?.get(name);
      if (name !== recv && alias === undefined) continue;
      // A request's path only where this unit assigned it (or what is under it): the state also holds paths a
      // guard narrowed (`typeof req.query.q === 'string'`), which store nothing.
      if (alias !== undefined && (!this.requestWrites || ![...this.requestWrites].some((w) => k === w || k.startsWith(`${w}.`)))) continue;
      // A receiver's field holds the sources' flows, and the parameters' (not the receiver's own, nor captured
      // variables'): a caller's object holds the arguments there.
      const self = alias === undefined ? this.paramNames?.get(recv!) : undefined;
      const flows = v.filter((f) => f.origin.kind === 'source' || (alias === undefined && f.origin.index >= 0 && f.origin.index !== self));
      if (!flows.length) continue;
      // A receiver's field by its name; a request's by the whole path (`req.ctx.agent`: `ctx.agent`), as read. Not
      // its session, stored for later requests: that write is the trust-boundary rules' finding.
      if (alias !== undefined && /^session\b/.test(k.slice(head + 1))) continue;
      const dot = k.indexOf('.', head + 1);
      const key = alias === undefined ? k.slice(head + 1, dot < 0 ? undefined : dot) : requestFieldKey(alias, k.slice(head + 1));
      const w = (this.summary.fieldWrites ??= new Map());
      w.set(key, union(w.get(key), flows)!);
    }
  }

  /**
   * A path returns normally here: the fields it leaves holding input join the class's (`noteFieldWrites`), and only
   * the parameters a guard left clean on it stay checked.
   */
  private normalExit(st: State): void {
    this.noteFieldWrites(st);
    if (!this.paramNames) return;
    const clean = new Set<number>();
    for (const [name, i] of this.paramNames) if (st.get(name) === null && (!this.checkedAtExit || this.checkedAtExit.has(i))) clean.add(i);
    this.checkedAtExit = clean;
  }

  /**
   * A return of `v` (see `Summary.predicate`): the parameters the pass's guards check where `v` is truthy stay in the
   * predicate; a falsy constant (`return false`) keeps it as it is.
   */
  private notePredicate(v: Node, st: State): void {
    if (!this.paramNames?.size || this.predicateAtExit?.size === 0) return;
    const u = this.syn.unparenthesize(v);
    if (/^(false|False|null|None|undefined|nil|0|''|""|\[\])$/.test(textOf(u))) return;
    // The parameters checked where this return's value is truthy: those the guards before it cleaned (`if
    // (!v.startsWith('/')) return false; … return true;`), and those a test returned cleans. Only a test can check
    // more (a value or a structure returned costs no state copy).
    let thenSt: State = st;
    if ((this.syn.guardShape(u) || this.syn.exprKind(typeOf(u)) === 'call') && this.mayCheck(u)) {
      thenSt = new Map(st);
      this.applyGuards(u, thenSt, new Map(st), false);
    }
    const checked = new Set<number>();
    for (const [name, i] of this.paramNames) if (thenSt.get(name) === null && this.predicateAtExit?.has(i) !== false) checked.add(i);
    this.predicateAtExit = checked;
  }

  /**
   * The check a local variable holds (`ok = u.startswith("/") and ...`): its last assigned value in this unit, when
   * that is a test or a call and no variable it reads was assigned after it (else the check was of another value).
   */
  private heldCheck(id: Node): Node | undefined {
    const d = this.defOf(textOf(id));
    if (!d || d.startIndex < this.unit.startIndex || d.endIndex > id.startIndex) return undefined;
    const u = this.syn.unparenthesize(d);
    if (!this.syn.guardShape(u) && this.syn.exprKind(typeOf(u)) !== 'call') return undefined;
    // Every name it reads is looked at, or the check is not used (a check too large to read whole).
    const stack: Node[] = [u];
    for (let i = 0; stack.length; i++) {
      const n = stack.pop()!;
      if (i >= 256) return undefined;
      if (this.syn.exprKind(typeOf(n)) === 'identifier') {
        const later = textOf(n) === textOf(id) ? undefined : this.defOf(textOf(n));
        if (later && later.startIndex > d.endIndex) return undefined;
        continue;
      }
      stack.push(...named(n));
    }
    return u;
  }

  /**
   * The URL whose host a cleaned key is, in a pass whose rules all take a URL allow-list (redirects, outgoing
   * requests): `host` after `host = new URL(target).hostname`, `parsed.hostname` (`.host`, `.netloc`, `.origin`)
   * after `parsed = urlparse(target)` give `target`, when the parser is the language's (`urlParsers`) and `target`
   * was not assigned since. Another part of the parse (`parsed.path`) says nothing of where the URL points.
   */
  private hostCheckedUrl(key: string, at: Node, cond: Node): string | undefined {
    const parsers = this.syn.urlParsers;
    if (!parsers?.size) return undefined;
    const m = /^([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?$/.exec(key);
    if (!m) return undefined;
    const [, name, attr] = m;
    if (attr !== undefined && !HOST_PARTS.has(attr)) return undefined;
    const d = this.defOf(name!);
    if (!d || d.startIndex < this.unit.startIndex || d.endIndex > at.startIndex) return undefined;
    let e = this.syn.unparenthesize(d);
    if (attr === undefined && this.syn.exprKind(typeOf(e)) === 'call') {
      // The parse itself (`u = new URL(target)`), for a check reading its host (`u.hostname !== 'api.example.com'`).
      if (!new RegExp(`(?<![\\w$.])${name!.replace(/\$/g, '\\$')}\\.(?:${[...HOST_PARTS].join('|')})\\b`).test(cond.text)) return undefined;
    } else if (attr === undefined) {
      // `new URL(target).hostname`: the host read off the parse.
      if (this.syn.exprKind(typeOf(e)) !== 'member') return undefined;
      const prop = this.syn.propertyOf(e);
      const obj = this.syn.memberObject(e);
      if (!prop || !HOST_PARTS.has(textOf(prop)) || !obj) return undefined;
      e = this.syn.unparenthesize(obj);
    }
    if (this.syn.exprKind(typeOf(e)) !== 'call') return undefined;
    const callee = this.calleeName(e);
    if (!callee || !parsers.has(callee)) return undefined;
    const list = fieldOf(e, 'arguments');
    let arg = list ? named(list)[0] : undefined;
    // `urlparse(value or "")`, `new URL(target ?? "/")`: the URL is the left side.
    if (arg && this.syn.fallbackOps?.has(operatorOf(arg) ?? '')) arg = named(arg)[0];
    if (!arg || this.syn.exprKind(typeOf(arg)) !== 'identifier') return undefined;
    const later = this.defOf(textOf(arg));
    if (later && later.startIndex > d.endIndex) return undefined;
    const rules = this.env.pass.rules;
    if (!rules.every((r) => r.spec.sanitizers.some((z) => typeof z === 'string' && z.endsWith('url-allowlist')))) return undefined;
    return textOf(arg);
  }

  /**
   * Whether `cond` checks anything: its guards tried against empty states, before the copies of the real one a
   * conditional's arms and a predicate's return need (most conditions and returned calls check nothing).
   */
  private mayCheck(cond: Node): boolean {
    const t: State = new Map();
    const f: State = new Map();
    this.applyGuards(cond, t, f, false);
    return t.size > 0 || f.size > 0;
  }

  private returnValue(t: Taint | undefined, at: Node): void {
    if (!t) return;
    this.addReturn(t, this.range(at));
  }

  /**
   * The fields holding input of the object `v` returns: a construction's (see `storedFields`, `recordFieldsOf`), or a
   * variable's as the state keeps them (`q = Query(); q.term = x; return q`). Joined into `Summary.returnFields`.
   */
  private noteReturnFields(v: Node, st: State): void {
    const e = this.syn.unparenthesize(v);
    let fields: Iterable<[string, Taint]> | undefined = this.constructedFields?.get(e.id);
    if (!fields && this.syn.exprKind(typeOf(e)) === 'identifier') {
      const prefix = `${textOf(e)}.`;
      const own: [string, Taint][] = [];
      for (const [k, t] of st) if (t && k.startsWith(prefix) && !k.includes('.', prefix.length)) own.push([k.slice(prefix.length), t]);
      fields = own;
    }
    for (const [field, t] of fields ?? []) {
      const kept = t.filter((f) => f.origin.kind === 'source' || f.origin.index >= 0);
      if (!kept.length) continue;
      const out = (this.summary.returnFields ??= new Map());
      out.set(field, union(out.get(field), kept)!);
    }
  }

  /**
   * A library call that raises on bad input with the input in its message (`int(x)`, a propagator with `raises`):
   * the exception holds the quoted values' taint, unless the function quoting them is a sanitizer of the pass.
   */
  private raisesFrom(n: Node, st: State, depth: number): void {
    for (const p of this.env.pass.index.raisers.candidates(n, this.env.resolve)) {
      if (p.spec.quotes !== undefined && conversionSanitizes(this.env.pass, p.spec.quotes)) continue;
      const b = this.match(p, n);
      if (!b) continue;
      let t: Taint | undefined;
      for (const mv of p.spec.raises!) {
        const node = b.get(mv);
        if (node) t = union(t, this.ev(node, st, depth));
      }
      if (t) this.raise(addStep(t, { range: this.range(n), message: 'raised with it in the message', kind: 'step' })!);
      return;
    }
  }

  /**
   * An exception raised with `t` in it (its flows' steps end where it was raised): the innermost try being walked
   * binds it in its handlers; outside any, a parameter's flow is part of the summary (`paramRaises`), for the
   * caller's try.
   */
  private raise(t: Taint): void {
    const top = this.raised[this.raised.length - 1];
    if (top) {
      top.t = union(top.t, t);
      return;
    }
    for (const f of t) {
      if (f.origin.kind !== 'param' || f.origin.index < 0 || this.summary.paramRaises?.has(f.origin.index)) continue;
      (this.summary.paramRaises ??= new Map()).set(f.origin.index, f.steps);
    }
  }

  private addReturn(t: Taint, range: Range): void {
    this.log?.returns.push({ t, range });
    const step: TraceStep = { range, message: 'returned', kind: 'step' };
    for (const f of t) {
      if (f.origin.kind === 'param') {
        // A returned captured variable is the enclosing function's own value: nothing to summarise. A receiver's
        // field is the caller's object's (see `receiverFields`).
        const i = f.origin.index;
        if (i < 0 && !this.summary.captures?.[-i - 1]?.startsWith(RECEIVER_FIELD)) continue;
        if (!this.summary.paramReturns.has(i)) {
          this.summary.paramReturns.set(i, [...f.steps, step]);
          if (f.marks?.length) (this.summary.returnMarks ??= new Map()).set(i, f.marks);
        } else {
          // Marks on every return only (normalized on one return path only is not normalized).
          const prev = this.summary.returnMarks?.get(i);
          const kept = prev && commonMarks(prev, f.marks);
          if (kept && kept !== prev) {
            if (kept.length) this.summary.returnMarks!.set(i, kept);
            else this.summary.returnMarks!.delete(i);
            if (this.summary.returnMarks!.size === 0) delete this.summary.returnMarks;
          }
        }
      } else if (f.origin.input !== 'library') {
        // One flow per source, with the marks it has on every return: the same join as two branches'. An exported
        // function's parameter is input only inside it: its callers pass their own values (`paramReturns` has it).
        this.summary.sourceReturns = union(this.summary.sourceReturns, [{ origin: f.origin, steps: [...f.steps, step], ...(f.marks?.length ? { marks: f.marks } : {}) }])!;
      }
    }
  }

  private ifStmt(n: Node, st: State, depth: number): boolean {
    // Go's `if v := f(); v != "" {`: the initializer runs first, its names visible in every branch.
    const init = fieldOf(n, 'initializer');
    if (init) this.stmt(init, st, depth + 1);
    const cond = fieldOf(n, 'condition');
    const cons = fieldOf(n, 'consequence');
    const alt = fieldOf(n, 'alternative');
    if (cond) this.ev(cond, st, depth);
    const constant = cond ? this.syn.constantTruth(cond, this.constantLookup) : undefined;
    const thenSt: State = new Map(st);
    const elseSt: State = new Map(st);
    if (cond) this.applyGuards(cond, thenSt, elseSt, false);
    const thenFalls = constant === false ? false : cons ? this.stmt(cons, thenSt, depth + 1) : true;
    let elseFalls = true;
    if (constant === true) elseFalls = false;
    else if (alt) {
      // An else, or (Python) several alternatives: elif clauses, then an else.
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
    if (this.syn.isElseIf(a.type)) {
      const cond = fieldOf(a, 'condition');
      const cons = fieldOf(a, 'consequence');
      if (cond) this.ev(cond, st, depth);
      const constant = cond ? this.syn.constantTruth(cond, this.constantLookup) : undefined;
      const thenSt: State = new Map(st);
      const elseSt: State = new Map(st);
      if (cond) this.applyGuards(cond, thenSt, elseSt, false);
      const t = constant === false ? false : cons ? this.stmt(cons, thenSt, depth + 1) : true;
      const e = constant === true ? false : this.alternatives(alts, i + 1, elseSt, depth);
      const live = [t ? thenSt : undefined, e ? elseSt : undefined].filter((s): s is State => !!s);
      if (live.length === 0) return false;
      replaceState(st, live.length === 2 ? mergeStates(live[0]!, live[1]!) : live[0]!);
      return true;
    }
    const body = this.syn.elseBody(a);
    return body ? this.stmt(body, st, depth + 1) : true;
  }

  /**
   * Allow-list checks and comparisons with constants make their subject clean where they hold. With `asserting`,
   * only the guards that raise where they fail (`asserts`), at a statement that is their call.
   */
  private applyGuards(cond: Node, thenSt: State, elseSt: State, negated: boolean, depth = 0, asserting = false): void {
    if (depth > 64) return;
    const syn = this.syn;
    const c = syn.unparenthesize(cond);
    const clean = (subject: Node | undefined, positive: boolean, requiresMark?: readonly string[], mark?: string, allowList = false): void => {
      // A checked expression read again (`if is_safe(req.get("x")): go(req.get("x"))`) is known by its text.
      let key = subject ? syn.accessPath(subject) : undefined;
      const st = positive !== negated ? thenSt : elseSt;
      if (!key && subject && syn.exprKind(typeOf(subject)) === 'call') {
        key = guardedExprKey(subject);
        this.exprGuards = true;
        // A mark on a call read again (`if (e.getName().contains("..")) throw ...; new File(d, e.getName())`): its
        // flows, marked, stand for the call on this side; the join drops them unless both sides agree (mergeStates).
        if (mark) {
          const t = this.ev(subject, st, 0);
          if (t) st.set(key, withMark(t, mark)!);
          return;
        }
      }
      if (!key) return;
      if (mark) {
        // One check of several: its flows gain the mark. A value the state does not hold yet (a field such as
        // `f.Name`) is read now and set on both sides, so the mark does not outlive the join on the other one.
        let t = st.get(key);
        if (t === undefined && syn.exprKind(typeOf(subject!)) === 'member') {
          // Read in this side's state, not from what was memoized before the check: off a value this side already
          // cleaned (`u.origin === BASE && !u.pathname.startsWith('//')`) there is nothing to mark.
          const memo = this.memo;
          this.memo = new Map();
          t = this.ev(subject!, st, 0);
          this.memo = memo;
          if (t) (st === thenSt ? elseSt : thenSt).set(key, t);
        }
        if (t) st.set(key, withMark(t, mark)!);
        return;
      }
      const t = requiresMark ? st.get(key) : undefined;
      // A guard that needs marks leaves the flows of this unit's sources that lack one. Its parameters' flows lack
      // only what callers may have applied (a propagator's mark) unless a guard gives the mark: that check is here.
      const left = t?.filter((f) => requiresMark!.some((m) => !f.marks?.includes(m) && (f.origin.kind === 'source' || this.guardMarks.has(m))));
      st.set(key, left?.length ? left : null);
      // A host allow-list check of a parsed URL is one of the URL itself, for the rules about where a URL points,
      // held or refused unless it holds (`if (u.hostname !== 'api.example.com') return`). Only a rule's allow-list:
      // an empty host (`not parts.netloc`, `parsed.netloc == ""`) is no host of the list, as `///evil.example` shows.
      if (allowList && !requiresMark && subject) {
        const url = this.hostCheckedUrl(key, subject, c);
        if (url) st.set(url, null);
      }
    };
    // The rule's guards first: a guard may itself be a conjunction (`u.startsWith("/") && !u.startsWith("//")`).
    let guarded = false;
    const index = this.env.pass.index;
    for (const g of (asserting ? index.assertingGuards : index.guards).candidates(c, this.env.resolve)) {
      // A part may be held in a variable: a constant (`const re = /^[0-9a-f]{16}$/; if (!re.test(x))`) or a call
      // the guard names (`const rel = path.relative(root, full); if (rel.startsWith('..'))`), read at its value.
      const b = this.match(g, c, this.guardValueOf);
      if (b && (!g.spec.ifBound || this.boundHolds(b, g.spec.ifBound)) && (!g.spec.table || this.isTable(b.get(g.spec.table), thenSt))) {
        // A deny-list check (`guard-unless`) clears its subject where it fails.
        clean(b.get(g.spec.guard!), g.spec.guardUnless !== true, g.spec.requiresMark, g.spec.mark, true);
        guarded = true;
      }
    }
    if (guarded || asserting) return;
    // A predicate of this file (`isLocalPath(next)`): where it is true, its checked arguments are (Summary.predicate).
    if (syn.exprKind(typeOf(c)) === 'call') {
      const fn = syn.callee(c);
      const callee = fn ? this.env.calleeSummary(fn) : undefined;
      if (callee?.summary.predicate) {
        const list = fieldOf(c, 'arguments');
        for (const a of this.argumentsAt(callee, list ? named(list) : [], [], callee.summary.predicate)) clean(a, true);
        return;
      }
    }
    const shape = syn.guardShape(c);
    if (!shape) {
      // A truth test of a variable or field (`if error:`, `if (!name)`): where it fails the value is falsy (empty
      // text, 0, None, an empty list) and holds no input (`if error: return` ... `f(error)` passes nothing).
      const kind = syn.exprKind(typeOf(c));
      if (kind === 'identifier' || kind === 'member') clean(c, false);
      // A check kept in a variable (`const local = re.test(t) && !t.startsWith('//'); redirect(local ? t : '/')`):
      // the variable's test is its value's, while no name the check reads was assigned since.
      const check = kind === 'identifier' ? this.heldCheck(c) : undefined;
      if (check) this.applyGuards(check, thenSt, elseSt, negated, depth + 1);
      return;
    }
    switch (shape.kind) {
      case 'not':
        this.applyGuards(shape.operand, thenSt, elseSt, !negated, depth + 1);
        return;
      case 'and':
      case 'or': {
        // a && b holds where both hold; a || b fails where both fail (`if err != nil || !ok { return }`). On the
        // other side only what both sides give is known (x === 'a' || x === 'b', x !== 'a' && x !== 'b').
        const holds = negated ? elseSt : thenSt;
        const fails = negated ? thenSt : elseSt;
        const both = shape.kind === 'and' ? holds : fails;
        const either = shape.kind === 'and' ? fails : holds;
        // Each side is read once (twice per side would be exponential in a chain of && or ||). The right side is read
        // where the left's facts of `both` hold, as it runs only there: one check completes the marks the other gave
        // (`!u.startsWith("/") || u.startsWith("//") || u.includes("\\")`).
        const facts: { holds: [string, Taint | null][]; fails: [string, Taint | null][] }[] = [];
        const changed = (s: State, base: State) => [...s].filter(([key, v]) => v !== base.get(key));
        for (const k of [shape.left, shape.right]) {
          const t: State = new Map(holds);
          const f: State = new Map(fails);
          const first = facts[0];
          if (first) for (const [key, v] of shape.kind === 'and' ? first.holds : first.fails) (shape.kind === 'and' ? t : f).set(key, v);
          this.applyGuards(k, t, f, false, depth + 1);
          facts.push({ holds: changed(t, holds), fails: changed(f, fails) });
        }
        // Both sides' facts hold: a value one side cleans stays clean, marks from each add up (`rel.startsWith('..')
        // || path.isAbsolute(target)` fails where one cleans target and the other marks it).
        const before = new Map<string, Taint | null | undefined>();
        for (const side of facts) {
          for (const [key, v] of shape.kind === 'and' ? side.holds : side.fails) {
            const prev = before.has(key) ? before.get(key) : undefined;
            const next = prev === null || v === null ? null : prev ? withMarksOf(v, prev) : v;
            before.set(key, next);
            both.set(key, next);
          }
        }
        // Where either side's facts hold, a value both sides say something of is one or the other: clean where
        // both clean it, else what either gives it (`target !== base && !target.startsWith(base + sep)` fails
        // where target is base, or where it is under base).
        const known = facts.map((side) => new Map(shape.kind === 'and' ? side.fails : side.holds));
        for (const [key, v0] of known[0] ?? []) {
          if (!known[1]!.has(key)) continue;
          const v1 = known[1]!.get(key);
          either.set(key, v0 === null && v1 === null ? null : union(v0 ?? undefined, v1 ?? undefined) ?? null);
        }
        return;
      }
      case 'equals': {
        // Comparison against a constant (x === 'asc', x == "a"), or against a name or field that holds no input
        // (`target === PUBLIC_ROOT`, `token == self.expected`): where they are equal, x is that value.
        const { left: l, right: r } = shape;
        const fixed = (n: Node): boolean => {
          if (syn.isConstant(n)) return true;
          const kind = syn.exprKind(typeOf(n));
          // As for `untainted` sanitizers: a free variable's symbolic flow is most often a module constant.
          // Read, not written: the condition was evaluated before its guards, so this is its memoised value.
          return (kind === 'identifier' || kind === 'member') && !this.ev(n, thenSt, depth + 1)?.some((f) => f.origin.kind === 'source' || f.origin.index >= 0);
        };
        if (fixed(r) || fixed(l)) {
          clean(fixed(r) ? l : r, shape.positive);
          return;
        }
        // Equal to a name or field holding a parameter's value (`target === base`, base made from the parameter
        // root): where they are equal, the subject holds what that one holds, no more.
        const equalSt = shape.positive !== negated ? thenSt : elseSt;
        for (const [x, y] of [[l, r], [r, l]] as const) {
          const key = syn.accessPath(x);
          const kind = syn.exprKind(typeOf(y));
          if (key === undefined || (kind !== 'identifier' && kind !== 'member') || syn.accessPath(y) === undefined) continue;
          // Only narrowing: a value holding nothing gains nothing from the comparison.
          if (!this.ev(x, thenSt, depth + 1)) continue;
          const other = this.ev(y, thenSt, depth + 1);
          if (other?.some((f) => f.origin.kind === 'source')) continue;
          equalSt.set(key, other ?? null);
          return;
        }
        return;
      }
      case 'member-of':
        // x in ('a', 'b'), x in ALLOWED.
        clean(shape.value, shape.positive);
    }
  }

  private loop(n: Node, st: State, depth: number): void {
    const binding = this.syn.loopBinding(n);
    const body = fieldOf(n, 'body');
    for (const x of this.syn.loopHeader(n)) this.stmt(x, st, depth + 1);
    const before: State = new Map(st);
    let cur: State = new Map(st);
    const cond = this.syn.loopCondition(n);
    // `while False:` never runs its body (its condition is still read, once); a `do ... while` body runs first.
    if (cond && body && cond.startIndex < body.startIndex && this.syn.constantTruth(cond, this.constantLookup) === false) {
      this.ev(cond, st, depth);
      return;
    }
    for (let i = 0; i < 2; i++) {
      this.memo = new Map();
      if (binding) {
        this.bind(binding.target, this.ev(binding.iterable, cur, depth), cur, binding.iterable);
        const key = this.literalKeyTarget(binding.target, binding.iterable);
        if (key) cur.set(key, null);
      }
      if (cond) this.ev(cond, cur, depth);
      if (body) this.stmt(body, cur, depth + 1);
      const merged = mergeStates(before, cur);
      if (statesEqual(merged, cur)) break;
      cur = merged;
    }
    replaceState(st, mergeStates(before, cur));
  }

  /**
   * The key name of `for k, v in m.items()` when `m` is a dict literal of this function (`{"type": t, ...}`): the
   * keys are the literal's own, so `k` holds no input whatever the values hold. (Entries written under a computed
   * key later, `m[name] = v`, are not seen: the literal's keys are what is known.)
   */
  private literalKeyTarget(target: Node, iterable: Node): string | undefined {
    const syn = this.syn;
    if (!syn.keyValueMethods || syn.targetKind(typeOf(target)) !== 'sequence-pattern') return undefined;
    const it = syn.unparenthesize(iterable);
    if (syn.exprKind(typeOf(it)) !== 'call') return undefined;
    const callee = syn.callee(it);
    if (!callee || syn.exprKind(typeOf(callee)) !== 'member' || !syn.keyValueMethods.has(syn.propertyOf(callee)?.text ?? '')) return undefined;
    const obj = syn.memberObject(callee);
    if (!obj || syn.exprKind(typeOf(obj)) !== 'identifier' || syn.literalKeys(obj, this.defOf) === undefined) return undefined;
    const key = named(target)[0];
    return key && syn.targetKind(typeOf(key)) === 'name' ? syn.accessPath(key) : undefined;
  }

  private tryStmt(n: Node, st: State, depth: number): boolean {
    const { body, handlers, finalizer } = this.syn.tryParts(n);
    const pre: State = new Map(st);
    // What the body raises (its own raise statements, and callees' `paramRaises`): each handler's exception.
    const raised: { t: Taint | undefined } = { t: undefined };
    this.raised.push(raised);
    let bodyFalls: boolean;
    try {
      // Resources a try statement opens (Java try-with-resources) are bound before its body.
      for (const { value, target } of this.syn.withItems(n)) {
        if (target) this.bind(target, this.ev(value, st, depth), st, value);
        else this.ev(value, st, depth);
      }
      bodyFalls = body ? this.stmt(body, st, depth + 1) : true;
    } finally {
      this.raised.pop();
    }
    let merged = mergeStates(pre, st);
    let anyFalls = bodyFalls;
    for (const h of handlers) {
      const hs: State = new Map(merged);
      // The handler's exception is what this try's body raised, clean when it raised no input (a name bound by an
      // earlier handler is not it).
      if (h.caught) this.bind(h.caught, raised.t, hs, undefined);
      if (this.stmt(h.body, hs, depth + 1)) anyFalls = true;
      merged = mergeStates(merged, hs);
    }
    replaceState(st, merged);
    if (finalizer && !this.stmt(finalizer, st, depth + 1)) return false;
    return anyFalls;
  }

  // ---- binding -------------------------------------------------------------------------------------

  /** Binds a target (identifier, field, destructuring pattern) to a value's taint. */
  private bind(target: Node, t: Taint | undefined, st: State, value: Node | undefined, depth = 0): void {
    if (depth > 32) return;
    const syn = this.syn;
    switch (syn.targetKind(typeOf(target))) {
      case 'name': {
        const name = textOf(target);
        this.bound.add(name);
        if (this.paramNames?.has(name)) this.reboundParams.add(name);
        if (value) this.defs.set(name, value);
        else this.defs.delete(name);
        this.log?.defsOut.set(name, value ?? null);
        dropUnder(st, `${name}.`);
        st.set(name, t ? addStep(t, { range: this.range(target), message: `flows into ${name}`, kind: 'step' })! : null);
        if (t && value) this.bindEntries(name, value, st);
        if (value) this.bindConstructed(name, value, st);
        return;
      }
      case 'object-pattern': {
        // `const { id, note } = Filters.parse(req.query)`: a typed field of the schema holds no text.
        // A parameter destructured from a validated class (`@Query() { q, page }: SearchDto`): by its declared type.
        const typed = !this.env.typedFields ? undefined : value ? this.typedKeysOf(value) : this.declaredTypedKeys(this.params.names.find((p) => p.node.id === target.id)?.index);
        // A field the state knows on its own (`request.query.lines`, validated by the route's schema): its value.
        const path = value ? syn.accessPath(value) : undefined;
        const own = (key: string | undefined): string | undefined => (path !== undefined && key !== undefined && st.has(`${path}.${key}`) ? `${path}.${key}` : undefined);
        for (const e of syn.objectPatternEntries(target)) {
          const field = e.rest ? undefined : own(e.key);
          this.bind(e.target, field !== undefined ? (st.get(field) ?? undefined) : e.rest ? t : e.key !== undefined && typed?.includes(e.key) ? undefined : relabel(t, value, e.key), st, undefined, depth + 1);
        }
        return;
      }
      case 'sequence-pattern': {
        if (value && !this.log) this.noteStatePair(target, value);
        const vals = value && syn.isSequenceLiteral(typeOf(value)) ? named(value) : undefined;
        named(target).forEach((el, i) => {
          const v = vals && vals.length === named(target).length ? vals[i] : undefined;
          // Each name keeps its own value (Go's `args := []string{...}` is a one-element list on both sides).
          this.bind(el, v ? this.ev(v, st, 0) : t, st, v, depth + 1);
        });
        return;
      }
      case 'default-pattern': {
        const l = fieldOf(target, 'left');
        if (l) this.bind(l, t, st, value, depth + 1);
        return;
      }
      case 'rest-pattern':
      case 'parenthesized': {
        const inner = named(target)[0];
        if (inner) this.bind(inner, t, st, value, depth + 1);
        return;
      }
      default: {
        const key = syn.accessPath(target);
        if (key) {
          this.materialize(key, st);
          dropUnder(st, `${key}.`);
          st.set(key, t ? addStep(t, { range: this.range(target), message: `flows into ${key}`, kind: 'step' })! : null);
          if (value) this.bindConstructed(key, value, st);
          // `a[0] = tainted`: that index holds it, and the container as a whole (its other elements are unknown).
          const index = /^(.+)\.\d+$/.exec(key);
          if (index) {
            this.indexed.add(index[1]!);
            if (t) st.set(index[1]!, union(st.get(index[1]!) ?? undefined, t) ?? null);
          }
        } else {
          // `a[i] = tainted`: the container becomes tainted (weak update), its elements no longer known one by one.
          const obj = syn.containerOf(target);
          const base = obj ? syn.accessPath(obj) : undefined;
          if (base) this.coarsen(base, st);
          if (base && t) st.set(base, union(st.get(base) ?? undefined, t) ?? null);
        }
      }
    }
  }

  /** `s = Search(t)`: `s.title` holds what the constructor stored there (see `storedFields`). */
  private bindConstructed(key: string, value: Node, st: State): void {
    const fields = this.constructedFields?.get(this.syn.unparenthesize(value).id);
    for (const [field, t] of fields ?? []) st.set(`${key}.${field}`, t);
  }

  /**
   * `m = {"a": t, "b": "ls"}`, `l = ["ls", t]`: each constant key or index of a literal holding input keeps its own
   * taint (`m.a`, `l.1`); the container keeps the union, for reads of it whole or at an unknown key.
   */
  private bindEntries(name: string, value: Node, st: State): void {
    const entries = this.syn.literalEntries?.(this.syn.unparenthesize(value));
    if (!entries?.length || entries.length > MAX_LITERAL_ENTRIES) return;
    for (const e of entries) {
      const t = this.ev(e.value, st, 0);
      const key = `${name}.${e.key}`;
      st.set(key, t ? addStep(t, { range: this.range(e.value), message: `flows into ${key}`, kind: 'step' })! : null);
      if (/^\d+$/.test(e.key)) this.indexed.add(name);
    }
  }

  /**
   * Before `m["b"] = t` or `l[1] = t`: a clean container built here as a small literal gets a clean key per entry,
   * so its other entries stay known clean (`l = ["ls", "-l"]; l[1] = t; run(l[0])`).
   */
  private materialize(key: string, st: State): void {
    const dot = key.lastIndexOf('.');
    const base = dot > 0 ? key.slice(0, dot) : undefined;
    if (!base || base.includes('.') || st.get(base) !== null) return;
    const d = this.defOf(base);
    const entries = d ? this.syn.literalEntries?.(this.syn.unparenthesize(d)) : undefined;
    if (!entries?.length || entries.length > MAX_LITERAL_ENTRIES) return;
    for (const e of entries) {
      const k = `${base}.${e.key}`;
      if (!st.has(k)) st.set(k, null);
      if (/^\d+$/.test(e.key)) this.indexed.add(base);
    }
  }

  /** A list whose elements may move or change unseen (`l.pop(0)`, `f(l)`, `l[i] = x`): its indexes are forgotten. */
  private coarsen(base: string, st: State): void {
    // At the top level a statement replayed from the cache adds no name here: there the state itself is read.
    if (!this.indexed.has(base) && this.isFunction(this.unit)) return;
    let t: Taint | undefined;
    const keys: string[] = [];
    const entries = st instanceof LoggedState ? st.prefixed(`${base}.`) : st;
    for (const [k, v] of entries) {
      if (!k.startsWith(`${base}.`) || !/^\d+$/.test(k.slice(base.length + 1))) continue;
      keys.push(k);
      t = union(t, v ?? undefined);
    }
    for (const k of keys) st.delete(k);
    if (t) st.set(base, union(st.get(base) ?? undefined, t) ?? null);
  }

  // ---- expressions ---------------------------------------------------------------------------------

  private match<T extends { pattern: string }>(c: Compiled<T>, n: Node, valueOf?: ValueOf): Bindings | undefined {
    return matchCompiled(c, n, this.env.resolve, valueOf);
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
    const syn = this.syn;
    const kind = syn.exprKind(type);
    if (kind === 'function') {
      this.applyCaptures(n, st);
      return undefined;
    }
    if (kind === 'inert') return undefined;
    const idx = this.env.pass.index;
    if (kind === 'call' && idx.raising) this.raisesFrom(n, st, depth);
    // Sanitizers first: their result is clean whatever goes in (sinks inside are still checked).
    for (const s of idx.sanitizers.candidates(n, this.env.resolve)) {
      const b = this.match(s, n);
      if (!b) continue;
      // `untainted`: it applies only where those parts hold no input nor a parameter (read now, memoized for what
      // follows). A free variable's symbolic flow does not count: most are the module's imports and constants.
      if (s.spec.untainted?.some((mv) => {
        const x = b.get(mv);
        return !!x && !!this.ev(x, st, depth)?.some((f) => f.origin.kind === 'source' || f.origin.index >= 0);
      })) continue;
      if (s.spec.ifBound && !this.boundHolds(b, s.spec.ifBound)) continue;
      if (s.spec.notAfter !== undefined && textBeforeMatches(n, unlessRe(s.spec.notAfter))) {
        // Escaped, the text still begins the URL: what goes in comes out (`javascript:` has nothing to escape).
        let t: Taint | undefined;
        for (const k of named(n)) t = union(t, this.ev(k, st, depth));
        return t && addStep(t, { range: this.range(n), message: `${textOf(n).slice(0, 40)} escapes HTML but begins a URL attribute: a javascript: URL passes`, kind: 'step' });
      }
      // `marked`: only where every flow of that part carries the marks a guard gave (a parameter's flow has none),
      // and only that part is cleaned: `filepath.Join(dir, name)` keeps what `dir` holds.
      let rest: Taint | undefined;
      if (s.spec.marked) {
        const x = b.get(s.spec.marked);
        const need = s.spec.requiresMark ?? [];
        if (x && this.ev(x, st, depth)?.some((f) => need.some((m) => !f.marks?.includes(m)))) continue;
        for (const [mv, y] of b) if (mv !== s.spec.marked) rest = union(rest, this.ev(y, st, depth));
      }
      for (const k of named(n)) this.ev(k, st, depth);
      return rest;
    }
    // A conversion written in a formatted string (`f"{x!r}"`) cleans where the call it stands for is a sanitizer.
    const conv = syn.conversionCall?.(n);
    if (conv !== undefined && conversionSanitizes(this.env.pass, conv)) {
      for (const k of named(n)) this.ev(k, st, depth);
      return undefined;
    }
    // A call a guard checked on this path, read again: clean like a sanitizer's result, or marked.
    const guardedCall = this.exprGuards && kind === 'call' ? st.get(guardedExprKey(n)) : undefined;
    if (guardedCall !== undefined) {
      for (const k of named(n)) this.ev(k, st, depth);
      return guardedCall ?? undefined;
    }
    // `form.cleaned_data["year"]` of a form whose `year` is an `IntegerField`, `dto.page` of an `@IsInt()` field: no
    // text once validation passed.
    if (this.env.typedFields && (kind === 'member' || kind === 'call') && !st.has(syn.accessPath(n) ?? '\0') && this.typedFieldRead(n)) {
      for (const k of named(n)) this.ev(k, st, depth);
      return undefined;
    }
    // A source's field assigned or checked on this path (`req.url = '/'`) holds what the state says, not input.
    const assigned = kind === 'member' && st.has(syn.accessPath(n) ?? '\0');
    const src = assigned ? undefined : this.sourceAt(n, st);
    if (src) {
      for (const k of named(n)) this.ev(k, st, depth);
      this.checkSinks(n, st, depth);
      return src;
    }
    let t: Taint | undefined;
    switch (kind) {
      case 'identifier': {
        t = this.lookup(textOf(n), st) ?? this.captured(n, st);
        break;
      }
      case 'self':
        t = this.lookup(textOf(n), st);
        break;
      case 'member': {
        const obj = syn.memberObject(n);
        const idx = syn.memberIndex(n);
        if (idx) this.ev(idx, st, depth);
        const key = syn.accessPath(n);
        if (key !== undefined && st.has(key)) {
          t = st.get(key) ?? undefined;
          break;
        }
        if (obj && key !== undefined && this.literalElement(obj, key, st)) break;
        const base = obj ? this.ev(obj, st, depth) : undefined;
        t = base ? extendLabel(base, obj!, n, this.env.lines) : undefined;
        if (t && !idx && obj) t = this.fieldMark(t, obj, n);
        // Not the receiver's (`self.x`): its fields are the class's (`RECEIVER_FIELD`, `fieldTaint`).
        if (t && !idx && obj && syn.exprKind(typeOf(obj)) === 'identifier' && textOf(obj) !== syn.fieldReceiver) {
          const prop = syn.propertyOf(n);
          if (prop) t = readThroughField(t, textOf(prop));
        }
        if (key !== undefined && this.env.fieldTaint) t = union(t, this.fieldRead(key, n));
        // Only where no source made it input: the request's own fields (`req.query`) need no middleware.
        if (key !== undefined && this.env.requestFieldTaint && !t?.some((f) => f.origin.kind === 'source')) t = union(t, this.requestFieldRead(key, n));
        break;
      }
      case 'call':
        t = this.call(n, st, depth);
        if (this.env.typedFields) t = union(t, this.schemaParse(n, st, depth));
        break;
      case 'assign':
      case 'augmented-assign': {
        const left = fieldOf(n, 'left');
        const right = fieldOf(n, 'right');
        let rt = right ? this.ev(right, st, depth) : undefined;
        const compound = kind === 'augmented-assign' || !!syn.compoundAssignment?.(n);
        if (compound && left) rt = union(this.ev(left, st, depth), rt);
        // `cmd += ' ' + x` appends to a string being built: marked before the variable takes it.
        if (rt && compound && this.constructs && this.builds(n)) rt = withMark(rt, CONSTRUCTED);
        // A compound assignment's value is not `right` alone: bind the union (Go's `s += x` binds a list).
        if (left && (!right || !this.isFunction(right))) {
          if (syn.assignsEnclosing?.(n)) this.writesFree(left, rt, st);
          this.bind(left, rt, st, compound ? undefined : right ?? undefined);
          if (rt && this.env.requestAliases) this.noteRequestWrite(left);
        }
        t = rt;
        break;
      }
      case 'send': {
        const parts = syn.sendParts?.(n);
        if (!parts) break;
        // The container keeps what it held: several values may wait in a channel.
        t = union(this.ev(parts.into, st, depth), this.ev(parts.value, st, depth));
        this.writesFree(parts.into, t, st);
        this.bind(parts.into, t, st, undefined);
        break;
      }
      case 'binary': {
        // Formatting with a constant format: a value whose directive applies a sanitizer (`%r`, repr) adds nothing.
        const values = syn.formatValues?.(n);
        if (values) {
          const format = fieldOf(n, 'left');
          if (format) this.ev(format, st, depth);
          for (const v of values) {
            const vt = this.ev(v.node, st, depth);
            if (v.conversion === undefined || !conversionSanitizes(this.env.pass, v.conversion)) t = union(t, vt);
          }
          break;
        }
        const op = operatorOf(n) ?? '';
        const l = fieldOf(n, 'left');
        const r = fieldOf(n, 'right');
        const lt = l ? this.ev(l, st, depth) : undefined;
        const rt = r ? this.ev(r, st, depth) : undefined;
        t = syn.falsyLeftOps?.has(op) ? rt : syn.carries(op) ? union(lt, rt) : undefined;
        break;
      }
      case 'logical': {
        const parts = named(n);
        const last = syn.falsyLeftOps?.has(operatorOf(n) ?? '') ? parts[parts.length - 1] : undefined;
        for (const k of parts) {
          const kt = this.ev(k, st, depth);
          if (!last || k.id === last.id) t = union(t, kt);
        }
        break;
      }
      case 'opaque':
        for (const k of named(n)) this.ev(k, st, depth);
        t = undefined;
        break;
      case 'conditional': {
        const [cond, a, b] = syn.conditionalParts(n);
        if (cond) this.ev(cond, st, depth);
        // A constant condition: only the side it takes is evaluated.
        const constant = cond ? syn.constantTruth(cond, this.constantLookup) : undefined;
        // The condition's checks hold in the arm it picks (`isLocal(x) ? x : "/"`, `typeof x === "string" ? x : ""`):
        // each arm is read in its own copy when a check changed one. So is the second arm when the first may change
        // the state (a validating call's argument checked, an assignment): that holds on its side only. The arms'
        // states are joined after, as an if's branches are.
        let [sa, sb] = [st, st];
        if (cond && constant === undefined && this.mayCheck(cond)) {
          const thenSt: State = new Map(st);
          const elseSt: State = new Map(st);
          this.applyGuards(cond, thenSt, elseSt, false);
          const changed = (x: State): boolean => x.size !== st.size || [...x].some(([k, v]) => st.get(k) !== v);
          if (changed(thenSt) || changed(elseSt)) [sa, sb] = [thenSt, elseSt];
        }
        if (sa === sb && a && b && constant === undefined && !READ_ONLY_KINDS.has(this.syn.exprKind(typeOf(a)))) sb = new Map(st);
        const ta = a && constant !== false ? this.ev(a, sa, depth) : undefined;
        const tb = b && constant !== true ? this.ev(b, sb, depth) : undefined;
        if (sa !== sb) replaceState(st, mergeStates(sa, sb));
        t = union(ta, tb);
        break;
      }
      case 'pair': {
        const key = syn.computedKey(n);
        if (key) this.ev(key, st, depth);
        const v = fieldOf(n, 'value');
        t = v ? this.ev(v, st, depth) : undefined;
        break;
      }
      case 'keyword-argument': {
        const v = fieldOf(n, 'value');
        t = v ? this.ev(v, st, depth) : undefined;
        break;
      }
      case 'parts':
        for (const k of named(n)) if (!syn.isFormatting(typeOf(k))) t = union(t, this.ev(k, st, depth));
        break;
      case 'type':
        return undefined;
      case 'comprehension': {
        // [f(x) for x in xs if c]: x takes the taint of xs, in a scope of its own.
        const scope: State = new Map(st);
        for (const c of syn.comprehensionClauses(n)) this.bind(c.target, this.ev(c.iterable, scope, depth), scope, c.iterable);
        // `ch for ch in name if ch.isalnum()`: only the elements the filter lets through are the result's.
        for (const f of syn.comprehensionFilters?.(n) ?? []) this.applyGuards(f, scope, new Map(scope), false);
        for (const c of named(n)) if (!syn.isComprehensionClause(typeOf(c))) t = union(t, this.ev(c, scope, depth));
        break;
      }
      default:
        // Containers, parentheses, await, spreads, JSX, TS assertions: union of the parts.
        for (const k of named(n)) t = union(t, this.ev(k, st, depth));
        // A generator's yielded values are what iterating its result gives: the function returns them.
        if (syn.isYield?.(type)) this.returnValue(t, n);
    }
    // A string built around the value (`'date -s ' + d`): what `constructed` sinks report for exported parameters.
    if (t && this.constructs && (kind === 'binary' || kind === 'parts' || kind === 'call') && this.builds(n)) t = withMark(t, CONSTRUCTED);
    this.checkSinks(n, st, depth);
    return t;
  }

  /**
   * Whether `n` reads a typed field off validated data (`LanguageModule.typedFields`): `form.cleaned_data["year"]`,
   * `data.get("year")` after `data = form.cleaned_data`, `Filters.parse(input).limit`.
   */
  private typedFieldRead(n: Node): boolean {
    const read = this.syn.constantKeyRead?.(n);
    return !!read && !!this.typedKeysOf(read.object)?.includes(read.key);
  }

  /** The typed fields of the validated class parameter `index` is declared as (`Optional[Q]`, `Q | null` too). */
  private declaredTypedKeys(index: number | undefined): readonly string[] | undefined {
    const type = index !== undefined ? /^(?:Optional\[)?([A-Za-z_$][\w$.]*)\]?(?:\s*\|\s*(?:None|null|undefined))?$/.exec(this.syn.paramTypeOf(this.unit, index) ?? '')?.[1] : undefined;
    return type ? this.env.typedFields?.(type) : undefined;
  }

  /**
   * The typed fields of the schema `data` is the validated data of, directly or through a variable holding it: one
   * named (`Filters.parse(input)`), or the class of a bound instance made here (`form = BookForm(request.POST)`,
   * `r = Filters.safeParse(input)`; `self.get_form()`), or of the parameter of a method of a view binding one
   * (`form_valid(self, form)`: the view's `form_class`); or a parameter declared as a validated class (a NestJS DTO,
   * a pydantic model). Undefined where none is known.
   */
  private typedKeysOf(data: Node): readonly string[] | undefined {
    const syn = this.syn;
    const name = syn.exprKind(typeOf(data)) === 'identifier' ? textOf(data) : undefined;
    const d = name === undefined ? data : this.defOf(name);
    // A parameter declared as a validated class (`@Query() dto: ListUsersDto`, FastAPI's `q: MetricQuery`).
    if (!d && name !== undefined && this.isParameter(data, true)) return this.declaredTypedKeys(this.paramNames?.get(name));
    const v = d && syn.validatedData?.(d);
    if (!v) return undefined;
    let schema: string | undefined;
    if ('schema' in v) schema = v.schema;
    else if (syn.exprKind(typeOf(v.owner)) === 'identifier') {
      const made = this.defOf(textOf(v.owner));
      schema = made ? syn.schemaOf?.(made) : this.isParameter(v.owner, true) ? 'self' : undefined;
    }
    if (schema === 'self') schema = this.env.boundForm;
    return schema === undefined ? undefined : this.env.typedFields!(schema);
  }

  /**
   * `Filters.parse(input)` of a schema the file knows (`LanguageModule.typedFields`): the input, validated (its text
   * fields are still input; its typed fields are cleaned where read, see `typedKeysOf`).
   */
  private schemaParse(n: Node, st: State, depth: number): Taint | undefined {
    const v = this.syn.validatedData?.(n);
    const schema = v && 'schema' in v ? v.schema : undefined;
    const args = fieldOf(n, 'arguments');
    if (schema === undefined || !args || !this.env.typedFields!(schema)) return undefined;
    let t: Taint | undefined;
    for (const a of named(args)) t = union(t, this.ev(a, st, depth));
    return t && addStep(t, { range: this.range(n), message: `validated by ${schema}: its text fields stay input`, kind: 'step' });
  }

  /**
   * A function's free variable (not a parameter or local so far): a symbolic flow that the enclosing unit
   * resolves with its own taint of the variable (see `applyCaptures`). Not for the module's top level.
   */
  private captured(n: Node, st: State): Taint | undefined {
    const name = textOf(n);
    return st.has(name) ? undefined : this.capturedName(name, n);
  }

  /**
   * A receiver's field (`self.x`) no statement here assigned: what the class's methods store in it from input, and
   * what the caller's object holds there (a `RECEIVER_FIELD` capture, see `receiverFields`).
   */
  private fieldRead(key: string, n: Node): Taint | undefined {
    const recv = this.syn.fieldReceiver;
    if (!recv || !key.startsWith(`${recv}.`) || key.indexOf('.', recv.length + 1) >= 0) return undefined;
    const field = key.slice(recv.length + 1);
    const own = this.capturedName(`${RECEIVER_FIELD}${field}`, n, `${key} of the object the method is called on`);
    const hit = this.env.fieldTaint!(field);
    if (!hit) return own;
    const step: TraceStep = { range: this.range(n), message: `${key}, stored from input by ${hit.writers.map((w) => `${w}()`).join(', ')}`, kind: 'step' };
    return union(hit.taint.map((f) => ({ ...f, steps: [...f.steps, step] })), own);
  }

  /**
   * A request's field (`req.hook`, `request.ctx.agent`) no statement here assigned: what the file's handlers (a
   * middleware) store at that path from input, for the same request (`UnitEnv.requestFieldTaint`).
   */
  private requestFieldRead(key: string, n: Node): Taint | undefined {
    const dot = key.indexOf('.');
    if (dot < 0) return undefined;
    const alias = this.env.requestAliases?.get(key.slice(0, dot));
    const hit = alias === undefined ? undefined : this.env.requestFieldTaint!(alias, key.slice(dot + 1));
    if (!hit) return undefined;
    const step: TraceStep = { range: this.range(n), message: `${key}, stored from input by ${hit.writers.map((w) => `${w}()`).join(', ')}`, kind: 'step' };
    return hit.taint.map((f) => ({ ...f, steps: [...f.steps, step] }));
  }

  /**
   * Where a nested function is defined: its sinks reached from captured variables, with their taint here; and what
   * it calls a free name with (`capturedCalls`): a setter of this unit's state sets the value, another free name
   * passes it on outwards.
   */
  private applyCaptures(fn: Node, st: State): void {
    const s = this.env.inlineSummary(fn);
    if (!s) return;
    for (const [name, flows] of s.capturedCalls ?? []) {
      const t = this.resolveCaptured(flows, s, st, fn);
      if (t) this.calledWith(name, t, st, fn, false);
    }
    for (const [name, flows] of s.capturedWrites ?? []) {
      const t = this.resolveCaptured(flows, s, st, fn);
      if (!t) continue;
      // A weak update: the callback may not have run yet, so the variable may still hold what it held.
      if (st.has(name)) st.set(name, union(st.get(name) ?? undefined, t) ?? null);
      else this.assignedFree(name, t, fn);
    }
    if (!s.captures) return;
    for (const [idx, hits] of s.paramSinks) {
      const name = idx < 0 ? s.captures[-idx - 1] : undefined;
      if (!name) continue;
      const t = this.capturedHere(name, st, fn);
      if (!t) continue;
      for (const hit of hits) for (const f of t) this.sinkReached(f, hit.steps, hit.range, hit.sinkText, hit.fixes, hit.rule);
    }
  }

  /** A nested function's flows as they are where it is defined: sources' as they are, captured variables' with their taint here. */
  private resolveCaptured(flows: Flow[], s: Summary, st: State, fn: Node): Taint | undefined {
    let t: Taint | undefined;
    for (const f of flows) {
      if (f.origin.kind === 'source') t = union(t, [f]);
      else if (f.origin.index < 0) {
        const cap = s.captures?.[-f.origin.index - 1];
        const here = cap === undefined ? undefined : this.capturedHere(cap, st, fn);
        t = union(t, here?.map((g) => ({ ...g, steps: [...g.steps, ...f.steps].slice(0, MAX_STEPS) })));
      }
    }
    return t;
  }

  /** An assignment's target: when it is a name this unit has not bound, the enclosing function's variable (see `assignedFree`). */
  private writesFree(target: Node, t: Taint | undefined, st: State): void {
    const kind = this.syn.targetKind(typeOf(target));
    // Go's `x = v` assigns a list of one.
    if (kind === 'sequence-pattern' || kind === 'parenthesized') {
      for (const el of named(target)) this.writesFree(el, t, st);
      return;
    }
    if (kind !== 'name') return;
    const name = textOf(target);
    if (this.freeAssigned.has(name) || (!st.has(name) && !this.bound.has(name))) this.assignedFree(name, t, target);
  }

  /**
   * An assignment, in a nested function, to a name it has not bound: the enclosing function's variable. Sources' and
   * captured variables' flows are kept for it (see `Summary.capturedWrites`); a parameter's are not (the
   * callback's caller is not known).
   */
  private assignedFree(name: string, t: Taint | undefined, at: Node): void {
    if (!this.isFunction(this.unit) || this.env.resolve(name) !== undefined || !(this.nested ??= this.enclosed())) return;
    this.freeAssigned.add(name);
    const kept = t?.filter((f) => f.origin.kind === 'source' || f.origin.index < 0);
    if (!kept?.length) return;
    const out = (this.summary.capturedWrites ??= new Map());
    out.set(name, union(out.get(name), addStep(kept, { range: this.range(at), message: `assigned to ${name} in a callback`, kind: 'step' }))!);
  }

  /** A nested function's captured variable, where the function is defined: its taint here, or this unit's own capture. */
  private capturedHere(name: string, st: State, fn: Node): Taint | undefined {
    // A method's receiver field is its caller's object's, not a variable where the method is defined.
    if (name.startsWith(RECEIVER_FIELD)) return undefined;
    return this.lookup(name, st) ?? (st.has(name) ? undefined : this.capturedName(name, fn));
  }

  /** `const [html, setHtml] = useState(…)` (a `state-pair` propagator's call): `setHtml` sets `html` from now on. */
  private noteStatePair(target: Node, value: Node): void {
    const els = named(target);
    const call = this.syn.unparenthesize(value);
    if (els.length < 2 || this.syn.exprKind(typeOf(call)) !== 'call' || !this.isFunction(this.unit)) return;
    const [v, set] = [els[0]!, els[1]!];
    if (this.syn.targetKind(typeOf(v)) !== 'name' || this.syn.targetKind(typeOf(set)) !== 'name') return;
    for (const p of this.env.pass.index.propagators.candidates(call, this.env.resolve)) {
      if (!p.spec.statePair || !this.match(p, call)) continue;
      (this.setters ??= new Map()).set(textOf(set), textOf(v));
      return;
    }
  }

  /**
   * A free name called with input as its first argument, here (`at` the call) or in a nested function defined here
   * (`at` the function): a state setter of this unit adds it to the state's value (a weak update: the value may
   * still be the one it had); another free name, in a nested function, joins this unit's `capturedCalls`. Sources'
   * flows and captured variables' go on; a parameter's does not (the callback's caller is not known).
   */
  private calledWith(name: string, t: Taint, st: State, at: Node, direct: boolean): void {
    const state = this.setters?.get(name);
    if (state) {
      const step: TraceStep = { range: this.range(at), message: direct ? `${name}() sets ${state}` : `${name}() sets ${state} in the callback`, kind: 'step' };
      st.set(state, union(st.get(state) ?? undefined, addStep(t, step)) ?? null);
      return;
    }
    // Cheapest first: most such calls carry a parameter's flow only (library code), and `enclosed` walks parents.
    const kept = t.filter((f) => f.origin.kind === 'source' || f.origin.index < 0);
    if (!kept.length || st.has(name) || this.bound.has(name) || !this.isFunction(this.unit) || this.env.resolve(name) !== undefined || !(this.nested ??= this.enclosed())) return;
    const out = (this.summary.capturedCalls ??= new Map());
    out.set(name, union(out.get(name), direct ? addStep(kept, { range: this.range(at), message: `passed to ${name}()`, kind: 'step' }) : kept)!);
  }

  /** The symbolic flow of free variable `name` (used at `at`), or undefined at the module's top level. */
  private capturedName(name: string, at: Node, message = `${name} from the enclosing function`): Taint | undefined {
    if (!this.syn.functionTypes.has(typeOf(this.unit))) return undefined;
    // A `library-input` pass's only input is an exported function's parameter, which a module-level name never
    // holds: a top-level function's free names (`request`, `conn`) capture nothing there, and recording them would
    // give every such function a summary to hash and keep (the request rules' passes see them as sources).
    if (this.constructs && !this.env.pass.rules[0]!.audit && !(this.nested ??= this.enclosed())) return undefined;
    let i = this.captureIndex.get(name);
    if (i === undefined) {
      i = this.captureIndex.size;
      this.captureIndex.set(name, i);
      (this.summary.captures ??= []).push(name);
    }
    return [{ origin: { kind: 'param', index: -(i + 1) }, steps: [{ range: this.range(at), message, kind: 'step' }] }];
  }

  /** The element count of the list or array literal `name` was last assigned, if it was one (no spread in it). */
  private sequenceLength(name: string): number | undefined {
    const d = this.defOf(name);
    const u = d && this.syn.unparenthesize(d);
    if (!u || !this.syn.sequenceTypes?.has(typeOf(u))) return undefined;
    const els = named(u).filter((e) => this.syn.stmtKind(typeOf(e)) !== 'inert');
    return els.some((e) => this.syn.spreadTypes?.has(typeOf(e))) ? undefined : els.length;
  }

  /**
   * `parts[0]` where `parts` is a clean list literal that only had values appended since (`<name>.*`): the literal's
   * own element, clean (an assignment to that index would have its own key, read before).
   */
  private literalElement(obj: Node, key: string, st: State): boolean {
    if (this.syn.exprKind(typeOf(obj)) !== 'identifier') return false;
    const name = textOf(obj);
    if (st.get(name) !== null || !st.has(`${name}.*`)) return false;
    const index = key.slice(name.length + 1);
    if (!/^\d+$/.test(index)) return false;
    const length = this.sequenceLength(name);
    return length !== undefined && Number(index) < length;
  }

  private lookup(name: string, st: State): Taint | undefined {
    const v = st.get(name);
    if (v) return v;
    let t: Taint | undefined;
    // The top level's state records which entries under the prefix it read (see LoggedState.prefixed).
    if (st instanceof LoggedState) for (const [, w] of st.prefixed(`${name}.`)) t = union(t, w ?? undefined);
    else for (const [k, w] of st) if (w && k.startsWith(`${name}.`)) t = union(t, w);
    // Clean as a whole, its fields may have been written since (binding the name drops its old fields). They are its
    // content when it was built here as a literal (`opts = { scope }; opts.filter = input; search(base, opts)`), not
    // when a call made it (a response whose Location header was set is no tainted body).
    if (v === null && t) {
      const d = this.defOf(name);
      if (!d || this.syn.literalKeys(d, this.defOf) === undefined) return undefined;
    }
    return t;
  }

  /**
   * Keys of the object literals a value may be, through locals and either side of a fallback or conditional
   * (`custom || { where: … }`, `a ? q1 : q2`): one alternative with ORM finder options shows what the call takes.
   */
  private alternativeKeys(n: Node, depth = 0): string[] {
    const keys = this.syn.literalKeys(n, this.defOf);
    if (keys !== undefined) return keys;
    if (depth > 8) return [];
    const u = this.syn.unparenthesize(n);
    const kind = this.syn.exprKind(u.type);
    if (kind === 'identifier') {
      const d = this.defOf(u.text);
      return d && d.id !== u.id ? this.alternativeKeys(d, depth + 1) : [];
    }
    let parts: (Node | undefined)[] = [];
    if (kind === 'conditional') parts = this.syn.conditionalParts(u).slice(1);
    else if ((kind === 'binary' || kind === 'logical') && this.syn.fallbackOps?.has(operatorOf(u) ?? '')) parts = named(u);
    return parts.flatMap((p) => (p ? this.alternativeKeys(p, depth + 1) : []));
  }

  /**
   * Whether `name` was last bound to the receiver (`var self = this`) where the receiver stands for the request (a
   * `this-request` handler's unit aliases `this`): the copy reads the request as `this` does.
   */
  private receiverCopy(name: string): boolean {
    const v = this.defOf(name);
    return !!v && this.syn.exprKind(v.type) === 'self' && this.env.resolve(textOf(v)) !== undefined;
  }

  /** Source match at this node, unless its root variable is a local that shadows the source's name. */
  private sourceAt(n: Node, st: State): Taint | undefined {
    const candidates = this.env.pass.index.sources.candidates(n, this.env.resolve);
    let sources = this.sourcesFor.get(candidates);
    if (!sources) {
      sources = candidates.filter((s) => sourceImportsOk(s, (m) => this.env.imported?.(m) ?? false));
      this.sourcesFor.set(candidates, sources);
    }
    for (const s of sources) {
      const b = this.match(s, n);
      if (!b) continue;
      // A request object's name bound to a clean value here (`req = {}`) is no longer the request. A pattern whose
      // receiver is a metavariable (`$E.entryName`, `$U.getQueryParameters(...)`) names the API, not a variable:
      // a receiver bound to a call's result (`const entry = zip.getEntry(n)`) is what it reads.
      const root = metaRooted(s.pattern.source) ? undefined : chainRoot(n);
      if (root && st.get(textOf(root)) === null && !this.receiverCopy(textOf(root))) return undefined;
      const label = s.spec.label ?? this.short(n);
      const input = s.spec.input;
      const taint: Taint = [{ origin: { kind: 'source', label, ...(input ? { input } : {}) }, steps: [{ range: this.range(n), message: sourceMessage(label, input), kind: 'source' }] }];
      // A call that fills an argument (`c.ShouldBindJSON(&req)`): the variable, seen through `&`, holds the input.
      const into = s.spec.into ? b.get(s.spec.into) : undefined;
      if (!into) return taint;
      const target = this.syn.accessPath(into) === undefined && named(into).length === 1 ? named(into)[0]! : into;
      this.bind(target, taint, st, undefined);
      return undefined;
    }
    return undefined;
  }

  private call(n: Node, st: State, depth: number): Taint | undefined {
    const syn = this.syn;
    const isFunction = (a: Node): boolean => this.isFunction(a);
    const fn = syn.callee(n);
    const argsNode = fieldOf(n, 'arguments');
    // Python's `f(x for x in xs)`: the generator is the one argument (the grammar gives it as the argument list).
    const args = argsNode ? (syn.exprKind(typeOf(argsNode)) === 'comprehension' ? [argsNode] : named(argsNode)) : [];
    const argTaints = args.map((a) => {
      if (!isFunction(a)) return this.ev(a, st, depth);
      this.applyCaptures(a, st);
      return undefined;
    });
    // A list passed on or whose method runs (`l.pop(0)`, `shuffle(l)`) may change: its indexes are no longer known.
    if (this.indexed.size || !this.isFunction(this.unit)) {
      const recv = fn ? syn.memberObject(fn) : null;
      for (const x of recv ? [recv, ...args] : args) {
        const key = syn.accessPath(x);
        if (key !== undefined) this.coarsen(key, st);
      }
    }
    // A state setter's or a free name's call (see `calledWith`).
    const free = fn && argTaints[0] && syn.exprKind(typeOf(fn)) === 'identifier' ? textOf(fn) : undefined;
    if (free !== undefined && this.setters?.has(free)) {
      this.calledWith(free, argTaints[0]!, st, n, true);
      return undefined;
    }
    let recvTaint: Taint | undefined;
    let method: string | undefined;
    const property = fn ? syn.propertyOf(fn) : null;
    if (fn && property) {
      const obj = syn.memberObject(fn);
      method = textOf(property);
      if (obj) recvTaint = this.ev(obj, st, depth);
    } else if (fn && syn.exprKind(typeOf(fn)) !== 'identifier') this.ev(fn, st, depth);

    if (method) this.substitutionCallback(n, method, fn ? syn.memberObject(fn) : null, args, argTaints, recvTaint);
    // Propagators: known library calls that pass data through (not those that only raise: see `raisesFrom`). Not a
    // call of the workspace's own function in another file (`SortColumns.resolve(x)` is no `Path.resolve`): its
    // summary says what it returns.
    const own = this.callsWorkspace(n);
    for (const p of own ? [] : this.env.pass.index.propagators.candidates(n, this.env.resolve)) {
      // A method of a call's result also matches through a variable holding it: `zf.namelist()` after
      // `zf = zipfile.ZipFile(upload)`. Only those: reading values makes every other propagator's match looser.
      const b = this.match(p, n, onCallResult(p.pattern.source) ? this.valueOf : undefined);
      if (!b) continue;
      let t: Taint | undefined;
      if (p.spec.from) for (const mv of p.spec.from) {
        const node = b.get(mv);
        if (node) t = union(t, this.ev(node, st, depth));
      }
      else for (const a of argTaints) t = union(t, a);
      return p.spec.mark ? withMark(t, p.spec.mark) : t;
    }
    // `ids.map(Number)`, `tags.map(String)`: each element goes through a conversion the pass counts as a sanitizer.
    const only = args.length === 1 ? args[0]! : undefined;
    if (recvTaint && method && syn.mappingMethods.has(method) && only && syn.exprKind(typeOf(only)) === 'identifier' && conversionSanitizes(this.env.pass, textOf(only))) return undefined;
    // `cols.filter((c) => ALLOWED.includes(c))`: the elements kept are those the check cleans.
    if (recvTaint && method && syn.filteringMethods?.has(method) && only && this.isFunction(only)) {
      const check = syn.callbackCheck?.(only);
      if (check) {
        const kept: State = new Map([[check.param, recvTaint]]);
        this.applyGuards(check.cond, kept, new Map([[check.param, recvTaint]]), false);
        if (kept.get(check.param) === null) return undefined;
      }
    }
    // `tainted.forEach((x) => sink(x))`, `.map`, `.then`...: the callback's first parameter receives the data.
    if (recvTaint && method && syn.iterationMethods.has(method)) {
      let mapped: { returns: Taint | undefined } | undefined;
      for (const a of args) {
        if (!isFunction(a)) continue;
        const summary = this.env.inlineSummary(a);
        if (!summary) continue;
        const returns = this.applySummary(n, { summary, name: `${method} callback`, offset: 0 }, [a], [recvTaint]);
        if (syn.mappingMethods.has(method)) mapped = { returns };
      }
      // `ids.map((n) => parseInt(n, 10))`: the result is what the callback returns.
      if (mapped) return mapped.returns;
    }
    // A class of this file constructed (`Search(t)`, `new Search(t)`): its constructor's sinks apply here, and the
    // new object holds the arguments in the fields the constructor stores them in (see `storedFields`).
    const made = (this.env.constructorSummary || this.env.recordFields) && syn.constructs?.(n);
    const ctor = made ? this.env.constructorSummary?.(made.cls, made.method) : undefined;
    if (ctor) {
      this.applySummary(n, ctor, args, argTaints);
      const fields = this.storedFields(n, ctor, args, argTaints);
      if (fields) (this.constructedFields ??= new Map()).set(n.id, fields);
      // The object itself holds no input; at audit strictness a construction is still a call Vigil does not know.
      if (!this.env.pass.rules[0]!.audit) return undefined;
    }
    // A record class's generated constructor (`Filter(status=text)` of a dataclass): each argument in its field.
    const record = made && !ctor ? this.env.recordFields?.(made.cls) : undefined;
    if (record) {
      const fields = this.recordFieldsOf(record, made!.cls, args, argTaints);
      if (fields) (this.constructedFields ??= new Map()).set(n.id, fields);
      if (!this.env.pass.rules[0]!.audit) return undefined;
    }
    // Functions of this file (or imported, with cross-file summaries).
    const callee = fn ? (this.env.calleeSummary(fn) ?? this.tableCallee(fn)) : undefined;
    // The summary does not track the receiver's fields: a method of tainted data (a getter) still returns it.
    if (callee) {
      const obj = fn && property ? syn.memberObject(fn) : null;
      const out = union(this.applySummary(n, callee, args, argTaints, (a, field) => this.argumentField(a, field, st)), obj ? this.receiverFields(n, callee, obj, st) : undefined);
      // A factory's result (`Query.from_args(request.args)`) holds input in the fields it returned it in.
      const returned = callee.summary.returnFields && this.returnedFields(n, callee, args, argTaints);
      if (returned) (this.constructedFields ??= new Map()).set(n.id, returned);
      if (callee.summary.validates) this.applyValidation(callee, args, argTaints, st);
      // A setter (`s.use(t)`): the object holds the argument in the field from now on.
      const key = obj && callee.summary.fieldWrites ? syn.accessPath(obj) : undefined;
      const stored = key !== undefined ? this.storedFields(n, callee, args, argTaints) : undefined;
      for (const [field, t] of stored ?? []) st.set(`${key}.${field}`, union(st.get(`${key}.${field}`) ?? undefined, t) ?? null);
      return union(out, recvTaint);
    }
    if (free !== undefined) this.calledWith(free, argTaints[0]!, st, n, true);
    // A handler of another file registered here gets its input here: its sinks are found at the registration.
    const reg = this.env.registersHandler?.(n);
    const handler = reg && this.env.calleeSummary(reg.fn);
    if (reg && handler) {
      const taints: (Taint | undefined)[] = [];
      for (const [i, { label, input }] of reg.inputs) taints[i] = [{ origin: { kind: 'source', label, input, ...(reg.cleanFields?.get(i) ? { cleanFields: reg.cleanFields.get(i) } : {}) }, steps: [{ range: this.range(reg.fn), message: sourceMessage(label, input), kind: 'source' }] }];
      this.applySummary(n, handler, [], taints);
    }
    // `executor.submit(f, x)`, `Thread(target=f, args=(x,))`: the call runs a function of ours with these arguments.
    const through = this.syn.callsThrough?.(n, (x) => canonicalOf(x, this.env.resolve), this.defOf);
    const runs = through && this.env.calleeSummary(through.fn);
    if (through && runs) {
      const taints = through.args.map((a) => {
        const i = args.findIndex((x) => x.id === a.id);
        return i >= 0 ? argTaints[i] : this.ev(a, st, depth);
      });
      return union(this.applySummary(n, runs, through.args, taints), recvTaint);
    }
    // `sb.append(x)`: the builder holds x from now on, and the call returns the builder.
    if (method && fn && syn.receiverMethods.has(method)) {
      let t: Taint | undefined;
      for (const a of argTaints) t = union(t, a);
      if (t) {
        let root = syn.memberObject(fn);
        while (root && syn.exprKind(typeOf(root)) === 'call' && syn.receiverMethods.has(syn.propertyOf(root)?.text ?? '')) root = syn.memberObject(root);
        const key = root ? syn.accessPath(root) : undefined;
        // Appended to a list built here as a literal (`parts = ["ls"]; parts.append(x)`): kept apart under
        // `<name>.*`, a key no access path spells, so the whole list reads it and the literal's own indexes do not
        // (see `literalElement`). Inserted at the front, every index may hold it.
        const apart = key && !syn.frontMethods?.has(method) && this.sequenceLength(key) !== undefined ? `${key}.*` : key;
        if (apart) st.set(apart, union(st.get(apart) ?? undefined, t) ?? null);
      }
      return union(recvTaint, t);
    }
    // A constant format's fields (`"{!r}".format(x)`): a value whose conversion applies a sanitizer adds nothing.
    const fields = method && !recvTaint && syn.formattingMethods.has(method) ? syn.formatValues?.(n) : undefined;
    if (fields) {
      let t: Taint | undefined;
      for (const v of fields) {
        const vt = this.ev(v.node, st, depth);
        if (v.conversion === undefined || !conversionSanitizes(this.env.pass, v.conversion)) t = union(t, vt);
      }
      return t;
    }
    // Methods on tainted data return tainted data (`s.trim()`, `request.args.get('q')`); formatting
    // methods on constants carry their arguments (`"{}".format(x)`, `", ".join(xs)`).
    if (recvTaint) {
      // `request.args.get("q")` names the input better than `request.args`.
      const obj = fn ? syn.memberObject(fn) : null;
      let t = obj && !args.some(isFunction) ? extendLabel(recvTaint, obj, n, this.env.lines) : recvTaint;
      // A format taken from elsewhere (`TEMPLATE.format(x)`: a module-level name reads as its placeholder taint)
      // still carries its arguments.
      if (method && syn.formattingMethods.has(method)) for (const a of argTaints) t = union(t, a)!;
      return t;
    }
    if (method && syn.formattingMethods.has(method)) {
      let t: Taint | undefined;
      for (const a of argTaints) t = union(t, a);
      return t;
    }
    // Audit strictness: a function Vigil does not know may return its input unchanged (it is no sanitizer). A
    // program run (an `argv-options` sink) is known: it returns the program's output, not its arguments (`git
    // merge-base <ref>` prints a commit). Other sinks may return their input (a template render).
    if (this.env.pass.rules[0]!.audit && !this.runsProgram(n)) {
      let t: Taint | undefined;
      for (const a of argTaints) t = union(t, a);
      return t && addStep(t, { range: this.range(n), message: `passes through ${(fn?.text ?? 'a call').slice(0, 60)}() (audit: not known to clean it)`, kind: 'step' });
    }
    return undefined;
  }

  /**
   * `file.name`, `files[0].name`: a field some handler's inputs hold clean, read off a variable (not off a call's
   * result: `Path(text).name` is the input's own text), marks the flows that may be such an input.
   */
  private fieldMark(t: Taint, obj: Node, n: Node): Taint {
    const all = this.env.cleanFields?.all;
    const prop = all?.size ? this.syn.propertyOf(n) : null;
    const field = prop && textOf(prop);
    if (!field || !all!.has(field)) return t;
    let root: Node | null = obj;
    while (root && this.syn.exprKind(typeOf(root)) === 'member' && this.syn.memberIndex(root)) root = this.syn.memberObject(root);
    if (!root || this.syn.exprKind(typeOf(root)) !== 'identifier') return t;
    const mark = `.${field}`;
    return t.map((f) => (f.marks?.includes(mark) || (f.origin.kind === 'source' && !f.origin.cleanFields?.includes(field)) ? f : { ...f, marks: [...(f.marks ?? []), mark] }));
  }

  /** The name at the root of a call and member chain (`$` of `$(sel).find(x)`), or undefined when it is no name. */
  private nameAtRoot(n: Node | undefined): Node | undefined {
    const syn = this.syn;
    for (let i = 0; n && i < 64; i++) {
      const kind = syn.exprKind(typeOf(n));
      if (kind === 'identifier') return n;
      n = (kind === 'call' ? syn.callee(n) : kind === 'member' ? syn.memberObject(n) : null) ?? undefined;
    }
    return undefined;
  }

  /**
   * The fields a constructor or method stores its parameters in (`Summary.fieldWrites`' parameter flows), with this
   * call's arguments' taint there: field -> taint. Undefined when no argument holding input is stored.
   */
  private storedFields(n: Node, callee: { summary: Summary; name: string; offset: number }, allArgs: Node[], allTaints: (Taint | undefined)[]): Map<string, Taint> | undefined {
    if (!callee.summary.fieldWrites) return undefined;
    const { args, argTaints } = this.byKeyword(callee, allArgs, allTaints);
    let out: Map<string, Taint> | undefined;
    for (const [field, flows] of callee.summary.fieldWrites) {
      let t: Taint | undefined;
      for (const f of flows) {
        if (f.origin.kind !== 'param') continue;
        const i = f.origin.index - callee.offset;
        const at = argTaints[i];
        if (!at) continue;
        const step: TraceStep = { range: this.range(args[i] ?? n), message: `stored in field ${field} by ${callee.name}()`, kind: 'step' };
        t = union(t, at.map((g) => ({ ...g, steps: [...g.steps, step].slice(-MAX_STEPS) })));
      }
      if (t) (out ??= new Map()).set(field, t);
    }
    return out;
  }

  /**
   * The fields of the object a call returns holding input (`Summary.returnFields`), with this call's arguments' taint
   * for the parameters' flows: field -> taint. Undefined when none holds input here.
   */
  private returnedFields(n: Node, callee: { summary: Summary; name: string; offset: number }, allArgs: Node[], allTaints: (Taint | undefined)[]): Map<string, Taint> | undefined {
    const { argTaints } = this.byKeyword(callee, allArgs, allTaints);
    let out: Map<string, Taint> | undefined;
    for (const [field, flows] of callee.summary.returnFields ?? []) {
      const step: TraceStep = { range: this.range(n), message: `in field ${field} of what ${callee.name}() returns`, kind: 'step' };
      let t: Taint | undefined;
      for (const f of flows) {
        if (f.origin.kind === 'source') {
          t = union(t, [{ ...f, steps: [...f.steps, step].slice(-MAX_STEPS) }]);
          continue;
        }
        const at = argTaints[f.origin.index - callee.offset];
        if (at) t = union(t, at.map((g) => ({ ...withCalleeMarks(g, f.marks), steps: [...g.steps, ...f.steps.slice(1), step].slice(-MAX_STEPS) })));
      }
      if (t) (out ??= new Map()).set(field, t);
    }
    return out;
  }

  /** What a record class's construction stores from its arguments (see `UnitEnv.recordFields`): field -> taint. */
  private recordFieldsOf(record: readonly string[], cls: string, args: Node[], argTaints: (Taint | undefined)[]): Map<string, Taint> | undefined {
    let out: Map<string, Taint> | undefined;
    args.forEach((a, i) => {
      const t = argTaints[i];
      if (!t) return;
      // Keyword arguments by name, a splatted mapping (`Model(**payload)`) into any field, the others by position; a
      // typed field (an empty name) holds no text.
      const spread = this.syn.keywordSpreadTypes?.has(typeOf(a));
      const named = this.syn.exprKind(typeOf(a)) === 'keyword-argument' ? fieldOf(a, 'name')?.text : record[i];
      for (const field of spread ? record : [named]) {
        if (!field || !record.includes(field)) continue;
        const step: TraceStep = { range: this.range(a), message: `stored in field ${field} of ${cls}`, kind: 'step' };
        out = (out ?? new Map<string, Taint>()).set(field, union(out?.get(field), t.map((f) => ({ ...f, steps: [...f.steps, step].slice(-MAX_STEPS) })))!);
      }
    });
    return out;
  }

  /**
   * A method called on an object (`s.run()`, `Search(t).run()`): the sinks and returns its summary reached from the
   * receiver's fields (`RECEIVER_FIELD` captures), with what the object holds in each here: the fields its
   * construction or a setter stored arguments in (see `storedFields`), as the state keeps them under its path.
   */
  private receiverFields(n: Node, callee: { summary: Summary; name: string }, obj: Node, st: State): Taint | undefined {
    const caps = callee.summary.captures;
    if (!caps) return undefined;
    const made = this.constructedFields?.get(this.syn.unparenthesize(obj).id);
    const key = made ? undefined : this.syn.accessPath(obj);
    if (!made && key === undefined) return undefined;
    let out: Taint | undefined;
    caps.forEach((name, i) => {
      if (!name.startsWith(RECEIVER_FIELD)) return;
      const field = name.slice(RECEIVER_FIELD.length);
      const t = made ? made.get(field) : st.get(`${key}.${field}`);
      if (!t) return;
      const step: TraceStep = { range: this.range(n), message: `${field} read by ${callee.name}()`, kind: 'step' };
      for (const hit of callee.summary.paramSinks.get(-(i + 1)) ?? []) {
        // Another file's sink (an imported class's method) is reported at the call, as `applySummary` does.
        const remote = hit.path ? remoteSinkOf(hit.steps) : undefined;
        for (const f of t) this.sinkReached(withCalleeMarks(f, hit.marks), [step, ...hit.steps.slice(1)], hit.path ? this.range(n) : hit.range, hit.sinkText, hit.path ? [] : hit.fixes, hit.rule, hit.constructed, remote);
      }
      const ret = callee.summary.paramReturns.get(-(i + 1));
      if (ret) out = union(out, t.map((f) => ({ ...f, steps: [...f.steps, step, ...ret.slice(1)].slice(-MAX_STEPS) })));
    });
    return out;
  }

  /** Whether the file uses library `m`: imports it, or imports a module of the workspace that does. */
  private usesLibrary(m: string): boolean {
    return !!this.env.imported?.(m) || !!this.env.importedThrough?.(m);
  }

  /**
   * `s.replace(re, (m, g) => sink(g))`, `PATTERN.sub(lambda m: eval(m.group(1)), s)`: the callback runs on pieces of
   * the string, so each of its parameters (match, groups) receives the string's input. The callback is written in
   * place or names a function. The call's own result is left to the rules' propagators and the default.
   */
  private substitutionCallback(n: Node, method: string, receiver: Node | null, args: Node[], argTaints: (Taint | undefined)[], recvTaint: Taint | undefined): void {
    const sub = this.syn.substitutionCall?.(method, receiver, args, this.env.resolve);
    if (!sub) return;
    const t = sub.subject === 'receiver' ? recvTaint : argTaints[sub.subject];
    const cb = args[sub.callback];
    if (!t || !cb) return;
    const summary = this.isFunction(cb) ? this.env.inlineSummary(cb) : this.env.calleeSummary(cb)?.summary;
    if (!summary) return;
    this.applySummary(n, { summary, name: `${method} callback`, offset: 0 }, new Array<Node>(SUBSTITUTION_ARITY).fill(cb), new Array<Taint>(SUBSTITUTION_ARITY).fill(t));
  }

  /**
   * A call of a summarised function: its sinks reached from the arguments, and what it returns. `fieldOf` gives what
   * an argument holds in a field (`TicketFilter(text)`, `o` after `o.q = text`), for the callee's flows read through a
   * field (see `FIELD_READ`).
   */
  private applySummary(n: Node, callee: { summary: Summary; name: string; offset: number }, allArgs: Node[], allTaints: (Taint | undefined)[], fieldOf?: (arg: Node, field: string) => Taint | undefined): Taint | undefined {
    const { args, argTaints } = this.byKeyword(callee, allArgs, allTaints);
    const callStep = (i: number): TraceStep => ({ range: this.range(args[i] ?? n), message: `passed to ${callee.name}()`, kind: 'step' });
    let out: Taint | undefined;
    for (const f of callee.summary.sourceReturns) out = union(out, [{ origin: f.origin, steps: [...f.steps, { range: this.range(n), message: `returned by ${callee.name}()`, kind: 'step' }], ...(f.marks ? { marks: f.marks } : {}) }]);
    argTaints.forEach((whole, i) => {
      const pi = i + callee.offset;
      const arg = args[i];
      // The argument as a whole, and its field the callee reads (a constructed object's, `o.q` after `o.q = x`).
      const flowsIn = (marks: readonly string[] | undefined): { t: Taint; rest: readonly string[] | undefined; step: TraceStep }[] => {
        const got: { t: Taint; rest: readonly string[] | undefined; step: TraceStep }[] = whole ? [{ t: whole, rest: marks, step: callStep(i) }] : [];
        const read = arg && fieldOf ? fieldReadOf(marks) : undefined;
        const t = read && fieldOf!(arg!, read.field);
        if (t) got.push({ t, rest: read!.rest, step: { range: this.range(arg!), message: `field ${read!.field} passed to ${callee.name}()`, kind: 'step' } });
        return got;
      };
      const ret = callee.summary.paramReturns.get(pi);
      // The argument's marks and those the callee gave on every return.
      if (ret) for (const got of flowsIn(callee.summary.returnMarks?.get(pi))) {
        out = union(out, got.t.map((f) => ({ ...withCalleeMarks(f, got.rest), steps: [...f.steps, got.step, ...ret.slice(1)].slice(-MAX_STEPS) })));
      }
      const raised = whole && callee.summary.paramRaises?.get(pi);
      if (raised) this.raise(whole.map((f) => ({ ...f, steps: [...f.steps, callStep(i), ...raised.slice(1)].slice(-MAX_STEPS) })));
      for (const hit of callee.summary.paramSinks.get(pi) ?? []) {
        const at = hit.path ? this.range(arg ?? n) : hit.range;
        // Another file's sinks are reported here, at the argument, each its own finding (the scan moves each to
        // its sink): a service passing a request's fields to three queries holds three flows.
        const remote = hit.path ? remoteSinkOf(hit.steps) : undefined;
        for (const got of flowsIn(hit.marks)) for (const f of got.t) this.sinkReached(withCalleeMarks(f, got.rest), [got.step, ...hit.steps.slice(1)], at, hit.sinkText, hit.path ? [] : hit.fixes, hit.rule, hit.constructed, remote);
      }
    });
    return out;
  }

  /**
   * The functions a call picks from a table of this file by name, merged (see `mergeSummaries`): `ROUTES[key](event)`,
   * `HANDLERS.get(action)(req)`, a local holding one of those (`route = ROUTES[key]; route(event)`), or a local
   * given another function (`run = runA`). The table is a map literal, local or module-level, whose values name
   * functions; a constant key picks its entry only.
   */
  private tableCallee(fn: Node, depth = 0): { summary: Summary; name: string; offset: number } | undefined {
    const syn = this.syn;
    let target = syn.unparenthesize(fn);
    // A deferred call of such a local (`task = a if legacy else b; task.delay(x)`, see `deferredCallMethods`).
    if (syn.exprKind(typeOf(target)) === 'member' && depth === 0) {
      const obj = syn.memberObject(target);
      const prop = syn.propertyOf(target);
      if (obj && prop && syn.deferredCallMethods?.has(textOf(prop)) && syn.exprKind(typeOf(syn.unparenthesize(obj))) === 'identifier') return this.tableCallee(obj, depth + 1);
    }
    if (syn.exprKind(typeOf(target)) === 'identifier') {
      // A local's value only: a module-level name would be a dependency of every call of a library's function.
      const v = depth < 2 ? this.defOf(textOf(target)) : undefined;
      if (!v) return undefined;
      if (syn.exprKind(typeOf(v)) === 'identifier') return this.env.calleeSummary(v) ?? this.tableCallee(v, depth + 1);
      target = syn.unparenthesize(v);
      // `has(T, k) ? T[k] : null`, `legacy ? probeLegacy : probeSafe`: what either branch may run, merged.
      if (syn.exprKind(typeOf(target)) === 'conditional') {
        const parts: { summary: Summary; who: string; offset: number }[] = [];
        for (const part of syn.conditionalParts(target).slice(1)) {
          const branch = part && syn.unparenthesize(part);
          if (!branch) continue;
          const kind = syn.exprKind(typeOf(branch));
          const c = kind === 'identifier' ? this.env.calleeSummary(branch) : kind === 'member' ? (this.env.calleeSummary(branch) ?? this.tableOf(branch, true)) : this.tableOf(branch, true);
          if (c) parts.push({ summary: c.summary, who: c.name, offset: c.offset });
        }
        if (parts.length < 2) return parts[0] && { summary: parts[0].summary, name: parts[0].who, offset: parts[0].offset };
        return { summary: mergeSummaries(parts), name: textOf(fn), offset: parts[0]!.offset };
      }
      return this.tableOf(target, true);
    }
    return this.tableOf(target, false);
  }

  /**
   * See `tableCallee`: the entries of the table `target` picks from (`T[k]`, `T.get(k)`; `T.k` only as a local's
   * value: called in place, `console.log(x)` is a method, and reading `console` would make every such call depend on
   * the module's names), merged.
   */
  private tableOf(target: Node, viaLocal: boolean): { summary: Summary; name: string; offset: number } | undefined {
    const syn = this.syn;
    let table: Node | null = null;
    let key: string | undefined;
    const kind = syn.exprKind(typeOf(target));
    if (kind === 'member') {
      const prop = syn.propertyOf(target);
      const index = syn.memberIndex(target);
      if (prop && !viaLocal) return undefined;
      table = syn.memberObject(target);
      key = prop ? textOf(prop) : index ? syn.stringValue(index) : undefined;
    } else if (kind === 'call') {
      const callee = syn.callee(target);
      const prop = callee && syn.exprKind(typeOf(callee)) === 'member' ? syn.propertyOf(callee) : null;
      if (!prop || textOf(prop) !== 'get') return undefined;
      table = syn.memberObject(callee!);
      const first = fieldOf(target, 'arguments');
      const arg = first ? named(first)[0] : undefined;
      key = arg ? syn.stringValue(arg) : undefined;
    }
    if (!table || syn.exprKind(typeOf(table)) !== 'identifier') return undefined;
    const lit = this.valueOf(textOf(table));
    // No value here: an imported table, unless a parameter or local of that name hides it.
    if (!lit) return this.bound.has(textOf(table)) ? undefined : this.env.importedTable?.(textOf(table), key);
    if (!syn.tableTypes.has(typeOf(lit))) return undefined;
    const parts: { summary: Summary; who: string }[] = [];
    let offset = 0;
    for (const entry of tableEntries(lit, syn)) {
      const value = entry.value;
      if (key !== undefined && entry.key !== undefined && entry.key !== key) continue;
      // A function written in place (a method, `a: async (event) => { … }`): its own unit's summary.
      if (syn.exprKind(typeOf(value)) === 'function') {
        const inline = this.env.inlineSummary(value);
        if (inline) parts.push({ summary: inline, who: entry.key ?? textOf(table) });
        continue;
      }
      // A function by name, or off a module (`actions.createBackup`).
      if (syn.exprKind(typeOf(value)) !== 'identifier' && syn.exprKind(typeOf(value)) !== 'member') continue;
      const c = this.env.calleeSummary(value);
      if (!c) continue;
      parts.push({ summary: c.summary, who: c.name });
      offset = c.offset;
    }
    if (!parts.length) return undefined;
    return parts.length === 1 ? { summary: parts[0]!.summary, name: parts[0]!.who, offset } : { summary: mergeSummaries(parts), name: textOf(table), offset };
  }

  /**
   * What argument `arg` holds in its field `field` here, where it holds no input as a whole: the fields its
   * construction stored arguments in (`storedFields`), or the state's under its path (`o.q = text`, `f = Filter(text)`).
   */
  private argumentField(arg: Node, field: string, st: State): Taint | undefined {
    let a = this.syn.unparenthesize(arg);
    if (this.syn.exprKind(typeOf(a)) === 'keyword-argument') a = fieldOf(a, 'value') ?? a;
    const made = this.constructedFields?.get(this.syn.unparenthesize(a).id);
    if (made) return made.get(field);
    const key = this.syn.accessPath(a);
    return key === undefined ? undefined : (st.get(`${key}.${field}`) ?? undefined);
  }

  /** A call to a function that checks its parameters returned: the variables passed there hold checked values. */
  private applyValidation(callee: { summary: Summary; offset: number }, allArgs: Node[], allTaints: (Taint | undefined)[], st: State): void {
    for (const a of this.argumentsAt(callee, allArgs, allTaints, callee.summary.validates ?? [])) {
      const key = this.syn.accessPath(a);
      if (key !== undefined) st.set(key, null);
    }
  }

  /** The values a call passes at the callee's parameters `params` (keyword arguments by name, their value). */
  private argumentsAt(callee: { summary: Summary; offset: number }, allArgs: Node[], allTaints: (Taint | undefined)[], params: readonly number[]): Node[] {
    const { args } = this.byKeyword(callee, allArgs, allTaints);
    const out: Node[] = [];
    for (const pi of params) {
      let a = args[pi - callee.offset];
      if (a && this.syn.exprKind(typeOf(a)) === 'keyword-argument') a = fieldOf(a, 'value') ?? undefined;
      if (a) out.push(a);
    }
    return out;
  }

  /**
   * A call's arguments by the callee's parameter positions: `name=value` goes to the parameter of that name (the
   * `**kwargs` collector when none has it, nowhere when there is neither), positional ones stay where they are.
   */
  private byKeyword(callee: { summary: Summary; offset: number }, args: Node[], argTaints: (Taint | undefined)[]): { args: Node[]; argTaints: (Taint | undefined)[] } {
    const kw = callee.summary.keywords;
    const spread = (a: Node): boolean => !!this.syn.keywordSpreadTypes?.has(typeOf(a));
    if (!kw || !args.some((a) => this.syn.exprKind(typeOf(a)) === 'keyword-argument' || spread(a))) return { args, argTaints };
    const outArgs: Node[] = [];
    const outTaints: (Taint | undefined)[] = [];
    args.forEach((a, i) => {
      let at = i;
      // `f(**options)`: the mapping may name any parameter.
      if (spread(a)) {
        kw.forEach((name, p) => {
          if (name === null || p < callee.offset) return;
          outArgs[p - callee.offset] ??= a;
          outTaints[p - callee.offset] = union(outTaints[p - callee.offset], argTaints[i]);
        });
        return;
      }
      if (this.syn.exprKind(typeOf(a)) === 'keyword-argument') {
        const name = fieldOf(a, 'name')?.text;
        const p = name === undefined ? -1 : kw.indexOf(name);
        at = (p >= 0 ? p : kw.indexOf('**')) - callee.offset;
        if (at < 0) return;
      }
      outArgs[at] ??= a;
      outTaints[at] = union(outTaints[at], argTaints[i]);
    });
    return { args: outArgs, argTaints: outTaints };
  }

  /**
   * Whether `n` is (the spread of) one of this function's parameters: a runner of lists its callers write (`function
   * git(...args) { spawn('git', args) }`), whose callers' inputs reach it through its summary.
   */
  private isParameter(n: Node, whole: boolean): boolean {
    const text = textOf(this.syn.unparenthesize(n));
    const name = /[A-Za-z_$][\w$]*/.exec(text)?.[0];
    // The list itself, or its words spread into the call (`exec.Command(git, args...)`); not one word of a list.
    const bare = text.replace(/^(\.\.\.|\*+)|\.\.\.$/g, '');
    const around = [textOf(n), n.parent ? textOf(n.parent) : ''];
    const spread = bare !== text || around.some((t) => t === `${text}...` || t === `...${text}` || t === `*${text}`);
    return name !== undefined && bare === name && (whole || spread) && !this.reboundParams.has(name) && this.params.names.some((p) => /[A-Za-z_$][\w$]*/.exec(textOf(p.node))?.[0] === name);
  }

  /** Whether a call matches a sink of the pass's rules that runs a program with an argument list (`argv-options`). */
  private runsProgram(n: Node): boolean {
    for (const { sink } of this.env.pass.index.sinks.candidates(n, this.env.resolve)) if (sink.spec.argvOptions && this.match(sink, n, this.valueOf)) return true;
    return false;
  }

  /** Whether a call is a member call into another file of the workspace (see `UnitEnv.callsWorkspace`). */
  private callsWorkspace(n: Node): boolean {
    if (this.syn.exprKind(typeOf(n)) !== 'call') return false;
    const fn = this.syn.callee(n);
    // A member call, or a call that is its own callee (Java's `Util.clean(x)`).
    return !!fn && (this.syn.exprKind(typeOf(fn)) === 'member' || fn.id === n.id) && !!this.env.callsWorkspace?.(fn);
  }

  /**
   * The sinks matching at `n`; with `implicit`, `n` is an expression-bodied function's body, and the sinks tried are
   * the pass's `return $X` ones with `$X` bound to it (the body is what such a function returns).
   */
  private checkSinks(n: Node, st: State, depth: number, implicit = false): void {
    // Audit: non-constant arguments of this call, reported after its sinks unless a source reached it for the rule.
    let nonConstant: { focus: Node; b: Bindings; rule: number }[] | undefined;
    let traced: Set<number> | undefined;
    let workspace: boolean | undefined;
    const sinks: Iterable<PassSink & { bound?: Bindings }> = implicit ? implicitReturnSinks(this.env.pass, n) : this.env.pass.index.sinks.candidates(n, this.env.resolve);
    for (const { sink, rule, bound } of sinks) {
      const spec = sink.spec;
      // A member call into the workspace's own code is analysed there (its summary), not matched by its names.
      if (!implicit && (workspace ??= this.callsWorkspace(n))) return;
      if (spec.inHandler && !this.params.handlers?.some((h) => spec.inHandler!.includes(h))) continue;
      // The file's imports first: they cost a lookup, a match walks the call.
      if (spec.unlessImport && spec.unlessImport.some((m) => this.env.imported?.(m))) continue;
      if (spec.requiresImport && !spec.requiresImport.some((m) => this.usesLibrary(m))) continue;
      // A sink's options object, client or parser held in a variable of this unit matches as if written in place
      // (`spawn(cmd, opts)` after `const opts = { shell: true }`).
      const b = bound ?? this.match(sink, n, this.valueOf);
      if (!b) continue;
      if (spec.unlessText && unlessRe(spec.unlessText).test(n.text)) continue;
      if (spec.afterText && !unlessRe(spec.afterText).test(this.ownTextBefore(n))) continue;
      if (spec.unlessBefore && this.safeBefore(n, spec.unlessBefore)) continue;
      // A rule asking for its library's import runs in a file without it only for the sinks of other files'
      // functions it calls (their summaries): its own patterns stay off here (`models.Query.search(q)` is no LDAP).
      const ruleImports = this.env.pass.rules[rule]!.spec.requiresImport;
      if (ruleImports.length > 0 && !ruleImports.some((m) => this.usesLibrary(m))) continue;
      if (spec.unlessBound && Object.entries(spec.unlessBound).some(([mv, re]) => {
        const bound = b.get(mv);
        return !!bound && this.valueMatches(bound, unlessRe(re));
      })) continue;
      if (spec.ifBound && !this.boundHolds(b, spec.ifBound)) continue;
      if (spec.rootImport && Object.entries(spec.rootImport).some(([mv, re]) => {
        const root = this.nameAtRoot(b.get(mv));
        const from = root ? this.env.resolve(textOf(root)) : undefined;
        return from !== undefined && !unlessRe(re).test(from);
      })) continue;
      if (spec.template) {
        this.templateSink(n, spec.template, spec.focus, b, st, depth, rule, spec.unescapedEnvironment);
        continue;
      }
      for (const mv of spec.focus) {
        const focus = b.get(mv);
        if (!focus) continue;
        if (spec.reflected && this.syn.notText(focus, this.defOf)) continue;
        if (spec.unlessKeys && this.alternativeKeys(focus).some((k) => spec.unlessKeys!.includes(k))) continue;
        if (spec.wholeValue && this.syn.literalKeys(focus, this.defOf) !== undefined) continue;
        if (spec.unlessValue && this.valueMatches(focus, unlessRe(spec.unlessValue))) continue;
        if (spec.ifValue && !this.valueMatches(focus, unlessRe(spec.ifValue))) continue;
        // A program's argument list: only the words it may read as an option (not `-m msg`, not after `--`).
        const words = spec.argvOptions ? optionWords(this.syn, focus, b) : undefined;
        let t: Taint | undefined;
        if (words) for (const w of words) t = union(t, this.ev(w, st, depth));
        else t = this.ev(focus, st, depth);
        // Audit strictness (issue 15): a sink fed anything but a constant is worth a reviewer's look, traced or not.
        if (this.env.pass.rules[rule]!.audit) {
          if (t?.some((f) => f.origin.kind === 'source')) (traced ??= new Set()).add(rule);
          else if ((words ?? [focus]).some((w) => !this.isConstant(w) && !(spec.argvOptions && this.isParameter(w, !words)))) (nonConstant ??= []).push({ focus, b, rule });
        }
        if (!t) continue;
        const callee = this.syn.callee(n) ?? fieldOf(n, 'left') ?? n;
        const sinkText = this.short(callee);
        // A focus inside an options object held in a variable (matched through it): the sink is this call, and a
        // fix there would edit the variable's definition, which other calls may share.
        const inPlace = focus.startIndex >= n.startIndex && focus.endIndex <= n.endIndex;
        const at = this.sinkRange(n, inPlace ? focus : n);
        const fixes = inPlace ? this.env.buildFixes(this.env.pass.rules[rule]!, n, focus, b, (x) => !!this.ev(x, st, depth)?.some((f) => f.origin.kind === 'source')) : [];
        const sinkStep: TraceStep = { range: at, message: `reaches ${sinkText}`, kind: 'sink' };
        for (const f of t) this.sinkReached(f, [sinkStep], at, sinkText, fixes, rule, spec.constructed);
      }
    }
    for (const c of nonConstant ?? []) if (!traced?.has(c.rule)) this.nonConstantAtSink(n, c.focus, c.b, c.rule);
  }

  /**
   * A render call of a template (`template:` sinks): each context value the template prints raw is a sink. The
   * context is an object or dict (per key: its literal's entries, or the keys tracked for a local holding one), or
   * one keyword argument (`name=value`); a context seen only whole counts whole for every raw key.
   */
  private templateSink(n: Node, viewVar: string, focusVars: readonly string[], b: Bindings, st: State, depth: number, rule: number, envVar: string | undefined): void {
    const view = b.get(viewVar);
    const ref = view && this.templateRef(view);
    if (!ref) return;
    // An environment that autoescapes prints plain `{{ x }}` escaped: there only the raw tags are sinks.
    const env = envVar === undefined ? undefined : envVar === viewVar ? ref.env : b.get(envVar);
    const plainToo = !!env && this.unescapedEnvironment(env);
    const hits = this.env.templateOutputs?.(ref.name)?.filter((h) => plainToo || !h.plain);
    if (!hits?.length) return;
    const byKey = new Map<string, TemplateHit>();
    for (const h of hits) if (!byKey.has(h.key)) byKey.set(h.key, h);
    const sinkText = this.short(this.syn.callee(n) ?? n);
    const reach = (t: Taint | undefined, at: Node, hit: TemplateHit): void => {
      if (!t) return;
      const range = this.range(at);
      const tail: TraceStep[] = [
        { range, message: `passed to ${sinkText} as ${hit.key}`, kind: 'step' },
        { path: hit.path, range: { start: { line: hit.line, character: hit.character }, end: { line: hit.line, character: hit.character + hit.tag.length } }, message: `printed without escaping by ${hit.tag} in ${hit.name}`, kind: 'sink' },
      ];
      for (const f of t) this.sinkReached(f, tail, range, `${hit.tag} in ${hit.name}`, [], rule);
    };
    for (const mv of focusVars) {
      let focus = b.get(mv);
      if (!focus) continue;
      if (this.syn.exprKind(typeOf(focus)) === 'keyword-argument') {
        const key = fieldOf(focus, 'name')?.text;
        const value = fieldOf(focus, 'value');
        const hit = key !== undefined ? byKey.get(key) : undefined;
        if (hit && value) reach(this.ev(value, st, depth), value, hit);
        if (key !== undefined) continue;
        // `**ctx`: the dict spread into the keywords.
      }
      focus = this.syn.unparenthesize(focus);
      for (let i = 0; i < 4; i++) {
        const only = named(focus);
        if (this.syn.accessPath(focus) !== undefined || only.length !== 1 || this.syn.exprKind(typeOf(focus)) !== 'other' || this.syn.literalEntries?.(focus)) break;
        focus = this.syn.unparenthesize(only[0]!);
      }
      const entries = this.syn.literalEntries?.(focus);
      if (entries) {
        for (const e of entries) {
          const hit = byKey.get(e.key);
          if (hit) reach(this.ev(e.value, st, depth), e.value, hit);
        }
        continue;
      }
      const path = this.syn.accessPath(focus);
      const keys = this.syn.literalKeys(focus, this.defOf);
      const whole = this.ev(focus, st, depth);
      for (const [key, hit] of byKey) {
        if (path !== undefined && st.has(`${path}.${key}`)) reach(st.get(`${path}.${key}`) ?? undefined, focus, hit);
        else if (keys === undefined || keys.includes(key)) reach(whole, focus, hit);
      }
    }
  }

  /**
   * Whether a template environment (seen through locals and module values) is a call that does not turn
   * autoescaping on: `Environment(loader=...)`, `Environment(autoescape=False)`; not `autoescape=True` or
   * `autoescape=select_autoescape(...)`.
   */
  private unescapedEnvironment(n: Node): boolean {
    for (let depth = 0; depth < 8; depth++) {
      const inner = this.syn.unparenthesize(n);
      const kind = this.syn.exprKind(typeOf(inner));
      if (kind === 'call') return /(?:^|\.)(?:Sandboxed|ImmutableSandboxed)?Environment$/.test(this.syn.callee(inner)?.text ?? '') && !/\bautoescape\s*=\s*(?!False\b)/.test(inner.text);
      if (kind !== 'identifier') return false;
      const d = this.defOf(inner.text) ?? this.env.moduleValue?.(inner.text);
      if (!d || d.id === inner.id) return false;
      n = d;
    }
    return false;
  }

  /**
   * The template a render names: a constant name or path, or a template loaded by one (`env.get_template('a')`,
   * `pug.compileFile(p)`, `compile(fs.readFileSync(p))`, through locals), with the loader's receiver as `env`.
   */
  private templateRef(n: Node): { name: string; env?: Node } | undefined {
    const name = this.constantPath(n, true);
    if (name !== undefined) return { name };
    for (let depth = 0; depth < 8; depth++) {
      const inner = this.syn.unparenthesize(n);
      const kind = this.syn.exprKind(typeOf(inner));
      if (kind === 'call') {
        const callee = this.syn.callee(inner);
        const last = callee ? /([\w$]+)$/.exec(textOf(callee))?.[1] : undefined;
        if (!last || !this.syn.templateLoaders?.has(last)) return undefined;
        const first = named(fieldOf(inner, 'arguments') ?? inner)[0];
        const loaded = first && this.constantPath(first, true);
        if (loaded === undefined) return undefined;
        const env = callee && this.syn.exprKind(typeOf(callee)) === 'member' ? this.syn.memberObject(callee) ?? undefined : undefined;
        return { name: loaded, ...(env ? { env } : {}) };
      }
      if (kind !== 'identifier') return undefined;
      const d = this.defOf(inner.text) ?? this.env.moduleValue?.(inner.text);
      if (!d || d.id === inner.id) return undefined;
      n = d;
    }
    return undefined;
  }

  /**
   * A path made of constants (through locals): a string, a join (`path.join(__dirname, 'views', 'a.ejs')`,
   * `os.path.join(...)`), a concatenation (`__dirname + '/views/a.ejs'`, `` `${__dirname}/views/a.ejs` ``). The base
   * directory a path starts from, when not a constant, is left out: the template index matches the rest by folder.
   * `read`: a file read (`fs.readFileSync(p, 'utf8')`) stands for the path it reads.
   */
  private constantPath(n: Node, read = false, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    const s = this.constantString(n);
    if (s !== undefined) return s;
    const inner = this.syn.unparenthesize(n);
    const kind = this.syn.exprKind(typeOf(inner));
    if (kind === 'call') {
      const callee = this.syn.callee(inner);
      const last = callee ? /([\w$]+)$/.exec(textOf(callee))?.[1] : undefined;
      const args = named(fieldOf(inner, 'arguments') ?? inner);
      if (read && last && this.syn.fileReads?.has(last)) return args[0] && this.constantPath(args[0], false, depth + 1);
      if (last !== 'join' && last !== 'resolve') return undefined;
      // `path.join(base, 'views', 'a.ejs')`: the base may be unknown (`__dirname`, a settings constant), the rest not.
      const parts = args.map((a, i) => this.constantPath(a, false, depth + 1) ?? (i === 0 ? '' : undefined));
      return parts.length > 0 && parts.every((p) => p !== undefined) ? parts.filter((p) => p !== '').join('/') : undefined;
    }
    if (kind === 'binary') {
      const op = operatorOf(inner);
      const left = fieldOf(inner, 'left');
      const right = fieldOf(inner, 'right');
      if ((op !== '+' && op !== '/') || !left || !right) return undefined;
      const r = this.constantPath(right, false, depth + 1);
      if (r === undefined) return undefined;
      // An unknown left side is a base directory only before a path (`__dirname + '/views/a.ejs'`).
      const l = this.constantPath(left, false, depth + 1) ?? (op === '/' || r.startsWith('/') ? '' : undefined);
      if (l === undefined) return undefined;
      return op === '/' ? `${l}/${r}` : l + r;
    }
    if (kind === 'identifier') {
      const d = this.defOf(inner.text) ?? this.env.moduleValue?.(inner.text);
      return d && d.id !== inner.id ? this.constantPath(d, read, depth + 1) : undefined;
    }
    // `${__dirname}/views/a.ejs`: the template literal's text without its leading interpolation.
    const tpl = /^`\$\{[\w$.]+\}([^`$]*)`$/.exec(textOf(inner));
    return tpl ? tpl[1] : undefined;
  }

  /** A string constant, written in place or the value a local was last assigned. */
  private constantString(n: Node): string | undefined {
    for (let depth = 0; depth < 8; depth++) {
      const inner = this.syn.unparenthesize(n);
      const v = this.syn.stringValue(inner);
      if (v !== undefined) return v;
      if (this.syn.exprKind(typeOf(inner)) !== 'identifier') return undefined;
      const d = this.defOf(inner.text);
      if (!d || d.id === inner.id) return undefined;
      n = d;
    }
    return undefined;
  }

  /** Whether each `if-bound` metavariable (of a sink, sanitizer or guard) is bound, to a text or value its regex matches. */
  private boundHolds(b: Bindings, ifBound: Record<string, string>): boolean {
    return Object.entries(ifBound).every(([mv, re]) => {
      const x = b.get(mv);
      return !!x && this.valueMatches(x, unlessRe(re));
    });
  }

  /** Whether `n`'s text, or that of the value a local variable holding it was last assigned, matches `re`. */
  private valueMatches(n: Node, re: RegExp): boolean {
    // Texts read through the cache: every pass of a scan asks the same of the same nodes.
    for (let depth = 0; depth < 16; depth++) {
      if (re.test(textOf(n))) return true;
      const inner = this.syn.unparenthesize(n);
      if (inner.id !== n.id) n = inner;
      else if (this.syn.exprKind(typeOf(n)) === 'identifier') {
        // A local's last value, else the module's constant (`const HTML = { 'Content-Type': 'text/html' }`).
        const d = this.valueOf(textOf(n));
        if (!d || d.id === n.id) return false;
        n = d;
      } else if (this.env.fieldValue && this.syn.exprKind(typeOf(n)) === 'member') {
        // A receiver's field the constructor assigned once (`self._client`).
        const d = this.env.fieldValue(textOf(n));
        if (!d) return false;
        n = d;
      } else return false;
    }
    return false;
  }

  /**
   * Whether an expression is a constant: literals, and strings, concatenations, parentheses and lists made only
   * of them. Anything else (names, calls, conditionals...) is not. Looks at MAX_CONSTANT_NODES nodes at most.
   */
  private isConstant(n: Node): boolean {
    const todo = [n];
    for (let seen = 0; todo.length; seen++) {
      if (seen >= MAX_CONSTANT_NODES) return false;
      const x = todo.pop()!;
      const kind = this.syn.exprKind(typeOf(x));
      if (kind === 'inert' || kind === 'type') continue;
      // `flag && "--short"`: false or the constant (see `falsyLeftOps`).
      if ((kind === 'binary' || kind === 'logical') && this.syn.falsyLeftOps?.has(operatorOf(x) ?? '')) {
        const right = named(x).at(-1);
        if (right) todo.push(right);
        continue;
      }
      if (kind !== 'parts' && kind !== 'binary' && kind !== 'other') return false;
      todo.push(...named(x));
    }
    return true;
  }

  /** An audit finding for a sink whose argument is not constant and that no traced source reaches (once per sink and rule). */
  private nonConstantAtSink(n: Node, focus: Node, b: Bindings, rule: number): void {
    const range = this.range(focus);
    const key = `${range.start.line}:${range.start.character}:n:${rule}`;
    // Logged like sinkReached's keys, so a top-level statement replayed from the cache agrees.
    if (this.log && !this.log.sinkKeys.has(key)) this.log.sinkKeys.set(key, this.seenSinks.has(key));
    if (this.seenSinks.has(key)) return;
    this.seenSinks.add(key);
    const sinkText = this.short(this.syn.callee(n) ?? fieldOf(n, 'left') ?? n);
    const trace: TraceStep[] = [
      { range, message: `${NON_CONSTANT}: the value is computed here and not traced to any input`, kind: 'source' },
      { range, message: `reaches ${sinkText}`, kind: 'sink' },
    ];
    this.findings.push({ rule, range, label: NON_CONSTANT, sinkText, trace, fixes: this.env.buildFixes(this.env.pass.rules[rule]!, n, focus, b, (x) => !this.isConstant(x)) });
  }

  /**
   * A flow arrived at a sink of the pass's rule `rule`: a finding for sources, a summary entry for parameters.
   * Each rule reports a sink once and keeps at most MAX_FLOWS hits per parameter, as it would in a pass alone.
   */
  private sinkReached(f: Flow, tail: TraceStep[], range: Range, sinkText: string, fixes: Fix[], rule: number, constructed?: boolean, remote?: string): void {
    // An input's field the framework filled itself (Gradio's `file.name`), read on every path here.
    const clean = f.origin.kind === 'source' ? f.origin.cleanFields : undefined;
    if (clean && f.marks?.some((m) => m[0] === '.' && clean.includes(m.slice(1)))) return;
    // An exported function's parameter run as it was given is the function's purpose, not a finding; other input
    // (a request's) is the request rules' to report.
    if (constructed && f.origin.kind === 'source' && (f.origin.input !== 'library' || !f.marks?.includes(CONSTRUCTED))) return;
    const steps = [...f.steps.slice(0, MAX_STEPS), ...tail];
    const key = `${range.start.line}:${range.start.character}:${f.origin.kind === 'param' ? `p${f.origin.index}${fieldReadMark(f) ?? ''}` : 's'}:${rule}${remote ? `:${remote}` : ''}`;
    if (this.log && !this.log.sinkKeys.has(key)) this.log.sinkKeys.set(key, this.seenSinks.has(key));
    if (this.seenSinks.has(key)) return;
    this.seenSinks.add(key);
    if (f.origin.kind === 'source') {
      this.findings.push({ rule, range, label: f.origin.label, ...(f.origin.input ? { input: f.origin.input } : {}), sinkText, trace: steps, fixes });
    } else {
      const list = this.summary.paramSinks.get(f.origin.index) ?? [];
      let kept = 0;
      for (const h of list) if (h.rule === rule) kept++;
      const marks = f.marks?.filter((m) => m[0] === '.' || m[0] === FIELD_READ || (constructed && m === CONSTRUCTED));
      if (kept < MAX_FLOWS) list.push({ steps, range, sinkText, fixes, rule, ...(marks?.length ? { marks } : {}), ...(constructed ? { constructed: true as const } : {}) });
      this.summary.paramSinks.set(f.origin.index, list);
    }
  }
}

const unlessCache = new Map<string, RegExp>();
/**
 * `n`'s text, up to where `end` starts when given, with the functions nested in it that end before that point
 * blanked out (offsets kept): what runs in `n` itself, not elsewhere.
 */
function textOutsideFunctions(n: Node, functionTypes: ReadonlySet<string>, end?: Node): string {
  const start = n.startIndex;
  const stop = end ? end.startIndex : n.endIndex;
  let text = end ? n.text.slice(0, stop - start) : n.text;
  for (const f of n.descendantsOfType([...functionTypes], n.startPosition, end ? end.startPosition : n.endPosition)) {
    if (!f || f.id === n.id || f.endIndex > stop) continue;
    const a = f.startIndex - start;
    const b = f.endIndex - start;
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}

/**
 * Whether the text before `n` in one of the (up to three) expressions enclosing it, its last 200 characters, matches
 * `re` (see `SanitizerSpec.notAfter`): `\`<a href="${` of a template string, `f'<a href="{` of an f-string,
 * `'<a href="' + ` of a concatenation.
 */
function textBeforeMatches(n: Node, re: RegExp): boolean {
  let p = n.parent;
  for (let i = 0; p && i < 3; i++, p = p.parent) {
    const before = p.text.slice(Math.max(0, n.startIndex - p.startIndex - 200), n.startIndex - p.startIndex);
    if (before && re.test(before)) return true;
  }
  return false;
}

function unlessRe(source: string): RegExp {
  let re = unlessCache.get(source);
  // Linear like `where`: it is tested on a sink call's whole text, which hostile input makes huge.
  if (!re) unlessCache.set(source, (re = compileRuleRegex(source)));
  return re;
}

function replaceState(st: State, next: State): void {
  st.clear();
  for (const [k, v] of next) st.set(k, v);
}

/** Deletes the keys under `prefix` (`x.` when `x` is bound anew). */
function dropUnder(st: State, prefix: string): void {
  if (st instanceof LoggedState) {
    for (const [k] of st.prefixed(prefix)) st.delete(k);
  } else for (const k of [...st.keys()]) if (k.startsWith(prefix)) st.delete(k);
}

/**
 * The top level's state, logging what one statement reads and writes: the keys it reads before writing them (with
 * their values, ranges relative to the statement's line), the prefixes it looks through, the value each key had
 * before its first write, and whether it read the whole state (iterated or copied it, or deleted keys: then the key
 * order may change, and lookups depend on it). Iterating it while logging marks the statement as reading it all;
 * `prefixed` reads only the entries under a prefix, through an index of key prefixes.
 */
class LoggedState extends Map<string, Taint | null> {
  private before?: Map<string, Taint | null | undefined>;
  private deleted = false;
  private reads?: Map<string, string>;
  /** Digest of the state before the statement, once it read all of it. */
  private all?: string;
  private line = 0;
  /** Keys per prefix ending in '.' (`a.` and `a.b.` for `a.b.c`). */
  private readonly under = new Map<string, number>();
  private version = 0;
  private digestAt = -1;
  private digestValue = '';

  startLog(line: number): void {
    this.before = new Map();
    this.deleted = false;
    this.reads = new Map();
    this.all = undefined;
    this.line = line;
  }

  /** The statement's writes (every key it wrote, in order of first write), its reads, and the key order if it may have changed. */
  endLog(): { sets: [string, Taint | null][]; order?: string[]; reads: Map<string, string>; all?: string } {
    const sets: [string, Taint | null][] = [];
    for (const [k, was] of this.before ?? []) {
      const now = super.get(k);
      if (now === undefined) continue;
      // A write of the same value counts when only the reads are checked: the key's value before was not read.
      if (was !== now || this.all === undefined) sets.push([k, now]);
    }
    const out = { sets, ...(this.deleted ? { order: [...super.keys()] } : {}), reads: this.reads ?? new Map<string, string>(), ...(this.all !== undefined ? { all: this.all } : {}) };
    this.before = undefined;
    this.reads = undefined;
    this.all = undefined;
    return out;
  }

  /** A key's value as a read records it: 'u' absent, 'n' clean, else its digest with ranges relative to `line`. */
  readDigest(k: string, line: number): string {
    const v = super.get(k);
    return v === undefined ? 'u' : relDigest(v, line);
  }

  /** The entries under `prefix`, in order, as a prefix read records them ('' for none). */
  prefixDigest(prefix: string, line: number): string {
    if (!this.under.get(prefix)) return '';
    const parts: string[] = [];
    for (const [k, v] of super.entries()) if (k.startsWith(prefix)) parts.push(k, relDigest(v, line));
    return createHash('sha1').update(JSON.stringify(parts)).digest('base64');
  }

  /** Digest of the whole state (keys in order, values with their ranges). */
  digest(): string {
    if (this.digestAt !== this.version) {
      this.digestValue = stateDigest(super.entries());
      this.digestAt = this.version;
    }
    return this.digestValue;
  }

  /** The entries under `prefix` (in order), recorded as a read while logging. */
  prefixed(prefix: string): [string, Taint | null][] {
    const out: [string, Taint | null][] = [];
    if (this.under.get(prefix)) for (const [k, v] of super.entries()) if (k.startsWith(prefix)) out.push([k, v]);
    if (this.reads && this.all === undefined && !this.reads.has(`\u0001${prefix}`)) {
      // Keys the statement wrote under the prefix mix its own writes into what it read: count it as reading all.
      let own = false;
      for (const k of this.before!.keys()) if (k.startsWith(prefix)) own = true;
      if (own) this.readAll();
      else this.reads.set(`\u0001${prefix}`, this.prefixDigest(prefix, this.line));
    }
    return out;
  }

  override get(k: string): Taint | null | undefined {
    if (this.reads && this.all === undefined && !this.before!.has(k) && !this.reads.has(k)) this.reads.set(k, this.readDigest(k, this.line));
    return super.get(k);
  }

  override has(k: string): boolean {
    if (this.reads && this.all === undefined && !this.before!.has(k) && !this.reads.has(k)) this.reads.set(k, this.readDigest(k, this.line));
    return super.has(k);
  }

  override set(k: string, v: Taint | null): this {
    if (this.before && !this.before.has(k)) this.before.set(k, super.get(k));
    if (!super.has(k)) this.index(k, 1);
    this.version++;
    return super.set(k, v);
  }

  override delete(k: string): boolean {
    if (!super.has(k)) return false;
    if (this.before) {
      this.readAll();
      if (!this.before.has(k)) this.before.set(k, super.get(k));
      this.deleted = true;
    }
    this.index(k, -1);
    this.version++;
    return super.delete(k);
  }

  override clear(): void {
    if (this.before) {
      this.readAll();
      for (const k of super.keys()) if (!this.before.has(k)) this.before.set(k, super.get(k));
      if (this.size) this.deleted = true;
    }
    this.under.clear();
    this.version++;
    super.clear();
  }

  override entries(): MapIterator<[string, Taint | null]> {
    this.readAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.readAll();
    return super.keys();
  }

  override values(): MapIterator<Taint | null> {
    this.readAll();
    return super.values();
  }

  override forEach(f: (v: Taint | null, k: string, m: Map<string, Taint | null>) => void, self?: unknown): void {
    this.readAll();
    super.forEach(f, self);
  }

  override [Symbol.iterator](): MapIterator<[string, Taint | null]> {
    this.readAll();
    return super.entries();
  }

  /**
   * The statement reads the whole state: records the state's digest before the statement, rebuilt from the keys
   * as they are and the values they had before its writes (no key was deleted yet: `delete` and `clear` call this
   * first, so keys it added are the ones after the others, and skipped).
   */
  private readAll(): void {
    if (!this.reads || this.all !== undefined) return;
    const before = this.before!;
    const input: [string, Taint | null][] = [];
    for (const [k, v] of super.entries()) {
      if (!before.has(k)) input.push([k, v]);
      else {
        const was = before.get(k);
        if (was !== undefined) input.push([k, was]);
      }
    }
    this.all = stateDigest(input);
  }

  private index(k: string, by: number): void {
    for (let i = k.indexOf('.'); i >= 0; i = k.indexOf('.', i + 1)) {
      const p = k.slice(0, i + 1);
      const n = (this.under.get(p) ?? 0) + by;
      if (n) this.under.set(p, n);
      else this.under.delete(p);
    }
  }
}

function stateDigest(entries: Iterable<[string, Taint | null]>): string {
  const parts: string[] = [];
  for (const [k, v] of entries) parts.push(k, valueDigest(v));
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64');
}

const valueDigests = new WeakMap<Flow[], string>();

/** A taint value as a string: equal strings, equal values (origins, trace steps and their ranges). */
function valueDigest(v: Taint | null): string {
  if (v === null) return 'n';
  let d = valueDigests.get(v);
  if (d === undefined) valueDigests.set(v, (d = createHash('sha1').update(JSON.stringify(v)).digest('base64')));
  return d;
}

const relDigests = new WeakMap<Flow[], { line: number; d: string }>();

/**
 * A taint value as a string with its in-file ranges counted from `line` (steps with a `path` are another file's
 * and do not move): equal at lines L and L + d when every in-file range moved by d.
 */
function relDigest(v: Taint | null, line: number): string {
  if (v === null) return 'n';
  const hit = relDigests.get(v);
  if (hit && hit.line === line) return hit.d;
  const rel = (r: Range): Range => ({ start: { line: r.start.line - line, character: r.start.character }, end: { line: r.end.line - line, character: r.end.character } });
  const json = JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && 'range' in x && !(x as { path?: string }).path ? { ...x, range: rel((x as { range: Range }).range) } : x));
  const d = createHash('sha1').update(json).digest('base64');
  relDigests.set(v, { line, d });
  return d;
}

/** Records what an entry wrote as possibly changed (see `TopChanges`). */
function markWrites(changes: TopChanges, e: StatementEntry): void {
  // Deleted keys: the key order after it may differ, which whole-state and prefix reads see.
  if (e.order) changes.full = true;
  for (const [k] of e.sets) markKey(changes, k);
  for (const [name] of e.defsOut) changes.defs.add(name);
}

function markKey(changes: TopChanges, k: string): void {
  changes.keys.add(k);
  for (let i = k.indexOf('.'); i >= 0; i = k.indexOf('.', i + 1)) changes.prefixes.add(k.slice(0, i + 1));
}

const inFileRanges = new WeakMap<Flow[], boolean>();

/** Whether a taint value has a range in this file (a step without `path`): read from a moved line, it reads differently. */
function hasInFileRange(v: Taint): boolean {
  let r = inFileRanges.get(v);
  if (r === undefined) inFileRanges.set(v, (r = v.some((f) => f.steps.some((x) => !x.path))));
  return r;
}

/** A range moved by `delta` lines. */
function shiftRange(r: Range, delta: number): Range {
  return { start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } };
}

function shiftSteps(steps: TraceStep[], delta: number): TraceStep[] {
  return steps.map((s) => (s.path ? s : { ...s, range: shiftRange(s.range, delta) }));
}

function shiftTaint(t: Taint, delta: number): Taint {
  return t.map((f) => ({ ...f, steps: shiftSteps(f.steps, delta) }));
}

/** A sink key (`<line>:<character>:...`, see `sinkReached`) moved by `delta` lines. */
function shiftSinkKey(k: string, delta: number): string {
  const c = k.indexOf(':');
  return `${Number(k.slice(0, c)) + delta}${k.slice(c)}`;
}

/** A dependency key moved by `delta` lines: inline functions are named by their line (`i:<line>:<column>`). */
function shiftDepKey(k: string, delta: number): string {
  if (!k.startsWith('i:')) return k;
  const c = k.indexOf(':', 2);
  return `i:${Number(k.slice(2, c)) + delta}${k.slice(c)}`;
}

/** A dependency value moved by `delta` lines: a summary's value starts with its unit's line (`<line>|<digest>`). */
function shiftDepValue(v: string, delta: number): string {
  const bar = v.indexOf('|');
  if (bar <= 0 || !/^\d+$/.test(v.slice(0, bar))) return v;
  return `${Number(v.slice(0, bar)) + delta}${v.slice(bar)}`;
}

/** Statement entries moved to another line (see `shiftEntry`), over every analyzer of the process. */
export const shiftStats = { entriesShifted: 0 };

/**
 * Each statement entry's last shift (to the line `line`), kept with it: the rounds of a pass, and the runs of the
 * top level in them, mostly forward the same entry, so a paste moved it once per pass and round. An entry is
 * never written after it is made, so the moved copy is one value whoever reads it.
 */
const lastShift = new WeakMap<StatementEntry, StatementEntry>();

/**
 * A statement entry replayed `delta` lines from where it was recorded: valid when what it read moved alike (its
 * reads are relative, its sinks and callee summaries were checked moved), so every in-file range of what it did
 * moves by `delta` (as `shiftUnit` moves a unit's result).
 */
function shiftEntry(e: StatementEntry, delta: number): StatementEntry {
  const hit = lastShift.get(e);
  if (hit && hit.line === e.line + delta) return hit;
  const moved = shiftEntryNow(e, delta);
  lastShift.set(e, moved);
  return moved;
}

function shiftEntryNow(e: StatementEntry, delta: number): StatementEntry {
  shiftStats.entriesShifted++;
  const fixes = (list: Fix[]): Fix[] => list.map((f) => ({ ...f, edits: f.edits.map((x) => ({ ...x, range: shiftRange(x.range, delta) })) }));
  const positional = (m: ReadonlyMap<string, string>): boolean => {
    for (const [k, v] of m) if (shiftDepKey(k, delta) !== k || shiftDepValue(v, delta) !== v) return true;
    return false;
  };
  return {
    ...e,
    line: e.line + delta,
    deps: positional(e.deps) ? new Map([...e.deps].map(([k, v]) => [shiftDepKey(k, delta), shiftDepValue(v, delta)])) : e.deps,
    sinkKeys: e.sinkKeys.size ? new Map([...e.sinkKeys].map(([k, v]) => [shiftSinkKey(k, delta), v])) : e.sinkKeys,
    findings: e.findings.length ? e.findings.map((f) => ({ ...f, range: shiftRange(f.range, delta), trace: shiftSteps(f.trace, delta), fixes: fixes(f.fixes) })) : e.findings,
    returns: e.returns.length ? e.returns.map((r) => ({ t: shiftTaint(r.t, delta), range: shiftRange(r.range, delta) })) : e.returns,
    sets: e.sets.some(([, v]) => v) ? e.sets.map(([k, v]) => [k, v && shiftTaint(v, delta)]) : e.sets,
  };
}

/** A definition as what lookups of it see (`notText`, `literalKeys` read its structure, never its place). */
function defDigest(n: Node | undefined): string {
  return n ? `${typeOf(n)}:${createHash('sha1').update(textOf(n)).digest('base64')}${errorShape(n)}` : '';
}

/** The node of `type` spanning exactly `start`..`end` under `root` (a definition recorded by offsets). */
function findNode(root: Node, start: number, end: number, type: string): Node | undefined {
  let n: Node | null = root.descendantForIndex(start, end);
  while (n && n.startIndex === start && n.endIndex === end && n.type !== type) n = n.parent;
  return n && n.type === type && n.startIndex === start && n.endIndex === end ? n : undefined;
}

/** `req.query` read as `req.query.id`: the source's label grows to name the exact input. */
function extendLabel(t: Taint, from: Node, to: Node, lines: LineIndex): Taint {
  return t.map((f) => {
    if (f.origin.kind !== 'source' || f.steps.length !== 1 || f.origin.label !== textOf(from).replace(/\s+/g, ' ')) return f;
    const label = textOf(to).replace(/\s+/g, ' ');
    if (label.length > 60 || label.includes('\n')) return f;
    const first = f.steps[0]!;
    return {
      origin: { ...f.origin, label },
      steps: [{ ...first, range: { start: first.range.start, end: lines.positionAt(to.endIndex) }, message: sourceMessage(label, f.origin.input) }],
    };
  });
}

/** Destructuring `const { id } = req.query` names the source `req.query.id`. */
function relabel(t: Taint | undefined, value: Node | undefined, key: string | undefined): Taint | undefined {
  if (!t || !value || !key) return t;
  return t.map((f) => {
    if (f.origin.kind !== 'source' || f.steps.length !== 1 || f.origin.label !== value.text.replace(/\s+/g, ' ')) return f;
    const label = `${f.origin.label}.${key}`;
    return { origin: { ...f.origin, label }, steps: [{ ...f.steps[0]!, message: sourceMessage(label, f.origin.input) }] };
  });
}

/** A rule pattern's match at `n`, its `where` constraints holding; what every pattern of a pass is matched with. */
export function matchCompiled<T extends { pattern: string }>(c: Compiled<T>, n: Node, resolve: CanonicalResolver, valueOf?: ValueOf): Bindings | undefined {
  // Called for every pattern that may apply at every node: most fail on shape, so nothing is allocated first.
  const b = matchPattern(c.pattern, n, resolve, undefined, undefined, valueOf);
  if (!b) return undefined;
  if (whereHolds(c.where, b)) return b;
  // The first binding broke a constraint: match again checking them as metavariables bind, so that `{ $K }` with
  // `$K: '^filter$'` tries every entry of an object (only then: most matches fail on shape, with no constraint).
  const again = matchPattern(c.pattern, n, resolve, undefined, c.where, valueOf);
  return again && whereHolds(c.where, again) ? again : undefined;
}

type SourceItem = Compiled<CompiledRule['sources'][number]['spec']>;

/**
 * Sources of `passes` that match somewhere in a file, enough to tell for each pass whether it has one
 * (`passHasSource`): each tried, as `sourceAt` tries it, at the nodes of the types the passes' indexes list it under
 * (`walk`: visits the file's nodes of any of those types, in any order, until its visitor returns true), with each
 * name resolver a unit of the file has, where its `requires-import` holds (`imported`). A source not returned matches
 * at no node (so no unit of any pass meets it, whatever the state: `sourceAt` matches on the node alone), or was not
 * needed: the walk stops once every pass has a source found. One walk for all passes, through one index of their
 * sources: whether a pattern is a candidate at a node does not depend on the other patterns of an index.
 */
export function matchingSources(
  passes: readonly Pass[],
  walk: (types: readonly string[], visit: (n: Node) => boolean) => void,
  resolvers: readonly CanonicalResolver[],
  imported: (module: string) => boolean,
): Set<SourceItem> {
  const found = new Set<SourceItem>();
  const all = sourceIndexOf(passes);
  if (!all) return found;
  // The passes with a source to find (one with none can never have one): the walk ends when none is left.
  const waiting = new Set(passes.filter((p) => p.index.sources.types().length > 0));
  const add = (src: SourceItem): boolean => {
    found.add(src);
    for (const p of waiting) if (passHasSource(p, found)) waiting.delete(p);
    return waiting.size === 0;
  };
  // `requires-import` is checked per source when it is a candidate (the index is shared by files with any imports).
  const allowed = new Map<SourceItem, boolean>();
  const ok = (src: SourceItem): boolean => {
    let a = allowed.get(src);
    if (a === undefined) allowed.set(src, (a = sourceImportsOk(src, imported)));
    return a;
  };
  // One walk for every type (a walk per type read the whole tree once per type).
  walk(all.types(), (n) => {
    for (const r of resolvers) {
      for (const src of all.candidates(n, r)) if (!found.has(src) && ok(src) && matchCompiled(src, n, r) && add(src)) return true;
    }
    return false;
  });
  return found;
}

/**
 * Whether some source of `index` that `keep` accepts matches at a node of `types` (visited by `walk`) under one of `resolvers`, by
 * `matchingSources`'s test (the same `requires-import` check and `matchCompiled`), stopping at the first. A one-shot scan asks it before
 * grouping a file's rules into passes: no match, no flow can start (see `TaintAnalyzer.sourcelessPasses`).
 */
export function someSourceMatches(
  index: PatternIndex<SourceItem>,
  types: readonly string[],
  walk: (types: readonly string[], visit: (n: Node) => boolean) => void,
  resolvers: readonly CanonicalResolver[],
  imported: (module: string) => boolean,
  keep: (src: SourceItem) => boolean,
): boolean {
  const tried = new Map<SourceItem, boolean>();
  const ok = (src: SourceItem): boolean => {
    let a = tried.get(src);
    if (a === undefined) tried.set(src, (a = keep(src) && sourceImportsOk(src, imported)));
    return a;
  };
  let found = false;
  walk(types, (n) => {
    for (const r of resolvers) {
      for (const src of index.candidates(n, r)) if (ok(src) && matchCompiled(src, n, r)) return (found = true);
    }
    return false;
  });
  return found;
}

/**
 * The sources of `index` that `keep` accepts and that match at some node of `types` (visited by `walk`) under one of
 * `resolvers`, by `someSourceMatches`' test; the walk stops once every kept source is found.
 */
export function sourcesMatching(
  index: PatternIndex<SourceItem>,
  types: readonly string[],
  walk: (types: readonly string[], visit: (n: Node) => boolean) => void,
  resolvers: readonly CanonicalResolver[],
  imported: (module: string) => boolean,
  keep: ReadonlySet<SourceItem>,
): Set<SourceItem> {
  const found = new Set<SourceItem>();
  const tried = new Map<SourceItem, boolean>();
  const ok = (src: SourceItem): boolean => {
    let a = tried.get(src);
    if (a === undefined) tried.set(src, (a = keep.has(src) && sourceImportsOk(src, imported)));
    return a;
  };
  walk(types, (n) => {
    for (const r of resolvers) {
      for (const src of index.candidates(n, r)) if (!found.has(src) && ok(src) && matchCompiled(src, n, r)) found.add(src);
    }
    return found.size === keep.size;
  });
  return found;
}

type SinkItem = Compiled<CompiledRule['sinks'][number]['spec']>;

/** Per rule, the index of its sinks as a pass indexes them (`passOf`: same types, a variable not ruled out). */
const ruleSinkIndexes = new WeakMap<CompiledRule, PatternIndex<SinkItem>>();

/**
 * Whether a sink of `rule` may match at a node of the file (`walk`: visits the nodes of the given types until its
 * visitor returns true) under one of `resolvers`: false only where `checkSinks` would match none of them at any
 * node, whatever a unit's state. A sink is tried as `checkSinks` tries it, with one difference: where the match
 * would follow a variable to its value (`ValueOf`, which depends on the unit), this says it may match. A `template:`
 * sink (matched through another file) always may. A one-shot scan asks it of a `library-input` rule whose sink
 * words are in the file's code (`re.compile` holds the word of `compile(...)`): no sink, no finding.
 */
export function someSinkMayMatch(
  rule: CompiledRule,
  walk: (types: readonly string[], visit: (n: Node) => boolean) => void,
  resolvers: readonly CanonicalResolver[],
  may?: (p: PassPattern) => boolean,
): boolean {
  if (rule.sinks.some((s) => s.spec.template)) return true;
  // The sinks a pass would index on this file (`passOf` leaves out those `may` rejects: they never match there).
  const kept = may ? rule.sinks.filter((s) => may(sinkPart(s))) : rule.sinks;
  if (kept.length === 0) return false;
  const types = (p: CompiledPattern): string[] => (p.root.dotted ? [p.root.type, ...rule.module.nameTypes] : [p.root.type]);
  let index = kept.length === rule.sinks.length ? ruleSinkIndexes.get(rule) : undefined;
  if (!index) {
    index = new PatternIndex(kept, (s) => s.pattern, (s) => types(s.pattern), true);
    if (kept.length === rule.sinks.length) ruleSinkIndexes.set(rule, index);
  }
  let followed = false;
  const valueOf: ValueOf = () => {
    followed = true;
    return undefined;
  };
  let found = false;
  walk(index.types(), (n) => {
    for (const r of resolvers) {
      for (const sink of index.candidates(n, r)) {
        followed = false;
        if (matchCompiled(sink, n, r, valueOf) || followed) return (found = true);
      }
    }
    return false;
  });
  return found;
}

const passIds = new WeakMap<Pass, number>();
let nextPassId = 0;
function passId(p: Pass): number {
  let id = passIds.get(p);
  if (id === undefined) passIds.set(p, (id = nextPassId++));
  return id;
}

/** The index of every source of a list of passes, by the types their own indexes list it under; shared by files. */
const sourceIndexes = new Map<string, PatternIndex<SourceItem> | undefined>();
function sourceIndexOf(passes: readonly Pass[]): PatternIndex<SourceItem> | undefined {
  // By the passes' identities (`passOf` caches them): a key alone does not name the language rules were compiled for.
  const key = passes.map(passId).join(',');
  if (sourceIndexes.has(key)) return sourceIndexes.get(key);
  const typesOf = new Map<SourceItem, string[]>();
  for (const p of passes) {
    const index = p.index.sources;
    for (const t of index.types()) {
      for (const src of index.ofType(t)) {
        const list = typesOf.get(src);
        if (!list) typesOf.set(src, [t]);
        else if (!list.includes(t)) list.push(t);
      }
    }
  }
  const all = typesOf.size === 0 ? undefined : new PatternIndex([...typesOf.keys()], (src) => src.pattern, (src) => typesOf.get(src)!);
  // Bounded: one entry per set of passes met, over a long editor session.
  if (sourceIndexes.size >= 256) sourceIndexes.clear();
  sourceIndexes.set(key, all);
  return all;
}

/** Whether a pattern's receiver chain starts at a metavariable (`$E.name`, `$Z.$M(...)`). */
const metaRooted = (source: string): boolean => /^\$[A-Z_][A-Z0-9_]*\./.test(source);

/** A source's `requires-import`: none, or the file imports one of the modules. One test for `sourceAt` and `matchingSources`. */
function sourceImportsOk(src: SourceItem, imported: (module: string) => boolean): boolean {
  return !src.spec.requiresImport || src.spec.requiresImport.some(imported);
}

/** Whether the pass has a source among `found` (see `matchingSources`). */
export function passHasSource(pass: Pass, found: ReadonlySet<SourceItem>): boolean {
  const index = pass.index.sources;
  return found.size > 0 && index.types().some((t) => index.ofType(t).some((src) => found.has(src)));
}

/** Per pass and function name: whether the pass's sanitizers include that function's call (`repr(...)`). */
const conversionCache = new WeakMap<Pass, Map<string, boolean>>();

/**
 * Whether `name(...)`, a call with any arguments, is a sanitizer of every rule of the pass: taint is shared by
 * the pass's rules (the word filter keeps such patterns, `LanguageModule.conversionNames`, so the rules of one pass
 * agree on them).
 */
function conversionSanitizes(pass: Pass, name: string): boolean {
  let byName = conversionCache.get(pass);
  if (!byName) conversionCache.set(pass, (byName = new Map()));
  let yes = byName.get(name);
  if (yes === undefined) {
    yes = pass.rules.every((r) => r.sanitizers.some((s) => s.spec.pattern.replace(/\s+/g, '') === `${name}(...)`));
    byName.set(name, yes);
  }
  return yes;
}

/** Per pass, its sinks that are a bare `return $X`, with the metavariable (see `implicitReturnSinks`). */
const returnSinkCache = new WeakMap<Pass, { sink: PassSink; mv: string }[]>();

/**
 * The `return $X` sinks of `pass` with `$X` bound to `body`, an expression-bodied function's body, where their
 * `where` holds. Every sink of the pass's rules, not only those the file's words kept: such a body has no `return`
 * word (the rules are in the pass key, so the result still depends on the key alone).
 */
function implicitReturnSinks(pass: Pass, body: Node): (PassSink & { bound: Bindings })[] {
  let list = returnSinkCache.get(pass);
  if (!list) {
    list = pass.rules.flatMap((r, rule) =>
      r.sinks.flatMap((sink) => {
        const m = /^return\s+(\$[A-Z_][A-Z0-9_]*)\s*;?$/.exec(sink.spec.pattern.trim());
        return m ? [{ sink: { sink, rule }, mv: m[1]! }] : [];
      }),
    );
    returnSinkCache.set(pass, list);
  }
  const out: (PassSink & { bound: Bindings })[] = [];
  for (const { sink, mv } of list) {
    const bound: Bindings = new Map([[mv, body]]);
    if (whereHolds(sink.sink.where, bound)) out.push({ ...sink, bound });
  }
  return out;
}

/** Whether every `where` constraint holds for the metavariables a match bound. */
function whereHolds(where: readonly (readonly [string, RegExp])[], b: Bindings): boolean {
  for (const [mv, re] of where) {
    const bound = boundText(b, mv);
    if (bound === undefined || !re.test(bound)) return false;
  }
  return true;
}

/** State key of an expression that is not an access path (a call), for guards on it: its text, spaces dropped. */
function guardedExprKey(n: Node): string {
  return `\0${n.text.replace(/\s+/g, '')}`;
}

function isGuardedExprKey(k: string): boolean {
  return k.charCodeAt(0) === 0;
}

/** Whether a state key is a field's access path (`req.url`, `self.x`): absent, it reads its object's taint. */
function isFieldKey(k: string): boolean {
  return !isGuardedExprKey(k) && k.includes('.');
}
