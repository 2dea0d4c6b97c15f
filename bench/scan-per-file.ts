/**
 * Per-file CPU and taint work counters of one folder's scan, the engine in-process (`Engine.scanText` per file,
 * taint pack only, `process.cpuUsage` around each call), worst files first: finds which files a slow workspace scan
 * spends its time on. CPU, not wall, so it means something on a loaded machine; the counters are deterministic.
 *   node --import tsx bench/scan-per-file.ts <folder> [--top 15] [--json findings.json]
 * `--json` writes every file's findings and notices, to diff two engine versions on the same folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { languageIdForPath } from '../server/src/engine/languages';
import { walkFiles } from '../server/src/engine/scan/file-walker';
import { createTaintAnalyzer } from '../server/src/engine/taint';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Row {
  file: string;
  bytes: number;
  cpuMs: number;
  findings: number;
  counters: Record<string, number>;
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder || folder.startsWith('--')) throw new Error('usage: scan-per-file.ts <folder> [--top N] [--json out.json]');
  const top = Number(arg('top') ?? 15);
  const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { ...DEFAULT_SETTINGS.packs, taint: true, secrets: false, config: false, dependencies: false } };
  const { analyzer } = createTaintAnalyzer();
  const engine = await Engine.create({ analyzers: [analyzer] });
  const stats = analyzer.stats as unknown as Record<string, number>;
  const rows: Row[] = [];
  const results: Record<string, unknown> = {};
  for (const f of walkFiles([{ root: folder }]).files) {
    const text = readFileSync(f.path, 'utf8');
    const before = { ...stats };
    const c0 = process.cpuUsage();
    const r = engine.scanText(f.path, languageIdForPath(f.path), text, settings, folder);
    const c = process.cpuUsage(c0);
    const counters: Record<string, number> = {};
    for (const k of Object.keys(stats)) if (stats[k] !== before[k]) counters[k] = stats[k]! - before[k]!;
    rows.push({ file: f.relPath, bytes: text.length, cpuMs: (c.user + c.system) / 1000, findings: r.findings.length, counters });
    results[f.relPath] = { findings: r.findings, notices: r.notices };
  }
  engine.dispose();
  const total = rows.reduce((s, r) => s + r.cpuMs, 0);
  console.log(`${rows.length} files, ${(total / 1000).toFixed(1)} s CPU in scanText`);
  for (const r of [...rows].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, top)) {
    console.log(`${r.cpuMs.toFixed(0).padStart(7)} ms ${String(r.bytes).padStart(8)} B ${r.findings} found  ${r.file}  ${JSON.stringify(r.counters)}`);
  }
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify(results, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
