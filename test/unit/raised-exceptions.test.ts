/**
 * Exceptions carry what they were raised with to the handler that catches them (`Summary.paramRaises`, the try
 * statement's `caught` targets). These tests check the flow's trace, and that edits changing what a function raises
 * (in the callee, not the caller) change the caller's findings as a fresh scan does: the summary's raises are part
 * of the signature the caller's dependency records. Across files, through the scan pool: a validator another module
 * exports (its export summary carries what it raises).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { walkFiles } from '../../server/src/engine/scan/file-walker';
import { scratchWorkspace } from './cli-helpers';
import { scanFiles } from '../../server/src/engine/scan/scan-pool';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { assertEditsMatchFresh, TAINT_ONLY, taintTestEngine } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

/** The callees' raise and throw lines of PY and JS, and the same lines raising a constant message instead. */
const PY_RAISE = '        raise ValueError("invalid: %r" % (value,))';
const PY_RAISE_CONSTANT = '        raise ValueError("invalid")';
const JS_THROW = '  if (!/^[a-z]+$/.test(value)) throw new Error(`bad sort ${value}`);';
const JS_THROW_CONSTANT = "  if (!/^[a-z]+$/.test(value)) throw new Error('bad sort');";

const PY = [
  'from django.http import HttpResponse, HttpResponseBadRequest',
  '',
  '',
  'def identifier(value):',
  '    if not value.isidentifier():',
  PY_RAISE,
  '    return value',
  '',
  '',
  'def search(request):',
  '    try:',
  '        identifier(request.GET["q"])',
  '    except ValueError as e:',
  '        return HttpResponseBadRequest(str(e))',
  '    return HttpResponse("ok")',
  '',
].join('\n');

const JS = [
  "const express = require('express');",
  'const app = express();',
  '',
  'function sortKey(value) {',
  JS_THROW,
  '  return value;',
  '}',
  '',
  "app.get('/list', (req, res) => {",
  '  try {',
  '    sortKey(req.query.sort);',
  "    res.send('ok');",
  '  } catch (e) {',
  '    res.status(400).send(e.message);',
  '  }',
  '});',
  '',
].join('\n');

describe('raised exceptions: a handler reads what its try body raised', () => {
  it('Python: the trace goes through the callee raise to the except target', () => {
    const r = engine.scanText('/raise/app.py', 'python', PY, TAINT_ONLY);
    const xss = r.findings.filter((f) => f.ruleId === 'py.xss.html-response');
    assert.equal(xss.length, 1);
    assert.equal(xss[0]!.range.start.line, 13);
    assert.deepEqual(
      (xss[0]!.trace ?? []).map((s) => [s.message, s.range.start.line]),
      [
        ['request.GET["q"] is user input', 11],
        ['passed to identifier()', 11],
        ['flows into value', 3],
        ['raised', 5],
        ['flows into e', 12],
        ['reaches HttpResponseBadRequest', 13],
      ],
    );
  });

  it('JavaScript: a thrown Error made with the parameter reaches the catch', () => {
    const r = engine.scanText('/raise/app.js', 'javascript', JS, TAINT_ONLY);
    const xss = r.findings.filter((f) => f.ruleId === 'js.xss.server-response');
    assert.deepEqual(xss.map((f) => f.range.start.line), [13]);
    assert.ok((xss[0]!.trace ?? []).some((s) => s.message === 'raised' && s.range.start.line === 4));
  });

  it('edits to what the callee raises change the caller as a fresh scan does', () => {
    // The callee's raise made constant, back, its handler's target renamed, and the raise moved out of the try.
    const py = { uri: 'raise-edits:/raise/app.py', path: '/raise/app.py', lang: 'python' };
    assertEditsMatchFresh(engine, py, PY, [
      { line: 5, col: 0, del: PY_RAISE.length, ins: PY_RAISE_CONSTANT },
      { line: 5, col: 0, del: PY_RAISE_CONSTANT.length, ins: PY_RAISE },
      { line: 12, col: '    except ValueError as '.length, del: 1, ins: 'err' },
      { line: 12, col: '    except ValueError as '.length, del: 3, ins: 'e' },
      { line: 10, col: 0, del: 0, ins: '    identifier(request.GET["q"])\n' },
    ]);
    const js = { uri: 'raise-edits:/raise/app.js', path: '/raise/app.js', lang: 'javascript' };
    assertEditsMatchFresh(engine, js, JS, [
      { line: 4, col: 0, del: JS_THROW.length, ins: JS_THROW_CONSTANT },
      { line: 4, col: 0, del: JS_THROW_CONSTANT.length, ins: JS_THROW },
      { line: 12, col: '  } catch ('.length, del: 1, ins: 'err' },
    ]);
  });

  it('the edits above do change the findings (the comparison is not vacuous)', () => {
    const count = (text: string, lang: string, path: string): number => engine.scanText(path, lang, text, TAINT_ONLY).findings.filter((f) => f.ruleId.includes('xss')).length;
    assert.equal(count(PY, 'python', '/raise/app.py'), 1);
    assert.equal(count(PY.replace(PY_RAISE, PY_RAISE_CONSTANT), 'python', '/raise/app.py'), 0);
    assert.equal(count(JS, 'javascript', '/raise/app.js'), 1);
    assert.equal(count(JS.replace(JS_THROW, JS_THROW_CONSTANT), 'javascript', '/raise/app.js'), 0);
  });
});

const workspace = (files: Record<string, string>): string => scratchWorkspace('raises', files);

/** `file:line` (1-based) of each XSS finding of a workspace scan, with cross-file summaries on or off. */
async function xssFindings(dir: string, crossFile: boolean): Promise<string[]> {
  const run = await scanFiles(walkFiles([{ root: dir }]).files, DEFAULT_SETTINGS, { jobs: 1, crossFile });
  assert.deepEqual(run.failed, []);
  return run.results.flatMap((r) => r.findings.filter((f) => f.ruleId.includes('.xss.')).map((f) => `${r.file.relPath}:${f.range.start.line + 1}`)).sort();
}

describe('raised exceptions across files: a validator another module exports', () => {
  it('Python: the view catches what the imported validator raised', async () => {
    const dir = workspace({
      'app/validators.py': ['def identifier(value):', '    if not value.isidentifier():', PY_RAISE, '    return value', ''].join('\n'),
      'app/views.py': PY.replace(`\n\ndef identifier(value):\n    if not value.isidentifier():\n${PY_RAISE}\n    return value\n`, '\nfrom .validators import identifier\n'),
    });
    assert.deepEqual(await xssFindings(dir, true), ['app/views.py:10']);
    assert.deepEqual(await xssFindings(dir, false), []);
  });

  it('JavaScript: the route catches what the required helper threw', async () => {
    const dir = workspace({
      'lib/sort.js': ['function sortKey(value) {', JS_THROW, '  return value;', '}', 'module.exports = { sortKey };', ''].join('\n'),
      'routes.js': JS.replace(/function sortKey[\s\S]*?\n}\n/, "const { sortKey } = require('./lib/sort');\n"),
    });
    assert.deepEqual(await xssFindings(dir, true), ['routes.js:11']);
    assert.deepEqual(await xssFindings(dir, false), []);
  });
});
