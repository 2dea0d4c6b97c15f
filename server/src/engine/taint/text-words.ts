/**
 * The words of a document's text for the taint pack's text prefilters, kept up to date from one text to the next
 * by re-reading only the changed region (a few words per keystroke), instead of running a regex over the whole text
 * per rule on every edit.
 *
 * A *run* is a maximal stretch of `[A-Za-z0-9_-]` with `-` read as `_` (the prefilters read imports' `-` as `_`):
 * exactly the maximal `\w+` stretches of the text with `-` replaced by `_`. So, in that replaced text,
 * `\bword\b` matches iff `word` is a run, a plain word (`[A-Za-z0-9_]+`) occurs iff it is inside some run, and
 * the maximal `[A-Za-z0-9]+` stretches of the original text are the runs' `_`-separated parts.
 */

import { diffSpan, type TextSpan } from '../text';

const isRunChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;

const RUN = /[A-Za-z0-9_-]+/g;
/** The runs of a text whose `-` are already `_`. */
const UNDER_RUN = /\w+/g;

/** The words of the current text; `update` moves it to a new text. */
export class TextWords {
  private text = '';
  /** The text with `-` read as `_`, once asked for (see `under`). */
  private underText: string | undefined = '';
  /** Each distinct run, with how many times it occurs. */
  private readonly runs = new Map<string, number>();
  /** Each `[A-Za-z0-9]+` part of the distinct runs, with how many distinct runs hold it. */
  private readonly parts = new Map<string, number>();
  /** Per plain word asked about so far, how many distinct runs contain it (kept up to date from then on). */
  private readonly needles = new Map<string, number>();

  /** The words of `text`, read whole. */
  static of(text: string): TextWords {
    const w = new TextWords();
    w.update(text);
    return w;
  }

  /**
   * Moves to `text`: the runs of the region that differs from the current text are taken out and read anew. Returns
   * the text it moved from and the span that differs (for other readers of the same change), none if unchanged.
   */
  update(text: string): { old: string; span: TextSpan } | undefined {
    const old = this.text;
    if (old === text) return undefined;
    const span = diffSpan(old, text);
    // Widen to run boundaries: the runs outside [a, end) are untouched, and those inside are whole.
    let a = span.start;
    while (a > 0 && isRunChar(old.charCodeAt(a - 1))) a--;
    let endOld = span.oldEnd;
    let endNew = span.newEnd;
    while (endOld < old.length && isRunChar(old.charCodeAt(endOld))) {
      endOld++;
      endNew++;
    }
    this.text = text;
    this.underText = undefined;
    for (const r of old.slice(a, endOld).match(RUN) ?? []) this.remove(r.replace(/-/g, '_'));
    // A whole text read at once (a scan's only text, an editor's first) is read with its `-` replaced once, not per run:
    // the same runs (`-` and `_` are both run characters, so replacing one by the other moves no boundary).
    if (a === 0 && endNew === text.length) for (const r of this.under.match(UNDER_RUN) ?? []) this.add(r);
    else for (const r of text.slice(a, endNew).match(RUN) ?? []) this.add(r.replace(/-/g, '_'));
    return { old, span };
  }

  /** The current text with `-` read as `_` (the text the runs are maximal `\w+` stretches of). */
  get under(): string {
    return (this.underText ??= this.text.replace(/-/g, '_'));
  }

  /** Whether `\bword\b` matches the text with `-` read as `_`. */
  hasWord(word: string): boolean {
    return this.runs.has(word);
  }

  /** Whether the plain word (`[A-Za-z0-9_]+`) occurs anywhere in the text with `-` read as `_`. */
  contains(needle: string): boolean {
    let n = this.needles.get(needle);
    if (n === undefined) {
      n = 0;
      for (const r of this.runs.keys()) if (r.includes(needle)) n++;
      this.needles.set(needle, n);
    }
    return n > 0;
  }

  /** The maximal `[A-Za-z0-9]+` stretches of the text, as a set. */
  readonly words: Pick<ReadonlySet<string>, 'has'> = { has: (w) => this.parts.has(w) };

  private add(r: string): void {
    const n = this.runs.get(r) ?? 0;
    this.runs.set(r, n + 1);
    if (n === 0) this.distinct(r, 1);
  }

  private remove(r: string): void {
    const n = this.runs.get(r)!;
    if (n > 1) {
      this.runs.set(r, n - 1);
      return;
    }
    this.runs.delete(r);
    this.distinct(r, -1);
  }

  /** A distinct run came (+1) or went (-1). */
  private distinct(r: string, d: 1 | -1): void {
    for (const part of r.split('_')) {
      if (!part) continue;
      const n = (this.parts.get(part) ?? 0) + d;
      if (n === 0) this.parts.delete(part);
      else this.parts.set(part, n);
    }
    for (const [needle, n] of this.needles) if (r.includes(needle)) this.needles.set(needle, n + d);
  }
}
