/** `vigil score` and `vigil leaderboard` on fixture repositories built here, with the test analyzers. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultVigilConfig, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { securityScore } from '../../server/src/engine/score';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { listCommits, treeFiles, treesAlong } from '../../server/src/cli/history';
import { leaderboard, openTreeScanner, scoreHistory } from '../../server/src/cli/reports';
import { EXTENSIONS, generateFile, type BenchLanguage } from '../../bench/corpus/generate';
import { runCli } from '../../server/src/cli/main';
import type { ScanPool } from '../../server/src/engine/scan/scan-pool';
import { cli, git, gitInit, project, TEST_ANALYZERS } from './cli-helpers';

const TOKEN_A = 'FAKETOKEN_aaaabbbbccccdddd';
const TOKEN_B = 'FAKETOKEN_eeeeffffgggghhhh';

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-score-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

function commit(dir: string, who: 'alice' | 'bob', message: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  git(dir, 'add', '-A');
  const name = who === 'alice' ? 'Alice' : 'Bob';
  git(dir, '-c', `user.name=${name}`, '-c', `user.email=${who}@example.invalid`, 'commit', '-q', '-m', message);
}

/** Five commits: Alice adds code, then two tokens (a high each); Bob fixes one, then adds clean code. */
function twoAuthors(): string {
  const dir = repo();
  commit(dir, 'alice', 'start', { 'src/app.js': 'module.exports = 1;\n', 'README.md': '# demo\n' });
  commit(dir, 'alice', 'config', { 'src/config.js': `module.exports = { token: '${TOKEN_A}' };\n` });
  commit(dir, 'alice', 'client', { 'src/client.js': `const t = '${TOKEN_B}';\n` });
  commit(dir, 'bob', 'use the environment', { 'src/config.js': 'module.exports = { token: process.env.TOKEN };\n' });
  commit(dir, 'bob', 'more code', { 'src/util.js': 'exports.add = (a, b) => a + b;\n' });
  return dir;
}

const finding = (score: number, pack: Finding['pack'] = 'taint'): Finding => ({
  ruleId: 'r', pack, severity: 'high', cwe: [], message: 'm', docsUrl: '',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  priority: { score, level: 'p1', reason: '' },
});

describe('security score', () => {
  it('is 100 with no open finding, below 100 with any, lower for more urgent ones, never below 0', () => {
    assert.equal(securityScore([]), 100);
    assert.equal(securityScore([finding(90, 'meta')]), 100, 'notes about Vigil itself cost nothing');
    assert.ok(securityScore([finding(5)]) < 100);
    assert.ok(securityScore([finding(95)]) < securityScore([finding(30)]));
    assert.ok(securityScore([finding(95), finding(95)]) < securityScore([finding(95)]));
    const many = securityScore(Array.from({ length: 500 }, () => finding(100)));
    assert.ok(many >= 0 && many < 5);
  });
});

describe('treesAlong', () => {
  it('lists each tree of a first-parent line as git ls-tree does: adds, edits, deletions, modes, links, merges', () => {
    const dir = repo();
    const at = (...args: string[]) => git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args);
    commit(dir, 'alice', 'one', { 'a.js': 'a\n', 'sub/b.py': 'b\n', 'c.txt': 'c\n' });
    commit(dir, 'alice', 'two', { 'a.js': 'a2\n', 'sub/b.py': null, 'd e.js': 'd\n' });
    chmodSync(join(dir, 'a.js'), 0o755);
    symlinkSync('a.js', join(dir, 'link.js'));
    rmSync(join(dir, 'c.txt'));
    symlinkSync('d e.js', join(dir, 'c.txt'));
    at('add', '-A');
    at('commit', '-q', '-m', 'modes and links');
    at('commit', '-q', '--allow-empty', '-m', 'empty');
    at('checkout', '-q', '-b', 'side', 'HEAD~1');
    commit(dir, 'bob', 'side', { 'side.js': 's\n', 'a.js': 'a3\n' });
    at('checkout', '-q', 'main');
    commit(dir, 'alice', 'main edit', { 'sub/new.py': 'n\n' });
    at('merge', '-q', '--no-ff', '-m', 'merge', 'side');
    const line = listCommits(dir, { firstParent: true }).reverse();
    assert.equal(line.length, 6);
    const trees = treesAlong(dir, line)!;
    assert.ok(trees, 'a first-parent line');
    for (const c of line) assert.deepEqual(trees.get(c.sha), treeFiles(dir, c.sha), c.sha);
    assert.equal(treesAlong(dir, [line[0]!, line[2]!]), undefined, 'not a line: each tree is listed by the caller');
  });
});

describe('vigil score', () => {
  it('json: the current score and the score at each of the last N commits, oldest first', async () => {
    const dir = twoAuthors();
    const r = await cli(dir, ['score', '--history', '4', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out);
    const shas = git(dir, 'log', '--format=%H', '-n', '4').trim().split('\n').reverse();
    assert.deepEqual(doc.history.map((h: { commit: string }) => h.commit), shas);
    const scores = doc.history.map((h: { score: number }) => h.score);
    // config (1 token) > client (2 tokens) < fix (1 token) = more code (1 token)
    assert.ok(scores[0] > scores[1], `${scores}`);
    assert.ok(scores[2] > scores[1], `${scores}`);
    assert.equal(scores[3], scores[2]);
    assert.equal(doc.score, scores[3], 'the working tree is the last commit');
    for (const h of doc.history) assert.match(h.date, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('scans each file version once: unchanged files once across the history, HEAD\'s not again after the working tree', async () => {
    const dir = twoAuthors();
    const doc = JSON.parse((await cli(dir, ['score', '--history', '5', '--format', 'json'])).out);
    // Distinct (blob, path) pairs over the 5 trees: app.js, README.md, config.js x2, client.js, util.js. The five at
    // HEAD are the working tree's files, whose scan (for the current score) they reuse: only the old config.js is left.
    assert.equal(doc.filesScanned, 1);
    assert.equal(doc.history.at(-1).score, doc.score);
  });

  it('--history scans the working tree and the history on the same workers: they start once', async () => {
    const dir = repo();
    // 40 files rewritten by the last commit: 40 older versions, enough for the history to use the worker pool.
    const files = (v: number) => Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`src/m${i}.js`, `// v${v}\nconst t${i} = '${i % 4 === 0 ? TOKEN_A : 'nothing'}';\n`]));
    commit(dir, 'alice', 'one', files(1));
    commit(dir, 'bob', 'two', files(2));
    const pools: ScanPool[] = [];
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t), isTTY: false }, stderr: { write: () => true, isTTY: false, columns: 80 }, cwd: dir, env: {} };
    const code = await runCli(['score', '--history', '2', '--format', 'json', '-j', '2'], io, { analyzerModule: TEST_ANALYZERS, progressDelayMs: 0, onScanPool: (p) => pools.push(p) });
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).filesScanned, 40, 'the history scanned the 40 old versions');
    assert.equal(pools.length, 1);
    assert.equal(pools[0]!.runCount, 2, 'the working tree and the history ran on this pool');
    assert.equal(pools[0]!.workersStarted, 2, 'two workers for both scans, not two per scan');
  });

  it('--history starts its workers before this thread builds its packs and lists the files, so both overlap', async () => {
    const dir = twoAuthors();
    let atStart: { started: number; runs: number } | undefined;
    const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false, columns: 80 }, cwd: dir, env: {} };
    const code = await runCli(['score', '--history', '2', '--format', 'json', '-j', '2'], io, {
      analyzerModule: TEST_ANALYZERS,
      progressDelayMs: 0,
      onScanPool: (p) => (atStart = { started: p.workersStarted, runs: p.runCount }),
    });
    assert.equal(code, 0);
    assert.deepEqual(atStart, { started: 2, runs: 0 }, 'both workers started before the first scan was prepared');
  });

  it('a file edited in the working tree is scanned at HEAD from its committed version', async () => {
    const dir = twoAuthors();
    writeFileSync(join(dir, 'src', 'util.js'), `exports.t = '${TOKEN_B}';\n`);
    const doc = JSON.parse((await cli(dir, ['score', '--history', '5', '--format', 'json'])).out);
    assert.equal(doc.filesScanned, 2, 'the old config.js and HEAD\'s util.js');
    const head = mkdtempSync(join(tmpdir(), 'vigil-score-head-'));
    git(dir, 'worktree', 'add', '-q', '--detach', head, 'HEAD');
    assert.equal(doc.history.at(-1).score, JSON.parse((await cli(head, ['score', '--format', 'json'])).out).score);
    assert.ok(doc.score < doc.history.at(-1).score, 'the edit added a token');
  });

  it('HEAD reuses no working-tree result that a flow across files changed: the history scans each file alone', async () => {
    const dir = project('cross-file-js');
    gitInit(dir);
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: () => undefined, isTTY: false, columns: 80 }, cwd: dir, env: {} };
    assert.equal(await runCli(['score', '--history', '1', '--format', 'json', '-j', '2'], io, { progressDelayMs: 0 }), 0);
    const doc = JSON.parse(out);
    // The working tree's score counts the injection through db.js; the history's files are each scanned alone.
    const alone = await openTreeScanner({ top: dir, root: dir, config: defaultVigilConfig(), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {} });
    try {
      const [point] = await scoreHistory(alone, dir, 1);
      assert.equal(doc.history[0].score, point!.score);
      assert.ok(doc.score < point!.score, `${doc.score} < ${point!.score}: the cross-file finding counts in the working tree only`);
    } finally {
      alone.dispose();
    }
    assert.equal(doc.filesScanned, 2, 'routes.js and db.js, whose working-tree results a flow across files changed (the call is in one, the finding in the other)');
  });

  it('each point of the history is the score of that commit\'s tree scanned on its own', async () => {
    const dir = twoAuthors();
    const doc = JSON.parse((await cli(dir, ['score', '--history', '5', '--format', 'json'])).out);
    assert.equal(doc.history.length, 5);
    for (const h of doc.history as { commit: string; score: number }[]) {
      const alone = mkdtempSync(join(tmpdir(), 'vigil-score-alone-'));
      git(dir, 'worktree', 'add', '-q', '--detach', alone, h.commit);
      const own = JSON.parse((await cli(alone, ['score', '--format', 'json'])).out);
      assert.equal(h.score, own.score, `commit ${h.commit}`);
    }
  });

  it('scans all the history\'s new file versions in one worker-pool run, none in this thread, whatever the number of commits', async () => {
    const dir = twoAuthors();
    const scanner = await openTreeScanner({ top: dir, root: dir, config: defaultVigilConfig(), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {}, analyzerModule: TEST_ANALYZERS, jobs: 2, minPoolFiles: 0 });
    try {
      const points = await scoreHistory(scanner, dir, 5);
      assert.equal(points.length, 5);
      assert.deepEqual({ scanned: scanner.scanned, inThread: scanner.scannedInThread, poolRuns: scanner.poolRuns }, { scanned: 6, inThread: 0, poolRuns: 1 });
      // Asking again costs nothing: every (blob, path) is cached.
      await scoreHistory(scanner, dir, 5);
      assert.deepEqual({ scanned: scanner.scanned, poolRuns: scanner.poolRuns }, { scanned: 6, poolRuns: 1 });
    } finally {
      scanner.dispose();
    }
  });

  it('the real packs find the same in committed files on the worker pool as in this thread', async () => {
    const dir = repo();
    const langs: BenchLanguage[] = ['javascript', 'typescript', 'python', 'javascript', 'python'];
    const files = (seed: number) => Object.fromEntries(langs.map((l, i) => [`src/m${i}.${EXTENSIONS[l]}`, generateFile(l, 80, seed + i).text]));
    commit(dir, 'alice', 'one', files(100));
    commit(dir, 'bob', 'two', { ...files(200), 'src/m0.js': null });
    const open = () => openTreeScanner({ top: dir, root: dir, config: defaultVigilConfig(), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {}, minPoolFiles: 0 });
    const pooled = await open();
    const inThread = await open();
    try {
      const shas = listCommits(dir, { firstParent: true }).map((c) => c.sha);
      await pooled.prefetch(shas);
      let total = 0;
      for (const sha of shas) {
        const a = pooled.findingsAt(sha);
        total += a.reduce((n, f) => n + f.findings.length, 0);
        assert.deepEqual(a, inThread.findingsAt(sha), sha);
      }
      assert.ok(total > 0, 'the generated code has findings to compare');
      assert.equal(pooled.scannedInThread, 0);
      assert.equal(inThread.scannedInThread, inThread.scanned);
    } finally {
      pooled.dispose();
      inThread.dispose();
    }
  });

  it('committed files are scanned with the workspace\'s custom config rules too, as the working tree is', async () => {
    const dir = repo();
    const config = `version: 1
customRules:
  config:
    - id: config.acme.registry
      name: Image from outside the company registry
      description: Images must come from registry.acme.example.
      message: Pull images from registry.acme.example.
      severity: medium
      cwe: [CWE-829]
      kind: kubernetes
      match:
        path: $container
        when:
          - { key: image, notMatches: '^registry\\.acme\\.example/', report: true }
`;
    const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
    commit(dir, 'alice', 'pod', { '.vigil.yml': config, 'k8s/pod.yaml': pod('docker.io/library/nginx:1.27') });
    commit(dir, 'bob', 'registry', { 'k8s/pod.yaml': pod('registry.acme.example/nginx:1.27') });
    const parsed = parseVigilConfig(config, join(dir, '.vigil.yml'));
    assert.deepEqual(parsed.errors, []);
    const scanner = await openTreeScanner({ top: dir, root: dir, config: parsed.config!, configFile: join(dir, '.vigil.yml'), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {} });
    try {
      const ids = (rev: string) => scanner.findingsAt(git(dir, 'rev-parse', rev).trim()).flatMap((f) => f.findings.map((x) => x.ruleId));
      assert.ok(ids('HEAD~1').includes('config.acme.registry'), `${ids('HEAD~1')}`);
      assert.ok(!ids('HEAD').includes('config.acme.registry'));
    } finally {
      scanner.dispose();
    }
  });

  it('a few new file versions are scanned in this thread: no worker pool is started for them', async () => {
    const dir = twoAuthors();
    const scanner = await openTreeScanner({ top: dir, root: dir, config: defaultVigilConfig(), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {}, analyzerModule: TEST_ANALYZERS });
    try {
      await scoreHistory(scanner, dir, 5);
      assert.deepEqual({ scanned: scanner.scanned, inThread: scanner.scannedInThread, poolRuns: scanner.poolRuns }, { scanned: 6, inThread: 6, poolRuns: 0 });
    } finally {
      scanner.dispose();
    }
  });

  it('text: the score, and a line per commit', async () => {
    const dir = twoAuthors();
    const r = await cli(dir, ['score', '--history', '2']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Security score: \d+\/100/m);
    assert.equal(r.out.split('\n').filter((l) => /^ {2}[0-9a-f]{7} {2}\d{4}-\d{2}-\d{2} +\d+/.test(l)).length, 2, r.out);
    const bad = await cli(dir, ['score', '--history', 'many']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--history must be a whole number/);
  });
});

describe('vigil leaderboard', () => {
  it('json: per author, findings fixed and introduced, and the streak', async () => {
    const dir = twoAuthors();
    const r = await cli(dir, ['leaderboard', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const { authors } = JSON.parse(r.out);
    assert.deepEqual(authors.map((a: { author: string }) => a.author), ['Bob', 'Alice'], 'the one who fixed first');
    const [bob, alice] = authors;
    assert.deepEqual({ ...bob, commits: undefined }, { author: 'Bob', email: 'bob@example.invalid', fixed: 1, introduced: 0, streak: 2, commits: undefined });
    // Alice's latest commit introduced a high finding: her streak is 0.
    assert.deepEqual({ ...alice, commits: undefined }, { author: 'Alice', email: 'alice@example.invalid', fixed: 0, introduced: 2, streak: 0, commits: undefined });
  });

  it('scans the changed file versions of every commit and its parent in one worker-pool run, each (blob, path) once', async () => {
    const dir = twoAuthors();
    const scanner = await openTreeScanner({ top: dir, root: dir, config: defaultVigilConfig(), settings: DEFAULT_SETTINGS, toolVersion: 'test', env: {}, analyzerModule: TEST_ANALYZERS, jobs: 2, minPoolFiles: 0 });
    try {
      const board = await leaderboard(scanner, dir);
      assert.deepEqual(board.authors.map((a) => [a.author, a.fixed, a.introduced]), [['Bob', 1, 0], ['Alice', 0, 2]]);
      // app.js, README.md, config.js (two versions), client.js, util.js: the distinct (path, blob) pairs the five
      // commits changed, on both sides of each change; the parent side of one is the commit side of another.
      assert.deepEqual({ scanned: scanner.scanned, inThread: scanner.scannedInThread, poolRuns: scanner.poolRuns }, { scanned: 6, inThread: 0, poolRuns: 1 });
    } finally {
      scanner.dispose();
    }
  });

  it('teams from CODEOWNERS: findings fixed and introduced in the files each team owns (last matching line wins)', async () => {
    const dir = twoAuthors();
    commit(dir, 'bob', 'owners', { '.github/CODEOWNERS': '# owners\n*  @acme/platform\nsrc/c*.js @acme/web @alice\n/src/client.js @acme/mobile\n' });
    const doc = JSON.parse((await cli(dir, ['leaderboard', '--format', 'json'])).out);
    assert.deepEqual(doc.teams, [
      { team: '@acme/web', fixed: 1, introduced: 1 },
      { team: '@alice', fixed: 1, introduced: 1 },
      { team: '@acme/mobile', fixed: 0, introduced: 1 },
    ]);
    const plain = JSON.parse((await cli(twoAuthors(), ['leaderboard', '--format', 'json'])).out);
    assert.equal(plain.teams, undefined, 'no CODEOWNERS, no teams');
  });

  it('--since limits the commits counted; markdown and text list every author', async () => {
    const dir = twoAuthors();
    const since = git(dir, 'rev-parse', 'HEAD~2').trim();
    const { authors } = JSON.parse((await cli(dir, ['leaderboard', '--since', since, '--format', 'json'])).out);
    assert.deepEqual(authors.map((a: { author: string }) => a.author), ['Bob']);
    const md = (await cli(dir, ['leaderboard', '--format', 'markdown'])).out;
    assert.match(md, /^\| Author \| Fixed \| Introduced \| Streak \|$/m);
    assert.match(md, /^\| Bob \| 1 \| 0 \| 2 \|$/m);
    const text = (await cli(dir, ['leaderboard'])).out;
    assert.match(text, /Alice/);
    assert.ok(!text.includes(TOKEN_A) && !md.includes(TOKEN_A));
  });
});
