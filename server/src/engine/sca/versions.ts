/**
 * Version orderings for advisory matching: SemVer 2.0.0 (npm) and a subset of PEP 440 (PyPI). Both return
 * undefined for a version they cannot read, so callers skip it instead of guessing an order.
 *
 * PEP 440 gaps: local versions (`+local`) are ignored when comparing; legacy (non-PEP 440) versions are refused.
 */

/** A parsed SemVer version; build metadata is dropped (it does not take part in precedence). */
interface SemVer {
  release: [number, number, number];
  pre: (number | string)[];
}

const SEMVER_RE = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * Parsed versions by their text, for both orderings: matching compares the same few thousand version strings (a
 * lockfile's and its advisories' events) on every analysis. Parsed values are never mutated; the map is emptied
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

const parseSemver = memo(parseSemverText);
const parsePep440 = memo(parsePep440Text);

function parseSemverText(v: string): SemVer | undefined {
  const m = SEMVER_RE.exec(v.trim());
  if (!m) return undefined;
  const nums = [m[1], m[2], m[3]].map(Number);
  if (nums.some((n) => !Number.isSafeInteger(n))) return undefined;
  const pre = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { release: nums as [number, number, number], pre };
}

/** SemVer precedence: negative, zero or positive; undefined when either is not a valid version. */
export function compareSemver(a: string, b: string): number | undefined {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < 3; i++) if (x.release[i] !== y.release[i]) return x.release[i]! - y.release[i]!;
  // A prerelease sorts before its release.
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i]!;
    const q = y.pre[i]!;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    // Numeric identifiers sort before alphanumeric ones; alphanumeric ones compare in ASCII order.
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return x.pre.length - y.pre.length;
}

/** Whether `v` is a valid SemVer version. */
export function isSemver(v: string): boolean {
  return parseSemver(v) !== undefined;
}

/** A PEP 440 version as a sort key. */
interface Pep440 {
  epoch: number;
  release: number[];
  /** Pre-release phase (a < b < rc) and number, if any. */
  pre?: [number, number];
  post?: number;
  dev?: number;
}

const PEP440_RE =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;

const PRE_PHASE: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

function parsePep440Text(v: string): Pep440 | undefined {
  const m = PEP440_RE.exec(v.trim());
  if (!m) return undefined;
  const out: Pep440 = { epoch: m[1] ? Number(m[1]) : 0, release: m[2]!.split('.').map(Number) };
  if (m[3]) out.pre = [PRE_PHASE[m[3].toLowerCase()]!, m[4] ? Number(m[4]) : 0];
  if (m[5] !== undefined) out.post = Number(m[5]);
  else if (m[6]) out.post = m[7] ? Number(m[7]) : 0;
  if (m[8]) out.dev = m[9] ? Number(m[9]) : 0;
  return out;
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * PEP 440 ordering: epoch, release (trailing zeros ignored: 1.0 == 1.0.0), then
 * X.devN < X.aN < X.bN < X.rcN < X < X.postN, and a dev release sorts before what it precedes (1.0a1.dev1 < 1.0a1).
 */
export function comparePep440(a: string, b: string): number | undefined {
  const x = parsePep440(a);
  const y = parsePep440(b);
  if (!x || !y) return undefined;
  if (x.epoch !== y.epoch) return cmp(x.epoch, y.epoch);
  const n = Math.max(x.release.length, y.release.length);
  for (let i = 0; i < n; i++) {
    const c = cmp(x.release[i] ?? 0, y.release[i] ?? 0);
    if (c !== 0) return c;
  }
  const c = cmp(preKey(x), preKey(y)) || cmp(subKey(x.pre), subKey(y.pre)) || cmp(x.post ?? -1, y.post ?? -1) || cmp(x.dev ?? Infinity, y.dev ?? Infinity);
  return c;
}

/** Phase rank: a bare dev release (1.0.dev1) first, then a/b/rc, then the final release and its post releases. */
function preKey(v: Pep440): number {
  if (v.pre) return v.pre[0];
  if (v.dev !== undefined && v.post === undefined) return -1;
  return 3;
}

function subKey(pre: [number, number] | undefined): number {
  return pre ? pre[1] : 0;
}

/** Whether `v` is a version PEP 440 can read (within the subset above). */
export function isPep440(v: string): boolean {
  return parsePep440(v) !== undefined;
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
