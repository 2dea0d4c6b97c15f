/**
 * Terraform is read one top-level block at a time: a typed `"` or `{` that leaves one block unbalanced costs what
 * that block costs (tree-sitter's error recovery over the rest of the file cost 20-180 ms), that block gives no
 * findings while it does not parse, and every other block keeps its findings. Held by counters, not clocks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { generateTerraform } from '../../bench/parts/iac';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { HclFile, loadHclGrammar } from '../../server/src/engine/iac/hcl';
import { CONFIG_WORK } from '../../server/src/engine/iac/yaml-model';
import { loadedLanguage } from '../../server/src/engine/parser';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding, type Range } from '../../server/src/engine/types';
import { prng } from '../reliability/corpus';
import { Parser } from 'web-tree-sitter';

const CONFIG: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info', packs: { taint: false, secrets: false, config: true, dependencies: false } };

const shape = (fs: Finding[]) => fs.map((f) => [f.ruleId, f.range, f.message, f.severity, f.fixes]);

/** A model as plain data: each node's value and [start, end] offsets, in order. */
function dump(node: unknown): unknown {
  if (node instanceof Pair) return [dump(node.key), dump(node.value)];
  if (node instanceof Scalar) return { v: node.value, at: node.range?.slice(0, 2) };
  if (node instanceof YAMLMap) return { map: node.items.map(dump), at: node.range?.slice(0, 2) };
  if (node instanceof YAMLSeq) return { seq: node.items.map(dump), at: node.range?.slice(0, 2) };
  return { other: String(node) };
}

function read(file: HclFile, text: string) {
  const r = file.read(text);
  return { model: r.doc ? dump(r.doc.root) : null, broken: r.broken, refused: r.refused };
}

/** 200 databases, each open to the internet: one finding per block. */
const BLOCK = (i: number) => `resource "aws_db_instance" "db${i}" {\n  engine              = "postgres"\n  publicly_accessible = true\n  storage_encrypted   = true\n}\n\n`;
const FILE = Array.from({ length: 200 }, (_, i) => BLOCK(i)).join('');

function pos(text: string, offset: number): Range['start'] {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

/** The line of block 1's finding (its `publicly_accessible = true`). */
const BLOCK1_FINDING_LINE = pos(FILE, FILE.indexOf('publicly_accessible', BLOCK(0).length)).line;

describe('config pack: Terraform read one top-level block at a time', () => {
  before(async () => assert.ok(await loadHclGrammar()));

  it('an unbalanced quote or brace in one block of 200 parses about that block, and the other 199 keep their findings', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const fresh = await Engine.create({ analyzers: createAnalyzers().analyzers });
    try {
      let text = FILE;
      engine.open('u', '/r/main.tf', 'terraform', text, 1);
      const all = engine.analyze('u', CONFIG).findings;
      assert.equal(all.length, 200);
      const others = all.filter((f) => f.range.start.line !== BLOCK1_FINDING_LINE);
      assert.equal(others.length, 199);
      const valueAt = FILE.indexOf('"postgres"', BLOCK(0).length);
      const braceAt = FILE.indexOf('  publicly', BLOCK(0).length);
      let version = 1;
      const edit = (offset: number, del: number, insert: string) => {
        const range = { start: pos(text, offset), end: pos(text, offset + del) };
        text = text.slice(0, offset) + insert + text.slice(offset + del);
        const before = CONFIG_WORK.hclCharsParsed;
        engine.change('u', [{ range, text: insert }], ++version);
        const findings = engine.analyze('u', CONFIG).findings;
        const parsed = CONFIG_WORK.hclCharsParsed - before;
        assert.deepEqual(shape(findings), shape(fresh.scanText('/r/main.tf', 'terraform', text, CONFIG).findings), 'a fresh scan of the same text');
        return { findings, parsed };
      };
      for (const [offset, insert] of [
        [valueAt, '"'], // opens a string: `= ""postgres"`
        [braceAt, '{'], // opens a brace inside the body
        [valueAt + '"postgres"'.length, '${'], // opens a template interpolation
      ] as const) {
        const broken = edit(offset, 0, insert);
        assert.deepEqual(shape(broken.findings), shape(others), `after typing ${insert}: block 1 gives none, the others keep theirs`);
        // About one block's text (the edit's block and its neighbour at most), never the file's 200.
        assert.ok(broken.parsed <= 2 * BLOCK(1).length, `${broken.parsed} characters parsed for a ${BLOCK(1).length}-character block`);
        const repaired = edit(offset, insert.length, '');
        assert.deepEqual(shape(repaired.findings), shape(all), `after deleting ${insert}: every finding is back where it was`);
        assert.ok(repaired.parsed <= 2 * BLOCK(1).length);
      }
      // The whole document's tree was never needed: nothing parsed the file as one.
      assert.equal(engine.get('u')!.hasTree, false);
    } finally {
      engine.dispose();
      fresh.dispose();
    }
  });

  it('a closing brace deleted from one block: that block gives none, the blocks after it keep theirs', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    try {
      const text = FILE.replace(`  storage_encrypted   = true\n}\n\nresource "aws_db_instance" "db2"`, `  storage_encrypted   = true\n\nresource "aws_db_instance" "db2"`);
      const findings = engine.scanText('/r/main.tf', 'terraform', text, CONFIG).findings;
      assert.equal(findings.length, 199);
      assert.ok(!findings.some((f) => f.range.start.line === BLOCK1_FINDING_LINE));
    } finally {
      engine.dispose();
    }
  });

  it('edit after edit, the read (values and offsets) equals a fresh read of the text, broken stretches included', () => {
    const base = `${generateTerraform(150).text}locals {\n  doc = <<EOT\nresource "x" "y" {\nEOT\n}\n/* a comment\nresource "a" "b" {\n*/\nx = "a\${b}c"\n`;
    const rnd = prng(7);
    const pieces = ['"', '{', '}', '${', '<<EOT\n', 'EOT\n', '/*', '*/', '#', '\n', 'resource "aws_s3_bucket" "p" {\n', 'x = 1\n', '\r\n', '\r', '[', ']'];
    for (let run = 0; run < 5; run++) {
      const file = new HclFile();
      let text = base;
      let brokenSeen = 0;
      read(file, text);
      for (let i = 0; i < 30; i++) {
        // One to three edits at a time, told to the reader as a document's delta (each in the text of its moment).
        const previousText = text;
        const edits: { startIndex: number; oldEndIndex: number; newEndIndex: number }[] = [];
        for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
          const at = Math.floor(rnd() * (text.length + 1));
          const del = Math.min(text.length - at, rnd() < 0.3 ? Math.floor(rnd() * 40) : 0);
          const insert = rnd() < 0.8 ? pieces[Math.floor(rnd() * pieces.length)]! : '';
          text = text.slice(0, at) + insert + text.slice(at + del);
          edits.push({ startIndex: at, oldEndIndex: at + del, newEndIndex: at + insert.length });
        }
        const r = file.read(text, { previousText, edits });
        const got = { model: r.doc ? dump(r.doc.root) : null, broken: r.broken, refused: r.refused };
        if (got.broken > 0) brokenSeen++;
        assert.deepEqual(got, read(new HclFile(), text), `run ${run}, edit ${i}`);
      }
      // Typing back the original text repairs it: the read is the fresh one of the original.
      assert.deepEqual(read(file, base), read(new HclFile(), base));
      assert.ok(brokenSeen > 0, 'the edits broke some stretch');
    }
  });

  it('never cuts a file that parses whole: every Terraform fixture and the bench file read with no broken block', () => {
    const parser = new Parser();
    parser.setLanguage(loadedLanguage('terraform')!);
    const dir = join(__dirname, '..', '..', 'rules', 'config');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tf(vars)?$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    files.push(readFileSync(join(__dirname, 'fixtures', 'hcl-edge-cases.tf'), 'utf8'), generateTerraform(2_000).text);
    assert.ok(files.length > 10);
    let checked = 0;
    for (const text of files) {
      const tree = parser.parse(text)!;
      const whole = !tree.rootNode.hasError;
      tree.delete();
      if (!whole) continue;
      checked++;
      const r = new HclFile().read(text);
      assert.equal(r.broken, 0, text.slice(0, 200));
      assert.ok(r.doc);
    }
    assert.ok(checked > 10);
    parser.delete();
  });
});
