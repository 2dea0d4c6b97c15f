/**
 * The built-in analyzers and their set-up from configuration. Each pack contributes one factory here; the
 * LSP server, the CLI, the workspace-scan workers and the tests all build their analyzers through this
 * function, so they run exactly the same rules.
 */
import { join } from 'node:path';
import type { Analyzer } from './analyzer';
import type { GrammarRegistry } from './parser';
import type { Pack, Range } from './types';
import { createConfigAnalyzer, loadBuiltinConfigRules } from './iac';
import { createDependenciesAnalyzer, loadBuiltinVulnerableFunctions } from './sca';
import { createSecretsAnalyzer, loadBuiltinSecretRules } from './secrets';
import { createTaintAnalyzer, loadTaintRuleSet } from './taint';
import { redactErrorMessage, redactSecrets } from './redact';
import { ruleFolderSnapshot, type RuleFolderSnapshot } from './rule-folder';
import { defaultRulesDir } from './rules-dir';

/**
 * A problem found while loading rules or configuration; shown on the offending file and in the output. The one
 * error type of every pack's rule loading, built-in files and custom rules alike.
 */
export interface RuleLoadError {
  /** File the problem is in (absolute path), or `builtin`. */
  source: string;
  ruleId?: string;
  message: string;
  /** Where in `source`, when known. */
  range?: Range;
  /** For a custom rule from the workspace config: its pack's list and its index there (to locate it). */
  customRule?: { pack: 'secrets' | 'taint' | 'config'; index: number };
  /**
   * Position of the rule in the list it was validated from, set by schema validators that see a list but not its
   * text; the loader that has the text turns it into `range` (and drops it).
   */
  index?: number;
}

export interface AnalyzerOptions {
  /** Custom secret rules from the workspace config (raw, unvalidated). */
  customSecretRules?: unknown[];
  /** Custom taint rules from the workspace config (raw, unvalidated). */
  customTaintRules?: unknown[];
  /** Custom config (IaC) rules from the workspace config (raw, unvalidated). */
  customConfigRules?: unknown[];
  /** The file the custom rules came from, for error locations. */
  customRulesSource?: string;
  /** Folder of built-in rule files; defaults to `defaultRulesDir()`. */
  rulesDir?: string;
  /** Work budget of the taint analysis per file, in steps (default `DEFAULT_TAINT_WORK_BUDGET`); for tests and tools. */
  taintWorkBudget?: number;
  /** Folder of the advisory database (default `advisoryDbDir()`: `VIGIL_DB_DIR` or the user cache). */
  advisoryDbDir?: string;
  /**
   * Packs to build (default: all). A one-shot scan passes its pack switches, so it does not load the rules of a
   * pack it will not run; the language server builds all, since settings switch packs on while it runs.
   */
  packs?: Partial<Record<Pack, boolean>>;
  /**
   * Most source files the dependencies pack reads per workspace folder to see whether a package is imported
   * (the editor bounds it); unset, it reads all, so "not imported anywhere" is complete (the CLI).
   */
  reachabilityFileLimit?: number;
  /**
   * The editor: the taint pack lists the workspace folder's templates itself (at most this many) for render calls,
   * since no scan pool reads them for it. Unset (CLI, scan workers): only the templates a host hands it.
   */
  workspaceTemplateLimit?: number;
}

export interface AnalyzerSetup {
  analyzers: Analyzer[];
  /** Rules that failed to load. The other rules still run. */
  errors: RuleLoadError[];
}

type PackFactory = (options: AnalyzerOptions) => { analyzer: Analyzer; errors: RuleLoadError[] };

/** Pack factories, in the order they run. Packs register here. */
const FACTORIES: [Pack, PackFactory][] = [
  ['secrets', createSecretsAnalyzer],
  ['taint', createTaintAnalyzer],
  ['config', createConfigAnalyzer],
  ['dependencies', createDependenciesAnalyzer],
];

export function createAnalyzers(options: AnalyzerOptions = {}): AnalyzerSetup {
  const analyzers: Analyzer[] = [];
  const errors: RuleLoadError[] = [];
  for (const [pack, factory] of FACTORIES) {
    if (options.packs && !options.packs[pack]) continue;
    try {
      const made = factory(options);
      analyzers.push(made.analyzer);
      errors.push(...made.errors.map(redactRuleError));
    } catch (e) {
      // A pack that cannot start must not take the other packs down with it.
      errors.push({ source: 'builtin', message: `A rule pack failed to load: ${redactErrorMessage(e)}` });
    }
  }
  return { analyzers, errors };
}

/** Loads each pack's built-in rule folder (`<rulesDir>/<pack>`) into the process-wide cache (`rule-folder.ts`). */
const BUILTIN_RULES: [Pack, (rulesDir: string) => unknown][] = [
  ['secrets', loadBuiltinSecretRules],
  ['taint', (dir) => loadTaintRuleSet(join(dir, 'taint'))],
  ['config', loadBuiltinConfigRules],
  ['dependencies', loadBuiltinVulnerableFunctions],
];

/**
 * The built-in rule data of the packs `options` builds, loaded in this thread (once per process), for worker threads
 * to build the same packs from without reading and parsing the rule files again (`seedRuleFolders`). A folder that
 * fails to load is left out: the worker then loads it itself and reports the error as any host does.
 */
export function builtinRulesSnapshot(options: AnalyzerOptions = {}): RuleFolderSnapshot {
  const rulesDir = options.rulesDir ?? defaultRulesDir();
  const dirs: string[] = [];
  for (const [pack, load] of BUILTIN_RULES) {
    if (options.packs && !options.packs[pack]) continue;
    try {
      load(rulesDir);
      dirs.push(join(rulesDir, pack));
    } catch {
      // Reported by the pack's factory where the analyzers are built.
    }
  }
  return ruleFolderSnapshot(dirs);
}

/** Runs every analyzer's `precompile` and collects the rule errors it finds (grammar-dependent rule parts). */
export function precompileAnalyzers(analyzers: Analyzer[], grammars: GrammarRegistry): RuleLoadError[] {
  const errors: RuleLoadError[] = [];
  for (const a of analyzers) {
    try {
      errors.push(...(a.precompile?.(grammars) ?? []).map(redactRuleError));
    } catch (e) {
      errors.push({ source: 'builtin', message: `The ${a.pack} rules failed to compile: ${redactErrorMessage(e)}` });
    }
  }
  return errors;
}

/** A rule error as shown: rule errors quote the rule's fields (patterns, keys, values), which may hold secrets. */
export function redactRuleError(e: RuleLoadError): RuleLoadError {
  return { ...e, message: redactSecrets(e.message), ...(e.ruleId !== undefined ? { ruleId: redactSecrets(e.ruleId) } : {}) };
}
