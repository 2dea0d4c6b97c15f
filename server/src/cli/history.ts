/**
 * Findings of committed trees, for `vigil score --history`, `vigil leaderboard` and the base side of the
 * pull-request report: files are read from git objects (`git ls-tree`, `git cat-file --batch`), never checked out,
 * and scanned with the same engine, rules and config as `vigil scan`. Results are cached by blob, path and rules
 * version, so a file unchanged across commits is scanned once per run. `prefetch` scans the new file versions of
 * many commits in one run of the worker pool (all cores); what it did not cover is scanned in this thread. Each
 * file is scanned alone: flows across files (the workspace scan's cross-file pass) are not followed here.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, posix } from 'node:path';
import type { Analyzer } from '../engine/analyzer';
import type { AnalyzerOptions } from '../engine/analyzers';
import { Engine } from '../engine/engine';
import { matchesAnyGlob } from '../engine/glob';
import { languageIdForPath } from '../engine/languages';
import type { ScanFile } from '../engine/scan/file-walker';
import { scanFiles, type ScanPool } from '../engine/scan/scan-pool';
import { SAFE_GIT_CONFIG, safeGitEnv } from '../engine/secrets/exposure';
import type { AnalysisSettings, Finding } from '../engine/types';
import { GitError } from './git';

function git(top: string, args: string[], input?: string): Buffer {
  try {
    // The repository may be hostile: its config must not make git run programs (fsmonitor, pager, gpg) or fetch.
    // Literal pathspecs: a file named `*.js` or `:(glob)x` must mean that file, never a pattern.
    return execFileSync('git', ['--no-pager', '--literal-pathspecs', ...SAFE_GIT_CONFIG, ...args], {
      cwd: top,
      env: safeGitEnv(),
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(input !== undefined ? { input } : {}),
    });
  } catch (e) {
    const err = e as { stderr?: Buffer; code?: string; message: string };
    if (err.code === 'ENOENT') throw new GitError('git is not installed or not on PATH');
    throw new GitError(`git ${args[0]} failed: ${err.stderr?.toString().trim() || err.message}`);
  }
}

/** A commit: its sha, first parent (none for a root commit), committer date (ISO 8601) and author. */
export interface CommitInfo {
  sha: string;
  parent?: string;
  date: string;
  author: string;
  email: string;
}

/** Resolves `ref` to a commit sha, or throws a GitError naming it. */
export function resolveCommit(top: string, ref: string): string {
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new GitError(`unknown git ref "${ref}" (try a branch, tag or commit, e.g. origin/main)`);
  }
}

/**
 * Commits reachable from HEAD, newest first: the last `max` along the first-parent line (the branch's own history,
 * one entry per merged change), or, with `since`, those not reachable from it. Merge commits are left out of the
 * `since` walk: their changes are counted on the commits they bring in.
 */
export function listCommits(top: string, options: { max?: number; since?: string; firstParent?: boolean }): CommitInfo[] {
  const args = ['log', '-z', '--format=%H%x1f%P%x1f%cI%x1f%an%x1f%ae'];
  if (options.firstParent) args.push('--first-parent');
  else args.push('--no-merges');
  if (options.max !== undefined) args.push(`--max-count=${options.max}`);
  let out: string;
  try {
    out = git(top, [...args, options.since ? `${resolveCommit(top, options.since)}..HEAD` : 'HEAD', '--']).toString('utf8');
  } catch (e) {
    if (e instanceof GitError && /does not have any commits|unknown revision|bad revision/.test(e.message)) return [];
    throw e;
  }
  return out
    .split('\0')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [sha = '', parents = '', date = '', author = '', email = ''] = l.replace(/^\n/, '').split('\x1f');
      const parent = parents.split(' ')[0];
      return { sha, ...(parent ? { parent } : {}), date, author, email };
    });
}

/** A regular file of a committed tree: path from the repository top (posix), blob sha and size. */
export interface TreeFile {
  path: string;
  blob: string;
  size: number;
}

/** The regular files of `commit` (symbolic links and submodules are not code), optionally only `paths`. */
export function treeFiles(top: string, commit: string, paths?: readonly string[]): TreeFile[] {
  if (paths && paths.length === 0) return [];
  // The whole tree, filtered here: a change of thousands of files would not fit on a command line.
  const wanted = paths ? new Set(paths) : undefined;
  const out = git(top, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]).toString('utf8');
  const files: TreeFile[] = [];
  for (const entry of out.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(entry);
    if (!m || !m[1]!.startsWith('100') || (wanted && !wanted.has(m[4]!))) continue;
    files.push({ path: m[4]!, blob: m[2]!, size: Number(m[3]) });
  }
  return files;
}

/**
 * The regular files of each of `commits` (oldest first, each the first parent of the next: a branch's first-parent
 * line), as `treeFiles` lists them, from four git calls whatever their number instead of one per commit: the
 * oldest tree whole, then each commit's changes from its first parent, and the sizes of the new blobs. Undefined
 * when the commits are not such a line or git cannot tell (the caller lists each tree).
 */
export function treesAlong(top: string, commits: readonly CommitInfo[]): Map<string, TreeFile[]> | undefined {
  if (commits.length === 0 || commits.some((c, i) => i > 0 && c.parent !== commits[i - 1]!.sha)) return undefined;
  const trees = new Map<string, TreeFile[]>();
  const first = treeFiles(top, commits[0]!.sha);
  trees.set(commits[0]!.sha, first);
  if (commits.length === 1) return trees;
  let raw: string;
  try {
    raw = git(top, ['log', '--stdin', '--no-walk=unsorted', '--diff-merges=first-parent', '--raw', '-z', '--no-renames', '--no-abbrev', '--format=%x01%H'], `${commits.slice(1).map((c) => c.sha).join('\n')}\n`).toString('utf8');
  } catch {
    return undefined; // a git before 2.31 has no --diff-merges
  }
  // Per commit: its sha, then `:<old mode> <new mode> <old blob> <new blob> <status>` and the path, NUL-separated.
  const changes = new Map<string, { mode: string; blob: string; status: string; path: string }[]>();
  for (const chunk of raw.split('\x01').slice(1)) {
    const fields = chunk.split('\0');
    const sha = fields[0]!.trim();
    const list: { mode: string; blob: string; status: string; path: string }[] = [];
    for (let i = 1; i < fields.length; ) {
      const header = fields[i]!.trim();
      if (!header) {
        i++; // the newline after the sha, the end of the output
        continue;
      }
      const m = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) ([A-Z])$/.exec(header);
      const path = fields[i + 1];
      if (!m || path === undefined) return undefined;
      list.push({ mode: m[1]!, blob: m[2]!, status: m[3]!, path });
      i += 2;
    }
    changes.set(sha, list);
  }
  const wanted = [...new Set([...changes.values()].flatMap((l) => l.filter((x) => x.status !== 'D' && x.mode.startsWith('100')).map((x) => x.blob)))];
  const sizes = new Map<string, number>();
  if (wanted.length > 0) {
    for (const line of git(top, ['cat-file', '--batch-check'], `${wanted.join('\n')}\n`).toString('utf8').split('\n')) {
      const [sha = '', type = '', size = ''] = line.split(' ');
      if (type === 'blob') sizes.set(sha, Number(size));
    }
  }
  const files = new Map(first.map((f) => [f.path, f]));
  for (const c of commits.slice(1)) {
    const list = changes.get(c.sha);
    if (!list) return undefined;
    for (const x of list) {
      // A deletion, or a path that is no longer a regular file (a symbolic link, a submodule), leaves the listing.
      const size = sizes.get(x.blob);
      if (x.status === 'D' || !x.mode.startsWith('100') || size === undefined) files.delete(x.path);
      else files.set(x.path, { path: x.path, blob: x.blob, size });
    }
    trees.set(c.sha, [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }
  return trees;
}

/** Paths (from the top) that differ between two commits, deleted ones included; from the empty tree without `from`. */
export function changedPaths(top: string, from: string | undefined, to: string): string[] {
  const args = from ? ['diff-tree', '-r', '-z', '--name-only', '--no-renames', from, to] : ['ls-tree', '-r', '-z', '--name-only', '--full-tree', to];
  return git(top, args).toString('utf8').split('\0').filter((p) => p.length > 0);
}

/** The merge base of `ref` and HEAD (what a branch started from), else `ref` itself; throws for an unknown ref. */
export function mergeBase(top: string, ref: string): string {
  const commit = resolveCommit(top, ref);
  try {
    return git(top, ['merge-base', commit, 'HEAD']).toString('utf8').trim() || commit;
  } catch {
    return commit;
  }
}

/** Paths (from the top) deleted in the working tree or commits since `base`. */
export function deletedSince(top: string, base: string): string[] {
  return git(top, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=D', base, '--']).toString('utf8').split('\0').filter((p) => p.length > 0);
}

/** The contents of `blobs`, read through one `git cat-file --batch`. */
export function readBlobs(top: string, blobs: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const wanted = [...new Set(blobs)];
  if (wanted.length === 0) return out;
  const raw = git(top, ['cat-file', '--batch'], `${wanted.join('\n')}\n`);
  let at = 0;
  while (at < raw.length) {
    const nl = raw.indexOf(0x0a, at);
    if (nl < 0) break;
    const [sha = '', type = '', size = ''] = raw.subarray(at, nl).toString('utf8').split(' ');
    if (type === 'missing' || size === '') {
      at = nl + 1;
      continue;
    }
    const n = Number(size);
    out.set(sha, raw.subarray(nl + 1, nl + 1 + n));
    at = nl + 1 + n + 1; // the content is followed by a newline
  }
  return out;
}

/** What decides a file's findings besides its content and path: the tool, the rules and the settings. */
export function rulesVersion(toolVersion: string, analyzers: readonly Analyzer[], settings: AnalysisSettings): string {
  const rules = analyzers.flatMap((a) => a.rules().map((r) => `${r.id}:${r.severity}`)).sort();
  return createHash('sha256').update(JSON.stringify([toolVersion, rules, settings])).digest('hex').slice(0, 16);
}

export interface TreeScannerOptions {
  /** The repository's top folder. */
  top: string;
  /** The workspace root (inside `top`): only files under it are scanned, and paths are classified from it. */
  root: string;
  analyzers: Analyzer[];
  settings: AnalysisSettings;
  /** Globs (relative to `root`) never scanned: the config's and the defaults. */
  exclude: string[];
  toolVersion: string;
  /** What the pool's workers build their analyzers from (the same as `analyzers` were built from). */
  analyzerOptions?: AnalyzerOptions;
  /** Tests: the module the analyzers come from, for the workers too. */
  analyzerModule?: string;
  /** Worker threads for `prefetch`; default: one per core. */
  jobs?: number;
  /**
   * Workers for `prefetch` kept from an earlier scan (the working tree's, in `vigil score --history`), built with the
   * same `analyzerOptions` and `analyzerModule`; without it `prefetch` starts a pool of its own.
   */
  pool?: ScanPool;
  /**
   * `prefetch` leaves fewer new file versions than this to `findingsAt` (in this thread): starting the workers
   * (each loads the rules and grammars) costs more than a few files. Default 32.
   */
  minPoolFiles?: number;
}

/** A file's findings as a scan of it alone gives them, and the git blob id of the bytes scanned. */
export interface AloneResult {
  /** Path relative to the workspace root, posix. */
  relPath: string;
  blob: string;
  findings: Finding[];
}

/** Some paths (from the repository top) of a commit's tree, or all of it without `paths`. */
export interface TreeTarget {
  commit: string;
  paths?: readonly string[];
}

/** A file's findings at one commit. */
export interface TreeFileFindings {
  /** Path relative to the workspace root, posix. */
  relPath: string;
  findings: Finding[];
}

/** Scans files of committed trees, each (blob, path) once per rules version. */
export class TreeScanner {
  private readonly cache = new Map<string, Finding[]>();
  /** Whole-tree listings by commit: `prefetch` lists each tree once for the later `findingsAt`. */
  private readonly trees = new Map<string, TreeFile[]>();
  /** Listings of some paths of a tree, by commit and paths (`leaderboard`: the files each commit changed). */
  private readonly parts = new Map<string, TreeFile[]>();
  private readonly prefix: string;
  readonly version: string;
  /** How many files were really scanned (not served from the cache). */
  scanned = 0;
  /** Of those, how many in this thread (the rest on the worker pool). */
  scannedInThread = 0;
  /** Runs of the worker pool (`prefetch` calls that had something to scan). */
  poolRuns = 0;
  /** File versions whose findings were given by `seed` (scanned elsewhere), not scanned here. */
  reused = 0;

  private constructor(
    private readonly engine: Engine,
    private readonly options: TreeScannerOptions,
  ) {
    const rel = posix.normalize(posix.relative(options.top.split('\\').join('/'), options.root.split('\\').join('/')));
    this.prefix = rel === '.' || rel === '' ? '' : `${rel}/`;
    this.version = rulesVersion(options.toolVersion, options.analyzers, options.settings);
  }

  static async create(options: TreeScannerOptions): Promise<TreeScanner> {
    return new TreeScanner(await Engine.create({ analyzers: options.analyzers }), options);
  }

  /** Path from the workspace root, or undefined for a file outside it or excluded. */
  private relPath(topPath: string): string | undefined {
    if (!topPath.startsWith(this.prefix)) return undefined;
    const rel = topPath.slice(this.prefix.length);
    return matchesAnyGlob(rel, this.options.exclude) ? undefined : rel;
  }

  /** The files of `commit` (or `paths` in it) under the root, not excluded nor too large, with their workspace path. */
  private filesAt(commit: string, paths?: readonly string[]): (TreeFile & { rel: string })[] {
    // Some paths of a tree: the whole listing filtered if it is known, else listed once (`prefetch`, then `findingsAt`).
    const partKey = paths ? `${commit}\0${paths.join('\0')}` : undefined;
    const whole = this.trees.get(commit);
    let listed = paths ? (whole ? undefined : this.parts.get(partKey!)) : whole;
    if (!listed && paths && whole) {
      const wanted = new Set(paths);
      listed = whole.filter((f) => wanted.has(f.path));
    }
    if (!listed) {
      listed = treeFiles(this.options.top, commit, paths);
      if (!paths) this.trees.set(commit, listed);
      else this.parts.set(partKey!, listed);
    }
    return listed
      .map((f) => ({ ...f, rel: this.relPath(f.path) }))
      .filter((f): f is TreeFile & { rel: string } => f.rel !== undefined && f.size <= this.options.settings.maxFileSize * 4);
  }

  private key(f: TreeFile & { rel: string }): string {
    return `${this.version}\0${f.blob}\0${f.rel}`;
  }

  /** Lists the trees of a first-parent line of commits (oldest first) in a few git calls, for `prefetch`. */
  listTrees(commits: readonly CommitInfo[]): void {
    const todo = commits.filter((c) => !this.trees.has(c.sha));
    if (todo.length < 2) return;
    for (const [sha, files] of treesAlong(this.options.top, todo) ?? []) this.trees.set(sha, files);
  }

  /**
   * Takes the findings of files of `commit` from a scan done elsewhere of the same bytes at the same path (the
   * working tree's scan, for HEAD), so they are not scanned again. Only results of files scanned alone may be
   * given (`FileScanResult.alone`): history scans each file alone. A file whose blob differs (edited since the
   * commit) is left to `prefetch`/`findingsAt`.
   */
  seed(commit: string, results: readonly AloneResult[]): void {
    const byPath = new Map(results.map((r) => [r.relPath, r]));
    for (const f of this.filesAt(commit)) {
      const r = byPath.get(f.rel);
      if (!r || r.blob !== f.blob || this.cache.has(this.key(f))) continue;
      this.cache.set(this.key(f), r.findings);
      this.reused++;
    }
  }

  /**
   * Scans, in one run of the worker pool, every file version of `targets` (a commit's whole tree, or some paths of
   * it, as `findingsAt` will ask) not in the cache yet, so `findingsAt` on them then only reads the cache. One git
   * call per tree and one `cat-file --batch` for all the contents; a file the pool fails on is left out of the
   * cache, and `findingsAt` scans it in this thread.
   */
  async prefetch(targets: readonly (string | TreeTarget)[]): Promise<void> {
    const todo = new Map<string, TreeFile & { rel: string }>();
    for (const t of targets) {
      const files = typeof t === 'string' ? this.filesAt(t) : this.filesAt(t.commit, t.paths);
      for (const f of files) if (!this.cache.has(this.key(f))) todo.set(this.key(f), f);
    }
    if (todo.size === 0 || todo.size < (this.options.minPoolFiles ?? 32)) return;
    const contents = readBlobs(this.options.top, [...todo.values()].map((f) => f.blob));
    // By the file object: one path may come with several contents (versions of one file in different commits).
    const keyOf = new Map<ScanFile, string>();
    for (const [key, f] of todo) {
      const content = contents.get(f.blob);
      if (content) keyOf.set({ path: join(this.options.root, f.rel), root: this.options.root, relPath: f.rel, content }, key);
    }
    this.poolRuns++;
    // No cross-file pass and no workspace exposure facts: the files come from many trees, and the in-thread scan
    // (which this must equal) uses neither. Skipped and failed files stay uncached: `findingsAt` handles them.
    await scanFiles([...keyOf.keys()], this.options.settings, {
      jobs: this.options.jobs,
      analyzerOptions: this.options.analyzerOptions,
      analyzerModule: this.options.analyzerModule,
      ...(this.options.pool ? { pool: this.options.pool } : {}),
      crossFile: false,
      workspaceExposure: false,
      onResult: (r) => {
        this.scanned++;
        this.cache.set(keyOf.get(r.file)!, r.findings);
      },
    });
  }

  /** The findings of each file of `commit` (or of `paths` in it, paths from the repository top) that has any. */
  findingsAt(commit: string, paths?: readonly string[]): TreeFileFindings[] {
    const files = this.filesAt(commit, paths);
    const missing = files.filter((f) => !this.cache.has(this.key(f)));
    const contents = readBlobs(this.options.top, missing.map((f) => f.blob));
    for (const f of missing) {
      const bytes = contents.get(f.blob);
      this.cache.set(this.key(f), bytes ? this.scan(f.rel, bytes) : []);
    }
    return files
      .map((f) => ({ relPath: f.rel, findings: this.cache.get(this.key(f))! }))
      .filter((f) => f.findings.length > 0)
      .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  }

  private scan(rel: string, bytes: Buffer): Finding[] {
    if (bytes.subarray(0, 8192).includes(0)) return [];
    this.scanned++;
    this.scannedInThread++;
    const path = join(this.options.root, rel);
    const text = new TextDecoder('utf-8').decode(bytes);
    return this.engine.scanText(path, languageIdForPath(path), text, this.options.settings, this.options.root).findings;
  }

  dispose(): void {
    this.engine.dispose();
  }
}

/** A finding's identity across commits: the file, the rule and the fingerprint (which survives unrelated edits). */
export function findingKey(relPath: string, f: Finding): string {
  return `${relPath}\0${f.ruleId}\0${f.fingerprint ?? ''}`;
}
