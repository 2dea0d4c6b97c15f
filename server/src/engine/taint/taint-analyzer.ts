/**
 * The taint pack as an Analyzer. Per document: find the units (functions and the top level), the imports and
 * the framework handlers; then, per rule, compute function summaries to a fixpoint and collect findings.
 *
 * Incremental: each unit's result is cached under a key made of what it depends on in its own file (rule, unit
 * text, start column, role, file context), together with the summaries of the callees it consulted. A result is
 * reused when those summaries are unchanged, moved by whole lines when the unit moved (its text is the same, so
 * all its ranges move alike). An edit therefore re-analyses the edited units and the callers of any unit whose
 * summary changed; the result is by construction what a full run gives.
 *
 * Cross-file: `summarizeExports(doc)` gives the summaries of a file's exported functions; hand an `ExportIndex`
 * to `setExportIndex` and calls to imported functions (relative imports, or qualified names for languages with
 * `qualifiedModules`) use them.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve as resolvePath } from 'node:path';
import { Parser, type Node, type Tree } from 'web-tree-sitter';
import { drain, type AnalysisContext, type Analyzer, type AnalyzerSession, type RuleInfo } from '../analyzer';
import type { RuleLoadError } from '../analyzers';
import type { SourceDocument } from '../document';
import { classifyPath } from '../path-class';
import { ImportReads } from './import-reads';
import { detached, diffSpan, type LineIndex, type TextSpan } from '../text';
import { EMITTED_SUFFIXES, MODULE_SUFFIXES, TAINT_GRAMMARS, type GrammarId } from '../languages';
import { parseBudget, type GrammarRegistry } from '../parser';
import { boundText, canonicalModule, type CanonicalResolver, emptyNodeCache, fieldOf, isWorkspaceModule, kids, matchPattern, namedKids, PATH_ALIAS, type NodeCacheScope, resetNodeCache, swapNodeCache, textOf, typeOf } from '../patterns/pattern';
import { eachNodeOfType } from '../patterns/tree-walk';
import { compileRuleRegex, escapeRegExp, searchableAnywhere } from '../regex-guard';
import type { Finding, Fix, Range, TextEdit, TraceStep } from '../types';
import { analyzeTopLevel, analyzeUnit, BudgetExceeded, errorShape, mergeSummaries, NON_CONSTANT, tableEntries, matchCompiled, RECEIVER_FIELD, requestFieldKey, matchingSources, passHasSource, passOf, remoteSinkOf, shiftStats, someSinkMayMatch, someSourceMatches, sourcesMatching, spliceNested, type ParamSource, type Pass, type SinkHit, type Span, type FixBuilder, type Flow, type RawTaintFinding, type Taint, type StatementEntry, type Summary, type TopLevelCache, type TopMark, type TopStatement, type UnitEnv, type UnitParams } from './dataflow';
import { paramSource, type InputKind } from './input-kind';
import type { ClassInstances, LanguageModule } from './lang';
import { METHOD_OF_PACKAGE, type RouteRegistration } from './lang/language';
import { buildFixes, importListDep, suppressFix } from './fixes';
import { newPatternUnitCache, patternRuleMayApply, patternRulePathApplies, runPatternRules, type PatternUnitCache } from './pattern-rules';
import { compileFor, patternWords, taintLanguageOf, type CompiledLanguage, type CompiledRule, type PassPattern, type TaintRuleSet } from './rule-set';
import type { FixStrategy, TaintRuleSpec } from './rule-schema';
import { TextWords } from './text-words';
import { collaboratorNames, isAppMethodName, ROLE_CALLED, roleOf } from './app-method-names';
import { fileSources, keptIndex, occurringSources, ruleSourceAmong, sourceUnion } from './one-shot';
import { mayRenderTemplate, type TemplateHit, type TemplateIndex } from '../templates/template-index';
import { WorkspaceTemplates } from '../templates/workspace-templates';

/** A serialisable summary of one exported function, for one rule (its own sinks only). */
export interface ExportRuleSummary {
  paramReturns: number[];
  /** Marks a returned parameter carries at every return (see `Summary.returnMarks`), when any. */
  returnMarks?: { param: number; marks: string[] }[];
  /** Parameters it checks on every normal return (see `Summary.validates`), when any. */
  validates?: number[];
  /** Parameters it checks wherever it returns a truthy value (see `Summary.predicate`), when any: `isLocalPath(next)`. */
  predicate?: number[];
  /** Parameters it raises an exception with (see `Summary.paramRaises`), with the steps to the raise, when any. */
  paramRaises?: { param: number; steps: TraceStep[] }[];
  /** `constructed`: the sink takes exported functions' parameters only built into a string (`SinkSpec.constructed`). */
  paramSinks: { param: number; sinkText: string; range: Range; steps: TraceStep[]; marks?: string[]; constructed?: true }[];
  sourceReturns: { label: string; input?: InputKind; steps: TraceStep[]; marks?: string[] }[];
  /** A constructor's or setter's parameters it stores in the receiver's fields (see `Summary.fieldWrites`), when any. */
  fieldStores?: { field: string; param: number }[];
  /** A method's sinks reached from a receiver's field it reads and does not assign (`RECEIVER_FIELD`), when any. */
  fieldSinks?: { field: string; sinkText: string; range: Range; steps: TraceStep[]; marks?: string[]; constructed?: true }[];
  /** The receiver's fields a method returns (read, not assigned by it), when any. */
  fieldReturns?: string[];
  /**
   * The parameters (`param`) or sources (`label`, `input`, with the steps from it) it returns in fields of the object
   * it returns (see `Summary.returnFields`), when any.
   */
  returnFields?: ({ field: string; marks?: string[] } & ({ param: number } | { label: string; input?: InputKind; steps: TraceStep[] }))[];
}

/**
 * The module and name an import's canonical name stands for (`.config.Config`, `./store.UserStore`), or undefined
 * for a module imported whole. `from . import DocIndex` (`.DocIndex`) names the package itself (`.`, `..`), whose
 * `__init__.py` may re-export it.
 */
function importedName(canon: string): { module: string; name: string } | undefined {
  const dot = canon.lastIndexOf('.');
  if (dot > 0 && canon[dot - 1] !== '.') return { module: canon.slice(0, dot), name: canon.slice(dot + 1) };
  return /^\.+\w+$/.test(canon) ? { module: canon.slice(0, dot + 1), name: canon.slice(dot + 1) } : undefined;
}

/** A package's re-exporting module: Python's `__init__.py`, whose imports are its names. */
const PY_PACKAGE_FILE = /(?:^|[\\/])__init__\.pyi?$/;

/** The names a file re-exports from other modules of the workspace (see `ExportSummary.reexport`). */
function reexportsOf(path: string, ctx: FileContext, syn: LanguageModule, root: Node): ExportSummary[] {
  const out: ExportSummary[] = [];
  if (PY_PACKAGE_FILE.test(path)) {
    for (const [local, canon] of ctx.imports) if (!local.startsWith('*') && isWorkspaceModule(canon) && canon.lastIndexOf('.') > 0) out.push({ path, name: local, rules: {}, reexport: canon });
  }
  if (syn.reExportsOf) for (const stmt of root.namedChildren) for (const [name, canon] of stmt ? syn.reExportsOf(stmt) : []) if (isWorkspaceModule(canon)) out.push({ path, name, rules: {}, reexport: canon });
  return out;
}

/** Whether a function of another file may return input of its own for a rule: a source's, or in a field of its result. */
function returnsInput(r: ExportRuleSummary | undefined): boolean {
  return !!r && (r.sourceReturns.length > 0 || !!r.returnFields?.some((f) => !('param' in f)));
}

/**
 * A call passing a handler's request (or a helper's parameter standing for it) to a function of another file:
 * `parseBody(event)` with `parseBody` imported from `./util` is module `./util`, name `parseBody`, index 0, alias
 * `lambda_event`. The workspace scan gathers these (pass 0) so that function's parameter stands for the same request
 * when its file is summarised (`IncomingRequestParams`): what it returns of the request is then input.
 */
export interface RequestArgument {
  /** The module as the importing file's imports resolve it (a specifier: `./util`, Python `.util`). */
  module: string;
  name: string;
  index: number;
  alias: string;
}

/** Per module-level function of a file (by name), the request aliases other files' calls pass it, by parameter index. */
export type IncomingRequestParams = ReadonlyMap<string, ReadonlyMap<number, string>>;

/** What other files of a workspace scan say of a file's functions (pass 0's answers, resolved to the file). */
export interface IncomingFacts {
  /** The requests other files' calls pass them (`IncomingRequestParams`). */
  aliases?: IncomingRequestParams;
  /**
   * Per view function or class (by name), the URL parameters every route of another file that leads to it converts
   * to a number, a UUID or a slug (Django's `path("b/<int:pk>/", views.detail)`): no text of the client's choosing.
   */
  converted?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What a scan's second pass knows of the requests other files pass a file's functions (`setIncomingRequests`). */
export interface IncomingRequests {
  facts: IncomingFacts;
  /** The files of those calls (relative to the root), by the function called. */
  callers: readonly (readonly [name: string, file: string])[];
}

/**
 * A function (by its lines) and its parameters that stand for a request another file's call passes: to it by name
 * (`called`), or through a function of this file that is so called.
 */
interface RequestsFromElsewhere {
  startLine: number;
  endLine: number;
  names: string[];
  called?: string;
}

/** What an exported function of a file does with its parameters, per rule id. */
export interface ExportSummary {
  /** Absolute path of the file that exports it. */
  path: string;
  name: string;
  rules: Record<string, ExportRuleSummary>;
  /**
   * The qualified modules it is known by, for languages whose imports name classes or packages (Java
   * `com.acme.Db`; Go its directory, and the import path the scan reads from go.mod).
   */
  modules?: string[];
  /** The keyword each parameter is passed by, where calls have keyword arguments (`LanguageModule.paramKeywords`). */
  keywords?: (string | null)[];
  /** Each parameter's declared type (null: none), when one has one: a handler registered in another file skips safe types. */
  types?: (string | null)[];
  /**
   * A method of this exported class (`name` is `<class>.<method>`), called on an instance of it in other files (see
   * `ClassInstances`).
   */
  className?: string;
  /** The class is the module itself (`ClassInstances.moduleClass`): an importer's name for the module is the class. */
  moduleClass?: true;
  /** The module is an instance of the class (`ClassInstances.moduleInstance`): an importer's name for it is one. */
  moduleInstance?: true;
  /** The module is this function (`ClassInstances.moduleFunction`): an importer's name for the module calls it. */
  moduleFunction?: true;
  /** Module-level names holding an instance of the class (`ClassInstances.exportedInstances`), which importers import. */
  instanceNames?: string[];
  /** The method's first parameter is its receiver (Python's `self`): a call's first argument is its second parameter. */
  receiverParam?: true;
  /**
   * A registry entry the file assigns an instance to (`app.ctx.products = ProductService(pool)`,
   * `app["upstream"] = UpstreamClient(s)`): the class as written, under `HELD_ENTRY` + the entry's name (see
   * `ExportIndex.heldNames`).
   */
  heldClass?: string;
  /**
   * With a `REQUEST_WRITE` name (`<prefix><alias>\0<path>`): what the file's functions (middleware) store from input
   * at that path of a request or request-scoped store (`Summary.fieldWrites` under `requestFieldKey`), in `rules`'
   * `sourceReturns`, and the functions that store it. Another file's handler reading the path reads it (see
   * `ExportIndex.requestWrites`).
   */
  requestWriters?: string[];
  /**
   * A validating schema (a form, serializer, pydantic model, DTO or zod schema; not a function: `rules` is empty), with
   * its typed fields (`LanguageModule.typedFields`): importers read them off its validated data. Held in an
   * importer's `imported` under `TYPED_FIELDS_KEY`.
   */
  typedFields?: string[];
  /**
   * A class whose generated constructor stores its arguments in fields (a dataclass, a pydantic model; see
   * `LanguageModule.recordFields`), with them in order: importers construct it. Held under `TYPED_FIELDS_KEY` too.
   */
  recordFields?: string[];
  /**
   * A name the file re-exports from another module of the workspace (`name` as importers use it, `*` for all): the
   * canonical `module.name` it stands for (the module alone for `*`). A package's `__init__.py` re-exports what it
   * imports; JS/TS `export { f } from './m'`, `export * from './m'`. `buildExportIndex` replaces it by what it names.
   */
  reexport?: string;
  /**
   * A function of an exported table of functions (`STEP_HANDLERS = { http: httpStep }`, `ACTIONS = {"ping": ping}`):
   * the table's name and this entry's key (`name` is `<table>[<key>]`). An importer's `STEP_HANDLERS[step.type](step)`
   * runs the entries its key may pick (`UnitEnv.importedTable`).
   */
  table?: { name: string; key: string };
  /**
   * With the name `LIBRARIES_ENTRY`: the libraries this file imports that a taint rule's or sink's `requires-import`
   * names, and none of its summarised functions reaches a sink of. An importer uses them through this module (`db.js`
   * exports a SQLite database, `ldap.py` connects with ldap3), so their sinks hold there too (see
   * `UnitEnv.importedThrough`).
   */
  libraries?: string[];
  /**
   * A module-level type alias (`SessionDep = Annotated[Session, Depends(get_db)]`), its text: an importer's handler
   * parameter of that type is read as the alias says (here, a dependency the framework injects, not input).
   */
  typeAlias?: string;
}

/** The name of a module's `libraries` entry: no function is named so. */
const LIBRARIES_ENTRY = '\u0001libraries';

/** The key prefix in an importer's `imported` of a library its workspace imports use (`ExportSummary.libraries`). */
const LIBRARY_KEY = '\u0001L:';

/**
 * The prefix of a schema's or record class's key in `imported` (see `ExportSummary.typedFields`, `recordFields`): no
 * callee's name can start so.
 */
const TYPED_FIELDS_KEY = '\u0001F:';

/** The key prefix of an export in an importer's `imported`: a class read or constructed by its fields is no callee. */
function importedKeyPrefix(e: ExportSummary): string {
  return e.typedFields || e.recordFields ? TYPED_FIELDS_KEY : '';
}

/**
 * The canonical `module.name` of another workspace module's function a value names: an imported name (`deliverWebhook`
 * after `const { deliverWebhook } = require('./delivery')`) or a member of a module imported whole (`delivery.deliverWebhook`).
 */
function importedFunctionOf(value: Node, imports: Map<string, string>, syn: LanguageModule): string | undefined {
  const kind = syn.exprKind(typeOf(value));
  const obj = kind === 'member' ? syn.memberObject(value) : null;
  const prop = kind === 'member' ? syn.propertyOf(value) : null;
  const module = obj && prop && syn.exprKind(typeOf(obj)) === 'identifier' ? imports.get(textOf(obj)) : undefined;
  const canon = kind === 'identifier' ? imports.get(textOf(value)) : module !== undefined ? `${module}.${textOf(prop!)}` : undefined;
  return canon !== undefined && (isWorkspaceModule(canon) || syn.absoluteLocalImports) && importedName(canon) ? canon : undefined;
}

/** Into an importer's `imported`, the libraries an imported module uses (`ExportSummary.libraries`), by `LIBRARY_KEY`. */
function libraryKeys(entries: readonly ExportSummary[] | undefined, out: Map<string, ExportSummary>): void {
  for (const e of entries ?? []) for (const m of e.libraries ?? []) out.set(`${LIBRARY_KEY}${m}`, e);
}

/** Whether a module this file imports from the workspace uses one of `modules` (see `ExportSummary.libraries`). */
const importedThrough = (imported: ReadonlyMap<string, ExportSummary>, modules: readonly string[]): boolean => modules.some((m) => imported.has(`${LIBRARY_KEY}${m}`));

/** Per language, the modules its taint rules and their sinks name in `requires-import`. */
const libraryModulesOf = new WeakMap<CompiledLanguage, readonly string[]>();

function libraryModules(lang: CompiledLanguage): readonly string[] {
  let out = libraryModulesOf.get(lang);
  if (!out) {
    const all = new Set<string>();
    for (const r of lang.rules) {
      if (r.spec.kind !== 'taint') continue;
      for (const m of r.spec.requiresImport) all.add(m);
      for (const s of r.sinks) for (const m of s.spec.requiresImport ?? []) all.add(m);
    }
    libraryModulesOf.set(lang, (out = [...all]));
  }
  return out;
}

/**
 * Looks up the exports of the module `specifier` imported from `fromPath`: a relative specifier (`./db`, Python
 * `.db`), or a Python absolute module of the workspace (`shop.db`, from a `.py` file: see `pythonModuleFile`).
 * The workspace scan builds it from a first pass of `summarizeExports`.
 */
export type ExportIndex = ((fromPath: string, specifier: string) => ExportSummary[] | undefined) & {
  /** The function `name` of a qualified module (`ExportSummary.modules`). */
  readonly qualified?: (module: string, name: string) => ExportSummary | undefined;
  /**
   * The methods of the workspace's classes named `name` (`isAppMethodName` names only), with the number of classes
   * defining one: a call on an object of unknown class may be one of them (see `BY_METHOD`).
   */
  readonly methodsNamed?: ReadonlyMap<string, readonly ExportSummary[]>;
  /**
   * The methods of the workspace's classes by class name, every method: a collaborator held under the class's name
   * (`this.orderService`, `order_service`) is taken to be one of them (see `BY_FIELD`).
   */
  readonly classesNamed?: ReadonlyMap<string, readonly ExportSummary[]>;
  /** Per name a registry entry is assigned an instance under, the classes assigned (`ExportSummary.heldClass`). */
  readonly heldNames?: ReadonlyMap<string, ReadonlySet<string>>;
  /** `classesNamed`'s classes by each name their instances go by (`collaboratorNames`), read once per index. */
  readonly collaborators?: ReadonlyMap<string, string>;
  /** The files' request writes (`ExportSummary.requestWriters`) by `<alias>\0<path>`. */
  readonly requestWrites?: ReadonlyMap<string, readonly ExportSummary[]>;
  /** The names of every function known by a qualified module (a text prefilter: a call must name one). */
  readonly qualifiedNames?: ReadonlySet<string>;
};

interface Unit {
  node: Node;
  name?: string;
  /** Methods called as `this.m()` / `self.m()`; Python methods skip `self`. */
  isMethod: boolean;
  /** A method's class (`LanguageModule.classOf`): its field summary is shared with the class's other methods. */
  cls?: string;
  /** Its class's bases by name (`LanguageModule.classBases`), for `self.m()` dispatched to subclasses' overrides. */
  bases?: readonly string[];
  params: UnitParams;
  /** How many parameters a function unit declares, known without reading its nodes (overloads resolve by it). */
  arity?: number;
  aliases: Map<string, string>;
  /** Cache key: everything in this file the unit's result depends on, but not its line (see CacheEntry). */
  key: string;
  /** First and last line of the unit, as LSP counts. */
  line: number;
  endLine: number;
}

/**
 * A unit of the file context; a unit of an unedited statement reads its node from the tree on first use (`locate`,
 * one function per run shared by its units, with the statement's index and the function's among its functions).
 */
class ContextUnit implements Unit {
  private read: Node | undefined;
  private keyed: string | (() => string);
  name?: string;
  arity?: number;
  cls?: string;
  bases?: readonly string[];
  /** Set once, right after construction (a reused unit's parameters read its node through the unit). */
  params!: UnitParams;
  constructor(
    node: Node | undefined,
    private readonly locate: ((si: number, k: number) => Node) | undefined,
    private readonly si: number,
    private readonly k: number,
    name: string | undefined,
    readonly isMethod: boolean,
    readonly aliases: Map<string, string>,
    key: string | (() => string),
    readonly line: number,
    readonly endLine: number,
  ) {
    this.read = node;
    this.keyed = key;
    if (name) this.name = name;
  }

  get node(): Node {
    return (this.read ??= this.locate!(this.si, this.k));
  }

  /** Made on first read in a one-shot run (see `fileContext`): a file where no pass runs never reads it. */
  get key(): string {
    if (typeof this.keyed === 'function') this.keyed = this.keyed();
    return this.keyed;
  }
}

interface FileContext {
  units: Unit[];
  imports: Map<string, string>;
  byName: Map<string, Unit | null>;
  byMethod: Map<string, Unit | null>;
  /** Function units by start offset, for inline callbacks. */
  byStart: Map<number, Unit>;
  /** Each class's methods, in unit order (see `Unit.cls`). */
  byClass: Map<string, Unit[]>;
  /** Each class's subclasses in this file, transitively, itself first (by the methods' `bases`). */
  family: Map<string, string[]>;
  /** The functions directly in the top level (the root unit's nested spans), in order. */
  topNested: Span[];
  /** Digest of the imports and line-break style (part of the top level's key and its statements'). */
  importKey: string;
  /**
   * Digest of the imports and of the import statements with their offsets: the value of a function unit's `I*`
   * dependency (what it read of the imports as a whole: a fix, a qualified callee). A function unit's key holds
   * none of the imports: what it resolves through them is recorded with its entry (`I:`, `I?`, `I*`).
   */
  importsSig: string;
  /** The top level's statements with their keys, computed on first use in a run (see `topStatements`). */
  statements?: TopStatement[];
  /** Callees (by node id) that resolve to another file's function by a qualified name: their key in `imported`. */
  qualifiedCallees?: Map<number, string>;
  /** Calls passing a request to another file's function (see `RequestArgument`), when any. */
  requestArgs?: RequestArgument[];
  /** Functions whose parameters stand for a request only because other files' calls pass one (`IncomingRequestParams`). */
  requestsFromElsewhere?: RequestsFromElsewhere[];
  /** Some function may store on a request (see `requestWritesIn`): the handlers' `requestFieldTaint` applies. */
  requestWrites?: true;
  /** By-name handler registrations (by the call's node id): the function named and its handler specs (see `registeredByName`). */
  registrations?: Map<number, { fn: Node; handlers: CompiledLanguage['handlers'][number][] }>;
  /** The handler specs' `clean-fields` (see `UnitEnv.cleanFields`), when any has them. */
  cleanFields?: NonNullable<UnitEnv['cleanFields']>;
  /** The file's validating schemas with their typed fields (`LanguageModule.typedFields`), when any. */
  typedFields?: Map<string, readonly string[]>;
  /** The file's own module-level type aliases (`LanguageModule.typeAliases`), when any: exported as `ExportSummary.typeAlias`. */
  typeAliases?: Map<string, string>;
  /** The file's record classes with their fields (`LanguageModule.recordFields`), when any. */
  recordFields?: Map<string, readonly string[]>;
  /** The file's classes with named bases and their own fields (`LanguageModule.recordBases`), when any. */
  recordBases?: Map<string, { bases: readonly string[]; own: readonly string[] }>;
  /** The form class each view class of the file binds (`LanguageModule.boundFormClasses`), when any. */
  boundForms?: Map<string, string>;
  /** The top level's named statements (comments left out), each read from the tree on first need. */
  topNode: (at: number) => Node;
  /** What the context read from each of those statements (see `StatementFacts`), in order. */
  facts: StatementFacts[];
  /** Module-level names with their value's signature and statement (see `moduleValues`). */
  moduleValues?: Map<string, { sig: string; at: number } | null>;
  /** For the fixpoint's worklist (see `RuleRecord`), computed on first use in a run. */
  work?: { snap: ContextSnapshot; byKey: Map<string, Unit>; index: Map<string, number>; diffs: Map<ContextSnapshot, ContextDiff> };
}

/** A unit's result as analysed, and what it was computed from. */
interface CacheEntry {
  result: CachedUnit;
  /** The unit's lines when analysed; reused at another line, ranges inside them move by the difference. */
  line: number;
  endLine: number;
  /** A fix edits outside the unit (an import line): reuse only where the unit was. */
  pinned: boolean;
  /**
   * Not pinned, but a finding's fix edits outside the unit, each edit at an import list entry the entry consulted
   * (an `x:` dependency, see `importListDep`): reused at another line, those edits stay where they are.
   */
  outside?: true;
  /**
   * What it consulted, each with its value then: `n:`/`m:<name>` -> the summary of the function the name resolves to
   * (see `nameSig`), `i:<line>:<column>` -> that of the inline function there (relative to the unit), `c:<name>` -> a
   * module constant's value.
   */
  deps: Map<string, string>;
  /** Steps the analysis took: a reuse is charged the same, so the work budget cuts where a run without cache would. */
  work: number;
  /** The top level's: the statements it ran (their keys and lines) and the entry of each (see `TopLevelCache.prev`). */
  top?: { at: StatementLines; entries: readonly StatementEntry[]; marks?: readonly TopMark[] };
}

/** The keys and lines of a run's top-level statements, shared by its passes (aligned with the next run's once). */
interface StatementLines {
  keys: readonly string[];
  lines: readonly number[];
}

/** Work counted against the budget of one run on one file, across rules and rounds. */
interface WorkMeter {
  spent: number;
  budget: number;
  /** `spent` at the last pause point offered to the host. */
  paused: number;
}

/** Entries kept per top-level statement slot from earlier runs (one per set of read values a run met). */
const STATEMENT_ENTRIES = 4;
/** Statement entries are kept by key and line (`statementSlot`): a statement's own line is found directly. */
const SLOT = '\u0002';
const statementSlot = (key: string, line: number): string => `${key}${SLOT}${line}`;

/** Steps between the pause points a stepped run offers its host (`AnalyzerSession.steps`). */
const STEPS_PER_PAUSE = 2_000;

/** Options of the taint analyzer (for hosts and tests; not a user setting). */
export interface TaintAnalyzerOptions {
  /** See `TaintAnalyzer.workBudget`. */
  workBudget?: number;
  /** See `TaintAnalyzer.groupRules`. */
  groupRules?: boolean;
  /** See `TaintAnalyzer.maxLineLength`. */
  maxLineLength?: number;
  /** See `TaintAnalyzer.skipSourceless`. */
  skipSourceless?: boolean;
  /**
   * The editor: with no template index from the host, list the workspace folder's templates (at most this many;
   * `WorkspaceTemplates`) for render calls, again after `workspaceChanged()`. Unset: only a host's index is used.
   */
  workspaceTemplateLimit?: number;
}

/**
 * Default work budget of one run on one file, in steps (statements and expressions visited, per rule and round,
 * counted as a run without cache does them). Ordinary code needs about 2.5 per character with the rules of
 * 2026-11-30: the bench corpus' 20,000-line JavaScript file (0.5 MB) needs 1.4 million, so a 50,000-line file
 * fits with room for more rules. A minified bundle needs about 4 per character; one whose line is over
 * `DEFAULT_MAX_CODE_LINE` is not analysed at all.
 */
export const DEFAULT_TAINT_WORK_BUDGET = 8_000_000;

/**
 * Longest line (characters) of a file the taint pack analyses. Code on one very long line is minified or generated:
 * its dataflow costs about 20 µs per character, so a 2 MB bundle took the whole work budget (30-40 s) and bigger ones
 * longer still, for findings that are noise there. Over it, the file is neither parsed nor walked ("minified"
 * notice); a hand-written line is far shorter (100,000 characters cost about 2 s).
 */
export const DEFAULT_MAX_CODE_LINE = 100_000;

/** The longest line of a text, 0-based, without its line break (lines as LSP counts them: CR, LF or CRLF). */
function longestLine(text: string, lineStarts: readonly number[]): { line: number; length: number } {
  let best = { line: 0, length: 0 };
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!;
    let end = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end - start > best.length) best = { line: i, length: end - start };
  }
  return best;
}

/**
 * Per pass (its rules' ids and imported summaries), then per unit key, the results of the rounds of the last run
 * (a unit's result differs per round only when the summaries it consulted did). Two levels so that the unit key
 * strings are shared by all passes.
 */
type UnitCache = Map<string, Map<string, CacheEntry[]>>;

/**
 * One pass's last finished fixpoint on a document, the base of the next run's worklist: per round, each unit key's
 * entry and the reverse index of what the entries consulted; the file context it ran on; its round limit. The next
 * run compares its file context with `snap` and visits only the units that are new, moved (with a result that has
 * positions), or that consulted a name or inline function whose value changed; the others keep their entry
 * without being looked at.
 */
interface RuleRecord {
  rounds: RoundRecord[];
  /** The key of the top-level unit then (its entries hold the statement entries the next run aligns with). */
  rootKey: string;
  snap: ContextSnapshot;
  maxRounds: number;
  /** How to get the record of the run before back (see `RecordUndo`). */
  undo?: RecordUndo;
  /** The template index then: with another one, the units that looked a template up are checked again. */
  templates?: TemplateIndex;
}

/**
 * The record a run built its record from, kept as the writes that turned one into the other: an undo of an edit
 * (a paste undone) brings back a text whose units are all where that record has them, and reverting to it costs
 * the writes of one run instead of visiting every unit the edit had moved.
 */
interface RecordUndo {
  /** Its rounds (round objects are shared with the record built from it, their maps written through `journal`). */
  rounds: RoundRecord[];
  /** Each of its rounds' own fields (the record built from it replaced them). */
  state: { unsettled: number; findings: Set<string>; work: number }[];
  journal: Journal;
  rootKey: string;
  snap: ContextSnapshot;
  maxRounds: number;
}

/** Writes to maps, recorded so that they can be undone newest first (`RecordUndo`). */
class Journal {
  private readonly log: unknown[] = [];
  get size(): number {
    return this.log.length / 4;
  }
  set<K, V>(m: Map<K, V>, k: K, v: V): void {
    this.log.push(m, k, m.has(k), m.get(k));
    m.set(k, v);
  }
  delete<K, V>(m: Map<K, V>, k: K): void {
    if (!m.has(k)) return;
    this.log.push(m, k, true, m.get(k));
    m.delete(k);
  }
  /** Undoes every write, newest first, each through `into` (which can then undo the undo). */
  undo(into: Journal): void {
    const log = this.log;
    for (let i = log.length - 4; i >= 0; i -= 4) {
      const m = log[i] as Map<unknown, unknown>;
      if (log[i + 2]) into.set(m, log[i + 1], log[i + 3]);
      else into.delete(m, log[i + 1]);
    }
  }
}

/** A map write through a journal when there is one (a round of a new record has nothing to undo). */
function put<K, V>(j: Journal | undefined, m: Map<K, V>, k: K, v: V): void {
  if (j) j.set(m, k, v);
  else m.set(k, v);
}

function drop<K, V>(j: Journal | undefined, m: Map<K, V>, k: K): void {
  if (j) j.delete(m, k);
  else m.delete(k);
}

/**
 * The record `rec` was built from (`rec.undo`), restored in place, with `rec` as its undo in turn (a redo is an
 * undo too). `rec` is no longer valid after it: its round objects are the restored record's.
 */
function revertRecord(rec: RuleRecord): RuleRecord {
  const u = rec.undo!;
  const journal = new Journal();
  u.journal.undo(journal);
  const state = rec.rounds.map((rr) => ({ unsettled: rr.unsettled, findings: rr.findings, work: rr.work }));
  u.rounds.forEach((rr, i) => Object.assign(rr, u.state[i]));
  moveCounters.recordsReverted++;
  return { rounds: u.rounds, rootKey: u.rootKey, snap: u.snap, maxRounds: u.maxRounds, undo: { rounds: rec.rounds, state, journal, rootKey: rec.rootKey, snap: rec.snap, maxRounds: rec.maxRounds } };
}

/** What a context diff holds: units moved or new, units gone, names re-resolved (none: the same context). */
const diffSize = (d: ContextDiff): number => d.moved.size + d.gone.length + d.names.length;

/** One round of a pass's fixpoint, as the last finished run left it. */
interface RoundRecord {
  entries: Map<string, CacheEntry>;
  /**
   * Reverse index: per target (`n:`/`m:`/`c:<name>`, or `k:<unit key>` for the inline function at an `i:`
   * dependency), the keys of the units whose entry consulted it, each with the dependency it recorded.
   */
  consumers: Map<string, Consumers>;
  /**
   * Per unit key, the dependencies its entry is indexed under, with their targets (to take it out of `consumers` when
   * it is replaced, or to move only the dependencies whose target changed: see `reindexEntry`).
   */
  targets: Map<string, IndexedDeps>;
  /** Units whose summary differs from their summary of the round before (0: the fixpoint settled in this round). */
  unsettled: number;
  /** Unit keys whose entry has findings. */
  findings: Set<string>;
  /** Work of all its entries (a run charges the entries it does not visit with it). */
  work: number;
}

/** A file context as a worklist compares it: each unit key's line, and what each name resolves to. */
interface ContextSnapshot {
  lines: Map<string, number>;
  names: Map<string, string>;
}

/** What changed between a snapshot and the file context now. */
interface ContextDiff {
  /** Unit keys that are new or at another line. */
  moved: Set<string>;
  /** Unit keys no longer in the file. */
  gone: string[];
  /** Names (`n:`, `m:`, `c:`) resolving to another unit, or a constant with another value. */
  names: string[];
}

/** Per pass key (as in `UnitCache`), per top-level statement key and line (`statementSlot`), the statement results a run used. */
type StatementCache = Map<string, Map<string, StatementEntry[]>>;

/** What one document session keeps between runs: taint results per unit and pass, pattern findings per unit. */
export interface TaintSessionCache {
  units: UnitCache;
  /** The top level's results per statement (an edit there re-analyses the statements it can change). */
  statements: StatementCache;
  patterns: PatternUnitCache;
  /** Per pass key (as in `units`), the record of its last finished fixpoint. */
  records: Map<string, RuleRecord>;
  /** What the file context derived for the functions of each top-level statement in the last run (see ContextMemo). */
  context: ContextMemo;
  /** The last finished run without a notice: its inputs and findings, for edits that change no token (`movedByTrivia`). */
  last?: LastRun;
  /** The words of the last text analysed, for the text prefilters (updated from the changed region only). */
  words: TextWords;
  /**
   * The last run found a source for every pass it checked (none was skipped as sourceless). The next run of this
   * session then runs every pass without looking again: the check walks the whole file, which costs an edit more
   * than the worklist saves, and running a pass is always exact. A session whose last run skipped a pass checks again.
   */
  sourcesSeen?: boolean;
}

/** What a run's findings were computed from, besides the tokens of the text (see `TaintSessionCache.last`). */
interface LastRun {
  text: string;
  findings: Finding[];
  path: string;
  exportIndex: ExportIndex | undefined;
  templateIndex: TemplateIndex | undefined;
  importKey: string;
  imported: Map<string, ExportSummary>;
  passes: Pass[];
  patternRules: CompiledRule[];
  work: number;
}

/** An empty session cache (a run with it is a full run). */
export function newTaintSessionCache(): TaintSessionCache {
  return { units: new Map(), statements: new Map(), patterns: newPatternUnitCache(), records: new Map(), context: { byStatement: new Map() }, words: new TextWords() };
}

/**
 * What `fileContext` derives for one function from the text of its top-level statement alone (handler roles,
 * input parameters, aliases, name, own-text hash): the costly part of the context, kept per statement so that an
 * edit recomputes it only for the statement it touched. Everything else it depends on (imports, the language's
 * rules) is part of the memo's validity, not of the descriptor.
 */
interface FnDescriptor {
  name?: string;
  isMethod: boolean;
  cls?: string;
  bases?: string[];
  // Shared by every unit built from the descriptor, run after run (no copy per unit per edit): nothing writes a
  // unit's parameters, handlers or aliases once `fileContext` has built them.
  sources: Map<number, ParamSource>;
  entryParams: Map<number, string>;
  handlers: string[];
  /** `UnitParams.cleanPaths`. */
  cleanPaths?: string[];
  /** The request parameter's name when the registration's route schema names module constants (`UnitParams.routeSchema`). */
  routeSchemaRequest?: string;
  aliases: Map<string, string>;
  /** `aliases` as unit keys spell them. */
  aliasKey: string;
  role: string;
  hash: string;
  /** The function's parameter count. */
  arity: number;
  /**
   * The unit key last built from this descriptor and what it was built from: the same strings run after run, so an
   * edit elsewhere allocates no key per unit and the maps keyed by it hash it once (see `fileContext`'s `mk`).
   */
  keyOf?: { character: number; shape: string; own: string; importKey: string; n: number; key: string };
  /**
   * What telling its handlers read of the imports (decorators and registration calls resolve names through them):
   * each name with its module then (`IMPORT_NONE` if unbound). The descriptor holds while those do.
   */
  importReads?: [string, string][];
  /** Its parameters' names and its calls that pass one of them on (see `RequestFlow`); none in a language without handlers. */
  flow?: RequestFlow;
}

/**
 * What a function passes on of its parameters and of the names that stand for a request everywhere (`req`, Flask's
 * `request`): each call of a local function or method (`check(r)`, `self.load(request)`) with such a name as a
 * positional argument. From these the file context gives a helper's parameter the handler alias its callers pass
 * (`requestHelperAliases`), so `function run(r) { exec(r.query.c) }` called as `run(req)` reads `r.query` as input.
 * Read from the function's own text and its enclosing functions' parameters: kept with its descriptor.
 */
interface RequestFlow {
  params: string[];
  calls: RequestCall[];
}

/** A call passing a name on: the callee's name, whether it is called through `this`/`self`, the argument's index and text. */
type RequestCall = [callee: string, self: boolean, index: number, arg: string];

/** The parameters of a reused function unit: its parameter nodes are read only if the unit is analysed. */
class LazyParams implements UnitParams {
  private read: UnitParams['names'] | undefined;
  private kw: UnitParams['keywords'];
  constructor(
    private readonly unit: { readonly node: Node },
    private readonly syn: LanguageModule,
    readonly sources: Map<number, ParamSource>,
    readonly entryParams: Map<number, string>,
    readonly handlers: string[],
    readonly cleanPaths?: string[],
    private readonly routeSchemaRequest?: string,
  ) {}

  /** The registration call, found again from the function's current node as `fileContext` found it (a descriptor keeps no node). */
  get routeSchema(): UnitParams['routeSchema'] {
    if (this.routeSchemaRequest === undefined) return undefined;
    const call = new HandlerSite(this.unit.node, this.unit.node.parent, this.syn).call;
    return call ? { call, request: this.routeSchemaRequest } : undefined;
  }

  get names(): UnitParams['names'] {
    return (this.read ??= this.syn.paramsOf(this.unit.node).map((node, index) => ({ node, index })));
  }

  get keywords(): UnitParams['keywords'] {
    return this.kw === undefined ? (this.kw = keywordsOf(this.syn, this.unit.node)) : this.kw;
  }
}

/**
 * One top-level statement as the file context last read it: its functions' spans relative to its start, how many
 * import nodes it holds, and its functions' descriptors (valid for the memo's rules and imports).
 */
interface StatementShape {
  fns: Span[];
  /**
   * Per function, its first line and last line relative to the statement's first line and its column, flat (three
   * numbers a function): functions of its text and column, so a kept statement's units are placed without a look-up.
   */
  rows?: number[];
  imports: number;
  descriptors?: FnDescriptor[];
  /** What the context reads from the statement alone besides its functions (valid while the language module is). */
  facts?: StatementFacts;
}

/** A top-level statement's part of the import key and of the handler context (see `fileContext`). */
interface StatementFacts {
  /** Whether it is part of the import key (an import, or a declaration holding `require(`). */
  importStmt: boolean;
  closedTypes: string[];
  /** See `LanguageModule.typedFields` and `boundFormClasses`. */
  typedFields: [string, string[]][];
  /** See `LanguageModule.namedTypeFields` and `typedTypeAliases`. */
  namedTypeFields: [string, [string, string][]][];
  typedTypeAliases: string[];
  boundForms: [string, string][];
  /** See `LanguageModule.recordFields` and `recordBases`. */
  recordFields: [string, string[]][];
  recordBases: [string, string[], string[]][];
  typeAliases: [string, string][];
  exportAliases: [string, string][];
  /** Where its text may name an import under another name (`LanguageModule.aliasSites`), from its start. */
  aliasSites?: [number, string][];
  /** The module-level names it exports under any name (`LanguageModule.exportedLocalsOf`). */
  exportedLocals: string[];
  /** The names it assigns at module level, each with its value's signature (`moduleValueSig`; none: no value). */
  values?: [string, string | undefined][];
}

/**
 * `list.map(fn)` pushed into one array literal (none: empty). An empty `map` result has SMI elements and a full one
 * object elements; the literal's allocation site makes its empty results object-kind too once any was filled, so
 * `fileContext`'s loops over statement facts see one elements kind and compile once (shape stability).
 */
function mapped<T, U>(list: readonly T[] | undefined, fn: (x: T) => U): U[] {
  const out: U[] = [];
  if (list) for (const x of list) out.push(fn(x));
  return out;
}

/**
 * Per document, the statements of the last run by top-level statement (type, column and text): their shapes hold
 * while the language module does, their descriptors while the rules and the imports do too.
 */
export interface ContextMemo {
  module?: LanguageModule;
  lang?: CompiledLanguage;
  /** What every descriptor was computed from besides its function and the imports it read (see `FnDescriptor.importReads`). */
  descKey?: string;
  /** The import key of the last run: while it holds, so does every import a descriptor read. */
  importKey?: string;
  byStatement: Map<string, StatementShape>;
  /** The facts of the last run's split containers (see `readPieces`), by the statement's key. */
  byContainer?: Map<string, StatementFacts>;
  /** The last run's keyed members of split containers (see `readPieces`). */
  members?: MemberRecords;
  /** The last run's top-level statements, patched from the text's changed span by the next run. */
  top?: TopRecords;
}

/**
 * A run's top-level statements (the root's named children, comments left out), in order: type, offsets, column and key (type, column and text; none for a statement holding a syntax error).
 */
interface TopRecords {
  /** The text they were read from. */
  text: string;
  types: string[];
  starts: number[];
  ends: number[];
  cols: number[];
  /** Each statement's first line. */
  lines: number[];
  keys: (string | undefined)[];
}

/**
 * The top-level statements of `root` (`kids`). A statement's key is taken from `last` when it lies wholly outside the text's
 * changed span (`span`; null: the text is the same) and `last` has it with the same type, offsets (moved by the
 * span's length change when after it) and column; else it is built from the text. `whole`: the root has an unnamed
 * child, so its statements do not cover it.
 */
function readTopLevel(
  root: Node,
  text: string,
  lines: LineIndex,
  last: TopRecords | undefined,
  span: TextSpan | null | undefined,
  stats?: { contextKeysBuilt: number },
  keyed = true,
): { rec: TopRecords; whole: boolean; node: (at: number) => Node } {
  const rec: TopRecords = { text, types: [], starts: [], ends: [], cols: [], lines: [], keys: [] };
  // The run's cached children of the root (the dataflow and the pattern rules read them too): a cursor walk makes as
  // many calls into wasm as marshalling them does (measured), and would be a second read in runs that need them.
  const whole = root.childCount !== root.namedChildCount;
  const top = kids(root);
  for (const s of top) {
    rec.types.push(s.type);
    rec.starts.push(s.startIndex);
    rec.ends.push(s.endIndex);
  }
  const node = (at: number): Node => top[at]!;
  // A statement holds an error only if the root does (the flag is its subtree's).
  const errors = root.hasError;
  const n = rec.types.length;
  const m = last ? last.types.length : 0;
  const delta = span ? span.newEnd - span.oldEnd : 0;
  for (let i = 0; i < n; i++) {
    const type = rec.types[i]!;
    const start = rec.starts[i]!;
    const end = rec.ends[i]!;
    const pos = lines.positionAt(start);
    const col = pos.character;
    rec.cols.push(col);
    rec.lines.push(pos.line);
    if (!keyed || (errors && node(i).hasError)) {
      rec.keys.push(undefined);
      continue;
    }
    let key: string | undefined;
    if (last && span !== undefined) {
      // The same statement of the last run: by index before the span, counted from the end after it.
      const j = span === null || end <= span.start ? i : start >= span.newEnd ? m - (n - i) : -1;
      const moved = span !== null && start >= span.newEnd ? delta : 0;
      if (j >= 0 && j < m && last.starts[j] === start - moved && last.ends[j] === end - moved && last.types[j] === type && last.cols[j] === col) key = last.keys[j];
    }
    if (key === undefined) {
      if (stats) stats.contextKeysBuilt++;
      // A digest, not the text: the key outlives the text it was read from (kept while the statement is unedited), and
      // a slice of it would keep that whole version of the document alive (see `detached`).
      key = `${type}\u0000${col}\u0000${createHash('sha1').update(text.slice(start, end)).digest('base64')}`;
    }
    rec.keys.push(key);
  }
  return { rec, whole, node };
}

/** The pieces the file context keeps shapes for (see `readPieces`), in document order. */
interface Pieces {
  /** Per piece: its start offset, its first line and its key (none: never kept). */
  starts: number[];
  lines: number[];
  keys: (string | undefined)[];
  /** Per top-level statement: its piece when it is one piece (undefined: split into its header and members). */
  whole: (number | undefined)[];
  /** The nodes a piece's functions and imports are searched in (its statement, its member, or its header's). */
  nodes: (piece: number) => Node[];
  /** The keyed members, for the next run's `readPieces`. */
  members: MemberRecords;
}

/** The keyed members of split containers of a run (see `readPieces`), by start offset, with the text they are of. */
interface MemberRecords {
  text: string;
  byStart: Map<number, { end: number; type: string; col: number; header: string; key: string }>;
}

/**
 * The pieces the file context keeps shapes for, in document order: each top-level statement, except a statement of
 * one of the `containers` types (a Java class: most Java files are one), split into its header (the named children
 * before its body: searched every run, never kept) and each member of its body. A member's key holds its container's
 * header (type, column and text up to the body: a method's role and class are read from them) and its own type,
 * column and text, so a typed character re-reads one member instead of every function of the class. No containers:
 * nothing is split (a one-shot run keeps no shapes). A member holding a syntax error has no key, nor has any member
 * of a header holding one (a half-typed line must not make the next run re-read the whole class). The root searched
 * whole (`top.whole`) is one piece without a key.
 */
function readPieces(
  top: { rec: TopRecords; whole: boolean; node: (at: number) => Node },
  root: Node,
  text: string,
  lines: LineIndex,
  containers: ReadonlySet<string> | undefined,
  last: MemberRecords | undefined,
  span: TextSpan | null | undefined,
  stats?: { contextKeysBuilt: number },
): Pieces {
  // Per piece: the nodes it is searched in, or its top-level statement's index (most pieces: no array made).
  const searched: (Node[] | number)[] = [];
  const nodes = (i: number): Node[] => {
    const at = searched[i]!;
    return typeof at === 'number' ? [top.node(at)] : at;
  };
  const out: Pieces = { starts: [], lines: [], keys: [], whole: [], nodes, members: { text, byStart: new Map() } };
  // A member's key is the last run's when it lies wholly outside the changed span with the same end (moved by the
  // span's length change when after it), type, column and header, as `readTopLevel` keeps a statement's.
  const kept = last && span !== undefined ? last.byStart : undefined;
  const delta = span ? span.newEnd - span.oldEnd : 0;
  const push = (start: number, line: number, key: string | undefined, at: Node[] | number): void => {
    out.starts.push(start);
    out.lines.push(line);
    out.keys.push(key);
    searched.push(at);
  };
  if (top.whole) {
    push(root.startIndex, lines.positionAt(root.startIndex).line, undefined, [root]);
    return out;
  }
  for (let si = 0; si < top.rec.types.length; si++) {
    const key = top.rec.keys[si];
    const node = top.node(si);
    const body = containers?.has(top.rec.types[si]!) ? node.childForFieldName('body') : null;
    // The body last, so the header's functions (if any) come first in document order.
    if (!body || body.endIndex !== node.endIndex) {
      out.whole[si] = out.starts.length;
      push(top.rec.starts[si]!, top.rec.lines[si]!, key, si);
      continue;
    }
    out.whole[si] = undefined;
    const headerNodes = node.namedChildren.filter((c): c is Node => !!c && c.id !== body.id);
    // A statement holds an error only if the root does (the flag is its subtree's).
    const errors = root.hasError;
    const header = errors && headerNodes.some((c) => c.hasError) ? undefined : `${node.type}\u0000${top.rec.cols[si]}\u0000${createHash('sha1').update(text.slice(node.startIndex, body.startIndex)).digest('base64')}`;
    push(node.startIndex, top.rec.lines[si]!, undefined, headerNodes);
    for (const m of kids(body)) {
      const at = lines.positionAt(m.startIndex);
      let memberKey: string | undefined;
      if (header !== undefined && !(errors && m.hasError)) {
        const moved = span && m.startIndex >= span.newEnd ? delta : span && m.endIndex <= span.start ? 0 : span === null ? 0 : undefined;
        const was = moved === undefined ? undefined : kept?.get(m.startIndex - moved);
        if (was && was.end === m.endIndex - moved! && was.type === m.type && was.col === at.character && was.header === header) memberKey = was.key;
        else {
          if (stats) stats.contextKeysBuilt++;
          memberKey = `${header}\u0001${m.type}\u0000${at.character}\u0000${createHash('sha1').update(text.slice(m.startIndex, m.endIndex)).digest('base64')}`;
        }
        out.members.byStart.set(m.startIndex, { end: m.endIndex, type: m.type, col: at.character, header, key: memberKey });
      }
      push(m.startIndex, at.line, memberKey, [m]);
    }
  }
  return out;
}

export class TaintAnalyzer implements Analyzer {
  readonly pack = 'taint' as const;
  private readonly compiled = new Map<GrammarId, CompiledLanguage | undefined>();
  /** The same rules compiled for audit strictness (audit sources on), on the first audit run of a grammar. */
  private readonly compiledAudit = new Map<GrammarId, CompiledLanguage | undefined>();
  /** Problems found while compiling patterns for a grammar (reported once the grammar is first used). */
  readonly compileErrors: RuleLoadError[] = [];
  private exportIndex: ExportIndex | undefined;
  private incomingRequests: IncomingRequests | undefined;
  /** The index of this run's render calls: the host's, or the workspace folder's (see `workspaceTemplateLimit`). */
  private templateIndex: TemplateIndex | undefined;
  private hostTemplates: TemplateIndex | undefined;
  private readonly workspaceTemplateLimit: number | undefined;
  private readonly workspaceTemplates = new Map<string, WorkspaceTemplates>();
  /**
   * Work one run may do on one file before it stops with an 'analysis-budget' notice and the findings of the
   * rules it finished: minified bundles and generated code can hold thousands of functions, and an editor must
   * not wait on them. Counted in steps, not time, so the same text gives the same findings on every machine,
   * whatever the load and whatever the cache held.
   */
  workBudget: number;
  /** Steps the last `analyze` counted (what it needed, when it was not cut), for tests and tuning. */
  lastRunWork = 0;
  /** Empty results that consulted nothing, one per amount of work, shared by the units of one run. */
  private readonly emptyEntries = new Map<number, CacheEntry>();

  private emptyEntry(work: number): CacheEntry {
    let e = this.emptyEntries.get(work);
    if (!e) this.emptyEntries.set(work, (e = { result: EMPTY_RESULT, line: 0, endLine: 0, pinned: false, deps: NO_DEPS, work }));
    return e;
  }

  /** Equal dependency lists of one run, shared (by their JSON) across rules; emptied before each run. */
  private readonly depsTable = new Map<string, Map<string, string>>();

  /**
   * Equal summaries of one run, by signature: the passes of a file mostly compute the same summary for a function
   * (its parameters reach its return alike), and each warm document keeps every pass's entries. Emptied before
   * each run, as `depsTable`.
   */
  private readonly summaryTable = new Map<string, Summary>();

  private internSummary(s: Summary): Summary {
    // An empty summary's signature ('') does not cover its captures.
    if (isEmpty(s)) return s;
    const sig = signature(s);
    const hit = this.summaryTable.get(sig);
    if (hit) return hit;
    this.summaryTable.set(sig, s);
    return s;
  }

  private internDeps(deps: Map<string, string>): Map<string, string> {
    const k = JSON.stringify([...deps]);
    const hit = this.depsTable.get(k);
    if (hit) return hit;
    this.depsTable.set(k, deps);
    return deps;
  }

  /**
   * Work counters, for tests and benchmarks: unit analyses run vs. served from the cache, cache look-ups (a unit
   * whose dependencies were checked), steps the pattern rules took (nodes walked plus clauses tried, not counting units reused) and the units
   * (top-level statements) they walked, and the dataflow steps actually computed (work not served from a cache);
   * for the file context, the functions whose roles were derived and the function and import nodes read from the tree;
   * for moved units, the summaries serialised and hashed (signatures and relative digests, counted over every
   * analyzer of the process while this one ran), the cached results shifted to another line and the entries (re)indexed
   * in a pass's record, and the records restored to the run before (an undo, `revertRecord`); the passes left out
   * because no flow can start in the file (`sourcelessPasses`), the walks for their sources and the nodes those walks
   * tried sources at; the one-shot runs that left out every pass before building the file context (`sourcelessOneShot`);
   * the file-wide facts the pattern rules' structural checks computed (`runPatternRules`); the one-shot walks for a
   * library-input rule's sinks and the nodes they tried (`sinkWalks`, `sinkNodesTried`); the unit keys a run without a
   * context memo made (`contextUnitKeysMade`: on first read, so none where no pass runs); the fixpoint's dependency
   * values read and those computed (the rest came from the round's memo, see `depSig` in `fixpoint`); the top-level
   * statement entries moved to another line (`shiftEntry`); the pattern rules' unit keys read from the text (the others
   * are the last run's, outside the changed span: `patternKeysBuilt`); the file context's units whose lines and column
   * were looked up in the text (the others are their statement's line plus the rows kept with its shape:
   * `contextUnitsPlaced`); the taint rules `summarizeExports` summarised, over its files (`rulesSummarised`).
   */
  readonly stats = { unitsAnalyzed: 0, unitsCached: 0, cacheLookups: 0, patternSteps: 0, patternUnitsWalked: 0, dataflowSteps: 0, topStatementsAnalyzed: 0, topStatementsCached: 0, topEntriesChecked: 0, topStatementsVisited: 0, topStatementsForwarded: 0, topStatementsSkipped: 0, passes: 0, contextFunctionsComputed: 0, contextNodesRead: 0, contextStatementsRead: 0, contextKeysBuilt: 0, contextShapesKept: 0, contextUnitKeysMade: 0, moduleValuesRead: 0, summariesHashed: 0, unitsShifted: 0, resultsShifted: 0, entriesIndexed: 0, entriesReindexed: 0, recordsReverted: 0, passesSkipped: 0, sourceWalks: 0, sourceNodesTried: 0, sourcelessFiles: 0, sinkWalks: 0, sinkNodesTried: 0, unitsPruned: 0, pruneRetries: 0, factsComputed: 0, depValuesRead: 0, depValuesComputed: 0, statementsShifted: 0, patternKeysBuilt: 0, contextUnitsPlaced: 0, contextByNameWalks: 0, rulesSummarised: 0 };

  /**
   * Rules sharing everything the dataflow consults but their sinks share one pass (true, the default). False runs
   * one pass per rule, as the analyzer did before passes: only for the test that compares the two.
   */
  groupRules: boolean;

  /** Files with a longer line are not analysed (see `DEFAULT_MAX_CODE_LINE`). */
  maxLineLength: number;

  /**
   * Passes that can find nothing in a file, no source being possible there, are not run (true, the default; see
   * `sourcelessPasses`). False runs them: only for the test that compares the two.
   */
  skipSourceless: boolean;
  /**
   * A one-shot run tries only the sources whose names the file can make (`occurringSources`): true, the default.
   * False tries every source the passes would index: only for the test that compares the two.
   */
  narrowSources = true;

  /**
   * `library-input` rules are left out of a one-shot run on a file where none of their sinks can match (true, the
   * default; see `libraryInputSinkInCode`). False keeps them: only for the test that compares the two.
   */
  skipLibraryInputWithoutSink = true;

  /**
   * A one-shot run's pass analyses only the units that can hold input, and what they consult (`relevantUnits`): the
   * others can have no finding (true, the default). False analyses every unit, as a session does: for the tests that
   * compare the two, and those that compare where a session and a one-shot run stop at the same budget.
   */
  pruneUnits = true;

  constructor(private readonly set: TaintRuleSet, options: TaintAnalyzerOptions = {}) {
    this.workBudget = options.workBudget ?? DEFAULT_TAINT_WORK_BUDGET;
    this.maxLineLength = options.maxLineLength ?? DEFAULT_MAX_CODE_LINE;
    this.groupRules = options.groupRules ?? true;
    this.skipSourceless = options.skipSourceless ?? true;
    this.workspaceTemplateLimit = options.workspaceTemplateLimit;
  }

  /**
   * The dataflow passes for `rules` on a text (in order of their first rule): rules whose sources, sanitizers,
   * guards and propagators are the same once those that cannot match in `text` are left out share one (a pattern
   * missing one of its words in the text, or of an alias's: `patternFilter`'s exact test, the one the pass's index
   * is built by). Split further where imported summaries differ for them (another file's function may hold a sink
   * of one rule and not of another: a pass resolves such a call for all its rules or for none, with the same
   * returns).
   */
  private passes(rules: readonly CompiledRule[], imported: Map<string, ExportSummary>, text: TextWords, lang: CompiledLanguage): Pass[] {
    const groups = new Map<string, CompiledRule[]>();
    // Grouped by the filter the index is built with: the patterns it leaves out never match in the text, so rules
    // equal on what it keeps compute the same flows (the looser filter kept `message_event.data` for `xss.dom` and
    // split it from `eval`, which lacks that source, on a file where neither can match). A merged pass runs until
    // every rule's summaries settle: a rule's part of them is a function of the same rounds as in a pass of its own.
    const can = this.groupRules ? patternFilter(text.words, lang) : undefined;
    for (const r of rules) {
      let key = can ? groupKey(r, can) : r.spec.id;
      if (imported.size) key += JSON.stringify([...imported.values()].map((e) => {
        const s = e.rules[r.spec.id];
        return s ? [s.paramReturns, s.sourceReturns, s.returnMarks ?? [], s.validates ?? [], s.paramRaises ?? [], s.returnFields ?? []] : null;
      }));
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    return [...groups.values()].map((group) => passOf(group, can));
  }

  /** The rules' descriptions, built once (the engine asks for them after every file it analyses). */
  private ruleInfos?: readonly RuleInfo[];

  rules(): RuleInfo[] {
    // Copies: a caller may change what it is handed.
    return (this.ruleInfos ??= this.describeRules()).map((r) => ({ ...r }));
  }

  private describeRules(): RuleInfo[] {
    return this.set.rules.map((r) => ({
      id: r.id,
      pack: 'taint',
      name: r.name,
      description: r.description,
      severity: r.severity,
      cwe: r.cwe,
      docsUrl: r.docs ?? docsUrl(r.id),
      languages: r.languages,
      ...(r.ruleDocs ? { docs: r.ruleDocs } : {}),
      ...(fixOffered(r) ? { fixOffered: fixOffered(r) } : {}),
    }));
  }

  appliesTo(doc: SourceDocument): boolean {
    return !!doc.grammar && !!taintLanguageOf(doc.grammar) && this.set.rules.length > 0;
  }

  /**
   * Compiles every rule's patterns for the grammars of a registry now, instead of on first use, and returns the
   * patterns that do not parse (source = the rules file, e.g. `.vigil.yml`). Hosts call it after creating the
   * Engine (`engine.grammars`) to show bad custom patterns on the config file straight away.
   */
  precompile(grammars: GrammarRegistry): RuleLoadError[] {
    const errors: RuleLoadError[] = [];
    for (const g of TAINT_GRAMMARS) {
      const language = grammars.language(g);
      if (!language || this.compiled.has(g)) continue;
      const c = compileFor(this.set, g, language);
      this.compiled.set(g, c);
      if (c) {
        this.compileErrors.push(...c.errors);
        errors.push(...c.errors);
      }
    }
    return errors;
  }

  /** Uses summaries of other files' exports for calls to imported functions (workspace scan, second pass). */
  setExportIndex(index: ExportIndex | undefined): void {
    this.exportIndex = index;
  }

  /**
   * For the next one-shot runs (workspace scan, second pass): the requests other files' calls pass this file's
   * functions (`IncomingRequestParams`), and those calls' files (`callers`, shown as the findings' `calledFrom`).
   */
  setIncomingRequests(incoming: IncomingRequests | undefined): void {
    this.incomingRequests = incoming;
  }

  /**
   * Uses the workspace's templates for render calls (`template:` sinks); without an index no template sink applies.
   * The units that looked a template up depend on what it answered, so a new index re-analyses only those whose
   * templates changed.
   */
  setTemplateIndex(index: TemplateIndex | undefined): void {
    this.hostTemplates = index;
    this.templateIndex = index;
  }

  /** Files changed on disk: the workspace's templates are listed again before the next render call is analysed. */
  workspaceChanged(): void {
    for (const w of this.workspaceTemplates.values()) w.stale();
  }

  /** Without a host's index, the editor's lists the workspace folder's templates for a file that may render one. */
  prepare(doc: SourceDocument, root: string | undefined): Promise<void> | undefined {
    const limit = this.workspaceTemplateLimit;
    if (this.hostTemplates || limit === undefined || root === undefined || !mayRenderTemplate(doc.text)) return undefined;
    let w = this.workspaceTemplates.get(root);
    if (!w) this.workspaceTemplates.set(root, (w = new WorkspaceTemplates(root, limit)));
    return w.refresh();
  }

  /** Without a host's index, the editor's: the workspace folder's templates as last listed (`prepare`). */
  private templatesFor(doc: SourceDocument, root: string | undefined): void {
    if (this.hostTemplates || this.workspaceTemplateLimit === undefined || root === undefined || !mayRenderTemplate(doc.text)) return;
    this.templateIndex = this.workspaceTemplates.get(root)?.current();
  }

  open(_doc: SourceDocument): AnalyzerSession {
    const cache = newTaintSessionCache();
    // Audit runs have their own caches: their rules differ from the precise ones under the same ids.
    const auditCache = newTaintSessionCache();
    // The result does not depend on `delta` (the caches are keyed by unit text), so an abandoned stepped run
    // leaves the session valid for any later text.
    return {
      run: (doc, _delta, ctx: AnalysisContext) => drain(this.stepsAt(doc, cache, auditCache, ctx)),
      steps: (doc, _delta, ctx: AnalysisContext) => this.stepsAt(doc, cache, auditCache, ctx),
      dispose: () => {
        for (const c of [cache, auditCache]) {
          c.units.clear();
          c.statements.clear();
          c.patterns.units.clear();
          c.records.clear();
          c.last = undefined;
        }
      },
    };
  }

  /**
   * The precise findings, and at audit strictness the flows only the audit rules find (more sources, unknown
   * functions pass data through), at low severity and labelled: normal strictness is never changed by it.
   */
  private *stepsAt(doc: SourceDocument, cache: TaintSessionCache, auditCache: TaintSessionCache, ctx: AnalysisContext): Generator<void, Finding[]> {
    let found = yield* this.stepsAtAnyPath(doc, cache, auditCache, ctx);
    // A test's functions are called by its runner, not by a package's users: no library input there, nor the
    // audit reading's wider input (its callers' arguments, anything not constant: a test's own values).
    const lib = (this.libraryInputIds ??= new Set(this.set.rules.filter((r) => r.libraryInput).map((r) => r.id)));
    const wider = (f: Finding): boolean => lib.has(f.ruleId) || f.properties?.strictness === 'audit';
    if (found.some(wider) && classifyPath(doc.path, ctx.workspaceRoot).kind === 'test') found = found.filter((f) => !wider(f));
    return inTestCode(found, doc.path, ctx.workspaceRoot);
  }

  private *stepsAtAnyPath(doc: SourceDocument, cache: TaintSessionCache, auditCache: TaintSessionCache, ctx: AnalysisContext): Generator<void, Finding[]> {
    this.templatesFor(doc, ctx.workspaceRoot);
    const precise = this.withoutRedundantLibraryInput(yield* this.analyzeSteps(doc, cache, ctx.notify, false, ctx.oneShot));
    if (ctx.settings.strictness !== 'audit') return precise;
    const audit = yield* this.analyzeSteps(doc, auditCache, ctx.notify, true, ctx.oneShot);
    const key = (f: Finding): string => `${f.ruleId}:${f.range.start.line}:${f.range.start.character}`;
    const known = new Set(precise.map(key));
    const fresh = audit.filter((f) => !known.has(key(f)));
    // A sink reported for a traced flow (the same rule, an overlapping range: one sink may match several patterns)
    // needs no second report for merely being non-constant.
    const traced = [...precise, ...fresh].filter((f) => f.properties?.source !== NON_CONSTANT);
    const overlaps = (a: Range, b: Range): boolean => comparePos(a.start, b.end) <= 0 && comparePos(b.start, a.end) <= 0;
    const extra = fresh
      .filter((f) => f.properties?.source !== NON_CONSTANT || !traced.some((t) => t.ruleId === f.ruleId && overlaps(t.range, f.range)))
      .map((f): Finding => ({
        ...f,
        severity: f.severity === 'info' ? 'info' : 'low',
        message: `Audit: ${f.message}`,
        properties: { ...f.properties, strictness: 'audit' },
      }));
    return [...precise, ...extra];
  }

  /**
   * The findings less those of `library-input` rules at a sink another rule of the same weakness (a shared CWE)
   * reports: an exported request handler's input is the request rule's finding, which says more.
   */
  private withoutRedundantLibraryInput(findings: Finding[]): Finding[] {
    const lib = (this.libraryInputIds ??= new Set(this.set.rules.filter((r) => r.libraryInput).map((r) => r.id)));
    if (!findings.some((f) => lib.has(f.ruleId))) return findings;
    const overlaps = (a: Range, b: Range): boolean => comparePos(a.start, b.end) <= 0 && comparePos(b.start, a.end) <= 0;
    const others = findings.filter((f) => !lib.has(f.ruleId));
    return findings.filter((f) => !lib.has(f.ruleId) || !others.some((o) => overlaps(o.range, f.range) && o.cwe.some((c) => f.cwe.includes(c))));
  }

  private libraryInputIds?: Set<string>;

  /** Why `doc` is not analysed (a line over `maxLineLength`), or undefined. Linear in the text, before any parse. */
  private overLongLine(doc: SourceDocument): string | undefined {
    if (doc.text.length <= this.maxLineLength) return undefined;
    const { line, length } = longestLine(doc.text, doc.lines.lineStarts);
    if (length <= this.maxLineLength) return undefined;
    const n = (x: number) => x.toLocaleString('en-US');
    return `Taint and pattern rules skipped this file: line ${n(line + 1)} is ${n(length)} characters long, over the ${n(this.maxLineLength)}-character limit for code (minified or generated code).`;
  }

  /** Compiled rules for a grammar, compiled on first use; `audit`: for audit strictness. */
  compiledFor(doc: SourceDocument, audit = false): CompiledLanguage | undefined {
    const g = doc.grammar;
    if (!g || !doc.tree) return undefined;
    const table = audit ? this.compiledAudit : this.compiled;
    if (!table.has(g)) {
      const c = compileFor(this.set, g, doc.tree.language, audit);
      table.set(g, c);
      // The audit compilation has the same patterns plus audit sources: report only what the normal one does not.
      if (c) this.compileErrors.push(...(audit ? c.errors.filter((e) => !this.compileErrors.some((k) => k.message === e.message)) : c.errors));
    }
    return table.get(g);
  }

  /** Full (cached) analysis of a document. */
  analyze(doc: SourceDocument, cache: TaintSessionCache = newTaintSessionCache(), notify?: AnalysisContext['notify']): Finding[] {
    return drain(this.analyzeSteps(doc, cache, notify));
  }

  /**
   * `analyze` in steps: pauses every few thousand steps of work so a host can serve other requests. Abandoned
   * (`return()`), it keeps in `cache` what it computed, which is exact, and changes nothing else. `oneShot`: the
   * session ends after this run (see `AnalysisContext.oneShot`).
   */
  *analyzeSteps(doc: SourceDocument, cache: TaintSessionCache = newTaintSessionCache(), notify?: AnalysisContext['notify'], audit = false, oneShot = false): Generator<void, Finding[]> {
    // Before `compiledFor`, which parses: a minified file costs neither the parse nor the walk.
    const long = this.overLongLine(doc);
    if (long) {
      this.lastRunWork = 0;
      if (!audit) notify?.({ reason: 'minified', message: long });
      return [];
    }
    const lang = this.compiledFor(doc, audit);
    const tree = doc.tree;
    if (!lang || !tree) return [];
    resetNodeCache();
    // Grammars such as Python's do not take a lone CR as a line break, as editors and Python do: analyse a copy
    // with LF in its place (same length, so every offset and LSP position stays the same).
    let own: Tree | undefined;
    if (/\r(?!\n)/.test(doc.text)) {
      const parser = new Parser();
      parser.setLanguage(tree.language);
      // The same counted budget as the document's own parse (see GrammarRegistry.parse).
      let checks = 0;
      const max = parseBudget(doc.text.length);
      const progressCallback = (() => ++checks > max) as unknown as (s: unknown) => void;
      own = parser.parse(doc.text.replace(/\r(?!\n)/g, '\n'), null, { progressCallback }) ?? undefined;
      parser.delete();
    }
    const c0 = { ...moveCounters };
    const shifted0 = shiftStats.entriesShifted;
    try {
      return yield* this.analyzeTree(doc, own ?? tree, lang, cache, notify, oneShot);
    } finally {
      own?.delete();
      resetNodeCache();
      this.stats.summariesHashed += moveCounters.summariesHashed - c0.summariesHashed;
      this.stats.unitsShifted += moveCounters.unitsShifted - c0.unitsShifted;
      this.stats.resultsShifted += moveCounters.resultsShifted - c0.resultsShifted;
      this.stats.entriesIndexed += moveCounters.entriesIndexed - c0.entriesIndexed;
      this.stats.entriesReindexed += moveCounters.entriesReindexed - c0.entriesReindexed;
      this.stats.recordsReverted += moveCounters.recordsReverted - c0.recordsReverted;
      this.stats.statementsShifted += shiftStats.entriesShifted - shifted0;
    }
  }

  private *analyzeTree(doc: SourceDocument, tree: Tree, lang: CompiledLanguage, session: TaintSessionCache, notify?: AnalysisContext['notify'], oneShot = false): Generator<void, Finding[]> {
    const tw = session.words;
    const change = tw.update(doc.text);
    const words = tw.under;
    // Text-only prefilters: a rule needs a possible sink, and a possible source (a source's words, or a framework
    // handler whose parameters are input; for audit and `library-input` rules any file may have one: exported
    // functions' parameters),
    // unless another file's summaries are in play (then their sinks and sources count too, once they are known).
    const incoming = oneShot ? this.incomingRequests : undefined;
    // A request another file passes in is read here as a handler's would be.
    const handlers = !!incoming || lang.handlers.some((h) => handlerMayApply(h, words));
    let rules = lang.rules.filter((r) => r.spec.kind === 'taint' && (this.exportIndex || (mayHaveSink(r, tw, lang) && (handlers || r.audit || r.libraryInput || mayHaveSource(r, tw)))));
    // Pattern rules need no source: the words of one of their patterns, and a path their filter lets through.
    const patternRules = lang.rules.filter((r) => r.spec.kind === 'pattern' && patternRuleMayApply(r, tw, doc.text) && patternRulePathApplies(r, doc.path));
    const used: UnitCache = new Map();
    const usedStatements: StatementCache = new Map();
    const findings: Finding[] = [];
    const cache = session.units;
    if (rules.length === 0 && patternRules.length === 0) {
      cache.clear();
      session.statements.clear();
      session.patterns.units.clear();
      session.records.clear();
      session.last = undefined;
      return findings;
    }
    // A one-shot run's session ends with it: the memo that lets the next run reuse statement shapes has no reader.
    const ctx = fileContext(tree, lang, doc.text, doc.lines, oneShot ? undefined : session.context, this.stats, change, doc.path, incoming?.facts, this.exportIndex && ((imports) => this.importedTypeAliases(doc.path, imports, lang.module)));
    // A `library-input` rule's only input is an exported function's parameter (request input is the request rules'):
    // in a file with none, its pass can find nothing.
    if (rules.some((r) => r.libraryInput && !r.audit) && !ctx.units.some((u) => (u.params.entryParams?.size ?? 0) > 0)) rules = rules.filter((r) => !r.libraryInput || r.audit);
    // Keys hold unit hashes, which change with edits: a table kept across runs would only grow.
    this.depsTable.clear();
    this.summaryTable.clear();
    this.emptyEntries.clear();
    const meter: WorkMeter = { spent: 0, budget: this.workBudget, paused: 0 };
    const imported = this.importedSummaries(doc, ctx, tree.rootNode, lang.module, tw);
    // A rule's `requires-import` (the LDAP client) holds here too when a module of the workspace this file imports
    // uses the library (`importedThrough`), or when a function of another file this one calls reaches one of its
    // sinks (that file imports the client); in that last case only, its own patterns stay off here (`checkSinks`).
    const sinksElsewhere = new Set([...imported.values()].flatMap((s) => Object.entries(s.rules).flatMap(([id, r]) => (r.paramSinks.length > 0 ? [id] : []))));
    const importsOk = (rule: CompiledRule): boolean =>
      rule.spec.requiresImport.length === 0 || importsAny(ctx.imports, rule.spec.requiresImport) || importedThrough(imported, rule.spec.requiresImport) || sinksElsewhere.has(rule.spec.id);
    if (rules.some((r) => r.libraryInput && !r.audit)) {
      // A `library-input` rule's only input is an exported function's parameter (request input is the request rules'):
      // in a file with none, its pass can find nothing; nor in one where none of its sinks can match, in the code
      // (`libraryInputSinkInCode`) or in an imported function's summary. The second test is for one-shot runs only: in
      // an open document, edits that bring a sink's word into code and take it out would turn the pass on and off,
      // and each time on it would recompute every unit (its cached entries go with the run that left it out).
      // A sink word in the code is then matched as the passes would match it (`re.compile` names no `compile(...)`).
      const entries = ctx.units.some((u) => (u.params.entryParams?.size ?? 0) > 0);
      const summaries = [...imported.values()];
      let sinkResolvers: CanonicalResolver[] | undefined;
      const sinkInCode = (r: CompiledRule): boolean =>
        libraryInputSinkInCode(r, words, tree.rootNode, lang) &&
        (tree.rootNode.hasError || (this.stats.sinkWalks++, someSinkMayMatch(r, this.sourceWalk(tree, 'sinkNodesTried'), (sinkResolvers ??= unitResolvers(ctx)), this.groupRules ? patternFilter(tw.words, lang) : undefined)));
      rules = rules.filter((r) => !r.libraryInput || r.audit || (entries && (!oneShot || !this.skipLibraryInputWithoutSink || sinkInCode(r) || summaries.some((e) => !!e.rules[r.spec.id]?.paramSinks.length))));
    }
    if (this.exportIndex) {
      const summaries = [...imported.values()];
      const sink = (r: CompiledRule): boolean => mayHaveSink(r, tw, lang) || summaries.some((e) => !!e.rules[r.spec.id]?.paramSinks.length);
      const source = (r: CompiledRule): boolean => handlers || r.audit || r.libraryInput || mayHaveSource(r, tw) || summaries.some((e) => returnsInput(e.rules[r.spec.id]));
      rules = rules.filter((r) => sink(r) && source(r));
    }
    if (oneShot) {
      const quick = this.sourcelessOneShot(doc, tree, lang, ctx, imported, rules, patternRules, tw, session, notify);
      if (quick) return quick;
    }
    const passes = this.passes(rules.filter(importsOk), imported, tw, lang);
    // This run's name resolvers (see `resolverFor`): one tree, so `canonicalOf`'s memo by node id holds for all.
    const resolvers = new Map<string, CanonicalResolver>();
    // An edit of blanks or of a comment's words between statements changes no token and no text a rule reads: the
    // last run's findings hold, moved along their line, if the rest of what they were computed from is the same.
    const last = session.last;
    session.last = undefined;
    if (
      last &&
      last.path === doc.path &&
      // A budget lowered since then would cut a fresh run (a trivia edit changes no step count).
      last.work <= this.workBudget &&
      last.exportIndex === this.exportIndex &&
      last.templateIndex === this.templateIndex &&
      last.importKey === ctx.importKey &&
      sameItems(last.passes, passes) &&
      sameItems(last.patternRules, patternRules) &&
      sameItems([...last.imported], [...imported], (a, b) => a[0] === b[0] && a[1] === b[1])
    ) {
      const moved = movedByTrivia(last.text, doc.text, tree.rootNode, lang.module, last.findings);
      if (moved) {
        this.lastRunWork = last.work;
        session.last = { ...last, text: doc.text, findings: moved };
        return copyFindings(moved);
      }
    }
    let notified = false;
    const note = notify && ((n: Parameters<typeof notify>[0]): void => {
      notified = true;
      notify(n);
    });
    /** Each finished rule's findings, emitted in rule order. */
    const byRule = new Map<CompiledRule, Finding[]>();
    let done = rules.filter((r) => !importsOk(r)).length;
    let finished = false;
    const total = rules.length + patternRules.length;
    const stopped = (left: string[]): void =>
      note?.({
        reason: 'analysis-budget',
        message: `Taint analysis stopped at its work budget (${this.workBudget.toLocaleString('en-US')} steps) on this file: ${done} of ${total} rules done; not run: ${left.join(', ')}. Taint findings of those rules are missing.`,
      });
    let cut = false;
    const sourceless = session.sourcesSeen ? () => false : this.sourcelessPasses(passes, tree, ctx, imported, resolvers);
    let skippedAny = false;
    try {
      for (const pass of passes) {
        if (sourceless(pass)) {
          skippedAny = true;
          // No flow can start in this file for the pass: its fixpoint would find nothing (see `sourcelessPasses`).
          this.stats.passesSkipped++;
          done += pass.rules.length;
          for (const r of pass.rules) byRule.set(r, []);
          continue;
        }
        let results: CachedUnit[];
        try {
          ({ results } = yield* this.fixpoint(doc, pass, ctx, imported, cache, used, meter, { prev: session.statements, used: usedStatements }, resolvers, session.records, oneShot && this.pruneUnits ? new Set() : undefined));
        } catch (e) {
          if (!(e instanceof BudgetExceeded)) throw e;
          // What was computed stays cached (each entry is exact, and charged as if recomputed): the next run on this
          // text is faster but stops at the same place.
          stopped([...rules.filter((r) => importsOk(r) && !byRule.has(r)), ...patternRules].map((r) => r.spec.id));
          cut = true;
          break;
        }
        done += pass.rules.length;
        // One finding per rule and sink position, in the order the units found them; a call reaching several sinks
        // in other files holds one flow per sink (the scan moves each there).
        const seen = pass.rules.map(() => new Set<string>());
        const out = pass.rules.map((r) => {
          const list: Finding[] = [];
          byRule.set(r, list);
          return list;
        });
        for (const res of results) {
          for (const f of res.findings) {
            const remote = remoteSinkOf(f.trace);
            const k = `${f.range.start.line}:${f.range.start.character}${remote ? `:${remote}` : ''}`;
            if (seen[f.rule]!.has(k)) continue;
            seen[f.rule]!.add(k);
            const finding = this.toFinding(pass.rules[f.rule]!, f, doc);
            const from = incoming && requestFromElsewhereAt(finding, ctx);
            out[f.rule]!.push(from ? { ...finding, properties: { ...finding.properties, calledFrom: callersOf(incoming!, from) } } : finding);
          }
        }
      }
      for (const r of rules) findings.push(...withoutEnclosingDuplicates(byRule.get(r) ?? []));
      if (!cut && patternRules.length > 0) {
        // Pattern rules last, on the same budget: one walk of the tree, charged per node and clause tried.
        try {
          // A unit's pattern findings depend on its own text and, outside it, only on the imports.
          const context = JSON.stringify([...ctx.imports]);
          const found = runPatternRules(doc, tree, patternRules.filter(importsOk).map((r) => clausesFor(r, ctx.imports)), resolverFor(resolvers, ctx.imports, NO_ALIASES), meter, session.patterns, context, this.stats, oneShot, change);
          findings.push(...withoutTaintDuplicates(found, findings));
          done += patternRules.length;
        } catch (e) {
          if (!(e instanceof BudgetExceeded)) throw e;
          stopped(patternRules.map((r) => r.spec.id));
        }
      }
      this.lastRunWork = meter.spent;
      // Keep exactly what this run used: bounded by one run's work, and stale entries go.
      cache.clear();
      for (const [k, v] of used) cache.set(k, v);
      // A pass whose top level was not visited keeps its statement entries for the next edit there; one whose top
      // level was keeps those it used, plus the earlier entries of statements still in the file (a few per statement).
      const before = new Map(session.statements);
      session.statements.clear();
      const current = ctx.statements && new Set(ctx.statements.map((st) => statementSlot(st.key, st.line)));
      for (const k of used.keys()) {
        const now = usedStatements.get(k);
        const kept = before.get(k);
        if (!now || now.size === 0) {
          if (kept) session.statements.set(k, kept);
          continue;
        }
        if (kept && current) {
          for (const [sk, list] of kept) {
            if (!current.has(sk)) continue;
            for (const e of list) if ((now.get(sk)?.length ?? 0) < STATEMENT_ENTRIES) remember(now, sk, e);
          }
        }
        session.statements.set(k, now);
      }
      for (const k of session.records.keys()) if (!used.has(k)) session.records.delete(k);
      finished = true;
      // The host may change what it is handed (severity overrides): the session keeps its own copy.
      if (!cut) session.sourcesSeen = !skippedAny;
      if (!cut && !notified) session.last = { text: doc.text, findings: copyFindings(findings), path: doc.path, exportIndex: this.exportIndex, templateIndex: this.templateIndex, importKey: ctx.importKey, imported, passes, patternRules, work: meter.spent };
      return findings;
    } finally {
      // Abandoned by its host (a newer text, another document first): keep what was computed, so the next run
      // does not redo it. Each entry is exact; the next finished run drops what it does not use.
      if (!finished) {
        mergeInto(cache, used);
        mergeInto(session.statements, usedStatements);
      }
    }
  }

  /**
   * A one-shot run's findings when no flow can start in the file, found before its rules are grouped into passes
   * (grouping and indexing them was most of a run on a file that reads no input); undefined when one may, or when
   * this cannot tell (the caller then runs as usual). The test is `sourcelessPasses`'s, for all the passes at once:
   * no unit with input parameters, no input from a function imported from another file (`importedInput`), no syntax
   * error, no audit rule, and no source of any of the rules the passes would hold matching at any node (as `passOf`
   * filters them: a superset of each pass's), with every name resolver the file's units use. The pattern rules then run as after skipped passes, and the session is
   * left as such a run leaves it, less what only a later run of the session reads (`last`): a one-shot has none.
   */
  private sourcelessOneShot(
    doc: SourceDocument,
    tree: Tree,
    lang: CompiledLanguage,
    ctx: FileContext,
    imported: Map<string, ExportSummary>,
    rules: readonly CompiledRule[],
    patternRules: readonly CompiledRule[],
    text: TextWords,
    session: TaintSessionCache,
    notify: AnalysisContext['notify'] | undefined,
  ): Finding[] | undefined {
    if (rules.some((r) => r.audit)) return undefined;
    const resolvers = new Map<string, CanonicalResolver>();
    const rs = this.sourceOnlyResolvers(tree, ctx, resolvers, rules.some((r) => r.libraryInput));
    if (!rs || importedInput(imported, ctx, rules)) return undefined;
    const importsOk = (rule: CompiledRule): boolean => rule.spec.requiresImport.length === 0 || importsAny(ctx.imports, rule.spec.requiresImport);
    const passRules = rules.filter(importsOk);
    if (passRules.length > 0) {
      const union = sourceUnion(lang);
      // The filter `passes` hands `passOf` (see there).
      const can = this.groupRules ? patternFilter(text.words, lang) : undefined;
      const { keep: listed } = fileSources(union, passRules, can);
      // Narrowed by the names this file's resolvers can make: most files have no handler alias, and the sources
      // whose only names are a `where` list (`$D($X, ...)`, tried at every call) rarely find one of them in the text.
      const { keep, types } = this.narrowSources ? occurringSources(union, listed, (w) => text.words.has(w), (w) => doc.text.includes(w), resolverWords(ctx)) : fileSources(union, passRules, can);
      this.stats.sourceWalks++;
      if (types.length > 0 && someSourceMatches(keptIndex(union, keep), types, this.sourceWalk(tree), rs, (m) => importsModuleCached(ctx.imports, m), (src) => keep.has(src))) return undefined;
    }
    this.stats.sourcelessFiles++;
    const meter: WorkMeter = { spent: 0, budget: this.workBudget, paused: 0 };
    const findings: Finding[] = [];
    if (patternRules.length > 0) {
      try {
        const context = JSON.stringify([...ctx.imports]);
        findings.push(...runPatternRules(doc, tree, patternRules.filter(importsOk).map((r) => clausesFor(r, ctx.imports)), resolverFor(resolvers, ctx.imports, NO_ALIASES), meter, session.patterns, context, this.stats, true));
      } catch (e) {
        if (!(e instanceof BudgetExceeded)) throw e;
        // Every taint rule is done (left out), as after skipped passes.
        notify?.({
          reason: 'analysis-budget',
          message: `Taint analysis stopped at its work budget (${this.workBudget.toLocaleString('en-US')} steps) on this file: ${rules.length} of ${rules.length + patternRules.length} rules done; not run: ${patternRules.map((r) => r.spec.id).join(', ')}. Taint findings of those rules are missing.`,
        });
      }
    }
    this.lastRunWork = meter.spent;
    session.units.clear();
    session.statements.clear();
    session.records.clear();
    session.last = undefined;
    session.sourcesSeen = passRules.length === 0;
    return findings;
  }

  /**
   * A walk over the nodes of some types that stops when `visit` says so, for the source checks (and the one-shot
   * `library-input` sink checks, counted in `counter`). Past its first few thousand nodes, the walk's node reads go to
   * caches of their own, dropped as often: a file with no source (or one at its end) is read whole, and the run's
   * caches would hold every node of the sources' types until the run ends (deep nesting: memory ×6.8 for 4× the
   * input). The first reads stay in the run's caches, where the passes find them.
   */
  private sourceWalk(tree: Tree, counter: 'sourceNodesTried' | 'sinkNodesTried' = 'sourceNodesTried'): (types: readonly string[], visit: (n: Node) => boolean) => void {
    return (types, visit) => {
      let outer: NodeCacheScope | undefined;
      let n = 0;
      try {
        eachNodeOfType(tree.rootNode, types, (node) => {
          this.stats[counter]++;
          if (++n % 4096 === 0) {
            const prev = swapNodeCache(emptyNodeCache());
            outer ??= prev;
          }
          return visit(node);
        });
      } finally {
        if (outer) swapNodeCache(outer);
      }
    };
  }

  /**
   * The name resolvers of the file's units when a flow can start only at a source pattern or at a source another
   * file's function returns (see `sourcelessPasses`; the callers test the second): undefined when skipping is off,
   * the tree has errors, or a unit has input parameters (a handler's, or with `entries` an exported function's: the
   * rules include audit or `library-input` ones; other passes do not read those).
   */
  private sourceOnlyResolvers(tree: Tree, ctx: FileContext, resolvers: Map<string, CanonicalResolver>, entries: boolean): CanonicalResolver[] | undefined {
    if (!this.skipSourceless || tree.rootNode.hasError) return undefined;
    const rs = new Set<CanonicalResolver>();
    for (const u of ctx.units) {
      if (u.params.sources.size > 0 || (entries && (u.params.entryParams?.size ?? 0) > 0)) return undefined;
      rs.add(resolverFor(resolvers, ctx.imports, u.aliases));
    }
    return [...rs];
  }

  /**
   * Which passes can find nothing in a file: a finding is a flow from a source to a sink, and a flow starts only
   * at a parameter a framework handler makes input, an exported function's parameter (audit and `library-input`
   * passes, which run whenever the file has one), a source
   * returned by another file's function or a parameter of one this file registers as a handler, or a node where a source pattern of the pass matches. With none of the
   * first three in the file, a pass none of whose sources matches at any node (`matchingSources`) is left out:
   * its units would compute summaries of parameters only, which nothing but its own findings reads. Audit passes
   * always run (they also report sinks with no traced source). A tree with errors keeps every pass (its missing
   * nodes are not all listed by type). Skipped passes are not charged work: the budget is for work done.
   */
  private sourcelessPasses(passes: readonly Pass[], tree: Tree, ctx: FileContext, imported: Map<string, ExportSummary>, resolvers: Map<string, CanonicalResolver>): (pass: Pass) => boolean {
    const resolverList = this.sourceOnlyResolvers(tree, ctx, resolvers, false);
    if (!resolverList) return () => false;
    const walk = this.sourceWalk(tree);
    const imports = (m: string): boolean => importsModuleCached(ctx.imports, m);
    let found: ReturnType<typeof matchingSources> | undefined;
    let entries: boolean | undefined;
    return (pass) => {
      if (pass.rules.some((r) => r.audit) || importedInput(imported, ctx, pass.rules)) return false;
      if (pass.rules.some((r) => r.libraryInput) && (entries ??= ctx.units.some((u) => (u.params.entryParams?.size ?? 0) > 0))) return false;
      if (!found) this.stats.sourceWalks++;
      found ??= matchingSources(passes.filter((p) => !p.rules.some((r) => r.audit)), walk, resolverList, imports);
      return !passHasSource(pass, found);
    };
  }

  /**
   * Summaries to a fixpoint (bounded rounds) for the rules of one pass, then the findings of the last round (the
   * units that have any, in unit order) and each unit's last summary.
   *
   * A worklist: with the record of this pass's last finished run (`records`), a round visits only the units that are
   * new, that moved with a result that has positions, or that consulted a name or inline function whose value in
   * this round differs from what they recorded (found through the record's reverse index, from the units visited in
   * the round before and the names the edit re-resolved). Every other unit keeps its entry of that round unvisited,
   * and is charged its work; the outcome is the full fixpoint's, since a unit's entry is a function of its key, its
   * line and the values it consulted. Without a record every unit is visited (through the caches).
   */
  private *fixpoint(
    doc: SourceDocument,
    pass: Pass,
    ctx: FileContext,
    imported: Map<string, ExportSummary>,
    cache: UnitCache,
    used: UnitCache,
    meter: WorkMeter,
    statements: { prev: StatementCache; used: StatementCache },
    resolvers: Map<string, CanonicalResolver>,
    records?: Map<string, RuleRecord>,
    /** Set: analyse only the relevant units (a one-shot run), with these units (indexes in `ctx.units`) among them. */
    prune?: Set<number>,
  ): Generator<void, { results: CachedUnit[]; summaryOf: (u: Unit) => Summary | undefined }> {
    this.stats.passes++;
    // A one-shot run analyses only the units a finding of the pass can depend on (see `relevantUnits`).
    const relevant = prune ? relevantUnits(ctx, pass, imported, resolvers, prune, pass.rules[0]!.module.constructorMethod) : undefined;
    const spentBefore = meter.spent;
    const unitList = relevant ? relevant.units : ctx.units;
    if (relevant) this.stats.unitsPruned += ctx.units.length - relevant.units.length;
    const ids = pass.rules.map((r) => r.spec.id);
    const syn = pass.rules[0]!.module;
    const importKey = imported.size ? JSON.stringify([...imported].map(([k, v]) => [k, ids.map((id) => v.rules[id] ?? null), v.keywords ?? null, v.types ?? null, v.typedFields ?? null, v.recordFields ?? null])) : '';
    const typedImports = [...imported.keys()].some((k) => k.startsWith(TYPED_FIELDS_KEY));
    const tableImports = [...imported.keys()].some((k) => k.startsWith(TABLE_ENTRY));
    const work = worklistContext(ctx, syn, this.stats);
    const { byKey, index } = work;
    const templates = this.templateIndex;
    const folders = syn.templateFolders;
    const templateOutputs = (name: string): readonly TemplateHit[] | undefined => (templates && folders ? templates.lookup(doc.path, name, folders) : undefined);
    /** What a template lookup answered, as a unit's dependency: the same text gives the same findings. */
    const templateSig = (name: string): string => {
      const hits = templateOutputs(name);
      return hits ? JSON.stringify(hits.map((h) => [h.path, h.key, h.line, h.character, h.tag])) : '';
    };
    // By the kept patterns too: a sink left out while its words were missing consulted nothing (a module constant it
    // would have followed), so its units' entries must not be reused once the words are back.
    const ruleKey = `${pass.key}\u0000${importKey}`;
    const cached = cache.get(ruleKey);
    let usedR = used.get(ruleKey);
    if (!usedR) used.set(ruleKey, (usedR = new Map()));
    const fresh = usedR;
    const prevStatements = statements.prev.get(ruleKey);
    let usedStatements = statements.used.get(ruleKey);
    if (!usedStatements) statements.used.set(ruleKey, (usedStatements = new Map()));
    const freshStatements = usedStatements;
    /** The lines each statement key had entries at in the last run (see `TopLevelCache.lines`): the same every round. */
    let linesOf: Map<string, number[]> | undefined;
    // Summaries settle in two or three rounds; very large files (bundles) get fewer rounds to stay in budget.
    const maxRounds = ctx.units.length > 2000 ? 2 : 5;
    let prev = records?.get(ruleKey);
    // An undo brings back the text of the run before the last: its record, restored, has nothing to visit. Only then:
    // a record two edits away is a worse base than one a single edit away even with fewer units moved (the top
    // level's statements align with the last run's by one head and one tail, see `alignStatements`).
    if (prev?.undo && prev.undo.maxRounds === maxRounds && diffSize(contextDiff(work, prev.undo.snap)) === 0) {
      prev = revertRecord(prev);
      // The old record's rounds are the restored one's now: a run cut short must leave a valid record behind.
      records!.set(ruleKey, prev);
    }
    const base = prev && prev.maxRounds === maxRounds ? prev : undefined;
    const diff = base ? contextDiff(work, base.snap) : undefined;
    /** This run's entries per round, over the base's. */
    const over: Map<string, CacheEntry>[] = [];
    const entryAt = (r: number, key: string): CacheEntry | undefined => over[r]?.get(key) ?? base?.rounds[r]?.entries.get(key);
    /** The round being computed: its units read the summaries of the round before (none in round 0). */
    let cur = 0;
    /**
     * A unit's result of the round before: `summaryOf` shifts a moved one, `entryDepValue` need not. In round 0, the
     * empty result every unit that finds nothing shares: the fixpoint's bottom, read as a later round reads a unit
     * that settled empty. Read as unknown instead, a pass that settles in round 0 and one that runs on (for another
     * rule's sake) gave a rule different findings (a callee of the file known and empty is not an unknown call).
     */
    const resultOf = (unit: Unit): CachedUnit | undefined => (cur === 0 ? EMPTY_RESULT : entryAt(cur - 1, unit.key)?.result);
    const summaryOf = (unit: Unit): Summary | undefined => resultOf(unit)?.summary;
    const nameSig = (kind: 'n' | 'm', name: string): string => {
      const hit = (kind === 'n' ? ctx.byName : ctx.byMethod).get(name);
      if (hit === undefined) return 'none';
      if (hit === null) return 'ambiguous';
      const v = entryDepValue(hit.line, resultOf(hit));
      return kind === 'm' && explicitReceiver(hit, syn) ? withReceiver(v) : v;
    };
    /**
     * A memo emptied when the round changes: what it holds reads only the results of the round before (and this run's
     * text and context), which nothing in the round changes.
     */
    const roundMemo = <V>(): ((k: string, make: () => V) => V) => {
      const memo = new Map<string, V>();
      let round = -1;
      return (k, make) => {
        if (round !== cur) {
          memo.clear();
          round = cur;
        }
        let hit = memo.get(k);
        if (hit === undefined) memo.set(k, (hit = make()));
        return hit;
      };
    };
    /** Per round, each class field's writers' flows and its dependency value (see `classField`). */
    const fieldMemo = roundMemo<ClassField>();
    const fieldOf = (cls: string, field: string): ClassField => fieldMemo(`${cls}.${field}`, () => classField(ctx.byClass.get(cls) ?? [], field, resultOf));
    // The same for a request's fields, over the handlers of the file that name that request (`@<alias>` keys).
    const compiled = this.compiledFor(doc);
    const requestNames: ReadonlySet<string> = compiled ? requestNamesOf(compiled).all : new Set();
    const stores = requestStoreNames(ctx.imports, syn);
    const importedWrites = [...imported.keys()].some((k) => k.startsWith(REQUEST_WRITE));
    let byRequest: Map<string, Unit[]> | undefined;
    const requestUnits = (alias: string): Unit[] => {
      if (!byRequest) {
        byRequest = new Map();
        for (const u of ctx.units.slice(1)) {
          for (const v of new Set(requestAliasesOf(u, requestNames, stores)?.values())) byRequest.set(v, [...(byRequest.get(v) ?? []), u]);
        }
      }
      return byRequest.get(alias) ?? [];
    };
    const requestFieldOf = (alias: string, field: string): ClassField => fieldMemo(requestFieldKey(alias, field), () => classField(requestUnits(alias), requestFieldKey(alias, field), resultOf));
    /** Per round, each `self.m()` dispatch's overrides and dependency value (see `classDispatch`). */
    const dispatchMemo = roundMemo<Dispatch>();
    const dispatchOf = (cls: string, name: string): Dispatch => dispatchMemo(`${cls}.${name}`, () => classDispatch(ctx, cls, name, resultOf, syn));
    const depValue = (dep: string, unit: Unit | undefined): string => {
      if (unit) return entryDepValue(unit.line, resultOf(unit));
      if (dep.startsWith('o:')) {
        const dot = dep.lastIndexOf('.');
        return dispatchOf(dep.slice(2, dot), dep.slice(dot + 1)).sig;
      }
      if (dep.startsWith('f:@')) {
        const sep = dep.indexOf('\u0000');
        return requestFieldOf(dep.slice(3, sep), dep.slice(sep + 1)).sig;
      }
      if (dep.startsWith('f:')) {
        const dot = dep.lastIndexOf('.');
        return fieldOf(dep.slice(2, dot), dep.slice(dot + 1)).sig;
      }
      if (dep.startsWith('c:')) return moduleValueSig(ctx, syn, dep.slice(2));
      if (dep.startsWith('p:')) {
        const dot = dep.indexOf('.');
        return constructorFieldValues(ctx, syn, dep.slice(2, dot)).get(dep.slice(dot + 1))?.sig ?? 'none';
      }
      if (dep.startsWith('r:')) return recordFieldsSig(ctx, dep.slice(2));
      if (dep.startsWith('t:')) return templateSig(dep.slice(2));
      if (dep.startsWith('x:')) return importListDep(doc, syn, dep);
      if (dep.startsWith('I')) return importDep(ctx, syn, dep);
      return nameSig(dep.startsWith('n:') ? 'n' : 'm', dep.slice(2));
    };
    /**
     * Each dependency's value in the round being computed, computed once per round: every value reads only the
     * results of the round before (and this run's text and context), which nothing in the round changes. A paste
     * re-checks the moved units and the top level's statements in every pass and round, most of them consulting
     * the same few names; an inline function's value is kept under its unit (`k:<key>`), whoever names it.
     */
    const depValues = roundMemo<string>();
    const depSig = (dep: string, u: Unit): string => {
      this.stats.depValuesRead++;
      let unit: Unit | undefined;
      let key = dep;
      if (dep.startsWith('i:')) {
        unit = inlineUnit(dep, u, ctx, doc.lines);
        if (!unit) return '?';
        key = `k:${unit.key}`;
      }
      return depValues(key, () => {
        this.stats.depValuesComputed++;
        return depValue(dep, unit);
      });
    };
    const rounds: { unsettled: number; findings: Set<string>; work: number; visited: Unit[] }[] = [];
    /** Units of a base round whose `k:` targets must be indexed anew (the inline function they consulted was replaced). */
    const reindex: Set<string>[] = [];
    let visitedBefore: Unit[] = [];
    /** The targets of the round being computed (with a base): what may have a new value in it. */
    let roundTargets: Set<string> | undefined;
    for (let round = 0; round < maxRounds; round++) {
      cur = round;
      roundTargets = undefined;
      const b = base?.rounds[round];
      const o = new Map<string, CacheEntry>();
      over.push(o);
      reindex.push(new Set());
      let todo: Unit[];
      let cleanWork = 0;
      if (!b || !diff) todo = unitList;
      else {
        // New units, and moved ones whose result has positions (an empty result is valid at any line).
        const dirty = new Set<string>();
        for (const k of diff.moved) {
          const e = b.entries.get(k);
          if (!e || e.result !== EMPTY_RESULT) dirty.add(k);
        }
        // Targets whose value may differ in this round: names resolving elsewhere, and the names and inline
        // positions of the units whose entry of the round before was visited (or that are gone).
        const targets = (roundTargets = new Set(diff.names));
        for (const v of visitedBefore) {
          if (v.name) targets.add(`${v.isMethod ? 'm' : 'n'}:${v.name}`);
          targets.add(`k:${v.key}`);
          if (v.cls !== undefined) targets.add(`f:${v.cls}`);
          // A visited handler may have changed what it stores on its request.
          for (const a of new Set(requestAliasesOf(v, requestNames, stores)?.values())) targets.add(`f:@${a}`);
        }
        // Dispatches to overrides (`o:`) are few: any method visited or gone, or the top level (a class header),
        // has them checked.
        if (visitedBefore.length || diff.gone.length) targets.add('o:*');
        if (base.templates !== this.templateIndex) for (const t of b.consumers.keys()) if (t.startsWith('t:')) targets.add(t);
        // An import list entry a fix edits may have moved with no unit moving (the import key holds the offsets of
        // the statements the language calls imports; this does not rely on the entry being in one).
        for (const t of IMPORT_LIST_DEPS) if (b.consumers.has(t)) targets.add(t);
        for (const k of diff.gone) {
          targets.add(`k:${k}`);
          // A gone method's class, from its key (its role names it): the fields it wrote may be gone too.
          for (const m of k.matchAll(CLASS_IN_KEY)) targets.add(`f:${m[1]}`);
        }
        // A unit gone may have stored on a request: every request field read is checked (they are few).
        if (diff.gone.length) for (const t of b.consumers.keys()) if (t.startsWith('f:@')) targets.add(t);
        for (const t of targets) {
          for (const [id, dep] of consumersOf(b.consumers.get(t))) {
            // The top level is indexed under ROOT_ID (see `indexId`); a new root key is dirty (moved) already.
            const k = id === ROOT_ID ? ctx.units[0]!.key : id;
            if (dirty.has(k)) continue;
            const cu = byKey.get(k);
            if (!cu) continue;
            if (depSig(dep, cu) !== b.entries.get(k)!.deps.get(dep)) dirty.add(k);
            else if (t.startsWith('k:')) reindex[round]!.add(k);
          }
        }
        todo = [...dirty].flatMap((k) => byKey.get(k) ?? []).sort((x, y) => index.get(x.key)! - index.get(y.key)!);
        // The entries not visited are charged what they cost, as a run without cache would be.
        cleanWork = b.work;
        for (const u of todo) cleanWork -= b.entries.get(u.key)?.work ?? 0;
        for (const k of diff.gone) cleanWork -= b.entries.get(k)?.work ?? 0;
        meter.spent += cleanWork;
        if (meter.spent > meter.budget) throw new BudgetExceeded();
      }
      let roundWork = cleanWork;
      for (const u of todo) {
        if (meter.spent - meter.paused >= STEPS_PER_PAUSE) {
          meter.paused = meter.spent;
          yield;
        }
        const key = u.key;
        this.stats.cacheLookups++;
        const sig = (k: string): string => depSig(k, u);
        const keep = (e: CacheEntry): void => remember(fresh, key, e);
        const hit = reuse(fresh.get(key), u, sig) ?? reuse(cached?.get(key), u, sig, keep) ?? (prev ? reuse(baseEntries(prev, key), u, sig, keep) : undefined);
        let entry: CacheEntry;
        if (hit) {
          this.stats.unitsCached++;
          entry = hit;
          // Charged what computing it took, so a cached run stops exactly where an uncached one would.
          meter.spent += hit.work;
          if (meter.spent > meter.budget) throw new BudgetExceeded();
        } else {
          this.stats.unitsAnalyzed++;
          const deps = new Map<string, string>();
          // The top-level statement being analysed, if any, records what it consults too.
          let statementDeps: Map<string, string> | undefined;
          const record = (k: string, v: string): void => {
            // Dependencies outlive the run (the fixpoint's record and its reverse index): a name read from the tree
            // in the key must not keep this version of the text alive (see `detached`).
            const key = detached(k);
            deps.set(key, v);
            statementDeps?.set(key, v);
          };
          const lookup = (kind: 'n' | 'm', name: string): Unit | null | undefined => {
            const k = `${kind}:${name}`;
            record(k, depSig(k, u));
            return (kind === 'n' ? ctx.byName : ctx.byMethod).get(name);
          };
          // A function unit's key holds none of the imports: what it reads of them is recorded (see `importDep`).
          // The top level's key and its statements' hold them all.
          const fn = u !== ctx.units[0];
          const names = fn ? unitResolver(resolvers, ctx.imports, u) : undefined;
          // What a fix reads of the imports (an import to add, an escaper's local name), read by name where it can be.
          let reads: ImportReads | undefined;
          // A call's receiver as an instance of a class another file exports (see `instanceCallee`).
          const instanceOf = (obj: Node, method: string): ExportSummary | undefined => instanceCallee(obj, method, u, !fn, imported, syn);
          // Its names for a request, where a request's fields are read from what handlers store (`UnitEnv.requestAliases`).
          const requestAliases = ctx.requestWrites || importedWrites ? requestAliasesOf(u, requestNames, stores) : undefined;
          const injected = (obj: Node): Node | undefined => {
            if (injectedReceiver(obj, u, ctx, syn)) return obj;
            // A call of this file's helper that returns such a path (`_svc(request)` returning `request.app["devices"]`).
            const callee = syn.exprKind(typeOf(obj)) === 'call' ? syn.callee(obj) : null;
            const helper = callee && syn.exprKind(typeOf(callee)) === 'identifier' ? lookup('n', textOf(callee)) : undefined;
            const ret = helper ? onlyReturned(helper.node, syn) : undefined;
            return ret && injectedReceiver(ret, helper!, ctx, syn) ? ret : undefined;
          };
          const fixImports = (): Map<string, string> => (fn ? (reads ??= new ImportReads(ctx.imports, (dep) => deps.set(detached(dep), importDep(ctx, syn, dep)))) : ctx.imports);
          const env = {
            pass,
            lines: doc.lines,
            resolve: analysisResolver(resolvers, ctx, u),
            calleeSummary: (callee: Node) => {
              // Another file's function by a qualified name: read from the import statements (Java's wildcards too).
              if (fn && ctx.qualifiedCallees?.size) deps.set('I@', ctx.importsSig);
              return resolveCallee(callee, ctx, lookup, summaryOf, imported, ids, syn, u.cls === undefined ? undefined : (name) => {
                const d = dispatchOf(u.cls!, name);
                record(`o:${u.cls}.${name}`, d.sig);
                return d.callee;
              }, instanceOf, names?.has, u.cls, injected);
            },
            callsWorkspace: (callee: Node) => {
              // Another file's function by a qualified name (Java's `SortColumns.resolve(x)`, Go's `h.svc.Get(id)`).
              if (ctx.qualifiedCallees?.has(callee.id)) return true;
              const obj = syn.memberObject(callee);
              const prop = syn.propertyOf(callee);
              if (!obj || !prop || !imported.size) return false;
              if (instanceOf(obj, textOf(prop))) return true;
              return syn.exprKind(typeOf(obj)) === 'identifier' && imported.has(`${textOf(obj)}.${textOf(prop)}`);
            },
            ...(tableImports ? { importedTable: (name: string, key: string | undefined) => importedTable(imported, ids, name, key) } : {}),
            ...(ctx.registrations ? { registersHandler: (call: Node) => importedHandler(call, ctx, lookup, imported) } : {}),
            ...(ctx.cleanFields ? { cleanFields: ctx.cleanFields } : {}),
            ...(ctx.typedFields || typedImports
              ? {
                  typedFields: (cls: string) => ctx.typedFields?.get(cls) ?? imported.get(`${TYPED_FIELDS_KEY}${cls}`)?.typedFields,
                  ...(u.cls !== undefined && ctx.boundForms?.has(u.cls) ? { boundForm: ctx.boundForms.get(u.cls)! } : {}),
                }
              : {}),
            // This file's record classes by a dependency `r:<class>` (editing one re-analyses the units constructing
            // it only); another file's are part of the import key.
            ...(ctx.recordFields || typedImports
              ? {
                  recordFields: (cls: string) => {
                    record(`r:${cls}`, recordFieldsSig(ctx, cls));
                    return importedBaseRecord(ctx, imported, cls) ?? ctx.recordFields?.get(cls) ?? imported.get(`${TYPED_FIELDS_KEY}${cls}`)?.recordFields;
                  },
                }
              : {}),
            ...(requestAliases
              ? {
                  requestAliases,
                  requestFieldTaint: (alias: string, field: string) => {
                    const k = `f:@${alias}\u0000${field}`;
                    const f = requestFieldOf(alias, field);
                    record(k, f.sig);
                    // Another file's middleware (part of the pass's key, as every imported summary).
                    if (!f.taint) return importedWrites ? importedRequestField(imported, ids, alias, field) : undefined;
                    return { taint: f.taint, writers: f.writers };
                  },
                }
              : {}),
            // A class of this file constructed: its constructor, with its subclasses' (see `classDispatch`); else
            // an imported class's (part of the pass's key, as every imported summary).
            ...(ctx.byClass.size || imported.size
              ? {
                  constructorSummary: (cls: string, method: string) => {
                    const d = dispatchOf(cls, method);
                    record(`o:${cls}.${method}`, d.sig);
                    if (ctx.byClass.has(cls)) return d.callee;
                    const ext = imported.get(`${INSTANCE_OF}${cls}.${method}`);
                    return ext?.rules[ids[0]!] ? { summary: fromExport(ids.map((id) => ext.rules[id]), ext.keywords), name: cls, offset: ext.receiverParam ? 1 : 0 } : undefined;
                  },
                }
              : {}),
            ...(u.cls !== undefined
              ? {
                  fieldTaint: (field: string) => {
                    const k = `f:${u.cls}.${field}`;
                    const f = fieldOf(u.cls!, field);
                    record(k, f.sig);
                    return f.taint ? { taint: f.taint, writers: f.writers } : undefined;
                  },
                }
              : {}),
            inlineSummary: (fn: Node) => {
              const at = doc.lines.positionAt(fn.startIndex);
              const k = `i:${at.line - u.line}:${at.character}`;
              record(k, depSig(k, u));
              const unit = ctx.byStart.get(fn.startIndex);
              return unit && summaryOf(unit);
            },
            // What a fix reads outside the unit is a dependency of the unit's (the top level's statements stay
            // pinned to their lines instead: their entries do not record it).
            buildFixes: ((r2, sink, focus, b2, tainted) => buildFixes(r2, sink, focus, b2, doc, fixImports(), tainted, u === ctx.units[0] ? undefined : (k, v) => {
              IMPORT_LIST_DEPS.add(k);
              deps.set(k, v);
            })) as FixBuilder,
            imported: (m: string) => {
              const yes = importsModuleCached(ctx.imports, m);
              if (fn) deps.set(`I?${m}`, yes ? '1' : '0');
              return yes;
            },
            // Part of the pass's key (`importKey` holds `imported`'s keys): no unit dependency.
            importedThrough: (m: string) => importedThrough(imported, [m]),
            templateOutputs: (name: string) => {
              record(`t:${name}`, templateSig(name));
              return templateOutputs(name);
            },
            // Methods: what the constructor assigns a receiver field (recorded when absent too).
            ...(u.cls !== undefined && syn.constructorMethod !== undefined
              ? {
                  fieldValue: (path: string): Node | undefined => {
                    const v = constructorFieldValues(ctx, syn, u.cls!).get(path);
                    deps.set(`p:${u.cls}.${path}`, v?.sig ?? 'none');
                    return v?.node;
                  },
                }
              : {}),
            // Function units only: the top level reads its own assignments as it walks them.
            ...(u === ctx.units[0]
              ? {}
              : {
                  moduleValue: (name: string): Node | undefined => {
                    // Recorded when absent too: a constant added later changes what this unit finds.
                    deps.set(`c:${name}`, moduleValueSig(ctx, syn, name));
                    return moduleValue(ctx, syn, name);
                  },
                }),
            limit: meter.budget - meter.spent,
          };
          let out;
          let topRun: CacheEntry['top'];
          if (u === ctx.units[0]) {
            const top: TopLevelCache = {
              find: (k, line, ok) => {
                const slot = statementSlot(k, line);
                const a = freshStatements.get(slot);
                const b2 = prevStatements?.get(slot);
                // The last run kept one entry per round where they differ (in round order): this round's is the
                // likeliest, then this run's latest, then the rest. No list is built per visit.
                const first = b2 ? b2[Math.min(cur, b2.length - 1)]! : undefined;
                if (first && ok(first)) return first;
                if (a) for (let i = a.length - 1; i >= 0; i--) if (a[i] !== first && ok(a[i]!)) return a[i];
                if (b2) for (const e of b2) if (e !== first && !a?.includes(e) && ok(e)) return e;
                return undefined;
              },
              lines: (k) => {
                if (!linesOf) {
                  // Built once per pass, when a statement first misses at its own line.
                  linesOf = new Map();
                  for (const slot of prevStatements?.keys() ?? []) {
                    const sep = slot.lastIndexOf(SLOT);
                    const key = slot.slice(0, sep);
                    const list = linesOf.get(key);
                    if (list) list.push(Number(slot.slice(sep + 1)));
                    else linesOf.set(key, [Number(slot.slice(sep + 1))]);
                  }
                }
                return linesOf.get(k) ?? [];
              },
              keep: (k, line, e) => {
                remember(freshStatements, statementSlot(k, line), e);
                for (const [d, v] of e.deps) deps.set(d, v);
              },
              forward: (m) => {
                for (const [d, v] of m) deps.set(d, v);
              },
              holds: (d, v) => depSig(d, u) === v,
              track: (m) => {
                statementDeps = m;
              },
              stats: this.stats,
            };
            const stmts = topStatements(ctx, doc.text, doc.lines, syn.functionTypes);
            const at = statementLines(stmts);
            // The last run's statement entries of this round, when the fixpoint knows what may have changed since.
            const old = base && roundTargets ? base.rounds[round]?.entries.get(base.rootKey)?.top : undefined;
            if (old) {
              const a = alignStatements(old.at, at);
              top.prev = { entries: old.entries, p: a.p, q: a.q, delta: a.delta, oldCount: old.at.keys.length, ...(old.marks ? { marks: old.marks } : {}) };
              top.suspect = suspectDeps(roundTargets!, byKey, u, doc.lines);
            }
            out = analyzeTopLevel(u.node, stmts, env, top);
            topRun = { at, entries: out.statements ?? [], ...(out.marks ? { marks: out.marks } : {}) };
          } else out = analyzeUnit(u.node, u.params, env);
          // Every name its resolver was asked in this run (its passes share it, and `canonicalOf`'s memo by resolver
          // answers a later pass without asking again): a superset of what this analysis resolved.
          if (names) for (const id of names.asked) deps.set(detached(`I:${id}`), detached(ctx.imports.get(id) ?? IMPORT_NONE));
          meter.spent += out.work;
          this.stats.dataflowSteps += out.work - (out.reused ?? 0);
          // Most units find nothing for most passes: they share one empty result (it has no ranges to move), and
          // one entry when they consulted nothing; the lists of what they consulted are shared when equal.
          if (out.findings.length === 0 && isEmpty(out.summary)) {
            entry = deps.size === 0 ? this.emptyEntry(out.work) : { ...this.emptyEntry(out.work), deps: this.internDeps(deps) };
          } else {
            const r: CachedUnit = { summary: this.internSummary(out.summary), findings: out.findings };
            const outside = outsideEdits(r, u.line, u.endLine, deps);
            // A fix that edits where the imports are (not an entry it recorded) holds while they stay where they are.
            if (fn && outside === 'pinned') deps.set('I@', ctx.importsSig);
            entry = { result: r, line: u.line, endLine: u.endLine, pinned: outside === 'pinned', ...(outside === 'anchored' ? { outside: true as const } : {}), deps, work: out.work };
          }
          // The top level's entry carries its statement entries (its own object: the next run aligns with them).
          if (topRun) entry = { ...entry, top: topRun };
          remember(fresh, key, entry);
        }
        roundWork += entry.work;
        o.set(key, entry);
      }
      // Settled when no unit's summary changed (a missing and an empty summary count as the same): counted over the
      // units visited in this round or the one before, and those gone, against the base's count.
      // Hashed only when it can tell: the same summary object (a moved unit's shifted entry, reused in the rounds
      // after) or an empty one against none needs no signature.
      const member = (e: CacheEntry | undefined, before: CacheEntry | undefined): boolean => {
        if (!e) return false;
        const r = e.result;
        const q = before?.result;
        if (r === q) return false;
        if (!q || resultEmpty(r) || resultEmpty(q)) return resultEmpty(r) !== (!q || resultEmpty(q));
        return !sameResultSignature(r, q);
      };
      let unsettled = 0;
      let findings: Set<string>;
      if (!b || !diff) {
        findings = new Set();
        for (const u of unitList) {
          const e = o.get(u.key)!;
          if (member(e, round > 0 ? entryAt(round - 1, u.key) : undefined)) unsettled++;
          if (findingCount(e.result)) findings.add(u.key);
        }
      } else {
        unsettled = b.unsettled;
        const bb = round > 0 ? base!.rounds[round - 1] : undefined;
        for (const k of new Set([...todo.map((u) => u.key), ...visitedBefore.map((u) => u.key), ...diff.gone])) {
          if (member(b.entries.get(k), bb?.entries.get(k))) unsettled--;
          if (byKey.has(k) && member(entryAt(round, k), round > 0 ? entryAt(round - 1, k) : undefined)) unsettled++;
        }
        findings = new Set(b.findings);
        for (const k of diff.gone) findings.delete(k);
        for (const u of todo) {
          if (findingCount(o.get(u.key)!.result)) findings.add(u.key);
          else findings.delete(u.key);
        }
      }
      rounds.push({ unsettled, findings, work: roundWork, visited: todo });
      visitedBefore = todo;
      if (unsettled === 0) break;
    }
    const last = rounds.length - 1;
    if (relevant) {
      // A unit that may hold input whose enclosing function was left out: that function may read input from it
      // (`capturedCalls`, `capturedWrites`, an inline callback's `sourceReturns`). Exactness first: run again with it.
      const more = new Set<number>();
      for (const [i, parent] of relevant.unchecked) {
        const key = ctx.units[i]!.key;
        if (over.some((o) => {
          const s = o.get(key)?.result.summary;
          const fromSource = (m: Map<string, Flow[]> | undefined): boolean => !!m && [...m.values()].some((fl) => fl.some((f) => f.origin.kind === 'source'));
          return !!s && (s.sourceReturns.length > 0 || !!s.capturedCalls?.size || !!s.capturedWrites?.size || fromSource(s.fieldWrites) || fromSource(s.returnFields));
        })) more.add(parent);
      }
      if (more.size) {
        this.stats.passes--;
        this.stats.pruneRetries++;
        meter.spent = spentBefore;
        meter.paused = Math.min(meter.paused, spentBefore);
        return yield* this.fixpoint(doc, pass, ctx, imported, cache, used, meter, statements, resolvers, records, new Set([...prune!, ...more]));
      }
    }
    cur = last + 1;
    const results = [...rounds[last]!.findings].sort((x, y) => index.get(x)! - index.get(y)!).map((k) => entryAt(last, k)!.result);
    if (records && !relevant) {
      // The new record: each base round with this run's entries in (and the gone units out), or the round as computed.
      // Writes to the base's rounds go through a journal, so that the next run can restore the base (`revertRecord`).
      const journal = new Journal();
      const baseState = base?.rounds.map((rr) => ({ unsettled: rr.unsettled, findings: rr.findings, work: rr.work }));
      const next: RoundRecord[] = [];
      for (let r = 0; r <= last; r++) {
        const o = over[r]!;
        const info = rounds[r]!;
        let rr = base?.rounds[r];
        if (!rr || !diff) {
          rr = { entries: o, consumers: new Map(), targets: new Map(), unsettled: 0, findings: info.findings, work: 0 };
          for (const u of ctx.units) indexEntry(rr, u, o.get(u.key)!, ctx, doc.lines);
        } else {
          for (const k of diff.gone) {
            const e = rr.entries.get(k);
            if (!e) continue;
            unindexEntry(rr, k, journal);
            journal.delete(rr.entries, k);
            // Kept for one more run: an undo brings the same text back.
            remember(fresh, k, e);
          }
          for (const [k, e] of o) {
            const old = rr.entries.get(k);
            if (old && old !== e) remember(fresh, k, old);
            journal.set(rr.entries, k, e);
            // Most visited units (moved ones above all) consulted the same names as before: their index holds, but
            // for the dependencies that changed and the inline functions that were replaced.
            reindexEntry(rr, byKey.get(k)!, e, ctx, doc.lines, journal);
          }
          for (const k of reindex[r]!) if (!o.has(k)) reindexEntry(rr, byKey.get(k)!, rr.entries.get(k)!, ctx, doc.lines, journal);
          rr.findings = info.findings;
        }
        rr.unsettled = info.unsettled;
        rr.work = info.work;
        next.push(rr);
      }
      let undo: RecordUndo | undefined;
      if (base && diff) {
        // A run that wrote nothing (an undo restored its base) keeps the base's own undo: a redo restores that.
        const same = journal.size === 0 && next.length === base.rounds.length && next.every((rr, i) => rr === base.rounds[i]);
        undo = same ? base.undo : { rounds: base.rounds, state: baseState!, journal, rootKey: base.rootKey, snap: base.snap, maxRounds: base.maxRounds };
      }
      records.set(ruleKey, { rounds: next, rootKey: ctx.units[0]!.key, snap: work.snap, maxRounds, ...(undo ? { undo } : {}), ...(this.templateIndex ? { templates: this.templateIndex } : {}) });
    }
    return { results, summaryOf };
  }

  /** The type aliases (`ExportSummary.typeAlias`) a file imports by name from the workspace's modules, by local name. */
  private importedTypeAliases(path: string, imports: Map<string, string>, syn: LanguageModule): [string, string][] {
    const out: [string, string][] = [];
    for (const [local, canon] of imports) {
      if (local.startsWith('*') || (!isWorkspaceModule(canon) && !syn.absoluteLocalImports)) continue;
      const named = importedName(canon);
      const alias = named && this.exportIndex?.(path, named.module)?.find((e) => e.name === named.name && e.typeAlias !== undefined)?.typeAlias;
      if (alias !== undefined) out.push([local, alias]);
    }
    return out;
  }

  private importedSummaries(doc: SourceDocument, ctx: FileContext, root: Node, syn: LanguageModule, words?: TextWords): Map<string, ExportSummary> {
    const out = new Map<string, ExportSummary>();
    if (!this.exportIndex) return out;
    const stars: string[] = [];
    for (const [local, canon] of ctx.imports) {
      // Relative imports; in Python also absolute ones, which the index resolves to the workspace's own modules.
      if (!isWorkspaceModule(canon) && !syn.absoluteLocalImports) continue;
      if (local.startsWith('*')) {
        stars.push(canon);
        continue;
      }
      const named = importedName(canon);
      const entries = named && this.exportIndex(doc.path, named.module);
      const name = named?.name ?? canon;
      const found = entries?.find((e) => e.name === name);
      // An imported class's methods called on the class (`OrderQuery.fromRequest(req)`, `BookQuery.from_args(a)`).
      const methods = entries?.filter((e) => e.className === name && e.name.startsWith(`${name}.`)) ?? [];
      for (const e of methods) out.set(`${local}${e.name.slice(name.length)}`, e);
      for (const e of entries ?? []) if (e.table?.name === name) out.set(`${TABLE_ENTRY}${local}\u0000${e.table.key}`, e);
      libraryKeys(entries, out);
      if (found) out.set(`${importedKeyPrefix(found)}${local}`, found);
      // A module imported whole (`from . import helper`, `from shop import db`; `const db = require('./db')`,
      // `import * as db from './db'`): its functions are called as `helper.f(x)`, looked up by that text (see
      // `resolveCallee`).
      else if (!methods.length && (syn.absoluteLocalImports || isWorkspaceModule(canon))) {
        const whole = this.exportIndex(doc.path, canon);
        for (const e of whole ?? []) {
          if (!e.className && !e.libraries) out.set(`${importedKeyPrefix(e)}${local}.${e.name}`, e);
          // `const send = require('./send'); send(x)`: the module is its function.
          if (e.moduleFunction) out.set(local, e);
        }
        libraryKeys(whole, out);
      }
    }
    // `from m import *` binds every function of m the file does not name otherwise; of two star imports, the later.
    for (const m of stars.reverse()) {
      const entries = this.exportIndex(doc.path, m);
      for (const e of entries ?? []) if (!e.className && !e.libraries && !out.has(e.name) && !ctx.imports.has(e.name)) out.set(`${importedKeyPrefix(e)}${e.name}`, e);
      libraryKeys(entries, out);
    }
    if (syn.instances && !syn.qualifiedModules) this.instanceMethods(doc, ctx, root, syn, syn.instances, out, words ?? TextWords.of(doc.text));
    // The workspace's methods by name, for calls on objects of unknown class (see `BY_METHOD`): of other files, and
    // only where at most two classes define the name.
    const byMethod = this.exportIndex.methodsNamed;
    if (byMethod?.size && !syn.qualifiedModules) {
      const w = words ?? TextWords.of(doc.text);
      for (const [m, entries] of byMethod) {
        if (!w.hasWord(m)) continue;
        const others = entries.filter((e) => e.path !== doc.path);
        if (!others.length || new Set(others.map((e) => `${e.path}\u0000${e.className}`)).size > MAX_METHOD_CLASSES) continue;
        others.forEach((e, i) => out.set(`${BY_METHOD}${m}\u0000${i}`, e));
      }
    }
    // The workspace's classes by the names their instances are held under (see `BY_FIELD`), or a registry entry
    // another file assigns one of them to (see `ExportIndex.heldNames`): of another file, and only where one file
    // defines the class.
    const byClass = this.exportIndex.classesNamed;
    if (byClass?.size && !syn.qualifiedModules) {
      const w = words ?? TextWords.of(doc.text);
      const heldAs = (cls: string, held: readonly string[]): void => {
        const entries = byClass.get(cls);
        if (!held.length || !entries || entries.some((e) => e.path === doc.path) || new Set(entries.map((e) => e.path)).size > 1) return;
        for (const e of entries) {
          const m = e.name.slice(cls.length + 1);
          if (w.hasWord(m)) for (const n of held) out.set(`${BY_FIELD}${n}.${m}`, e);
        }
      };
      const named = (n: string): boolean => w.hasWord(n) || w.hasWord(`_${n}`);
      for (const [n, cls] of this.exportIndex.collaborators ?? []) if (named(n)) heldAs(cls, [n]);
      for (const [n, classes] of this.exportIndex.heldNames ?? []) if (classes.size === 1 && named(n)) heldAs([...classes][0]!, [n]);
    }
    // What other files' middleware stores on a request (see `ExportIndex.requestWrites`), at paths whose every
    // name the file spells.
    const writes = this.exportIndex.requestWrites;
    if (writes?.size) {
      const w = words ?? TextWords.of(doc.text);
      for (const [key, entries] of writes) {
        if (!key.slice(key.indexOf('\u0000') + 1).split('.').every((n) => w.hasWord(n))) continue;
        entries.filter((e) => e.path !== doc.path).forEach((e, i) => out.set(`${REQUEST_WRITE}${key}\u0000${i}`, e));
      }
    }
    // Languages whose imports name classes or packages: each call that names another file's function.
    const q = syn.qualifiedModules;
    const lookup = this.exportIndex.qualified;
    if (q && lookup) {
      ctx.qualifiedCallees = new Map();
      for (const call of root.descendantsOfType([...q.callTypes])) {
        const callee = call && syn.callee(call);
        if (!call || !callee) continue;
        for (const { module, name } of q.calleeNames(call, ctx.imports, doc.path)) {
          const found = lookup(module, name);
          if (!found) continue;
          // A key no identifier can be: the module and name with a separator.
          const key = `${module}\u0000${name}`;
          out.set(key, found);
          ctx.qualifiedCallees.set(callee.id, key);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The methods of the classes this file imports from the workspace (see `ExportSummary.className`), into `out`: under
   * `INSTANCE_OF` + `<class as written>.<method>` for a local whose one definition in its function constructs it
   * (`cfg = Config()`, checked at the call: it depends on the unit's own text only), and under `INSTANCE_AT` +
   * `<path>.<method>` for a name or path the whole file assigns instances of that class only (`g.req = Request(...)`
   * in every assignment, `this.fetcher = new Fetcher()`; a name bound once in the file). A call of one of the file's
   * `factories` constructs its class. Both are part of `out`, so
   * of every pass's key: the file-wide facts changing re-analyses the file.
   */
  private instanceMethods(doc: SourceDocument, ctx: FileContext, root: Node, syn: LanguageModule, inst: ClassInstances, out: Map<string, ExportSummary>, words: TextWords): void {
    const classes = new Map<string, Map<string, ExportSummary>>();
    // Only the methods whose name the text holds (a call names it): every entry is part of each pass's key and
    // grouping, and a class's other methods would only cost that.
    // A constructor is named by its class's construction, which `add`'s callers see.
    const named = (method: string): boolean => !/^\w+$/.test(method) || method === syn.constructorMethod || words.hasWord(method);
    // `<class>.<method>` -> `<method>`.
    const methodOf = (e: ExportSummary): string => e.name.slice(e.className!.length + 1);
    const add = (written: string, cls: string, entries: readonly ExportSummary[] | undefined): void => {
      for (const e of entries ?? []) {
        if (e.className !== cls || !named(methodOf(e))) continue;
        let methods = classes.get(written);
        if (!methods) classes.set(written, (methods = new Map()));
        methods.set(methodOf(e), e);
      }
    };
    for (const [local, canon] of ctx.imports) {
      if (local.startsWith('*') || (!isWorkspaceModule(canon) && !syn.absoluteLocalImports)) continue;
      // `from .config import Config`, `import { UserStore } from './store'`: the class by its local name.
      const imported = importedName(canon);
      if (imported) {
        const entries = this.exportIndex!(doc.path, imported.module);
        add(local, imported.name, entries);
        // `from .services import posts`, where services.py binds `posts = PostService()`: `posts` is that instance.
        for (const e of entries ?? []) if (e.instanceNames?.includes(imported.name) && named(methodOf(e))) out.set(`${INSTANCE_AT}${local}.${methodOf(e)}`, e);
      }
      // `import app.request as r`: its classes written `r.Request`; `import Store from './store'`: the module's class.
      for (const e of this.exportIndex!(doc.path, canon) ?? []) {
        if (!e.className) continue;
        add(`${local}.${e.className}`, e.className, [e]);
        if (e.moduleClass) add(local, e.className, [e]);
        // `const notes = require('./store')` of a module exporting `new NoteStore()`: `notes` is that instance.
        if (e.moduleInstance && named(methodOf(e))) out.set(`${INSTANCE_AT}${local}.${methodOf(e)}`, e);
        // `from . import services; services.posts.by_slug(x)`.
        for (const n of e.instanceNames ?? []) if (named(methodOf(e))) out.set(`${INSTANCE_AT}${local}.${n}.${methodOf(e)}`, e);
      }
    }
    if (classes.size === 0) return;
    // `def service() -> DocumentService:` (or returning one): a call of it is an instance, as a construction is.
    for (const [fn, cls] of inst.factories?.(root) ?? []) {
      const methods = classes.get(cls);
      if (methods && !classes.has(fn)) classes.set(fn, methods);
    }
    for (const [written, methods] of classes) for (const [m, e] of methods) out.set(`${INSTANCE_OF}${written}.${m}`, e);
    const byPath = new Map<string, string | null>();
    for (const { target, value } of inst.assignments(root)) {
      const path = syn.accessPath(target);
      if (path === undefined) continue;
      const cls = value ? inst.constructed(syn.unparenthesize(value)) : undefined;
      const known = cls !== undefined && classes.has(cls) ? cls : null;
      byPath.set(path, byPath.has(path) && byPath.get(path) !== known ? null : known);
    }
    // A field's declared class wins over what assigns it (`this.orders = orders`, the injected parameter); two
    // declarations of one path with different classes (two classes of the file) tell nothing.
    const declared = new Map<string, string | null>();
    for (const { path, cls } of inst.declaredFields?.(root) ?? []) declared.set(path, declared.has(path) && declared.get(path) !== cls ? null : cls);
    for (const [path, cls] of declared) if (cls !== null && classes.has(cls)) byPath.set(path, cls);
    const receiver = syn.fieldReceiver;
    for (const [path, cls] of byPath) {
      if (cls === null) continue;
      const head = path.split('.')[0]!;
      // A path off the receiver (a field) or off an imported module (`flask.g`); a name, or a path off one, bound
      // once in the whole file (every other use a read): never a parameter's or another function's local.
      if (head !== receiver && !ctx.imports.has(head)) {
        const d = syn.constantDef?.(root, head);
        if (!d || d === 'free' || (head === path && inst.constructed(syn.unparenthesize(d.value)) !== cls)) continue;
      }
      for (const [m, e] of classes.get(cls)!) out.set(`${INSTANCE_AT}${path}.${m}`, e);
    }
  }

  private toFinding(rule: CompiledRule, f: RawTaintFinding, doc: SourceDocument): Finding {
    const message = rule.spec.message.replace(/\$SOURCE/g, f.label).replace(/\$SINK/g, f.sinkText);
    const fixes: Fix[] = [...f.fixes, suppressFix(rule.spec.id, f.range, doc)];
    return {
      ruleId: rule.spec.id,
      pack: 'taint',
      severity: rule.spec.severity,
      cwe: rule.spec.cwe,
      message,
      range: f.range,
      docsUrl: rule.docsUrl,
      trace: f.trace,
      fixes,
      // `input`: the source's kind (priority ranks by it); `untraced`: an audit finding with no source.
      properties: { source: f.label, sink: f.sinkText, ...(f.input ? { input: f.input } : {}), ...(f.label === NON_CONSTANT ? { untraced: true } : {}) },
    };
  }

  /**
   * The taint rules (ids) a flow can start for in a document by its own code, at normal strictness: undefined for
   * every rule. A scan with the export index runs a rule's pass on a file only where a flow can start for it
   * (`sourcelessPasses`): at an input parameter (a framework handler's: every rule; an exported function's: the
   * `library-input` rules), at a registration of a function that may be another file's (every rule), at a node where
   * a source of the rule matches, or at a call of an imported function that returns a source of the rule, which the
   * imported file's own code has (pass 1 has no index: a summary's sources are its file's). A tree with errors, or
   * skipping off: every rule. So another file's summaries for a rule outside the union of this over the files that
   * import it and the files they import are read by no run (see `summarizeExports`' `scope`).
   */
  rulesStartingIn(doc: SourceDocument): ReadonlySet<string> | undefined {
    return this.startsIn(doc).rules;
  }

  /**
   * Pass 0 of the workspace scan on a document: `rulesStartingIn`'s rules, the calls that pass a request to another
   * file's function (`RequestArgument`), which make that function's parameter stand for it when its file is
   * summarised, and the routes it declares for other files' views (`RouteRegistration`).
   */
  startsIn(doc: SourceDocument): { rules: ReadonlySet<string> | undefined; requestArgs: RequestArgument[]; routes: RouteRegistration[] } {
    if (this.overLongLine(doc)) return { rules: new Set(), requestArgs: [], routes: [] };
    const tree = doc.tree;
    const lang = this.compiledFor(doc);
    let ctx: FileContext | undefined;
    const context = (): FileContext => {
      if (ctx) return ctx;
      resetNodeCache();
      return (ctx = fileContext(tree!, lang!, doc.text, doc.lines, undefined, undefined, undefined, doc.path));
    };
    let rules = this.rulesStartingInContext(doc, context);
    // A file the rules' words ruled out has no handler (so no request to pass) and no context was read.
    const requestArgs = ctx?.requestArgs ?? (rules === undefined && tree && lang ? context().requestArgs ?? [] : []);
    // A request passed on may start a flow for any rule in the function it reaches (its sources are read there).
    if (requestArgs.length && rules && lang) rules = new Set(lang.rules.filter((r) => r.spec.kind === 'taint').map((r) => r.spec.id));
    const routes = tree && lang?.module.routeRegistrations ? lang.module.routeRegistrations(tree.rootNode, doc.text, () => context().imports) : [];
    return { rules, requestArgs, routes };
  }

  private rulesStartingInContext(doc: SourceDocument, context: () => FileContext): ReadonlySet<string> | undefined {
    if (!this.skipSourceless) return undefined;
    // Without a source's words or a handler's in the text no source can match and no parameter is a handler's: at
    // most the `library-input` rules, known without parsing (once the grammar's rules are compiled).
    const known = doc.grammar !== undefined ? this.compiled.get(doc.grammar) : undefined;
    if (known) {
      const tw = TextWords.of(doc.text);
      if (!known.handlers.some((h) => handlerMayApply(h, tw.under)) && !known.rules.some((r) => r.spec.kind === 'taint' && mayHaveSource(r, tw))) {
        return new Set(known.rules.filter((r) => r.spec.kind === 'taint' && r.libraryInput).map((r) => r.spec.id));
      }
    }
    const lang = this.compiledFor(doc);
    const tree = doc.tree;
    if (!lang || !tree) return new Set();
    const ctx = context();
    const rs = this.sourceOnlyResolvers(tree, ctx, new Map(), false);
    if (!rs || ctx.registrations?.size) return undefined;
    const out = new Set<string>();
    const entries = ctx.units.some((u) => (u.params.entryParams?.size ?? 0) > 0);
    const taintRules = lang.rules.filter((r) => r.spec.kind === 'taint');
    for (const r of taintRules) if (r.audit || (r.libraryInput && entries)) out.add(r.spec.id);
    // The sources the passes would index (`sourcelessOneShot`'s narrowing), each tried once through the union of the
    // language's sources: a rule's pass has a matching source iff one of its representatives matches (`passHasSource`).
    const rest = taintRules.filter((r) => !out.has(r.spec.id));
    const tw = TextWords.of(doc.text);
    const union = sourceUnion(lang);
    const can = this.groupRules ? patternFilter(tw.words, lang) : undefined;
    const { keep: listed } = fileSources(union, rest, can);
    const { keep, types } = this.narrowSources ? occurringSources(union, listed, (w) => tw.words.has(w), (w) => doc.text.includes(w), resolverWords(ctx)) : fileSources(union, rest, can);
    if (types.length === 0) return out;
    this.stats.sourceWalks++;
    const found = sourcesMatching(keptIndex(union, keep), types, this.sourceWalk(tree), rs, (m) => importsModuleCached(ctx.imports, m), keep);
    for (const r of rest) if (ruleSourceAmong(union, r, found)) out.add(r.spec.id);
    return out;
  }

  /**
   * Summaries of the exported functions of a document (ES `export`, `module.exports`/`exports.x`, and every
   * top-level Python function), for the workspace scan's first pass. Bounded by the work budget like `analyze`.
   * `called`: the names the files importing this one call or construct (`calledNames`); a method of an exported
   * class is summarised only when both its class and its name are among them (another file follows a method only
   * at a call on an instance it constructed: see `ClassInstances`). Absent: every exported class's methods.
   * `rules`: only these rules (by id), e.g. those a flow can start for in a file that may read the summaries
   * (`rulesStartingIn`). A rule's summaries are the same whichever other rules run (a pass's rules share its flows;
   * see `passes`), so a rule left out only loses summaries no reader's run would consult.
   */
  summarizeExports(doc: SourceDocument, called?: ReadonlySet<string>, rules?: ReadonlySet<string>, incoming?: IncomingFacts): ExportSummary[] {
    if (this.overLongLine(doc)) return [];
    const lang = this.compiledFor(doc);
    const tree = doc.tree;
    if (!lang || !tree) return [];
    resetNodeCache();
    const ctx = fileContext(tree, lang, doc.text, doc.lines, undefined, undefined, undefined, doc.path, incoming);
    this.depsTable.clear();
    this.summaryTable.clear();
    const q = lang.module.qualifiedModules;
    const exported = q ? undefined : lang.module.exportedNames(tree);
    const classes = q ? undefined : lang.module.instances?.exportedClasses(tree);
    // The module's own class is constructed under whatever name each importer gives it: `called` cannot name it.
    const own = q ? undefined : lang.module.instances?.moduleClass?.(tree);
    const ownInstance = q ? undefined : lang.module.instances?.moduleInstance?.(tree);
    // `posts = PostService()`: importers import the instance, never naming the class.
    const instanceNames = new Map<string, string[]>();
    for (const [name, cls] of (q ? undefined : lang.module.instances?.exportedInstances?.(tree)) ?? []) instanceNames.set(cls, [...(instanceNames.get(cls) ?? []), name]);
    const byUnit = new Map<Unit, ExportSummary>();
    const keywordsOf = (u: Unit): Pick<ExportSummary, 'keywords' | 'types'> => {
      const kw = u.params.keywords;
      const types = kw ? u.params.names.map((_, i) => lang.module.paramTypeOf(u.node, i) ?? null) : [];
      return kw ? { keywords: [...kw], ...(types.some((t) => t !== null) ? { types } : {}) } : {};
    };
    for (const u of ctx.units) {
      if (!u.name) continue;
      const module = q?.moduleOf(u.node, doc.path);
      const keywords = keywordsOf(u);
      const qualifiedName = module !== undefined && q?.nameOf ? q.nameOf(u.node) : u.name;
      if (module !== undefined && qualifiedName !== undefined) byUnit.set(u, { path: doc.path, name: qualifiedName, rules: {}, modules: [module], ...keywords });
      else if (u.isMethod && u.cls !== undefined) {
        // A method of an exported class, by `<class>.<method>`; private ones (`#m`) no other file can call.
        const names = instanceNames.get(u.cls);
        // The constructor of a class an importer constructs (`new C(x)`, `C(x)`): what it stores where.
        const ctor = u.name === lang.module.constructorMethod;
        // An application's method called by name somewhere (see `ExportIndex.methodsNamed`): whoever constructs its class.
        const byName = !ctor && isAppMethodName(u.name) && !!called?.has(u.name);
        if (!classes?.has(u.cls) || (called && ((u.cls !== own && u.cls !== ownInstance && !names && !called.has(u.cls) && !byName) || (!ctor && !called.has(u.name)))) || !/^[A-Za-z_$][\w$]*$/.test(u.name)) continue;
        const first = u.params.names[0]?.node.text;
        const receiverParam = first !== undefined && !!lang.module.explicitReceivers?.has(first);
        byUnit.set(u, { path: doc.path, name: `${u.cls}.${u.name}`, className: u.cls, rules: {}, ...keywords, ...(receiverParam ? { receiverParam: true as const } : {}), ...(u.cls === own ? { moduleClass: true as const } : {}), ...(u.cls === ownInstance ? { moduleInstance: true as const } : {}), ...(names ? { instanceNames: names } : {}) });
      } else if (exported?.has(u.name)) byUnit.set(u, { path: doc.path, name: u.name, rules: {}, ...keywords });
    }
    // The module's own function, which importers call by whatever name they give the module: whatever `called` says.
    const ownFn = q ? undefined : lang.module.instances?.moduleFunction?.(tree);
    const ownUnit = typeof ownFn === 'string' ? ctx.byName.get(ownFn) : ownFn && ctx.byStart.get(ownFn.startIndex);
    if (ownUnit && ownUnit.cls === undefined) {
      const known = byUnit.get(ownUnit);
      if (known) known.moduleFunction = true;
      else byUnit.set(ownUnit, { path: doc.path, name: ownUnit.name ?? 'default', rules: {}, ...keywordsOf(ownUnit), moduleFunction: true });
    }
    // An exported table of functions: each entry's function (a name of this file or written in place), by
    // `<table>[<key>]` too (see `ExportSummary.table`); a function in two places is summarised once.
    const tableAliases: { u: Unit; table: { name: string; key: string } }[] = [];
    // An entry naming another module's function (`'delivery.webhook': delivery.deliverWebhook`, an imported name):
    // a re-export of it under `<table>[<key>]`, which the index resolves.
    const tableReexports: ExportSummary[] = [];
    if (exported) for (const name of moduleValues(ctx, lang.module).keys()) {
      const lit = exported.has(name) ? moduleValue(ctx, lang.module, name) : undefined;
      if (!lit || !lang.module.tableTypes.has(typeOf(lit))) continue;
      for (const { key, value } of tableEntries(lit, lang.module)) {
        const kind = lang.module.exprKind(typeOf(value));
        const u = key === undefined ? undefined : kind === 'function' ? ctx.byStart.get(value.startIndex) : kind === 'identifier' ? ctx.byName.get(textOf(value)) : undefined;
        const elsewhere = !u && key !== undefined ? importedFunctionOf(value, ctx.imports, lang.module) : undefined;
        if (elsewhere && key !== undefined) tableReexports.push({ path: doc.path, name: `${name}[${key}]`, rules: {}, reexport: elsewhere, table: { name, key } });
        if (!u || u.cls !== undefined || key === undefined) continue;
        const table = { name, key };
        if (byUnit.has(u)) tableAliases.push({ u, table });
        else byUnit.set(u, { path: doc.path, name: `${name}[${key}]`, rules: {}, ...keywordsOf(u), table });
      }
    }
    // Schemas and record classes are read or constructed by their importers, not called: listed whatever `called` says.
    // So are re-exports, which the index resolves.
    const schemas: ExportSummary[] = q ? [] : [...reexportsOf(doc.path, ctx, lang.module, tree.rootNode), ...tableReexports];
    if (!q) for (const name of new Set([...(ctx.typedFields?.keys() ?? []), ...(ctx.recordFields?.keys() ?? [])])) {
      const typed = ctx.typedFields?.get(name);
      const record = ctx.recordFields?.get(name);
      schemas.push({ path: doc.path, name, rules: {}, ...(typed ? { typedFields: [...typed] } : {}), ...(record ? { recordFields: [...record] } : {}) });
    }
    if (!q) for (const [name, typeAlias] of ctx.typeAliases ?? []) schemas.push({ path: doc.path, name, rules: {}, typeAlias });
    if (!q) for (const [name, cls] of heldInstances(tree.rootNode, lang.module)) schemas.push({ path: doc.path, name: `${HELD_ENTRY}${name}`, rules: {}, heldClass: cls });
    // A class of the file alone in its role in the workspace, as the import graph found (`uniqueRoleClasses`): held
    // under the role's word (`this.repository`), as a registry entry is.
    for (const n of q ? [] : (called ?? [])) {
      if (!n.startsWith(ROLE_CALLED)) continue;
      const role = n.slice(ROLE_CALLED.length);
      const cls = [...ctx.byClass.keys()].find((c) => roleOf(c) === role);
      if (cls !== undefined) schemas.push({ path: doc.path, name: `${HELD_ENTRY}${role}`, rules: {}, heldClass: cls });
    }
    // Languages whose imports name classes or packages resolve no importer's module to this file's entries.
    const libraries = q ? [] : libraryModules(lang).filter((m) => importsModuleCached(ctx.imports, m));
    const librariesEntry = (lent: string[]): ExportSummary[] => (lent.length ? [{ path: doc.path, name: LIBRARIES_ENTRY, rules: {}, libraries: lent }] : []);
    // A file storing on a request (a middleware's) summarises what it stores, for other files' handlers.
    const writers = !q && ctx.requestWrites ? requestWritingUnits(ctx, lang) : [];
    if (byUnit.size === 0 && !writers.length) return [...schemas, ...librariesEntry(libraries)];
    const cache: UnitCache = new Map();
    this.emptyEntries.clear();
    const meter: WorkMeter = { spent: 0, budget: this.workBudget, paused: 0 };
    const words = TextWords.of(doc.text);
    const imported = this.importedSummaries(doc, ctx, tree.rootNode, lang.module, words);
    // Pattern rules have no flows to summarise.
    // Where the file stores on a request, also the rules starting here: those flows are for handlers that may import
    // nothing of it. Its exports' summaries stay those of `rules`.
    const ownStarts = rules && writers.length ? this.rulesStartingInContext(doc, () => ctx) : new Set<string>();
    const taintRules = lang.rules.filter((r) => r.spec.kind === 'taint' && (!rules || !ownStarts || rules.has(r.spec.id) || ownStarts.has(r.spec.id)));
    this.stats.rulesSummarised += taintRules.length;
    const perRule = new Map<string, Map<Unit, ExportRuleSummary>>();
    /** Per request path (`requestFieldKey`), the functions storing input there and, per rule, what they store. */
    const writes = new Map<string, { writers: Set<string>; rules: Record<string, ExportRuleSummary> }>();
    for (const pass of this.passes(taintRules, imported, words, lang)) {
      let summaryOf: (u: Unit) => Summary | undefined;
      try {
        ({ summaryOf } = drain(this.fixpoint(doc, pass, ctx, imported, cache, new Map(), meter, { prev: new Map(), used: new Map() }, new Map())));
      } catch (e) {
        // Same budget as `analyze`: the passes done so far give their rules' summaries, the others none.
        if (e instanceof BudgetExceeded) break;
        throw e;
      }
      for (const u of writers) {
        for (const [key, flows] of summaryOf(u)?.fieldWrites ?? []) {
          const input = key.startsWith('@') ? flows.filter((f) => f.origin.kind === 'source') : [];
          if (!input.length) continue;
          const w = writes.get(key) ?? { writers: new Set<string>(), rules: {} };
          writes.set(key, w);
          w.writers.add(u.name ?? (u.cls !== undefined ? u.cls : 'middleware'));
          // A pass's flows are each of its rules' (see `passes`).
          const sourceReturns = input.map((f) => ({ label: f.origin.kind === 'source' ? f.origin.label : '', ...(f.origin.kind === 'source' && f.origin.input ? { input: f.origin.input } : {}), steps: f.steps.map((x) => ({ ...x, path: x.path ?? doc.path })), ...(f.marks?.length ? { marks: [...f.marks] } : {}) }));
          for (const rule of pass.rules) (w.rules[rule.spec.id] ??= { paramReturns: [], paramSinks: [], sourceReturns: [] }).sourceReturns.push(...sourceReturns);
        }
      }
      pass.rules.forEach((rule, ri) => {
        const got = new Map<Unit, ExportRuleSummary>();
        perRule.set(rule.spec.id, got);
        for (const u of byUnit.keys()) {
          const s = summaryOf(u);
          if (!s) continue;
          // The rule's own summary: the pass's returns, and the sinks of this rule.
          const paramSinks = [...s.paramSinks].filter(([param]) => param >= 0).flatMap(([param, hits]) => hits.filter((h) => h.rule === ri).map((h) => ({ param, h })));
          // A method's receiver's fields (captures named `RECEIVER_FIELD` + field): the importer's object holds them.
          const fieldOfKey = (key: number): string | undefined => {
            const name = key < 0 ? s.captures?.[-key - 1] : undefined;
            return name?.startsWith(RECEIVER_FIELD) ? name.slice(RECEIVER_FIELD.length) : undefined;
          };
          const fieldSinks = [...s.paramSinks].flatMap(([key, hits]) => {
            const field = fieldOfKey(key);
            return field === undefined ? [] : hits.filter((h) => h.rule === ri).map((h) => ({ field, h }));
          });
          const fieldReturns = [...s.paramReturns.keys()].map(fieldOfKey).filter((f): f is string => f !== undefined);
          // Parameters stored in the receiver's fields (the receiver's own excepted).
          const fieldStores = [...(s.fieldWrites ?? [])].flatMap(([field, flows]) => flows.flatMap((f) => (f.origin.kind === 'param' && f.origin.index >= 0 ? [{ field, param: f.origin.index }] : [])));
          const withPath = (steps: TraceStep[]): TraceStep[] => steps.map((x) => ({ ...x, path: x.path ?? doc.path }));
          // Parameters and sources in the fields of the object it returns (a factory's).
          const returnFields: NonNullable<ExportRuleSummary['returnFields']> = [...(s.returnFields ?? [])].flatMap(([field, flows]) => flows.flatMap((f): NonNullable<ExportRuleSummary['returnFields']> => {
            const marks = f.marks?.length ? { marks: [...f.marks] } : {};
            if (f.origin.kind === 'source') return [{ field, label: f.origin.label, ...(f.origin.input ? { input: f.origin.input } : {}), steps: withPath(f.steps), ...marks }];
            return f.origin.index >= 0 ? [{ field, param: f.origin.index, ...marks }] : [];
          }));
          if (s.paramReturns.size === 0 && s.sourceReturns.length === 0 && !s.validates && !s.predicate && !s.paramRaises?.size && !fieldStores.length && !returnFields.length && !(s.paramSinks.size && [...s.paramSinks.values()].some((hits) => hits.some((h) => h.rule === ri)))) continue;
          // A sink hit as another file reads it, whether a parameter or a receiver's field reaches it.
          const exportHit = (h: SinkHit) => ({ sinkText: h.sinkText, range: h.range, steps: withPath(h.steps), ...(h.marks?.length ? { marks: [...h.marks] } : {}), ...(h.constructed ? { constructed: true as const } : {}) });
          got.set(u, {
            // A receiver's field (a negative key) means nothing to another file either.
            paramReturns: [...s.paramReturns.keys()].filter((i) => i >= 0),
            ...(s.returnMarks ? { returnMarks: [...s.returnMarks].map(([param, marks]) => ({ param, marks: [...marks] })) } : {}),
            ...(s.validates ? { validates: [...s.validates] } : {}),
            ...(s.predicate ? { predicate: [...s.predicate] } : {}),
            ...(s.paramRaises?.size ? { paramRaises: [...s.paramRaises].map(([param, steps]) => ({ param, steps: withPath(steps) })) } : {}),
            // Captured variables (negative keys) mean nothing to another file.
            paramSinks: paramSinks.map(({ param, h }) => ({ param, ...exportHit(h) })),
            sourceReturns: s.sourceReturns.map((f) => ({ label: f.origin.kind === 'source' ? f.origin.label : '', ...(f.origin.kind === 'source' && f.origin.input ? { input: f.origin.input } : {}), steps: withPath(f.steps), ...(f.marks?.length ? { marks: [...f.marks] } : {}) })),
            ...(fieldStores.length ? { fieldStores } : {}),
            ...(fieldSinks.length ? { fieldSinks: fieldSinks.map(({ field, h }) => ({ field, ...exportHit(h) })) } : {}),
            ...(fieldReturns.length ? { fieldReturns } : {}),
            ...(returnFields.length ? { returnFields } : {}),
          });
        }
      });
    }
    // In rule order, as each rule's own pass gave them.
    for (const rule of taintRules) {
      if (rules && !rules.has(rule.spec.id)) continue;
      for (const [u, r] of perRule.get(rule.spec.id) ?? []) byUnit.get(u)!.rules[rule.spec.id] = r;
    }
    // A module whose functions reach a library's sinks themselves wraps it (a `Directory` class searching LDAP): its
    // importers call those functions, and an importer's `index.search(name, q)` is no LDAP search.
    const wraps = (m: string): boolean =>
      taintRules.some((r) => (r.spec.requiresImport.includes(m) || r.sinks.some((k) => k.spec.requiresImport?.includes(m))) && [...(perRule.get(r.spec.id)?.values() ?? [])].some((x) => x.paramSinks.length > 0 || !!x.fieldSinks?.length));
    const requestWrites = [...writes].map(([key, w]): ExportSummary => ({ path: doc.path, name: `${REQUEST_WRITE}${key.slice(1)}`, rules: w.rules, requestWriters: [...w.writers] }));
    return [...byUnit.values(), ...tableAliases.map(({ u, table }) => ({ ...byUnit.get(u)!, name: `${table.name}[${table.key}]`, table })), ...schemas, ...librariesEntry(libraries.filter((m) => !wraps(m))), ...requestWrites];
  }
}

/**
 * Whether a finding's source is read off a parameter that stands for a request only because another file's call
 * passes one (`FileContext.requestsFromElsewhere`): the file alone would not report it, so the editor carries it
 * from the scan (see `isFromElsewhere`).
 */
function requestFromElsewhereAt(f: Finding, ctx: FileContext): RequestsFromElsewhere | undefined {
  const first = f.trace?.[0];
  const label = f.properties?.['source'];
  if (!first || first.path !== undefined || typeof label !== 'string') return undefined;
  const root = /^[A-Za-z_$][\w$]*/.exec(label)?.[0];
  const line = first.range.start.line;
  return root === undefined ? undefined : ctx.requestsFromElsewhere?.find((r) => line >= r.startLine && line <= r.endLine && r.names.includes(root));
}

/** The files whose calls pass the request `r` reads (all of them for a function this file's own functions call). */
function callersOf(incoming: IncomingRequests, r: RequestsFromElsewhere): string {
  const files = incoming.callers.filter(([name]) => r.called === undefined || name === r.called).map(([, file]) => file);
  return [...new Set(files)].join(', ');
}

/** A unit's result for one pass: its summary and its findings. */
export interface CachedUnit {
  summary: Summary;
  findings: RawTaintFinding[];
}

/**
 * Pattern findings that a taint finding of the same weakness (a shared CWE) already reports inside the same code:
 * `yaml.load(request.data)` is one problem, told best by the taint finding with its trace.
 */
function withoutTaintDuplicates(patterns: Finding[], taint: Finding[]): Finding[] {
  return patterns.filter((p) => !taint.some((t) => t.cwe.some((c) => p.cwe.includes(c)) && inside(t.range, p.range)));
}

/** Whether range `a` lies within range `b` (equal counts). */
function inside(a: Range, b: Range): boolean {
  return (
    (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
    (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character))
  );
}

/**
 * One rule's findings without those that enclose another at the same sink call: two sink patterns of a rule may
 * both match one call, one at the argument and one at the whole call (`client.search(base, opts)` with `opts`
 * holding `{ filter }`); the argument says more.
 */
function withoutEnclosingDuplicates(list: Finding[]): Finding[] {
  if (list.length < 2) return list;
  const sink = (f: Finding): unknown => f.properties?.['sink'];
  return list.filter((f) => !list.some((g) => g !== f && sink(g) === sink(f) && inside(g.range, f.range) && !inside(f.range, g.range)));
}

/** Whether two lists hold the same items in the same order (by identity unless `eq` says otherwise). */
function sameItems<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  return a.length === b.length && a.every((x, i) => eq(x, b[i]!));
}

/** A deep copy of findings (plain data), each position passed through `pos` when given. */
function copyFindings(findings: Finding[], pos?: (p: { line: number; character: number }) => { line: number; character: number }): Finding[] {
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(copy);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (pos && keys.length === 2 && typeof o.line === 'number' && typeof o.character === 'number') return pos(o as { line: number; character: number });
    // A loop, not `fromEntries(entries(...))`: this runs on every finding of every run (the session's copy).
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = copy(o[k]);
    return out;
  };
  return copy(findings) as Finding[];
}

/**
 * The findings of `before` moved to `after` when the one edit between the two texts changes no token and no text a
 * rule reads, else undefined: blanks added to or removed from a run of blanks between two statements of a block
 * (not a line's indentation, not a line break), or words typed or deleted inside a comment between statements.
 * Neither changes the tree but for positions on the edited line; a finding whose range holds the edit (its fix or
 * message may quote the text) is not moved.
 */
function movedByTrivia(before: string, after: string, root: Node, syn: LanguageModule, findings: Finding[]): Finding[] | undefined {
  if (before === after) return copyFindings(findings);
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const removed = before.slice(p, before.length - s);
  const inserted = after.slice(p, after.length - s);
  const end = p + inserted.length;
  // Error recovery may weigh the skipped text by its length.
  // A lone CR breaks a line of the findings' positions but not of the line count below.
  if (/[\r\n]/.test(removed + inserted) || root.hasError || /\r(?!\n)/.test(after)) return undefined;
  const blockOrRoot = (n: Node | null): boolean => !!n && (n.id === root.id || syn.stmtKind(n.type) === 'block');
  const blank = /^[ \t]*$/;
  const wordy = /^[\w \t]*$/;
  if (blank.test(removed) && blank.test(inserted)) {
    let g0 = p;
    while (g0 > 0 && (after[g0 - 1] === ' ' || after[g0 - 1] === '\t')) g0--;
    let g1 = end;
    while (g1 < after.length && (after[g1] === ' ' || after[g1] === '\t')) g1++;
    // Blanks before and after (or a line's end after): no token split or joined; not the indentation (Python reads it).
    const lineEnd = g1 === after.length || after[g1] === '\n' || after[g1] === '\r';
    if (!lineEnd && (g1 === g0 || g1 - g0 - inserted.length + removed.length === 0)) return undefined;
    if (g0 === 0 || after[g0 - 1] === '\n' || after[g0 - 1] === '\r') return undefined;
    // Between statements only: no expression's text (which a rule may read) holds them.
    if (!blockOrRoot(root.descendantForIndex(g0, g1))) return undefined;
  } else if (wordy.test(removed) && wordy.test(inserted)) {
    // Inside a comment, next to its words or blanks: no delimiter is made or unmade. Inside a line comment (`//`,
    // `#`, after its opener) anything but PHP's `?>` may be next to them (nothing else ends it before the line
    // does), and its end is the line's: what was removed there was the same comment's (prose typed after a
    // sentence's full stop, its last word deleted).
    // A deletion's empty range at the comment's end would find the node after it: ask for the character before.
    const c = root.descendantForIndex(end === p && p > 0 ? p - 1 : p, end);
    if (!c || !c.isExtra || !c.isNamed || c.startIndex >= p || end > c.endIndex) return undefined;
    const lineComment =
      p >= c.startIndex + 2 &&
      (after.startsWith('//', c.startIndex) || after[c.startIndex] === '#') &&
      (c.endIndex === after.length || after[c.endIndex] === '\n' || after[c.endIndex] === '\r');
    const next = lineComment ? /[^?>]/ : /[\w \t]/;
    if (!next.test(after[p - 1]!)) return undefined;
    if (end < c.endIndex ? !next.test(after[end]!) : inserted.length === 0 && !lineComment) return undefined;
    // Between statements, or between a function's head and its first statement (a Python body's leading comment).
    if (!c.parent || (!blockOrRoot(c.parent) && !syn.functionTypes.has(c.parent.type))) return undefined;
  } else return undefined;
  // Positions on the edited line move by the edit; one inside the removed text cannot be moved.
  const lineStart = before.lastIndexOf('\n', p - 1) + 1;
  const line = (before.slice(0, lineStart).match(/\n/g) ?? []).length;
  const from = p - lineStart;
  const to = from + removed.length;
  const delta = inserted.length - removed.length;
  const at = (q: { line: number; character: number }): number => (q.line < line ? -1 : q.line > line ? Infinity : q.character);
  let holds = false;
  const scan = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(scan);
    if (!v || typeof v !== 'object') return;
    const o = v as { start?: { line: number; character: number }; end?: { line: number; character: number } };
    if (o.start && o.end && typeof o.start.line === 'number' && typeof o.end.line === 'number' && at(o.start) < Math.max(to, from + 1) && at(o.end) > from) holds = true;
    Object.values(o).forEach(scan);
  };
  scan(findings);
  if (holds) return undefined;
  let inside = false;
  const moved = copyFindings(findings, (q) => {
    if (q.line !== line || q.character <= from) return { ...q };
    if (q.character < to) inside = true;
    return { line: q.line, character: q.character + delta };
  });
  return inside ? undefined : moved;
}

/** Per rule, its grouping key (see `passes`) by which of its patterns the filter kept. */
const groupKeys = new WeakMap<CompiledRule, Map<string, string>>();

/**
 * Whether a function of another file that this file imports may start a flow here for one of `rules`: it returns a
 * source of one, or this file registers it as a handler by name (`btn.click(fn)`: its parameters are input, see
 * `importedHandler`). Its parameters' returns, sinks, marks and validation only carry a flow that started here.
 */
function importedInput(imported: ReadonlyMap<string, ExportSummary>, ctx: FileContext, rules: readonly CompiledRule[]): boolean {
  if (imported.size === 0) return false;
  for (const r of ctx.registrations?.values() ?? []) if (imported.has(textOf(r.fn))) return true;
  for (const e of imported.values()) for (const r of rules) if (returnsInput(e.rules[r.spec.id])) return true;
  return false;
}

/**
 * The key rules are grouped by in `passes`: the rule's fixed parts and the keys of the patterns `may` (the file's
 * `patternFilter`) keeps. A text's edit rarely changes which patterns are kept: the key (JSON of every kept
 * pattern's key) is built once per rule and set of kept patterns, not on every run.
 */
function groupKey(r: CompiledRule, may: (p: PassPattern) => boolean): string {
  const kept = r.passParts.lists.map((list) => list.map((p) => (may(p) ? '1' : '0')).join('')).join(',');
  let byKept = groupKeys.get(r);
  if (!byKept) groupKeys.set(r, (byKept = new Map()));
  let key = byKept.get(kept);
  // A bound on what a long session can leave here (each entry is one string).
  if (key === undefined && byKept.size >= 64) byKept.clear();
  if (key === undefined) {
    const lists = r.passParts.lists.map((list) => list.filter(may));
    // The sources in any order when none is `named`: the first that matches a node taints it as any other would
    // (`sourceAt`: the node's text and range), so `[request, browser]` and `[browser, request]` compute the same flows.
    const sources = lists[0]!.some((p) => p.named) ? lists[0]!.map((p) => p.key) : lists[0]!.map((p) => p.key).sort();
    byKept.set(kept, (key = JSON.stringify([r.passParts.fixed, [sources, ...lists.slice(1).map((list) => list.map((p) => p.key))]])));
  }
  return key;
}

/** Per language, the words of its handlers' request aliases (`req`, `flask.request`): see `patternFilter`. */
const aliasWords = new WeakMap<CompiledLanguage, Set<string>>();

/**
 * Whether a source, sanitizer, guard, propagator or sink pattern can match in `text`: every word it needs is a word
 * of the text or of a handler's request alias (a request parameter of any name is matched under the alias: its own
 * words need not be written, the pattern's other words still must). A necessary condition, like the sink and source
 * prefilters: a pattern it rules out never matches in the text. Rule grouping, the passes' indexes and the one-shot
 * source and sink walks all use it.
 */
function patternFilter(words: Pick<ReadonlySet<string>, 'has'>, lang: CompiledLanguage): (p: PassPattern) => boolean {
  let aliases = aliasWords.get(lang);
  if (!aliases) {
    // Also the functions a conversion applies with no call written (`f"{x!r}"` is `repr(x)`): a rule keeping
    // `repr(...)` as a sanitizer must not share a pass with one that has none because the text lacks the word.
    aliases = new Set([...lang.handlers.flatMap((h) => (h.spec.alias ? patternWords(h.spec.alias) : [])), ...(lang.module.conversionNames ?? [])]);
    aliasWords.set(lang, aliases);
  }
  const seen = new Map<string, boolean>();
  return (p) => {
    let ok = seen.get(p.key);
    if (ok === undefined) seen.set(p.key, (ok = p.words.every((w) => words.has(w) || aliases.has(w))));
    return ok;
  };
}

const anchorCache = new WeakMap<CompiledRule, string[] | null>();

/**
 * Whether a sink of the rule can occur in a text: each sink pattern has a word that must appear (its longest
 * plain word); a sink with none (e.g. `$F($X)`) means the rule always runs.
 */
function mayHaveSink(rule: CompiledRule, text: TextWords, lang: CompiledLanguage): boolean {
  const anchors = sinkAnchors(rule, lang);
  return anchors === null || anchors.some((w) => text.contains(w));
}

/**
 * Each sink pattern's longest plain word, or null when a sink has none. A request alias (`gin_context` in
 * `gin_context.File($P)`) is no word of the text (the parameter has any name): the next longest is taken, and a
 * pattern with no other word (`gin_context.$OP($P)`) counts the words its method's `where` allows (`^(File|Download)$`).
 */
function sinkAnchors(rule: CompiledRule, lang: CompiledLanguage): string[] | null {
  let anchors = anchorCache.get(rule);
  if (anchors === undefined) {
    const aliases = new Set(lang.handlers.flatMap((h) => (h.spec.alias ? [h.spec.alias, ...h.spec.alias.split('.')] : [])));
    const words: string[] = [];
    let always = false;
    for (const s of rule.spec.sinks) {
      const all = s.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_][\w]*/g) ?? [];
      const w = all.filter((x) => !aliases.has(x));
      const best = w.sort((a, b) => b.length - a.length)[0];
      // Only for a pattern whose words were all aliases: one with no word at all (`$CB($X)`) still always runs.
      const alternatives = best || all.length === 0 ? undefined : Object.values(s.where ?? {}).map((re) => /^\^\(([A-Za-z_]\w*(?:\|[A-Za-z_]\w*)*)\)\$$/.exec(re)?.[1]).find((x) => x !== undefined);
      if (best) words.push(best.replace(/[^\w]/g, ''));
      else if (alternatives) words.push(...alternatives.split('|'));
      else always = true;
    }
    anchors = always ? null : words;
    anchorCache.set(rule, anchors);
  }
  return anchors;
}

/**
 * Whether a sink of a `library-input` rule can match in the file's code: the anchor word of one of its sinks (see
 * `mayHaveSink`) occurs as a whole word (a run of `TextWords`, in `words`: the text with `-` read as `_`) outside
 * comments. Those rules' sinks are calls of named functions and modules (`eval`, `child_process`, `os.system`), whose
 * names a match reads from the code; `mayHaveSink`'s substring test lets `FunctionExpression`, `evaluate` or a JSDoc
 * `{Function}` through, and the rules' input (exported functions' parameters) is in most files. A comment is a leaf
 * the language module calls `inert`; a tree with errors is not asked (the rule is kept).
 */
function libraryInputSinkInCode(rule: CompiledRule, words: string, root: Node, lang: CompiledLanguage): boolean {
  const syn = lang.module;
  const anchors = sinkAnchors(rule, lang);
  if (anchors === null || root.hasError) return true;
  const isRun = (i: number): boolean => i >= 0 && i < words.length && /[A-Za-z0-9_]/.test(words[i]!);
  for (const w of anchors) {
    for (let at = words.indexOf(w); at >= 0; at = words.indexOf(w, at + 1)) {
      if (isRun(at - 1) || isRun(at + w.length)) continue;
      const n = root.descendantForIndex(at, at + w.length);
      if (!n || n.childCount > 0 || syn.stmtKind(n.type) !== 'inert') return true;
    }
  }
  return false;
}

const sourceCache = new WeakMap<CompiledRule, string[][]>();

/** Whether some source of the rule can occur in a text: all the plain words of one of its patterns appear. */
function mayHaveSource(rule: CompiledRule, text: TextWords): boolean {
  let alts = sourceCache.get(rule);
  if (!alts) {
    alts = rule.sources.map((s) => s.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []);
    sourceCache.set(rule, alts);
  }
  return alts.some((words) => words.every((w) => text.contains(w)));
}

/**
 * Whether a framework handler can occur in a text: its pattern's plain words, its required import, its first
 * parameter name, and what its `where` constraints demand must all appear. A necessary condition only.
 */
function handlerMayApply(h: CompiledLanguage['handlers'][number], text: string): boolean {
  return handlerNeeds(h).every((re) => re.test(text));
}

/** `handlerMayApply`'s tests per handler, built once: they were built per file (and per edit), some on RE2. */
const handlerNeedCache = new WeakMap<CompiledLanguage['handlers'][number], readonly RegExp[]>();

/** Exported for its test only. The regexes have no flags, so a cached one tests like a new one. */
export function handlerNeeds(h: CompiledLanguage['handlers'][number]): readonly RegExp[] {
  let need = handlerNeedCache.get(h);
  if (need) return need;
  const out: RegExp[] = [];
  for (const c of [h.call, h.entryOf, h.decorator, h.paramDecorator]) {
    if (!c) continue;
    for (const w of c.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []) out.push(new RegExp(w));
    for (const [, re] of c.where) out.push(searchableAnywhere(re));
  }
  if (h.paramType) out.push(searchableAnywhere(h.paramType));
  if (h.classBase) out.push(searchableAnywhere(h.classBase));
  if (h.spec.requiresImport) out.push(...importNeeds(h.spec.requiresImport));
  for (const d of [h.spec.directive, h.spec.fileDirective]) if (d) out.push(new RegExp(escapeRegExp(d)));
  if (h.spec.firstParamNamed) out.push(new RegExp(h.spec.firstParamNamed));
  for (const n of h.spec.paramNames ?? []) out.push(new RegExp(`\\b${n}\\b`));
  if (h.spec.functionNamed) out.push(new RegExp(`\\b(${h.spec.functionNamed.join('|').replace(/\$/g, '\\$')})\\b`));
  if (h.spec.exported) out.push(/\bexport|^def /m);
  need = out;
  handlerNeedCache.set(h, need);
  return need;
}

/**
 * What a text importing `module` holds: each word of its name, as `socket.io`, `@nestjs/common` or `from django import
 * views` spell it (the name as a whole is not in the last). Exported for its test.
 */
export function importNeeds(module: string): RegExp[] {
  return (module.match(/\w+/g) ?? []).map((w) => new RegExp(w));
}

function docsUrl(id: string): string {
  return `https://github.com/vigil-security/vigil/blob/main/docs/rules/taint.md#${id.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;
}

/** Module-wide counts of the work moved units cost (see `TaintAnalyzer.stats`); module functions do it. */
const moveCounters = { summariesHashed: 0, unitsShifted: 0, resultsShifted: 0, entriesIndexed: 0, entriesReindexed: 0, recordsReverted: 0 };

const signatures = new WeakMap<Summary, string>();

/**
 * What a caller's result can depend on in a callee's summary, as a string: '-' for no summary yet (the call is
 * then treated as an unknown function), '' for an empty one, else the summary with its positions.
 */
function signature(s: Summary | undefined): string {
  if (!s) return '-';
  let sig = signatures.get(s);
  if (sig === undefined) {
    // A digest, not the JSON: signatures live as long as their summaries, and in every dependency list.
    if (!isEmpty(s)) moveCounters.summariesHashed++;
    sig = isEmpty(s)
      ? ''
      : createHash('sha1').update(JSON.stringify([[...s.paramReturns], [...s.paramSinks].map(([k, v]) => [k, v.map((h) => [h.path, h.range, h.steps, h.sinkText, h.fixes, h.rule, h.marks ?? null, h.constructed ?? null])]), s.sourceReturns, s.captures ?? [], [...(s.returnMarks ?? [])], s.keywords ?? null, [...(s.fieldWrites ?? [])], s.validates ?? null, s.predicate ?? null, [...(s.paramRaises ?? [])], [...(s.capturedCalls ?? [])], [...(s.capturedWrites ?? [])], [...(s.returnFields ?? [])]])).digest('base64');
    signatures.set(s, sig);
  }
  return sig;
}


/**
 * Per summary made by `shiftUnit`, the computed summary it was shifted from and by how many lines in all: two
 * summaries shifted alike are equal exactly when their origins are (a shift adds the same lines to the in-file
 * ranges, which the signature holds with the paths that tell them from other files'), and an origin's signature
 * is kept while it lives. Holding the origin keeps one summary alive per chain of moves.
 */
const shiftedFrom = new WeakMap<Summary, { origin: Summary; delta: number }>();

/** Whether two summaries have the same signature, hashing their origins when both were shifted alike. */
function sameSignature(s: Summary, t: Summary): boolean {
  const a = shiftedFrom.get(s);
  const b = shiftedFrom.get(t);
  const os = a?.origin ?? s;
  const ot = b?.origin ?? t;
  if ((a?.delta ?? 0) === (b?.delta ?? 0)) return os === ot || signature(os) === signature(ot);
  return signature(s) === signature(t);
}

/** Per summary, its relative digest and the line it is relative to (see `depValue`). */
const relSignatures = new WeakMap<Summary, { line: number; digest: string; sig: string }>();

/**
 * What a caller's result depends on in a callee's summary, as a dependency records it: '-' (no summary yet) and
 * '' (empty) as in `signature`, else `<callee line>|<digest of the summary with its in-file lines counted from
 * the callee's line>`. A callee that only moved keeps its digest, so a caller that moved by the same lines can be
 * reused with every in-file range moved alike (see `reuse`). Exported for the test of `shiftUnit`'s carried digests.
 */
export function depValue(line: number, s: Summary | undefined): string {
  if (!s) return '-';
  if (isEmpty(s)) return '';
  let hit = relSignatures.get(s);
  if (!hit || hit.line !== line) {
    const base = line;
    const rel = (r: Range): Range => ({ start: { line: r.start.line - base, character: r.start.character }, end: { line: r.end.line - base, character: r.end.character } });
    // Trace steps, sink hits and fix edits in this file (no `path`) carry lines; other files' do not move.
    const json = JSON.stringify([[...s.paramReturns], [...s.paramSinks], s.sourceReturns, s.captures ?? [], [...(s.returnMarks ?? [])], s.keywords ?? null, [...(s.fieldWrites ?? [])], s.validates ?? null, s.predicate ?? null, [...(s.paramRaises ?? [])], [...(s.capturedCalls ?? [])], [...(s.capturedWrites ?? [])], [...(s.returnFields ?? [])]], (_k, v: unknown) =>
      v && typeof v === 'object' && 'range' in v && !(v as { path?: string }).path ? { ...v, range: rel((v as { range: Range }).range) } : v,
    );
    const digest = createHash('sha1').update(json).digest('base64');
    moveCounters.summariesHashed++;
    hit = { line: base, digest, sig: `${base}|${digest}` };
    relSignatures.set(s, hit);
  }
  return hit.sig;
}

/**
 * Whether a text assigns a path off a name a request goes by (`req.hook = …`, `request.ctx.agent = …`): the language's
 * plain request names, as a middleware's parameter is called. One regex per language.
 */
const requestWriteRes = new WeakMap<CompiledLanguage, RegExp | null>();
const REQUEST_CONTEXT_NAMES = ['ctx', 'context'];
function requestWritesIn(text: string, lang: CompiledLanguage): true | undefined {
  let re = requestWriteRes.get(lang);
  if (re === undefined) {
    // A framework's context object too, by its conventional names (Koa's `ctx.state.user = …`).
    const stores = lang.module.requestStores;
    const plain = [...requestNamesOf(lang).plain, ...REQUEST_CONTEXT_NAMES].map((n) => n.replace(/[$]/g, '\\$&'));
    // And a request-scoped store's, by its parameter's name and path (`res.locals.x = …`) or its imported name.
    for (const [name, under] of stores?.params ?? []) plain.push(`${name}\\.${under}`);
    for (const m of stores?.imports ?? []) plain.push(m.slice(m.lastIndexOf('.') + 1));
    requestWriteRes.set(lang, (re = plain.length ? new RegExp(`(?<![\\w$.])(?:${plain.join('|')})(?:\\.[A-Za-z_$][\\w$]*)+[ \\t]*=(?![=>])`) : null));
  }
  return re?.test(text) ? true : undefined;
}

/**
 * A unit's names that stand for a request (`UnitEnv.requestAliases`), when it has any: its handler aliases, and a
 * parameter named as a request (`function tenant(req, res, next)`: a middleware registered where no handler pattern
 * sees it). Memoised per unit.
 */
const requestAliasMemo = new WeakMap<Unit, ReadonlyMap<string, string> | null>();
function requestAliasesOf(u: Unit, requestNames: ReadonlySet<string>, stores: RequestStoreNames): ReadonlyMap<string, string> | undefined {
  let m = requestAliasMemo.get(u);
  if (m === undefined) {
    const own = new Map([...u.aliases].filter(([, v]) => requestNames.has(v)));
    for (const p of u.params.names) {
      const name = p.node.text;
      if (requestNames.has(name) && !own.has(name)) own.set(name, name);
      // A request-scoped store's parameter (`res`: `res.locals`), under one alias whatever it is called.
      else if (stores.params?.has(name) && !own.has(name)) own.set(name, STORE_ALIAS);
    }
    requestAliasMemo.set(u, (m = own.size ? own : null));
  }
  // An imported store (Flask's `g`) is every function's: not part of the memo, as the imports change apart from the unit.
  if (!stores.imported.size) return m ?? undefined;
  return new Map([...stores.imported, ...(m ?? [])]);
}

/** A file's functions that may store on a request (`requestAliasesOf`), for the file's summaries (`ExportSummary.requestWriters`). */
function requestWritingUnits(ctx: FileContext, lang: CompiledLanguage): Unit[] {
  const names = requestNamesOf(lang).all;
  const stores = requestStoreNames(ctx.imports, lang.module);
  return ctx.units.slice(1).filter((u) => requestAliasesOf(u, names, stores) !== undefined);
}

/** The alias of a request-scoped store's parameter (`LanguageModule.requestStores`): no request name spells it. */
const STORE_ALIAS = '\u0001store';

/** A file's request-scoped stores (`LanguageModule.requestStores`): parameters by name, and the local names of imported ones. */
interface RequestStoreNames {
  params?: ReadonlyMap<string, string>;
  /** Local name -> alias (the module's canonical name, `flask.g`). */
  imported: ReadonlyMap<string, string>;
}

function requestStoreNames(imports: ReadonlyMap<string, string>, syn: LanguageModule): RequestStoreNames {
  const stores = syn.requestStores;
  const imported = new Map<string, string>();
  if (stores?.imports?.length) for (const [local, canon] of imports) if (stores.imports.includes(canon)) imported.set(local, canon);
  return { ...(stores?.params ? { params: stores.params } : {}), imported };
}

/** What a class's methods store from input in one field, as a reader sees it (see `UnitEnv.fieldTaint`). */
interface ClassField {
  taint?: Taint;
  writers: readonly string[];
  /**
   * The dependency value: 'none', or `<first writer's line>|<digest of the writers' names and flows, their lines
   * counted from it>`, so a reader that moved with all the writers is reused moved (see `reuse`).
   */
  sig: string;
}

/** A `self.m()` call's overrides in the caller's class and its subclasses, merged (see `classDispatch`). */
interface Dispatch {
  callee?: { summary: Summary; name: string; offset: number };
  /** 'none', or `<first override's line>|<digest of the overrides' lines (from it) and summaries' relative digests>`. */
  sig: string;
}

/**
 * The methods named `name` in class `cls` and its subclasses of the file: their summaries (of the round before)
 * merged, each sink hit's trace starting with the override it is in. Python's explicit receiver is skipped alike
 * (every override takes `self`).
 */
function classDispatch(ctx: FileContext, cls: string, name: string, resultOf: (u: Unit) => CachedUnit | undefined, syn: LanguageModule): Dispatch {
  const overrides: Unit[] = [];
  for (const c of ctx.family.get(cls) ?? [cls]) for (const m of ctx.byClass.get(c) ?? []) if (m.name === name) overrides.push(m);
  if (!overrides.length) return { sig: 'none' };
  const first = overrides[0]!.line;
  const parts = overrides.map((m) => {
    const v = entryDepValue(m.line, resultOf(m));
    const bar = v.indexOf('|');
    return [m.line - first, m.cls, bar > 0 ? v.slice(bar + 1) : v, explicitReceiver(m, syn)];
  });
  const sig = `${first}|${createHash('sha1').update(JSON.stringify(parts)).digest('base64')}`;
  const summaries = overrides.flatMap((m) => {
    const summary = resultOf(m)?.summary;
    return summary ? [{ summary, who: `${m.cls}.${name}` }] : [];
  });
  if (!summaries.length) return { sig };
  const merged = mergeSummaries(summaries);
  const offset = explicitReceiver(overrides[0]!, syn) ? 1 : 0;
  return { sig, callee: { summary: merged, name: overrides.length === 1 ? `${overrides[0]!.cls}.${name}` : name, offset } };
}

/** Each class's subclasses in the file, transitively, the class itself first, in unit order. */
function classFamilies(byClass: Map<string, Unit[]>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [cls, methods] of byClass) {
    const bases = new Set(methods.flatMap((m) => m.bases ?? []));
    for (const b of bases) {
      const list = children.get(b);
      if (list) list.push(cls);
      else children.set(b, [cls]);
    }
  }
  const out = new Map<string, string[]>();
  for (const cls of byClass.keys()) {
    const seen = [cls];
    for (let i = 0; i < seen.length; i++) for (const c of children.get(seen[i]!) ?? []) if (!seen.includes(c)) seen.push(c);
    out.set(cls, seen);
  }
  return out;
}

/** A unit key's class (the `class=` role `fileContext` gives a method). */
const CLASS_IN_KEY = /class=([^,:]*)/g;

/** The flows a class's methods' summaries (of the round before: `resultOf`) store in `field`, and its dependency value. */
function classField(methods: readonly Unit[], field: string, resultOf: (u: Unit) => CachedUnit | undefined): ClassField {
  let taint: Taint | undefined;
  const writers: string[] = [];
  const parts: [string, Flow[]][] = [];
  let base: number | undefined;
  for (const m of methods) {
    const r = resultOf(m);
    // A moved result is shifted only when it writes the field (most methods write none).
    if (!r || !(r instanceof ShiftedResult ? r.origin : r).summary.fieldWrites?.has(field)) continue;
    // Input from sources only: a parameter stored there is the caller's argument (see `Summary.fieldWrites`).
    const flows = r.summary.fieldWrites!.get(field)!.filter((f) => f.origin.kind === 'source');
    if (!flows.length) continue;
    base ??= m.line;
    const name = m.name ?? '<anonymous>';
    writers.push(name);
    parts.push([name, flows]);
    // At most three flows, the first writers' first: a reader needs one to report, the trace names every writer.
    taint = [...(taint ?? []), ...flows].slice(0, 3);
  }
  if (base === undefined) return { writers, sig: 'none' };
  const b = base;
  const rel = (r: Range): Range => ({ start: { line: r.start.line - b, character: r.start.character }, end: { line: r.end.line - b, character: r.end.character } });
  const json = JSON.stringify(parts, (_k, v: unknown) => (v && typeof v === 'object' && 'range' in v && !(v as { path?: string }).path ? { ...v, range: rel((v as { range: Range }).range) } : v));
  return { taint, writers, sig: `${b}|${createHash('sha1').update(json).digest('base64')}` };
}

/** `<line>|<digest>` of a positional dependency value, or undefined for '-', '' and name resolutions. */
function splitDep(v: string): [number, string] | undefined {
  const bar = v.indexOf('|');
  return bar > 0 ? [Number(v.slice(0, bar)), v.slice(bar + 1)] : undefined;
}

const isEmpty = (s: Summary): boolean => s.paramReturns.size === 0 && s.paramSinks.size === 0 && s.sourceReturns.length === 0 && !s.paramRaises?.size && !s.fieldWrites?.size && !s.returnFields?.size && !s.validates && !s.predicate && !s.capturedCalls?.size && !s.capturedWrites?.size;

const EMPTY_RESULT: CachedUnit = { summary: { paramReturns: new Map(), paramSinks: new Map(), sourceReturns: [] }, findings: [] };
const NO_DEPS = new Map<string, string>();

/** The value of a dependency on this file's record class `name` (`r:<name>`): its fields and bases, or none. */
function recordFieldsSig(ctx: FileContext, name: string): string {
  const fields = ctx.recordFields?.get(name);
  const bases = ctx.recordBases?.get(name);
  return fields || bases ? JSON.stringify([fields ?? null, bases ?? null]) : 'none';
}

/**
 * A class of this file whose base is another file's record class: the base's fields, then its own (with those of its
 * bases of this file, see `inheritedRecords`).
 */
function importedBaseRecord(ctx: FileContext, imported: ReadonlyMap<string, ExportSummary>, cls: string): readonly string[] | undefined {
  const e = ctx.recordBases?.get(cls);
  const from = e?.bases.flatMap((b) => (ctx.recordFields?.has(b) ? [] : (imported.get(`${TYPED_FIELDS_KEY}${b}`)?.recordFields ?? [])));
  return from?.length ? recordUnion([from, ctx.recordFields?.get(cls) ?? e!.own]) : undefined;
}

/**
 * What each function and method name of a file resolves to, as a dependency records it (`n:`/`m:<name>`), and the
 * value of each module-level constant (`c:<name>`, see `moduleValueSig`).
 */
function nameTable(ctx: FileContext, syn: LanguageModule, stats?: { moduleValuesRead: number }): Map<string, string> {
  const out = new Map<string, string>();
  for (const [kind, map] of [['n', ctx.byName], ['m', ctx.byMethod]] as const) {
    for (const [name, u] of map) out.set(`${kind}:${name}`, u === null ? 'ambiguous' : u.key);
  }
  for (const [name, v] of moduleValues(ctx, syn, stats)) out.set(`c:${name}`, v?.sig ?? 'none');
  for (const name of new Set([...(ctx.recordFields?.keys() ?? []), ...(ctx.recordBases?.keys() ?? [])])) out.set(detached(`r:${name}`), recordFieldsSig(ctx, name));
  // The imports, as function units' dependencies read them (see `importDep`): a name typed in an import changes the
  // value of that name only. Detached: the snapshot outlives the run's text.
  for (const [name, module] of ctx.imports) out.set(detached(`I:${name}`), detached(module));
  out.set('I?', JSON.stringify([...new Set(ctx.imports.values())].sort()));
  for (const dep of ['I$', 'I*', 'I@', 'I%sql', 'I%html']) out.set(dep, importDep(ctx, syn, dep));
  return out;
}

/** An imported name's value for a name the imports do not bind (no module is spelt so). */
const IMPORT_NONE = '\u0000';

/**
 * What a function unit read of the file's imports, now: `I:<name>` the module a name resolves to, `I?<module>`
 * whether the file imports a module, `I$` the modules and `I*` the entries in order, `I%<what>` the language's answer (see `ImportReads`), `I@` the
 * entries and the import statements with their offsets (see `FileContext.importsSig`).
 */
function importDep(ctx: FileContext, syn: LanguageModule, dep: string): string {
  if (dep.startsWith('I:')) return ctx.imports.get(dep.slice(2)) ?? IMPORT_NONE;
  if (dep.startsWith('I?')) return importsModuleCached(ctx.imports, dep.slice(2)) ? '1' : '0';
  if (dep === 'I$') return JSON.stringify([...ctx.imports.values()]);
  if (dep === 'I*') return JSON.stringify([...ctx.imports]);
  if (dep === 'I%sql') return syn.sqlPlaceholder(ctx.imports);
  if (dep === 'I%html') {
    const e = syn.htmlEscaper(ctx.imports);
    return e ? JSON.stringify([e.wrap('\u0000'), e.importLine ?? '', e.title]) : IMPORT_NONE;
  }
  return ctx.importsSig;
}

/** A function unit's name resolver for one run, and every name it was asked through the imports. */
interface UnitResolver {
  resolve: CanonicalResolver;
  asked: Set<string>;
  has: (name: string) => boolean;
}

/** A resolver through the imports alone that records every name it is asked (`has` too). */
function recordingResolver(imports: Map<string, string>): UnitResolver {
  const asked = new Set<string>();
  return {
    resolve: (id) => {
      asked.add(id);
      return imports.get(id);
    },
    asked,
    has: (id) => {
      asked.add(id);
      return imports.has(id);
    },
  };
}

/** Per run (by its `resolvers` map), each function unit's resolver (by unit key). */
const unitResolverRuns = new WeakMap<Map<string, CanonicalResolver>, Map<string, UnitResolver>>();

/**
 * The resolver a unit's analysis reads names through: a function's records what it asks (`unitResolver`, one per unit
 * and run), the top level's holds its aliases over the imports. Also what `relevantUnits` matches sources with.
 */
function analysisResolver(resolvers: Map<string, CanonicalResolver>, ctx: FileContext, u: Unit): CanonicalResolver {
  return u === ctx.units[0] ? resolverFor(resolvers, ctx.imports, u.aliases) : unitResolver(resolvers, ctx.imports, u).resolve;
}

/**
 * A function unit's resolver for the run that owns `resolvers`, shared by its passes and rounds: it records every
 * name it resolves through the imports (a name its handler aliases bind reads none). `canonicalOf` memoises per
 * resolver and node, so a later analysis may not ask again what an earlier one of the run asked: the names asked in
 * the run, a superset of those any one analysis used, are the unit's `I:` dependencies.
 */
function unitResolver(resolvers: Map<string, CanonicalResolver>, imports: Map<string, string>, u: Unit): UnitResolver {
  let run = unitResolverRuns.get(resolvers);
  if (!run) unitResolverRuns.set(resolvers, (run = new Map()));
  let r = run.get(u.key);
  if (!r) {
    const aliases = u.aliases;
    const names = recordingResolver(imports);
    r = aliases.size === 0 ? names : { ...names, resolve: (id) => aliases.get(id) ?? names.resolve(id) };
    run.set(u.key, r);
  }
  return r;
}

/**
 * Names the top level assigns, each with its value's signature and statement when it is assigned exactly once
 * (`const OPTS = {...}`, `PARSER = etree.XMLParser(...)`; null otherwise): what a function's sink may read through a
 * variable it does not bind. Each statement's names are read once while its text stays (`StatementFacts.values`).
 */
function moduleValues(ctx: FileContext, syn: LanguageModule, stats?: { moduleValuesRead: number }): Map<string, { sig: string; at: number } | null> {
  if (ctx.moduleValues) return ctx.moduleValues;
  const out = new Map<string, { sig: string; at: number } | null>();
  ctx.facts.forEach((f, at) => {
    if (!f.values) {
      if (stats) stats.moduleValuesRead++;
      const s = ctx.topNode(at);
      // The declaring keyword too (`const` or `let`): whether the constant folder may read the value depends on it.
      const keyword = s.firstChild?.type ?? '';
      f.values = statementValues(s, syn).map(([name, value]) => [detached(name), value ? detached(valueSig(value) + keyword) : undefined]);
    }
    for (const [name, sig] of f.values) out.set(name, out.has(name) || sig === undefined ? null : { sig, at });
  });
  return (ctx.moduleValues = out);
}

/** The names one top-level statement assigns, each with its value node, in order. */
function statementValues(s: Node, syn: LanguageModule): [string, Node | null][] {
  const out: [string, Node | null][] = [];
  const put = (target: Node | null, value: Node | null): void => {
    // Through the run's text cache: each pass's units ask for their constants again.
    if (target && syn.targetKind(target.type) === 'name') out.push([textOf(target), value]);
  };
  const kind = syn.stmtKind(s.type);
  if (kind === 'declaration') {
    for (const d of kids(s)) if (d.type === syn.declaratorType) put(fieldOf(d, 'name'), fieldOf(d, 'value'));
  } else if (kind === 'expression') {
    for (const e of kids(s)) if (syn.exprKind(e.type) === 'assign') put(fieldOf(e, 'left'), fieldOf(e, 'right'));
  }
  return out;
}

/** The value node of a module-level name assigned exactly once, read from its statement. */
function moduleValue(ctx: FileContext, syn: LanguageModule, name: string): Node | undefined {
  const v = moduleValues(ctx, syn).get(name);
  return v ? (statementValues(ctx.topNode(v.at), syn).find(([n]) => n === name)?.[1] ?? undefined) : undefined;
}

/**
 * Digests of module values' texts: every run's name table holds every module constant's, and an edit changes one
 * at most. Bounded by the characters held: a long session's edited values go with the rest when it is full.
 */
const valueDigests = new Map<string, string>();
let valueDigestChars = 0;

/** Per file context and class: each receiver field its constructor assigns one value (`self._client = httpx.AsyncClient()`). */
const constructorFieldMemo = new WeakMap<FileContext, Map<string, Map<string, { node: Node; sig: string } | null>>>();
function constructorFieldValues(ctx: FileContext, syn: LanguageModule, cls: string): Map<string, { node: Node; sig: string } | null> {
  let byClass = constructorFieldMemo.get(ctx);
  if (!byClass) constructorFieldMemo.set(ctx, (byClass = new Map()));
  let out = byClass.get(cls);
  if (!out) {
    out = new Map();
    const ctor = ctx.byClass.get(cls)?.find((m) => m.name === syn.constructorMethod);
    for (const { target, value } of ctor && syn.instances ? syn.instances.assignments(ctor.node) : []) {
      const path = syn.accessPath(target);
      if (path === undefined || !path.startsWith(`${syn.fieldReceiver}.`)) continue;
      const prev = out.get(path);
      out.set(path, value && prev === undefined ? { node: value, sig: valueSig(value) } : prev && value && textOf(prev.node) === textOf(value) ? prev : null);
    }
    byClass.set(cls, out);
  }
  return out;
}

/** A module-level name's value as a dependency records it: a digest of its text, or 'none'. */
function moduleValueSig(ctx: FileContext, syn: LanguageModule, name: string): string {
  return moduleValues(ctx, syn).get(name)?.sig ?? 'none';
}

/** A digest of a value's text and of the shape of any syntax error in it. */
function valueSig(v: Node): string {
  const text = textOf(v);
  let digest = valueDigests.get(text);
  if (digest === undefined) {
    if (valueDigestChars > 4_000_000) {
      valueDigests.clear();
      valueDigestChars = 0;
    }
    valueDigestChars += text.length;
    // Detached: the table outlives documents and edits, and a slice would keep its whole document version alive.
    valueDigests.set(detached(text), (digest = createHash('sha1').update(text).digest('base64')));
  }
  return digest + errorShape(v);
}

/** Names whose resolution differs between two name tables (a name missing from one resolves to 'none'). */
function changedNames(before: Map<string, string>, now: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of now) if (before.get(k) !== v) out.push(k);
  for (const k of before.keys()) if (!now.has(k)) out.push(k);
  return out;
}

/** The file context's worklist data (snapshot, units by key and their order), computed once per run. */
function worklistContext(ctx: FileContext, syn: LanguageModule, stats?: { moduleValuesRead: number }): NonNullable<FileContext['work']> {
  if (ctx.work) return ctx.work;
  const byKey = new Map<string, Unit>();
  const index = new Map<string, number>();
  const lines = new Map<string, number>();
  ctx.units.forEach((u, i) => {
    byKey.set(u.key, u);
    index.set(u.key, i);
    lines.set(u.key, u.line);
  });
  return (ctx.work = { snap: { lines, names: nameTable(ctx, syn, stats) }, byKey, index, diffs: new Map() });
}

/** What changed since `before` (computed once per run and snapshot: the passes of one run share their snapshot). */
function contextDiff(work: NonNullable<FileContext['work']>, before: ContextSnapshot): ContextDiff {
  let d = work.diffs.get(before);
  if (d) return d;
  const now = work.snap;
  const moved = new Set<string>();
  for (const [k, line] of now.lines) if (before.lines.get(k) !== line) moved.add(k);
  const gone: string[] = [];
  for (const k of before.lines.keys()) if (!now.lines.has(k)) gone.push(k);
  d = { moved, gone, names: changedNames(before.names, now.names) };
  work.diffs.set(before, d);
  return d;
}

/**
 * Per unit of this run (units are made anew by every `fileContext`), its inline dependencies resolved: the unit each
 * names and that unit's index target (`k:<key>`, one string, so the reverse index hashes it once). The top level
 * consults hundreds of inline functions and is looked up again in every pass and round an edit reaches it in.
 */
const inlineTargets = new WeakMap<Unit, Map<string, { unit: Unit | undefined; target: string | undefined }>>();

function inlineResolved(dep: string, u: Unit, ctx: FileContext, lines: LineIndex): { unit: Unit | undefined; target: string | undefined } {
  let memo = inlineTargets.get(u);
  if (!memo) inlineTargets.set(u, (memo = new Map()));
  let hit = memo.get(dep);
  if (!hit) {
    const colon = dep.indexOf(':', 2);
    const line = u.line + Number(dep.slice(2, colon));
    const character = Number(dep.slice(colon + 1));
    let unit: Unit | undefined;
    if (line >= 0 && line < lines.lineCount) {
      const found = ctx.byStart.get(lines.offsetAt({ line, character }));
      if (found && found.line === line) unit = found;
    }
    memo.set(dep, (hit = { unit, target: unit && `k:${unit.key}` }));
  }
  return hit;
}

/** The unit at an `i:<line>:<column>` dependency of `u` (its position relative to `u`'s first line). */
function inlineUnit(dep: string, u: Unit, ctx: FileContext, lines: LineIndex): Unit | undefined {
  return inlineResolved(dep, u, ctx, lines).unit;
}

const receivers = new WeakMap<Unit, boolean>();

/** Whether a method's first parameter is an explicit receiver (Python `self`): a call through `self.m()` skips it. */
function explicitReceiver(u: Unit, syn: LanguageModule): boolean {
  if (!u.isMethod || !syn.explicitReceivers) return false;
  let r = receivers.get(u);
  if (r === undefined) receivers.set(u, (r = syn.explicitReceivers.has(u.params.names[0]?.node.text ?? '')));
  return r;
}

/** A name dependency's value for a method with an explicit receiver (callers pass arguments shifted by one). */
function withReceiver(v: string): string {
  const bar = v.indexOf('|');
  return bar > 0 ? `${v.slice(0, bar + 1)}^${v.slice(bar + 1)}` : `^${v}`;
}

/** Every entry a pass's record holds for a unit key, across its rounds (candidates for `reuse`). */
function baseEntries(rec: RuleRecord, key: string): CacheEntry[] {
  const out: CacheEntry[] = [];
  for (const r of rec.rounds) {
    const e = r.entries.get(key);
    if (e && !out.includes(e)) out.push(e);
  }
  return out;
}

/**
 * The dependencies a unit's entry is indexed under: each of `deps` (the entry's own map, interned and never written
 * after the entry is made, so shared rather than copied) under itself, but those in `other` under the target there
 * (`f:`, `o:`, `I?` and inline `i:` dependencies; none: not indexed). A unit's targets took a `Map` of its own, per
 * pass and round: about half of a warm 3,000-line document's taint state (issue 17). Never written once made: a
 * change replaces it (through the journal).
 */
interface IndexedDeps {
  readonly deps: ReadonlyMap<string, string>;
  readonly other?: ReadonlyMap<string, string | undefined>;
}

/**
 * The units that consulted one target, each with the dependency it recorded: a pair when there is one (most targets
 * have a single consumer, and a `Map` each took about 200 bytes per pass and round), else a map. A pair is never
 * written once made: a change replaces it (through the journal).
 */
type Consumers = readonly [id: string, dep: string] | Map<string, string>;

/** `consumers` of a target as pairs of unit id and dependency. */
function consumersOf(users: Consumers | undefined): Iterable<readonly [string, string]> {
  return users === undefined ? [] : users instanceof Map ? users : [users];
}

/** Makes unit `id` a consumer of target `t` under `dep`. */
function addConsumer(rr: RoundRecord, t: string, id: string, dep: string, j?: Journal): void {
  const users = rr.consumers.get(t);
  if (users instanceof Map) put(j, users, id, dep);
  else if (!users || users[0] === id) put(j, rr.consumers, t, [id, dep]);
  else put(j, rr.consumers, t, new Map([[users[0], users[1]], [id, dep]]));
}

/** Takes unit `id` out of the consumers of target `t`. */
function dropConsumer(rr: RoundRecord, t: string, id: string, j?: Journal): void {
  const users = rr.consumers.get(t);
  if (!users) return;
  if (!(users instanceof Map)) {
    if (users[0] === id) drop(j, rr.consumers, t);
    return;
  }
  drop(j, users, id);
  if (users.size === 0) drop(j, rr.consumers, t);
}

/** The target a dependency is indexed under (undefined: not indexed). */
function targetIn(x: IndexedDeps, dep: string): string | undefined {
  if (x.other?.has(dep)) return x.other.get(dep);
  return x.deps.has(dep) ? dep : undefined;
}

/** Adds a unit's entry to a round's reverse index: its names as they are, its inline functions by their unit key. */
function indexEntry(rr: RoundRecord, u: Unit, e: CacheEntry, ctx: FileContext, lines: LineIndex, j?: Journal): void {
  if (e.deps.size === 0) return;
  moveCounters.entriesIndexed++;
  let other: Map<string, string | undefined> | undefined;
  for (const dep of e.deps.keys()) {
    const t = targetOf(dep, u, ctx, lines);
    if (t !== dep) (other ??= new Map()).set(dep, t);
    if (t === undefined) continue;
    addConsumer(rr, t, indexId(u, ctx), dep, j);
  }
  put(j, rr.targets, indexId(u, ctx), other ? { deps: e.deps, other } : { deps: e.deps });
}

/** What a dependency is indexed under: a name as it is, an inline function by its unit key (none if it is gone). */
function targetOf(dep: string, u: Unit, ctx: FileContext, lines: LineIndex): string | undefined {
  // A field (`f:<class>.<field>`) under its class: a visited method of the class may have changed any of them; a
  // request's (`f:@<alias>\u0000<path>`) under its alias: a visited handler of that request may have.
  if (dep.startsWith('f:@')) return dep.slice(0, dep.indexOf('\u0000'));
  if (dep.startsWith('f:')) return dep.slice(0, dep.lastIndexOf('.'));
  // A constructor's field value (`p:<class>.<path>`) under its class's fields: an edited constructor is a visited method.
  if (dep.startsWith('p:')) return `f:${dep.slice(2, dep.indexOf('.'))}`;
  if (dep.startsWith('o:')) return 'o:*';
  // Whether the file imports a module changes only with the set of modules imported (`I?` in `nameTable`).
  if (dep.startsWith('I?')) return 'I?';
  if (!dep.startsWith('i:')) return dep;
  return inlineResolved(dep, u, ctx, lines).target;
}

/**
 * Brings a unit's index up to date with its new entry `e`, moving only the dependencies whose target differs from
 * the indexed one (a new dependency, one gone, or an inline position now holding another function) instead of
 * taking the unit out of every consumer set and putting it back. The top level consults thousands of names and is
 * re-indexed whenever it is visited or an inline function it calls is replaced: the full round trip was O(file) map
 * deletions and insertions per edit. The result is the index `indexEntry` builds for `e`: every move takes the unit out
 * of its old targets first and then adds it to its new ones, and the targets of one entry are distinct (a name is its
 * own target, an inline position names one unit), so no removal undoes an addition. Counted in `entriesReindexed`
 * when something moved.
 */
function reindexEntry(rr: RoundRecord, u: Unit, e: CacheEntry, ctx: FileContext, lines: LineIndex, j?: Journal): void {
  const id = indexId(u, ctx);
  const was = rr.targets.get(id);
  if (!was || e.deps.size === 0) {
    unindexEntry(rr, id, j);
    indexEntry(rr, u, e, ctx, lines, j);
    return;
  }
  /** The dependencies whose target changed, with the old target (or none) and the new one (or none). */
  let moves: [dep: string, from: string | undefined, to: string | undefined][] | undefined;
  let other: Map<string, string | undefined> | undefined;
  for (const dep of e.deps.keys()) {
    const from = targetIn(was, dep);
    const to = targetOf(dep, u, ctx, lines);
    if (to !== dep) (other ??= new Map()).set(dep, to);
    if (from !== to) (moves ??= []).push([dep, from, to]);
  }
  // Dependencies of the indexed entry that the new one does not have.
  if (was.deps !== e.deps) {
    for (const dep of was.deps.keys()) {
      if (e.deps.has(dep)) continue;
      const from = targetIn(was, dep);
      if (from !== undefined) (moves ??= []).push([dep, from, undefined]);
    }
  }
  if (!moves) return;
  moveCounters.entriesReindexed++;
  // A target the unit stays a consumer of under another dependency (the top level's inline positions below an edit:
  // `i:<line>:<column>` counts from line 0) is overwritten below, not taken out and put back.
  const kept = new Set<string>();
  for (const [, , to] of moves) if (to !== undefined) kept.add(to);
  for (const [, from] of moves) {
    if (from === undefined || kept.has(from)) continue;
    dropConsumer(rr, from, id, j);
  }
  for (const [dep, , to] of moves) if (to !== undefined) addConsumer(rr, to, id, dep, j);
  put(j, rr.targets, id, other ? { deps: e.deps, other } : { deps: e.deps });
}

/**
 * What a round's reverse index knows a unit by: its key, but the top level by ROOT_ID. The top level's key changes
 * with every edit of its own text, and it consults thousands of names: under its key, each such edit took it out of
 * every consumer set and put it back; under one id, `reindexEntry` moves only the dependencies that changed. Readers
 * of `consumers` map ROOT_ID to the current top level (a new top-level key is a moved unit, visited anyway).
 */
function indexId(u: Unit, ctx: FileContext): string {
  return u === ctx.units[0] ? ROOT_ID : u.key;
}

/** The top level's id in a round's reverse index (no unit key starts with a control character). */
const ROOT_ID = '\u0001root';

/** Takes a unit (by its `indexId`, or a gone unit's key) out of a round's reverse index. */
function unindexEntry(rr: RoundRecord, key: string, j?: Journal): void {
  const indexed = rr.targets.get(key);
  if (!indexed) return;
  for (const dep of indexed.deps.keys()) {
    const t = targetIn(indexed, dep);
    if (t === undefined) continue;
    dropConsumer(rr, t, key, j);
  }
  drop(j, rr.targets, key);
}

/** Adds the entries of `from` to `into` (entries already there are not repeated). */
function mergeInto<E>(into: Map<string, Map<string, E[]>>, from: Map<string, Map<string, E[]>>): void {
  for (const [ruleKey, units] of from) {
    let target = into.get(ruleKey);
    if (!target) into.set(ruleKey, (target = new Map()));
    for (const [key, entries] of units) for (const e of entries) remember(target, key, e);
  }
}

function remember<E>(cache: Map<string, E[]>, key: string, e: E): void {
  const list = cache.get(key);
  if (!list) cache.set(key, [e]);
  else if (!list.includes(e)) list.push(e);
}

/**
 * A cached result that is valid for this unit now: the callee summaries it consulted are unchanged, or moved by
 * the same lines as the unit (then every in-file range of the result moves by those lines). An empty result
 * carries no positions: the summaries it consulted need only be the same up to where they are.
 */
function reuse(entries: CacheEntry[] | undefined, u: Unit, depSig: (key: string) => string, keep?: (e: CacheEntry) => void): CacheEntry | undefined {
  for (const e of entries ?? []) {
    if (e.result === EMPTY_RESULT && e.deps.size === 0) {
      keep?.(e);
      return e;
    }
    const empty = e.result === EMPTY_RESULT;
    const delta = empty ? 0 : u.line - e.line;
    if (delta !== 0 && e.pinned) continue;
    let ok = true;
    // The values now, in order: a moved entry records them (each looked up once).
    const values: string[] = [];
    for (const [k, sig] of e.deps) {
      const now = depSig(k);
      values.push(now);
      // A positional value (a callee's summary with lines) must have moved with the unit.
      if (now === sig && (delta === 0 || empty || !splitDep(sig))) continue;
      const was = splitDep(sig);
      const is = was && splitDep(now);
      if (was && is && is[1] === was[1] && (empty || is[0] - was[0] === delta)) continue;
      ok = false;
      break;
    }
    if (!ok) continue;
    if (delta === 0) {
      keep?.(e);
      return e;
    }
    // The callees it consulted moved with it: record where they are now, so a move back is a move too.
    let same = true;
    let j = 0;
    for (const v of e.deps.values()) if (values[j++] !== v && splitDep(v)) same = false;
    const deps = same ? e.deps : new Map([...e.deps].map(([k, v], j) => [k, splitDep(v) ? values[j]! : v]));
    const moved = { ...e, result: e.outside ? shiftKeepingOutside(e.result, delta, e.line, e.endLine) : moveResult(e.result, delta), line: u.line, endLine: u.endLine, deps };
    keep?.(moved);
    return moved;
  }
  return undefined;
}

/** Every `x:` dependency recorded (an import list entry a fix edits: a name and a module, `exec` and `execSync`). */
const IMPORT_LIST_DEPS = new Set<string>();

/** Whether an edit lies outside the lines `line`..`endLine`. */
const editOutside = (e: TextEdit, line: number, endLine: number): boolean => e.range.start.line < line || e.range.end.line > endLine;

/**
 * Whether a fix of the result edits outside the unit's lines (then its place in the file matters): 'pinned' when
 * one does and it may move with the file, 'anchored' when every such edit is an insertion at an import list entry the
 * unit recorded as a dependency (`x:`, `importListDep`; valid at any line while that holds), 'none'. A sink hit from
 * another file's summary with such an edit is pinned.
 */
function outsideEdits(r: CachedUnit, line: number, endLine: number, deps: ReadonlyMap<string, string>): 'none' | 'anchored' | 'pinned' {
  let anchors: Set<string> | undefined;
  for (const [k, v] of deps) if (k.startsWith('x:') && v) (anchors ??= new Set()).add(v);
  let outside = false;
  const pinned = (fixes: readonly Fix[], elsewhere: boolean): boolean => {
    for (const x of fixes) {
      for (const e of x.edits) {
        if (!editOutside(e, line, endLine)) continue;
        outside = true;
        const { start, end } = e.range;
        if (elsewhere || start.line !== end.line || start.character !== end.character || !anchors?.has(`${start.line}:${start.character}`)) return true;
      }
    }
    return false;
  };
  for (const hits of r.summary.paramSinks.values()) for (const h of hits) if (pinned(h.fixes, !!h.path)) return 'pinned';
  for (const f of r.findings) if (pinned(f.fixes, false)) return 'pinned';
  return outside ? 'anchored' : 'none';
}

/**
 * An `outside` entry's result moved by `delta` lines (see `shiftUnit`), except its fix edits outside the unit's old
 * lines: those are at import list entries that did not move (the entry's `x:` dependencies held). Its summary is a
 * new object with no digest carried over (its edits outside keep their lines, so its relative digest is not the
 * origin's): `depValue` hashes it when a caller reads it.
 */
function shiftKeepingOutside(r: CachedUnit, delta: number, line: number, endLine: number): CachedUnit {
  moveCounters.unitsShifted++;
  const origin: CachedUnit = { summary: r.summary, findings: r.findings };
  const moved = shiftUnit(origin, delta);
  const keep = (was: readonly Fix[], now: Fix[]): Fix[] =>
    was.some((x) => x.edits.some((e) => editOutside(e, line, endLine)))
      ? now.map((x, j) => ({ ...x, edits: x.edits.map((e, k) => (editOutside(was[j]!.edits[k]!, line, endLine) ? was[j]!.edits[k]! : e)) }))
      : now;
  const paramSinks = new Map([...moved.summary.paramSinks].map(([p, hits]) => {
    const was = origin.summary.paramSinks.get(p)!;
    return [p, hits.map((h, i) => ({ ...h, fixes: keep(was[i]!.fixes, h.fixes) }))] as const;
  }));
  return { summary: { ...moved.summary, paramSinks }, findings: moved.findings.map((f, i) => ({ ...f, fixes: keep(origin.findings[i]!.fixes, f.fixes) })) };
}

/**
 * A unit's result reused `delta` lines from where it was computed, shifted (`shiftUnit`) when first read. A paste
 * moves every unit below it, and the run that moves them reads few of their results: what it needs of most is the
 * summary's relative digest, whether it is empty and whether it has findings, which a shift keeps. `origin` is never
 * itself a ShiftedResult (moves compose), and it stays alive as `shiftedFrom` keeps a materialised one's origin.
 */
class ShiftedResult implements CachedUnit {
  private done?: CachedUnit;
  /** `entryDepValue`'s string, once made. */
  sig?: string;
  constructor(
    readonly origin: CachedUnit,
    readonly delta: number,
  ) {}
  private get shifted(): CachedUnit {
    return (this.done ??= shiftUnit(this.origin, this.delta));
  }
  get summary(): Summary {
    return this.shifted.summary;
  }
  get findings(): RawTaintFinding[] {
    return this.shifted.findings;
  }
}

/** `r` moved by `delta` lines, lazily (see `ShiftedResult`); moved back to where it was computed, the result itself. */
function moveResult(r: CachedUnit, delta: number): CachedUnit {
  moveCounters.unitsShifted++;
  if (!(r instanceof ShiftedResult)) return new ShiftedResult(r, delta);
  return r.delta + delta === 0 ? r.origin : new ShiftedResult(r.origin, r.delta + delta);
}

/** Whether a result's summary is empty (a shift keeps that). */
function resultEmpty(r: CachedUnit): boolean {
  return isEmpty(r instanceof ShiftedResult ? r.origin.summary : r.summary);
}

/** How many findings a result has (a shift keeps that). */
function findingCount(r: CachedUnit): number {
  return (r instanceof ShiftedResult ? r.origin : r).findings.length;
}

/**
 * `depValue(line, r?.summary)`, without shifting a moved result whose origin's relative digest is known: the shifted
 * summary carries that digest (`shiftUnit`), at the origin's line plus the move, which is the unit's line.
 */
function entryDepValue(line: number, r: CachedUnit | undefined): string {
  if (r instanceof ShiftedResult) {
    if (r.sig !== undefined && r.sig.startsWith(`${line}|`)) return r.sig;
    if (isEmpty(r.origin.summary)) return '';
    const hit = relSignatures.get(r.origin.summary);
    if (hit && hit.line + r.delta === line) return (r.sig = `${line}|${hit.digest}`);
  }
  return depValue(line, r?.summary);
}

/** `sameSignature` of two results' summaries, comparing the origins of results moved alike without shifting them. */
function sameResultSignature(r: CachedUnit, q: CachedUnit): boolean {
  const origin = (x: CachedUnit): { origin: Summary; delta: number } => {
    const own = x instanceof ShiftedResult ? x.origin.summary : x.summary;
    const from = shiftedFrom.get(own);
    const delta = x instanceof ShiftedResult ? x.delta : 0;
    return from ? { origin: from.origin, delta: from.delta + delta } : { origin: own, delta };
  };
  if (!(r instanceof ShiftedResult) && !(q instanceof ShiftedResult)) return r.summary === q.summary || sameSignature(r.summary, q.summary);
  const a = origin(r);
  const b = origin(q);
  if (a.delta === b.delta) return a.origin === b.origin || signature(a.origin) === signature(b.origin);
  return signature(r.summary) === signature(q.summary);
}

/**
 * The result moved by `delta` lines: every range in this file moves (the unit's own, and those from callee
 * summaries, which `reuse` checked moved alike); other files' (with a `path`) stay. It moves exactly the ranges
 * `depValue` counts from the unit's line, so the moved summary's relative digest is the original's, carried over
 * instead of serialised and hashed again (a move above many units shifts them all). Exported for its test.
 */
export function shiftUnit(r: CachedUnit, delta: number): CachedUnit {
  moveCounters.resultsShifted++;
  const range = (x: Range): Range => ({ start: { line: x.start.line + delta, character: x.start.character }, end: { line: x.end.line + delta, character: x.end.character } });
  const steps = (list: TraceStep[]): TraceStep[] => list.map((s) => (s.path ? s : { ...s, range: range(s.range) }));
  const fixes = (list: Fix[]): Fix[] => list.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: range(e.range) })) }));
  const summary: Summary = {
    paramReturns: new Map([...r.summary.paramReturns].map(([k, v]) => [k, steps(v)])),
    paramSinks: new Map([...r.summary.paramSinks].map(([k, v]) => [k, v.map((h) => ({ ...h, steps: steps(h.steps), range: h.path ? h.range : range(h.range), fixes: fixes(h.fixes) }))])),
    sourceReturns: r.summary.sourceReturns.map((f) => ({ ...f, steps: steps(f.steps) })),
    ...(r.summary.captures ? { captures: r.summary.captures } : {}),
    ...(r.summary.returnMarks ? { returnMarks: r.summary.returnMarks } : {}),
    ...(r.summary.keywords ? { keywords: r.summary.keywords } : {}),
    ...(r.summary.fieldWrites ? { fieldWrites: new Map([...r.summary.fieldWrites].map(([k, v]) => [k, v.map((f) => ({ ...f, steps: steps(f.steps) }))])) } : {}),
    ...(r.summary.returnFields ? { returnFields: new Map([...r.summary.returnFields].map(([k, v]) => [k, v.map((f) => ({ ...f, steps: steps(f.steps) }))])) } : {}),
    ...(r.summary.validates ? { validates: r.summary.validates } : {}),
    ...(r.summary.predicate ? { predicate: r.summary.predicate } : {}),
    ...(r.summary.paramRaises ? { paramRaises: new Map([...r.summary.paramRaises].map(([k, v]) => [k, steps(v)])) } : {}),
    ...(r.summary.capturedCalls ? { capturedCalls: new Map([...r.summary.capturedCalls].map(([k, v]) => [k, v.map((f) => ({ ...f, steps: steps(f.steps) }))])) } : {}),
    ...(r.summary.capturedWrites ? { capturedWrites: new Map([...r.summary.capturedWrites].map(([k, v]) => [k, v.map((f) => ({ ...f, steps: steps(f.steps) }))])) } : {}),
  };
  const from = shiftedFrom.get(r.summary);
  shiftedFrom.set(summary, from ? { origin: from.origin, delta: from.delta + delta } : { origin: r.summary, delta });
  const hit = relSignatures.get(r.summary);
  if (hit) {
    const line = hit.line + delta;
    relSignatures.set(summary, { line, digest: hit.digest, sig: `${line}|${hit.digest}` });
  }
  return { summary, findings: r.findings.map((f) => ({ ...f, range: range(f.range), trace: steps(f.trace), fixes: fixes(f.fixes) })) };
}

/**
 * The entries of another file's table of functions imported as `name` (see `ExportSummary.table`) that key `key` may
 * pick (any, for a key not known), merged as a local table's are.
 */
/** What other files store from input at a request's path, for a pass's rules (see `ExportIndex.requestWrites`). */
function importedRequestField(imported: Map<string, ExportSummary>, ruleIds: readonly string[], alias: string, field: string): { taint: Taint; writers: readonly string[] } | undefined {
  const prefix = `${REQUEST_WRITE}${alias}\u0000${field}\u0000`;
  const taint: Taint = [];
  const writers: string[] = [];
  for (const [k, e] of imported) {
    // The pass's rules all have an entry or none (see `passes`).
    if (!k.startsWith(prefix) || !e.rules[ruleIds[0]!]) continue;
    taint.push(...fromExport(ruleIds.map((id) => e.rules[id])).sourceReturns);
    writers.push(...(e.requestWriters ?? []));
  }
  return taint.length ? { taint, writers } : undefined;
}

function importedTable(imported: Map<string, ExportSummary>, ruleIds: readonly string[], name: string, key: string | undefined): { summary: Summary; name: string; offset: number } | undefined {
  const prefix = `${TABLE_ENTRY}${name}\u0000`;
  const parts: { summary: Summary; who: string }[] = [];
  for (const [k, e] of imported) {
    // The pass's rules all have an entry or none (see `passes`).
    if (!k.startsWith(prefix) || (key !== undefined && k.slice(prefix.length) !== key) || !e.rules[ruleIds[0]!]) continue;
    parts.push({ summary: fromExport(ruleIds.map((id) => e.rules[id]), e.keywords), who: e.name });
  }
  if (!parts.length) return undefined;
  return parts.length === 1 ? { summary: parts[0]!.summary, name: parts[0]!.who, offset: 0 } : { summary: mergeSummaries(parts), name, offset: 0 };
}

function resolveCallee(
  callee: Node,
  ctx: FileContext,
  lookup: (kind: 'n' | 'm', name: string) => Unit | null | undefined,
  summaryOf: (u: Unit) => Summary | undefined,
  imported: Map<string, ExportSummary>,
  ruleIds: readonly string[],
  syn: LanguageModule,
  dispatch?: (name: string) => { summary: Summary; name: string; offset: number } | undefined,
  instanceOf?: (obj: Node, method: string) => ExportSummary | undefined,
  isImported: (name: string) => boolean = (name) => ctx.imports.has(name),
  ownClass?: string,
  /**
   * The path a receiver is when it may be an injected collaborator of unknown class (see `byMethodCallee`): itself,
   * or what the helper it calls returns; undefined when it may not.
   */
  injected?: (obj: Node) => Node | undefined,
): { summary: Summary; name: string; offset: number } | undefined {
  let unit: Unit | null | undefined;
  let viaSelf = false;
  const kind = syn.exprKind(typeOf(callee));
  // A method called on an object whose declared type is another file's class (Java's `orderService.search(q)`, Go's
  // `h.svc.Search(q)`): that class's, even where this file has a method of the same name (a controller's `search`).
  const receiver = kind === 'identifier' ? undefined : syn.memberObject(callee);
  if (receiver && ctx.qualifiedCallees?.has(callee.id) && textOf(receiver) !== syn.fieldReceiver) return qualifiedSummary(qualifiedCallee(callee, ctx, imported), ruleIds);
  if (kind === 'identifier') {
    unit = lookup('n', textOf(callee));
    if (unit === undefined) {
      const ext = imported.get(textOf(callee));
      // The pass's rules all have an entry or none (see `passes`).
      if (ext?.rules[ruleIds[0]!]) return { summary: fromExport(ruleIds.map((id) => ext.rules[id]), ext.keywords), name: callee.text, offset: 0 };
      return ext ? undefined : qualifiedSummary(qualifiedCallee(callee, ctx, imported), ruleIds);
    }
  } else if (kind === 'member') {
    // `this.clean(x)`, `self.clean(x)`, `repo.find(x)`: a method defined once in this file (receivers that are
    // imported modules are not ours).
    const obj = syn.memberObject(callee);
    const prop = syn.propertyOf(callee);
    // `task.delay(a, b)` runs `task(a, b)` later (see `deferredCallMethods`): the function's call.
    // Also off a module imported whole (`tasks.fetch_feed.delay(url)`), when that names a function.
    if (obj && prop && syn.deferredCallMethods?.has(textOf(prop))) {
      const kind = syn.exprKind(typeOf(obj));
      const deferred = kind === 'identifier' || kind === 'member' ? resolveCallee(obj, ctx, lookup, summaryOf, imported, ruleIds, syn, dispatch, instanceOf, isImported, ownClass, injected) : undefined;
      // Not a function (`client.send(x)` on an instance): the method's call, as any other.
      // A bound task (Celery's `@app.task(bind=True)`) is given the task itself first, as `self`: arguments from the second.
      if (deferred) return deferred.offset === 0 && syn.explicitReceivers?.has(deferredFirstParam(obj, lookup, imported) ?? '') ? { ...deferred, offset: 1 } : deferred;
    }
    // `cfg.load(x)` on an instance of a class another file exports: that class's method, whatever this file defines.
    const inst = obj && prop && imported.size ? instanceOf?.(obj, textOf(prop)) : undefined;
    if (inst) return inst.rules[ruleIds[0]!] ? { summary: fromExport(ruleIds.map((id) => inst.rules[id]), inst.keywords), name: callee.text, offset: inst.receiverParam ? 1 : 0 } : undefined;
    if (obj && prop && !(syn.exprKind(typeOf(obj)) === 'identifier' && isImported(textOf(obj)))) {
      unit = lookup('m', textOf(prop));
      viaSelf = true;
      // `self.run(x)` where several classes define `run`: the caller's class's own and its subclasses' overrides.
      if (unit === null && dispatch && textOf(obj) === syn.fieldReceiver) return dispatch(textOf(prop));
      // `this.orders.byStatus(s)` in a class with its own byStatus: another object's, so the other class's (see
      // `otherClassMethods`).
      if (unit === null && ownClass !== undefined && textOf(obj) !== syn.fieldReceiver) unit = lookup('m', `${textOf(prop)}!${ownClass}`) ?? null;
      // No method of that name here (one a base class of another file has), or only the caller's class's own called
      // on another object (a service's `searchNotes` calling its repository's): another file's class's, by name.
      const foreign = textOf(obj) !== syn.fieldReceiver;
      const recv = injected?.(obj);
      if (recv && (unit === undefined || (foreign && unit !== null && unit.cls !== undefined && unit.cls === ownClass))) {
        const by = byMethodCallee(recv, textOf(prop), imported, ruleIds, syn);
        if (by) return by;
      }
    } else if (obj && prop) {
      // A function of an imported module of the workspace: `helper.save(x)` after `from . import helper`.
      // Or a method of an imported class called on the class (a classmethod's `cls` is its receiver).
      const ext = imported.get(`${textOf(obj)}.${textOf(prop)}`);
      if (ext?.rules[ruleIds[0]!]) return { summary: fromExport(ruleIds.map((id) => ext.rules[id]), ext.keywords), name: callee.text, offset: ext.receiverParam ? 1 : 0 };
    }
  } else if (kind === 'call') {
    // A call that is its own callee (Java `helper(x)`, `this.helper(x)`, `Util.clean(x)`): a method of this file,
    // unless the receiver is an imported class.
    const obj = syn.memberObject(callee);
    const prop = syn.propertyOf(callee);
    if (prop && !(obj && syn.exprKind(typeOf(obj)) === 'identifier' && isImported(textOf(obj)))) {
      unit = lookup('m', textOf(prop));
      // Overloads share the name: the one taking as many parameters as the call passes arguments, if only one does.
      const args = unit === null ? fieldOf(callee, 'arguments') : null;
      if (args) unit = lookup('m', `${textOf(prop)}/${kids(args).length}`) ?? null;
    }
  }
  if (unit === undefined) {
    // Another file's function by a qualified name (`Db.find(x)` in Java, `store.Find(x)` in Go).
    const found = qualifiedSummary(qualifiedCallee(callee, ctx, imported), ruleIds);
    if (found) return found;
  }
  if (!unit) return undefined;
  const s = summaryOf(unit);
  if (!s) return undefined;
  const firstParam = unit.params.names[0]?.node.text;
  const offset = viaSelf && unit.isMethod && firstParam !== undefined && !!syn.explicitReceivers?.has(firstParam) ? 1 : 0;
  return { summary: s, name: unit.name ?? 'function', offset };
}

/**
 * Whether `obj` is a path to a collaborator handed in, whose class `byMethodCallee` may guess: `this.repo`,
 * `self.fetcher`, a parameter `service`, a parameter's field `request.app.state.products`, an enclosing function's
 * parameter, a local bound once to one of those, a field of a library's object (Flask's `current_app.directory`).
 * Not a module-level name, a module of the workspace, another local, nor a call's result (a factory's class is its
 * own question: see `instanceCallee`).
 */
function injectedReceiver(obj: Node, u: Unit, ctx: FileContext, syn: LanguageModule, depth = 0): boolean {
  if (u === ctx.units[0]) return false;
  // The path's root, through fields and keys (`request.app["services"].store`).
  let base = syn.unparenthesize(obj);
  let steps = 0;
  for (; syn.exprKind(typeOf(base)) === 'member' && steps < 8; steps++) base = syn.unparenthesize(syn.memberObject(base) ?? base);
  const kind = syn.exprKind(typeOf(base));
  if (kind === 'self') return true;
  if (kind !== 'identifier') return false;
  const root = textOf(base);
  // A library's registry object (`current_app.directory`, `g.store`): not a module of the workspace nor the import.
  const canon = ctx.imports.get(root);
  if (canon !== undefined) return steps > 0 && !isWorkspaceModule(canon);
  if (u.params.names.some((p) => textOf(p.node) === root || patternBinds(p.node, root, syn, 2))) return true;
  const d = syn.constantDef?.(u.node, root);
  // Bound in an enclosing function (its parameter, say), not here nor at the module's top level.
  if (d === 'free') return !moduleValues(ctx, syn).has(root);
  // A local bound once to such a path (`catalog = request.app.state.catalog`).
  return d !== undefined && depth < 2 && injectedReceiver(syn.unparenthesize(d.value), u, ctx, syn, depth + 1);
}

/**
 * The value a function returns when its body is that return alone (`def _svc(request): return request.app["svc"]`,
 * `(req) => req.app.locals.exporter`), else undefined.
 */
function onlyReturned(fn: Node, syn: LanguageModule): Node | undefined {
  const body = fieldOf(fn, 'body');
  if (!body) return undefined;
  if (syn.stmtKind(typeOf(body)) !== 'block') return syn.unparenthesize(body);
  const stmts = namedKids(body).filter((k) => syn.stmtKind(typeOf(k)) !== 'inert');
  const only = stmts.length === 1 && syn.stmtKind(typeOf(stmts[0]!)) === 'return' ? namedKids(stmts[0]!)[0] : undefined;
  return only ? syn.unparenthesize(only) : undefined;
}

/** Whether a destructuring parameter binds `name` (`{ dataSources }`, `{ dataSources: { notes } }`), to a depth. */
function patternBinds(param: Node, name: string, syn: LanguageModule, depth: number): boolean {
  if (depth === 0 || syn.targetKind(param.type) !== 'object-pattern') return false;
  return syn.objectPatternEntries(param).some((e) => textOf(e.target) === name || patternBinds(e.target, name, syn, depth - 1));
}

/**
 * A call of `method` on `obj`, an object of unknown class, as a call of the workspace's methods of that name
 * (`BY_METHOD`), merged: an application's own method name (`isAppMethodName`), off anything but a module imported
 * whole (which `resolveCallee` reads by name).
 */
function byMethodCallee(obj: Node, method: string, imported: Map<string, ExportSummary>, ruleIds: readonly string[], syn: LanguageModule): { summary: Summary; name: string; offset: number } | undefined {
  // Held under its class's name (`this.orderService`, `self._order_service`, a parameter `orderService`).
  // Or under a registry's entry (`request.app.ctx.products`, `request.app["upstream"]`).
  const path = syn.accessPath(syn.unparenthesize(obj));
  const held = path !== undefined ? imported.get(`${BY_FIELD}${path.slice(path.lastIndexOf('.') + 1).replace(/^_+/, '')}.${method}`) : undefined;
  if (held) return held.rules[ruleIds[0]!] ? { summary: fromExport(ruleIds.map((id) => held.rules[id]), held.keywords), name: held.name, offset: held.receiverParam ? 1 : 0 } : undefined;
  if (!isAppMethodName(method)) return undefined;
  const parts: { summary: Summary; who: string; offset: number }[] = [];
  for (let i = 0; ; i++) {
    const e = imported.get(`${BY_METHOD}${method}\u0000${i}`);
    if (!e) break;
    if (e.rules[ruleIds[0]!]) parts.push({ summary: fromExport(ruleIds.map((id) => e.rules[id]), e.keywords), who: e.name, offset: e.receiverParam ? 1 : 0 });
  }
  if (!parts.length) return undefined;
  // Python's explicit receiver: every method takes it, so the first's offset stands for all.
  if (parts.length === 1) return { summary: parts[0]!.summary, name: parts[0]!.who, offset: parts[0]!.offset };
  return { summary: mergeSummaries(parts), name: `${syn.accessPath(obj) ?? 'object'}.${method}`, offset: parts[0]!.offset };
}

/**
 * A by-name handler registration (`btn.click(fn, ...)`) whose function is another file's (imported, not defined
 * here): the function's node and its parameters the framework fills, by the handler spec and the declared types
 * the other file's summary gives (a `gr.Request`, an `int` is no text).
 */
function importedHandler(
  call: Node,
  ctx: FileContext,
  lookup: (kind: 'n' | 'm', name: string) => Unit | null | undefined,
  imported: Map<string, ExportSummary>,
): { fn: Node; inputs: Map<number, ParamSource>; cleanFields?: Map<number, readonly string[]> } | undefined {
  const r = ctx.registrations?.get(call.id);
  const name = r ? textOf(r.fn) : undefined;
  if (!r || name === undefined || lookup('n', name) !== undefined) return undefined;
  const ext = imported.get(name);
  if (!ext) return undefined;
  // Parameters by keyword where calls have them (Python); else by position, as far as one reaches a sink.
  const names = ext.keywords ?? Array.from({ length: 1 + Math.max(-1, ...Object.values(ext.rules).flatMap((r) => r.paramSinks.map((s) => s.param))) }, () => null);
  const inputs = new Map<number, ParamSource>();
  const cleanFields = new Map<number, readonly string[]>();
  for (const h of r.handlers) {
    const input = h.spec.inputParam;
    if (h.spec.params === 'none' && input === undefined) continue;
    names.forEach((param, i) => {
      if (param === '**' || (input !== undefined ? i !== input : (i === 0 && h.spec.params === 'rest') || i === h.spec.requestParam)) return;
      const type = ext.types?.[i];
      if (type && isSafeParamType(type, h.spec.safeTypes, NO_TYPES, undefined, h.spec.safeDefaults)) return;
      inputs.set(i, paramSource(`${param ?? `#${i + 1}`} of ${name}`, h.spec.input ?? 'request'));
      if (h.spec.cleanFields?.length) cleanFields.set(i, [...(cleanFields.get(i) ?? []), ...h.spec.cleanFields]);
    });
  }
  return inputs.size ? { fn: r.fn, inputs, ...(cleanFields.size ? { cleanFields } : {}) } : undefined;
}

const NO_TYPES: ReadonlySet<string> = new Set();

/**
 * ... a method of another file's class by a name its instance is held under (`collaboratorNames`) and the method:
 * `this.orderService.search(q)`, the service injected, is `OrderService.search` (the dependency-injection containers'
 * convention, and how hand-wired code names its collaborators).
 */
const BY_FIELD = '\u0005';
/** The prefix of a registry entry's name among a file's summaries (`ExportSummary.heldClass`): no identifier spells it. */
const HELD_ENTRY = '\u0005held:';

/**
 * The registry entries a file assigns instances to, by the entry's name, with the class as written (its last name):
 * `app.ctx.products = ProductService(pool)`, `app["upstream"] = UpstreamClient(s)`, `this.mailer = new Mailer()`.
 * An entry assigned two classes tells nothing.
 */
function heldInstances(root: Node, syn: LanguageModule): Map<string, string> {
  const inst = syn.instances;
  const out = new Map<string, string | null>();
  for (const { target, value } of inst?.assignments(root) ?? []) {
    const path = syn.accessPath(target);
    const cls = value && path?.includes('.') ? inst!.constructed(syn.unparenthesize(value)) : undefined;
    if (cls === undefined) continue;
    const name = path!.slice(path!.lastIndexOf('.') + 1).replace(/^_+/, '');
    const c = cls.slice(cls.lastIndexOf('.') + 1);
    if (!/^[A-Za-z]\w*$/.test(name) || !/^[A-Z]\w*$/.test(c)) continue;
    out.set(name, out.has(name) && out.get(name) !== c ? null : c);
  }
  return new Map([...out].filter((e): e is [string, string] => e[1] !== null));
}
/** Keys of `imported` no identifier can spell: a method of an imported class, by the class as written (see `instanceMethods`). */
const INSTANCE_OF = '\u0002';
/**
 * The prefix of a request write's name among a file's summaries (`ExportSummary.requestWriters`), and of its keys in
 * an importer's `imported` (`<prefix><alias>\0<path>\0<n>`).
 */
const REQUEST_WRITE = '\u0006';
/**
 * ... a method of another file's class by its name only (`ExportIndex.methodsNamed`), numbered: what a call of it on
 * an object of unknown class may run (`this.repo.searchNotes(t)` with `repo` injected, `request.app.state.store.by_slug(s)`).
 */
const BY_METHOD = '\u0003';
/** ... an entry of an imported table of functions, by the table's local name and the entry's key (see `ExportSummary.table`). */
const TABLE_ENTRY = '\u0004';
/** More classes defining a method than this: the name is the workspace's common vocabulary, not one collaborator's. */
const MAX_METHOD_CLASSES = 2;
/** ... by the name or path the file assigns its instances to. */
const INSTANCE_AT = '\u0001';

/**
 * The imported class's method a call on `obj` reaches, when `obj` is known to be an instance of one (see
 * `instanceMethods`): in a function, a local whose one definition there, before the call, constructs the class, or
 * a parameter annotated with it; a local bound otherwise (a loop, two assignments) is unknown; else the file-wide
 * name or path.
 */
function instanceCallee(obj: Node, method: string, u: Unit, top: boolean, imported: Map<string, ExportSummary>, syn: LanguageModule): ExportSummary | undefined {
  const inst = syn.instances;
  // A method called on the construction itself (`ItemService(session).rows(x)`, `new Store().find(x)`).
  const direct = inst && syn.exprKind(typeOf(obj)) !== 'identifier' ? inst.constructed(syn.unparenthesize(obj)) : undefined;
  if (direct !== undefined) return imported.get(`${INSTANCE_OF}${direct}.${method}`);
  const path = inst ? syn.accessPath(obj) : undefined;
  if (!inst || path === undefined) return undefined;
  if (!top && syn.exprKind(typeOf(obj)) === 'identifier') {
    const d = syn.constantDef?.(u.node, path);
    if (d === undefined) {
      // A parameter annotated with the class (`svc: ItemService = Depends(service)`, `(store: UserStore)`).
      const p = u.params.names.find((n) => textOf(n.node) === path);
      const cls = p ? syn.paramClass?.(u.node, p.index) : undefined;
      return cls !== undefined ? imported.get(`${INSTANCE_OF}${cls}.${method}`) : undefined;
    }
    if (d !== 'free') {
      const cls = inst.constructed(syn.unparenthesize(d.value));
      const inScope = obj.startIndex >= d.end && obj.startIndex >= d.scope.startIndex && obj.endIndex <= d.scope.endIndex;
      return cls !== undefined && inScope ? imported.get(`${INSTANCE_OF}${cls}.${method}`) : undefined;
    }
  }
  return imported.get(`${INSTANCE_AT}${path}.${method}`);
}

const cleanFieldSets = new WeakMap<CompiledLanguage, NonNullable<UnitEnv['cleanFields']> | null>();

/**
 * The handler specs' `clean-fields`, of every handler of the language, whether the file imports its framework or
 * not: a handler defined in another module is registered where the framework is imported.
 */
function cleanFieldsOf(lang: CompiledLanguage): NonNullable<UnitEnv['cleanFields']> | undefined {
  let hit = cleanFieldSets.get(lang);
  if (hit === undefined) {
    const byHandler = new Map<string, readonly string[]>();
    for (const h of lang.handlers) if (h.spec.cleanFields?.length) byHandler.set(h.spec.id, h.spec.cleanFields);
    hit = byHandler.size ? { all: new Set([...byHandler.values()].flat()), byHandler } : null;
    cleanFieldSets.set(lang, hit);
  }
  return hit ?? undefined;
}

/**
 * A pass's summary of another file's function known by a qualified name. Every rule is summarised for those
 * (their callers are not known: see `ImportedFile.readers`), so one without an entry has no effect for the pass's
 * rules: it returns nothing of its arguments (`SortColumns.resolve(x)` picking from a constant map), unlike a
 * library's function, whose result is taken to carry them.
 */
function qualifiedSummary(ext: ExportSummary | undefined, ruleIds: readonly string[]): { summary: Summary; name: string; offset: number } | undefined {
  if (!ext) return undefined;
  const entries = ext.rules[ruleIds[0]!] ? ruleIds.map((id) => ext.rules[id]) : [{ paramReturns: [], paramSinks: [], sourceReturns: [] }];
  return { summary: fromExport(entries, ext.keywords), name: ext.name, offset: 0 };
}

/** The summary of another file's function a callee names by a qualified name (see `importedSummaries`). */
function qualifiedCallee(callee: Node, ctx: FileContext, imported: Map<string, ExportSummary>): ExportSummary | undefined {
  const key = ctx.qualifiedCallees?.get(callee.id);
  return key === undefined ? undefined : imported.get(key);
}

/** A pass's summary of an imported function from its rules' entries (same returns, each rule's sinks). */
function fromExport(entries: readonly (ExportRuleSummary | undefined)[], keywords?: (string | null)[]): Summary {
  const paramSinks = new Map<number, Summary['paramSinks'] extends Map<number, infer H> ? H : never>();
  const addHit = (key: number, h: Omit<ExportRuleSummary['paramSinks'][number], 'param'>, rule: number): void => {
    const list = paramSinks.get(key) ?? [];
    list.push({ path: h.steps[h.steps.length - 1]?.path ?? '', steps: h.steps, range: h.range, sinkText: h.sinkText, fixes: [], rule, ...(h.marks?.length ? { marks: h.marks } : {}), ...(h.constructed ? { constructed: true as const } : {}) });
    paramSinks.set(key, list);
  };
  entries.forEach((e, rule) => {
    for (const h of e?.paramSinks ?? []) addHit(h.param, h, rule);
  });
  const e = entries.find((x) => !!x)!;
  // Each receiver's field a method reads becomes a capture (see `UnitAnalysis.receiverFields`), at `-(i + 1)`.
  const captures: string[] = [];
  const captureKey = (field: string): number => {
    let i = captures.indexOf(`${RECEIVER_FIELD}${field}`);
    if (i < 0) i = captures.push(`${RECEIVER_FIELD}${field}`) - 1;
    return -(i + 1);
  };
  entries.forEach((r, rule) => {
    for (const h of r?.fieldSinks ?? []) addHit(captureKey(h.field), h, rule);
  });
  const fieldReturns = (e.fieldReturns ?? []).map((f): [number, TraceStep[]] => [captureKey(f), []]);
  const fieldWrites = new Map<string, Flow[]>();
  for (const { field, param } of e.fieldStores ?? []) fieldWrites.set(field, [...(fieldWrites.get(field) ?? []), { origin: { kind: 'param', index: param }, steps: [] }]);
  const returnFields = new Map<string, Flow[]>();
  for (const f of e.returnFields ?? []) {
    const flow: Flow = 'param' in f ? { origin: { kind: 'param', index: f.param }, steps: [] } : { origin: { kind: 'source', label: f.label, ...(f.input ? { input: f.input } : {}) }, steps: f.steps };
    returnFields.set(f.field, [...(returnFields.get(f.field) ?? []), f.marks ? { ...flow, marks: f.marks } : flow]);
  }
  return {
    paramReturns: new Map([...e.paramReturns.map((i): [number, TraceStep[]] => [i, []]), ...fieldReturns]),
    ...(captures.length ? { captures } : {}),
    ...(fieldWrites.size ? { fieldWrites } : {}),
    ...(returnFields.size ? { returnFields } : {}),
    ...(e.returnMarks?.length ? { returnMarks: new Map(e.returnMarks.map((r) => [r.param, r.marks])) } : {}),
    ...(e.validates?.length ? { validates: e.validates } : {}),
    ...(e.predicate?.length ? { predicate: e.predicate } : {}),
    ...(e.paramRaises?.length ? { paramRaises: new Map(e.paramRaises.map((r) => [r.param, r.steps])) } : {}),
    paramSinks,
    sourceReturns: e.sourceReturns.map((f) => ({ origin: { kind: 'source' as const, label: f.label, ...(f.input ? { input: f.input } : {}) }, steps: f.steps, ...(f.marks?.length ? { marks: f.marks } : {}) })),
    ...(keywords ? { keywords } : {}),
  };
}

const NO_ALIASES = new Map<string, string>();

/** The words (`[A-Za-z0-9]+` runs) of every value the file's name resolvers can give: its imports and its units' aliases. */
function resolverWords(ctx: FileContext): Set<string> {
  const out = new Set<string>();
  const add = (v: string): void => {
    for (const w of v.match(/[A-Za-z0-9]+/g) ?? []) out.add(w);
  };
  for (const v of ctx.imports.values()) add(v);
  for (const u of ctx.units) for (const v of u.aliases.values()) add(v);
  return out;
}

/** The name resolver of each of the file's units, and the one without aliases (the pattern rules'). */
function unitResolvers(ctx: FileContext): CanonicalResolver[] {
  const map = new Map<string, CanonicalResolver>();
  const out = new Set([resolverFor(map, ctx.imports, NO_ALIASES)]);
  for (const u of ctx.units) out.add(resolverFor(map, ctx.imports, u.aliases));
  return [...out];
}

/**
 * For a method name several classes of the file define: under `<name>!<class>`, the one method of that name outside
 * `class`, when only one is (a controller's `this.orders.byStatus(s)` delegating to the service's `byStatus`). A name
 * no method can spell (method names have no `!`); a dependency as any `m:` name is, so edits re-decide it.
 */
function otherClassMethods(units: readonly Unit[], byMethod: Map<string, Unit | null>): void {
  const byName = new Map<string, Unit[]>();
  for (const u of units) {
    if (!u.name || !u.isMethod || u.cls === undefined || byMethod.get(u.name) !== null) continue;
    const list = byName.get(u.name);
    if (list) list.push(u);
    else byName.set(u.name, [u]);
  }
  for (const [name, list] of byName) {
    for (const cls of new Set(list.map((u) => u.cls!))) {
      const others = list.filter((u) => u.cls !== cls);
      if (others.length === 1) byMethod.set(`${name}!${cls}`, others[0]!);
    }
  }
}

/** A unit's aliases as its key spells them, with its request parameters when it has any. */
function aliasKeyOf(aliases: Map<string, string>, sources: Map<number, ParamSource>): string {
  return sources.size ? JSON.stringify([[...aliases], [...sources]]) : JSON.stringify([...aliases]);
}

const SIMPLE_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * Per language, the names its handlers' requests are known by (`req`, `flask.request`, `lambda_event`): `all` of them,
 * and the plain identifiers among them, which a call can pass as they are (`run(req)`).
 */
const requestNamesMemo = new WeakMap<CompiledLanguage, { all: ReadonlySet<string>; plain: ReadonlySet<string> }>();
function requestNamesOf(lang: CompiledLanguage): { all: ReadonlySet<string>; plain: ReadonlySet<string> } {
  let names = requestNamesMemo.get(lang);
  if (!names) {
    const all = new Set(lang.handlers.flatMap((h) => (h.spec.alias ? [h.spec.alias] : [])));
    requestNamesMemo.set(lang, (names = { all, plain: new Set([...all].filter((n) => SIMPLE_NAME.test(n))) }));
  }
  return names;
}

/**
 * An identifier passed as an argument: after `(` or `,`, before `,` or `)` (`run(r)`, `check(a, req, b)`), comments
 * around it skipped (`run(/* the request *\/ rq)`, a `#` or `//` line comment before it).
 */
const ARGUMENT_GAP = String.raw`(?:\s|\/\*[^]{0,200}?\*\/|(?:#|\/\/)[^\n]{0,200}\n){0,20}`;
const ARGUMENT_NAME = new RegExp(String.raw`[(,]${ARGUMENT_GAP}([A-Za-z_$][\w$]*)(?=${ARGUMENT_GAP}[,)])`, 'dg');

/**
 * A function's `RequestFlow`: its calls of a function or of a `this`/`self` method by name that pass, as a
 * positional argument, one of its own or its enclosing functions' parameters or a name a request is known by
 * (`names`). Found from the text of the function outside its nested functions: each such name in an argument
 * position is looked up in the tree, so the cost is that of the names passed, not of every call. None for a
 * function with neither parameters nor such calls.
 */
function requestFlowOf(fn: Node, span: Span, nested: readonly Span[], own: readonly string[], names: ReadonlySet<string>, text: string, syn: LanguageModule): RequestFlow | undefined {
  const calls: RequestCall[] = [];
  let seen: Set<number> | undefined;
  let fnText: string | undefined;
  let from = span.start;
  for (const cut of [...nested, { start: span.end, end: span.end }]) {
    const part = text.slice(from, cut.start);
    for (const m of part.matchAll(ARGUMENT_NAME)) {
      if (!names.has(m[1]!)) continue;
      const at = from + m.indices![1]![0];
      const arg = fn.descendantForIndex(at, at + m[1]!.length);
      const list = arg?.parent;
      const call = list?.parent;
      if (!arg || !list || !call || !syn.patternSyntax.calls.includes(call.type) || fieldOf(call, 'arguments')?.id !== list.id) continue;
      if ((seen ??= new Set()).has(arg.id)) continue;
      seen.add(arg.id);
      const passed = requestCallOf(call, list, arg, syn, (name) => tableOfLocal((fnText ??= text.slice(span.start, span.end)), name));
      if (passed) calls.push(passed);
    }
    from = cut.end;
  }
  return own.length || calls.length ? { params: [...own], calls } : undefined;
}

/**
 * The table a function's local is picked from (`route = ROUTES[key]`, `handler = HANDLERS.get(action)`, a
 * conditional's branch), read from the function's text: its callee name as `RequestCall` spells a table's (`ROUTES[]`).
 */
function tableOfLocal(fnText: string, name: string): string | undefined {
  // Also the branch of a conditional (`route = has(T, k) ? T[k] : null`).
  const re = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*=\\s*(?:[^;\\n?]{0,200}\\?\\s*)?([A-Za-z_$][\\w$]*)\\s*(?:\\[|\\.get\\s*\\()`);
  const m = re.exec(fnText);
  return m ? `${m[1]}${TABLE_CALL}` : undefined;
}

/** A `RequestCall`'s callee picked from a table by a key not known (`ROUTES[key](event)`): the table's name and this. */
const TABLE_CALL = '[]';

/**
 * The `RequestCall` of `call` passing `arg` (an identifier among `list`, its arguments), if its callee is a name, or
 * a function picked from a table by name (`ROUTES[key](event)`, `HANDLERS.get(a)(req)`, a local holding one: see
 * `tableOfLocal`).
 */
function requestCallOf(call: Node, list: Node, arg: Node, syn: LanguageModule, localTable?: (name: string) => string | undefined): RequestCall | undefined {
  const callee = syn.callee(call);
  if (!callee) return undefined;
  let name: string | undefined;
  let self = false;
  const kind = syn.exprKind(callee.type);
  if (kind === 'identifier') name = localTable?.(callee.text) ?? callee.text;
  else if (kind === 'member') {
    const obj = syn.memberObject(callee);
    const prop = syn.propertyOf(callee)?.text;
    if (!obj) return undefined;
    if (syn.exprKind(obj.type) === 'self') {
      name = prop;
      self = true;
      // `utils.parseBody(event)`: a function of a module imported whole (no local function has a dotted name).
    } else if (syn.exprKind(obj.type) === 'identifier' && prop) name = `${obj.text}.${prop}`;
    else if (syn.exprKind(obj.type) === 'identifier' && syn.memberIndex(callee)) name = `${obj.text}${TABLE_CALL}`;
    else return undefined;
  } else if (kind === 'call') {
    // `HANDLERS.get(action)(req)`.
    const inner = syn.callee(callee);
    const obj = inner && syn.exprKind(inner.type) === 'member' ? syn.memberObject(inner) : null;
    if (!obj || syn.propertyOf(inner!)?.text !== 'get' || syn.exprKind(obj.type) !== 'identifier') return undefined;
    name = `${obj.text}${TABLE_CALL}`;
  }
  if (!name || syn.exprKind(arg.type) !== 'identifier') return undefined;
  const stops = syn.patternSyntax.spreads;
  const keywords = syn.patternSyntax.entries;
  let index = 0;
  for (const a of kids(list)) {
    // Comments are the grammar's extras.
    if (a.isExtra) continue;
    if (a.id === arg.id) return [detached(name), self, index, detached(arg.text)];
    // Past a spread or a keyword argument, positions are not known.
    if (stops.includes(a.type) || a.type in keywords) return undefined;
    index++;
  }
  return undefined;
}

/**
 * Per function (by index), the aliases its parameters take from its callers in the file: a call `run(rq)` in a
 * handler whose request is `rq` makes `run`'s parameter at that position an alias of the same request, and so on
 * through helpers calling helpers (to a fixed point). A name passed stands for a request when it is a handler alias
 * (its own or an enclosing function's), a helper's parameter given one here, a parameter named as a request
 * (`function check(req)`), or an import of one (Flask's `request`). Closures inherit their function's
 * new aliases as they do its handler aliases. Handlers themselves, and parameters already named as their callers'
 * request, are left as they are; a name only a function or method of the file has once is resolved.
 */
function requestHelperAliases(
  flows: readonly (RequestFlow | undefined)[],
  fnAliases: readonly Map<string, string>[],
  units: readonly Unit[],
  outerOf: readonly (number | undefined)[],
  spans: readonly Span[],
  fnStmt: readonly number[],
  imports: Map<string, string>,
  requestNames: ReadonlySet<string>,
  syn: LanguageModule,
  incoming?: IncomingRequestParams,
  /** List the calls passing a request to another file's function (a one-shot context: the scan's pass 0). */
  outgoingWanted = false,
  /** The module's tables of functions by name (see `moduleTables`), read only if a call goes through one. */
  tables?: () => Map<string, [key: string, fn: string][]>,
): { extra: Map<number, Map<string, string>>; outgoing: RequestArgument[] } {
  const extra = new Map<number, Map<string, string>>();
  const outgoing: RequestArgument[] = [];
  if (!incoming?.size && !flows.some((f) => f?.calls.length)) return { extra, outgoing };
  const fns = new Map<string, number | null>();
  const methods = new Map<string, number | null>();
  units.forEach((u, i) => {
    if (i === 0 || !u.name) return;
    const m = u.isMethod ? methods : fns;
    m.set(u.name, m.has(u.name) ? null : i - 1);
  });
  const valueOf = (fi: number, name: string): string | undefined => {
    for (let j: number | undefined = fi; j !== undefined; j = outerOf[j]) {
      const v = extra.get(j)?.get(name) ?? fnAliases[j]!.get(name);
      if (v !== undefined) return v;
      // A parameter with no alias is a request only by its name (`function check(req)`).
      if (flows[j]?.params.some((p) => bindsName(p, name))) return name;
    }
    // Else only an imported request (Flask's `request`): a local of that name is anything.
    return imports.get(name);
  };
  const add = (fi: number, param: string, value: string): boolean => {
    let m = extra.get(fi);
    if (!m) extra.set(fi, (m = new Map()));
    if (m.has(param)) return false;
    m.set(param, value);
    return true;
  };
  // What other files' handlers pass this file's functions (the scan's pass 0): their parameters stand for it.
  for (const [fn, params] of incoming ?? []) {
    const t = fns.get(fn);
    if (t === undefined || t === null || units[t + 1]!.params.handlers?.length) continue;
    for (const [index, value] of params) {
      const param = flows[t]?.params[index];
      if (param && SIMPLE_NAME.test(param) && param !== value && !fnAliases[t]!.has(param) && requestNames.has(value)) add(t, param, value);
    }
  }
  // The functions a call through a table may run (`ROUTES[key](event)`), read once the file has such a call.
  let tableTargets: Map<string, (number | null | undefined)[]> | undefined;
  const targetsOf = (callee: string, self: boolean): (number | null | undefined)[] => {
    const t = (self ? methods : fns).get(callee);
    if (self || t !== undefined || !tables) return [t];
    tableTargets ??= functionTables(tables(), fns, spans);
    return tableTargets.get(callee) ?? [];
  };
  let changed = true;
  for (let round = 0; changed && round < 8; round++) {
    changed = false;
    flows.forEach((f, fi) => {
      for (const [callee, self, index, arg] of f?.calls ?? []) {
        // A dotted callee (`utils.parse(req)`) is no function of this file, unless it names a table's entry.
        for (const t of targetsOf(callee, self)) {
          if (t === undefined) continue;
          const value = valueOf(fi, arg);
          if (!requestNames.has(value ?? '')) continue;
          if (t === null || t === fi || units[t + 1]!.params.handlers?.length) continue;
          const params = flows[t]?.params ?? [];
          const param = params[index + (self && syn.explicitReceivers?.has(params[0] ?? '') ? 1 : 0)];
          if (!param || !SIMPLE_NAME.test(param) || param === value || fnAliases[t]!.has(param)) continue;
          if (add(t, param, value!)) changed = true;
        }
      }
    });
    extra.forEach((from, o) => {
      for (let fi = o + 1; fi < spans.length && fnStmt[fi] === fnStmt[o] && spans[fi]!.start < spans[o]!.end; fi++) {
        for (const [n, v] of from) {
          if (fnAliases[fi]!.has(n) || (flows[fi]?.params ?? []).some((p) => bindsName(p, n))) continue;
          if (add(fi, n, v)) changed = true;
        }
      }
    });
  }
  // A request passed to another file's function (`parseBody(event)`, `utils.parse_body(event)`), for pass 0.
  if (outgoingWanted) flows.forEach((f, fi) => {
    for (const [callee, self, index, arg] of f?.calls ?? []) {
      if (self || fns.has(callee) || callee.endsWith(TABLE_CALL)) continue;
      const value = valueOf(fi, arg);
      if (!requestNames.has(value ?? '')) continue;
      const dot = callee.indexOf('.');
      const canon = imports.get(dot < 0 ? callee : callee.slice(0, dot));
      if (!canon || (!isWorkspaceModule(canon) && !syn.absoluteLocalImports)) continue;
      const cut = canon.lastIndexOf('.');
      const [module, name] = dot < 0 ? [canon.slice(0, cut), canon.slice(cut + 1)] : [canon, callee.slice(dot + 1)];
      if (module && name && !outgoing.some((o) => o.module === module && o.name === name && o.index === index && o.alias === value)) outgoing.push({ module, name, index, alias: value! });
    }
  });
  return { extra, outgoing };
}

/**
 * Per callee spelling of `RequestCall` (`ROUTES[]` for any key, `ROUTES.lookup` for one), the functions of the file
 * (by index, as `fns` holds them) a table's entries name.
 */
function functionTables(tables: Map<string, [string, string][]>, fns: Map<string, number | null>, spans: readonly Span[]): Map<string, (number | null | undefined)[]> {
  const out = new Map<string, (number | null | undefined)[]>();
  // A function written in place (`INLINE_ENTRY` + its start) by the span starting there; made only for such an entry.
  let inline: Map<string, number> | undefined;
  const fnOf = (fn: string): number | null | undefined => {
    if (!fn.startsWith(INLINE_ENTRY)) return fns.get(fn);
    inline ??= new Map(spans.map((sp, fi) => [`${INLINE_ENTRY}${sp.start}`, fi]));
    return inline.get(fn);
  };
  for (const [table, entries] of tables) {
    const all = entries.map(([, fn]) => fnOf(fn)).filter((t) => t !== undefined);
    if (all.length) out.set(`${table}${TABLE_CALL}`, all);
    for (const [key, fn] of entries) if (fnOf(fn) !== undefined) out.set(`${table}.${key}`, [...(out.get(`${table}.${key}`) ?? []), fnOf(fn)]);
  }
  return out;
}

/** A table entry's function written in place, by its start offset: no identifier can spell it. */
const INLINE_ENTRY = '\u0000@';

/**
 * The module's tables of functions: top-level names bound once to a map literal some of whose values name a
 * function (`const ROUTES = { 'GET /a': listA, b }`, `HANDLERS = {"create": create_user}`) or are one written in
 * place (`'GET /b': async (event) => { … }`, as `INLINE_ENTRY` + its start), with those entries.
 */
function moduleTables(top: { node(i: number): Node }, count: number, syn: LanguageModule): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    for (const [name, value] of statementValues(top.node(i), syn)) {
      if (seen.has(name)) out.delete(name);
      seen.add(name);
      const lit = value && syn.unparenthesize(value);
      if (!lit || !syn.tableTypes.has(lit.type)) continue;
      const entries: [string, string][] = [];
      for (const { key, value } of tableEntries(lit, syn)) {
        if (key === undefined) continue;
        const kind = syn.exprKind(value.type);
        // A function written in place, by where it starts (see `functionTables`).
        if (kind === 'identifier') entries.push([detached(key), detached(value.text)]);
        else if (kind === 'function') entries.push([detached(key), `${INLINE_ENTRY}${value.startIndex}`]);
      }
      if (entries.length) out.set(detached(name), entries);
    }
  }
  return out;
}

/** Whether a parameter's text (a name, or a pattern such as `{ r, w }`) binds `name`. */
function bindsName(param: string, name: string): boolean {
  if (param === name) return true;
  if (!param.includes(name)) return false;
  return new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}($|[^\\w$])`).test(param);
}

/**
 * The resolver of import-resolved names for a unit with these handler aliases, one per alias set for a run: units
 * (and passes, and the pattern rules) with the same aliases resolve every name alike, so they share one function
 * and with it `canonicalOf`'s memo, which is keyed by the resolver. `resolvers` must not outlive the run's tree
 * (the memo is by node id) nor be shared with another file's imports.
 */
export function resolverFor(resolvers: Map<string, CanonicalResolver>, imports: Map<string, string>, aliases: Map<string, string>): CanonicalResolver {
  const key = aliases.size === 0 ? '' : JSON.stringify([...aliases]);
  let r = resolvers.get(key);
  if (!r) resolvers.set(key, (r = aliases.size === 0 ? (id: string) => imports.get(id) : (id: string) => aliases.get(id) ?? imports.get(id)));
  return r;
}

/** Whether the file imports any of `modules` or a submodule of one (a rule's or a clause's `requires-import`). */
const importsAny = (imports: Map<string, string>, modules: readonly string[]): boolean =>
  [...imports.values()].some((m) => modules.some((r) => m === r || m.startsWith(`${r}.`)));

/** A pattern rule with only the clauses whose `requires-import` / `unless-import` the file's imports satisfy. */
function clausesFor(rule: CompiledRule, imports: Map<string, string>): CompiledRule {
  const applies = (c: CompiledRule['patterns'][number]): boolean =>
    (!c.spec.requiresImport || importsAny(imports, c.spec.requiresImport)) && (!c.spec.unlessImport || !importsAny(imports, c.spec.unlessImport));
  return rule.patterns.every(applies) ? rule : { ...rule, patterns: rule.patterns.filter(applies) };
}

/**
 * Whether one of a file's imports is `module` or a name inside it (`@prisma/client` as written in the rule), or is
 * `module` as its path is kept (Go's `import archive/zip` entry: canonical names lose the path's slashes).
 */
function importsModule(imports: Map<string, string>, module: string): boolean {
  const want = canonicalModule(module);
  for (const m of imports.values()) if (m === want || m === module || m.startsWith(`${want}.`)) return true;
  return false;
}

/** `importsModule` answers per imports map (a file's, fixed once read): sources ask it at every node they are tried at. */
const importsAnswers = new WeakMap<Map<string, string>, Map<string, boolean>>();

function importsModuleCached(imports: Map<string, string>, module: string): boolean {
  let answers = importsAnswers.get(imports);
  if (!answers) importsAnswers.set(imports, (answers = new Map()));
  let hit = answers.get(module);
  if (hit === undefined) answers.set(module, (hit = importsModule(imports, module)));
  return hit;
}

/** Units, imports and handlers of a file (exported for the tests that compare it patched and fresh). */
export function fileContext(
  tree: Tree,
  lang: CompiledLanguage,
  text: string,
  lines: LineIndex,
  memo?: ContextMemo,
  stats?: { contextFunctionsComputed: number; contextNodesRead: number; contextStatementsRead: number; contextKeysBuilt: number; contextShapesKept?: number; contextUnitKeysMade?: number; contextUnitsPlaced?: number; contextByNameWalks?: number },
  change?: { old: string; span: TextSpan },
  path?: string,
  incoming?: IncomingFacts,
  /** The type aliases of workspace modules among the file's imports, by local name (`ExportSummary.typeAlias`). */
  importedAliases?: (imports: Map<string, string>) => Iterable<[string, string]>,
): FileContext {
  const root = tree.rootNode;
  const syn = lang.module;
  const types = [...syn.functionTypes, ...syn.importTypes];
  // The statements' keys of the last run hold outside the span of the text that changed since (the caller's, when
  // it is between the same texts).
  const lastTop = memo?.top;
  const span = !lastTop ? undefined : lastTop.text === text ? null : change && change.old === lastTop.text ? change.span : diffSpan(lastTop.text, text);
  const top = readTopLevel(root, text, lines, lastTop, span, stats, memo !== undefined);
  if (memo) memo.top = top.rec;
  const topCount = top.rec.types.length;
  // The functions and imports are searched, and their shapes kept, per piece: a top-level statement, or the header
  // and each member of a container statement (see `pieces`). A child of the root that is not a named statement
  // could hold one, so then the root is searched whole (and nothing is kept).
  const lastMembers = memo?.members && lastTop && memo.members.text === lastTop.text ? memo.members : undefined;
  const pieces = readPieces(top, root, text, lines, memo !== undefined ? syn.memberContainers : undefined, lastMembers, span, stats);
  if (memo) memo.members = syn.memberContainers ? pieces.members : undefined;
  const stmtCount = pieces.starts.length;
  // One search in the wasm tree per piece for its functions and imports (document order), on first need.
  const found = new Map<number, { fns: Node[]; imports: Node[] }>();
  const search = (si: number): { fns: Node[]; imports: Node[] } => {
    let f = found.get(si);
    if (f) return f;
    f = { fns: [], imports: [] };
    for (const at of pieces.nodes(si)) {
      for (const n of at.descendantsOfType(types)) {
        if (!n) continue;
        if (syn.importTypes.includes(n.type)) f.imports.push(n);
        // Keywords share some of these type names (`function`, Python's `lambda`): only named nodes are functions.
        else if (n.isNamed) f.fns.push(n);
      }
    }
    if (stats) stats.contextNodesRead += f.fns.length + f.imports.length;
    found.set(si, f);
    return f;
  };
  // Without a memo (a one-shot scan) every statement is searched (each is one piece): one search of the root instead, each node put with
  // the statement that holds it (the same lists: per statement, in document order). Each search is a call into wasm
  // that first reads the grammar's whole list of node types, most of a call on a short statement.
  if (!memo && !top.whole && topCount > 1 && !root.hasError) {
    const lists = Array.from({ length: topCount }, () => ({ fns: [] as Node[], imports: [] as Node[] }));
    let si = 0;
    for (const n of root.descendantsOfType(types)) {
      if (!n || n.id === root.id) continue;
      const at = n.startIndex;
      while (si < topCount && top.rec.ends[si]! <= at) si++;
      if (si === topCount) break;
      if (at < top.rec.starts[si]! || n.endIndex > top.rec.ends[si]!) continue;
      if (syn.importTypes.includes(n.type)) lists[si]!.imports.push(n);
      else if (n.isNamed) lists[si]!.fns.push(n);
    }
    lists.forEach((f, i) => {
      if (stats) stats.contextNodesRead += f.fns.length + f.imports.length;
      found.set(i, f);
    });
  }
  // A statement with the same type, column and text as one of the last run holds the same functions at the same
  // offsets from its start: those are shifted, not searched (only the edited statements are read).
  const shapes = memo && memo.module === syn ? memo.byStatement : undefined;
  const nextShapes = new Map<string, StatementShape>();
  const stmtKeys: (string | undefined)[] = [];
  const stmtShapes: StatementShape[] = [];
  const reusedShape: boolean[] = [];
  const importNodes: Node[] = [];
  const spans: Span[] = [];
  /** Per function (document order): its statement and its index among the statement's functions. */
  const fnStmt: number[] = [];
  const fnK: number[] = [];
  const stmtLine = (si: number): number => pieces.lines[si]!;
  for (let si = 0; si < stmtCount; si++) {
    const start = pieces.starts[si]!;
    // A statement holding a syntax error may parse otherwise with the same text: never reused.
    // Without a memo (a one-shot scan: no later run reads it) no key was built: it has no reader.
    const key = pieces.keys[si];
    let shape = key === undefined ? undefined : shapes?.get(key);
    reusedShape.push(!!shape);
    if (shape) {
      // An import statement is its own (only) import node.
      const own = pieces.nodes(si);
      if (shape.imports === 1 && own.length === 1 && syn.importTypes.includes(own[0]!.type)) importNodes.push(own[0]!);
      else if (shape.imports > 0) importNodes.push(...search(si).imports);
    } else {
      const f = search(si);
      importNodes.push(...f.imports);
      const first = stmtLine(si);
      const rows: number[] = [];
      if (stats?.contextUnitsPlaced !== undefined) stats.contextUnitsPlaced += f.fns.length;
      for (const n of f.fns) {
        const at = lines.positionAt(n.startIndex);
        rows.push(at.line - first, at.character, lines.positionAt(n.endIndex).line - first);
      }
      // Pushed into one literal, not `map`: an empty `map` result has SMI elements and a full one object elements,
      // and the loop below compiled twice for the two (shape stability).
      const fns: Span[] = [];
      for (const n of f.fns) fns.push({ start: n.startIndex - start, end: n.endIndex - start });
      shape = { fns, rows, imports: f.imports.length };
    }
    stmtKeys.push(key);
    stmtShapes.push(shape);
    for (let k = 0; k < shape.fns.length; k++) {
      const sp = shape.fns[k]!;
      spans.push({ start: start + sp.start, end: start + sp.end });
      fnStmt.push(si);
      fnK.push(k);
    }
  }
  // Per top-level statement, what the import key and the handlers read from it alone: kept with a reused shape (the
  // same type, column and text), read from the tree for the others.
  // A split container's are kept by its key (its pieces' shapes are its members').
  const facts: StatementFacts[] = [];
  const lastContainers = memo && memo.module === syn ? memo.byContainer : undefined;
  const nextContainers = new Map<string, StatementFacts>();
  const keepFacts = (si: number, f: StatementFacts): void => {
    const piece = pieces.whole[si];
    if (piece !== undefined) stmtShapes[piece]!.facts = f;
    else if (top.rec.keys[si] !== undefined) nextContainers.set(top.rec.keys[si]!, f);
  };
  for (let si = 0; si < topCount; si++) {
    const piece = top.whole ? undefined : pieces.whole[si];
    const kept = top.whole ? undefined : piece !== undefined ? stmtShapes[piece]!.facts : lastContainers?.get(top.rec.keys[si]!);
    if (kept) {
      if (piece === undefined) keepFacts(si, kept);
      facts.push(kept);
      continue;
    }
    if (stats) stats.contextStatementsRead++;
    const s = top.node(si);
    const f: StatementFacts = {
      importStmt: syn.importTypes.includes(s.type) || (syn.stmtKind(s.type) === 'declaration' && s.text.includes('require(')),
      // Kept with the statement's shape across edits: names read from the tree are detached (see `detached`).
      closedTypes: mapped(syn.closedTypes?.(s), detached),
      typedFields: mapped(syn.typedFields?.(s), ([c, fs]) => [detached(c), fs.map(detached)]),
      namedTypeFields: mapped(syn.namedTypeFields?.(s), ([c, fs]) => [detached(c), fs.map(([f, t]) => [detached(f), detached(t)])]),
      typedTypeAliases: mapped(syn.typedTypeAliases?.(s), detached),
      boundForms: mapped(syn.boundFormClasses?.(s), ([v, f]) => [detached(v), detached(f)]),
      recordFields: mapped(syn.recordFields?.(s), ([c, fs]) => [detached(c), fs.map(detached)]),
      recordBases: mapped(syn.recordBases?.(s), ([c, bs, fs]) => [detached(c), bs.map(detached), fs.map(detached)]),
      typeAliases: mapped(syn.typeAliases?.(s), ([a, b]) => [detached(a), detached(b)]),
      exportAliases: mapped(syn.exportAliasesOf?.(s), ([a, b]) => [detached(a), detached(b)]),
      exportedLocals: mapped(syn.exportedLocalsOf?.(s), detached),
      // Present on every statement's facts (undefined until set below, or by `moduleValues`): one hidden class for
      // all of them, not one per set of fields added later (shape stability).
      aliasSites: undefined,
      values: undefined,
    };
    if (!top.whole) {
      const start = top.rec.starts[si]!;
      if (syn.aliasSites) f.aliasSites = mapped(syn.aliasSites(text.slice(start, top.rec.ends[si]), top.rec.cols[si] === 0), ([at, head]) => [at, detached(head)]);
      keepFacts(si, f);
    }
    facts.push(f);
  }
  // The alias search reads each statement's sites, kept with its facts, instead of searching the whole text (the
  // root searched whole has no statements' facts kept).
  let sites: [number, string][] | undefined;
  if (syn.aliasSites && !top.whole) {
    sites = [];
    for (let si = 0; si < topCount; si++) for (const [at, head] of facts[si]!.aliasSites ?? []) sites.push([top.rec.starts[si]! + at, head]);
  }
  const imports = syn.collectImports(root, text, importNodes, sites);
  // Everything outside a unit that its result depends on, besides the callees it looks up (tracked per unit):
  // imports (and where their statements are, for fixes that edit them) and the line-break style.
  const importStmts: string[] = [];
  facts.forEach((f, si) => {
    if (f.importStmt) importStmts.push(`${top.rec.starts[si]!}:${text.slice(top.rec.starts[si], top.rec.ends[si])}`);
  });
  // Types whose values are the program's own constants (Python Enum classes): a handler's parameters depend on them.
  const closedTypes = new Set(facts.flatMap((f) => f.closedTypes));
  // Schemas' typed fields and the form class of each view: what a validated field read holds depends on them.
  const typedFieldList = facts.flatMap((f) => f.typedFields);
  // ... and those typed by the name of one of the file's Enums or typed aliases (`carrier: Carrier`).
  const typedNames = new Set([...closedTypes, ...facts.flatMap((f) => f.typedTypeAliases)]);
  for (const [cls, fields] of facts.flatMap((f) => f.namedTypeFields)) {
    const typed = fields.filter(([, t]) => typedNames.has(t)).map(([f]) => f);
    if (!typed.length) continue;
    // A new entry, not the statement's (its facts are kept across edits).
    const at = typedFieldList.findIndex(([c]) => c === cls);
    if (at >= 0) typedFieldList[at] = [cls, [...typedFieldList[at]![1], ...typed]];
    else typedFieldList.push([cls, typed]);
  }
  const boundFormList = facts.flatMap((f) => f.boundForms);
  // Record classes' fields: what a construction's object holds in each depends on them.
  const recordBaseList = facts.flatMap((f) => f.recordBases);
  const recordFieldList = inheritedRecords(facts.flatMap((f) => f.recordFields), recordBaseList);
  // Type aliases of the module (`CurrentUser = Annotated[User, Depends(...)]`): a handler's parameters depend on them.
  const ownTypeAliases = new Map(facts.flatMap((f) => f.typeAliases));
  // And those imported from the workspace's modules (`from app.api.deps import SessionDep`); the file's own first.
  const typeAliases = new Map(ownTypeAliases);
  for (const [local, alias] of importedAliases?.(imports) ?? []) if (!typeAliases.has(local)) typeAliases.set(local, alias);
  // Names functions are exported under by other statements: a handler's role depends on them, as on the imports.
  let exportAliases: Map<string, string[]> | undefined;
  if (syn.exportAliasesOf) {
    exportAliases = new Map();
    for (const f of facts) for (const [local, exported] of f.exportAliases) exportAliases.set(local, [...(exportAliases.get(local) ?? []), exported]);
  }
  // Functions registered by name anywhere in the file (Gradio `btn.click(save, ...)`): a handler's role depends on
  // those calls too. Only handlers that ask for it, in files importing their framework and naming the methods of
  // their call (`addEventListener`: no import renames a method), pay for the walk; a framework's global function
  // (Total.js `ROUTE(…)`, no import to rename it) must be named too.
  const byNameHandlers = lang.handlers.filter((h) => h.spec.byName && h.call && (!h.spec.requiresImport || importsModule(imports, h.spec.requiresImport)) && callNames(h.call.pattern.source, !h.spec.requiresImport).every((m) => text.includes(m)));
  const registrations = byNameHandlers.length ? new Map<number, { fn: Node; handlers: CompiledLanguage['handlers'][number][] }>() : undefined;
  if (registrations && stats) stats.contextByNameWalks = (stats.contextByNameWalks ?? 0) + 1;
  const registered = registrations ? registeredByName(root, text, byNameHandlers, imports, syn, registrations) : undefined;
  // Entry points (issue 15): an exported function's callers are out of sight, so its parameters are input for the
  // `library-input` rules and, at audit strictness, for every rule. Which functions are exported depends on other
  // statements (`module.exports = { f }`) and, in Python, on whether the module is a script: part of the import key.
  // A module private to its package by its path (`pip/_internal/...`) has no API either.
  const entries = lang.rules.some((r) => r.audit || r.libraryInput) && !syn.isScript?.(text) && !(path !== undefined && syn.isPrivatePath?.(path));
  const exportedLocals = new Set(facts.flatMap((f) => f.exportedLocals));
  // The module's directive prologue (`'use server'`): which exported functions are handlers depends on it.
  const moduleDirectives = syn.directives && lang.handlers.some((h) => h.spec.fileDirective) ? syn.directives(root) : [];
  // Read by the passes' caches only: a one-shot run with no pass (most of a workspace's files) never reads it, nor the
  // units' keys made from it, so without a memo both are made on first read (from values nothing changes after this).
  let importKeyMade: string | undefined;
  const importKeyOf = (): string =>
    (importKeyMade ??= createHash('sha1').update(JSON.stringify([[...imports], importStmts, text.includes('\r\n'), [...closedTypes], [...(exportAliases ?? [])], [...(registered ?? [])], [...typeAliases], entries, [...exportedLocals], moduleDirectives, typedFieldList, boundFormList, recordFieldList, recordBaseList])).digest('hex'));
  const importKey = memo ? importKeyOf() : '';
  // A function unit's key holds what the import key holds but the imports and where their statements are: what it
  // reads of those is a dependency of its entry (`I:` a name resolved, `I?` a module asked for, `I*` the whole), so
  // a character typed in an import re-analyses only the units that resolved the names it changed.
  // Whether some function may store on a request (`req.hook = …`, see `UnitEnv.requestFieldTaint`): without such an
  // assignment the handlers read no request field from each other, and record no dependency for it. Part of the
  // units' key, so typing the first one (or deleting the last) re-analyses every unit.
  const requestWrites = requestWritesIn(text, lang);
  let unitImportKeyMade: string | undefined;
  const unitImportKeyOf = (): string =>
    (unitImportKeyMade ??= createHash('sha1').update(JSON.stringify([text.includes('\r\n'), [...closedTypes], [...(exportAliases ?? [])], [...(registered ?? [])], [...typeAliases], entries, [...exportedLocals], moduleDirectives, requestWrites, typedFieldList, boundFormList, recordFieldList.length > 0])).digest('hex'));
  const unitImportKey = memo ? unitImportKeyOf() : '';
  let importsSigMade: string | undefined;
  const units: Unit[] = [];
  // The functions directly in the top level: in document order, each one not inside the last such one (spans nest).
  const topNested: Span[] = [];
  let topEnd = -1;
  for (const sp of spans) {
    if (sp.start < topEnd) continue;
    topNested.push(sp);
    topEnd = sp.end;
  }
  // A function's directly nested functions (for its own text; the root's are `topNested`): those after it that start
  // inside it, each with the functions inside it skipped. Read only for the functions whose text is hashed.
  const nestedOf = (i: number): Span[] => {
    if (i < 0) return topNested;
    const out: Span[] = [];
    const end = spans[i]!.end;
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < end) {
      const inner = spans[j]!;
      out.push(inner);
      for (j++; j < spans.length && spans[j]!.start < inner.end; j++);
    }
    return out;
  };
  const occurrences = new Map<string, number>();
  const ownHash = (i: number, start: number, end: number, line: number): string =>
    createHash('sha1').update(spliceNested(text, start, end, nestedOf(i), lines, line)).digest('hex');
  // Without a memo, the units' keys are made on the first read of any, all in unit order (a key's occurrence number
  // counts the same keys before it), exactly as they would have been made here.
  const deferred: (() => void)[] = [];
  const makeKeys = (): void => {
    if (stats?.contextUnitKeysMade !== undefined && deferred.length) stats.contextUnitKeysMade += deferred.length;
    for (const make of deferred.splice(0)) make();
  };
  // A unit's node is undefined for a function of an unedited statement: read only if the unit is analysed (`locate`).
  // Its lines and column are its statement's first line plus the rows kept with the statement's shape.
  const locate = (si: number, k: number): Node => search(si).fns[k]!;
  const mk = (node: Node | undefined, si: number, k: number, i: number, line: number, character: number, endLine: number, name: string | undefined, isMethod: boolean, aliases: Map<string, string>, role: string, known?: string, aliasKey = JSON.stringify([...aliases]), desc?: FnDescriptor): ContextUnit => {
    const start = i < 0 ? node!.startIndex : spans[i]!.start;
    const end = i < 0 ? node!.endIndex : spans[i]!.end;
    // The root's text changes with every edit; a function's may not while its parse does (see errorShape).
    // A lazy node belongs to a reused statement, which holds no syntax error, so its shape is ''.
    const shape = i < 0 || !node ? '' : errorShape(node, syn.functionTypes);
    const at = node ? undefined : locate;
    // Identical units (same text, column and role) are told apart by their order; the import key, the same for every
    // unit, is left out of what is counted.
    const occurrence = (own: string): number => {
      const n = occurrences.get(own) ?? 0;
      occurrences.set(own, n + 1);
      return n;
    };
    const ownKey = (): string => `${known ?? ownHash(i, start, end, line)}${shape}@${character}:${role}:${aliasKey}`;
    if (!memo) {
      let key: string | undefined;
      deferred.push(() => {
        const own = ownKey();
        key = `${own}:${i < 0 ? importKeyOf() : unitImportKeyOf()}#${occurrence(own)}`;
      });
      return new ContextUnit(node, at, si, k, name, isMethod, aliases, () => (makeKeys(), key!), line, endLine);
    }
    // The top level's text holds the imports (its key changes with them anyway); a function's does not.
    const fileKey = i < 0 ? importKey : unitImportKey;
    const last = desc?.keyOf;
    const own = last && last.character === character && last.shape === shape ? last.own : ownKey();
    const n = occurrence(own);
    const key = last && last.own === own && last.importKey === fileKey && last.n === n ? last.key : `${own}:${fileKey}#${n}`;
    if (desc && key !== last?.key) desc.keyOf = { character, shape, own, importKey: fileKey, n, key };
    return new ContextUnit(node, at, si, k, name, isMethod, aliases, key, line, endLine);
  };
  const rootAt = lines.positionAt(root.startIndex);
  const rootUnit = mk(root, -1, -1, -1, rootAt.line, rootAt.character, lines.positionAt(root.endIndex).line, undefined, false, new Map(), 'module');
  rootUnit.params = { names: [], sources: new Map() };
  units.push(rootUnit);
  // Handlers of frameworks the file does not import, or whose paths it is not at, cannot match any function:
  // filtered once per file.
  // A directive handler is tried only where the text has its directive (it is asked of every function, with no call
  // or object to rule it out first), a module-directive one only where the module starts with it.
  const handlers = lang.handlers.filter(
    (h) =>
      (!h.spec.requiresImport || importsModule(imports, h.spec.requiresImport)) &&
      (!h.spec.path || (path !== undefined && compileRuleRegex(h.spec.path).test(path.replace(/\\/g, '/')))) &&
      (!h.spec.directive || text.includes(h.spec.directive)) &&
      (!h.spec.fileDirective || moduleDirectives.includes(h.spec.fileDirective)),
  );
  // Descriptors of the last run hold while the rules (the handler specs and audit come from them), the handlers the
  // imports admit, the file's facts in the unit key and the imports each read do.
  const descKey = memo ? `${unitImportKey}\u0000${handlers.map((h) => h.spec.id).join(',')}` : '';
  const descriptorsHold = !!memo && memo.lang === lang && memo.descKey === descKey;
  const importsHold = memo?.importKey === importKey;
  const readsHold = (d: FnDescriptor): boolean => importsHold || !d.importReads || d.importReads.every(([id, v]) => (imports.get(id) ?? IMPORT_NONE) === v);
  // Per statement, the descriptors reused from the last run (undefined: computed in this one, into `computed`).
  const stmtDescs = stmtShapes.map((shape, si) => (descriptorsHold && reusedShape[si] && shape.descriptors?.every(readsHold) ? shape.descriptors : undefined));
  const computed = new Map<number, FnDescriptor[]>();
  // Per function, its handler aliases: a function nested in it inherits them (see below).
  const fnAliases: Map<string, string>[] = [];
  // Per function, what it passes on (`RequestFlow`), and how to make its unit again with more aliases.
  const { all: requestNames, plain: plainRequestNames } = requestNamesOf(lang);
  const flows: (RequestFlow | undefined)[] = [];
  const remake: ((aliases: Map<string, string>) => ContextUnit)[] = [];
  // Per function, the innermost function of its top-level statement that holds it (from a stack of the open spans:
  // they come in document order, nested ones after theirs), and the names a call in it may pass a request by: the
  // request names and its and its enclosing functions' parameters (see `requestFlowOf`).
  const outerOf: (number | undefined)[] = [];
  const passNames: ReadonlySet<string>[] = [];
  const open: number[] = [];
  for (let fi = 0; fi < spans.length; fi++) {
    const si = fnStmt[fi]!;
    while (open.length && (fnStmt[open[open.length - 1]!] !== si || spans[open[open.length - 1]!]!.end < spans[fi]!.end)) open.pop();
    outerOf[fi] = open[open.length - 1];
    open.push(fi);
    const k = fnK[fi]!;
    const first = stmtLine(si);
    const rows = stmtShapes[si]!.rows!;
    const line = first + rows[3 * k]!;
    const character = rows[3 * k + 1]!;
    const endLine = first + rows[3 * k + 2]!;
    const known = stmtDescs[si]?.[k];
    if (known) {
      fnAliases[fi] = known.aliases;
      flows[fi] = known.flow;
      const make = (aliases: Map<string, string>, aliasKey: string, desc?: FnDescriptor): ContextUnit => {
        const unit = mk(undefined, si, k, fi, line, character, endLine, known.name, known.isMethod, aliases, known.role, known.hash, aliasKey, desc);
        // The parameter nodes are read only if the unit is analysed, not when its cached result is reused.
        unit.params = new LazyParams(unit, syn, known.sources, known.entryParams, known.handlers, known.cleanPaths, known.routeSchemaRequest);
        unit.arity = known.arity;
        if (known.cls !== undefined) unit.cls = known.cls;
        if (known.bases) unit.bases = known.bases;
        return unit;
      };
      remake[fi] = (aliases) => make(aliases, aliasKeyOf(aliases, known.sources));
      units.push(make(known.aliases, known.aliasKey, known));
      continue;
    }
    const fn = locate(si, k);
    if (stats) stats.contextFunctionsComputed++;
    // The names telling its handlers resolves through the imports (see `FnDescriptor.importReads`).
    const { resolve, asked } = recordingResolver(imports);
    const params = syn.paramsOf(fn);
    let keywords: UnitParams['keywords'];
    const unitParams: UnitParams = {
      names: params.map((node, index) => ({ node, index })),
      sources: new Map(),
      entryParams: new Map(),
      handlers: [],
      get keywords() {
        return keywords === undefined ? (keywords = keywordsOf(syn, fn)) : keywords;
      },
    };
    const aliases = new Map<string, string>();
    const roles: string[] = [];
    if (entries && params.length && (syn.isEntryPoint ? syn.isEntryPoint(fn, fn.parent, exportedLocals) : syn.isExported(fn, fn.parent))) {
      const fnName = syn.unitName(fn, fn.parent) ?? 'default';
      params.forEach((p, i) => {
        const kind = syn.targetKind(p.type);
        if (kind !== 'name' && kind !== 'object-pattern') return;
        // A method's receiver is the instance; a number or flag is no text.
        if (i === 0 && syn.explicitReceivers?.has(p.text) && syn.isMethod(fn)) return;
        if (/^(int|float|bool|number|boolean)$/.test(syn.paramTypeOf(fn, i) ?? '')) return;
        unitParams.entryParams!.set(i, `parameter \`${kind === 'name' ? p.text : 'options'}\` of exported function \`${fnName}\``);
      });
      // Exported or not changes the unit's result without changing its text: part of its cache key.
      roles.push('audit-exported');
    }
    // Read once: a node's parent is found by a walk down from the root, so deep nesting makes it costly.
    const parent = handlers.length ? fn.parent : null;
    const site = new HandlerSite(fn, parent, syn, exportAliases, registered, moduleDirectives);
    for (const h of handlers) {
      if (!isHandler(site, h, params, resolve, syn)) continue;
      roles.push(h.spec.id);
      unitParams.handlers!.push(h.spec.id);
      const first = h.spec.params === 'rest' ? 1 : 0;
      const inputParam = h.spec.inputParam;
      const input = h.spec.input ?? 'request';
      // A function another file calls passing it a request is that file's helper (`safe_next(request,
      // fallback="/")` of a Django view): its other parameters are the caller's arguments, no URL captures.
      const helper = h.spec.params === 'rest' && site.name !== undefined && !!incoming?.aliases?.get(site.name)?.size;
      if ((h.spec.params !== 'none' && !helper) || inputParam !== undefined) {
        const converted = syn.routeConvertedParams?.(site.decorators);
        params.forEach((p, i) => {
          if (inputParam !== undefined ? i !== inputParam : i < first || i === h.spec.requestParam) return;
          if (h.spec.cleanParams?.includes(p.text)) return;
          // A class-based view's receiver (`def get(self, item_id)` under a router decorator) is the instance.
          if (i === 0 && syn.explicitReceivers?.has(p.text)) return;
          const bound = h.spec.boundAnnotations;
          if (bound && syn.paramDecorators(fn, i).some((a) => !bound.includes(textOf(a).replace(/^.*\./, '')))) return;
          const type = syn.paramTypeOf(fn, i);
          if (type && isSafeParamType(type, h.spec.safeTypes, closedTypes, typeAliases, h.spec.safeDefaults)) return;
          if (type && h.inputTypes && !h.inputTypes.test(type) && !h.spec.inputNames?.includes(p.text)) return;
          if (converted?.has(p.text)) return;
          // A parameter another file's route converts (Django's `<int:pk>`), named for the view or its class.
          if (incomingConverted(incoming, site.name, syn.classOf?.(fn))?.has(p.text)) return;
          const def = syn.paramDefaultOf(fn, i);
          const defFn = def && syn.exprKind(def.type) === 'call' ? syn.callee(def)?.text : undefined;
          // FastAPI's `Depends()` with no argument is the parameter's own class built from the request's parameters.
          const argList = def && defFn ? fieldOf(def, 'arguments') : null;
          const named = argList ? namedKids(argList).length : 1;
          if (defFn && named > 0 && h.spec.safeDefaults.some((d) => defFn === d || defFn.endsWith(`.${d}`))) return;
          if (syn.patternValidatedParam?.(fn, i)) return;
          // A framework that converts typed parameters (it has safe types) admits only an enumeration's members: a
          // parameter defaulting to a member of its own type (`sort: SortField = SortField.revenue`, the enum in
          // another module) is one.
          if (type && def && h.spec.safeTypes.length && /^[A-Za-z_][\w.]*$/.test(type) && textOf(def).startsWith(`${type}.`) && /^[A-Za-z_]\w*$/.test(textOf(def).slice(type.length + 1))) return;
          // A destructured parameter (`async ({ file }) =>`) binds each of its names to the input.
          const kind = syn.targetKind(p.type);
          if (kind !== 'name' && kind !== 'object-pattern' && kind !== 'sequence-pattern') return;
          unitParams.sources.set(i, paramSource(p.text, input));
        });
      }
      if (h.paramType) {
        // Only the parameters of the request's type (Javalin's `Context ctx`); one destructured (AdonisJS's
        // `{ request }: HttpContext`) names a field of the alias by each of its names.
        params.forEach((p, i) => {
          if (!h.paramType!.test(syn.paramTypeOf(fn, i) ?? '')) return;
          const kind = syn.targetKind(p.type);
          if (kind === 'object-pattern' && h.spec.alias) {
            for (const e of syn.objectPatternEntries(p)) {
              if (!e.rest && e.key && /^[A-Za-z_$][\w$]*$/.test(e.key) && syn.targetKind(e.target.type) === 'name') aliases.set(e.target.text, `${h.spec.alias}.${e.key}`);
            }
          }
          if (kind !== 'name') return;
          if (h.spec.alias) aliases.set(p.text, h.spec.alias);
          else unitParams.sources.set(i, paramSource(p.text, input));
        });
      }
      if (h.paramDecorator) {
        // Only the decorated parameters (NestJS `@Query() q`, `@Req() req`), typed safe ones aside; input may be
        // destructured (`@Query() { q }: SearchQuery`), a request object not.
        params.forEach((p, i) => {
          const kind = syn.targetKind(p.type);
          if ((kind !== 'name' && (kind !== 'object-pattern' || h.spec.alias)) || !hasParamDecorator(fn, i, h.paramDecorator!, resolve, syn)) return;
          // By the type's name, a generic's arguments aside (`Filter<Product>` is a `Filter`).
          const type = syn.paramTypeOf(fn, i)?.replace(/\s*<[\s\S]*$/, '');
          if (type && h.spec.safeTypes.includes(type)) return;
          // A converting pipe among the decorator's arguments (`@Param('id', ParseUUIDPipe)`), whatever the type says.
          if (h.cleanArgs && syn.paramDecorators(fn, i).some((d) => decoratorArgs(d, syn).some((a) => h.cleanArgs!.test(textOf(a))))) return;
          if (h.spec.alias) aliases.set(p.text, h.spec.alias);
          else unitParams.sources.set(i, paramSource(p.text, input));
        });
      }
      // Total.js: the action's `this` is the controller, often kept as `var self = this` for its callbacks.
      if (h.spec.thisRequest) for (const n of syn.receiverCopies?.(fn) ?? []) aliases.set(n, h.spec.alias!);
      const rp = h.spec.requestParam !== undefined ? params[h.spec.requestParam] : undefined;
      const rpKind = rp ? syn.targetKind(rp.type) : undefined;
      if (rp && h.spec.alias && rpKind === 'name') aliases.set(rp.text, h.spec.alias);
      // Fields the route's schema validates (Fastify's), written in the registration: part of the key by `roles`.
      // One held in module constants is read at the run (see `UnitParams.routeSchema`).
      const validated = rp && rpKind === 'name' && site.call ? syn.routeSchemaFields?.(site.call) : undefined;
      if (validated?.fields.length) {
        unitParams.cleanPaths = [...(unitParams.cleanPaths ?? []), ...validated.fields.map((f) => `${rp!.text}.${f}`)];
        roles.push(`clean=${validated.fields.join('|')}`);
      }
      if (validated?.refs) unitParams.routeSchema = { call: site.call!, request: rp!.text };
      // A destructured request (`loader({ request, params })`): each name stands for that field of the alias.
      if (rp && h.spec.alias && rpKind === 'object-pattern') {
        for (const e of syn.objectPatternEntries(rp)) {
          if (!e.rest && e.key && /^[A-Za-z_$][\w$]*$/.test(e.key) && syn.targetKind(e.target.type) === 'name') aliases.set(e.target.text, `${h.spec.alias}.${e.key}`);
        }
      }
    }
    // A closure reads its handler's request by the same name (`go func() { run(r.FormValue("c")) }()`): it inherits
    // the aliases of the function around it, but for the names its own parameters rebind. That function is in the
    // same statement, so the two descriptors are reused or recomputed together.
    const outer = outerOf[fi];
    if (outer !== undefined) {
      for (const [n, v] of fnAliases[outer]!) if (!aliases.has(n) && !params.some((p) => bindsName(p.text, n))) aliases.set(n, v);
    }
    fnAliases[fi] = aliases;
    // `site` knows the parent only when there are handlers to try (else it holds null, not "unknown").
    const name = handlers.length ? site.name : syn.unitName(fn);
    const isMethod = syn.isMethod(fn);
    const cls = isMethod ? syn.classOf?.(fn) : undefined;
    // The class is part of the key: the fields a method reads are its class's.
    // Its bases too: a dispatch to overrides depends on the class tree (an edit of it re-keys the class's methods).
    const bases = cls !== undefined ? (syn.classBases?.(fn) ?? []) : undefined;
    if (cls !== undefined) roles.push(`class=${cls}`, `bases=${bases!.join('|')}`);
    const role = roles.join(',');
    // The request parameters too: a parameter decorator is recognised through the imports (NestJS `@Query()`),
    // which the unit's key does not hold.
    const aliasKey = aliasKeyOf(aliases, unitParams.sources);
    let flow: RequestFlow | undefined;
    if (requestNames.size) {
      const own = params.map((p) => detached(p.text));
      // An enclosing function is in the same statement, so computed in this run too (else only the request names).
      const names = new Set((outer !== undefined ? passNames[outer] : undefined) ?? plainRequestNames);
      for (const p of own) if (SIMPLE_NAME.test(p)) names.add(p);
      passNames[fi] = names;
      flow = requestFlowOf(fn, spans[fi]!, nestedOf(fi), own, names, text, syn);
    }
    flows[fi] = flow;
    const make = (aliases: Map<string, string>, aliasKey: string, hash?: string, desc?: FnDescriptor): ContextUnit => {
      const unit = mk(fn, si, k, fi, line, character, endLine, name, isMethod, aliases, role, hash, aliasKey, desc);
      unit.params = unitParams;
      unit.arity = params.length;
      if (cls !== undefined) unit.cls = cls;
      if (bases?.length) unit.bases = bases;
      return unit;
    };
    if (!memo) {
      // Nothing will reuse its descriptor: the unit is made as from a fresh one (same key, see `mk`, made there).
      remake[fi] = (aliases) => make(aliases, aliasKeyOf(aliases, unitParams.sources));
      units.push(make(aliases, aliasKey));
      continue;
    }
    const hash = ownHash(fi, spans[fi]!.start, spans[fi]!.end, line);
    let list = computed.get(si);
    if (!list) computed.set(si, (list = []));
    // The descriptor outlives this text (kept while its statement is unedited): what it holds that was read from
    // the tree is detached, else each kept name would keep a whole version of the document alive.
    for (const [k, v] of unitParams.sources) unitParams.sources.set(k, { label: detached(v.label), input: v.input });
    for (const [k, v] of unitParams.entryParams!) unitParams.entryParams!.set(k, detached(v));
    if (aliases.size) {
      const read = [...aliases];
      aliases.clear();
      for (const [k, v] of read) aliases.set(detached(k), detached(v));
    }
    const desc: FnDescriptor = {
      ...(name ? { name: detached(name) } : {}),
      isMethod,
      ...(cls !== undefined ? { cls: detached(cls) } : {}),
      ...(bases?.length ? { bases: bases.map(detached) } : {}),
      sources: unitParams.sources,
      entryParams: unitParams.entryParams!,
      handlers: unitParams.handlers!,
      ...(unitParams.cleanPaths ? { cleanPaths: unitParams.cleanPaths.map(detached) } : {}),
      ...(unitParams.routeSchema ? { routeSchemaRequest: detached(unitParams.routeSchema.request) } : {}),
      aliases,
      aliasKey,
      role,
      hash,
      ...(asked.size ? { importReads: [...asked].map((id): [string, string] => [detached(id), detached(imports.get(id) ?? IMPORT_NONE)]) } : {}),
      arity: params.length,
      ...(flow ? { flow } : {}),
    };
    list.push(desc);
    remake[fi] = (aliases) => make(aliases, aliasKeyOf(aliases, unitParams.sources), hash);
    units.push(make(aliases, aliasKey, hash, desc));
  }
  // A helper's parameters that a caller passes a request to stand for it (see `RequestFlow`): its unit is made again
  // with those aliases, which are part of its key, so a caller's edit that changes them re-analyses it.
  let requestArgs: RequestArgument[] | undefined;
  let requestsFromElsewhere: RequestsFromElsewhere[] | undefined;
  if (requestNames.size) {
    let tables: Map<string, [string, string][]> | undefined;
    const tablesOf = (): Map<string, [string, string][]> => (tables ??= moduleTables(top, topCount, syn));
    const { extra, outgoing } = requestHelperAliases(flows, fnAliases, units, outerOf, spans, fnStmt, imports, requestNames, syn, incoming?.aliases, !memo, tablesOf);
    for (const [fi, more] of extra) units[fi + 1] = remake[fi]!(new Map([...fnAliases[fi]!, ...more]));
    if (outgoing.length) requestArgs = outgoing;
    if (incoming?.aliases?.size) {
      // The parameters that stand for a request only because another file passes one (told from the file alone).
      const own = requestHelperAliases(flows, fnAliases, units, outerOf, spans, fnStmt, imports, requestNames, syn, undefined, false, tablesOf).extra;
      for (const [fi, more] of extra) {
        const names = [...more.keys()].filter((n) => !own.get(fi)?.has(n));
        const name = units[fi + 1]!.name;
        if (names.length) (requestsFromElsewhere ??= []).push({ startLine: lines.positionAt(spans[fi]!.start).line, endLine: lines.positionAt(spans[fi]!.end).line, names, ...(name && incoming.aliases.has(name) ? { called: name } : {}) });
      }
    }
  }
  if (memo) {
    stmtKeys.forEach((key, si) => {
      if (key !== undefined) nextShapes.set(key, stmtDescs[si] ? stmtShapes[si]! : { ...stmtShapes[si]!, descriptors: computed.get(si) ?? [] });
    });
    if (stats?.contextShapesKept !== undefined) stats.contextShapesKept += nextShapes.size;
    memo.module = syn;
    memo.lang = lang;
    memo.descKey = descKey;
    memo.importKey = importKey;
    memo.byStatement = nextShapes;
    memo.byContainer = nextContainers;
  }
  const byName = new Map<string, Unit | null>();
  const byMethod = new Map<string, Unit | null>();
  for (const u of units) {
    if (!u.name) continue;
    const map = u.isMethod ? byMethod : byName;
    map.set(u.name, map.has(u.name) ? null : u);
  }
  // Overloaded methods (Java `record(e)`, `record(e, d)`): also under `name/arity`, so a call resolves by its count of
  // arguments (see `resolveCallee`). A name no key `name/N` can spell: method names have no `/`.
  for (const u of units) {
    if (!u.name || !u.isMethod || u.arity === undefined || byMethod.get(u.name) !== null) continue;
    const key = `${u.name}/${u.arity}`;
    byMethod.set(key, byMethod.has(key) ? null : u);
  }
  otherClassMethods(units, byMethod);
  const byStart = new Map<number, Unit>();
  const byClass = new Map<string, Unit[]>();
  units.forEach((u, i) => {
    if (i > 0) byStart.set(spans[i - 1]!.start, u);
    if (u.cls === undefined) return;
    const list = byClass.get(u.cls);
    if (list) list.push(u);
    else byClass.set(u.cls, [u]);
  });
  const cleanFields = cleanFieldsOf(lang);
  return {
    units,
    imports,
    byName,
    byMethod,
    byStart,
    byClass,
    family: classFamilies(byClass),
    topNested,
    get importKey() {
      return importKeyOf();
    },
    get importsSig() {
      return (importsSigMade ??= createHash('sha1').update(JSON.stringify([[...imports], importStmts])).digest('hex'));
    },
    topNode: top.node,
    facts,
    ...(requestArgs ? { requestArgs } : {}),
    ...(requestsFromElsewhere ? { requestsFromElsewhere } : {}),
    ...(requestWrites ? { requestWrites } : {}),
    ...(registrations?.size ? { registrations } : {}),
    ...(cleanFields ? { cleanFields } : {}),
    ...(typedFieldList.length ? { typedFields: new Map(typedFieldList) } : {}),
    ...(ownTypeAliases.size ? { typeAliases: ownTypeAliases } : {}),
    ...(boundFormList.length ? { boundForms: new Map(boundFormList) } : {}),
    ...(recordFieldList.length ? { recordFields: new Map(recordFieldList) } : {}),
    ...(recordBaseList.length ? { recordBases: new Map(recordBaseList.map(([c, bs, fs]) => [c, { bases: bs, own: fs }])) } : {}),
  };
}

/**
 * Record classes with the fields their record bases of this file give them (`class Admin(User)` of a dataclass
 * `User`, through up to four levels): the bases' fields first, as a generated constructor takes them, then its own.
 */
function inheritedRecords(records: [string, string[]][], bases: [string, string[], string[]][]): [string, string[]][] {
  if (!bases.length || !records.length) return records;
  const out = new Map(records);
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const [cls, bs, own] of bases) {
      const from = bs.filter((b) => b !== cls && out.has(b));
      if (!from.length) continue;
      const fields = recordUnion([...from.map((b) => out.get(b)!), own]);
      if (JSON.stringify(fields) === JSON.stringify(out.get(cls))) continue;
      out.set(cls, fields);
      changed = true;
    }
    if (!changed) break;
  }
  return [...out];
}

/** Fields of bases and a class in order, a field declared again keeping its first place (as dataclasses do). */
function recordUnion(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const f of lists.flat()) if (f === '' || !out.includes(f)) out.push(f);
  return out;
}

/**
 * The top level's statements (as the dataflow walks them) with their keys: own text (nested functions replaced
 * as in unit keys) and the shape of any syntax error in it, column, and the file context (not the line: see
 * `StatementEntry`), with its lines. Computed once per run, shared by the rules.
 */
const statementLinesOf = new WeakMap<readonly TopStatement[], StatementLines>();

/** The keys and lines of a run's top-level statements (one object per run, shared by its passes). */
function statementLines(stmts: readonly TopStatement[]): StatementLines {
  let at = statementLinesOf.get(stmts);
  if (!at) statementLinesOf.set(stmts, (at = { keys: stmts.map((x) => x.key), lines: stmts.map((x) => x.line) }));
  return at;
}

const alignments = new WeakMap<StatementLines, WeakMap<StatementLines, { p: number; q: number; delta: number }>>();

/**
 * The statements now against those of an earlier run: the longest head of the same keys at the same lines, and
 * the longest tail after it of the same keys all moved by the same lines (`delta`). Once per pair of runs.
 */
function alignStatements(old: StatementLines, now: StatementLines): { p: number; q: number; delta: number } {
  let byOld = alignments.get(now);
  if (!byOld) alignments.set(now, (byOld = new WeakMap()));
  let hit = byOld.get(old);
  if (hit) return hit;
  const n = now.keys.length;
  const m = old.keys.length;
  let p = 0;
  while (p < n && p < m && now.keys[p] === old.keys[p] && now.lines[p] === old.lines[p]) p++;
  let q = 0;
  const delta = n > p && m > p ? now.lines[n - 1]! - old.lines[m - 1]! : 0;
  while (q < n - p && q < m - p && now.keys[n - 1 - q] === old.keys[m - 1 - q] && now.lines[n - 1 - q]! - old.lines[m - 1 - q]! === delta) q++;
  byOld.set(old, (hit = { p, q, delta }));
  return hit;
}

/**
 * The fixpoint's targets of a round as the top level's dependency keys (`i:<line>:<column>` for an inline
 * function's unit, names as they are): a statement dependency not among them has the value it had.
 */
function suspectDeps(targets: ReadonlySet<string>, byKey: ReadonlyMap<string, Unit>, root: Unit, lines: LineIndex): (dep: string) => boolean {
  let set: Set<string> | undefined;
  return (dep) => {
    if (!set) {
      set = new Set();
      for (const t of targets) {
        if (!t.startsWith('k:')) set.add(t);
        else {
          const unit = byKey.get(t.slice(2));
          if (!unit) continue;
          const at = lines.positionAt(unit.node.startIndex);
          set.add(`i:${at.line - root.line}:${at.character}`);
        }
      }
    }
    return set.has(dep);
  };
}

function topStatements(ctx: FileContext, text: string, lines: LineIndex, functionTypes: ReadonlySet<string>): TopStatement[] {
  if (ctx.statements) return ctx.statements;
  const out: TopStatement[] = [];
  const spans = ctx.topNested;
  let j = 0;
  for (const node of kids(ctx.units[0]!.node)) {
    const start = node.startIndex;
    const end = node.endIndex;
    while (j < spans.length && spans[j]!.end <= start) j++;
    const inside: Span[] = [];
    for (let k = j; k < spans.length && spans[k]!.start < end; k++) if (spans[k]!.start >= start) inside.push(spans[k]!);
    const at = lines.positionAt(start);
    const hash = createHash('sha1').update(spliceNested(text, start, end, inside, lines, at.line)).digest('base64');
    // A function statement is a unit of its own, keyed here only by where it ends: its errors are its unit's.
    const shape = functionTypes.has(node.type) ? '' : errorShape(node, functionTypes);
    // Not keyed by line: an entry recorded at another line is replayed moved when what it read moved alike.
    out.push({ node, key: `${hash}${shape}@${at.character}:${ctx.importKey}`, line: at.line, endLine: lines.positionAt(end).line });
  }
  return (ctx.statements = out);
}

/**
 * What the handler specs ask of one function, each read from the tree at most once however many specs ask
 * (reads cross into wasm, and a node's parent is found by a walk from the root).
 */
/** A function's parameter keywords where calls have keyword arguments and one has a keyword, else null. */
function keywordsOf(syn: LanguageModule, fn: Node): (string | null)[] | null {
  const kw = syn.paramKeywords?.(fn);
  return kw?.some((k) => k !== null) ? kw : null;
}

/**
 * Whether a handler parameter's declared type leaves no string for an attacker: one of the spec's `safe-types`
 * (`int`, `UUID`, pydantic's `PositiveInt`, `conint(ge=0)`), a closed type of this file (an Enum), a `Literal[...]`
 * of constants, or those under `Optional[...]`, `Annotated[T, ...]` and unions (every member safe).
 */
export function isSafeParamType(
  type: string,
  safeTypes: readonly string[],
  closedTypes: ReadonlySet<string>,
  aliases: ReadonlyMap<string, string> = new Map(),
  injectors: readonly string[] = [],
  depth = 0,
): boolean {
  if (depth > 8) return false;
  const t = type.trim();
  const alias = aliases.get(t);
  if (alias !== undefined) return isSafeParamType(alias, safeTypes, closedTypes, aliases, injectors, depth + 1);
  const again = (x: string): boolean => isSafeParamType(x, safeTypes, closedTypes, aliases, injectors, depth + 1);
  const parts = splitTopLevel(t, '|');
  if (parts.length > 1) return parts.every((p) => p === 'None' || again(p));
  const generic = /^([\w.]+)\[(.*)\]$/s.exec(t);
  if (generic) {
    const [, head, inner] = generic as unknown as [string, string, string];
    const args = splitTopLevel(inner, ',');
    const base = head.replace(/^(typing|typing_extensions)\./, '');
    if (base === 'Optional') return args.length === 1 && again(args[0]!);
    if (base === 'Union') return args.every((a) => a === 'None' || again(a));
    // FastAPI's `Annotated[int, Query(ge=1)]`: the first argument is the type, the rest is metadata. With
    // `Depends(f)` (an `injectors` call) among the metadata the framework passes what f returns, not the request's.
    if (base === 'Annotated') {
      const injected = (a: string): boolean => {
        const callee = /^([\w.]+)\(/.exec(a)?.[1];
        return !!callee && injectors.some((d) => callee === d || callee.endsWith(`.${d}`));
      };
      if (args.slice(1).some(injected)) return true;
      return args.length > 0 && again(args[0]!);
    }
    // Values the program wrote: numbers, strings, booleans, None, enum members.
    if (base === 'Literal') return args.every((a) => /^(-?\d[\w.]*|(?:[rbu]?)("[^"\\]*"|'[^'\\]*')|True|False|None|[A-Za-z_][\w]*\.[A-Za-z_]\w*)$/.test(a));
    // `list[int]`, `Sequence[UUID]` and the like (the spec's older rule): a container of safe items.
    if (safeTypes.includes(head)) return true;
    return /^(list|List|set|Set|frozenset|FrozenSet|tuple|Tuple|Sequence)$/.test(base) && args.every((a) => a === '...' || again(a));
  }
  if (closedTypes.has(t)) return true;
  // pydantic's constrained types written as calls: `conint(ge=0)`, `confloat(gt=0)`.
  const call = /^([\w.]+)\(.*\)$/s.exec(t);
  const name = call ? call[1]! : t;
  return safeTypes.some((s) => name === s || name.endsWith(`.${s}`));
}

/** Splits at `sep` outside brackets, parentheses and strings. */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out;
}

/**
 * Findings in test code (a `test/` folder, `*_test.py`, `conftest.py`, fixtures) or vendored code (`vendor/`,
 * `third_party/`), by `classifyPath` inside the workspace root as secrets do: a library's test server or a test's
 * made-up token is never deployed, and a vendored library's internals are its authors' to fix (lnbits'
 * `static/vendor/vue-router.js`). Reported at low severity with the reason in the message; not hidden (a test may
 * copy a real handler's bug, and vendored code does run).
 */
export function inTestCode(findings: Finding[], path: string, root: string | undefined): Finding[] {
  if (findings.length === 0) return findings;
  const where = classifyPath(path, root);
  const kind = where.kind === 'test' ? 'test' : where.skip === 'vendored' ? 'vendored' : undefined;
  if (!kind) return findings;
  return findings.map((f) => ({
    ...f,
    severity: f.severity === 'info' ? 'info' : 'low',
    message: `${f.message} (In ${kind} code, so severity is lowered.)`,
    properties: { ...f.properties, pathKind: kind },
  }));
}

class HandlerSite {
  private _name?: string | null;
  private _exported?: boolean;
  private _call?: Node | null;
  private _wrapperCall?: Node | null;
  private _object?: Node | null;
  private _outerObject?: Node | null;
  private _decorators?: Node[];

  constructor(
    readonly fn: Node,
    readonly parent: Node | null,
    private readonly syn: LanguageModule,
    private readonly aliases?: Map<string, string[]>,
    private readonly registered?: Map<string, string[]>,
    /** The module's directive prologue (`'use server'`). */
    readonly moduleDirectives: readonly string[] = [],
  ) {}

  /**
   * Whether this function is registered by name with the by-name handler `id` (see `registeredByName`): a
   * module-level one by a call anywhere in the file, a nested one by a call in the same enclosing functions
   * (`const onMessage = (e) => …; window.addEventListener('message', onMessage)` in a component's effect), a method
   * by its class's name anywhere in the file (`app.use('/docs', new DocsService())`).
   */
  registeredAs(id: string): boolean {
    // A method of a class registered by name (`app.use('/docs', new DocsService(opts))`: its instance serves the path).
    const cls = this.registered?.size && this.syn.isMethod(this.fn) ? this.syn.classOf?.(this.fn) : undefined;
    if (cls !== undefined && this.registered!.get(cls)?.some((r) => r.startsWith(`${id}@`))) return true;
    const found = this.registered?.size && this.name !== undefined ? this.registered.get(this.name) : undefined;
    if (!found) return false;
    if (this.syn.isModuleLevel?.(this.fn, this.parent)) return found.some((r) => r.startsWith(`${id}@`));
    return !this.syn.isMethod(this.fn) && found.includes(`${id}@${scopeChain(this.parent, this.syn)}`);
  }

  /** The names another statement exports this module-level function under (`export const GET = handler`). */
  get exportedAs(): string[] {
    const found = this.aliases?.size && this.name !== undefined ? this.aliases.get(this.name) : undefined;
    return found && this.syn.isModuleLevel?.(this.fn, this.parent) ? found : [];
  }

  get name(): string | undefined {
    if (this._name === undefined) this._name = this.syn.unitName(this.fn, this.parent) ?? null;
    return this._name ?? undefined;
  }

  get exported(): boolean {
    return (this._exported ??= this.syn.isExported(this.fn, this.parent));
  }

  /**
   * The call the function is an argument of (a registration call such as `app.get(path, fn)`), or the value of an
   * entry of (`server.route({ handler: fn })`, `multer.diskStorage({ filename(req, file, cb) {} })`), if it is one.
   */
  get call(): Node | null {
    if (this._call === undefined) {
      const callOf = (args: Node | null): Node | null => {
        const call = args?.parent;
        return args && call && this.syn.exprKind(call.type) === 'call' && call.childForFieldName('arguments')?.id === args.id ? call : null;
      };
      this._call = callOf(this.parent) ?? callOf(this.object?.parent ?? null);
    }
    return this._call;
  }

  /**
   * The call that `call` is itself the last argument of, when the function is that call's last argument: a wrapper's
   * registration (`socket.on('run', guarded(socket, async (data) => …))`, `router.get(p, catchAsync(async (rq, rs) => …))`),
   * the wrapper taken to hand its function what the framework gives it.
   */
  get wrapperCall(): Node | null {
    if (this._wrapperCall === undefined) this._wrapperCall = this.findWrapperCall();
    return this._wrapperCall;
  }

  private findWrapperCall(): Node | null {
    const inner = this.call;
    const args = inner?.childForFieldName('arguments');
    const last = (call: Node | null | undefined, arg: Node): boolean => {
      const list = call?.childForFieldName('arguments');
      const named = list ? namedKids(list) : [];
      return named[named.length - 1]?.id === arg.id;
    };
    if (!inner || !args || !last(inner, this.fn) || this.parent?.id !== args.id) return null;
    const outer = inner.parent?.parent;
    return outer && this.syn.exprKind(outer.type) === 'call' && last(outer, inner) ? outer : null;
  }

  /** The object literal the function is an entry's value of (or a method of), if any. Read once: `parent` is a walk. */
  get object(): Node | null {
    if (this._object === undefined) this._object = entryOwner(this.fn, this.parent, this.syn);
    return this._object;
  }

  /** The object literal that `object` is an entry's value of (`{ method, path, options: { handler } }`), if any. */
  get outerObject(): Node | null {
    if (this._outerObject === undefined) this._outerObject = this.object && entryOwner(this.object, this.object.parent, this.syn);
    return this._outerObject;
  }

  get decorators(): Node[] {
    return (this._decorators ??= this.syn.functionDecorators?.(this.fn, this.parent) ?? []);
  }
}

/** The map literal (object, dict) holding `node` as an entry's value or as a named entry (a method), if one does. */
function entryOwner(node: Node, parent: Node | null, syn: LanguageModule): Node | null {
  const ps = syn.patternSyntax;
  if (!parent) return null;
  if (ps.maps.includes(parent.type)) return ps.namedEntries.includes(node.type) ? parent : null;
  const fields = ps.entries[parent.type];
  const owner = parent.parent;
  return fields && owner && ps.maps.includes(owner.type) && parent.childForFieldName(fields[1])?.id === node.id ? owner : null;
}

/** Whether a handler's `call` or `entry-of` pattern matches `at`, binding `fn` as `$HANDLER` and meeting its `where`. */
function bindsHandler(c: NonNullable<CompiledLanguage['handlers'][number]['call']>, at: Node | null, fn: Node, resolve: CanonicalResolver): boolean {
  // `$HANDLER` starts bound to the function: in `{ Query: { $F: $HANDLER } }` the entry holding it is the one tried.
  const b = at && matchPattern(c.pattern, at, resolve, new Map([['$HANDLER', fn]]));
  return !!b && b.get('$HANDLER')?.id === fn.id && c.where.every(([mv, re]) => re.test(boundText(b, mv) ?? ''));
}

function isHandler(site: HandlerSite, h: CompiledLanguage['handlers'][number], params: Node[], resolve: CanonicalResolver, syn: LanguageModule): boolean {
  const fn = site.fn;
  if (h.spec.firstParamNamed && (params[0] ? textOf(params[0]) : undefined) !== h.spec.firstParamNamed) return false;
  if (h.spec.paramNames && !h.spec.paramNames.every((n, i) => params[i] !== undefined && textOf(params[i]) === n)) return false;
  if (h.spec.functionNamed && !h.spec.functionNamed.includes(site.name ?? '') && !site.exportedAs.some((n) => h.spec.functionNamed!.includes(n))) return false;
  if (h.spec.exported && !site.exported && !site.exportedAs.length) return false;
  if (h.spec.fileDirective && !site.moduleDirectives.includes(h.spec.fileDirective)) return false;
  if (h.spec.directive && !syn.directives?.(fn).includes(h.spec.directive)) return false;
  // The function is an argument of the registration call, or an entry's value in an object literal argument.
  if (h.call && !(h.spec.byName && site.registeredAs(h.spec.id)) && !bindsHandler(h.call, site.call, fn, resolve) && !(site.wrapperCall && bindsHandler(h.call, site.wrapperCall, site.call!, resolve))) return false;
  // The object holding the function, or the one holding that.
  if (h.entryOf && !bindsHandler(h.entryOf, site.object, fn, resolve) && !bindsHandler(h.entryOf, site.outerObject, fn, resolve)) return false;
  if (h.paramDecorator && !params.some((_, i) => hasParamDecorator(fn, i, h.paramDecorator!, resolve, syn))) return false;
  if (h.paramType && !params.some((_, i) => h.paramType!.test(syn.paramTypeOf(fn, i) ?? ''))) return false;
  if (h.classBase && !(syn.classBases?.(fn) ?? []).some((b) => h.classBase!.test(b))) return false;
  if (h.decorator) {
    const ok = site.decorators.some((e) => {
      const b = matchPattern(h.decorator!.pattern, e, resolve);
      return !!b && h.decorator!.where.every(([mv, re]) => re.test(boundText(b, mv) ?? ''));
    });
    if (!ok) return false;
  }
  return true;
}

/**
 * The names a call pattern calls, which the text must hold: its methods (`$T.addEventListener(...)`:
 * `addEventListener`), and with `global` its callee when that is a plain name (`ROUTE(`), which only an import could
 * rename.
 */
function callNames(pattern: string, global: boolean): string[] {
  const names = [...pattern.matchAll(/\.([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]!);
  const callee = global ? /^\s*([A-Za-z_]\w*)\s*\(/.exec(pattern)?.[1] : undefined;
  return callee ? [...names, callee] : names;
}

/**
 * The functions enclosing a node, outermost first, by name (`?` for an anonymous one), joined by `/`: where a
 * by-name registration is, told by names, not offsets, so that it is part of the import key without every edit above
 * changing it. Two anonymous callbacks of one function share a chain.
 */
function scopeChain(from: Node | null, syn: LanguageModule): string {
  const names: string[] = [];
  for (let p = from; p; p = p.parent) if (syn.functionTypes.has(p.type)) names.push(syn.unitName(p, p.parent) ?? '?');
  return names.reverse().join('/');
}

/**
 * The names by-name handlers' registration calls give as `$HANDLER`, anywhere in the file (Gradio wires its events
 * inside a UI-building function): function name -> `<handler id>@<scope chain of the call>`. Only a plain name; the
 * function must be the file's own module-level one, or one defined in the call's enclosing functions (see
 * `HandlerSite.registeredAs`).
 */
function registeredByName(
  root: Node,
  text: string,
  handlers: readonly CompiledLanguage['handlers'][number][],
  imports: Map<string, string>,
  syn: LanguageModule,
  calls: Map<number, { fn: Node; handlers: CompiledLanguage['handlers'][number][] }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const resolve = (id: string): string | undefined => imports.get(id);
  for (const n of callsNaming(root, text, handlers, syn)) {
    for (const h of handlers) {
      const b = matchPattern(h.call!.pattern, n, resolve);
      const fn = b?.get('$HANDLER');
      if (!b || !fn || !(syn.exprKind(typeOf(fn)) === 'identifier' || moduleFunction(fn, imports, syn))) continue;
      if (!h.call!.where.every(([mv, re]) => re.test(boundText(b, mv) ?? ''))) continue;
      const ids = out.get(fn.text) ?? [];
      const at = `${h.spec.id}@${scopeChain(n.parent, syn)}`;
      if (!ids.includes(at)) out.set(fn.text, [...ids, at]);
      const call = calls.get(n.id);
      if (call) call.handlers.push(h);
      else calls.set(n.id, { fn, handlers: [h] });
    }
  }
  return out;
}

/** The first parameter's name of a function a deferred call runs (`task.delay(x)`: `task`'s), if known. */
function deferredFirstParam(fn: Node, lookup: (kind: 'n' | 'm', name: string) => Unit | null | undefined, imported: Map<string, ExportSummary>): string | undefined {
  const unit = lookup('n', textOf(fn));
  if (unit) return unit.params.names[0]?.node.text;
  return imported.get(textOf(fn))?.keywords?.[0] ?? undefined;
}

/**
 * A function of a module the file imports whole, written `module.f` (`btn.click(tools.lookup, ...)` after `import
 * tools`): another file's handler, found by that text among the imported summaries (see `importedHandler`).
 */
function moduleFunction(fn: Node, imports: Map<string, string>, syn: LanguageModule): boolean {
  if (syn.exprKind(typeOf(fn)) !== 'member') return false;
  const obj = syn.memberObject(fn);
  return !!obj && syn.exprKind(typeOf(obj)) === 'identifier' && imports.has(textOf(obj)) && /^[\w$]+\.[\w$]+$/.test(textOf(fn));
}

/**
 * The calls a by-name handler's registration may be, in document order: where every handler's pattern calls a
 * method or a global function by name (`callNames`), the calls around each place the text has one of those names (a
 * browser script has `addEventListener` a few times; walking its whole tree on every edit would cost more than the
 * edit's analysis); else every call of the tree.
 */
function callsNaming(root: Node, text: string, handlers: readonly CompiledLanguage['handlers'][number][], syn: LanguageModule): Node[] {
  const out: Node[] = [];
  const names = handlers.map((h) => callNames(h.call!.pattern.source, !h.spec.requiresImport));
  if (names.every((m) => m.length)) {
    const seen = new Set<number>();
    for (const m of new Set(names.flat())) {
      const re = new RegExp(`(?<![\\w$])${m}(?![\\w$])`, 'g');
      for (const hit of text.matchAll(re)) {
        // The name's node, its member access, the call: a call at most three levels up calls it.
        let n: Node | null = root.descendantForIndex(hit.index, hit.index + m.length);
        for (let i = 0; n && i < 3 && syn.exprKind(n.type) !== 'call'; i++) n = n.parent;
        if (n && syn.exprKind(n.type) === 'call' && !seen.has(n.id)) {
          seen.add(n.id);
          out.push(n);
        }
      }
    }
    return out.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  }
  const cursor = root.walk();
  for (;;) {
    if (syn.exprKind(cursor.nodeType) === 'call') out.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
    }
  }
}

/** Whether parameter `index` of a TypeScript function carries a decorator matching the pattern (`@Body() dto`). */
/** A decorator call's arguments (`Param('id', ParseUUIDPipe)`: the name and the pipe); none for a bare name. */
function decoratorArgs(d: Node, syn: LanguageModule): Node[] {
  const args = syn.exprKind(typeOf(d)) === 'call' ? fieldOf(d, 'arguments') : null;
  return args ? namedKids(args) : [];
}

function hasParamDecorator(fn: Node, index: number, pattern: NonNullable<CompiledLanguage['handlers'][number]['paramDecorator']>, resolve: CanonicalResolver, syn: LanguageModule): boolean {
  return syn.paramDecorators(fn, index).some((e) => {
    const b = matchPattern(pattern.pattern, e, resolve);
    return !!b && pattern.where.every(([mv, re]) => re.test(boundText(b, mv) ?? ''));
  });
}

/** Resolves a relative import specifier against the importing file (for ExportIndex implementations). */
export function resolveSpecifier(fromPath: string, specifier: string): string {
  if (specifier.startsWith('.') && !specifier.startsWith('./') && !specifier.startsWith('../')) {
    // Python relative module: `.db` -> ./db, `..pkg.mod` -> ../pkg/mod
    const m = /^(\.+)(.*)$/.exec(specifier)!;
    const up = m[1]!.length - 1;
    return resolvePath(dirname(fromPath), ...Array(up).fill('..'), ...m[2]!.split('.').filter(Boolean));
  }
  return resolvePath(dirname(fromPath), specifier);
}

/**
 * An ExportIndex over summaries gathered by a first pass (`summarizeExports` on every file): resolves a relative
 * specifier against the importing file and tries the usual extensions and index files. Summaries are plain data,
 * so workers can send them to the coordinator and back.
 */
export function buildExportIndex(summaries: readonly ExportSummary[]): ExportIndex {
  const byPath = new Map<string, ExportSummary[]>();
  const byModule = new Map<string, ExportSummary>();
  const qualifiedNames = new Set<string>();
  const methodsNamed = new Map<string, ExportSummary[]>();
  const classesNamed = new Map<string, ExportSummary[]>();
  const heldNames = new Map<string, Set<string>>();
  const requestWrites = new Map<string, ExportSummary[]>();
  /** `METHOD_OF_PACKAGE` keys two types of one module define. */
  const ambiguous = new Set<string>();
  for (const s of summaries) {
    byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
    if (s.requestWriters && s.name.startsWith(REQUEST_WRITE)) {
      const key = s.name.slice(REQUEST_WRITE.length);
      requestWrites.set(key, [...(requestWrites.get(key) ?? []), s]);
    }
    const method = s.className !== undefined && s.reexport === undefined ? s.name.slice(s.className.length + 1) : '';
    if (method && isAppMethodName(method)) methodsNamed.set(method, [...(methodsNamed.get(method) ?? []), s]);
    if (method) classesNamed.set(s.className!, [...(classesNamed.get(s.className!) ?? []), s]);
    if (s.heldClass !== undefined && s.name.startsWith(HELD_ENTRY)) {
      const name = s.name.slice(HELD_ENTRY.length);
      heldNames.set(name, (heldNames.get(name) ?? new Set()).add(s.heldClass));
    }
    // A method known as `<type>.<method>` (Go's): also by its name alone, when no other type of its module has one.
    const dot = s.modules ? s.name.lastIndexOf('.') : -1;
    for (const m of s.modules ?? []) {
      const key = `${m}\u0000${s.name}`;
      // Overloads and duplicates: the first one summarised stands for the name.
      if (!byModule.has(key)) byModule.set(key, s);
      qualifiedNames.add(s.name);
      if (dot < 0) continue;
      qualifiedNames.add(s.name.slice(dot + 1));
      const byMethod = `${m}\u0000${METHOD_OF_PACKAGE}${s.name.slice(dot + 1)}`;
      const known = byModule.get(byMethod);
      if (known === undefined && !ambiguous.has(byMethod)) byModule.set(byMethod, s);
      else if (known !== undefined && known.name !== s.name) {
        byModule.delete(byMethod);
        ambiguous.add(byMethod);
      }
    }
  }
  // Python modules of the workspace by their last name (`db` for `/w/src/shop/db.py` and `/w/src/shop/db/__init__.py`),
  // each as its path without `.py` / `/__init__.py`, for absolute imports.
  let pyModules: Map<string, string[]> | undefined;
  const pyModule = (fromPath: string, specifier: string): ExportSummary[] | undefined => {
    if (!pyModules) {
      pyModules = new Map();
      for (const p of byPath.keys()) {
        const file = p.replace(/[\\/]__init__\.py$|\.py$/, '');
        const name = /[\\/]([A-Za-z_]\w*)$/.exec(file)?.[1];
        if (file === p || !name) continue;
        const known = pyModules.get(name) ?? [];
        if (!known.includes(file)) pyModules.set(name, [...known, file]);
      }
    }
    const file = pythonModuleFile(fromPath, specifier, pyModules.get(specifier.slice(specifier.lastIndexOf('.') + 1)) ?? []);
    return file === undefined ? undefined : byPath.get(`${file}.py`) ?? byPath.get(`${file}/__init__.py`) ?? byPath.get(`${file}\\__init__.py`);
  };
  const withSuffix = (base: string): ExportSummary[] | undefined => {
    for (const suffix of MODULE_SUFFIXES) {
      const hit = byPath.get(base + suffix);
      if (hit) return hit;
    }
    // `import { f } from './db.js'` in TypeScript: the compiler's output named, `./db.ts` meant.
    for (const [out, source] of EMITTED_SUFFIXES) {
      const hit = base.endsWith(out) ? byPath.get(base.slice(0, -out.length) + source) : undefined;
      if (hit) return hit;
    }
    return undefined;
  };
  const direct = (fromPath: string, specifier: string): ExportSummary[] | undefined => {
    if (PY_ABSOLUTE.test(specifier) && /\.pyw?$/.test(fromPath)) return pyModule(fromPath, specifier);
    if (PATH_ALIAS.test(specifier)) return throughAlias(fromPath, specifier, withSuffix);
    return withSuffix(resolveSpecifier(fromPath, specifier));
  };
  // A module's re-exports replaced by what they name, in their own module (a chain of packages, to a depth).
  const expanded = new Map<ExportSummary[], ExportSummary[]>();
  const expand = (list: ExportSummary[] | undefined, depth: number): ExportSummary[] | undefined => {
    if (!list?.some((e) => e.reexport !== undefined)) return list;
    let out = expanded.get(list);
    if (out) return out;
    out = list.filter((e) => e.reexport === undefined);
    if (depth < 4) {
      for (const e of list) {
        if (e.reexport === undefined) continue;
        const all = e.name === '*';
        const dot = all ? -1 : e.reexport.lastIndexOf('.');
        const name = e.reexport.slice(dot + 1);
        for (const t of expand(direct(e.path, all ? e.reexport : e.reexport.slice(0, dot)), depth + 1) ?? []) {
          if (all) out.push(t);
          else if (t.name === name) out.push({ ...t, name: e.name, ...(e.table ? { table: e.table } : {}) });
          // A class's methods come with it, under the name it is re-exported as.
          else if (t.className === name && t.name.startsWith(`${name}.`)) out.push({ ...t, name: `${e.name}${t.name.slice(name.length)}`, className: e.name });
        }
      }
    }
    expanded.set(list, out);
    return out;
  };
  const byRelative = (fromPath: string, specifier: string): ExportSummary[] | undefined => expand(direct(fromPath, specifier), 0);
  // Two classes never share a name (`collaboratorNames` spells the class's words).
  const collaborators = new Map<string, string>();
  for (const cls of classesNamed.keys()) for (const n of collaboratorNames(cls)) collaborators.set(n, cls);
  return Object.assign(byRelative, { qualified: (module: string, name: string) => byModule.get(`${module}\u0000${name}`), qualifiedNames, methodsNamed, classesNamed, heldNames, collaborators, requestWrites });
}

/**
 * The folders a path alias may stand for, below a folder holding the importing file: SvelteKit's `$lib` is
 * `src/lib`; `~`, `~~`, `@` and `@@` are the project's root, its `src/` (Next.js, Vue) or its `app/` (Remix);
 * AdonisJS 5's `App` is `app/`. A subpath import `#name` (see `aliasBases`) is `app/name` (AdonisJS 6's package.json
 * maps `#services/*` so), `src/name` or `name`.
 */
const ALIAS_BASES: Record<string, readonly string[]> = { $lib: ['src/lib'], '~': ['', 'src', 'app'], '~~': ['', 'src', 'app'], '@': ['', 'src', 'app'], '@@': ['', 'src', 'app'], App: ['app'] };

function aliasBases(alias: string): readonly string[] {
  if (!alias.startsWith('#')) return ALIAS_BASES[alias] ?? [];
  const name = alias.slice(1);
  return name ? [`app/${name}`, `src/${name}`, name] : ['', 'src'];
}

/**
 * What `find` gives for the first folder an alias specifier can name, from the importing file's folder outwards:
 * without reading the project's config (tsconfig `paths`, svelte.config, nuxt.config), a folder counts only where the
 * file the specifier names is one of the workspace's.
 */
function throughAlias<T>(fromPath: string, specifier: string, find: (base: string) => T | undefined): T | undefined {
  const slash = specifier.indexOf('/');
  const [alias, rest] = slash < 0 ? [specifier, ''] : [specifier.slice(0, slash), specifier.slice(slash + 1)];
  const bases = aliasBases(alias);
  for (let dir = dirname(fromPath), i = 0; i < 32; dir = dirname(dir), i++) {
    for (const b of bases) {
      const hit = find(resolvePath(dir, b, rest));
      if (hit !== undefined) return hit;
    }
    if (dirname(dir) === dir) break;
  }
  return undefined;
}

/** The parameters other files' routes convert for a view (`IncomingFacts.converted`), by its name or its class's. */
function incomingConverted(incoming: IncomingFacts | undefined, name: string | undefined, cls: string | undefined): ReadonlySet<string> | undefined {
  const c = incoming?.converted;
  if (!c) return undefined;
  return (cls !== undefined ? c.get(cls) : undefined) ?? (name !== undefined ? c.get(name) : undefined);
}

/** A Python absolute module name (`shop.db`, `app`): no leading dot, no path separator. */
const PY_ABSOLUTE = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * The workspace file (its path without `.py` / `/__init__.py`) that the Python absolute import `module` names from
 * `fromPath`, among `candidates` (the files whose last name is the module's): one whose path ends with the module's
 * folders (`shop/db` for `shop.db`), whatever folder the package sits in (`src/`, `web/`), since the package root
 * is a matter of `sys.path`. Of several, the one sharing the most folders with the importing file (a project's own
 * package before a vendored copy elsewhere); of equals, none. Modules outside the workspace (`os.path`) name none.
 */
export function pythonModuleFile(fromPath: string, module: string, candidates: readonly string[]): string | undefined {
  const tail = module.split('.');
  const ends = (p: string): boolean => {
    const parts = p.split(/[\\/]/);
    return parts.length > tail.length && tail.every((t, i) => parts[parts.length - tail.length + i] === t);
  };
  const shared = (p: string): number => {
    const a = p.split(/[\\/]/);
    const b = fromPath.split(/[\\/]/);
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  let best: string | undefined;
  let bestShared = -1;
  let tie = false;
  for (const c of candidates) {
    if (!ends(c)) continue;
    const n = shared(c);
    if (n > bestShared) [best, bestShared, tie] = [c, n, false];
    else if (n === bestShared) tie = true;
  }
  return tie ? undefined : best;
}

/** What each fix strategy does, in words, for the rule's details page. */
const FIX_TEXT: Record<FixStrategy, string> = {
  'parameterize-sql': 'Rewrites the query to a parameterised one: the input is passed separately as a value, never as SQL',
  'exec-to-execfile': 'Runs the program with an argument array and no shell, so the input cannot add commands',
  'shell-false': 'Passes an argument list and drops `shell=True`, so the input cannot add commands',
  'path-containment': 'Resolves the path and checks that it stays inside its root folder before it is used',
  'html-escape': 'Escapes the value for HTML (or assigns `textContent` instead of `innerHTML`)',
  'relative-redirect': 'Only redirects to a relative path on the same site',
  'yaml-safe-load': 'Loads the YAML with the safe schema, which builds no code objects',
  'end-of-options': 'Inserts `--` (git log, show, diff: `--end-of-options`) before the input, for git clone, fetch, pull, push and ls-remote, rsync and tar, so it cannot be read as an option',
};

function fixOffered(r: TaintRuleSpec): string | undefined {
  if (r.fix) return FIX_TEXT[r.fix.strategy];
  if (r.patterns.some((c) => c.replace)) return 'Replaces the unsafe setting with the safe value';
  if (r.patterns.some((c) => c.insertBefore)) return 'Sets the safe option before the unsafe use';
  return undefined;
}

/** Orders two positions (line, then character). */
function comparePos(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** Nodes declaring a class or type by a `name` field, in the grammars (Python, JS/TS, Java classes; Go type specs). */
const CLASS_DECLARATION = /class|type_spec|interface|record|enum/;

/** What `relevantUnits` reads of a file's units once per run, whatever the pass. */
interface UnitOwnership {
  /** Per unit (index in `ctx.units`), the innermost unit holding it (-1 for the top level). */
  parent: number[];
  /** Per name, the units whose span holds a name leaf equal to it (who may call a unit of that name, or of that class). */
  namedBy: Map<string, number[]>;
  /** Per unit, the units named by a name leaf of its code. */
  calls: number[][];
  /** Per unit, the units directly nested in it. */
  children: number[][];
  /** Named nodes, with the innermost unit holding each and whether it is outside that unit's body. */
  nodes: Node[];
  owner: number[];
  outside: boolean[];
  index: Map<Unit, number>;
}

const ownerships = new WeakMap<FileContext, UnitOwnership>();

/** `constructorMethod`: the language's (see `LanguageModule.constructorMethod`), which a class's name runs. */
function unitOwnership(ctx: FileContext, constructorMethod: string | undefined): UnitOwnership {
  let o = ownerships.get(ctx);
  if (o) return o;
  const units = ctx.units;
  const at = new Map<number, number>();
  units.forEach((u, i) => {
    if (i > 0) at.set(u.node.id, i);
  });
  const parent: number[] = units.map(() => -1);
  const children: number[][] = units.map(() => []);
  const tokens: Set<string>[] = units.map(() => new Set());
  const nodes: Node[] = [];
  const owner: number[] = [];
  const outside: boolean[] = [];
  // A function's own name is no call (the name field of its node).
  const ownNames = new Set<number>();
  units.forEach((u, i) => {
    const n = i > 0 ? fieldOf(u.node, 'name') : null;
    if (n) ownNames.add(n.id);
  });
  const classNames = new Set(units.flatMap((u) => (u.cls !== undefined ? [u.cls] : [])));
  const bodies: ({ start: number; end: number } | undefined)[] = units.map((u, i) => {
    if (i === 0) return undefined;
    const b = fieldOf(u.node, 'body');
    return b ? { start: b.startIndex, end: b.endIndex } : { start: 0, end: -1 };
  });
  const NAME = /^[A-Za-z_$][\w$]*$/;
  // Iterative, in document order: a deeply nested file must not exhaust the stack.
  const stack: [Node, number][] = [[units[0]!.node, 0]];
  while (stack.length) {
    const [x, from] = stack.pop()!;
    let cur = from;
    const j = at.get(x.id);
    if (j !== undefined && j !== cur) {
      parent[j] = cur;
      children[cur]!.push(j);
      cur = j;
    }
    const body = bodies[cur];
    const out = !!body && !(x.startIndex >= body.start && x.endIndex <= body.end);
    nodes.push(x);
    owner.push(cur);
    outside.push(out);
    // Nor is a class's own name where it is declared (elsewhere the name consults its constructor, see `nameUnit`).
    if (classNames.size > 0 && CLASS_DECLARATION.test(typeOf(x))) {
      const n = fieldOf(x, 'name');
      if (n && classNames.has(textOf(n))) ownNames.add(n.id);
    }
    const ks = kids(x);
    if (ks.length === 0 && !ownNames.has(x.id)) {
      const t = textOf(x);
      if (NAME.test(t)) {
        tokens[cur]!.add(t);
        // A parameter's default or a decorator may be read where the function is defined.
        if (out && parent[cur]! >= 0) tokens[parent[cur]!]!.add(t);
      }
    }
    for (let k = ks.length - 1; k >= 0; k--) stack.push([ks[k]!, cur]);
  }
  const byName = new Map<string, number[]>();
  const nameUnit = (name: string, i: number): void => {
    const l = byName.get(name);
    if (l) l.push(i);
    else byName.set(name, [i]);
  };
  units.forEach((u, i) => {
    if (u.name) nameUnit(u.name, i);
    // A class's name runs its constructor (`Search(t)`, `new Search(t)`): the fields the new object holds.
    if (u.cls !== undefined && u.name !== undefined && u.name === constructorMethod) nameUnit(u.cls, i);
  });
  const namedBy = new Map<string, number[]>();
  const calls: number[][] = units.map(() => []);
  tokens.forEach((set, i) => {
    for (const t of set) {
      const named = byName.get(t);
      if (!named) continue;
      calls[i]!.push(...named);
      const l = namedBy.get(t);
      if (l) l.push(i);
      else namedBy.set(t, [i]);
    }
  });
  o = { parent, namedBy, calls, children, nodes, owner, outside, index: new Map(units.map((u, i) => [u, i])) };
  ownerships.set(ctx, o);
  return o;
}

/**
 * The units a one-shot pass must analyse for its findings, or undefined when it must analyse them all. A finding needs
 * input (a source's flow) in the unit that reports it; a unit can hold input only if its own code matches one of the
 * pass's sources, it is a handler (input parameters) or an exported function of a `library-input` pass, or it consults
 * the summary of a unit that can hold input: by a name it calls (any name leaf of its code that names a unit), a
 * field of its class (every method of the class), or a function nested in it (`extraSeeds`: added when a run showed
 * one carrying input to it). Those units (`held`), and every unit they consult, transitively (named, nested, class
 * methods), are analysed; every other unit finds nothing and no analysed unit reads it, so the analysed units'
 * results, round by round, and so the findings, are those of the full fixpoint. `unchecked`: units that may hold input
 * whose enclosing function is not among `held`, to be checked after the run. Not for audit passes (any value is
 * input there), nor with other files' summaries that return input, nor with registrations of other files' handlers.
 */
function relevantUnits(
  ctx: FileContext,
  pass: Pass,
  imported: Map<string, ExportSummary>,
  resolvers: Map<string, CanonicalResolver>,
  extraSeeds: ReadonlySet<number>,
  constructorMethod: string | undefined,
): { units: Unit[]; unchecked: Map<number, number> } | undefined {
  if (pass.rules.some((r) => r.audit) || ctx.registrations?.size) return undefined;
  const ids = pass.rules.map((r) => r.spec.id);
  for (const e of imported.values()) if (ids.some((id) => returnsInput(e.rules[id]))) return undefined;
  const units = ctx.units;
  const own = unitOwnership(ctx, constructorMethod);
  const indexOf = own.index;
  const held = new Array<boolean>(units.length).fill(false);
  const queue: number[] = [];
  const hold = (i: number): void => {
    if (i < 0 || held[i]) return;
    held[i] = true;
    queue.push(i);
  };
  const library = pass.rules.some((r) => r.libraryInput);
  units.forEach((u, i) => {
    if (u.params.sources.size > 0 || (library && (u.params.entryParams?.size ?? 0) > 0)) hold(i);
  });
  for (const i of extraSeeds) hold(i);
  const resolverOf = new Map<number, CanonicalResolver>();
  const resolveIn = (i: number): CanonicalResolver => {
    let r = resolverOf.get(i);
    if (!r) resolverOf.set(i, (r = analysisResolver(resolvers, ctx, units[i]!)));
    return r;
  };
  const sources = pass.index.sources;
  for (let k = 0; k < own.nodes.length; k++) {
    const i = own.owner[k]!;
    const out = own.outside[k]!;
    if (held[i] && (!out || own.parent[i]! < 0 || held[own.parent[i]!])) continue;
    const x = own.nodes[k]!;
    const cands = sources.candidates(x, resolveIn(i));
    if (cands.length === 0) continue;
    if (out) {
      // Outside the function's body (a default, a decorator): it may be read in either, with either's names.
      const p = own.parent[i]!;
      const pc = p >= 0 ? sources.candidates(x, resolveIn(p)) : [];
      if (cands.some((c) => matchCompiled(c, x, resolveIn(i))) || pc.some((c) => matchCompiled(c, x, resolveIn(p)))) {
        hold(i);
        hold(p);
      }
    } else if (cands.some((c) => matchCompiled(c, x, resolveIn(i)))) hold(i);
  }
  // Units consulting a unit that may hold input may hold it too: its callers, and its class's methods.
  while (queue.length) {
    const v = queue.pop()!;
    const u = units[v]!;
    if (u.name) for (const c of own.namedBy.get(u.name) ?? []) hold(c);
    if (u.cls !== undefined) {
      if (u.name === constructorMethod) for (const c of own.namedBy.get(u.cls) ?? []) hold(c);
      for (const m of ctx.byClass.get(u.cls) ?? []) hold(indexOf.get(m)!);
    }
  }
  // And everything those consult.
  const need = held.slice();
  const stack: number[] = [];
  need.forEach((h, i) => {
    if (h) stack.push(i);
  });
  const add = (j: number): void => {
    if (!need[j]) {
      need[j] = true;
      stack.push(j);
    }
  };
  while (stack.length) {
    const i = stack.pop()!;
    for (const j of own.calls[i]!) add(j);
    for (const j of own.children[i]!) add(j);
    const c = units[i]!.cls;
    if (c !== undefined) for (const m of ctx.byClass.get(c) ?? []) add(indexOf.get(m)!);
  }
  const kept = units.filter((_, i) => need[i]);
  if (kept.length === units.length) return undefined;
  const unchecked = new Map<number, number>();
  held.forEach((h, i) => {
    const p = own.parent[i]!;
    if (h && p >= 0 && !held[p]) unchecked.set(i, p);
  });
  return { units: kept, unchecked };
}
