/**
 * The workspace security score (docs/score.md): 100 with no open findings, lower the more and the more urgent they
 * are. Each finding costs points by its priority (`priority.ts`), so one critical flow from a route handler costs
 * far more than a dozen low findings in test code; notes about Vigil itself (meta) cost nothing.
 */
import type { Finding } from './types';

/** Points one finding costs: 10 × (priority score / 100)², so a p1 at 98 costs 9.6 and a p4 at 20 costs 0.4. */
export function findingPoints(f: Finding): number {
  if (f.pack === 'meta') return 0;
  const s = (f.priority?.score ?? 50) / 100;
  return 10 * s * s;
}

/**
 * 100 × 0.975^points, rounded down: each point takes 2.5% of what is left, so the score never reaches 0 and
 * never shows 100 while a finding is open.
 */
export function securityScore(findings: Iterable<Finding>): number {
  let points = 0;
  let open = 0;
  for (const f of findings) {
    if (f.pack === 'meta') continue;
    open++;
    points += findingPoints(f);
  }
  if (open === 0) return 100;
  return Math.min(99, Math.floor(100 * Math.pow(0.975, points)));
}
