/** `vigil scan` says which secrets are already in git history (and pushed), and names each rotate link once. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from './cli-scan';

// Fake Fly.io tokens in the documented shape (the rule has a `rotate:` link); never real credentials.
const FLY_PUSHED = 'fo1_' + 'Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9E';
const FLY_LOCAL = 'fo1_' + 'Zx2Cv4Bn6Mm8Ll0Kk2Jj4Hh6Gg8Ff0Dd2Ss4Aa6Pp8O';
const FLY_NEW = 'fo1_' + 'Tt1Yy3Uu5Ii7Oo9Pp1Aa3Ss5Dd7Ff9Gg1Hh3Jj5Kk7L';
const ROTATE = 'https://fly.io/docs/flyctl/tokens-revoke/';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** deploy.js pushed to a bare origin, fly.py committed only, new.js never committed. */
function project(): string {
  const base = mkdtempSync(join(tmpdir(), 'vigil-exposure-cli-'));
  const dir = join(base, 'work');
  mkdirSync(dir);
  git(base, 'init', '-q', '--bare', join(base, 'origin.git'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'user.name', 'Vigil Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, 'deploy.js'), `const flyToken = "${FLY_PUSHED}";\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'deploy');
  git(dir, 'remote', 'add', 'origin', join(base, 'origin.git'));
  git(dir, 'push', '-q', 'origin', 'main');
  writeFileSync(join(dir, 'fly.py'), `FLY_TOKEN = "${FLY_LOCAL}"\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fly');
  writeFileSync(join(dir, 'new.js'), `const flyToken = "${FLY_NEW}";\n`);
  return dir;
}

describe('vigil scan: secrets in git history', () => {
  it('text output says committed/pushed per finding, and the rotate link once per rule', async () => {
    const dir = project();
    const pushedIn = git(dir, 'rev-parse', '--short=7', 'HEAD~1').trim();
    const committedIn = git(dir, 'rev-parse', '--short=7', 'HEAD').trim();
    const r = await scan(dir, '--no-color');
    assert.equal(r.code, 1, r.err);
    for (const s of [FLY_PUSHED, FLY_LOCAL, FLY_NEW]) assert.ok(!r.out.includes(s) && !r.err.includes(s), 'never the value');
    // A file's findings, their wrapped lines joined back.
    const line = (file: string) => r.out.split('\n\n').find((b) => b.startsWith(`${file}\n`))?.replace(/\n +/g, ' ') ?? '';
    assert.match(line('deploy.js'), new RegExp(`committed in ${pushedIn} on \\d{4}-\\d{2}-\\d{2}, pushed to origin/main: rotate it; removing it from the file is not enough`));
    assert.match(line('fly.py'), new RegExp(`committed in ${committedIn} on \\d{4}-\\d{2}-\\d{2} \\(not pushed yet\\)`));
    assert.doesNotMatch(line('new.js'), /committed in/);
    assert.equal(r.out.split(ROTATE).length - 1, 1, 'the rotate link is printed once for the three findings');
    assert.match(r.out.replace(/\n {4}/g, ' '), new RegExp(`\n  secrets\\.flyio\\.access-token .*${ROTATE.replace(/[.]/g, '\\.')}`), 'in the advice given once per rule');
  });

  it('SARIF and JSON carry properties.exposure; --no-history leaves it out', async () => {
    const dir = project();
    const sarif = JSON.parse((await scan(dir, '-f', 'sarif')).out);
    const results = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { exposure?: Record<string, unknown> } }[];
    const by = (uri: string) => results.find((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === uri)!.properties.exposure;
    assert.deepEqual({ ...by('deploy.js'), commit: undefined, date: undefined }, { committed: true, pushed: true, remoteRef: 'origin/main', commit: undefined, date: undefined });
    assert.equal(by('deploy.js')!.commit, git(dir, 'rev-parse', 'HEAD~1').trim());
    assert.deepEqual({ ...by('fly.py'), commit: undefined, date: undefined }, { committed: true, pushed: false, commit: undefined, date: undefined });
    assert.equal(by('new.js'), undefined);
    assert.deepEqual(sarif.runs[0].properties.history, { committed: 2 });
    const json = JSON.parse((await scan(dir, '-f', 'json')).out);
    assert.equal(json.history.committed, 2);
    const off = JSON.parse((await scan(dir, '-f', 'json', '--no-history')).out);
    assert.equal(off.history, undefined);
    assert.ok(off.findings.every((f: { properties: Record<string, unknown> }) => f.properties.exposure === undefined));
  });
});
