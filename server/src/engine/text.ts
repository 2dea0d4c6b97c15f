/** Offset <-> position conversion for a text, in UTF-16 code units. */
import type { Position, Range } from './types';

export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(
    readonly text: string,
    /** The line starts when already known (see `edited`). */
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, this index's text with [start, oldEnd) replaced by `inserted`. An edit that neither removes
   * nor inserts a line break, and does not follow a CR (which could pair with an LF after it), moves the later line
   * starts by its length: no scan of the whole text on each keystroke.
   */
  edited(start: number, oldEnd: number, inserted: string, text: string): LineIndex {
    const breaks = /[\r\n]/;
    if (breaks.test(inserted) || (start > 0 && this.text.charCodeAt(start - 1) === 13) || breaks.test(this.text.slice(start, oldEnd))) return new LineIndex(text);
    const delta = inserted.length - (oldEnd - start);
    const line = this.positionAt(start).line;
    const starts = this.lineStarts.slice();
    if (delta !== 0) for (let i = line + 1; i < starts.length; i++) starts[i]! += delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * Offset of a position, clamped as the LSP specification says: a character past the end of a line is the end of
   * that line (before its line break, never between CR and LF), a line past the end is the end of the text.
   */
  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line]!;
    if (pos.character <= 0) return start;
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1]! : this.text.length;
    return this.beforeLineBreak(Math.min(start + pos.character, next), start);
  }

  /** The position of an offset; an offset inside a line break maps to the end of its line. */
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo]!;
    return { line: lo, character: this.beforeLineBreak(offset, start) - start };
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === 10 || this.text.charCodeAt(offset - 1) === 13)) offset--;
    return offset;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  /** The line break the file uses most ("\n" when it has none). */
  get eol(): string {
    // Counted once: fixes ask for it per finding.
    if (this.eolCache === undefined) {
      // Counted, not split: a new index per edit would otherwise build a string per line.
      let crlf = 0;
      let lf = 0;
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) {
        if (i > 0 && this.text.charCodeAt(i - 1) === 13) crlf++;
        else lf++;
      }
      this.eolCache = crlf > lf ? '\r\n' : '\n';
    }
    return this.eolCache;
  }

  private eolCache: string | undefined;

  /**
   * The line break ending `line` (the file's usual one for the last line). Fixes use it rather than `eol`: a
   * cached fix must depend on the code around it only, not on how the rest of the file breaks its lines.
   */
  eolAt(line: number): string {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.eol;
    if (this.text.charCodeAt(next - 1) === 13) return '\r';
    return this.text.charCodeAt(next - 2) === 13 ? '\r\n' : '\n';
  }
}

/** Where two texts differ (see `diffSpan`). */
export interface TextSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The span where two texts differ: `start` is the length of their common prefix, and `oldEnd` / `newEnd` are where
 * their common suffix (not overlapping the prefix) starts in `a` and in `b`.
 */
export function diffSpan(a: string, b: string): TextSpan {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return { start: p, oldEnd: a.length - q, newEnd: b.length - q };
}

/**
 * `s` as a string of its own. V8 keeps a substring of 13 or more characters as a view into the string it was cut
 * from, so a name or key read from one version of a document and cached across edits keeps that version's whole
 * text alive: a cache that outlives edits must hold detached strings. Concatenating then slicing makes V8 copy the
 * characters into a new string (a short one is copied anyway).
 */
export function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
