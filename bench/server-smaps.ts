/**
 * Where a language server's RSS is, from /proc/<pid>/smaps, with N of the memory bench's files open: V8 heap pages,
 * the wasm memory, malloc arenas, code and other mappings, idle and after the opens. A breakdown for issue 17,
 * not a bench row. Linux only.
 *   node --import tsx bench/server-smaps.ts [--files 20] [--lines 3000] [--server dist/server.js]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { manyGeneratedFiles } from './lib/corpus';
import { initialize, LspClient, sleep } from './lib/lsp-client';
import { RAW, SERVER_JS } from './lib/paths';

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

function show(label: string, m: Record<string, number>): void {
  const total = Object.values(m).reduce((a, b) => a + b, 0);
  process.stdout.write(`${label}: RSS ${(total / 1024).toFixed(0)} MB\n`);
  for (const [k, v] of Object.entries(m).sort((a, b) => b[1] - a[1])) if (v >= 1024) process.stdout.write(`  ${(v / 1024).toFixed(1).padStart(7)} MB  ${k}\n`);
}

/** Idle long enough for the server's idle GC (500 ms after the last analysis) and the release of what it freed. */
async function idle(client: LspClient): Promise<void> {
  await sleep(1_000);
  await client.request('vigil/score', null);
  await sleep(1_000);
}

async function main(): Promise<void> {
  const client = LspClient.start(arg('server', SERVER_JS));
  await initialize(client, pathToFileURL(RAW).toString());
  await idle(client);
  show('idle', smaps(client.pid));
  const files = manyGeneratedFiles(Number(arg('files', '20')), Number(arg('lines', '3000')), 'open-files');
  await Promise.all(
    files.map((f) => {
      const uri = pathToFileURL(f.path).toString();
      const wait = client.waitForDiagnostics(uri, 1, 600_000);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: f.lang, version: 1, text: readFileSync(f.path, 'utf8') } });
      return wait;
    }),
  );
  show(`${files.length} files open, right after the last diagnostics`, smaps(client.pid));
  await idle(client);
  show(`${files.length} files open, idle`, smaps(client.pid));
  await client.shutdown();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
