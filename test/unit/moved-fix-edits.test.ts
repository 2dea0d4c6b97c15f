/**
 * Moved units whose fix edits outside them (issue 17, the JS edit tail): the execFile fix of an `exec` sink also
 * inserts `, execFile` into `const { exec } = require('child_process')`, an edit on another line. Such a result was
 * pinned to its lines, so a paste above a route handler with an `exec` finding re-analysed it in every pass and round
 * that reports it. The import list entry the fix edits is now a dependency of the unit (`x:`), and a moved result
 * keeps that edit where it is while the entry has not moved. These tests check the counters (a paste above such
 * handlers analyses none of them) and that the findings, fixes included, equal a fresh scan: after moves, after edits
 * that move the import list entry with no unit moving, over random edits (property), and on every JavaScript and
 * TypeScript file of the taint corpus with lines inserted in its middle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import { assertProperty } from './property-seeds';
import { findingKey, taintCorpus, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const PATH = '/fixmove/app.js';

/**
 * An Express app: the `exec` import, `n` route handlers and `n` exported helpers that run a command built from input.
 * It has a `return`, as real files do: a paste that brings a word some sink needs (`return $X`) into a file without
 * it changes which patterns the file's passes hold, and rightly analyses every unit again (`passOf`'s masks).
 */
function app(n: number): string {
  const out = ["const express = require('express');", "const { exec } = require('child_process');", 'const app = express();', "const version = () => { return '1'; };", '', '// handlers'];
  for (let i = 0; i < n; i++) {
    out.push(`app.get('/run${i}', (req, res) => {`, `  const dir = req.query.dir${i};`, `  exec('ls ' + dir, (err, out) => res.send(out));`, '});', '');
  }
  for (let i = 0; i < n; i++) out.push(`function list${i}(dir) {`, `  exec('ls -l ' + dir);`, '}', '');
  out.push(`module.exports = { ${Array.from({ length: n }, (_, i) => `list${i}`).join(', ')} };`, '');
  return out.join('\n');
}

function fresh(uri: string): string[] {
  return engine.scanText(PATH, 'javascript', engine.get(uri)!.text, settings).findings.map(findingKey);
}

describe('moved fix edits: a paste above units whose fix edits the import list (counters)', () => {
  /** Units analysed by each of two pastes above the handlers of `app(n)`; findings checked against a fresh scan. */
  function pasteCost(n: number): number[] {
    const text = app(n);
    const uri = `fixmove-count-${n}:/fixmove/app.js`;
    engine.open(uri, PATH, 'javascript', text, 1);
    try {
      const first = engine.analyze(uri, settings).findings;
      const importLine = 1;
      // Every handler's and helper's exec finding offers the fix that edits the import line.
      const edited = first.filter((f) => f.fixes?.some((x) => x.edits.some((e) => e.range.start.line === importLine)));
      assert.ok(edited.length >= 2 * n, `${edited.length} findings with a fix on the import line`);
      const handlers = text.split('\n').indexOf('// handlers');
      let version = 1;
      const cost: number[] = [];
      for (const paste of ['function pasted() {\n  return 1;\n}\n\n', 'const moved = 1;\n\n']) {
        const s0 = { ...taint.stats };
        engine.change(uri, [{ range: { start: { line: handlers, character: 0 }, end: { line: handlers, character: 0 } }, text: paste }], ++version);
        const r = engine.analyze(uri, settings);
        cost.push(taint.stats.unitsAnalyzed - s0.unitsAnalyzed);
        assert.deepEqual(r.findings.map(findingKey), fresh(uri));
        const now = r.findings.filter((f) => f.fixes?.some((x) => x.edits.some((e) => e.range.start.line === importLine)));
        assert.equal(now.length, edited.length);
      }
      return cost;
    } finally {
      engine.close(uri);
    }
  }

  it('analyses as many units above 8 moved units with such a fix as above 24: none of the moved ones', () => {
    // What a paste analyses is the pasted function and the top level, per pass and round. Each moved unit with
    // findings was pinned: analysed again in every pass and round that reports it (4 or more per handler and helper).
    assert.deepEqual(pasteCost(12), pasteCost(4));
  });

  it('a change that moves the import list entry on its line, no unit moving, gives the fresh fixes', () => {
    const text = app(3);
    const uri = 'fixmove-col:/fixmove/app.js';
    engine.open(uri, PATH, 'javascript', text, 1);
    try {
      engine.analyze(uri, settings);
      let version = 1;
      // `;` before the import: the entry's column moves, the import statements' text and every unit's lines do not.
      for (const edit of [';', ';;', '']) {
        const line = engine.get(uri)!.text.split('\n')[1]!;
        const head = line.indexOf('const');
        engine.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: head } }, text: edit }], ++version);
        assert.deepEqual(engine.analyze(uri, settings).findings.map(findingKey), fresh(uri), JSON.stringify(edit));
      }
    } finally {
      engine.close(uri);
    }
  });
});

// A line by index modulo the line count: fc.double favours 0 and 1 (the first and last line, above and below every
// unit), which would leave the moves this is about untried.
type Op = { kind: 'insert'; at: number; lines: number } | { kind: 'semi' } | { kind: 'import-line'; at: number } | { kind: 'undo' } | { kind: 'toggle'; fn: number };

describe('moved fix edits: random moves of units and of the import list equal a fresh scan (property)', () => {
  it('javascript: inserts, undos, the import moved or split, sinks toggled', () => {
    const n = 4;
    const base = app(n);
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat({ max: 999 }), lines: fc.integer({ min: 1, max: 4 }) }) },
      { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'semi' as const }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('import-line' as const), at: fc.nat({ max: 999 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle' as const), fn: fc.nat({ max: n - 1 }) }) },
    );
    assertProperty(
      fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), (ops) => {
        const uri = 'fixmove-prop:/fixmove/app.js';
        engine.open(uri, PATH, 'javascript', base, 1);
        try {
          engine.analyze(uri, settings);
          let version = 1;
          const inserted: { line: number; lines: number }[] = [];
          for (const o of ops) {
            const lines = engine.get(uri)!.text.split('\n');
            let change;
            if (o.kind === 'insert') {
              const line = o.at % lines.length;
              // Statements, not blank lines: an edit of blanks alone takes the trivia path (findings moved whole).
              change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'void 0;\n'.repeat(o.lines) };
              inserted.unshift({ line, lines: o.lines });
            } else if (o.kind === 'undo') {
              const last = inserted.shift();
              if (!last) continue;
              change = { range: { start: { line: last.line, character: 0 }, end: { line: last.line + last.lines, character: 0 } }, text: '' };
            } else if (o.kind === 'semi') {
              // Before the import statement, on its line: the entry moves along the line.
              const at = lines.findIndex((l) => l.includes("require('child_process')"));
              if (at < 0) continue;
              change = { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: ';' };
            } else if (o.kind === 'import-line') {
              // A second exec import elsewhere: the first one in the file is the entry a fix edits.
              const line = o.at % lines.length;
              change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: "const { exec: run } = require('child_process');\n" };
              inserted.unshift({ line, lines: 1 });
            } else {
              const at = lines.indexOf(`function list${o.fn}(dir) {`);
              if (at < 0) continue;
              const was = lines[at + 1]!;
              const now = was.includes('exec(') ? '  console.log(dir);' : "  exec('ls -l ' + dir);";
              change = { range: { start: { line: at + 1, character: 0 }, end: { line: at + 1, character: was.length } }, text: now };
            }
            engine.change(uri, [change], ++version);
            assert.deepEqual(engine.analyze(uri, settings).findings.map(findingKey), fresh(uri), JSON.stringify(ops));
          }
        } finally {
          engine.close(uri);
        }
      }),
      30,
    );
  });
});

describe('moved fix edits: the taint corpus with statements inserted in the middle equals a fresh scan', () => {
  it('every JavaScript and TypeScript file: open, insert two statements at its middle, analyse', () => {
    let files = 0;
    let withOutside = 0;
    for (const { path, text } of taintCorpus(['javascript', 'typescript'], 'server/src/engine/taint/lang')) {
      const lang = /\.tsx?$/.test(path) ? 'typescript' : 'javascript';
      const uri = `fixmove-corpus:${path}`;
      engine.open(uri, path, lang, text, 1);
      try {
        const first = engine.analyze(uri, settings).findings;
        // At the first top-level statement from the middle on (at column 0): a statement, since blank lines alone
        // take the trivia path, which moves the last findings whole.
        const mid = Math.floor(text.split('\n').length / 2);
        const at = engine.get(uri)!.tree!.rootNode.namedChildren.find((c) => c && c.startPosition.row >= mid && c.startPosition.column === 0)?.startPosition.row ?? 0;
        engine.change(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'void 0;\nvoid 1;\n' }], 2);
        const now = engine.analyze(uri, settings).findings.map(findingKey);
        assert.deepEqual(now, engine.scanText(path, lang, engine.get(uri)!.text, settings).findings.map(findingKey), path);
        files++;
        if (first.some((f) => f.fixes?.some((x) => x.edits.some((e) => e.range.start.line < f.range.start.line - 1)))) withOutside++;
      } finally {
        engine.close(uri);
      }
    }
    assert.ok(files > 50, `${files} files`);
    // The corpus holds files whose fixes edit another line (the execFile import): the case this guards.
    assert.ok(withOutside > 0, `${withOutside} files with a fix edit above its finding`);
  });
});
