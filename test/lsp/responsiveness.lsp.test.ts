/**
 * The server never makes one document's requests wait behind another document's long analysis: while a large
 * file is analysed, a small file opened after it gets its diagnostics, and a code action on it its answer,
 * first. Asserted on the order messages arrive in, not on times. Run `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { LspClient, type PublishDiagnosticsParams } from './lsp-client';

const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-busy-'));
const uriOf = (name: string) => pathToFileURL(join(ws, name)).toString();

const SMALL = [
  "const express = require('express');",
  'const app = express();',
  "app.get('/user', (req, res) => {",
  '  db.query("SELECT * FROM users WHERE id = " + req.query.id);',
  '});',
  '',
].join('\n');

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize(ws);
  await client.waitForReady();
});
after(async () => {
  await client.shutdown();
});

describe('a long analysis does not hold up other documents', () => {
  it('a small file opened while a 30,000-line file is analysed gets its diagnostics and code action first, and a workspace scan its answer', async () => {
    const big = uriOf('big.js');
    const small = uriOf('small.js');
    const generated = generateFile('javascript', 30_000, 11);
    client.open(big, 'javascript', generated.text, 1);
    // An edit in the middle of the big file, as typing would send it.
    const at = generated.blockStarts[Math.floor(generated.blockStarts.length / 2)]!;
    client.change(big, 2, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'const typed = 1;\n' }]);
    client.open(small, 'javascript', SMALL, 1);
    const actionId = client.nextRequestId;
    const actions = await client.request<{ title: string }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: small }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 60 } }, context: { diagnostics: [] } },
      600_000,
    );
    const smallDiags = await client.waitForDiagnostics((p) => p.uri === small && p.version === 1, 600_000);
    // The workspace folder holds no file on disk (the documents are only open), so the scan itself is empty.
    const scanId = client.nextRequestId;
    const scan = await client.request<{ cancelled: boolean; filesScanned: number }>('vigil/scanWorkspace', {}, 600_000);
    assert.deepEqual([scan.cancelled, scan.filesScanned], [false, 0]);
    assert.ok(smallDiags.diagnostics.some((d) => /sqli/.test(String(d.code))), 'the small file has its finding');
    assert.ok(actions.some((a) => /parameter/i.test(a.title)), `the code action is the fix for the current text: ${actions.map((a) => a.title).join(' | ')}`);
    // Liveness: the big file's analysis of its latest text still finishes (generous guard, not a speed check).
    const bigDiags = await client.waitForDiagnostics((p) => p.uri === big && p.version === 2, 600_000);
    assert.ok(bigDiags.diagnostics.length > 0);

    // The big file's fast packs (secrets) publish at once, unversioned, before its taint analysis: "big" is the
    // complete, versioned result, which is what must not come first.
    const publishKind = (p: PublishDiagnosticsParams) => (p.uri === big ? (p.version === undefined ? 'big-partial' : 'big') : 'small');
    const order = client.arrivals.map((m) => ('responseTo' in m ? (m.responseTo === actionId ? 'action' : m.responseTo === scanId ? 'scan' : 'other') : m.method === 'textDocument/publishDiagnostics' ? publishKind(m.params as PublishDiagnosticsParams) : 'other'));
    const firstBig = order.indexOf('big');
    assert.ok(order.indexOf('small') >= 0 && order.indexOf('small') < firstBig, `small diagnostics before any big ones: ${order.filter((x) => x !== 'other').join(', ')}`);
    assert.ok(order.indexOf('action') < firstBig, `code action answered before big diagnostics: ${order.filter((x) => x !== 'other').join(', ')}`);
    assert.ok(order.indexOf('scan') >= 0 && order.indexOf('scan') < firstBig, `workspace scan answered before big diagnostics: ${order.filter((x) => x !== 'other').join(', ')}`);
    // The superseded first version of the big file was never published: its run was abandoned for the newer text.
    const bigVersions = client.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === big)
      .map((n) => (n.params as PublishDiagnosticsParams).version)
      .filter((v) => v !== undefined);
    assert.deepEqual(bigVersions, [2]);
  });
});
