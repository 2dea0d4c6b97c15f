/**
 * A method's sink read through a field its class's constructor assigns (`self._client = httpx.AsyncClient()`):
 * editing the constructor re-checks the method, so the open document's findings always equal a fresh scan's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const TEXT = [
  'import httpx',
  'from fastapi import FastAPI',
  '',
  'app = FastAPI()',
  '',
  '',
  'class Fetcher:',
  '    def __init__(self):',
  '        self._client = httpx.Client(timeout=5)',
  '',
  '    def fetch(self, url):',
  '        return self._client.get(url).text',
  '',
  '',
  'fetcher = Fetcher()',
  '',
  '',
  '@app.get("/f")',
  'def f(url: str):',
  '    return fetcher.fetch(url)',
  '',
].join('\n');

describe('incremental: a field a constructor assigns', () => {
  it('python: replacing the client by a dict and back removes and restores the SSRF finding, as a fresh scan does', () => {
    const uri = 'field-values:/w/app.py';
    engine.open(uri, '/w/app.py', 'python', TEXT, 1);
    try {
      const ids = (): string[] => engine.analyze(uri, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      const fresh = (): string[] => engine.scanText('/w/app.py', 'python', engine.get(uri)!.text, TAINT_ONLY).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      assert.deepEqual(ids(), ['py.ssrf.http-client:11']);
      const at = { start: { line: 8, character: 23 }, end: { line: 8, character: 46 } };
      engine.change(uri, [{ range: at, text: '{}' }], 2);
      assert.deepEqual(ids(), []);
      assert.deepEqual(ids(), fresh());
      engine.change(uri, [{ range: { start: at.start, end: { line: 8, character: 25 } }, text: 'httpx.Client(timeout=5)' }], 3);
      assert.deepEqual(ids(), ['py.ssrf.http-client:11']);
      assert.deepEqual(ids(), fresh());
      assert.ok(taint.stats.unitsAnalyzed > 0);
    } finally {
      engine.close(uri);
    }
  });
});
