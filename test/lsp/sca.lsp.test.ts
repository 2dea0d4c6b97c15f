/**
 * The dependencies pack in the language server: without a database a manifest shows one notice saying how to get
 * one; after `vigil db import` (same VIGIL_DB_DIR), the next edit shows the advisory with an upgrade quick fix.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { importAdvisories } from '../../server/src/engine/sca';
import { LspClient, SERVER_JS } from './lsp-client';

const RECORDS = join(__dirname, '..', 'fixtures', 'osv', 'records');

describe('dependencies pack in the language server', () => {
  it('notice without a database, then findings and a fix once one is imported', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-sca-lsp-'));
    const dbDir = join(mkdtempSync(join(tmpdir(), 'vigil-sca-lspdb-')), 'db');
    const text = 'fake-requests==2.25.0\n';
    writeFileSync(join(ws, 'requirements.txt'), text);
    const client = new LspClient(SERVER_JS, [], { ...process.env, VIGIL_DB_DIR: dbDir });
    try {
      await client.initialize(ws);
      const uri = pathToFileURL(join(ws, 'requirements.txt')).toString();
      client.open(uri, 'pip-requirements', text, 1);
      const p1 = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 1);
      assert.deepEqual(p1.diagnostics.map((d) => d.code), ['vigil.notice.no-database']);
      assert.match(p1.diagnostics[0]!.message, /vigil db update/);

      importAdvisories(dbDir, [RECORDS]);
      client.change(uri, 2, [{ text: `${text}\n` }]);
      const p2 = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 2);
      const found = p2.diagnostics.filter((d) => d.code === 'deps.pypi.vulnerable-dependency');
      assert.equal(found.length, 1, JSON.stringify(p2.diagnostics));
      assert.match(found[0]!.message, /VIGIL-TEST-000[34].*upgrade fake-requests 2\.25\.0 -> 2\.31\.0/);
      const actions = await client.request<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: found[0]!.range,
        context: { diagnostics: found, only: ['quickfix'] },
      });
      const upgrade = actions.find((a) => /Upgrade fake-requests to 2\.31\.0/.test(a.title));
      assert.ok(upgrade, JSON.stringify(actions.map((a) => a.title)));
    } finally {
      await client.shutdown();
    }
  });
});
