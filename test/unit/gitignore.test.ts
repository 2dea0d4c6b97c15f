/**
 * `.gitignore` matching (engine/gitignore.ts): the same verdicts as git itself on a table of patterns and paths,
 * and a repository's hostile patterns matched on the linear-time engine.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Gitignore } from '../../server/src/engine/gitignore';
import { isLinearRegex } from '../../server/src/engine/regex-guard';
import { walkFiles } from '../../server/src/engine/scan/file-walker';

const PATTERNS = [
  '# a comment',
  '\\#literal-hash',
  '*.log',
  '!keep.log',
  'build/',
  '/root-only.txt',
  'docs/*.md',
  '!docs/README.md',
  'a/**/z.txt',
  '**/cache',
  'out/**',
  'name?.tmp',
  'data[0-9].csv',
  'data[!0-9].bin',
  'trailing-space.txt   ',
  'escaped-space\\ ',
  '{a,b}.brace',
  'foo**bar',
  'src/gen/',
  '!src/gen/keep.js',
  '\\!bang.txt',
  'deep/x/',
  '.env*',
  '!.env.example',
];

const PATHS = [
  'app.log', 'keep.log', 'sub/dir/x.log', 'sub/keep.log',
  'build/out.js', 'sub/build/out.js', 'buildx/out.js',
  'root-only.txt', 'sub/root-only.txt',
  'docs/guide.md', 'docs/README.md', 'docs/sub/deep.md', 'x/docs/guide.md',
  'a/z.txt', 'a/b/z.txt', 'a/b/c/z.txt', 'b/a/z.txt',
  'cache/x.js', 'sub/cache/y.js', 'cachex/z.js',
  'out/o.js', 'out/deeper/o.js',
  'name1.tmp', 'name12.tmp', 'sub/nameZ.tmp',
  'data5.csv', 'dataX.csv', 'dataX.bin', 'data5.bin',
  'trailing-space.txt', 'escaped-space ',
  '#literal-hash', 'a.brace', '{a,b}.brace',
  'fooXbar', 'foo/bar', 'foobar',
  'src/gen/a.js', 'src/gen/keep.js',
  '!bang.txt', 'bang.txt',
  'deep/x/f.js', 'deep/xy/f.js',
  '.env', '.env.local', '.env.example', 'sub/.env.prod',
  'plain.js',
];

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Paths git reports as ignored under `patterns` (files created on disk so directories are real). */
function gitVerdicts(patterns: string[], paths: string[]): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-gitignore-'));
  dirs.push(dir);
  execFileSync('git', ['init', '-q', dir]);
  writeFileSync(join(dir, '.gitignore'), `${patterns.join('\n')}\n`);
  for (const p of paths) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), 'x');
  }
  const out = execFileSync('git', ['-c', 'core.ignorecase=false', 'check-ignore', '--no-index', '--stdin'], {
    cwd: dir,
    input: paths.join('\n'),
    encoding: 'utf8',
  }).toString();
  return new Set(out.split('\n').filter(Boolean));
}

describe('Gitignore', () => {
  it('gives the verdicts git gives, for every path of the table', () => {
    const git = gitVerdicts(PATTERNS, PATHS);
    assert.ok(git.size > 10 && git.size < PATHS.length, 'the table has ignored and kept paths');
    const ours = Gitignore.parse(PATTERNS.join('\n'));
    const wrong = PATHS.filter((p) => ours.ignoresPath(p) !== git.has(p)).map((p) => `${p}: git ${git.has(p) ? 'ignores' : 'keeps'}`);
    assert.deepEqual(wrong, []);
  });

  it('reads CRLF files and a BOM as git does', () => {
    const g = Gitignore.parse('\uFEFF*.log\r\n!keep.log\r\n');
    assert.equal(g.ignoresPath('a.log'), true);
    assert.equal(g.ignoresPath('keep.log'), false);
  });

  it('matches a hostile pattern on the linear-time engine, and refuses an over-long one without losing the others', () => {
    const hostile = '*/**/*/**/*/**/*/**/*/**/*/**/*/**/*/**/c';
    const g = Gitignore.parse(`${hostile}\n${'x'.repeat(5000)}\n*.log`);
    assert.ok(g.regexes().length === 2 && g.regexes().every((re) => isLinearRegex(re)), 'every rule runs on the linear engine');
    assert.equal(g.problems.length, 1);
    assert.match(g.problems[0]!, /line 2/);
    // With the backtracking matcher this path takes hours (the cost grows with depth to the seventh power).
    assert.equal(g.ignoresPath(`${'a/'.repeat(400)}b`), false);
    assert.equal(g.ignoresPath('a/b/c/d/e/f/g/h/c'), true);
    assert.equal(g.ignoresPath('x.log'), true);
  });

  // The timeout is a guard only (with the backtracking matcher this walk does not end); the linear engine is proven above.
  it('is what the file walker uses: a hostile .gitignore in a repository does not stall a scan', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-gitignore-walk-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.gitignore'), '*/**/*/**/*/**/*/**/*/**/*/**/*/**/*/**/c\n*.log\n');
    const deep = join(dir, ...Array.from({ length: 60 }, () => 'a'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'x.js'), 'x');
    writeFileSync(join(dir, 'y.log'), 'x');
    const rels = walkFiles([{ root: dir }]).files.map((f) => f.relPath);
    assert.deepEqual(rels, ['.gitignore', `${Array.from({ length: 60 }, () => 'a').join('/')}/x.js`]);
  });
});
