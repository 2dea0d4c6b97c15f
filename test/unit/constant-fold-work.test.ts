/**
 * Work of the constant folder, by deterministic counters (`foldCounters`), never by time: a function's names are
 * read for their one definition once per tree, whatever the number of passes and names asking; and an edit's new
 * tree is read again, so a folded condition follows the edit (the findings equal a fresh scan's).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { foldCounters } from '../../server/src/engine/taint/lang/constant-folding';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: [createTaintAnalyzer().analyzer] });
});
after(() => engine.dispose());

// One handler, sinks of several rules (so several passes), conditions reading five local constants.
const JS = (x: number): string => `const express = require('express');
const { exec } = require('child_process');
const app = express();

app.get('/a', (req, res) => {
  const x = ${x};
  const a = 1;
  const b = 'on';
  const c = true;
  const d = 0;
  let cmd = 'ls';
  let page = '<p>hi</p>';
  let where = '/';
  if (x * 2 > 200) cmd = req.query.c;
  if (a > 2 && b === 'off') page = req.query.p;
  if (!c || d) where = req.query.w;
  exec(cmd);
  res.send(page);
  res.redirect(where);
  db.query('SELECT * FROM t WHERE id = ' + (x > 100 ? req.query.id : 1));
});
`;

const PY = (x: number): string => `import os
from flask import Flask, request, redirect

app = Flask(__name__)

@app.route("/a")
def view():
    x = ${x}
    a = 1
    b = "on"
    c = True
    cmd = "ls"
    where = "/"
    if x * 2 > 200:
        cmd = request.args["c"]
    if not c or (a > 2 and b == "off"):
        where = request.args["w"]
    os.system(cmd)
    cursor.execute("SELECT * FROM t WHERE id = " + (request.args["id"] if x > 100 else "1"))
    return redirect(where)
`;

const ids = (r: { findings: { ruleId: string; range: { start: { line: number } } }[] }): string[] =>
  r.findings.map((f) => `${f.ruleId}:${f.range.start.line}`).sort();

for (const [lang, path, text] of [['javascript', '/w/a.js', JS], ['python', '/w/a.py', PY]] as const) {
  describe(`constant folder work (${lang})`, () => {
    it("reads a function's names once per tree, not once per pass and name", () => {
      const f0 = { ...foldCounters };
      const r = engine.scanText(path, lang, text(86), settings);
      const walks = foldCounters.defWalks - f0.defWalks;
      const folds = foldCounters.truthCalls - f0.truthCalls;
      // The conditions were folded in more than one pass (four conditions; rules whose word filters differ run
      // apart, so more folds than conditions)...
      assert.ok(folds > 4, `conditions folded: ${folds}`);
      // ...but the handler (the one function reading a name) was read once.
      assert.equal(walks, 1);
      // Every condition folds false: no flow reaches a sink.
      assert.deepEqual(ids(r), []);
    });

    it('reads the new tree after an edit: the findings equal a fresh scan of the edited text', () => {
      const uri = `mem:${path}`;
      engine.open(uri, path, lang, text(86), 1);
      try {
        assert.deepEqual(ids(engine.analyze(uri, settings)), []);
        // x = 86 -> x = 186: `x * 2 > 200` and `x > 100` now hold.
        const line = text(86).split('\n').findIndex((l) => /x = 86/.test(l));
        const col = text(86).split('\n')[line]!.indexOf('86');
        engine.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: '1' }], 2);
        const edited = ids(engine.analyze(uri, settings));
        const fresh = ids(engine.scanText(`${path}.fresh`, lang, text(186), settings));
        assert.ok(edited.length >= 2, `findings after the edit: ${edited.join(', ')}`);
        assert.deepEqual(edited, fresh);
        // And back: the condition folds false again.
        engine.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' }], 3);
        assert.deepEqual(ids(engine.analyze(uri, settings)), []);
      } finally {
        engine.close(uri);
      }
    });
  });
}
