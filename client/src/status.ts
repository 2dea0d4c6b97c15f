/** The status-bar item: server state and the number of findings in open files. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/shared/protocol';

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
