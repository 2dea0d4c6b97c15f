/**
 * Import-resolved names are memoised per resolver, and a run shares one resolver between the units (and passes)
 * whose handler aliases are the same (`resolverFor`). At every node of every unit of every taint fixture, in the
 * order the analyser visits units, the shared memo must give what a fresh `canonicalName` gives with the unit's
 * own resolver (its aliases over the file's imports): the sharing must never lend a name another alias set made.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { canonicalName, canonicalOf, resetNodeCache, type CanonicalResolver } from '../../server/src/engine/patterns/pattern';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { fileContext, resolverFor } from '../../server/src/engine/taint/taint-analyzer';
import { findFixtures } from '../rules/rule-fixtures';
import { namedNodes, taintFixtureLanguage, taintTestEngine } from './taint-test-engine';

const ROOT = join(__dirname, '..', '..');

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

describe('canonical names shared across units', () => {
  it('equal a fresh canonicalName with each unit its own resolver, at every node of every taint fixture', () => {
    const totals = { files: 0, nodes: 0, named: 0, aliased: 0, shared: 0 };
    for (const file of findFixtures(join(ROOT, 'rules', 'taint'))) {
      const lang = file.includes('.fixture.') ? taintFixtureLanguage(file) : undefined;
      if (!lang) continue;
      const uri = `canon:${file}`;
      engine.open(uri, file, lang, readFileSync(file, 'utf8'), 1);
      try {
        const doc = engine.get(uri)!;
        const compiled = taint.compiledFor(doc);
        if (!compiled || !doc.tree) continue;
        resetNodeCache();
        const ctx = fileContext(doc.tree, compiled, doc.text, doc.lines);
        const resolvers = new Map<string, CanonicalResolver>();
        const seen = new Set<CanonicalResolver>();
        totals.files++;
        // Twice over, as the passes do: the second round reads what the first left in the memo.
        for (let round = 0; round < 2; round++) {
          for (const u of ctx.units) {
            const shared = resolverFor(resolvers, ctx.imports, u.aliases);
            if (seen.has(shared)) totals.shared++;
            seen.add(shared);
            const own = (id: string): string | undefined => u.aliases.get(id) ?? ctx.imports.get(id);
            if (u.aliases.size > 0) totals.aliased++;
            for (const n of namedNodes(u.node)) {
              const want = canonicalName(n, own);
              assert.equal(canonicalOf(n, shared), want, `\`${n.text.slice(0, 60)}\` in ${file}, unit at line ${u.line + 1}`);
              totals.nodes++;
              if (want !== undefined) totals.named++;
            }
          }
        }
      } finally {
        engine.close(uri);
        resetNodeCache();
      }
    }
    assert.ok(totals.files > 100, `fixtures of every taint language (${totals.files})`);
    // Not vacuous: names resolved, handler aliases met, and resolvers reused across units.
    assert.ok(totals.named > 1000, `names resolved (${totals.named})`);
    assert.ok(totals.aliased > 50, `units with handler aliases (${totals.aliased})`);
    assert.ok(totals.shared > totals.files, `resolvers reused (${totals.shared})`);
  });
});
