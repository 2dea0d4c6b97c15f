/**
 * Turns the results into the printed table, bench/results/latest.{json,md,svg}, and the tables in
 * docs/benchmarks.md and README.md (between `<!-- bench:start -->` and `<!-- bench:end -->`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdversarialCaseResult } from '../parts/adversarial';
import type { EditLatencyResult } from '../parts/edit-latency';
import type { IacEditCostRow } from '../parts/iac';
import { javaGoScanMarkdown, type JavaGoScanRow } from '../parts/java-go-scan';
import type { WorkflowPeerResult } from '../parts/iac-peers';
import type { MemoryResult } from '../parts/memory';
import type { ScoreHistoryResult } from '../parts/score-history';
import type { ScaResult } from '../parts/sca';
import type { ThroughputResult } from '../parts/throughput';
import type { EditCostRow } from '../edit-cost';
import { LARGE_LINES } from './corpus';
import { REPO, RESULTS } from './paths';

export interface Target {
  name: string;
  goal: string;
  measured: string;
  pass: boolean;
}

export interface BenchResults {
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGB: number; node: string };
  peers: Record<string, string>;
  options: Record<string, unknown>;
  durationSeconds?: number;
  editLatency?: EditLatencyResult;
  editCost?: EditCostRow[];
  iacEditCost?: IacEditCostRow[];
  workflowPeers?: WorkflowPeerResult;
  throughput?: ThroughputResult;
  javaGoScan?: JavaGoScanRow[];
  memory?: MemoryResult;
  adversarial?: AdversarialCaseResult[];
  scoreHistory?: ScoreHistoryResult;
  sca?: ScaResult;
  targets: Target[];
  errors: string[];
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const mark = (pass: boolean) => (pass ? '✅ pass' : '❌ FAIL');

/** Pass/fail marks for the issue's targets, from whatever parts ran. */
export function targets(r: BenchResults): Target[] {
  const t: Target[] = [];
  if (r.editLatency) {
    for (const [lines, limit] of [
      [3_000, 15],
      [20_000, 50],
    ] as const) {
      const files = r.editLatency.files.filter((f) => f.lines === lines);
      if (files.length === 0) continue;
      const worst = Math.max(...files.map((f) => f.editMs.p95));
      t.push({
        name: `Edit latency p95, ${lines.toLocaleString('en-US')} lines`,
        goal: `≤ ${limit} ms`,
        measured: files.map((f) => `${f.lang} ${f1(f.editMs.p95)}`).join(', ') + ' ms',
        pass: worst <= limit,
      });
    }
    const large = r.editLatency.files.filter((f) => f.lines === LARGE_LINES);
    if (large.length) {
      const cut = (f: (typeof large)[number]) => f.notices?.includes('vigil.notice.analysis-budget') ?? false;
      t.push({
        name: `${LARGE_LINES.toLocaleString('en-US')}-line file: fully analysed (no budget cut), edit p95`,
        goal: '≤ 100 ms, no cut',
        measured: large.map((f) => `${f.lang} ${f.editMs.n ? f1(f.editMs.p95) : 'not measured'}${cut(f) ? ' (cut)' : ''}`).join(', ') + ' ms',
        pass: large.every((f) => f.editMs.n > 0 && f.editMs.p95 <= 100 && !cut(f)),
      });
    }
    const open3k = r.editLatency.files.filter((f) => f.lines === 3_000);
    if (open3k.length) {
      t.push({
        name: 'Open to first diagnostics p95, 3,000 lines (secrets first; all packs: see the edit latency table)',
        goal: '≤ 100 ms',
        measured: open3k.map((f) => `${f.lang} ${f0(f.openToFirstDiagnosticsMs.p95)}`).join(', ') + ' ms',
        pass: Math.max(...open3k.map((f) => f.openToFirstDiagnosticsMs.p95)) <= 100,
      });
    }
  }
  if (r.iacEditCost?.length) {
    t.push({
      name: 'Config edit p95, 2,000-line Kubernetes YAML and Terraform (in-process, all packs)',
      goal: '≤ 15 ms',
      measured: r.iacEditCost.map((c) => `${c.file} ${f1(c.allPacksMs.p95)}`).join(', ') + ' ms',
      pass: Math.max(...r.iacEditCost.map((c) => c.allPacksMs.p95)) <= 15,
    });
  }
  if (r.throughput) {
    for (const c of r.throughput.comparisons) {
      const speedup = 1 / c.ratioAllCores;
      t.push({
        name: `Workspace scan vs ${c.peer} (${c.corpus})`,
        goal: c.targetSpeedup === 1 ? 'faster' : `≥ ${c.targetSpeedup}× throughput`,
        measured: `${f2(speedup)}× (Vigil/peer time ${f2(c.ratioAllCores)}; 1 job ${f2(1 / c.ratio1Job)}×)`,
        pass: c.pass,
      });
    }
  }
  if (r.memory) {
    t.push({
      name: `Server RSS, ${r.memory.openFiles} files open`,
      goal: '≤ 200 MB',
      measured: `${f0(r.memory.rssWithOpenFilesMB)} MB (${r.memory.openFilesAnalysed} of ${r.memory.openFiles} analysed${r.memory.openSeconds !== undefined ? ` in ${f0(r.memory.openSeconds)} s` : ''})`,
      pass: r.memory.rssWithOpenFilesMB <= 200,
    });
    t.push({
      name: `RSS growth, ${r.memory.soakBaselineEdits.toLocaleString('en-US')} → ${r.memory.soakEditsDone.toLocaleString('en-US')} edits${r.memory.soakEditsDone < r.memory.soakEdits ? ` (of ${r.memory.soakEdits.toLocaleString('en-US')}: time budget)` : ''}`,
      goal: '< 10%',
      measured: `${f1(r.memory.growthPercent)}% (${f0(r.memory.rssAfterBaselineEditsMB)} → ${f0(r.memory.rssAfterAllEditsMB)} MB)`,
      pass: r.memory.growthPercent < 10 && r.memory.soakEditsDone >= r.memory.soakEdits,
    });
  }
  if (r.adversarial) {
    for (const a of r.adversarial) t.push({ name: `Adversarial: ${a.case}`, goal: 'linear time and memory', measured: a.note, pass: a.linear });
  }
  if (r.scoreHistory) {
    const h = r.scoreHistory;
    t.push({
      name: `score --history ${h.commits}, ${h.commits} commits × ${h.files} files`,
      goal: '≤ 10 s',
      measured: `${f1(h.seconds)} s (${h.filesScanned} file versions scanned)`,
      pass: h.seconds <= 10,
    });
  }
  if (r.sca) {
    const s = r.sca;
    t.push({ name: `Lockfile match, ${s.lockPackages.toLocaleString('en-US')} packages × ${s.matchAdvisories.toLocaleString('en-US')} advisories`, goal: '≤ 200 ms', measured: `p50 ${f1(s.matchMs.median)}, p95 ${f1(s.matchMs.p95)} ms (CPU p95 ${f1(s.matchCpuMs.p95)}; first, with DB load, ${f0(s.firstMatchMs)})`, pass: s.matchMs.p95 <= 200 });
    t.push({ name: 'Manifest edit re-publish p95 (in-process)', goal: '≤ 15 ms', measured: `${f1(s.editMs.p95)} ms (p50 ${f1(s.editMs.median)}; CPU p95 ${f1(s.editCpuMs.p95)})`, pass: s.editMs.p95 <= 15 });
  }
  return t;
}

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The Markdown report (also what is printed). */
export function markdown(r: BenchResults): string {
  const out: string[] = [];
  out.push(`Run ${r.date} at ${r.commit.slice(0, 10)} on ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}${r.durationSeconds ? `, ${f0(r.durationSeconds)} s in all` : ''}.`);
  out.push('', '**Targets**', '', table(['Target', 'Goal', 'Measured', ''], r.targets.map((t) => [t.name, t.goal, t.measured, mark(t.pass)])));
  const e = r.editLatency;
  if (e) {
    out.push('', `**Edit latency through the server** (didChange → matching publishDiagnostics, ms; ${e.files[0]?.editMs.n ?? 0} edits per file after warm-up; server start to ready: median ${f0(e.startToReadyMs.median)} ms, p95 ${f0(e.startToReadyMs.p95)} ms)`, '');
    out.push(
      table(
        ['File', 'Lines', 'KB', 'Edits', 'Edit p50', 'Edit p95', 'Char p95', 'Paste p95', 'Open p50', 'Open p95', 'All packs p95', 'Diagnostics', 'Note'],
        e.files.map((f) => [f.lang, f.lines.toLocaleString('en-US'), f0(f.bytes / 1024), f.editMs.n, f1(f.editMs.median), f1(f.editMs.p95), f1(f.charEditMs.p95), f1(f.pasteEditMs.p95), f0(f.openToFirstDiagnosticsMs.median), f0(f.openToFirstDiagnosticsMs.p95), f0((f.openToCompleteMs ?? f.openToFirstDiagnosticsMs).p95), f.diagnosticsOnOpen, [f.note, f.notices?.length ? `notices: ${f.notices.map((n) => n.replace('vigil.notice.', '')).join(', ')}` : undefined].filter(Boolean).join('; ')]),
      ),
    );
  }
  if (r.editCost?.length) {
    out.push('', '**Per-edit cost in-process, by pack** (apply + incremental reparse + rescan, ms p50 / p95)', '');
    out.push(
      table(
        ['File', 'Lines', 'Parse only', 'Secrets pack', 'Taint pack', 'All packs'],
        r.editCost.map((c) => [c.lang, c.lines.toLocaleString('en-US'), `${f2(c.parseMs.median)} / ${f2(c.parseMs.p95)}`, `${f2(c.secretsMs.median)} / ${f2(c.secretsMs.p95)}`, `${f2(c.taintMs.median)} / ${f2(c.taintMs.p95)}`, `${f2(c.allPacksMs.median)} / ${f2(c.allPacksMs.p95)}`]),
      ),
    );
  }
  if (r.iacEditCost?.length) {
    out.push('', `**Config (IaC) per-edit cost in-process** (apply + parse + rescan, ms p50 / p95, ${r.iacEditCost[0]!.allPacksMs.n} edits per file; parse floor = apply + reading the edited documents or blocks again)`, '');
    out.push(
      table(
        ['File', 'Lines', 'Documents / blocks', 'Apply only', 'Parse floor', 'Config pack', 'Secrets pack', 'All packs', 'Findings'],
        r.iacEditCost.map((c) => [c.file, c.lines.toLocaleString('en-US'), c.blocks, `${f2(c.applyMs.median)} / ${f2(c.applyMs.p95)}`, `${f2(c.parseMs.median)} / ${f2(c.parseMs.p95)}`, `${f2(c.configMs.median)} / ${f2(c.configMs.p95)}`, `${f2(c.secretsMs.median)} / ${f2(c.secretsMs.p95)}`, `${f2(c.allPacksMs.median)} / ${f2(c.allPacksMs.p95)}`, c.findings]),
      ),
    );
  }
  const w = r.workflowPeers;
  if (w) {
    out.push(
      '',
      `**GitHub Actions workflows, Vigil beside actionlint** (fresh process per run, start-up included, wall time median / p95 of ${w.vigil.wallMs.n} runs; ${w.files.generated} generated workflows, ${w.planted} of them with an untrusted expression planted in \`run:\`, + ${w.files.real} real ones from node_modules; actionlint is a workflow linter, so its total counts syntax, type and shellcheck-style findings too: "untrusted" is the class both check)`,
      '',
    );
    out.push(
      table(
        ['Tool', 'Files', 'Wall ms', 'Files/s', 'Peak RSS MB', 'Findings', 'Untrusted expressions', 'Most frequent'],
        [w.vigil, w.actionlint].map((x) => [x.tool, x.files, `${f0(x.wallMs.median)} / ${f0(x.wallMs.p95)}`, f0(x.filesPerSec), f0(x.peakRssMB), x.findings, x.untrusted, x.top.slice(0, 4).map(([k, n]) => `${k} ${n}`).join(', ') + (x.errors.length ? ` (errors: ${x.errors.length})` : '')]),
      ),
      '',
      `Vigil's wall time is ${f2(w.ratio)}× actionlint's on the same files.`,
    );
  }
  const t = r.throughput;
  if (t) {
    out.push(
      '',
      `**Workspace scan throughput** (fresh process per run, start-up included, wall time median / p95 of ${t.comparisons[0]?.peerRun.wallMs.n ?? 0} runs after a warm-up, one run where a run takes over 10 s or hits its limit; corpus: ${t.corpus.files.js} JS + ${t.corpus.files.ts} TS files from node_modules, ${t.corpus.files.py} Python stdlib files, ${f1(t.corpus.bytes.all / 1048576)} MB)`,
      '',
    );
    const rows: (string | number)[][] = [];
    for (const c of t.comparisons) {
      for (const run of [c.vigil1, c.vigilAll, c.peerRun]) {
        const ratio = run === c.peerRun ? '' : f2(run === c.vigil1 ? c.ratio1Job : c.ratioAllCores);
        rows.push([c.corpus, run.tool, run.config + (run.unscanned ? ` (time limit: ${run.unscanned} files unscanned)` : ''), run.files, `${f2(run.wallMs.median / 1000)} / ${f2(run.wallMs.p95 / 1000)}`, f0(run.filesPerSec), f2(run.mbPerSec), f0(run.peakRssMB), run.findings, ratio]);
      }
    }
    out.push(table(['Corpus', 'Tool', 'Config', 'Files', 'Wall s', 'Files/s', 'MB/s', 'Peak RSS MB', 'Findings', 'Vigil time / peer time (per MB)'], rows));
  }
  if (r.javaGoScan?.length) out.push('', javaGoScanMarkdown(r.javaGoScan));
  const m = r.memory;
  if (m) {
    out.push('', '**Server memory** (RSS from /proc, once idle: 5.5 s without edits, a request answered, 1 s more)', '');
    out.push(
      table(
        ['Measure', 'MB'],
        [
          ['Idle server', f0(m.idleRssMB)],
          [
            `${m.openFiles} files open (${m.openFileLines.toLocaleString('en-US')} lines each; ${m.openFilesAnalysed} analysed when sampled${m.openSeconds !== undefined ? `, after all were, in ${f0(m.openSeconds)} s` : ''})`,
            f0(m.rssWithOpenFilesMB),
          ],
          [`Soak: after ${m.soakBaselineEdits.toLocaleString('en-US')} edits (${m.soakFiles} files of ${m.soakFileLines.toLocaleString('en-US')} lines)`, f0(m.rssAfterBaselineEditsMB)],
          [`Soak: after ${m.soakEditsDone.toLocaleString('en-US')} edits (${f0(m.soakSeconds)} s)`, f0(m.rssAfterAllEditsMB)],
          ['Soak: peak (VmHWM)', f0(m.peakRssMB)],
        ],
      ),
    );
    const ie = m.idleEdits;
    if (ie) {
      out.push(
        '',
        `**Edits with ${m.openFiles} files open** (one file, warmed by one untimed pair; an edit after ${ie.idleMs} ms idle and one 50 ms after the previous, in turn${ie.settles !== undefined ? `; the server's idle GC ran ${ie.settles} times meanwhile, the longest ${f0(ie.settleMaxMs ?? 0)} ms` : ''})`,
        '',
      );
      out.push(
        table(
          ['Edit → diagnostics', 'p50 ms', 'max ms', 'Edits'],
          [
            [`After ${ie.idleMs} ms idle`, f0(ie.afterIdleMs.p50), f0(ie.afterIdleMs.max), ie.edits],
            ['50 ms after the previous', f0(ie.typingMs.p50), f0(ie.typingMs.max), ie.edits],
          ],
        ),
      );
    }
  }
  if (r.adversarial) {
    out.push('', '**Adversarial input** (in-process scan, median ms; memory = peak RSS growth during the scan)', '');
    const rows: (string | number)[][] = [];
    for (const a of r.adversarial) {
      for (const p of a.points) {
        rows.push([a.case, `${p.size.toLocaleString('en-US')} ${a.unit}`, p.error ? `error: ${p.error}` : f1(p.ms), f1(p.memoryGrowthMB), p.findings, p.notices.map((n) => n.split(':')[0]).join(', ')]);
      }
    }
    out.push(table(['Case', 'Size', 'ms', 'MB', 'Findings', 'Notices'], rows));
  }
  const sca = r.sca;
  if (sca) {
    const m = sca.fullScale;
    out.push('', `**Dependencies (SCA)** (generated package-lock.json v3 and OSV records; in-process, ms p50 / p95; ${sca.lockFindings} lockfile findings, ${sca.manifestFindings} on package.json with ${sca.manifestDeps} direct dependencies)`, '');
    out.push(
      table(
        ['Measure', 'Value'],
        [
          ['Lockfile match (wall / CPU)', `${f1(sca.matchMs.median)} / ${f1(sca.matchMs.p95)}; ${f1(sca.matchCpuMs.median)} / ${f1(sca.matchCpuMs.p95)}`],
          ['package.json version edit (wall / CPU)', `${f2(sca.editMs.median)} / ${f2(sca.editMs.p95)}; ${f2(sca.editCpuMs.median)} / ${f2(sca.editCpuMs.p95)}`],
          [`Full-scale database (${m.npmRecords.toLocaleString('en-US')} npm + ${m.pypiRecords.toLocaleString('en-US')} PyPI records, ${f1(m.indexBytes / 2 ** 20)} MB on disk)`, `load ${f0(m.loadMs)} ms, heap +${f1(m.heapMB)} MB, RSS +${f1(m.rssMB)} MB`],
        ],
      ),
    );
  }
  if (r.errors.length) out.push('', '**Errors**', '', ...r.errors.map((x) => `- ${x}`));
  return out.join('\n');
}

/** A bar chart of the headline numbers: edit p95 against its target, and throughput against each peer. */
export function svgChart(r: BenchResults): string {
  const bars: { label: string; value: number; max: number; unit: string; good: boolean; ref?: number }[] = [];
  for (const f of r.editLatency?.files ?? []) {
    const limit = f.lines >= LARGE_LINES ? 100 : f.lines >= 20_000 ? 50 : 15;
    bars.push({ label: `edit p95 ${f.lang} ${f.lines / 1000}k lines`, value: f.editMs.p95, max: limit * 2, unit: `ms (target ≤ ${limit})`, good: f.editMs.p95 <= limit, ref: limit });
  }
  for (const c of r.throughput?.comparisons ?? []) {
    const speedup = 1 / c.ratioAllCores;
    bars.push({ label: `scan vs ${c.peer}`, value: speedup, max: Math.max(c.targetSpeedup * 2, speedup), unit: `× peer throughput (target ${c.targetSpeedup === 1 ? '> 1' : `≥ ${c.targetSpeedup}`})`, good: c.pass, ref: c.targetSpeedup });
  }
  const W = 760;
  const rowH = 26;
  const left = 230;
  const barW = 330;
  const H = 40 + bars.length * rowH;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = bars.map((b, i) => {
    const y = 30 + i * rowH;
    const w = Math.max(1, Math.min(1, b.value / b.max) * barW);
    const ref = b.ref !== undefined ? left + Math.min(1, b.ref / b.max) * barW : undefined;
    return [
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${b.good ? '#2e7d32' : '#c62828'}"/>`,
      ref !== undefined ? `<line x1="${ref.toFixed(1)}" x2="${ref.toFixed(1)}" y1="${y - 2}" y2="${y + 20}" stroke="#222" stroke-dasharray="3,2"/>` : '',
      `<text x="${left + barW + 8}" y="${y + 14}">${b.value.toFixed(b.value < 10 ? 2 : 1)} ${esc(b.unit)}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="18" font-weight="bold">Vigil benchmark ${esc(r.date.slice(0, 10))} (dashed line: target; green: met)</text>
${rows.join('\n')}
</svg>
`;
}

function replaceBetweenMarkers(path: string, content: string): boolean {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, 'utf8');
  const re = /<!-- bench:start -->[\s\S]*?<!-- bench:end -->/;
  if (!re.test(text)) return false;
  writeFileSync(path, text.replace(re, `<!-- bench:start -->\n${content}\n<!-- bench:end -->`));
  return true;
}

export function writeResults(r: BenchResults, md: string): string[] {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), `# Vigil benchmark results\n\n${md}\n`);
  writeFileSync(join(RESULTS, 'latest.svg'), svgChart(r));
  const written = ['bench/results/latest.json', 'bench/results/latest.md', 'bench/results/latest.svg'];
  const targetsOnly = table(['Target', 'Goal', 'Measured', ''], r.targets.map((t) => [t.name, t.goal, t.measured, mark(t.pass)]));
  if (replaceBetweenMarkers(join(REPO, 'docs', 'benchmarks.md'), md)) written.push('docs/benchmarks.md');
  const readme = `Chart: [bench/results/latest.svg](bench/results/latest.svg) (a link, not an inline image: the Marketplace packager rejects SVG images in the README).\n\n${targetsOnly}\n\nFull tables: [bench/results/latest.md](bench/results/latest.md); method: [docs/benchmarks.md](docs/benchmarks.md).`;
  if (replaceBetweenMarkers(join(REPO, 'README.md'), readme)) written.push('README.md');
  return written;
}
