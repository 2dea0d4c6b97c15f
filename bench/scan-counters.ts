/**
 * Sums the taint pack's work counters over a list of files scanned one-shot in-process (as `vigil scan`'s workers
 * do), with the CPU time: deterministic figures to compare two engine versions on the same corpus.
 *   node --import tsx bench/scan-counters.ts <list-file> [--json findings.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, languageIdForPath, type AnalysisSettings } from '../server/src/engine';

async function main(): Promise<void> {
  const list = process.argv[2];
  if (!list) throw new Error('usage: scan-counters.ts <list-file> [--json out.json]');
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const packs = { taint: true, secrets: false, config: false, dependencies: false };
  const c0 = process.cpuUsage();
  const setup = createAnalyzers({ packs });
  const engine = await Engine.create({ analyzers: setup.analyzers });
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, packs };
  const c1 = process.cpuUsage(c0);
  const results: Record<string, unknown> = {};
  let findings = 0;
  const s0 = process.cpuUsage();
  for (const f of files) {
    const r = engine.scanText(f, languageIdForPath(f), readFileSync(f, 'utf8'), settings);
    findings += r.findings.length;
    results[f] = { findings: r.findings, notices: r.notices };
  }
  const s1 = process.cpuUsage(s0);
  const stats = (setup.analyzers.find((a) => a.pack === 'taint') as unknown as { stats: Record<string, number> }).stats;
  const ms = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1000).toFixed(0);
  console.log(`${files.length} files, ${findings} findings, setup ${ms(c1)} ms CPU, scan ${ms(s1)} ms CPU`);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(stats).filter(([, v]) => typeof v === 'number' && v !== 0))));
  const i = process.argv.indexOf('--json');
  if (i > 0) writeFileSync(process.argv[i + 1]!, JSON.stringify(results, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
