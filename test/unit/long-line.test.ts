/**
 * Issue 17: one very long line (a minified bundle). The taint pack costs about 20 µs of dataflow per character of
 * such a line, so its counted work budget (reached at about 2 MB) meant 30-40 s on one file. Over a line length
 * the taint pack (taint and pattern rules) does not parse or walk the file and says so with a "minified" notice;
 * the other packs still run. Bounded by construction: the decision is made on the line lengths before the
 * tree is asked for, and the counted work is zero.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adversarialInput } from '../../bench/corpus/adversarial-inputs';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_MAX_CODE_LINE, type TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

let engine: Engine;
let taint: TaintAnalyzer;
const settings = { ...DEFAULT_SETTINGS, maxFileSize: 50_000_000 };

before(async () => {
  const setup = createAnalyzers();
  assert.deepEqual(setup.errors, []);
  taint = setup.analyzers.find((a) => a.pack === 'taint') as TaintAnalyzer;
  engine = await Engine.create({ analyzers: setup.analyzers });
});
after(() => engine.dispose());

/** A line of `n` characters with a command injection flow in it (JavaScript). */
function flowLine(n: number): string {
  const flow = "app.get('/r',function(q,s){cp.exec('ls '+q.query.d,function(){s.end()})});";
  const head = "var app=require('express')(),cp=require('child_process');";
  return head + flow + ' '.repeat(n - head.length - flow.length);
}

describe('a line over the taint pack\'s line-length limit', () => {
  it('the bench bundle (one line over the limit): no parse, no dataflow work, a "minified" notice', () => {
    const bundle = adversarialInput('long-line', DEFAULT_MAX_CODE_LINE + 50_000).text;
    const doc = engine.open('bundle', '/ws/bundle.js', 'javascript', bundle);
    try {
      taint.lastRunWork = -1;
      const r = engine.analyze('bundle', settings);
      const notice = r.notices.find((n) => n.reason === 'minified');
      assert.ok(notice, JSON.stringify(r.notices));
      assert.match(notice.message, /line 1 is /);
      assert.match(notice.message, /100,000/);
      assert.ok(!r.notices.some((n) => n.reason === 'analysis-budget' || n.reason === 'analyzer-error'));
      assert.equal(taint.lastRunWork, 0, 'the taint dataflow did no work');
      assert.equal(doc.hasTree, false, 'the file was never parsed');
      assert.deepEqual(r.findings, []);
    } finally {
      engine.close('bundle');
    }
  });

  it('the limit is on one line, not the file: a line at the limit is analysed, one character more is not', () => {
    const saved = taint.maxLineLength;
    taint.maxLineLength = 2_000;
    try {
      const at = engine.scanText('/ws/at.js', 'javascript', `${flowLine(2_000)}\n`, settings);
      assert.deepEqual(at.notices, []);
      assert.ok(at.findings.some((f) => f.pack === 'taint'), 'the flow on a line at the limit is found');
      // Many lines at the limit: the file is far over it, each line is not.
      const many = engine.scanText('/ws/many.js', 'javascript', `${flowLine(2_000)}\n`.repeat(20), settings);
      assert.deepEqual(many.notices, []);
      const over = engine.scanText('/ws/over.js', 'javascript', `${flowLine(2_001)}\n`, settings);
      assert.deepEqual(over.notices.map((n) => n.reason), ['minified']);
      assert.deepEqual(over.findings, []);
      // CRLF and lone CR end lines too.
      const cr = engine.scanText('/ws/cr.js', 'javascript', `${flowLine(2_000)}\r${flowLine(2_000)}\r\n`, settings);
      assert.deepEqual(cr.notices, []);
    } finally {
      taint.maxLineLength = saved;
    }
  });

  it('cross-file summaries (the workspace scan\'s first pass) of such a file are empty, without a parse', () => {
    const bundle = adversarialInput('long-line', DEFAULT_MAX_CODE_LINE + 50_000).text;
    const doc = engine.open('summary', '/ws/lib.js', 'javascript', `${bundle}module.exports = { run: function (x) { require('child_process').exec(x) } };\n`);
    try {
      taint.lastRunWork = -1;
      assert.deepEqual(taint.summarizeExports(doc), []);
      assert.equal(doc.hasTree, false);
    } finally {
      engine.close('summary');
    }
  });
});
