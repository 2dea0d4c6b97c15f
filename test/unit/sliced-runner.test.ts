/**
 * SlicedRunner: at most `maxActive` computations are started at once (the others wait unstarted, newest first),
 * each one's result is delivered, and a newer run of a key abandons the older one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlicedRunner } from '../../server/src/lsp/sliced-runner';

function* job(name: string, pauses: number, started: string[], live: { n: number; max: number }): Generator<void, string> {
  started.push(name);
  live.n++;
  live.max = Math.max(live.max, live.n);
  try {
    for (let i = 0; i < pauses; i++) yield;
    return name;
  } finally {
    live.n--;
  }
}

describe('sliced runner', () => {
  it('starts at most maxActive computations at once, the newest waiting one first, and finishes them all', async () => {
    const runner = new SlicedRunner((e) => assert.fail(String(e)), 0, 2);
    const started: string[] = [];
    const live = { n: 0, max: 0 };
    const results: string[] = [];
    const all = ['a', 'b', 'c', 'd', 'e'].map(
      (k) => new Promise<void>((resolve) => runner.run(k, job(k, 50, started, live), (v) => (results.push(v), resolve()))),
    );
    await Promise.all(all);
    assert.equal(live.max, 2, 'never more than two under way');
    assert.deepEqual([...results].sort(), ['a', 'b', 'c', 'd', 'e']);
    // `a` starts at once (nothing else was queued); of the four queued behind it the newest start first.
    assert.deepEqual(started, ['a', 'e', 'd', 'c', 'b']);
  });

  it('a newer run of a key abandons the older one, started or waiting', async () => {
    const runner = new SlicedRunner((e) => assert.fail(String(e)), 0, 1);
    const started: string[] = [];
    const live = { n: 0, max: 0 };
    const got: string[] = [];
    runner.run('x', job('x1', 1_000_000, started, live), (v) => got.push(v));
    await new Promise((r) => setImmediate(r));
    runner.run('y', job('y1', 10, started, live), (v) => got.push(v));
    runner.run('y', job('y2', 10, started, live), (v) => got.push(v));
    const done = new Promise<void>((resolve) => runner.run('x', job('x2', 10, started, live), (v) => (got.push(v), resolve())));
    await done;
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(!got.includes('x1') && !got.includes('y1'), `abandoned runs deliver nothing: ${got.join(',')}`);
    assert.deepEqual([...got].sort(), ['x2', 'y2']);
    assert.equal(live.n, 0, 'every started computation was ended (finally ran)');
  });
});
