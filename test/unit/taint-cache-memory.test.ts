/**
 * What the taint pack keeps per warm document between runs is memory an editor holds for every warm file: a
 * 3,000-line file keeps tens of thousands of cached top-level statement entries (one per statement, pass and
 * round). Entries must not each carry collections of their own that hold nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer, type TaintAnalyzer } from '../../server/src/engine/taint';
import { newTaintSessionCache, type TaintSessionCache } from '../../server/src/engine/taint/taint-analyzer';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => {
  taint = createTaintAnalyzer().analyzer;
  engine = await Engine.create({ analyzers: [taint], grammars: ['javascript', 'python'] });
});
after(() => engine.dispose());

/** Distinct empty collections (Maps and arrays) the cached statement entries hold, and the entries. */
function emptyCollections(cache: TaintSessionCache): { empty: number; entries: number } {
  const seen = new Set<object>();
  let entries = 0;
  for (const perPass of cache.statements.values()) {
    for (const list of perPass.values()) {
      for (const e of list) {
        entries++;
        for (const m of [e.deps, e.defsRead, e.sinkKeys]) if (m.size === 0) seen.add(m);
        for (const a of [e.findings, e.returns, e.sets, e.defsOut]) if (a.length === 0) seen.add(a);
      }
    }
  }
  return { empty: seen.size, entries };
}

/** Non-empty unit summaries the cache holds, grouped by content: how many groups, and how many objects. */
function summaryCopies(cache: TaintSessionCache): { contents: number; objects: number } {
  const byContent = new Map<string, Set<object>>();
  const maps = (_k: string, v: unknown) => (v instanceof Map ? [...(v as Map<unknown, unknown>)] : v);
  for (const perPass of cache.units.values()) {
    for (const list of perPass.values()) {
      for (const { result } of list) {
        const s = result.summary;
        if (s.paramReturns.size === 0 && s.paramSinks.size === 0 && s.sourceReturns.length === 0) continue;
        const k = JSON.stringify(s, maps);
        let set = byContent.get(k);
        if (!set) byContent.set(k, (set = new Set()));
        set.add(s);
      }
    }
  }
  let objects = 0;
  for (const set of byContent.values()) objects += set.size;
  return { contents: byContent.size, objects };
}

/** Maps the rounds' reverse indexes hold per target and per unit, and the targets and units they index. */
function indexMaps(cache: TaintSessionCache): { targetMaps: number; unitMaps: number; targets: number; units: number } {
  let targetMaps = 0;
  let unitMaps = 0;
  let targets = 0;
  let units = 0;
  for (const rec of cache.records.values()) {
    for (const rr of rec.rounds) {
      targets += rr.consumers.size;
      units += rr.targets.size;
      for (const users of rr.consumers.values()) if (users instanceof Map) targetMaps++;
      for (const x of rr.targets.values()) if (x instanceof Map) unitMaps++;
    }
  }
  return { targetMaps, unitMaps, targets, units };
}

describe('taint session cache memory', () => {
  for (const lang of ['javascript', 'python'] as const) {
    it(`${lang}: the worklist's reverse index keeps no Map per unit, nor per target with one consumer`, () => {
      const g = generateFile(lang, 400, 79);
      const path = `/ws/index.${lang === 'python' ? 'py' : 'js'}`;
      const doc = engine.open(`mem:${path}`, path, lang, g.text, 1);
      const cache = newTaintSessionCache();
      taint.analyze(doc, cache);
      const { targetMaps, unitMaps, targets, units } = indexMaps(cache);
      assert.ok(targets > 50 && units > 20, `the file's units consult names (${targets} targets, ${units} units)`);
      // A unit's indexed dependencies share its entry's map; only targets several units consulted take a Map.
      assert.equal(unitMaps, 0);
      assert.ok(targetMaps < targets * 0.75, `${targetMaps} Maps for ${targets} targets`);
      // After an edit the index still finds what a fresh run finds.
      engine.change(doc.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 2);
      assert.deepEqual(JSON.parse(JSON.stringify(taint.analyze(doc, cache))), JSON.parse(JSON.stringify(taint.analyze(doc, newTaintSessionCache()))));
      engine.close(doc.uri);
    });
  }

  for (const lang of ['javascript', 'python'] as const) {
    it(`${lang}: a function's summary that several passes compute alike is kept once`, () => {
      const g = generateFile(lang, 400, 78);
      const path = `/ws/lib.${lang === 'python' ? 'py' : 'js'}`;
      const doc = engine.open(`mem:${path}`, path, lang, g.text, 1);
      const cache = newTaintSessionCache();
      const first = taint.analyze(doc, cache);
      const { contents, objects } = summaryCopies(cache);
      assert.ok(contents > 10, `the file has functions with summaries (${contents})`);
      assert.equal(objects, contents, 'one object per distinct summary');
      // Equal summaries shared by several passes stay correct after an edit that moves them.
      engine.change(doc.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }], 2);
      const edited = taint.analyze(doc, cache);
      assert.deepEqual(edited.map((f) => [f.ruleId, f.range.start.line - 2]), first.map((f) => [f.ruleId, f.range.start.line]));
      assert.deepEqual(JSON.parse(JSON.stringify(edited)), JSON.parse(JSON.stringify(taint.analyze(doc, newTaintSessionCache()))));
      engine.close(doc.uri);
    });
  }

  for (const lang of ['javascript', 'python'] as const) {
    it(`${lang}: cached top-level statements that read and wrote nothing share their empty collections`, () => {
      const g = generateFile(lang, 400, 77);
      const path = `/ws/app.${lang === 'python' ? 'py' : 'js'}`;
      const doc = engine.open(`mem:${path}`, path, lang, g.text, 1);
      const cache = newTaintSessionCache();
      const first = taint.analyze(doc, cache);
      const { empty, entries } = emptyCollections(cache);
      assert.ok(entries > 100, `the file has top-level statements to cache (${entries})`);
      // One shared empty Map and one shared empty array at most, whatever the number of entries.
      assert.ok(empty <= 2, `${empty} distinct empty collections for ${entries} entries`);
      // An edit reuses the entries (replayed from the shared empties) and finds what a fresh run finds.
      engine.change(doc.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 2);
      const edited = taint.analyze(doc, cache);
      assert.deepEqual(edited.map((f) => [f.ruleId, f.range.start.line - 1]), first.map((f) => [f.ruleId, f.range.start.line]));
      assert.deepEqual(JSON.parse(JSON.stringify(edited)), JSON.parse(JSON.stringify(taint.analyze(doc, newTaintSessionCache()))));
      assert.ok(emptyCollections(cache).empty <= 2);
      engine.close(doc.uri);
    });
  }
});
