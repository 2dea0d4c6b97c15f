/**
 * A source written on a named request object (`req.query`) stops where that name is bound to a clean value; one
 * written on a metavariable receiver (`$E.entryName`) names an API, so a receiver bound to a call's result here
 * (`const entry = zip.getEntry(n)`) still reads it. Before, such a binding hid every archive entry of a loop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (text: string): string[] => handlerFindingIds(engine.scanText('/w/x.js', 'javascript', text, TAINT_ONLY));

describe('source receivers', () => {
  it('a metavariable receiver bound to a call result still reads the source', () => {
    const text = [
      "const fs = require('fs');",
      "const AdmZip = require('adm-zip');",
      'function one(file, name) {',
      '  const zip = new AdmZip(file);',
      '  const entry = zip.getEntry(name);',
      '  fs.writeFileSync(entry.entryName, entry.getData());',
      '}',
      'function all(file) {',
      '  for (const e of new AdmZip(file).getEntries()) fs.mkdirSync(e.entryName);',
      '}',
    ].join('\n');
    assert.deepEqual(ids(text), ['js.path-traversal.fs@5', 'js.path-traversal.fs@8']);
  });

  it('a request name bound to a clean value is not the request', () => {
    const text = [
      "const fs = require('fs');",
      "const app = require('express')();",
      "app.get('/f', (req, res) => {",
      "  res.send(fs.readFileSync(req.query.p));",
      "  req = { query: { p: 'index.html' } };",
      '  res.send(fs.readFileSync(req.query.p));',
      '});',
    ].join('\n');
    assert.deepEqual(ids(text), ['js.path-traversal.fs@3']);
  });
});
