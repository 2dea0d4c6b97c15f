/**
 * The one place Vigil matches globs written by users: `exclude:` in `.vigil.yml`, the `vigil.exclude` setting,
 * secret rule `allowlist.paths`. minimatch turns a glob into a backtracking RegExp, so `*a*a*a…b` against a long
 * file name runs for hours. Here minimatch only parses the glob (braces, classes, extglobs, `**`) and writes the
 * regex source; the regex then runs on the linear-time engine of regex-guard.ts. Globs past a size limit, with
 * too many brace alternatives, or needing a lookaround (`!(…)`) are refused with a readable error.
 *
 * Semantics are minimatch's with `dot: true` (and `matchBase` where asked), for the normalized paths the
 * walkers produce; a `.` or `..` path segment is matched like any other name.
 */
import { GLOBSTAR, Minimatch } from 'minimatch';
import { compileLinearRegex } from './regex-guard';

/** Longest glob accepted, in characters. */
export const MAX_GLOB_LENGTH = 1_000;
/** Most alternatives a glob's braces may expand to (`{a,b}{c,d}` is 4). */
export const MAX_GLOB_ALTERNATIVES = 256;

/** A glob that cannot be used; the message says why, without the glob itself. */
export class GlobError extends Error {}

export interface GlobOptions {
  /** A glob without `/` matches the file's base name anywhere (minimatch `matchBase`). */
  matchBase?: boolean;
  /** Git's wildmatch dialect (`.gitignore`): no `{a,b}` braces and no extglobs, which are literal text there. */
  git?: boolean;
}

/** A compiled glob. */
export interface GlobMatcher {
  readonly glob: string;
  /** The linear-time regex run on full paths (absent when there is none, e.g. for `#comments`). */
  readonly regex?: RegExp;
  match(path: string): boolean;
}

/**
 * minimatch's guard that keeps `*` from matching a `.` or `..` segment; a lookahead, which the linear engine does
 * not have, and it never fires on normalized paths, so it is dropped.
 */
const DOT_SEGMENT_GUARD = /\(\?!\(\?:\^\|\\?\/\)\\\.\\\.\?\(\?:\$\|\\?\/\)\)/g;
/** Any number of path segments, for `**` (minimatch's also refuses `.`/`..` segments, with a lookahead). */
const TWO_STAR = '[\\s\\S]*?';

/** Compiles a glob for linear-time matching. Throws GlobError for a glob that is refused. */
export function compileGlob(glob: string, options: GlobOptions = {}): GlobMatcher {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`is longer than ${MAX_GLOB_LENGTH} characters`);
  if (glob === '') return { glob, match: (p) => p === '' };
  // minimatch: a leading `#` is a comment (matches nothing), then each leading `!` flips the result.
  if (glob.startsWith('#')) return { glob, match: () => false };
  let body = glob;
  let negate = false;
  while (body.startsWith('!')) {
    negate = !negate;
    body = body.slice(1);
  }
  const opts = { dot: true, nonegate: true, nocomment: true, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1, nobrace: options.git === true, noext: options.git === true };
  let mm: Minimatch;
  try {
    mm = new Minimatch(body, opts);
  } catch (e) {
    throw new GlobError(`is not a valid glob: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (mm.set.length > MAX_GLOB_ALTERNATIVES) throw new GlobError(`expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives (braces)`);
  // minimatch's match() tests each brace alternative separately; with matchBase, one without `/` sees the base name only.
  const byBase = new Map<boolean, string[]>();
  for (const segments of mm.set) {
    const base = options.matchBase === true && segments.length === 1;
    byBase.set(base, [...(byBase.get(base) ?? []), alternativeSource(segments)]);
  }
  const compiled = [...byBase].map(([base, alts]) => ({ base, re: compileLinear(`^(?:${alts.join('|')})$`) }));
  const test = (path: string): boolean =>
    compiled.some((c) => {
      const subject = c.base ? path.slice(path.lastIndexOf('/') + 1) : path;
      c.re.lastIndex = 0;
      return c.re.test(subject);
    });
  return { glob, regex: compiled.find((c) => !c.base)?.re ?? compiled[0]?.re, match: (path) => test(path) !== negate };
}

/** Why a glob is refused, or undefined when it can be used. */
export function globProblem(glob: string, options: GlobOptions = {}): string | undefined {
  try {
    compileGlob(glob, options);
    return undefined;
  } catch (e) {
    if (e instanceof GlobError) return e.message;
    throw e;
  }
}

const cache = new Map<string, GlobMatcher | GlobError>();
const CACHE_LIMIT = 1_000;

/** A compiled glob from a bounded cache (settings are matched on every analysis); a refused one yields GlobError. */
function cached(glob: string, options: GlobOptions): GlobMatcher | GlobError {
  const key = `${options.matchBase ? 'b' : '-'}${options.git ? 'g' : '-'}${glob}`;
  let hit = cache.get(key);
  if (!hit) {
    try {
      hit = compileGlob(glob, options);
    } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      hit = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/**
 * Whether `path` matches any of `globs`. Refused globs match nothing: they are reported where they are loaded
 * (config validation, rule compilation, settings); `onRefused` hears about each one met here.
 */
export function matchesAnyGlob(path: string, globs: readonly string[], options: GlobOptions = {}, onRefused?: (glob: string, why: string) => void): boolean {
  for (const g of globs) {
    const m = cached(g, options);
    if (m instanceof GlobError) onRefused?.(g, m.message);
    else if (m.match(path)) return true;
  }
  return false;
}

/**
 * The regex source of one brace alternative, parsed by minimatch: literal segments, segment regexes and `**`,
 * joined the way minimatch's match() walks them (a `**` may match no segment, except a trailing one, which needs
 * at least one: `dist/**` matches `dist/x` and not `dist`).
 */
function alternativeSource(segments: Minimatch['set'][number]): string {
  const parts = segments.map((p): string | typeof GLOBSTAR => {
    if (p === GLOBSTAR) return GLOBSTAR;
    if (typeof p === 'string') return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const src = (p as RegExp & { _src: string })._src.replace(DOT_SEGMENT_GUARD, '');
    if (/\(\?<?[=!]/.test(src)) throw new GlobError('uses a negated pattern such as `!(…)` inside the glob, which is not supported (a leading `!` is)');
    return src;
  });
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p !== GLOBSTAR) {
      out.push(p);
      continue;
    }
    while (parts[i + 1] === GLOBSTAR) i++;
    const next = parts[i + 1] as string | undefined;
    if (out.length === 0 && next === undefined) out.push(TWO_STAR);
    else if (out.length === 0) {
      out.push(`(?:\\/|${TWO_STAR}\\/)?${next}`);
      i++;
    } else if (next === undefined) out[out.length - 1] += `(?:\\/|\\/${TWO_STAR})`;
    else {
      out[out.length - 1] += `(?:\\/|\\/${TWO_STAR}\\/)${next}`;
      i++;
    }
  }
  return out.join('/');
}

function compileLinear(src: string): RegExp {
  try {
    return compileLinearRegex(src);
  } catch (e) {
    throw new GlobError(`cannot be matched in linear time: ${e instanceof Error ? e.message : String(e)}`);
  }
}
