/**
 * The taint pack's work counters and CPU time for each of `vigil scan`'s two passes over a list of files, run
 * in-process one after the other as the pool's workers run them: pass 1 summarises the exports of the files another
 * file imports (`summarizeExports`), pass 2 scans every file, with the export index where the file may import a
 * summarised function. Deterministic figures to compare two engine versions on the same corpus.
 * Pass 1 summarises only the rules a flow can start for in some file that may read the summaries (pass 0:
 * `rulesStartingIn` on each); `--all-rules`: every rule, no pass 0 (the pass 1 before session 20).
 *   node --import tsx bench/cross-file-counters.ts <list-file> [--all-rules] [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, languageIdForPath, type AnalysisSettings } from '../server/src/engine';
import { importedFiles, mayImportFrom, withManifestModules } from '../server/src/engine/scan/import-graph';
import { buildExportIndex, type ExportSummary, type TaintAnalyzer } from '../server/src/engine/taint/taint-analyzer';

async function main(): Promise<void> {
  const list = process.argv[2];
  if (!list) throw new Error('usage: cross-file-counters.ts <list-file> [--all-rules] [--json out.json]');
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const packs = { taint: true, secrets: false, config: false, dependencies: false };
  const setup = createAnalyzers({ packs });
  const engine = await Engine.create({ analyzers: setup.analyzers });
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, packs };
  const taint = setup.analyzers.find((a) => a.pack === 'taint') as unknown as TaintAnalyzer;
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const counters = (): Record<string, number> => Object.fromEntries(Object.entries(taint.stats).filter(([, v]) => v !== 0));
  const ms = (c: NodeJS.CpuUsage): string => ((c.user + c.system) / 1000).toFixed(0);

  const imported = await importedFiles(files.map((path) => ({ path, languageId: languageIdForPath(path) })));
  const pass1 = files.filter((f) => imported?.has(f));
  const allRules = process.argv.includes('--all-rules');
  // Pass 0: the rules a flow can start for in each file that may read a summary (`rulesStartingIn`).
  const c0 = process.cpuUsage();
  const starting = new Map<string, ReadonlySet<string> | undefined>();
  if (!allRules) {
    for (const f of new Set(pass1.flatMap((b) => imported?.get(b)?.readers ?? []))) {
      const doc = engine.open(`vigil-starts:${f}`, f, languageIdForPath(f), texts.get(f)!);
      starting.set(f, taint.rulesStartingIn(doc));
      engine.close(`vigil-starts:${f}`);
    }
  }
  const t0 = process.cpuUsage(c0);
  if (!allRules) {
    console.log(`pass 0: ${starting.size} files, ${[...starting.values()].filter((v) => v === undefined).length} with every rule, ${ms(t0)} ms CPU`);
    console.log(JSON.stringify(counters()));
    for (const k of Object.keys(taint.stats) as (keyof typeof taint.stats)[]) taint.stats[k] = 0;
  }
  /** The rules a reader of `b` may start a flow for (undefined: every rule). */
  const readRules = (b: string): ReadonlySet<string> | undefined => {
    const readers = imported?.get(b)?.readers;
    if (allRules || !readers) return undefined;
    const out = new Set<string>();
    for (const r of readers) {
      const own = starting.get(r);
      if (!own) return undefined;
      for (const id of own) out.add(id);
    }
    return out;
  };
  const summaries: ExportSummary[] = [];
  const c1 = process.cpuUsage();
  for (const f of pass1) {
    const doc = engine.open(`vigil-summary:${f}`, f, languageIdForPath(f), texts.get(f)!);
    for (const s of withManifestModules(taint.summarizeExports(doc, imported?.get(f)?.called, readRules(f)), languageIdForPath(f))) if (Object.keys(s.rules).length > 0) summaries.push(s);
    engine.close(`vigil-summary:${f}`);
  }
  const t1 = process.cpuUsage(c1);
  console.log(`pass 1: ${pass1.length} files summarised, ${summaries.length} exports kept, ${ms(t1)} ms CPU`);
  console.log(JSON.stringify(counters()));
  for (const k of Object.keys(taint.stats) as (keyof typeof taint.stats)[]) taint.stats[k] = 0;

  const index = summaries.length > 0 ? buildExportIndex(summaries) : undefined;
  const results: Record<string, unknown> = {};
  let findings = 0;
  let withIndex = 0;
  const c2 = process.cpuUsage();
  for (const f of files) {
    const text = texts.get(f)!;
    const use = !!index && mayImportFrom(index, f, languageIdForPath(f), text);
    if (use) withIndex++;
    taint.setExportIndex(use ? index : undefined);
    const r = engine.scanText(f, languageIdForPath(f), text, settings);
    findings += r.findings.length;
    results[f] = { findings: r.findings, notices: r.notices };
  }
  const t2 = process.cpuUsage(c2);
  console.log(`pass 2: ${files.length} files (${withIndex} with the index), ${findings} findings, ${ms(t2)} ms CPU`);
  console.log(JSON.stringify(counters()));
  const i = process.argv.indexOf('--json');
  if (i > 0) writeFileSync(process.argv[i + 1]!, JSON.stringify({ summaries, results }, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
