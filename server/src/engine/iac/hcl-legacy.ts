/**
 * A small HCL (Terraform) reader that builds the same node tree the `yaml` package gives for YAML, with source
 * offsets, so the structural rules run on Terraform unchanged. Shape (as Terraform's JSON form):
 * `resource "aws_s3_bucket" "logs" { ... }` is `resource.aws_s3_bucket.logs`, a block with one label
 * (`provider "aws"`) is `provider.aws`, and unlabelled nested blocks (`ingress { ... }`) are a list under their
 * name (a `dynamic "x"` block reads as an `x` block with its `content`). Literals (strings, numbers, booleans, null,
 * lists, objects, `jsonencode(...)` of them) keep their values; for-expressions are expressions;
 * any other expression is a string `${<expression text>}`, so rules can tell a literal from a reference.
 * Not understood: template directives (`%{ }`) inside strings are kept as text. A file with a syntax error gives
 * no document (no findings) until it parses again.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { CONFIG_WORK, type YamlDoc } from './yaml-model';

class HclError extends Error {}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** The start of a for-expression's body, just after its opening bracket (`for k, v in`, not an object key `for =`). */
const FOR_EXPR = /^\s*for\s+[A-Za-z_][A-Za-z0-9_-]*\s*(,|in\b)/;
/** Nesting depth limit: deeper input is refused instead of overflowing the stack. */
const MAX_DEPTH = 200;

function scalar(value: unknown, start: number, end: number): Scalar {
  const s = new Scalar(value);
  s.range = [start, end, end];
  return s;
}

/** A top-level item of a file as read, before blocks are nested by type and labels. */
type TopItem = { block: [key: Scalar, labels: Scalar[], body: YAMLMap] } | { pair: Pair };

class Reader {
  i = 0;
  depth = 0;
  /** When set, top-level items are listed here as well. */
  top: TopItem[] | undefined;
  constructor(readonly s: string) {}

  /** Skips blanks and comments; line breaks too when `lines`. */
  skip(lines: boolean): void {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (lines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        const nl = s.indexOf('\n', this.i);
        this.i = nl < 0 ? s.length : nl;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const e = s.indexOf('*/', this.i + 2);
        if (e < 0) throw new HclError('unterminated comment');
        this.i = e + 2;
      } else return;
    }
  }

  ident(): string | undefined {
    IDENT.lastIndex = this.i;
    const m = IDENT.exec(this.s);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw new HclError('nested too deeply');
  }

  /** A block body up to `}` (or the end of the file at the top level). */
  body(top: boolean): YAMLMap {
    this.enter();
    const map = new YAMLMap();
    const start = this.i;
    for (;;) {
      this.skip(true);
      if (this.i >= this.s.length) {
        if (!top) throw new HclError('missing }');
        break;
      }
      if (this.s[this.i] === '}') {
        if (top) throw new HclError('unexpected }');
        break;
      }
      const nameStart = this.i;
      const name = this.ident();
      if (!name) throw new HclError(`unexpected character ${JSON.stringify(this.s[this.i])}`);
      const key = scalar(name, nameStart, this.i);
      this.skip(false);
      if (this.s[this.i] === '=' && this.s[this.i + 1] !== '=') {
        this.i++;
        this.skip(false);
        const pair = new Pair(key, this.expr('\n'));
        map.items.push(pair);
        if (top) this.top?.push({ pair });
        continue;
      }
      const labels: Scalar[] = [];
      while (this.s[this.i] !== '{') {
        const ls = this.i;
        if (this.s[this.i] === '"') {
          const v = this.string();
          labels.push(scalar(v.value, ls, this.i));
        } else {
          const id = this.ident();
          if (!id) throw new HclError('expected a block label or {');
          labels.push(scalar(id, ls, this.i));
        }
        this.skip(false);
      }
      this.i++;
      const inner = this.body(false);
      this.i++; // the closing brace
      inner.range = [inner.range![0], this.i, this.i];
      if (top) {
        CONFIG_WORK.hclBlocksParsed++;
        this.top?.push({ block: [key, labels, inner] });
      }
      addBlock(map, key, labels, inner);
    }
    map.range = [start, this.i, this.i];
    this.depth--;
    return map;
  }

  /** A quoted string; `value` is unescaped, with `${...}` interpolations kept as written. */
  string(): { value: string; interpolated: boolean } {
    const s = this.s;
    this.i++; // opening quote
    let out = '';
    let interpolated = false;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '"') {
        this.i++;
        return { value: out, interpolated };
      }
      if (c === '\n') break;
      if (c === '\\') {
        const n = s[this.i + 1];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : (n ?? '');
        this.i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === '{') {
        interpolated ||= c === '$';
        const from = this.i;
        this.i += 2;
        this.balanced('}');
        out += s.slice(from, this.i);
        continue;
      }
      out += c;
      this.i++;
    }
    throw new HclError('unterminated string');
  }

  /** Skips to just past the `close` that balances an opening already consumed, across strings and brackets. */
  balanced(close: string): void {
    const stack = [close];
    const s = this.s;
    while (this.i < s.length && stack.length > 0) {
      const c = s[this.i]!;
      if (c === '"') {
        this.string();
        continue;
      }
      if (c === '{' || c === '[' || c === '(') stack.push(c === '{' ? '}' : c === '[' ? ']' : ')');
      else if (c === stack[stack.length - 1]) stack.pop();
      else if (c === '}' || c === ']' || c === ')') throw new HclError(`unbalanced ${c}`);
      this.i++;
    }
    if (stack.length > 0) throw new HclError(`missing ${stack[stack.length - 1]}`);
  }

  /** An expression, ending before a line break at depth 0 (or `,`/`]`/`}` inside a collection). */
  expr(stop: '\n' | ','): YamlNode {
    this.enter();
    const start = this.i;
    const lit = this.literal();
    if (lit) {
      const after = this.i;
      this.skip(false);
      if (this.atEnd(stop)) {
        this.i = after;
        this.depth--;
        return lit;
      }
      this.i = start; // a literal followed by an operator: the whole is an expression
    }
    const node = this.raw(stop, start);
    this.depth--;
    return node;
  }

  private atEnd(stop: '\n' | ','): boolean {
    const c = this.s[this.i];
    return c === undefined || c === '\n' || c === '#' || (c === '/' && (this.s[this.i + 1] === '/' || this.s[this.i + 1] === '*')) || (stop === ',' && (c === ',' || c === ']' || c === '}'));
  }

  /** Any other expression, kept as `${text}`. */
  private raw(stop: '\n' | ',', start: number): YamlNode {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '"') this.string();
      else if (c === '<' && s[this.i + 1] === '<' && /[-A-Za-z]/.test(s[this.i + 2] ?? '')) this.heredoc();
      else if (c === '{' || c === '[' || c === '(') {
        this.i++;
        this.balanced(c === '{' ? '}' : c === '[' ? ']' : ')');
      } else if (this.atEnd(stop) || (c === '}' && stop === '\n') || c === ')' || c === ']') break;
      else this.i++;
    }
    const text = s.slice(start, this.i).trim();
    if (text === '') throw new HclError('expected a value');
    return scalar(`\${${text}}`, start, start + s.slice(start, this.i).trimEnd().length);
  }

  private heredoc(): string {
    const s = this.s;
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(s.slice(this.i, this.i + 200));
    if (!m) throw new HclError('bad heredoc');
    const bodyStart = this.i + m[0].length;
    const end = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
    const rest = s.slice(bodyStart);
    const e = end.exec(rest);
    if (!e) throw new HclError('unterminated heredoc');
    this.i = bodyStart + e.index + e[0].length;
    return rest.slice(0, e.index);
  }

  /** A literal value, or undefined (position unchanged) when the text is not one. */
  private literal(): YamlNode | undefined {
    const s = this.s;
    const start = this.i;
    const c = s[this.i];
    if (c === '"') {
      const v = this.string();
      return scalar(v.value, start, this.i);
    }
    if (c === '<' && s[this.i + 1] === '<') return scalar(this.heredoc(), start, this.i);
    // `[for x in xs : ...]` and `{for k, v in m : k => v}` are for-expressions, not literals: the raw reader keeps them.
    if ((c === '[' || c === '{') && FOR_EXPR.test(s.slice(this.i + 1, this.i + 200))) return undefined;
    if (c === '[') {
      this.i++;
      const seq = new YAMLSeq();
      for (;;) {
        this.skip(true);
        if (s[this.i] === ']') break;
        seq.items.push(this.expr(','));
        this.skip(true);
        if (s[this.i] === ',') this.i++;
        else if (s[this.i] !== ']') throw new HclError('expected , or ]');
      }
      this.i++;
      seq.range = [start, this.i, this.i];
      return seq;
    }
    if (c === '{') {
      this.i++;
      const map = new YAMLMap();
      for (;;) {
        this.skip(true);
        if (s[this.i] === '}') break;
        const ks = this.i;
        const k = s[this.i] === '"' ? this.string().value : this.ident();
        if (k === undefined) throw new HclError('expected an object key');
        const key = scalar(k, ks, this.i);
        this.skip(false);
        if (s[this.i] !== '=' && s[this.i] !== ':') throw new HclError('expected = or :');
        this.i++;
        this.skip(false);
        map.items.push(new Pair(key, this.expr(',')));
        this.skip(true);
        if (s[this.i] === ',') this.i++;
      }
      this.i++;
      map.range = [start, this.i, this.i];
      return map;
    }
    NUMBER.lastIndex = this.i;
    const num = NUMBER.exec(s);
    if (num) {
      this.i += num[0].length;
      return scalar(Number(num[0]), start, this.i);
    }
    const id = this.ident();
    if (id === 'true' || id === 'false') return scalar(id === 'true', start, this.i);
    if (id === 'null') return scalar(null, start, this.i);
    if (id === 'jsonencode' && s[this.i] === '(') {
      // jsonencode of a literal is that literal's structure: IAM policies are written this way.
      this.i++;
      this.skip(true);
      const inner = this.literal();
      this.skip(true);
      if (inner && s[this.i] === ')') {
        this.i++;
        return inner;
      }
    }
    this.i = start;
    return undefined;
  }
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

/** Parses a Terraform file into one document, or undefined when it does not parse. */
export function parseHclLegacy(text: string): YamlDoc | undefined {
  const r = new Reader(text);
  try {
    const root = r.body(true);
    const doc = new Document() as unknown as Document.Parsed;
    doc.contents = root as never;
    return { doc, index: 0, root };
  } catch (e) {
    if (e instanceof HclError || e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * Top-level blocks read by earlier runs of a session, by their text (with their position among blocks of the same
 * text): offsets relative to `base`, moved to where the text is now before use. Owned by one session.
 */
export type HclParseCache = Map<string, { items: TopItem[]; base: number }>;

/** A line that opens a top-level block: an identifier at column 0, labels, `{`. */
const TOP_BLOCK = /^[A-Za-z_][A-Za-z0-9_-]*(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][A-Za-z0-9_-]*))*[ \t]*\{/gm;

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

/**
 * `parseHcl` with a session's cache: the file is cut where top-level blocks start and only stretches whose text
 * changed are read again; the document is then assembled as a whole read would build it. From a stretch that does
 * not read alone (a cut inside a heredoc, a comment or a badly indented block) the rest of the file is read as one.
 */
export function parseHclLegacyCached(text: string, cache: HclParseCache): YamlDoc | undefined {
  const starts = [0, ...[...text.matchAll(TOP_BLOCK)].map((m) => m.index).filter((i) => i > 0)];
  const next: HclParseCache = new Map();
  const seen = new Map<string, number>();
  const placed: TopItem[] = [];
  for (const [i, start] of starts.entries()) {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const n = seen.get(chunk) ?? 0;
    seen.set(chunk, n + 1);
    const key = `${n}\u0000${chunk}`;
    let hit = cache.get(key);
    if (!hit) {
      const items = readTop(chunk);
      if (!items) {
        // Read the rest as one, as a whole read would; good stretches stay cached for the edit that repairs this one.
        for (const [k, v] of next) cache.set(k, v);
        const rest = readTop(text.slice(start));
        if (!rest) return undefined;
        for (const it of rest) moveItem(it, start);
        placed.push(...rest);
        return assemble(placed, text.length);
      }
      hit = { items, base: 0 };
    }
    if (hit.base !== start) {
      for (const it of hit.items) moveItem(it, start - hit.base);
      hit.base = start;
    }
    next.set(key, hit);
    placed.push(...hit.items);
  }
  cache.clear();
  for (const [k, v] of next) cache.set(k, v);
  return assemble(placed, text.length);
}

/** The top-level items of a stretch read alone (offsets from its start), or undefined when it does not read. */
function readTop(text: string): TopItem[] | undefined {
  const r = new Reader(text);
  r.top = [];
  try {
    r.body(true);
  } catch (e) {
    if (e instanceof HclError || e instanceof RangeError) return undefined;
    throw e;
  }
  return r.top;
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
