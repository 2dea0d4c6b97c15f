/**
 * The memory part's first phase alone (a server with N generated files open: RSS once idle after every file's diagnostics,
 * then edits after an idle pause beside edits while typing), optionally with node flags for the server, to A/B a
 * V8 setting without the soak.
 *   node --import tsx bench/memory-open.ts [--files 50] [--lines 3000] [--timeout 600] [--node-args "--max-semi-space-size=2"]
 *     [--server other/dist/server.js]
 */
import { openManyFiles } from './parts/memory';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

async function main(): Promise<void> {
  const nodeArgs = arg('node-args', '').split(' ').filter(Boolean);
  const r = await openManyFiles({ openFiles: Number(arg('files', '50')), openFileLines: Number(arg('lines', '3000')), openTimeoutSeconds: Number(arg('timeout', '600')) }, nodeArgs, arg('server', '') || undefined);
  process.stdout.write(`${JSON.stringify({ nodeArgs, ...r, rssMB: r.withOpen.rss / 2 ** 20, hwmMB: r.withOpen.hwm / 2 ** 20, idleMB: r.idleRss / 2 ** 20 })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
