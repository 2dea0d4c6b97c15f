/**
 * Engine.analyzeSteps, the stepped analysis the language server interleaves: runs of several documents paused
 * and resumed in turn give what a plain `analyze` gives; a run whose document changed or closed while it was
 * paused stops (undefined) without touching its tree, and the next run still equals a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import type { AnalysisResult } from '../../server/src/engine/types';

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
});
after(() => engine.dispose());

const DOCS = [
  { uri: 'mem:a.js', path: '/ws/a.js', languageId: 'javascript', text: generateFile('javascript', 400, 1).text },
  { uri: 'mem:b.py', path: '/ws/b.py', languageId: 'python', text: generateFile('python', 400, 2).text },
  { uri: 'mem:c.ts', path: '/ws/c.ts', languageId: 'typescript', text: generateFile('typescript', 400, 3).text },
];

const plain = (r: AnalysisResult | undefined) => JSON.parse(JSON.stringify(r)) as unknown;

describe('stepped analysis', () => {
  it('runs of three documents resumed in turn, one step each, equal plain scans', () => {
    const expected = DOCS.map((d) => plain(engine.scanText(d.path, d.languageId, d.text)));
    for (const d of DOCS) engine.open(d.uri, d.path, d.languageId, d.text, 1);
    try {
      const runs = DOCS.map((d) => engine.analyzeSteps(d.uri));
      const results: (AnalysisResult | undefined)[] = [];
      let pauses = 0;
      for (let live = runs.length; live > 0; ) {
        live = 0;
        runs.forEach((g, i) => {
          if (i in results) return;
          const r = g.next();
          if (r.done) results[i] = r.value;
          else {
            pauses++;
            live++;
          }
        });
      }
      assert.ok(pauses > 3, `the runs paused (${pauses} pauses)`);
      assert.deepEqual(results.map(plain), expected);
    } finally {
      for (const d of DOCS) engine.close(d.uri);
    }
  });

  it('a run paused across an edit of its document stops, and the next run equals a fresh scan of the new text', () => {
    const d = DOCS[0]!;
    engine.open(d.uri, d.path, d.languageId, d.text, 1);
    try {
      const run = engine.analyzeSteps(d.uri);
      assert.equal(run.next().done, false, 'paused');
      engine.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'const x = 1;\n' }], 2);
      const r = run.next();
      assert.deepEqual([r.done, r.value], [true, undefined]);
      assert.deepEqual(plain(engine.analyze(d.uri)), plain(engine.scanText(d.path, d.languageId, `const x = 1;\n${d.text}`)));
    } finally {
      engine.close(d.uri);
    }
  });

  it('a run created before an edit and started after it stops at once (its result would carry the old version)', () => {
    const d = DOCS[2]!;
    engine.open(d.uri, d.path, d.languageId, d.text, 1);
    try {
      const run = engine.analyzeSteps(d.uri);
      engine.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }], 2);
      assert.deepEqual(run.next(), { done: true, value: undefined });
    } finally {
      engine.close(d.uri);
    }
  });

  it('a run paused across the close of its document stops; one abandoned by its host leaves the session valid', () => {
    const d = DOCS[1]!;
    engine.open(d.uri, d.path, d.languageId, d.text, 1);
    const run = engine.analyzeSteps(d.uri);
    assert.equal(run.next().done, false);
    engine.close(d.uri);
    assert.deepEqual(run.next(), { done: true, value: undefined });

    engine.open(d.uri, d.path, d.languageId, d.text, 1);
    try {
      const abandoned = engine.analyzeSteps(d.uri);
      abandoned.next();
      abandoned.next();
      abandoned.return(undefined);
      assert.deepEqual(plain(engine.analyze(d.uri)), plain(engine.scanText(d.path, d.languageId, d.text)));
    } finally {
      engine.close(d.uri);
    }
  });

  it('hands the fast packs\' findings over and pauses before the taint pack starts, so a host can send them first', async () => {
    const analyzers = createAnalyzers().analyzers;
    const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer)!;
    const own = await Engine.create({ analyzers });
    try {
      const d = DOCS[0]!;
      own.open(d.uri, d.path, d.languageId, d.text, 1);
      let partial: AnalysisResult | undefined;
      const run = own.analyzeSteps(d.uri, undefined, undefined, (p) => (partial = p));
      const before = { ...taint.stats };
      assert.equal(run.next().done, false);
      assert.ok(partial, 'the partial result was handed over in the first step');
      // The host sends it when the step returns: any taint work done in the same step would delay it.
      assert.deepEqual(taint.stats, before, 'no taint work in the step that handed over the partial');
      let r = run.next();
      while (!r.done) r = run.next();
      assert.notDeepEqual(taint.stats, before, 'the taint pack ran after the pause');
    } finally {
      own.dispose();
    }
  });
});
