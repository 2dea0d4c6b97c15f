/**
 * What an edit after the server's idle heap settle costs, in-process: opens N generated files (the memory bench's),
 * then edits the first one, each edit preceded in turn by the settle's compacting GC or by nothing, and prints the
 * GC pause and the edit's ms apart. Times, so run it back to back when comparing builds.
 *   node --import tsx bench/idle-settle-ab.ts [--files 50] [--lines 3000] [--edits 12]
 */
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { oldGenerationCommitted, settleServerHeap } from '../server/src/lsp/heap-sizing';
import { EXTENSIONS, generateFile } from './corpus/generate';
import { MIXED_LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';
import { summarize } from './lib/stats';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const engine = await Engine.create({ analyzers });
  const files = Number(arg('files', '50'));
  const lines = Number(arg('lines', '3000'));
  const edits = Number(arg('edits', '12'));
  // --plain: a full GC that does not compact, to compare its pause with the settle's.
  const plainGc = process.argv.includes('--plain');
  let first: { uri: string; text: string; lang: (typeof MIXED_LANGUAGES)[number]; blockStarts: readonly number[] } | undefined;
  for (let i = 0; i < files; i++) {
    const lang = MIXED_LANGUAGES[i % MIXED_LANGUAGES.length]!;
    const g = generateFile(lang, lines, 5000 + i);
    const path = `/bench/open-files/module${i}.${EXTENSIONS[lang]}`;
    engine.open(`bench:${path}`, path, lang, g.text, 1);
    engine.analyze(`bench:${path}`, DEFAULT_SETTINGS);
    first ??= { uri: `bench:${path}`, text: g.text, lang, blockStarts: g.blockStarts };
  }
  const f = first!;
  const script = editScript(f.text, f.lang, f.blockStarts, edits + 1, 9_000);
  let version = 1;
  const edit = (i: number): number => {
    const e = script[i]!;
    const t = performance.now();
    engine.change(f.uri, [{ range: e.range, text: e.text }], ++version);
    engine.analyze(f.uri, DEFAULT_SETTINGS);
    return performance.now() - t;
  };
  edit(0);
  edit(1); // warm: the first file cooled down while the others opened
  const gcMs: number[] = [];
  const afterGc: number[] = [];
  const plain: number[] = [];
  for (let i = 2; i < script.length; i++) {
    // Pairs alternate which of their two edits follows the GC, so both sides get as many first as second edits.
    const withGc = (i + Math.floor(i / 2)) % 2 === 0;
    if (withGc) {
      const before = { old: oldGenerationCommitted(), rss: process.memoryUsage().rss };
      const t = performance.now();
      if (plainGc) plainFullGc();
      else settleServerHeap();
      gcMs.push(performance.now() - t);
      const mb = (n: number) => (n / 2 ** 20).toFixed(0);
      process.stdout.write(`gc ${gcMs[gcMs.length - 1]!.toFixed(0)} ms: old generation ${mb(before.old)} -> ${mb(oldGenerationCommitted())} MB, rss ${mb(before.rss)} -> ${mb(process.memoryUsage().rss)} MB\n`);
    }
    (withGc ? afterGc : plain).push(edit(i));
  }
  const s = (xs: number[]) => {
    const q = summarize(xs);
    return `median ${q.median.toFixed(0)} max ${Math.max(...xs).toFixed(0)}`;
  };
  process.stdout.write(`${files} files of ${lines} lines: settle GC ms ${s(gcMs)}; edit after it ${s(afterGc)}; edit without ${s(plain)}; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`);
}

function plainFullGc(): void {
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
