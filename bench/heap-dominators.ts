/**
 * What holds a heap snapshot's memory: the dominator tree (who alone keeps what alive) with each object's retained
 * size, printed from the root down to the objects that retain at least --min MB, and the snapshot's totals by node
 * type. For the server's breakdown (issue 17), with snapshots from bench/server-smaps.ts --snapshot or
 * bench/memory-inproc.ts --snapshot.
 * `--focus name`: only the subtrees reached by an edge of that name (e.g. `findings`), `--depth` below it.
 *   node --import tsx bench/heap-dominators.ts x.heapsnapshot [--min 0.5] [--depth 14] [--focus name]
 */
import { readFileSync } from 'node:fs';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const MB = 2 ** 20;

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: heap-dominators.ts <file.heapsnapshot> [--min MB] [--depth N]');
  const minBytes = Number(arg('min', '0.5')) * MB;
  const maxDepth = Number(arg('depth', '14'));
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const nodeTypes = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const NW = nf.length;
  const EW = ef.length;
  const [nType, nName, nSelf, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const n = s.nodes.length / NW;
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * NW + nEdges!]!;
    firstEdge[i + 1] = e;
  }
  const weak = edgeTypes.indexOf('weak');
  const shortcut = edgeTypes.indexOf('shortcut');
  const followed = (e: number) => {
    const t = s.edges[e * EW + eType!]!;
    return t !== weak && t !== shortcut;
  };
  const target = (e: number) => s.edges[e * EW + eTo!]! / NW;

  // Post-order numbering by an iterative DFS from the root (node 0).
  const post = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const visited = new Uint8Array(n);
  const stack: number[] = [0];
  const cursor = new Uint32Array(n);
  visited[0] = 1;
  for (let i = 0; i < n; i++) cursor[i] = firstEdge[i]!;
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    let pushed = false;
    while (cursor[v]! < firstEdge[v + 1]!) {
      const e = cursor[v]!++;
      if (!followed(e)) continue;
      const w = target(e);
      if (!visited[w]) {
        visited[w] = 1;
        stack.push(w);
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      stack.pop();
      post[v] = order.length;
      order.push(v);
    }
  }
  // Predecessors (reachable ones only).
  const predCount = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) if (visited[v]) for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e++) if (followed(e)) predCount[target(e)]!++;
  const predStart = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) predStart[v + 1] = predStart[v]! + predCount[v]!;
  const preds = new Uint32Array(predStart[n]!);
  const fill = predStart.slice();
  for (let v = 0; v < n; v++) if (visited[v]) for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e++) if (followed(e)) preds[fill[target(e)]!++] = v;

  // Cooper, Harvey and Kennedy's iterative dominators over post-order numbers.
  const idom = new Int32Array(order.length).fill(-1);
  const root = post[0]!;
  idom[root] = root;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (a < b) a = idom[a]!;
      while (b < a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = order.length - 1; i >= 0; i--) {
      if (i === root) continue;
      const v = order[i]!;
      let d = -1;
      for (let p = predStart[v]!; p < predStart[v + 1]!; p++) {
        const q = post[preds[p]!]!;
        if (idom[q] === -1) continue;
        d = d === -1 ? q : intersect(q, d);
      }
      if (d !== -1 && idom[i] !== d) {
        idom[i] = d;
        changed = true;
      }
    }
  }
  // Retained sizes: children before parents is post-order.
  const retained = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) retained[i] = s.nodes[order[i]! * NW + nSelf!]!;
  for (let i = 0; i < order.length; i++) if (i !== root) retained[idom[i]!] = retained[idom[i]!]! + retained[i]!;
  const children: number[][] = Array.from({ length: order.length }, () => []);
  for (let i = 0; i < order.length; i++) if (i !== root) children[idom[i]!]!.push(i);

  // The name of the edge from the dominator to a node, when there is one (else the first retainer's).
  const edgeLabel = (fromNode: number, toNode: number) => {
    for (let e = firstEdge[fromNode]!; e < firstEdge[fromNode + 1]!; e++) {
      if (target(e) !== toNode) continue;
      const t = edgeTypes[s.edges[e * EW + eType!]!];
      const nm = s.edges[e * EW + eName!]!;
      return t === 'element' || t === 'hidden' ? `[${nm}]` : s.strings[nm]!;
    }
    return '~';
  };
  const label = (v: number) => {
    const t = nodeTypes[s.nodes[v * NW + nType!]!];
    const nm = s.strings[s.nodes[v * NW + nName!]!]!.replace(/\s+/g, ' ').slice(0, 60);
    return `${t}:${nm}`;
  };
  const out: string[] = [];
  const walk = (i: number, depth: number, via: string) => {
    const v = order[i]!;
    out.push(`${'  '.repeat(depth)}${(retained[i]! / MB).toFixed(2).padStart(7)} MB  ${via} ${label(v)} (${children[i]!.length} dominated)`);
    if (depth >= maxDepth) return;
    const kids = children[i]!.filter((k) => retained[k]! >= minBytes).sort((a, b) => retained[b]! - retained[a]!);
    for (const k of kids.slice(0, 25)) walk(k, depth + 1, edgeLabel(v, order[k]!));
  };
  const focus = arg('focus', '');
  if (!focus) walk(root, 0, '');
  else {
    // Breadth-first down the dominator tree to the first nodes reached by an edge named `focus`.
    const queue = [root];
    for (let q = 0; q < queue.length && out.length < 2_000; q++) {
      const i = queue[q]!;
      for (const k of children[i]!) {
        if (retained[k]! < minBytes) continue;
        const via = edgeLabel(order[i]!, order[k]!);
        if (via === focus) walk(k, 0, via);
        else queue.push(k);
      }
    }
  }
  let total = 0;
  const byType = new Map<string, number>();
  for (let v = 0; v < n; v++) {
    const sz = s.nodes[v * NW + nSelf!]!;
    total += sz;
    const t = nodeTypes[s.nodes[v * NW + nType!]!]!;
    byType.set(t, (byType.get(t) ?? 0) + sz);
  }
  process.stdout.write(`total ${(total / MB).toFixed(1)} MB in ${n} nodes; by type: ${[...byType].sort((a, b) => b[1] - a[1]).map(([t, b]) => `${t} ${(b / MB).toFixed(1)}`).join(', ')}\n`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
