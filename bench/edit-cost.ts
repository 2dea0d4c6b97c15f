/**
 * In-process cost of one edit (apply the change, incremental reparse, re-run the analyzers), per rule pack,
 * on the generated files with the same edit script as the server benchmark. It splits the server's edit
 * latency into parsing and each pack's rescan, which is what a profile of a slow edit needs first.
 * Bundled by bench/lib/bundle.ts.  node edit-cost.js --grammars <dir> [--rules <dir>] --pairs <n> --files <json>
 */
import { readFileSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, type AnalysisSettings } from '../server/src/engine';
import type { BenchLanguage } from './corpus/generate';
import { editScript } from './lib/edit-script';
import { summarize, type Summary } from './lib/stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface EditCostRow {
  lang: string;
  lines: number;
  /** Apply + incremental reparse only, no analysis. */
  parseMs: Summary;
  secretsMs: Summary;
  taintMs: Summary;
  allPacksMs: Summary;
}

async function main(): Promise<void> {
  const rulesDir = arg('rules');
  const engine = await Engine.create({ analyzers: createAnalyzers(rulesDir ? { rulesDir } : {}).analyzers, grammarDir: arg('grammars') });
  const pairs = Number(arg('pairs') ?? '50');
  const budgetMs = Number(arg('budget-ms') ?? '20000');
  const files = JSON.parse(readFileSync(arg('files')!, 'utf8')) as { path: string; lang: BenchLanguage; lines: number; blockStarts: number[] }[];
  const configs: [keyof Omit<EditCostRow, 'lang' | 'lines'>, AnalysisSettings | undefined][] = [
    ['parseMs', undefined],
    ['secretsMs', { ...DEFAULT_SETTINGS, packs: { taint: false, secrets: true, config: false, dependencies: false } }],
    ['taintMs', { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } }],
    ['allPacksMs', DEFAULT_SETTINGS],
  ];
  const rows: EditCostRow[] = [];
  for (const f of files) {
    const text = readFileSync(f.path, 'utf8');
    const script = editScript(text, f.lang, f.blockStarts, pairs + 1, 4242);
    const row: Partial<EditCostRow> = { lang: f.lang, lines: f.lines };
    for (const [key, settings] of configs) {
      const uri = `bench:${f.path}#${key}`;
      engine.open(uri, f.path, f.lang, text, 1);
      if (settings) engine.analyze(uri, settings);
      const times: number[] = [];
      const started = performance.now();
      for (const [i, e] of script.entries()) {
        // Bounded per file and pack, so a slow pack cannot stall the run; n in the result says how many.
        if (i > 3 && performance.now() - started > budgetMs / 4) break;
        const t0 = performance.now();
        engine.change(uri, [{ range: e.range, text: e.text }], i + 2);
        if (settings) engine.analyze(uri, settings);
        if (i >= 2) times.push(performance.now() - t0); // one pair of warm-up
      }
      engine.close(uri);
      row[key] = summarize(times);
    }
    rows.push(row as EditCostRow);
  }
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
