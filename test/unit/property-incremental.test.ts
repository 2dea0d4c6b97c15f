/**
 * Property: for random sequences of LSP edits in every supported language, the findings of the incremental
 * path (Engine.change + analyze, each analyzer fed the delta) equal those of a fresh scan of the final text.
 * Edits break and repair syntax, mix LF/CRLF/CR, insert emoji and combining marks, split lines, and replace
 * the whole document. The text itself is checked against the LSP reference implementation
 * (vscode-languageserver-textdocument), and the syntax tree against a fresh parse when the text parses cleanly.
 *
 * It runs with fixed seeds (12 runs per language in all); property-seeds.ts says how to explore with others:
 * VIGIL_PROPERTY_SEED=<n>|random, VIGIL_PROPERTY_RUNS=<runs per seed>.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { SourceDocument, type ContentChange } from '../../server/src/engine/document';
import { Engine } from '../../server/src/engine/engine';
import type { AnalysisResult } from '../../server/src/engine/types';
import { COMMON_FRAGMENTS, LANGUAGES, type LanguageCase } from '../reliability/corpus';
import { assertProperty } from './property-seeds';

let engine: Engine;
before(async () => {
  const setup = createAnalyzers();
  engine = await Engine.create({ analyzers: setup.analyzers });
});
after(() => engine.dispose());

type Eol = 'lf' | 'crlf' | 'cr' | 'mixed';

/** The seed text with its line breaks rewritten; `mixed` alternates by a fixed pattern. */
function withEol(text: string, eol: Eol, pattern: boolean[]): string {
  if (eol === 'lf') return text;
  let i = 0;
  return text.replace(/\n/g, () => {
    if (eol === 'crlf') return '\r\n';
    if (eol === 'cr') return '\r';
    const pick = pattern[i++ % Math.max(1, pattern.length)] ? '\r\n' : '\n';
    return pick;
  });
}

interface EditSpec {
  /** Where the edit starts, as a fraction of the text (scaled at apply time so it always lands inside). */
  at: number;
  /** How many UTF-16 units it replaces. */
  len: number;
  text: string;
}

interface Batch {
  /** Edits sent in one didChange, applied in order. */
  edits: EditSpec[];
  /** Replace the whole text instead (a full-sync change). */
  full?: string;
  /** Analyse after this batch; when false, the next analysis sees several batches in one delta. */
  analyze: boolean;
}

function batchArb(lang: LanguageCase): fc.Arbitrary<Batch> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...lang.fragments, ...COMMON_FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant('') },
    // Cut-and-paste of a piece of the seed: whole statements appear and disappear.
    { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 80 })).map(([s, n]) => lang.seed.slice(s % lang.seed.length, (s % lang.seed.length) + n)) },
  );
  const text = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(''));
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.oneof(fc.constant(0), fc.nat({ max: 6 }), fc.nat({ max: 60 })),
    text,
  });
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), analyze: fc.constant(true) }) },
    { weight: 3, arbitrary: fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), analyze: fc.constant(false) }) },
    { weight: 1, arbitrary: fc.record({ edits: fc.constant<EditSpec[]>([]), full: fc.constantFrom(lang.seed, '', lang.seed.replace(/\n/g, '\r\n')), analyze: fc.constant(true) }) },
  );
}

/**
 * Turns an edit spec into an LSP change against the current reference text. With `overshoot`, an edit that
 * reaches the end of the text says so with a position past it, which LSP says to clamp.
 */
function toChange(ref: TextDocument, e: EditSpec, overshoot: boolean): ContentChange {
  const len = ref.getText().length;
  const start = Math.min(len, Math.floor(e.at * (len + 1)));
  const end = Math.min(len, start + e.len);
  const range = { start: ref.positionAt(start), end: ref.positionAt(end) };
  if (overshoot && end === len) range.end = { line: range.end.line + 3, character: range.end.character + 50 };
  return { range, text: e.text };
}

/** Findings and notices, compared as plain data. */
function plain(r: AnalysisResult): unknown {
  return JSON.parse(JSON.stringify(r));
}

function checkSequence(lang: LanguageCase, eol: Eol, pattern: boolean[], batches: Batch[], overshootAll: boolean): void {
  const path = `/ws/${lang.file}`;
  const uri = `file://${path}`;
  const initial = withEol(lang.seed, eol, pattern);
  let ref = TextDocument.create(uri, lang.languageId, 0, initial);
  engine.open(uri, path, lang.languageId, initial, 0);
  try {
    assert.deepEqual(plain(engine.analyze(uri)), plain(engine.scanText(path, lang.languageId, initial)), 'first analysis');
    let version = 0;
    batches.forEach((batch, i) => {
      const changes: ContentChange[] = [];
      if (batch.full !== undefined) {
        changes.push({ text: batch.full });
        ref = TextDocument.update(ref, [{ text: batch.full }], version + 1);
      } else {
        for (const e of batch.edits) {
          // Each change is in the coordinates of the text after the previous one, as in LSP.
          const change = toChange(ref, e, overshootAll);
          changes.push(change);
          ref = TextDocument.update(ref, [change as { range: NonNullable<ContentChange['range']>; text: string }], version + 1);
        }
      }
      version++;
      engine.change(uri, changes, version);
      const doc = engine.get(uri)!;
      assert.equal(doc.text, ref.getText(), `text after batch ${i}`);
      if (!batch.analyze && i < batches.length - 1) return;
      const incremental = engine.analyze(uri);
      const fresh = engine.scanText(path, lang.languageId, doc.text);
      assert.deepEqual(plain(incremental), plain(fresh), `findings after batch ${i} of ${JSON.stringify(doc.text.slice(0, 400))}`);
      if (doc.tree) {
        const freshDoc = new SourceDocument('fresh', path, lang.languageId, doc.text, 0, engine.grammars);
        try {
          // Tree-sitter's error recovery may attach comments differently after an incremental parse, so trees
          // are only compared when the text parses without errors.
          if (freshDoc.tree && !freshDoc.tree.rootNode.hasError) {
            assert.equal(doc.tree.rootNode.toString(), freshDoc.tree.rootNode.toString(), `tree after batch ${i}`);
          }
        } finally {
          freshDoc.dispose();
        }
      }
    });
  } finally {
    engine.close(uri);
  }
}

describe('incremental analysis equals a fresh scan (property)', () => {
  for (const lang of LANGUAGES) {
    it(`${lang.languageId}: random edit sequences`, () => {
      assertProperty(
        fc.property(
          fc.constantFrom<Eol>('lf', 'crlf', 'cr', 'mixed'),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
          fc.array(batchArb(lang), { minLength: 1, maxLength: 8 }),
          fc.boolean(),
          (eol, pattern, batches, overshoot) => checkSequence(lang, eol, pattern, batches, overshoot),
        ),
        12,
        { endOnFailure: false },
      );
    });
  }

  // Found with VIGIL_PROPERTY_SEED=2024: after these edits (an unclosed `/*` and a broken field above the class) the
  // incremental parse recovers from the errors otherwise than a fresh parse of the same text, and the secret's fixes,
  // read from the tree, differ (the environment-variable fix is offered only after the fresh parse). The cause is
  // tree-sitter's error recovery, not a cache of ours; kept as a todo so the case is not lost.
  it('java: an unclosed comment and a broken field above the class (seed 2024)', { todo: 'incremental parse recovers otherwise than a fresh one' }, () => {
    const java = LANGUAGES.find((l) => l.languageId === 'java')!;
    checkSequence(java, 'lf', [false], [
      { edits: [{ at: 0, len: 0, text: '.executeQuery("S:"' }, { at: 0, len: 0, text: ' + ;\nimport java.sql.*;\npublic class Dao {\n  private static final' }], analyze: false },
      { edits: [{ at: 0, len: 0, text: '/*' }, { at: 0, len: 6, text: '@Override' }], analyze: false },
      { edits: [{ at: 0, len: 26, text: '' }], analyze: true },
      { edits: [{ at: 0, len: 2, text: '/*' }], analyze: true },
    ], false);
  });

  it('typing a file one keystroke at a time, analysing after each key', () => {
    for (const lang of LANGUAGES) {
      const path = `/ws/typed-${lang.file}`;
      const uri = `file://${path}`;
      engine.open(uri, path, lang.languageId, '', 0);
      try {
        const text = lang.seed.slice(0, 300);
        for (let i = 0; i < text.length; i++) {
          const doc = engine.get(uri)!;
          const end = doc.lines.positionAt(doc.text.length);
          engine.change(uri, [{ range: { start: end, end }, text: text[i]! }], i + 1);
          const incremental = engine.analyze(uri);
          // A fresh scan per keystroke is slow; comparing every 7th and the last still meets each half-typed token kind.
          if (i % 7 !== 0 && i !== text.length - 1) continue;
          assert.deepEqual(plain(incremental), plain(engine.scanText(path, lang.languageId, engine.get(uri)!.text)), `${lang.languageId} at ${i}`);
        }
      } finally {
        engine.close(uri);
      }
    }
  });
});
