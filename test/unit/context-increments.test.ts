/**
 * What a typed character costs the taint pack's own per-edit bookkeeping, outside the fixpoint: the file context
 * places only the edited statement's units (the others are their statement's line plus the rows kept with its shape:
 * `contextUnitsPlaced`), and the pattern rules build only the edited statement's unit key (the others are the last
 * run's, outside the changed span: `patternKeysBuilt`). Both counters must stay O(1) as the file grows, and over
 * random edits (pastes, deletions across units, nested functions, class bodies, imports) the findings must equal a
 * fresh scan of the same text. In Java, where one class holds the whole file, the edited statement is the edited
 * member of the class (`LanguageModule.memberContainers`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { assertEditsMatchFresh, taintTestEngine, TAINT_ONLY } from './taint-test-engine';
import { JAVA_FRAGMENTS, javaClassFile } from './java-class-file';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

/** A Python module of `n` blocks: helpers, Flask handlers with a flow, classes, nested functions, weak hashes. */
function pythonFile(n: number): string {
  const out = ['import hashlib', 'import subprocess', 'from flask import Flask, request', '', 'app = Flask(__name__)', ''];
  for (let i = 0; i < n; i++) {
    if (i % 8 === 3) out.push(`@app.route('/run${i}')`, `def run${i}():`, `    cmd = request.args.get('c')`, `    return subprocess.call(helper${i - 1}(cmd), shell=True)`, '');
    else if (i % 8 === 5) out.push(`class Box${i}:`, `    def get(self, x):`, `        def inner(y):`, `            return y + ${i}`, `        return inner(x)`, '');
    else if (i % 8 === 6) out.push(`def digest${i}(password):`, `    return hashlib.md5(password.encode()).hexdigest()`, '');
    else out.push(`def helper${i}(x):`, `    y = x + ${i}`, `    return y`, '');
  }
  return out.join('\n');
}

/** The same in JavaScript: Express handlers, nested arrow functions, classes, TLS checks turned off. */
function javascriptFile(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const tls = require('tls');`, `const express = require('express');`, `const app = express();`, ''];
  for (let i = 0; i < n; i++) {
    if (i % 8 === 3) out.push(`app.get('/run${i}', (req, res) => {`, `  exec(helper${i - 1}(req.query.c));`, '});', '');
    else if (i % 8 === 5) out.push(`class Box${i} {`, `  get(x) { return [x].map((y) => y + ${i}); }`, '}', '');
    else if (i % 8 === 6) out.push(`function connect${i}(host) {`, `  return tls.connect({ host, port: 443, rejectUnauthorized: false });`, '}', '');
    else out.push(`function helper${i}(x) {`, `  const y = x + ${i};`, '  return y;', '}', '');
  }
  return out.join('\n');
}

const CASES = [
  { lang: 'python', path: '/inc/app.py', make: pythonFile, needle: (i: number) => `x + ${i}` },
  { lang: 'javascript', path: '/inc/app.js', make: javascriptFile, needle: (i: number) => `x + ${i}` },
  // One class holds every method: its members are keyed one by one (`memberContainers`), not the class as one
  // statement, which placed every unit of the file per typed character.
  { lang: 'java', path: '/inc/App.java', make: javaClassFile, needle: (i: number) => `x + ${i}` },
] as const;

const fresh = (c: (typeof CASES)[number], text: string): unknown => engine.scanText(c.path, c.lang, text, TAINT_ONLY).findings;

describe('per-edit bookkeeping of a typed character does not grow with the file', () => {
  for (const c of CASES) {
    it(`${c.lang}: units placed and pattern keys built per typed character, at 80 and 320 blocks`, () => {
      const counts: number[][] = [];
      for (const n of [80, 320]) {
        const text = c.make(n);
        const uri = `ctxinc:${c.path}.${n}`;
        engine.open(uri, c.path, c.lang, text, 1);
        try {
          const p0 = taint.stats.contextUnitsPlaced;
          const k0 = taint.stats.patternKeysBuilt;
          engine.analyze(uri, TAINT_ONLY);
          // The first run places every unit and builds every pattern key.
          assert.ok(taint.stats.contextUnitsPlaced - p0 >= n, `first run placed ${taint.stats.contextUnitsPlaced - p0}`);
          // The pattern rules' units are top-level statements: a Java file's class is one.
          assert.ok(taint.stats.patternKeysBuilt - k0 >= (c.lang === 'java' ? 1 : n), `first run built ${taint.stats.patternKeysBuilt - k0} pattern keys`);
          const lines = text.split('\n');
          let version = 1;
          const per: number[] = [];
          // A digit typed after the number in a helper near the start, the middle and the end, then deleted.
          for (const i of [1, Math.floor(n / 2) + 1, n - 1]) {
            const line = lines.findIndex((l) => l.includes(c.needle(i)));
            assert.ok(line >= 0, c.needle(i));
            const at = { line, character: lines[line]!.indexOf(c.needle(i)) + c.needle(i).length };
            for (const change of [
              { range: { start: at, end: at }, text: '7' },
              { range: { start: at, end: { line, character: at.character + 1 } }, text: '' },
            ]) {
              const placed = taint.stats.contextUnitsPlaced;
              const built = taint.stats.patternKeysBuilt;
              engine.change(uri, [change], ++version);
              const r = engine.analyze(uri, TAINT_ONLY);
              per.push(taint.stats.contextUnitsPlaced - placed, taint.stats.patternKeysBuilt - built);
              assert.deepEqual(r.findings, fresh(c, engine.get(uri)!.text));
            }
          }
          counts.push(per);
        } finally {
          engine.close(uri);
        }
      }
      // The edited helper is one unit and one pattern unit: nothing else is placed or keyed anew.
      for (const per of counts) for (const v of per) assert.ok(v <= 1, `per edit ${JSON.stringify(counts)}`);
      assert.deepEqual(counts[0], counts[1]);
    });
  }
});

const FRAGMENTS = {
  python: ['', ' ', '\n', '    ', '7', 'x', '(', ')', ':', '# c\n', 'import os\n', 'def q(a):\n    return a\n', '    def n(b):\n        return b\n', 'class K:\n    def m(self, v):\n        return hashlib.sha1(v).hexdigest()\n', `@app.route('/q')\ndef q():\n    return subprocess.call(request.args.get('c'), shell=True)\n`, 'hashlib.md5(x)', 'request.args', '"""', "'"],
  java: JAVA_FRAGMENTS,
  javascript: ['', ' ', '\n', '  ', '7', 'x', '(', ')', '{', '}', '`', "'", '// c\n', '/* c */', `const os = require('os');\n`, 'function q(a) { return a; }\n', '(v) => v', 'class K { m(v) { return tls.connect({ rejectUnauthorized: false }); } }\n', `app.post('/q', (req, res) => { exec(req.body.c); });\n`, '{ rejectUnauthorized: false }', 'function n(b) { return () => b; }'],
} as const;

describe('per-edit bookkeeping: findings equal a fresh scan after random edits (property)', () => {
  for (const c of CASES) {
    it(`${c.lang}: typed characters, pastes and deletions across units`, () => {
      const uri = `ctxinc-prop:${c.path}`;
      assertProperty(
        fc.property(
          fc.array(fc.record({ line: fc.nat(200), col: fc.nat(60), del: fc.oneof(fc.nat(3), fc.nat(120)), ins: fc.constantFrom(...FRAGMENTS[c.lang]) }), { minLength: 1, maxLength: 10 }),
          (edits) => assertEditsMatchFresh(engine, { uri, path: c.path, lang: c.lang }, c.make(24), edits),
        ),
        45,
      );
    });
  }
});
