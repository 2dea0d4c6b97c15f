/**
 * First-time-user papercuts of the CLI (issue 10): typos in flags and commands, scanning a path elsewhere on
 * disk, unwritable outputs, what a blocked commit says, and where install-hook and the baseline may write.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hookScript, runCli } from '../../server/src/cli/main';
import { cli, git, gitInit, project } from './cli-helpers';

describe('usage errors name the mistake and the fix', () => {
  it('an unknown flag gets Vigil\'s message with the closest valid flag, exit 2', async () => {
    const dir = project('clean');
    const cases: [string[], string][] = [
      [['scan', '--fromat', 'json'], 'unknown option --fromat; did you mean --format?'],
      [['scan', '--stagged'], 'unknown option --stagged; did you mean --staged?'],
      [['scan', '--chnaged-since', 'main'], 'unknown option --chnaged-since; did you mean --changed-since?'],
      [['baseline', '--no-colour'], 'unknown option --no-colour; did you mean --no-color?'],
      [['install-hook', '--froce'], 'unknown option --froce; did you mean --force?'],
      [['scan', '-x'], 'unknown option -x'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.ok(r.err.startsWith(`vigil: ${message}\n`), `${args.join(' ')}: ${r.err}`);
      assert.doesNotMatch(r.err, /Unknown option '|ERR_PARSE_ARGS|To specify a positional/, 'not Node\'s raw parseArgs text');
    }
    const far = await cli(dir, ['scan', '--zzzzzzzz']);
    assert.equal(far.code, 2);
    assert.doesNotMatch(far.err, /did you mean/, 'no suggestion when nothing is close');
  });

  it('an unknown command suggests the closest one', async () => {
    const dir = project('clean');
    for (const [typo, meant] of [['scna', 'scan'], ['baseline-', 'baseline'], ['install-hooks', 'install-hook'], ['instal-hook', 'install-hook']]) {
      const r = await cli(dir, [typo!]);
      assert.equal(r.code, 2);
      assert.ok(r.err.startsWith(`vigil: unknown command "${typo}"; did you mean ${meant}?\n`), r.err);
    }
    const flag = await cli(dir, ['--format', 'json']);
    assert.equal(flag.code, 2);
    assert.match(flag.err, /options go after a command, e\.g\. vigil scan --format/);
  });

  it('a missing or misplaced option value is named', async () => {
    const dir = project('clean');
    const cases: [string[], RegExp][] = [
      [['scan', '--format'], /^vigil: option --format needs a value \(text, json, sarif or markdown\)\n/],
      [['scan', '-o', '--quiet'], /^vigil: option -o needs a value/],
      [['scan', '--root'], /^vigil: option --root needs a value/],
      [['scan', '--quiet=yes'], /^vigil: option --quiet takes no value/],
      [['install-hook', 'somewhere'], /^vigil: install-hook takes no paths \(got "somewhere"\)/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
    }
  });
});

describe('scanning a path elsewhere on disk', () => {
  const paths = (out: string) => [...new Set((JSON.parse(out) as { findings: { path: string }[] }).findings.map((f) => f.path))].sort();

  it('a folder in another git repository is scanned with that repository as the root (its config, relative paths)', async () => {
    const here = project('clean');
    gitInit(here);
    const other = project('webapp');
    gitInit(other);
    const r = await cli(here, ['scan', '-j', '1', '-f', 'json', join(other, 'src')]);
    assert.equal(r.code, 1, r.err);
    const doc = JSON.parse(r.out) as { roots: string[] };
    assert.deepEqual(doc.roots.map((p) => realpathSync(p)), [realpathSync(other)]);
    assert.deepEqual(paths(r.out), ['src/app.js', 'src/config.js']);
    // The other repository's .vigil.yml applies: its vendor/ is excluded when scanning all of it.
    const all = await cli(here, ['scan', '-j', '1', '-f', 'json', other]);
    assert.equal(all.code, 1, all.err);
    assert.deepEqual(paths(all.out), ['keep.log', 'src/app.js', 'src/config.js'], 'vendor/ is excluded by the config');
  });

  it('outside any repository: the nearest folder with a .vigil.yml, else the folder itself', async () => {
    const here = project('clean');
    gitInit(here);
    const plain = project('webapp');
    const file = await cli(here, ['scan', '-j', '1', '-f', 'json', join(plain, 'src', 'app.js')]);
    assert.equal(file.code, 1, file.err);
    assert.deepEqual(paths(file.out), ['src/app.js'], 'relative to the folder holding .vigil.yml');
    const vendor = await cli(here, ['scan', '-j', '1', '-f', 'json', plain]);
    assert.ok(!paths(vendor.out).some((p) => p.startsWith('vendor/')), 'and its config applies');
    const bare = project('clean');
    const r = await cli(here, ['scan', '-j', '1', '-f', 'json', join(bare, 'src')]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual((JSON.parse(r.out) as { roots: string[] }).roots, [join(bare, 'src')]);
    assert.equal((JSON.parse(r.out) as { summary: { filesScanned: number } }).summary.filesScanned, 1);
  });

  it('paths in different workspaces: exit 2 naming both, with the way out', async () => {
    const here = project('clean');
    gitInit(here);
    const other = project('webapp');
    gitInit(other);
    const r = await cli(here, ['scan', join(here, 'src'), join(other, 'src')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /belong to different workspaces/);
    assert.ok(r.err.includes(here) && r.err.includes(other), r.err);
    assert.match(r.err, /scan them one run at a time, or pass --root/);
  });
});

describe('errors are one line, never a stack trace', () => {
  const noStack = (err: string) => assert.doesNotMatch(err, /^\s+at /m, `no stack frames: ${err}`);

  it('-o naming a folder, or a path through a file: one line naming the output, exit 2', async () => {
    const dir = project('webapp');
    mkdirSync(join(dir, 'reports'));
    const folder = await cli(dir, ['scan', '-j', '1', '-o', join(dir, 'reports')]);
    assert.equal(folder.code, 2);
    assert.equal(folder.err, `vigil: cannot write the report to ${join(dir, 'reports')}: it is a folder\n`);
    const throughFile = await cli(dir, ['scan', '-j', '1', '-o', join(dir, 'keep.log', 'report.json')]);
    assert.equal(throughFile.code, 2);
    assert.equal(throughFile.err, `vigil: cannot write the report to ${join(dir, 'keep.log', 'report.json')}: ${join(dir, 'keep.log')} is a file, not a folder\n`);
    const baseline = await cli(dir, ['baseline', '-j', '1', '-o', join(dir, 'reports')]);
    assert.equal(baseline.code, 2);
    assert.equal(baseline.err, `vigil: cannot write the baseline to ${join(dir, 'reports')}: it is a folder\n`);
  });

  it('an internal error is one line with exit 2; --debug or VIGIL_DEBUG=1 adds the stack', async () => {
    const dir = project('clean');
    const broken = join(mkdtempSync(join(tmpdir(), 'vigil-broken-')), 'broken-analyzers.cjs');
    writeFileSync(broken, "exports.createAnalyzers = () => { throw new Error('analyzer table corrupt'); };\n");
    const run = async (args: string[], env: Record<string, string> = {}) => {
      let err = '';
      const code = await runCli(args, { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, cwd: dir, env }, { analyzerModule: broken });
      return { code, err };
    };
    const plain = await run(['scan', '-j', '1']);
    assert.equal(plain.code, 2);
    assert.equal(plain.err, 'vigil: internal error: analyzer table corrupt (rerun with --debug for details)\n');
    noStack(plain.err);
    for (const r of [await run(['scan', '-j', '1', '--debug']), await run(['--debug', 'scan', '-j', '1']), await run(['scan', '-j', '1'], { VIGIL_DEBUG: '1' })]) {
      assert.equal(r.code, 2);
      assert.match(r.err, /^vigil: internal error: analyzer table corrupt\n\s+at /);
    }
  });
});

describe('files named on the command line that are links out of the workspace', () => {
  it('are skipped with the reason, as the walk skips them, and listed in the output', async () => {
    const dir = project('clean');
    const outside = mkdtempSync(join(tmpdir(), 'vigil-outside-'));
    writeFileSync(join(outside, 'creds.js'), "exports.k = 'FAKETOKEN_outsideoutside01';\n");
    symlinkSync(join(outside, 'creds.js'), join(dir, 'linked.js'));
    symlinkSync(outside, join(dir, 'ext'));
    symlinkSync(join(dir, 'src', 'index.js'), join(dir, 'alias.js'));
    // As the pre-commit framework calls it: relative names from the repository top.
    const r = await cli(dir, ['scan', '-j', '1', '-f', 'json', 'linked.js', 'ext', 'alias.js', 'src/index.js']);
    assert.equal(r.code, 0, r.out + r.err);
    const doc = JSON.parse(r.out) as { findings: unknown[]; skipped: { path: string; message: string }[]; summary: { filesScanned: number } };
    assert.deepEqual(doc.findings, [], 'nothing read through the links');
    assert.deepEqual(
      doc.skipped.map((s) => [s.path, s.message]),
      [
        [join(dir, 'ext'), `skipped: symbolic link to ${realpathSync(outside)}, outside the workspace folder`],
        [join(dir, 'linked.js'), `skipped: symbolic link to ${realpathSync(join(outside, 'creds.js'))}, outside the workspace folder`],
      ],
    );
    assert.equal(doc.summary.filesScanned, 2, 'a link inside the workspace is still scanned');
    const text = await cli(dir, ['scan', '-j', '1', 'linked.js']);
    assert.ok(text.out.includes(`${join(dir, 'linked.js')}: skipped: symbolic link to`), text.out);
  });
});

describe('install-hook and the baseline stay out of places they must not write', () => {
  it('refuses a core.hooksPath outside the repository (also through a link) unless --force; creates nothing there', async () => {
    const dir = project('clean');
    gitInit(dir);
    const outside = mkdtempSync(join(tmpdir(), 'vigil-hooks-'));
    git(dir, 'config', 'core.hooksPath', join(outside, 'shared-hooks'));
    const r = await cli(dir, ['install-hook']);
    assert.equal(r.code, 2);
    assert.match(r.err, /core\.hooksPath points to .*shared-hooks, outside this repository/);
    assert.match(r.err, /--force/);
    assert.deepEqual(readdirSync(outside), [], 'no folder created outside');
    symlinkSync(outside, join(dir, 'hooks-link'));
    git(dir, 'config', 'core.hooksPath', 'hooks-link');
    const linked = await cli(dir, ['install-hook']);
    assert.equal(linked.code, 2, 'a link inside the repository to a folder outside it is outside');
    assert.deepEqual(readdirSync(outside), []);
    // The hook file itself as a link out of the repository.
    git(dir, 'config', '--unset', 'core.hooksPath');
    symlinkSync(join(outside, 'victim'), join(dir, '.git', 'hooks', 'pre-commit'));
    const fileLink = await cli(dir, ['install-hook']);
    assert.equal(fileLink.code, 2);
    assert.match(fileLink.err, /outside this repository/);
    assert.deepEqual(readdirSync(outside), []);
    // The user's explicit choice wins.
    git(dir, 'config', 'core.hooksPath', join(outside, 'shared-hooks'));
    assert.equal((await cli(dir, ['install-hook', '--force'])).code, 0);
    assert.ok(existsSync(join(outside, 'shared-hooks', 'pre-commit')));
  });

  it('a linked worktree installs into the repository\'s shared hooks folder', async () => {
    const dir = project('clean');
    gitInit(dir);
    const wt = join(mkdtempSync(join(tmpdir(), 'vigil-wt-')), 'feature');
    git(dir, 'worktree', 'add', '-q', wt);
    const r = await cli(wt, ['install-hook']);
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(join(dir, '.git', 'hooks', 'pre-commit')));
  });

  it('refuses a baseline inside .git/ (config, --baseline, -o) unless --force', async () => {
    const dir = project('webapp');
    gitInit(dir);
    writeFileSync(join(dir, '.vigil.yml'), 'exclude: ["vendor/**"]\nbaseline: .git/vigil-baseline.json\n');
    const gitFiles = readdirSync(join(dir, '.git')).sort();
    for (const args of [['baseline', '-j', '1'], ['scan', '-j', '1']]) {
      const r = await cli(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /the baseline path .*\.git.*vigil-baseline\.json is inside \.git\/.*--force/, r.err);
    }
    writeFileSync(join(dir, '.vigil.yml'), 'exclude: ["vendor/**"]\n');
    const flag = await cli(dir, ['scan', '-j', '1', '--baseline', '.git/config']);
    assert.equal(flag.code, 2);
    assert.match(flag.err, /inside \.git\//);
    const out = await cli(dir, ['baseline', '-j', '1', '-o', join(dir, '.git', 'hooks', 'pre-commit')]);
    assert.equal(out.code, 2);
    assert.deepEqual(readdirSync(join(dir, '.git')).sort(), gitFiles, 'nothing written in .git');
    assert.ok(!existsSync(join(dir, '.git', 'hooks', 'pre-commit')));
    const forced = await cli(dir, ['baseline', '-j', '1', '--force', '-o', join(dir, '.git', 'vigil-baseline.json')]);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(JSON.parse(readFileSync(join(dir, '.git', 'vigil-baseline.json'), 'utf8')).version, 1);
    assert.equal((await cli(dir, ['scan', '-j', '1', '--force', '--fail-on', 'none', '--baseline', '.git/vigil-baseline.json'])).code, 0);
  });
});

describe('the generated git hook', () => {
  it('runs the Vigil that installed it by absolute path, never a `vigil` looked up on PATH', () => {
    const text = hookScript("/opt/it's here/dist/cli.js", '/usr/local/bin/node');
    assert.doesNotMatch(text, /command -v|^\s*(exec )?vigil /m, 'no PATH lookup of vigil');
    assert.ok(text.includes("VIGIL_CLI='/opt/it'\\''s here/dist/cli.js'"), 'quoted for sh');
    assert.ok(text.includes("VIGIL_NODE='/usr/local/bin/node'"));
    assert.match(text, /install-hook/, 'says how to update the paths');
    assert.doesNotMatch(text, /echo "[^"\n]*`/, 'no backquote in a double-quoted message: sh would run it');
    assert.equal(spawnSync('sh', ['-n', '-c', text]).status, 0, 'valid shell');
  });

  it('when the recorded CLI is gone, the commit is blocked with what to do', async () => {
    const dir = project('clean');
    gitInit(dir);
    const gone = join(mkdtempSync(join(tmpdir(), 'vigil-moved-')), 'dist', 'cli.js');
    const r = await runCli(['install-hook'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir, env: {} }, { cliPath: gone });
    assert.equal(r, 0);
    writeFileSync(join(dir, 'src', 'more.js'), 'exports.more = 1;\n');
    git(dir, 'add', '-A');
    const commit = spawnSync('git', ['commit', '-q', '-m', 'more'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(commit.status, 0);
    assert.ok(commit.stderr.includes(`runs ${gone}, which is missing`), commit.stderr);
    assert.match(commit.stderr, /Reinstall the hook with: npx vigil-scanner install-hook\n/);
    assert.doesNotMatch(commit.stderr, /npm error/, 'the advice is printed, not run');
    assert.match(commit.stderr, /--no-verify/);
  });
});
