/**
 * The "Findings" tree view in Vigil's own view container: every Vigil diagnostic in the workspace (live analysis
 * of open files and workspace-scan results alike), grouped by file, severity, rule or category (the choice is
 * remembered per workspace), filtered by text or minimum severity. Each finding reads `file:line  rule` with the
 * message beside it; clicking opens it; taint findings expand into their trace, step by step, each one clickable.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';

export type GroupBy = 'file' | 'severity' | 'rule' | 'category';
export const GROUP_BYS: readonly GroupBy[] = ['file', 'severity', 'rule', 'category'];
/** Category groups, in display order: the pack that found it. */
const CATEGORIES: Record<string, string> = { taint: 'Code', secrets: 'Secrets', config: 'Configuration', dependencies: 'Dependencies', meta: 'Vigil' };
const GROUP_BY_KEY = 'vigil.findings.groupBy';
type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export const VIEW_ID = 'vigil.findings';
export const OPEN_COMMAND = 'vigil.findings.open';
/** Internal: the tree as plain data, for tests and diagnostics. */
export const SNAPSHOT_COMMAND = 'vigil.findings.snapshot';

/** The tree as plain data. */
export interface FindingsSnapshot {
  groupBy: GroupBy;
  groups: {
    label: string;
    findings: { label: string; description: string; ruleId: string; severity: string; uri: string; range: vscode.Range; steps: { label: string; description: string }[] }[];
  }[];
}
const FILTERED_CONTEXT = 'vigil.findings.filtered';

/** Diagnostics that are about Vigil or the file rather than a security finding. */
const NON_FINDING_CODE = /^vigil\.(notice|config|restricted)/;

export interface FindingItem {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
  severity: Severity;
  ruleId: string;
  /** The pack that found it (`taint`, `secrets`, ...), from the diagnostic's data. */
  pack: string;
  /** The priority the server gave it, when it did. */
  priority?: { score: number; level: string; reason: string };
}

type Node =
  | { kind: 'group'; key: string; label: string; items: FindingItem[] }
  | { kind: 'finding'; item: FindingItem }
  | { kind: 'step'; item: FindingItem; info: vscode.DiagnosticRelatedInformation; index: number };

export interface FindingsFilter {
  text?: string;
  minSeverity?: Severity;
}

/** Our severity, from the diagnostic's data when the server sends it, else from the editor severity. */
function severityOf(d: vscode.Diagnostic): Severity {
  const data = (d as vscode.Diagnostic & { data?: { severity?: unknown } }).data;
  if (typeof data?.severity === 'string' && (SEVERITIES as string[]).includes(data.severity)) return data.severity as Severity;
  switch (d.severity) {
    case vscode.DiagnosticSeverity.Error:
      return 'high';
    case vscode.DiagnosticSeverity.Warning:
      return 'medium';
    case vscode.DiagnosticSeverity.Information:
      return 'low';
    default:
      return 'info';
  }
}

/** The extra fields the server puts in a diagnostic's data (see DiagnosticData in server/src/lsp/convert.ts). */
function dataOf(d: vscode.Diagnostic): { pack?: unknown; priority?: { score?: unknown; level?: unknown; reason?: unknown } } {
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  return data && typeof data === 'object' ? (data as ReturnType<typeof dataOf>) : {};
}

function priorityOf(d: vscode.Diagnostic): FindingItem['priority'] {
  const p = dataOf(d).priority;
  return p && typeof p.score === 'number' && typeof p.level === 'string' && typeof p.reason === 'string' ? { score: p.score, level: p.level, reason: p.reason } : undefined;
}

/** The finding behind a tree element given to a command (context menus pass the element), if it is one. */
export function findingOf(arg: unknown): FindingItem | undefined {
  const n = arg as Node | undefined;
  return n && typeof n === 'object' && (n.kind === 'finding' || n.kind === 'step') ? n.item : undefined;
}

function ruleIdOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return 'unknown';
  return typeof code === 'object' ? String(code.value) : String(code);
}

function severityIcon(s: Severity): vscode.ThemeIcon {
  switch (s) {
    case 'critical':
    case 'high':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'medium':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

export class FindingsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private groupBy: GroupBy;
  private filter: FindingsFilter = {};
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly tree: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private roots: Node[] = [];

  /** `state`: the workspace's memento, where the grouping is remembered. */
  constructor(private readonly state?: vscode.Memento) {
    const saved = state?.get<string>(GROUP_BY_KEY);
    this.groupBy = (GROUP_BYS as readonly string[]).includes(saved ?? '') ? (saved as GroupBy) : 'file';
    this.tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      this.changed,
      // Diagnostics stream in file by file during a scan: redraw at most a few times a second.
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
      vscode.commands.registerCommand(OPEN_COMMAND, (uri: vscode.Uri, range: vscode.Range) => this.open(uri, range)),
      vscode.commands.registerCommand(SNAPSHOT_COMMAND, () => {
        this.refresh();
        return this.snapshot();
      }),
    );
    this.refresh();
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** Every Vigil finding currently reported, after the filter. */
  findings(): FindingItem[] {
    const out: FindingItem[] = [];
    const min = this.filter.minSeverity ? SEVERITIES.indexOf(this.filter.minSeverity) : SEVERITIES.length;
    const text = this.filter.text?.toLowerCase();
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const diagnostic of diagnostics) {
        if (diagnostic.source !== 'vigil') continue;
        const ruleId = ruleIdOf(diagnostic);
        if (NON_FINDING_CODE.test(ruleId)) continue;
        const pack = typeof dataOf(diagnostic).pack === 'string' ? (dataOf(diagnostic).pack as string) : 'meta';
        const item: FindingItem = { uri, diagnostic, severity: severityOf(diagnostic), ruleId, pack, priority: priorityOf(diagnostic) };
        if (SEVERITIES.indexOf(item.severity) > min) continue;
        if (text && ![diagnostic.message, ruleId, vscode.workspace.asRelativePath(uri)].some((s) => s.toLowerCase().includes(text))) continue;
        out.push(item);
      }
    }
    return out;
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    void this.state?.update(GROUP_BY_KEY, groupBy);
    this.refresh();
  }

  getGroupBy(): GroupBy {
    return this.groupBy;
  }

  setFilter(filter: FindingsFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, !!(filter.text || filter.minSeverity));
    this.refresh();
  }

  getFilter(): FindingsFilter {
    return { ...this.filter };
  }

  /** The tree as it is shown: groups, findings and trace steps with their labels. */
  snapshot(): FindingsSnapshot {
    const label = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : (i.label?.label ?? ''));
    return {
      groupBy: this.groupBy,
      groups: this.roots.map((g) => ({
        label: label(this.getTreeItem(g)),
        findings: this.getChildren(g).map((f) => {
          const item = this.getTreeItem(f);
          const finding = (f as Extract<Node, { kind: 'finding' }>).item;
          return {
            label: label(item),
            description: String(item.description ?? ''),
            ruleId: finding.ruleId,
            severity: finding.severity,
            uri: finding.uri.toString(),
            range: finding.diagnostic.range,
            steps: this.getChildren(f).map((st) => {
              const si = this.getTreeItem(st);
              return { label: label(si), description: String(si.description ?? '') };
            }),
          };
        }),
      })),
    };
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, 250);
  }

  refresh(): void {
    const items = this.findings();
    this.roots = this.group(items);
    const filterText = [this.filter.text && `"${this.filter.text}"`, this.filter.minSeverity && `≥ ${this.filter.minSeverity}`].filter(Boolean).join(', ');
    this.tree.description = `by ${this.groupBy}${filterText ? ` · filter ${filterText}` : ''}`;
    this.tree.badge = items.length ? { value: items.length, tooltip: `${items.length} Vigil finding${items.length === 1 ? '' : 's'}` } : undefined;
    this.tree.message = items.length === 0 && filterText ? 'No findings match the filter.' : undefined;
    this.changed.fire(undefined);
  }

  private group(items: FindingItem[]): Node[] {
    const groups = new Map<string, FindingItem[]>();
    const keyOf = (i: FindingItem) =>
      this.groupBy === 'severity' ? i.severity : this.groupBy === 'rule' ? i.ruleId : this.groupBy === 'category' ? i.pack : i.uri.toString();
    for (const i of items) {
      const k = keyOf(i);
      const list = groups.get(k) ?? [];
      list.push(i);
      groups.set(k, list);
    }
    // Highest priority first where the server ranks findings; then by place.
    const byPosition = (a: FindingItem, b: FindingItem) =>
      (b.priority?.score ?? 0) - (a.priority?.score ?? 0) ||
      a.uri.toString().localeCompare(b.uri.toString()) ||
      a.diagnostic.range.start.compareTo(b.diagnostic.range.start);
    const nodes: Node[] = [...groups].map(([key, list]) => ({
      kind: 'group',
      key,
      label: this.groupBy === 'file' ? vscode.workspace.asRelativePath(vscode.Uri.parse(key)) : this.groupBy === 'category' ? (CATEGORIES[key] ?? key) : key,
      items: list.sort(byPosition),
    }));
    const order = (n: Node) =>
      n.kind !== 'group' ? 0 : this.groupBy === 'severity' ? SEVERITIES.indexOf(n.key as Severity) : this.groupBy === 'category' ? Object.keys(CATEGORIES).indexOf(n.key) : 0;
    return nodes.sort((a, b) => order(a) - order(b) || (a.kind === 'group' && b.kind === 'group' ? a.label.localeCompare(b.label) : 0));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    if (node.kind === 'group') return node.items.map((item) => ({ kind: 'finding', item }));
    if (node.kind === 'finding') return (node.item.diagnostic.relatedInformation ?? []).map((info, index) => ({ kind: 'step', item: node.item, info, index }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'group') return undefined;
    if (node.kind === 'step') return { kind: 'finding', item: node.item };
    return this.roots.find((g) => g.kind === 'group' && g.items.includes(node.item));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.groupBy}:${node.key}`;
      item.description = `${node.items.length}`;
      item.contextValue = 'vigil.group';
      if (this.groupBy === 'severity') item.iconPath = severityIcon(node.key as Severity);
      else if (this.groupBy === 'file') {
        item.resourceUri = vscode.Uri.parse(node.key);
        item.iconPath = vscode.ThemeIcon.File;
      } else if (this.groupBy === 'category') {
        item.iconPath = new vscode.ThemeIcon({ taint: 'code', secrets: 'key', config: 'settings-gear', dependencies: 'package' }[node.key] ?? 'shield');
      } else item.iconPath = new vscode.ThemeIcon('law');
      return item;
    }
    if (node.kind === 'finding') {
      const { diagnostic: d, uri, severity, ruleId, priority } = node.item;
      const steps = d.relatedInformation?.length ?? 0;
      const where = `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1}`;
      // Grouped by file, the group names the path: the file name is enough here.
      const file = this.groupBy === 'file' ? `${posix.basename(uri.path)}:${d.range.start.line + 1}` : where;
      const item = new vscode.TreeItem(`${file}  ${ruleId}`, steps > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `finding:${uri.toString()}:${d.range.start.line}:${d.range.start.character}:${ruleId}:${d.message.length}`;
      item.description = d.message.split('\n')[0]!;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendMarkdown(`**${severity}** · `).appendText(ruleId).appendMarkdown('\n\n').appendText(d.message).appendMarkdown('\n\n').appendText(where);
      if (priority) tooltip.appendMarkdown('\n\n').appendText(`Priority ${priority.level.toUpperCase()}: ${priority.reason}`);
      if (steps) tooltip.appendMarkdown(`\n\nTrace: ${steps} step${steps === 1 ? '' : 's'}`);
      item.tooltip = tooltip;
      item.iconPath = severityIcon(severity);
      item.contextValue = steps > 0 ? 'vigil.finding.traced' : 'vigil.finding';
      item.command = { command: OPEN_COMMAND, title: 'Open Finding', arguments: [uri, d.range] };
      return item;
    }
    const { info, index } = node;
    const item = new vscode.TreeItem(`${index + 1}. ${info.message}`, vscode.TreeItemCollapsibleState.None);
    item.id = `step:${node.item.uri.toString()}:${node.item.diagnostic.range.start.line}:${node.item.ruleId}:${index}`;
    item.description = `${vscode.workspace.asRelativePath(info.location.uri)}:${info.location.range.start.line + 1}`;
    item.iconPath = new vscode.ThemeIcon(info.message.startsWith('source') ? 'debug-start' : info.message.startsWith('sink') ? 'debug-breakpoint' : 'arrow-down');
    item.contextValue = 'vigil.traceStep';
    item.command = { command: OPEN_COMMAND, title: 'Open Trace Step', arguments: [info.location.uri, info.location.range] };
    return item;
  }

  private async open(uri: vscode.Uri, range: vscode.Range): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
