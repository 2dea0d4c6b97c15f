/**
 * The server's GC on going idle (lsp/heap-sizing.ts `IdleHeapSettle`): one full GC once analyses have stopped for
 * its short delay after a burst, or its long delay after less, none while analyses run or are queued, none when
 * nothing ran since the last one, none when the old generation grew too little since the last one to be worth the
 * pause.
 */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import {
  IdleHeapSettle,
  releaseYoungGeneration,
  SETTLE_BURST_GROWTH_BYTES,
  SETTLE_MIN_GROWTH_BYTES,
  settleServerHeap,
  settleWorthIt,
  settleWorthItNow,
  YOUNG_RELEASE_MIN_BYTES,
  youngGenerationCommitted,
} from '../../server/src/lsp/heap-sizing';

/** `worth.now`: grown enough for the long pause; `burst.now`: for the short one. Releases come 5,500 ms after. */
function setup(busy: { now: boolean }, worth = { now: true }, burst = { now: true }) {
  let gcs = 0;
  let releases = 0;
  const s = new IdleHeapSettle(() => busy.now, 500, () => void gcs++, () => worth.now, undefined, () => burst.now, 5_000, () => (releases++, true), 5_500);
  return { s, gcs: () => gcs, releases: () => releases };
}

describe('idle heap settle', () => {
  it('settles once, after the delay since the last analysis, and not again until one more ran', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const { s, gcs } = setup({ now: false });
    s.analysed();
    mock.timers.tick(300);
    // Typing: each finished run pushes the settle back.
    s.analysed();
    mock.timers.tick(300);
    assert.equal(gcs(), 0);
    mock.timers.tick(250);
    assert.equal(gcs(), 1);
    mock.timers.tick(5_000);
    assert.equal(gcs(), 1);
    s.analysed();
    mock.timers.tick(500);
    assert.equal(gcs(), 2);
    assert.equal(s.settles, 2);
  });

  it('does not settle while analyses are running or queued; the run that ends then settles', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const busy = { now: true };
    const { s, gcs } = setup(busy);
    s.analysed();
    mock.timers.tick(1_000);
    assert.equal(gcs(), 0);
    busy.now = false;
    s.analysed();
    mock.timers.tick(500);
    assert.equal(gcs(), 1);
  });

  it('skips the GC when too little was allocated since the last, and settles at the next pause once enough was', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const worth = { now: false };
    const { s, gcs } = setup({ now: false }, worth, worth);
    s.analysed();
    // (Ticked in two: mock timers do not run a timer that a timer set within the same tick.)
    mock.timers.tick(500);
    mock.timers.tick(4_500);
    assert.equal(gcs(), 0);
    assert.equal(s.skipped, 1);
    worth.now = true;
    mock.timers.tick(10_000);
    assert.equal(gcs(), 0, 'a skipped wait is over: only the next analysis re-arms it');
    s.analysed();
    mock.timers.tick(500);
    assert.equal(gcs(), 1);
  });

  it('after a short pause settles only a burst: less waits for the long pause, and an edit before it starts over', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const burst = { now: false };
    const { s, gcs } = setup({ now: false }, { now: true }, burst);
    s.analysed();
    mock.timers.tick(600);
    assert.equal(gcs(), 0, 'typing paused 600 ms: no GC in the way of the next key');
    mock.timers.tick(4_000);
    // The next edit's run ends: the wait starts over from the short delay.
    s.analysed();
    mock.timers.tick(500);
    mock.timers.tick(4_400);
    assert.equal(gcs(), 0);
    mock.timers.tick(100);
    assert.equal(gcs(), 1, 'settled after 5 s without analyses');
    assert.equal(s.skipped, 0);
    // A burst (files opened) settles at the short pause.
    burst.now = true;
    s.analysed();
    mock.timers.tick(500);
    assert.equal(gcs(), 2);
  });

  it('counts old-generation growth since the last settle: nothing right after one, a retained large array after', () => {
    settleServerHeap();
    assert.equal(settleWorthIt(), false);
    // Past V8's large-object size: allocated straight in the old generation's large object space.
    const kept = new Array<number>((2 * SETTLE_MIN_GROWTH_BYTES) / 8).fill(0.5);
    assert.equal(settleWorthIt(), true);
    assert.ok(kept.length > 0);
    settleServerHeap();
    assert.equal(settleWorthIt(), false, 'the settle resets the reference point');
  });

  it('counts a burst from the same reference point, with its larger growth', () => {
    settleServerHeap();
    const small = new Array<number>((2 * SETTLE_MIN_GROWTH_BYTES) / 8).fill(0.5);
    assert.equal(settleWorthIt(), true);
    assert.equal(settleWorthItNow(), false, '16 MB is typing, not a burst');
    const large = new Array<number>(SETTLE_BURST_GROWTH_BYTES / 8).fill(0.5);
    assert.equal(settleWorthItNow(), true);
    assert.ok(small.length + large.length > 0);
    settleServerHeap();
    assert.equal(settleWorthItNow(), false);
  });

  it('tells each settle with its pause and the old generation before and after', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const told: number[][] = [];
    const s = new IdleHeapSettle(() => false, 500, () => undefined, () => true, (ms, before, after) => told.push([ms, before, after]), () => true);
    s.analysed();
    mock.timers.tick(500);
    assert.equal(told.length, 1);
    assert.ok(told[0]!.every((n) => Number.isFinite(n) && n >= 0));
    assert.ok(told[0]![1]! > 0, 'the old generation is never empty');
  });

  it('releases the young generation once idle 5.5 s past its settle, and not if an analysis ran meanwhile', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const busy = { now: false };
    const { s, gcs, releases } = setup(busy);
    s.analysed();
    mock.timers.tick(500);
    assert.equal(gcs(), 1);
    mock.timers.tick(5_400);
    assert.equal(releases(), 0);
    // An edit: its settle wait replaces the release, and its own settle is followed by one.
    s.analysed();
    mock.timers.tick(500);
    assert.equal(gcs(), 2);
    mock.timers.tick(5_000);
    assert.equal(releases(), 0, 'counted from the last settle');
    mock.timers.tick(500);
    assert.equal(releases(), 1);
    mock.timers.tick(60_000);
    assert.equal(releases(), 1, 'once per idle period');
    // Busy when it comes (an analysis queued): none; the analysis's own settle brings the next.
    s.analysed();
    mock.timers.tick(500);
    busy.now = true;
    mock.timers.tick(5_500);
    assert.equal(releases(), 1);
  });

  it('releases after a wait that skipped its settle, and after a settle outside analyses', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const nothing = { now: false };
    const { s, gcs, releases } = setup({ now: false }, nothing, nothing);
    s.analysed();
    mock.timers.tick(500);
    mock.timers.tick(4_500);
    assert.equal(s.skipped, 1);
    mock.timers.tick(5_500);
    assert.equal(releases(), 1);
    assert.equal(gcs(), 0);
    s.settledOutside();
    mock.timers.tick(5_500);
    assert.equal(releases(), 2);
    // Not while an analysis's settle wait is pending: that wait ends with its own release.
    s.analysed();
    s.settledOutside();
    mock.timers.tick(500);
    mock.timers.tick(4_500);
    mock.timers.tick(5_500);
    assert.equal(releases(), 3);
  });

  it('gives back the real young generation when the GC comes after 5.5 s of low allocation', async (t) => {
    // V8 may shrink the young generation itself (a GC of its own during the wait, or the settle judging the rate
    // low when the work was starved of CPU): such an attempt cannot tell whether the release works, so it is
    // retried, as is one where V8 kept it after the release's minor GC; the test fails if no attempt shows the release
    // giving it back. See docs/perf-notes-memory.md, session 17.
    const MB = 2 ** 20;
    const log: string[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      // Short-lived garbage with some survivors grows V8's young generation to its maximum (32 MB here).
      const kept: unknown[] = [];
      for (let r = 0; r < 20; r++) {
        const a: { i: number; s: string }[] = [];
        for (let i = 0; i < 300_000; i++) a.push({ i, s: `x${i}` });
        kept.push(a.slice(0, 1_000));
      }
      const grown = youngGenerationCommitted();
      assert.ok(grown >= YOUNG_RELEASE_MIN_BYTES, `young generation grown to ${grown}`);
      settleServerHeap();
      const settled = youngGenerationCommitted();
      // Measured from the settle's end, not from when the timer was set: the wait is what V8's rate reads.
      const t0 = performance.now();
      while (performance.now() - t0 < 5_500) await new Promise((r) => setTimeout(r, 5_500 - (performance.now() - t0)));
      const before = youngGenerationCommitted();
      const waited = performance.now() - t0;
      log.push(`attempt ${attempt}: grown ${(grown / MB).toFixed(1)} MB, after the settle ${(settled / MB).toFixed(1)}, after ${waited.toFixed(0)} ms ${(before / MB).toFixed(1)}`);
      if (settled < YOUNG_RELEASE_MIN_BYTES || before < YOUNG_RELEASE_MIN_BYTES) {
        t.diagnostic(`${log.at(-1)!}: V8 gave it back itself, nothing to tell; again`);
        continue;
      }
      const ran = releaseYoungGeneration();
      const after = youngGenerationCommitted();
      log[log.length - 1] += `; release ran ${ran}, young generation now ${(after / MB).toFixed(1)} MB`;
      assert.ok(ran, log.join('; '));
      if (after >= YOUNG_RELEASE_MIN_BYTES) {
        // The minor GC ran, but V8 shrinks only when its own allocation-rate estimate is low, which a sample taken
        // late (seen once in a clean CI run, idle machine) can miss: judged on the next attempt.
        t.diagnostic(`${log.at(-1)!}: V8 kept it this time; again`);
        continue;
      }
      assert.equal(releaseYoungGeneration(), false, 'nothing more to release');
      assert.ok(kept.length > 0);
      return;
    }
    assert.fail(`no attempt showed the release giving the young generation back: ${log.join('; ')}`);
  });

  it('does nothing after dispose', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const { s, gcs } = setup({ now: false });
    s.analysed();
    s.dispose();
    mock.timers.tick(1_000);
    assert.equal(gcs(), 0);
  });
});
