import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import packageJson from '../../package.json';
import { HOOK_MARKER } from '../../server/src/cli/main';
import { cli, git, gitInit, project } from './cli-helpers';

const TOKEN_APP = 'FAKETOKEN_abcdefgh12345678';
const REPO = join(__dirname, '..', '..');

describe('vigil scan: formats', () => {
  it('text: findings by file with traces, suppressions applied, ignored and excluded files left out', async () => {
    const dir = project('webapp');
    writeFileSync(join(dir, 'src', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'src', 'huge.js'), `// ${'x'.repeat(2_100_000)}\n`);
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^src\/app\.js$/m);
    // Skipped-file notes wrap at the terminal width, so a long temp path moves the break: read them unwrapped.
    const notes = r.out.replace(/\n +/g, ' ');
    assert.ok(notes.includes(`${join(dir, 'src', 'logo.png')}: skipped: binary file (it contains NUL bytes)`), r.out);
    assert.match(notes, /huge\.js: skipped: 2,100,004 characters is over the 2,000,000 limit/);
    assert.match(r.out, /6:19 +critical Request input expr reaches eval\(\)\n +p1 · request input reaches code evaluation in a handler · test\.taint\.eval\n/);
    assert.match(r.out, /source 5:9 +expr is read from req\.query/);
    assert.match(r.out, /9:19 +high +Hard-coded test token/);
    assert.match(r.out, /^keep\.log$/m, 'a .gitignore negation re-includes keep.log');
    assert.doesNotMatch(r.out, /vendor|FAKETOKEN_zzzz/, 'excluded vendor/ and the suppressed token stay out');
    assert.match(r.out, /Unused suppression: no test\.taint\.eval finding/);
    assert.ok(!r.out.includes(TOKEN_APP), 'a secret is never printed whole');
    assert.match(r.out, /4 findings \(1 critical, 2 high, 1 low\) · 7 files scanned · by class: meta 1, secrets 2, taint 1\n2 skipped · \d+\.\d s$/m, 'the summary wraps at 100 columns');
    assert.ok(!r.out.includes('\u001b['), 'no colour when not a terminal');
  });

  it('text: colour on a terminal, never with NO_COLOR or --no-color', async () => {
    const dir = project('webapp');
    assert.ok((await cli(dir, ['scan', '--root', dir, '-j', '1'], { tty: true })).out.includes('\u001b[31m'));
    assert.ok(!(await cli(dir, ['scan', '--root', dir, '-j', '1'], { tty: true, env: { NO_COLOR: '1' } })).out.includes('\u001b['));
    assert.ok(!(await cli(dir, ['scan', '--root', dir, '-j', '1', '--no-color'], { tty: true })).out.includes('\u001b['));
  });

  it('a progress bar on a terminal stderr, cleared at the end; none with --quiet or when piped', async () => {
    const dir = project('webapp');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1'], { stderrTty: true });
    assert.match(r.err, /\r\u001b\[K\[#+-*\] \d+\/7 files/);
    assert.match(r.err, /\[#{40}\] 7\/7 files/, 'the last redraw shows every file done');
    assert.ok(r.err.endsWith('\r\u001b[K'), 'the bar is erased before the report');
    assert.ok(!r.out.includes('files\r'), 'the bar never goes to stdout');
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1', '--quiet'], { stderrTty: true })).err, '');
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1'])).err, '');
  });

  it('json: one document with summary, relative paths and masked secrets', async () => {
    const dir = project('webapp');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1', '--format', 'json']);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out);
    assert.equal(doc.version, 1);
    assert.equal(doc.summary.total, 4);
    assert.deepEqual(doc.summary.bySeverity, { critical: 1, high: 2, medium: 0, low: 1, info: 0 });
    assert.equal(doc.summary.filesScanned, 7);
    const eval_ = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'test.taint.eval');
    assert.equal(eval_.path, 'src/app.js');
    assert.deepEqual(eval_.range.start, { line: 5, character: 18 });
    assert.equal(eval_.trace.length, 2);
    assert.ok(!r.out.includes(TOKEN_APP));
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = project('webapp');
    const out = join(dir, 'reports', 'vigil.sarif');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'sarif', '-o', out]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
  });

  it('scans only the paths given', async () => {
    const dir = project('webapp');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json', join(dir, 'src', 'app.js')]);
    const doc = JSON.parse(r.out);
    assert.equal(doc.summary.filesScanned, 1);
    assert.deepEqual([...new Set(doc.findings.map((f: { path: string }) => f.path))], ['src/app.js']);
  });
});

describe('vigil scan: exit codes', () => {
  it('0 on a clean project, 1 at or above --fail-on, 0 below it or with --fail-on none', async () => {
    const clean = project('clean');
    assert.equal((await cli(clean, ['scan', '--root', clean, '-j', '1'])).code, 0);
    const dir = project('webapp');
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1', '--fail-on', 'critical'])).code, 1);
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1', '--fail-on', 'none'])).code, 0);
    const onlyToken = join(dir, 'keep.log');
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1', '--fail-on', 'critical', onlyToken])).code, 0);
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1', '--fail-on', 'high', onlyToken])).code, 1);
  });

  it('--min-severity drops findings below it from the report and the exit code', async () => {
    const dir = project('webapp');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json', '--min-severity', 'critical', join(dir, 'src')]);
    const doc = JSON.parse(r.out);
    assert.deepEqual(
      doc.findings.filter((f: { pack: string }) => f.pack !== 'meta').map((f: { ruleId: string }) => f.ruleId),
      ['test.taint.eval'],
    );
    const tokenOnly = await cli(dir, ['scan', '--root', dir, '-j', '1', '--min-severity', 'critical', join(dir, 'keep.log')]);
    assert.equal(tokenOnly.code, 0);
  });

  it('2 with a clear message on usage errors', async () => {
    const dir = project('webapp');
    const cases: [string[], RegExp][] = [
      [['scan', '--bogus'], /unknown option --bogus/],
      [['scan', '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['scan', '--fail-on', 'severe'], /--fail-on must be one of/],
      [['scan', '--min-severity', 'x'], /--min-severity must be one of/],
      [['scan', '--jobs', '0'], /--jobs must be a whole number/],
      [['scan', '--root', dir, join(dir, 'nope.js')], /no such file or folder/],
      [['scan', '--root', join(dir, 'src'), join(dir, 'keep.log')], /outside the workspace root/],
      [['scan', '--root', dir, '--baseline', join(dir, 'missing.json')], /baseline file not found/],
      [['scan', '--root', dir, '--staged', '--changed-since', 'main'], /cannot be used together/],
      [['scan', '--root', dir, '--staged'], /needs a git repository/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
      assert.match(r.err, /vigil --help/);
    }
  });

  it('2 on an invalid .vigil.yml, each error located in the file, nothing scanned', async () => {
    const dir = project('webapp');
    writeFileSync(join(dir, '.vigil.yml'), 'exclude:\n  - "vendor/**"\nminSeverity: severe\nexcludes: []\n');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.ok(r.err.includes(`${join(dir, '.vigil.yml')}:3:14: error: minSeverity must be one of`), r.err);
    assert.ok(r.err.includes(`${join(dir, '.vigil.yml')}:4:1: error: Unknown key "excludes"`), r.err);
  });

  it('2 on a bad custom rule, after running the good rules and writing the report', async () => {
    const dir = project('webapp');
    writeFileSync(join(dir, '.vigil.yml'), 'exclude: ["vendor/**"]\ncustomRules:\n  secrets:\n    - pattern: "x"\n');
    const r = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json']);
    assert.equal(r.code, 2);
    assert.equal(JSON.parse(r.out).summary.total, 4);
    assert.match(r.err, /custom rule without an id/);
  });

  it('applies .vigil.yml rules, severities and excludes', async () => {
    const dir = project('webapp');
    writeFileSync(join(dir, '.vigil.yml'), 'exclude: ["vendor/**", "*.log"]\nrules:\n  test.taint.eval: false\nseverity:\n  test.secret.fake-token: medium\n');
    const doc = JSON.parse((await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json'])).out);
    const real = doc.findings.filter((f: { pack: string }) => f.pack !== 'meta');
    assert.deepEqual(real.map((f: { ruleId: string; severity: string; path: string }) => [f.path, f.ruleId, f.severity]), [['src/app.js', 'test.secret.fake-token', 'medium']]);
  });
});

describe('vigil scan: git modes', () => {
  it('--changed-since scans committed branch changes, uncommitted edits and untracked files only', async () => {
    const dir = project('webapp');
    gitInit(dir);
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'src', 'nested', 'util.js'), "exports.k = 'FAKETOKEN_committedcommit01';\n");
    git(dir, 'commit', '-q', '-am', 'feature work');
    writeFileSync(join(dir, 'src', 'new.js'), "exports.k = 'FAKETOKEN_untrackeduntrack1';\n");
    writeFileSync(join(dir, 'keep.log'), 'edited, no token now\n');
    const r = await cli(join(dir, 'src'), ['scan', '-j', '1', '-f', 'json', '--changed-since', 'main']);
    assert.equal(r.code, 1, r.err);
    const doc = JSON.parse(r.out);
    assert.equal(doc.summary.filesScanned, 3);
    assert.deepEqual(doc.findings.map((f: { path: string }) => f.path).sort(), ['src/nested/util.js', 'src/new.js']);
    const nothing = await cli(dir, ['scan', '-j', '1', '--changed-since', 'HEAD', join(dir, 'src', 'app.js')]);
    assert.equal(nothing.code, 0);
    assert.match(nothing.out, /0 findings · 0 files scanned/);
    const bad = await cli(dir, ['scan', '--changed-since', 'no-such-branch']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown git ref "no-such-branch"/);
  });

  it('--staged scans the staged content, not the working tree', async () => {
    const dir = project('clean');
    gitInit(dir);
    const file = join(dir, 'src', 'index.js');
    // Staged: a token. Working tree: already cleaned up, but not staged.
    writeFileSync(file, "exports.k = 'FAKETOKEN_stagedstagedstag1';\n");
    git(dir, 'add', file);
    writeFileSync(file, 'exports.k = process.env.K;\n');
    // Unstaged new file with a token: not part of the commit.
    writeFileSync(join(dir, 'src', 'scratch.js'), "exports.k = 'FAKETOKEN_unstagedunstaged1';\n");
    const r = await cli(dir, ['scan', '-j', '1', '-f', 'json', '--staged']);
    assert.equal(r.code, 1, r.err);
    const doc = JSON.parse(r.out);
    assert.deepEqual(doc.findings.map((f: { path: string; message: string }) => [f.path, f.message]), [['src/index.js', 'Hard-coded test token FAKETOKEN_st…****']]);
    // The reverse: a token in the working tree only is not in the commit.
    writeFileSync(file, "exports.k = 'FAKETOKEN_workingtreeonly01';\n");
    git(dir, 'add', file);
    writeFileSync(join(dir, 'src', 'index.js'), 'exports.k = 1;\n');
    git(dir, 'add', file);
    writeFileSync(file, "exports.k = 'FAKETOKEN_workingtreeonly01';\n");
    assert.equal((await cli(dir, ['scan', '-j', '1', '--staged'])).code, 0);
  });

  it('install-hook writes an executable pre-commit hook, and keeps a foreign hook unless --force', async () => {
    const dir = project('clean');
    gitInit(dir);
    const r = await cli(dir, ['install-hook']);
    assert.equal(r.code, 0, r.err);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const text = readFileSync(hook, 'utf8');
    assert.ok(text.startsWith('#!/bin/sh\n') && text.includes(HOOK_MARKER) && text.includes('scan --staged'));
    assert.ok(statSync(hook).mode & 0o100);
    assert.equal((await cli(dir, ['install-hook'])).code, 0, 'reinstalling over our own hook is fine');
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const refused = await cli(dir, ['install-hook']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /already exists and is not Vigil's/);
    assert.equal((await cli(dir, ['install-hook', '--force'])).code, 0);
    assert.equal(readFileSync(`${hook}.bak`, 'utf8'), '#!/bin/sh\necho mine\n');
    const sh = spawnSync('sh', ['-n', hook]);
    assert.equal(sh.status, 0, 'the hook is valid shell');
    mkdirSync(join(dir, 'custom-hooks'));
    git(dir, 'config', 'core.hooksPath', 'custom-hooks');
    assert.equal((await cli(dir, ['install-hook'])).code, 0);
    assert.ok(existsSync(join(dir, 'custom-hooks', 'pre-commit')), 'honours core.hooksPath');
  });
});

describe('pre-commit hook, end to end', () => {
  it('blocks a commit whose staged content has a secret, says what to do, and lets a clean one through', () => {
    const dir = project('clean');
    gitInit(dir);
    // An unrelated `vigil` first on PATH (the npm name `vigil` is another project): the hook must not run it.
    const bin = join(dir, '.bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'vigil'), '#!/bin/sh\necho "impostor vigil"\nexit 0\n', { mode: 0o755 });
    // This checkout's CLI runs from source: the hook records node and main.ts, and tsx is loaded through NODE_OPTIONS.
    const loader = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NODE_OPTIONS: `--import=${loader}` };
    const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { cwd: dir, env, encoding: 'utf8' });
    const install = sh(`${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'server', 'src', 'cli', 'main.ts'))} install-hook`);
    assert.equal(install.status, 0, install.stderr);
    writeFileSync(join(dir, '.gitignore'), '.bin/\n');
    writeFileSync(join(dir, 'src', 'deploy.js'), "exports.token = 'ghp_FAKEfake0000111122223333444455556666';\n");
    sh('git add -A');
    const blocked = sh('git commit -q -m "add deploy token"');
    const said = blocked.stdout + blocked.stderr;
    assert.notEqual(blocked.status, 0, 'the hook blocks the commit');
    assert.doesNotMatch(said, /impostor/, 'the hook ran this Vigil, not the first `vigil` on PATH');
    assert.match(said, /secrets\.github\.classic-pat/);
    assert.match(said, /the commit was blocked/);
    assert.match(said, /vigil-ignore <rule-id> -- <why/, 'how to suppress, with a reason');
    assert.match(said, /git commit --no-verify/, 'how to bypass');
    assert.ok(!said.includes('ghp_FAKEfake0000111122223333444455556666'), 'masked in the hook output too');
    assert.equal(git(dir, 'rev-list', '--count', 'HEAD').trim(), '1');
    writeFileSync(join(dir, 'src', 'deploy.js'), 'exports.token = process.env.GITHUB_TOKEN;\n');
    sh('git add -A');
    const ok = sh('git commit -q -m "read the token from the environment"');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.doesNotMatch(ok.stdout + ok.stderr, /blocked|impostor/);
    assert.equal(git(dir, 'rev-list', '--count', 'HEAD').trim(), '2');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares a hook whose entry scans the files pre-commit passes', async () => {
    const hooks = parseYaml(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    const hook = hooks.find((h) => h.id === 'vigil');
    assert.ok(hook, 'a hook with id vigil');
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, true);
    const [bin, ...args] = hook.entry.split(/\s+/);
    assert.equal(bin, 'vigil');
    const dir = project('webapp');
    // As pre-commit runs it: from the repository top, with relative file names appended.
    assert.equal((await cli(dir, [...args, '--root', dir, 'keep.log'])).code, 1);
    assert.equal((await cli(dir, [...args, '--root', dir, 'src/nested/util.js'])).code, 0);
  });
});

describe('vigil as a process', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'server', 'src', 'cli', 'main.ts'), ...args], { cwd: REPO, encoding: 'utf8' });

  it('--version and --help exit 0; no command and bad flags exit 2', () => {
    const v = run('--version');
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), (packageJson as { version: string }).version);
    const h = run('--help');
    assert.equal(h.status, 0);
    assert.match(h.stdout, /vigil scan \[paths\.\.\.\]/);
    assert.match(h.stdout, /--changed-since REF/);
    assert.equal(run().status, 2);
    const bad = run('scan', '--nope');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown option --nope/);
  });

  it('scans with the built-in packs and exits 0 on a clean project', () => {
    const dir = project('clean');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'server', 'src', 'cli', 'main.ts'), 'scan', '--root', dir, '-j', '1'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 findings · 1 file scanned/);
  });

  it('package.json publishes the CLI as the `vigil` bin', () => {
    assert.equal((packageJson as { bin?: Record<string, string> }).bin?.vigil, './dist/cli.js');
    // The npm package named `vigil` is an unrelated file watcher: ours has its own name, used everywhere.
    const { name, publisher } = packageJson as { name: string; publisher: string };
    assert.equal(name, 'vigil-scanner');
    for (const harness of ['test/e2e/editor-harness.ts', 'test/electron/suite/index.ts']) {
      assert.ok(readFileSync(join(REPO, harness), 'utf8').includes(`'${publisher}.${name}'`), `${harness} uses the extension id ${publisher}.${name}`);
    }
    for (const doc of ['README.md', 'docs/cli.md', '.pre-commit-hooks.yaml']) {
      const text = readFileSync(join(REPO, doc), 'utf8');
      assert.doesNotMatch(text, /npx vigil(?![-\w])|npm (i|install)( -D| --save-dev)? vigil(?![-\w])/, `${doc} never sends users to the unrelated \`vigil\` package`);
    }
    assert.ok(execFileSync('git', ['--version'], { encoding: 'utf8' }).startsWith('git version'));
  });
});
