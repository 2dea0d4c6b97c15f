/** `vigil scan` run in-process for tests: one job, no progress delay, output captured. */
import assert from 'node:assert/strict';
import { runCli } from '../../server/src/cli/main';

/** Runs `vigil scan --root <dir> -j 1 <args>` with `dir` as the working folder and an empty environment. */
export async function scan(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false, columns: 80 }, cwd: dir, env: {} };
  const code = await runCli(['scan', '--root', dir, '-j', '1', ...args], io, { progressDelayMs: 0 });
  return { code, out, err };
}

/** The findings of `vigil scan --root <dir> -j 2 --format json <args>` (two workers: cross-file passes), no file failed. */
export async function scanJsonFindings<F>(dir: string, ...args: string[]): Promise<F[]> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false, columns: 80 }, cwd: dir, env: {} };
  await runCli(['scan', '--root', dir, '-j', '2', '--format', 'json', ...args], io, { progressDelayMs: 0 });
  const report = JSON.parse(out) as { findings: F[]; failed: unknown[] };
  assert.deepEqual(report.failed, [], err);
  return report.findings;
}
