/**
 * Runs stepped computations (generators that pause between pieces of work) a slice at a time, round-robin, one
 * at a time, yielding to the event loop between slices: requests are served while a long analysis runs, and a
 * short one is not queued behind it. Slices are timed, which decides only the interleaving, never a result.
 */
export class SlicedRunner {
  private readonly queue: { key: string; steps: Generator<void, unknown>; done: (value: unknown) => void }[] = [];
  private pumping = false;

  constructor(
    private readonly onError: (e: unknown) => void,
    /** How long one computation runs before the others and the event loop get their turn. */
    private readonly sliceMs = 10,
  ) {}

  /** Queues `steps` under `key`; a computation already queued under the same key is abandoned (`return()`). */
  run<T>(key: string, steps: Generator<void, T>, done: (value: T) => void): void {
    this.cancel(key);
    this.queue.push({ key, steps, done: done as (value: unknown) => void });
    void this.pump();
  }

  /** Abandons the computation queued under `key`, if any. */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      if (job.key !== key) continue;
      this.queue.splice(i, 1);
      try {
        job.steps.return(undefined);
      } catch (e) {
        this.onError(e);
      }
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const job = this.queue.shift()!;
        const until = performance.now() + this.sliceMs;
        try {
          let r = job.steps.next();
          while (!r.done && performance.now() < until) r = job.steps.next();
          if (r.done) job.done(r.value);
          else this.queue.push(job);
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
