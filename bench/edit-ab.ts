/**
 * In-process A/B of the per-edit cost of two source trees (e.g. main and a branch): both engines in one process,
 * the same edit script applied to each, alternating which runs first per edit; CPU per edit (`process.cpuUsage`)
 * by edit class, and a check that both report the same findings after every edit. For docs/perf-notes-p95.md.
 *   node --import tsx bench/edit-ab.ts --a /path/to/base --b . [--lang javascript] [--lines 3000] [--pairs 100] [--seed 42] [--rounds 1] [--show 8,9]
 * `--show` lists the named edits (0-based, in script order) one by one: kind, each side's CPU ms, B's counters.
 * Classes as in bench/edit-tail.ts, from B's taint counters: paste, undo-paste, replay (>= 100 top-level
 * statements analysed), local (some unit or statement analysed), nothing.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- two independently loaded copies of the engine */
interface Side {
  name: string;
  engine: any;
  taint: any;
  cpu: Record<string, number[]>;
}

async function load(name: string, dir: string, lang: string, lines: number): Promise<{ side: Side; text: string; blockStarts: number[]; gen: any; lib: any }> {
  const root = resolve(dir);
  const imp = (p: string): Promise<any> => import(pathToFileURL(`${root}/${p}`).href);
  const eng = await imp('server/src/engine/index.ts');
  const gen = await imp('bench/corpus/generate.ts');
  const lib = await imp('bench/lib/corpus.ts');
  const { analyzers } = eng.createAnalyzers({});
  const taint = analyzers.find((a: any) => a instanceof eng.TaintAnalyzer);
  const engine = await eng.Engine.create({ analyzers });
  const g = gen.generateFile(lang, lines, 1000 + lib.LANGUAGES.indexOf(lang));
  return { side: { name, engine, taint, cpu: {} }, text: g.text, blockStarts: g.blockStarts, gen, lib };
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const lang = arg('lang', 'javascript');
  const lines = Number(arg('lines', '3000'));
  const a = await load('A', arg('a', '.'), lang, lines);
  const b = await load('B', arg('b', '.'), lang, lines);
  if (a.text !== b.text) throw new Error('the two trees generate different files');
  const settings = { ...(await import(pathToFileURL(`${resolve(arg('b', '.'))}/server/src/engine/index.ts`).href)).DEFAULT_SETTINGS };
  settings.packs = { taint: true, secrets: true, config: false, dependencies: false };
  const { editScript } = await import(pathToFileURL(`${resolve(arg('b', '.'))}/bench/lib/edit-script.ts`).href);
  const path = `/bench/app.${b.gen.EXTENSIONS[lang]}`;
  const uri = `bench:${path}`;
  const sides = [a.side, b.side];
  const findings = (s: Side): string => JSON.stringify(s.engine.analyze(uri, settings));
  for (const s of sides) {
    s.engine.open(uri, path, lang, a.text, 1);
    findings(s);
  }
  let version = 2;
  let mismatches = 0;
  const rounds = Number(arg('rounds', '1'));
  const script = editScript(a.text, lang, a.blockStarts, Number(arg('pairs', '100')), Number(arg('seed', '42')));
  const show = new Set(arg('show', '').split(',').filter(Boolean).map(Number));
  const shown: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [i, e] of script.entries()) {
      const order = (i + round) % 2 === 0 ? sides : [sides[1]!, sides[0]!];
      const out = new Map<Side, string>();
      let cls = '';
      let units = '';
      for (const s of order) {
        const st0 = { ...b.side.taint.stats };
        const t0 = cpuMs();
        s.engine.change(uri, [{ range: e.range, text: e.text }], version);
        const f = s.engine.analyze(uri, settings);
        const ms = cpuMs() - t0;
        out.set(s, JSON.stringify(f));
        if (s === b.side) {
          const d = (k: string): number => b.side.taint.stats[k] - st0[k];
          units = `units analysed ${d('unitsAnalyzed')}, top-level statements analysed ${d('topStatementsAnalyzed')}, functions described ${d('contextFunctionsComputed')}`;
          cls = e.kind.includes('paste') ? e.kind : d('topStatementsAnalyzed') >= 100 ? 'replay' : d('unitsAnalyzed') + d('topStatementsAnalyzed') > 0 ? 'local' : 'nothing';
        }
        (s.cpu[`${i}`] ??= []).push(ms);
      }
      version++;
      if (out.get(a.side) !== out.get(b.side)) mismatches++;
      if (show.has(i)) shown.push(`edit #${i} (${e.kind}, ${JSON.stringify(e.text).slice(0, 20)}, line ${e.range.start.line}): A ${a.side.cpu[`${i}`]![0]!.toFixed(1)} ms, B ${b.side.cpu[`${i}`]![0]!.toFixed(1)} ms, B ${units}`);
      for (const s of sides) {
        const ms = s.cpu[`${i}`]!.pop()!;
        (s.cpu[cls] ??= []).push(ms);
        (s.cpu.all ??= []).push(ms);
      }
    }
  }
  const q = (xs: number[], p: number): number => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const rows = ['| class | edits | A median | B median | A p95 | B p95 | A mean | B mean |', '|---|---|---|---|---|---|---|---|'];
  for (const cls of ['all', 'paste', 'undo-paste', 'replay', 'local', 'nothing']) {
    const xa = a.side.cpu[cls];
    const xb = b.side.cpu[cls];
    if (!xa || !xb) continue;
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    rows.push(`| ${cls} | ${xa.length} | ${q(xa, 0.5).toFixed(1)} | ${q(xb, 0.5).toFixed(1)} | ${q(xa, 0.95).toFixed(1)} | ${q(xb, 0.95).toFixed(1)} | ${mean(xa).toFixed(1)} | ${mean(xb).toFixed(1)} |`);
  }
  process.stdout.write(`${lang}, ${lines} lines, CPU ms per edit (A = ${arg('a', '.')}, B = ${arg('b', '.')}); findings differ after ${mismatches} edits\n${rows.join('\n')}\n${shown.map((l) => `${l}\n`).join('')}`);
  for (const s of sides) s.engine.close(uri);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
