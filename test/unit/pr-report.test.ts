/**
 * `vigil scan --changed-since REF --format markdown`: the pull-request comment. Built-in rules on a fixture
 * repository made here; the output is compared with a snapshot (test/fixtures/pr-report.snapshot.md; rerun with
 * UPDATE_SNAPSHOTS=1 after a deliberate change and review the diff).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { PR_REPORT_MARKER } from '../../server/src/engine/output/markdown-format';
import { git } from './cli-helpers';

// A fake key in the AWS access key id format (not a real credential).
const FAKE_AWS_KEY = 'AKIAIOSFODNN7EXAMPLQ';
const SNAPSHOT = join(__dirname, '..', 'fixtures', 'pr-report.snapshot.md');

const ROUTE = (extra = '') => `const express = require('express');
const app = express();
${extra}app.get('/user', (req, res) => {
  db.query("SELECT * FROM users WHERE id = " + req.query.id);
});
`;

function write(dir: string, files: Record<string, string>): void {
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
}

/** main: a committed key and an existing flow; the branch removes the key, touches the flow's file, adds a new flow. */
function fixtureRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-pr-'));
  git(dir, 'init', '-q', '-b', 'main');
  for (const [k, v] of [['user.name', 'Test'], ['user.email', 'test@example.invalid'], ['commit.gpgsign', 'false']]) git(dir, 'config', k!, v!);
  write(dir, { 'src/config.js': `module.exports = { key: '${FAKE_AWS_KEY}' };\n`, 'src/legacy.js': ROUTE() });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'main');
  git(dir, 'checkout', '-q', '-b', 'feature');
  write(dir, {
    'src/config.js': 'module.exports = { key: process.env.AWS_ACCESS_KEY_ID };\n',
    'src/legacy.js': ROUTE('// a comment above: the old flow is not new\n'),
    'src/users.js': ROUTE(),
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'feature');
  return dir;
}

async function report(dir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['scan', '--changed-since', 'main', '--format', 'markdown', '--no-history', '-j', '1'], {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: dir,
    env: {},
  });
  return { code, out, err };
}

describe('pull-request report (markdown)', () => {
  it('lists only the introduced findings with trace and fix, the fixed ones as wins, and the score change', async () => {
    const dir = fixtureRepo();
    const r = await report(dir);
    assert.equal(r.code, 1, r.err);
    assert.ok(r.out.startsWith(`${PR_REPORT_MARKER}\n`));
    assert.ok(!r.out.includes(FAKE_AWS_KEY), 'the secret never appears, not even in a diff');
    assert.match(r.out, /`src\/users\.js` line 4/);
    assert.doesNotMatch(r.out, /src\/legacy\.js/, 'a finding that existed before is not new, though its file changed');
    assert.match(r.out, /### Fixed/);
    assert.match(r.out, /`src\/config\.js` line 1/);
    assert.match(r.out, /```diff\n- {2}db\.query\("SELECT \* FROM users WHERE id = " \+ req\.query\.id\);\n\+ {2}db\.query\("SELECT \* FROM users WHERE id = \?", \[req\.query\.id\]\);\n```/);
    assert.match(r.out, /Security score: \d+ → \d+/);
    const again = await report(dir);
    assert.equal(again.out, r.out, 'deterministic');
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, r.out);
    assert.ok(existsSync(SNAPSHOT), "snapshot missing: run with UPDATE_SNAPSHOTS=1 and review it");
    assert.equal(r.out, readFileSync(SNAPSHOT, 'utf8'));
  });

  it('needs --changed-since', async () => {
    let err = '';
    const code = await runCli(['scan', '--format', 'markdown'], { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: tmpdir(), env: {} });
    assert.equal(code, 2);
    assert.match(err, /--format markdown needs --changed-since/);
  });
});

describe('markdown escaping of repository text', () => {
  it('shows text as written: no HTML, links, mentions, headings or table breaks', async () => {
    const { mdText, mdCode, mdBlock } = await import('../../server/src/engine/output/markdown-text');
    assert.equal(mdText('# <img src=x onerror=alert(1)> [a](http://x) @alice a|b & `c`'), '\\# \\<img src=x onerror=alert(1)\\> \\[a\\](http://x) @\u200balice a\\|b &amp; \\`c\\`');
    assert.equal(mdText('12. item'), '12\\. item');
    assert.equal(mdText('line\nbreak'), 'line break');
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdBlock('diff', '```\nx'), '````diff\n```\nx\n````');
  });
});
