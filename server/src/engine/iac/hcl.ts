/**
 * Terraform (HCL) read with the tree-sitter HCL grammar into the same node tree the `yaml` package gives for YAML,
 * with source offsets, so the structural rules run on Terraform unchanged. Shape (as Terraform's JSON form):
 * `resource "aws_s3_bucket" "logs" { ... }` is `resource.aws_s3_bucket.logs`, a block with one label
 * (`provider "aws"`) is `provider.aws`, and unlabelled nested blocks (`ingress { ... }`) are a list under their
 * name (a `dynamic "x"` block reads as an `x` block with its `content`). Literals (strings, numbers, booleans, null,
 * lists, objects, `jsonencode(...)` of them) keep their values; for-expressions are expressions;
 * any other expression is a string `${<expression text>}`, so rules can tell a literal from a reference.
 * Template interpolations and directives (`${ }`, `%{ }`) inside strings are kept as written. A file with a syntax
 * error gives no document (no findings) until it parses again.
 *
 * An open document's tree is the one `SourceDocument` keeps edited and reparsed incrementally; a session's cache
 * then converts only the top-level blocks whose text changed.
 */
import { Parser, type Node, type Tree } from 'web-tree-sitter';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { budgetedParse, GrammarRegistry, loadedLanguage } from '../parser';
import { CONFIG_WORK, type YamlDoc } from './yaml-model';

/** Input the converter refuses; the message completes "Terraform was not checked by the config rules: ...". */
class HclError extends Error {}

/** Nesting depth limit: deeper input is refused instead of overflowing the stack while converting. */
const MAX_DEPTH = 200;
/** A decimal number as HCL writes one (a leading minus included); hex and other forms stay expressions. */
const DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function scalar(value: unknown, start: number, end: number): Scalar {
  const s = new Scalar(value);
  s.range = [start, end, end];
  return s;
}

/** A top-level item of a file as read, before blocks are nested by type and labels. */
type TopItem = { block: [key: Scalar, labels: Scalar[], body: YAMLMap] } | { pair: Pair };

/** The named children of a node (the binding types them as possibly null). */
function kids(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null);
}

/** Converts syntax nodes of one text into model nodes, with the text's offsets. */
class Converter {
  private depth = 0;
  constructor(private readonly text: string) {}

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new HclError(`it is nested more than ${MAX_DEPTH} levels deep`);
  }

  /** A block body (`body` node, absent for `{}`) as a mapping spanning [start, end). */
  body(node: Node | undefined, start: number, end: number): YAMLMap {
    this.enter();
    const map = new YAMLMap();
    for (const c of node ? kids(node) : []) {
      if (c.type === 'attribute') map.items.push(this.attribute(c));
      else if (c.type === 'block') addBlock(map, ...this.block(c));
    }
    map.range = [start, end, end];
    this.depth--;
    return map;
  }

  attribute(n: Node): Pair {
    const [name, value] = kids(n);
    if (name?.type !== 'identifier' || value?.type !== 'expression') throw new HclError('an attribute has an unexpected syntax tree');
    return new Pair(scalar(name.text, name.startIndex, name.endIndex), this.expr(value));
  }

  /** A block's type, labels and body; the body spans from just after `{` to just after `}`. */
  block(n: Node): [key: Scalar, labels: Scalar[], body: YAMLMap] {
    let key: Scalar | undefined;
    const labels: Scalar[] = [];
    let open: Node | undefined;
    let inner: Node | undefined;
    let close: Node | undefined;
    for (const c of kids(n)) {
      if (c.type === 'block_start') open = c;
      else if (c.type === 'block_end') close = c;
      else if (c.type === 'body') inner = c;
      else if (!open && (c.type === 'identifier' || c.type === 'string_lit')) {
        // The first identifier is the block type; identifiers and strings after it are its labels.
        const s = scalar(c.type === 'identifier' ? c.text : this.stringValue(c), c.startIndex, c.endIndex);
        if (key) labels.push(s);
        else key = s;
      }
    }
    if (!key || !open || !close) throw new HclError('a block has an unexpected syntax tree');
    return [key, labels, this.body(inner, open.endIndex, close.endIndex)];
  }

  /** An expression: a literal's value, or `${text}`. */
  expr(n: Node): YamlNode {
    this.enter();
    const node = this.literal(n) ?? scalar(`\${${this.text.slice(n.startIndex, n.endIndex).trim()}}`, n.startIndex, n.endIndex);
    this.depth--;
    return node;
  }

  /** The literal an `expression` node holds, or undefined when it is any other expression. */
  private literal(n: Node): YamlNode | undefined {
    const source = this.text.slice(n.startIndex, n.endIndex);
    if (DECIMAL.test(source)) return scalar(Number(source), n.startIndex, n.endIndex);
    if (n.childCount !== 1) return undefined; // an operand with an index, attribute or splat, or parentheses
    const c = n.namedChild(0)!;
    switch (c.type) {
      case 'literal_value': {
        const v = c.namedChild(0)!;
        if (v.type === 'bool_lit') return scalar(v.text === 'true', n.startIndex, n.endIndex);
        if (v.type === 'null_lit') return scalar(null, n.startIndex, n.endIndex);
        if (v.type === 'string_lit') return scalar(this.stringValue(v), n.startIndex, n.endIndex);
        return undefined; // a hex number
      }
      case 'template_expr': {
        const t = c.namedChild(0)!;
        return scalar(t.type === 'heredoc_template' ? this.heredoc(t) : this.stringValue(t), n.startIndex, n.endIndex);
      }
      case 'collection_value': {
        const coll = c.namedChild(0)!;
        return coll.type === 'tuple' ? this.tuple(coll) : this.object(coll);
      }
      case 'function_call': {
        // jsonencode of a literal is that literal's structure: IAM policies are written this way.
        const [fn, args] = kids(c);
        if (fn?.text !== 'jsonencode' || args?.type !== 'function_arguments' || args.childCount !== 1) return undefined;
        const arg = args.namedChild(0)!;
        this.enter();
        const inner = this.literal(arg);
        this.depth--;
        return inner;
      }
      default:
        return undefined;
    }
  }

  private tuple(t: Node): YAMLSeq {
    const seq = new YAMLSeq();
    for (const e of kids(t)) if (e.type === 'expression') seq.items.push(this.expr(e));
    seq.range = [t.startIndex, t.endIndex, t.endIndex];
    return seq;
  }

  private object(o: Node): YAMLMap {
    const map = new YAMLMap();
    for (const e of kids(o)) {
      if (e.type !== 'object_elem') continue;
      const k = e.childForFieldName('key')!;
      const v = e.childForFieldName('val')!;
      map.items.push(new Pair(scalar(this.keyName(k), k.startIndex, k.endIndex), this.expr(v)));
    }
    map.range = [o.startIndex, o.endIndex, o.endIndex];
    return map;
  }

  /** An object key: a bare name or a string as written; any other key expression as `${text}`. */
  private keyName(k: Node): string {
    const c = k.childCount === 1 ? k.namedChild(0)! : undefined;
    const inner = c?.namedChild(0);
    if (c?.type === 'variable_expr' || (c?.type === 'literal_value' && inner?.type !== 'string_lit')) return c.text;
    if (c?.type === 'literal_value' || (c?.type === 'template_expr' && inner?.type === 'quoted_template')) return this.stringValue(inner!);
    return `\${${k.text}}`;
  }

  /** A quoted string's value: escapes decoded, interpolations and directives kept as written. */
  private stringValue(s: Node): string {
    const parts = kids(s);
    const open = parts[0];
    const close = parts[parts.length - 1];
    if (open?.type !== 'quoted_template_start' || close?.type !== 'quoted_template_end') throw new HclError('a string has an unexpected syntax tree');
    let out = '';
    let at = open.endIndex;
    for (const p of parts) {
      if (p.type !== 'template_interpolation' && p.type !== 'template_directive') continue;
      out += unescape(this.text.slice(at, p.startIndex)) + this.text.slice(p.startIndex, p.endIndex);
      at = p.endIndex;
    }
    return out + unescape(this.text.slice(at, close.startIndex));
  }

  /** A heredoc's body as written: the lines between the opening and the closing marker. */
  private heredoc(h: Node): string {
    const marks = kids(h).filter((c) => c.type === 'heredoc_identifier');
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last || first === last) throw new HclError('a heredoc has an unexpected syntax tree');
    const nl = this.text.indexOf('\n', first.endIndex);
    const from = nl < 0 ? first.endIndex : nl + 1;
    const to = this.text.lastIndexOf('\n', last.startIndex - 1) + 1;
    return to > from ? this.text.slice(from, to) : '';
  }
}

const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([\s\S]))/g;

/** Decodes HCL string escapes (`\n`, `\t`, `\r`, `\"`, `\\`, `\uNNNN`, `\UNNNNNNNN`). */
function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(ESCAPE, (_, u4: string | undefined, u8: string | undefined, c: string | undefined) => {
    if (u4 || u8) {
      const cp = parseInt((u4 ?? u8)!, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c!;
  });
}

/** Adds a block under its type and labels, as Terraform's JSON form nests them. */
function addBlock(map: YAMLMap, key: Scalar, labels: Scalar[], body: YAMLMap): void {
  // `dynamic "ingress" { for_each = ...; content { ... } }` generates `ingress` blocks shaped like its content:
  // rules read the content as such a block (modules write most nested blocks this way).
  if (key.value === 'dynamic' && labels.length === 1) {
    const content = body.items.find((p) => (p.key as Scalar).value === 'content' && p.value instanceof YAMLSeq)?.value as YAMLSeq | undefined;
    const inner = content?.items[0];
    if (inner instanceof YAMLMap) {
      addBlock(map, labels[0]!, [], inner);
      return;
    }
  }
  if (labels.length === 0) {
    let seq = map.items.find((p) => (p.key as Scalar).value === key.value && p.value instanceof YAMLSeq)?.value as YAMLSeq | undefined;
    if (!seq) {
      seq = new YAMLSeq();
      seq.range = body.range;
      map.items.push(new Pair(key, seq));
    }
    seq.items.push(body);
    return;
  }
  let cur = map;
  let k = key;
  for (const label of labels) {
    let next = cur.items.find((p) => (p.key as Scalar).value === k.value && p.value instanceof YAMLMap)?.value as YAMLMap | undefined;
    if (!next) {
      next = new YAMLMap();
      next.range = body.range;
      cur.items.push(new Pair(k, next));
    }
    cur = next;
    k = label;
  }
  cur.items.push(new Pair(k, body));
}

/**
 * Top-level items converted by earlier runs of a session, by their text (with their position among items of the
 * same text): offsets relative to `base`, moved to where the text is now before use. Owned by one session.
 */
export type HclParseCache = Map<string, { items: TopItem[]; base: number }>;

let standalone: Parser | undefined;

/**
 * Parses a text that is not an open document (workspace exposure facts, fixed fixtures) with the HCL grammar a
 * registry of this process loaded; undefined when the grammar is not loaded or the parse was cut by its budget.
 */
function parseAlone(text: string): Tree | undefined {
  const lang = loadedLanguage('terraform');
  if (!lang) return undefined;
  if (!standalone) {
    standalone = new Parser();
    standalone.setLanguage(lang);
  }
  return budgetedParse(standalone, text);
}

/** Loads the HCL grammar for `parseHcl` without a tree, once per process; false when it cannot be loaded. */
export async function loadHclGrammar(): Promise<boolean> {
  if (loadedLanguage('terraform')) return true;
  try {
    await GrammarRegistry.create(undefined, ['terraform']);
  } catch {
    return false;
  }
  return loadedLanguage('terraform') !== undefined;
}

/** Whether `parseHcl` can read a text without a tree (see `loadHclGrammar`). */
export function hclGrammarLoaded(): boolean {
  return loadedLanguage('terraform') !== undefined;
}

/**
 * Reads a Terraform file into one document, or undefined when it does not parse. `tree` is the text's syntax tree
 * (an open document's, kept incrementally); without it the text is parsed here. With a session's `cache`, only
 * top-level blocks whose text changed are converted again; the result is the same as without it. `refused` hears
 * why a file that parses is not read (nesting past the limit); a syntax error is not reported (mid-edit text).
 */
export function parseHcl(text: string, tree?: Tree, cache?: HclParseCache, refused?: (why: string) => void): YamlDoc | undefined {
  if (tree) return read(tree, text, cache, refused);
  const own = parseAlone(text);
  if (!own) return undefined;
  try {
    return read(own, text, cache, refused);
  } finally {
    own.delete();
  }
}

function read(tree: Tree, text: string, cache: HclParseCache | undefined, refused: ((why: string) => void) | undefined): YamlDoc | undefined {
  const root = tree.rootNode;
  // Mid-edit text gives no findings until it parses again (as YAML): error recovery may mis-nest what follows.
  if (root.hasError) return undefined;
  const top = kids(root);
  // A file holding only an object (JSON-shaped tfvars) is not HCL's native syntax.
  if (top.some((c) => c.type === 'object')) return undefined;
  const next: HclParseCache = new Map();
  const seen = new Map<string, number>();
  const placed: TopItem[] = [];
  const converter = new Converter(text);
  const body = top.find((c) => c.type === 'body');
  for (const c of body ? kids(body) : []) {
    if (c.type !== 'attribute' && c.type !== 'block') continue;
    const start = c.startIndex;
    const chunk = text.slice(start, c.endIndex);
    const n = seen.get(chunk) ?? 0;
    seen.set(chunk, n + 1);
    const key = `${n}\u0000${chunk}`;
    let hit = cache?.get(key);
    if (!hit) {
      try {
        hit = { items: [c.type === 'attribute' ? { pair: converter.attribute(c) } : { block: converter.block(c) }], base: start };
      } catch (e) {
        if (!(e instanceof HclError)) throw e;
        // Converted items stay cached for the edit that repairs this one.
        if (cache) for (const [k, v] of next) cache.set(k, v);
        refused?.(e.message);
        return undefined;
      }
      if (c.type === 'block') CONFIG_WORK.hclBlocksParsed++;
    }
    if (hit.base !== start) {
      for (const it of hit.items) moveItem(it, start - hit.base);
      hit.base = start;
    }
    next.set(key, hit);
    placed.push(...hit.items);
  }
  if (cache) {
    cache.clear();
    for (const [k, v] of next) cache.set(k, v);
  }
  return assemble(placed, text.length);
}

/** Moves the source offsets of a node and everything under it by `delta`. */
function moveNode(node: unknown, delta: number): void {
  if (node instanceof Pair) {
    moveNode(node.key, delta);
    moveNode(node.value, delta);
    return;
  }
  if (!(node instanceof Scalar || node instanceof YAMLMap || node instanceof YAMLSeq)) return;
  CONFIG_WORK.nodesMoved++;
  const r = node.range;
  // A new array: addBlock's nesting maps share their block's range array.
  if (r) node.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (node instanceof YAMLMap || node instanceof YAMLSeq) for (const item of node.items) moveNode(item, delta);
}

function moveItem(it: TopItem, delta: number): void {
  if ('pair' in it) {
    moveNode(it.pair, delta);
    return;
  }
  moveNode(it.block[0], delta);
  for (const l of it.block[1]) moveNode(l, delta);
  moveNode(it.block[2], delta);
}

/** The document a whole read builds from these top-level items, in order. */
function assemble(items: TopItem[], length: number): YamlDoc {
  const root = new YAMLMap();
  for (const it of items) {
    if ('pair' in it) root.items.push(it.pair);
    else addBlock(root, ...it.block);
  }
  root.range = [0, length, length];
  const doc = new Document() as unknown as Document.Parsed;
  doc.contents = root as never;
  return { doc, index: 0, root };
}
