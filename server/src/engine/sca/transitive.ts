/**
 * The installed dependency tree of a lockfile (npm, yarn v1/berry, pnpm v6-v9), for "via" findings on package.json:
 * which direct dependency brings a vulnerable transitive one, by the shortest chain, and the `overrides` /
 * `resolutions` / `pnpm.overrides` entry that forces a fixed version.
 */
import { parse as parseYaml } from 'yaml';
import { member, parseJsonWithPositions, type JsonNode } from './json-pos';
import { yarnDescriptorPackage } from './manifests';

/** One installed package: its place in node_modules, and the names it requires. */
export interface LockNode {
  path: string;
  name: string;
  version: string;
  requires: string[];
  /** Where each required name resolves, when the lockfile says it directly (yarn); else Node's lookup. */
  resolved?: ReadonlyMap<string, string>;
}

/** The packages of a `package-lock.json` / `npm-shrinkwrap.json` by their node_modules path; undefined if not JSON. */
export function npmLockGraph(text: string): Map<string, LockNode> | undefined {
  const root = parseJsonWithPositions(text);
  if (!root) return undefined;
  const out = new Map<string, LockNode>();
  const names = (n: JsonNode | undefined, ...fields: string[]): string[] =>
    fields.flatMap((f) => {
      const m = member(n, f);
      return m?.kind === 'object' ? m.entries.map((e) => e.key) : [];
    });
  const packages = member(root, 'packages');
  if (packages?.kind === 'object') {
    for (const e of packages.entries) {
      const at = e.key.lastIndexOf('node_modules/');
      const v = member(e.value, 'version');
      if (at < 0 || v?.kind !== 'string') continue;
      const n = member(e.value, 'name');
      const name = n?.kind === 'string' ? n.value : e.key.slice(at + 'node_modules/'.length);
      out.set(e.key, { path: e.key, name, version: v.value, requires: names(e.value, 'dependencies', 'optionalDependencies', 'peerDependencies') });
    }
    return out;
  }
  const walk = (deps: JsonNode | undefined, parent: string, depth: number): void => {
    if (deps?.kind !== 'object' || depth > 64) return;
    for (const e of deps.entries) {
      const path = parent ? `${parent}/node_modules/${e.key}` : `node_modules/${e.key}`;
      const v = member(e.value, 'version');
      if (v?.kind === 'string') out.set(path, { path, name: e.key, version: v.value, requires: names(e.value, 'requires') });
      walk(member(e.value, 'dependencies'), path, depth + 1);
    }
  };
  walk(member(root, 'dependencies'), '', 0);
  return out;
}

/** Where node's resolution finds `name` from the package at `from`: its own node_modules, then each ancestor's. */
function resolveFrom(graph: ReadonlyMap<string, LockNode>, from: string, name: string): LockNode | undefined {
  let dir = from;
  for (;;) {
    const hit = graph.get(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
    if (hit) return hit;
    if (!dir) return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

/** Each graph's resolved edges, computed once: a graph is walked from every direct dependency, on every edit. */
const EDGES = new WeakMap<ReadonlyMap<string, LockNode>, Map<LockNode, LockNode[]>>();

/** The packages `node` requires, resolved (the lockfile's own resolution, else Node's lookup). */
function edgesOf(graph: ReadonlyMap<string, LockNode>, node: LockNode): LockNode[] {
  let all = EDGES.get(graph);
  if (!all) EDGES.set(graph, (all = new Map()));
  let out = all.get(node);
  if (!out) {
    out = [];
    for (const req of node.requires) {
      const at = node.resolved?.get(req);
      const dep = node.resolved ? (at !== undefined ? graph.get(at) : undefined) : resolveFrom(graph, node.path, req);
      if (dep) out.push(dep);
    }
    all.set(node, out);
  }
  return out;
}

/**
 * Every package the direct dependency at `startPath` brings in that `keep` accepts (all when omitted), each once
 * with the shortest chain of names from it (breadth first), the direct dependency itself excluded. Chains are
 * built only for the packages kept: a walk from each direct dependency meets most of a large tree.
 */
export function transitiveOf(graph: ReadonlyMap<string, LockNode>, startPath: string, keep?: (node: LockNode) => boolean): { node: LockNode; chain: string[] }[] {
  const start = graph.get(startPath);
  if (!start) return [];
  const out: { node: LockNode; chain: string[] }[] = [];
  const parent = new Map<LockNode, LockNode | undefined>([[start, undefined]]);
  const chainOf = (n: LockNode): string[] => {
    const names: string[] = [];
    for (let at: LockNode | undefined = n; at; at = parent.get(at)) names.push(at.name);
    return names.reverse();
  };
  let level = [start];
  while (level.length > 0) {
    const next: LockNode[] = [];
    for (const node of level) {
      for (const dep of edgesOf(graph, node)) {
        if (parent.has(dep)) continue;
        parent.set(dep, node);
        if (!keep || keep(dep)) out.push({ node: dep, chain: chainOf(dep) });
        next.push(dep);
      }
    }
    level = next;
  }
  return out;
}

/** The descriptors a yarn `name@range` may be written as: as is, and with berry's default `npm:` protocol. */
export function yarnDescriptors(name: string, range: string): string[] {
  return /^[a-z-]+:/.test(range) ? [`${name}@${range}`] : [`${name}@${range}`, `${name}@npm:${range}`];
}

/**
 * The packages of a yarn lockfile (v1 or berry), with each dependency resolved through the entry its descriptor
 * names; `bySpec` maps every descriptor of the entries' headers to its node (what package.json's specs resolve
 * to). Aliases and `patch:` entries are nodes of the package they install (a patched copy is the same node).
 */
export function yarnLockGraph(text: string): { graph: Map<string, LockNode>; bySpec: Map<string, string> } {
  const graph = new Map<string, LockNode>();
  const bySpec = new Map<string, string>();
  const pending: { node: LockNode; deps: [string, string][] }[] = [];
  const unquote = (v: string): string => v.trim().replace(/^"|"$/g, '');
  let entry: { specs: string[]; name: string; version?: string; deps: [string, string][] } | undefined;
  let inDeps = false;
  const flush = (): void => {
    if (!entry?.version) return;
    const path = `yarn:${entry.name}@${entry.version}`;
    const node = graph.get(path) ?? { path, name: entry.name, version: entry.version, requires: [] };
    graph.set(path, node);
    for (const s of entry.specs) bySpec.set(s, path);
    pending.push({ node, deps: entry.deps });
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^[^\s#].*:$/.test(line)) {
      flush();
      const specs = line.slice(0, -1).split(',').map(unquote).filter(Boolean);
      const name = specs[0] === undefined ? undefined : yarnDescriptorPackage(specs[0]);
      entry = name ? { specs, name, deps: [] } : undefined;
      inDeps = false;
      continue;
    }
    if (!entry) continue;
    // v1 `version "1.0.0"`, berry `version: 1.0.0`.
    const version = /^ {2}version:? "?([^"\s]+)"?$/.exec(line);
    if (version) entry.version = version[1];
    if (/^ {2}\S/.test(line)) inDeps = /^ {2}(?:dependencies|optionalDependencies):$/.test(line);
    else if (inDeps) {
      // v1 `name "range"`, berry `name: range` / `"@scope/name": "npm:range"`.
      const dep = /^ {4}("[^"]+"|[^\s"]+?):? ("[^"]*"|\S+)$/.exec(line);
      if (dep) entry.deps.push([unquote(dep[1]!), unquote(dep[2]!)]);
    }
  }
  flush();
  for (const { node, deps } of pending) {
    const resolved = new Map(node.resolved ?? []);
    for (const [name, range] of deps) {
      const to = yarnDescriptors(name, range).map((d) => bySpec.get(d)).find((p) => p !== undefined);
      if (to === undefined) continue;
      resolved.set(name, to);
      if (!node.requires.includes(name)) node.requires.push(name);
    }
    node.resolved = resolved;
  }
  // Berry's workspace entries are the project itself, not installed packages.
  for (const [path, node] of graph) if (node.version === '0.0.0-use.local') graph.delete(path);
  return { graph, bySpec };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A pnpm package key (`name@1.2.3(peer@2.0.0)`, v6 with a leading `/`) as name and version; peers dropped. */
function pnpmKeyParts(key: string): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = k.indexOf('@', 1);
  return at > 0 ? { name: k.slice(0, at), version: k.slice(at + 1) } : undefined;
}

/**
 * The package tree of a `pnpm-lock.yaml` v6-v9: nodes are the keys of `packages` (v6) and `snapshots` (v9), each
 * dependency resolved to the key its version names (`name@version`, peers included; an alias's version is the
 * key itself); `direct` maps the root project's (importer `.`, or v6's top-level) dependencies to their nodes.
 * Undefined when the text is not YAML or is an older lockfile (v5 keys are not read for chains).
 */
export function pnpmLockGraph(text: string): { graph: Map<string, LockNode>; direct: Map<string, string> } | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  if (!isObj(doc)) return undefined;
  const lockVersion = Number.parseFloat(String(doc.lockfileVersion ?? ''));
  if (!(lockVersion >= 6)) return undefined;
  // A dependency's version: `1.2.3(peer@1.0.0)`, or for an alias or another registry name the key itself.
  const target = (name: string, version: unknown): string | undefined => {
    if (typeof version !== 'string') return undefined;
    if (/^\d/.test(version)) return `pnpm:${name}@${version}`;
    return /^\/?(?:@[^/@]+\/)?[^/@]+@\d/.test(version) ? `pnpm:${version.replace(/^\//, '')}` : undefined; // link:, file: are not packages
  };
  const graph = new Map<string, LockNode>();
  for (const section of ['packages', 'snapshots']) {
    const map = doc[section];
    if (!isObj(map)) continue;
    for (const [key, value] of Object.entries(map)) {
      const id = pnpmKeyParts(key);
      if (!id) continue;
      const path = `pnpm:${key.replace(/^\//, '')}`;
      const node = graph.get(path) ?? { path, name: id.name, version: id.version, requires: [], resolved: new Map<string, string>() };
      graph.set(path, node);
      for (const field of ['dependencies', 'optionalDependencies']) {
        const deps = isObj(value) ? value[field] : undefined;
        if (!isObj(deps)) continue;
        for (const [name, version] of Object.entries(deps)) {
          const to = target(name, version);
          if (to === undefined) continue;
          (node.resolved as Map<string, string>).set(name, to);
          if (!node.requires.includes(name)) node.requires.push(name);
        }
      }
    }
  }
  const importers = isObj(doc.importers) ? doc.importers['.'] : doc;
  const direct = new Map<string, string>();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = isObj(importers) ? importers[field] : undefined;
    if (!isObj(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      const to = target(name, isObj(spec) ? spec.version : spec);
      if (to !== undefined && graph.has(to)) direct.set(name, to);
    }
  }
  return { graph, direct };
}

/**
 * The edit that sets `name` to `version` in the object at `field` of a package.json's text (a path for nested
 * objects: `['pnpm', 'overrides']`): the entry's value replaced, an entry added to the object, or the missing
 * objects added (at the end of the nearest one that exists). Undefined when the text is not JSON or a field on
 * the way is not an object. `root` is `text` already parsed, if the caller has it (one parse for all of a
 * manifest's fixes).
 */
export function setManifestEntryEdit(
  text: string,
  field: string | readonly string[],
  name: string,
  version: string,
  root: JsonNode | undefined = parseJsonWithPositions(text),
): { start: number; end: number; newText: string } | undefined {
  if (root?.kind !== 'object') return undefined;
  const fields = typeof field === 'string' ? [field] : field;
  const indentAt = (offset: number): string => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
  };
  const entry = `${JSON.stringify(name)}: ${JSON.stringify(version)}`;
  let obj: JsonNode = root;
  let depth = 0;
  for (; depth < fields.length; depth++) {
    const next = member(obj, fields[depth]!);
    if (next === undefined) break;
    if (next.kind !== 'object') return undefined;
    obj = next;
  }
  if (obj.kind !== 'object') return undefined;
  if (depth === fields.length) {
    const existing = obj.entries.find((e) => e.key === name);
    if (existing) return { start: existing.value.start, end: existing.value.end, newText: JSON.stringify(version) };
    const first = obj.entries[0];
    if (!first) return { start: obj.start, end: obj.end, newText: `{ ${entry} }` };
    const sameLine = !text.slice(obj.start, first.keyStart).includes('\n');
    return { start: first.keyStart, end: first.keyStart, newText: sameLine ? `${entry}, ` : `${entry},\n${indentAt(first.keyStart)}` };
  }
  // The missing objects, down to the entry: `"a": { "b": "v" }` on one line, or laid out one key per line.
  const keys = [...fields.slice(depth), name];
  const inline = (k: readonly string[]): string => (k.length === 1 ? entry : `${JSON.stringify(k[0])}: { ${inline(k.slice(1))} }`);
  const unit = (root.entries[0] ? indentAt(root.entries[0].keyStart) : '') || '  ';
  const block = (k: readonly string[], indent: string): string => (k.length === 1 ? entry : `${JSON.stringify(k[0])}: {\n${indent}${unit}${block(k.slice(1), indent + unit)}\n${indent}}`);
  const last = obj.entries[obj.entries.length - 1];
  if (!last) return { start: obj.start, end: obj.end, newText: obj === root ? `{\n${unit}${inline(keys)}\n}` : `{ ${inline(keys)} }` };
  const indent = indentAt(obj.entries[0]!.keyStart) || unit;
  return { start: last.value.end, end: last.value.end, newText: `,\n${indent}${block(keys, indent)}` };
}
