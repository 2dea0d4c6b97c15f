/** Extension entry point: starts the language server and registers the commands. */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { registerDashboard } from './dashboard';
import { registerFindingActions } from './finding-actions';
import { registerScanFeatures } from './scan-commands';

let ctx: Ctx | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(extension);
  registerCommands(ctx);
  registerScanFeatures(ctx);
  registerFindingActions(ctx);
  registerDashboard(ctx);
  // Granting trust lets workspace config and custom rules run: restart so the server picks that up.
  extension.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void ctx?.restart()));
  try {
    await ctx.start();
  } catch (e) {
    ctx.output.appendLine(`[vigil] failed to start the server: ${e instanceof Error ? e.stack : String(e)}`);
    void vscode.window.showErrorMessage('Vigil: the security server failed to start. See the output.');
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
}
