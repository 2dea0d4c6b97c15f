/**
 * The sources a one-shot scan of a file (`Engine.scanText`: the CLI, the workspace scan's workers) tries before its
 * rules are grouped into passes (`TaintAnalyzer.sourcelessOneShot`): most of a workspace's files (its dependencies,
 * vendored code) read no input, and for them grouping and indexing the passes was most of the scan.
 */
import type { CompiledPattern } from '../patterns/pattern';
import { PatternIndex } from '../patterns/pattern-index';
import type { CompiledLanguage, CompiledRule, PassPattern } from './rule-set';

type SourceItem = CompiledRule['sources'][number];

/** Every source pattern of a language's rules, once per pattern (rules compile their shared lists each for itself). */
export interface SourceUnion {
  index: PatternIndex<SourceItem>;
  /** The representative of each pattern's key (`PassPattern.key`: equal keys, equal patterns). */
  byKey: Map<string, SourceItem>;
  /** The types each representative is indexed under (as `passOf` indexes it). */
  typesOf: Map<SourceItem, readonly string[]>;
}

const unions = new WeakMap<CompiledLanguage, SourceUnion>();

/** The union of the sources of `lang`'s taint rules, built once per compiled language. */
export function sourceUnion(lang: CompiledLanguage): SourceUnion {
  let u = unions.get(lang);
  if (u) return u;
  const byKey = new Map<string, SourceItem>();
  const typesOf = new Map<SourceItem, readonly string[]>();
  // The types `passOf` gives a pattern: a dotted one can also match an imported name or a shorter chain.
  const types = (p: CompiledPattern): string[] => (p.root.dotted ? [p.root.type, ...lang.module.nameTypes] : [p.root.type]);
  for (const r of lang.rules) {
    if (r.spec.kind !== 'taint') continue;
    r.sources.forEach((src, i) => {
      const key = sourceKey(r, i);
      if (byKey.has(key)) return;
      byKey.set(key, src);
      typesOf.set(src, types(src.pattern));
    });
  }
  u = { index: new PatternIndex([...byKey.values()], (s) => s.pattern, (s) => typesOf.get(s)!), byKey, typesOf };
  unions.set(lang, u);
  return u;
}

/** The key of a rule's `i`th source: its `PassPattern` key, or the object itself where the parts do not line up. */
function sourceKey(r: CompiledRule, i: number): string {
  const parts = r.passParts.lists[0];
  const part = parts && parts.length === r.sources.length ? parts[i] : undefined;
  return part ? part.key : `\u0000${r.spec.id}\u0000${i}`;
}

/**
 * The representatives of the sources the passes of `rules` would index on this file (`passOf`: those `can` keeps,
 * all without a filter), and the node types they are indexed under. A superset of every pass's own sources.
 */
export function fileSources(union: SourceUnion, rules: readonly CompiledRule[], can: ((p: PassPattern) => boolean) | undefined): { keep: Set<SourceItem>; types: string[] } {
  const keep = new Set<SourceItem>();
  const types = new Set<string>();
  for (const r of rules) {
    const parts = r.passParts.lists[0];
    const filtered = !!can && !!parts && parts.length === r.sources.length;
    for (let i = 0; i < r.sources.length; i++) {
      if (filtered && !can(parts[i]!)) continue;
      const src = union.byKey.get(sourceKey(r, i));
      if (!src || keep.has(src)) continue;
      keep.add(src);
      for (const t of union.typesOf.get(src) ?? []) types.add(t);
    }
  }
  return { keep, types: [...types] };
}
