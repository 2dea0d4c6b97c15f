/**
 * What an edit after the server's idle heap settle costs, in-process: opens N generated files (the memory bench's),
 * then edits the first one, each edit preceded in turn by the settle's compacting GC or by nothing, and prints the
 * GC pause and the edit's ms apart. Times, so run it back to back when comparing builds.
 * `--release`: every edit follows the settle and a pause of `YOUNG_RELEASE_MS`, and in turn the young generation's
 * release (`releaseYoungGeneration`) or nothing: the edit after an idle server gave its young generation back.
 *   node --import tsx bench/idle-settle-ab.ts [--files 50] [--lines 3000] [--edits 12] [--release]
 */
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { oldGenerationCommitted, releaseYoungGeneration, settleServerHeap, YOUNG_RELEASE_MS, youngGenerationCommitted } from '../server/src/lsp/heap-sizing';
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
  const cpuMs: number[][] = [[], []];
  const edit = (i: number, side = 0): number => {
    const e = script[i]!;
    const t = performance.now();
    const c = process.cpuUsage();
    engine.change(f.uri, [{ range: e.range, text: e.text }], ++version);
    engine.analyze(f.uri, DEFAULT_SETTINGS);
    const used = process.cpuUsage(c);
    cpuMs[side]!.push((used.user + used.system) / 1000);
    return performance.now() - t;
  };
  edit(0);
  edit(1); // warm: the first file cooled down while the others opened
  if (process.argv.includes('--release')) return releaseAb(script.length, edit, cpuMs);
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

/** Edits after the settle and an idle pause, with the young generation released before every other one. */
async function releaseAb(n: number, edit: (i: number, side?: number) => number, cpuMs: number[][]): Promise<void> {
  cpuMs[0] = [];
  cpuMs[1] = [];
  const released: number[] = [];
  const kept: number[] = [];
  for (let i = 2; i < n; i++) {
    const release = (i + Math.floor(i / 2)) % 2 === 0;
    settleServerHeap();
    await new Promise((r) => setTimeout(r, YOUNG_RELEASE_MS));
    if (release) releaseYoungGeneration();
    const young = youngGenerationCommitted();
    const ms = edit(i, release ? 1 : 0);
    process.stdout.write(`${release ? 'released' : 'kept    '} young ${(young / 2 ** 20).toFixed(0)} MB: edit ${ms.toFixed(0)} ms, cpu ${cpuMs[release ? 1 : 0]!.at(-1)!.toFixed(0)} ms\n`);
    (release ? released : kept).push(ms);
  }
  const s = (xs: number[]) => {
    const q = summarize(xs);
    return `median ${q.median.toFixed(0)} max ${Math.max(...xs).toFixed(0)}`;
  };
  process.stdout.write(`edit after the release: ${s(released)} ms, cpu ${s(cpuMs[1]!)} ms; without: ${s(kept)} ms, cpu ${s(cpuMs[0]!)} ms\n`);
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
