/**
 * How the language server's V8 heap is sized. With V8's defaults the server's heap grew to two to four times what
 * it held live: each document cooled down (engine `WarmDocuments`) leaves its caches as old-generation garbage,
 * collected only when the old space reaches a limit V8 sets at 1.1-4x the live size from its allocation rate,
 * mostly near the high end here. 50 open 3,000-line files took ~600 MB RSS for ~100 MB live.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far the old generation may grow past what survived the last full GC, in percent. Costs more frequent full
 * GCs: 8% more CPU (25.2 -> 27.2 s, 3 runs each) and 27% less peak RSS (436 -> 317 MB) over 12 file opens
 * and 300 edits in-process (`bench/memory-inproc.ts --files 12 --edits 300 --soak-files 5`).
 */
export const SERVER_HEAP_GROWING_PERCENT = 25;

/**
 * Sets the heap growing factor for this process, unless its command line sets one. A V8 flag read at each full
 * GC, so it takes effect after start-up and every launch of the server gets it (VS Code's, `node server.js`).
 */
export function sizeServerHeap(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${SERVER_HEAP_GROWING_PERCENT}`);
}

/**
 * One full GC, once the server has loaded grammars and rules: V8 sets the old generation's limit from what survives
 * a full GC (times the factor above), and until the first one it allows far more (the first came at ~400 MB of
 * old space while 50 files opened). `gc` is exposed only to a throwaway context, and only for this call.
 */
export function settleServerHeap(): void {
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
