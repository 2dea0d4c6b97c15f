/**
 * `.gitignore` files, matched as git matches them, on the linear-time regex engine. A repository's `.gitignore`
 * is hostile input to a scanner: a backtracking matcher (the `ignore` package, or minimatch) spends hours on a
 * line such as `*∕**∕*∕**∕…∕c` against a deep path. Each line is turned into a glob for `./glob.ts` (which
 * parses with minimatch and matches on RE2), with git's rules around it:
 * - blank lines and `#` comments match nothing; `\#` and `\!` are literal; unescaped trailing spaces go;
 * - `!` re-includes; the last matching line decides;
 * - a trailing `/` matches directories only;
 * - a `/` at the start or in the middle anchors the pattern at the `.gitignore`'s folder, otherwise it matches at
 *   any depth; `**` as a whole segment spans folders, elsewhere it is a `*`; no braces or extglobs (git has none).
 */
import { compileGlob, GlobError, type GlobMatcher } from './glob';

/** What one `.gitignore` says about a path: nothing, ignore it, or re-include it (a `!` line). */
export interface GitignoreVerdict {
  ignored: boolean;
  unignored: boolean;
}

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  matcher: GlobMatcher;
}

export class Gitignore {
  private constructor(
    private readonly rules: readonly Rule[],
    /** Lines that could not be used (too long, or not a glob), each with its line number; they match nothing. */
    readonly problems: readonly string[],
  ) {}

  /** Reads the text of a `.gitignore` (LF or CRLF, BOM or not). */
  static parse(text: string): Gitignore {
    const rules: Rule[] = [];
    const problems: string[] = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, i) => {
      let line = raw;
      // Trailing spaces go unless escaped with a backslash.
      while (line.endsWith(' ') && !line.endsWith('\\ ')) line = line.slice(0, -1);
      if (line === '' || line.startsWith('#')) return;
      let negate = false;
      if (line.startsWith('!')) {
        negate = true;
        line = line.slice(1);
      }
      let dirOnly = false;
      if (line.endsWith('/') && !line.endsWith('\\/')) {
        dirOnly = true;
        line = line.replace(/\/+$/, '');
      }
      if (line === '') return;
      // Anchored when a `/` remains at the start or in the middle; else the pattern matches at any depth.
      const anchored = line.includes('/');
      let glob = line.startsWith('/') ? line.slice(1) : line;
      if (!anchored && !glob.startsWith('**/')) glob = `**/${glob}`;
      // `!` and `#` at the start of what is left are literal for git, not negation or comment for the glob.
      if (glob.startsWith('!') || glob.startsWith('#')) glob = `\\${glob}`;
      try {
        rules.push({ negate, dirOnly, matcher: compileGlob(glob, { git: true }) });
      } catch (e) {
        if (!(e instanceof GlobError)) throw e;
        problems.push(`line ${i + 1} ${e.message}; it is not used`);
      }
    });
    return new Gitignore(rules, problems);
  }

  /** The verdict of this file's lines on one path (relative to the `.gitignore`'s folder, `/` separators). */
  test(path: string, isDir: boolean): GitignoreVerdict {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const r = this.rules[i]!;
      if (r.dirOnly && !isDir) continue;
      if (r.matcher.match(path)) return { ignored: !r.negate, unignored: r.negate };
    }
    return { ignored: false, unignored: false };
  }

  /**
   * Whether a file path is ignored, its folders included: as in git, a file inside an ignored folder stays ignored
   * whatever later lines say about the file.
   */
  ignoresPath(path: string): boolean {
    return this.verdictForPath(path).ignored;
  }

  /** `test` for a file path, its folders first (see `ignoresPath`). */
  verdictForPath(path: string): GitignoreVerdict {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.test(parts.slice(0, i).join('/'), true).ignored) return { ignored: true, unignored: false };
    }
    return this.test(path, false);
  }

  /** The regexes the lines run on (for tests that check they are all linear-time). */
  regexes(): RegExp[] {
    return this.rules.flatMap((r) => (r.matcher.regex ? [r.matcher.regex] : []));
  }
}
