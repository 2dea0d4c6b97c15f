/**
 * YAML documents for the config pack: parsed with the `yaml` package (all documents of a stream, with source
 * offsets), and helpers to walk them as the rules see them. Aliases are followed and `<<` merge keys are merged,
 * which compose files use a lot; a document whose aliases would expand past a small budget (a "billion laughs"
 * alias bomb) is refused whole, so a walk over it is bounded by a small multiple of its size.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

/** Alias expansions allowed per document before it is refused (the `yaml` package's own count). */
export const MAX_ALIAS_COUNT = 100;
/** Merge keys are followed at most this deep (a merge of a merge of ...). */
const MAX_MERGE_DEPTH = 8;

/**
 * Work done by the config pack, counted (not timed) so tests can hold an edit's cost to what it touched:
 * documents the rules ran on, YAML nodes whose offsets were moved, Terraform top-level blocks read.
 */
export const CONFIG_WORK = { documentsChecked: 0, nodesMoved: 0, hclBlocksParsed: 0, hclCharsParsed: 0 };

export interface YamlDoc {
  doc: Document.Parsed;
  /** Index of the document in the stream. */
  index: number;
  /** The top-level node, aliases resolved. */
  root: YamlNode | undefined;
  /**
   * With a session's cache: the stretch of text the document was parsed from (its text with its position in the
   * stream's stretches of the same text, and the offset it starts at now). Source offsets of a reused document
   * are moved only by `placeDoc`, so a caller reading ranges must call it first.
   */
  chunk?: { key: string; start: number };
}

export interface ParsedYaml {
  /** The documents that parsed cleanly and passed the alias check. */
  docs: YamlDoc[];
  /** Documents skipped, and why (syntax error, alias budget). */
  skipped: { index: number; reason: 'syntax' | 'aliases' }[];
}

/**
 * Documents parsed by earlier runs of a session, by their text: after an edit only the documents whose text
 * changed are parsed again, the others have their offsets moved. Owned by one session.
 */
export type YamlParseCache = Map<string, ParsedChunk>;

/** Documents parsed from one stretch of a stream: their offsets are relative to `base`, the stretch starts at `start`. */
interface ParsedChunk {
  docs: Document.Parsed[];
  base: number;
  start: number;
}

/** The cached stretch each document came from, so `placeDoc` can move its offsets when they are read. */
const chunkOf = new WeakMap<Document.Parsed, ParsedChunk>();

/**
 * Brings a document's source offsets to where its text now is (a no-op when it has not moved). Documents of a
 * cached parse move lazily: an edit in one document of a long stream moves no other until it is read.
 */
export function placeDoc(y: YamlDoc): void {
  const c = chunkOf.get(y.doc);
  if (c && c.base !== c.start) {
    shift(c.docs, c.start - c.base);
    c.base = c.start;
  }
}

/** Whether a document's aliases stay within the budget, per parsed document (parsed trees are never changed). */
const aliasesOk = new WeakMap<Document.Parsed, boolean>();

function parseStream(text: string): Document.Parsed[] {
  try {
    const all = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
    return Array.isArray(all) ? all : []; // an empty stream is not an array
  } catch {
    return [];
  }
}

/** Moves every source range of parsed documents by `delta` characters. */
function shift(docs: Document.Parsed[], delta: number): void {
  const move = (r: number[] | undefined | null): void => {
    if (r) for (let i = 0; i < r.length; i++) r[i]! += delta;
  };
  for (const d of docs) {
    move(d.range);
    visit(d, {
      Node(_, node) {
        CONFIG_WORK.nodesMoved++;
        move(node.range);
      },
    });
  }
}

/** `---` at the start of a line always starts a new document, so each stretch between two can be parsed alone. */
const DOC_START = /^---(?=[ \t\r\n]|$)/gm;

/** The documents of a stream, parsed per document with `cache` (documents whose text is unchanged are reused). */
function parseCached(text: string, cache: YamlParseCache): { doc: Document.Parsed; chunk?: { key: string; start: number } }[] {
  // Directives (%YAML, %TAG) bind to the next document: such rare streams are parsed whole.
  if (/^%/m.test(text)) {
    cache.clear();
    return parseStream(text).map((doc) => ({ doc }));
  }
  const starts = [0, ...[...text.matchAll(DOC_START)].map((m) => m.index).filter((i) => i > 0)];
  const next: YamlParseCache = new Map();
  const seen = new Map<string, number>();
  const all: { doc: Document.Parsed; chunk: { key: string; start: number } }[] = [];
  starts.forEach((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const n = seen.get(chunk) ?? 0;
    seen.set(chunk, n + 1);
    const key = `${n}\u0000${chunk}`;
    let hit = cache.get(key);
    if (hit) {
      hit.start = start; // moved by placeDoc when read
    } else {
      // Parsed alone, so offsets start at 0 and are moved to `start` when first read.
      hit = { docs: parseStream(chunk), base: 0, start };
      for (const d of hit.docs) chunkOf.set(d, hit);
    }
    next.set(key, hit);
    hit.docs.forEach((doc, j) => all.push({ doc, chunk: { key: `${j}\u0000${key}`, start } }));
  });
  cache.clear();
  for (const [k, v] of next) cache.set(k, v);
  return all;
}

/**
 * Parses every document of a YAML stream. A broken document is skipped; the others are still returned. With a
 * session's `cache`, unchanged documents are not parsed again and keep their old offsets until `placeDoc` moves
 * them; the result is otherwise the same as without it.
 */
export function parseYaml(text: string, cache?: YamlParseCache): ParsedYaml {
  const out: ParsedYaml = { docs: [], skipped: [] };
  const all = cache ? parseCached(text, cache) : parseStream(text).map((doc) => ({ doc, chunk: undefined }));
  all.forEach(({ doc, chunk }, index) => {
    if (doc.errors.length > 0) {
      out.skipped.push({ index, reason: 'syntax' });
      return;
    }
    if (text.includes('*')) {
      let ok = aliasesOk.get(doc);
      if (ok === undefined) {
        try {
          // Throws when alias expansion exceeds the budget: the cheap, exact test of an alias bomb.
          // mapAsMap: collection keys (`{{ .Values.x }}:` in Helm templates) would make `yaml` emit a process warning.
          doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
          ok = true;
        } catch {
          ok = false;
        }
        aliasesOk.set(doc, ok);
      }
      if (!ok) {
        out.skipped.push({ index, reason: 'aliases' });
        return;
      }
    }
    out.docs.push({ doc, index, root: resolve(doc, doc.contents as YamlNode | null), ...(chunk ? { chunk } : {}) });
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
