/**
 * The text prefilter of framework handlers (`handlerMayApply`) builds its regexes once per handler (`handlerNeeds`),
 * not once per file and edit. A cached regex is only exact if it keeps no state between texts: none may be global or
 * sticky, and on every taint fixture each answers twice alike, as a fresh regex of the same source and flags does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { handlerNeeds, importNeeds } from '../../server/src/engine/taint/taint-analyzer';
import { findFixtures } from '../rules/rule-fixtures';
import { taintFixtureLanguage, taintTestEngine } from './taint-test-engine';

const ROOT = join(__dirname, '..', '..');

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

describe('handler prefilter regexes', () => {
  it('are built once per handler, keep no state, and answer as fresh ones on every taint fixture', () => {
    const fixtures = findFixtures(join(ROOT, 'rules', 'taint')).filter((f) => f.includes('.fixture.') && taintFixtureLanguage(f));
    const texts = fixtures.map((f) => readFileSync(f, 'utf8'));
    const handlers = new Set<Parameters<typeof handlerNeeds>[0]>();
    for (const file of fixtures) {
      const uri = `needs:${file}`;
      engine.open(uri, file, taintFixtureLanguage(file)!, '', 1);
      try {
        const doc = engine.get(uri)!;
        for (const audit of [false, true]) for (const h of taint.compiledFor(doc, audit)?.handlers ?? []) handlers.add(h);
      } finally {
        engine.close(uri);
      }
    }
    assert.ok(handlers.size >= 20, `handlers of every taint language (${handlers.size})`);
    let tests = 0;
    let matched = 0;
    for (const h of handlers) {
      const need = handlerNeeds(h);
      assert.equal(handlerNeeds(h), need, `${h.spec.id}: built once`);
      for (const re of need) {
        assert.ok(!re.global && !re.sticky, `${h.spec.id}: /${re.source}/${re.flags} keeps a lastIndex between texts`);
        for (const text of texts) {
          const first = re.test(text);
          tests++;
          if (first) matched++;
          assert.equal(re.test(text), first, `${h.spec.id}: /${re.source}/ answers again alike`);
          assert.equal(new RegExp(re.source, re.flags).test(text), first, `${h.spec.id}: /${re.source}/ answers as a fresh regex`);
        }
      }
    }
    // Both answers are exercised, so the comparison is not vacuous.
    assert.ok(matched > 0 && matched < tests, `${matched} of ${tests} tests matched`);
  });

  it('a required import is found as the language writes it (a dotted, scoped or dashed name too)', () => {
    const forms = (m: string): string[] => {
      const dot = m.lastIndexOf('.');
      return [
        `const x = require('${m}');`,
        `import { X } from "${m}";`,
        `import ${m}`,
        ...(dot > 0 && !m.includes('/') ? [`from ${m.slice(0, dot)} import ${m.slice(dot + 1)}`] : []),
      ];
    };
    for (const m of ['socket.io', '@nestjs/common', '@angular/router', 'django.views', 'ryu.app.wsgi', 'react-native-sqlite-storage', 'flask']) {
      for (const text of forms(m)) {
        const under = text.replace(/-/g, '_');
        assert.ok(importNeeds(m).every((re) => re.test(under)), `${m} in ${text}`);
      }
    }
    // Not any text: a file that never names the module.
    assert.ok(!importNeeds('socket.io').every((re) => re.test("const ws = require('ws');")));
  });
});
