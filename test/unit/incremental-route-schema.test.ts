/**
 * A handler's request fields validated by the route's schema (Fastify's `schema:`), written in its registration or
 * held in a module constant: the schema is outside the handler's text, so editing it must re-check the handler; the
 * open document's findings always equal a fresh scan's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const HEAD = ["const fastify = require('fastify')();", "const { exec } = require('child_process');", ''];
const HANDLER = ["  exec('journalctl -n ' + request.query.unit);", "  return 'ok';", '});', ''];
const INLINE = [
  ...HEAD,
  "fastify.get('/logs', {",
  "  schema: { querystring: { type: 'object', properties: { unit: { type: 'integer' } } } },",
  '}, async (request) => {',
  ...HANDLER,
].join('\n');
const HELD = [
  ...HEAD,
  "const logsSchema = { querystring: { type: 'object', properties: { unit: { type: 'integer' } } } };",
  '',
  "fastify.get('/logs', { schema: logsSchema }, async (request) => {",
  ...HANDLER,
].join('\n');

/** Opens `text`, turns the `'integer'` on line `line` into `'string'` and back, comparing with fresh scans. */
function flip(name: string, text: string, line: number, sink: number): void {
  const uri = `route-schema:/w/${name}`;
  engine.open(uri, `/w/${name}`, 'javascript', text, 1);
  try {
    const ids = (): string[] => engine.analyze(uri, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
    const fresh = (): string[] => engine.scanText(`/w/${name}`, 'javascript', engine.get(uri)!.text, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
    assert.deepEqual(ids(), []);
    const col = text.split('\n')[line]!.indexOf("'integer'");
    const at = { start: { line, character: col }, end: { line, character: col + "'integer'".length } };
    engine.change(uri, [{ range: at, text: "'string'" }], 2);
    assert.deepEqual(ids(), [`js.cmdi.child-process:${sink}`]);
    assert.deepEqual(ids(), fresh());
    engine.change(uri, [{ range: { start: at.start, end: { line, character: col + "'string'".length } }, text: "'integer'" }], 3);
    assert.deepEqual(ids(), []);
    assert.deepEqual(ids(), fresh());
  } finally {
    engine.close(uri);
  }
}

describe('incremental: a route schema', () => {
  it('js: a schema held in a module constant, edited from integer to string and back, as a fresh scan does', () => {
    flip('held.js', HELD, 3, 6);
  });

  it('js: a schema written in the registration, edited from integer to string and back, as a fresh scan does', () => {
    flip('app.js', INLINE, 4, 6);
  });
});
