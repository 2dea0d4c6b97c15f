/**
 * The workspace scan through the real language server (from source, over stdio) with the built-in packs:
 * progress, streamed diagnostics, skip reasons, baseline shared with the CLI, and the diff-aware mode.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { LspClient } from '../lsp/lsp-client';
import { git, gitInit, project } from './cli-helpers';

const REPO = join(__dirname, '..', '..');
const SERVER_TS = join(REPO, 'server', 'src', 'lsp', 'server.ts');

interface Summary {
  filesScanned: number;
  filesSkipped: number;
  filesFailed: string[];
  findings: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  byPack: Record<string, number>;
  skipped: { path: string; message: string }[];
  baselined: number;
  durationMs: number;
  cancelled: boolean;
}

describe('workspace scan over LSP', () => {
  let dir: string;
  let client: LspClient;
  const uri = (rel: string) => pathToFileURL(join(dir, rel)).toString();

  before(async () => {
    dir = project('lsp-scan');
    writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    mkdirSync(join(dir, 'ignored'));
    writeFileSync(join(dir, 'ignored', 'old.js'), "const t = 'ghp_FAKEfake9999888877776666555544443333';\n");
    gitInit(dir);
    client = new LspClient(SERVER_TS, ['--import', 'tsx']);
    await client.initialize(dir);
    await client.waitForReady();
  });

  after(async () => {
    await client.shutdown();
  });

  it('scans every file with progress, publishes findings per file and explains skips', async () => {
    const summary = await client.request<Summary>('vigil/scanWorkspace', { workDoneToken: 'scan-1' }, 120_000);
    assert.equal(summary.cancelled, false);
    assert.deepEqual(summary.filesFailed, []);
    assert.equal(summary.filesScanned, 4, JSON.stringify(summary)); // .gitignore, health.js, run.js, tokens.js
    assert.equal(summary.filesSkipped, 1);
    assert.match(summary.skipped[0]!.message, /binary/);
    assert.equal(summary.byRule['js.cmdi.child-process'], 1);
    assert.equal(summary.byRule['secrets.github.classic-pat'], 1);
    assert.deepEqual(summary.byPack, { taint: 1, secrets: 1 });
    assert.equal(summary.bySeverity.critical, 2);

    const run = await client.waitForDiagnostics((p) => p.uri === uri('server/run.js'));
    assert.equal(run.diagnostics[0]!.code, 'js.cmdi.child-process');
    assert.equal(run.diagnostics[0]!.relatedInformation?.length, 2, 'the taint trace travels with the diagnostic');
    const tokens = await client.waitForDiagnostics((p) => p.uri === uri('config/tokens.js'));
    assert.ok(!tokens.diagnostics[0]!.message.includes('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'), 'masked');
    assert.equal(client.diagnostics.get(uri('ignored/old.js')), undefined, '.gitignore is honoured');

    const progress = client.notifications
      .filter((n) => n.method === '$/progress' && (n.params as { token: unknown }).token === 'scan-1')
      .map((n) => (n.params as { value: { kind: string; message?: string; cancellable?: boolean } }).value);
    assert.equal(progress[0]!.kind, 'begin');
    assert.equal(progress[0]!.cancellable, true);
    assert.equal(progress.at(-1)!.kind, 'end');
    assert.ok(progress.some((p) => p.kind === 'report' && p.message === '5/5 files'), JSON.stringify(progress));
  });

  it('stops promptly when the client cancels the request', async () => {
    // Enough files that the scan is still running when the cancel arrives (cancelled after its progress began, not
    // after a fixed delay: a fast machine finished five files first, a loaded one had not started the request).
    const bulk = join(dir, 'bulk');
    mkdirSync(bulk);
    const body = Array.from({ length: 80 }, (_, i) => `export function f${i}(a, b) {\n  return a * ${i} + b;\n}\n`).join('');
    for (let i = 0; i < 300; i++) writeFileSync(join(bulk, `m${i}.js`), body);
    try {
      const id = client.nextRequestId;
      const progress = (kind: string) => client.notifications.some((n) => n.method === '$/progress' && (n.params as { token: string }).token === 'scan-cancel' && (n.params as { value: { kind: string } }).value.kind === kind);
      const pending = client.request<Summary>('vigil/scanWorkspace', { workDoneToken: 'scan-cancel' }, 60_000);
      while (!progress('begin')) await new Promise((r) => setTimeout(r, 5));
      client.notify('$/cancelRequest', { id });
      const summary = await pending.catch((e: Error) => ({ cancelled: true, error: e.message }) as unknown as Summary);
      assert.equal(summary.cancelled, true, JSON.stringify(summary));
      assert.ok(summary.filesScanned === undefined || summary.filesScanned < 305, JSON.stringify(summary));
      assert.ok(progress('end'), 'the progress is ended');
      const ends = client.notifications.filter((n) => n.method === '$/progress' && (n.params as { token: string; value: { kind: string } }).token === 'scan-cancel' && (n.params as { value: { kind: string } }).value.kind === 'end');
      assert.equal(ends.length, 1, 'the progress is ended once');
    } finally {
      rmSync(bulk, { recursive: true, force: true });
    }
  });

  it('hides findings baselined by the CLI and clears their diagnostics', async () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir, env: {} };
    assert.equal(await runCli(['baseline', '--root', dir, '-j', '1'], io), 0);
    const summary = await client.request<Summary>('vigil/scanWorkspace', {}, 120_000);
    assert.equal(summary.findings, 0);
    assert.equal(summary.baselined, 2);
    const cleared = await client.waitForDiagnostics((p) => p.uri === uri('server/run.js') && p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('Scan Changed Files scans only what changed against the chosen ref', async () => {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'baseline');
    writeFileSync(join(dir, 'server', 'health.js'), "module.exports = (req, res) => res.send(eval(req.query.expr));\n");
    const summary = await client.request<Summary>('vigil/scanWorkspace', { changedSince: 'HEAD' }, 120_000);
    assert.equal(summary.filesScanned, 1);
    assert.equal(summary.findings, 1, JSON.stringify(summary.byRule));
    await client.waitForDiagnostics((p) => p.uri === uri('server/health.js') && p.diagnostics.length === 1);
  });
});
