/**
 * Moved units (issue 17, cause 3): a unit that only moved reuses its cached result shifted by the lines it moved,
 * and `shiftUnit` carries the summary's relative digest over instead of hashing it again. These tests check that
 * the carried digest is the one hashing would give, that blocks of callees moved by inserted lines, edited and moved
 * back give what a fresh scan gives (callers above the move read the callees' positions), and, by deterministic
 * counters, that a move hashes no summary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine';
import { type Fix, type Range, type TraceStep } from '../../server/src/engine/types';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { depValue, shiftUnit, type CachedUnit } from '../../server/src/engine/taint/taint-analyzer';
import type { SinkHit, Summary } from '../../server/src/engine/taint/dataflow';
import { assertProperty } from './property-seeds';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

describe('moved units: the relative digest shiftUnit carries over', () => {
  const range = fc.record({ sl: fc.nat({ max: 400 }), sc: fc.nat({ max: 80 }), n: fc.nat({ max: 3 }), ec: fc.nat({ max: 80 }) }).map(
    ({ sl, sc, n, ec }): Range => ({ start: { line: sl, character: sc }, end: { line: sl + n, character: ec } }),
  );
  // Steps and hits in this file (no path) and in another one (its lines do not move).
  const path = fc.option(fc.constantFrom('/other/db.js', '/other/util.py'), { nil: undefined, freq: 3 });
  const step = fc.record({ path, range, message: fc.constantFrom('a', 'b'), kind: fc.constantFrom('source', 'step', 'sink') }).map(
    ({ path: p, ...s }): TraceStep => (p ? { path: p, ...s } : s),
  );
  const steps = fc.array(step, { maxLength: 4 });
  const fix = fc.record({ title: fc.constant('fix'), kind: fc.constant('fix'), edits: fc.array(fc.record({ range, newText: fc.constantFrom('x', '') }), { maxLength: 2 }) }).map((f): Fix => f as Fix);
  const hit = fc.record({ path, steps, range, sinkText: fc.constantFrom('exec(x)', 'eval(y)'), fixes: fc.array(fix, { maxLength: 2 }), rule: fc.nat({ max: 2 }) }).map(
    ({ path: p, ...h }): SinkHit => (p ? { path: p, ...h } : h),
  );
  const summary = fc.record({
    paramReturns: fc.array(fc.tuple(fc.nat({ max: 3 }), steps), { maxLength: 3 }),
    paramSinks: fc.array(fc.tuple(fc.integer({ min: -2, max: 3 }), fc.array(hit, { minLength: 1, maxLength: 3 })), { maxLength: 3 }),
    sourceReturns: fc.array(fc.record({ origin: fc.constant({ kind: 'source' as const, label: 'req.query' }), steps }), { maxLength: 2 }),
    captures: fc.option(fc.constant(['conn']), { nil: undefined }),
  }).map(
    (s): Summary => ({
      paramReturns: new Map(s.paramReturns),
      paramSinks: new Map(s.paramSinks),
      sourceReturns: s.sourceReturns,
      ...(s.captures ? { captures: [...s.captures] } : {}),
    }),
  );

  it('equals the digest of the shifted summary hashed afresh, over chains of moves', () => {
    assertProperty(
      fc.property(summary, fc.nat({ max: 300 }), fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 4 }), (s, line, deltas) => {
        let r: CachedUnit = { summary: s, findings: [] };
        let at = line;
        // Hashed once where it was computed; every move after carries it.
        depValue(at, r.summary);
        for (const d of deltas) {
          r = shiftUnit(r, d);
          at += d;
          const carried = depValue(at, r.summary);
          // A structured clone is a new object: its digest is serialised and hashed, not found in the cache.
          const hashed = depValue(at, structuredClone(r.summary));
          assert.equal(carried, hashed, `after moves ${JSON.stringify(deltas)}`);
        }
      }),
      300,
    );
  });
});

/**
 * A JavaScript module whose handlers come first and call functions defined below them: wrappers that call a
 * step function (a callee's callee), and sink functions (summaries with sink hits and fixes), each with a trace
 * that runs through the callee's lines. Lines inserted between the two move the callees and not their callers.
 */
function javascriptFile(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const express = require('express');`, `const app = express();`, ''];
  for (let i = 0; i < n; i++) {
    out.push(`app.get('/a${i}', (req, res) => {`, `  exec(wrap${i}(req.query.c));`, `  sink${i}(req.query.d);`, `  [1].forEach((v) => exec(v + req.query.e));`, '});', '');
  }
  out.push('// callees');
  for (let i = 0; i < n; i++) {
    out.push(`function wrap${i}(x) {`, `  return step${i}(x);`, '}', '', `function step${i}(x) {`, `  const y = x + '${i}';`, '  return y;', '}', '', `function sink${i}(x) {`, '  exec(x);', '}', '');
  }
  return out.join('\n');
}

function pythonFile(n: number): string {
  const out = ['import subprocess', 'from flask import Flask, request', '', 'app = Flask(__name__)', ''];
  for (let i = 0; i < n; i++) {
    out.push(`@app.route('/a${i}')`, `def handler${i}():`, `    subprocess.call(wrap${i}(request.args.get('c')), shell=True)`, `    sink${i}(request.args.get('d'))`, `    return 'ok'`, '');
  }
  out.push('# callees');
  for (let i = 0; i < n; i++) {
    out.push(`def wrap${i}(x):`, `    return step${i}(x)`, '', `def step${i}(x):`, `    y = x + '${i}'`, '    return y', '', `def sink${i}(x):`, '    subprocess.call(x, shell=True)', '');
  }
  return out.join('\n');
}

const CASES = [
  { lang: 'javascript', path: '/moved/app.js', make: javascriptFile, comment: '// moved', clean: (i: number) => `  return '${i}';`, quiet: '  console.log(x);' },
  { lang: 'python', path: '/moved/app.py', make: pythonFile, comment: '# moved', clean: (i: number) => `    return '${i}'`, quiet: '    print(x)' },
] as const;

type Op = { kind: 'insert'; at: number; lines: number; comment: boolean } | { kind: 'undo' } | { kind: 'step' | 'sink'; fn: number } | { kind: 'analyze-later' };

describe('moved units: callees moved by inserted lines, edited and moved back equal a fresh scan (property)', () => {
  for (const c of CASES) {
    it(`${c.lang}: inserts above blocks of callees, callee edits, undos`, () => {
      const n = 6;
      const base = c.make(n);
      const op: fc.Arbitrary<Op> = fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), lines: fc.integer({ min: 1, max: 5 }), comment: fc.boolean() }) },
        { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('step' as const, 'sink' as const), fn: fc.nat({ max: n - 1 }) }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'analyze-later' as const }) },
      );
      assertProperty(
        fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), (ops) => {
          const uri = `moved-prop:${c.path}`;
          engine.open(uri, c.path, c.lang, base, 1);
          try {
            engine.analyze(uri, settings);
            let version = 1;
            /** Inserted blocks, last first: where they start and how many lines (for the undo). */
            const inserted: { line: number; lines: number }[] = [];
            let later = false;
            for (const o of ops) {
              const lines = engine.get(uri)!.text.split('\n');
              let change;
              if (o.kind === 'insert') {
                // Between the handlers and the callees most of the time: the callers stay, their callees move.
                const line = Math.min(lines.length - 1, Math.floor(o.at * lines.length));
                const text = Array.from({ length: o.lines }, () => (o.comment ? c.comment : '')).join('\n') + '\n';
                change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text };
                inserted.unshift({ line, lines: o.lines });
              } else if (o.kind === 'undo') {
                const last = inserted.shift();
                if (!last) continue;
                change = { range: { start: { line: last.line, character: 0 }, end: { line: last.line + last.lines, character: 0 } }, text: '' };
              } else if (o.kind === 'analyze-later') {
                later = true;
                continue;
              } else {
                // Toggle a callee's body between passing its parameter on and not: its summary changes, its lines do not.
                const head = o.kind === 'step' ? (c.lang === 'python' ? `def step${o.fn}(x):` : `function step${o.fn}(x) {`) : c.lang === 'python' ? `def sink${o.fn}(x):` : `function sink${o.fn}(x) {`;
                const at = lines.indexOf(head);
                if (at < 0) continue;
                const body = o.kind === 'step' ? at + 2 : at + 1;
                const was = lines[body]!;
                const now = o.kind === 'step' ? (was === c.clean(o.fn) ? (c.lang === 'python' ? '    return y' : '  return y;') : c.clean(o.fn)) : was === c.quiet ? (c.lang === 'python' ? '    subprocess.call(x, shell=True)' : '  exec(x);') : c.quiet;
                change = { range: { start: { line: body, character: 0 }, end: { line: body, character: was.length } }, text: now };
                // Earlier inserts no longer undo to the text they came from once a line below them changed: keep
                // them undoable only by position (they hold blank or comment lines either way).
              }
              engine.change(uri, [change], ++version);
              if (!later) engine.analyze(uri, settings);
              later = false;
            }
            const text = engine.get(uri)!.text;
            assert.deepEqual(engine.analyze(uri, settings).findings, engine.scanText(c.path, c.lang, text, settings).findings, JSON.stringify(ops));
          } finally {
            engine.close(uri);
          }
        }),
        30,
      );
    });
  }
});

describe('moved units: a move hashes no summary (counters)', () => {
  for (const c of CASES) {
    it(`${c.lang}: lines inserted above 40 callees and removed again`, () => {
      const text = c.make(40);
      const uri = `moved-count:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        engine.analyze(uri, settings);
        const line = text.split('\n').indexOf(c.lang === 'python' ? '# callees' : '// callees');
        let version = 1;
        for (let k = 0; k < 2; k++) {
          for (const [j, change] of [
            { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n\n\n' },
            { range: { start: { line, character: 0 }, end: { line: line + 3, character: 0 } }, text: '' },
          ].entries()) {
            const s0 = { ...taint.stats };
            engine.change(uri, [change], ++version);
            const r = engine.analyze(uri, settings);
            const d = Object.fromEntries(Object.keys(s0).map((key) => [key, taint.stats[key as keyof typeof s0] - s0[key as keyof typeof s0]]));
            assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings);
            assert.equal(d.summariesHashed, 0, `${d.summariesHashed} summaries hashed`);
            if (j === 1 || k > 0) {
              // The removal undoes the insert, and the second insert redoes it: each pass's record of the run before
              // is restored (see undo-record.test.ts), nothing is shifted or analysed.
              assert.equal(d.recordsReverted, d.passes);
              assert.equal(d.unitsShifted, 0);
              assert.equal(d.unitsAnalyzed, 0);
              continue;
            }
            // 120 callees moved with positions in their summaries: each is shifted, none hashed (nor, once the
            // top level's statements below the edit are cached, analysed).
            assert.ok(d.unitsShifted! >= 120, `${d.unitsShifted} units shifted`);
            assert.equal(d.summariesHashed, 0, `${d.summariesHashed} summaries hashed for ${d.unitsShifted} shifted`);
            // Moved lazily: the run reads the summaries of a few (the callers it analyses), and only those are shifted.
            assert.ok(d.resultsShifted! * 2 < d.unitsShifted!, `${d.resultsShifted} results shifted for ${d.unitsShifted} units moved`);
            // Their entries consulted the same names: the record's index holds for them.
            assert.ok(d.entriesIndexed! * 4 < d.unitsShifted!, `${d.entriesIndexed} entries re-indexed for ${d.unitsShifted} shifted`);
          }
        }
      } finally {
        engine.close(uri);
      }
    });
  }
});
