/**
 * Record classes and objects passed whole: a dataclass's or pydantic model's generated constructor stores each
 * argument in its field (`LanguageModule.recordFields`), and a function reading one field of its parameter reports
 * at a call whose argument holds input in that field only (`FIELD_READ`). Incremental: renaming the field in the class
 * (another statement than the views reading it) changes the views' findings, and random edits equal a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint/taint-analyzer';
import { assertRandomEditsEqualFreshScan } from './random-edits';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;
let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const PATH = '/records/views.py';
const FIELD = '    region: str\n';
const RENAMED = '    area: str\n';

/** A dataclass, a helper reading its `region`, and `n` views: even ones read the field, odd ones pass the object. */
function file(n: number): string {
  const out = [
    'import sqlite3', 'from dataclasses import dataclass', 'from flask import Flask, request', '', 'app = Flask(__name__)', 'conn = sqlite3.connect("r.db")', '', '',
    '@dataclass', 'class Query:', FIELD.trimEnd(), '    year: int = 2024', '', '',
    'def by_region(q):', '    return conn.execute("SELECT * FROM r WHERE region = \'" + q.region + "\'")', '', '',
  ];
  for (let i = 0; i < n; i++) {
    out.push(`@app.route("/v${i}")`, `def view${i}():`, '    q = Query(region=request.args["r"])');
    if (i % 2 === 0) out.push('    conn.execute("SELECT * FROM r WHERE region = \'" + q.region + "\'")', '    return "ok"', '', '');
    else out.push('    return str(by_region(q))', '', '');
  }
  return out.join('\n');
}

describe('record classes: the fields a generated constructor stores, read where the object is passed', () => {
  it('a keyword argument is stored in its field, read here and by a helper given the object; renamed away, neither', () => {
    const text = file(4);
    const lines = text.split('\n');
    const at = (r: { findings: { range: { start: { line: number } } }[] }): number[] => r.findings.map((f) => f.range.start.line);
    const views = lines.flatMap((l, i) => (l.includes('q.region') && !l.startsWith('    return') ? [i] : []));
    const helper = lines.findIndex((l) => l.startsWith('    return conn.execute'));
    assert.deepEqual(at(engine.scanText(PATH, 'python', text, settings)).sort((a, b) => a - b), [helper, ...views]);
    // `Query(region=...)` of a class without that field stores nothing (the keyword fails at run time).
    assert.deepEqual(at(engine.scanText(PATH, 'python', text.replace(FIELD, RENAMED), settings)), []);
  });

  it('renaming the field in the class re-analyses the views that construct it, in the open document', () => {
    const text = file(4);
    const uri = `records:${PATH}`;
    engine.open(uri, PATH, 'python', text, 1);
    try {
      assert.equal(engine.analyze(uri, settings).findings.length, 3);
      const line = text.split('\n').findIndex((l) => l === FIELD.trimEnd());
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: RENAMED }], 2);
      assert.equal(engine.analyze(uri, settings).findings.length, 0);
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: FIELD }], 3);
      assert.equal(engine.analyze(uri, settings).findings.length, 3);
    } finally {
      engine.close(uri);
    }
  });

  it('renaming a field re-analyses only the units that construct the class, not the rest of the file', () => {
    // 4 views constructing the class, 40 functions that do not.
    const others = Array.from({ length: 40 }, (_, i) => `def helper${i}(x):\n    return conn.execute("SELECT " + str(x))\n\n`).join('\n');
    const text = `${file(4)}\n\n${others}`;
    const uri = `records-work:${PATH}`;
    engine.open(uri, PATH, 'python', text, 1);
    try {
      engine.analyze(uri, settings);
      const line = text.split('\n').findIndex((l) => l === FIELD.trimEnd());
      const before = taint.stats.unitsAnalyzed;
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: RENAMED }], 2);
      assert.equal(engine.analyze(uri, settings).findings.length, 0);
      const analysed = taint.stats.unitsAnalyzed - before;
      // The four views and the helper they call, per pass that runs them (33 when written); re-analysing the file
      // runs the 40 others in every pass too (279).
      assert.ok(analysed > 0 && analysed < 80, `${analysed} units analysed`);
    } finally {
      engine.close(uri);
    }
  });

  it('a subclass takes its record base\'s fields first; changing its base in the open document re-analyses the views constructing it', () => {
    const sub = (base: string): string =>
      [
        'import sqlite3', 'from dataclasses import dataclass', 'from flask import Flask, request', '', 'app = Flask(__name__)', 'conn = sqlite3.connect("r.db")', '', '',
        '@dataclass', 'class Query:', '    region: str', '', '', 'class Plain:', '    pass', '', '',
        '@dataclass', `class TeamQuery(${base}):`, '    team: str = "all"', '', '',
        '@app.route("/t")', 'def team():', '    q = TeamQuery(request.args["r"])', '    return str(conn.execute("SELECT * FROM t WHERE region = \'" + q.region + "\'"))', '',
      ].join('\n');
    // A positional argument fills the base's first field; with a base that is no record, the subclass's own.
    assert.equal(engine.scanText(PATH, 'python', sub('Query'), settings).findings.length, 1);
    assert.equal(engine.scanText(PATH, 'python', sub('Plain'), settings).findings.length, 0);
    const uri = `records-sub:${PATH}`;
    const text = sub('Query');
    engine.open(uri, PATH, 'python', text, 1);
    try {
      assert.equal(engine.analyze(uri, settings).findings.length, 1);
      const line = text.split('\n').findIndex((l) => l.startsWith('class TeamQuery('));
      const edit = (from: string, to: string, version: number): void => {
        const character = `class TeamQuery(`.length;
        engine.change(uri, [{ range: { start: { line, character }, end: { line, character: character + from.length } }, text: to }], version);
      };
      edit('Query', 'Plain', 2);
      assert.equal(engine.analyze(uri, settings).findings.length, 0);
      edit('Plain', 'Query', 3);
      assert.equal(engine.analyze(uri, settings).findings.length, 1);
    } finally {
      engine.close(uri);
    }
  });

  it('random edits (fields renamed, characters, lines deleted) equal a fresh scan (property)', () => {
    assertRandomEditsEqualFreshScan(engine, { path: PATH, lang: 'python', base: file(4), inserts: { field: FIELD, renamed: RENAMED }, settings, runs: 40 });
  });
});
