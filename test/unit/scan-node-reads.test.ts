/**
 * Reads of the wasm tree in a full-file taint scan, by deterministic counters (never time): the dataflow passes
 * of a file (one per group of rules) ask the same grammar fields of the same nodes, and each read through
 * web-tree-sitter marshals a new node object. The first read of a (node, field) serves all the passes of a scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Node } from 'web-tree-sitter';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer, type TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let grouped: TaintAnalyzer;
let perRule: TaintAnalyzer;
let g: Engine;
let p: Engine;
before(async () => {
  grouped = createTaintAnalyzer().analyzer;
  perRule = createTaintAnalyzer().analyzer;
  // One pass per rule: many more passes over the same nodes, the same findings (test/unit/taint-passes.test.ts).
  perRule.groupRules = false;
  g = await Engine.create({ analyzers: [grouped] });
  p = await Engine.create({ analyzers: [perRule] });
});
after(() => {
  g.dispose();
  p.dispose();
});

/** Scans `text` once to compile the rules, then again counting `childForFieldName` reads out of the wasm tree. */
function fieldReads(engine: Engine, taint: TaintAnalyzer, path: string, lang: 'javascript' | 'python', text: string): { reads: number; repeated: number; passes: number; findings: string[] } {
  engine.scanText(path, lang, text, settings);
  const proto = Node.prototype as unknown as { childForFieldName: (this: Node, name: string) => Node | null };
  const original = proto.childForFieldName;
  let reads = 0;
  const seen = new Set<string>();
  proto.childForFieldName = function (this: Node, name: string): Node | null {
    reads++;
    seen.add(`${this.id}\u0000${name}`);
    return original.call(this, name);
  };
  const passes0 = taint.stats.passes;
  try {
    const r = engine.scanText(path, lang, text, settings);
    return { reads, repeated: reads - seen.size, passes: taint.stats.passes - passes0, findings: r.findings.map((f) => JSON.stringify([f.ruleId, f.range, f.message])) };
  } finally {
    proto.childForFieldName = original;
  }
}

describe('wasm tree reads of a full-file scan', () => {
  for (const [lang, ext] of [['javascript', 'js'], ['python', 'py']] as const) {
    it(`${lang}: repeated field reads do not grow with the number of dataflow passes`, () => {
      const { text } = generateFile(lang, 300, 7);
      const one = fieldReads(g, grouped, `/gen/reads.${ext}`, lang, text);
      const many = fieldReads(p, perRule, `/gen/reads.${ext}`, lang, text);
      // The premise: the same findings, by several times as many passes, and the dataflow read fields.
      assert.ok(one.findings.length > 0, 'the generated file has findings');
      assert.deepEqual(many.findings, one.findings);
      assert.ok(one.passes > 1 && many.passes >= 2 * one.passes, `passes: ${one.passes} grouped, ${many.passes} per rule`);
      assert.ok(one.reads > 100, `reads: ${one.reads}`);
      // Every pass asks the same fields of the same nodes: the first read serves the scan's other passes. (A few
      // reads repeat once per file, outside the passes: quick fixes, import lists.)
      assert.equal(many.repeated, one.repeated, `${many.repeated} of ${many.reads} field reads repeated with ${many.passes} passes, ${one.repeated} of ${one.reads} with ${one.passes}`);
    });
  }
});
