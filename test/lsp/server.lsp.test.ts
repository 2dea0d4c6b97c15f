/**
 * LSP tests: the bundled server (dist/server.js) as a process over stdio, driven with real protocol messages.
 * Run `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../rules/rule-fixtures';
import { LspClient, type Diagnostic } from './lsp-client';

const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-'));
const uriOf = (name: string) => pathToFileURL(join(ws, name)).toString();

const APP = [
  "const express = require('express');",
  "const mysql = require('mysql2/promise');",
  'const app = express();',
  'const db = mysql.createPool({});',
  '',
  "app.get('/user', async (req, res) => {",
  '  const rows = await db.query("SELECT * FROM users WHERE id = " + req.query.id);',
  '  res.json(rows);',
  '});',
  '',
].join('\n');

const isSqli = (d: Diagnostic) => /^js\..*sqli/.test(String(d.code));

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { documentChanges?: { textDocument?: { uri: string }; edits?: { range: Diagnostic['range']; newText: string }[] }[] };
}

function editsFor(action: CodeAction, uri: string) {
  return (action.edit?.documentChanges ?? []).filter((c) => c.textDocument?.uri === uri).flatMap((c) => c.edits ?? []);
}

let client: LspClient;

before(async () => {
  client = new LspClient();
  const init = (await client.initialize(ws)) as { capabilities: Record<string, unknown> };
  assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
});

after(async () => {
  await client.shutdown();
});

describe('vigil language server over stdio', () => {
  const uri = uriOf('app.js');

  it('publishes a taint finding with code, docs link, source, trace and version on open', async () => {
    client.open(uri, 'javascript', APP, 1);
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 1);
    const d = p.diagnostics.find(isSqli);
    assert.ok(d, `expected a js.*sqli* diagnostic, got ${JSON.stringify(p.diagnostics.map((x) => x.code))}`);
    assert.equal(d.source, 'vigil');
    assert.ok(d.message.length > 0);
    assert.match(d.message, /req\.query\.id/);
    assert.match(d.codeDescription?.href ?? '', /^https:\/\/.+#/);
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 6);
    assert.ok((d.relatedInformation ?? []).length >= 2, 'trace as relatedInformation (source ... sink)');
    assert.ok(d.relatedInformation!.every((r) => r.location.uri === uri));
  });

  it('on open, shows the secrets findings before taint finishes, without a version; the complete result has the version', async () => {
    const u = uriOf('opened-with-secret.js');
    const text = `const token = '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';\n${APP}`;
    client.open(u, 'javascript', text, 1);
    const full = await client.waitForDiagnostics((x) => x.uri === u && x.version === 1);
    const pubs = client.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .map((n) => n.params as { uri: string; version?: number; diagnostics: Diagnostic[] })
      .filter((p) => p.uri === u);
    assert.ok(pubs.length >= 2, `a partial publish then the complete one, got ${pubs.length}`);
    const first = pubs[0]!;
    assert.equal(first.version, undefined, 'the partial publish is not the result of version 1');
    assert.ok(first.diagnostics.some((d) => String(d.code).startsWith('secrets.')), 'the secret is in the first publish');
    assert.ok(!first.diagnostics.some(isSqli), 'taint has not run yet');
    assert.ok(full.diagnostics.some(isSqli) && full.diagnostics.some((d) => String(d.code).startsWith('secrets.')));
    assert.ok(!JSON.stringify(pubs).includes('eblaBKkAioqa2qpb9J61'), 'masked in every publish');
    client.notify('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('follows incremental edits that remove and then reintroduce the finding', async () => {
    const line = APP.split('\n')[6]!;
    const start = line.indexOf('req.query.id');
    const range = { start: { line: 6, character: start }, end: { line: 6, character: start + 'req.query.id'.length } };
    client.change(uri, 2, [{ range, text: '42' }]);
    const p2 = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 2);
    assert.equal(p2.diagnostics.filter(isSqli).length, 0, 'a constant is not user input');
    client.change(uri, 3, [{ range: { start: range.start, end: { line: 6, character: start + 2 } }, text: 'req.query.id' }]);
    const p3 = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 3);
    assert.equal(p3.diagnostics.filter(isSqli).length, 1);
  });

  it('offers a parameterised-query quick fix that removes the finding, and fix-all', async () => {
    const p = client.diagnostics.get(uri)!;
    const d = p.diagnostics.find(isSqli)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => /parameterised query/i.test(a.title));
    assert.ok(fix, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix.vigil.fix');
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.kind === 'quickfix.vigil.suppress' && /vigil-ignore|suppress/i.test(a.title)));
    const fixed = applyEdits(APP, editsFor(fix, uri));
    assert.match(fixed, /db\.query\("SELECT \* FROM users WHERE id = \?", \[req\.query\.id\]\)/);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.vigil'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(applyEdits(APP, editsFor(fixAll[0]!, uri)), fixed);
    client.change(uri, 4, [{ text: fixed }]);
    const after = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 4);
    assert.equal(after.diagnostics.filter(isSqli).length, 0);
  });

  it('reports positions in UTF-16 code units past emoji and CJK text', async () => {
    const mb = uriOf('multibyte.js');
    const prefix = '  const note = "😀 用户 ✓"; ';
    const text = APP.replace('  const rows = await', `${prefix}const rows = await`);
    client.open(mb, 'javascript', text, 1);
    const p = await client.waitForDiagnostics((x) => x.uri === mb && x.version === 1);
    const d = p.diagnostics.find(isSqli);
    assert.ok(d);
    const line = text.split('\n')[6]!;
    const sinkArg = line.indexOf('"SELECT');
    assert.ok(d.range.start.character >= sinkArg - 'db.query('.length && d.range.start.character <= sinkArg, `start ${d.range.start.character}, arg at ${sinkArg}`);
    // An edit placed by UTF-16 column right after the emoji must land there.
    const col = line.indexOf('😀') + 2;
    client.change(mb, 2, [{ range: { start: { line: 6, character: col }, end: { line: 6, character: col } }, text: '🙂' }]);
    const p2 = await client.waitForDiagnostics((x) => x.uri === mb && x.version === 2);
    const d2 = p2.diagnostics.find(isSqli)!;
    assert.equal(d2.range.start.character, d.range.start.character + 2);
    client.close(mb);
  });

  it('masks hard-coded secrets in a file without a grammar', async () => {
    const env = uriOf('.env');
    const secret = 'AKIA' + 'Q3EGRT7BXZ5HM2KW';
    client.open(env, 'dotenv', `AWS_ACCESS_KEY_ID=${secret}\n`, 1);
    const p = await client.waitForDiagnostics((x) => x.uri === env && x.version === 1);
    const d = p.diagnostics.find((x) => String(x.code).startsWith('secrets.'));
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.ok(!JSON.stringify(p).includes(secret), 'the full secret must never appear in a diagnostic');
    client.close(env);
  });

  it('pulls settings per resource and re-analyses on configuration change', async () => {
    client.settings = { packs: { taint: false, secrets: true } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    client.change(uri, 5, [{ text: APP }]);
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 5);
    assert.equal(p.diagnostics.filter(isSqli).length, 0, 'taint pack switched off in settings');
    client.settings = {};
    client.notify('workspace/didChangeConfiguration', { settings: null });
    client.change(uri, 6, [{ text: APP + '\n' }]);
    const p2 = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 6);
    assert.equal(p2.diagnostics.filter(isSqli).length, 1);
  });

  it('skips files over the size limit with a clear notice and stays up', async () => {
    const big = uriOf('big.js');
    client.settings = { maxFileSize: 1000 };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    client.open(big, 'javascript', 'x = 1;\n'.repeat(1000), 1);
    const p = await client.waitForDiagnostics((x) => x.uri === big && x.version === 1);
    assert.equal(p.diagnostics.length, 1);
    assert.match(p.diagnostics[0]!.message, /skipped.*limit/i);
    client.settings = {};
    client.notify('workspace/didChangeConfiguration', { settings: null });
    client.close(big);
  });

  it('clears diagnostics when a document closes', async () => {
    client.close(uri);
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.diagnostics.length === 0, 5_000, false);
    assert.equal(p.diagnostics.length, 0);
    writeFileSync(join(ws, 'done'), '');
  });
});
