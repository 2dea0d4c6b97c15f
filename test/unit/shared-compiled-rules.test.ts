/**
 * Compiled built-in taint rules are shared between rule sets made of the built-in rules alone (rule-set.ts
 * `compileFor`): the server holds one analyzer per workspace folder plus one for files outside folders, and each
 * compiled every language's rules again (~2 MB per language, 8 MB twice in an idle server). A set with custom
 * rules compiles its own; findings are the same either way.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../../server/src/engine';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { compileFor, loadTaintRuleSet } from '../../server/src/engine/taint/rule-set';

const custom = {
  id: 'js.custom.store',
  languages: ['javascript'],
  severity: 'high',
  cwe: ['CWE-20'],
  message: '$SOURCE reaches store.put',
  sources: ['js-request'],
  sinks: [{ pattern: 'store.put($K)', focus: '$K' }],
};

let grammars: GrammarRegistry;
before(async () => {
  grammars = await GrammarRegistry.create(undefined, ['javascript', 'python']);
});

describe('compiled built-in taint rules are shared', () => {
  it('two built-in sets get the same compiled language, audit apart; a set with a custom rule its own', () => {
    const dir = join(defaultRulesDir(), 'taint');
    const a = loadTaintRuleSet(dir).set;
    const b = loadTaintRuleSet(dir).set;
    assert.notEqual(a, b, 'separate sets, as two folders hold');
    const js = grammars.language('javascript')!;
    const ca = compileFor(a, 'javascript', js);
    assert.ok(ca && ca.rules.length > 0);
    assert.equal(compileFor(b, 'javascript', js), ca);
    assert.equal(compileFor(b, 'python', grammars.language('python')!), compileFor(a, 'python', grammars.language('python')!));
    const audit = compileFor(b, 'javascript', js, true);
    assert.notEqual(audit, ca);
    assert.equal(compileFor(a, 'javascript', js, true), audit);
    const withCustom = loadTaintRuleSet(dir, [custom], '/ws/.vigil.yml');
    assert.deepEqual(withCustom.errors, []);
    const cc = compileFor(withCustom.set, 'javascript', js);
    assert.notEqual(cc, ca);
    assert.ok(cc!.rules.some((r) => r.spec.id === custom.id));
    assert.ok(!ca.rules.some((r) => r.spec.id === custom.id));
  });

  it('two engines with built-in rules find the same, one with a custom rule finds its rule too', async () => {
    const text = "app.post('/x', (req, res) => {\n  const k = req.body.k;\n  store.put(k);\n  require('child_process').exec(req.query.c);\n});\n";
    const run = async (customTaintRules?: unknown[]) => {
      const engine = await Engine.create({ analyzers: createAnalyzers(customTaintRules ? { customTaintRules, customRulesSource: '/ws/.vigil.yml' } : {}).analyzers });
      try {
        return engine.scanText('/a.js', 'javascript', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings.map((f) => `${f.ruleId}:${f.range.start.line}`).sort();
      } finally {
        engine.dispose();
      }
    };
    const first = await run();
    assert.ok(first.length > 0);
    assert.deepEqual(await run(), first);
    const withCustom = await run([custom]);
    assert.deepEqual(withCustom.filter((f) => !f.startsWith(custom.id)), first);
    assert.ok(withCustom.includes(`${custom.id}:2`));
  });
});
