/**
 * Dependencies read from manifests and lockfiles, with where each one is written: npm `package-lock.json`
 * (v1-v3) and `npm-shrinkwrap.json`, `package.json` (direct dependencies; versions from the lockfile beside it,
 * else exact pins only), `yarn.lock` v1, pip `requirements*.txt` (`==` pins only: ranged specifiers are not resolved
 * yet) and `poetry.lock`.
 */
import { basename, dirname } from 'node:path';
import { member, parseJsonWithPositions, type JsonNode } from './json-pos';
import type { Ecosystem } from './versions';

export type ManifestKind = 'npm-lockfile' | 'yarn-lockfile' | 'npm-manifest' | 'pip-requirements' | 'poetry-lockfile';

/** What each manifest kind is, for the generated docs (docs/rules/dependencies.md); `examples` are paths it recognises. */
export const MANIFEST_KINDS: Record<ManifestKind, { ecosystem: Ecosystem; examples: string[]; reads: string; lockfile: boolean }> = {
  'npm-lockfile': { ecosystem: 'npm', examples: ['package-lock.json', 'npm-shrinkwrap.json'], reads: 'every installed package, nested ones too (lockfileVersion 1-3; workspace links skipped)', lockfile: true },
  'yarn-lockfile': { ecosystem: 'npm', examples: ['yarn.lock'], reads: 'every entry (yarn v1; berry entries through the same reader)', lockfile: true },
  'npm-manifest': {
    ecosystem: 'npm',
    examples: ['package.json'],
    reads: 'dependencies, devDependencies, optionalDependencies: the version locked beside it, else exact pins only',
    lockfile: false,
  },
  'pip-requirements': { ecosystem: 'PyPI', examples: ['requirements.txt', 'requirements-dev.txt', 'requirements/base.txt'], reads: '`name==version` pins', lockfile: false },
  'poetry-lockfile': { ecosystem: 'PyPI', examples: ['poetry.lock'], reads: 'every `[[package]]`', lockfile: true },
};

/** The manifest kind of a path, by its file name. */
export function manifestKindOf(path: string): ManifestKind | undefined {
  const name = basename(path);
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json') return 'npm-lockfile';
  if (name === 'yarn.lock') return 'yarn-lockfile';
  if (name === 'poetry.lock') return 'poetry-lockfile';
  if (name === 'package.json') return 'npm-manifest';
  if (/^requirements.*\.txt$/i.test(name) || (basename(dirname(path)) === 'requirements' && name.endsWith('.txt'))) return 'pip-requirements';
  return undefined;
}

/** One dependency as written in the file. */
export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  /** The resolved (or pinned) version. */
  version: string;
  /** Offsets of what the finding points at (the lockfile entry's key, the manifest's version). */
  start: number;
  end: number;
  /** Where the version is written and how to rewrite it, when a quick fix may do so. */
  edit?: { start: number; end: number; prefix: string };
  /** The dependency's place in the tree (lockfile path), for identity and "via" messages. */
  path: string;
  /** Whether the version came from a lockfile next to a manifest (the fix must be followed by an install). */
  fromLockfile?: boolean;
}

/** A lockfile's resolved versions by package name for the top-level `node_modules` (what `package.json` gets). */
export type TopLevelVersions = Map<string, string>;

/** Dependencies of a `package-lock.json` / `npm-shrinkwrap.json`; undefined if the text is not valid JSON. */
export function npmLockDependencies(text: string): Dependency[] | undefined {
  const root = parseJsonWithPositions(text);
  if (!root) return undefined;
  const out: Dependency[] = [];
  const packages = member(root, 'packages');
  if (packages?.kind === 'object') {
    // lockfileVersion 2 and 3: flat keys "node_modules/a/node_modules/b".
    for (const e of packages.entries) {
      const at = e.key.lastIndexOf('node_modules/');
      if (at < 0 || e.value.kind !== 'object') continue;
      if (member(e.value, 'link')?.kind === 'other' && text.slice(member(e.value, 'link')!.start, member(e.value, 'link')!.end) === 'true') continue;
      const v = member(e.value, 'version');
      if (v?.kind !== 'string') continue;
      const name = member(e.value, 'name')?.kind === 'string' ? (member(e.value, 'name') as { value: string }).value : e.key.slice(at + 'node_modules/'.length);
      out.push({ ecosystem: 'npm', name, version: v.value, start: e.keyStart, end: e.keyEnd, path: e.key });
    }
    return out;
  }
  // lockfileVersion 1: nested "dependencies".
  const walk = (deps: JsonNode | undefined, parent: string, depth: number): void => {
    if (deps?.kind !== 'object' || depth > 64) return;
    for (const e of deps.entries) {
      const v = member(e.value, 'version');
      const path = parent ? `${parent}/node_modules/${e.key}` : `node_modules/${e.key}`;
      if (v?.kind === 'string') out.push({ ecosystem: 'npm', name: e.key, version: v.value, start: e.keyStart, end: e.keyEnd, path });
      walk(member(e.value, 'dependencies'), path, depth + 1);
    }
  };
  walk(member(root, 'dependencies'), '', 0);
  return out;
}

/** Top-level versions of a lockfile's text (`node_modules/<name>` entries), for a `package.json` beside it. */
export function lockfileTopLevel(text: string): TopLevelVersions | undefined {
  const deps = npmLockDependencies(text);
  if (!deps) return undefined;
  const out: TopLevelVersions = new Map();
  for (const d of deps) if (d.path === `node_modules/${d.name}`) out.set(d.name, d.version);
  return out;
}

const EXACT_NPM = /^=?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
const SIMPLE_RANGE = /^([~^]?)v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Direct dependencies of a `package.json`. With `lock` (the lockfile beside it), each takes the locked version;
 * without, only exact pins have a version to match (a range may resolve to anything in it).
 */
export function npmManifestDependencies(text: string, lock: TopLevelVersions | undefined): Dependency[] | undefined {
  const root = parseJsonWithPositions(text);
  if (!root) return undefined;
  const out: Dependency[] = [];
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = member(root, field);
    if (deps?.kind !== 'object') continue;
    for (const e of deps.entries) {
      if (e.value.kind !== 'string') continue;
      const spec = e.value.value.trim();
      const locked = lock?.get(e.key);
      const exact = EXACT_NPM.exec(spec)?.[1];
      const version = locked ?? exact;
      if (!version) continue;
      const simple = SIMPLE_RANGE.exec(spec);
      // The fix rewrites the spec keeping its range style (^, ~ or exact); other specs (tags, URLs, ||) are left alone.
      const edit = simple ? { start: e.value.start + 1, end: e.value.end - 1, prefix: simple[1]! } : undefined;
      out.push({ ecosystem: 'npm', name: e.key, version, start: e.value.start, end: e.value.end, edit, path: `node_modules/${e.key}`, fromLockfile: locked !== undefined });
    }
  }
  return out;
}

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*==\s*([A-Za-z0-9!+._-]+)\s*(?=$|[;#\\]|\s)/;

/** `name==version` pins of a requirements file; other lines (ranges, options, URLs, includes) are skipped. */
export function requirementsDependencies(text: string): Dependency[] {
  const out: Dependency[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.slice(lead).replace(/\r$/, '');
    const m = REQUIREMENT.exec(body);
    // A second specifier after the pin (`==1.0, !=1.0.1`) is not a simple pin: skip.
    if (m && !/^\s*,/.test(body.slice(m[0].length))) {
      const start = offset + lead;
      const vStart = start + m[0].indexOf(m[3]!, m[1]!.length + (m[2]?.length ?? 0));
      out.push({
        ecosystem: 'PyPI',
        name: m[1]!,
        version: m[3]!,
        start,
        end: vStart + m[3]!.length,
        edit: { start: vStart, end: vStart + m[3]!.length, prefix: '' },
        path: m[1]!.toLowerCase(),
      });
    }
    offset += line.length + 1;
  }
  return out;
}

/**
 * Entries of a yarn v1 lockfile: a header line of one or more `name@range` specs ending in `:`, then an indented
 * `version "x"` line. Yarn berry lockfiles (YAML, `__metadata:`) are not read yet.
 */
export function yarnLockDependencies(text: string): Dependency[] {
  const out: Dependency[] = [];
  let header: { name: string; start: number; end: number } | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\S.*:$/.test(line) && !line.startsWith('#')) {
      const first = line.slice(0, -1).split(',')[0]!.trim().replace(/^"|"$/g, '');
      const at = first.lastIndexOf('@');
      header = at > 0 ? { name: first.slice(0, at), start: offset, end: offset + line.length - 1 } : undefined;
    } else if (header) {
      const m = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line);
      if (m) {
        out.push({ ecosystem: 'npm', name: header.name, version: m[1]!, start: header.start, end: header.end, path: `yarn:${header.name}@${m[1]}` });
        header = undefined;
      } else if (!/^\s/.test(line)) header = undefined;
    }
    offset += raw.length + 1;
  }
  return out;
}

/** `[[package]]` entries of a `poetry.lock` (TOML): the finding is on the entry's `name = ...` line. */
export function poetryLockDependencies(text: string): Dependency[] {
  const out: Dependency[] = [];
  let pkg: { name?: string; nameStart?: number; nameEnd?: number; version?: string } | undefined;
  const flush = (): void => {
    if (pkg?.name && pkg.version && pkg.nameStart !== undefined) {
      out.push({ ecosystem: 'PyPI', name: pkg.name, version: pkg.version, start: pkg.nameStart, end: pkg.nameEnd!, path: `poetry:${pkg.name.toLowerCase()}` });
    }
  };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*\[/.test(line)) {
      flush();
      // Sub-tables ([package.dependencies], [package.extras]) end the entry's own keys.
      pkg = /^\s*\[\[package\]\]\s*$/.test(line) ? {} : undefined;
    } else if (pkg) {
      const m = /^\s*(name|version)\s*=\s*"([^"]*)"\s*$/.exec(line);
      if (m && m[1] === 'name' && pkg.name === undefined) Object.assign(pkg, { name: m[2], nameStart: offset, nameEnd: offset + line.length });
      if (m && m[1] === 'version' && pkg.version === undefined) pkg.version = m[2];
    }
    offset += raw.length + 1;
  }
  flush();
  return out;
}
