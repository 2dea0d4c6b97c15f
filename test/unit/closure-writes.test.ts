/**
 * A nested function's assignment to a variable of the function around it (`req.on('data', c => { body += c })`,
 * Go's `go func() { cmd = v }()`) reaches that variable where the nested function is defined (a weak update: it may
 * not have run yet); a variable the nested function declares itself, or Python's local without `nonlocal`, does
 * not. The enclosing function's result depends on the nested one's: an edit of the callback alone changes it, and
 * the incremental result equals a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (path: string, lang: string, text: string): string[] => handlerFindingIds(engine.scanText(path, lang, text, TAINT_ONLY));

const JS = [
  "const { exec } = require('child_process');",
  "const app = require('express')();",
  "app.get('/x', (req, res) => {",
  "  let cmd = 'uptime';",
  '  [1].forEach(() => { cmd = req.query.cmd; });',
  '  exec(cmd);',
  '});',
].join('\n');

describe('closure writes', () => {
  it('JavaScript: a callback assigning the enclosing variable taints it; one declaring its own does not', () => {
    assert.deepEqual(ids('/w/a.js', 'javascript', JS), ['js.cmdi.child-process@5']);
    assert.deepEqual(ids('/w/a.js', 'javascript', JS.replace('{ cmd = req', '{ const cmd = req')), []);
  });

  it('the trace says where the callback stored the value', () => {
    const f = engine.scanText('/w/a.js', 'javascript', JS, TAINT_ONLY).findings.find((x) => x.ruleId === 'js.cmdi.child-process');
    assert.ok(f?.trace?.some((s) => s.message === 'assigned to cmd in a callback'), JSON.stringify(f?.trace));
  });

  it('Go: `=` in a function literal sets the enclosing variable, `:=` declares its own', () => {
    const go = (assign: string) => [
      'package p',
      'import ("net/http"; "os/exec")',
      'func h(w http.ResponseWriter, r *http.Request) {',
      '\tcmd := "uptime"',
      '\tv := r.FormValue("c")',
      `\tgo func() { cmd ${assign} v; _ = cmd }()`,
      '\texec.Command(cmd).Run()',
      '}',
    ].join('\n');
    assert.deepEqual(ids('/w/a.go', 'go', go('=')), ['go.cmdi.exec@6']);
    assert.deepEqual(ids('/w/a.go', 'go', go(':=')), []);
  });

  it('Python: an assignment in a nested def is its own local', () => {
    const py = ['import subprocess', 'from flask import Flask, request', 'app = Flask(__name__)', "@app.route('/x')", 'def x():', "    cmd = 'uptime'", '    def pick():', "        cmd = request.args['c']", '    pick()', '    subprocess.call(cmd, shell=True)'].join('\n');
    assert.deepEqual(ids('/w/a.py', 'python', py), []);
  });

  it('an edit inside the callback alone re-decides the enclosing function, as a fresh scan does', () => {
    const uri = 'closure:/w/b.js';
    engine.open(uri, '/w/b.js', 'javascript', JS, 1);
    try {
      const found = (r: { findings: { ruleId: string }[] }) => r.findings.filter((f) => f.ruleId === 'js.cmdi.child-process').length;
      assert.equal(found(engine.analyze(uri, TAINT_ONLY)), 1);
      // `req.query.cmd` -> `'whoami'`: only the callback's text changes.
      const line = 4;
      const start = JS.split('\n')[line]!.indexOf('req.query.cmd');
      engine.change(uri, [{ range: { start: { line, character: start }, end: { line, character: start + 'req.query.cmd'.length } }, text: "'whoami'" }], 2);
      const after = engine.analyze(uri, TAINT_ONLY);
      assert.equal(found(after), 0);
      assert.deepEqual(after.findings, engine.scanText('/w/b.js', 'javascript', engine.get(uri)!.text, TAINT_ONLY).findings);
      engine.change(uri, [{ range: { start: { line, character: start }, end: { line, character: start + "'whoami'".length } }, text: 'req.query.cmd' }], 3);
      assert.equal(found(engine.analyze(uri, TAINT_ONLY)), 1);
    } finally {
      engine.close(uri);
    }
  });
});
