/**
 * Go switch, type switch and select statements are statements with cases, each a path of its own: before, their
 * cases were read as one expression, so an `if` inside a case assigned unconditionally (hiding the path where it
 * does not run) and a type switch's `v := x.(type)` bound nothing. In Go and JavaScript a case on constants holds
 * only those values of the subject, unless a case that is not on constants falls into it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (text: string): string[] => handlerFindingIds(engine.scanText('/w/x.go', 'go', text, TAINT_ONLY));
const jsIds = (text: string): string[] => handlerFindingIds(engine.scanText('/w/x.js', 'javascript', text, TAINT_ONLY));
const handler = (...body: string[]): string =>
  ['package main', 'import (', '\t"net/http"', '\t"os/exec"', ')', 'func h(w http.ResponseWriter, r *http.Request) {', ...body, '}'].join('\n');

describe('Go switch cases', () => {
  it('an if inside a case joins the path where it did not run', () => {
    const text = handler(
      '\tswitch r.Method {',
      '\tcase "POST":',
      '\t\tname := r.FormValue("n")',
      '\t\tif name == "" {',
      '\t\t\tname = "ls"',
      '\t\t}',
      '\t\texec.Command(name).Run()',
      '\t}',
    );
    assert.deepEqual(ids(text), ['go.cmdi.exec@12']);
  });

  it("a type switch binds its name to the subject's value in every case", () => {
    const text = handler(
      '\tvar v interface{} = r.FormValue("v")',
      '\tswitch s := v.(type) {',
      '\tcase string:',
      '\t\texec.Command(s).Run()',
      '\t}',
    );
    assert.deepEqual(ids(text), ['go.cmdi.exec@9']);
  });

  it('a case on constants cleans its subject, not one fallen into from a case on input', () => {
    const text = [
      "const { exec } = require('child_process');",
      "const app = require('express')();",
      "app.get('/s', (req, res) => {",
      '  const o = req.query.o;',
      '  switch (o) {',
      "    case 'a':",
      "      exec('x ' + o);",
      '      break;',
      '    case req.query.p:',
      "      exec('y');",
      "    case 'b':",
      "      exec('z ' + o);",
      '  }',
      '});',
    ].join('\n');
    assert.deepEqual(jsIds(text), ['js.cmdi.child-process@11']);
  });

  it('a Go case on constants cleans its subject, and a fallthrough from one keeps it clean', () => {
    const text = handler(
      '\tname := r.FormValue("n")',
      '\tswitch name {',
      '\tcase "a", "b":',
      '\t\texec.Command(name).Run()',
      '\t\tfallthrough',
      '\tcase "c":',
      '\t\texec.Command(name).Run()',
      '\tdefault:',
      '\t\texec.Command(name).Run()',
      '\t}',
    );
    assert.deepEqual(ids(text), ['go.cmdi.exec@14']);
  });

  it("a declaration inside a case is read (JavaScript's `let`, Java's locals)", () => {
    const text = [
      "const { exec } = require('child_process');",
      "const app = require('express')();",
      "app.get('/s', (req, res) => {",
      '  switch (req.query.k) {',
      "    case 'one':",
      '      let y = req.query.a;',
      "      if (req.query.z) y = 'safe';",
      "      exec('run ' + y);",
      '  }',
      '});',
    ].join('\n');
    assert.deepEqual(jsIds(text), ['js.cmdi.child-process@7']);
  });
});
