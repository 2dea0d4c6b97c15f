/**
 * A token split over string literals that the code joins (issue 16): `"github_pat_…" +` / `"…"`, Python's
 * adjacent literals in parentheses, `["…", "…"].join("")`, `"".join([…])`, `String.join("", …)`,
 * `strings.Join([]string{…}, "")`. Runs of joined literals are found in the whole text; each run's joined value is
 * read by the provider rules (known formats: a generic name rule's evidence is the name, which the line scan
 * already reads) as one line, `<the run's statement start>"<joined>"`, and a match that spans a join is reported
 * over the pieces it covers. A match inside one piece is the line scan's own.
 *
 * It reads the whole text, so the analyzer runs it on every run (never from the per-line cache): incremental and
 * full scans agree. A piece is a short quoted run of token characters (no spaces, no escapes), so prose, SQL and
 * templates never form a run, and most files have none.
 */
import { escapeRegExp } from '../regex-guard';
import type { LanguageRecord } from '../languages';
import { LineIndex } from '../text';
import type { SecretMatch, SecretScanner } from './secret-scanner';

/** One quoted piece: token characters only, so a sentence or an interpolation is never a piece. */
const BODY = String.raw`[\w+/=.~-]{1,300}`;
const PIECE = `(?:"${BODY}"|'${BODY}'|\`${BODY}\`)`;
/** Spaces, and at most one line break, between a piece and what joins it to the next. */
const GAP = String.raw`[ \t]*(?:\r?\n[ \t]*)?`;
/** Python's bytes and raw prefixes on a later piece (`b"…"`). */
const STRING_PREFIX = String.raw`(?:[bBrRuU]{1,2}(?=["']))?`;
/** A piece inside a run, with its content as group 2. */
const PIECE_CONTENT = /(["'`])([\w+/=.~-]+)\1/g;

/** Space and whole-line comments between a list's items. */
const ITEM_GAP = String.raw`(?:\s|//[^\n]*\n|#[^\n]*\n)*`;
const ITEMS = `${ITEM_GAP}${PIECE}(?:${ITEM_GAP},${ITEM_GAP}${PIECE})+${ITEM_GAP}(?:,${ITEM_GAP})?`;

/** The word of every list join below: one pass over the text finds them all, and each is read from there. */
const JOIN_WORD = /[jJ]oin\(/g;
/** JavaScript's `[…].join("")`, read in the text before its `.join(` (anchored at the window's end). */
const JS_LIST = new RegExp(String.raw`\[${ITEMS}\]\s*\.join\(\s*(?:""|''|\`\`)\s*\)$`);
/** How far before its `.join(` a JavaScript list is looked for. */
const JS_LIST_REACH = 2_000;
/** The rest of a JavaScript `.join("")` after `join(`. */
const JS_JOIN_TAIL = /\s*(?:""|''|``)\s*\)/y;
/** Joins that start at a fixed distance before the word: [that distance, the join from there (sticky)]. */
const CALL_JOINS: readonly [number, RegExp][] = [
  // Python's `"".join([…])` or over a tuple.
  [3, new RegExp(String.raw`(?:""|'')\.join\(\s*[[(]${ITEMS}[\])]\s*\)`, 'y')],
  // Java's `String.join("", …)`.
  [7, new RegExp(String.raw`String\.join\(\s*""\s*,${ITEMS}\)`, 'y')],
  // Go's `strings.Join([]string{…}, "")`.
  [8, new RegExp(String.raw`strings\.Join\(\s*\[\]string\{${ITEMS}\}\s*,\s*""\s*\)`, 'y')],
];

/** A line before a run that holds no more than its opening bracket: the statement starts on the line above. */
const BRACKET_ONLY = /^[\s([{]*$/;

/** The joined literals' expression, for the env-var fix, and how many pieces it joins. */
export interface JoinedSpan {
  /** Offsets of the whole expression in the text (the pieces and what joins them). */
  start: number;
  end: number;
  pieces: number;
}

interface Piece {
  /** Offset of the piece's content in the text. */
  offset: number;
  /** Offset of the piece's content in the joined value. */
  at: number;
}

/** Finds provider tokens split over joined literals. One per scanner; each language syntax's regex is built once. */
export class JoinedLiteralFinder {
  /** Run regexes by language join syntax (`+`, `.`, adjacent), built once each. */
  private readonly runs = new Map<string, RegExp>();

  constructor(private readonly scanner: SecretScanner) {}

  /** Provider matches over joined literals in `text`, written in `language`'s syntax; `active` as `scanLines` takes it. */
  find(text: string, lines: LineIndex, path: string, language: LanguageRecord | undefined, active: () => readonly boolean[]): SecretMatch[] {
    const join = language?.stringJoin;
    if (!join) return [];
    const spans: [number, number][] = [];
    const run = this.runRegex(join);
    run.lastIndex = 0;
    for (let m = run.exec(text); m; m = run.exec(text)) spans.push([m.index, m.index + m[0].length]);
    JOIN_WORD.lastIndex = 0;
    for (let w = JOIN_WORD.exec(text); w; w = JOIN_WORD.exec(text)) {
      const span = listJoinAt(text, w.index);
      if (span) spans.push(span);
    }
    if (spans.length === 0) return [];
    let rules: readonly boolean[] | undefined;
    const out: SecretMatch[] = [];
    for (const [start, end] of spans) {
      const pieces: Piece[] = [];
      let joined = '';
      const expr = text.slice(start, end);
      for (const p of expr.matchAll(PIECE_CONTENT)) {
        pieces.push({ offset: start + p.index + 1, at: joined.length });
        joined += p[2];
      }
      if (pieces.length < 2) continue;
      rules ??= active();
      const head = statementHead(text, lines, start);
      const line = `${head}"${joined}"`;
      const target = { text: line, lines: new LineIndex(line), path, languageId: language.id };
      for (const found of this.scanner.scanLines(target, 0, 0, rules)) {
        if (found.rule.generic || found.rule.fallback) continue;
        const s = found.start.character - head.length - 1;
        const e = found.end.character - head.length - 1;
        if (s < 0 || e > joined.length) continue;
        const first = pieceAt(pieces, s);
        const last = pieceAt(pieces, e - 1);
        // Inside one piece: the line scan reports it where it is.
        if (first === last) continue;
        const from = pieces[first]!.offset + s - pieces[first]!.at;
        const to = pieces[last]!.offset + e - pieces[last]!.at;
        out.push({
          ...found,
          start: lines.positionAt(from),
          end: lines.positionAt(to),
          matchStart: lines.positionAt(start),
          joined: { start, end, pieces: last - first + 1 },
        });
      }
    }
    return out;
  }

  private runRegex(join: NonNullable<LanguageRecord['stringJoin']>): RegExp {
    const key = `${join.operator ?? ''}\u0000${join.adjacent ? 1 : 0}`;
    let re = this.runs.get(key);
    if (!re) {
      const op = join.operator ? `${GAP}${escapeRegExp(join.operator)}${GAP}` : undefined;
      const sep = op && join.adjacent ? `(?:${op}|${GAP})` : (op ?? GAP);
      re = new RegExp(`${PIECE}(?:${sep}${STRING_PREFIX}${PIECE})+`, 'g');
      this.runs.set(key, re);
    }
    return re;
  }
}

/** The span of a list join whose `join(` word starts at `at`, if there is one. */
function listJoinAt(text: string, at: number): [number, number] | undefined {
  if (text[at - 1] !== '.') return undefined;
  JS_JOIN_TAIL.lastIndex = at + 5;
  if (JS_JOIN_TAIL.test(text)) {
    const from = Math.max(0, at - 1 - JS_LIST_REACH);
    const m = JS_LIST.exec(text.slice(from, JS_JOIN_TAIL.lastIndex));
    if (m) return [from + m.index, JS_JOIN_TAIL.lastIndex];
  }
  for (const [back, regex] of CALL_JOINS) {
    if (at < back) continue;
    regex.lastIndex = at - back;
    const m = regex.exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return undefined;
}

/** The text before offset `at` on its line, or, when that is only an opening bracket, the line above it too. */
function statementHead(text: string, lines: LineIndex, at: number): string {
  const pos = lines.positionAt(at);
  const before = text.slice(lines.lineStarts[pos.line]!, at);
  if (!BRACKET_ONLY.test(before) || pos.line === 0) return before;
  return `${lines.lineText(pos.line - 1).trimEnd()} ${before.trim()}`;
}

/** The index of the piece holding joined offset `at`. */
function pieceAt(pieces: readonly Piece[], at: number): number {
  let i = 0;
  while (i + 1 < pieces.length && pieces[i + 1]!.at <= at) i++;
  return i;
}
