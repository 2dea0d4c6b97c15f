/**
 * A predicate (a function whose every truthy return checks a parameter by the pass's guards) checks its argument
 * where the call is true, in an if, a refusal or a conditional's arm; a conditional's condition checks its arms. Edits
 * of the predicate re-decide its callers as a fresh scan does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertEditsMatchFresh, handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (text: string): string[] => handlerFindingIds(engine.scanText('/w/a.js', 'javascript', text, TAINT_ONLY));

const JS = [
  "const app = require('express')();",
  'function isLocal(p) {',
  "  return p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\\\');",
  '}',
  "app.get('/a', (req, res) => {",
  '  const n = String(req.query.next);',
  "  res.redirect(isLocal(n) ? n : '/');",
  '});',
  "app.get('/b', (req, res) => {",
  '  const n = String(req.query.next);',
  "  if (!isLocal(n)) return res.redirect('/');",
  '  res.redirect(n);',
  '});',
].join('\n');

describe('predicates and conditional arms', () => {
  it('a predicate checks its argument in a conditional arm and after a refusal', () => {
    assert.deepEqual(ids(JS), []);
  });

  it('a predicate that can be true unchecked checks nothing', () => {
    const loose = JS.replace("  return p.startsWith('/')", "  if (p.length > 3) return true;\n  return p.startsWith('/')");
    assert.deepEqual(ids(loose), ['js.open-redirect.redirect@7', 'js.open-redirect.redirect@12']);
  });

  it("a conditional's own check holds in the arm it picks", () => {
    const inline = JS.replace("isLocal(n) ? n : '/'", "n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\\\') ? n : '/'");
    assert.deepEqual(ids(inline), []);
    const wrongArm = JS.replace("isLocal(n) ? n : '/'", "isLocal(n) ? '/' : n");
    assert.deepEqual(ids(wrongArm), ['js.open-redirect.redirect@6']);
  });

  it("edits of the predicate's check match fresh scans", () => {
    const line = JS.split('\n')[2]!;
    assertEditsMatchFresh(engine, { uri: 'pred:/w/b.js', path: '/w/b.js', lang: 'javascript' }, JS, [
      { line: 2, col: line.indexOf(" && !p.startsWith('//')"), del: " && !p.startsWith('//')".length, ins: '' },
      { line: 2, col: line.indexOf(" && !p.startsWith('//')"), del: 0, ins: " && !p.startsWith('//')" },
    ]);
  });
});
