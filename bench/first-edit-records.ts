/**
 * What a never-edited document's first edit costs when its session kept the fixpoint records (the worklist's base)
 * and when they were dropped (`TaintSessionCache.records` cleared: every unit visited, through the unit caches), and
 * cold (no session). Taint pack only, in-process; CPU per analysis and the work counters, several edits per
 * language, each on a freshly analysed copy of the bench's generated file. Findings must be the same in all three.
 *   node --import tsx bench/first-edit-records.ts [--lines 3000] [--edits 6] [--lang javascript,typescript,python]
 */
import { createAnalyzers, Engine } from '../server/src/engine';
import { SourceDocument } from '../server/src/engine/document';
import { TaintAnalyzer } from '../server/src/engine/taint';
import { newTaintSessionCache } from '../server/src/engine/taint/taint-analyzer';
import { EXTENSIONS, generateFile, type BenchLanguage } from './corpus/generate';
import { LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

function apply(text: string, e: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, off(e.range.start)) + e.text + text.slice(off(e.range.end));
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer)!;
  const engine = await Engine.create({ analyzers });
  const lines = Number(arg('lines', '3000'));
  const edits = Number(arg('edits', '6'));
  for (const lang of arg('lang', 'javascript,typescript,python').split(',') as BenchLanguage[]) {
    const g = generateFile(lang, lines, 1000 + LANGUAGES.indexOf(lang));
    const path = `/bench/app.${EXTENSIONS[lang]}`;
    const script = editScript(g.text, lang, g.blockStarts, edits, 4242);
    const sum = { kept: 0, dropped: 0, cold: 0 };
    const work = { kept: 0, dropped: 0, cold: 0 };
    let text = g.text;
    for (let i = 0; i < script.length; i++) {
      const next = apply(text, script[i]!);
      const doc = (t: string, v: number) => new SourceDocument(`b:${path}`, path, lang, t, v, engine.grammars);
      const results: Record<string, string> = {};
      for (const mode of ['kept', 'dropped', 'cold'] as const) {
        const cache = newTaintSessionCache();
        if (mode !== 'cold') taint.analyze(doc(text, 1), cache);
        if (mode === 'dropped') cache.records.clear();
        const d = doc(next, 2);
        void d.tree; // parse outside the timed part: the same in every mode
        const s0 = { ...taint.stats };
        const c0 = process.cpuUsage();
        results[mode] = JSON.stringify(taint.analyze(d, cache));
        const c = process.cpuUsage(c0);
        sum[mode] += (c.user + c.system) / 1000;
        work[mode] += taint.stats.cacheLookups - s0.cacheLookups + taint.stats.unitsAnalyzed - s0.unitsAnalyzed + taint.stats.dataflowSteps - s0.dataflowSteps;
      }
      if (results.kept !== results.dropped || results.kept !== results.cold) throw new Error(`${lang} edit ${i}: findings differ`);
      text = next;
    }
    const f = (o: Record<string, number>) => `kept ${(o.kept! / script.length).toFixed(0)}, records dropped ${(o.dropped! / script.length).toFixed(0)}, cold ${(o.cold! / script.length).toFixed(0)}`;
    process.stdout.write(`${lang} ${lines} lines, ${script.length} first edits: CPU ms per edit ${f(sum)}; lookups+units+steps ${f(work)}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
