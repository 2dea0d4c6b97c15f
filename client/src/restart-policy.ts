/**
 * What to do when the server process stops unexpectedly: restart it, tell the user at most once per period,
 * and give up (once, with one error) after repeated crashes. Pure, so it is tested without an editor.
 */

/** How many crashes in the window before we stop restarting and ask the user. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60_000;
/** At most one crash notification in this period, however often the server restarts. */
export const NOTIFY_EVERY_MS = 5 * 60_000;

export interface CrashDecision {
  /** Restart the server, or stop and ask the user. */
  action: 'restart' | 'stop';
  /** Show the "restarted" warning (only with `restart`; `stop` always shows its error). */
  notify: boolean;
  /** Crashes within the window, this one included. */
  recentCrashes: number;
}

export class RestartPolicy {
  private crashes: number[] = [];
  private lastNotified = -Infinity;

  /** Records a crash at `now` (ms) and decides. */
  onCrash(now: number): CrashDecision {
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    const recentCrashes = this.crashes.length;
    if (recentCrashes > MAX_RESTARTS) return { action: 'stop', notify: false, recentCrashes };
    const notify = now - this.lastNotified > NOTIFY_EVERY_MS;
    if (notify) this.lastNotified = now;
    return { action: 'restart', notify, recentCrashes };
  }

  /** A restart the user asked for starts the count again. */
  reset(): void {
    this.crashes = [];
  }
}
