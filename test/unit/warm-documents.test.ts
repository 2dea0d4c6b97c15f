/**
 * Engine `warmDocuments`: only the most recently analysed documents keep their tree and incremental state; the
 * others keep their text and are analysed from scratch on their next run, with the same findings. A document
 * whose run is paused keeps its tree whatever else runs meanwhile.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
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
});
