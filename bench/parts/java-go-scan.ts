/**
 * Part `java-go`: `vigil scan` throughput on real Java and Go code from Debian packages (bench/lib/debian-corpus.ts):
 * the built CLI, default packs, JSON report, a fresh process per run timed from outside with its peak RSS, with 1
 * job and with one per core. A corpus that cannot be fetched gives a row saying why, not an error.
 */
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { debianCorpus, GO_CORPUS, JAVA_CORPUS, type DebianCorpusSpec } from '../lib/debian-corpus';
import { CLI_JS, RAW } from '../lib/paths';
import { timed } from '../lib/proc';
import { progress } from '../lib/progress';
import { summarize, type Summary } from '../lib/stats';

export interface JavaGoScanRun {
  jobs: number;
  wallMs: Summary;
  filesPerSec: number;
  linesPerSec: number;
  mbPerSec: number;
  peakRssMB: number;
  filesScanned: number;
  filesSkipped: number;
  findings: number;
  byRule: Record<string, number>;
  /** Set when a run hit the guard timeout (its figures are then absent). */
  note?: string;
}

export interface JavaGoScanRow {
  corpus: 'java' | 'go';
  /** The pinned packages, `name=version` (upstream project). */
  source: string;
  files: number;
  lines: number;
  bytes: number;
  runs: JavaGoScanRun[];
  /** Why the corpus was not scanned (could not be fetched, digest mismatch, ...). */
  skipped?: string;
  /** The peer compared, or why there is none. */
  peer: string;
}

export interface JavaGoScanOptions {
  runs: number;
  /** A guard against a hung scan, far above the expected time; a run that reaches it is reported as such. */
  timeoutSeconds: number;
}

/** Why no peer runs beside Vigil (checked in npm and Debian 12, the registries this project can use). */
const PEERS: Record<'java' | 'go', string> = {
  java: 'none: no source-level Java security scanner is packaged in npm or Debian 12 (Debian\'s FindBugs reads compiled bytecode; semgrep is in neither)',
  go: 'none: gosec is in neither npm nor Debian 12; Debian\'s go-staticcheck and govulncheck check bugs and known-vulnerable modules, not injection flows, and need a Go toolchain',
};

function scanOnce(root: string, jobs: number, o: JavaGoScanOptions): Omit<JavaGoScanRun, 'wallMs' | 'filesPerSec' | 'linesPerSec' | 'mbPerSec' | 'peakRssMB'> & { wall: number; rss: number } {
  const out = join(RAW, 'java-go-scan.json');
  rmSync(out, { force: true });
  // coreutils timeout: a guard only (exit 124), the time measured is the scan's own.
  const args = [String(o.timeoutSeconds), process.execPath, CLI_JS, 'scan', '.', '--root', '.', '--format', 'json', '--output', out, '--no-history', '--fail-on', 'none', '--quiet', '--jobs', String(jobs)];
  const run = timed('timeout', args, root);
  if (run.code === 124) return { jobs, wall: run.wallMs, rss: run.maxRssBytes, filesScanned: 0, filesSkipped: 0, findings: 0, byRule: {}, note: `no result within the ${o.timeoutSeconds} s guard` };
  if (run.code !== 0) throw new Error(`vigil scan failed (${run.code}): ${run.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { summary: { total: number; byRule: Record<string, number>; filesScanned: number; filesSkipped: number } };
  const s = report.summary;
  return { jobs, wall: run.wallMs, rss: run.maxRssBytes, filesScanned: s.filesScanned, filesSkipped: s.filesSkipped, findings: s.total, byRule: s.byRule };
}

function measure(spec: DebianCorpusSpec, o: JavaGoScanOptions): JavaGoScanRow {
  const source = spec.packages.map((p) => `${p.name}=${p.version} (${p.project})`).join(', ');
  const c = debianCorpus(spec);
  if (!c.ok) {
    progress(`java-go ${spec.name}: skipped: ${c.skipped}`);
    return { corpus: spec.name, source, files: 0, lines: 0, bytes: 0, runs: [], skipped: c.skipped, peer: PEERS[spec.name] };
  }
  progress(`java-go ${spec.name}: ${c.files.length} files, ${c.lines} lines, ${(c.bytes / 1048576).toFixed(1)} MB`);
  const runs: JavaGoScanRun[] = [];
  for (const jobs of [...new Set([1, availableParallelism()])]) {
    const got: ReturnType<typeof scanOnce>[] = [];
    for (let i = 0; i < o.runs + 1; i++) {
      const r = scanOnce(c.root, jobs, o);
      // As in the throughput part: the first run warms caches unless it is long (over 10 s) or timed out, and a
      // long run is not repeated (it would push the bench past its time).
      if (i > 0 || r.note || r.wall > 10_000) got.push(r);
      if (r.note || r.wall > 10_000) break;
    }
    const ok = got.filter((r) => !r.note);
    const wall = summarize(ok.map((r) => r.wall));
    const first = ok[0] ?? got[0]!;
    const sec = wall.median / 1000;
    runs.push({
      jobs,
      wallMs: wall,
      filesPerSec: first.filesScanned / sec,
      linesPerSec: c.lines / sec,
      mbPerSec: c.bytes / 1048576 / sec,
      peakRssMB: Math.max(...got.map((r) => r.rss)) / 1048576,
      filesScanned: first.filesScanned,
      filesSkipped: first.filesSkipped,
      findings: first.findings,
      byRule: first.byRule,
      note: got.find((r) => r.note)?.note,
    });
    progress(`java-go ${spec.name} ${jobs} job(s): median ${sec.toFixed(2)} s, ${first.findings} findings${first.note ? ` (${first.note})` : ''}`);
  }
  return { corpus: spec.name, source, files: c.files.length, lines: c.lines, bytes: c.bytes, runs, peer: PEERS[spec.name] };
}

export function runJavaGoScan(o: JavaGoScanOptions): JavaGoScanRow[] {
  return [JAVA_CORPUS, GO_CORPUS].map((spec) => measure(spec, o));
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** The part's table for the report (bench/lib/report.ts). */
export function javaGoScanMarkdown(rows: JavaGoScanRow[]): string {
  const head = ['Corpus', 'Files', 'Lines', 'MB', 'Jobs', 'Wall s', 'Files/s', 'Lines/s', 'MB/s', 'Peak RSS MB', 'Findings', 'Note'];
  const body: string[][] = [];
  for (const r of rows) {
    if (r.skipped) {
      body.push([r.corpus, '', '', '', '', '', '', '', '', '', '', `skipped: ${r.skipped}`]);
      continue;
    }
    for (const run of r.runs) {
      const top = Object.entries(run.byRule).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${k} ${n}`).join(', ');
      body.push([r.corpus, String(run.filesScanned), r.lines.toLocaleString('en-US'), f2(r.bytes / 1048576), String(run.jobs), `${f2(run.wallMs.median / 1000)} / ${f2(run.wallMs.p95 / 1000)}`, f0(run.filesPerSec), f0(run.linesPerSec), f2(run.mbPerSec), f0(run.peakRssMB), `${run.findings}${top ? ` (${top})` : ''}`, run.note ?? '']);
    }
  }
  const table = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.join(' | ')} |`)].join('\n');
  const sources = rows.map((r) => `- ${r.corpus}: ${r.source}; peer: ${r.peer}`).join('\n');
  return `**\`vigil scan\` on real Java and Go from Debian packages** (the built CLI, default packs, a fresh process per run, start-up included, wall time median / p95; one run where a run takes over 10 s)\n\n${table}\n\n${sources}`;
}
