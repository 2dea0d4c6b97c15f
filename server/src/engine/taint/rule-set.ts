/**
 * Loading taint rules: built-in YAML files under `rules/taint/`, plus custom rules from the workspace config.
 * Validation happens at load (synchronously); patterns are compiled per grammar on first use, because parsing
 * a snippet needs the grammar, which the engine loads asynchronously. A rule whose patterns do not compile is
 * dropped for that grammar and reported through `compileErrors`; the other rules keep running.
 */
import type { Language } from 'web-tree-sitter';
import { isMap, isNode, isSeq, parseDocument } from 'yaml';
import type { RuleLoadError } from '../analyzers';
import { docsUrlFor } from '../docs-links';
import { taintLanguageOf, type GrammarId } from '../languages';
import { PatternCompiler, type CompiledPattern } from '../patterns/pattern';
import { languageModule, type LanguageModule, type StructuralCheck } from './lang';
import { redactErrorMessage } from '../redact';
import { cachedRuleFolder, listRuleFiles, readRuleFile } from '../rule-folder';
import { precompiledRuleFile } from '../precompiled-rules';
import { compileRuleRegex } from '../regex-guard';
import { LineIndex } from '../text';
import type { Range } from '../types';
import {
  validateRule,
  validateRuleFile,
  type FixSpec,
  type HandlerSpec,
  type PatternClauseSpec,
  type PatternSpec,
  type PropagatorSpec,
  type SanitizerSpec,
  type SchemaError,
  type SourceSpec,
  type TaintLanguage,
  type TaintRuleSpec,
} from './rule-schema';

/** All validated taint definitions, before compilation. */
export interface TaintRuleSet {
  rules: TaintRuleSpec[];
  /** The file each rule came from, for error locations. */
  ruleSources: Map<string, string>;
  sources: Map<string, SourceSpec[]>;
  sanitizers: Map<string, SanitizerSpec[]>;
  propagators: { languages: TaintLanguage[]; spec: PropagatorSpec }[];
  handlers: HandlerSpec[];
  /** Ids of the rules from the workspace config. */
  customRuleIds?: Set<string>;
}

/**
 * Per rule set made of built-in rules alone (no custom rule), the built-in rules it was made from: sets made from the
 * same one are equal and share their compiled rules (`compileFor`). Beside the set, not in it: a set is plain data.
 */
const builtinOnly = new WeakMap<TaintRuleSet, object>();

/**
 * The built-in part of a rule set: every `*.yml` under a folder, validated, before custom rules are added and names
 * resolved. Plain data (arrays of entries, not Maps), so it crosses to a scan worker as `ruleFolderSnapshot` data.
 */
interface BuiltinTaintRules {
  /** Valid rules in file order, each with its file and its range there; a duplicate id is an error, not a rule. */
  rules: { spec: TaintRuleSpec; source: string; range?: Range }[];
  sources: [string, SourceSpec[]][];
  sanitizers: [string, SanitizerSpec[]][];
  propagators: TaintRuleSet['propagators'];
  handlers: HandlerSpec[];
  errors: RuleLoadError[];
}

/** A built-in or custom rule whose id an earlier rule took: reported, and the rule left out. */
function duplicateId(source: string, id: string, range?: Range): RuleLoadError {
  return { source, ruleId: id, message: `rule ${id}: another rule already has this id; this one is ignored`, ...(range ? { range } : {}) };
}

/**
 * One taint rule file, parsed and validated: a function of its text alone (what loading it adds from other files,
 * duplicate ids and named lists defined twice, is found when the files are merged), so it can be computed when the
 * product is built (`precompileRuleFiles`). Errors carry no file name; the loader adds it.
 */
export interface TaintRuleFileResult {
  errors: Omit<RuleLoadError, 'source'>[];
  /** Named source and sanitizer lists in file order, each with the range of its entry. */
  sources: [string, SourceSpec[], Range | undefined][];
  sanitizers: [string, SanitizerSpec[], Range | undefined][];
  propagators: TaintRuleSet['propagators'];
  handlers: HandlerSpec[];
  /** Valid rules in file order, each with the range of its item. */
  rules: { spec: TaintRuleSpec; range?: Range }[];
}

/** Parses and validates one taint rule file's text (see `TaintRuleFileResult`). */
export function readTaintRuleFile(text: string): TaintRuleFileResult {
  const out: TaintRuleFileResult = { errors: [], sources: [], sanitizers: [], propagators: [], handlers: [], rules: [] };
  const doc = parseDocument(text);
  const lines = new LineIndex(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    out.errors.push({ message: `not valid YAML: ${e.message}`, range: lines.rangeOf(e.pos[0], e.pos[1]) });
    return out;
  }
  // The range of the item at a YAML path (a rule, a pattern of a named list, a handler).
  const locate = (at: readonly (string | number)[]): Range | undefined => {
    const node: unknown = doc.getIn(at, true);
    return isNode(node) && node.range ? lines.rangeOf(node.range[0], node.range[1]) : undefined;
  };
  const { file, errors: errs } = validateRuleFile(doc.toJS());
  for (const e of errs) {
    const range = e.path && locate(e.path);
    out.errors.push({ ...(e.ruleId ? { ruleId: e.ruleId } : {}), message: e.message, ...(range ? { range } : {}) });
  }
  for (const [k, v] of file.sources) out.sources.push([k, v, locate(['sources', k])]);
  for (const [k, v] of file.sanitizers) out.sanitizers.push([k, v, locate(['sanitizers', k])]);
  out.propagators.push(...file.propagators);
  out.handlers.push(...file.handlers);
  // Valid rules keep their order, but invalid ones are dropped: find each one's item by its id.
  const list: unknown = doc.get('rules', true);
  const items = isSeq(list) ? list.items : [];
  const taken = new Set<number>();
  for (const r of file.rules) {
    const i = items.findIndex((it, j) => !taken.has(j) && isMap(it) && it.get('id') === r.id);
    taken.add(i);
    const range = i >= 0 ? locate(['rules', i]) : undefined;
    out.rules.push({ spec: r, ...(range ? { range } : {}) });
  }
  return out;
}

/** Reads and validates every `*.yml` under `dir` (recursively), once per process (`cachedRuleFolder`). */
function loadBuiltinTaintRules(dir: string): BuiltinTaintRules {
  return cachedRuleFolder(dir, () => {
    const out: BuiltinTaintRules = { rules: [], sources: [], sanitizers: [], propagators: [], handlers: [], errors: [] };
    const errors = out.errors;
    const files = listRuleFiles(dir, 'taint', errors, true);
    const ids = new Set<string>();
    const sources = new Map<string, SourceSpec[]>();
    const sanitizers = new Map<string, SanitizerSpec[]>();
    for (const path of files) {
      const text = readRuleFile('taint', path);
      const file = precompiledRuleFile<TaintRuleFileResult>('taint', text) ?? readTaintRuleFile(text);
      for (const e of file.errors) errors.push({ source: path, ...e });
      for (const [k, v, range] of file.sources) mergeNamed(sources, k, v, path, 'source', errors, range);
      for (const [k, v, range] of file.sanitizers) mergeNamed(sanitizers, k, v, path, 'sanitizer', errors, range);
      out.propagators.push(...file.propagators);
      out.handlers.push(...file.handlers);
      for (const { spec: r, range } of file.rules) {
        if (ids.has(r.id)) {
          errors.push(duplicateId(path, r.id, range));
          continue;
        }
        ids.add(r.id);
        out.rules.push({ spec: r, source: path, ...(range ? { range } : {}) });
      }
    }
    out.sources = [...sources];
    out.sanitizers = [...sanitizers];
    return out;
  });
}

/** Reads every `*.yml` under `dir` (recursively) and validates it. Custom rules are added last. */
export function loadTaintRuleSet(dir: string, custom?: unknown[], customSource?: string): { set: TaintRuleSet; errors: RuleLoadError[] } {
  const builtin = loadBuiltinTaintRules(dir);
  // Fresh containers around the shared (never mutated) built-in specs: custom rules are added to this set only.
  const set: TaintRuleSet = {
    rules: builtin.rules.map((r) => r.spec),
    ruleSources: new Map(builtin.rules.map((r) => [r.spec.id, r.source])),
    sources: new Map(builtin.sources),
    sanitizers: new Map(builtin.sanitizers),
    propagators: [...builtin.propagators],
    handlers: [...builtin.handlers],
    customRuleIds: new Set(),
  };
  const errors: RuleLoadError[] = [...builtin.errors];
  const ids = new Set(set.rules.map((r) => r.id));
  /** Where each built-in rule is in its file, for errors found after validation. */
  const ruleRanges = new Map(builtin.rules.flatMap((r): [string, Range][] => (r.range ? [[r.spec.id, r.range]] : [])));
  const addRule = (r: TaintRuleSpec, source: string): void => {
    if (ids.has(r.id)) {
      errors.push(duplicateId(source, r.id));
      return;
    }
    ids.add(r.id);
    set.rules.push(r);
    set.ruleSources.set(r.id, source);
  };
  const report = (source: string, list: SchemaError[]): void => {
    for (const e of list) errors.push({ source, ...(e.ruleId ? { ruleId: e.ruleId } : {}), message: e.message });
  };
  if (custom) {
    const source = customSource ?? 'workspace configuration';
    custom.forEach((raw, i) => {
      const errs: SchemaError[] = [];
      const r = validateRule(raw, i, errs, { custom: true });
      report(source, errs);
      if (r && !ids.has(r.id)) set.customRuleIds!.add(r.id);
      if (r) addRule(r, source);
    });
  }
  // Names must resolve; a rule naming an unknown source or sanitizer is dropped with a clear error.
  set.rules = set.rules.filter((r) => {
    const missing = [
      ...[...r.sources, ...r.auditSources].filter((s): s is string => typeof s === 'string' && !set.sources.has(s)).map((s) => `source \`${s}\``),
      ...r.sanitizers.filter((s): s is string => typeof s === 'string' && !set.sanitizers.has(s)).map((s) => `sanitizer \`${s}\``),
      ...r.sinks.flatMap((s) => s.inHandler ?? []).filter((h) => !set.handlers.some((x) => x.id === h)).map((h) => `handler \`${h}\``),
    ];
    if (missing.length === 0) return true;
    const range = ruleRanges.get(r.id);
    errors.push({
      ...(range ? { range } : {}),
      source: set.ruleSources.get(r.id) ?? 'builtin',
      ruleId: r.id,
      message: `rule ${r.id}: unknown ${missing.join(', ')}; known sources: ${[...set.sources.keys()].join(', ')}; known sanitizers: ${[...set.sanitizers.keys()].join(', ')}`,
    });
    return false;
  });
  if (set.customRuleIds!.size === 0 && set.rules.length === builtin.rules.length) builtinOnly.set(set, builtin);
  return { set, errors };
}

function mergeNamed<T>(into: Map<string, T[]>, name: string, list: T[], path: string, what: string, errors: RuleLoadError[], range?: Range): void {
  if (into.has(name)) errors.push({ source: path, message: `${what} list \`${name}\` is defined twice; the later definition is ignored`, ...(range ? { range } : {}) });
  else into.set(name, list);
}

export { taintLanguageOf };

/** A clause's structural check, from the language module; a name the module lacks fails the rule's compilation. */
function structuralCheck(c: PatternClauseSpec, i: number, module: LanguageModule): { check?: StructuralCheck } {
  if (!c.check) return {};
  const check = module.structuralChecks?.get(c.check);
  if (!check) {
    const known = [...(module.structuralChecks?.keys() ?? [])];
    throw new Error(`patterns[${i}]: no structural check \`${c.check}\` for ${module.id}${known.length > 0 ? ` (it has ${known.join(', ')})` : ' (it has none)'}`);
  }
  return { check };
}

/** A compiled pattern with its metavariable constraints. */
export interface Compiled<T> {
  spec: T;
  pattern: CompiledPattern;
  where: [string, RegExp][];
}

/**
 * A built-in rule's pattern, parsed and its `where` regexes compiled on first use: most files rule out most
 * patterns by their words (see `PassPattern.words`), and compiling every pattern of a language was most of a scan
 * worker's first file (parsing snippets, building RE2 programs). Built-in patterns are known to compile (the rule
 * fixtures compile them all); a workspace's own are compiled at once, so their errors are reported on load.
 */
class LazyCompiled<T extends PatternSpec> implements Compiled<T> {
  private compiledPattern: CompiledPattern | undefined;
  private compiledWhere: [string, RegExp][] | undefined;

  constructor(
    readonly spec: T,
    private readonly compiler: PatternCompiler,
  ) {}

  get pattern(): CompiledPattern {
    if (!this.compiledPattern) {
      lazyCompileStats.patterns++;
      this.compiledPattern = this.compiler.compile(this.spec.pattern);
    }
    return this.compiledPattern;
  }

  get where(): [string, RegExp][] {
    return (this.compiledWhere ??= compileWhere(this.spec, true));
  }
}

/** Built-in rules' patterns compiled on first use so far, in this thread (a test counts them). */
export const lazyCompileStats = { patterns: 0 };

function compileWhere(spec: PatternSpec, builtIn: boolean): [string, RegExp][] {
  return Object.entries(spec.where ?? {}).map(([k, v]) => [k, compileRuleRegex(v, { builtIn })] as [string, RegExp]);
}

export interface CompiledRule {
  spec: TaintRuleSpec;
  /** The syntax knowledge of the language the rule was compiled for. */
  module: LanguageModule;
  docsUrl: string;
  sources: Compiled<SourceSpec>[];
  sinks: Compiled<TaintRuleSpec['sinks'][number]>[];
  /** Calls that return clean data. */
  sanitizers: Compiled<SanitizerSpec>[];
  /** Conditions that make their `guard` metavariable clean where they hold. */
  guards: Compiled<SanitizerSpec>[];
  propagators: Compiled<PropagatorSpec>[];
  fix?: FixSpec;
  /** Pattern rules (`kind: pattern`): the clauses, and the patterns that exempt a match. Empty for taint rules. */
  patterns: CompiledClause[];
  patternNot: Compiled<PatternSpec>[];
  /** Compiled for audit strictness: the audit sources count, and unknown functions pass data through. */
  audit?: true;
  /** The spec's `library-input`: exported functions' parameters are sources of this rule at every strictness. */
  libraryInput?: true;
  /**
   * Everything the dataflow consults of the rule besides its sinks: `fixed` (kind, strictness, whether its own
   * patterns are a workspace's) and its sources, sanitizers, guards and propagators, each list in order. Rules with
   * equal parts share one dataflow pass; on a given file, equal once the patterns that cannot match there are left
   * out (see `PassPattern.words`), the sources in any order when none is `named`.
   */
  passParts: { fixed: string; lists: PassPattern[][] };
}

/** A source, sanitizer, guard or propagator pattern as rule grouping sees it. */
export interface PassPattern {
  /** The spec as JSON: equal keys, equal patterns. */
  key: string;
  /**
   * A source whose taint says which pattern matched (its `label` or `into`): where two sources match one node, the
   * first in the list decides, so a list holding one is grouped by its order. Other sources taint a node alike.
   */
  named?: true;
  /**
   * The pattern's plain words (metavariables left out), split at underscores: it can match only in a text that
   * has every one as a word (imported names keep their module's words in the import, `js-yaml` is `js_yaml`).
   */
  words: string[];
}

/** The words a pattern needs in a text (see `PassPattern.words`). */
export function patternWords(pattern: string): string[] {
  const words = pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z0-9]+/g) ?? [];
  return [...new Set(words)];
}

/** A pattern rule's clause, with its scope conditions compiled and its structural check (`check:`) looked up. */
export type CompiledClause = Compiled<PatternClauseSpec> & { scopeHas: Compiled<PatternSpec>[]; scopeLacks: Compiled<PatternSpec>[]; check?: StructuralCheck };

export interface CompiledHandler {
  spec: HandlerSpec;
  call?: Compiled<PatternSpec>;
  entryOf?: Compiled<PatternSpec>;
  decorator?: Compiled<PatternSpec>;
  paramDecorator?: Compiled<PatternSpec>;
  /** `spec.paramType`, compiled. */
  paramType?: RegExp;
  /** `spec.classBase`, compiled. */
  classBase?: RegExp;
  /** The compiled `input-types`: a declared type a parameter must have to be input (see HandlerSpec.inputTypes). */
  inputTypes?: RegExp;
  /** The compiled `clean-args` (see HandlerSpec.cleanArgs). */
  cleanArgs?: RegExp;
}

/** Everything compiled for one grammar. */
export interface CompiledLanguage {
  language: TaintLanguage;
  module: LanguageModule;
  rules: CompiledRule[];
  handlers: CompiledHandler[];
  errors: RuleLoadError[];
}

/**
 * Compiles the rule set for one grammar. Rules with a pattern that does not parse are left out and reported.
 * With `audit`, every taint rule also takes its `audit-sources` and is marked `audit` (see `CompiledRule.audit`).
 */
export function compileFor(set: TaintRuleSet, grammar: GrammarId, lang: Language, audit = false): CompiledLanguage | undefined {
  const builtin = builtinOnly.get(set);
  if (!builtin) return compileUncached(set, grammar, lang, audit);
  // Every folder's analyzer (and the one for files outside folders) holds the built-in rules: compiled once, ~2 MB
  // per language. Nothing mutates a compiled language; the caches derived from it are keyed on it (WeakMaps).
  let byLanguage = sharedCompiles.get(builtin);
  if (!byLanguage) sharedCompiles.set(builtin, (byLanguage = new WeakMap()));
  let byKey = byLanguage.get(lang);
  if (!byKey) byLanguage.set(lang, (byKey = new Map()));
  const key = `${grammar}\0${audit}`;
  if (!byKey.has(key)) byKey.set(key, compileUncached(set, grammar, lang, audit));
  return byKey.get(key);
}

/** Compiled built-in rule sets, by the built-in rules they were made from, the grammar's language, grammar and audit. */
const sharedCompiles = new WeakMap<object, WeakMap<Language, Map<string, CompiledLanguage | undefined>>>();

function compileUncached(set: TaintRuleSet, grammar: GrammarId, lang: Language, audit: boolean): CompiledLanguage | undefined {
  const language = taintLanguageOf(grammar);
  if (!language) return undefined;
  const compiler = new PatternCompiler(lang);
  const module = languageModule(language);
  const errors: RuleLoadError[] = [];
  // Every `where`, built-in or custom, runs in time linear in its input (`compileRuleRegex`): no rule may make a
  // hostile file's analysis super-linear (a built-in `^(?!.*X$).*Y` on V8, searched for anywhere in a 10 MB line by
  // a prefilter, never ended).
  const compileWith = (builtIn: boolean) => <T extends PatternSpec>(spec: T): Compiled<T> =>
    builtIn ? new LazyCompiled(spec, compiler) : { spec, pattern: compiler.compile(spec.pattern), where: compileWhere(spec, false) };
  const one = compileWith(true);
  const rules: CompiledRule[] = [];
  for (const spec of set.rules) {
    if (!spec.languages.includes(language)) continue;
    // A custom rule's own patterns (not the shared built-in lists it names) keep RE2 for every regex.
    const own = compileWith(set.customRuleIds?.has(spec.id) !== true);
    try {
      const sources = [...spec.sources, ...(audit ? spec.auditSources : [])].flatMap((s) => (typeof s === 'string' ? set.sources.get(s)!.map(one) : [own(s)]));
      const sans = spec.sanitizers.flatMap((s) => (typeof s === 'string' ? set.sanitizers.get(s)!.map(one) : [own(s)]));
      const propagators = [
        ...set.propagators.filter((p) => p.languages.includes(language)).map((p) => one(p.spec)),
        ...spec.propagators.map(own),
      ];
      const guards = sans.filter((s) => !!s.spec.guard);
      const plain = sans.filter((s) => !s.spec.guard);
      const specs = (list: Compiled<PatternSpec>[]): PatternSpec[] => list.map((c) => c.spec);
      // A custom rule's patterns run all their regexes on RE2: never share a pass with built-in ones.
      const custom = set.customRuleIds?.has(spec.id) === true;
      const parts = (list: Compiled<PatternSpec>[]): PassPattern[] => specs(list).map((p) => ({ key: JSON.stringify(p), words: patternWords(p.pattern) }));
      const sourceParts = sources.map((c): PassPattern => ({ key: JSON.stringify(c.spec), words: patternWords(c.spec.pattern), ...(c.spec.label !== undefined || c.spec.into !== undefined ? { named: true as const } : {}) }));
      const passParts = { fixed: JSON.stringify([spec.kind, audit && spec.kind === 'taint', custom, spec.libraryInput === true]), lists: [sourceParts, parts(plain), parts(guards), parts(propagators)] };
      rules.push({
        spec,
        module,
        docsUrl: spec.docs ?? docsUrlFor('taint', spec.id),
        sources,
        sinks: spec.sinks.map(own),
        sanitizers: plain,
        guards,
        propagators,
        // Assigned onto the compiled clause, not spread: a lazy one's pattern is its class's getter.
        patterns: spec.patterns.map((c, i) => Object.assign(own(c), { scopeHas: (c.scopeHas ?? []).map(own), scopeLacks: (c.scopeLacks ?? []).map(own), ...structuralCheck(c, i, module) })),
        patternNot: spec.patternNot.map(own),
        ...(spec.fix ? { fix: spec.fix } : {}),
        ...(audit && spec.kind === 'taint' ? { audit: true as const } : {}),
        ...(spec.libraryInput && spec.kind === 'taint' ? { libraryInput: true as const } : {}),
        passParts,
      });
    } catch (e) {
      errors.push({ source: set.ruleSources.get(spec.id) ?? 'builtin', ruleId: spec.id, message: `rule ${spec.id}: ${redactErrorMessage(e)}; the rule is skipped for ${grammar}` });
    }
  }
  const handlers: CompiledHandler[] = [];
  for (const spec of set.handlers) {
    if (!spec.languages.includes(language)) continue;
    try {
      handlers.push({
        spec,
        ...(spec.call ? { call: one(spec.call) } : {}),
        ...(spec.entryOf ? { entryOf: one(spec.entryOf) } : {}),
        ...(spec.decorator ? { decorator: one(spec.decorator) } : {}),
        ...(spec.paramDecorator ? { paramDecorator: one(spec.paramDecorator) } : {}),
        ...(spec.paramType !== undefined ? { paramType: compileRuleRegex(spec.paramType) } : {}),
        ...(spec.classBase !== undefined ? { classBase: compileRuleRegex(spec.classBase) } : {}),
        ...(spec.inputTypes !== undefined ? { inputTypes: compileRuleRegex(spec.inputTypes) } : {}),
        ...(spec.cleanArgs !== undefined ? { cleanArgs: compileRuleRegex(spec.cleanArgs) } : {}),
      });
    } catch (e) {
      errors.push({ source: 'builtin', message: `handler ${spec.id}: ${redactErrorMessage(e)}` });
    }
  }
  return { language, module, rules, handlers, errors };
}
