/**
 * Taint findings in test code (a library's test server, a test's made-up token) and vendored code: reported at low
 * severity with the reason in the message, judged by the path inside the workspace root (`classifyPath`, as secrets
 * do); not hidden.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/types';
import { TAINT_ONLY, taintTestEngine } from './taint-test-engine';

let engine: Engine;
before(async () => {
  engine = (await taintTestEngine()).engine;
});
after(() => engine.dispose());

const JS_ECHO = `const express = require('express');
const app = express();
app.get('/echo', (req, res) => {
  res.send('<p>' + req.query.q + '</p>');
});
`;

const PY_OPEN = `from flask import Flask, request
app = Flask(__name__)

@app.route("/f")
def f():
    return open("/srv/" + request.args["name"]).read()
`;

function scan(path: string, languageId: string, text: string, root: string | undefined): Finding[] {
  return engine.scanText(path, languageId, text, { ...TAINT_ONLY, minSeverity: 'info' }, root).findings.filter((f) => f.pack === 'taint');
}

describe('taint findings in test code', () => {
  for (const [rel, lang, text] of [
    ['test/params.js', 'javascript', JS_ECHO],
    ['src/__tests__/server.js', 'javascript', JS_ECHO],
    ['tests/integration_tests/app.py', 'python', PY_OPEN],
    ['pkg/conftest.py', 'python', PY_OPEN],
    ['pkg/server_test.py', 'python', PY_OPEN],
  ] as const) {
    it(`${rel}: low severity, the reason in the message`, () => {
      const found = scan(`/ws/${rel}`, lang, text, '/ws');
      assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
      assert.equal(found[0]!.severity, 'low');
      assert.match(found[0]!.message, /In test code, so severity is lowered/);
      assert.equal(found[0]!.properties?.pathKind, 'test');
    });
  }

  it('vendored code: low severity, the reason in the message', () => {
    const found = scan('/ws/static/vendor/app.js', 'javascript', JS_ECHO, '/ws');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'low');
    assert.match(found[0]!.message, /In vendored code, so severity is lowered/);
    assert.equal(found[0]!.properties?.pathKind, 'vendored');
  });

  it('the same code outside a test path keeps its severity and message', () => {
    for (const [rel, lang, text] of [
      ['src/server.js', 'javascript', JS_ECHO],
      ['app/views.py', 'python', PY_OPEN],
    ] as const) {
      const found = scan(`/ws/${rel}`, lang, text, '/ws');
      assert.equal(found.length, 1);
      assert.notEqual(found[0]!.severity, 'low');
      assert.doesNotMatch(found[0]!.message, /test code/);
    }
  });

  it('a folder above the workspace root does not make code test code', () => {
    const found = scan('/home/me/tests/shop/src/server.js', 'javascript', JS_ECHO, '/home/me/tests/shop');
    assert.equal(found.length, 1);
    assert.notEqual(found[0]!.severity, 'low');
  });
});
