/**
 * Scans a list of files with the engine in-process, on 1 thread or on N worker threads, and prints one JSON
 * line: files, bytes, findings, the scan time (after set-up) and the process's peak RSS. The throughput
 * benchmark runs it as a fresh process per measurement.
 * It runs as an esbuild bundle (bench/lib/bundle.ts), as the product does, so worker threads load plain JS:
 *   node scan-runner.js --list <file> --jobs <n> --packs taint,secrets --grammars <dir> [--rules <dir>]
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, languageIdForPath, type AnalysisSettings } from '../server/src/engine';

interface Shard {
  files: string[];
  packs: string[];
  grammarDir: string;
  rulesDir?: string;
  /** Stop taking new files after this many ms since process start (a bounded benchmark); 0 = no limit. */
  deadlineMs: number;
}

export interface ShardResult {
  files: number;
  bytes: number;
  findings: number;
  /** Findings per rule id (so a bench part can compare one class of finding with a peer's). */
  byRule: Record<string, number>;
  skipped: number;
  errors: string[];
  setupMs: number;
  scanMs: number;
  /** Files left unscanned because the deadline passed. */
  unscanned: number;
}

export interface ScanRunnerOutput extends ShardResult {
  jobs: number;
  /** From process start to all shards done. */
  totalMs: number;
  maxRssBytes: number;
}

async function scanShard(shard: Shard): Promise<ShardResult> {
  const t0 = performance.now();
  const packs = { taint: shard.packs.includes('taint'), secrets: shard.packs.includes('secrets'), config: shard.packs.includes('config'), dependencies: shard.packs.includes('dependencies') };
  // As `vigil scan` does: only the packs that run are built.
  const setup = createAnalyzers({ ...(shard.rulesDir ? { rulesDir: shard.rulesDir } : {}), packs });
  const engine = await Engine.create({ analyzers: setup.analyzers, grammarDir: shard.grammarDir });
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, packs };
  const t1 = performance.now();
  const out: ShardResult = { files: 0, bytes: 0, findings: 0, byRule: {}, skipped: 0, errors: setup.errors.map((e) => e.message), setupMs: t1 - t0, scanMs: 0, unscanned: 0 };
  for (const [i, file] of shard.files.entries()) {
    if (shard.deadlineMs > 0 && performance.timeOrigin + performance.now() > shard.deadlineMs) {
      out.unscanned = shard.files.length - i;
      break;
    }
    let text: string;
    try {
      const buf = readFileSync(file);
      out.bytes += buf.length;
      text = buf.toString('utf8');
    } catch (e) {
      out.errors.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const result = engine.scanText(file, languageIdForPath(file), text, settings);
    out.files++;
    out.findings += result.findings.length;
    for (const f of result.findings) out.byRule[f.ruleId] = (out.byRule[f.ruleId] ?? 0) + 1;
    if (result.notices.some((n) => n.reason !== 'parse-timeout')) out.skipped++;
  }
  out.scanMs = performance.now() - t1;
  return out;
}

/** Splits files into `n` shards of similar total size (largest first, each to the lightest shard). */
function shards(files: string[], n: number): string[][] {
  const sized = files.map((f) => ({ f, size: safeSize(f) })).sort((a, b) => b.size - a.size);
  const out = Array.from({ length: n }, () => ({ files: [] as string[], size: 0 }));
  for (const { f, size } of sized) {
    const lightest = out.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(f);
    lightest.size += size;
  }
  return out.map((s) => s.files);
}

function safeSize(f: string): number {
  try {
    return readFileSync(f).length;
  } catch {
    return 0;
  }
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

async function main(): Promise<void> {
  const files = readFileSync(arg('list'), 'utf8').split('\n').filter(Boolean);
  const jobs = Math.max(1, Number(arg('jobs', '1')));
  const packs = arg('packs', 'taint,secrets').split(',');
  const grammarDir = arg('grammars');
  const rulesDir = process.argv.includes('--rules') ? arg('rules') : undefined;
  // An absolute time (epoch ms), so worker threads share the same limit.
  const deadlineMs = Number(arg('deadline-ms', '0')) > 0 ? performance.timeOrigin + Number(arg('deadline-ms')) : 0;
  let results: ShardResult[];
  if (jobs === 1) {
    results = [await scanShard({ files, packs, grammarDir, rulesDir, deadlineMs })];
  } else {
    results = await Promise.all(
      shards(files, jobs).map(
        (part) =>
          new Promise<ShardResult>((resolve, reject) => {
            const w = new Worker(__filename, { workerData: { files: part, packs, grammarDir, rulesDir, deadlineMs } satisfies Shard });
            w.once('message', (m: ShardResult) => resolve(m));
            w.once('error', reject);
          }),
      ),
    );
  }
  const total: ScanRunnerOutput = {
    jobs,
    files: 0,
    bytes: 0,
    findings: 0,
    byRule: {},
    skipped: 0,
    unscanned: 0,
    errors: [],
    setupMs: Math.max(...results.map((r) => r.setupMs)),
    scanMs: Math.max(...results.map((r) => r.scanMs)),
    totalMs: performance.now(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  for (const r of results) {
    total.files += r.files;
    total.bytes += r.bytes;
    total.findings += r.findings;
    for (const [id, n] of Object.entries(r.byRule)) total.byRule[id] = (total.byRule[id] ?? 0) + n;
    total.skipped += r.skipped;
    total.unscanned += r.unscanned;
    total.errors.push(...r.errors);
  }
  process.stdout.write(`${JSON.stringify(total)}\n`);
  process.exit(0);
}

if (isMainThread) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
} else {
  scanShard(workerData as Shard).then((r) => parentPort!.postMessage(r));
}
