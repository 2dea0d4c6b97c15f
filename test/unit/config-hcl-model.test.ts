/**
 * The Terraform reader on the tree-sitter HCL grammar builds the model the hand-written reader it replaced built:
 * every value, key and source offset, on every Terraform file of the repository's rule fixtures, an edge-case
 * file and the bench's generated file. The old reader's model of the edge-case file is
 * recorded in `fixtures/hcl-edge-cases.model.json`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { generateTerraform } from '../../bench/parts/iac';
import { loadHclGrammar, parseHcl } from '../../server/src/engine/iac/hcl';
import { parseHclLegacy } from '../../server/src/engine/iac/hcl-legacy';
import type { YamlDoc } from '../../server/src/engine/iac/yaml-model';

const ROOT = join(__dirname, '..', '..');
const EDGE = join(__dirname, 'fixtures', 'hcl-edge-cases.tf');
const GOLDEN = join(__dirname, 'fixtures', 'hcl-edge-cases.model.json');

/** Every Terraform file of the rule fixtures (config and secrets packs) and the reader's edge cases, by path. */
function inputs(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of ['rules/config', 'rules/secrets']) {
    for (const f of readdirSync(join(ROOT, dir)).sort()) {
      if (/\.(tf|tfvars)$/.test(f)) out.push([`${dir}/${f}`, readFileSync(join(ROOT, dir, f), 'utf8')]);
    }
  }
  out.push(['test/unit/fixtures/hcl-edge-cases.tf', readFileSync(EDGE, 'utf8')]);
  out.push(['bench:generateTerraform(2000)', generateTerraform(2_000).text]);
  return out;
}

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

  it('builds the hand-written reader\'s model (values, keys, offsets) on every Terraform fixture', () => {
    for (const [name, text] of inputs()) assert.deepEqual(model(parseHcl(text)), model(parseHclLegacy(text)), name);
  });

  it('builds the recorded model of the edge-case file (recorded from the hand-written reader)', () => {
    const text = readFileSync(EDGE, 'utf8');
    if (process.env.VIGIL_WRITE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(model(parseHclLegacy(text)))}\n`);
    assert.deepEqual(model(parseHcl(text)), JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
