/**
 * Where a language server's RSS is, from /proc/<pid>/smaps, with N of the memory bench's files open: V8 heap pages,
 * the wasm memory, malloc arenas, code and other mappings, idle and after the opens. A breakdown for issue 17,
 * not a bench row. Linux only.
 * With `--probe`, each breakdown is followed by the server's V8 heap spaces (committed / used) and memoryUsage(),
 * from a preload (bench/lib/heap-probe.cjs); `--snapshot /tmp/x` also writes a heap snapshot of the idle server
 * with the files open (x-idle.heapsnapshot, x-open.heapsnapshot).
 *   node --import tsx bench/server-smaps.ts [--files 20] [--lines 3000] [--server dist/server.js] [--probe]
 *     [--snapshot /tmp/x] [--node-args "..."] [--mappings 12]
 *     [--timeout 600 (s, for all files' first diagnostics)]
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { manyGeneratedFiles } from './lib/corpus';
import { initialize, LspClient, sleep } from './lib/lsp-client';
import { BENCH, RAW, SERVER_JS } from './lib/paths';
import { IDLE_SAMPLE_WAIT_MS } from './parts/memory';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

/** RSS in kB per kind of mapping. */
function smaps(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let kind = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) {
      const size = (parseInt(head[2]!, 16) - parseInt(head[1]!, 16)) / 1024;
      const name = head[3]!;
      if (name === '[heap]') kind = 'malloc main arena ([heap])';
      else if (name.startsWith('/')) kind = `file ${name.split('/').pop()}`;
      else if (name) kind = name;
      // The wasm memory is a reservation of several GB with guard pages; glibc's thread arenas are 64 MB heaps.
      else if (size >= 1024 * 1024) kind = 'anon >= 1 GB (wasm memory)';
      else if (size === 65536 || size === 131072) kind = 'anon 64/128 MB (malloc thread arenas)';
      else kind = 'anon other (V8 pages, mmapped malloc, code)';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] = (out[kind] ?? 0) + Number(rss[1]);
  }
  return out;
}

/** The largest single mappings by RSS (`--mappings N`): which anonymous region is the wasm memory, which V8's. */
function largest(pid: number, n: number): void {
  if (n <= 0) return;
  const rows: { head: string; rss: number }[] = [];
  let head = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) head = line;
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) rows.push({ head, rss: Number(rss[1]) });
  }
  rows.sort((a, b) => b.rss - a.rss);
  for (const r of rows.slice(0, n)) {
    const [range, , , , , name] = r.head.split(/\s+/);
    const [a, b] = range!.split('-').map((h) => parseInt(h, 16));
    process.stdout.write(`    ${(r.rss / 1024).toFixed(1).padStart(7)} MB of ${((b! - a!) / 2 ** 20).toFixed(1)} MB mapped  ${name ?? '(anon)'}\n`);
  }
}

function show(label: string, m: Record<string, number>): void {
  const total = Object.values(m).reduce((a, b) => a + b, 0);
  process.stdout.write(`${label}: RSS ${(total / 1024).toFixed(0)} MB\n`);
  for (const [k, v] of Object.entries(m).sort((a, b) => b[1] - a[1])) if (v >= 1024) process.stdout.write(`  ${(v / 1024).toFixed(1).padStart(7)} MB  ${k}\n`);
}

/** Idle as the memory bench's sample waits (`idleMemory` in parts/memory.ts): past the idle GCs, a round trip, 1 s. */
async function idle(client: LspClient): Promise<void> {
  await sleep(IDLE_SAMPLE_WAIT_MS);
  await client.request('vigil/score', null);
  await sleep(1_000);
}

// Overridable: two helpers probing at once would read each other's rows.
const PROBE_OUT = process.env.VIGIL_PROBE_OUT ?? '/tmp/vigil-heap-probe.jsonl';
const snapshotBase = arg('snapshot', '');
const probing = process.argv.includes('--probe') || snapshotBase !== '';

/** Asks the preload for the heap spaces (and a snapshot named after `label`), and prints them. */
async function probe(client: LspClient, label: string): Promise<void> {
  if (!probing) return;
  rmSync(PROBE_OUT, { force: true });
  writeFileSync(`${PROBE_OUT}.snapshot`, snapshotBase ? `${snapshotBase}-${label}.heapsnapshot` : '');
  process.kill(client.pid, 'SIGUSR2');
  for (let i = 0; i < 600 && !existsSync(PROBE_OUT); i++) await sleep(100);
  const row = JSON.parse(readFileSync(PROBE_OUT, 'utf8')) as { memory: Record<string, number>; spaces: Record<string, { committed: number; used: number }>; snapshot?: string };
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  process.stdout.write(`  V8 heap spaces, committed / used MB: ${Object.entries(row.spaces).map(([k, v]) => `${k} ${mb(v.committed)}/${mb(v.used)}`).join(', ')}\n`);
  process.stdout.write(`  memoryUsage MB: ${Object.entries(row.memory).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}${row.snapshot ? `; snapshot ${row.snapshot}` : ''}\n`);
}

async function main(): Promise<void> {
  const nodeArgs = arg('node-args', '').split(' ').filter(Boolean);
  // The preload reads where to write from its environment, which it inherits from this process.
  if (probing) nodeArgs.push('--require', join(BENCH, 'lib', 'heap-probe.cjs'));
  process.env.VIGIL_PROBE_OUT = PROBE_OUT;
  const client = LspClient.start(arg('server', SERVER_JS), nodeArgs);
  await initialize(client, pathToFileURL(RAW).toString());
  await idle(client);
  show('idle', smaps(client.pid));
  await probe(client, 'idle');
  const files = manyGeneratedFiles(Number(arg('files', '20')), Number(arg('lines', '3000')), 'open-files');
  await Promise.all(
    files.map((f) => {
      const uri = pathToFileURL(f.path).toString();
      const wait = client.waitForDiagnostics(uri, 1, Number(arg('timeout', '600')) * 1000);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: f.lang, version: 1, text: readFileSync(f.path, 'utf8') } });
      return wait;
    }),
  );
  show(`${files.length} files open, right after the last diagnostics`, smaps(client.pid));
  await idle(client);
  show(`${files.length} files open, idle`, smaps(client.pid));
  largest(client.pid, Number(arg('mappings', '0')));
  await probe(client, 'open');
  await client.shutdown();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
