/**
 * Version orderings for advisory matching: SemVer 2.0.0 as npm reads it (the `semver` package, npm's own, ISC) and
 * PEP 440 as pip reads it (`@renovatebot/pep440`, Renovate's port of Python's `packaging`, Apache-2.0 or BSD). Both
 * return undefined for a version they cannot read (legacy PyPI versions, `latest`, a leading-zero prerelease), so
 * callers skip it instead of guessing an order.
 */
import { compare as pep440Compare, satisfies as pep440Satisfies, valid as pep440Valid } from '@renovatebot/pep440';
import { SemVer, satisfies as semverSatisfies } from 'semver';

/**
 * Results by version text, for both orderings: matching compares the same few thousand version strings (a
 * lockfile's and its advisories' events) on every analysis. Stored values are never mutated; the map is emptied
 * when it grows past a bound, so memory stays flat whatever the input.
 */
function memo<T>(parse: (v: string) => T | undefined): (v: string) => T | undefined {
  const seen = new Map<string, T | null>();
  return (v) => {
    const hit = seen.get(v);
    if (hit !== undefined) return hit ?? undefined;
    const parsed = parse(v);
    if (seen.size >= 50_000) seen.clear();
    seen.set(v, parsed ?? null);
    return parsed;
  };
}

/** A parsed SemVer version (strict, as npm reads lockfile versions); `semver` throws on what it cannot read. */
const parseSemver = memo((v: string): SemVer | undefined => {
  try {
    return new SemVer(v.trim());
  } catch {
    return undefined;
  }
});

/** Longest version read, as `semver` does for npm: lockfile text is untrusted, and no real version is near it. */
const MAX_VERSION_LENGTH = 256;

/** A PEP 440 version's text as the library takes it (trimmed), or undefined when it is not PEP 440. */
const readPep440 = memo((v: string): string | undefined => {
  const t = v.trim();
  return t.length > MAX_VERSION_LENGTH || pep440Valid(t) === null ? undefined : t;
});

/** SemVer precedence (build metadata ignored): negative, zero or positive; undefined when either is not a valid version. */
export function compareSemver(a: string, b: string): number | undefined {
  const x = parseSemver(a);
  const y = parseSemver(b);
  return x && y ? x.compare(y) : undefined;
}

/** Whether `v` is a valid SemVer version. */
export function isSemver(v: string): boolean {
  return parseSemver(v) !== undefined;
}

/**
 * Whether `v` is inside an npm range (`^1.2.3`, `>=1 <2`, `1.x || 2.x`) as npm would resolve it: a prerelease only
 * for a comparator of the same release. False for an unreadable version or range.
 */
export function npmRangeAdmits(v: string, range: string): boolean {
  const x = parseSemver(v);
  // `semver.satisfies` answers false for a range it cannot read.
  return x !== undefined && semverSatisfies(x, range);
}

/**
 * PEP 440 ordering: epoch, release (trailing zeros ignored: 1.0 == 1.0.0), then
 * X.devN < X.aN < X.bN < X.rcN < X < X+local < X.postN, a dev release before what it precedes (1.0a1.dev1 < 1.0a1).
 */
export function comparePep440(a: string, b: string): number | undefined {
  const x = readPep440(a);
  const y = readPep440(b);
  if (x === undefined || y === undefined) return undefined;
  if (x === y) return 0;
  // The library parses both texts on every call (about 10x our old parser's cost): results are kept per pair, as
  // matching compares the same versions and events on every analysis.
  let row = pep440Pairs.get(x);
  let c = row?.get(y);
  if (c === undefined) {
    c = pep440Compare(x, y);
    // Bounded as a whole, so memory stays flat whatever the input.
    if (++pep440PairCount > 200_000) {
      pep440Pairs.clear();
      pep440PairCount = 1;
      row = undefined;
    }
    if (row === undefined) pep440Pairs.set(x, (row = new Map()));
    row.set(y, c);
  }
  return c;
}

const pep440Pairs = new Map<string, Map<string, number>>();
let pep440PairCount = 0;

/** Whether `v` is a version PEP 440 can read. */
export function isPep440(v: string): boolean {
  return readPep440(v) !== undefined;
}

/**
 * Whether `v` satisfies a PEP 440 specifier set (`>=1.0,<2,!=1.5.*`) with pip's rules (`<V` excludes V's
 * prereleases, `>V` its post releases, local labels ignored unless the clause has one). Prereleases count: the
 * question is whether a fixed version is inside the range, not which version pip would pick.
 */
export function pep440Admits(v: string, specifier: string): boolean {
  const x = readPep440(v);
  return x !== undefined && pep440Satisfies(x, specifier, { prereleases: true });
}

/** The ecosystems Vigil matches, as OSV names them. */
export type Ecosystem = 'npm' | 'PyPI';

export const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI'];

/** The ordering of an ecosystem's versions. */
export function compareVersions(ecosystem: Ecosystem, a: string, b: string): number | undefined {
  return ecosystem === 'npm' ? compareSemver(a, b) : comparePep440(a, b);
}

/** A package name as the ecosystem compares it: npm names are case-sensitive; PyPI names are normalised (PEP 503). */
export function normalizePackageName(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}
