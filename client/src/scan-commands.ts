/**
 * Scan commands: "Vigil: Scan Workspace" and "Vigil: Scan Changed Files" (against HEAD or a chosen base
 * branch), with a cancellable progress notification fed by the server's work-done progress, and a summary at
 * the end. Also the findings view's group-by and filter commands.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { Methods, type ScanSummary, type ScanWorkspaceParams } from '../../server/src/shared/protocol';
import { requireServer } from './commands';
import type { Ctx } from './ctx';
import { FindingsView, GROUP_BYS, VIEW_ID, type FindingsFilter, type GroupBy } from './findings-view';

/** What the server answers: the protocol summary plus details for the message and the output. */
interface ScanResult extends ScanSummary {
  byPack?: Record<string, number>;
  skipped?: { path: string; message: string }[];
  baselined?: number;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** Registers the scan commands and the findings view. Call once from `activate`. */
export function registerScanFeatures(ctx: Ctx): FindingsView {
  const view = new FindingsView(ctx.extension.workspaceState);
  ctx.extension.subscriptions.push(
    view,
    vscode.commands.registerCommand('vigil.scanWorkspace', () => runScan(ctx, undefined)),
    // An argument (a git ref) skips the base picker.
    vscode.commands.registerCommand('vigil.scanChangedFiles', async (ref?: string) => {
      const base = typeof ref === 'string' && ref ? ref : await pickBase();
      if (base !== undefined) return runScan(ctx, base);
      return undefined;
    }),
    // An argument skips the picker (keybindings, tests): 'file' | 'severity' | 'rule' | 'category'.
    vscode.commands.registerCommand('vigil.findings.groupBy', async (arg?: GroupBy) => {
      if (GROUP_BYS.includes(arg as GroupBy)) return view.setGroupBy(arg!);
      const options: { label: string; value: GroupBy }[] = [
        { label: 'File', value: 'file' },
        { label: 'Severity', value: 'severity' },
        { label: 'Rule', value: 'rule' },
        { label: 'Category (code, secrets, configuration, dependencies)', value: 'category' },
      ];
      const pick = await vscode.window.showQuickPick(
        options.map((o) => ({ ...o, description: o.value === view.getGroupBy() ? 'current' : undefined })),
        { title: 'Group Vigil findings by' },
      );
      if (pick) view.setGroupBy(pick.value);
    }),
    // An argument skips the pickers: { text?, minSeverity? }.
    vscode.commands.registerCommand('vigil.findings.filter', async (arg?: FindingsFilter) => {
      if (arg && typeof arg === 'object') return view.setFilter(arg);
      const current = view.getFilter();
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Text…', description: current.text ? `now "${current.text}"` : 'message, rule id or path', id: 'text' },
          { label: 'Minimum severity…', description: current.minSeverity ? `now ${current.minSeverity}` : undefined, id: 'severity' },
          { label: 'Clear filter', id: 'clear' },
        ],
        { title: 'Filter Vigil findings' },
      );
      if (!pick) return;
      if (pick.id === 'clear') return view.setFilter({});
      if (pick.id === 'text') {
        const text = await vscode.window.showInputBox({ title: 'Show findings whose message, rule id or path contains', value: current.text ?? '' });
        if (text !== undefined) view.setFilter({ ...current, text: text.trim() || undefined });
        return;
      }
      const level = (await vscode.window.showQuickPick([...SEVERITY_ORDER], { title: 'Show findings at or above' })) as (typeof SEVERITY_ORDER)[number] | undefined;
      if (level) view.setFilter({ ...current, minSeverity: level });
      return;
    }),
    vscode.commands.registerCommand('vigil.findings.clearFilter', () => view.setFilter({})),
  );
  return view;
}

/** Asks for the base of "Scan Changed Files": HEAD (uncommitted work) or a branch. */
async function pickBase(): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const branches = folder ? await gitBranches(folder.uri.fsPath) : [];
  const items: (vscode.QuickPickItem & { ref?: string })[] = [
    { label: 'HEAD', description: 'uncommitted and untracked changes', ref: 'HEAD' },
    ...branches.map((b) => ({ label: b, description: 'changes on this branch since it forked from ' + b, ref: b })),
    { label: 'Other ref…', description: 'a tag, commit or remote branch' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Vigil: Scan Changed Files against', placeHolder: 'Base to compare with' });
  if (!pick) return undefined;
  if (pick.ref) return pick.ref;
  const ref = await vscode.window.showInputBox({ title: 'Git ref to compare with', placeHolder: 'origin/main' });
  return ref?.trim() || undefined;
}

function gitBranches(cwd: string): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], { cwd, timeout: 5000 }, (err, stdout) => {
      if (err) return resolve([]);
      resolve(stdout.split('\n').map((s) => s.trim()).filter((s) => s && !s.endsWith('/HEAD')));
    });
  });
}

/** Runs one scan with a cancellable progress notification; resolves with the summary (undefined if not run). */
export async function runScan(ctx: Ctx, changedSince: string | undefined): Promise<ScanResult | undefined> {
  if (!(await requireServer(ctx))) return undefined;
  const client = ctx.client!;
  const title = changedSince ? `Vigil: scanning files changed since ${changedSince}` : 'Vigil: scanning workspace';
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = `vigil-scan-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    let reported = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const v = value as WorkDoneProgressBegin | WorkDoneProgressReport;
      const pct = v.percentage ?? reported;
      progress.report({ message: v.message, increment: Math.max(0, pct - reported) });
      reported = Math.max(reported, pct);
    });
    try {
      const params: ScanWorkspaceParams & { workDoneToken: string } = { workDoneToken, ...(changedSince ? { changedSince } : {}) };
      const summary = await sendWhenReady(() => client.sendRequest<ScanResult>(Methods.scanWorkspace, params, token), token);
      report(ctx, summary, changedSince);
      return summary;
    } catch (e) {
      if (token.isCancellationRequested) {
        void vscode.window.showInformationMessage('Vigil: scan cancelled.');
        return undefined;
      }
      ctx.output.appendLine(`[vigil] scan failed: ${e instanceof Error ? e.stack : String(e)}`);
      void vscode.window.showErrorMessage(`Vigil: the scan failed: ${e instanceof Error ? e.message : String(e)}`, 'Show Output').then((c) => c && ctx.output.show());
      return undefined;
    } finally {
      listener.dispose();
    }
  });
}

/**
 * The server registers its scan handler once its grammars and rules are loaded, a moment after the client
 * connects: a scan asked for in that window gets "method not found", so wait and retry (up to a minute).
 */
async function sendWhenReady<T>(send: () => Promise<T>, token: vscode.CancellationToken): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await send();
    } catch (e) {
      const notYet = (e as { code?: number }).code === -32601;
      if (!notYet || token.isCancellationRequested || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The end-of-scan summary: counts by severity and class, time taken; skipped files with reasons in the output. */
function report(ctx: Ctx, s: ScanResult, changedSince: string | undefined): void {
  const sev = SEVERITY_ORDER.filter((k) => (s.bySeverity[k] ?? 0) > 0).map((k) => `${s.bySeverity[k]} ${k}`);
  const classes = Object.entries(s.byPack ?? {}).map(([p, n]) => `${p} ${n}`);
  const parts = [
    `${s.findings} finding${s.findings === 1 ? '' : 's'}${sev.length ? ` (${sev.join(', ')})` : ''}`,
    ...(classes.length ? [classes.join(', ')] : []),
    `${s.filesScanned} file${s.filesScanned === 1 ? '' : 's'} scanned${changedSince ? ` (changed since ${changedSince})` : ''}`,
    ...(s.filesSkipped ? [`${s.filesSkipped} skipped`] : []),
    ...(s.filesFailed.length ? [`${s.filesFailed.length} failed`] : []),
    ...(s.baselined ? [`${s.baselined} hidden by baseline`] : []),
    `${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  const text = `Vigil: ${s.cancelled ? 'scan cancelled. ' : ''}${parts.join(' · ')}`;
  ctx.output.appendLine(text);
  for (const k of s.skipped ?? []) ctx.output.appendLine(`  skipped ${k.path}: ${k.message}`);
  for (const f of s.filesFailed) ctx.output.appendLine(`  failed ${f}`);
  const actions = s.findings > 0 ? ['Show Findings'] : [];
  if (s.filesSkipped || s.filesFailed.length) actions.push('Show Output');
  void vscode.window.showInformationMessage(text, ...actions).then((choice) => {
    if (choice === 'Show Findings') void vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    if (choice === 'Show Output') ctx.output.show(true);
  });
}
