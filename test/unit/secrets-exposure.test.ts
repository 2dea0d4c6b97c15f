/** "Is it already out?": secrets looked up in local git history (committed? pushed?) without exposing them. */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { exposureSentence, secretExposure, withExposure } from '../../server/src/engine/secrets/exposure';

// Fake tokens in the right shape; never real credentials.
const PUSHED = 'ghp_' + 'Zq8RmT2vXw4Yb6Nc1Pd3Lf5Hk7Js9Ga0Ue2Vx';
const LOCAL = 'sk_live_' + 'Fk3Lm9Qz7Rt2Wx5Yb8Nc1Vd4';
const NEVER = 'xoxb-' + '1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A repo with PUSHED committed and pushed to a bare "origin", then LOCAL committed on top but not pushed. */
let repos = 0;

function repo(): string {
  // Distinct content per repo, so blob ids (and the cache keyed by them) are not shared between tests.
  const salt = `// repo ${++repos}`;
  const base = mkdtempSync(join(tmpdir(), 'vigil-exposure-'));
  const dir = join(base, 'work');
  const remote = join(base, 'remote.git');
  git(base, 'init', '-q', '--bare', remote);
  git(base, 'init', '-q', '-b', 'main', dir);
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'user.name', 'Vigil Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, 'config.js'), `${salt}\nconst token = "${PUSHED}";\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'add config');
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'push', '-q', 'origin', 'main');
  writeFileSync(join(dir, 'pay.py'), `# ${salt}\nKEY = "${LOCAL}"\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'add payments');
  // The working tree no longer holds PUSHED: history still does.
  writeFileSync(join(dir, 'config.js'), 'const token = process.env.TOKEN;\n');
  git(dir, 'commit', '-q', '-am', 'remove token');
  return dir;
}

describe('secretExposure', () => {
  it('says committed and pushed, committed only, or nothing', async () => {
    const dir = repo();
    const first = git(dir, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const second = git(dir, 'rev-parse', 'HEAD~1').trim();
    const r = await secretExposure(dir, [PUSHED, LOCAL, NEVER]);
    assert.equal(r.error, undefined);
    assert.equal(r.limited, undefined);
    const pushed = r.bySecret.get(PUSHED);
    assert.ok(pushed, 'the pushed secret is found');
    assert.equal(pushed.commit, first);
    assert.equal(pushed.pushed, true);
    assert.equal(pushed.remoteRef, 'origin/main');
    assert.match(pushed.date, /^\d{4}-\d{2}-\d{2}$/);
    const local = r.bySecret.get(LOCAL);
    assert.ok(local, 'the committed secret is found');
    assert.equal(local.commit, second);
    assert.equal(local.pushed, false);
    assert.equal(local.remoteRef, undefined);
    assert.equal(r.bySecret.has(NEVER), false, 'a secret never committed says nothing');

    // After a push the same call (cached blobs) says pushed.
    git(dir, 'push', '-q', 'origin', 'main');
    const again = await secretExposure(dir, [LOCAL]);
    assert.equal(again.bySecret.get(LOCAL)?.pushed, true);
  });

  it('finds the same among many secrets (the one-pass search for many) as alone', async () => {
    const dir = repo();
    // Decoys share prefixes with the real ones (same 4-byte start, same first pair) and one overlaps a blob's end.
    const decoys = Array.from({ length: 30 }, (_, i) => `${PUSHED.slice(0, 4 + (i % 6))}decoy${i}${'x'.repeat(i)}`);
    // `${LOCAL}"\n!` runs past the end of pay.py's blob; `Yb6` is shorter than a prefix, searched directly.
    const r = await secretExposure(dir, [...decoys, LOCAL, NEVER, PUSHED, `${LOCAL}"\n!`, 'Yb6']);
    assert.deepEqual([...r.bySecret.keys()].sort(), [LOCAL, PUSHED, 'Yb6'].sort());
    assert.equal(r.bySecret.get(PUSHED)?.pushed, true);
    assert.equal(r.bySecret.get(LOCAL)?.pushed, false);
  });

  it('reports a cut by the commit limit', async () => {
    const dir = repo();
    const r = await secretExposure(dir, [PUSHED], { maxCommits: 1 });
    assert.match(r.limited ?? '', /newest 1 commits/);
    assert.equal(r.bySecret.has(PUSHED), false, 'the oldest commit was not walked');
  });

  it('outside a repository, reports an error without the secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-exposure-none-'));
    const r = await secretExposure(dir, [PUSHED]);
    assert.ok(r.error);
    assert.ok(!r.error.includes(PUSHED));
    assert.equal(r.bySecret.size, 0);
  });

  it('never passes a secret on a git command line, and neutralises repository config', async () => {
    const dir = repo();
    // A hostile config: a pager, fsmonitor and gpg program that would run a command, and forced colour.
    const marker = join(dir, '..', 'ran');
    const evil = join(dir, '..', 'evil.sh');
    writeFileSync(evil, `#!/bin/sh\necho ran >> "${marker}"\n`);
    chmodSync(evil, 0o755);
    git(dir, 'config', 'core.pager', evil);
    git(dir, 'config', 'core.fsmonitor', evil);
    git(dir, 'config', 'gpg.program', evil);
    git(dir, 'config', 'log.showSignature', 'true');
    git(dir, 'config', 'color.ui', 'always');
    git(dir, 'config', 'log.showRoot', 'false');
    // A `git` first on PATH that records its arguments, then runs the real one.
    const bin = mkdtempSync(join(tmpdir(), 'vigil-exposure-bin-'));
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const argLog = join(bin, 'args.log');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${argLog}"\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}${delimiter}${oldPath ?? ''}`;
    try {
      const r = await secretExposure(dir, [PUSHED, LOCAL, NEVER]);
      assert.equal(r.error, undefined);
      assert.equal(r.bySecret.get(PUSHED)?.pushed, true, 'root commit still searched despite log.showRoot=false');
      assert.equal(r.bySecret.get(LOCAL)?.pushed, false);
    } finally {
      process.env.PATH = oldPath;
    }
    const args = readFileSync(argLog, 'utf8');
    assert.match(args, /cat-file/, 'the wrapper saw the runs');
    for (const s of [PUSHED, LOCAL, NEVER]) assert.ok(!args.includes(s), 'no secret on a command line');
    assert.throws(() => readFileSync(marker), 'no repository-configured program ran');
  });
});

describe('exposure wording', () => {
  it('adds the sentence and properties without the value', () => {
    const x = { committed: true as const, commit: 'abc1234def5678', date: '2026-05-01', pushed: true, remoteRef: 'origin/main' };
    assert.equal(exposureSentence(x), 'It is committed in abc1234 on 2026-05-01, pushed to origin/main: rotate it; removing it from the file is not enough.');
    const f = withExposure({ message: 'Stripe key in the source: sk_l…', properties: { maskedSecret: 'sk_l…' } }, x);
    assert.match(f.message, /pushed to origin\/main/);
    assert.deepEqual((f.properties as Record<string, unknown>).exposure, x);
    const local = exposureSentence({ ...x, pushed: false, remoteRef: undefined });
    assert.match(local, /not pushed yet/);
  });
});
