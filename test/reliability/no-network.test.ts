/**
 * The product opens no network connection. The CLI (with worker threads) and the language server run in child
 * processes under a preload that records and refuses every network API (see no-network-preload.cjs), while
 * they scan a workspace full of secrets and taint flows. The test asserts the trap was installed in every
 * process and thread that ran, and that nothing was attempted. Needs `npm run build` (npm test does it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient, SERVER_JS } from '../lsp/lsp-client';
import { LANGUAGES } from './corpus';

const PRELOAD = join(__dirname, 'no-network-preload.cjs');
const CLI_JS = join(__dirname, '..', '..', 'dist', 'cli.js');

interface NetLogEntry {
  pid: number;
  threadId: number;
  loaded?: boolean;
  attempt?: string;
  target?: string;
  stack?: string;
}

function readLog(file: string): NetLogEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NetLogEntry);
}

let ws: string;
before(() => {
  ws = mkdtempSync(join(tmpdir(), 'vigil-nonet-'));
  for (const lang of LANGUAGES) writeFileSync(join(ws, lang.file), lang.seed);
});
after(() => rmSync(ws, { recursive: true, force: true }));

describe('no network access', () => {
  it('the trap itself works: a plain https.get, fetch and DNS lookup are recorded and refused', () => {
    const log = join(ws, 'trap.log');
    const r = spawnSync(
      process.execPath,
      ['--require', PRELOAD, '-e', "for (const f of [() => require('https').get('https://example.com'), () => require('dns').lookup('example.com', () => {}), () => require('net').connect(443, 'example.com')]) { try { f() } catch {} } fetch('http://example.com').catch(() => {})"],
      { env: { ...process.env, VIGIL_NET_LOG: log }, encoding: 'utf8', timeout: 20_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    const attempts = readLog(log).filter((e) => e.attempt);
    assert.deepEqual(attempts.map((a) => a.attempt).sort(), ['dns.lookup', 'fetch', 'net.Socket.connect', 'node:https.get']);
  });

  it('the CLI scan (text, json, sarif; two worker threads) attempts no connection', (t) => {
    if (!existsSync(CLI_JS)) return t.skip('dist/cli.js not built');
    const log = join(ws, 'cli.log');
    for (const format of ['text', 'json', 'sarif']) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI_JS, 'scan', ws, '--root', ws, '--format', format, '--jobs', '2', '--quiet', '--fail-on', 'none'], {
        env: { ...process.env, VIGIL_NET_LOG: log, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 120_000,
        // SARIF for every fixture is several MB; the 1 MB default would kill the child.
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(r.status, 0, `${format}: exit ${r.status}\n${r.stderr}`);
      assert.ok(r.stdout.length > 0, `${format}: no output`);
    }
    const entries = readLog(log);
    assert.deepEqual(entries.filter((e) => e.attempt), [], 'network attempts');
    // The trap was active in the CLI's main thread and in its worker threads.
    assert.ok(entries.some((e) => e.loaded && e.threadId === 0), 'preload ran in the main thread');
    assert.ok(entries.some((e) => e.loaded && e.threadId !== 0), 'preload ran in a worker thread');
  });

  it('the language server, opening and editing files with secrets and taint flows, attempts no connection', async (t) => {
    if (!existsSync(SERVER_JS)) return t.skip('dist/server.js not built');
    const log = join(ws, 'server.log');
    const client = new LspClient(SERVER_JS, ['--require', PRELOAD], { ...process.env, VIGIL_NET_LOG: log });
    try {
      await client.initialize(ws);
      let version = 1;
      for (const lang of LANGUAGES) {
        const uri = pathToFileURL(join(ws, lang.file)).toString();
        client.open(uri, lang.languageId, lang.seed, version);
        await client.waitForDiagnostics((p) => p.uri === uri);
        client.change(uri, ++version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
        await client.waitForDiagnostics((p) => p.uri === uri && p.version === version, 20_000, false);
        await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
          context: { diagnostics: [] },
        });
      }
      // The workspace scan, where the server has it (it reads every file from disk through worker threads).
      await client.request('vigil/scanWorkspace', {}, 60_000).catch(() => undefined);
    } finally {
      await client.shutdown();
    }
    const entries = readLog(log);
    assert.deepEqual(entries.filter((e) => e.attempt), [], `network attempts; server stderr:\n${client.stderr}`);
    assert.ok(entries.some((e) => e.loaded && e.threadId === 0), 'preload ran in the server');
  });
});
