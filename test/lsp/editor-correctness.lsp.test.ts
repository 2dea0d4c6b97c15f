/**
 * LSP tests for answers that must match the text the editor has now: code actions asked for right after an edit,
 * snippet suppressions, and requests after `shutdown`. The bundled server (dist/server.js) over stdio; run
 * `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { applyEdits } from '../rules/rule-fixtures';
import { LspClient, type Diagnostic } from './lsp-client';

/** A fake token in GitHub's classic-PAT format. */
// A fake token with a valid checksum: an invalid one lowers the severity one step.
const GH = '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';

interface TextEdit {
  range: Diagnostic['range'];
  newText?: string;
  snippet?: { kind: string; value: string };
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { documentChanges?: { textDocument?: { uri: string; version?: number | null }; edits?: TextEdit[] }[] };
}

function docChange(action: CodeAction, uri: string) {
  const change = (action.edit?.documentChanges ?? []).find((c) => c.textDocument?.uri === uri);
  assert.ok(change, `${action.title}: no edit of ${uri}`);
  return { version: change.textDocument!.version, edits: change.edits ?? [] };
}

function plainEdits(edits: TextEdit[]): { range: Diagnostic['range']; newText: string }[] {
  return edits.map((e) => {
    assert.equal(typeof e.newText, 'string', 'a plain text edit');
    return { range: e.range, newText: e.newText! };
  });
}

async function withServer(settings: Record<string, unknown>, body: (client: LspClient, ws: string) => Promise<void>): Promise<void> {
  const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-correct-'));
  const client = new LspClient();
  client.settings = settings;
  try {
    await client.initialize(ws);
    await client.waitForReady();
    await body(client, ws);
  } finally {
    await client.shutdown();
  }
}

const codeActions = (client: LspClient, uri: string, line: number) =>
  client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 200 } },
    context: { diagnostics: [] },
  });

describe('code actions asked for right after an edit', () => {
  for (const debounceMs of [0, 400]) {
    it(`are computed on the current text (didChange and codeAction in one batch, debounceMs ${debounceMs})`, async () => {
      await withServer({ debounceMs }, async (client, ws) => {
        const uri = pathToFileURL(join(ws, 'app.js')).toString();
        const v1 = `const token = "${GH}";\n`;
        client.open(uri, 'javascript', v1, 1);
        const p1 = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
        assert.ok(p1.diagnostics.some((d) => d.code === 'secrets.github.classic-pat'));

        // The edit moves the secret 9 columns right on the same line; the code action request follows at once,
        // before the server's (debounced) analysis of version 2 has run.
        const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '/* v2 */ ' };
        const v2 = `/* v2 */ ${v1}`;
        client.change(uri, 2, [edit]);
        const actions = await codeActions(client, uri, 0);

        const fix = actions.find((a) => a.kind === 'quickfix.vigil.fix');
        assert.ok(fix, `an env-var fix for the current text; got ${actions.map((a) => a.title).join(' | ')}`);
        const { version, edits } = docChange(fix, uri);
        assert.equal(version, 2, 'stamped with the version it was computed on');
        assert.equal(applyEdits(v2, plainEdits(edits)), '/* v2 */ const token = process.env.GITHUB_TOKEN;\n');
        for (const a of actions) {
          const applied = applyEdits(v2, plainEdits(docChange(a, uri).edits));
          assert.ok(applied.includes('/* v2 */ const token = '), `${a.title} keeps the code around the secret intact:\n${applied}`);
        }
      });
    });
  }
});

describe('after shutdown', () => {
  it('refuses every request with InvalidRequest, drops notifications, and exits 0 on exit', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-shutdown-'));
    const client = new LspClient();
    try {
      await client.initialize(ws);
      await client.waitForReady();
      const uri = pathToFileURL(join(ws, 'a.js')).toString();
      client.open(uri, 'javascript', `const token = "${GH}";\n`, 1);
      await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
      assert.equal(await client.request('shutdown', null), null);
      const INVALID_REQUEST = -32600;
      const refused = (method: string, params: unknown) =>
        assert.rejects(client.request(method, params, 5_000), (e: Error & { code?: number }) => {
          assert.equal(e.code, INVALID_REQUEST, `${method}: ${e.message}`);
          return true;
        });
      await refused('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } });
      await refused('vigil/scanWorkspace', {});
      await refused('shutdown', null);
      await refused('no/suchMethod', {});
      // A notification after shutdown is dropped: no analysis, no diagnostics for version 2.
      const before = client.notifications.length;
      client.change(uri, 2, [{ text: `const other = "${GH}";\n` }]);
      await refused('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } });
      assert.deepEqual(client.notifications.slice(before).filter((n) => n.method === 'textDocument/publishDiagnostics'), []);
      client.notify('exit', null);
      assert.equal(await client.exited, 0);
    } finally {
      if (client.proc.exitCode === null) client.proc.kill('SIGKILL');
    }
  });
});

describe('the suppress quick fix', () => {
  /** initialize with or without LSP 3.18 snippet edits in workspace edits. */
  async function start(snippetEditSupport: boolean): Promise<{ client: LspClient; ws: string }> {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-snippet-'));
    const client = new LspClient();
    const rootUri = pathToFileURL(ws).toString();
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true, snippetEditSupport } } },
    });
    client.notify('initialized', {});
    try {
      await client.waitForReady();
    } catch (e) {
      await client.shutdown();
      throw e;
    }
    return { client, ws };
  }

  for (const snippets of [true, false]) {
    it(`selects the reason for typing with snippet support (${snippets}), and a placeholder left in place suppresses nothing`, async () => {
      const { client, ws } = await start(snippets);
      try {
        const uri = pathToFileURL(join(ws, 'a.js')).toString();
        const text = `const t = "${GH}";\n`;
        client.open(uri, 'javascript', text, 1);
        await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
        const sup = (await codeActions(client, uri, 0)).find((a) => a.kind === 'quickfix.vigil.suppress');
        assert.ok(sup);
        const [edit] = docChange(sup, uri).edits;
        let inserted: string;
        if (snippets) {
          assert.equal(edit?.newText, undefined);
          assert.equal(edit?.snippet?.kind, 'snippet');
          assert.match(edit!.snippet!.value, /^\/\/ vigil-ignore secrets\.github\.classic-pat -- \$\{1:[^}]+\}\n$/);
          inserted = edit!.snippet!.value.replace(/\$\{1:([^}]+)\}/, '$1');
        } else {
          assert.equal(edit?.snippet, undefined);
          inserted = edit!.newText!;
        }
        // Applied without typing a reason: the finding stays, and the comment is reported.
        client.change(uri, 2, [{ range: edit!.range, text: inserted }]);
        const p2 = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
        assert.deepEqual(p2.diagnostics.map((d) => d.code).sort(), ['secrets.github.classic-pat', 'vigil.suppression.missing-reason']);
      } finally {
        await client.shutdown();
      }
    });
  }
});

describe('a workspace folder inside a folder named dist or node_modules', () => {
  it('is analysed: exclude globs see the path inside the workspace folder only, as in the CLI', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'vigil-lsp-parent-'));
    const ws = join(parent, 'dist', 'shop');
    mkdirSync(ws, { recursive: true });
    const client = new LspClient();
    try {
      await client.initialize(ws);
      await client.waitForReady();
      const uri = pathToFileURL(join(ws, 'app.js')).toString();
      client.open(uri, 'javascript', `const token = "${GH}";\n`, 1);
      const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 1);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['secrets.github.classic-pat']);
      // Inside the workspace the default `**/dist/**` exclude still applies.
      const built = pathToFileURL(join(ws, 'dist', 'bundle.js')).toString();
      client.open(built, 'javascript', `const token = "${GH}";\n`, 1);
      const q = await client.waitForDiagnostics((x) => x.uri === built && x.version === 1);
      assert.deepEqual(q.diagnostics, []);
    } finally {
      await client.shutdown();
    }
  });
});
