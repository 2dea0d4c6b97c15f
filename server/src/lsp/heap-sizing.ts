/**
 * How the language server's V8 heap is sized. With V8's defaults the server's heap grew to two to four times what
 * it held live: each document cooled down (engine `WarmDocuments`) leaves its caches as old-generation garbage,
 * collected only when the old space reaches a limit V8 sets at 1.1-4x the live size from its allocation rate,
 * mostly near the high end here. 50 open 3,000-line files took ~600 MB RSS for ~100 MB live.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
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
 * One full, compacting GC, once the server has loaded grammars and rules (and when it goes idle, `IdleHeapSettle`):
 * V8 sets the old generation's limit from what survives a full GC (times the factor above), and until the first one
 * it allows far more (the first came at ~400 MB of old space while 50 files opened). `gc` is exposed only to a
 * throwaway context, and only for this call.
 */
export function settleServerHeap(): void {
  try {
    compactingGc();
  } finally {
    settledOldGeneration = oldGenerationCommitted();
  }
}

function compactingGc(): void {
  setFlagsFromString('--expose-gc');
  // Compacting: a plain full GC leaves live objects spread over the pages they were in. With 50 files open it took
  // the old space from 187 to 119 MB committed (75 used) and gave back no RSS; compacting, to 77 MB and -110 MB RSS.
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
    setFlagsFromString('--no-expose-gc');
  }
}

/** Bytes V8 holds committed for everything but the young generation (whose size the GC does not settle). */
export function oldGenerationCommitted(): number {
  let n = 0;
  for (const sp of getHeapSpaceStatistics()) if (!sp.space_name.startsWith('new_')) n += sp.space_size;
  return n;
}

/** `oldGenerationCommitted()` right after the last `settleServerHeap`. */
let settledOldGeneration = 0;

/**
 * How much the old generation must have grown since the last settle for an idle settle to run. The compacting GC
 * is a pause of the whole server (120-180 ms with 50 files open on an idle machine, a second under load) that the
 * next keystroke waits for; a pause in typing after a few edits leaves a few MB to give back, not worth that.
 */
export const SETTLE_MIN_GROWTH_BYTES = 8 * 1024 * 1024;

/** Whether the old generation grew by `SETTLE_MIN_GROWTH_BYTES` since the last settle (the idle settle's test). */
export function settleWorthIt(): boolean {
  return oldGenerationCommitted() - settledOldGeneration >= SETTLE_MIN_GROWTH_BYTES;
}

/**
 * How long the server waits, with no analysis left to run, before one full GC (`IdleHeapSettle`). Keystrokes
 * come 100-300 ms apart while typing: a pause this long is a stop, not the gap before the next key.
 */
export const IDLE_SETTLE_MS = 500;

/**
 * One full GC once the server goes idle after analysing. Between full GCs V8 lets the old generation fill with what
 * finished runs and cooled documents left (the heap stood at 1.5-2.5x its live size after an edit soak, ~150 MB
 * more RSS than after a GC): an idle editor's server kept that until its next edits. Skipped when the old
 * generation grew less than `SETTLE_MIN_GROWTH_BYTES` since the last settle. Only memory and pauses depend on it;
 * the delay decides when, never what an analysis finds.
 */
export class IdleHeapSettle {
  private timer: NodeJS.Timeout | undefined;
  private worked = false;
  /** Full GCs done (for tests). */
  settles = 0;
  /** Idle waits that ended without a GC because too little was left to give back (for tests). */
  skipped = 0;

  constructor(
    /** Whether analyses are running or queued: no GC then, the run that ends re-arms the wait. */
    private readonly busy: () => boolean,
    private readonly delayMs = IDLE_SETTLE_MS,
    private readonly settle: () => void = settleServerHeap,
    /** Whether enough was allocated since the last settle to be worth the pause. */
    private readonly worth: () => boolean = settleWorthIt,
    /** Told after each settle: how long it paused and the old generation's size before and after (bytes). */
    private readonly onSettle?: (ms: number, before: number, after: number) => void,
  ) {}

  /** An analysis finished: settle once nothing else has run for `delayMs`. */
  analysed(): void {
    this.worked = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.delayMs);
    // A pending settle never keeps the process alive.
    this.timer.unref();
  }

  /** Cancels a pending settle (shutdown). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    if (!this.worked || this.busy()) return;
    this.worked = false;
    if (!this.worth()) {
      this.skipped++;
      return;
    }
    this.settles++;
    const before = oldGenerationCommitted();
    const t = performance.now();
    this.settle();
    this.onSettle?.(performance.now() - t, before, oldGenerationCommitted());
  }
}
