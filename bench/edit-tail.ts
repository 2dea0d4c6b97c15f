/**
 * Which edits are the slow tail: per edit of the bench's script, its kind, line, ms, GC ms and the taint pack's
 * counters, sorted by ms. For docs/perf-notes-p95.md.
 *   node --import tsx bench/edit-tail.ts [--lang javascript] [--lines 3000] [--pairs 100] [--packs taint,secrets] [--seed 42]
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { TaintAnalyzer } from '../server/src/engine/taint';
import { EXTENSIONS, generateFile, type BenchLanguage } from './corpus/generate';
import { LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self ms per function (name, file, line) of one profile. */
function selfTimes(p: CpuProfile): Record<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out: Record<string, number> = {};
  for (const [i, id] of p.samples.entries()) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(server|node_modules)\//, '$1/')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    out[key] = (out[key] ?? 0) + (p.timeDeltas[i] ?? 0) / 1000;
  }
  return out;
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer)!;
  const engine = await Engine.create({ analyzers });
  const packs = arg('packs', 'taint,secrets').split(',');
  const settings = { ...DEFAULT_SETTINGS, packs: { taint: packs.includes('taint'), secrets: packs.includes('secrets'), config: false, dependencies: false } };
  const lang = arg('lang', 'javascript') as BenchLanguage;
  const lines = Number(arg('lines', '3000'));
  const g = generateFile(lang, lines, 1000 + LANGUAGES.indexOf(lang));
  const path = `/bench/app.${EXTENSIONS[lang]}`;
  const uri = `bench:${path}`;
  let gcMs = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });
  engine.open(uri, path, lang, g.text, 1);
  engine.analyze(uri, settings);
  const script = editScript(g.text, lang, g.blockStarts, Number(arg('pairs', '100')), Number(arg('seed', '42')));
  const rows: string[] = [];
  // --profile FILE: a cpu profile of each edit alone (sampled in-process), self ms per function per edit.
  const profOut = arg('profile', '');
  const session = profOut ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  const profiles: Record<string, number>[] = [];
  const textLines = g.text.split('\n');
  for (const [i, e] of script.entries()) {
    const s0 = { ...taint.stats };
    const gc0 = gcMs;
    if (session) await session.post('Profiler.start');
    const t0 = performance.now();
    engine.change(uri, [{ range: e.range, text: e.text }], i + 2);
    engine.analyze(uri, settings);
    const ms = performance.now() - t0;
    if (session) profiles.push(selfTimes((await session.post('Profiler.stop')).profile as CpuProfile));
    await new Promise((r) => setImmediate(r)); // let the gc observer report
    const d = Object.fromEntries(Object.keys(s0).map((k) => [k, taint.stats[k as keyof typeof s0] - s0[k as keyof typeof s0]]));
    const ln = e.range.start.line;
    const indent = /^\s*/.exec(textLines[ln] ?? '')![0].length;
    rows.push(JSON.stringify({ i, kind: e.kind, line: ln, col: e.range.start.character, indent, ms: +ms.toFixed(1), gc: +(gcMs - gc0).toFixed(1), work: taint.lastRunWork, ...d }));
  }
  process.stdout.write(rows.join('\n') + '\n');
  if (profOut) writeFileSync(profOut, JSON.stringify(profiles));
  engine.close(uri);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
