/**
 * The server's GC on going idle (lsp/heap-sizing.ts `IdleHeapSettle`): one full GC once analyses have stopped for
 * its delay, none while analyses run or are queued, none when nothing ran since the last one.
 */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { IdleHeapSettle } from '../../server/src/lsp/heap-sizing';

function setup(busy: { now: boolean }) {
  let gcs = 0;
  const s = new IdleHeapSettle(() => busy.now, 500, () => void gcs++);
  return { s, gcs: () => gcs };
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
