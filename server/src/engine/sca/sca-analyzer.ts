/**
 * The dependencies pack as an Analyzer: each manifest or lockfile's dependencies matched against the local
 * advisory database. Without a database the pack reports one notice per file saying how to get one, and finds
 * nothing; the other packs are unaffected.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AnalysisContext, Analyzer, AnalyzerSession, RuleInfo } from '../analyzer';
import type { SourceDocument } from '../document';
import { docsUrlFor } from '../docs-links';
import { SEVERITIES, severityRank, type Finding, type Fix, type Severity } from '../types';
import type { AdvisoryDb } from './database';
import {
  manifestKindOf,
  npmLockDependencies,
  npmManifestDependencies,
  pipfileLockDependencies,
  pnpmLockDependencies,
  poetryLockDependencies,
  pyprojectDependencies,
  requirementsDependencies,
  uvLockDependencies,
  yarnLockDependencies,
  type Dependency,
  type ManifestKind,
  type TopLevelVersions,
} from './manifests';
import { isAffected, smallestSafeUpgrade, type Advisory } from './osv';
import { includedRequirements } from './requirement-includes';
import { tableLookup, WorkspaceImports, type Reach, type VulnerableFunctions } from './reachability';
import { npmLockGraph, pnpmLockGraph, setManifestEntryEdit, transitiveOf, yarnDescriptors, yarnLockGraph, type LockNode } from './transitive';
import { member, parseJsonWithPositions, type JsonNode } from './json-pos';
import type { Ecosystem } from './versions';


/** The pack's rules: one per ecosystem (the advisory is named in each finding). */
export const SCA_RULES: readonly RuleInfo[] = [
  {
    id: 'deps.npm.vulnerable-dependency',
    pack: 'dependencies',
    name: 'Vulnerable npm dependency',
    description: 'A package in package.json, the npm lockfile, yarn.lock or pnpm-lock.yaml is at a version a published advisory says is vulnerable.',
    severity: 'high',
    cwe: ['CWE-1395'],
    docsUrl: docsUrlFor('dependencies', 'deps.npm.vulnerable-dependency'),
    languages: ['json', 'yaml'],
  },
  {
    id: 'deps.pypi.vulnerable-dependency',
    pack: 'dependencies',
    name: 'Vulnerable PyPI dependency',
    description: 'A package pinned in a requirements file or pyproject.toml, or locked in poetry.lock, Pipfile.lock or uv.lock, is at a version a published advisory says is vulnerable.',
    severity: 'high',
    cwe: ['CWE-1395'],
    docsUrl: docsUrlFor('dependencies', 'deps.pypi.vulnerable-dependency'),
    languages: ['pip-requirements', 'toml', 'json'],
  },
];

const RULE_OF: Record<Ecosystem, RuleInfo> = { npm: SCA_RULES[0]!, PyPI: SCA_RULES[1]! };

/** What the notice says when there is no database. */
export const NO_DATABASE_MESSAGE =
  'Dependencies were not checked for known vulnerabilities: there is no advisory database yet. Run `vigil db update` (downloads from OSV) or `vigil db import <folder-or-zip>` (offline), or the command "Vigil: Update Advisory Database".';

/** What to do instead of editing a lockfile, per lockfile kind (undefined: the file itself may be edited). */
const LOCKFILE_ADVICE: Record<ManifestKind, string | undefined> = {
  'npm-lockfile': 'in package.json or with npm update, then run npm install',
  'yarn-lockfile': 'in package.json or with yarn upgrade, then run yarn install',
  'poetry-lockfile': 'in pyproject.toml, then run poetry lock',
  'pnpm-lockfile': 'in package.json or with pnpm update, then run pnpm install',
  'pipenv-lockfile': 'in Pipfile, then run pipenv lock',
  'uv-lockfile': 'in pyproject.toml, then run uv lock',
  'npm-manifest': undefined,
  'pip-requirements': undefined,
  pyproject: undefined,
};

/** Lockfiles of other package managers that, beside a package.json, hold its real versions. */
const OTHER_LOCKFILES = ['yarn.lock', 'pnpm-lock.yaml'];

/** One step less severe: a range's lowest version may not be the one installed. */
function lowered(s: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(s) + 1, SEVERITIES.indexOf('low'))] ?? s;
}

/** The advisories that affect one package version (memoised per analysis). */
type AffectedOf = (ecosystem: Ecosystem, name: string, version: string) => readonly Advisory[];

/** Reads and parses a lockfile through the analyzer's cache; undefined when it is missing or too large. */
type LockReader = <T>(path: string, parse: (text: string) => T) => T | undefined;

/** Largest lockfile read from disk for a package.json beside it. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;

/** How the pack looks for imports of a vulnerable package. */
export interface ReachabilityOptions {
  /** The curated vulnerable-function table (default: none, only imports are looked for). */
  table?: VulnerableFunctions;
  /** Most source files read per workspace folder (the editor); unset: all (the CLI), so the answer is complete. */
  fileLimit?: number;
}

export class ScaAnalyzer implements Analyzer {
  readonly pack = 'dependencies' as const;
  private readonly workspaces = new Map<string, { index: WorkspaceImports; fresh: boolean }>();
  /**
   * Parsed lockfiles beside manifests, kept while their size and modification time are unchanged: a package.json
   * edit must not re-read and re-parse a lockfile of thousands of packages on every keystroke.
   */
  private readonly locks = new Map<string, { size: number; mtimeMs: number; value: unknown }>();
  /** Per parsed lockfile tree: its vulnerable packages as of a database snapshot, and the walks from each start. */
  private readonly vulnerableTrees = new WeakMap<ReadonlyMap<string, LockNode>, VulnerableTree>();
  /** Finding fingerprints by their input: the same few hundred are hashed again on every edit of a manifest. */
  private readonly fingerprints = new Map<string, string>();

  constructor(
    readonly db: AdvisoryDb,
    private readonly reachOptions: ReachabilityOptions = {},
  ) {}

  /**
   * The workspace's import facts, listed once and again only after `workspaceChanged()`: a manifest edit in the
   * editor must not walk the folder on every keystroke, and a CLI scan with many manifests walks it once.
   */
  private imports(root: string): WorkspaceImports {
    let w = this.workspaces.get(root);
    if (!w) {
      w = { index: new WorkspaceImports(root, this.reachOptions.fileLimit), fresh: false };
      this.workspaces.set(root, w);
    }
    if (!w.fresh) {
      w.index.refresh();
      w.fresh = true;
    }
    return w.index;
  }

  workspaceChanged(): void {
    for (const w of this.workspaces.values()) w.fresh = false;
  }

  rules(): RuleInfo[] {
    return [...SCA_RULES];
  }

  appliesTo(doc: SourceDocument): boolean {
    return manifestKindOf(doc.path) !== undefined;
  }

  open(): AnalyzerSession {
    // No cache: a package.json's findings depend on the lockfile on disk and on the database, not only its text.
    return { run: (doc, _delta, ctx) => this.analyze(doc, ctx) };
  }

  analyze(doc: SourceDocument, ctx?: AnalysisContext): Finding[] {
    const kind = manifestKindOf(doc.path);
    if (!kind) return [];
    this.db.refresh();
    if (!this.db.available) {
      ctx?.notify?.({ reason: 'no-database', message: NO_DATABASE_MESSAGE });
      return [];
    }
    let deps: Dependency[] | undefined;
    let lock: SiblingLock | undefined;
    let manifestRoot: JsonNode | undefined;
    if (kind === 'npm-lockfile') deps = npmLockDependencies(doc.text);
    else if (kind === 'yarn-lockfile') deps = yarnLockDependencies(doc.text);
    else if (kind === 'poetry-lockfile') deps = poetryLockDependencies(doc.text);
    else if (kind === 'pnpm-lockfile') deps = pnpmLockDependencies(doc.text);
    else if (kind === 'pipenv-lockfile') deps = pipfileLockDependencies(doc.text);
    else if (kind === 'uv-lockfile') deps = uvLockDependencies(doc.text);
    else if (kind === 'pyproject') deps = pyprojectDependencies(doc.text);
    else if (kind === 'pip-requirements') {
      deps = [...requirementsDependencies(doc.text), ...includedRequirements(doc.path, doc.text, ctx?.workspaceRoot, (n) => ctx?.notify?.(n))];
    } else {
      // Parsed once per analysis: the lockfile match, the dependencies and every override fix read the same tree.
      manifestRoot = parseJsonWithPositions(doc.text);
      lock = readSiblingLock(doc.path, manifestRoot, (path, parse) => this.cachedLock(path, parse));
      // A yarn or pnpm lockfile holds the real versions (and is checked itself): ranges are not guessed then.
      const otherLock = OTHER_LOCKFILES.some((n) => existsSync(join(dirname(doc.path), n)));
      deps = manifestRoot && npmManifestDependencies(doc.text, lock?.versions, !otherLock, manifestRoot);
    }
    const out: Finding[] = [];
    let workspace: WorkspaceImports | undefined;
    const reach = ctx?.workspaceRoot ? () => (workspace ??= this.imports(ctx.workspaceRoot!)) : undefined;
    // Each name@version is matched once per analysis: "via" walks meet the same packages from many directs.
    const matched = new Map<string, readonly Advisory[]>();
    const affected: AffectedOf = (ecosystem, name, version) => {
      const key = `${ecosystem}\u0000${name}\u0000${version}`;
      let hit = matched.get(key);
      if (!hit) matched.set(key, (hit = this.db.lookup(ecosystem, name).filter((a) => isAffected(ecosystem, a, version))));
      return hit;
    };
    for (const dep of deps ?? []) {
      const advisories = affected(dep.ecosystem, dep.name, dep.version);
      if (advisories.length === 0) continue;
      out.push(...this.findings(doc, dep, advisories, LOCKFILE_ADVICE[kind], lock, undefined, reach));
    }
    if (lock) out.push(...this.viaFindings(doc, manifestRoot, deps ?? [], lock, affected, reach));
    return out;
  }

  /** A finding's fingerprint: the first 32 hex digits of the SHA-256 of its identity, memoised (bounded). */
  private fingerprint(identity: string): string {
    let hit = this.fingerprints.get(identity);
    if (hit === undefined) {
      hit = createHash('sha256').update(identity).digest('hex').slice(0, 32);
      if (this.fingerprints.size >= 50_000) this.fingerprints.clear();
      this.fingerprints.set(identity, hit);
    }
    return hit;
  }

  /** `parse` of the file at `path`, from the cache while the file's size and modification time are unchanged. */
  private cachedLock<T>(path: string, parse: (text: string) => T): T | undefined {
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(path));
    } catch {
      this.locks.delete(path);
      return undefined; // no such lockfile
    }
    if (size > MAX_LOCKFILE_BYTES) return undefined;
    const hit = this.locks.get(path);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.value as T;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const value = parse(text);
    this.locks.set(path, { size, mtimeMs, value });
    return value;
  }

  /** What the finding says about reachability, and whether it lowers the severity. */
  private reachNote(r: Reach, direct: boolean, functions: readonly string[]): { text: string; lower: boolean } {
    const files = `${r.looked} source file${r.looked === 1 ? '' : 's'} looked at`;
    if (r.level === 'called') return { text: `; reachable: vulnerable function \`${r.fn}\` called in ${r.at!.path}:${r.at!.line}`, lower: false };
    if (r.level === 'imported') {
      const none = functions.length > 0 ? ` (no call of ${functions.map((f) => `\`${f}\``).join(', ')} found)` : '';
      return { text: `; imported in ${r.at!.path}:${r.at!.line}${none}`, lower: false };
    }
    if (!r.complete) return { text: `; not imported in the first ${files} (the CLI looks at all)`, lower: false };
    // A transitive package is used through its dependents: not importing it proves nothing.
    return direct ? { text: `; not imported anywhere (${files})`, lower: true } : { text: `; not imported directly by your code (${files})`, lower: false };
  }

  /**
   * Vulnerable packages a direct dependency brings in, reported on that dependency's line of package.json with the
   * chain ("via a → b → c") and an `overrides` fix. A package that is itself a direct dependency is reported on
   * its own line instead (and an override of it would conflict with that dependency).
   */
  private viaFindings(
    doc: SourceDocument,
    manifestRoot: JsonNode | undefined,
    direct: readonly Dependency[],
    lock: SiblingLock,
    affected: AffectedOf,
    reach: (() => WorkspaceImports) | undefined,
  ): Finding[] {
    const directNames = new Set(direct.map((d) => d.name));
    const directPaths = new Set(direct.flatMap((d) => lock.start(d.name) ?? []));
    const out: Finding[] = [];
    // The tree's vulnerable packages and each walk depend only on the (cached) lockfile and the database: kept
    // with the lockfile, so an edit of package.json does not match and walk the whole tree again.
    let cached = this.vulnerableTrees.get(lock.graph);
    if (!cached || cached.snapshot !== this.db.snapshot) {
      const vulnerable = new Map<LockNode, { advisories: readonly Advisory[]; upgrade: string | undefined }>();
      for (const node of lock.graph.values()) {
        const advisories = affected('npm', node.name, node.version);
        if (advisories.length > 0) vulnerable.set(node, { advisories, upgrade: smallestSafeUpgrade('npm', advisories, node.version) });
      }
      cached = { snapshot: this.db.snapshot, vulnerable, walks: new Map() };
      this.vulnerableTrees.set(lock.graph, cached);
    }
    const { vulnerable, walks } = cached;
    if (vulnerable.size === 0) return out;
    // One override per package and version, however many direct dependencies bring it in.
    const overrides = new Map<string, ReturnType<typeof setManifestEntryEdit>>();
    const overrideEdit = (name: string, upgrade: string): ReturnType<typeof setManifestEntryEdit> => {
      const key = `${name}\u0000${upgrade}`;
      if (!overrides.has(key)) overrides.set(key, setManifestEntryEdit(doc.text, OVERRIDE_FIELD[lock.tool], name, upgrade, manifestRoot));
      return overrides.get(key);
    };
    for (const d of direct) {
      const start = d.fromLockfile ? lock.start(d.name) : undefined;
      if (start === undefined) continue;
      let walk = walks.get(start);
      if (!walk) walks.set(start, (walk = transitiveOf(lock.graph, start, (n) => vulnerable.has(n))));
      for (const { node, chain } of walk) {
        if (directPaths.has(node.path)) continue;
        const { advisories, upgrade } = vulnerable.get(node)!;
        const dep: Dependency = { ecosystem: 'npm', name: node.name, version: node.version, start: d.start, end: d.end, path: `${d.path}>${node.path}` };
        out.push(...this.findings(doc, dep, advisories, undefined, lock, { direct: d, chain, overridable: !directNames.has(node.name), upgrade, overrideEdit }, reach));
      }
    }
    return out;
  }

  private findings(
    doc: SourceDocument,
    dep: Dependency,
    advisories: readonly Advisory[],
    lockAdvice: string | undefined,
    lock: SiblingLock | undefined,
    via?: {
      direct: Dependency;
      chain: readonly string[];
      overridable: boolean;
      /** The smallest safe upgrade, computed once per lockfile and database. */
      upgrade: string | undefined;
      overrideEdit: (name: string, upgrade: string) => ReturnType<typeof setManifestEntryEdit>;
    },
    reach?: () => WorkspaceImports,
  ): Finding[] {
    const inLockfile = lockAdvice !== undefined;
    const rule = RULE_OF[dep.ecosystem];
    const upgrade = via ? via.upgrade : smallestSafeUpgrade(dep.ecosystem, advisories, dep.version);
    const inRange = upgrade !== undefined && (dep.range?.admits(upgrade) ?? true);
    let advice = upgrade
      ? `upgrade ${dep.name} ${dep.version} -> ${upgrade}${inLockfile ? ` (${lockAdvice})` : ''}`
      : 'no fixed version is known';
    // Inside the range, raising its lower bound is enough, whether or not the quick fix can write it.
    if (upgrade && dep.range) advice = inRange ? `raise the lower bound to ${upgrade}` : `the fixed version ${upgrade} is outside the range: widen it`;
    const fixes: Fix[] = [];
    const chain = via?.chain.join(' \u2192 ');
    if (via && upgrade) {
      const tool = lock?.tool ?? 'npm';
      const noun = tool === 'yarn' ? 'resolution' : 'override';
      advice = `upgrade ${dep.name} ${dep.version} -> ${upgrade} (${via.overridable ? `add an ${noun}` : `in ${dep.name}'s own entry`}, then run ${tool} install)`;
      const edit = via.overridable ? via.overrideEdit(dep.name, upgrade) : undefined;
      if (edit) {
        fixes.push({
          title: `Add ${noun === 'override' ? 'an override' : 'a resolution'} ${dep.name}@${upgrade} (then run ${tool} install to update ${lock?.name ?? 'the lockfile'})`,
          kind: 'fix',
          isPreferred: true,
          edits: [{ range: doc.lines.rangeOf(edit.start, edit.end), newText: edit.newText }],
        });
      }
    } else if (upgrade && inRange && dep.edit && !inLockfile) {
      const after = dep.fromLockfile ? ` (then run ${lock?.tool ?? 'npm'} install to update ${lock?.name ?? 'the lockfile'})` : '';
      fixes.push({
        title: `Upgrade ${dep.name} to ${upgrade}${after}`,
        kind: 'fix',
        isPreferred: true,
        edits: [{ range: doc.lines.rangeOf(dep.edit.start, dep.edit.end), newText: `${dep.edit.prefix}${upgrade}` }],
      });
    }
    const sorted = [...advisories].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
    return sorted.map((a, i) => {
      const aka = a.aliases.length > 0 ? ` (${a.aliases.slice(0, 3).join(', ')})` : '';
      const what = via
        ? `${via.direct.name} ${via.direct.version} brings ${dep.name} ${dep.version} (via ${chain}), which is vulnerable`
        : dep.range
        ? `${dep.name} ${dep.range.spec}${dep.note ? ` (${dep.note})` : ''}: the range allows affected versions, lowest ${dep.version} (the installed version may differ)`
        : `${dep.name} ${dep.version}${dep.note ? ` (${dep.note})` : ''} is vulnerable`;
      const table = this.reachOptions.table ? tableLookup(this.reachOptions.table, dep.ecosystem, dep.name, [a.id, ...a.aliases]) : { functions: [] };
      // The curated table and the record's own function data count alike; the table's import names come first.
      const functions = [...new Set([...table.functions, ...(a.functions ?? [])])];
      const r = reach?.().reach(dep.ecosystem, dep.name, functions, table.modules ?? a.modules);
      const note = r ? this.reachNote(r, !inLockfile && !via, functions) : undefined;
      // What the priority ranks by (engine/priority.ts): true when a vulnerable function is called; false when a
      // complete look proves the code does not use it (a direct dependency nothing imports, or imported with none
      // of the known vulnerable functions called); otherwise unknown.
      const reachable = !r ? undefined : r.level === 'called' ? true : note!.lower || (r.level === 'imported' && functions.length > 0 && r.complete) ? false : undefined;
      let severity = dep.range ? lowered(a.severity) : a.severity;
      if (note?.lower) severity = lowered(severity);
      const f: Finding = {
        ruleId: rule.id,
        pack: 'dependencies',
        // A range's lowest version may not be the one installed, and a direct dependency no code imports is less
        // urgent: each is one step less severe.
        severity,
        cwe: rule.cwe,
        message: `${what}: ${a.id}${aka}${a.summary ? `: ${a.summary}` : ''}; ${advice}${note?.text ?? ''}.`,
        range: doc.lines.rangeOf(dep.start, dep.end),
        docsUrl: a.url,
        fingerprint: this.fingerprint(`${rule.id}\u0000${dep.path}\u0000${a.id}`),
        properties: {
          advisory: a.id,
          package: dep.name,
          version: dep.version,
          ...(upgrade ? { fixedVersion: upgrade } : {}),
          ...(dep.range ? { range: dep.range.spec, confidence: 'lowest version of the range' } : {}),
          ...(chain ? { via: chain } : {}),
          ...(r ? { reachability: r.level } : {}),
          ...(reachable !== undefined ? { reachable } : {}),
        },
      };
      // One upgrade fixes them all: offered once per dependency (on the most severe), so fix-all edits once.
      if (i === 0 && fixes.length > 0) f.fixes = fixes;
      return f;
    });
  }
}

/** A lockfile tree's vulnerable packages (with their smallest safe upgrade) as of a database snapshot, and the walks from each start. */
interface VulnerableTree {
  snapshot: string | undefined;
  vulnerable: Map<LockNode, { advisories: readonly Advisory[]; upgrade: string | undefined }>;
  walks: Map<string, { node: LockNode; chain: string[] }[]>;
}

/** Where each package manager takes a forced version of a transitive package in package.json. */
const OVERRIDE_FIELD: Record<SiblingLock['tool'], readonly string[]> = { npm: ['overrides'], yarn: ['resolutions'], pnpm: ['pnpm', 'overrides'] };

/** The lockfile beside a package.json: its top-level versions, its package tree and how to regenerate it. */
interface SiblingLock {
  name: string;
  tool: 'npm' | 'yarn' | 'pnpm';
  versions: TopLevelVersions;
  graph: ReadonlyMap<string, LockNode>;
  /** The tree node a direct dependency of package.json is, by name. */
  start: (name: string) => string | undefined;
}

/**
 * The lockfile beside a package.json: npm-shrinkwrap.json first (npm uses it first), then package-lock.json, then
 * yarn.lock (v1 or berry), whose entries are found by package.json's own `name@spec`, then pnpm-lock.yaml (v6-v9),
 * whose root importer names each direct dependency's entry.
 */
function readSiblingLock(manifest: string, root: JsonNode | undefined, read: LockReader): SiblingLock | undefined {
  for (const name of ['npm-shrinkwrap.json', 'package-lock.json']) {
    const parsed = read(join(dirname(manifest), name), (text) => {
      const graph = npmLockGraph(text);
      if (!graph) return undefined;
      const versions: TopLevelVersions = new Map();
      for (const n of graph.values()) if (n.path === `node_modules/${n.name}`) versions.set(n.name, n.version);
      return { graph, versions };
    });
    if (!parsed) continue;
    const { graph, versions } = parsed;
    return { name, tool: 'npm', versions, graph, start: (n) => (graph.has(`node_modules/${n}`) ? `node_modules/${n}` : undefined) };
  }
  const yarn = read(join(dirname(manifest), 'yarn.lock'), yarnLockGraph);
  if (yarn !== undefined) {
    if (!root) return undefined;
    const { graph, bySpec } = yarn;
    const versions: TopLevelVersions = new Map();
    const starts = new Map<string, string>();
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const deps = member(root, field);
      if (deps?.kind !== 'object') continue;
      for (const e of deps.entries) {
        const path = e.value.kind === 'string' ? yarnDescriptors(e.key, e.value.value.trim()).map((d) => bySpec.get(d)).find((p) => p !== undefined) : undefined;
        const node = path === undefined ? undefined : graph.get(path);
        if (!node) continue;
        versions.set(e.key, node.version);
        starts.set(e.key, node.path);
      }
    }
    return { name: 'yarn.lock', tool: 'yarn', versions, graph, start: (n) => starts.get(n) };
  }
  const pnpm = read(join(dirname(manifest), 'pnpm-lock.yaml'), pnpmLockGraph);
  if (!pnpm) return undefined;
  const versions: TopLevelVersions = new Map();
  for (const [n, path] of pnpm.direct) versions.set(n, pnpm.graph.get(path)!.version);
  return { name: 'pnpm-lock.yaml', tool: 'pnpm', versions, graph: pnpm.graph, start: (n) => pnpm.direct.get(n) };
}
