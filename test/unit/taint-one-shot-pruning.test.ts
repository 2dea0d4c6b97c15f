/**
 * A one-shot run (CLI, workspace scan) analyses only the units that can take part in a finding of a pass
 * (`TaintAnalyzer.pruneUnits`, `relevantUnits`): the units that can hold input and what they consult. Its findings,
 * traces and fixes must be those of a run over every unit, and it must leave out the rest.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import type { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import type { Finding } from '../../server/src/engine/types';
import { findFixtures } from '../rules/rule-fixtures';
import { TAINT_ONLY, taintFixtureLanguage, taintTestEngine } from './taint-test-engine';

const settings = { ...TAINT_ONLY, minSeverity: 'info' as const };
let taint: TaintAnalyzer;
let engine: Engine;

before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const key = (f: Finding): string => JSON.stringify([f.ruleId, f.range, f.message, f.trace, f.fixes, f.severity]);

function scan(path: string, text: string, prune: boolean): { findings: string[]; analyzed: number; pruned: number } {
  taint.pruneUnits = prune;
  const before = { ...taint.stats };
  try {
    const r = engine.scanText(path, taintFixtureLanguage(path)!, text, settings);
    return { findings: r.findings.map(key), analyzed: taint.stats.unitsAnalyzed - before.unitsAnalyzed, pruned: taint.stats.unitsPruned - before.unitsPruned };
  } finally {
    taint.pruneUnits = true;
  }
}

/** A request handler among many functions input never reaches, each with a sink of its own. */
function handlerAmongHelpers(): string {
  const helpers = Array.from({ length: 40 }, (_, i) => `def _job_${i}(name):\n    os.system("archive " + name)\n    return open("/srv/data/" + name).read()\n`).join('\n\n');
  return `import os
import subprocess
from http.server import BaseHTTPRequestHandler


def quote_arg(v):
    return "'" + v.replace("'", "") + "'"


${helpers}

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        target = self.path[1:]
        subprocess.call("ping -c 1 " + quote_arg(target), shell=True)
        self.send_response(200)
        self.end_headers()
`;
}

const NESTED_INPUT = `const { exec } = require('child_process');
const express = require('express');
const app = express();

function run(req) {
  const v = [0].map(() => req.query.q)[0];
  exec('grep ' + v);
}

function lookup(req) {
  const get = () => req.query.name;
  exec('ls ' + get());
}

app.get('/x', (req, res) => {
  const first = [req.query.a].find(() => true);
  res.send(String(first));
});

function unrelated(a) {
  return a + 1;
}
`;

describe('one-shot taint runs analyse only the units a finding can depend on', () => {
  it('the same findings, traces and fixes as a run over every unit, on every taint fixture and generated app', () => {
    const files = findFixtures(join(__dirname, '..', '..', 'rules', 'taint'))
      .filter((p) => !p.includes('.fixed.') && taintFixtureLanguage(p))
      .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
    for (const [i, lang] of (['javascript', 'typescript', 'python'] as const).entries()) {
      files.push({ path: `/gen/app${i}.${lang === 'python' ? 'py' : lang === 'typescript' ? 'ts' : 'js'}`, text: generateFile(lang, 800, 11 + i).text });
    }
    files.push({ path: '/gen/handler.py', text: handlerAmongHelpers() });
    // Input read in a nested function only: its enclosing function is added after a first run (a retry).
    files.push({ path: '/gen/nested-input.js', text: NESTED_INPUT });
    const retries = taint.stats.pruneRetries;
    let pruned = 0;
    let findings = 0;
    for (const { path, text } of files) {
      const all = scan(path, text, false);
      const some = scan(path, text, true);
      assert.deepEqual(some.findings, all.findings, path);
      pruned += some.pruned;
      findings += all.findings.length;
    }
    assert.ok(findings > 1000, `the fixtures hold findings (${findings})`);
    assert.ok(pruned > 0, 'some units were left out');
    assert.ok(taint.stats.pruneRetries > retries, 'a nested function holding input brought its enclosing one in');
  });

  it('a handler among 40 functions input never reaches: only the handler and what it calls are analysed', () => {
    const text = handlerAmongHelpers();
    const all = scan('/gen/handler.py', text, false);
    const some = scan('/gen/handler.py', text, true);
    assert.deepEqual(some.findings, all.findings);
    assert.equal(some.findings.length, 1, 'the handler\'s command (quote_arg keeps the quotes out, not a shell cleaner)');
    assert.ok(some.pruned >= 40, `left out ${some.pruned}`);
    assert.ok(some.analyzed * 5 < all.analyzed, `analysed ${some.analyzed} of ${all.analyzed}`);
  });
});
