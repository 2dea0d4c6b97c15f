/**
 * Today's date as the hosts (server, CLI) pass it to the engine: UTC, `YYYY-MM-DD`. The engine never reads the
 * clock, so the same input gives the same findings anywhere; the hosts read it here, in one way.
 */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
