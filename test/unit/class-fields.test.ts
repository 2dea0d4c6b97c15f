/**
 * Dispatch to overrides: `self.run(x)` in a base class reaches the subclasses' `run` (of the file), not another
 * class's. The per-class field summary: a value one method stores in `self.x` / `this.x` from input reaches a sink in another
 * method of the class. Incremental: an edit of a writer re-analyses the readers of the fields whose value changed,
 * not the other classes' methods, and random edits (including writes and clean overwrites typed in) equal a fresh
 * scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import type { AnalysisResult } from '../../server/src/engine/types';
import { assertProperty } from './property-seeds';
import { assertRandomEditsEqualFreshScan } from './random-edits';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;
let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const plain = (r: AnalysisResult) => r.findings;

/** `n` classes: each stores input in a field in one method and runs it in another (every third overwrites it clean). */
function pythonFile(n: number): string {
  const out = ['import os', 'from flask import request', ''];
  for (let i = 0; i < n; i++) {
    out.push(`class View${i}:`, '    def setup(self):', `        self.arg = request.args["a${i}"]`);
    if (i % 3 === 2) out.push(`        self.arg = "const${i}"`);
    out.push('', '    def run(self):', `        os.system("tool " + self.arg)`, '');
  }
  return out.join('\n');
}

function javascriptFile(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const express = require('express');`, ''];
  for (let i = 0; i < n; i++) {
    out.push(`class Ctl${i} {`, '  handle(req, res) {', `    this.arg = req.query.a${i};`);
    if (i % 3 === 2) out.push(`    this.arg = 'const${i}';`);
    out.push('  }', '', '  run() {', `    exec('tool ' + this.arg);`, '  }', '}', '');
  }
  return out.join('\n');
}

const CASES = [
  { lang: 'python', path: '/fields/views.py', make: pythonFile, write: '        self.arg = request.args["z"]\n', clean: '        self.arg = "clean"\n', sink: 'os.system' },
  { lang: 'javascript', path: '/fields/ctl.js', make: javascriptFile, write: '    this.arg = req.query.z;\n', clean: "    this.arg = 'clean';\n", sink: 'exec' },
] as const;

describe('class fields: a field stored from input in one method reaches a sink in another', () => {
  for (const c of CASES) {
    it(`${c.lang}: found in the classes whose field holds input, with a trace naming the writer; not where it is overwritten clean`, () => {
      const r = engine.scanText(c.path, c.lang, c.make(6), settings);
      const lines = c.make(6).split('\n');
      const at = r.findings.map((f) => lines[f.range.start.line]!.trim());
      // Classes 0, 1, 3, 4 store input; 2 and 5 overwrite it with a constant on every path.
      assert.equal(r.findings.length, 4, JSON.stringify(at));
      for (const f of r.findings) assert.ok(f.trace?.some((s) => /stored from input by (setup|handle)\(\)/.test(s.message)), JSON.stringify(f.trace));
    });
  }
});

describe('class fields: an edit of a writer re-analyses its class\'s readers only', () => {
  for (const c of CASES) {
    it(`${c.lang}: overwriting a field clean drops the reader's finding, and the other classes are not analysed`, () => {
      const text = c.make(30);
      const uri = `fields:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        const full0 = taint.stats.unitsAnalyzed;
        const first = engine.analyze(uri, settings);
        const fullAnalysed = taint.stats.unitsAnalyzed - full0;
        const lines = text.split('\n');
        // After class 0's write: a clean overwrite there.
        const line = lines.findIndex((l) => l.includes('a0')) + 1;
        const a1 = taint.stats.unitsAnalyzed;
        engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: c.clean }], 2);
        const r = engine.analyze(uri, settings);
        const analysed = taint.stats.unitsAnalyzed - a1;
        assert.equal(r.findings.length, first.findings.length - 1);
        assert.deepEqual(plain(r), plain(engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings)));
        assert.ok(analysed * 10 < fullAnalysed, `${analysed} units analysed after one writer's edit; a full run analyses ${fullAnalysed}`);
      } finally {
        engine.close(uri);
      }
    });
  }
});

describe('class fields: random edits over classes with fields equal a fresh scan (property)', () => {
  for (const c of CASES) {
    it(`${c.lang}: writes, clean overwrites, lines deleted, characters and newlines typed`, () => {
      const sink = c.write.replace(/=.*/, '').replace(/(self|this)\.arg\s*/, `${c.sink}("x" + $1.arg)\n`);
      assertRandomEditsEqualFreshScan(engine, { path: c.path, lang: c.lang, base: c.make(8), inserts: { write: c.write, clean: c.clean, sink }, settings, runs: 40 });
    });
  }
});

/** `n` base classes calling `self.run(input)`, each with a subclass whose override runs it (every third: a clean one). */
function pythonDispatch(n: number): string {
  const out = ['import os', 'from flask import request', ''];
  for (let i = 0; i < n; i++) {
    out.push(`class Base${i}:`, '    def start(self):', `        self.run(request.args["q${i}"])`, '', '    def run(self, v):', '        return v', '');
    out.push(`class Sub${i}(Base${i}):`, '    def run(self, v):', i % 3 === 2 ? '        return len(v)' : '        os.system("tool " + v)', '');
  }
  return out.join('\n');
}

function javascriptDispatch(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const express = require('express');`, ''];
  for (let i = 0; i < n; i++) {
    out.push(`class Base${i} {`, '  start(req) {', `    this.run(req.query.q${i});`, '  }', '  run(v) {', '    return v;', '  }', '}', '');
    out.push(`class Sub${i} extends Base${i} {`, '  run(v) {', i % 3 === 2 ? '    return v.length;' : "    exec('tool ' + v);", '  }', '}', '');
  }
  return out.join('\n');
}

const DISPATCH = [
  { lang: 'python', path: '/fields/tasks.py', make: pythonDispatch, header: 'class Extra(Base0):\n    def run(self, v):\n        os.system(v)\n', rename: 'class Sub0(Base1):' },
  { lang: 'javascript', path: '/fields/jobs.js', make: javascriptDispatch, header: 'class Extra extends Base0 {\n  run(v) { exec(v); }\n}\n', rename: 'class Sub0 extends Base1 {' },
] as const;

describe('dispatch to overrides: found in the subclasses, edits equal a fresh scan (property)', () => {
  for (const c of DISPATCH) {
    it(`${c.lang}: the override's sink is reached with a trace naming it`, () => {
      const r = engine.scanText(c.path, c.lang, c.make(3), settings);
      // Sub0 and Sub1 run their input; Sub2 does not.
      assert.equal(r.findings.length, 2, JSON.stringify(r.findings.map((f) => f.range.start.line)));
      for (const f of r.findings) assert.ok(f.trace?.some((s) => /dispatched to Sub[01]\.run\(\)/.test(s.message)), JSON.stringify(f.trace));
    });
    it(`${c.lang}: subclasses added, re-based and edited`, () => {
      const base = c.make(4);
      const edit = fc.record({
        line: fc.nat(),
        kind: fc.constantFrom('subclass', 'rebase', 'newline', 'char', 'delete-line'),
        ch: fc.constantFrom('a', '(', ':', '.', '{', '}'),
        analyze: fc.boolean(),
      });
      assertProperty(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
          const uri = `dispatch-prop:${c.path}`;
          engine.open(uri, c.path, c.lang, base, 1);
          try {
            engine.analyze(uri, settings);
            let version = 1;
            for (const e of edits) {
              const lines = engine.get(uri)!.text.split('\n');
              const line = e.line % lines.length;
              const len = lines[line]!.length;
              const at = { line, character: len };
              const start = { line, character: 0 };
              const sub = lines.findIndex((l) => l.startsWith('class Sub0'));
              const change =
                e.kind === 'subclass' ? { range: { start, end: start }, text: c.header }
                : e.kind === 'rebase' && sub >= 0 ? { range: { start: { line: sub, character: 0 }, end: { line: sub, character: lines[sub]!.length } }, text: c.rename }
                : e.kind === 'newline' ? { range: { start: at, end: at }, text: '\n' }
                : e.kind === 'char' ? { range: { start: at, end: at }, text: e.ch }
                : { range: { start, end: { line: Math.min(line + 1, lines.length - 1), character: 0 } }, text: '' };
              engine.change(uri, [change], ++version);
              if (e.analyze) engine.analyze(uri, settings);
            }
            const text = engine.get(uri)!.text;
            assert.deepEqual(plain(engine.analyze(uri, settings)), plain(engine.scanText(c.path, c.lang, text, settings)), JSON.stringify(edits));
          } finally {
            engine.close(uri);
          }
        }),
        40,
      );
    });
  }
});
