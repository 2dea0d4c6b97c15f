/**
 * The taint pack's file context (units, imports, handlers) is patched per top-level statement: an edit inside one
 * function re-reads that statement's nodes only (deterministic counters, never time), and over random edits the
 * patched context equals one built fresh from the same text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { resetNodeCache } from '../../server/src/engine/patterns/pattern';
import { fileContext, newTaintSessionCache } from '../../server/src/engine/taint/taint-analyzer';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';
import { JAVA_FRAGMENTS, javaClassFile } from './java-class-file';

const settings = TAINT_ONLY;

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

/** A Python module of `n` functions: plain helpers, Flask handlers with a flow, a class with methods. */
function pythonFile(n: number): string {
  const out = ['import subprocess', 'from flask import Flask, request', '', 'app = Flask(__name__)', ''];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 7) out.push(`@app.route('/run${i}')`, `def run${i}(name):`, `    cmd = request.args.get('c')`, `    return subprocess.call(helper${i - 1}(cmd), shell=True)`, '');
    else if (i % 10 === 5) out.push(`class Box${i}:`, `    def get(self, x):`, `        return (lambda y: y + ${i})(x)`, '');
    else out.push(`def helper${i}(x):`, `    # plain`, `    y = x + ${i}`, `    return y`, '');
  }
  return out.join('\n');
}

/** The same shape in JavaScript (Express handlers, nested arrow functions, a class). */
function javascriptFile(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const express = require('express');`, `const app = express();`, ''];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 7) out.push(`app.get('/run${i}', (req, res) => {`, `  const t = ${i}; exec(helper${i - 1}(req.query.c)); // run`, '});', '');
    else if (i % 10 === 5) out.push(`class Box${i} {`, `  get(x) { return [x].map((y) => y + ${i}); }`, '}', '');
    else out.push(`function helper${i}(x) {`, `  // plain`, `  const y = x + ${i};`, '  return y;', '}', '');
  }
  return out.join('\n');
}

const CASES = [
  { lang: 'python', path: '/ctx/app.py', make: pythonFile, comment: '# note' },
  { lang: 'javascript', path: '/ctx/app.js', make: javascriptFile, comment: '// note' },
] as const;

describe('file context: an edit inside one function', () => {
  for (const c of CASES) {
    it(`${c.lang}: re-reads only that unit's nodes`, () => {
      const text = c.make(200);
      const uri = `filectx:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        const r0 = taint.stats.contextNodesRead;
        engine.analyze(uri, settings);
        const full = taint.stats.contextNodesRead - r0;
        // Every function and import of the file is read once on the first run.
        assert.ok(full >= 200, `first run read ${full} nodes`);
        const lines = text.split('\n');
        let version = 1;
        for (const needle of ['x + 120', 'x + 199', 'x + 3']) {
          const line = lines.findIndex((l) => l.includes(needle));
          assert.ok(line >= 0, needle);
          // A digit typed after the number: still valid code, a new summary text.
          const at = { line, character: lines[line]!.indexOf(needle) + needle.length };
          const before = taint.stats.contextNodesRead;
          const stmtsBefore = taint.stats.contextStatementsRead;
          const valuesBefore = taint.stats.moduleValuesRead;
          const keysBefore = taint.stats.contextKeysBuilt;
          engine.change(uri, [{ range: { start: at, end: at }, text: '1' }], ++version);
          const r = engine.analyze(uri, settings);
          // The top level's statement keys are kept outside the changed span: only the edited statement's is built.
          assert.equal(taint.stats.contextKeysBuilt - keysBefore, 1, `statement keys built after an edit at ${needle}`);
          // The edited function is one node: a whole-tree search would read `full`.
          assert.equal(taint.stats.contextNodesRead - before, 1, `nodes read after an edit at ${needle}`);
          // Imports, exports and type declarations are read from the edited statement alone.
          assert.equal(taint.stats.contextStatementsRead - stmtsBefore, 1, `statements read after an edit at ${needle}`);
          // So are the module's constants (the name table's `c:` entries), when a pass reads them.
          assert.ok(taint.stats.moduleValuesRead - valuesBefore <= 1, `module value statements read after an edit at ${needle}: ${taint.stats.moduleValuesRead - valuesBefore}`);
          assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings);
        }
        // A line break typed at the end of a function's line moves every statement below it by one line and the
        // same offset: their keys are kept too.
        const line = lines.findIndex((l) => l.includes('x + 150'));
        const keysBefore = taint.stats.contextKeysBuilt;
        engine.change(uri, [{ range: { start: { line, character: lines[line]!.length }, end: { line, character: lines[line]!.length } }, text: '\n' }], ++version);
        const r = engine.analyze(uri, settings);
        assert.equal(taint.stats.contextKeysBuilt - keysBefore, 1, 'statement keys built after a line break');
        assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings);
      } finally {
        engine.close(uri);
      }
    });
  }
});

/** What a context says, with each node by its id in the tree (the lazily read ones read here). */
function view(c: ReturnType<typeof fileContext>): unknown {
  return {
    units: c.units.map((u) => ({
      node: [u.node.id, u.node.type, u.node.startIndex, u.node.endIndex],
      name: u.name,
      isMethod: u.isMethod,
      key: u.key,
      lines: [u.line, u.endLine],
      aliases: [...u.aliases],
      sources: [...u.params.sources],
      entry: [...(u.params.entryParams ?? [])],
      handlers: u.params.handlers,
      params: u.params.names.map((p) => [p.index, p.node.id]),
    })),
    imports: [...c.imports],
    byName: [...c.byName].map(([k, u]) => [k, u?.key ?? null]),
    byMethod: [...c.byMethod].map(([k, u]) => [k, u?.key ?? null]),
    byStart: [...c.byStart].map(([k, u]) => [k, u.key]),
    topNested: c.topNested,
    importKey: c.importKey,
  };
}

const FRAGMENTS = {
  java: JAVA_FRAGMENTS,
  python: ['', ' ', '\n', '    ', '# c\n', 'x', '(', ')', ':', 'def q(a):\n    return a\n', 'import os\n', `@app.route('/q')\n`, 'lambda z: z', 'class K:\n    def m(self, v):\n        return v\n', 'request.args', 'class Kind(str, Enum):\n    A = 1\n', 'Name = Annotated[str, Depends(f)]\n', 'Kind', 'run = subprocess.call\n', 'sp = subprocess\n', 'go = sp.run', ' = request'],
  javascript: ['', ' ', '\n', '  ', '// c\n', '/* c */', 'x', '(', ')', '{', '}', 'function q(a) { return a; }\n', `const os = require('os');\n`, `import fs from 'fs';\n`, '(v) => v', `app.post('/q', (req, res) => { exec(req.body.c); });\n`, 'class K { m(v) { return v; } }\n', 'export const GET = helper3;\n', 'exports.POST = helper4;\n', 'export { helper6 as PUT };\n', 'const run = exec;\n', 'const { spawn: sp } = require("child_process");\n', 'let go = sp', ' = exec', 'const pick = u ? sp : exec;\n', ' ? exec : sp'],
} as const;

/** The property's cases: also Java, whose class is patched per member (`LanguageModule.memberContainers`). */
const PATCH_CASES = [...CASES, { lang: 'java', path: '/ctx/App.java', make: javaClassFile, comment: '// note' }] as const;

describe('file context: patched per statement equals built fresh (property)', () => {
  for (const c of PATCH_CASES) {
    it(`${c.lang}: random character, line, comment and code edits`, () => {
      const uri = `filectx-prop:${c.path}`;
      assertProperty(
        fc.property(
          fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(12), ins: fc.constantFrom(...FRAGMENTS[c.lang]) }), { minLength: 1, maxLength: 12 }),
          (edits) => {
            let text = c.make(24);
            engine.open(uri, c.path, c.lang, text, 1);
            try {
              const doc = engine.get(uri)!;
              const langs = [taint.compiledFor(doc)!, taint.compiledFor(doc, true)!];
              const memos = langs.map(() => newTaintSessionCache().context);
              let version = 1;
              const step = (): void => {
                resetNodeCache();
                langs.forEach((lang, i) => {
                  const ctx = fileContext(doc.tree!, lang, doc.text, doc.lines, memos[i]);
                  const patched = view(ctx);
                  assert.deepEqual(patched, view(fileContext(doc.tree!, lang, doc.text, doc.lines)), JSON.stringify(edits));
                  // The aliases read per statement are those a search of the whole text finds.
                  assert.deepEqual([...ctx.imports], [...lang.module.collectImports(doc.tree!.rootNode, doc.text)], JSON.stringify(edits));
                });
              };
              step();
              for (const e of edits) {
                const start = Math.floor(e.at * text.length);
                const end = Math.min(text.length, start + e.del);
                const pos = doc.lines.positionAt.bind(doc.lines);
                engine.change(uri, [{ range: { start: pos(start), end: pos(end) }, text: e.ins }], ++version);
                text = text.slice(0, start) + e.ins + text.slice(end);
                assert.equal(doc.text, text);
                step();
              }
            } finally {
              resetNodeCache();
              engine.close(uri);
            }
          },
        ),
        60,
      );
    });
  }
});

describe('file context: trivia-only edits', () => {
  /** Edits (line of `needle`, where on it, what to remove, what to type) that change only blanks or a comment's words. */
  const EDITS = {
    python: [
      ['whitespace', 'x + 12', 'end', 0, '   '],
      ['whitespace', 'x + 12', 'end', 3, ''],
      ['comment', '# plain', 'end', 0, ' note'],
      ['comment', '# plain', 3, 2, 'xy'],
    ],
    javascript: [
      ['whitespace', 'x + 12;', 'end', 0, '  '],
      ['whitespace', 'const t = 17;', 14, 0, '    '],
      ['whitespace', 'const t = 27;', 13, 1, '\t'],
      ['comment', '// plain', 'end', 0, ' more words'],
      ['comment', '// run', 5, 1, 'U'],
      ['comment', '// run', 'end', 0, ' 2'],
    ],
  } as const;
  for (const c of CASES) {
    it(`${c.lang}: a whitespace-only edit analyses no unit / a comment edit analyses no unit`, () => {
      const text = c.make(60);
      const uri = `filectx-trivia:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        const first = engine.analyze(uri, settings);
        assert.ok(first.findings.length > 0, `the file has findings: ${JSON.stringify(first.notices)} ${text.length}`);
        let version = 1;
        for (const [kind, needle, where, del, ins] of EDITS[c.lang]) {
          const lines = engine.get(uri)!.text.split('\n');
          const line = lines.findIndex((l) => l.includes(needle));
          assert.ok(line >= 0, needle);
          const character = where === 'end' ? lines[line]!.length - del : lines[line]!.indexOf(needle) + where;
          const s0 = { ...taint.stats };
          engine.change(uri, [{ range: { start: { line, character }, end: { line, character: character + del } }, text: ins }], ++version);
          const r = engine.analyze(uri, settings);
          const label = `${kind} edit at ${needle}`;
          assert.equal(taint.stats.unitsAnalyzed - s0.unitsAnalyzed, 0, `units analysed after a ${label}`);
          assert.equal(taint.stats.topStatementsAnalyzed - s0.topStatementsAnalyzed, 0, `top-level statements analysed after a ${label}`);
          assert.equal(taint.stats.patternUnitsWalked - s0.patternUnitsWalked, 0, `pattern units walked after a ${label}`);
          // Positions moved along the line are those of a fresh scan.
          assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings, label);
        }
      } finally {
        engine.close(uri);
      }
    });
  }
});

describe('file context: words typed next to punctuation in a line comment', () => {
  /** A top-level comment and a function's comment, both ending in a full stop after a parenthesis. */
  const withPunctuation = (c: (typeof CASES)[number]): string => {
    const mark = c.lang === 'python' ? '#' : '//';
    const text = c.make(40).replace(`${mark} plain`, `${mark} plain, newest first (see #95).`);
    const lines = text.split('\n');
    lines.splice(3, 0, `${mark} Keeps the list sorted (see #95).`);
    // Deleting the `a` makes a comment of code: not a comment edit, though the new text is one.
    if (c.lang === 'javascript') lines.push("/a/.test(process.env.X) && app.get('/r', (req, res) => exec(req.query.c));");
    return lines.join('\n');
  };
  /** (needle, where on its line, characters removed, text typed): each changes no token, so no unit is analysed. */
  const EDITS = [
    ['Keeps the list', 'end', 0, 'x'],
    ['Keeps the list', 'end', 1, ''],
    ['Keeps the list', 'end', 0, ' and'],
    ['Keeps the list', 'end', 4, ''],
    ['newest first', 'end', 0, 'Done'],
    ['newest first', 'end', 4, ''],
    ['(see #95)', 0, 0, 'word '],
    ['(see #95)', -5, 5, ''],
    ['/a/.test', 1, 1, ''],
  ] as const;
  for (const c of CASES) {
    it(`${c.lang}: moves the findings, analyses no unit, equals a fresh scan`, () => {
      const uri = `filectx-punct:${c.path}`;
      engine.open(uri, c.path, c.lang, withPunctuation(c), 1);
      try {
        assert.ok(engine.analyze(uri, settings).findings.length > 0);
        let version = 1;
        for (const [needle, where, del, ins] of EDITS) {
          const lines = engine.get(uri)!.text.split('\n');
          const line = lines.findIndex((l) => l.includes(needle));
          if (line < 0 && needle === '/a/.test' && c.lang === 'python') continue;
          assert.ok(line >= 0, needle);
          const character = where === 'end' ? lines[line]!.length - del : lines[line]!.indexOf(needle) + where;
          const s0 = { ...taint.stats };
          const before = engine.analyze(uri, settings).findings.length;
          engine.change(uri, [{ range: { start: { line, character }, end: { line, character: character + del } }, text: ins }], ++version);
          const r = engine.analyze(uri, settings);
          const label = `${JSON.stringify(ins)} at ${needle} (${lines[line]})`;
          const analysed = taint.stats.unitsAnalyzed - s0.unitsAnalyzed + taint.stats.topStatementsAnalyzed - s0.topStatementsAnalyzed;
          if (needle === '/a/.test') assert.ok(analysed > 0 && r.findings.length < before, `code commented out is analysed: ${label}`);
          else assert.equal(analysed, 0, `analysed after ${label}`);
          assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, engine.get(uri)!.text, settings).findings, label);
        }
      } finally {
        engine.close(uri);
      }
    });
  }
});

describe('file context: blank and word edits anywhere equal a fresh scan (property)', () => {
  for (const c of CASES) {
    it(`${c.lang}: blanks and words typed or deleted at random places, findings moved or recomputed`, () => {
      const uri = `filectx-blank:${c.path}`;
      assertProperty(
        fc.property(
          fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(2), ins: fc.constantFrom('', ' ', '  ', '\t', 'ab', ' x', `${c.comment} `, `${c.comment} (see #9). `, '?>', '/* a. */') }), { minLength: 1, maxLength: 8 }),
          (edits) => {
            engine.open(uri, c.path, c.lang, c.make(12), 1);
            try {
              const doc = engine.get(uri)!;
              engine.analyze(uri, settings);
              let version = 1;
              for (const e of edits) {
                const start = Math.floor(e.at * doc.text.length);
                const end = Math.min(doc.text.length, start + e.del);
                engine.change(uri, [{ range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) }, text: e.ins }], ++version);
                const r = engine.analyze(uri, settings);
                assert.deepEqual(r.findings, engine.scanText(c.path, c.lang, doc.text, settings).findings, JSON.stringify(edits));
              }
            } finally {
              engine.close(uri);
            }
          },
        ),
        40,
      );
    });
  }
});

describe('file context: a Java class patched per member', () => {
  it('a same-length edit inside a method, in the class header and a line break re-key exactly what changed', () => {
    const uri = 'filectx-java:/ctx/App.java';
    const text = javaClassFile(40);
    engine.open(uri, '/ctx/App.java', 'java', text, 1);
    try {
      const doc = engine.get(uri)!;
      const lang = taint.compiledFor(doc)!;
      const memo = newTaintSessionCache().context;
      const check = (what: string): void => {
        resetNodeCache();
        const patched = view(fileContext(doc.tree!, lang, doc.text, doc.lines, memo));
        assert.deepEqual(patched, view(fileContext(doc.tree!, lang, doc.text, doc.lines)), what);
      };
      check('first run');
      let version = 1;
      const replace = (needle: string, by: string): void => {
        const at = doc.text.indexOf(needle);
        assert.ok(at >= 0, needle);
        const pos = doc.lines.positionAt.bind(doc.lines);
        engine.change(uri, [{ range: { start: pos(at), end: pos(at + needle.length) }, text: by }], ++version);
      };
      // The method's name changes, not its length nor its neighbours' offsets.
      replace('static String helper9(', 'static String helpeR9(');
      check('a same-length rename');
      replace('@RestController\npublic class App {', '@RestController\npublic class Apq {');
      check('the class header');
      replace('        return y;\n    }\n\n    static String helper10(', '        return y;\n    }\n\n\n    static String helper10(');
      check('a line break between members');
    } finally {
      resetNodeCache();
      engine.close(uri);
    }
  });
});
