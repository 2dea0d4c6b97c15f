/**
 * A call that runs a function it is handed (`executor.submit(f, x)`) follows f's summary: an edit of f alone (its
 * sink removed, restored, or f renamed) changes the finding at the submitting handler, and the incremental result
 * equals a fresh scan each time (the call consults f by name, as a direct call does).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import type { AnalysisResult } from '../../server/src/engine/types';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const TEXT = [
  'from concurrent.futures import ThreadPoolExecutor',
  'import requests',
  'from flask import Flask, request',
  '',
  'app = Flask(__name__)',
  '',
  'def fetch(url):',
  '    return requests.get(url, timeout=5).text',
  '',
  '@app.route("/fetch")',
  'def fetch_view():',
  '    with ThreadPoolExecutor() as executor:',
  '        return executor.submit(fetch, request.args["url"]).result()',
  '',
].join('\n');

const ssrf = (r: AnalysisResult): number[] => r.findings.filter((f) => f.ruleId === 'py.ssrf.http-client').map((f) => f.range.start.line);

describe('calls through an executor, incrementally', () => {
  it('editing the function the executor runs updates the finding at the handler, as a fresh scan does', () => {
    const uri = 'calls-through:/app/views.py';
    engine.open(uri, '/app/views.py', 'python', TEXT, 1);
    try {
      const step = (version: number, line: number, from: number, to: number, text: string): AnalysisResult => {
        engine.change(uri, [{ range: { start: { line, character: from }, end: { line, character: to } }, text }], version);
        const r = engine.analyze(uri, TAINT_ONLY);
        assert.deepEqual(r.findings, engine.scanText('/app/views.py', 'python', engine.get(uri)!.text, TAINT_ONLY).findings);
        return r;
      };
      assert.deepEqual(ssrf(engine.analyze(uri, TAINT_ONLY)), [7], 'requests.get(url) in fetch, reached through executor.submit');
      // `url` -> `"https://status.example.com"`: fetch no longer sends its parameter anywhere.
      const sinkLine = TEXT.split('\n')[7]!;
      const at = sinkLine.indexOf('url,');
      assert.deepEqual(ssrf(step(2, 7, at, at + 3, '"https://status.example.com"')), []);
      assert.deepEqual(ssrf(step(3, 7, at, at + '"https://status.example.com"'.length, 'url')), [7]);
      // Renamed: the submitted name no longer resolves to a function of the file.
      assert.deepEqual(ssrf(step(4, 6, 4, 9, 'fetch_one')), []);
      assert.deepEqual(ssrf(step(5, 6, 4, 13, 'fetch')), [7]);
    } finally {
      engine.close(uri);
    }
  });
});
