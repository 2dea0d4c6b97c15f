/**
 * Undo and redo of an edit (issue 17): a pass's record keeps the writes that built it from the record of the run
 * before (`RecordUndo`), and a run whose file context is closer to that older record's restores it instead of
 * visiting every unit the edit had moved. These tests check, by a property, that pastes, undos, redos and character
 * edits in any order give what a fresh scan gives after every edit, and, by deterministic counters, that an undone
 * or redone paste above many moved callees visits no unit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { assertProperty } from './property-seeds';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

/** Handlers first, then the functions they call (summaries with trace steps and sink hits): a paste between moves the callees only. */
function jsModule(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const express = require('express');`, `const app = express();`, `const PREFIX = 'ls ';`, ''];
  for (let i = 0; i < n; i++) {
    out.push(`app.post('/r${i}', (req, res) => {`, `  run${i}(pass${i}(req.body.cmd));`, `  res.send(echo${i}(req.query.q));`, '});', '');
  }
  out.push('// helpers');
  for (let i = 0; i < n; i++) {
    out.push(`function pass${i}(v) {`, `  const w = v;`, '  return w;', '}', '', `function run${i}(c) {`, '  exec(PREFIX + c);', '}', '', `function echo${i}(s) {`, `  return '<p>' + s;`, '}', '');
  }
  return out.join('\n');
}

function pyModule(n: number): string {
  const out = ['import os', 'from flask import Flask, request', '', 'app = Flask(__name__)', "PREFIX = 'ls '", ''];
  for (let i = 0; i < n; i++) {
    out.push(`@app.route('/r${i}', methods=['POST'])`, `def handler${i}():`, `    run${i}(pass${i}(request.form['cmd']))`, `    return echo${i}(request.args.get('q'))`, '');
  }
  out.push('# helpers');
  for (let i = 0; i < n; i++) {
    out.push(`def pass${i}(v):`, '    w = v', '    return w', '', `def run${i}(c):`, '    os.system(PREFIX + c)', '', `def echo${i}(s):`, "    return '<p>' + s", '');
  }
  return out.join('\n');
}

/**
 * Blocks a paste inserts (each ends with a line break): a function that shadows a callee (its name becomes
 * ambiguous), a new handler with a flow, a sink callee with a new name, a module constant a callee reads, blanks.
 */
const SNIPPETS = {
  javascript: [
    'function run0(c) {\n  return c;\n}\n\n',
    `app.post('/new', (req, res) => {\n  run1(req.body.x);\n});\n\n`,
    'function extra(c) {\n  exec(c);\n}\n\n',
    `const PREFIX = 'echo ';\n`,
    '\n\n\n',
    '// a comment\n',
  ],
  python: [
    'def run0(c):\n    return c\n\n',
    `@app.route('/new')\ndef fresh():\n    run1(request.args.get('x'))\n    return 'ok'\n\n`,
    'def extra(c):\n    os.system(c)\n\n',
    `PREFIX = 'echo '\n`,
    '\n\n\n',
    '# a comment\n',
  ],
} as const;

const CASES = [
  { lang: 'javascript', path: '/undo/app.js', make: jsModule },
  { lang: 'python', path: '/undo/app.py', make: pyModule },
] as const;

type Op = { kind: 'paste'; at: number; snippet: number } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'type'; at: number; col: number; keep: boolean };

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** The change that inserts `text` at the start of `line`, and the one that takes it out again. */
function pasteAt(line: number, text: string): { paste: Change; undo: Change } {
  const added = text.split('\n').length - 1;
  const at = { line, character: 0 };
  return { paste: { range: { start: at, end: at }, text }, undo: { range: { start: at, end: { line: line + added, character: 0 } }, text: '' } };
}

describe('undo records: pastes, undos, redos and typing equal a fresh scan after every edit (property)', () => {
  for (const c of CASES) {
    it(`${c.lang}: pastes undone and redone between character edits`, () => {
      const base = c.make(2);
      const op: fc.Arbitrary<Op> = fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), snippet: fc.nat({ max: SNIPPETS[c.lang].length - 1 }) }) },
        { weight: 4, arbitrary: fc.constant({ kind: 'undo' as const }) },
        { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), col: fc.nat({ max: 30 }), keep: fc.boolean() }) },
      );
      let reverted = 0;
      assertProperty(
        fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
          const uri = `undo-prop:${c.path}`;
          engine.open(uri, c.path, c.lang, base, 1);
          try {
            engine.analyze(uri, settings);
            let version = 1;
            // Edits that can be undone (the last first), and those undone that can be redone.
            const done: { paste: Change; undo: Change }[] = [];
            const undone: { paste: Change; undo: Change }[] = [];
            const apply = (change: Change): void => {
              const s0 = taint.stats.recordsReverted;
              engine.change(uri, [change], ++version);
              const got = engine.analyze(uri, settings).findings;
              reverted += taint.stats.recordsReverted - s0;
              assert.deepEqual(got, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings, JSON.stringify(ops));
            };
            for (const o of ops) {
              const lines = engine.get(uri)!.text.split('\n');
              if (o.kind === 'paste') {
                const pair = pasteAt(Math.min(lines.length - 1, Math.floor(o.at * lines.length)), SNIPPETS[c.lang][o.snippet]!);
                apply(pair.paste);
                done.push(pair);
                undone.length = 0;
              } else if (o.kind === 'undo') {
                const pair = done.pop();
                if (!pair) continue;
                apply(pair.undo);
                undone.push(pair);
              } else if (o.kind === 'redo') {
                const pair = undone.pop();
                if (!pair) continue;
                apply(pair.paste);
                done.push(pair);
              } else {
                // A character typed and deleted again (an undo too), or kept (the paste history no longer applies).
                const line = Math.min(lines.length - 1, Math.floor(o.at * lines.length));
                const at = { line, character: Math.min(o.col, lines[line]!.length) };
                apply({ range: { start: at, end: at }, text: 'x' });
                if (o.keep) {
                  done.length = 0;
                  undone.length = 0;
                } else apply({ range: { start: at, end: { line, character: at.character + 1 } }, text: '' });
              }
            }
          } finally {
            engine.close(uri);
          }
        }),
        40,
      );
      // Not vacuous: the runs restored records (each undo of a paste whose record is the last one's base does).
      assert.ok(reverted > 0, 'no record was restored');
    });
  }
});

describe('undo records: an undone or redone paste visits no unit (counters)', () => {
  for (const c of CASES) {
    it(`${c.lang}: a handler pasted above 40 x 3 callees, undone, redone`, () => {
      const text = c.make(40);
      const uri = `undo-count:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        engine.analyze(uri, settings);
        const line = text.split('\n').indexOf(c.lang === 'python' ? '# helpers' : '// helpers');
        const pair = pasteAt(line, SNIPPETS[c.lang][1]);
        let version = 1;
        for (const [i, change] of [pair.paste, pair.undo, pair.paste, pair.undo].entries()) {
          const s0 = { ...taint.stats };
          engine.change(uri, [change], ++version);
          const r = engine.analyze(uri, settings);
          const d = Object.fromEntries(Object.keys(s0).map((key) => [key, taint.stats[key as keyof typeof s0] - s0[key as keyof typeof s0]]));
          assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings);
          if (i === 0) {
            // The paste moves every callee: each is visited and shifted.
            assert.ok(d.unitsShifted! >= 120, `${d.unitsShifted} units shifted by the paste`);
            assert.equal(d.recordsReverted, 0);
          } else {
            // Its undo, the redo and the undo again restore each pass's record before: nothing is looked at.
            assert.equal(d.recordsReverted, d.passes, `${d.recordsReverted} records restored for ${d.passes} passes`);
            assert.equal(d.cacheLookups, 0, `${d.cacheLookups} units looked up`);
            assert.equal(d.unitsShifted, 0);
            assert.equal(d.topStatementsVisited, 0);
            assert.equal(d.entriesIndexed, 0);
          }
        }
      } finally {
        engine.close(uri);
      }
    });
  }
});

describe('undo records: a restored record finds the consumers its index had (pinned)', () => {
  for (const c of CASES) {
    it(`${c.lang}: a line pasted into a handler and undone, then the handler's callee shadowed`, () => {
      const text = c.make(2);
      const lines = text.split('\n');
      const uri = `undo-index:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        engine.analyze(uri, settings);
        // The paste replaces the handler's unit (its text changed): the run takes it out of the index; the undo
        // restores the record where it is back in, as consumer of `run0`, which the last edit makes ambiguous.
        const body = lines.findIndex((l) => l.includes('run0(pass0('));
        const pair = pasteAt(body, '\n');
        const helpers = lines.indexOf(c.lang === 'python' ? '# helpers' : '// helpers');
        let version = 1;
        for (const change of [pair.paste, pair.undo, pasteAt(helpers, SNIPPETS[c.lang][0]).paste]) {
          engine.change(uri, [change], ++version);
          const got = engine.analyze(uri, settings).findings;
          assert.deepEqual(got, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings);
        }
      } finally {
        engine.close(uri);
      }
    });
  }
});
