/** Where things are: the repository, the bench's scratch folder, the peers, the Python standard library. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');
export const BENCH = join(REPO, 'bench');
export const RESULTS = join(BENCH, 'results');
/**
 * Scratch space: materialised corpora, lists, bundled runners. Outside the repository, so the copied
 * third-party code is not type-checked or linted with the project, and peers resolve nothing from it.
 * One folder per checkout (named by its path): runs from two checkouts at once sharing one regenerated each
 * other's open files mid-run.
 */
export const RAW = process.env.VIGIL_BENCH_TMP ?? join(tmpdir(), `vigil-bench-${createHash('sha1').update(REPO).digest('hex').slice(0, 8)}`);
export const PEERS = join(BENCH, 'peers');
export const SERVER_JS = join(REPO, 'dist', 'server.js');
export const CLI_JS = join(REPO, 'dist', 'cli.js');

/** The newest `/usr/lib/python3.X` holding the standard library (Debian's python3 package). */
export function pythonStdlibDir(): string {
  const base = '/usr/lib';
  const dirs = existsSync(base)
    ? readdirSync(base)
        .filter((d) => /^python3\.\d+$/.test(d) && existsSync(join(base, d, 'os.py')))
        .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    : [];
  const last = dirs[dirs.length - 1];
  if (!last) throw new Error('Python standard library not found under /usr/lib/python3.X (install Debian\'s python3 package)');
  return join(base, last);
}
