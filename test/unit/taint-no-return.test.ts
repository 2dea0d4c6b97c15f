import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

let engine: Engine;

before(async () => {
  const made = createTaintAnalyzer();
  assert.deepEqual(made.errors, []);
  engine = await Engine.create({ analyzers: [made.analyzer] });
});

/** Lines (1-based) of SQL injection findings in a Python text. */
function sqliLines(text: string): number[] {
  return engine
    .scanText('/ws/app.py', 'python', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' })
    .findings.filter((f) => f.ruleId.startsWith('py.sqli'))
    .map((f) => f.range.start.line + 1);
}

const view = (imports: string, stop: string): string => `${imports}
from flask import Flask, request
app = Flask(__name__)

@app.route("/u")
def u():
    uid = request.args["id"]
    if not uid.isdigit():
        ${stop}
    db.execute("SELECT * FROM users WHERE id = " + uid)
    return "ok"
`;

describe('taint: calls that never return end the path', () => {
  it('reads abort() and sys.exit() after a failed check like raise: the value is clean below', () => {
    // The guard's else path is the one that reaches the query; a raise there proves the mechanism.
    assert.deepEqual(sqliLines(view('', 'raise ValueError("id")')), []);
    assert.deepEqual(sqliLines(view('from flask import abort', 'abort(400)')), []);
    assert.deepEqual(sqliLines(view('import flask', 'flask.abort(400)')), []);
    assert.deepEqual(sqliLines(view('from werkzeug.exceptions import abort as stop', 'stop(400)')), []);
    assert.deepEqual(sqliLines(view('import sys', 'sys.exit(2)')), []);
  });

  it('does not take a function of the same name from elsewhere, or a call that returns, for one', () => {
    // A local helper called abort that logs and returns: the query still runs with the input.
    assert.deepEqual(sqliLines(view('from .audit import abort', 'abort(400)')), [10]);
    assert.deepEqual(sqliLines(view('import logging', 'logging.warning("bad id")')), [10]);
  });
});
