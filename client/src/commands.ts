/** Command handlers. Each works, or says clearly why not, when the server is down. */
import * as vscode from 'vscode';
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
  );
}

/** Shared guard for commands that need the server. */
export async function requireServer(ctx: Ctx): Promise<boolean> {
  if (ctx.running) return true;
  const choice = await vscode.window.showWarningMessage('Vigil: the security server is not running.', 'Restart Server', 'Show Output');
  if (choice === 'Restart Server') await vscode.commands.executeCommand('vigil.restartServer');
  if (choice === 'Show Output') ctx.output.show();
  return false;
}
