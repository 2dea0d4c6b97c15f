/**
 * Request fields stored by a middleware: `req.context = { tenant: req.get('X-Tenant-Id') }` in one handler of the
 * file is input where another handler reads `req.context.tenant` (the same request). Incremental: an edit of the
 * middleware that stops storing input drops the readers' findings, and random edits equal a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertRandomEditsEqualFreshScan } from './random-edits';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;
let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const PATH = '/fields/app.js';
const WRITE = '  req.context = { tenant: req.get("X-Tenant-Id") };\n';
const CLEAN = '  req.context = { tenant: "default" };\n';

/** A middleware storing a header in `req.context`, and `n` handlers each reading it (every third: another field). */
function file(n: number): string {
  const out = [`const express = require('express');`, `const { exec } = require('child_process');`, 'const app = express();', '', 'function tenant(req, res, next) {', WRITE.trimEnd(), '  next();', '}', 'app.use(tenant);', ''];
  for (let i = 0; i < n; i++) {
    out.push(`app.get('/r${i}', (request, res) => {`, `  exec('report ' + request.${i % 3 === 2 ? 'id' : 'context.tenant'});`, `  res.send('ok');`, '});', '');
  }
  return out.join('\n');
}

describe('request fields: input a middleware stores on the request reaches the handlers that read it', () => {
  it('found where a handler reads the stored field (its trace naming the middleware), not another field', () => {
    const text = file(6);
    const r = engine.scanText(PATH, 'javascript', text, settings);
    const lines = text.split('\n');
    assert.deepEqual(r.findings.map((f) => lines[f.range.start.line]!.trim()), Array(4).fill("exec('report ' + request.context.tenant);"));
    for (const f of r.findings) assert.ok(f.trace?.some((s) => /stored from input by tenant\(\)/.test(s.message)), JSON.stringify(f.trace));
    const clean = engine.scanText(PATH, 'javascript', text.replace(WRITE.trimEnd(), CLEAN.trimEnd()), settings);
    assert.deepEqual(clean.findings, [], 'a constant stored is no input');
  });

  it('an edit of the middleware that stores a constant drops the readers\' findings in the open document', () => {
    const text = file(6);
    const uri = `fields:${PATH}`;
    engine.open(uri, PATH, 'javascript', text, 1);
    try {
      assert.equal(engine.analyze(uri, settings).findings.length, 4);
      const line = text.split('\n').findIndex((l) => l.includes('X-Tenant-Id'));
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: CLEAN }], 2);
      assert.deepEqual(engine.analyze(uri, settings).findings, []);
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: WRITE }], 3);
      assert.equal(engine.analyze(uri, settings).findings.length, 4);
    } finally {
      engine.close(uri);
    }
  });

  it('random edits (stores, clean stores, characters, lines deleted) equal a fresh scan (property)', () => {
    assertRandomEditsEqualFreshScan(engine, { path: PATH, lang: 'javascript', base: file(5), inserts: { write: WRITE, clean: CLEAN }, settings, runs: 40 });
  });
});
