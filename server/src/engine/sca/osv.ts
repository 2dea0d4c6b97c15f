/**
 * OSV records (https://ossf.github.io/osv-schema/): validation into a compact advisory, severity, and the
 * affected-version test on `ranges` (SEMVER and ECOSYSTEM events) and `versions` lists.
 */
import type { Severity } from '../types';
import { compareVersions, ECOSYSTEMS, normalizePackageName, type Ecosystem } from './versions';

/** One range's events in the order OSV gives them. */
export interface RangeEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
}

/** What Vigil keeps of one OSV record for one package. */
export interface Advisory {
  id: string;
  aliases: string[];
  summary: string;
  severity: Severity;
  /** Event lists of the SEMVER/ECOSYSTEM ranges. */
  ranges: RangeEvent[][];
  /** Versions listed as affected. */
  versions: string[];
  /** A link for the finding (the first ADVISORY or WEB reference, else osv.dev). */
  url: string;
  /**
   * Functions the record itself names as vulnerable (`ecosystem_specific` / `database_specific` of the affected
   * entry), by their own name (`yaml.load` -> `load`), for reachability like the curated table's.
   */
  functions?: string[];
  /** Import names the record gives for a PyPI package (the top-level module of its import paths). */
  modules?: string[];
}

/** An advisory with its package, ready to index. */
export interface IndexedAdvisory {
  ecosystem: Ecosystem;
  name: string;
  advisory: Advisory;
}

const GHSA_SEVERITY: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MODERATE: 'medium', MEDIUM: 'medium', LOW: 'low' };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Validates one OSV record and returns its advisories for the ecosystems Vigil matches (one per affected
 * package), or an error saying why the record was refused. Withdrawn records give no advisories.
 */
export function readOsvRecord(raw: unknown): { advisories: IndexedAdvisory[] } | { error: string } {
  if (!isObj(raw)) return { error: 'not a JSON object' };
  const id = raw.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return { error: 'missing or invalid "id"' };
  if (!Array.isArray(raw.affected)) return { error: `${id}: missing "affected" list` };
  if (raw.withdrawn !== undefined) return { advisories: [] };
  const summary = typeof raw.summary === 'string' ? raw.summary : typeof raw.details === 'string' ? raw.details.split('\n')[0]! : '';
  const aliases = strings(raw.aliases).filter((a) => a !== id);
  const severity = severityOf(raw);
  const url = referenceUrl(raw.references) ?? `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
  const advisories: IndexedAdvisory[] = [];
  for (const a of raw.affected) {
    if (!isObj(a) || !isObj(a.package)) return { error: `${id}: an "affected" entry has no "package"` };
    const eco = a.package.ecosystem;
    const name = a.package.name;
    if (typeof eco !== 'string' || typeof name !== 'string' || name.length === 0) return { error: `${id}: a package has no ecosystem or name` };
    // Ecosystem names may carry a suffix (e.g. "Debian:11"); npm and PyPI never do.
    if (!(ECOSYSTEMS as readonly string[]).includes(eco)) continue;
    const ecosystem = eco as Ecosystem;
    const ranges: RangeEvent[][] = [];
    for (const r of Array.isArray(a.ranges) ? a.ranges : []) {
      if (!isObj(r) || !Array.isArray(r.events)) return { error: `${id}: a range has no "events"` };
      if (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM') continue;
      const events: RangeEvent[] = [];
      for (const e of r.events) {
        if (!isObj(e)) return { error: `${id}: a range event is not an object` };
        const [key, value] = Object.entries(e)[0] ?? [];
        if ((key !== 'introduced' && key !== 'fixed' && key !== 'last_affected' && key !== 'limit') || typeof value !== 'string') {
          return { error: `${id}: a range event is not introduced/fixed/last_affected/limit with a version` };
        }
        if (key !== 'limit') events.push({ [key]: value });
      }
      ranges.push(events);
    }
    const versions = strings(a.versions);
    if (ranges.length === 0 && versions.length === 0) continue;
    const itemSeverity = isObj(a.database_specific) ? ghsaSeverity(a.database_specific) : undefined;
    const named = namedFunctions(ecosystem, a);
    advisories.push({
      ecosystem,
      name: normalizePackageName(ecosystem, name),
      advisory: {
        id,
        aliases,
        summary: summary.slice(0, 500),
        severity: itemSeverity ?? severity,
        ranges,
        versions,
        url,
        ...(named.functions.length > 0 ? { functions: named.functions } : {}),
        ...(named.modules.length > 0 ? { modules: named.modules } : {}),
      },
    });
  }
  return { advisories };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]{0,99}$/;
/** Most functions kept per record: they become one search pattern each. */
const MAX_FUNCTIONS = 32;

/**
 * The functions and modules an affected entry names, in the shapes sources use: `imports: [{ path, symbols }]`
 * (the Go/PyPI style: `path` an import path, `symbols` functions or `Class.method`) and `affected_functions` /
 * `functions` lists of qualified names (`yaml.load`, `pkg/sub.fn`), in `ecosystem_specific` or
 * `database_specific`. A name is kept by its last part; what is not an identifier is left out, not guessed.
 */
function namedFunctions(ecosystem: Ecosystem, entry: Record<string, unknown>): { functions: string[]; modules: string[] } {
  const functions = new Set<string>();
  const modules = new Set<string>();
  const lastPart = (q: string): string => q.split(/::|[.#/]/).pop() ?? '';
  const add = (fn: string): void => {
    if (IDENTIFIER.test(fn) && functions.size < MAX_FUNCTIONS) functions.add(fn);
  };
  // PyPI import paths are dotted modules; npm ones are the package name itself (no module to record).
  const module = (path: string): void => {
    const top = path.split('.')[0] ?? '';
    if (ecosystem === 'PyPI' && path.includes('.') && IDENTIFIER.test(top)) modules.add(top);
  };
  for (const where of [entry.ecosystem_specific, entry.database_specific]) {
    if (!isObj(where)) continue;
    for (const imp of Array.isArray(where.imports) ? where.imports : []) {
      if (!isObj(imp) || typeof imp.path !== 'string') continue;
      if (ecosystem === 'PyPI') {
        const top = imp.path.split('.')[0]!;
        if (IDENTIFIER.test(top)) modules.add(top);
      }
      const symbols = strings(imp.symbols);
      for (const sym of symbols) add(lastPart(sym));
      // An npm subpath import with no symbols (`lodash/template`): the subpath module is what is called.
      if (symbols.length === 0 && ecosystem === 'npm' && imp.path.replace(/^@[^/]+\//, '').includes('/')) add(lastPart(imp.path));
    }
    for (const q of [...strings(where.affected_functions), ...strings(where.functions)]) {
      add(lastPart(q));
      module(q);
    }
  }
  return { functions: [...functions], modules: [...modules] };
}

function ghsaSeverity(ds: Record<string, unknown>): Severity | undefined {
  return typeof ds.severity === 'string' ? GHSA_SEVERITY[ds.severity.toUpperCase()] : undefined;
}

/** The record's severity: a CVSS v3 vector's base score where present, else the database's label, else medium. */
function severityOf(raw: Record<string, unknown>): Severity {
  for (const s of Array.isArray(raw.severity) ? raw.severity : []) {
    if (isObj(s) && (s.type === 'CVSS_V3' || s.type === 'CVSS_V3_1') && typeof s.score === 'string') {
      const score = cvss3BaseScore(s.score);
      if (score !== undefined) return scoreSeverity(score);
    }
  }
  return (isObj(raw.database_specific) ? ghsaSeverity(raw.database_specific) : undefined) ?? 'medium';
}

/** CVSS qualitative rating of a base score. */
export function scoreSeverity(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'info';
}

const CVSS_WEIGHTS: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};

/** CVSS 3.x round-up to one decimal, as the specification defines it (integer arithmetic avoids float drift). */
function roundUp(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** The base score of a CVSS 3.0/3.1 vector (`CVSS:3.1/AV:N/AC:L/...`), or undefined if it is not one. */
export function cvss3BaseScore(vector: string): number | undefined {
  const parts = vector.split('/');
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? '')) return undefined;
  const m = new Map<string, string>();
  for (const p of parts.slice(1)) {
    const [k, v] = p.split(':');
    if (k && v) m.set(k, v);
  }
  const scope = m.get('S');
  const pr = m.get('PR');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const w = (k: string): number | undefined => CVSS_WEIGHTS[k]?.[m.get(k) ?? ''];
  const prW = pr === 'N' ? 0.85 : pr === 'L' ? (scope === 'C' ? 0.68 : 0.62) : pr === 'H' ? (scope === 'C' ? 0.5 : 0.27) : undefined;
  const [av, ac, ui, c, i, a] = ['AV', 'AC', 'UI', 'C', 'I', 'A'].map(w);
  if (av === undefined || ac === undefined || ui === undefined || c === undefined || i === undefined || a === undefined || prW === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * prW * ui;
  return scope === 'U' ? roundUp(Math.min(impact + exploitability, 10)) : roundUp(Math.min(1.08 * (impact + exploitability), 10));
}

function referenceUrl(refs: unknown): string | undefined {
  if (!Array.isArray(refs)) return undefined;
  const ok = refs.filter((r): r is { type: string; url: string } => isObj(r) && typeof r.url === 'string' && /^https?:\/\//.test(r.url));
  return (ok.find((r) => r.type === 'ADVISORY') ?? ok.find((r) => r.type === 'WEB'))?.url;
}

/**
 * Whether `version` is affected: listed in `versions`, or inside a range. A range's events are taken in version
 * order: `introduced` opens it, `fixed` closes it at that version, `last_affected` just after it.
 */
export function isAffected(ecosystem: Ecosystem, advisory: Advisory, version: string): boolean {
  if (advisory.versions.includes(version)) return true;
  const cmp = (a: string, b: string): number | undefined => (a === '0' ? (b === '0' ? 0 : -1) : b === '0' ? 1 : compareVersions(ecosystem, a, b));
  for (const events of advisory.ranges) {
    const keyed = events.map((e) => ({ e, v: (e.introduced ?? e.fixed ?? e.last_affected)! }));
    // Versions we cannot order are left out rather than guessed.
    if (keyed.some((k) => cmp(k.v, k.v) === undefined) || cmp(version, version) === undefined) continue;
    keyed.sort((p, q) => cmp(p.v, q.v)!);
    let affected = false;
    for (const { e, v } of keyed) {
      const c = cmp(version, v)!;
      if (e.introduced !== undefined && c >= 0) affected = true;
      else if (e.fixed !== undefined && c >= 0) affected = false;
      else if (e.last_affected !== undefined && c > 0) affected = false;
    }
    if (affected) return true;
  }
  return false;
}

/** The versions that fix the advisory (its `fixed` events). */
export function fixedVersions(advisory: Advisory): string[] {
  return advisory.ranges.flatMap((events) => events.flatMap((e) => (e.fixed !== undefined ? [e.fixed] : [])));
}

/**
 * The smallest version above `version` that none of `advisories` affects, among their fixed versions; undefined
 * when no fixed version clears them all.
 */
export function smallestSafeUpgrade(ecosystem: Ecosystem, advisories: readonly Advisory[], version: string): string | undefined {
  const candidates = [...new Set(advisories.flatMap(fixedVersions))]
    .filter((v) => (compareVersions(ecosystem, v, version) ?? -1) > 0)
    .sort((a, b) => compareVersions(ecosystem, a, b)!);
  return candidates.find((v) => advisories.every((a) => !isAffected(ecosystem, a, v)));
}
