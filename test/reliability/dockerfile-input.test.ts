/**
 * The bundled CLI (dist/cli.js, with dockerfile-ast inside it) on Dockerfiles good and bad: a heredoc Dockerfile
 * gets its findings, an oversize one a notice, a binary one a skip, and nothing crashes. Needs `npm run build`.
 * The child's timeout is a guard against a hang, not a measure.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { prng } from './corpus';

const ROOT = join(__dirname, '..', '..');
const CLI_JS = join(ROOT, 'dist', 'cli.js');

interface Report {
  findings: { path: string; ruleId: string; range: { start: { line: number } } }[];
  notices: { path: string; reason: string; message: string }[];
  summary: { filesSkipped: number; filesFailed: number };
}

describe('Dockerfiles through the bundled CLI', () => {
  it('finds heredoc findings, notes an oversize file, skips a binary one, and never fails a file', () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-dockerfile-'));
    try {
      for (const d of ['app', 'big', 'bin', 'broken']) mkdirSync(join(ws, d));
      writeFileSync(join(ws, 'app', 'Dockerfile'), readFileSync(join(ROOT, 'rules', 'config', 'dockerfile-heredoc-user.fixture.Dockerfile')));
      writeFileSync(join(ws, 'big', 'Dockerfile'), 'FROM ubuntu\nRUN ' + 'x '.repeat(140_000) + '\n');
      const rnd = prng(5);
      writeFileSync(join(ws, 'bin', 'Dockerfile'), Buffer.from(Array.from({ length: 5_000 }, () => Math.floor(rnd() * 256))));
      writeFileSync(join(ws, 'broken', 'Dockerfile'), 'FROM alpine:3.20\r\nRUN <<EOF\r\nRUN a \\\n' + '\\\n'.repeat(3_000) + 'ENV "x \r USER');
      const r = spawnSync(process.execPath, [CLI_JS, 'scan', '--root', ws, '-j', '1', '--format', 'json'], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 1, r.stderr);
      const report = JSON.parse(r.stdout) as Report;
      assert.deepEqual(
        report.findings.map((f) => `${f.path}:${f.range.start.line}:${f.ruleId}`),
        // The broken file's unterminated heredoc runs to its end: its FROM still has no USER.
        ['app/Dockerfile:2:config.docker.root-user', 'broken/Dockerfile:0:config.docker.root-user'],
      );
      assert.ok(report.notices.some((n) => n.path === 'big/Dockerfile' && /did not check this Dockerfile/.test(n.message)), JSON.stringify(report.notices));
      assert.equal(report.summary.filesSkipped, 1);
      assert.equal(report.summary.filesFailed, 0);
      assert.ok(!report.notices.some((n) => n.reason === 'analyzer-error'), JSON.stringify(report.notices));
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
