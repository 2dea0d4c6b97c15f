/**
 * A handler that hands its whole request to a helper of the file (`run(rq)`, `self.load(request)`): the helper's
 * parameter at that position stands for the request, whatever it is called, through helpers calling helpers and
 * the closures inside them. A call passing anything else gives it nothing. The incremental result equals a fresh
 * scan when the call site is edited (the helper's unit key holds the aliases its callers give it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertEditsMatchFresh, handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (path: string, lang: string, text: string): string[] => handlerFindingIds(engine.scanText(path, lang, text, TAINT_ONLY));

const JS = [
  "const express = require('express');",
  "const { exec } = require('child_process');",
  'const app = express();',
  'function runTool(r) {',
  "  exec('tool ' + r.query.name);",
  '}',
  'function relay(q) {',
  '  [1].forEach(() => runTool(q));',
  '}',
  "app.get('/a', (rq, rs) => {",
  '  relay(rq);',
  "  rs.send('ok');",
  '});',
].join('\n');

describe('helpers given the request', () => {
  it('JavaScript: a helper reached through another helper and a callback reads the request', () => {
    assert.deepEqual(ids('/w/a.js', 'javascript', JS), ['js.cmdi.child-process@4']);
  });

  it('a call that passes something else gives the helper nothing', () => {
    assert.deepEqual(ids('/w/a.js', 'javascript', JS.replace('relay(rq);', 'relay({ query: { name: "x" } });')), []);
    // The parameter rebound by the callback: its `q` is not the helper's.
    assert.deepEqual(ids('/w/a.js', 'javascript', JS.replace('[1].forEach(() => runTool(q));', '[1].forEach((q) => runTool(q));')), []);
  });

  it('Python: Flask\'s imported request passed to a helper; a local of that name is not it', () => {
    const py = [
      'import subprocess',
      'from flask import Flask, request',
      'app = Flask(__name__)',
      'def _run(r):',
      '    subprocess.run("tool " + r.args["name"], shell=True)',
      '@app.route("/a")',
      'def a():',
      '    _run(request)',
      '    return "ok"',
    ].join('\n');
    assert.deepEqual(ids('/w/app.py', 'python', py), ['py.cmdi.subprocess-shell@4']);
    // A local named `request` that is not Flask's is no request.
    assert.deepEqual(ids('/w/app.py', 'python', py.replace('    _run(request)', '    request = {}\n    _run(request)').replace('from flask import Flask, request', 'from flask import Flask')), []);
  });

  it('edits of the call site add and drop the helper\'s alias as a fresh scan does', () => {
    const file = { uri: 'helpers:/w/b.js', path: '/w/b.js', lang: 'javascript' };
    const at = (line: number, s: string): number => JS.split('\n')[line]!.indexOf(s);
    assertEditsMatchFresh(engine, file, JS, [
      // `relay(rq)` -> `relay(rx)`: an unknown name, not the request.
      { line: 10, col: at(10, 'rq'), del: 2, ins: 'rx' },
      { line: 10, col: at(10, 'rq'), del: 2, ins: 'rq' },
      // The helper's own text edited: it keeps the alias.
      { line: 4, col: at(4, 'tool'), del: 4, ins: 'tool2' },
    ]);
    engine.open(file.uri, file.path, file.lang, JS, 1);
    try {
      assert.deepEqual(handlerFindingIds(engine.analyze(file.uri, TAINT_ONLY)), ['js.cmdi.child-process@4']);
      engine.change(file.uri, [{ range: { start: { line: 10, character: at(10, 'rq') }, end: { line: 10, character: at(10, 'rq') + 2 } }, text: 'rx' }], 2);
      assert.deepEqual(handlerFindingIds(engine.analyze(file.uri, TAINT_ONLY)), []);
    } finally {
      engine.close(file.uri);
    }
  });
});
