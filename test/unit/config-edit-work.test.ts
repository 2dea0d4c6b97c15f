/**
 * The config pack's cost per edit, counted: an edit in one document of a long Kubernetes stream, or one block of
 * a long Terraform file, re-checks (and re-reads) only what it touched, and still gives a fresh scan's findings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, visit } from 'yaml';
import { generateKubernetes, generateTerraform } from '../../bench/parts/iac';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { CONFIG_WORK } from '../../server/src/engine/iac/yaml-model';
import { prng } from '../reliability/corpus';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding, type Range } from '../../server/src/engine/types';

const CONFIG: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info', packs: { taint: false, secrets: false, config: true, dependencies: false } };

function at(text: string, needle: string, from = 0): Range['start'] {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, needle);
  const line = text.slice(0, i).split('\n').length - 1;
  return { line, character: i - text.lastIndexOf('\n', i - 1) - 1 };
}

function apply(text: string, r: Range, insert: string): string {
  const lines = text.split('\n');
  const s = lines.slice(0, r.start.line).join('\n').length + (r.start.line > 0 ? 1 : 0) + r.start.character;
  const e = lines.slice(0, r.end.line).join('\n').length + (r.end.line > 0 ? 1 : 0) + r.end.character;
  return text.slice(0, s) + insert + text.slice(e);
}

/** YAML nodes of the document around offset `i` of a stream: what reading that one document moves, at most. */
function nodesOfDocumentAt(text: string, i: number): number {
  const start = text.lastIndexOf('\n---\n', i) + 1;
  const end = text.indexOf('\n---\n', i);
  let n = 0;
  visit(parseDocument(text.slice(start, end < 0 ? text.length : end)), { Node: () => void n++ });
  return n;
}

const shape = (fs: Finding[]) => fs.filter((f) => f.pack === 'config').map((f) => [f.ruleId, f.range, f.message, f.severity, f.fixes]);

async function editCost(path: string, lang: string, text: string, edits: { range: Range; text: string }[]) {
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  const fresh = await Engine.create({ analyzers: createAnalyzers().analyzers });
  try {
    engine.open('u', path, lang, text, 1);
    engine.analyze('u', CONFIG);
    const work: (typeof CONFIG_WORK)[] = [];
    for (const [i, e] of edits.entries()) {
      const before = { ...CONFIG_WORK };
      engine.change('u', [e], i + 2);
      text = apply(text, e.range, e.text);
      const got = engine.analyze('u', CONFIG).findings;
      work.push({
        documentsChecked: CONFIG_WORK.documentsChecked - before.documentsChecked,
        nodesMoved: CONFIG_WORK.nodesMoved - before.nodesMoved,
        hclBlocksParsed: CONFIG_WORK.hclBlocksParsed - before.hclBlocksParsed,
        hclCharsParsed: CONFIG_WORK.hclCharsParsed - before.hclCharsParsed,
      });
      assert.deepEqual(shape(got), shape(fresh.scanText(path, lang, text, CONFIG).findings), `edit ${i}: same findings as a fresh scan`);
    }
    return work;
  } finally {
    engine.dispose();
    fresh.dispose();
  }
}

describe('config pack: work per edit', () => {
  it('typing in one document of a 2,000-line Kubernetes stream checks that document only and moves no other', async () => {
    const { text, blocks } = generateKubernetes(2_000);
    assert.ok(blocks > 50);
    const p = at(text, 'replicas:', Math.floor(text.length / 2));
    const p2 = { line: p.line, character: p.character + 'replicas: '.length };
    const work = await editCost('/r/shop.yaml', 'yaml', text, [
      { range: { start: p2, end: p2 }, text: '1' },
      { range: { start: p2, end: { line: p2.line, character: p2.character + 1 } }, text: '' },
    ]);
    const own = nodesOfDocumentAt(text, text.indexOf('replicas:', Math.floor(text.length / 2)));
    for (const w of work) {
      assert.equal(w.documentsChecked, 1);
      // The edited document is read again and placed once; no other document moves.
      assert.ok(w.nodesMoved <= own, `${w.nodesMoved} nodes moved, the document has ${own}`);
    }
  });

  it('opening a Service to the internet re-checks the workloads it selects (their rank changes), not the rest', async () => {
    const { text } = generateKubernetes(2_000);
    const svc = text.indexOf('type: ClusterIP', Math.floor(text.length / 2));
    const p = at(text, 'ClusterIP', svc);
    const work = await editCost('/r/shop.yaml', 'yaml', text, [{ range: { start: p, end: { line: p.line, character: p.character + 'ClusterIP'.length } }, text: 'LoadBalancer' }]);
    // The Service itself and the Deployment it selects; only the Service is read again and placed.
    assert.equal(work[0]!.documentsChecked, 2);
    assert.ok(work[0]!.nodesMoved <= nodesOfDocumentAt(text, svc));
  });

  it('typing in one block of a 2,000-line Terraform file reads that block only', async () => {
    const { text, blocks } = generateTerraform(2_000);
    assert.ok(blocks > 50);
    const p = at(text, 'volume_size = ', Math.floor(text.length / 2));
    const p2 = { line: p.line, character: p.character + 'volume_size = '.length };
    const work = await editCost('/r/main.tf', 'terraform', text, [
      { range: { start: p2, end: p2 }, text: '1' },
      { range: { start: p2, end: { line: p2.line, character: p2.character + 1 } }, text: '' },
    ]);
    for (const w of work) assert.equal(w.hclBlocksParsed, 1);
  });
});

describe('config pack: Terraform block cache', () => {
  it('reading only changed blocks gives exactly a fresh read\'s findings, edit after edit (cuts in heredocs, comments, braces)', async () => {
    let text = `${generateTerraform(300).text}locals {\n  doc = <<EOT\nresource "x" "y" {\nEOT\n}\n/* a comment\nresource "a" "b" {\n*/\n`;
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const fresh = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const rnd = prng(11);
    const pieces = ['x', '\n', '{', '}', '"', 'resource "aws_instance" "z" {\n', '<<EOT\n', '/*', '*/', '# ', '0.0.0.0/0'];
    try {
      engine.open('u', '/r/main.tf', 'terraform', text, 1);
      for (let i = 0; i < 80; i++) {
        const lines = text.split('\n');
        const line = Math.floor(rnd() * lines.length);
        const character = Math.floor(rnd() * (lines[line]!.length + 1));
        const del = rnd() < 0.4 ? Math.min(2, lines[line]!.length - character) : 0;
        const insert = rnd() < 0.7 ? pieces[Math.floor(rnd() * pieces.length)]! : '';
        const range = { start: { line, character }, end: { line, character: character + del } };
        engine.change('u', [{ range, text: insert }], i + 2);
        text = apply(text, range, insert);
        const got = engine.analyze('u', CONFIG).findings;
        assert.deepEqual(shape(got), shape(fresh.scanText('/r/main.tf', 'terraform', text, CONFIG).findings), `edit ${i}`);
      }
    } finally {
      engine.dispose();
      fresh.dispose();
    }
  });
});
