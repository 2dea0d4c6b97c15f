/**
 * Where a taint finding is reported: the tainted argument, from the sink call's first line when the call starts on
 * an earlier line (`db.query(` with the built string below it), as other tools and readers name a sink by its call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const JS = [
  "const express = require('express');",
  "const { pool } = require('./db');",
  'const app = express();',
  "app.get('/a', async (req, res) => {",
  '  const rows = await pool.query(',
  '    `SELECT * FROM t WHERE name = \'${req.query.name}\'`,',
  '  );',
  "  await pool.query(`SELECT * FROM t WHERE id = '${req.query.id}'`);",
  "  return res.redirect(req.query.next);",
  '});',
  "exports.handler = async (event) => ({",
  '  statusCode: 302,',
  '  headers: {',
  '    Location: event.queryStringParameters.next,',
  '  },',
  '});',
].join('\n');

describe('taint finding ranges', () => {
  it('a multi-line sink call is reported from the called name to the end of the tainted argument; a one-line call and a returned field where they are', () => {
    const r = engine.scanText('/app/routes.js', 'javascript', JS, TAINT_ONLY);
    const at = (ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId).map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
    assert.deepEqual(at('js.sqli.string-query'), [
      [4, 26, 5, 54],
      [7, 19, 7, 65],
    ]);
    // The Lambda response's Location field: the object is no call, its field line is the sink.
    assert.deepEqual(at('js.open-redirect.redirect').map(([line]) => line), [8, 13]);
  });

  it('in a call chain over several lines, from the line naming the sink method, not the chain\'s first', () => {
    const text = ["const { pool } = require('./db');", "require('express')().get('/c', async (req, res) => {", '  const rows = await pool', '    .query(', "      `SELECT * FROM t WHERE k = '${req.query.k}'`);", '  res.json(rows);', '});'].join('\n');
    const r = engine.scanText('/app/chain.js', 'javascript', text, TAINT_ONLY);
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.range.end.line]), [['js.sqli.string-query', 3, 5, 4]]);
  });
});
