/**
 * LSP: `vigil/dashboard` gives the score's trend over the last commits, the findings fixed this week and the user's
 * streak (by `git config user.email`), computed off the request path from local history; in Restricted Mode it runs
 * no git and says so. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DashboardResult } from '../../server/src/shared/protocol';
import { LspClient } from './lsp-client';

// A fake Fly.io-format token; never a real credential.
const TOKEN = 'fo1_' + 'Lw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9P';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commit(ws: string, who: 'alice' | 'bob', message: string): void {
  const name = who === 'alice' ? 'Alice' : 'Bob';
  git(ws, '-c', `user.name=${name}`, '-c', `user.email=${who}@example.invalid`, 'add', '-A');
  git(ws, '-c', `user.name=${name}`, '-c', `user.email=${who}@example.invalid`, 'commit', '-q', '-m', message);
}

/** Alice: a clean file, then a critical secret; Bob removes it; Alice: a clean change. The user is Alice. */
function fixtureRepo(): string {
  const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-dashboard-'));
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'config', 'user.email', 'alice@example.invalid');
  git(ws, 'config', 'commit.gpgsign', 'false');
  mkdirSync(join(ws, 'src'));
  writeFileSync(join(ws, 'src', 'app.js'), 'export const answer = 42;\n');
  commit(ws, 'alice', 'app');
  writeFileSync(join(ws, 'src', 'deploy.js'), `const flyToken = "${TOKEN}";\n`);
  commit(ws, 'alice', 'deploy');
  rmSync(join(ws, 'src', 'deploy.js'));
  commit(ws, 'bob', 'remove the token');
  writeFileSync(join(ws, 'src', 'app.js'), 'export const answer = 43;\n');
  commit(ws, 'alice', 'tweak');
  return ws;
}

describe('vigil/dashboard', () => {
  const ws = fixtureRepo();
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize(ws);
    await client.waitForReady();
  });
  after(async () => {
    await client.shutdown();
  });

  it('gives the score at each commit, fixes this week and the streak of the workspace user', async () => {
    const raw = await client.request('vigil/dashboard', {}, 120_000);
    const d = DashboardResult.from(raw);
    assert.ok(d, `a well-formed answer: ${JSON.stringify(raw)}`);
    assert.equal(d.note, undefined);
    assert.equal(d.email, 'alice@example.invalid');
    assert.equal(d.commitsLooked, 4);
    const scores = d.history.map((p) => p.score);
    assert.equal(scores.length, 4, 'one point per commit, oldest first');
    assert.equal(scores[0], 100);
    assert.ok(scores[1]! < 100, 'the commit with the secret scores lower');
    assert.equal(scores[2], 100);
    assert.equal(scores[3], 100);
    assert.equal(d.history[3]!.commit, git(ws, 'rev-parse', 'HEAD').trim());
    // Bob's removal is this week's one fix; Alice's streak stops at her commit that brought a critical secret.
    assert.deepEqual(d.fixesThisWeek, { mine: 0, all: 1 });
    assert.equal(d.streak, 1);
    assert.equal(d.current.score, 100);
    assert.ok(!JSON.stringify(raw).includes(TOKEN));
  });

  it('answers again from its cache until HEAD moves, then takes the new commit in', async () => {
    const again = DashboardResult.from(await client.request('vigil/dashboard', {}, 120_000));
    assert.equal(again?.history.length, 4);
    writeFileSync(join(ws, 'src', 'app.js'), 'export const answer = 44;\n');
    commit(ws, 'alice', 'tweak again');
    const moved = DashboardResult.from(await client.request('vigil/dashboard', {}, 120_000));
    assert.equal(moved?.history.length, 5);
    assert.equal(moved?.streak, 2);
  });
});

describe('vigil/dashboard in Restricted Mode', () => {
  const ws = fixtureRepo();
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize(ws, { trusted: false });
  });
  after(async () => {
    await client.shutdown();
  });

  it('runs no git and says why there is no history', async () => {
    const d = DashboardResult.from(await client.request('vigil/dashboard', {}, 60_000));
    assert.ok(d);
    assert.deepEqual(d.history, []);
    assert.equal(d.fixesThisWeek, undefined);
    assert.equal(d.streak, undefined);
    assert.match(d.note ?? '', /Restricted Mode/);
  });
});
