/** Shared set-up for the CLI tests: scratch copies of fixture projects, scratch git repos, an in-process CLI. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../server/src/cli/main';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'projects');
export const TEST_ANALYZERS = join(FIXTURES, 'test-analyzers.ts');

/** A scratch copy of `test/fixtures/projects/<name>`. */
export function project(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vigil-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** A new scratch folder `vigil-<name>-*` holding `files` (relative path -> text). */
export function scratchWorkspace(name: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), `vigil-${name}-`));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Makes `dir` a git repository with everything in it committed on `main`. */
export function gitInit(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'user.name', 'Vigil Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with the test analyzers. */
export async function cli(cwd: string, args: string[], options: { tty?: boolean; stderrTty?: boolean; env?: Record<string, string> } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    {
      stdout: { write: (s: string) => (out += s), isTTY: options.tty ?? false },
      stderr: { write: (s: string) => (err += s), isTTY: options.stderrTty ?? false, columns: 80 },
      cwd,
      env: options.env ?? {},
    },
    { analyzerModule: TEST_ANALYZERS, progressDelayMs: 0 },
  );
  return { code, out, err };
}
