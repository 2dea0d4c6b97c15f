/** Command handlers. Each works, or says clearly why not, when the server is down. */
import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { Methods, SETTINGS_SECTION, VigilSettings, type UpdateAdvisoriesResult } from '../../server/src/shared/protocol';
import type { Ctx } from './ctx';

export function registerCommands(ctx: Ctx): void {
  const sub = ctx.extension.subscriptions;
  sub.push(
    vscode.commands.registerCommand('vigil.restartServer', async () => {
      try {
        await ctx.restart();
        void vscode.window.setStatusBarMessage('Vigil: server restarted', 3000);
      } catch (e) {
        ctx.output.appendLine(`[vigil] restart failed: ${e instanceof Error ? e.stack : String(e)}`);
        void vscode.window.showErrorMessage('Vigil: the server could not be restarted. See the output.');
      }
    }),
    vscode.commands.registerCommand('vigil.showOutput', () => ctx.output.show(true)),
    vscode.commands.registerCommand('vigil.updateAdvisoryDatabase', () => updateAdvisoryDatabase(ctx)),
  );
}

/**
 * "Vigil: Update Advisory Database": the server runs the same update as `vigil db update`, from the machine-scoped
 * `vigil.advisories.source` (a workspace cannot point it elsewhere); a user action, so Workspace Trust does not
 * gate it. Progress and cancel in a notification.
 */
async function updateAdvisoryDatabase(ctx: Ctx): Promise<void> {
  if (!(await requireServer(ctx))) return;
  const client = ctx.client!;
  const { source } = VigilSettings.from({ advisories: vscode.workspace.getConfiguration(SETTINGS_SECTION).get('advisories') }).advisories;
  const title = 'Vigil: updating the advisory database';
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = `vigil-db-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind !== 'end') progress.report({ message: (value as WorkDoneProgressBegin | WorkDoneProgressReport).message });
    });
    try {
      const r = await client.sendRequest<UpdateAdvisoriesResult>(Methods.updateAdvisories, { source, workDoneToken }, token);
      if (r.ok) void vscode.window.showInformationMessage(`Vigil: ${r.message}`);
      else void vscode.window.showErrorMessage(`Vigil: ${r.message}`, 'Show Output').then((c) => c && ctx.output.show());
    } catch (e) {
      if (token.isCancellationRequested) void vscode.window.showInformationMessage('Vigil: update cancelled; the advisory database was not changed.');
      else void vscode.window.showErrorMessage(`Vigil: the update failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      listener.dispose();
    }
  });
}

/** Shared guard for commands that need the server. */
export async function requireServer(ctx: Ctx): Promise<boolean> {
  if (ctx.running) return true;
  const choice = await vscode.window.showWarningMessage('Vigil: the security server is not running.', 'Restart Server', 'Show Output');
  if (choice === 'Restart Server') await vscode.commands.executeCommand('vigil.restartServer');
  if (choice === 'Show Output') ctx.output.show();
  return false;
}
