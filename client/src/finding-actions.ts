/**
 * What a finding offers beyond opening it: its rule's details page (a read-only `vigil-rule:` markdown document
 * filled by the server's `vigil/ruleDetails`, shown in the built-in markdown preview, whose strict content policy
 * loads nothing remote), and its quick fix or suppression, asked of the server exactly as the lightbulb does.
 * Every command says so when the server is not running instead of failing.
 */
import * as vscode from 'vscode';
import type { WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import { Methods, type RuleDetails, type RuleDetailsParams } from '../../server/src/shared/protocol';
import { requireServer } from './commands';
import type { Ctx } from './ctx';
import { findingOf, type FindingItem } from './findings-view';

export const RULE_SCHEME = 'vigil-rule';
export const SHOW_RULE_DETAILS = 'vigil.showRuleDetails';

/** `vigil-rule:/<rule id>.md`, with the folder whose rules apply (custom rules included) in the query. */
export function ruleDetailsUri(ruleId: string, resource?: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${ruleId}.md`, query: resource ? `uri=${encodeURIComponent(resource.toString())}` : '' });
}

class RuleDetailsProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly ctx: Ctx) {}

  /** Asks again when shown again: an open page may predate a server restart or a change to custom rules. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ruleId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const client = this.ctx.client;
    if (!client || !this.ctx.running) return `# ${ruleId}\n\nThe Vigil server is not running, so the rule's details cannot be shown. Run "Vigil: Restart Server".\n`;
    const q = new URLSearchParams(uri.query).get('uri') ?? undefined;
    const params: RuleDetailsParams = { ruleId, ...(q ? { uri: q } : {}) };
    const details = await client.sendRequest<RuleDetails | null>(Methods.ruleDetails, params);
    return details?.markdown ?? `# ${ruleId}\n\nNo rule with this id is loaded.\n`;
  }
}

/** The rule id and resource a command was given: a rule id string, a tree element, or nothing (the cursor's finding). */
function ruleTarget(arg: unknown): { ruleId: string; resource?: vscode.Uri } | undefined {
  if (typeof arg === 'string' && arg) return { ruleId: arg, resource: vscode.window.activeTextEditor?.document.uri };
  const f = findingOf(arg);
  if (f) return { ruleId: f.ruleId, resource: f.uri };
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === 'vigil' && d.range.contains(editor.selection.active) && d.code !== undefined);
  if (!here) return undefined;
  const code = typeof here.code === 'object' ? here.code.value : here.code;
  return { ruleId: String(code), resource: editor.document.uri };
}

let provider: RuleDetailsProvider | undefined;

async function showRuleDetails(ctx: Ctx, arg: unknown): Promise<void> {
  const target = ruleTarget(arg);
  if (!target) {
    void vscode.window.showInformationMessage('Vigil: put the cursor on a finding, or pick one in the Findings view, to see its rule.');
    return;
  }
  if (!(await requireServer(ctx))) return;
  const uri = ruleDetailsUri(target.ruleId, target.resource);
  provider?.refresh(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No markdown preview (the built-in extension disabled): the markdown text itself, read-only.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}

/** Plain text of an LSP snippet with its placeholders (the suppression reason) replaced by `fill`. */
export function snippetToText(snippet: string, fill: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (snippet.startsWith('${', i)) {
      let j = i + 2;
      while (j < snippet.length && snippet[j] !== '}') j += snippet[j] === '\\' ? 2 : 1;
      out += fill;
      i = j;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else out += c;
  }
  return out;
}

interface LspEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText?: string;
  snippet?: { kind: 'snippet'; value: string };
}
interface LspCodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { documentChanges?: ({ textDocument: { uri: string; version: number | null }; edits: LspEdit[] } | { kind: string })[] };
}

/** Asks the server for the finding's fixes (`fix`) or suppressions, as the lightbulb would, and applies one. */
async function applyAction(ctx: Ctx, arg: unknown, which: 'fix' | 'suppress'): Promise<boolean> {
  const f: FindingItem | undefined = findingOf(arg);
  if (!f) return false;
  if (!(await requireServer(ctx))) return false;
  // The server answers for open documents: opening syncs it (a workspace-scan finding may be in a closed file).
  const doc = await vscode.workspace.openTextDocument(f.uri);
  await vscode.window.showTextDocument(doc, { selection: f.diagnostic.range, preview: true });
  const client = ctx.client!;
  const kind = `quickfix.vigil.${which}`;
  const actions = (
    (await client.sendRequest<LspCodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri: client.code2ProtocolConverter.asUri(f.uri) },
      range: client.code2ProtocolConverter.asRange(f.diagnostic.range),
      context: { diagnostics: [], only: [kind] },
    })) ?? []
  ).filter((a) => a.kind === kind && a.edit);
  if (actions.length === 0) {
    const choice = await vscode.window.showInformationMessage(
      which === 'fix' ? `Vigil has no automatic fix for ${f.ruleId} here.` : `Vigil cannot suppress ${f.ruleId} here.`,
      'Show Rule Details',
    );
    if (choice) await showRuleDetails(ctx, f.ruleId);
    return false;
  }
  actions.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
  let chosen = actions[0]!;
  if (actions.length > 1) {
    const pick = await vscode.window.showQuickPick(
      actions.map((a) => ({ label: a.title, description: a.isPreferred ? 'preferred' : undefined, action: a })),
      { title: which === 'fix' ? `Fix ${f.ruleId}` : `Suppress ${f.ruleId}` },
    );
    if (!pick) return false;
    chosen = pick.action;
  }
  let reason: string | undefined;
  if (which === 'suppress') {
    reason = (await vscode.window.showInputBox({ title: `Suppress ${f.ruleId}`, prompt: 'Why is this safe? (kept in the vigil-ignore comment)', validateInput: (v) => (v.trim() ? undefined : 'A reason is required') }))?.trim();
    if (!reason) return false;
  }
  // Snippet edits carry the reason as a placeholder: fill it in and send plain text edits.
  for (const change of chosen.edit!.documentChanges ?? []) {
    if (!('edits' in change)) continue;
    for (const e of change.edits) {
      if (e.snippet) {
        e.newText = snippetToText(e.snippet.value, reason ?? '');
        delete e.snippet;
      }
    }
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(chosen.edit as unknown as LspWorkspaceEdit);
  return vscode.workspace.applyEdit(edit);
}

export function registerFindingActions(ctx: Ctx): void {
  provider = new RuleDetailsProvider(ctx);
  ctx.extension.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, provider),
    vscode.commands.registerCommand(SHOW_RULE_DETAILS, (arg?: unknown) => showRuleDetails(ctx, arg)),
    vscode.commands.registerCommand('vigil.findings.applyFix', (arg?: unknown) => applyAction(ctx, arg, 'fix')),
    vscode.commands.registerCommand('vigil.findings.suppress', (arg?: unknown) => applyAction(ctx, arg, 'suppress')),
  );
}
