/**
 * What an open costs up to its first publish (the secrets pack's partial result, shown while taint runs), per
 * language, in-process on the edit bench's 3,000-line files (same seeds): main-thread CPU ms to the partial, for the
 * first open of each language in this process and the median and max of the next `--opens`. `--partial-only` stops
 * each run at the partial; `--preparse` parses first and reports the parse alone; `--lang java` one language.
 *   node --import tsx bench/open-first-probe.ts [--opens 10] [--lines 3000] [--partial-only] [--preparse] [--lang L]
 */
import { readFileSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { generateFile } from './corpus/generate';
import { LANGUAGES } from './lib/corpus';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

/** This thread's CPU time (Linux: its schedstat, in ns), so that the grammar compiler's threads are not counted. */
function cpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const engine = await Engine.create({ analyzers });
  const opens = Number(arg('opens', '10'));
  const lines = Number(arg('lines', '3000'));
  const only = process.argv.includes('--lang') ? [arg('lang', 'java')] : LANGUAGES;
  for (const [i, lang] of LANGUAGES.entries()) {
    if (!only.includes(lang)) continue;
    const text = generateFile(lang, lines, 1000 + i).text;
    const first: number[] = [];
    const all: number[] = [];
    const parse: number[] = [];
    let firstOpen = 0;
    for (let k = 0; k <= opens; k++) {
      const uri = `bench:/probe/app${k}.${lang}`;
      const t0 = cpuMs();
      engine.open(uri, `/probe/app${k}.${lang}`, lang, text, 1);
      await engine.prepare(uri, DEFAULT_SETTINGS);
      if (process.argv.includes('--preparse')) {
        const p0 = cpuMs();
        void engine.get(uri)?.tree;
        parse.push(cpuMs() - p0);
      }
      let tFirst = 0;
      const steps = engine.analyzeSteps(uri, DEFAULT_SETTINGS, undefined, () => {
        tFirst = cpuMs() - t0;
      });
      const partialOnly = process.argv.includes('--partial-only');
      for (let r = steps.next(); !r.done; r = steps.next()) {
        if (partialOnly && tFirst) {
          steps.return(undefined);
          break;
        }
      }
      if (k > 0) {
        all.push(cpuMs() - t0);
        first.push(tFirst);
      } else firstOpen = tFirst;
      engine.close(uri);
    }
    first.sort((a, b) => a - b);
    all.sort((a, b) => a - b);
    const med = (a: number[]) => a[Math.floor(a.length / 2)]!.toFixed(1);
    process.stdout.write(`${lang}: CPU ms to first publish: first open ${firstOpen.toFixed(1)}, then median ${med(first)} max ${first[first.length - 1]!.toFixed(1)}; whole open median ${med(all)}${parse.length ? `; parse median ${med(parse.sort((a, b) => a - b))}` : ''}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
