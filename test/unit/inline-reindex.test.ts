/**
 * The reverse index after an edit of an inline function (`reindexEntry`): the unit that consulted it is indexed
 * under the function's new key, so a later edit of the same function reaches it again. An edit that turns a sink in
 * a callback off, then on, then off, must give what a fresh scan gives each time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const CASES = [
  {
    lang: 'javascript',
    path: '/ws/app.js',
    // A callback in a handler captures the request's input: the handler consults the inline function (its `i:`
    // dependency) for the sinks it reaches through the capture, and reports the finding.
    text: [
      "const express = require('express');",
      "const { exec } = require('child_process');",
      'const app = express();',
      "app.get('/run', (req, res) => {",
      '  const cmd = req.query.cmd;',
      '  setTimeout(() => {',
      '    exec(cmd);',
      '  });',
      '  res.send("ok");',
      '});',
      'const argv = process.argv[2];',
      'setTimeout(() => {',
      '  exec(argv);',
      '});',
      '',
    ].join('\n'),
    // The argument of `exec` in the handler's callback, which the edits swap for a constant and back.
    sinkArg: 'exec(cmd)',
  },
];

describe('inline functions edited again and again: the index follows their new keys', () => {
  for (const c of CASES) {
    it(`${c.lang}: a callback's sink off, on, off, on equals a fresh scan`, () => {
      const uri = `inline-reindex:${c.path}`;
      engine.open(uri, c.path, c.lang, c.text, 1);
      try {
        engine.analyze(uri, TAINT_ONLY);
        const lines = c.text.split('\n');
        const line = lines.findIndex((l) => l.includes(c.sinkArg));
        const character = lines[line]!.indexOf(c.sinkArg) + 'exec('.length;
        const word = c.sinkArg.slice('exec('.length, -1);
        let version = 1;
        let reindexed = 0;
        const counts: number[] = [];
        for (let k = 0; k < 4; k++) {
          const on = k % 2 === 1;
          const change = { range: { start: { line, character }, end: { line, character: character + (on ? 3 : word.length) } }, text: on ? word : '"x"' };
          const s0 = taint.stats.entriesReindexed;
          engine.change(uri, [change], ++version);
          const r = engine.analyze(uri, TAINT_ONLY);
          reindexed += taint.stats.entriesReindexed - s0;
          const fresh = engine.scanText(c.path, c.lang, engine.get(uri)!.text, TAINT_ONLY);
          assert.deepEqual(r.findings, fresh.findings, `edit ${k}: ${engine.get(uri)!.text.split('\n')[line]}`);
          counts.push(r.findings.length);
        }
        // The edits change what the top level finds (else this would test nothing), through a partial re-index.
        assert.notEqual(counts[0], counts[1], `findings per edit: ${counts.join(', ')}`);
        assert.ok(reindexed > 0, "the handler's entry was re-indexed in part");
      } finally {
        engine.close(uri);
      }
    });
  }
});
