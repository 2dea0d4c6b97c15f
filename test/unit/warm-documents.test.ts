/**
 * Engine `warmDocuments`: only the most recently analysed documents keep their tree and incremental state; the
 * others keep their text and are analysed from scratch on their next run, with the same findings. A document
 * whose run is paused keeps its tree whatever else runs meanwhile.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine, WarmDocuments } from '../../server/src/engine/engine';
import type { AnalysisResult } from '../../server/src/engine/types';

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers().analyzers, warmDocuments: 2 });
});
after(() => engine.dispose());

const LANGS = ['javascript', 'python', 'typescript'] as const;
const EXT = { javascript: 'js', python: 'py', typescript: 'ts' } as const;
const DOCS = [0, 1, 2, 3, 4].map((i) => {
  const lang = LANGS[i % 3]!;
  return { uri: `mem:d${i}.${EXT[lang]}`, path: `/ws/d${i}.${EXT[lang]}`, languageId: lang, text: generateFile(lang, 300, 40 + i).text };
});
const plain = (r: AnalysisResult | undefined) => JSON.parse(JSON.stringify(r)) as unknown;

describe('warm documents', () => {
  it('keeps trees and sessions for the two most recently analysed documents only', () => {
    for (const d of DOCS) {
      engine.open(d.uri, d.path, d.languageId, d.text, 1);
      engine.analyze(d.uri);
    }
    assert.equal(engine.openCount, 5);
    assert.equal(engine.warmCount, 2);
    for (const d of DOCS) engine.close(d.uri);
  });

  it('keeps at most `unedited` never-edited documents warm, and edited ones up to the limit', () => {
    const warm = new WarmDocuments(3, 1);
    const e = Engine.withGrammars(engine.grammars, createAnalyzers().analyzers, warm);
    try {
      for (const d of DOCS) {
        e.open(d.uri, d.path, d.languageId, d.text, 1);
        e.analyze(d.uri);
      }
      assert.equal(e.warmCount, 1, 'five opened and analysed, none edited: one stays warm');
      const line = '// edited\n';
      const edit = (i: number) => {
        const d = DOCS[i]!;
        e.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: line }], 2);
        const got = plain(e.analyze(d.uri));
        // A fresh scan in another engine: a scan in `e` would itself take a warm place while it runs.
        assert.deepEqual(got, plain(engine.scanText(d.path, d.languageId, line + d.text)));
      };
      edit(0);
      edit(1);
      assert.equal(e.warmCount, 3, 'the two edited ones and the most recent unedited one');
      edit(2);
      edit(3);
      assert.equal(e.warmCount, 3, 'the limit holds: the three most recently edited');
    } finally {
      e.dispose();
    }
  });

  it('a cooled document edited later gives what a fresh scan of its new text gives', () => {
    for (const d of DOCS) engine.open(d.uri, d.path, d.languageId, d.text, 1);
    for (const d of DOCS) engine.analyze(d.uri);
    // d0 is cold now; edit it (insert a vulnerable line at the top) and analyse.
    const d = DOCS[0]!;
    const line = "const cp = require('child_process'); require('express')().get('/x', (req) => cp.exec(req.query.c));\n";
    engine.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: line }], 2);
    const got = plain(engine.analyze(d.uri));
    assert.deepEqual(got, plain(engine.scanText(d.path, d.languageId, line + d.text)));
    assert.ok(JSON.stringify(got).includes('command'), 'the new flow is found');
    for (const x of DOCS) engine.close(x.uri);
  });

  it('never cools a document whose run is paused', () => {
    for (const d of DOCS) engine.open(d.uri, d.path, d.languageId, d.text, 1);
    const first = DOCS[0]!;
    const run = engine.analyzeSteps(first.uri);
    let r = run.next();
    assert.equal(r.done, false, 'the run pauses at least once');
    // Four other documents finish their runs meanwhile, with room for two warm ones.
    for (const d of DOCS.slice(1)) engine.analyze(d.uri);
    while (!r.done) r = run.next();
    assert.deepEqual(plain(r.value), plain(engine.scanText(first.path, first.languageId, first.text)));
    for (const x of DOCS) engine.close(x.uri);
  });
  it('engines sharing one WarmDocuments keep that many warm between them, and cold documents still match a fresh scan', () => {
    const warm = new WarmDocuments(2);
    const a = Engine.withGrammars(engine.grammars, createAnalyzers().analyzers, warm);
    const b = Engine.withGrammars(engine.grammars, createAnalyzers().analyzers, warm);
    try {
      const texts = new Map(DOCS.map((d) => [d.uri, d.text]));
      const at = (i: number) => (i % 2 === 0 ? a : b);
      DOCS.forEach((d, i) => at(i).open(d.uri, d.path, d.languageId, d.text, 1));
      DOCS.forEach((d, i) => at(i).analyze(d.uri));
      assert.equal(warm.count, 2);
      assert.equal(a.warmCount + b.warmCount, 2);
      // Every document edited twice, round-robin, so each run finds it cold (evicted) or warm in turn.
      const line = "const cp = require('child_process'); require('express')().get('/x', (req) => cp.exec(req.query.c));\n";
      for (let round = 0; round < 2; round++) {
        DOCS.forEach((d, i) => {
          const e = at(i);
          e.change(d.uri, [{ range: { start: { line: round, character: 0 }, end: { line: round, character: 0 } }, text: line }], round + 2);
          const t = texts.get(d.uri)!;
          const lines = t.split('\n');
          lines.splice(round, 0, line.slice(0, -1));
          texts.set(d.uri, lines.join('\n'));
          assert.deepEqual(plain(e.analyze(d.uri)), plain(engine.scanText(d.path, d.languageId, texts.get(d.uri)!)), `${d.uri} round ${round}`);
          assert.ok(warm.count <= 2);
        });
      }
    } finally {
      a.dispose();
      b.dispose();
    }
    assert.equal(warm.count, 0);
  });
});
