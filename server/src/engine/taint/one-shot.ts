/**
 * The sources a one-shot scan of a file (`Engine.scanText`: the CLI, the workspace scan's workers) tries before its
 * rules are grouped into passes (`TaintAnalyzer.sourcelessOneShot`): most of a workspace's files (its dependencies,
 * vendored code) read no input, and for them grouping and indexing the passes was most of the scan.
 */
import type { CompiledPattern } from '../patterns/pattern';
import { PatternIndex } from '../patterns/pattern-index';
import { patternWords, type CompiledLanguage, type CompiledRule, type PassPattern } from './rule-set';

type SourceItem = CompiledRule['sources'][number];

/** Every source pattern of a language's rules, once per pattern (rules compile their shared lists each for itself). */
export interface SourceUnion {
  index: PatternIndex<SourceItem>;
  /** The representative of each pattern's key (`PassPattern.key`: equal keys, equal patterns). */
  byKey: Map<string, SourceItem>;
  /** The types each representative is indexed under (as `passOf` indexes it). */
  typesOf: Map<SourceItem, readonly string[]>;
  /** Each representative's position in `byKey`'s order, for `keptIndex`'s keys. */
  order: Map<SourceItem, number>;
  /** Indexes of subsets of the representatives (`keptIndex`), by their positions. */
  kept: Map<string, PatternIndex<SourceItem>>;
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
  const items = [...byKey.values()];
  u = { index: new PatternIndex(items, (s) => s.pattern, (s) => typesOf.get(s)!), byKey, typesOf, order: new Map(items.map((s, i) => [s, i])), kept: new Map() };
  unions.set(lang, u);
  return u;
}

/**
 * An index of the representatives in `keep` alone (in the union's order, under the same types), for a file's source
 * walk: the union's index finds every representative's names at each node it visits, most of them sources no rule
 * of the file keeps. An item's candidacy at a node depends on the item alone (`PatternIndex.candidates` is a superset
 * of the items that may match there, whichever others are indexed), so the walk finds the same matches. Few files
 * keep distinct sets (the shared lists, narrowed by the same few words): kept by set, bounded.
 */
export function keptIndex(union: SourceUnion, keep: ReadonlySet<SourceItem>): PatternIndex<SourceItem> {
  const items = [...keep].sort((a, b) => union.order.get(a)! - union.order.get(b)!);
  const key = items.map((s) => union.order.get(s)).join(',');
  let index = union.kept.get(key);
  if (!index) {
    if (union.kept.size >= 256) union.kept.clear();
    union.kept.set(key, (index = new PatternIndex(items, (s) => s.pattern, (s) => union.typesOf.get(s)!)));
  }
  return index;
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
    const reps = representatives(union, r);
    for (let i = 0; i < reps.length; i++) {
      const src = reps[i];
      // A source already kept (the rules share most of their source lists) needs no test of its words.
      if (!src || keep.has(src)) continue;
      if (filtered && !can(parts[i]!)) continue;
      keep.add(src);
      for (const t of union.typesOf.get(src) ?? []) types.add(t);
    }
  }
  return { keep, types: [...types] };
}

/** Whether one of the rule's sources is among `found` (representatives of the union: equal keys, equal patterns). */
export function ruleSourceAmong(union: SourceUnion, r: CompiledRule, found: ReadonlySet<SourceItem>): boolean {
  return representatives(union, r).some((src) => !!src && found.has(src));
}

/** Per rule, the union's representative of each of its sources (looked up once, not per file). */
const repsOf = new WeakMap<CompiledRule, { union: SourceUnion; reps: (SourceItem | undefined)[] }>();

function representatives(union: SourceUnion, r: CompiledRule): (SourceItem | undefined)[] {
  let hit = repsOf.get(r);
  if (!hit || hit.union !== union) repsOf.set(r, (hit = { union, reps: r.sources.map((_, i) => union.byKey.get(sourceKey(r, i))) }));
  return hit.reps;
}

/**
 * What a source needs of a file to match at some node, besides nodes of its types: `words`, each of its pattern's
 * words (as `PassPattern.words`); `oneOf`, per metavariable whose `where` is a list of names (`^(a|b\.c)$`), the
 * words of each name (a match binds it, and `whereHolds` then needs its text to be one of them).
 */
interface SourceNeeds {
  words: string[];
  oneOf: string[][][];
}

const needsOf = new WeakMap<SourceItem, SourceNeeds>();

/** A `where` regex that is exactly a list of names (letters, digits, `_`, `\.`): the words of each; else undefined. */
function namesOf(re: string): string[][] | undefined {
  const m = /^\^\(([A-Za-z0-9_|\\.]+)\)\$$/.exec(re) ?? /^\^([A-Za-z0-9_\\.]+)\$$/.exec(re);
  if (!m) return undefined;
  const names = m[1]!.split('|');
  // Only `\.` may be escaped (a dot, not any character); an empty name (`^(a|)$`) could match an empty text.
  if (names.some((n) => n === '' || /\\(?!\.)|(?<!\\)\./.test(n))) return undefined;
  return names.map((n) => n.match(/[A-Za-z0-9]+/g) ?? []);
}

function needs(src: SourceItem): SourceNeeds {
  let n = needsOf.get(src);
  if (!n) {
    const oneOf: string[][][] = [];
    for (const re of Object.values(src.spec.where ?? {})) {
      const names = namesOf(re);
      if (names) oneOf.push(names);
    }
    needsOf.set(src, (n = { words: patternWords(src.spec.pattern), oneOf }));
  }
  return n;
}

/**
 * The sources of `keep` that may match somewhere in a file, and their types: a superset of those that match. A name a
 * match compares is the text of a node or a canonical name, made of a name resolver's value (an import, or a handler's
 * alias the file's units have) and the text's names; so a source needs each of its words as a word of the text
 * (`word`) or of `resolved` (the words of the file's resolvers' values), and, for each `where` that lists names, one
 * name whose every word is in the text (`inText`, any substring: a bound node's text can be part of a longer run, as a
 * string fragment after an escape) or in `resolved`. `fileSources` leaves every handler's alias words to every file:
 * here only those of the aliases the file's units have count.
 */
export function occurringSources(
  union: SourceUnion,
  keep: ReadonlySet<SourceItem>,
  word: (w: string) => boolean,
  inText: (w: string) => boolean,
  resolved: ReadonlySet<string>,
): { keep: Set<SourceItem>; types: string[] } {
  const out = new Set<SourceItem>();
  const types = new Set<string>();
  const inWords = (w: string): boolean => resolved.has(w) || word(w);
  const named = (w: string): boolean => resolved.has(w) || inText(w);
  for (const src of keep) {
    const n = needs(src);
    if (!n.words.every(inWords) || !n.oneOf.every((names) => names.some((ws) => ws.every(named)))) continue;
    out.add(src);
    for (const t of union.typesOf.get(src) ?? []) types.add(t);
  }
  return { keep: out, types: [...types] };
}
