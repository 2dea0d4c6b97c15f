import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RESTARTS, NOTIFY_EVERY_MS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restart-policy';

describe('client restart policy (server crashes)', () => {
  it('restarts, and warns once however often the server crashes in five minutes', () => {
    const p = new RestartPolicy();
    const first = p.onCrash(0);
    assert.deepEqual(first, { action: 'restart', notify: true, recentCrashes: 1 });
    // Crashes spread out so the window never fills: always restarted, warned only every five minutes.
    const notified: number[] = [];
    for (let t = 40_000; t <= 12 * 60_000; t += 40_000) {
      const d = p.onCrash(t);
      assert.equal(d.action, 'restart');
      if (d.notify) notified.push(t);
    }
    assert.ok(notified.length >= 2 && notified.length <= 3, `warnings at ${notified.join(', ')}`);
    for (let i = 1; i < notified.length; i++) assert.ok(notified[i]! - notified[i - 1]! > NOTIFY_EVERY_MS);
  });

  it(`stops after more than ${MAX_RESTARTS} crashes in ${RESTART_WINDOW_MS / 60_000} minutes, and a manual restart starts the count again`, () => {
    const p = new RestartPolicy();
    const decisions = Array.from({ length: MAX_RESTARTS + 1 }, (_, i) => p.onCrash(1_000 * i));
    assert.deepEqual(decisions.slice(0, MAX_RESTARTS).map((d) => d.action), Array(MAX_RESTARTS).fill('restart'));
    assert.equal(decisions.filter((d) => d.notify).length, 1, 'one warning for the burst');
    assert.deepEqual(decisions[MAX_RESTARTS], { action: 'stop', notify: false, recentCrashes: MAX_RESTARTS + 1 });
    p.reset();
    assert.equal(p.onCrash(10_000).action, 'restart');
  });

  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy();
    for (let i = 0; i < MAX_RESTARTS; i++) p.onCrash(i);
    assert.equal(p.onCrash(RESTART_WINDOW_MS + 10).recentCrashes, 1);
  });
});
