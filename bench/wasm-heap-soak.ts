/**
 * Tells a wasm-heap leak from peak need: the edit soak of bench/memory-inproc.ts run in rounds in one process,
 * every document closed between rounds, counting the syntax trees and tree cursors alive in the wasm heap
 * (web-tree-sitter's constructors and `delete` wrapped). The wasm heap never shrinks: if a round's documents are
 * all freed, the next round reuses that memory and the heap stays flat; a leak grows it again every round.
 *   node --import tsx bench/wasm-heap-soak.ts [--rounds 3] [--files 20] [--lines 1000] [--edits 1500]
 */
import { Node, Parser, Tree, TreeCursor } from 'web-tree-sitter';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { GrammarRegistry } from '../server/src/engine/parser';
import { EXTENSIONS, generateFile } from './corpus/generate';
import { MIXED_LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

const live = { trees: 0, cursors: 0 };
/** Wraps a method so that each non-null result counts as one more live object of `kind`. */
function counting(proto: object, method: string, kind: keyof typeof live): void {
  const p = proto as Record<string, (...a: unknown[]) => unknown>;
  const orig = p[method]!;
  p[method] = function (this: unknown, ...a: unknown[]) {
    const r = orig.apply(this, a);
    if (r) live[kind]++;
    return r;
  };
}
function freeing(proto: object, kind: keyof typeof live): void {
  const p = proto as { delete: (this: unknown) => void };
  const orig = p.delete;
  p.delete = function (this: unknown) {
    live[kind]--;
    orig.call(this);
  };
}
counting(Parser.prototype, 'parse', 'trees');
counting(Tree.prototype, 'copy', 'trees');
freeing(Tree.prototype, 'trees');
// Tree.walk is rootNode.walk: counted there.
counting(Node.prototype, 'walk', 'cursors');
counting(TreeCursor.prototype, 'copy', 'cursors');
freeing(TreeCursor.prototype, 'cursors');

const MB = 1024 * 1024;
const SOAK_BURST = 20;

/** Heap bytes one 4,096-byte malloc takes in emscripten's dlmalloc (32-bit: a 4-byte header, 8-byte aligned). */
const CHUNK = 4104;
type Runtime = { HEAP8: Int8Array; _malloc: (n: number) => number; _free: (p: number) => void };
/**
 * Bytes of the wasm heap in use: the heap's size minus what can be allocated in 4 KB blocks before it grows
 * (found by allocating them, then freed; each block takes 4,104 bytes with dlmalloc's header and alignment).
 * Fragments under 4 KB count as used. Each call grows the heap once (the allocation that stops it), so the heap
 * sizes printed after the first are the probe's, not the engine's: compare the "in use" figures.
 */
function wasmUsedBytes(): number {
  const rt = (GrammarRegistry as unknown as { runtime: Runtime }).runtime;
  const size = rt.HEAP8.buffer.byteLength;
  const blocks: number[] = [];
  for (;;) {
    const p = rt._malloc(4096);
    if (!p || rt.HEAP8.buffer.byteLength !== size) {
      if (p) rt._free(p);
      break;
    }
    blocks.push(p);
  }
  for (const p of blocks) rt._free(p);
  return size - blocks.length * CHUNK;
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const engine = await Engine.create({ analyzers });
  const rounds = Number(arg('rounds', '3'));
  const files = Number(arg('files', '20'));
  const lines = Number(arg('lines', '1000'));
  const edits = Number(arg('edits', '1500'));
  const say = (label: string) =>
    process.stdout.write(
      `${label.padEnd(24)} wasm heap ${(GrammarRegistry.wasmHeapBytes / MB).toFixed(0).padStart(4)} MB, in use ${(wasmUsedBytes() / MB).toFixed(2).padStart(6)} MB  live trees ${live.trees}  live cursors ${live.cursors}\n`,
    );
  say('start');
  for (let round = 1; round <= rounds; round++) {
    const soak = Array.from({ length: files }, (_, i) => {
      const lang = MIXED_LANGUAGES[i % MIXED_LANGUAGES.length]!;
      const g = generateFile(lang, lines, 5000 + i);
      const path = `/bench/soak-files/module${i}.${EXTENSIONS[lang]}`;
      const uri = `bench:${path}`;
      engine.open(uri, path, lang, g.text, 1);
      engine.analyze(uri, DEFAULT_SETTINGS);
      return { uri, version: 1, next: 0, script: editScript(g.text, lang, g.blockStarts, Math.ceil(edits / files / 2), 7_000 + i) };
    });
    for (let i = 0; i < edits; i++) {
      const s = soak[Math.floor(i / SOAK_BURST) % soak.length]!;
      const e = s.script[s.next++ % s.script.length]!;
      engine.change(s.uri, [{ range: e.range, text: e.text }], ++s.version);
      engine.analyze(s.uri, DEFAULT_SETTINGS);
    }
    say(`round ${round}: ${edits} edits`);
    for (const s of soak) engine.close(s.uri);
    say(`round ${round}: all closed`);
  }
  engine.dispose();
  say('disposed');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
