/**
 * Built-in patterns are compiled on first use (rule-set.ts `LazyCompiled`): compiling every pattern of a language
 * was most of a scan worker's first file, and most files rule most patterns out by their words. Counted, not timed:
 * compiling the language compiles no pattern, a file without sinks compiles few, and a pattern compiled in the
 * middle of a document's analysis gives the findings a second run gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../../server/src/engine';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { join } from 'node:path';
import { compileFor, lazyCompileStats, loadTaintRuleSet, type CompiledLanguage } from '../../server/src/engine/taint/rule-set';

/** How many compiled patterns the language holds (each source, sink, sanitizer, guard, propagator, clause, handler pattern). */
function patternCount(lang: CompiledLanguage): number {
  let n = 0;
  for (const r of lang.rules) {
    n += r.sources.length + r.sinks.length + r.sanitizers.length + r.guards.length + r.propagators.length + r.patternNot.length;
    for (const c of r.patterns) n += 1 + c.scopeHas.length + c.scopeLacks.length;
  }
  for (const h of lang.handlers) n += (h.call ? 1 : 0) + (h.decorator ? 1 : 0) + (h.paramDecorator ? 1 : 0);
  return n;
}

describe('built-in patterns compile on first use', () => {
  it('compiling a language compiles none; a plain file few; a flow finds what a second run finds', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers({ packs: { taint: true, secrets: false, config: false, dependencies: false } }).analyzers, grammars: ['javascript'] });
    try {
      const lang = compileFor(loadTaintRuleSet(join(defaultRulesDir(), 'taint')).set, 'javascript', engine.grammars.language('javascript')!)!;
      const total = patternCount(lang);
      assert.ok(total > 1000, `the JavaScript rules hold ${total} patterns`);
      assert.equal(lazyCompileStats.patterns, 0, 'nothing compiled before a file is analysed');
      const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
      const plain = 'function sum(xs) {\n  let t = 0;\n  for (const x of xs) t += x;\n  return t;\n}\nmodule.exports = { sum };\n';
      assert.deepEqual(engine.scanText('/p/sum.js', 'javascript', plain, settings).findings, []);
      const afterPlain = lazyCompileStats.patterns;
      assert.ok(afterPlain < total / 10, `a file with no sink compiled ${afterPlain} of ${total} patterns`);
      const flow = "const express = require('express');\nconst { exec } = require('child_process');\nconst app = express();\napp.get('/x', (req, res) => {\n  exec('ls ' + req.query.dir);\n  res.send('ok');\n});\n";
      const first = engine.scanText('/p/app.js', 'javascript', flow, settings).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      assert.ok(lazyCompileStats.patterns > afterPlain, 'the flow compiled its patterns on use');
      assert.ok(first.includes('js.cmdi.child-process:4'), first.join(', '));
      const again = engine.scanText('/p/app2.js', 'javascript', flow, settings).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      assert.deepEqual(again, first);
    } finally {
      engine.dispose();
    }
  });
});
