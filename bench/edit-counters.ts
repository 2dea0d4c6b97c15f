/**
 * Deterministic work counters of the taint pack per edit (units analysed, cache look-ups, pattern-rule nodes
 * walked, `lastRunWork`) on the generated bench files, plus indicative ms. Counters, unlike ms, compare across
 * runs on a loaded machine.  node --import tsx bench/edit-counters.ts [--lines 3000] [--pairs 50] [--lang javascript,java,go]
 */
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { TaintAnalyzer } from '../server/src/engine/taint';
import { foldCounters } from '../server/src/engine/taint/lang/constant-folding';
import { EXTENSIONS, generateFile, type BenchLanguage } from './corpus/generate';
import { LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';
import { summarize } from './lib/stats';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer)!;
  const engine = await Engine.create({ analyzers });
  const settings = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };
  const lines = Number(arg('lines', '3000'));
  const pairs = Number(arg('pairs', '50'));
  const langs = arg('lang', LANGUAGES.join(',')).split(',') as BenchLanguage[];
  for (const lang of langs) {
    if (!LANGUAGES.includes(lang)) throw new Error(`unknown language "${lang}" (languages: ${LANGUAGES.join(', ')})`);
    // The same seed as the bench's file of this language (bench/lib/corpus.ts).
    const g = generateFile(lang, lines, 1000 + LANGUAGES.indexOf(lang));
    const path = `/bench/app.${EXTENSIONS[lang]}`;
    const uri = `bench:${path}`;
    engine.open(uri, path, lang, g.text, 1);
    engine.analyze(uri, settings);
    const s0 = { ...taint.stats };
    const f0 = { ...foldCounters };
    const times: number[] = [];
    const script = editScript(g.text, lang, g.blockStarts, pairs, 4242);
    for (const [i, e] of script.entries()) {
      const t0 = performance.now();
      engine.change(uri, [{ range: e.range, text: e.text }], i + 2);
      engine.analyze(uri, settings);
      times.push(performance.now() - t0);
    }
    const per = (k: keyof typeof s0): number => Math.round((taint.stats[k] - s0[k]) / script.length);
    const t = summarize(times);
    const fold = Object.entries(foldCounters).map(([k, v]) => `${k}=${Math.round((v - f0[k as keyof typeof f0]) / script.length)}`).join(' ');
    process.stdout.write(`${lang} ${lines} lines, ${script.length} edits, per edit: ${Object.keys(s0).map((k) => `${k}=${per(k as keyof typeof s0)}`).join(' ')} lastRunWork=${taint.lastRunWork} ${fold} | ms p50=${t.median.toFixed(1)} p95=${t.p95.toFixed(1)}\n`);
    engine.close(uri);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
