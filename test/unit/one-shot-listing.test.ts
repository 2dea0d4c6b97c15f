/**
 * Two shortcuts of a one-shot scan (`Engine.scanText`: the CLI, the workspace scan's workers), each compared with the
 * way it replaces on every taint fixture and on generated files:
 * - the pattern rules list each unit's nodes of their clauses' types in one call instead of walking every node: same
 *   findings, same work counted (`lastRunWork`, `patternSteps`), also on runs cut by the work budget;
 * - the source check before the passes tries only the sources whose names the file can make (`occurringSources`):
 *   same findings and notices as trying every source the passes would index, and far fewer nodes tried.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import { patternWalk } from '../../server/src/engine/taint/pattern-rules';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { findFixtures } from '../rules/rule-fixtures';
import { taintFixtureLanguage, taintTestEngine } from './taint-test-engine';

const ROOT = join(__dirname, '..', '..');
const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => {
  patternWalk.listUnits = true;
  taint.narrowSources = true;
  engine.dispose();
});

interface Input {
  path: string;
  lang: string;
  text: string;
}

function inputs(): Input[] {
  const out: Input[] = findFixtures(join(ROOT, 'rules', 'taint')).flatMap((path) => {
    const lang = taintFixtureLanguage(path);
    return lang ? [{ path, lang, text: readFileSync(path, 'utf8') }] : [];
  });
  (['javascript', 'typescript', 'python', 'java', 'go'] as const).forEach((lang, i) => {
    const g = generateFile(lang, 400, 7100 + i);
    out.push({ path: `/gen/app${i}.${{ javascript: 'js', typescript: 'ts', python: 'py', java: 'java', go: 'go' }[lang]}`, lang, text: g.text });
  });
  return out;
}

interface Run {
  out: string;
  work: number;
  steps: number;
  facts: number;
  tried: number;
}

function scan(i: Input): Run {
  const s0 = { ...taint.stats };
  const r = engine.scanText(i.path, i.lang, i.text, settings);
  return {
    out: JSON.stringify([r.findings, r.notices]),
    work: taint.lastRunWork,
    steps: taint.stats.patternSteps - s0.patternSteps,
    facts: taint.stats.factsComputed - s0.factsComputed,
    tried: taint.stats.sourceNodesTried - s0.sourceNodesTried,
  };
}

/** `scan` with the pattern units listed (`on`) or walked. */
function scanListed(i: Input, on: boolean): Run {
  patternWalk.listUnits = on;
  try {
    return scan(i);
  } finally {
    patternWalk.listUnits = true;
  }
}

describe('one-shot pattern units listed, not walked', () => {
  it('finds and counts what walking them does, on every taint fixture and generated file', () => {
    let findings = 0;
    let steps = 0;
    for (const i of inputs()) {
      const walked = scanListed(i, false);
      const listed = scanListed(i, true);
      assert.deepEqual(listed, walked, i.path);
      findings += (JSON.parse(listed.out) as unknown[][])[0]!.length;
      steps += listed.steps;
    }
    assert.ok(findings > 1000 && steps > 10_000, `${findings} findings, ${steps} pattern steps compared`);
  });

  it('stops where walking them stops when the work budget cuts the pattern rules', () => {
    const files = inputs().filter((i) => /prototype-pollution|weak-crypto|insecure-config/.test(i.path));
    assert.ok(files.length >= 5, `${files.length} files`);
    let cut = 0;
    const budget = taint.workBudget;
    try {
      for (const i of files) {
        taint.workBudget = Infinity;
        const full = scanListed(i, false);
        if (full.steps < 50) continue;
        // Budgets that end inside the pattern rules' walk (they run last, after any passes).
        for (const k of [1, 2, 3, 5, 8, 13]) {
          taint.workBudget = full.work - Math.ceil((full.steps * k) / 16);
          const walked = scanListed(i, false);
          const listed = scanListed(i, true);
          assert.deepEqual(listed, walked, `${i.path} at budget ${taint.workBudget}`);
          if (walked.out.includes('analysis-budget')) cut++;
        }
      }
    } finally {
      taint.workBudget = budget;
    }
    assert.ok(cut >= 10, `${cut} runs cut by the budget compared`);
  });
});

describe('one-shot source check narrowed to the names a file can make', () => {
  it('gives the findings and notices of trying every source, on every taint fixture and generated file', () => {
    let narrowed = 0;
    let full = 0;
    for (const i of inputs()) {
      taint.narrowSources = false;
      const all = scan(i);
      taint.narrowSources = true;
      const some = scan(i);
      assert.equal(some.out, all.out, i.path);
      narrowed += some.tried;
      full += all.tried;
    }
    assert.ok(narrowed < full, `${narrowed} nodes tried narrowed, ${full} not`);
  });

  it('tries no node in a library file with no handler alias and none of the where-listed names', () => {
    const text = `'use strict';\nconst util = require('util');\nfunction format(a, b) {\n  return util.format('%s=%s', a, b).replace(/x/g, 'y');\n}\nmodule.exports = { format };\n`;
    const r = scan({ path: '/lib/format.js', lang: 'javascript', text });
    assert.equal(r.tried, 0);
  });

  it('still finds a request read through a handler alias the text does not spell', () => {
    // `r` is the request (alias `req`): `req.query` is matched at `r.query`, though the word `req` is nowhere.
    const text = `const express = require('express');\nconst app = express();\napp.get('/run', (r) => {\n  eval(r.query.code);\n});\n`;
    assert.ok(!/\breq\b/.test(text));
    const r = scan({ path: '/app/alias.js', lang: 'javascript', text });
    const findings = (JSON.parse(r.out) as { ruleId: string; range: { start: { line: number } } }[][])[0]!;
    assert.ok(
      findings.some((f) => f.ruleId === 'js.code-injection.eval' && f.range.start.line === 3),
      r.out,
    );
  });
});
