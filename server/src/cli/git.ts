/**
 * Git queries for the diff-aware modes: files changed since a ref (plus untracked ones) and the staged content
 * of a commit in preparation. Runs the local `git` binary; no network.
 */
import { execFileSync } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';
import { SAFE_GIT_CONFIG, safeGitEnv } from '../engine/secrets/exposure';

/** A failure the user can act on (bad ref, not a repository), reported as a usage error. */
export class GitError extends Error {}

function git(cwd: string, args: string[]): Buffer {
  try {
    // The repository may be hostile: its config must not make git run programs (fsmonitor, pager, gpg) or fetch.
    return execFileSync('git', ['--no-pager', ...SAFE_GIT_CONFIG, ...args], { cwd, env: safeGitEnv(), maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: Buffer; code?: string; message: string };
    if (err.code === 'ENOENT') throw new GitError('git is not installed or not on PATH');
    const detail = err.stderr?.toString().trim() || err.message;
    throw new GitError(`git ${args[0]} failed: ${detail}`);
  }
}

const splitZ = (b: Buffer) => b.toString('utf8').split('\0').filter((s) => s.length > 0);

/** The top folder of the repository holding `cwd`, or undefined outside a repository. */
export function gitTopLevel(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files changed against `ref`: committed since the merge base of `ref` and HEAD (so on a feature branch,
 * `main` means "what this branch changed"), plus uncommitted and untracked files. Deleted files are left out.
 * Absolute paths.
 */
export function changedFiles(top: string, ref: string): string[] {
  try {
    git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`unknown git ref "${ref}" (try a branch, tag or commit, e.g. --changed-since origin/main)`);
  }
  let base = ref;
  try {
    base = git(top, ['merge-base', ref, 'HEAD']).toString('utf8').trim() || ref;
  } catch {
    // No common history (or no HEAD yet): compare with the ref itself.
  }
  const changed = splitZ(git(top, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base, '--']));
  const untracked = splitZ(git(top, ['ls-files', '-z', '--others', '--exclude-standard']));
  return [...new Set([...changed, ...untracked])].sort().map((p) => join(top, p));
}

/** A staged file and its staged content (the blob in the index, not the working tree). */
export interface StagedFile {
  path: string;
  content: Buffer;
}

/** Files added, copied, modified or renamed in the index, with their staged content. */
export function stagedFiles(top: string): StagedFile[] {
  const names = splitZ(git(top, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACM']));
  const out: StagedFile[] = [];
  for (const name of names) {
    // Only regular files: skip submodules (160000) and symlinks (120000), whose "content" is not code.
    const entry = git(top, ['ls-files', '-s', '-z', '--', name]).toString('utf8');
    if (!entry.startsWith('100')) continue;
    out.push({ path: join(top, name), content: git(top, ['cat-file', 'blob', `:${name}`]) });
  }
  return out;
}

/** The folder where git looks for hooks (honours core.hooksPath), absolute. */
export function hooksDir(top: string): string {
  const dir = git(top, ['rev-parse', '--git-path', 'hooks']).toString('utf8').trim();
  return isAbsolute(dir) ? dir : join(top, dir);
}

/** The repository's git folders: its own (`.git`, or a linked worktree's) and the common one that holds hooks and config. */
export function gitDirs(top: string): string[] {
  const out = git(top, ['rev-parse', '--git-dir', '--git-common-dir']).toString('utf8').trim().split('\n');
  // Older git prints these relative to the folder it ran in.
  return [...new Set(out.filter((d) => d.length > 0).map((d) => resolve(top, d)))];
}
