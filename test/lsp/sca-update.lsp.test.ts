/**
 * "Vigil: Update Advisory Database" in the language server: the `vigil/updateAdvisories` request runs the same
 * update code as `vigil db update` (served here from 127.0.0.1), reports work-done progress, can be cancelled,
 * and refuses a source that is not an http(s) URL without connecting anywhere.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Methods, type UpdateAdvisoriesResult } from '../../server/src/shared/protocol';
import { makeZip, recordsOf } from '../unit/sca-helpers';
import { LspClient, SERVER_JS } from './lsp-client';

describe('Update Advisory Database in the language server', () => {
  let server: Server;
  let base: string;
  const stalled: { destroy(): void }[] = [];
  before(async () => {
    const archives: Record<string, Buffer> = { '/npm/all.zip': makeZip(recordsOf('npm')), '/PyPI/all.zip': makeZip(recordsOf('PyPI')) };
    server = createServer((req, res) => {
      if (req.url?.startsWith('/stall/')) {
        // Sends headers and a little, then nothing: only a cancel ends this download.
        res.writeHead(200, { 'content-length': '100000' });
        res.write(Buffer.alloc(10));
        stalled.push(res.socket!);
        return;
      }
      const body = archives[req.url ?? ''];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': String(body.length) }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    for (const s of stalled) s.destroy();
    server.close();
  });

  it('updates from the source with progress; a failed or cancelled update leaves the database; a bad source is refused', async () => {
    const dbDir = join(mkdtempSync(join(tmpdir(), 'vigil-upd-lsp-')), 'db');
    const ws = mkdtempSync(join(tmpdir(), 'vigil-upd-ws-'));
    const client = new LspClient(SERVER_JS, [], { ...process.env, VIGIL_DB_DIR: dbDir });
    try {
      await client.initialize(ws);
      const ok = await client.request<UpdateAdvisoriesResult>(Methods.updateAdvisories, { source: base, workDoneToken: 'upd-1' }, 60_000);
      assert.equal(ok.ok, true, ok.message);
      assert.match(ok.message, /npm 3, PyPI 1/);
      const progress = client.notifications.filter((n) => n.method === '$/progress' && (n.params as { token: string }).token === 'upd-1');
      assert.ok(progress.some((n) => /Downloading http:\/\/127\.0\.0\.1:\d+\/npm\/all\.zip/.test(JSON.stringify(n.params))), JSON.stringify(progress));
      const current = readFileSync(join(dbDir, 'CURRENT'), 'utf8');

      const missing = await client.request<UpdateAdvisoriesResult>(Methods.updateAdvisories, { source: `${base}/nothing` }, 60_000);
      assert.equal(missing.ok, false);
      assert.match(missing.message, /HTTP 404; the database was not changed/);

      const id = client.nextRequestId;
      const pending = client.request<UpdateAdvisoriesResult>(Methods.updateAdvisories, { source: `${base}/stall` }, 60_000);
      while (stalled.length === 0) await new Promise((r) => setTimeout(r, 20));
      client.notify('$/cancelRequest', { id });
      const cancelled = await pending.catch((e: Error) => ({ ok: false, message: e.message }));
      assert.equal(cancelled.ok, false);
      assert.match(cancelled.message, /cancel/i);

      for (const bad of ['file:///etc/passwd', '/tmp/records', 'ftp://example.invalid/x.zip']) {
        const r = await client.request<UpdateAdvisoriesResult>(Methods.updateAdvisories, { source: bad });
        assert.equal(r.ok, false, bad);
        assert.match(r.message, /not an http\(s\) URL/);
      }
      assert.equal(readFileSync(join(dbDir, 'CURRENT'), 'utf8'), current);
      assert.ok(existsSync(join(dbDir, current)));
    } finally {
      await client.shutdown();
    }
  });
});
