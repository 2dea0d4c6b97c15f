/**
 * Terraform (HCL) read with the tree-sitter HCL grammar into the same node tree the `yaml` package gives for YAML,
 * with source offsets, so the structural rules run on Terraform unchanged. Shape (as Terraform's JSON form):
 * `resource "aws_s3_bucket" "logs" { ... }` is `resource.aws_s3_bucket.logs`, a block with one label
 * (`provider "aws"`) is `provider.aws`, and unlabelled nested blocks (`ingress { ... }`) are a list under their
 * name (a `dynamic "x"` block reads as an `x` block with its `content`). Literals (strings, numbers, booleans, null,
 * lists, objects, `jsonencode(...)` of them) keep their values; for-expressions are expressions;
 * any other expression is a string `${<expression text>}`, so rules can tell a literal from a reference.
 * Template interpolations and directives (`${ }`, `%{ }`) inside strings are kept as written.
 *
 * A file is parsed one top-level block at a time (`HclFile`): a block with a syntax error gives nothing until it
 * parses again, the other blocks are read. A session's `HclFile` re-reads only the blocks an edit touched.
 */
import { Parser, type Node } from 'web-tree-sitter';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { budgetedParse, GrammarRegistry, loadedLanguage } from '../parser';
import { CONFIG_WORK, type YamlDoc } from './yaml-model';
import { diffSpan } from '../text';

/** Input the converter refuses; the message completes "Terraform at lines a-b was not checked by the config rules: ...". */
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

/** Converts syntax nodes of one text (a stretch of a file) into model nodes, with offsets in the file. */
class Converter {
  private depth = 0;
  /** `base` is where `text` starts in the file: node offsets are relative to `text`, the model's to the file. */
  constructor(
    private readonly text: string,
    private readonly base = 0,
  ) {}

  /** A scalar spanning node `n`. */
  private at(value: unknown, n: Node): Scalar {
    return scalar(value, n.startIndex + this.base, n.endIndex + this.base);
  }

  /** The range of a collection spanning node `n`. */
  private span(n: Node): [number, number, number] {
    return [n.startIndex + this.base, n.endIndex + this.base, n.endIndex + this.base];
  }

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
    map.range = [start + this.base, end + this.base, end + this.base];
    this.depth--;
    return map;
  }

  attribute(n: Node): Pair {
    const [name, value] = kids(n);
    if (name?.type !== 'identifier' || value?.type !== 'expression') throw new HclError('an attribute has an unexpected syntax tree');
    return new Pair(this.at(name.text, name), this.expr(value));
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
        const s = this.at(c.type === 'identifier' ? c.text : this.stringValue(c), c);
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
    const node = this.literal(n) ?? this.at(`\${${this.text.slice(n.startIndex, n.endIndex).trim()}}`, n);
    this.depth--;
    return node;
  }

  /** The literal an `expression` node holds, or undefined when it is any other expression. */
  private literal(n: Node): YamlNode | undefined {
    const source = this.text.slice(n.startIndex, n.endIndex);
    if (DECIMAL.test(source)) return this.at(Number(source), n);
    if (n.childCount !== 1) return undefined; // an operand with an index, attribute or splat, or parentheses
    const c = n.namedChild(0)!;
    switch (c.type) {
      case 'literal_value': {
        const v = c.namedChild(0)!;
        if (v.type === 'bool_lit') return this.at(v.text === 'true', n);
        if (v.type === 'null_lit') return this.at(null, n);
        if (v.type === 'string_lit') return this.at(this.stringValue(v), n);
        return undefined; // a hex number
      }
      case 'template_expr': {
        const t = c.namedChild(0)!;
        return this.at(t.type === 'heredoc_template' ? this.heredoc(t) : this.stringValue(t), n);
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
    seq.range = this.span(t);
    return seq;
  }

  private object(o: Node): YAMLMap {
    const map = new YAMLMap();
    for (const e of kids(o)) {
      if (e.type !== 'object_elem') continue;
      const k = e.childForFieldName('key')!;
      const v = e.childForFieldName('val')!;
      map.items.push(new Pair(this.at(this.keyName(k), k), this.expr(v)));
    }
    map.range = this.span(o);
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

let standalone: Parser | undefined;

/** The parser for Terraform stretches, on the HCL grammar a registry of this process loaded (undefined before). */
function hclParser(): Parser | undefined {
  const lang = loadedLanguage('terraform');
  if (!lang) return undefined;
  if (!standalone) {
    standalone = new Parser();
    standalone.setLanguage(lang);
  }
  return standalone;
}

/** Loads the HCL grammar for `parseHcl` and `HclFile`, once per process; false when it cannot be loaded. */
export async function loadHclGrammar(): Promise<boolean> {
  if (loadedLanguage('terraform')) return true;
  try {
    await GrammarRegistry.create(undefined, ['terraform']);
  } catch {
    return false;
  }
  return loadedLanguage('terraform') !== undefined;
}

/** Whether `parseHcl` and `HclFile` can read Terraform (see `loadHclGrammar`). */
export function hclGrammarLoaded(): boolean {
  return loadedLanguage('terraform') !== undefined;
}

/**
 * Reads a whole Terraform text into one document, or undefined when any part of it does not parse (or is refused),
 * or the grammar is not loaded: for texts that must be whole (another file's exposure facts, a fix's output).
 */
export function parseHcl(text: string): YamlDoc | undefined {
  if (!hclGrammarLoaded()) return undefined;
  const r = new HclFile().read(text);
  return r.broken === 0 && r.refused.length === 0 ? r.doc : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// A file is read as stretches, each from one top-level boundary to the next, parsed on its own. tree-sitter's
// error recovery over a whole file costs 20-180 ms when a typed `"` or `{` leaves it unbalanced; over one stretch
// it costs what that stretch costs, and the other stretches keep their findings. The boundaries are a function of
// the text alone (so an edited file reads as a fresh read of the same text would) and never cut an item of a file
// that parses: a lexical scan that knows strings, template interpolations, comments and heredocs (and brackets)
// finds them.

/** Top-level block types of Terraform: a line starting one of these at column 0 starts a stretch at any depth. */
const TOP_BLOCK = /(?:resource|data|module|variable|output|locals|provider|terraform|moved|import|removed|check)(?![\w-])(?:[ \t]+(?:"[^"\r\n]*"|[A-Za-z_][\w-]*))*[ \t]*\{/y;
/** Any attribute or block at column 0: starts a stretch when brackets are balanced there. */
const TOP_ITEM = /[A-Za-z_][\w-]*(?:[ \t]*=(?![=>])|(?:[ \t]+(?:"[^"\r\n]*"|[A-Za-z_][\w-]*))*[ \t]*\{)/y;
const HEREDOC = /<<-?([A-Za-z_][\w-]*)/y;

/** Whether the line starting at `i` starts a stretch, given whether brackets and strings are balanced before it. */
function startsStretch(text: string, i: number, balanced: boolean): boolean {
  const c = text.charCodeAt(i);
  // A letter or `_` (the only way an item starts) before the regexes run.
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return false;
  TOP_BLOCK.lastIndex = i;
  if (TOP_BLOCK.test(text)) return true;
  if (!balanced) return false;
  TOP_ITEM.lastIndex = i;
  return TOP_ITEM.test(text);
}

/** The end of the line holding `i` (the offset of its line break, or the text's length). */
function lineEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return i;
}

/** The offset after the line break at `i` (`\r\n`, `\n` or `\r`; `i` itself at the end of the text). */
function afterBreak(text: string, i: number): number {
  if (i >= text.length) return i;
  return text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
}

/**
 * Finds the stretch starts after `from` (which starts a stretch). Stops before a start for which `stop` says so,
 * or at the end of the text; `open` says the text ended inside a block comment or heredoc.
 */
function scanStretches(text: string, from: number, stop: (at: number) => boolean): { starts: number[]; stoppedAt: number | undefined; open: boolean } {
  const starts: number[] = [];
  // Frames above the top level: a string, or the code of a `${ }`/`%{ }` inside one (with its bracket depth).
  const frames: { str: boolean; depth: number }[] = [];
  let depth = 0;
  let comment = false;
  let heredoc: string | undefined;
  let pending: string | undefined;
  let i = from;
  let lineStart = false;
  const n = text.length;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      if (pending !== undefined) {
        heredoc = pending;
        pending = undefined;
      }
      if (heredoc !== undefined) {
        const e = lineEnd(text, i);
        if (text.slice(i, e).trim() === heredoc) heredoc = undefined;
        i = afterBreak(text, e);
        lineStart = true;
        continue;
      }
      if (!comment && startsStretch(text, i, depth === 0 && frames.length === 0)) {
        if (stop(i)) return { starts, stoppedAt: i, open: false };
        starts.push(i);
        frames.length = 0;
        depth = 0;
      }
    }
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 10 || c === 13) {
      i = afterBreak(text, i);
      lineStart = true;
      // A quoted string cannot hold a line break: an unclosed one ends here.
      if (frames[frames.length - 1]?.str) frames.pop();
      continue;
    }
    if (comment) {
      if (c === 42 && next === 47) {
        comment = false;
        i += 2;
      } else i++;
      continue;
    }
    const top = frames[frames.length - 1];
    if (top?.str) {
      if (c === 92) i += next === 10 || next === 13 ? 1 : 2; // `\` escapes the next character
      else if (c === 34) {
        frames.pop();
        i++;
      } else if ((c === 36 || c === 37) && next === c && text.charCodeAt(i + 2) === 123) i += 3; // `$${`, `%%{`: literal
      else if ((c === 36 || c === 37) && next === 123) {
        frames.push({ str: false, depth: 0 });
        i += 2;
      } else i++;
      continue;
    }
    if (c === 35 || (c === 47 && next === 47)) {
      i = lineEnd(text, i);
      continue;
    }
    if (c === 47 && next === 42) {
      comment = true;
      i += 2;
      continue;
    }
    if (c === 34) {
      frames.push({ str: true, depth: 0 });
      i++;
      continue;
    }
    if (c === 60 && next === 60) {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      if (m) {
        pending = m[1];
        i = HEREDOC.lastIndex;
        continue;
      }
    }
    if (c === 123 || c === 91 || c === 40) {
      if (top) top.depth++;
      else depth++;
    } else if (c === 125 || c === 93 || c === 41) {
      if (top && c === 125 && top.depth === 0) frames.pop();
      else if (top) top.depth = Math.max(0, top.depth - 1);
      else depth = Math.max(0, depth - 1);
    }
    i++;
  }
  return { starts, stoppedAt: undefined, open: comment || heredoc !== undefined || pending !== undefined };
}

/** One stretch of a file as read: its items, or why it gave none. */
interface Stretch {
  start: number;
  end: number;
  /** The items it holds; undefined when it did not parse or was refused. */
  items?: TopItem[];
  /** Why it was not read although it parses (nesting past the limit, parse budget). */
  refused?: string;
  /** It holds a top-level object: a JSON-shaped tfvars file, not HCL's native syntax. */
  json?: boolean;
}

/** What reading a Terraform file gave. */
export interface HclRead {
  /** The items of the stretches that parse, as one document; undefined when none does, or the file is JSON-shaped. */
  doc: YamlDoc | undefined;
  /** Stretches that do not parse (mid-edit text): they give no items, the others do. */
  broken: number;
  /** Stretches that parse but were not read, with why (offsets in the text). */
  refused: { start: number; end: number; why: string }[];
}

/** An edit as `SourceDocument` records it (tree-sitter's `Edit`): offsets in the text at that moment. */
interface EditSpan {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
}

/**
 * A Terraform file read one top-level stretch at a time (a block or attribute with the comments after it), kept
 * across edits: an edit re-reads the stretches it touched, and the others keep their items, moved by the edit's
 * length. A stretch that does not parse gives no items (a half-typed block has no trustworthy values, and the
 * last ones would point at text that changed) while the rest of the file keeps its findings; the result is what
 * a fresh read of the same text gives. Owned by one config session.
 */
export class HclFile {
  private text: string | undefined;
  private stretches: Stretch[] = [];

  /**
   * Reads `text`. `since` gives the edits from the text of the previous read (a document's delta); without it,
   * or when it starts from another text, the changed span is found by comparing the texts.
   */
  read(text: string, since?: { previousText: string; edits: readonly EditSpan[] }): HclRead {
    if (this.text === undefined) this.rebuild(text);
    else if (this.text !== text) this.update(text, since);
    return this.result(text);
  }

  /** Forgets the file (a session's dispose). */
  clear(): void {
    this.text = undefined;
    this.stretches = [];
  }

  private rebuild(text: string): void {
    const { starts, open } = scanStretches(text, 0, () => false);
    this.stretches = readStretches(text, [0, ...starts], text.length, open, new Map());
    this.text = text;
  }

  private update(text: string, since: { previousText: string; edits: readonly EditSpan[] } | undefined): void {
    const old = this.text!;
    const span = since && since.previousText === old && since.edits.length > 0 ? envelope(since.edits) : diffSpan(old, text);
    const delta = text.length - old.length;
    const list = this.stretches;
    // The stretch the edit starts in; the one before it when the edit reaches its first line (which decides that a
    // stretch starts there). Everything before that stretch's start is unchanged.
    let k = lastAtOrBefore(list, span.start);
    if (k > 0 && span.start <= afterBreak(old, lineEnd(old, list[k]!.start)) + 1) k--;
    const from = list[k]!.start;
    // Rescan until a start past the edit that was a start before (the scan is in the same state after any start,
    // and the text after the edit is the same, so every later start is too).
    const { starts, stoppedAt, open } = scanStretches(text, from, (at) => {
      if (at < span.newEnd) return false;
      const was = at - delta;
      const j = lastAtOrBefore(list, was);
      return j >= 0 && list[j]!.start === was;
    });
    const keepFrom = stoppedAt === undefined ? list.length : lastAtOrBefore(list, stoppedAt - delta);
    // Stretches of the rescanned part whose text is unchanged (a paste between two blocks) keep their items.
    const reusable = new Map<string, Stretch>();
    for (const s of list.slice(k, keepFrom)) reusable.set(old.slice(s.start, s.end), s);
    const fresh = readStretches(text, [from, ...starts], stoppedAt ?? text.length, stoppedAt === undefined && open, reusable);
    const tail = list.slice(keepFrom);
    if (delta !== 0) for (const s of tail) moveStretch(s, delta);
    this.stretches = [...list.slice(0, k), ...fresh, ...tail];
    this.text = text;
  }

  private result(text: string): HclRead {
    const placed: TopItem[] = [];
    const refused: HclRead['refused'] = [];
    let broken = 0;
    let json = false;
    for (const s of this.stretches) {
      if (s.items) placed.push(...s.items);
      else if (s.refused) refused.push({ start: s.start, end: s.end, why: s.refused });
      else if (s.json) json = true;
      else broken++;
    }
    // Nothing read: no document, so no rule runs on an empty one in place of a file that does not parse.
    const none = placed.length === 0 && (broken > 0 || refused.length > 0);
    return { doc: json || none ? undefined : assemble(placed, text.length), broken, refused };
  }
}

/** Reads the stretches starting at `starts` (the last ends at `end`); `open`: the last ended in a comment or heredoc. */
function readStretches(text: string, starts: number[], end: number, open: boolean, reusable: Map<string, Stretch>): Stretch[] {
  return starts.map((start, i) => {
    const stop = starts[i + 1] ?? end;
    const src = text.slice(start, stop);
    const known = reusable.get(src);
    if (known) {
      reusable.delete(src);
      if (known.start !== start) moveStretch(known, start - known.start);
      return known;
    }
    return readStretch(src, start, open && i === starts.length - 1);
  });
}

/** Parses and converts one stretch `src` that starts at `start` in its file. */
function readStretch(src: string, start: number, open: boolean): Stretch {
  const s: Stretch = { start, end: start + src.length };
  // An unclosed block comment or heredoc does not parse: known without parsing the rest of the file it holds.
  if (open) return s;
  const parser = hclParser();
  if (!parser) return s;
  CONFIG_WORK.hclBlocksParsed++;
  CONFIG_WORK.hclCharsParsed += src.length;
  const tree = budgetedParse(parser, src);
  if (!tree) return { ...s, refused: 'parsing it needed more than its work budget (counted in parser steps, not time)' };
  try {
    const root = tree.rootNode;
    if (root.hasError) return s;
    const top = kids(root);
    if (top.some((c) => c.type === 'object')) return { ...s, json: true };
    const converter = new Converter(src, start);
    const items: TopItem[] = [];
    const body = top.find((c) => c.type === 'body');
    for (const c of body ? kids(body) : []) {
      if (c.type === 'attribute') items.push({ pair: converter.attribute(c) });
      else if (c.type === 'block') items.push({ block: converter.block(c) });
    }
    return { ...s, items };
  } catch (e) {
    if (!(e instanceof HclError)) throw e;
    return { ...s, refused: e.message };
  } finally {
    tree.delete();
  }
}

function moveStretch(s: Stretch, delta: number): void {
  s.start += delta;
  s.end += delta;
  for (const it of s.items ?? []) moveItem(it, delta);
}

/** The index of the last stretch starting at or before `at` (-1 when none). */
function lastAtOrBefore(list: readonly Stretch[], at: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The span a sequence of edits changed: [start, oldEnd) of the old text became [start, newEnd) of the new. */
function envelope(edits: readonly EditSpan[]): { start: number; newEnd: number } {
  let start = Infinity;
  let newEnd = -Infinity;
  for (const e of edits) {
    if (start === Infinity) {
      start = e.startIndex;
      newEnd = e.newEndIndex;
      continue;
    }
    // Offsets after the span so far, in this edit's coordinates, are the old text's moved by what it added.
    const reach = Math.max(newEnd, e.oldEndIndex);
    start = Math.min(start, e.startIndex);
    newEnd = reach + (e.newEndIndex - e.oldEndIndex);
  }
  return { start, newEnd };
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
