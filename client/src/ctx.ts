/**
 * The extension's running state: the language client, its output channel and the status bar. Commands get
 * this object and must behave sensibly when the server is not running.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { Methods, SETTINGS_SECTION, type InitializationOptions, type StatusParams } from '../../server/src/shared/protocol';
import { RestartPolicy } from './restart-policy';
import { ScoreStatusBar, StatusBar } from './status';

export class Ctx {
  client: LanguageClient | undefined;
  readonly output: vscode.LogOutputChannel;
  readonly status: StatusBar;
  readonly score: ScoreStatusBar;
  private readonly restartPolicy = new RestartPolicy();

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Vigil', { log: true });
    this.status = new StatusBar();
    this.score = new ScoreStatusBar(
      () => (this.client && this.running ? this.client.sendRequest(Methods.score) : Promise.resolve(undefined)),
      () => this.running,
    );
    extension.subscriptions.push(this.output, this.status, this.score);
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  async start(): Promise<void> {
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    // Rule links (hovers, the Problems panel's rule code) open the rule's page in the editor: see finding-actions.ts.
    const init: InitializationOptions = { trusted: vscode.workspace.isTrusted, ruleDetailsCommand: 'vigil.showRuleDetails' };
    const clientOptions: LanguageClientOptions = {
      // Secrets can hide in any text file, so every file and untitled document goes to the server; it decides.
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      synchronize: {
        configurationSection: SETTINGS_SECTION,
        // The server reloads .vigil.yml and the baseline when they change on disk (an open config reloads live).
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/.vigil.{yml,yaml}'),
          vscode.workspace.createFileSystemWatcher('**/*baseline*.json'),
        ],
      },
      outputChannel: this.output,
      initializationOptions: init,
      errorHandler: this.errorHandler(),
      // Hovers may run this one command (their "Show rule details" link) and nothing else.
      markdown: { isTrusted: { enabledCommands: ['vigil.showRuleDetails'] } },
    };
    this.status.set({ state: 'starting', findings: 0 });
    const client = new LanguageClient('vigil', 'Vigil', serverOptions, clientOptions);
    this.client = client;
    client.onNotification(Methods.status, (p: StatusParams) => {
      this.status.set(p);
      this.score.refresh();
    });
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) {
        this.status.set({ state: 'error', findings: 0, message: 'Server stopped' });
        this.score.serverDown();
      }
    });
    await client.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) await client.stop().catch(() => undefined);
  }

  async restart(): Promise<void> {
    await this.stop();
    this.restartPolicy.reset();
    await this.start();
  }

  /** Restarts after crashes without a notification storm; gives up after repeated crashes and says so once. */
  private errorHandler(): ErrorHandler {
    return {
      error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
      closed: (): CloseHandlerResult => {
        const decision = this.restartPolicy.onCrash(Date.now());
        this.output.appendLine(`[vigil] server stopped unexpectedly (${decision.recentCrashes} in the last 3 minutes)`);
        if (decision.action === 'stop') {
          this.status.set({ state: 'error', findings: 0, message: 'Server crashed repeatedly' });
          void vscode.window
            .showErrorMessage('Vigil: the security server crashed repeatedly and was stopped. See the output for details.', 'Show Output', 'Restart')
            .then((choice) => {
              if (choice === 'Show Output') this.output.show();
              if (choice === 'Restart') void this.restart();
            });
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (decision.notify) {
          void vscode.window.showWarningMessage('Vigil: the security server stopped and was restarted. Findings are being refreshed.');
        }
        this.status.set({ state: 'starting', findings: 0, message: 'Restarting after a crash' });
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }
}
