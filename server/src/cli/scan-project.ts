/**
 * One scan of a project for the CLI: choose the files (all, changed since a ref, or staged), scan them on the
 * worker pool with the workspace config, and build the report that every output format is written from.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Analyzer, RuleInfo } from '../engine/analyzer';
import { createAnalyzers, precompileAnalyzers, type AnalyzerOptions, type AnalyzerSetup, type RuleLoadError } from '../engine/analyzers';
import { applyBaseline, type Baseline } from '../engine/baseline';
import { TAINT_GRAMMARS, taintLanguageOf } from '../engine/languages';
import { GrammarRegistry } from '../engine/parser';
import { locateRuleErrors, type ConfigParseResult, type VigilConfig } from '../engine/config/vigil-config';
import type { ReportFile, ScanReport } from '../engine/output/scan-report';
import { toRelPosix, walkFiles, type ScanFile, type SkippedFile } from '../engine/scan/file-walker';
import { matchesAnyGlob } from '../engine/glob';
import { scanFiles, type ScanCallbacks, type ScanPool } from '../engine/scan/scan-pool';
import { prioritize } from '../engine/priority';
import { exposeSecretFindings } from '../engine/secrets/exposure';
import type { GitObjectFormat } from '../engine/scan/blob-id';
import type { AnalysisSettings } from '../engine/types';
import { DEFAULT_VIGIL_SETTINGS } from '../shared/protocol';
import { changedFiles, stagedFiles } from './git';
import { readBlobs, treeFiles, type AloneResult } from './history';

export type FileSelection =
  | { kind: 'all' }
  | { kind: 'changed'; ref: string; gitTop: string }
  | { kind: 'staged'; gitTop: string }
  /** Files of a commit (paths from the repository top), read from git objects: the base side of a PR report. */
  | { kind: 'tree'; commit: string; paths: string[]; gitTop: string };

export interface ProjectScanOptions {
  root: string;
  /** Absolute files or folders inside `root`; empty means all of it. */
  targets: string[];
  selection: FileSelection;
  config: VigilConfig;
  /** The config file, for error locations of custom rules. */
  configFile?: string;
  /** Where each custom rule is in the config file (`ConfigParseResult.customRuleRanges`). */
  customRuleRanges?: ConfigParseResult['customRuleRanges'];
  settings: AnalysisSettings;
  baseline?: Baseline;
  /** How the baseline file is named in the report. */
  baselineFile?: string;
  jobs?: number;
  /** Tests: analyzers from this module instead of the built-in packs. */
  analyzerModule?: string;
  /** The advisory database folder of the dependencies pack (default: `advisoryDbDir()` of this process). */
  advisoryDbDir?: string;
  tool: { name: string; version: string };
  signal?: AbortSignal;
  onProgress?: ScanCallbacks['onProgress'];
  /** The git top folder whose local history is searched for each secret found (committed? pushed?); none: no search. */
  historyRepo?: string;
  /** List the files whose findings are those of a scan of the file alone, by git blob id (`ProjectScan.alone`). */
  blobIds?: GitObjectFormat;
  /**
   * Scan on these workers (kept for a later scan, e.g. of history) instead of a pool of the scan's own; it must be
   * built with this scan's `projectAnalyzerOptions` and `analyzerModule`.
   */
  pool?: ScanPool;
}

/** Globs skipped in every project unless a `.gitignore` re-includes nothing: dependencies, VCS and build output. */
export function effectiveExcludes(config: VigilConfig): string[] {
  return [...DEFAULT_VIGIL_SETTINGS.exclude, ...config.exclude];
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

function selectedBy(targets: string[], path: string): boolean {
  return targets.length === 0 || targets.some((t) => path === t || path.startsWith(t.endsWith(sep) ? t : `${t}${sep}`));
}

/** The files the selection names, with skip reasons for the ones that cannot be scanned. */
export function collectFiles(options: Pick<ProjectScanOptions, 'root' | 'targets' | 'selection' | 'config' | 'settings'>): { files: ScanFile[]; skipped: SkippedFile[] } {
  const { root, targets, selection } = options;
  const exclude = effectiveExcludes(options.config);
  // Bytes can only over-count UTF-16 characters by 4x; the exact character limit is checked when scanning.
  const maxFileSize = options.settings.maxFileSize * 4;
  if (selection.kind === 'all') return walkFiles([{ root, paths: targets.length ? targets : undefined }], { exclude, maxFileSize });
  if (selection.kind === 'changed') {
    const paths = changedFiles(selection.gitTop, selection.ref).filter((p) => within(root, p) && selectedBy(targets, p));
    if (paths.length === 0) return { files: [], skipped: [] };
    return walkFiles([{ root, paths }], { exclude, maxFileSize });
  }
  const files: ScanFile[] = [];
  if (selection.kind === 'tree') {
    const entries = treeFiles(selection.gitTop, selection.commit, selection.paths)
      .map((f) => ({ ...f, abs: join(selection.gitTop, f.path) }))
      .filter((f) => within(root, f.abs) && selectedBy(targets, f.abs) && f.size <= maxFileSize && !matchesAnyGlob(toRelPosix(root, f.abs), exclude));
    const contents = readBlobs(selection.gitTop, entries.map((f) => f.blob));
    for (const f of entries) files.push({ path: f.abs, root, relPath: toRelPosix(root, f.abs), content: contents.get(f.blob) ?? Buffer.alloc(0) });
    return { files, skipped: [] };
  }
  for (const staged of stagedFiles(selection.gitTop)) {
    if (!within(root, staged.path) || !selectedBy(targets, staged.path)) continue;
    const relPath = toRelPosix(root, staged.path);
    if (matchesAnyGlob(relPath, exclude)) continue;
    files.push({ path: staged.path, root, relPath, content: staged.content });
  }
  return { files, skipped: [] };
}

/** Builds the analyzers in this thread too: for the rule list (SARIF) and to report rule errors once. */
export function loadAnalyzers(options: AnalyzerOptions, analyzerModule?: string): AnalyzerSetup {
  if (!analyzerModule) return createAnalyzers(options);
  const mod = require(analyzerModule) as { createAnalyzers: typeof createAnalyzers };
  return mod.createAnalyzers(options);
}

/**
 * Custom taint rules whose patterns do not parse. Patterns compile per grammar on first use, in the workers, which
 * leave such a rule out without a word; so they are compiled here first, for the grammars the custom rules name, and
 * reported like any other rule error (the run still exits non-zero, and the other rules still run).
 */
async function customPatternErrors(setup: AnalyzerSetup, customTaintRules: readonly unknown[]): Promise<RuleLoadError[]> {
  const named = new Set(customTaintRules.flatMap((r) => {
    const langs = (r as { languages?: unknown }).languages;
    return Array.isArray(langs) ? langs.filter((l): l is string => typeof l === 'string') : [];
  }));
  const grammars = TAINT_GRAMMARS.filter((g) => named.has(taintLanguageOf(g) ?? ''));
  if (grammars.length === 0) return [];
  const registry = await GrammarRegistry.create(undefined, grammars);
  const custom = new Set(customTaintRules.map((r) => (r as { id?: unknown }).id));
  // Built-in rules compile too (they share the per-grammar compile); only custom rules' errors are news here.
  return precompileAnalyzers(setup.analyzers, registry).filter((e) => e.ruleId !== undefined && custom.has(e.ruleId));
}

export interface ProjectScan {
  report: ScanReport;
  /** Workspace-relative paths of every file scanned (for stale-baseline checks and baseline merging). */
  scanned: Set<string>;
  /** Every file's findings before the baseline was applied. */
  allFiles: ReportFile[];
  /**
   * With `blobIds`: the files whose findings are what a scan of that file alone gives (no flow across files or
   * workspace exposure changed them), with the git blob id of the bytes scanned, before secret history is applied:
   * what a scan of the same committed file version would find (`TreeScanner.seed`).
   */
  alone?: AloneResult[];
  /** The packs built in this thread for the scan (from `projectAnalyzerOptions`): a history scan can use them too. */
  analyzers: Analyzer[];
}


/**
 * What the packs are built from for a workspace: its custom rules and enabled packs. One definition for the scan and
 * the history commands, so a committed file is scanned with exactly the rules of the working tree's scan.
 */
export function projectAnalyzerOptions(options: Pick<ProjectScanOptions, 'config' | 'configFile' | 'settings' | 'advisoryDbDir'>): AnalyzerOptions {
  return {
    customSecretRules: options.config.customRules.secrets,
    customTaintRules: options.config.customRules.taint,
    customConfigRules: options.config.customRules.config,
    customRulesSource: options.configFile,
    // Only the packs this scan runs: the others' rules would be loaded, in every worker, for nothing.
    packs: options.settings.packs,
    ...(options.advisoryDbDir !== undefined ? { advisoryDbDir: options.advisoryDbDir } : {}),
  };
}

export async function scanProject(options: ProjectScanOptions): Promise<ProjectScan> {
  const started = Date.now();
  const analyzerOptions = projectAnalyzerOptions(options);
  const setup = loadAnalyzers(analyzerOptions, options.analyzerModule);
  const rules: RuleInfo[] = setup.analyzers.filter((a) => options.settings.packs[a.pack]).flatMap((a) => a.rules());
  const patternErrors = options.config.customRules.taint.length > 0 && !options.analyzerModule ? await customPatternErrors(setup, options.config.customRules.taint) : [];
  const ruleErrors: RuleLoadError[] = locateRuleErrors([...setup.errors, ...patternErrors], { config: options.config, customRuleRanges: options.customRuleRanges, file: options.configFile });
  const { files, skipped } = collectFiles(options);
  const run = await scanFiles(files, options.settings, {
    jobs: options.jobs,
    analyzerOptions,
    analyzerModule: options.analyzerModule,
    signal: options.signal,
    onProgress: options.onProgress,
    ...(options.blobIds ? { blobIds: options.blobIds } : {}),
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const alone = options.blobIds ? run.results.flatMap((r) => (r.alone && r.blob ? [{ relPath: r.file.relPath, blob: r.blob, findings: r.findings }] : [])) : undefined;
  const scanned = new Set(run.results.map((r) => r.file.relPath));
  let history: ScanReport['history'];
  if (options.historyRepo && !run.cancelled) {
    // One history pass for every secret of the scan; the value is read back from the scanned content.
    const withSecrets = run.results.filter((r) => r.findings.some((f) => f.pack === 'secrets'));
    if (withSecrets.length > 0) {
      const texts = withSecrets.map((r) => {
        try {
          return new TextDecoder('utf-8').decode(r.file.content ?? readFileSync(r.file.path));
        } catch {
          return '';
        }
      });
      const exposed = await exposeSecretFindings(options.historyRepo, withSecrets.map((r, i) => ({ text: texts[i]!, findings: r.findings })));
      // Committed or pushed changes a secret's priority, which finalize() computed before history was known.
      withSecrets.forEach((r, i) => (r.findings = exposed.findings[i]!.map((f) => (f.pack === 'secrets' ? { ...f, priority: prioritize(f, { path: r.file.path, root: r.file.root }) } : f))));
      history = { committed: exposed.result.bySecret.size, ...(exposed.result.limited ? { limited: exposed.result.limited } : {}), ...(exposed.result.error ? { error: exposed.result.error } : {}) };
    }
  }
  const allFiles: ReportFile[] = run.results
    .map((r) => ({ path: r.file.path, root: r.file.root, relPath: r.file.relPath, findings: r.findings, notices: r.notices }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let reportFiles = allFiles;
  let baseline: ScanReport['baseline'];
  if (options.baseline) {
    const outcome = applyBaseline(options.baseline, allFiles, scanned);
    reportFiles = outcome.files;
    baseline = { file: options.baselineFile ?? options.config.baseline, hidden: outcome.hidden, stale: outcome.stale };
  }
  const report: ScanReport = {
    tool: options.tool,
    roots: [options.root],
    files: reportFiles.filter((f) => f.findings.length > 0 || f.notices.length > 0),
    scannedCount: run.results.length,
    skipped: [...skipped, ...run.skipped].sort((a, b) => a.path.localeCompare(b.path)),
    failed: run.failed,
    ruleErrors,
    rules,
    baseline,
    ...(history ? { history } : {}),
    durationMs: Date.now() - started,
    cancelled: run.cancelled,
  };
  return { report, scanned, allFiles, ...(alone ? { alone } : {}), analyzers: setup.analyzers };
}
