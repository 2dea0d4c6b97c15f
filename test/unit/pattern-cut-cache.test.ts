/**
 * The pattern rules' unit cache across an editor session's runs cut by the work budget: a cut run keeps the units
 * it computed (each entry is exact), so the next run over the same units reads them instead of walking them again,
 * and its findings and notices are those of a fresh run at the same budget.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { taintTestEngine } from './taint-test-engine';

const ROOT = join(__dirname, '..', '..');
const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

/** Pattern-rule fixtures with no source (their findings come from the pattern rules alone), as one file. */
function patternOnlyText(): string {
  const files = ['weak-crypto.fixture.js', 'weak-crypto-more.fixture.js', 'insecure-config.fixture.js', 'tls-more.fixture.js'];
  return files.map((f) => readFileSync(join(ROOT, 'rules', 'taint', 'js', f), 'utf8')).join('\n');
}

describe('pattern rules: a run cut by the budget keeps what it computed', () => {
  it('the next run reads the cut run\'s units and gives a fresh run\'s findings at the same budget', () => {
    const text = patternOnlyText();
    const path = '/cut/app.js';
    const budget = taint.workBudget;
    // A session analyses every unit of a pass; a one-shot run only those a finding can depend on (`pruneUnits`), so
    // it stops elsewhere: compared here with the session's way of counting.
    taint.pruneUnits = false;
    try {
      taint.workBudget = Infinity;
      const s0 = { ...taint.stats };
      engine.scanText(path, 'javascript', text, settings);
      const full = { work: taint.lastRunWork, steps: taint.stats.patternSteps - s0.patternSteps };
      assert.ok(full.steps > 200, `${full.steps} pattern steps in the whole file`);
      let compared = 0;
      for (const k of [3, 6, 9, 12]) {
        // A budget that ends inside the pattern rules' walk (they run after the passes).
        taint.workBudget = full.work - Math.ceil((full.steps * k) / 16);
        const fresh = engine.scanText(path, 'javascript', text, settings);
        assert.ok(fresh.notices.some((n) => n.reason === 'analysis-budget'), `cut at ${taint.workBudget}`);
        const uri = `pattern-cut:${k}`;
        engine.open(uri, path, 'javascript', text, 1);
        try {
          const first = engine.analyze(uri, settings);
          const walked1 = taint.stats.patternUnitsWalked;
          // An edit the pattern units do not see (a blank line at the end) makes the session run again.
          const lines = text.split('\n');
          engine.change(uri, [{ range: { start: { line: lines.length - 1, character: lines.at(-1)!.length }, end: { line: lines.length - 1, character: lines.at(-1)!.length } }, text: '\n' }], 2);
          const second = engine.analyze(uri, settings);
          const walked2 = taint.stats.patternUnitsWalked - walked1;
          assert.deepEqual(first, fresh, `first run at budget ${taint.workBudget}`);
          assert.deepEqual(second, fresh, `second run at budget ${taint.workBudget}`);
          assert.equal(walked2, 0, `pattern units walked again by the run after a cut one (budget ${taint.workBudget})`);
          compared++;
        } finally {
          engine.close(uri);
        }
      }
      assert.equal(compared, 4);
    } finally {
      taint.workBudget = budget;
      taint.pruneUnits = true;
    }
  });
});
