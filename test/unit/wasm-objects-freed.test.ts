/**
 * Syntax trees and tree cursors live in the parser's wasm heap, which never shrinks and which V8's GC does not
 * see: one not deleted is memory gone for the server's life. Counts them (web-tree-sitter's constructors and
 * `delete` wrapped) over opens, edits with analyses by every pack, and closes: while documents are open the only
 * trees left are the warm documents' own, and after closing them none is.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Node, Parser, Tree, TreeCursor } from 'web-tree-sitter';
import { generateFile, type BenchLanguage } from '../../bench/corpus/generate';
import { editScript } from '../../bench/lib/edit-script';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { Engine } from '../../server/src/engine/engine';

const live = { trees: 0, cursors: 0 };
const restore: (() => void)[] = [];

function wrap(proto: object, method: string, count: (r: unknown) => void): void {
  const p = proto as Record<string, (...a: unknown[]) => unknown>;
  const orig = p[method]!;
  p[method] = function (this: unknown, ...a: unknown[]) {
    const r = orig.apply(this, a);
    count(r);
    return r;
  };
  restore.push(() => (p[method] = orig));
}

before(() => {
  wrap(Parser.prototype, 'parse', (r) => void (r && live.trees++));
  wrap(Tree.prototype, 'copy', () => void live.trees++);
  wrap(Tree.prototype, 'delete', () => void live.trees--);
  // Tree.walk is rootNode.walk: counted there.
  wrap(Node.prototype, 'walk', () => void live.cursors++);
  wrap(TreeCursor.prototype, 'copy', () => void live.cursors++);
  wrap(TreeCursor.prototype, 'delete', () => void live.cursors--);
});
after(() => {
  for (const r of restore) r();
});

describe('wasm objects are freed', () => {
  it('over opens, edits and closes of JS, TS and Python documents, every tree and cursor is deleted', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers, warmDocuments: 2 });
    // Rules compiled: whatever they keep is counted from here.
    const base = { ...live };
    const langs: BenchLanguage[] = ['javascript', 'python', 'typescript', 'javascript'];
    const docs = langs.map((lang, i) => {
      const g = generateFile(lang, 300, 40 + i);
      const ext = lang === 'python' ? 'py' : lang === 'typescript' ? 'ts' : 'js';
      const uri = `mem:f${i}.${ext}`;
      engine.open(uri, `/ws/f${i}.${ext}`, lang, g.text, 1);
      engine.analyze(uri, DEFAULT_SETTINGS);
      return { uri, version: 1, script: editScript(g.text, lang, g.blockStarts, 8, 90 + i) };
    });
    const heldTrees = () => docs.filter((d) => engine.get(d.uri)?.hasTree).length;
    for (let i = 0; i < 48; i++) {
      // Bursts of 4 edits per document, as someone working on one file, so documents cool down and warm up again.
      const d = docs[Math.floor(i / 4) % docs.length]!;
      const e = d.script[i % d.script.length]!;
      engine.change(d.uri, [{ range: e.range, text: e.text }], ++d.version);
      engine.analyze(d.uri, DEFAULT_SETTINGS);
      assert.equal(live.cursors - base.cursors, 0, `edit ${i}: a cursor was not deleted`);
      assert.equal(live.trees - base.trees, heldTrees(), `edit ${i}: trees alive beyond the documents' own`);
    }
    for (const d of docs) engine.close(d.uri);
    assert.deepEqual({ trees: live.trees - base.trees, cursors: live.cursors - base.cursors }, { trees: 0, cursors: 0 });
    engine.dispose();
  });
});
