/**
 * Compiled patterns indexed by what a target node must hold for them to match: its node type, then a name along
 * the pattern's first named path (the callee's last name of a call pattern, the property of a member pattern) or a
 * canonical (import-resolved) name on that path. Each node then tries only the patterns its names can match, and
 * the few with no name to key on (a metavariable callee, `fs.$F`, an operator pattern). Most tries used to fail
 * `mayMatch` on exactly these names: the index asks each node its names once instead of once per pattern.
 *
 * The index is exact by construction: a pattern is left out at a node only where `mayMatch` (pattern.ts) would
 * return false, so the matches, and their order, are those of trying every pattern of the node's type. It mirrors
 * `mayMatch` step by step along the path: keep the two in step (test/unit/pattern-index.test.ts compares them).
 */
import type { Node } from 'web-tree-sitter';
import { kids, matchSyntax, canonicalOf, textOf, typeOf, unwrapParens, type CanonicalResolver, type CompiledPattern, type PatternNode } from './pattern';

/**
 * How far a probe path may go: `mayMatch` gives up (matches) below depth 64; paths of real patterns are a few
 * steps (a call, its callee chain, the property).
 */
const MAX_PATH = 16;

/**
 * Patterns of one node type that share a probe path: the child positions from the root to a name leaf, and the
 * pattern node types along it (the target is walked the same way for all of them).
 */
interface ProbeGroup {
  /** Per depth: the pattern node's type and the child position taken (-1 at the leaf). */
  steps: { type: string; child: number }[];
  /** Leaf name -> positions (in the type's list) of the patterns whose leaf it is. */
  names: Map<string, number[]>;
  /** Per depth: canonical dotted name -> positions of the patterns with that `dotted` there. */
  canon: (Map<string, number[]> | undefined)[];
  /** Positions of every pattern of the group (a target the walk cannot rule on). */
  all: number[];
}

interface TypeEntry<T> {
  items: readonly T[];
  groups: ProbeGroup[];
  /** Positions of the patterns with no probe: tried at every node of the type. */
  wild: number[];
  /** Candidate lists by the one hit list that made them, or by the ids of several (see `candidates`). */
  single: Map<readonly number[], readonly T[]>;
  memo: Map<string, readonly T[]>;
  /** The candidates where no name is found: the wild patterns. */
  wildItems: readonly T[];
}

/** The path from a pattern's root to the name leaf `mayMatch` must compare, or undefined when it has none. */
function probeOf(root: PatternNode): { steps: { type: string; child: number }[]; nodes: PatternNode[] } | undefined {
  const steps: { type: string; child: number }[] = [];
  const nodes: PatternNode[] = [];
  const walk = (q: PatternNode, depth: number): boolean => {
    // `mayMatch` accepts these outright: nothing further down is checked.
    if (q.metavar || q.ellipsis || q.member || depth >= MAX_PATH) return false;
    steps.push({ type: q.type, child: -1 });
    nodes.push(q);
    if (q.children.length === 0) {
      // A name leaf is compared by text; any other leaf (a literal) is not checked by `mayMatch`.
      if (q.dotted !== undefined) return true;
    } else if (!matchSyntax.maps.has(q.type)) {
      // Children are checked in order until an ellipsis: each one before it is a necessary check. A chain's
      // property names it better than its object (`set` in `req.session.set`, not `req`): chains are read from
      // the end, anything else (a call: its callee, then its arguments) from the start.
      let n = q.children.findIndex((c) => c.ellipsis);
      if (n < 0) n = q.children.length;
      const reverse = matchSyntax.chains.has(q.type);
      for (let j = 0; j < n; j++) {
        const i = reverse ? n - 1 - j : j;
        steps[steps.length - 1]!.child = i;
        if (walk(q.children[i]!, depth + 1)) return true;
      }
      steps[steps.length - 1]!.child = -1;
    }
    steps.pop();
    nodes.pop();
    return false;
  };
  return walk(root, 0) ? { steps, nodes } : undefined;
}

const stepsKey = (steps: readonly { type: string; child: number }[]): string => steps.map((s) => `${s.type}/${s.child}`).join(' ');

function push(m: Map<string, number[]>, k: string, i: number): void {
  const l = m.get(k);
  if (!l) m.set(k, [i]);
  else if (l[l.length - 1] !== i) l.push(i);
}

/**
 * The compiled patterns of a rule set (sources, sinks, sanitizers, propagators or pattern-rule clauses), by node
 * type and by the names a node must have. Built once per rule set; `candidates` is what the per-node loops iterate.
 */
export class PatternIndex<T> {
  private readonly byType = new Map<string, TypeEntry<T>>();
  /** Whether items are tried at every node type (see the constructor). */
  private readonly anyType: boolean;
  /** The hit lists found at the node being looked up (reused: `candidates` runs at every node). */
  private readonly scratch: (readonly number[])[] = [];
  /** Hit lists get small ids, so a set of hits is a short memo key. */
  private readonly ids = new Map<readonly number[], number>();

  /**
   * `items` by node type (`typesOf`: the types an item may match at, its pattern root's and any more the caller
   * knows of, such as the names an imported dotted name can be), or 'any': every item is tried at nodes of every
   * type (guards, tried at whatever a condition is), left out only by name. `follows`: matches are made with a `ValueOf`
   * (sinks), where a variable may stand for the value it holds, so the index does not rule a variable out.
   */
  constructor(
    items: readonly T[],
    patternOf: (item: T) => CompiledPattern,
    typesOf: ((item: T) => readonly string[]) | 'any',
    private readonly follows = false,
  ) {
    this.anyType = typesOf === 'any';
    const lists = new Map<string, T[]>();
    for (const it of items) {
      for (const t of typesOf === 'any' ? [ANY] : typesOf(it)) {
        const l = lists.get(t) ?? [];
        if (!l.includes(it)) l.push(it);
        lists.set(t, l);
      }
    }
    for (const [type, list] of lists) {
      const groups = new Map<string, ProbeGroup>();
      const wild: number[] = [];
      list.forEach((it, i) => {
        const probe = probeOf(patternOf(it).root);
        if (!probe) {
          wild.push(i);
          return;
        }
        const key = stepsKey(probe.steps);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { steps: probe.steps, names: new Map(), canon: [], all: [] }));
        g.all.push(i);
        push(g.names, probe.nodes[probe.nodes.length - 1]!.text, i);
        probe.nodes.forEach((q, d) => {
          if (q.dotted !== undefined) push((g!.canon[d] ??= new Map()), q.dotted, i);
        });
      });
      const entry: TypeEntry<T> = { items: list, groups: [...groups.values()], wild, single: new Map(), memo: new Map(), wildItems: wild.map((i) => list[i]!) };
      this.byType.set(type, entry);
    }
  }

  /** The node types some item is tried at (none for an index of every type: it has no such list). */
  types(): string[] {
    return this.anyType ? [] : [...this.byType.keys()];
  }

  /** Every item that may match at nodes of this type, in order (what trying them all would try). */
  ofType(type: string): readonly T[] {
    return this.byType.get(this.anyType ? ANY : type)?.items ?? NONE;
  }

  /**
   * The items that may match at `target` (a superset of those `mayMatch` accepts there), in their order in
   * `ofType`. The same list object for the same hits, so callers may cache per list.
   */
  candidates(target: Node, resolve: CanonicalResolver | undefined): readonly T[] {
    const entry = this.byType.get(this.anyType ? ANY : typeOf(target));
    if (!entry) return NONE;
    // Called at every node, several times: no allocation unless names are found (a scratch list, a memo by hits).
    const hits = this.scratch;
    hits.length = 0;
    for (const g of entry.groups) this.walk(g, target, resolve, hits);
    if (hits.length === 0) return entry.wildItems;
    if (hits.length === 1) {
      const h = hits[0]!;
      let one = entry.single.get(h);
      if (!one) entry.single.set(h, (one = merged(entry, hits)));
      return one;
    }
    const key = hits.map((h) => this.idOf(h)).join(',');
    let out = entry.memo.get(key);
    if (!out) {
      out = merged(entry, hits);
      // Bounded: one entry per set of names met, over a long session.
      if (entry.memo.size >= 4096) entry.memo.clear();
      entry.memo.set(key, out);
    }
    return out;
  }

  private idOf(h: readonly number[]): number {
    let id = this.ids.get(h);
    if (id === undefined) this.ids.set(h, (id = this.ids.size));
    return id;
  }

  /**
   * Adds to `out` the group's patterns a target may match, as `mayMatch` decides along the path: the hit lists of
   * the canonical names and the leaf name found, or the whole group where `mayMatch` would accept without looking
   * further; nothing where it would reject them all.
   */
  private walk(g: ProbeGroup, target: Node, resolve: CanonicalResolver | undefined, out: (readonly number[])[]): void {
    let t = target;
    for (let d = 0; d < g.steps.length; d++) {
      const step = g.steps[d]!;
      const canon = g.canon[d];
      if (canon && resolve) {
        const name = canonicalOf(t, resolve);
        const hit = name === undefined ? undefined : canon.get(name);
        if (hit) out.push(hit);
      }
      const u = unwrapParens(step.type, t);
      if (!u) return;
      const uType = typeOf(u);
      if (this.follows && step.type !== uType && matchSyntax.variables.has(uType)) {
        out.push(g.all);
        return;
      }
      if (step.child < 0) {
        // The leaf: `mayMatch` compares its text with the target's, parenthesised or not; a literal passes.
        if (matchSyntax.literals.has(uType)) {
          out.push(g.all);
          return;
        }
        const a = g.names.get(textOf(u));
        if (a) out.push(a);
        if (u !== t) {
          const b = g.names.get(textOf(t));
          if (b && b !== a) out.push(b);
        }
        return;
      }
      if (step.type !== uType) return;
      const k = kids(u)[step.child];
      if (!k) return;
      t = k;
    }
  }
}

/** The entry's items at the positions of its wild patterns and of `hits`, in order. */
function merged<T>(entry: TypeEntry<T>, hits: readonly (readonly number[])[]): readonly T[] {
  const positions = new Set<number>(entry.wild);
  for (const h of hits) for (const i of h) positions.add(i);
  return [...positions].sort((a, b) => a - b).map((i) => entry.items[i]!);
}

const NONE: never[] = [];
/** The one bucket of an index whose items are tried at every node type (not a node type: it has a space). */
const ANY = '* any';
