/**
 * `parts.push(x)` / `parts.append(x)`: the list holds x from then on, read whole (`parts.join(" ")`); the indexes a
 * clean list literal had keep their own elements (`parts[0]`), unless the value went in at the front. Incremental
 * edits agree with fresh scans.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertEditsMatchFresh, handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (path: string, lang: string, text: string): string[] => handlerFindingIds(engine.scanText(path, lang, text, TAINT_ONLY));

const js = (read: string, add = 'push') =>
  ["const { exec } = require('child_process');", "const app = require('express')();", "app.get('/x', (req, res) => {", "  const cmd = ['ls', '-l'];", `  cmd.${add}(req.query.d);`, `  exec(${read});`, '});'].join('\n');

const py = (read: string, add = 'append(request.args["d"])') =>
  ['import os', 'from flask import Flask, request', 'app = Flask(__name__)', '@app.route("/x")', 'def x():', '    cmd = ["ls", "-l"]', `    cmd.${add}`, `    os.system(${read})`].join('\n');

describe('values appended to a list', () => {
  it('JavaScript: the joined array holds the pushed value; the literal\'s own index does not; unshift moves every index', () => {
    assert.deepEqual(ids('/w/a.js', 'javascript', js("cmd.join(' ')")), ['js.cmdi.child-process@5']);
    assert.deepEqual(ids('/w/a.js', 'javascript', js("cmd[0] + ' x'")), []);
    assert.deepEqual(ids('/w/a.js', 'javascript', js("cmd[2] + ' x'")), ['js.cmdi.child-process@5']);
    assert.deepEqual(ids('/w/a.js', 'javascript', js("cmd[0] + ' x'", 'unshift')), ['js.cmdi.child-process@5']);
  });

  it('Python: append, extend and add; insert moves every index', () => {
    assert.deepEqual(ids('/w/a.py', 'python', py('" ".join(cmd)')), ['py.cmdi.subprocess-shell@7']);
    assert.deepEqual(ids('/w/a.py', 'python', py('" ".join(cmd)', 'extend(request.args.getlist("d"))')), ['py.cmdi.subprocess-shell@7']);
    assert.deepEqual(ids('/w/a.py', 'python', py('cmd[1]')), []);
    assert.deepEqual(ids('/w/a.py', 'python', py('cmd[1]', 'insert(0, request.args["d"])')), ['py.cmdi.subprocess-shell@7']);
  });

  it('edits of the append and of the read match fresh scans', () => {
    const text = py('" ".join(cmd)');
    const line6 = text.split('\n')[6]!;
    assertEditsMatchFresh(engine, { uri: 'append:/w/b.py', path: '/w/b.py', lang: 'python' }, text, [
      { line: 6, col: line6.indexOf('append'), del: 'append'.length, ins: 'count' },
      { line: 6, col: line6.indexOf('count'), del: 'count'.length, ins: 'append' },
      { line: 7, col: text.split('\n')[7]!.indexOf('" ".join(cmd)'), del: '" ".join(cmd)'.length, ins: 'cmd[0]' },
    ]);
  });
});
