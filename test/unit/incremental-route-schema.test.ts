/**
 * A handler's request fields validated by the route's schema, written in its registration (Fastify's `schema:`): the
 * schema is outside the handler's text, so editing it must re-check the handler; the open document's findings
 * always equal a fresh scan's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const TEXT = [
  "const fastify = require('fastify')();",
  "const { exec } = require('child_process');",
  '',
  "fastify.get('/logs', {",
  "  schema: { querystring: { type: 'object', properties: { unit: { type: 'integer' } } } },",
  '}, async (request) => {',
  "  exec('journalctl -n ' + request.query.unit);",
  "  return 'ok';",
  '});',
  '',
].join('\n');

const HELD = [
  "const fastify = require('fastify')();",
  "const { exec } = require('child_process');",
  '',
  "const logsSchema = { querystring: { type: 'object', properties: { unit: { type: 'integer' } } } };",
  '',
  "fastify.get('/logs', { schema: logsSchema }, async (request) => {",
  "  exec('journalctl -n ' + request.query.unit);",
  "  return 'ok';",
  '});',
  '',
].join('\n');

describe('incremental: a route schema', () => {
  it('js: a schema held in a module constant, edited from integer to string and back, as a fresh scan does', () => {
    const uri = 'route-schema:/w/held.js';
    engine.open(uri, '/w/held.js', 'javascript', HELD, 1);
    try {
      const ids = (): string[] => engine.analyze(uri, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      const fresh = (): string[] => engine.scanText('/w/held.js', 'javascript', engine.get(uri)!.text, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      assert.deepEqual(ids(), []);
      const col = HELD.split('\n')[3]!.indexOf("'integer'");
      const at = { start: { line: 3, character: col }, end: { line: 3, character: col + "'integer'".length } };
      engine.change(uri, [{ range: at, text: "'string'" }], 2);
      assert.deepEqual(ids(), ['js.cmdi.child-process:6']);
      assert.deepEqual(ids(), fresh());
      engine.change(uri, [{ range: { start: at.start, end: { line: 3, character: col + "'string'".length } }, text: "'integer'" }], 3);
      assert.deepEqual(ids(), []);
      assert.deepEqual(ids(), fresh());
    } finally {
      engine.close(uri);
    }
  });

  it('js: turning a field from integer to string and back adds and removes the command injection, as a fresh scan does', () => {
    const uri = 'route-schema:/w/app.js';
    engine.open(uri, '/w/app.js', 'javascript', TEXT, 1);
    try {
      const ids = (): string[] => engine.analyze(uri, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      const fresh = (): string[] => engine.scanText('/w/app.js', 'javascript', engine.get(uri)!.text, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      assert.deepEqual(ids(), []);
      const col = TEXT.split('\n')[4]!.indexOf("'integer'");
      const at = { start: { line: 4, character: col }, end: { line: 4, character: col + "'integer'".length } };
      engine.change(uri, [{ range: at, text: "'string'" }], 2);
      assert.deepEqual(ids(), ['js.cmdi.child-process:6']);
      assert.deepEqual(ids(), fresh());
      engine.change(uri, [{ range: { start: at.start, end: { line: 4, character: col + "'string'".length } }, text: "'integer'" }], 3);
      assert.deepEqual(ids(), []);
      assert.deepEqual(ids(), fresh());
    } finally {
      engine.close(uri);
    }
  });
});
