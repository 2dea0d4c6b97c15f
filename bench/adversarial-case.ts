/**
 * Runs one adversarial input through the engine in a fresh process and prints one JSON line: scan time
 * (median of the runs after a warm-up on a smaller input), memory growth, findings and notices.
 * Bundled by bench/lib/bundle.ts.
 *   node adversarial-case.js --case <name> --size <n> --runs <k> --grammars <dir> [--rules <dir>]
 */
import { createAnalyzers, DEFAULT_SETTINGS, Engine, type AnalysisSettings } from '../server/src/engine';
import { adversarialInput, type AdversarialCase } from './corpus/adversarial-inputs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const which = arg('case') as AdversarialCase;
  const size = Number(arg('size'));
  const runs = Number(arg('runs') ?? '3');
  const rulesDir = arg('rules');
  const setup = createAnalyzers(rulesDir ? { rulesDir } : {});
  const engine = await Engine.create({ analyzers: setup.analyzers, grammarDir: arg('grammars') });
  // The size limit is raised so the input is analysed, not skipped: the point is how analysis scales.
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, maxFileSize: 1 << 30 };
  const warm = adversarialInput(which, Math.max(1, Math.floor(size / 16)));
  engine.scanText(warm.path, warm.languageId, warm.text, settings);
  const input = adversarialInput(which, size);
  const rssBefore = process.memoryUsage().rss;
  const times: number[] = [];
  let findings = 0;
  let notices: string[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = engine.scanText(input.path, input.languageId, input.text, settings);
    times.push(performance.now() - t0);
    findings = r.findings.length;
    notices = r.notices.map((n) => `${n.reason}: ${n.message}`);
  }
  times.sort((a, b) => a - b);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ case: which, size, chars: input.text.length, ms: times[Math.floor(times.length / 2)], peakRss, rssBefore, growthBytes: Math.max(0, peakRss - rssBefore), findings, notices })}\n`,
  );
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ error: e instanceof Error ? `${e.message}` : String(e) })}\n`);
  process.exit(0);
});
