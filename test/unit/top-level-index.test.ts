/**
 * The top level in the fixpoint's reverse index (`indexId`): it is indexed under one id whatever its key, and a
 * change of a function it calls must still wake it. Two edits alternate: one inside a function the top level calls
 * with input (its sink moved from the parameter given input to the other and back: the top level's finding goes and
 * comes back), one of the top level's own
 * text (a new top-level key, which keeps the index under the same id). Each result must equal a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const CASES = [
  {
    lang: 'javascript',
    path: '/ws/cli.js',
    text: [
      'function run(a, b) {',
      '  eval(a);',
      '}',
      'const LABEL = 1;',
      "run(location.search, 'fixed');",
      '',
    ].join('\n'),
    sinkArg: 'eval(',
    topLine: 'const LABEL = 1;',
  },
  {
    lang: 'python',
    path: '/ws/cli.py',
    text: ['import os', 'from flask import request', '', 'def run(a, b):', '    os.system(a)', '', 'LABEL = 1', "run(request.args.get('x'), 'fixed')", ''].join('\n'),
    sinkArg: 'system(',
    topLine: 'LABEL = 1',
  },
];

describe('the top level is woken by its callees whatever its key', () => {
  for (const c of CASES) {
    it(`${c.lang}: a callee's sink off and on, between edits of the top level's own text, equals a fresh scan`, () => {
      const uri = `top-level-index:${c.path}`;
      engine.open(uri, c.path, c.lang, c.text, 1);
      try {
        engine.analyze(uri, TAINT_ONLY);
        let version = 1;
        const counts: number[] = [];
        for (let k = 0; k < 8; k++) {
          const lines = engine.get(uri)!.text.split('\n');
          let change;
          if (k % 2 === 0) {
            // The top level's own text: `LABEL = 1` <-> `LABEL = 12` (a new top-level key, the same names consulted).
            const line = lines.findIndex((l) => l.startsWith(c.topLine.slice(0, -1)));
            const end = lines[line]!.length;
            change = k % 4 === 0 ? { range: { start: { line, character: end }, end: { line, character: end } }, text: '2' } : { range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: '' };
          } else {
            // Inside the callee, whose summary changes but never empties (so the fixpoint keeps its rounds): the sink
            // reads the parameter the top level passes input to, or the other one.
            const line = lines.findIndex((l) => l.includes(c.sinkArg));
            const at = lines[line]!.indexOf(c.sinkArg) + c.sinkArg.length;
            change = { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: lines[line]![at] === 'a' ? 'b' : 'a' };
          }
          engine.change(uri, [change], ++version);
          const r = engine.analyze(uri, TAINT_ONLY);
          const fresh = engine.scanText(c.path, c.lang, engine.get(uri)!.text, TAINT_ONLY);
          assert.deepEqual(r.findings, fresh.findings, `edit ${k}:\n${engine.get(uri)!.text}`);
          counts.push(r.findings.length);
        }
        // The callee edits turn the top level's finding off and on (else this would test nothing).
        assert.ok(new Set(counts).size > 1, `findings per edit: ${counts.join(', ')}`);
      } finally {
        engine.close(uri);
      }
    });
  }
});
