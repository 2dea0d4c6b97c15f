/**
 * A property shared by the incremental tests of summaries one unit reads from others (class fields, request fields):
 * random edits of an open document (lines inserted at a line's start, characters and newlines typed at a line's
 * end, lines deleted), analysed after some of them, leave the same findings as a fresh scan of the final text.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Engine } from '../../server/src/engine/engine';
import type { AnalysisSettings } from '../../server/src/engine/types';
import { assertProperty } from './property-seeds';

export interface RandomEdits {
  path: string;
  lang: string;
  base: string;
  /** Texts an edit may insert at the start of a line, by kind (a store from input, a clean store, a sink). */
  inserts: Record<string, string>;
  settings: AnalysisSettings;
  runs: number;
}

export function assertRandomEditsEqualFreshScan(engine: Engine, c: RandomEdits): void {
  const edit = fc.record({
    line: fc.nat(),
    kind: fc.constantFrom(...Object.keys(c.inserts), 'newline', 'char', 'delete-line'),
    ch: fc.constantFrom('a', '(', ':', '.', '"', '{', '}'),
    analyze: fc.boolean(),
  });
  const findings = (r: { findings: unknown[] }) => r.findings;
  assertProperty(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
      const uri = `random-edits:${c.path}`;
      engine.open(uri, c.path, c.lang, c.base, 1);
      try {
        engine.analyze(uri, c.settings);
        let version = 1;
        for (const e of edits) {
          const lines = engine.get(uri)!.text.split('\n');
          const line = e.line % lines.length;
          const at = { line, character: lines[line]!.length };
          const start = { line, character: 0 };
          const insert = c.inserts[e.kind];
          const change =
            insert !== undefined ? { range: { start, end: start }, text: insert }
            : e.kind === 'newline' ? { range: { start: at, end: at }, text: '\n' }
            : e.kind === 'char' ? { range: { start: at, end: at }, text: e.ch }
            : { range: { start, end: { line: Math.min(line + 1, lines.length - 1), character: 0 } }, text: '' };
          engine.change(uri, [change], ++version);
          if (e.analyze) engine.analyze(uri, c.settings);
        }
        const text = engine.get(uri)!.text;
        assert.deepEqual(findings(engine.analyze(uri, c.settings)), findings(engine.scanText(c.path, c.lang, text, c.settings)), JSON.stringify(edits));
      } finally {
        engine.close(uri);
      }
    }),
    c.runs,
  );
}
