/**
 * The GitHub Action (action.yml + scripts/vigil-pr.sh), run locally: a fixture repository with a pull request's
 * change, a fake `gh` on PATH standing in for the GitHub API (it records its calls and answers the comment list
 * with jq, as gh's --jq would), and the CLI from this checkout. Also: the action and the workflow documented in
 * docs/cli.md pass Vigil's own config rules (pinned actions, no script injection, least privilege).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { runCli } from '../../server/src/cli/main';
import { PR_REPORT_MARKER } from '../../server/src/engine/output/markdown-format';
import { git } from './cli-helpers';

const REPO = join(__dirname, '..', '..');
const SCRIPT = join(REPO, 'scripts', 'vigil-pr.sh');
const CLI = `${process.execPath} --import ${pathToFileURL(require.resolve('tsx')).href} ${join(REPO, 'server', 'src', 'cli', 'main.ts')}`;

/** A fake gh: logs each call (one argument per line, calls separated by `--`) and copies a `-F body=@file` body. */
const FAKE_GH = `#!/usr/bin/env bash
set -eu
{ printf '%s\\n' "$@"; echo --; } >> "$FAKE_GH_DIR/calls.log"
if [ "$1" = api ] && [ "$2" = --paginate ]; then
  [ "$4" = --jq ] && jq -r "$5" "$FAKE_GH_DIR/comments.json"
  exit 0
fi
for a in "$@"; do case "$a" in body=@*) cp "\${a#body=@}" "$FAKE_GH_DIR/posted.md" ;; esac; done
echo '{}'
`;

function fixture(): { repo: string; ghDir: string; bin: string } {
  const repo = mkdtempSync(join(tmpdir(), 'vigil-action-'));
  git(repo, 'init', '-q', '-b', 'main');
  for (const [k, v] of [['user.name', 'Test'], ['user.email', 'test@example.invalid'], ['commit.gpgsign', 'false']]) git(repo, 'config', k!, v!);
  writeFileSync(join(repo, 'README.md'), '# app\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'main');
  git(repo, 'checkout', '-q', '-b', 'feature');
  mkdirSync(join(repo, 'src'));
  writeFileSync(join(repo, 'src', 'users.js'), `const express = require('express');
const app = express();
app.get('/user', (req, res) => {
  db.query("SELECT * FROM users WHERE id = " + req.query.id);
});
`);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'feature');
  const ghDir = mkdtempSync(join(tmpdir(), 'vigil-fake-gh-'));
  const bin = join(ghDir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'gh'), FAKE_GH);
  chmodSync(join(bin, 'gh'), 0o755);
  return { repo, ghDir, bin };
}

function runScript(f: { repo: string; ghDir: string; bin: string }, comments: unknown[]) {
  writeFileSync(join(f.ghDir, 'comments.json'), JSON.stringify(comments));
  return spawnSync('bash', [SCRIPT], {
    cwd: f.repo,
    encoding: 'utf8',
    // A guard against a hang, not a measure of speed.
    timeout: 300_000,
    env: {
      PATH: `${f.bin}:${process.env.PATH}`,
      HOME: process.env.HOME,
      FAKE_GH_DIR: f.ghDir,
      VIGIL_CLI: CLI,
      VIGIL_BASE_REF: 'main',
      VIGIL_FAIL_ON: 'high',
      VIGIL_PR_NUMBER: '7',
      GITHUB_REPOSITORY: 'acme/shop',
      GH_TOKEN: 'fake-token-for-the-fake-gh',
    },
  });
}

const calls = (ghDir: string) => readFileSync(join(ghDir, 'calls.log'), 'utf8').split('--\n').filter((c) => c.trim()).map((c) => c.trim().split('\n'));

describe('GitHub Action script, run locally with a fake gh', () => {
  it('writes SARIF, posts the report as a new comment, and fails on the introduced critical finding', () => {
    const f = fixture();
    const r = runScript(f, [{ id: 1, user: { type: 'User' }, body: 'LGTM' }]);
    assert.equal(r.status, 1, r.stderr);
    const sarif = JSON.parse(readFileSync(join(f.repo, 'vigil.sarif'), 'utf8'));
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'js.sqli.string-query'));
    const posted = readFileSync(join(f.ghDir, 'posted.md'), 'utf8');
    assert.ok(posted.startsWith(`${PR_REPORT_MARKER}\n`));
    assert.match(posted, /1 new finding/);
    const made = calls(f.ghDir);
    assert.deepEqual(made[0]!.slice(0, 3), ['api', '--paginate', 'repos/acme/shop/issues/7/comments']);
    assert.deepEqual(made[1], ['api', '--method', 'POST', 'repos/acme/shop/issues/7/comments', '-F', 'body=@vigil-report.md']);
    assert.equal(made.length, 2);
  });

  it('updates its own earlier comment instead of adding one; a user comment with the marker is not its own', () => {
    const f = fixture();
    const r = runScript(f, [
      { id: 5, user: { type: 'User' }, body: `${PR_REPORT_MARKER}\nfake` },
      { id: 9, user: { type: 'Bot' }, body: `${PR_REPORT_MARKER}\nold report` },
    ]);
    assert.equal(r.status, 1, r.stderr);
    const made = calls(f.ghDir);
    assert.deepEqual(made[1], ['api', '--method', 'PATCH', 'repos/acme/shop/issues/comments/9', '-F', 'body=@vigil-report.md']);
    assert.equal(made.length, 2);
  });
});

describe('the action and the documented workflow pass Vigil\'s own rules', () => {
  it('no config finding in action.yml or the docs/cli.md workflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-own-rules-'));
    const docs = readFileSync(join(REPO, 'docs', 'cli.md'), 'utf8');
    const workflow = /```yaml\n(# \.github\/workflows\/vigil-pr\.yml\n[\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(workflow, 'the documented workflow');
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'vigil-pr.yml'), workflow);
    writeFileSync(join(dir, 'action.yml'), readFileSync(join(REPO, 'action.yml'), 'utf8'));
    // A file that does not parse would get no finding at all: both must be valid YAML first.
    for (const text of [workflow, readFileSync(join(REPO, 'action.yml'), 'utf8')]) assert.deepEqual(parseDocument(text).errors.map((e) => e.message), []);
    let out = '';
    const code = await runCli(['scan', '--root', dir, '-f', 'json', '--no-history', '-j', '1', '--min-severity', 'info'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      cwd: dir,
      env: {},
    });
    const doc = JSON.parse(out);
    assert.ok(doc.summary.filesScanned >= 2);
    assert.deepEqual(doc.findings.map((x: { path: string; ruleId: string }) => `${x.path} ${x.ruleId}`), []);
    assert.equal(code, 0);
    assert.ok(existsSync(SCRIPT));
  });
});
