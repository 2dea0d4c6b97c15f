/**
 * The Terraform reader on the tree-sitter HCL grammar builds the model the hand-written reader it replaced built
 * (every value, key and source offset): shown on every Terraform fixture and the bench's file while both existed
 * (commit 7723a58), and kept here for an edge-case file whose old model is recorded in
 * `fixtures/hcl-edge-cases.model.json` (the rule fixtures guard the findings and positions of the others).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { loadHclGrammar, parseHcl } from '../../server/src/engine/iac/hcl';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/engine/types';
import type { YamlDoc } from '../../server/src/engine/iac/yaml-model';

const EDGE = join(__dirname, 'fixtures', 'hcl-edge-cases.tf');
const GOLDEN = join(__dirname, 'fixtures', 'hcl-edge-cases.model.json');

/** A model as plain data: each node's kind, value and [start, end] offsets, in order. */
function dump(node: unknown): unknown {
  if (node instanceof Pair) return [dump(node.key), dump(node.value)];
  if (node instanceof Scalar) return { v: node.value, at: node.range?.slice(0, 2) };
  if (node instanceof YAMLMap) return { map: node.items.map(dump), at: node.range?.slice(0, 2) };
  if (node instanceof YAMLSeq) return { seq: node.items.map(dump), at: node.range?.slice(0, 2) };
  return { other: String(node) };
}

const model = (y: YamlDoc | undefined) => (y ? dump(y.root) : null);

describe('config pack: Terraform read with the tree-sitter HCL grammar', () => {
  before(async () => assert.ok(await loadHclGrammar(), 'the HCL grammar loads'));

  it('builds the recorded model of the edge-case file (recorded from the hand-written reader)', () => {
    const text = readFileSync(EDGE, 'utf8');
    assert.deepEqual(model(parseHcl(text)), JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('decodes HCL string escapes, \\u and \\U included (the hand-written reader kept "u00e9")', () => {
    const y = parseHcl('a = "caf\\u00e9 \\"q\\" \\\\ \\U0001F600 ${x}\\n"\n');
    assert.deepEqual(y?.doc.toJS(), { a: 'caf\u00e9 "q" \\ \u{1F600} ${x}\n' });
  });

  it('refuses a block nested past the limit with a notice that says so (the other blocks are checked), never an analyzer error', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const config: AnalysisSettings = { ...DEFAULT_SETTINGS, packs: { taint: false, secrets: false, config: true, dependencies: false } };
    try {
      const nested = (n: number) => `resource "aws_db_instance" "d" {\n  publicly_accessible = true\n  storage_encrypted   = true\n}\n${'a {\n'.repeat(n)}${'}\n'.repeat(n)}`;
      const r = engine.scanText('/r/main.tf', 'terraform', nested(5_000), config);
      // The database block is read on its own: only the deep block is not checked.
      assert.deepEqual(r.findings.map((f) => f.ruleId), ['config.tf.aws.rds-public']);
      assert.deepEqual(r.notices.map((n) => [n.reason, n.message]), [['analysis-budget', 'Terraform at lines 5-10004 was not checked by the config rules: it is nested more than 200 levels deep.']]);
      // Within the limit the same file is checked, without a notice.
      const ok = engine.scanText('/r/main.tf', 'terraform', nested(150), config);
      assert.deepEqual(ok.findings.map((f) => f.ruleId), ['config.tf.aws.rds-public']);
      assert.deepEqual(ok.notices, []);
    } finally {
      engine.dispose();
    }
  });

  it('without the HCL grammar, a Terraform file gets a notice saying it was not checked (a process that never loaded it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-no-hcl-'));
    try {
      const grammars = join(__dirname, '..', '..', 'grammars');
      for (const f of readdirSync(grammars)) if (f !== 'terraform.wasm') copyFileSync(join(grammars, f), join(dir, f));
      const src = `const { Engine } = require(${JSON.stringify(join(__dirname, '../../server/src/engine/engine.ts'))});
        const { createAnalyzers } = require(${JSON.stringify(join(__dirname, '../../server/src/engine/analyzers.ts'))});
        Engine.create({ analyzers: createAnalyzers().analyzers, grammarDir: ${JSON.stringify(dir)} }).then((e) => {
          const r = e.scanText('/r/main.tf', 'terraform', 'resource "aws_db_instance" "d" {\\n  publicly_accessible = true\\n}\\n');
          process.stdout.write(JSON.stringify(r));
          e.dispose();
        });`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', src], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { findings: unknown[]; notices: { reason: string; message: string }[] };
      assert.deepEqual(out.findings, []);
      assert.deepEqual(out.notices, [{ reason: 'analyzer-error', message: 'Terraform was not checked by the config rules: the HCL grammar did not load.' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
