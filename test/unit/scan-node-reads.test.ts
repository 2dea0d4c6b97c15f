/**
 * Reads of the wasm tree in a full-file taint scan, by deterministic counters (never time): the dataflow passes
 * of a file (one per group of rules) ask the same grammar fields of the same nodes, and each read through
 * web-tree-sitter marshals a new node object. The first read of a (node, field) or of a node's text serves all the
 * passes of a scan.
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

interface Reads {
  reads: number;
  /** Reads of a (node, field) or a node's text already read in this scan. */
  repeated: number;
}

/**
 * Scans `text` once to compile the rules, then again counting what is read out of the wasm tree: grammar-field
 * children (`childForFieldName`) and node texts (`text`, which reads the node's end from the tree).
 */
function treeReads(engine: Engine, taint: TaintAnalyzer, path: string, lang: 'javascript' | 'python', text: string): { field: Reads; text: Reads; passes: number; findings: string[] } {
  engine.scanText(path, lang, text, settings);
  const proto = Node.prototype as unknown as { childForFieldName: (this: Node, name: string) => Node | null };
  const original = proto.childForFieldName;
  const textGetter = Object.getOwnPropertyDescriptor(Node.prototype, 'text')!;
  const fields = new Map<string, number>();
  const texts = new Map<number, number>();
  proto.childForFieldName = function (this: Node, name: string): Node | null {
    const k = `${this.id}\u0000${name}`;
    fields.set(k, (fields.get(k) ?? 0) + 1);
    return original.call(this, name);
  };
  Object.defineProperty(Node.prototype, 'text', {
    ...textGetter,
    get(this: Node): string {
      texts.set(this.id, (texts.get(this.id) ?? 0) + 1);
      return textGetter.get!.call(this) as string;
    },
  });
  const count = <K>(m: Map<K, number>): Reads => {
    let reads = 0;
    for (const n of m.values()) reads += n;
    return { reads, repeated: reads - m.size };
  };
  const passes0 = taint.stats.passes;
  try {
    const r = engine.scanText(path, lang, text, settings);
    return { field: count(fields), text: count(texts), passes: taint.stats.passes - passes0, findings: r.findings.map((f) => JSON.stringify([f.ruleId, f.range, f.message])) };
  } finally {
    proto.childForFieldName = original;
    Object.defineProperty(Node.prototype, 'text', textGetter);
  }
}

describe('wasm tree reads of a full-file scan', () => {
  for (const [lang, ext] of [['javascript', 'js'], ['python', 'py']] as const) {
    const cases = (): { one: ReturnType<typeof treeReads>; many: ReturnType<typeof treeReads> } => {
      const { text } = generateFile(lang, 300, 7);
      const one = treeReads(g, grouped, `/gen/reads.${ext}`, lang, text);
      const many = treeReads(p, perRule, `/gen/reads.${ext}`, lang, text);
      // The premise: the same findings, by several times as many passes.
      assert.ok(one.findings.length > 0, 'the generated file has findings');
      assert.deepEqual(many.findings, one.findings);
      // Python's file since session 14: a one-shot run leaves out the library-input rules where none of their sinks
      // is in the code, and argument injection (sanitizers of its own) is a group by itself; several more passes per
      // rule still, each a chance to read again.
      assert.ok(one.passes > 1 && many.passes >= one.passes + 5, `passes: ${one.passes} grouped, ${many.passes} per rule`);
      return { one, many };
    };
    // Every pass asks the same of the same nodes: the first read serves the scan's other passes. (A few reads
    // repeat once per file, outside the passes: quick fixes, import lists.)
    it(`${lang}: repeated field reads do not grow with the number of dataflow passes`, () => {
      const { one, many } = cases();
      assert.ok(one.field.reads > 100, `reads: ${one.field.reads}`);
      assert.equal(many.field.repeated, one.field.repeated, `${many.field.repeated} of ${many.field.reads} field reads repeated with ${many.passes} passes, ${one.field.repeated} of ${one.field.reads} with ${one.passes}`);
    });
    it(`${lang}: repeated text reads do not grow with the number of dataflow passes`, () => {
      const { one, many } = cases();
      assert.ok(one.text.reads > 100, `reads: ${one.text.reads}`);
      assert.equal(many.text.repeated, one.text.repeated, `${many.text.repeated} of ${many.text.reads} text reads repeated with ${many.passes} passes, ${one.text.repeated} of ${one.text.reads} with ${one.passes}`);
    });
  }
});
