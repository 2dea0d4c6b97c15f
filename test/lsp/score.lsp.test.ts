/**
 * LSP: `vigil/score` gives the workspace score (engine/score.ts, the formula of `vigil score`) over the findings the
 * server holds, and says whether they cover the workspace (after a complete Scan Workspace) or only open files.
 * Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { securityScore } from '../../server/src/engine/score';
import type { Finding } from '../../server/src/engine/types';
import { ScoreResult } from '../../server/src/shared/protocol';
import { LspClient } from './lsp-client';

// Fake Fly.io-format tokens; never real credentials.
const TOKEN_A = 'fo1_' + 'Lw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9P';
const TOKEN_B = 'fo1_' + 'Qa2Ws4Ed6Rf8Tg0Yh2Uj4Ik6Ol8Pz0Xs2Cd4Vf6Bg8N';

type Data = { pack: Finding['pack']; priority?: Finding['priority'] };

/** The score the formula gives for these diagnostics' findings, from their pack and priority. */
function expected(data: Data[]): number {
  return securityScore(data.map((d) => ({ pack: d.pack, priority: d.priority }) as Finding));
}

describe('vigil/score', () => {
  const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-score-'));
  let client: LspClient;
  before(async () => {
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'src', 'a.js'), `const flyToken = "${TOKEN_A}";\n`);
    writeFileSync(join(ws, 'src', 'b.js'), `const deployToken = "${TOKEN_B}";\n`);
    client = new LspClient();
    await client.initialize(ws);
    await client.waitForReady();
  });
  after(async () => {
    await client.shutdown();
  });

  it('scores the open files, then the workspace after a complete scan, then open files again once one is closed', async () => {
    const a = pathToFileURL(join(ws, 'src', 'a.js')).toString();
    const b = pathToFileURL(join(ws, 'src', 'b.js')).toString();
    client.open(a, 'javascript', `const flyToken = "${TOKEN_A}";\n`, 1);
    const pa = await client.waitForDiagnostics((p) => p.uri === a && p.diagnostics.length > 0);
    const first = ScoreResult.from(await client.request('vigil/score', null));
    assert.ok(first, 'a well-formed score');
    assert.equal(first.coverage, 'open-files');
    assert.equal(first.findings, 1);
    assert.equal(first.files, 1);
    const dataA = pa.diagnostics.map((d) => d.data as Data);
    assert.ok(dataA[0]?.priority, 'the finding is ranked');
    assert.equal(first.score, expected(dataA));
    assert.ok(first.score < 100);

    const summary = await client.request<{ cancelled: boolean }>('vigil/scanWorkspace', {}, 120_000);
    assert.equal(summary.cancelled, false);
    const pb = await client.waitForDiagnostics((p) => p.uri === b && p.diagnostics.length > 0);
    const whole = ScoreResult.from(await client.request('vigil/score', null));
    assert.ok(whole);
    assert.equal(whole.coverage, 'workspace');
    assert.equal(whole.findings, 2);
    assert.equal(whole.files, 2);
    assert.equal(whole.score, expected([...dataA, ...pb.diagnostics.map((d) => d.data as Data)]));
    assert.ok(whole.score < first.score, 'a second open finding lowers the score');

    // Closing a scanned file drops its findings from the editor: the score no longer covers the whole workspace.
    client.close(a);
    await client.waitForDiagnostics((p) => p.uri === a && p.diagnostics.length === 0, 20_000, false);
    const after = ScoreResult.from(await client.request('vigil/score', null));
    assert.ok(after);
    assert.equal(after.coverage, 'open-files');
    assert.equal(after.findings, 1);
  });
});
