/**
 * Dependencies read from manifests and lockfiles, with where each one is written: npm `package-lock.json`
 * (v1-v3) and `npm-shrinkwrap.json`, `package.json` (direct dependencies; versions from the lockfile beside it,
 * else exact pins only), `yarn.lock` v1, `pnpm-lock.yaml` (v5-v9), pip `requirements*.txt` (`==` pins),
 * `poetry.lock`, `Pipfile.lock`, `uv.lock` and `pyproject.toml` (PEP 621 and Poetry pins).
 */
import { basename, dirname } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { member, parseJsonWithPositions, type JsonNode } from './json-pos';
import { comparePep440, compareSemver, npmRangeAdmits, pep440Admits as pep440SpecifierAdmits, type Ecosystem } from './versions';

export type ManifestKind =
  | 'npm-lockfile'
  | 'yarn-lockfile'
  | 'pnpm-lockfile'
  | 'npm-manifest'
  | 'pip-requirements'
  | 'poetry-lockfile'
  | 'pipenv-lockfile'
  | 'uv-lockfile'
  | 'pyproject';

/** What each manifest kind is, for the generated docs (docs/rules/dependencies.md); `examples` are paths it recognises. */
export const MANIFEST_KINDS: Record<ManifestKind, { ecosystem: Ecosystem; examples: string[]; reads: string; lockfile: boolean }> = {
  'npm-lockfile': { ecosystem: 'npm', examples: ['package-lock.json', 'npm-shrinkwrap.json'], reads: 'every installed package, nested ones too (lockfileVersion 1-3; workspace links skipped)', lockfile: true },
  'yarn-lockfile': { ecosystem: 'npm', examples: ['yarn.lock'], reads: 'every entry (yarn v1 and berry; aliases and `patch:` entries as the package they install, workspace entries skipped)', lockfile: true },
  'npm-manifest': {
    ecosystem: 'npm',
    examples: ['package.json'],
    reads: 'dependencies, devDependencies, optionalDependencies: the version locked beside it (npm, yarn v1/berry or pnpm v6/v9 lockfile) and the packages each brings in ("via"), else exact pins, and ranges at their lowest version (not beside yarn.lock or pnpm-lock.yaml)',
    lockfile: false,
  },
  'pip-requirements': { ecosystem: 'PyPI', examples: ['requirements.txt', 'requirements-dev.txt', 'requirements/base.txt'], reads: '`name==version` pins, ranges at their lowest allowed version, `-r` includes and `-c` constraints files', lockfile: false },
  'poetry-lockfile': { ecosystem: 'PyPI', examples: ['poetry.lock'], reads: 'every `[[package]]`', lockfile: true },
  'pnpm-lockfile': { ecosystem: 'npm', examples: ['pnpm-lock.yaml'], reads: 'every `packages` / `snapshots` entry (v5-v9; peer suffixes dropped)', lockfile: true },
  'pipenv-lockfile': { ecosystem: 'PyPI', examples: ['Pipfile.lock'], reads: '`default` and `develop` entries (`"==version"`)', lockfile: true },
  'uv-lockfile': { ecosystem: 'PyPI', examples: ['uv.lock'], reads: 'every `[[package]]`', lockfile: true },
  pyproject: {
    ecosystem: 'PyPI',
    examples: ['pyproject.toml'],
    reads: '`[project]` dependencies and optional-dependencies, `[dependency-groups]`, Poetry dependency tables: pins, and Poetry `^`/`~` and PEP 440 ranges at their lowest version',
    lockfile: false,
  },
};

/** The manifest kind of a path, by its file name. */
export function manifestKindOf(path: string): ManifestKind | undefined {
  const name = basename(path);
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json') return 'npm-lockfile';
  if (name === 'yarn.lock') return 'yarn-lockfile';
  if (name === 'poetry.lock') return 'poetry-lockfile';
  if (name === 'pnpm-lock.yaml') return 'pnpm-lockfile';
  if (name === 'Pipfile.lock') return 'pipenv-lockfile';
  if (name === 'uv.lock') return 'uv-lockfile';
  if (name === 'pyproject.toml') return 'pyproject';
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
  /**
   * Set when the manifest gives a range, not a version: `version` is then the range's lowest allowed version, and
   * the version actually installed may differ.
   */
  range?: {
    spec: string;
    /** Whether a version is inside the range (a fix that raises the lower bound must stay inside it). */
    admits: (version: string) => boolean;
  };
  /** Where the dependency is really written, when the finding is placed elsewhere (a `-r` include line). */
  note?: string;
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

const EXACT_NPM = /^=?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
const SIMPLE_RANGE = /^([~^]?)v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Direct dependencies of a `package.json`. With `lock` (the lockfile beside it), each takes the locked version;
 * without, exact pins are matched as they are and ranges (when `rangesAllowed`: no other lockfile holds the real
 * versions) at their lowest allowed version, marked with `range`. `root` is `text` already parsed, if the caller has it.
 */
export function npmManifestDependencies(
  text: string,
  lock: TopLevelVersions | undefined,
  rangesAllowed = true,
  root: JsonNode | undefined = parseJsonWithPositions(text),
): Dependency[] | undefined {
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
      // Without a lockfile a range is matched at its lowest version (see `npmRangeLowest`).
      const lowest = lock === undefined && !exact && rangesAllowed ? npmRangeLowest(spec) : undefined;
      const version = locked ?? exact ?? lowest;
      if (!version) continue;
      const simple = SIMPLE_RANGE.exec(spec);
      // The fix rewrites the spec keeping its range style (^, ~ or exact); other specs (tags, URLs, ||) are left alone.
      const edit = simple ? { start: e.value.start + 1, end: e.value.end - 1, prefix: simple[1]! } : undefined;
      // The fix replaces a simple spec whole (`^1.2.3` -> `^2.0.1`), so any version fits what it writes; another
      // spec stays as written, so the fixed version must satisfy it.
      const admits = edit ? () => true : (v: string) => npmRangeAdmits(v, spec);
      const range = locked === undefined && !exact ? { spec, admits } : undefined;
      out.push({ ecosystem: 'npm', name: e.key, version, start: e.value.start, end: e.value.end, edit, path: `node_modules/${e.key}`, fromLockfile: locked !== undefined, range });
    }
  }
  return out;
}

const NPM_COMPARATOR = /^(\^|~|>=|<=|<|>|=)?v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(-[0-9A-Za-z.-]+)?$/;

/**
 * The lowest version an npm range allows, for `^`, `~`, `>=`, `=`, partial (`4`, `4.x`) and `<`/`<=` comparators
 * joined by spaces. Undefined (not guessed) for `||`, hyphen ranges, `>`, `*`, tags and URLs, and for an empty range.
 */
export function npmRangeLowest(spec: string): string | undefined {
  if (spec.includes('||') || / - /.test(spec)) return undefined;
  let lowest: string | undefined;
  for (const token of spec.replace(/([<>=~^]+)\s+/g, '$1').split(/\s+/).filter(Boolean)) {
    const m = NPM_COMPARATOR.exec(token);
    if (!m || m[1] === '>') return undefined;
    const wild = (p: string | undefined): boolean => p === undefined || /^[xX*]$/.test(p);
    const version = `${m[2]}.${wild(m[3]) ? 0 : m[3]}.${wild(m[3]) || wild(m[4]) ? 0 : m[4]}${m[5] ?? ''}`;
    if (m[1] === '<' || m[1] === '<=') {
      // `<=4` means below 5.0.0: a partial inclusive upper bound is not guessed.
      if (m[1] === '<=' && (wild(m[3]) || wild(m[4]))) return undefined;
    } else if (lowest === undefined || compareSemver(version, lowest)! > 0) lowest = version;
  }
  // The highest lower bound must be inside the whole range (an upper bound below it leaves the range empty).
  return lowest !== undefined && npmRangeAdmits(lowest, spec) ? lowest : undefined;
}

/** One version clause of a PEP 508 requirement; offsets are relative to the requirement's text. */
export interface VersionClause {
  op: string;
  version: string;
  start: number;
  end: number;
}

/** A PEP 508 requirement: name, then version clauses (none for a bare name). */
interface Pep508 {
  name: string;
  clauses: VersionClause[];
}

const PEP508_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;
const PEP508_CLAUSE = /\s*(===|~=|==|!=|<=|>=|<|>)\s*([A-Za-z0-9!+._*-]+)\s*/y;

/**
 * A PEP 508 requirement (`name[extras] >=1.0, <2 ; marker`), as in requirements files and `pyproject.toml`.
 * Undefined for URL requirements (`name @ url`) and text it does not recognise, so nothing is guessed.
 */
function parsePep508(body: string): Pep508 | undefined {
  const m = PEP508_NAME.exec(body);
  if (!m) return undefined;
  let i = m[0].length;
  const paren = body[i] === '(';
  if (paren) i++;
  const { clauses, next } = parseClauses(body, i);
  i = next;
  if (paren) {
    if (body[i] !== ')') return undefined;
    i = i + 1 + /^\s*/.exec(body.slice(i + 1))![0].length;
  }
  // What may follow: a marker, a comment, a line continuation or a per-requirement option (`--hash=...`).
  const rest = body.slice(i);
  if (rest !== '' && !/^(?:;|#|\\|--)/.test(rest)) return undefined;
  return { name: m[1]!, clauses };
}

/** Comma-separated PEP 440 version clauses from `body[from]`; `next` is where they end. */
function parseClauses(body: string, from: number): { clauses: VersionClause[]; next: number } {
  const clauses: VersionClause[] = [];
  let i = from;
  for (;;) {
    PEP508_CLAUSE.lastIndex = i;
    const c = PEP508_CLAUSE.exec(body);
    if (!c) break;
    const start = body.indexOf(c[2]!, i + c[0].indexOf(c[1]!) + c[1]!.length);
    clauses.push({ op: c[1]!, version: c[2]!, start, end: start + c[2]!.length });
    i = PEP508_CLAUSE.lastIndex;
    if (body[i] !== ',') break;
    i++;
  }
  return { clauses, next: i };
}

/** The pinned version of a requirement's clauses: exactly one `==` without a wildcard. */
function pinOf(clauses: readonly VersionClause[]): VersionClause | undefined {
  return clauses.length === 1 && clauses[0]!.op === '==' && !clauses[0]!.version.includes('*') ? clauses[0] : undefined;
}

/** Whether version `v` satisfies every clause (PEP 440 specifier rules); a version that cannot be read does not. */
function pep440Admits(clauses: readonly VersionClause[], v: string): boolean {
  return pep440SpecifierAdmits(v, clauses.map((c) => `${c.op}${c.version}`).join(','));
}

/**
 * The lowest version a PEP 440 range allows: the highest of its `>=`, `~=` and `==X.*` bounds, if every clause
 * admits it. Undefined when there is no lower bound, when it is exclusive (`>`: the next version is unknown) or
 * when it is excluded (`!=`, an upper bound below it). `bound` is the `>=` clause a fix may raise.
 */
function pep440Lowest(clauses: readonly VersionClause[]): { version: string; bound?: VersionClause } | undefined {
  let lowest: { version: string; clause: VersionClause } | undefined;
  for (const c of clauses) {
    if (c.op === '>' || c.op === '===') return undefined;
    const v = c.op === '==' && c.version.endsWith('.*') ? c.version.slice(0, -2) : c.op === '>=' || c.op === '~=' ? c.version : undefined;
    if (v === undefined) continue;
    const r = lowest ? comparePep440(v, lowest.version) : 1;
    if (r === undefined) return undefined;
    if (r > 0) lowest = { version: v, clause: c };
  }
  if (!lowest || !pep440Admits(clauses, lowest.version)) return undefined;
  return { version: lowest.version, bound: lowest.clause.op === '>=' ? lowest.clause : undefined };
}

/**
 * A requirement's clauses as a dependency: the pin, or the range at its lowest allowed version (undefined when
 * neither). `at` is the offset of the text the clauses' offsets are relative to.
 */
function clauseDependency(name: string, clauses: readonly VersionClause[], at: number, where: { start: number; end: number; path: string }): Dependency | undefined {
  const pin = pinOf(clauses);
  if (pin) return { ecosystem: 'PyPI', name, version: pin.version, ...where, edit: { start: at + pin.start, end: at + pin.end, prefix: '' } };
  const low = clauses.length > 0 ? pep440Lowest(clauses) : undefined;
  if (!low) return undefined;
  return {
    ecosystem: 'PyPI',
    name,
    version: low.version,
    ...where,
    edit: low.bound ? { start: at + low.bound.start, end: at + low.bound.end, prefix: '' } : undefined,
    range: {
      spec: clauses.map((c) => `${c.op}${c.version}`).join(','),
      // The fix replaces the `>=` bound: the range it makes is the same clauses with the new bound.
      admits: (v) => pep440Admits(clauses.filter((c) => c !== low.bound), v),
    },
  };
}

/**
 * Requirements of a requirements file: `name==version` pins, and ranges (`>=2.0,<3`, `~=2.1`, `==2.*`) matched
 * at their lowest allowed version (marked with `range`). Options, URLs and includes are skipped here (includes:
 * `requirementIncludes`).
 */
export function requirementsDependencies(text: string): Dependency[] {
  const out: Dependency[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.slice(lead).replace(/\r$/, '');
    const req = body.startsWith('-') ? undefined : parsePep508(body);
    const start = offset + lead;
    const last = req?.clauses[req.clauses.length - 1];
    const dep = req && last && clauseDependency(req.name, req.clauses, start, { start, end: start + last.end, path: req.name.toLowerCase() });
    if (dep) out.push(dep);
    offset += line.length + 1;
  }
  return out;
}

/** A `-r` / `--requirement` include of a requirements file: the path as written and the line's offsets. */
export interface RequirementInclude {
  target: string;
  start: number;
  end: number;
}

/**
 * The `-r file` / `--requirement file` lines of a requirements file, and `-c file` / `--constraint file` (also
 * `=file`): a constraints file's pins are the versions pip installs for those packages, so both are read.
 */
export function requirementIncludes(text: string): RequirementInclude[] {
  const out: RequirementInclude[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const m = /^([ \t]*)(?:-[rc][ \t]*(?:=[ \t]*)?|--(?:requirement|constraint)(?:[ \t]*=[ \t]*|[ \t]+))([^\s#]+)/.exec(line);
    if (m) out.push({ target: m[2]!, start: offset + m[1]!.length, end: offset + line.trimEnd().length });
    offset += raw.length + 1;
  }
  return out;
}

/**
 * The package a yarn descriptor names: `name@range` (v1), `name@npm:range` (berry), an alias
 * `alias@npm:real@range` (the real package), a berry patch `name@patch:name@npm%3A...#...` (its base package).
 */
export function yarnDescriptorPackage(spec: string): string | undefined {
  const at = spec.indexOf('@', 1);
  if (at <= 0) return undefined;
  const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)@/.exec(spec.slice(at + 1));
  return alias ? alias[1] : spec.slice(0, at);
}

/** Version of berry's workspace entries (the project's own packages, not installed ones). */
const YARN_WORKSPACE_VERSION = '0.0.0-use.local';

/**
 * Entries of a yarn lockfile, v1 (`version "x"`) or berry (`version: x`): a header line of one or more descriptors
 * ending in `:`, then the indented version. Aliases and `patch:` entries count as the package they install, each
 * name@version once (a patched copy is reported on the first entry); berry's workspace entries are skipped.
 */
export function yarnLockDependencies(text: string): Dependency[] {
  const out: Dependency[] = [];
  const seen = new Set<string>();
  let header: { name: string; start: number; end: number } | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\S.*:$/.test(line) && !line.startsWith('#')) {
      const name = yarnDescriptorPackage(line.slice(0, -1).split(',')[0]!.trim().replace(/^"|"$/g, ''));
      header = name ? { name, start: offset, end: offset + line.length - 1 } : undefined;
    } else if (header) {
      const m = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line);
      if (m) {
        const key = `${header.name}@${m[1]}`;
        if (m[1] !== YARN_WORKSPACE_VERSION && !seen.has(key)) {
          seen.add(key);
          out.push({ ecosystem: 'npm', name: header.name, version: m[1]!, start: header.start, end: header.end, path: `yarn:${key}` });
        }
        header = undefined;
      } else if (!/^\s/.test(line)) header = undefined;
    }
    offset += raw.length + 1;
  }
  return out;
}

/** `[[package]]` entries of a `poetry.lock` (TOML): the finding is on the entry's `name = ...` line. */
export function poetryLockDependencies(text: string): Dependency[] {
  return tomlPackageEntries(text, 'poetry');
}

/** `[[package]]` entries of a `uv.lock` (TOML, the same shape as poetry.lock's). */
export function uvLockDependencies(text: string): Dependency[] {
  return tomlPackageEntries(text, 'uv');
}

/**
 * `[[package]]` tables with `name` and `version` keys, read line by line: both lockfiles are written by their tool
 * in this regular form, and the finding needs the entry's line (a TOML parser would give values, not positions).
 */
function tomlPackageEntries(text: string, tool: string): Dependency[] {
  const out: Dependency[] = [];
  let pkg: { name?: string; nameStart?: number; nameEnd?: number; version?: string } | undefined;
  const flush = (): void => {
    if (pkg?.name && pkg.version && pkg.nameStart !== undefined) {
      out.push({ ecosystem: 'PyPI', name: pkg.name, version: pkg.version, start: pkg.nameStart, end: pkg.nameEnd!, path: `${tool}:${pkg.name.toLowerCase()}` });
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

/**
 * Entries of a `pnpm-lock.yaml`: the keys of `packages` (v5-v9) and `snapshots` (v9), `/name@1.2.3` (v6),
 * `name@1.2.3` (v9) or `/name/1.2.3` (v5), with peer suffixes (`(peer@2.0.0)`, v5 `_peer@2.0.0`) dropped. Each
 * name@version is reported once, on its first key. Undefined if the text is not valid YAML.
 */
export function pnpmLockDependencies(text: string): Dependency[] | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const lockVersion = Number.parseFloat(String(doc.get('lockfileVersion') ?? ''));
  const v5 = Number.isFinite(lockVersion) && lockVersion < 6;
  const out: Dependency[] = [];
  const seen = new Set<string>();
  for (const section of ['packages', 'snapshots']) {
    const map = doc.get(section, true);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const id = pnpmKey(String(pair.key.value), v5);
      if (!id) continue;
      const ownVersion = isMap(pair.value) ? pair.value.get('version') : undefined;
      const version = typeof ownVersion === 'string' ? ownVersion : id.version;
      if (seen.has(`${id.name}@${version}`)) continue;
      seen.add(`${id.name}@${version}`);
      out.push({ ecosystem: 'npm', name: id.name, version, start: pair.key.range[0], end: pair.key.range[1], path: `pnpm:${id.name}@${version}` });
    }
  }
  return out;
}

/** Name and version of a pnpm lockfile key. */
function pnpmKey(key: string, v5: boolean): { name: string; version: string } | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  if (v5) {
    const slash = k.lastIndexOf('/');
    if (slash <= 0) return undefined;
    return { name: k.slice(0, slash), version: k.slice(slash + 1).split('_')[0]! };
  }
  const paren = k.indexOf('(');
  if (paren > 0) k = k.slice(0, paren);
  const at = k.indexOf('@', 1);
  return at > 0 ? { name: k.slice(0, at), version: k.slice(at + 1) } : undefined;
}

/** `default` and `develop` entries of a `Pipfile.lock` (`"version": "==1.2.3"`), on the entry's key. */
export function pipfileLockDependencies(text: string): Dependency[] | undefined {
  const root = parseJsonWithPositions(text);
  if (!root) return undefined;
  const out: Dependency[] = [];
  for (const section of ['default', 'develop']) {
    const deps = member(root, section);
    if (deps?.kind !== 'object') continue;
    for (const e of deps.entries) {
      const v = member(e.value, 'version');
      const m = v?.kind === 'string' ? /^==\s*([A-Za-z0-9!+._-]+)$/.exec(v.value.trim()) : null;
      if (m) out.push({ ecosystem: 'PyPI', name: e.key, version: m[1]!, start: e.keyStart, end: e.keyEnd, path: `pipenv:${section}:${e.key.toLowerCase()}` });
    }
  }
  return out;
}

/** Whether a `pyproject.toml` key in `table` holds PEP 508 requirement strings. */
function isPep508Value(table: string, key: string): boolean {
  if (table === 'project') return key === 'dependencies' || key === 'optional-dependencies' || key.startsWith('optional-dependencies.');
  return table === 'project.optional-dependencies' || table === 'dependency-groups';
}

/** Whether a `pyproject.toml` table is a Poetry dependency table (`name = "spec"` or `name = { version = "spec" }`). */
function isPoetryTable(table: string): boolean {
  return table === 'tool.poetry.dependencies' || table === 'tool.poetry.dev-dependencies' || /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(table);
}

/** A TOML string starting at `line[i]` (basic or literal, one line): its value and where its content is. */
function tomlString(line: string, i: number): { value: string; start: number; end: number; next: number } | undefined {
  const q = line[i];
  if (q !== '"' && q !== "'") return undefined;
  let j = i + 1;
  let value = '';
  while (j < line.length && line[j] !== q) {
    if (q === '"' && line[j] === '\\') {
      value += line[j + 1] ?? '';
      j += 2;
    } else value += line[j++];
  }
  if (j >= line.length) return undefined;
  return { value, start: i + 1, end: j, next: j + 1 };
}

const POETRY_PIN = /^(?:==?\s*)?(\d[A-Za-z0-9!+._-]*)$/;
/** Poetry's caret and tilde requirements (`^2.1`, `~2.1.3`), not PEP 440's `~=`. */
const POETRY_RANGE = /^\s*([\^]|~(?!=))\s*(\d+(?:\.\d+){0,3})\s*$/;

/**
 * Dependencies of a `pyproject.toml`: PEP 621 `[project] dependencies`, `optional-dependencies` and PEP 735
 * `[dependency-groups]` (PEP 508 strings), and Poetry's dependency tables. Read line by line (the finding needs
 * the entry's line); multi-line arrays are followed, build requirements and other tools' tables are not read.
 */
export function pyprojectDependencies(text: string): Dependency[] {
  const out: Dependency[] = [];
  let table = '';
  let depth = -1; // >= 0 while inside a requirement array that started on an earlier line
  let offset = 0;
  const requirement = (value: string, at: number): void => {
    const req = parsePep508(value);
    const dep = req && clauseDependency(req.name, req.clauses, at, { start: at - 1, end: at + value.length + 1, path: `pyproject:${table}:${req.name.toLowerCase()}` });
    if (dep) out.push(dep);
  };
  // Reads the strings of an array value from `from`; returns the bracket depth left open at the end of the line.
  const scanArray = (line: string, from: number, start: number, open: number): number => {
    let d = open;
    for (let i = from; i < line.length; i++) {
      const c = line[i]!;
      if (c === '#') break;
      if (c === '[' || c === '{') d++;
      else if (c === ']' || c === '}') {
        if (--d <= 0) return -1;
      } else if (c === '"' || c === "'") {
        const s = tomlString(line, i);
        if (!s) break;
        if (s.value.length === s.end - s.start) requirement(s.value, start + s.start);
        i = s.next - 1;
      }
    }
    return d > 0 ? d : -1;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (depth >= 0) depth = scanArray(line, 0, offset, depth);
    else {
      const header = /^[ \t]*(\[\[?)([^\]]*)\]\]?[ \t]*(?:#.*)?$/.exec(line);
      const kv = header ? null : /^\s*(["']?)([A-Za-z0-9_.-]+)\1\s*=\s*/.exec(line);
      if (header) table = header[1] === '[[' ? '' : header[2]!.trim().replace(/[ \t]*\.[ \t]*/g, '.').replace(/["']/g, '');
      else if (kv && isPep508Value(table, kv[2]!)) depth = scanArray(line, kv[0].length, offset, 0);
      else if (kv && isPoetryTable(table) && kv[2]!.toLowerCase() !== 'python') {
        // `name = "1.2.3"` or `name = { version = "==1.2.3", ... }`: the version string's position.
        const v = line[kv[0].length] === '{' ? /\bversion\s*=\s*/.exec(line.slice(kv[0].length)) : null;
        const at = v ? kv[0].length + v.index + v[0].length : kv[0].length;
        const s = tomlString(line, at);
        const m = s && POETRY_PIN.exec(s.value);
        const where = { start: offset + (line.length - line.trimStart().length), end: offset + line.trimEnd().length, path: `pyproject:${table}:${kv[2]!.toLowerCase()}` };
        if (s && m && s.value.length === s.end - s.start) {
          const vStart = offset + s.end - m[1]!.length;
          out.push({ ecosystem: 'PyPI', name: kv[2]!, version: m[1]!, ...where, edit: { start: vStart, end: vStart + m[1]!.length, prefix: '' } });
        } else if (s && s.value.length === s.end - s.start && POETRY_RANGE.test(s.value)) {
          // Poetry's `^2.1` / `~2.1.3`: at least the version written (the upper bound does not change which
          // version is lowest); the fix raises that version and keeps the operator, which always admits it.
          const m = POETRY_RANGE.exec(s.value)!;
          const vStart = offset + s.start + s.value.indexOf(m[2]!, m[1]!.length);
          out.push({
            ecosystem: 'PyPI',
            name: kv[2]!,
            version: m[2]!,
            ...where,
            edit: { start: vStart, end: vStart + m[2]!.length, prefix: '' },
            range: { spec: s.value.trim(), admits: () => true },
          });
        } else if (s && s.value.length === s.end - s.start) {
          // PEP 440 specifiers (`>=2.0,<3`).
          const { clauses, next } = parseClauses(s.value, 0);
          const dep = next === s.value.length ? clauseDependency(kv[2]!, clauses, offset + s.start, where) : undefined;
          if (dep?.range) out.push(dep);
        }
      }
    }
    offset += raw.length + 1;
  }
  return out;
}
