/**
 * Memory of the engine in this process, without the LSP server: opens N generated files (as the memory bench
 * does), analyses each with every pack, then runs an edit soak, and prints RSS, heap, external and the wasm
 * heap after a full GC. Figures vary with the machine; run it a few times and take the median.
 *   node --expose-gc --import tsx bench/memory-inproc.ts [--files 50] [--lines 3000] [--soak-files 20]
 *     [--soak-lines 1000] [--edits 2000] [--snapshot /tmp/x.heapsnapshot]
 */
import { writeHeapSnapshot } from 'node:v8';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { GrammarRegistry } from '../server/src/engine/parser';
import { EXTENSIONS, generateFile } from './corpus/generate';
import { MIXED_LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

const MB = 1024 * 1024;
/** Edits in a row on one file, as in bench/parts/memory.ts. */
const SOAK_BURST = 20;

function sample(label: string): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const f = (n: number) => (n / MB).toFixed(0).padStart(5);
  const before = process.memoryUsage();
  gc();
  gc();
  const m = process.memoryUsage();
  process.stdout.write(`${label.padEnd(28)} before GC: rss ${f(before.rss)} heapTotal ${f(before.heapTotal)} | rss ${f(m.rss)}  heapTotal ${f(m.heapTotal)}  heapUsed ${f(m.heapUsed)}  external ${f(m.external)}  arrayBuffers ${f(m.arrayBuffers)}  wasm ${f(GrammarRegistry.wasmHeapBytes)} MB\n`);
  return m.rss;
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  // --packs taint,secrets: only those packs (default: all, as the server runs them).
  const only = arg('packs', '');
  const settings = only
    ? { ...DEFAULT_SETTINGS, packs: { taint: false, secrets: false, config: false, dependencies: false, ...Object.fromEntries(only.split(',').map((p) => [p, true])) } }
    : DEFAULT_SETTINGS;
  const files = Number(arg('files', '50'));
  const lines = Number(arg('lines', '3000'));
  const warm = arg('warm', '');
  const engine = await Engine.create({ analyzers, warmDocuments: warm ? Number(warm) : undefined });
  sample('idle');
  for (let i = 0; i < files; i++) {
    const lang = MIXED_LANGUAGES[i % MIXED_LANGUAGES.length]!;
    const g = generateFile(lang, lines, 5000 + i);
    const path = `/bench/open-files/module${i}.${EXTENSIONS[lang]}`;
    engine.open(`bench:${path}`, path, lang, g.text, 1);
    engine.analyze(`bench:${path}`, settings);
  }
  sample(`${files} x ${lines} lines open`);
  const snapshot = arg('snapshot', '');
  if (snapshot) writeHeapSnapshot(snapshot);
  engine.dispose();

  const soakFiles = Number(arg('soak-files', '20'));
  const soakLines = Number(arg('soak-lines', '1000'));
  const edits = Number(arg('edits', '2000'));
  const soak = Array.from({ length: soakFiles }, (_, i) => {
    const lang = MIXED_LANGUAGES[i % MIXED_LANGUAGES.length]!;
    const g = generateFile(lang, soakLines, 5000 + i);
    const path = `/bench/soak-files/module${i}.${EXTENSIONS[lang]}`;
    const uri = `bench:${path}`;
    engine.open(uri, path, lang, g.text, 1);
    engine.analyze(uri, settings);
    return { uri, version: 1, next: 0, script: editScript(g.text, lang, g.blockStarts, Math.ceil(edits / soakFiles / 2), 7_000 + i) };
  });
  let after100 = 0;
  for (let i = 0; i < edits; i++) {
    const s = soak[Math.floor(i / SOAK_BURST) % soak.length]!;
    const e = s.script[s.next++ % s.script.length]!;
    engine.change(s.uri, [{ range: e.range, text: e.text }], ++s.version);
    engine.analyze(s.uri, settings);
    if (i + 1 === 100) after100 = sample('soak after 100 edits');
    else if ((i + 1) % 500 === 0 && i + 1 < edits) sample(`soak after ${i + 1} edits`);
  }
  const end = sample(`soak after ${edits} edits`);
  process.stdout.write(`soak growth ${(((end - after100) / after100) * 100).toFixed(1)}%\n`);
  if (snapshot) writeHeapSnapshot(snapshot.replace(/(\.heapsnapshot)?$/, '-soak.heapsnapshot'));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
