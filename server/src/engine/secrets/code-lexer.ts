/**
 * A small lexer for code languages Vigil has no grammar for (PHP, Ruby, Perl, Lua, C, C++, Rust): it finds string
 * literals and comments from the syntax the language table records (`LexicalSyntax`), without parsing the code.
 * The secrets pack uses it to hold a value in such code to the rule parsed code follows (a generic value is a quoted
 * literal, not an identifier or a call) and to know a comment from code. It is lenient: an unclosed string or
 * comment runs to the end of the text, as the language would read it.
 */
import type { LexicalSyntax } from '../languages';

/** What a stretch of text is: a string literal (heredocs included), a comment, or text outside the code. */
export type RegionKind = 'string' | 'comment' | 'text';

/** The non-code regions of a text, in order and not overlapping; everything between them is code. */
export interface Regions {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly kinds: readonly RegionKind[];
}

/** A C, C++ or Rust character literal (`'a'`, `'\\n'`, `'\\x41'`, `'\\u{1F600}'`), sticky. */
const CHAR_LITERAL = /'(?:\\(?:x[0-9a-fA-F]{1,8}|u\{[0-9a-fA-F]{1,6}\}|[0-7]{1,3}|.)|[^\\'\n])'/y;

const OPEN_TO_CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Lexes `text` by `syntax`: the string, comment and text regions (everything else is code). */
export function lexRegions(text: string, syntax: LexicalSyntax): Regions {
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: RegionKind[] = [];
  const add = (s: number, e: number, k: RegionKind): void => {
    if (e <= s) return;
    const last = kinds.length - 1;
    if (last >= 0 && kinds[last] === k && ends[last] === s) ends[last] = e;
    else {
      starts.push(s);
      ends.push(e);
      kinds.push(k);
    }
  };
  const n = text.length;
  const lineEnd = (from: number): number => {
    const e = text.indexOf('\n', from);
    return e < 0 ? n : e;
  };
  /** Heredoc terminators waiting for the end of the current line. */
  let pending: { tag: string }[] = [];
  let i = 0;
  let atLineStart = true;
  if (syntax.embedded) {
    const open = nextEmbeddedOpen(text, syntax, 0);
    add(0, open.start, 'text');
    i = open.end;
    atLineStart = i === 0 || text[i - 1] === '\n';
  }
  while (i < n) {
    if (atLineStart) {
      atLineStart = false;
      // Heredoc bodies begin on the line after their opener.
      if (pending.length > 0) {
        for (const h of pending) {
          // From the line break before the body: a line inserted at the body's first line lands inside it.
          const bodyStart = i - 1;
          while (i < n) {
            const e = lineEnd(i);
            if (new RegExp(`^[ \\t]*${h.tag}\\b`).test(text.slice(i, e))) {
              add(bodyStart, i, 'string');
              break;
            }
            i = e + 1;
          }
          if (i >= n) add(bodyStart, n, 'string');
        }
        pending = [];
        if (i >= n) break;
      }
      const e = lineEnd(i);
      const line = text.slice(i, e);
      if (syntax.dataEnd?.test(line)) {
        add(i, n, 'text');
        break;
      }
      const block = syntax.lineBlockComments?.find(([open]) => open.test(line));
      if (block) {
        let k = e;
        const from = i;
        while (k < n) {
          const s = k + 1;
          k = lineEnd(s);
          if (block[1].test(text.slice(s, k))) break;
        }
        add(from, Math.min(k, n), 'comment');
        i = k;
        continue;
      }
    }
    const c = text[i]!;
    if (c === '\n') {
      i++;
      atLineStart = true;
      continue;
    }
    // Nothing opens at a blank or inside a word (quote-like operators and raw strings start after a non-word).
    const cc = text.charCodeAt(i);
    if (cc === 32 || cc === 9 || (isWordCode(cc) && i > 0 && isWordCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    if (syntax.embedded && text.startsWith(syntax.embedded.close, i)) {
      const open = nextEmbeddedOpen(text, syntax, i + syntax.embedded.close.length);
      add(i + syntax.embedded.close.length, open.start, 'text');
      i = open.end;
      atLineStart = text[i - 1] === '\n';
      continue;
    }
    const bc = syntax.blockComments && firstOf(syntax.blockComments, (b) => b[0], text, i);
    if (bc) {
      const close = text.indexOf(bc[1], i + bc[0].length);
      const end = close < 0 ? n : close + bc[1].length;
      add(i, end, 'comment');
      i = end;
      continue;
    }
    if (syntax.longBrackets) {
      const isComment = text.startsWith('--', i);
      const level = longBracketLevel(text, isComment ? i + 2 : i);
      if (level >= 0) {
        const closer = `]${'='.repeat(level)}]`;
        const close = text.indexOf(closer, i);
        const end = close < 0 ? n : close + closer.length;
        add(i, end, isComment ? 'comment' : 'string');
        i = end;
        continue;
      }
    }
    // Quote-like operators and raw strings open with a letter, `%` or `/` (`q{`, `%w(`, `=~ /…/`, `r#"`, `R"(`).
    const opensWord = isWordCode(cc) || cc === 37 || cc === 47;
    const q = syntax.quoteLike && opensWord ? stickyAt(syntax.quoteLike, text, i) : null;
    if (q) {
      const open = i + q[0].length;
      let end = delimited(text, open, q[0][q[0].length - 1]!);
      if (q.groups?.two && end < n) {
        // `s{a}{b}` takes a second delimiter pair; `s/a/b/` reuses the closing slash as the second opener.
        const d = q[0][q[0].length - 1]!;
        if (OPEN_TO_CLOSE[d]) {
          let k = end;
          while (k < n && /\s/.test(text[k]!)) k++;
          end = k < n ? delimited(text, k + 1, text[k]!) : n;
        } else end = delimited(text, end, d);
      }
      add(i, end, 'string');
      i = end;
      continue;
    }
    const lc = firstOf(syntax.lineComments, (o) => o, text, i);
    if (lc && !(lc === '#' && i > 0 && /[\w$\\]/.test(text[i - 1]!)) && !(syntax.notComment && stickyAt(syntax.notComment, text, i))) {
      let end = lineEnd(i);
      // PHP leaves code at `?>` even inside a line comment.
      if (syntax.embedded) {
        const close = text.indexOf(syntax.embedded.close, i);
        if (close >= 0 && close < end) end = close;
      }
      add(i, end, 'comment');
      i = end;
      continue;
    }
    if (syntax.heredoc && c === '<') {
      const h = stickyAt(syntax.heredoc, text, i);
      if (h) {
        pending.push({ tag: h.groups!.tag! });
        i += h[0].length;
        continue;
      }
    }
    if (syntax.rawString && opensWord) {
      const r = stickyAt(syntax.rawString.open, text, i);
      if (r && (i === 0 || !/\w/.test(text[i - 1]!))) {
        const closer = syntax.rawString.close(r);
        const close = text.indexOf(closer, i + r[0].length);
        const end = close < 0 ? n : close + closer.length;
        add(i, end, 'string');
        i = end;
        continue;
      }
    }
    if (syntax.charLiterals && c === "'") {
      const m = CHAR_LITERAL;
      m.lastIndex = i;
      if (m.test(text) && !(i > 0 && /[0-9A-Fa-f]/.test(text[i - 1]!) && /\d/.test(text[i + 1] ?? ''))) {
        i = m.lastIndex;
        continue;
      }
      i++;
      continue;
    }
    if (syntax.quotes.includes(c)) {
      const end = quoted(text, i + 1, c, syntax.multilineStrings);
      add(i, end, 'string');
      i = end;
      continue;
    }
    i++;
  }
  return { starts, ends, kinds };
}

/** The kind of region holding offset `at`, or undefined when it is code. */
export function regionAt(regions: Regions, at: number): RegionKind | undefined {
  const i = regionIndexAt(regions, at);
  return i < 0 ? undefined : regions.kinds[i];
}

/** The index of the region holding offset `at`, or -1 when it is code. */
export function regionIndexAt(regions: Regions, at: number): number {
  const { starts, ends } = regions;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! > at) hi = mid - 1;
    else if (ends[mid]! <= at) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The first of `items` whose opener (`open(item)`) starts at `at`. */
function firstOf<T>(items: readonly T[], open: (item: T) => string, text: string, at: number): T | undefined {
  for (const item of items) {
    const o = open(item);
    if (text.charCodeAt(at) === o.charCodeAt(0) && text.startsWith(o, at)) return item;
  }
  return undefined;
}

/** A letter, digit or `_`. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The match of sticky regex `re` at `at`, or null. */
function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The end (after the closing quote) of a string whose body starts at `from`. */
function quoted(text: string, from: number, q: string, multiline: boolean): number {
  for (let k = from; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\') k++;
    else if (ch === q) return k + 1;
    else if (ch === '\n' && !multiline) return k;
  }
  return text.length;
}

/** The end of a delimited body starting at `from` after opener `d` (brackets nest; a backslash escapes). */
function delimited(text: string, from: number, d: string): number {
  const close = OPEN_TO_CLOSE[d] ?? d;
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\') k++;
    else if (ch === close && depth === 0) return k + 1;
    else if (ch === close) depth--;
    else if (ch === d && close !== d) depth++;
  }
  return text.length;
}

/** The level of a Lua long bracket opening at `at` (`[[` 0, `[==[` 2), or -1. */
function longBracketLevel(text: string, at: number): number {
  if (text[at] !== '[') return -1;
  let k = at + 1;
  while (text[k] === '=') k++;
  return text[k] === '[' ? k - at - 1 : -1;
}

/** Where the next stretch of embedded code opens (`<?php`): the marker's start and the code's start. */
function nextEmbeddedOpen(text: string, syntax: LexicalSyntax, from: number): { start: number; end: number } {
  const re = syntax.embedded!.open;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : { start: text.length, end: text.length };
}
