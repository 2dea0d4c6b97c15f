/**
 * Findings' fixes -> LSP code actions. Kinds are named constants, as the client and tests refer to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type Range,
  type SnippetTextEdit,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { SourceDocument } from '../engine/document';
import type { Finding, Fix } from '../engine/types';
import { toDiagnostic } from './convert';

/** Code-action kinds Vigil offers. */
export const ActionKinds = {
  fix: `${CodeActionKind.QuickFix}.vigil.fix`,
  suppress: `${CodeActionKind.QuickFix}.vigil.suppress`,
  fixAll: `${CodeActionKind.SourceFixAll}.vigil`,
} as const;

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Reads a file's current text from the open document if there is one, else from disk. */
export type TextReader = (path: string) => string | undefined;

export const diskReader: TextReader = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** What the client can apply, from its initialize capabilities. */
export interface ClientEditSupport {
  /** LSP 3.18 `SnippetTextEdit` in workspace edits (`workspace.workspaceEdit.snippetEditSupport`). */
  snippets?: boolean;
}

/**
 * Builds the workspace edit of a fix: edits to the document plus lines appended to other files. An edit with a
 * snippet form (a suppression's reason to type) is sent as a snippet edit where the client supports them.
 */
export function fixToWorkspaceEdit(fix: Fix, doc: SourceDocument, read: TextReader = diskReader, support: ClientEditSupport = {}): WorkspaceEdit {
  const edits = fix.edits.map((e): TextEdit | SnippetTextEdit =>
    support.snippets && e.snippet !== undefined ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } } : { range: e.range, newText: e.newText },
  );
  const changes: (TextDocumentEdit | CreateFile)[] = [{ textDocument: { uri: doc.uri, version: doc.version }, edits }];
  const byPath = new Map<string, string[]>();
  for (const a of fix.appendLines ?? []) byPath.set(a.path, [...(byPath.get(a.path) ?? []), a.line]);
  for (const [path, lines] of byPath) {
    const uri = pathToFileURL(path).toString();
    const current = read(path);
    const have = new Set((current ?? '').split(/\r?\n/).map((l) => l.trim()));
    const missing = lines.filter((l) => !have.has(l.trim()));
    if (missing.length === 0) continue;
    if (current === undefined) changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    const text = current ?? '';
    const eolNeeded = text.length > 0 && !text.endsWith('\n');
    const lineCount = text.split('\n').length - 1;
    const lastLen = text.length - (text.lastIndexOf('\n') + 1);
    const end = { line: lineCount, character: lastLen };
    changes.push({
      textDocument: { uri, version: null },
      edits: [{ range: { start: end, end }, newText: (eolNeeded ? '\n' : '') + missing.join('\n') + '\n' }],
    });
  }
  return { documentChanges: changes };
}

/** Code actions for the findings overlapping `range`, plus fix-all when asked for. */
export function codeActionsFor(
  doc: SourceDocument,
  findings: readonly Finding[],
  range: Range,
  only: string[] | undefined,
  read: TextReader = diskReader,
  support: ClientEditSupport = {},
): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  for (const f of findings) {
    if (!overlaps(f.range, range) || !f.fixes) continue;
    const diagnostic: Diagnostic = toDiagnostic(f, doc.uri);
    for (const fix of f.fixes) {
      const kind = fix.kind === 'fix' ? ActionKinds.fix : ActionKinds.suppress;
      if (!wants(kind)) continue;
      actions.push({
        title: fix.title,
        kind,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred === true,
        edit: fixToWorkspaceEdit(fix, doc, read, support),
      });
    }
  }
  if (only?.some((o) => ActionKinds.fixAll === o || ActionKinds.fixAll.startsWith(`${o}.`) || o === CodeActionKind.SourceFixAll)) {
    const all = fixAll(doc, findings, read);
    if (all) actions.push(all);
  }
  return actions;
}

/** `source.fixAll.vigil`: every finding's preferred safe fix, skipping fixes whose edits overlap an earlier one. */
export function fixAll(doc: SourceDocument, findings: readonly Finding[], read: TextReader = diskReader): CodeAction | undefined {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const same = (a: TextEdit, b: TextEdit) => a.newText === b.newText && JSON.stringify(a.range) === JSON.stringify(b.range);
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.kind === 'fix' && x.isPreferred);
    if (!fix) continue;
    // Edits identical to one already taken (e.g. two secret fixes each adding `import os`) are shared, not conflicts.
    const own = fix.edits.filter((e) => !taken.some((t) => same(t, e)));
    if (own.some((e) => taken.some((t) => overlaps(t.range, e.range)))) continue;
    chosen.push({ ...fix, edits: own });
    taken.push(...own);
  }
  if (chosen.length === 0) return undefined;
  const merged: Fix = {
    title: 'Fix all Vigil findings with a safe rewrite',
    kind: 'fix',
    edits: chosen.flatMap((c) => c.edits),
    appendLines: chosen.flatMap((c) => c.appendLines ?? []),
  };
  return { title: merged.title, kind: ActionKinds.fixAll, edit: fixToWorkspaceEdit(merged, doc, read) };
}
