/** The editor dashboard's history (`recentActivity` in cli/reports.ts): trend, fixes this week, streak, bound, cache. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openTreeScanner, recentActivity } from '../../server/src/cli/reports';
import type { TreeScanner } from '../../server/src/cli/history';
import { defaultVigilConfig } from '../../server/src/engine/config/vigil-config';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

// A fake Fly.io-format token; never a real credential.
const TOKEN = 'fo1_' + 'Lw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9P';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function commit(dir: string, who: string, files: Record<string, string | null>): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '-A');
  git(dir, '-c', `user.name=${who}`, '-c', `user.email=${who}@example.invalid`, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', who);
  return git(dir, 'rev-parse', 'HEAD');
}

describe('dashboard activity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-activity-'));
  const shas: string[] = [];
  let scanner: TreeScanner;
  before(async () => {
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'src'));
    shas.push(commit(dir, 'alice', { 'src/app.js': 'module.exports = 1;\n' }));
    shas.push(commit(dir, 'alice', { 'src/deploy.js': `const flyToken = "${TOKEN}";\n` }));
    shas.push(commit(dir, 'bob', { 'src/deploy.js': null }));
    shas.push(commit(dir, 'alice', { 'src/app.js': 'module.exports = 2;\n' }));
    scanner = await openTreeScanner({ top: dir, root: dir, config: defaultVigilConfig(), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {} });
  });
  after(() => scanner.dispose());

  it('counts fixes of the last 7 days and the streak up to the commit that brought a critical finding', () => {
    const r = recentActivity(scanner, dir, { commits: 30, email: 'Alice@example.invalid', now: new Date() });
    assert.deepEqual(r.history.map((p) => p.commit), shas);
    assert.equal(r.history[0]!.score, 100);
    assert.ok(r.history[1]!.score < 100);
    assert.deepEqual(r.fixesThisWeek, { mine: 0, all: 1 });
    assert.equal(r.streak, 1);
    assert.equal(r.commitsLooked, 4);
    // A week later nothing counts as this week's.
    const later = recentActivity(scanner, dir, { commits: 30, email: 'alice@example.invalid', now: new Date(Date.now() + 8 * 24 * 3600 * 1000) });
    assert.deepEqual(later.fixesThisWeek, { mine: 0, all: 0 });
  });

  it('is bounded to the last commits and takes known commits from the cache of the same rules version only', () => {
    const r = recentActivity(scanner, dir, { commits: 2, email: 'alice@example.invalid', now: new Date() });
    assert.deepEqual(r.history.map((p) => p.commit), shas.slice(2));
    const cache = { version: scanner.version, scores: { [shas[3]!]: 42, ['f'.repeat(40)]: 7 }, deltas: {} };
    const cached = recentActivity(scanner, dir, { commits: 2, now: new Date(), cache });
    assert.equal(cached.history[1]!.score, 42, 'a known commit is not scanned again');
    assert.deepEqual(Object.keys(cached.cache.scores).sort(), shas.slice(2).sort(), 'only the commits looked at are kept');
    const stale = recentActivity(scanner, dir, { commits: 2, now: new Date(), cache: { ...cache, version: 'other' } });
    assert.equal(stale.history[1]!.score, 100, 'another rules version is ignored');
  });
});
