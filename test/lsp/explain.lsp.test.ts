/**
 * Explaining findings over LSP (issue 14): hovers with severity, category, CWE, why and the trace; the
 * `vigil/ruleDetails` request; and where the rule link points for a client with and without a details page.
 * Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { LspClient, type Diagnostic } from './lsp-client';

const ws = mkdtempSync(join(tmpdir(), 'vigil-explain-'));
const uriOf = (name: string) => pathToFileURL(join(ws, name)).toString();

const APP = [
  "const express = require('express');",
  "const mysql = require('mysql2/promise');",
  'const app = express();',
  'const db = mysql.createPool({});',
  '',
  "app.get('/user', async (req, res) => {",
  '  const id = req.query.id;',
  '  const rows = await db.query("SELECT * FROM users WHERE id = " + id);',
  '  res.json(rows);',
  '});',
  '',
].join('\n');
// A fake token with a valid checksum (as in the unit tests).
const ENV = 'GITHUB_TOKEN=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\n';

const isSqli = (d: Diagnostic) => /^js\..*sqli/.test(String(d.code));
type Hover = { contents: { kind: string; value: string } } | null;

const clients: LspClient[] = [];
async function start(opts: { ruleDetailsCommand?: string } = {}): Promise<LspClient> {
  const c = new LspClient();
  clients.push(c);
  await c.initialize(ws, opts);
  return c;
}

after(async () => {
  for (const c of clients) await c.shutdown();
});

describe('explain over LSP', () => {
  it('hover on a taint finding: severity, category, CWE, OWASP, one line of why, the trace, and a details link; not the message again', async () => {
    const c = await start();
    const uri = uriOf('app.js');
    c.open(uri, 'javascript', APP);
    const pub = await c.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some(isSqli));
    const d = pub.diagnostics.find(isSqli)!;
    const hover = (await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
    assert.ok(hover, 'a hover on the finding');
    const md = hover.contents.value;
    assert.equal(hover.contents.kind, 'markdown');
    for (const part of ['**critical**', 'taint', 'CWE-89', 'OWASP A03:2021 – Injection', 'Trace: line 7', 'line 8', '[Show rule details](https://']) {
      assert.ok(md.includes(part), `missing ${JSON.stringify(part)} in:\n${md}`);
    }
    assert.match(md, /parsed as SQL/, 'one line of why, from the rule');
    assert.ok(!md.includes(d.message), 'the diagnostic message is not repeated in the hover');
    assert.equal(d.codeDescription?.href.startsWith('https://'), true, 'a client without a details page keeps the docs URL');
    const none = (await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })) as Hover;
    assert.equal(none, null, 'no hover away from findings');
  });

  it('hover on a secret in .env: severity and CWE, no trace', async () => {
    const c = await start();
    const uri = uriOf('.env');
    c.open(uri, 'dotenv', ENV);
    const pub = await c.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'secrets.github.classic-pat'));
    const d = pub.diagnostics.find((x) => x.code === 'secrets.github.classic-pat')!;
    assert.match(d.message, /git-ignored/, 'the .env advice');
    const hover = (await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
    const md = hover!.contents.value;
    assert.ok(md.includes('**critical**') && md.includes('CWE-798') && md.includes('secrets'), md);
    assert.ok(!md.includes('Trace:'), md);
  });

  it('vigil/ruleDetails returns the page; an unknown rule is null', async () => {
    const c = await start();
    const r = (await c.request('vigil/ruleDetails', { ruleId: 'py.deserialization.pickle', uri: uriOf('app.py') })) as { ruleId: string; name: string; markdown: string };
    assert.equal(r.ruleId, 'py.deserialization.pickle');
    for (const part of ['## What it finds', '## Why it matters', 'CWE-502', 'A08:2021', 'pickle.loads(request.data)', 'json.loads(request.data)', '## The fix Vigil offers', '## References']) {
      assert.ok(r.markdown.includes(part), `missing ${JSON.stringify(part)} in:\n${r.markdown}`);
    }
    assert.equal(await c.request('vigil/ruleDetails', { ruleId: 'no.such.rule' }), null);
  });

  it('a client with a details command: the diagnostic code and the hover link open it', async () => {
    const c = await start({ ruleDetailsCommand: 'vigil.showRuleDetails' });
    const uri = uriOf('app2.js');
    c.open(uri, 'javascript', APP);
    const pub = await c.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some(isSqli));
    const d = pub.diagnostics.find(isSqli)!;
    const want = `command:vigil.showRuleDetails?${encodeURIComponent(JSON.stringify([d.code]))}`;
    assert.equal(d.codeDescription?.href, want);
    const hover = (await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
    assert.ok(hover!.contents.value.includes(`[Show rule details](${want})`), hover!.contents.value);
  });
});
