/**
 * Per-workspace-folder state: its `.vigil.yml` (the last good one), and an engine running that folder's rules.
 * All engines share one set of loaded grammars. In Restricted Mode (untrusted workspace) nothing from the
 * workspace is loaded: no config, no custom rules; only built-in rules run.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analyzer } from '../engine/analyzer';
import { createAnalyzers, precompileAnalyzers, type RuleLoadError } from '../engine/analyzers';
import {
  CONFIG_FILE_NAMES,
  defaultVigilConfig,
  loadVigilConfig,
  locateRuleErrors,
  parseVigilConfig,
  type ConfigParseResult,
  type VigilConfig,
} from '../engine/config/vigil-config';
import { BaselineIndex, readBaseline } from '../engine/baseline';
import { Engine, WarmDocuments } from '../engine/engine';
import { TAINT_GRAMMARS, type GrammarId } from '../engine/languages';
import type { GrammarRegistry } from '../engine/parser';

export interface FolderState {
  /** Absolute path of the folder; empty for documents outside every folder. */
  root: string;
  /** Runs this folder's rules; kept across config reloads so open documents stay open. */
  engine: Engine;
  /** The config in force: the last one that loaded without errors. */
  config: VigilConfig;
  /** The config file, when the folder has one. */
  configFile?: string;
  /** Problems in the config file itself; while there are any, `config` is the previous good one. */
  configProblems: RuleLoadError[];
  /** Custom rules from the config that failed to load; the other rules run. */
  ruleProblems: RuleLoadError[];
  /** Where the config in force wrote each custom rule, to show rule errors on the rule. */
  customRuleRanges?: ConfigParseResult['customRuleRanges'];
  /** The folder's baseline (findings accepted as known), hidden in the editor as in the CLI. */
  baseline?: BaselineIndex;
}

export function uriToPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

export function isConfigFile(path: string, root: string): boolean {
  return root !== '' && dirname(path) === root && (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

/** Source files the dependencies pack reads per folder in the editor (its findings say when the limit cut the look). */
const EDITOR_REACHABILITY_FILES = 5000;
/** Most template files the editor lists per workspace folder for render calls. */
const EDITOR_TEMPLATE_FILES = 2000;

export class Folders {
  private readonly byRoot = new Map<string, FolderState>();
  /** The analyzers each folder's engine runs, to compile them again when grammars load. */
  private readonly analyzersOf = new WeakMap<FolderState, Analyzer[]>();
  readonly outside: FolderState;

  constructor(
    private readonly grammars: GrammarRegistry,
    readonly trusted: boolean,
    private readonly log: (m: string) => void,
    /** Shared by every folder's engine: the limit on warm documents is the server's. */
    private readonly warm = new WarmDocuments(),
  ) {
    this.outside = this.build('', { config: defaultVigilConfig() }, undefined, []);
  }

  all(): FolderState[] {
    return [...this.byRoot.values(), this.outside];
  }

  /**
   * Grammars not loaded that custom taint rules need compiled now, so their pattern errors show on the config
   * file at once (built-in rules compile when a document of their language first runs, its grammar then loaded).
   */
  missingGrammars(): GrammarId[] {
    const custom = this.all().some((s) => this.trusted && s.config.customRules.taint.length > 0);
    return custom ? TAINT_GRAMMARS.filter((g) => !this.grammars.language(g) && !this.grammars.loadErrors.has(g)) : [];
  }

  /**
   * Compiles every folder's rules against the grammars loaded since they were built (after `missingGrammars` were
   * loaded) and adds the errors found to the folder's rule problems. Returns the folders whose problems changed.
   */
  recompile(): FolderState[] {
    const changed: FolderState[] = [];
    for (const state of this.all()) {
      const errors = precompileAnalyzers(this.analyzersOf.get(state) ?? [], this.grammars);
      if (errors.length === 0) continue;
      const located = locateRuleErrors(errors, { config: state.config, customRuleRanges: state.customRuleRanges, file: state.configFile });
      for (const e of located) this.log(`rule error in ${e.source}${e.ruleId ? ` (${e.ruleId})` : ''}: ${e.message}`);
      state.ruleProblems = [...state.ruleProblems, ...located.filter((e) => e.source !== 'builtin')];
      changed.push(state);
    }
    return changed;
  }

  /** Replaces the list of workspace folders (uris), loading each new folder's config. */
  setFolders(uris: string[]): void {
    const roots = new Set(uris.map(uriToPath));
    for (const [root, state] of this.byRoot) {
      if (!roots.has(root)) {
        state.engine.dispose();
        this.byRoot.delete(root);
      }
    }
    for (const root of roots) if (!this.byRoot.has(root)) this.byRoot.set(root, this.load(root));
  }

  /** The folder holding a path (the innermost one), or the outside state. */
  forPath(path: string): FolderState {
    let best: FolderState | undefined;
    for (const [root, state] of this.byRoot) {
      if ((path === root || path.startsWith(`${root}/`)) && (!best || root.length > best.root.length)) best = state;
    }
    return best ?? this.outside;
  }

  /**
   * Reloads a folder's config, from `text` when the config document is open (live, before save) or from disk.
   * On errors the last good config stays in force. Returns true when the rules or settings in force changed.
   */
  reload(root: string, text?: string, file?: string): boolean {
    const state = this.byRoot.get(root);
    if (!state || !this.trusted) return false;
    const result = text !== undefined && file ? { file, ...parseVigilConfig(text, file) } : loadVigilConfig(root);
    state.configFile = result.file;
    state.configProblems = result.errors;
    if (!result.config) {
      this.reportKept(result.errors, result.file);
      return false;
    }
    // Custom rules that moved in the file are reloaded too, so their errors stay on them.
    if (JSON.stringify([state.config, state.customRuleRanges]) === JSON.stringify([result.config, result.customRuleRanges])) return false;
    state.config = result.config;
    state.customRuleRanges = result.customRuleRanges;
    this.loadBaseline(state);
    const setup = this.analyzersFor({ config: result.config, customRuleRanges: result.customRuleRanges }, result.file);
    state.engine.setAnalyzers(setup.analyzers);
    this.analyzersOf.set(state, setup.analyzers);
    state.ruleProblems = setup.errors;
    return true;
  }

  private load(root: string): FolderState {
    if (!this.trusted) {
      // Restricted Mode: the workspace's config and custom rules are not even parsed.
      const file = CONFIG_FILE_NAMES.map((n) => join(root, n)).find((f) => existsSync(f));
      return this.build(root, { config: defaultVigilConfig() }, file, []);
    }
    const result = loadVigilConfig(root);
    if (!result.config) this.reportKept(result.errors, result.file);
    return this.build(root, { config: result.config ?? defaultVigilConfig(), customRuleRanges: result.config ? result.customRuleRanges : undefined }, result.file, result.errors);
  }

  private reportKept(errors: RuleLoadError[], file: string | undefined): void {
    for (const e of errors) this.log(`${e.source}: ${e.message}`);
    this.log(`${file}: the configuration has errors; the last good configuration stays in force.`);
  }

  private analyzersFor(loaded: Pick<ConfigParseResult, 'customRuleRanges'> & { config: VigilConfig }, configFile: string | undefined) {
    const { config } = loaded;
    const custom =
      this.trusted && (config.customRules.secrets.length > 0 || config.customRules.taint.length > 0 || config.customRules.config.length > 0);
    const setup = createAnalyzers({
      ...(custom
        ? {
            customSecretRules: config.customRules.secrets,
            customTaintRules: config.customRules.taint,
            customConfigRules: config.customRules.config,
            customRulesSource: configFile,
          }
        : {}),
      // The editor reads a bounded number of files to see whether a vulnerable package is imported.
      reachabilityFileLimit: EDITOR_REACHABILITY_FILES,
      // And a bounded number of templates, for what a render call's template prints raw.
      workspaceTemplateLimit: EDITOR_TEMPLATE_FILES,
    });
    // Pattern errors in custom rules only show once patterns are compiled against the grammars: do it now.
    const errors = locateRuleErrors([...setup.errors, ...precompileAnalyzers(setup.analyzers, this.grammars)], { ...loaded, file: configFile });
    for (const e of errors) this.log(`rule error in ${e.source}${e.ruleId ? ` (${e.ruleId})` : ''}: ${e.message}`);
    return { analyzers: setup.analyzers, errors: errors.filter((e) => e.source !== 'builtin') };
  }

  private build(root: string, loaded: Pick<ConfigParseResult, 'customRuleRanges'> & { config: VigilConfig }, configFile: string | undefined, configProblems: RuleLoadError[]): FolderState {
    const { config } = loaded;
    const setup = this.analyzersFor(loaded, configFile);
    const state: FolderState = {
      root, engine: Engine.withGrammars(this.grammars, setup.analyzers, this.warm), config, configFile, configProblems, ruleProblems: setup.errors,
      ...(loaded.customRuleRanges ? { customRuleRanges: loaded.customRuleRanges } : {}),
    };
    this.analyzersOf.set(state, setup.analyzers);
    this.loadBaseline(state);
    return state;
  }

  /** The baseline file of a folder (absolute), when the folder is trusted. */
  baselinePath(state: FolderState): string | undefined {
    return this.trusted && state.root ? join(state.root, state.config.baseline) : undefined;
  }

  /** (Re)reads a folder's baseline; a missing file means no baseline, a broken one is logged and ignored. */
  loadBaseline(state: FolderState): void {
    const file = this.baselinePath(state);
    state.baseline = undefined;
    if (!file || !existsSync(file)) return;
    const read = readBaseline(file);
    if (read.error) this.log(`${read.error}; the baseline is ignored.`);
    if (read.baseline) state.baseline = new BaselineIndex(read.baseline);
  }
}

export function configUri(state: FolderState): string | undefined {
  return state.configFile ? pathToFileURL(state.configFile).toString() : undefined;
}

export function defaultConfigPath(root: string): string {
  return join(root, CONFIG_FILE_NAMES[0]);
}
