/**
 * Lists the files a scan should read: every workspace folder, honouring `.gitignore` files at every level
 * (git's precedence: a deeper file overrides a shallower one, later lines override earlier ones), the configured
 * exclude globs, and skipping oversized files, unreadable entries and symlink loops with a reason for each.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Gitignore } from '../gitignore';
import { globProblem, matchesAnyGlob } from '../glob';

/** A file to scan. */
export interface ScanFile {
  /** Absolute path. */
  path: string;
  /** The workspace folder it belongs to. */
  root: string;
  /** Path relative to `root`, with `/` separators. */
  relPath: string;
  /** Content to scan instead of the file on disk (e.g. the staged blob for `--staged`). */
  content?: Buffer;
  /** Its size in bytes when listed (the pool's estimate of the work; read from disk when absent). */
  size?: number;
}

/** Why a file was not scanned. */
export type SkipReason = 'too-large' | 'binary' | 'unreadable' | 'symlink-loop' | 'analyzer-error' | 'parse-timeout' | 'analysis-budget' | 'minified' | 'excluded';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  message: string;
}

export interface WalkOptions {
  /** Globs (minimatch syntax, matched by `../glob`) relative to each root, for files and folders never scanned. */
  exclude?: string[];
  /** Files above this many bytes are skipped (a byte count is an upper bound on the character count). */
  maxFileSize?: number;
  /** Honour `.gitignore` files (default true). */
  gitignore?: boolean;
  signal?: AbortSignal;
}

export interface WalkResult {
  files: ScanFile[];
  skipped: SkippedFile[];
}

/** Folders never worth walking: version-control metadata. */
const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

interface IgnoreLevel {
  /** Folder of the `.gitignore`, relative to the root with `/` separators ('' for the root). */
  dir: string;
  matcher: Gitignore;
}

/** A workspace folder to walk, optionally limited to some files or folders inside it. */
export interface WalkRoot {
  /** Absolute path of the workspace folder; `.gitignore` files and excludes are relative to it. */
  root: string;
  /** Absolute files or folders inside `root` to walk (default: all of `root`). */
  paths?: string[];
}

/**
 * Walks each root and returns the files to scan, sorted by path. Files named explicitly in `paths` are not
 * subject to `.gitignore` (like git, naming a file means it) but still to the exclude globs.
 */
export function walkFiles(roots: WalkRoot[], options: WalkOptions = {}): WalkResult {
  const steps = walkSteps(roots, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same walk, giving the event loop a turn after a folder once `yieldAfterMs` have passed since the last turn
 * (0: after every folder): a language server stays responsive to edits while it lists a large workspace.
 */
export async function walkFilesAsync(roots: WalkRoot[], options: WalkOptions = {}, yieldAfterMs = 20): Promise<WalkResult> {
  const steps = walkSteps(roots, options);
  let since = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    // Only how often it yields depends on the clock, never what it returns.
    if (Date.now() - since >= yieldAfterMs) {
      await new Promise((r) => setImmediate(r));
      since = Date.now();
    }
  }
}

/** The walk as a generator that yields after each folder; returns the result. */
function* walkSteps(roots: WalkRoot[], options: WalkOptions): Generator<void, WalkResult, void> {
  const files: ScanFile[] = [];
  const skipped: SkippedFile[] = [];
  const exclude = options.exclude ?? [];
  const useGitignore = options.gitignore !== false;
  const seenFiles = new Set<string>();

  // `dist/**` also prunes the folder `dist` itself, so it is not walked at all.
  const dirExclude = exclude.filter((g) => g.endsWith('/**') && globProblem(g) === undefined).map((g) => g.slice(0, -3));
  const excluded = (rel: string, isDir: boolean): boolean => matchesAnyGlob(rel, exclude) || (isDir && matchesAnyGlob(rel, dirExclude));

  const gitIgnored = (levels: IgnoreLevel[], rel: string, isDir: boolean): boolean => {
    // Deepest .gitignore first: the first one with an opinion (ignore or re-include) decides.
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i]!;
      if (level.dir !== '' && !rel.startsWith(`${level.dir}/`)) continue;
      const sub = level.dir === '' ? rel : rel.slice(level.dir.length + 1);
      const verdict = level.matcher.test(sub, isDir);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  };

  const loadLevel = (levels: IgnoreLevel[], dir: string, rel: string): IgnoreLevel[] => {
    if (!useGitignore) return levels;
    let text: string;
    try {
      text = readFileSync(join(dir, '.gitignore'), 'utf8');
    } catch {
      return levels; // none, or unreadable: ignores nothing, like git
    }
    return [...levels, { dir: rel, matcher: Gitignore.parse(text) }];
  };

  const addFile = (path: string, root: string, rel: string, stats: Stats) => {
    if (seenFiles.has(path)) return;
    seenFiles.add(path);
    if (options.maxFileSize !== undefined && stats.size > options.maxFileSize) {
      skipped.push({
        path,
        reason: 'too-large',
        message: `skipped: ${stats.size.toLocaleString('en-US')} bytes is over the ${options.maxFileSize.toLocaleString('en-US')} limit (maxFileSize)`,
      });
      return;
    }
    files.push({ path, root, relPath: rel, size: stats.size });
  };

  for (const { root, paths } of roots) {
    const visitedDirs = new Set<string>();
    let realRoot = root;
    try {
      realRoot = realpathSync(root);
    } catch {
      /* reported when the walk reaches it */
    }
    const leavesRoot = (path: string, real: string): boolean => {
      if (real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`)) return false;
      skipped.push({ path, reason: 'excluded', message: `skipped: symbolic link to ${real}, outside the workspace folder` });
      return true;
    };
    const walk = function* (dir: string, rel: string, parentLevels: IgnoreLevel[]): Generator<void, void, void> {
      if (options.signal?.aborted) return;
      let real: string;
      try {
        real = realpathSync(dir);
      } catch (e) {
        skipped.push({ path: dir, reason: 'unreadable', message: `skipped: cannot resolve (${(e as NodeJS.ErrnoException).code})` });
        return;
      }
      if (visitedDirs.has(real)) {
        skipped.push({ path: dir, reason: 'symlink-loop', message: `skipped: symbolic link loop (${real} is already being scanned)` });
        return;
      }
      visitedDirs.add(real);
      let entries: string[];
      try {
        entries = readdirSync(dir).sort();
      } catch (e) {
        skipped.push({ path: dir, reason: 'unreadable', message: `skipped: cannot list folder (${(e as NodeJS.ErrnoException).code})` });
        return;
      }
      const levels = entries.includes('.gitignore') ? loadLevel(parentLevels, dir, rel) : parentLevels;
      yield; // a folder listed: a point where the async walk can let other work run
      for (const name of entries) {
        if (ALWAYS_SKIPPED_DIRS.has(name)) continue;
        const path = join(dir, name);
        const childRel = rel === '' ? name : `${rel}/${name}`;
        let stats: Stats;
        let linkTarget: string | undefined;
        try {
          stats = lstatSync(path);
          if (stats.isSymbolicLink()) {
            stats = statSync(path);
            linkTarget = realpathSync(path);
          }
        } catch (e) {
          skipped.push({ path, reason: 'unreadable', message: `skipped: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
          continue;
        }
        const isDir = stats.isDirectory();
        if (!isDir && !stats.isFile()) continue; // sockets, fifos, devices
        if (excluded(childRel, isDir) || gitIgnored(levels, childRel, isDir)) continue;
        // A link out of the workspace (e.g. `evil -> /` or `-> ~/.ssh/id_rsa`) is not followed.
        if (linkTarget !== undefined && leavesRoot(path, linkTarget)) continue;
        if (isDir) yield* walk(path, childRel, levels);
        else addFile(path, root, childRel, stats);
      }
    };

    for (const target of paths ?? [root]) {
      const rel = toRelPosix(root, target);
      if (rel.startsWith('..')) {
        skipped.push({ path: target, reason: 'unreadable', message: `skipped: outside the workspace folder ${root}` });
        continue;
      }
      let stats: Stats;
      let real: string;
      try {
        stats = statSync(target);
        real = realpathSync(target);
      } catch (e) {
        skipped.push({ path: target, reason: 'unreadable', message: `skipped: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        continue;
      }
      // A named path can be a link out of the workspace too (the pre-commit framework passes file names).
      if (leavesRoot(target, real)) continue;
      if (stats.isFile()) {
        // Named, it is told why it was not scanned (walked into, an excluded file is simply not one of the scan's).
        if (!excluded(rel, false)) addFile(target, root, rel, stats);
        else skipped.push({ path: target, reason: 'excluded', message: 'skipped: it matches an `exclude` pattern of the settings' });
        continue;
      }
      // The .gitignore files of the folders above a sub-folder target still apply to it.
      let levels: IgnoreLevel[] = [];
      let dirRel = '';
      const parts = rel === '' ? [] : rel.split('/');
      let ignoredAbove = false;
      for (let i = 0; i < parts.length; i++) {
        levels = loadLevel(levels, join(root, dirRel), dirRel);
        dirRel = dirRel === '' ? parts[i]! : `${dirRel}/${parts[i]}`;
        if (gitIgnored(levels, dirRel, true) || excluded(dirRel, true)) ignoredAbove = true;
      }
      if (!ignoredAbove) yield* walk(target, rel, levels);
      else skipped.push({ path: target, reason: 'excluded', message: 'skipped: the folder is ignored by .gitignore or matches an `exclude` pattern of the settings' });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

/** Path of `file` relative to `root` with `/` separators. */
export function toRelPosix(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/**
 * A scan file's text as UTF-8, read before the workers start (the facts a pack reads from other files): its given
 * content or the file on disk; undefined when it is larger than `maxFileSize` or cannot be read.
 */
export async function readScanText(f: { path: string; content?: Uint8Array }, maxFileSize: number): Promise<string | undefined> {
  try {
    const bytes = f.content ?? (await readFile(f.path));
    return bytes.length > maxFileSize ? undefined : new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}
