/**
 * Go switch, type switch and select statements are statements with cases, each a path of its own: before, their
 * cases were read as one expression, so an `if` inside a case assigned unconditionally (hiding the path where it
 * does not run) and a type switch's `v := x.(type)` bound nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (text: string): string[] => handlerFindingIds(engine.scanText('/w/x.go', 'go', text, TAINT_ONLY));
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
});
