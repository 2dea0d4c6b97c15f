/** The status-bar items: server state and the number of findings in open files; the security score. */
import * as vscode from 'vscode';
import { ScoreResult, type StatusParams } from '../../server/src/shared/protocol';
import { scoreStatus } from './score-view';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('vigil.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Vigil';
    this.item.command = 'vigil.showOutput';
    this.item.show();
  }

  set(p: StatusParams): void {
    const icon = { starting: '$(sync~spin)', ready: '$(shield)', scanning: '$(sync~spin)', error: '$(error)', restricted: '$(workspace-untrusted)' }[p.state];
    const count = p.state === 'ready' || p.state === 'scanning' || p.state === 'restricted' ? ` ${p.findings}` : '';
    this.item.text = `${icon} Vigil${count}`;
    this.item.tooltip = `Vigil: ${p.state}${p.message ? ` — ${p.message}` : ''}\n${p.findings} finding(s) in open files\nClick to show the output`;
    this.item.backgroundColor = p.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/**
 * The status-bar security score (`vigil/score`, the formula of `vigil score`): refreshed after the server publishes
 * (its status notification follows every publish; a history republish changes diagnostics), at most a few times a
 * second. Click opens the dashboard.
 */
export class ScoreStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly listener: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;
  private asking = false;
  private again = false;

  /** `ask`: the server's answer, undefined when it is not running; `running`: whether it is. */
  constructor(
    private readonly ask: () => Promise<unknown>,
    private readonly running: () => boolean,
  ) {
    this.item = vscode.window.createStatusBarItem('vigil.score', vscode.StatusBarAlignment.Left, 9);
    this.item.name = 'Vigil Security Score';
    this.item.command = 'vigil.showDashboard';
    this.show(undefined);
    this.item.show();
    // A republish without a status notification (a secret found pushed, re-ranked) changes the score too.
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.refresh());
  }

  /** Asks the server again soon (coalesced: a burst of publishes costs one request). */
  refresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, 250);
  }

  /** The server stopped: no number, say so. */
  serverDown(): void {
    this.show(undefined);
  }

  private async update(): Promise<void> {
    if (this.asking) {
      this.again = true;
      return;
    }
    this.asking = true;
    try {
      this.show(this.running() ? ScoreResult.from(await this.ask()) : undefined);
    } catch {
      // The server went away mid-request: show it as down rather than fail.
      this.show(undefined);
    } finally {
      this.asking = false;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    }
  }

  private show(score: ScoreResult | undefined): void {
    const { text, tooltip } = scoreStatus(score, this.running());
    this.item.text = text;
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listener.dispose();
    this.item.dispose();
  }
}
