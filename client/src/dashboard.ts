/**
 * "Vigil: Show Dashboard": a webview with the score, its trend over the last commits, fixes this week and the user's
 * streak (`vigil/dashboard`). The page is static (no script, a strict content policy, nothing remote); the server
 * computes history off its request path, and closing the panel cancels the request.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DashboardResult, Methods, type DashboardParams } from '../../server/src/shared/protocol';
import type { Ctx } from './ctx';
import { dashboardHtml, type DashboardState } from './score-view';

export const SHOW_DASHBOARD = 'vigil.showDashboard';

let panel: vscode.WebviewPanel | undefined;
let pending: vscode.CancellationTokenSource | undefined;

function render(p: vscode.WebviewPanel, state: DashboardState): void {
  p.webview.html = dashboardHtml(state, { nonce: randomBytes(16).toString('base64'), cspSource: p.webview.cspSource });
}

async function showDashboard(ctx: Ctx): Promise<void> {
  if (panel) panel.reveal(vscode.ViewColumn.Active);
  else {
    panel = vscode.window.createWebviewPanel('vigil.dashboard', 'Vigil Dashboard', vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
    panel.onDidDispose(() => {
      panel = undefined;
      pending?.cancel();
    });
  }
  const p = panel;
  const client = ctx.client;
  if (!client || !ctx.running) return render(p, { kind: 'down' });
  pending?.cancel();
  const cts = new vscode.CancellationTokenSource();
  pending = cts;
  render(p, { kind: 'loading' });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const params: DashboardParams = folder ? { folder } : {};
  try {
    const data = DashboardResult.from(await client.sendRequest(Methods.dashboard, params, cts.token));
    if (pending !== cts || panel !== p) return;
    render(p, data ? { kind: 'ready', data } : { kind: 'error', message: 'the server sent a malformed answer' });
  } catch (e) {
    if (cts.token.isCancellationRequested || panel !== p) return;
    render(p, ctx.running ? { kind: 'error', message: e instanceof Error ? e.message : String(e) } : { kind: 'down' });
  } finally {
    if (pending === cts) pending = undefined;
    cts.dispose();
  }
}

export function registerDashboard(ctx: Ctx): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(SHOW_DASHBOARD, () => showDashboard(ctx)),
    { dispose: () => panel?.dispose() },
  );
}
