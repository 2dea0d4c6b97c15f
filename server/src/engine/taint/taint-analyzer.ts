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
import type { LineIndex } from '../text';
import { MODULE_SUFFIXES, TAINT_GRAMMARS, type GrammarId } from '../languages';
import { parseBudget, type GrammarRegistry } from '../parser';
import { boundText, canonicalModule, kids, matchPattern, namedKids, resetNodeCache } from '../patterns/pattern';
import { searchableAnywhere } from '../regex-guard';
import type { Finding, Fix, Range, TraceStep } from '../types';
import { analyzeTopLevel, analyzeUnit, BudgetExceeded, errorShape, NON_CONSTANT, passOf, spliceNested, type Pass, type Span, type FixBuilder, type RawTaintFinding, type StatementEntry, type Summary, type TopLevelCache, type TopStatement, type UnitParams } from './dataflow';
import type { LanguageModule } from './lang';
import { buildFixes, suppressFix } from './fixes';
import { newPatternUnitCache, patternRuleMayApply, patternRulePathApplies, runPatternRules, type PatternUnitCache } from './pattern-rules';
import { compileFor, patternWords, taintLanguageOf, type CompiledLanguage, type CompiledRule, type PassPattern, type TaintRuleSet } from './rule-set';
import type { FixStrategy, TaintRuleSpec } from './rule-schema';

/** A serialisable summary of one exported function, for one rule (its own sinks only). */
export interface ExportRuleSummary {
  paramReturns: number[];
  paramSinks: { param: number; sinkText: string; range: Range; steps: TraceStep[] }[];
  sourceReturns: { label: string; steps: TraceStep[] }[];
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
}

/**
 * Looks up the exports of the module `specifier` imported from `fromPath` (relative specifiers only, e.g.
 * `./db` or Python `.db`). The workspace scan builds it from a first pass of `summarizeExports`.
 */
export type ExportIndex = ((fromPath: string, specifier: string) => ExportSummary[] | undefined) & {
  /** The function `name` of a qualified module (`ExportSummary.modules`). */
  readonly qualified?: (module: string, name: string) => ExportSummary | undefined;
  /** The names of every function known by a qualified module (a text prefilter: a call must name one). */
  readonly qualifiedNames?: ReadonlySet<string>;
};

interface Unit {
  node: Node;
  name?: string;
  /** Methods called as `this.m()` / `self.m()`; Python methods skip `self`. */
  isMethod: boolean;
  params: UnitParams;
  aliases: Map<string, string>;
  /** Cache key: everything in this file the unit's result depends on, but not its line (see CacheEntry). */
  key: string;
  /** First and last line of the unit, as LSP counts. */
  line: number;
  endLine: number;
}

interface FileContext {
  units: Unit[];
  imports: Map<string, string>;
  byName: Map<string, Unit | null>;
  byMethod: Map<string, Unit | null>;
  /** Function units by start offset, for inline callbacks. */
  byStart: Map<number, Unit>;
  /** The functions directly in the top level (the root unit's nested spans), in order. */
  topNested: Span[];
  /** Digest of the imports and line-break style (part of every unit and statement key). */
  importKey: string;
  /** The top level's statements with their keys, computed on first use in a run (see `topStatements`). */
  statements?: TopStatement[];
  /** Callees (by node id) that resolve to another file's function by a qualified name: their key in `imported`. */
  qualifiedCallees?: Map<number, string>;
  /** Module-level names assigned once, with their value (null: assigned more than once); see `moduleValues`. */
  moduleValues?: Map<string, Node | null>;
}

/** A unit's result as analysed, and what it was computed from. */
interface CacheEntry {
  result: CachedUnit;
  /** The unit's lines when analysed; reused at another line, ranges inside them move by the difference. */
  line: number;
  endLine: number;
  /** A fix edits outside the unit (an import line): reuse only where the unit was. */
  pinned: boolean;
  /** What it consulted: `u:<unit key>` -> that summary's signature, `n:`/`m:<name>` -> the unit the name resolved to. */
  deps: Map<string, string>;
  /** Steps the analysis took: a reuse is charged the same, so the work budget cuts where a run without cache would. */
  work: number;
}

/** Work counted against the budget of one run on one file, across rules and rounds. */
interface WorkMeter {
  spent: number;
  budget: number;
  /** `spent` at the last pause point offered to the host. */
  paused: number;
}

/** Steps between the pause points a stepped run offers its host (`AnalyzerSession.steps`). */
const STEPS_PER_PAUSE = 2_000;

/** Options of the taint analyzer (for hosts and tests; not a user setting). */
export interface TaintAnalyzerOptions {
  /** See `TaintAnalyzer.workBudget`. */
  workBudget?: number;
  /** See `TaintAnalyzer.groupRules`. */
  groupRules?: boolean;
}

/**
 * Default work budget of one run on one file, in steps (statements and expressions visited, per rule and round,
 * counted as a run without cache does them). Ordinary code needs about 2.5 per character with the rules of
 * 2026-11-30: the bench corpus' 20,000-line JavaScript file (0.5 MB) needs 1.4 million, so a 50,000-line file
 * fits with room for more rules. A minified bundle needs about 4 per character and is cut from about 2 MB.
 */
export const DEFAULT_TAINT_WORK_BUDGET = 8_000_000;

/**
 * Per pass (its rules' ids and imported summaries), then per unit key, the results of the rounds of the last run
 * (a unit's result differs per round only when the summaries it consulted did). Two levels so that the unit key
 * strings are shared by all passes.
 */
type UnitCache = Map<string, Map<string, CacheEntry[]>>;

/**
 * One pass's last finished fixpoint on a document, for the next run's worklist: per round, the entry each unit
 * key used and the summary it gave; each unit key's line; what every function and method name resolved to.
 * Comparing it with the new file context tells which dependencies changed, so only the units that consulted one
 * (or whose own text or line changed) go through the cache's dependency check or are analysed again.
 */
interface RuleRecord {
  rounds: { entries: Map<string, CacheEntry>; summaries: Map<string, Summary> }[];
  lines: Map<string, number>;
  names: Map<string, string>;
}

/** Per pass key (as in `UnitCache`), per top-level statement key, the statement results a run used. */
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
}

/** An empty session cache (a run with it is a full run). */
export function newTaintSessionCache(): TaintSessionCache {
  return { units: new Map(), statements: new Map(), patterns: newPatternUnitCache(), records: new Map(), context: { byStatement: new Map() } };
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
  sources: [number, string][];
  entryParams: [number, string][];
  handlers: string[];
  aliases: [string, string][];
  role: string;
  hash: string;
}

/** Per document, the descriptors of the last run by top-level statement (type, column and text). */
export interface ContextMemo {
  lang?: CompiledLanguage;
  importKey?: string;
  byStatement: Map<string, FnDescriptor[]>;
}

export class TaintAnalyzer implements Analyzer {
  readonly pack = 'taint' as const;
  private readonly compiled = new Map<GrammarId, CompiledLanguage | undefined>();
  /** The same rules compiled for audit strictness (audit sources on), on the first audit run of a grammar. */
  private readonly compiledAudit = new Map<GrammarId, CompiledLanguage | undefined>();
  /** Problems found while compiling patterns for a grammar (reported once the grammar is first used). */
  readonly compileErrors: RuleLoadError[] = [];
  private exportIndex: ExportIndex | undefined;
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
   * (top-level statements) they walked, and the dataflow steps actually computed (work not served from a cache).
   */
  readonly stats = { unitsAnalyzed: 0, unitsCached: 0, cacheLookups: 0, patternSteps: 0, patternUnitsWalked: 0, dataflowSteps: 0, topStatementsAnalyzed: 0, topStatementsCached: 0, passes: 0, contextFunctionsComputed: 0 };

  /**
   * Rules sharing everything the dataflow consults but their sinks share one pass (true, the default). False runs
   * one pass per rule, as the analyzer did before passes: only for the test that compares the two.
   */
  groupRules: boolean;

  constructor(private readonly set: TaintRuleSet, options: TaintAnalyzerOptions = {}) {
    this.workBudget = options.workBudget ?? DEFAULT_TAINT_WORK_BUDGET;
    this.groupRules = options.groupRules ?? true;
  }

  /**
   * The dataflow passes for `rules` on a text (in order of their first rule): rules whose sources, sanitizers,
   * guards and propagators are the same once those that cannot match in `text` are left out share one (a pattern
   * missing one of its words in the text, unless a word is a framework handler's request alias, which stands for
   * a parameter of any name). Split further where imported summaries differ for them (another file's function
   * may hold a sink of one rule and not of another: a pass resolves such a call for all its rules or for none,
   * with the same returns).
   */
  private passes(rules: readonly CompiledRule[], imported: Map<string, ExportSummary>, text: string, lang: CompiledLanguage): Pass[] {
    const groups = new Map<string, CompiledRule[]>();
    const may = this.groupRules ? patternFilter(text, lang, false) : undefined;
    // The index leaves out more: grouping stays that of the looser filter (a pass's rules decide its rounds).
    const can = this.groupRules ? patternFilter(text, lang, true) : undefined;
    for (const r of rules) {
      let key = may ? JSON.stringify([r.passParts.fixed, r.passParts.lists.map((list) => list.filter(may).map((p) => p.key))]) : r.spec.id;
      if (imported.size) key += JSON.stringify([...imported.values()].map((e) => {
        const s = e.rules[r.spec.id];
        return s ? [s.paramReturns, s.sourceReturns] : null;
      }));
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    return [...groups.values()].map((group) => passOf(group, can));
  }

  rules(): RuleInfo[] {
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
        }
      },
    };
  }

  /**
   * The precise findings, and at audit strictness the flows only the audit rules find (more sources, unknown
   * functions pass data through), at low severity and labelled: normal strictness is never changed by it.
   */
  private *stepsAt(doc: SourceDocument, cache: TaintSessionCache, auditCache: TaintSessionCache, ctx: AnalysisContext): Generator<void, Finding[]> {
    const precise = yield* this.analyzeSteps(doc, cache, ctx.notify);
    if (ctx.settings.strictness !== 'audit') return precise;
    const audit = yield* this.analyzeSteps(doc, auditCache, ctx.notify, true);
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
   * (`return()`), it keeps in `cache` what it computed, which is exact, and changes nothing else.
   */
  *analyzeSteps(doc: SourceDocument, cache: TaintSessionCache = newTaintSessionCache(), notify?: AnalysisContext['notify'], audit = false): Generator<void, Finding[]> {
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
    try {
      return yield* this.analyzeTree(doc, own ?? tree, lang, cache, notify);
    } finally {
      own?.delete();
      resetNodeCache();
    }
  }

  private *analyzeTree(doc: SourceDocument, tree: Tree, lang: CompiledLanguage, session: TaintSessionCache, notify?: AnalysisContext['notify']): Generator<void, Finding[]> {
    const words = doc.text.replace(/-/g, '_');
    // Text-only prefilters: a rule needs a possible sink, and a possible source (a source's words, or a framework
    // handler whose parameters are input; at audit strictness any file may have one: exported functions' parameters),
    // unless another file's summaries are in play (then their sinks and sources count too, once they are known).
    const handlers = lang.handlers.some((h) => handlerMayApply(h, words));
    let rules = lang.rules.filter((r) => r.spec.kind === 'taint' && (this.exportIndex || (mayHaveSink(r, words) && (handlers || r.audit || mayHaveSource(r, words)))));
    // Pattern rules need no source: the words of one of their patterns, and a path their filter lets through.
    const patternRules = lang.rules.filter((r) => r.spec.kind === 'pattern' && patternRuleMayApply(r, words, doc.text) && patternRulePathApplies(r, doc.path));
    const used: UnitCache = new Map();
    const usedStatements: StatementCache = new Map();
    const findings: Finding[] = [];
    const cache = session.units;
    if (rules.length === 0 && patternRules.length === 0) {
      cache.clear();
      session.statements.clear();
      session.patterns.units.clear();
      session.records.clear();
      return findings;
    }
    const ctx = fileContext(tree, lang, doc.text, doc.lines, session.context, this.stats);
    const importsOk = (rule: CompiledRule): boolean =>
      rule.spec.requiresImport.length === 0 || [...ctx.imports.values()].some((m) => rule.spec.requiresImport.some((r) => m === r || m.startsWith(`${r}.`)));
    // Keys hold unit hashes, which change with edits: a table kept across runs would only grow.
    this.depsTable.clear();
    this.summaryTable.clear();
    this.emptyEntries.clear();
    const meter: WorkMeter = { spent: 0, budget: this.workBudget, paused: 0 };
    const imported = this.importedSummaries(doc, ctx, tree.rootNode, lang.module);
    if (this.exportIndex) {
      const summaries = [...imported.values()];
      const sink = (r: CompiledRule): boolean => mayHaveSink(r, words) || summaries.some((e) => !!e.rules[r.spec.id]?.paramSinks.length);
      const source = (r: CompiledRule): boolean => handlers || r.audit || mayHaveSource(r, words) || summaries.some((e) => !!e.rules[r.spec.id]?.sourceReturns.length);
      rules = rules.filter((r) => sink(r) && source(r));
    }
    const passes = this.passes(rules.filter(importsOk), imported, doc.text, lang);
    /** Each finished rule's findings, emitted in rule order. */
    const byRule = new Map<CompiledRule, Finding[]>();
    let done = rules.filter((r) => !importsOk(r)).length;
    let finished = false;
    const total = rules.length + patternRules.length;
    const stopped = (left: string[]): void =>
      notify?.({
        reason: 'analysis-budget',
        message: `Taint analysis stopped at its work budget (${this.workBudget.toLocaleString('en-US')} steps) on this file: ${done} of ${total} rules done; not run: ${left.join(', ')}. Taint findings of those rules are missing.`,
      });
    let cut = false;
    try {
      for (const pass of passes) {
        let results: CachedUnit[];
        try {
          ({ results } = yield* this.fixpoint(doc, pass, ctx, imported, cache, used, meter, { prev: session.statements, used: usedStatements }, session.records));
        } catch (e) {
          if (!(e instanceof BudgetExceeded)) throw e;
          // What was computed stays cached (each entry is exact, and charged as if recomputed): the next run on this
          // text is faster but stops at the same place.
          stopped([...rules.filter((r) => importsOk(r) && !byRule.has(r)), ...patternRules].map((r) => r.spec.id));
          cut = true;
          break;
        }
        done += pass.rules.length;
        // One finding per rule and sink position, in the order the units found them.
        const seen = pass.rules.map(() => new Set<string>());
        const out = pass.rules.map((r) => {
          const list: Finding[] = [];
          byRule.set(r, list);
          return list;
        });
        for (const res of results) {
          for (const f of res.findings) {
            const k = `${f.range.start.line}:${f.range.start.character}`;
            if (seen[f.rule]!.has(k)) continue;
            seen[f.rule]!.add(k);
            out[f.rule]!.push(this.toFinding(pass.rules[f.rule]!, f, doc));
          }
        }
      }
      for (const r of rules) findings.push(...(byRule.get(r) ?? []));
      if (!cut && patternRules.length > 0) {
        // Pattern rules last, on the same budget: one walk of the tree, charged per node and clause tried.
        try {
          // A unit's pattern findings depend on its own text and, outside it, only on the imports.
          const context = JSON.stringify([...ctx.imports]);
          const found = runPatternRules(doc, tree, patternRules.filter(importsOk), (id) => ctx.imports.get(id), meter, session.patterns, context, this.stats);
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
      session.statements.clear();
      for (const [k, v] of usedStatements) session.statements.set(k, v);
      for (const k of session.records.keys()) if (!used.has(k)) session.records.delete(k);
      finished = true;
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

  /** Summaries to a fixpoint (bounded rounds) for the rules of one pass, then the findings of the last round. */
  private *fixpoint(
    doc: SourceDocument,
    pass: Pass,
    ctx: FileContext,
    imported: Map<string, ExportSummary>,
    cache: UnitCache,
    used: UnitCache,
    meter: WorkMeter,
    statements: { prev: StatementCache; used: StatementCache },
    records?: Map<string, RuleRecord>,
  ): Generator<void, { results: CachedUnit[]; summaries: Map<Unit, Summary> }> {
    this.stats.passes++;
    let summaries = new Map<Unit, Summary>();
    const ids = pass.rules.map((r) => r.spec.id);
    const syn = pass.rules[0]!.module;
    const importKey = imported.size ? JSON.stringify([...imported].map(([k, v]) => [k, ids.map((id) => v.rules[id] ?? null)])) : '';
    const byKey = new Map<string, Unit>();
    for (const u of ctx.units) byKey.set(u.key, u);
    // A dependency is `u:<unit key>` (that unit's summary signature) or `n:`/`m:<name>` (which unit a function or
    // method name resolves to in this file).
    const depSig = (dep: string): string => {
      if (dep.startsWith('u:')) {
        const u = byKey.get(dep.slice(2));
        return u ? depValue(u, summaries.get(u)) : '?';
      }
      if (dep.startsWith('c:')) return moduleValueSig(ctx, syn, dep.slice(2));
      const hit = (dep.startsWith('n:') ? ctx.byName : ctx.byMethod).get(dep.slice(2));
      return hit === undefined ? 'none' : hit === null ? 'ambiguous' : hit.key;
    };
    let results: CachedUnit[] = [];
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
    // The worklist: against the last finished run of this pass, the dependencies whose answer changed.
    const prev = records?.get(ruleKey);
    const rec: RuleRecord = { rounds: [], lines: new Map(ctx.units.map((u) => [u.key, u.line])), names: nameTable(ctx, syn) };
    const gone = prev ? [...prev.lines.keys()].filter((k) => !rec.lines.has(k)).map((k) => `u:${k}`) : [];
    const renamed = prev ? changedNames(prev.names, rec.names) : [];
    // Summaries settle in two or three rounds; very large files (bundles) get fewer rounds to stay in budget.
    const rounds = ctx.units.length > 2000 ? 2 : 5;
    for (let round = 0; round < rounds; round++) {
      const next = new Map<Unit, Summary>();
      results = [];
      const before = prev?.rounds[round];
      let changed: Set<string> | undefined;
      if (before) {
        // A unit whose summary (as read in this round) differs, a unit gone, a name resolving elsewhere.
        changed = new Set([...gone, ...renamed]);
        const was = round > 0 ? prev.rounds[round - 1]!.summaries : undefined;
        if (was) {
          for (const u of ctx.units) {
            const now = summaries.get(u);
            const then = was.get(u.key);
            if (now !== then && signature(now) !== signature(then)) changed.add(`u:${u.key}`);
          }
        }
      }
      const thisRound = { entries: new Map<string, CacheEntry>(), summaries: new Map<string, Summary>() };
      rec.rounds.push(thisRound);
      for (const u of ctx.units) {
        if (meter.spent - meter.paused >= STEPS_PER_PAUSE) {
          meter.paused = meter.spent;
          yield;
        }
        const key = u.key;
        // Same text, same line, nothing it consulted changed: last run's entry holds, without checking it here.
        const last = before?.entries.get(key);
        const clean = last && (last.result === EMPTY_RESULT || prev!.lines.get(key) === u.line) && !consultedAny(last.deps, changed!) ? last : undefined;
        if (clean) remember(fresh, key, clean);
        else this.stats.cacheLookups++;
        const hit = clean ?? reuse(fresh.get(key), u, depSig) ?? reuse(cached?.get(key), u, depSig, (e) => remember(fresh, key, e));
        let r: CachedUnit;
        let entry: CacheEntry;
        if (hit) {
          this.stats.unitsCached++;
          r = hit.result;
          entry = hit;
          // Charged what computing it took, so a cached run stops exactly where an uncached one would.
          meter.spent += hit.work;
          if (meter.spent > meter.budget) throw new BudgetExceeded();
        } else {
          this.stats.unitsAnalyzed++;
          const deps = new Map<string, string>();
          // The top-level statement being analysed, if any, records what it consults too.
          let statementDeps: Map<string, string> | undefined;
          const seen = (unit: Unit | undefined): Summary | undefined => {
            if (!unit) return undefined;
            const s = summaries.get(unit);
            const v = depValue(unit, s);
            deps.set(`u:${unit.key}`, v);
            statementDeps?.set(`u:${unit.key}`, v);
            return s;
          };
          const lookup = (kind: 'n' | 'm', name: string): Unit | null | undefined => {
            const hit = (kind === 'n' ? ctx.byName : ctx.byMethod).get(name);
            const v = hit === undefined ? 'none' : hit === null ? 'ambiguous' : hit.key;
            deps.set(`${kind}:${name}`, v);
            statementDeps?.set(`${kind}:${name}`, v);
            return hit;
          };
          const env = {
            pass,
            lines: doc.lines,
            resolve: (id: string) => u.aliases.get(id) ?? ctx.imports.get(id),
            calleeSummary: (callee: Node) => resolveCallee(callee, ctx, lookup, seen, imported, ids, pass.rules[0]!.module),
            inlineSummary: (fn: Node) => seen(ctx.byStart.get(fn.startIndex)),
            buildFixes: ((r2, sink, focus, b) => buildFixes(r2, sink, focus, b, doc, ctx.imports)) as FixBuilder,
            imported: (m: string) => importsModuleCached(ctx.imports, m),
            // Function units only: the top level reads its own assignments as it walks them.
            ...(u === ctx.units[0]
              ? {}
              : {
                  moduleValue: (name: string): Node | undefined => {
                    // Recorded when absent too: a constant added later changes what this unit finds.
                    deps.set(`c:${name}`, moduleValueSig(ctx, syn, name));
                    return moduleValues(ctx, syn).get(name) ?? undefined;
                  },
                }),
            limit: meter.budget - meter.spent,
          };
          let out;
          if (u === ctx.units[0]) {
            const top: TopLevelCache = {
              entries: (k) => {
                const a = freshStatements.get(k);
                const b = prevStatements?.get(k);
                return a && b ? [...a, ...b.filter((e) => !a.includes(e))] : a ?? b;
              },
              keep: (k, e) => {
                remember(freshStatements, k, e);
                for (const [d, v] of e.deps) deps.set(d, v);
              },
              holds: (d, v) => depSig(d) === v,
              track: (m) => {
                statementDeps = m;
              },
              stats: this.stats,
            };
            out = analyzeTopLevel(u.node, topStatements(ctx, doc.text, doc.lines, syn.functionTypes), env, top);
          } else out = analyzeUnit(u.node, u.params, env);
          meter.spent += out.work;
          this.stats.dataflowSteps += out.work - (out.reused ?? 0);
          // Most units find nothing for most passes: they share one empty result (it has no ranges to move), and
          // one entry when they consulted nothing; the lists of what they consulted are shared when equal.
          if (out.findings.length === 0 && isEmpty(out.summary)) {
            r = EMPTY_RESULT;
            entry = deps.size === 0 ? this.emptyEntry(out.work) : { ...this.emptyEntry(out.work), deps: this.internDeps(deps) };
          } else {
            r = { summary: this.internSummary(out.summary), findings: out.findings };
            entry = { result: r, line: u.line, endLine: u.endLine, pinned: editsOutside(r, u.line, u.endLine), deps, work: out.work };
          }
          remember(fresh, key, entry);
        }
        next.set(u, r.summary);
        thisRound.entries.set(key, entry);
        thisRound.summaries.set(key, r.summary);
        results.push(r);
      }
      // Settled when no unit's summary changed (a missing and an empty summary count as the same).
      if (ctx.units.every((u) => next.get(u) === summaries.get(u) || settledSig(next.get(u)) === settledSig(summaries.get(u)))) break;
      summaries = next;
    }
    records?.set(ruleKey, rec);
    return { results, summaries };
  }

  private importedSummaries(doc: SourceDocument, ctx: FileContext, root: Node, syn: LanguageModule): Map<string, ExportSummary> {
    const out = new Map<string, ExportSummary>();
    if (!this.exportIndex) return out;
    for (const [local, canon] of ctx.imports) {
      if (!canon.startsWith('.')) continue;
      const dot = canon.lastIndexOf('.');
      if (dot <= 0) continue;
      const spec = canon.slice(0, dot);
      const name = canon.slice(dot + 1);
      const found = this.exportIndex(doc.path, spec)?.find((e) => e.name === name);
      if (found) out.set(local, found);
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
      properties: { source: f.label, sink: f.sinkText },
    };
  }

  /**
   * Summaries of the exported functions of a document (ES `export`, `module.exports`/`exports.x`, and every
   * top-level Python function), for the workspace scan's first pass. Bounded by the work budget like `analyze`.
   */
  summarizeExports(doc: SourceDocument): ExportSummary[] {
    const lang = this.compiledFor(doc);
    const tree = doc.tree;
    if (!lang || !tree) return [];
    resetNodeCache();
    const ctx = fileContext(tree, lang, doc.text, doc.lines);
    this.depsTable.clear();
    this.summaryTable.clear();
    const q = lang.module.qualifiedModules;
    const exported = q ? undefined : lang.module.exportedNames(tree);
    const byUnit = new Map<Unit, ExportSummary>();
    for (const u of ctx.units) {
      if (!u.name) continue;
      const module = q?.moduleOf(u.node, doc.path);
      if (module !== undefined) byUnit.set(u, { path: doc.path, name: u.name, rules: {}, modules: [module] });
      else if (exported?.has(u.name)) byUnit.set(u, { path: doc.path, name: u.name, rules: {} });
    }
    if (byUnit.size === 0) return [];
    const cache: UnitCache = new Map();
    this.emptyEntries.clear();
    const meter: WorkMeter = { spent: 0, budget: this.workBudget, paused: 0 };
    const imported = this.importedSummaries(doc, ctx, tree.rootNode, lang.module);
    // Pattern rules have no flows to summarise.
    const taintRules = lang.rules.filter((r) => r.spec.kind === 'taint');
    const perRule = new Map<string, Map<Unit, ExportRuleSummary>>();
    for (const pass of this.passes(taintRules, imported, doc.text, lang)) {
      let summaries: Map<Unit, Summary>;
      try {
        ({ summaries } = drain(this.fixpoint(doc, pass, ctx, imported, cache, new Map(), meter, { prev: new Map(), used: new Map() })));
      } catch (e) {
        // Same budget as `analyze`: the passes done so far give their rules' summaries, the others none.
        if (e instanceof BudgetExceeded) break;
        throw e;
      }
      pass.rules.forEach((rule, ri) => {
        const got = new Map<Unit, ExportRuleSummary>();
        perRule.set(rule.spec.id, got);
        for (const u of byUnit.keys()) {
          const s = summaries.get(u);
          if (!s) continue;
          // The rule's own summary: the pass's returns, and the sinks of this rule.
          const paramSinks = [...s.paramSinks].filter(([param]) => param >= 0).flatMap(([param, hits]) => hits.filter((h) => h.rule === ri).map((h) => ({ param, h })));
          if (s.paramReturns.size === 0 && s.sourceReturns.length === 0 && !(s.paramSinks.size && [...s.paramSinks.values()].some((hits) => hits.some((h) => h.rule === ri)))) continue;
          const withPath = (steps: TraceStep[]): TraceStep[] => steps.map((x) => ({ ...x, path: x.path ?? doc.path }));
          got.set(u, {
            paramReturns: [...s.paramReturns.keys()],
            // Captured variables (negative keys) mean nothing to another file.
            paramSinks: paramSinks.map(({ param, h }) => ({ param, sinkText: h.sinkText, range: h.range, steps: withPath(h.steps) })),
            sourceReturns: s.sourceReturns.map((f) => ({ label: f.origin.kind === 'source' ? f.origin.label : '', steps: withPath(f.steps) })),
          });
        }
      });
    }
    // In rule order, as each rule's own pass gave them.
    for (const rule of taintRules) {
      for (const [u, r] of perRule.get(rule.spec.id) ?? []) byUnit.get(u)!.rules[rule.spec.id] = r;
    }
    return [...byUnit.values()];
  }
}

interface CachedUnit {
  summary: Summary;
  findings: RawTaintFinding[];
}

/**
 * Pattern findings that a taint finding of the same weakness (a shared CWE) already reports inside the same code:
 * `yaml.load(request.data)` is one problem, told best by the taint finding with its trace.
 */
function withoutTaintDuplicates(patterns: Finding[], taint: Finding[]): Finding[] {
  const inside = (a: Range, b: Range): boolean =>
    (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
    (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));
  return patterns.filter((p) => !taint.some((t) => t.cwe.some((c) => p.cwe.includes(c)) && inside(t.range, p.range)));
}

/** Per language, the words of its handlers' request aliases (`req`, `flask.request`): see `patternFilter`. */
const aliasWords = new WeakMap<CompiledLanguage, Set<string>>();

/**
 * Whether a source, sanitizer, guard, propagator or sink pattern can match in `text`: every word it needs is a word
 * of the text, or one of them is a handler's request alias (a request parameter of any name is matched under it).
 * `exact`: every word it needs is a word of the text or of an alias (the alias's own words need not be written, the
 * pattern's other words still must), which rules out more; rule grouping keeps the first, so that passes and their
 * rounds are unchanged. A necessary condition, like the sink and source prefilters: a pattern it rules out never
 * matches in the text.
 */
function patternFilter(text: string, lang: CompiledLanguage, exact: boolean): (p: PassPattern) => boolean {
  let aliases = aliasWords.get(lang);
  if (!aliases) {
    aliases = new Set(lang.handlers.flatMap((h) => (h.spec.alias ? patternWords(h.spec.alias) : [])));
    aliasWords.set(lang, aliases);
  }
  const words = new Set(text.match(/[A-Za-z0-9]+/g) ?? []);
  const seen = new Map<string, boolean>();
  return (p) => {
    let ok = seen.get(p.key);
    if (ok === undefined) seen.set(p.key, (ok = exact ? p.words.every((w) => words.has(w) || aliases.has(w)) : p.words.every((w) => words.has(w)) || p.words.some((w) => aliases.has(w))));
    return ok;
  };
}

const anchorCache = new WeakMap<CompiledRule, RegExp | null>();

/**
 * Whether a sink of the rule can occur in a text: each sink pattern has a word that must appear (its longest
 * plain word); a sink with none (e.g. `$F($X)`) means the rule always runs.
 */
function mayHaveSink(rule: CompiledRule, text: string): boolean {
  let re = anchorCache.get(rule);
  if (re === undefined) {
    const words: string[] = [];
    let always = false;
    for (const s of rule.spec.sinks) {
      const w = s.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_][\w]*/g) ?? [];
      const best = w.sort((a, b) => b.length - a.length)[0];
      if (!best) always = true;
      else words.push(best.replace(/[^\w]/g, ''));
    }
    re = always ? null : new RegExp(`(?:${words.join('|')})`);
    anchorCache.set(rule, re);
  }
  return re === null || re.test(text);
}

const sourceCache = new WeakMap<CompiledRule, RegExp[][]>();

/** Whether some source of the rule can occur in a text: all the plain words of one of its patterns appear. */
function mayHaveSource(rule: CompiledRule, text: string): boolean {
  let alts = sourceCache.get(rule);
  if (!alts) {
    alts = rule.sources.map((s) => (s.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []).map((w) => new RegExp(w)));
    sourceCache.set(rule, alts);
  }
  return alts.some((words) => words.every((w) => w.test(text)));
}

/**
 * Whether a framework handler can occur in a text: its pattern's plain words, its required import, its first
 * parameter name, and what its `where` constraints demand must all appear. A necessary condition only.
 */
function handlerMayApply(h: CompiledLanguage['handlers'][number], text: string): boolean {
  const need: RegExp[] = [];
  for (const c of [h.call, h.decorator, h.paramDecorator]) {
    if (!c) continue;
    for (const w of c.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []) need.push(new RegExp(w));
    for (const [, re] of c.where) need.push(searchableAnywhere(re));
  }
  if (h.spec.requiresImport) need.push(new RegExp(h.spec.requiresImport.replace(/[^\w]/g, '_')));
  if (h.spec.firstParamNamed) need.push(new RegExp(h.spec.firstParamNamed));
  for (const n of h.spec.paramNames ?? []) need.push(new RegExp(`\\b${n}\\b`));
  if (h.spec.functionNamed) need.push(new RegExp(`\\b(${h.spec.functionNamed.join('|').replace(/\$/g, '\\$')})\\b`));
  if (h.spec.exported) need.push(/\bexport|^def /m);
  return need.every((re) => re.test(text));
}

function docsUrl(id: string): string {
  return `https://github.com/vigil-security/vigil/blob/main/docs/rules/taint.md#${id.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;
}

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
    sig = isEmpty(s)
      ? ''
      : createHash('sha1').update(JSON.stringify([[...s.paramReturns], [...s.paramSinks].map(([k, v]) => [k, v.map((h) => [h.path, h.range, h.steps, h.sinkText, h.fixes, h.rule])]), s.sourceReturns, s.captures ?? []])).digest('base64');
    signatures.set(s, sig);
  }
  return sig;
}

const settledSig = (s: Summary | undefined): string => (s ? signature(s) : '');

const relSignatures = new WeakMap<Summary, { line: number; sig: string }>();

/**
 * What a caller's result depends on in a callee's summary, as a dependency records it: '-' (no summary yet) and
 * '' (empty) as in `signature`, else `<callee line>|<digest of the summary with its in-file lines counted from
 * the callee's line>`. A callee that only moved keeps its digest, so a caller that moved by the same lines can be
 * reused with every in-file range moved alike (see `reuse`).
 */
function depValue(unit: Unit, s: Summary | undefined): string {
  if (!s) return '-';
  if (isEmpty(s)) return '';
  let hit = relSignatures.get(s);
  if (!hit || hit.line !== unit.line) {
    const base = unit.line;
    const rel = (r: Range): Range => ({ start: { line: r.start.line - base, character: r.start.character }, end: { line: r.end.line - base, character: r.end.character } });
    // Trace steps, sink hits and fix edits in this file (no `path`) carry lines; other files' do not move.
    const json = JSON.stringify([[...s.paramReturns], [...s.paramSinks], s.sourceReturns, s.captures ?? []], (_k, v: unknown) =>
      v && typeof v === 'object' && 'range' in v && !(v as { path?: string }).path ? { ...v, range: rel((v as { range: Range }).range) } : v,
    );
    hit = { line: base, sig: `${base}|${createHash('sha1').update(json).digest('base64')}` };
    relSignatures.set(s, hit);
  }
  return hit.sig;
}

/** `<line>|<digest>` of a positional dependency value, or undefined for '-', '' and name resolutions. */
function splitDep(v: string): [number, string] | undefined {
  const bar = v.indexOf('|');
  return bar > 0 ? [Number(v.slice(0, bar)), v.slice(bar + 1)] : undefined;
}

const isEmpty = (s: Summary): boolean => s.paramReturns.size === 0 && s.paramSinks.size === 0 && s.sourceReturns.length === 0;

const EMPTY_RESULT: CachedUnit = { summary: { paramReturns: new Map(), paramSinks: new Map(), sourceReturns: [] }, findings: [] };
const NO_DEPS = new Map<string, string>();

/**
 * What each function and method name of a file resolves to, as a dependency records it (`n:`/`m:<name>`), and the
 * value of each module-level constant (`c:<name>`, see `moduleValueSig`).
 */
function nameTable(ctx: FileContext, syn: LanguageModule): Map<string, string> {
  const out = new Map<string, string>();
  for (const [kind, map] of [['n', ctx.byName], ['m', ctx.byMethod]] as const) {
    for (const [name, u] of map) out.set(`${kind}:${name}`, u === null ? 'ambiguous' : u.key);
  }
  for (const name of moduleValues(ctx, syn).keys()) out.set(`c:${name}`, moduleValueSig(ctx, syn, name));
  return out;
}

/**
 * Names the top level assigns, each with its value when it is assigned exactly once (`const OPTS = {...}`,
 * `PARSER = etree.XMLParser(...)`): what a function's sink may read through a variable it does not bind.
 */
function moduleValues(ctx: FileContext, syn: LanguageModule): Map<string, Node | null> {
  if (ctx.moduleValues) return ctx.moduleValues;
  const out = new Map<string, Node | null>();
  const put = (target: Node | null, value: Node | null): void => {
    if (!target || syn.targetKind(target.type) !== 'name') return;
    out.set(target.text, out.has(target.text) || !value ? null : value);
  };
  for (const s of kids(ctx.units[0]!.node)) {
    const kind = syn.stmtKind(s.type);
    if (kind === 'declaration') {
      for (const d of kids(s)) if (d.type === syn.declaratorType) put(d.childForFieldName('name'), d.childForFieldName('value'));
    } else if (kind === 'expression') {
      for (const e of kids(s)) if (syn.exprKind(e.type) === 'assign') put(e.childForFieldName('left'), e.childForFieldName('right'));
    }
  }
  return (ctx.moduleValues = out);
}

/** A module-level name's value as a dependency records it: a digest of its text, or 'none'. */
function moduleValueSig(ctx: FileContext, syn: LanguageModule, name: string): string {
  const v = moduleValues(ctx, syn).get(name);
  return v ? createHash('sha1').update(v.text).digest('base64') + errorShape(v) : 'none';
}

/** Names whose resolution differs between two name tables (a name missing from one resolves to 'none'). */
function changedNames(before: Map<string, string>, now: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of now) if (before.get(k) !== v) out.push(k);
  for (const k of before.keys()) if (!now.has(k)) out.push(k);
  return out;
}

/** Whether a dependency list names one of `changed`. */
function consultedAny(deps: Map<string, string>, changed: Set<string>): boolean {
  if (deps.size === 0 || changed.size === 0) return false;
  if (deps.size < changed.size) {
    for (const k of deps.keys()) if (changed.has(k)) return true;
    return false;
  }
  for (const k of changed) if (deps.has(k)) return true;
  return false;
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
    let ok = true;
    for (const [k, sig] of e.deps) {
      const now = depSig(k);
      if (now === sig && (delta === 0 || empty || !k.startsWith('u:') || sig === '' || sig === '-')) continue;
      const was = splitDep(sig);
      const is = was && splitDep(now);
      if (was && is && is[1] === was[1] && (empty || is[0] - was[0] === delta)) continue;
      ok = false;
      break;
    }
    if (!ok || (delta !== 0 && e.pinned)) continue;
    if (delta === 0) {
      keep?.(e);
      return e;
    }
    // The callees it consulted moved with it: record where they are now, so a move back is a move too.
    const deps = new Map([...e.deps].map(([k, v]) => [k, splitDep(v) ? depSig(k) : v]));
    const moved = { ...e, result: shiftUnit(e.result, e.line, e.endLine, delta), line: u.line, endLine: u.endLine, deps };
    keep?.(moved);
    return moved;
  }
  return undefined;
}

/** Whether a fix of the result edits outside the unit's lines (then its place in the file matters). */
function editsOutside(r: CachedUnit, line: number, endLine: number): boolean {
  const out = (fixes: Fix[]): boolean => fixes.some((f) => f.edits.some((e) => e.range.start.line < line || e.range.end.line > endLine));
  if (r.findings.some((f) => out(f.fixes))) return true;
  for (const hits of r.summary.paramSinks.values()) if (hits.some((h) => out(h.fixes))) return true;
  return false;
}

/**
 * The result moved by `delta` lines: every range in this file moves (the unit's own, and those from callee
 * summaries, which `reuse` checked moved alike); other files' (with a `path`) stay.
 */
function shiftUnit(r: CachedUnit, _line: number, _endLine: number, delta: number): CachedUnit {
  const range = (x: Range): Range => ({ start: { line: x.start.line + delta, character: x.start.character }, end: { line: x.end.line + delta, character: x.end.character } });
  const steps = (list: TraceStep[]): TraceStep[] => list.map((s) => (s.path ? s : { ...s, range: range(s.range) }));
  const fixes = (list: Fix[]): Fix[] => list.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: range(e.range) })) }));
  return {
    summary: {
      paramReturns: new Map([...r.summary.paramReturns].map(([k, v]) => [k, steps(v)])),
      paramSinks: new Map([...r.summary.paramSinks].map(([k, v]) => [k, v.map((h) => ({ ...h, steps: steps(h.steps), range: h.path ? h.range : range(h.range), fixes: fixes(h.fixes) }))])),
      sourceReturns: r.summary.sourceReturns.map((f) => ({ origin: f.origin, steps: steps(f.steps) })),
      ...(r.summary.captures ? { captures: r.summary.captures } : {}),
    },
    findings: r.findings.map((f) => ({ ...f, range: range(f.range), trace: steps(f.trace), fixes: fixes(f.fixes) })),
  };
}

function resolveCallee(
  callee: Node,
  ctx: FileContext,
  lookup: (kind: 'n' | 'm', name: string) => Unit | null | undefined,
  summaryOf: (u: Unit) => Summary | undefined,
  imported: Map<string, ExportSummary>,
  ruleIds: readonly string[],
  syn: LanguageModule,
): { summary: Summary; name: string; offset: number } | undefined {
  let unit: Unit | null | undefined;
  let viaSelf = false;
  const kind = syn.exprKind(callee.type);
  if (kind === 'identifier') {
    unit = lookup('n', callee.text);
    if (unit === undefined) {
      const ext = imported.get(callee.text) ?? qualifiedCallee(callee, ctx, imported);
      // The pass's rules all have an entry or none (see `passes`).
      if (ext?.rules[ruleIds[0]!]) return { summary: fromExport(ruleIds.map((id) => ext.rules[id])), name: callee.text, offset: 0 };
      return undefined;
    }
  } else if (kind === 'member') {
    // `this.clean(x)`, `self.clean(x)`, `repo.find(x)`: a method defined once in this file (receivers that are
    // imported modules are not ours).
    const obj = syn.memberObject(callee);
    const prop = syn.propertyOf(callee);
    if (obj && prop && !(syn.exprKind(obj.type) === 'identifier' && ctx.imports.has(obj.text))) {
      unit = lookup('m', prop.text);
      viaSelf = true;
    }
  } else if (kind === 'call') {
    // A call that is its own callee (Java `helper(x)`, `this.helper(x)`, `Util.clean(x)`): a method of this file,
    // unless the receiver is an imported class.
    const obj = syn.memberObject(callee);
    const prop = syn.propertyOf(callee);
    if (prop && !(obj && syn.exprKind(obj.type) === 'identifier' && ctx.imports.has(obj.text))) unit = lookup('m', prop.text);
  }
  if (unit === undefined) {
    // Another file's function by a qualified name (`Db.find(x)` in Java, `store.Find(x)` in Go).
    const ext = qualifiedCallee(callee, ctx, imported);
    if (ext?.rules[ruleIds[0]!]) return { summary: fromExport(ruleIds.map((id) => ext.rules[id])), name: ext.name, offset: 0 };
  }
  if (!unit) return undefined;
  const s = summaryOf(unit);
  if (!s) return undefined;
  const firstParam = unit.params.names[0]?.node.text;
  const offset = viaSelf && unit.isMethod && firstParam !== undefined && !!syn.explicitReceivers?.has(firstParam) ? 1 : 0;
  return { summary: s, name: unit.name ?? 'function', offset };
}

/** The summary of another file's function a callee names by a qualified name (see `importedSummaries`). */
function qualifiedCallee(callee: Node, ctx: FileContext, imported: Map<string, ExportSummary>): ExportSummary | undefined {
  const key = ctx.qualifiedCallees?.get(callee.id);
  return key === undefined ? undefined : imported.get(key);
}

/** A pass's summary of an imported function from its rules' entries (same returns, each rule's sinks). */
function fromExport(entries: readonly (ExportRuleSummary | undefined)[]): Summary {
  const paramSinks = new Map<number, Summary['paramSinks'] extends Map<number, infer H> ? H : never>();
  entries.forEach((e, rule) => {
    for (const h of e?.paramSinks ?? []) {
      const list = paramSinks.get(h.param) ?? [];
      list.push({ path: h.steps[h.steps.length - 1]?.path ?? '', steps: h.steps, range: h.range, sinkText: h.sinkText, fixes: [], rule });
      paramSinks.set(h.param, list);
    }
  });
  const e = entries.find((x) => !!x)!;
  return {
    paramReturns: new Map(e.paramReturns.map((i) => [i, [] as TraceStep[]])),
    paramSinks,
    sourceReturns: e.sourceReturns.map((f) => ({ origin: { kind: 'source' as const, label: f.label }, steps: f.steps })),
  };
}

const named = namedKids;

/** Whether one of a file's imports is `module` or a name inside it (`@prisma/client` as written in the rule). */
function importsModule(imports: Map<string, string>, module: string): boolean {
  const want = canonicalModule(module);
  for (const m of imports.values()) if (m === want || m.startsWith(`${want}.`)) return true;
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

/** Units, imports and handlers of a file. */
function fileContext(
  tree: Tree,
  lang: CompiledLanguage,
  text: string,
  lines: LineIndex,
  memo?: ContextMemo,
  stats?: { contextFunctionsComputed: number },
): FileContext {
  const root = tree.rootNode;
  // One search in the wasm tree for the functions and import statements (document order), instead of walks node
  // by node.
  const fnNodes: Node[] = [];
  const importNodes: Node[] = [];
  const syn = lang.module;
  for (const n of root.descendantsOfType([...syn.functionTypes, ...syn.importTypes])) {
    if (!n) continue;
    const type = n.type;
    if (syn.importTypes.includes(type)) importNodes.push(n);
    // Keywords share some of these type names (`function`, Python's `lambda`): only named nodes are functions.
    else if (n.isNamed) fnNodes.push(n);
  }
  const imports = syn.collectImports(root, text, importNodes);
  // Everything outside a unit that its result depends on, besides the callees it looks up (tracked per unit):
  // imports (and where their statements are, for fixes that edit them) and the line-break style.
  const topLevel = named(root);
  const importStmts = topLevel
    .filter((s) => syn.importTypes.includes(s.type) || (syn.stmtKind(s.type) === 'declaration' && s.text.includes('require(')))
    .map((s) => `${s.startIndex}:${s.text}`);
  const importKey = createHash('sha1').update(JSON.stringify([[...imports], importStmts, text.includes('\r\n')])).digest('hex');
  const units: Unit[] = [];
  const spans = fnNodes.map((n) => ({ start: n.startIndex, end: n.endIndex }));
  // Each unit's directly nested functions, for its own text: a stack over the functions in document order.
  const nested = new Map<number, Span[]>([[-1, []]]);
  const open: number[] = [];
  spans.forEach((sp, i) => {
    while (open.length && spans[open[open.length - 1]!]!.end <= sp.start) open.pop();
    nested.get(open.length ? open[open.length - 1]! : -1)!.push(sp);
    nested.set(i, []);
    open.push(i);
  });
  const occurrences = new Map<string, number>();
  const ownHash = (i: number, start: number, end: number, line: number): string =>
    createHash('sha1').update(spliceNested(text, start, end, nested.get(i)!, lines, line)).digest('hex');
  const mk = (node: Node, i: number, name: string | undefined, isMethod: boolean, params: UnitParams, aliases: Map<string, string>, role: string, known?: string): Unit => {
    const start = i < 0 ? node.startIndex : spans[i]!.start;
    const end = i < 0 ? node.endIndex : spans[i]!.end;
    const at = lines.positionAt(start);
    const hash = known ?? ownHash(i, start, end, at.line);
    // The root's text changes with every edit; a function's may not while its parse does (see errorShape).
    const shape = i < 0 ? '' : errorShape(node, syn.functionTypes);
    const base = `${hash}${shape}@${at.character}:${role}:${JSON.stringify([...aliases])}:${importKey}`;
    // Identical units (same text, column and role) are told apart by their order.
    const n = occurrences.get(base) ?? 0;
    occurrences.set(base, n + 1);
    const key = `${base}#${n}`;
    return { node, ...(name ? { name } : {}), isMethod, params, aliases, key, line: at.line, endLine: lines.positionAt(end).line };
  };
  units.push(mk(root, -1, undefined, false, { names: [], sources: new Map() }, new Map(), 'module'));
  // Handlers of frameworks the file does not import cannot match any function: filtered once per file.
  const handlers = lang.handlers.filter((h) => !h.spec.requiresImport || importsModule(imports, h.spec.requiresImport));
  // Audit strictness (issue 15): an exported function's callers are out of sight, so its parameters count as input.
  const audit = lang.rules.some((r) => r.audit);
  // Descriptors of the last run hold while the imports and the rules do (the handler specs and audit come from them).
  const reuse = memo && memo.lang === lang && memo.importKey === importKey ? memo.byStatement : undefined;
  const nextMemo = new Map<string, FnDescriptor[]>();
  // The top-level statement holding each function (both lists are in document order), and its memo key.
  let top = 0;
  let stmtEnd = -1;
  let stmtOld: FnDescriptor[] | undefined;
  let stmtNew: FnDescriptor[] = [];
  const enterStatement = (start: number): void => {
    if (start < stmtEnd) return; // still inside the statement entered last
    stmtOld = undefined;
    stmtNew = [];
    stmtEnd = start + 1;
    while (top < topLevel.length && topLevel[top]!.endIndex <= start) top++;
    const stmt = topLevel[top];
    if (!stmt || stmt.startIndex > start) return; // not inside a statement: computed, not kept
    stmtEnd = stmt.endIndex;
    // A statement holding a syntax error may parse otherwise with the same text: never reused.
    if (stmt.hasError) return;
    const key = `${stmt.type}\u0000${lines.positionAt(stmt.startIndex).character}\u0000${text.slice(stmt.startIndex, stmtEnd)}`;
    stmtOld = reuse?.get(key);
    nextMemo.set(key, stmtNew);
  };
  for (const [fi, fn] of fnNodes.entries()) {
    enterStatement(spans[fi]!.start);
    const known = stmtOld?.[stmtNew.length];
    if (known) {
      stmtNew.push(known);
      // The parameter nodes are read only if the unit is analysed, not when its cached result is reused.
      let names: UnitParams['names'] | undefined;
      const unitParams: UnitParams = {
        get names() {
          return (names ??= syn.paramsOf(fn).map((node, index) => ({ node, index })));
        },
        sources: new Map(known.sources),
        entryParams: new Map(known.entryParams),
        handlers: [...known.handlers],
      };
      units.push(mk(fn, fi, known.name, known.isMethod, unitParams, new Map(known.aliases), known.role, known.hash));
      continue;
    }
    if (stats) stats.contextFunctionsComputed++;
    const params = syn.paramsOf(fn);
    const unitParams: UnitParams = { names: params.map((node, index) => ({ node, index })), sources: new Map(), entryParams: new Map(), handlers: [] };
    const aliases = new Map<string, string>();
    const roles: string[] = [];
    if (audit && params.length && syn.isExported(fn, fn.parent)) {
      const fnName = syn.unitName(fn, fn.parent) ?? 'default';
      params.forEach((p, i) => {
        if (syn.targetKind(p.type) === 'name') unitParams.entryParams!.set(i, `parameter \`${p.text}\` of exported function \`${fnName}\``);
      });
      // Exported or not changes the unit's result without changing its text: part of its cache key.
      roles.push('audit-exported');
    }
    // Read once: a node's parent is found by a walk down from the root, so deep nesting makes it costly.
    const parent = handlers.length ? fn.parent : null;
    const site = new HandlerSite(fn, parent, syn);
    for (const h of handlers) {
      if (!isHandler(site, h, params, imports, syn)) continue;
      roles.push(h.spec.id);
      unitParams.handlers!.push(h.spec.id);
      const first = h.spec.params === 'rest' ? 1 : 0;
      if (h.spec.params !== 'none') {
        params.forEach((p, i) => {
          if (i < first || i === h.spec.requestParam) return;
          const type = syn.paramTypeOf(fn, i)?.replace(/^Optional\[(.*)\]$/, '$1').replace(/\s*\|\s*None$/, '');
          if (type && h.spec.safeTypes.some((t) => type === t || type.startsWith(`${t}[`) || type.endsWith(`.${t}`))) return;
          const def = syn.paramDefaultOf(fn, i);
          const defFn = def && syn.exprKind(def.type) === 'call' ? syn.callee(def)?.text : undefined;
          if (defFn && h.spec.safeDefaults.some((d) => defFn === d || defFn.endsWith(`.${d}`))) return;
          // A destructured parameter (`async ({ file }) =>`) binds each of its names to the input.
          const kind = syn.targetKind(p.type);
          if (kind !== 'name' && kind !== 'object-pattern' && kind !== 'sequence-pattern') return;
          unitParams.sources.set(i, `request parameter ${p.text}`);
        });
      }
      if (h.paramDecorator) {
        // Only the decorated parameters (NestJS `@Query() q`, `@Req() req`), typed safe ones aside.
        params.forEach((p, i) => {
          if (syn.targetKind(p.type) !== 'name' || !hasParamDecorator(fn, i, h.paramDecorator!, imports, syn)) return;
          const type = syn.paramTypeOf(fn, i);
          if (type && h.spec.safeTypes.includes(type)) return;
          if (h.spec.alias) aliases.set(p.text, h.spec.alias);
          else unitParams.sources.set(i, `request parameter ${p.text}`);
        });
      }
      const rp = h.spec.requestParam !== undefined ? params[h.spec.requestParam] : undefined;
      const rpKind = rp ? syn.targetKind(rp.type) : undefined;
      if (rp && h.spec.alias && rpKind === 'name') aliases.set(rp.text, h.spec.alias);
      // A destructured request (`loader({ request, params })`): each name stands for that field of the alias.
      if (rp && h.spec.alias && rpKind === 'object-pattern') {
        for (const e of syn.objectPatternEntries(rp)) {
          if (!e.rest && e.key && /^[A-Za-z_$][\w$]*$/.test(e.key) && syn.targetKind(e.target.type) === 'name') aliases.set(e.target.text, `${h.spec.alias}.${e.key}`);
        }
      }
    }
    // `site` knows the parent only when there are handlers to try (else it holds null, not "unknown").
    const name = handlers.length ? site.name : syn.unitName(fn);
    const isMethod = syn.isMethod(fn);
    const role = roles.join(',');
    const start = spans[fi]!.start;
    const hash = ownHash(fi, start, spans[fi]!.end, lines.positionAt(start).line);
    stmtNew.push({
      ...(name ? { name } : {}),
      isMethod,
      sources: [...unitParams.sources],
      entryParams: [...unitParams.entryParams!],
      handlers: [...unitParams.handlers!],
      aliases: [...aliases],
      role,
      hash,
    });
    units.push(mk(fn, fi, name, isMethod, unitParams, aliases, role, hash));
  }
  if (memo) {
    memo.lang = lang;
    memo.importKey = importKey;
    memo.byStatement = nextMemo;
  }
  const byName = new Map<string, Unit | null>();
  const byMethod = new Map<string, Unit | null>();
  for (const u of units) {
    if (!u.name) continue;
    const map = u.isMethod ? byMethod : byName;
    map.set(u.name, map.has(u.name) ? null : u);
  }
  const byStart = new Map<number, Unit>();
  units.forEach((u, i) => {
    if (i > 0) byStart.set(spans[i - 1]!.start, u);
  });
  return { units, imports, byName, byMethod, byStart, topNested: nested.get(-1)!, importKey };
}

/**
 * The top level's statements (as the dataflow walks them) with their keys: own text (nested functions replaced
 * as in unit keys) and the shape of any syntax error in it, line and column, and the file context. Computed once
 * per run, shared by the rules.
 */
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
    out.push({ node, key: `${hash}${shape}@${at.line}:${at.character}:${ctx.importKey}` });
  }
  return (ctx.statements = out);
}

/**
 * What the handler specs ask of one function, each read from the tree at most once however many specs ask
 * (reads cross into wasm, and a node's parent is found by a walk from the root).
 */
class HandlerSite {
  private _name?: string | null;
  private _exported?: boolean;
  private _call?: Node | null;
  private _decorators?: Node[];

  constructor(
    readonly fn: Node,
    readonly parent: Node | null,
    private readonly syn: LanguageModule,
  ) {}

  get name(): string | undefined {
    if (this._name === undefined) this._name = this.syn.unitName(this.fn, this.parent) ?? null;
    return this._name ?? undefined;
  }

  get exported(): boolean {
    return (this._exported ??= this.syn.isExported(this.fn, this.parent));
  }

  /** The call the function is an argument of (a registration call such as `app.get(path, fn)`), if it is one. */
  get call(): Node | null {
    if (this._call === undefined) {
      const args = this.parent;
      const call = args?.parent;
      this._call = args && call && this.syn.exprKind(call.type) === 'call' && call.childForFieldName('arguments')?.id === args.id ? call : null;
    }
    return this._call;
  }

  get decorators(): Node[] {
    return (this._decorators ??= this.syn.functionDecorators?.(this.fn, this.parent) ?? []);
  }
}

function isHandler(site: HandlerSite, h: CompiledLanguage['handlers'][number], params: Node[], imports: Map<string, string>, syn: LanguageModule): boolean {
  const fn = site.fn;
  const resolve = (id: string): string | undefined => imports.get(id);
  if (h.spec.firstParamNamed && params[0]?.text !== h.spec.firstParamNamed) return false;
  if (h.spec.paramNames && !h.spec.paramNames.every((n, i) => params[i]?.text === n)) return false;
  if (h.spec.functionNamed && !h.spec.functionNamed.includes(site.name ?? '')) return false;
  if (h.spec.exported && !site.exported) return false;
  if (h.call) {
    // The function is an argument of the registration call.
    const call = site.call;
    if (!call) return false;
    const b = matchPattern(h.call.pattern, call, resolve);
    if (!b || b.get('$HANDLER')?.id !== fn.id) return false;
    for (const [mv, re] of h.call.where) if (!re.test(boundText(b, mv) ?? '')) return false;
  }
  if (h.paramDecorator && !params.some((_, i) => hasParamDecorator(fn, i, h.paramDecorator!, imports, syn))) return false;
  if (h.decorator) {
    const ok = site.decorators.some((e) => {
      const b = matchPattern(h.decorator!.pattern, e, resolve);
      return !!b && h.decorator!.where.every(([mv, re]) => re.test(boundText(b, mv) ?? ''));
    });
    if (!ok) return false;
  }
  return true;
}

/** Whether parameter `index` of a TypeScript function carries a decorator matching the pattern (`@Body() dto`). */
function hasParamDecorator(fn: Node, index: number, pattern: NonNullable<CompiledLanguage['handlers'][number]['paramDecorator']>, imports: Map<string, string>, syn: LanguageModule): boolean {
  return syn.paramDecorators(fn, index).some((e) => {
    const b = matchPattern(pattern.pattern, e, (id) => imports.get(id));
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
  for (const s of summaries) {
    byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
    for (const m of s.modules ?? []) {
      const key = `${m}\u0000${s.name}`;
      // Overloads and duplicates: the first one summarised stands for the name.
      if (!byModule.has(key)) byModule.set(key, s);
      qualifiedNames.add(s.name);
    }
  }
  const byRelative = (fromPath: string, specifier: string): ExportSummary[] | undefined => {
    const base = resolveSpecifier(fromPath, specifier);
    for (const suffix of MODULE_SUFFIXES) {
      const hit = byPath.get(base + suffix);
      if (hit) return hit;
    }
    return undefined;
  };
  return Object.assign(byRelative, { qualified: (module: string, name: string) => byModule.get(`${module}\u0000${name}`), qualifiedNames });
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
