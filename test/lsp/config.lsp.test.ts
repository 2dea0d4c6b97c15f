/**
 * LSP tests for `.vigil.yml`: live reload from the open config document, errors shown on the file with the last good
 * config kept, and Restricted Mode (untrusted workspace) ignoring the workspace's config.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspClient, type Diagnostic } from './lsp-client';

const APP = [
  "const express = require('express');",
  'const app = express();',
  "app.get('/u', async (req, res) => {",
  '  const rows = await db.query("SELECT * FROM users WHERE id = " + req.query.id);',
  '  res.json(rows);',
  '});',
  '',
].join('\n');
const isSqli = (d: Diagnostic) => /^js\..*sqli/.test(String(d.code));

function workspace(config: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'vigil-cfg-'));
  writeFileSync(join(ws, '.vigil.yml'), config);
  writeFileSync(join(ws, 'app.js'), APP);
  return ws;
}

describe('.vigil.yml in the language server', () => {
  it('applies the config, reloads it live while edited, and keeps the last good one on errors', async () => {
    const ws = workspace('version: 1\npacks:\n  taint: false\n');
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const app = pathToFileURL(join(ws, 'app.js')).toString();
      const cfg = pathToFileURL(join(ws, '.vigil.yml')).toString();
      client.open(app, 'javascript', APP, 1);
      const p1 = await client.waitForDiagnostics((x) => x.uri === app && x.version === 1);
      assert.equal(p1.diagnostics.filter(isSqli).length, 0, 'taint switched off by .vigil.yml');

      // Edit the open config (unsaved): taint back on.
      client.open(cfg, 'yaml', 'version: 1\npacks:\n  taint: false\n', 1);
      client.change(cfg, 2, [{ text: 'version: 1\npacks:\n  taint: true\n' }]);
      const p2 = await client.waitForDiagnostics((x) => x.uri === app && x.diagnostics.some(isSqli));
      assert.ok(p2.diagnostics.some(isSqli), 'live reload turned taint on');

      // A broken config: error on the file, last good config (taint on) stays in force.
      client.change(cfg, 3, [{ text: 'version: 1\npacks:\n  taint: maybe\nunknownKey: 1\n' }]);
      const bad = await client.waitForDiagnostics((x) => x.uri === cfg && x.version === 3 && x.diagnostics.some((d) => d.code === 'vigil.config'));
      const errors = bad.diagnostics.filter((d) => d.code === 'vigil.config');
      assert.ok(errors.length >= 1);
      assert.ok(errors.every((d) => d.message.length > 0 && d.source === 'vigil'));
      assert.ok(errors.some((d) => d.range.start.line === 2 || d.range.start.line === 3), JSON.stringify(errors.map((e) => e.range)));
      client.change(app, 2, [{ text: APP + '\n' }]);
      const p3 = await client.waitForDiagnostics((x) => x.uri === app && x.version === 2);
      assert.ok(p3.diagnostics.some(isSqli), 'the last good config (taint on) is still in force');
    } finally {
      await client.shutdown();
    }
  });

  it('hides baselined findings in the editor as the CLI does, and shows new ones', async () => {
    const ws = workspace('version: 1\n');
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'baseline', '--root', ws, '-q'], { cwd: ws });
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const app = pathToFileURL(join(ws, 'app.js')).toString();
      client.open(app, 'javascript', APP, 1);
      const p1 = await client.waitForDiagnostics((x) => x.uri === app && x.version === 1);
      assert.equal(p1.diagnostics.filter(isSqli).length, 0, 'the baselined finding is hidden');
      const added = APP.replace('  res.json(rows);', '  res.json(rows);\n  await db.query("DELETE FROM t WHERE id = " + req.query.other);');
      client.change(app, 2, [{ text: added }]);
      const p2 = await client.waitForDiagnostics((x) => x.uri === app && x.version === 2);
      assert.equal(p2.diagnostics.filter(isSqli).length, 1, 'a new finding is not in the baseline');
      assert.equal(p2.diagnostics.find(isSqli)!.range.start.line, 5);
    } finally {
      await client.shutdown();
    }
  });

  it('ignores the workspace config in Restricted Mode and says why on the file', async () => {
    const ws = workspace('version: 1\npacks:\n  taint: false\n');
    const client = new LspClient();
    try {
      await client.initialize(ws, { trusted: false });
      const app = pathToFileURL(join(ws, 'app.js')).toString();
      const cfg = pathToFileURL(join(ws, '.vigil.yml')).toString();
      client.open(app, 'javascript', APP, 1);
      const p = await client.waitForDiagnostics((x) => x.uri === app && x.version === 1);
      assert.ok(p.diagnostics.some(isSqli), 'built-in rules run; the untrusted config did not switch taint off');
      const note = await client.waitForDiagnostics((x) => x.uri === cfg && x.diagnostics.some((d) => d.code === 'vigil.restricted'));
      assert.match(note.diagnostics[0]!.message, /Restricted Mode/);
      const status = client.notifications.filter((n) => n.method === 'vigil/status').map((n) => n.params as { state: string });
      assert.ok(status.some((s) => s.state === 'restricted'));
    } finally {
      await client.shutdown();
    }
  });
});
