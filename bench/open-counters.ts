/**
 * The work of opening the memory bench's files (bench/parts/memory.ts: N generated files of 3,000 lines, opened
 * and analysed once each, as an editor restoring its tabs), in deterministic counters of the taint pack per open
 * and per language, with indicative ms per pack. Counters compare across runs on a loaded machine; ms do not.
 *   node --import tsx bench/open-counters.ts [--files 50] [--lines 3000]
 */
import { createAnalyzers, DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { TaintAnalyzer } from '../server/src/engine/taint';
import { mayRenderTemplate } from '../server/src/engine/templates/template-index';
import { EXTENSIONS, generateFile } from './corpus/generate';
import { MIXED_LANGUAGES } from './lib/corpus';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

const PACKS = ['taint', 'secrets', 'config', 'dependencies'] as const;

async function main(): Promise<void> {
  const { analyzers } = createAnalyzers({});
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer)!;
  const engine = await Engine.create({ analyzers });
  const files = Number(arg('files', '50'));
  const lines = Number(arg('lines', '3000'));
  type Stats = typeof taint.stats;
  const perLang = new Map<string, { opens: number; work: number; stats: Partial<Record<keyof Stats, number>>; ms: Record<string, number> }>();
  let templates = 0;
  for (let i = 0; i < files; i++) {
    const lang = MIXED_LANGUAGES[i % MIXED_LANGUAGES.length]!;
    const g = generateFile(lang, lines, 5000 + i);
    if (mayRenderTemplate(g.text)) templates++;
    const path = `/bench/open-files/module${i}.${EXTENSIONS[lang]}`;
    const uri = `bench:${path}`;
    engine.open(uri, path, lang, g.text, 1);
    const row = perLang.get(lang) ?? { opens: 0, work: 0, stats: {}, ms: {} };
    perLang.set(lang, row);
    const s0 = { ...taint.stats };
    // One pack at a time on the same open document (each pack's session is its own), so each pack's ms is its own.
    for (const pack of PACKS) {
      const t = performance.now();
      engine.analyze(uri, { ...DEFAULT_SETTINGS, packs: { taint: false, secrets: false, config: false, dependencies: false, [pack]: true } });
      row.ms[pack] = (row.ms[pack] ?? 0) + performance.now() - t;
    }
    row.opens++;
    row.work += taint.lastRunWork;
    for (const k of Object.keys(s0) as (keyof Stats)[]) row.stats[k] = (row.stats[k] ?? 0) + taint.stats[k] - s0[k];
  }
  process.stdout.write(`${files} files of ${lines} lines; files that may render a template (the workspace template listing runs only for those): ${templates}\n`);
  for (const [lang, r] of perLang) {
    const per = (n: number) => Math.round(n / r.opens);
    const counters = Object.entries(r.stats).filter(([, v]) => v !== 0).map(([k, v]) => `${k}=${per(v!)}`).join(' ');
    const ms = PACKS.map((p) => `${p} ${per(r.ms[p]!)}`).join(', ');
    process.stdout.write(`${lang}: ${r.opens} opens, per open: lastRunWork=${per(r.work)} ${counters} | ms per open: ${ms}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
