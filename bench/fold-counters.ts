/**
 * The constant folder's deterministic work counters (`foldCounters`) and the taint pack's over a scan of source
 * trees, plus indicative ms.  node --import tsx bench/fold-counters.ts <dir>...
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DEFAULT_SETTINGS, Engine } from '../server/src/engine';
import { matchCounters } from '../server/src/engine/patterns/pattern';
import { createTaintAnalyzer } from '../server/src/engine/taint';
import { foldCounters } from '../server/src/engine/taint/lang/constant-folding';

const LANG: Record<string, string> = { '.py': 'python', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.ts': 'typescript' };

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir).sort()) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (LANG[extname(p)]) out.push(p);
  }
  return out;
}

async function main(): Promise<void> {
  const { analyzer } = createTaintAnalyzer();
  const engine = await Engine.create({ analyzers: [analyzer] });
  const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };
  for (const dir of process.argv.slice(2)) {
    const list = files(dir);
    const f0 = { ...foldCounters };
    const m0 = { ...matchCounters };
    const t0 = performance.now();
    let findings = 0;
    for (const f of list) findings += engine.scanText(f, LANG[extname(f)]!, readFileSync(f, 'utf8'), settings, dir).findings.length;
    const ms = performance.now() - t0;
    const fold = Object.entries(foldCounters).map(([k, v]) => `${k}=${v - f0[k as keyof typeof f0]}`).join(' ');
    process.stdout.write(`${dir}: ${list.length} files, ${findings} findings, ${fold} matchAttempts=${matchCounters.attempts - m0.attempts} | ${ms.toFixed(0)} ms\n`);
  }
  engine.dispose();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
