/**
 * The taint analysis' work budget: counted in steps, so the same text gives the same findings whatever the
 * machine's load and whatever the session's cache held. With the budget at or above what a file needs the
 * findings are those of an unlimited run; below it, a notice says which rules did not run and the findings are
 * a subset. The parse budget is counted too (progress checks, not the clock).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adversarialInput } from '../../bench/corpus/adversarial-inputs';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { createTaintAnalyzer, DEFAULT_TAINT_WORK_BUDGET, type TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS, type AnalysisResult, type Finding } from '../../server/src/engine/types';
import { findFixtures } from '../rules/rule-fixtures';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, maxFileSize: 5_000_000 };
let taint: TaintAnalyzer;
let engine: Engine;

before(async () => {
  const made = createTaintAnalyzer({ taintWorkBudget: Infinity });
  assert.deepEqual(made.errors, []);
  taint = made.analyzer;
  engine = await Engine.create({ analyzers: [taint] });
});
after(() => engine.dispose());

const LANG: Record<string, string> = { '.js': 'javascript', '.ts': 'typescript', '.py': 'python' };

/** What a finding is, without the fingerprint (equal findings have equal fingerprints anyway). */
const key = (f: Finding): string => JSON.stringify([f.ruleId, f.range, f.message, f.trace, f.fixes]);

function scanWith(budget: number, path: string, text: string): AnalysisResult & { work: number } {
  taint.workBudget = budget;
  try {
    const r = engine.scanText(path, LANG[extname(path)]!, text, settings);
    return { ...r, work: taint.lastRunWork };
  } finally {
    taint.workBudget = Infinity;
  }
}

/** Rule fixtures and generated application code, in every taint language. */
function cases(): { path: string; text: string }[] {
  const fixtures = findFixtures(join(__dirname, '..', '..', 'rules', 'taint'))
    .filter((p) => !p.includes('.fixed.') && LANG[extname(p)])
    .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
  const generated = (['javascript', 'typescript', 'python'] as const).map((lang, i) => ({
    path: `/gen/app${i}.${lang === 'python' ? 'py' : lang === 'typescript' ? 'ts' : 'js'}`,
    text: generateFile(lang, 400, 7 + i).text,
  }));
  return [...fixtures, ...generated];
}

describe('taint work budget', () => {
  it('findings with the budget at and far above what a file needs are those of an unlimited run; below it, a notice and a subset', () => {
    let cut = 0;
    for (const { path, text } of cases()) {
      const full = scanWith(Infinity, path, text);
      assert.deepEqual(full.notices, [], path);
      const needed = full.work;
      // A file no taint pass can match (a settings module checked by pattern rules only) takes no work.
      if (needed === 0) {
        assert.deepEqual(scanWith(0, path, text).notices, [], `${path}: nothing to cut`);
        continue;
      }
      const all = full.findings.map(key);
      for (const budget of [needed, DEFAULT_TAINT_WORK_BUDGET]) {
        const r = scanWith(budget, path, text);
        assert.deepEqual(r.notices, [], `${path} at ${budget}`);
        assert.deepEqual(r.findings.map(key), all, `${path} at ${budget} (needs ${needed})`);
        assert.equal(r.work, needed, `${path}: the same work at ${budget}`);
      }
      for (const budget of [needed - 1, Math.floor(needed / 2), 0]) {
        const r = scanWith(budget, path, text);
        const notice = r.notices.find((n) => n.reason === 'analysis-budget');
        assert.ok(notice, `${path}: a budget notice at ${budget} (needs ${needed})`);
        assert.match(notice.message, /work budget .* \d+ of \d+ rules done; not run: [\w.-]+/);
        const got = r.findings.map(key);
        for (const k of got) assert.ok(all.includes(k), `${path} at ${budget}: ${k} is not a finding of the full run`);
        if (got.length < all.length) cut++;
      }
    }
    assert.ok(cut > 0, 'some cut run lost findings (the budget really cuts)');
  });

  it('a session stops at the same place on every run of the same text: cached results are charged what they cost', (t) => {
    // A session analyses every unit; a one-shot run only those that can take part in a finding (`pruneUnits`), so
    // it spends less and stops further on. Compared here with the session's way of counting.
    taint.pruneUnits = false;
    t.after(() => (taint.pruneUnits = true));
    const text = generateFile('javascript', 600, 3).text;
    const needed = scanWith(Infinity, '/gen/s.js', text).work;
    for (const budget of [Math.floor(needed / 3), Math.floor((needed * 2) / 3)]) {
      const once = scanWith(budget, '/gen/s.js', text);
      taint.workBudget = budget;
      try {
        engine.open('mem:s', '/gen/s.js', 'javascript', text);
        const runs = [0, 1, 2].map(() => engine.analyze('mem:s', settings));
        for (const r of runs) {
          assert.deepEqual(r.notices.map((n) => n.reason), ['analysis-budget']);
          assert.deepEqual(r.findings.map(key), once.findings.map(key), `budget ${budget}: a rerun got further or less far`);
        }
        // An edit elsewhere and back: the same text still stops at the same place.
        engine.change('mem:s', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' }], 1);
        engine.analyze('mem:s', settings);
        engine.change('mem:s', [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }], 2);
        assert.deepEqual(engine.analyze('mem:s', settings).findings.map(key), once.findings.map(key));
      } finally {
        engine.close('mem:s');
        taint.workBudget = Infinity;
      }
    }
  });

  it('a budget lowered after a finished run: a blank-only edit does not reuse that run, it stops where a fresh run does', (t) => {
    // Against a one-shot run that analyses every unit, as a session does (see above).
    taint.pruneUnits = false;
    t.after(() => (taint.pruneUnits = true));
    const text = generateFile('javascript', 600, 3).text;
    const needed = scanWith(Infinity, '/gen/t.js', text).work;
    const budget = Math.floor(needed / 3);
    // A blank typed at the end of a top-level statement's line: an edit the trivia shortcut takes.
    const lines = text.split('\n');
    // Below the imports: their positions are part of what the last run is compared on.
    let line = lines.length - 1;
    while (line >= 0 && !(/^\S.*;$/.test(lines[line]!) && !lines[line]!.includes('require('))) line--;
    assert.ok(line >= 0);
    const edited = lines.map((l, i) => (i === line ? `${l} ` : l)).join('\n');
    const fresh = scanWith(budget, '/gen/t.js', edited);
    assert.deepEqual(fresh.notices.map((n) => n.reason), ['analysis-budget']);
    engine.open('mem:t', '/gen/t.js', 'javascript', text);
    try {
      assert.deepEqual(engine.analyze('mem:t', settings).notices, []);
      taint.workBudget = budget;
      engine.change('mem:t', [{ range: { start: { line, character: lines[line]!.length }, end: { line, character: lines[line]!.length } }, text: ' ' }], 1);
      const r = engine.analyze('mem:t', settings);
      assert.deepEqual(r.notices.map((n) => n.reason), ['analysis-budget']);
      assert.deepEqual(r.findings.map(key), fresh.findings.map(key));
    } finally {
      engine.close('mem:t');
      taint.workBudget = Infinity;
    }
  });

  it('the bench corpus 20,000-line files need well under the default budget (ordinary files are never cut)', () => {
    // JavaScript: the corpus language that needs the most steps per line (TypeScript is the same code typed).
    for (const [lang, ext] of [['javascript', 'js']] as const) {
      const r = scanWith(DEFAULT_TAINT_WORK_BUDGET, `/gen/big.${ext}`, generateFile(lang, 20_000, 1).text);
      assert.deepEqual(r.notices, [], lang);
      assert.ok(r.work * 3 < DEFAULT_TAINT_WORK_BUDGET, `${lang}: needs ${r.work} of ${DEFAULT_TAINT_WORK_BUDGET}`);
    }
  });

  it('a one-line bundle is cut in bounded work: the count stops one step past the budget', () => {
    const bundle = adversarialInput('long-line', 300_000);
    const budget = 200_000;
    // Over the line-length limit the pack would not analyse it at all (long-line.test.ts): lifted to test the budget.
    taint.maxLineLength = Infinity;
    // A session analyses every unit (a one-shot run only those that can take part in a finding, which may not reach
    // the budget): the cut is tested that way, and the one-shot count is bounded all the same.
    taint.pruneUnits = false;
    try {
      const r = scanWith(budget, '/gen/bundle.min.js', bundle.text);
      assert.ok(r.notices.some((n) => n.reason === 'analysis-budget'));
      assert.ok(r.work <= budget + 1, `counted ${r.work}`);
    } finally {
      taint.pruneUnits = true;
    }
    const pruned = scanWith(budget, '/gen/bundle.min.js', bundle.text);
    assert.ok(pruned.work <= budget + 1, `counted ${pruned.work}`);
  });
});

describe('parse budget', () => {
  it('is counted in parser progress checks, so the cut is the same on every run', async () => {
    const grammars = await GrammarRegistry.create(undefined, ['python']);
    // Error recovery on this input costs far more checks per character than ordinary code.
    const bad = 'def f(:\n  x = [\n'.repeat(2_000);
    const outcomes = [0, 1, 2].map(() => {
      const t = grammars.parse('python', bad, undefined, 50);
      t?.delete();
      return t === undefined;
    });
    assert.deepEqual(outcomes, [true, true, true], 'cut at 50 checks every time');
    const ok = grammars.parse('python', generateFile('python', 3_000, 2).text);
    assert.ok(ok, 'an ordinary 3,000-line file parses within the default budget');
    ok.delete();
  });
});
