/** `vigil scan` run in-process for tests: one job, no progress delay, output captured. */
import { runCli } from '../../server/src/cli/main';

/** Runs `vigil scan --root <dir> -j 1 <args>` with `dir` as the working folder and an empty environment. */
export async function scan(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false, columns: 80 }, cwd: dir, env: {} };
  const code = await runCli(['scan', '--root', dir, '-j', '1', ...args], io, { progressDelayMs: 0 });
  return { code, out, err };
}
