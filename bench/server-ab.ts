/**
 * Back-to-back A/B of two language server builds through LSP: both servers started, the same 3,000-line file opened
 * in each, then the same edit script sent to each in turn (which goes first alternates per edit), each edit timed
 * from `didChange` to the `publishDiagnostics` of its version, with the server process's CPU over that time (from
 * /proc). For docs/perf-notes-p95.md.
 *   node --import tsx bench/server-ab.ts --a /path/to/base/dist/server.js --b dist/server.js [--lang javascript] [--pairs 100] [--prof DIR] [--b-node-args FLAGS] [--a-node-args FLAGS]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXTENSIONS, generateFile, type BenchLanguage } from './corpus/generate';
import { LANGUAGES } from './lib/corpus';
import { editScript } from './lib/edit-script';
import { initialize, LspClient } from './lib/lsp-client';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

/** User + system CPU ms of a process so far. */
function cpuOf(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

async function main(): Promise<void> {
  const lang = arg('lang', 'javascript') as BenchLanguage;
  const g = generateFile(lang, Number(arg('lines', '3000')), 1000 + LANGUAGES.indexOf(lang));
  const root = `/tmp/vigil-server-ab-${process.pid}`;
  mkdirSync(root, { recursive: true });
  const file = `${root}/app.${EXTENSIONS[lang]}`;
  writeFileSync(file, g.text);
  const uri = pathToFileURL(file).toString();
  // --prof DIR: a cpu profile of each server (DIR/A, DIR/B), written when it exits.
  const prof = arg('prof', '');
  const nodeArgs = (name: string): string[] => (prof ? ['--cpu-prof', '--cpu-prof-dir', `${prof}/${name}`] : []);
  const sides = [
    // --a-node-args: the same for A (swap sides to check the harness: an A/A run gave B +18% CPU per edit).
    { name: 'A', client: LspClient.start(arg('a', ''), [...nodeArgs('A'), ...arg('a-node-args', '').split(' ').filter(Boolean)]), wall: [] as number[], cpu: [] as number[] },
    // --b-node-args "...": node flags for B only (e.g. a V8 heap flag, to A/B the same build).
    { name: 'B', client: LspClient.start(arg('b', 'dist/server.js'), [...nodeArgs('B'), ...arg('b-node-args', '').split(' ').filter(Boolean)]), wall: [] as number[], cpu: [] as number[] },
  ];
  for (const s of sides) {
    await initialize(s.client, pathToFileURL(root).toString());
    const wait = s.client.waitForDiagnostics(uri, 1, 120_000);
    s.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text: g.text } });
    await wait;
  }
  const script = editScript(g.text, lang, g.blockStarts, Number(arg('pairs', '100')), Number(arg('seed', '42')));
  const kinds: string[] = [];
  for (const [i, e] of script.entries()) {
    const version = i + 2;
    for (const s of i % 2 === 0 ? sides : [sides[1]!, sides[0]!]) {
      const wait = s.client.waitForDiagnostics(uri, version, 120_000);
      const c0 = cpuOf(s.client.pid);
      const t0 = performance.now();
      s.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: e.range, text: e.text }] });
      const { at } = await wait;
      s.wall.push(at - t0);
      s.cpu.push(cpuOf(s.client.pid) - c0);
    }
    kinds.push(e.kind.includes('paste') ? e.kind : 'char');
  }
  const q = (xs: number[], p: number): number => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const rows = ['| edits | n | A wall p50 | B wall p50 | A wall p95 | B wall p95 | A CPU p50 | B CPU p50 | A CPU mean | B CPU mean |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const k of ['all', 'char', 'paste', 'undo-paste']) {
    const pick = (xs: number[]): number[] => xs.filter((_, i) => k === 'all' || kinds[i] === k);
    const [a, b] = sides;
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    rows.push(`| ${k} | ${pick(a!.wall).length} | ${q(pick(a!.wall), 0.5).toFixed(1)} | ${q(pick(b!.wall), 0.5).toFixed(1)} | ${q(pick(a!.wall), 0.95).toFixed(1)} | ${q(pick(b!.wall), 0.95).toFixed(1)} | ${q(pick(a!.cpu), 0.5).toFixed(0)} | ${q(pick(b!.cpu), 0.5).toFixed(0)} | ${mean(pick(a!.cpu)).toFixed(1)} | ${mean(pick(b!.cpu)).toFixed(1)} |`);
  }
  process.stdout.write(`${lang}: wall ms from didChange to its diagnostics, server CPU ms over that time (10 ms ticks); A = ${arg('a', '')}, B = ${arg('b', 'dist/server.js')}\n${rows.join('\n')}\n`);
  for (const s of sides) await s.client.shutdown();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
