/**
 * The young-generation release (lsp/heap-sizing.ts `releaseYoungGeneration`) outside the test runner, with V8's
 * own GCs visible: run with `node --trace-gc`. Grows the young generation as test/unit/idle-heap-settle.test.ts
 * does, settles, waits, releases, and logs the young generation's committed MB at each step.
 * `pre-idle`: first settle and sit idle that long (ms), to see whether V8's memory reducer steps in; `stall`: spin
 * that long without allocating between the work and the settle.
 *   node --trace-gc --import tsx bench/young-release-probe.ts [wait ms, 5500] [pre-idle ms, 0] [stall ms, 0]
 */
import { performance } from 'node:perf_hooks';
import { releaseYoungGeneration, settleServerHeap, youngGenerationCommitted } from '../server/src/lsp/heap-sizing';
const wait = Number(process.argv[2] ?? '5500');
const t0 = performance.now();
const log = (s: string) => process.stdout.write(`[${(performance.now() - t0).toFixed(0)} ms] ${s}\n`);
async function main() {
  const pre = Number(process.argv[3] ?? '0');
  if (pre > 0) {
    settleServerHeap();
    const junk: unknown[] = [];
    for (let i = 0; i < 200_000; i++) junk.push({ i });
    settleServerHeap();
    log(`pre-idle ${pre} ms`);
    await new Promise((r) => setTimeout(r, pre));
  }
  const kept: unknown[] = [];
  for (let r = 0; r < 20; r++) {
    const a: { i: number; s: string }[] = [];
    for (let i = 0; i < 300_000; i++) a.push({ i, s: `x${i}` });
    kept.push(a.slice(0, 1_000));
  }
  log(`grown ${youngGenerationCommitted() / 2 ** 20}`);
  // A stall without allocation before the settle, as a process starved of CPU between its work and the GC sees it.
  const stall = Number(process.argv[4] ?? '0');
  for (const t = performance.now(); performance.now() - t < stall; );
  settleServerHeap();
  log(`after settle ${youngGenerationCommitted() / 2 ** 20}`);
  await new Promise((r) => setTimeout(r, wait));
  log(`before release ${youngGenerationCommitted() / 2 ** 20}`);
  const ran = releaseYoungGeneration();
  log(`release ran ${ran}, now ${youngGenerationCommitted() / 2 ** 20}`);
}
void main();
