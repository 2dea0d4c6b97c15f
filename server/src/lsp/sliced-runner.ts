/**
 * Runs stepped computations (generators that pause between pieces of work) a slice at a time, round-robin, one
 * at a time, yielding to the event loop between slices: requests are served while a long analysis runs, and a
 * short one is not queued behind it. Slices are timed, which decides only the interleaving, never a result.
 *
 * At most `maxActive` computations are under way at once; the others wait unstarted, newest first (the file just
 * edited or opened goes before files queued earlier). A started computation holds its partial state until it
 * ends, so an editor restoring 50 tabs would otherwise hold 50 half-done analyses in memory at once.
 */
export class SlicedRunner {
  private readonly active: Job[] = [];
  /** Not started yet; the newest first. */
  private readonly waiting: Job[] = [];
  private pumping = false;

  constructor(
    private readonly onError: (e: unknown) => void,
    /** How long one computation runs before the others and the event loop get their turn. */
    private readonly sliceMs = 10,
    private readonly maxActive = 4,
  ) {}

  /** Queues `steps` under `key`; a computation already queued under the same key is abandoned (`return()`). */
  run<T>(key: string, steps: Generator<void, T>, done: (value: T) => void): void {
    this.cancel(key);
    this.waiting.unshift({ key, steps, done: done as (value: unknown) => void });
    void this.pump();
  }

  /** Abandons the computation queued under `key`, if any. */
  cancel(key: string): void {
    for (const list of [this.active, this.waiting]) {
      for (let i = list.length - 1; i >= 0; i--) {
        const job = list[i]!;
        if (job.key !== key) continue;
        list.splice(i, 1);
        try {
          job.steps.return(undefined);
        } catch (e) {
          this.onError(e);
        }
      }
    }
  }

  /** Computations started and not finished (for tests). */
  get activeCount(): number {
    return this.active.length;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        while (this.active.length < this.maxActive && this.waiting.length > 0) this.active.push(this.waiting.shift()!);
        const job = this.active.shift();
        if (!job) break;
        const until = performance.now() + this.sliceMs;
        try {
          let r = job.steps.next();
          while (!r.done && performance.now() < until) r = job.steps.next();
          if (r.done) job.done(r.value);
          else this.active.push(job);
        } catch (e) {
          this.onError(e);
        }
        // Let messages in: a newer edit, another document, a code action.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.pumping = false;
    }
  }
}

interface Job {
  key: string;
  steps: Generator<void, unknown>;
  done: (value: unknown) => void;
}
