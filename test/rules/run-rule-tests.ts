/**
 * `npm run test:rules`: checks every rule fixture under `rules/` with the real engine and all built-in packs.
 * Prints per-fixture problems, per-pack counts, and a closing "N passed, N failed" line. Exit 1 on any problem.
 * Usage: run-rule-tests.ts [filter-substring]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAdvisories } from '../../server/src/engine/sca';
import { createAnalyzers, precompileAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { checkFixture, findFixtures, type FixtureResult } from './rule-fixtures';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const filter = process.argv[2];
  // The dependencies fixtures match against the test advisories, never the user's database.
  const tmp = mkdtempSync(join(tmpdir(), 'vigil-rule-tests-'));
  const advisoryDbDir = join(tmp, 'db');
  importAdvisories(advisoryDbDir, [join(root, 'test', 'fixtures', 'osv', 'records')]);
  const setup = createAnalyzers({ advisoryDbDir });
  for (const e of setup.errors) console.error(`rule load error: ${e.source}${e.ruleId ? ` (${e.ruleId})` : ''}: ${e.message}`);
  const engine = await Engine.create({ analyzers: setup.analyzers });
  // Patterns compile per grammar on first use, and a rule whose pattern does not parse is left out of that grammar
  // without failing anything: compile every rule now so such a rule fails the run instead of passing unseen.
  const compileErrors = precompileAnalyzers(setup.analyzers, engine.grammars);
  for (const e of compileErrors) console.error(`rule compile error: ${e.source}${e.ruleId ? ` (${e.ruleId})` : ''}: ${e.message}`);
  const files = findFixtures(join(root, 'rules')).filter((f) => !filter || f.includes(filter));
  const results: FixtureResult[] = files.map((f) => checkFixture(engine, f, setup.analyzers));
  let passed = 0;
  let failed = 0;
  const counts = new Map<string, { ruleid: number; ok: number; todoruleid: number; todook: number }>();
  for (const r of results) {
    const rel = r.file.slice(root.length + 1);
    for (const a of r.annotations) {
      const pack = a.ruleId.split('.')[0]!;
      const c = counts.get(pack) ?? { ruleid: 0, ok: 0, todoruleid: 0, todook: 0 };
      c[a.kind]++;
      counts.set(pack, c);
    }
    if (r.problems.length === 0) {
      passed++;
      console.log(`ok   ${rel} (${r.annotations.length} annotations)`);
    } else {
      failed++;
      console.log(`FAIL ${rel}`);
      for (const p of r.problems) console.log(`     ${p.kind}${p.line !== undefined ? ` line ${p.line + 1}` : ''}: ${p.message}`);
    }
  }
  console.log('\nannotations by rule-id prefix:');
  for (const [pack, c] of [...counts].sort()) {
    console.log(`  ${pack.padEnd(10)} ruleid ${c.ruleid}  ok ${c.ok}  todoruleid ${c.todoruleid}  todook ${c.todook}`);
  }
  if (setup.errors.length > 0 || compileErrors.length > 0) failed++;
  engine.dispose();
  // Each run made its own folder: left behind, they piled up in the temporary directory.
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\nrule fixtures: ${passed} passed, ${failed} failed`);
  if (files.length === 0) {
    console.error('no fixtures found');
    process.exitCode = 1;
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
