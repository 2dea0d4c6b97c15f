/**
 * A one-shot scan (`Engine.scanText`) builds its file context without the memo an open document keeps for its next
 * edit (statement keys, shapes, function descriptors): nothing reads it after the run. The units must be the same
 * either way (their keys name the cache entries a pass run makes and reads), and a scan must keep no shapes while an
 * open document does (a count, not a time).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { resetNodeCache } from '../../server/src/engine/patterns/pattern';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { fileContext, type ContextMemo } from '../../server/src/engine/taint/taint-analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { findFixtures } from '../rules/rule-fixtures';
import { taintFixtureLanguage, taintTestEngine } from './taint-test-engine';

const ROOT = join(__dirname, '..', '..');
const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const fixtures = (): { file: string; lang: string }[] =>
  findFixtures(join(ROOT, 'rules', 'taint')).flatMap((file) => {
    const lang = file.includes('.fixture.') ? taintFixtureLanguage(file) : undefined;
    return lang && !file.includes('.fixed.') ? [{ file, lang }] : [];
  });

describe('one-shot file context', () => {
  it('has the same units, keys and parameters without a memo as with one, on every taint fixture', () => {
    let units = 0;
    for (const { file, lang } of fixtures()) {
      const uri = `ctx:${file}`;
      engine.open(uri, file, lang, readFileSync(file, 'utf8'), 1);
      try {
        const doc = engine.get(uri)!;
        for (const audit of [false, true]) {
          const compiled = taint.compiledFor(doc, audit);
          if (!compiled || !doc.tree) continue;
          resetNodeCache();
          const memo: ContextMemo = { byStatement: new Map() };
          const kept = fileContext(doc.tree, compiled, doc.text, doc.lines, memo);
          const bare = fileContext(doc.tree, compiled, doc.text, doc.lines);
          assert.ok(memo.byStatement.size > 0 || doc.tree.rootNode.hasError, `${file}: the memo was kept`);
          const view = (c: typeof kept) =>
            c.units.map((u) => ({ key: u.key, name: u.name, arity: u.arity, cls: u.cls, bases: u.bases, isMethod: u.isMethod, line: u.line, endLine: u.endLine, aliases: [...u.aliases], sources: [...u.params.sources], entry: [...(u.params.entryParams ?? [])], handlers: u.params.handlers, start: u.node.startIndex }));
          assert.deepEqual(view(bare), view(kept), `${file} (audit ${audit})`);
          assert.equal(bare.importKey, kept.importKey);
          units += kept.units.length;
        }
      } finally {
        engine.close(uri);
      }
    }
    assert.ok(units > 1000, `${units} units compared`);
  });

  it('makes the same unit keys without a memo whichever unit is read first, and none in a scan where no pass runs', () => {
    // Identical functions at the same column share their key's text: their occurrence numbers (#0, #1, #2) depend on the
    // order the units were made in, not on the order their keys are first read.
    const same = 'function twin(a) { return a + 1; }\n';
    const text = `const lib = require('lib');\n${same}${same}module.exports = { run: (x) => lib.call(x) };\n${same}`;
    const uri = 'ctx:twins.js';
    engine.open(uri, '/w/twins.js', 'javascript', text, 1);
    try {
      const doc = engine.get(uri)!;
      const compiled = taint.compiledFor(doc, false)!;
      resetNodeCache();
      const kept = fileContext(doc.tree!, compiled, doc.text, doc.lines, { byStatement: new Map() });
      const bare = fileContext(doc.tree!, compiled, doc.text, doc.lines);
      const reversed = [...bare.units].reverse().map((u) => u.key).reverse();
      assert.deepEqual(reversed, kept.units.map((u) => u.key));
      assert.equal(bare.importKey, kept.importKey);
      assert.equal(new Set(reversed).size, reversed.length, 'the twins have distinct keys');
      assert.ok(reversed.filter((k) => k.endsWith('#2')).length === 1, 'three twins numbered in order');
    } finally {
      engine.close(uri);
    }
    // A library file no flow can start in: the scan reads no unit key; a handler reading a request does.
    const made = () => taint.stats.contextUnitKeysMade;
    const m0 = made();
    engine.scanText('/w/lib.js', 'javascript', text, settings);
    assert.equal(made(), m0, 'a scan with no pass made unit keys');
    engine.scanText('/w/app.js', 'javascript', "const app = require('express')();\napp.get('/', (req, res) => { res.send(req.query.q); });\n", settings);
    assert.ok(made() > m0, 'a scan whose passes run makes its units\' keys');
  });

  it('keeps no statement shapes in a scan, as an open document does, with the same findings', () => {
    let scanned = 0;
    for (const { file, lang } of fixtures().slice(0, 40)) {
      const text = readFileSync(file, 'utf8');
      const k0 = taint.stats.contextShapesKept;
      const scan = engine.scanText(file, lang, text, settings);
      const k1 = taint.stats.contextShapesKept;
      assert.equal(k1, k0, `${file}: a one-shot scan kept statement shapes`);
      const uri = `open:${file}`;
      engine.open(uri, file, lang, text, 1);
      try {
        const open = engine.analyze(uri, settings);
        const key = (r: typeof open) => JSON.stringify(r.findings.map((f) => [f.ruleId, f.range, f.message, f.trace, f.fixes]));
        assert.equal(key(scan), key(open), `${file}: findings`);
      } finally {
        engine.close(uri);
      }
      if (taint.stats.contextShapesKept > k1) scanned++;
    }
    assert.ok(scanned > 20, `${scanned} open documents kept shapes`);
  });
});
