/**
 * Scans a list of files with the engine in-process, on 1 thread or on N worker threads, and prints one JSON
 * line: files, bytes, findings, the scan time (after set-up) and the process's peak RSS. The throughput
 * benchmark runs it as a fresh process per measurement. With N jobs the files go through the workspace scan's
 * worker pool (`ScanPool`, the one `vigil scan` and the editor's workspace scan use, start-up included), each file
 * scanned on its own (no cross-file pass, no workspace root) as on 1 thread, so the two rows differ only by the pool.
 * It runs as an esbuild bundle (bench/lib/bundle.ts, with the pool's scan-worker.js beside it), as the product does:
 *   node scan-runner.js --list <file> --jobs <n> --packs taint,secrets --grammars <dir> [--rules <dir>]
 */
import { readFileSync, statSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, languageIdForPath, type AnalysisSettings } from '../server/src/engine';
import { ScanPool } from '../server/src/engine/scan/scan-pool';

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

/** The files on the scan pool's `jobs` workers, largest first (the pool hands each idle worker the next file). */
async function scanPooled(shard: Shard, jobs: number): Promise<ShardResult> {
  const t0 = performance.now();
  const packs = { taint: shard.packs.includes('taint'), secrets: shard.packs.includes('secrets'), config: shard.packs.includes('config'), dependencies: shard.packs.includes('dependencies') };
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, packs };
  const sized = shard.files.map((path) => ({ path, size: safeSize(path) })).sort((a, b) => b.size - a.size);
  const out: ShardResult = { files: 0, bytes: 0, findings: 0, byRule: {}, skipped: 0, errors: [], setupMs: 0, scanMs: 0, unscanned: 0 };
  const pool = new ScanPool({ jobs, grammarDir: shard.grammarDir, analyzerOptions: { ...(shard.rulesDir ? { rulesDir: shard.rulesDir } : {}), packs } });
  const stop = new AbortController();
  const timer = shard.deadlineMs > 0 ? setTimeout(() => stop.abort(), Math.max(0, shard.deadlineMs - (performance.timeOrigin + performance.now()))) : undefined;
  try {
    const sizes = new Map(sized.map((f) => [f.path, f.size]));
    const run = await pool.scan(
      sized.map((f) => ({ path: f.path, root: '', relPath: f.path, size: f.size })),
      settings,
      { crossFile: false, workspaceExposure: false, signal: stop.signal },
    );
    out.errors.push(...run.ruleErrors.map((e) => e.message), ...run.failed.map((f) => `${f.path}: ${f.message}`));
    for (const r of run.results) {
      out.files++;
      out.bytes += sizes.get(r.file.path) ?? 0;
      out.findings += r.findings.length;
      for (const f of r.findings) out.byRule[f.ruleId] = (out.byRule[f.ruleId] ?? 0) + 1;
      if (r.notices.some((n) => n.reason !== 'parse-timeout')) out.skipped++;
    }
    for (const s of run.skipped) {
      out.files++;
      out.bytes += sizes.get(s.path) ?? 0;
      if (s.reason !== 'unreadable') out.skipped++;
    }
    out.unscanned = shard.files.length - run.results.length - run.skipped.length - run.failed.length;
  } finally {
    if (timer) clearTimeout(timer);
    pool.close();
  }
  // The pool's start-up is part of its scan (workers start while the first files are handed out).
  out.scanMs = performance.now() - t0;
  return out;
}

function safeSize(f: string): number {
  try {
    return statSync(f).size;
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
    results = [await scanPooled({ files, packs, grammarDir, rulesDir, deadlineMs }, jobs)];
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

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
