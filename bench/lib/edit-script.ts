/**
 * Deterministic edit scripts for the latency benchmarks: pairs of edits at varied positions, typing a
 * character then deleting it, or pasting a block of code then undoing the paste. Each pair leaves the text
 * as it was, so positions stay valid and a file does not drift over thousands of edits.
 */
import { pasteSnippet, type BenchLanguage } from '../corpus/generate';
import { rng } from './stats';

export interface ScriptedEdit {
  kind: 'type-char' | 'delete-char' | 'paste' | 'undo-paste';
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

const TYPED = 'abcdefghijklmnopqrstuvwxyz_.(';

/**
 * `pairs` pairs of edits for `text`; `pasteShare` of the pairs are paste-sized (a whole block of code,
 * some with a vulnerable flow or a credential), the others single characters. Pastes go at block starts.
 */
export function editScript(
  text: string,
  lang: BenchLanguage,
  blockStarts: readonly number[],
  pairs: number,
  seed: number,
  pasteShare = 0.3,
): ScriptedEdit[] {
  const r = rng(seed);
  const lines = text.split('\n');
  const out: ScriptedEdit[] = [];
  for (let i = 0; i < pairs; i++) {
    if (r() < pasteShare && blockStarts.length > 0) {
      const line = blockStarts[Math.floor(r() * blockStarts.length)]!;
      const snippet = pasteSnippet(lang, r, i);
      const added = snippet.split('\n').length - 1;
      const at = { line, character: 0 };
      out.push({ kind: 'paste', range: { start: at, end: at }, text: snippet });
      out.push({ kind: 'undo-paste', range: { start: at, end: { line: line + added, character: 0 } }, text: '' });
    } else {
      const line = Math.floor(r() * (lines.length - 1));
      const character = Math.floor(r() * ((lines[line] ?? '').length + 1));
      const ch = TYPED[Math.floor(r() * TYPED.length)]!;
      const at = { line, character };
      out.push({ kind: 'type-char', range: { start: at, end: at }, text: ch });
      out.push({ kind: 'delete-char', range: { start: at, end: { line, character: character + 1 } }, text: '' });
    }
  }
  return out;
}
