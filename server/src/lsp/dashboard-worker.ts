/**
 * The editor dashboard's history pass (`dashboard.ts`), in a worker thread so that scanning committed trees never
 * holds up an edit's diagnostics or a code action; terminating the worker cancels it. Uses the CLI's history code
 * (`cli/reports.ts`), so the editor and `vigil score --history` / `vigil leaderboard` agree.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { VigilConfig } from '../engine/config/vigil-config';
import { redactErrorMessage } from '../engine/redact';
import type { AnalysisSettings } from '../engine/types';
import { openTreeScanner, recentActivity, type ActivityCache, type RecentActivity } from '../cli/reports';

/** What the server hands the worker. */
export interface DashboardJob {
  top: string;
  root: string;
  config: VigilConfig;
  configFile?: string;
  settings: AnalysisSettings;
  toolVersion: string;
  commits: number;
  email?: string;
  cache?: ActivityCache;
}

/** What the worker answers. */
export type DashboardJobResult = { ok: true; activity: RecentActivity } | { ok: false; error: string };

async function run(job: DashboardJob): Promise<DashboardJobResult> {
  const scanner = await openTreeScanner({ ...job, env: process.env });
  try {
    return { ok: true, activity: recentActivity(scanner, job.top, { commits: job.commits, email: job.email, now: new Date(), cache: job.cache }) };
  } finally {
    scanner.dispose();
  }
}

if (parentPort) {
  const port = parentPort;
  run(workerData as DashboardJob).then(
    (r) => port.postMessage(r),
    (e: unknown) => port.postMessage({ ok: false, error: redactErrorMessage(e) } satisfies DashboardJobResult),
  );
}
