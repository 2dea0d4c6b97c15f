/**
 * A document's old texts are garbage once it is edited. V8 keeps a substring of 13+ characters as a view into the
 * string it was cut from, so a name, key or match read from one version and cached across edits (the taint file
 * context's per-statement memo, secret matches kept per line, module-level digest tables) keeps that whole version
 * alive: over a session each warm document held up to one old text per unedited statement. Edits a document of each
 * language with every pack, each version marked on its first line, then counts in a heap snapshot the versions
 * whose whole text is still reachable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHeapSnapshot } from 'node:v8';
import { generateFile, type BenchLanguage } from '../../bench/corpus/generate';
import { editScript } from '../../bench/lib/edit-script';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { Engine } from '../../server/src/engine/engine';

const MARK = 'oldtext-version-';
const EDITS = 24;

/** The versions (numbers after `MARK` at a string's start) of the flat strings of 1,000+ bytes in the heap. */
async function versionsInHeap(): Promise<Set<number>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const chunks: string[] = [];
  for await (const c of getHeapSnapshot()) chunks.push(String(c));
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const { node_fields: nf, node_types: nt } = snap.snapshot.meta;
  const F = nf.length;
  const iType = nf.indexOf('type');
  const iName = nf.indexOf('name');
  const iSize = nf.indexOf('self_size');
  const found = new Set<number>();
  for (let i = 0; i < snap.nodes.length; i += F) {
    if (nt[0][snap.nodes[i + iType]!] !== 'string' || snap.nodes[i + iSize]! < 1000) continue;
    const name = snap.strings[snap.nodes[i + iName]!]!;
    const at = name.indexOf(MARK);
    if (at >= 0 && at < 4) found.add(Number(name.slice(at + MARK.length, at + MARK.length + 4)));
  }
  return found;
}

describe('old texts released', () => {
  it('after edits in many statements, only the last versions of each document stay reachable', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const langs: BenchLanguage[] = ['javascript', 'python', 'typescript'];
    const docs = langs.map((lang, i) => {
      const g = generateFile(lang, 400, 70 + i);
      const ext = lang === 'python' ? 'py' : lang === 'typescript' ? 'ts' : 'js';
      const comment = lang === 'python' ? '#' : '//';
      // Line 0 carries the version (4 digits at a fixed place); the generated code starts on line 1.
      const text = `${comment} ${MARK}${String(i * 1000).padStart(4, '0')}\n${g.text}`;
      const uri = `mem:f${i}.${ext}`;
      engine.open(uri, `/ws/f${i}.${ext}`, lang, text, 1);
      engine.analyze(uri, DEFAULT_SETTINGS);
      const markAt = comment.length + 1 + MARK.length;
      return { uri, i, version: 1, markAt, script: editScript(g.text, lang, g.blockStarts, EDITS / 2, 130 + i) };
    });
    for (const d of docs) {
      for (let k = 1; k <= EDITS; k++) {
        const e = d.script[k - 1]!;
        const shift = (p: { line: number; character: number }) => ({ line: p.line + 1, character: p.character });
        d.version++;
        engine.change(
          d.uri,
          [
            { range: { start: { line: 0, character: d.markAt }, end: { line: 0, character: d.markAt + 4 } }, text: String(d.i * 1000 + k).padStart(4, '0') },
            { range: { start: shift(e.range.start), end: shift(e.range.end) }, text: e.text },
          ],
          d.version,
        );
        engine.analyze(d.uri, DEFAULT_SETTINGS);
      }
    }
    const versions = await versionsInHeap();
    const report = docs.map((d) => {
      const kept = [...versions].filter((v) => Math.floor(v / 1000) === d.i).map((v) => v % 1000).sort((a, b) => a - b);
      // Allowed: the current text and the one before (a session's last-run record), and the texts of the open and
      // the first edit, which cached results of units not analysed since may hold (their trace messages are cut from
      // the tree): a fixed number, not one more per edit. The versions between are counted.
      return { uri: d.uri, kept, between: kept.filter((v) => v > 1 && v < EDITS - 1) };
    });
    const all = JSON.stringify(report);
    for (const r of report) assert.ok(r.kept.includes(EDITS), `the current text of ${r.uri} is found in the snapshot: ${all}`);
    // JavaScript: every version between is gone (main before the fix: 5 of 21 still reachable).
    assert.deepEqual(report.filter((r) => r.uri.endsWith('.js')).flatMap((r) => r.between), [], all);
    // Python and TypeScript still have two each (held by Maps' tables, not found yet: docs/perf-notes-memory.md,
    // session 14): bounded here so that a cache keeping one per edit again fails.
    assert.ok(report.filter((r) => !r.uri.endsWith('.js')).every((r) => r.between.length <= 2), all);
    engine.dispose();
  });
});
