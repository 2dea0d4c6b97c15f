/**
 * "Vigil: Scan Workspace" and "Scan Changed Files" on the server side: walks every workspace folder with its
 * own `.vigil.yml` and settings, scans on the worker pool, publishes each file's findings as soon as it is done
 * (baselined findings hidden), reports LSP work-done progress, honours cancellation, and answers with a summary.
 */
import { pathToFileURL } from 'node:url';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { BaselineIndex, readBaseline } from '../engine/baseline';
import { walkFilesAsync, type ScanFile, type SkippedFile } from '../engine/scan/file-walker';
import { sinkFileElsewhere } from '../engine/scan/cross-file-findings';
import { defaultJobs, scanFiles } from '../engine/scan/scan-pool';
import type { Finding, Severity } from '../engine/types';
import { changedFiles, gitTopLevel } from '../cli/git';
import { Methods, type ScanSummary, type ScanWorkspaceParams } from '../shared/protocol';
import type { ServerContext } from './server';
import { redactErrorMessage } from '../engine/redact';

/** The summary, plus counts by class (rule pack) for the end-of-scan message. */
export interface WorkspaceScanSummary extends ScanSummary {
  byPack: Record<string, number>;
  /** Skipped files with the reason for each (also written to the output). */
  skipped: { path: string; message: string }[];
  /** Findings hidden by baselines. */
  baselined: number;
}

interface FolderPlan {
  root: string;
  files: ScanFile[];
  skipped: SkippedFile[];
  settings: Awaited<ReturnType<ServerContext['settingsFor']>>;
  baseline?: BaselineIndex;
  analyzerOptions: { customSecretRules?: unknown[]; customTaintRules?: unknown[]; customConfigRules?: unknown[]; customRulesSource?: string };
}

/** Registers the scan request handler. A new scan cancels one still running. */
export function registerWorkspaceScan(ctx: ServerContext): void {
  let running: AbortController | undefined;
  /** Files whose scan findings are on display, so a rescan can clear the ones that became clean. */
  let published = new Set<string>();

  ctx.connection.onRequest(Methods.scanWorkspace, async (params: (ScanWorkspaceParams & { workDoneToken?: string | number }) | undefined, token: CancellationToken) => {
    await ctx.ready;
    running?.abort();
    const controller = new AbortController();
    running = controller;
    const cancel = token.onCancellationRequested(() => controller.abort());
    const progress = await progressReporter(ctx, params?.workDoneToken, controller);
    try {
      const result = await scanWorkspace(ctx, params ?? {}, controller.signal, progress, published);
      published = result.published;
      return result.summary;
    } finally {
      cancel.dispose();
      progress.done();
      if (running === controller) running = undefined;
    }
  });
}

async function progressReporter(ctx: ServerContext, workDoneToken: string | number | undefined, controller: AbortController): Promise<WorkDoneProgressReporter> {
  if (workDoneToken !== undefined) return ctx.connection.window.attachWorkDoneProgress(workDoneToken);
  try {
    const reporter = await ctx.connection.window.createWorkDoneProgress();
    reporter.token.onCancellationRequested(() => controller.abort());
    return reporter;
  } catch {
    return { begin() {}, report() {}, done() {} };
  }
}

async function planFolder(ctx: ServerContext, root: string, changedSince: string | undefined, signal: AbortSignal): Promise<FolderPlan | undefined> {
  const state = ctx.folders.forPath(root);
  const settings = await ctx.settingsFor(pathToFileURL(root).toString());
  if (!settings.enable) {
    ctx.log(`${root}: Vigil is disabled for this folder (vigil.enable); not scanned.`);
    return undefined;
  }
  const walkOptions = { exclude: settings.exclude, maxFileSize: settings.analysis.maxFileSize * 4, signal };
  let walked;
  if (changedSince !== undefined) {
    const top = gitTopLevel(root);
    if (!top) {
      ctx.log(`${root}: not in a git repository; Scan Changed Files skips it.`);
      return undefined;
    }
    const paths = changedFiles(top, changedSince).filter((p) => p === root || p.startsWith(`${root}/`));
    walked = paths.length ? await walkFilesAsync([{ root, paths }], walkOptions) : { files: [], skipped: [] };
  } else {
    walked = await walkFilesAsync([{ root }], walkOptions);
  }
  let baseline: BaselineIndex | undefined;
  if (ctx.trusted) {
    const read = readBaseline(`${root}/${state.config.baseline}`);
    if (read.error) ctx.log(`${read.error}; the baseline is ignored.`);
    if (read.baseline) baseline = new BaselineIndex(read.baseline);
  }
  const custom = ctx.trusted
    ? {
        customSecretRules: state.config.customRules.secrets,
        customTaintRules: state.config.customRules.taint,
        customConfigRules: state.config.customRules.config,
        customRulesSource: state.configFile,
      }
    : {};
  return { root, files: walked.files, skipped: walked.skipped, settings, baseline, analyzerOptions: custom };
}

async function scanWorkspace(
  ctx: ServerContext,
  params: ScanWorkspaceParams,
  signal: AbortSignal,
  progress: WorkDoneProgressReporter,
  previouslyPublished: Set<string>,
): Promise<{ summary: WorkspaceScanSummary; published: Set<string> }> {
  const started = Date.now();
  const summary: WorkspaceScanSummary = {
    filesScanned: 0,
    filesSkipped: 0,
    filesFailed: [],
    findings: 0,
    bySeverity: {},
    byRule: {},
    byPack: {},
    durationMs: 0,
    cancelled: false,
    skipped: [],
    baselined: 0,
  };
  const published = new Set<string>();
  const mode = params.changedSince !== undefined ? `changed since ${params.changedSince}` : 'all files';
  progress.begin(params.changedSince !== undefined ? 'Vigil: scanning changed files' : 'Vigil: scanning workspace', 0, 'listing files…', true);
  ctx.sendStatus('scanning');

  const roots = ctx.folders.all().map((f) => f.root).filter((r) => r !== '');
  const plans: FolderPlan[] = [];
  for (const root of roots) {
    if (signal.aborted) break;
    try {
      const plan = await planFolder(ctx, root, params.changedSince, signal);
      if (plan) plans.push(plan);
    } catch (e) {
      ctx.log(`${root}: cannot list files (${redactErrorMessage(e)}); not scanned.`);
    }
  }
  const total = plans.reduce((n, p) => n + p.files.length, 0);
  ctx.log(`workspace scan (${mode}): ${total} files in ${plans.length} folder(s)`);
  let doneBefore = 0;
  let lastReport = 0;
  const report = (done: number) => {
    const now = Date.now();
    if (now - lastReport < 100 && done < total) return;
    lastReport = now;
    progress.report(total ? Math.floor((done / total) * 100) : 100, `${done}/${total} files`);
  };
  report(0);

  const skip = (s: SkippedFile) => {
    summary.filesSkipped++;
    summary.skipped.push({ path: s.path, message: s.message });
    ctx.log(`${s.path}: ${s.message}`);
  };

  for (const plan of plans) {
    plan.skipped.forEach(skip);
    if (signal.aborted) break;
    const shown = (file: ScanFile, findings: Finding[]): Finding[] => (plan.baseline ? plan.baseline.filter(file.relPath, findings) : findings);
    const show = (file: ScanFile, all: Finding[]): void => {
      const findings = shown(file, all);
      const uri = pathToFileURL(file.path).toString();
      if (findings.length > 0 || previouslyPublished.has(uri) || published.has(uri)) ctx.publishFindings(uri, findings);
      if (findings.length > 0) published.add(uri);
      else published.delete(uri);
    };
    const run = await scanFiles(plan.files, plan.settings.analysis, {
      jobs: Math.max(1, defaultJobs() - 1), // leave a core to the editor
      analyzerOptions: plan.analyzerOptions,
      signal,
      onResult: (r) => {
        summary.filesScanned++;
        for (const n of r.notices) ctx.log(`${r.file.path}: ${n.message}`);
        // A flow into another file's function moves to its sink when the run ends: shown then, not twice.
        show(r.file, r.findings.filter((f) => sinkFileElsewhere(f, r.file.path) === undefined));
      },
      onSkipped: skip,
      onFailed: (f) => {
        summary.filesFailed.push(f.path);
        ctx.log(`${f.path}: scan failed: ${f.message}`);
      },
      onProgress: (done) => report(doneBefore + done),
    });
    for (const r of run.relocated ?? []) show(r.file, r.findings);
    for (const r of run.results) {
      const findings = shown(r.file, r.findings);
      summary.baselined += r.findings.length - findings.length;
      for (const f of findings) {
        summary.findings++;
        summary.bySeverity[f.severity as Severity] = (summary.bySeverity[f.severity] ?? 0) + 1;
        summary.byRule[f.ruleId] = (summary.byRule[f.ruleId] ?? 0) + 1;
        summary.byPack[f.pack] = (summary.byPack[f.pack] ?? 0) + 1;
      }
    }
    doneBefore += plan.files.length;
    if (run.cancelled) break;
  }

  summary.cancelled = signal.aborted;
  summary.durationMs = Date.now() - started;
  // A cancelled scan leaves earlier results of files it did not reach on display.
  if (summary.cancelled) for (const uri of previouslyPublished) published.add(uri);
  else for (const uri of previouslyPublished) if (!published.has(uri)) ctx.publishFindings(uri, []);
  const sev = Object.entries(summary.bySeverity).map(([s, n]) => `${n} ${s}`).join(', ');
  ctx.log(
    `workspace scan ${summary.cancelled ? 'cancelled' : 'done'}: ${summary.findings} findings${sev ? ` (${sev})` : ''}, ` +
      `${summary.filesScanned} scanned, ${summary.filesSkipped} skipped, ${summary.filesFailed.length} failed, ` +
      `${summary.baselined} hidden by baseline, ${(summary.durationMs / 1000).toFixed(1)} s`,
  );
  ctx.workspaceScanDone(!summary.cancelled && params.changedSince === undefined);
  ctx.sendStatus(ctx.trusted ? 'ready' : 'restricted');
  return { summary, published };
}
