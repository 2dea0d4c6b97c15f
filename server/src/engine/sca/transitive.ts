/**
 * The installed dependency tree of an npm lockfile, for "via" findings on package.json: which direct dependency
 * brings a vulnerable transitive one, by the shortest chain, and the `overrides` entry that forces a fixed version.
 */
import { member, parseJsonWithPositions, type JsonNode } from './json-pos';

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

/**
 * The packages of a yarn v1 lockfile, with each dependency resolved through the entry its `name@range` names;
 * `bySpec` maps every `name@range` of the entries' headers to its node (what package.json's specs resolve to).
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
      const at = specs[0]?.lastIndexOf('@') ?? -1;
      entry = at > 0 ? { specs, name: specs[0]!.slice(0, at), deps: [] } : undefined;
      inDeps = false;
      continue;
    }
    if (!entry) continue;
    const version = /^ {2}version "?([^"\s]+)"?$/.exec(line);
    if (version) entry.version = version[1];
    if (/^ {2}\S/.test(line)) inDeps = /^ {2}(?:dependencies|optionalDependencies):$/.test(line);
    else if (inDeps) {
      const dep = /^ {4}("[^"]+"|\S+) ("[^"]+"|\S+)$/.exec(line);
      if (dep) entry.deps.push([unquote(dep[1]!), unquote(dep[2]!)]);
    }
  }
  flush();
  for (const { node, deps } of pending) {
    const resolved = new Map(node.resolved ?? []);
    for (const [name, range] of deps) {
      const to = bySpec.get(`${name}@${range}`);
      if (to === undefined) continue;
      resolved.set(name, to);
      if (!node.requires.includes(name)) node.requires.push(name);
    }
    node.resolved = resolved;
  }
  return { graph, bySpec };
}

/**
 * The edit that sets `field.name` (e.g. `overrides`) to `version` in a package.json's text: the entry's value
 * replaced, an entry added to the object, or the object added at the end of the root. Undefined when the text is
 * not JSON or the field is not an object.
 */
export function setManifestEntryEdit(text: string, field: string, name: string, version: string): { start: number; end: number; newText: string } | undefined {
  const root = parseJsonWithPositions(text);
  if (root?.kind !== 'object') return undefined;
  const indentAt = (offset: number): string => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
  };
  const entry = `${JSON.stringify(name)}: ${JSON.stringify(version)}`;
  const obj = member(root, field);
  if (obj !== undefined) {
    if (obj.kind !== 'object') return undefined;
    const existing = obj.entries.find((e) => e.key === name);
    if (existing) return { start: existing.value.start, end: existing.value.end, newText: JSON.stringify(version) };
    const first = obj.entries[0];
    if (!first) return { start: obj.start, end: obj.end, newText: `{ ${entry} }` };
    const sameLine = !text.slice(obj.start, first.keyStart).includes('\n');
    return { start: first.keyStart, end: first.keyStart, newText: sameLine ? `${entry}, ` : `${entry},\n${indentAt(first.keyStart)}` };
  }
  const last = root.entries[root.entries.length - 1];
  if (!last) return { start: root.start, end: root.end, newText: `{\n  ${JSON.stringify(field)}: { ${entry} }\n}` };
  const indent = indentAt(root.entries[0]!.keyStart) || '  ';
  return { start: last.value.end, end: last.value.end, newText: `,\n${indent}${JSON.stringify(field)}: {\n${indent}${indent}${entry}\n${indent}}` };
}
