/**
 * The fixed per-edit cost: CPU of the char edits of the bench's script that analyse nothing (every unit from cache),
 * split by stage (text and parse, each pack's session, finalize), repeated `--rounds` times. For docs/perf-notes-p95.md.
 *   node --import tsx bench/edit-floor.ts [--lang javascript] [--lines 3000] [--pairs 100] [--rounds 3] [--seed 42]
 * `--profile FILE`: the cpu profiles of the nothing-analysed edits alone (sampled in-process), as a JSON list.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { TaintAnalyzer } from '../server/src/engine/taint';
import { EXTENSIONS, generateFile, type BenchLanguage } from './corpus/generate';
import { LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer)!;
  const stage: Record<string, number> = {};
  // Each pack's session timed from the outside: the engine calls `steps` (taint) or `run`.
  for (const a of analyzers) {
    const open = a.open.bind(a);
    a.open = (doc) => {
      const s = open(doc);
      const run = s.run.bind(s);
      s.run = (d, delta, ctx) => {
        const t0 = cpuMs();
        try {
          return run(d, delta, ctx);
        } finally {
          stage[a.pack] = (stage[a.pack] ?? 0) + cpuMs() - t0;
        }
      };
      if (s.steps) {
        const steps = s.steps.bind(s);
        s.steps = function* (d, delta, ctx) {
          const t0 = cpuMs();
          try {
            return yield* steps(d, delta, ctx);
          } finally {
            stage[a.pack] = (stage[a.pack] ?? 0) + cpuMs() - t0;
          }
        };
      }
      return s;
    };
  }
  const engine = await Engine.create({ analyzers });
  const settings = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: true, config: false, dependencies: false } };
  const lang = arg('lang', 'javascript') as BenchLanguage;
  const lines = Number(arg('lines', '3000'));
  const g = generateFile(lang, lines, 1000 + LANGUAGES.indexOf(lang));
  const path = `/bench/app.${EXTENSIONS[lang]}`;
  const uri = `bench:${path}`;
  engine.open(uri, path, lang, g.text, 1);
  engine.analyze(uri, settings);
  const script = editScript(g.text, lang, g.blockStarts, Number(arg('pairs', '100')), Number(arg('seed', '42'))).filter((e) => !e.kind.includes('paste'));
  const nothing: number[] = [];
  const parts: Record<string, number> = {};
  const counters: Record<string, number> = {};
  let version = 2;
  const profOut = arg('profile', '');
  const session = profOut ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
  }
  const profiles: unknown[] = [];
  for (let round = 0; round < Number(arg('rounds', '3')); round++) {
    for (const e of script) {
      const s0 = { ...taint.stats };
      for (const k of Object.keys(stage)) stage[k] = 0;
      if (session) await session.post('Profiler.start');
      const t0 = cpuMs();
      engine.change(uri, [{ range: e.range, text: e.text }], version++);
      void engine.get(uri)!.tree; // the parse, timed on its own
      const t1 = cpuMs();
      engine.analyze(uri, settings);
      const ms = cpuMs() - t0;
      const prof = session && (await session.post('Profiler.stop')).profile;
      const add = (k: string, v: number): void => void (parts[k] = (parts[k] ?? 0) + v);
      if (taint.stats.unitsAnalyzed + taint.stats.topStatementsAnalyzed > s0.unitsAnalyzed + s0.topStatementsAnalyzed) continue;
      nothing.push(ms);
      for (const [k, v] of Object.entries(taint.stats)) counters[k] = (counters[k] ?? 0) + v - s0[k as keyof typeof s0];
      if (prof) profiles.push(prof);
      add('change+parse', t1 - t0);
      for (const [k, v] of Object.entries(stage)) add(k, v);
      add('engine rest (finalize)', ms - (t1 - t0) - Object.values(stage).reduce((s, x) => s + x, 0));
    }
  }
  nothing.sort((x, y) => x - y);
  const q = (p: number): string => nothing[Math.min(nothing.length - 1, Math.floor(p * nothing.length))]!.toFixed(1);
  process.stdout.write(`${lang} ${lines} lines: ${nothing.length} nothing-analysed char edits, CPU ms p50 ${q(0.5)} p95 ${q(0.95)}\n`);
  for (const [k, v] of Object.entries(parts)) process.stdout.write(`  ${k}: ${(v / nothing.length).toFixed(2)} ms mean\n`);
  process.stdout.write(`  taint counters per edit (mean): ${Object.entries(counters).filter(([, v]) => v).map(([k, v]) => `${k} ${+(v / nothing.length).toFixed(1)}`).join(', ')}\n`);
  if (profOut) writeFileSync(profOut, JSON.stringify(profiles));
  engine.close(uri);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
