/**
 * Soak: 10,000 edits across 20 open files, with open/close churn, through the engine with every rule pack.
 * Every tree web-tree-sitter creates is counted against every `delete`, so a leaked tree fails the test
 * exactly (wasm memory is not seen by the JS heap). After warm-up the JS heap and the wasm heap must hold their
 * size, each read after the server's own compacting GC (`settleServerHeap`). RSS, read once it stops falling after
 * that GC, gets a looser bound that catches a native leak the heaps do not see.
 * VIGIL_SOAK_EDITS changes the number of edits; analysis runs after every VIGIL_SOAK_ANALYZE_EVERY-th edit
 * (default 4: each analysis then sees a delta of several edits, as with a debounce).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Parser, Tree } from 'web-tree-sitter';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { LANGUAGES, prng } from './corpus';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { settleServerHeap } from '../../server/src/lsp/heap-sizing';

const EDITS = Number(process.env.VIGIL_SOAK_EDITS ?? 10_000);
const ANALYZE_EVERY = Number(process.env.VIGIL_SOAK_ANALYZE_EVERY ?? 4);

/** Live tree count: +1 for each tree made by parse/copy, -1 for each delete. */
let live = 0;
const restore: (() => void)[] = [];
function countTrees(): void {
  const parse = Parser.prototype.parse;
  Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
    const t = parse.apply(this, args);
    if (t) live++;
    return t;
  };
  const copy = Tree.prototype.copy;
  Tree.prototype.copy = function (this: Tree) {
    live++;
    return copy.call(this);
  };
  const del = Tree.prototype.delete;
  Tree.prototype.delete = function (this: Tree) {
    live--;
    del.call(this);
  };
  restore.push(() => {
    Parser.prototype.parse = parse;
    Tree.prototype.copy = copy;
    Tree.prototype.delete = del;
  });
}

/**
 * Memory after the server's compacting GC, once RSS has stopped falling: V8 hands the pages that GC freed back to
 * the system from a background task, so RSS read at once still counted them (410 MB where it was 230 MB 500 ms
 * later), and the soak's RSS growth ranged 68-166 MB between identical runs while neither heap grew.
 */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  settleServerHeap();
  let last = process.memoryUsage();
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = process.memoryUsage();
    const falling = last.rss - now.rss > 1e6;
    last = now.rss < last.rss ? now : last;
    if (!falling && i >= 2) break;
  }
  return last;
}

let engine: Engine;
before(async () => {
  countTrees();
  engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
});
after(() => {
  engine.dispose();
  for (const r of restore) r();
});

describe('soak', () => {
  it(`${EDITS.toLocaleString('en-US')} edits across 20 files: no leaked trees, stable memory`, async () => {
    const rnd = prng(99);
    const files = Array.from({ length: 20 }, (_, i) => {
      const lang = LANGUAGES[i % LANGUAGES.length]!;
      return { uri: `file:///soak/${i}-${lang.file}`, path: `/soak/${i}-${lang.file}`, lang, version: 0 };
    });
    for (const f of files) engine.open(f.uri, f.path, f.lang.languageId, f.lang.seed, 0);
    const pieces = ['(', ')', '"', '\n', 'req.query.a', ' + ', '😀', ';', 'eval(x)', '{', '}'];
    let rssWarm = 0;
    let heapWarm = 0;
    let wasmWarm = 0;
    for (let k = 0; k < EDITS; k++) {
      if (k === Math.min(1_000, Math.floor(EDITS / 5))) {
        ({ rss: rssWarm, heapUsed: heapWarm } = await settledMemory());
        wasmWarm = GrammarRegistry.wasmHeapBytes;
      }
      const f = files[Math.floor(rnd() * files.length)]!;
      const doc = engine.get(f.uri)!;
      // Occasional churn: close and reopen with the current text; or reset a file that grew too much.
      if (rnd() < 0.01 || doc.text.length > 4_000) {
        const text = doc.text.length > 4_000 ? f.lang.seed : doc.text;
        engine.close(f.uri);
        engine.open(f.uri, f.path, f.lang.languageId, text, ++f.version);
        continue;
      }
      const at = Math.floor(rnd() * (doc.text.length + 1));
      const del = Math.min(doc.text.length - at, Math.floor(rnd() * 5));
      const range = doc.lines.rangeOf(at, at + del);
      engine.change(f.uri, [{ range, text: pieces[Math.floor(rnd() * pieces.length)]! }], ++f.version);
      if (k % ANALYZE_EVERY === 0) engine.analyze(f.uri);
    }
    for (const f of files) engine.analyze(f.uri);
    const { rss: rssEnd, heapUsed: heapEnd } = await settledMemory();
    // Each open document holds at most its tree and the tree kept for comparison.
    assert.ok(live <= files.length * 2, `${live} live trees for ${files.length} open documents`);
    for (const f of files) engine.close(f.uri);
    assert.equal(live, 0, 'every tree deleted once its documents are closed');
    const growthMb = (rssEnd - rssWarm) / 1e6;
    // 6-28 MB over runs on idle and loaded machines since memory is read once RSS stops falling.
    assert.ok(growthMb < 64, `RSS grew ${growthMb.toFixed(1)} MB between warm-up and the end`);
    // Live JS objects: +1.7 MB over the 9,000 edits after warm-up when this was written.
    const heapMb = (heapEnd - heapWarm) / 1e6;
    assert.ok(heapMb < 10, `the JS heap grew ${heapMb.toFixed(1)} MB between warm-up and the end`);
    // The wasm heap only grows (it never returns pages): it stood still over these edits when this was written.
    const wasmMb = (GrammarRegistry.wasmHeapBytes - wasmWarm) / 1e6;
    assert.ok(wasmMb < 8, `the wasm heap grew ${wasmMb.toFixed(1)} MB between warm-up and the end`);
  });
});
