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

/** Bytes V8 holds committed for the young generation (the new space's two semi-spaces). */
export function youngGenerationCommitted(): number {
  let n = 0;
  for (const sp of getHeapSpaceStatistics()) if (sp.space_name.startsWith('new_')) n += sp.space_size;
  return n;
}

/**
 * Below this the young generation is at or near its floor (V8 shrinks it to 1 MB): nothing for
 * `releaseYoungGeneration` to give back.
 */
export const YOUNG_RELEASE_MIN_BYTES = 4 * 1024 * 1024;

/**
 * One young-generation GC, so that V8 gives back the young generation's pages once the server is idle. V8 grows the
 * young generation to 32 MB (two 16 MB semi-spaces) while analysing and shrinks it only at a GC that finds the
 * allocation rate low (under ~1 MB/s over the last 5 s), and an idle server runs no GC: the 32 MB stayed resident
 * for good (the settle's compacting GC comes 500 ms after a burst, when the rate is still high). Run at least
 * `YOUNG_RELEASE_MS` after the last GC, this scavenge of an almost empty young generation is the low-rate GC:
 * 32 -> 1 MB committed. It grows back within the next analysis. V8 decides from the allocation rate; this only
 * gives it a GC to decide at. Returns whether it ran (not when the young generation is already small).
 */
export function releaseYoungGeneration(): boolean {
  if (youngGenerationCommitted() < YOUNG_RELEASE_MIN_BYTES) return false;
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as (o: { type: string }) => void)({ type: 'minor' });
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return true;
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
 * How much the old generation must have grown since the last settle for a settle after a long pause
 * (`LONG_IDLE_SETTLE_MS`). The compacting GC is a pause of the whole server (120-180 ms with 50 files open on an
 * idle machine, 1-2 s at load 25-35) that the next keystroke waits for; a pause in typing after a few edits leaves
 * a few MB to give back, not worth that.
 */
export const SETTLE_MIN_GROWTH_BYTES = 8 * 1024 * 1024;

/**
 * Growth since the last settle worth a settle at the first short pause (`IDLE_SETTLE_MS`): a burst of work (files
 * opened, rules compiled), not typing. With 20 files open, edits each followed by a 600 ms pause reached the 8 MB
 * every fourth pause, and the edit sent then waited for the GC (up to 2.2 s at load 37); in-process, such a settle
 * gave back 0-4 MB of a ~90 MB old generation.
 */
export const SETTLE_BURST_GROWTH_BYTES = 32 * 1024 * 1024;

function grownSinceSettle(): number {
  return oldGenerationCommitted() - settledOldGeneration;
}

/** Whether the old generation grew by `SETTLE_MIN_GROWTH_BYTES` since the last settle (the long pause's test). */
export function settleWorthIt(): boolean {
  return grownSinceSettle() >= SETTLE_MIN_GROWTH_BYTES;
}

/** Whether the old generation grew by `SETTLE_BURST_GROWTH_BYTES` since the last settle (the short pause's test). */
export function settleWorthItNow(): boolean {
  return grownSinceSettle() >= SETTLE_BURST_GROWTH_BYTES;
}

/**
 * How long the server waits, with no analysis left to run, before a settle after a burst (`IdleHeapSettle`).
 * Keystrokes come 100-300 ms apart while typing: a pause this long is a stop, not the gap before the next key.
 */
export const IDLE_SETTLE_MS = 500;

/** How long it waits before a settle that less than a burst makes worth it: past a pause to read what was typed. */
export const LONG_IDLE_SETTLE_MS = 5_000;

/**
 * How long after its settle (or the wait that skipped one) an idle server releases its young generation
 * (`releaseYoungGeneration`): V8 judges the allocation rate over the last 5 s, so the GC must come more than 5 s after
 * the previous one (at 3 s it kept the 32 MB, at 6 s it gave them back).
 */
export const YOUNG_RELEASE_MS = 5_500;

/**
 * One full GC once the server goes idle after analysing. Between full GCs V8 lets the old generation fill with what
 * finished runs and cooled documents left (the heap stood at 1.5-2.5x its live size after an edit soak, ~150 MB
 * more RSS than after a GC): an idle editor's server kept that until its next edits. After `delayMs` when the old
 * generation grew by a burst's worth since the last settle, else after `longDelayMs` when it grew by
 * `SETTLE_MIN_GROWTH_BYTES`, else not at all: the GC cannot be interrupted, and an edit sent meanwhile waits for
 * it. Only memory and pauses depend on it; the delays decide when, never what an analysis finds.
 */
export class IdleHeapSettle {
  private timer: NodeJS.Timeout | undefined;
  private worked = false;
  /** Full GCs done (for tests). */
  settles = 0;
  /** Idle waits that ended without a GC because too little was left to give back (for tests). */
  skipped = 0;
  /** Young-generation releases run (for tests). */
  releases = 0;

  constructor(
    /** Whether analyses are running or queued: no GC then, the run that ends re-arms the wait. */
    private readonly busy: () => boolean,
    private readonly delayMs = IDLE_SETTLE_MS,
    private readonly settle: () => void = settleServerHeap,
    /** Whether enough was allocated since the last settle to be worth the pause after the long wait. */
    private readonly worth: () => boolean = settleWorthIt,
    /** Told after each settle: how long it paused and the old generation's size before and after (bytes). */
    private readonly onSettle?: (ms: number, before: number, after: number) => void,
    /** Whether so much was allocated since the last settle that it is worth the pause after the short wait. */
    private readonly worthNow: () => boolean = settleWorthItNow,
    private readonly longDelayMs = LONG_IDLE_SETTLE_MS,
    /** Gives back the young generation once idle well past the last GC; whether it ran. */
    private readonly release: () => boolean = releaseYoungGeneration,
    private readonly releaseDelayMs = YOUNG_RELEASE_MS,
  ) {}

  /** An analysis finished: settle once nothing else has run for `delayMs` (or `longDelayMs`). */
  analysed(): void {
    this.worked = true;
    this.arm(this.delayMs, 'short');
  }

  /**
   * The server settled its heap outside an analysis (start-up, the grammar preload): release the young generation
   * once idle, unless a wait for an analysis's settle is pending (it ends with a release).
   */
  settledOutside(): void {
    if (this.timer === undefined) this.arm(this.releaseDelayMs, 'release');
  }

  /** Cancels a pending settle (shutdown). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number, stage: 'short' | 'long' | 'release'): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(stage), ms);
    // A pending settle never keeps the process alive.
    this.timer.unref();
  }

  private fire(stage: 'short' | 'long' | 'release'): void {
    this.timer = undefined;
    if (stage === 'release') {
      // Still idle (an analysis since would have re-armed the settle instead).
      if (!this.busy() && this.release()) this.releases++;
      return;
    }
    if (!this.worked || this.busy()) return;
    if (!(stage === 'long' ? this.worth() : this.worthNow())) {
      // Less than a burst: wait for a longer pause (an analysis meanwhile re-arms the short wait).
      if (stage === 'short' && this.longDelayMs > this.delayMs) this.arm(this.longDelayMs - this.delayMs, 'long');
      else {
        this.worked = false;
        this.skipped++;
        this.arm(this.releaseDelayMs, 'release');
      }
      return;
    }
    this.worked = false;
    this.settles++;
    const before = oldGenerationCommitted();
    const t = performance.now();
    this.settle();
    this.onSettle?.(performance.now() - t, before, oldGenerationCommitted());
    this.arm(this.releaseDelayMs, 'release');
  }
}
