/**
 * YAML documents for the config pack: parsed with the `yaml` package (all documents of a stream, with source
 * offsets), and helpers to walk them as the rules see them. Aliases are followed and `<<` merge keys are merged,
 * which compose files use a lot; a document whose aliases would expand past a small budget (a "billion laughs"
 * alias bomb) is refused whole, so a walk over it is bounded by a small multiple of its size.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

/** Alias expansions allowed per document before it is refused (the `yaml` package's own count). */
export const MAX_ALIAS_COUNT = 100;
/** Merge keys are followed at most this deep (a merge of a merge of ...). */
const MAX_MERGE_DEPTH = 8;

export interface YamlDoc {
  doc: Document.Parsed;
  /** Index of the document in the stream. */
  index: number;
  /** The top-level node, aliases resolved. */
  root: YamlNode | undefined;
}

export interface ParsedYaml {
  /** The documents that parsed cleanly and passed the alias check. */
  docs: YamlDoc[];
  /** Documents skipped, and why (syntax error, alias budget). */
  skipped: { index: number; reason: 'syntax' | 'aliases' }[];
}

/** Parses every document of a YAML stream. A broken document is skipped; the others are still returned. */
export function parseYaml(text: string): ParsedYaml {
  const out: ParsedYaml = { docs: [], skipped: [] };
  let all: Document.Parsed[];
  try {
    all = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
  } catch {
    return out;
  }
  if (!Array.isArray(all)) return out; // an empty stream
  all.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      out.skipped.push({ index, reason: 'syntax' });
      return;
    }
    if (text.includes('*')) {
      try {
        // Throws when alias expansion exceeds the budget: the cheap, exact test of an alias bomb.
        doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        out.skipped.push({ index, reason: 'aliases' });
        return;
      }
    }
    out.docs.push({ doc, index, root: resolve(doc, doc.contents as YamlNode | null) });
  });
  return out;
}

/** The node an alias points at (other nodes unchanged). */
export function resolve(doc: Document.Parsed, node: unknown): YamlNode | undefined {
  if (node === null || node === undefined) return undefined;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return (target as YamlNode | undefined) ?? undefined;
  }
  return node as YamlNode;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && (pair.key.source === '<<' || pair.key.value === '<<');
}

/** A mapping entry as the rules see it: its key, its (alias-resolved) value and the pair for source ranges. */
export interface Entry {
  key: string;
  pair: Pair;
  value: YamlNode | undefined;
}

/** Entries per mapping: parsed trees are never changed, and rules look the same mappings up many times. */
const entryCache = new WeakMap<YAMLMap, Entry[]>();

/** The entries of a mapping, `<<` merges included (own keys win over merged ones, as YAML specifies). */
export function entries(doc: Document.Parsed, map: YAMLMap, depth = 0): Entry[] {
  if (depth > 0) return collectEntries(doc, map, depth);
  let hit = entryCache.get(map);
  if (!hit) {
    hit = collectEntries(doc, map, 0);
    entryCache.set(map, hit);
  }
  return hit;
}

function collectEntries(doc: Document.Parsed, map: YAMLMap, depth: number): Entry[] {
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair)) {
      if (depth >= MAX_MERGE_DEPTH) continue;
      const v = resolve(doc, pair.value);
      const sources = isSeq(v) ? v.items.map((i) => resolve(doc, i)) : [v];
      for (const s of sources) if (isMap(s)) merged.push(...collectEntries(doc, s, depth + 1));
      continue;
    }
    const key = keyName(pair);
    if (key === undefined) continue;
    own.push({ key, pair, value: resolve(doc, pair.value) });
  }
  if (merged.length === 0) return own;
  const seen = new Set(own.map((e) => e.key));
  return [...own, ...merged.filter((e) => !seen.has(e.key) && (seen.add(e.key), true))];
}

/** The entry of `key` in a mapping node, or undefined. */
export function get(doc: Document.Parsed, node: YamlNode | undefined, key: string): Entry | undefined {
  if (!isMap(node)) return undefined;
  return entries(doc, node).find((e) => e.key === key);
}

/** The scalar value of a node as a string (numbers and booleans as YAML writes them), or undefined. */
export function scalarText(node: YamlNode | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Source offsets [start, end] of a node's value (not its trailing comment). */
export function nodeSpan(node: YamlNode | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}
