/**
 * `vigil/dashboard`: the score's trend over the last commits, fixes this week and the user's streak, from local git
 * history (nothing is sent anywhere). The history pass runs in a worker thread (`dashboard-worker.ts`), bounded to
 * the last DASHBOARD_COMMITS commits, cancelled with the request or by a newer one, and cached by HEAD commit (per
 * commit too: a new commit costs only itself). In Restricted Mode no git runs at all: the repository may be hostile.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CancellationToken } from 'vscode-languageserver/node';
import { redactErrorMessage } from '../engine/redact';
import { SAFE_GIT_CONFIG, safeGitEnv } from '../engine/secrets/exposure';
import type { ActivityCache, RecentActivity } from '../cli/reports';
import { Methods, type DashboardParams, type DashboardResult } from '../shared/protocol';
import type { DashboardJob, DashboardJobResult } from './dashboard-worker';
import { uriToPath } from './folders';
import type { ServerContext } from './server';
import { todayUtc } from '../shared/today';

/** How many commits the dashboard looks at: enough for a trend, few enough to answer in seconds. */
export const DASHBOARD_COMMITS = 30;

const TOOL_VERSION = '0.1.0';

/** A git query with the same hardening as the CLI's (no programs run from the repository's config); undefined on failure. */
function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['--no-pager', ...SAFE_GIT_CONFIG, ...args], { cwd, env: safeGitEnv(), maxBuffer: 1024 * 1024 }, (err, stdout) =>
      resolve(err ? undefined : stdout.toString().trim() || undefined),
    );
  });
}

/** Runs the history pass in a worker; rejects when cancelled. */
function runWorker(job: DashboardJob, cancel: AbortSignal): Promise<DashboardJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'dashboard-worker.js'), { workerData: job });
    const stop = () => {
      void worker.terminate();
      reject(new Error('cancelled'));
    };
    if (cancel.aborted) return stop();
    cancel.addEventListener('abort', stop, { once: true });
    worker.once('message', (m: DashboardJobResult) => {
      cancel.removeEventListener('abort', stop);
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      cancel.removeEventListener('abort', stop);
      resolve({ ok: false, error: redactErrorMessage(e) });
    });
    worker.once('exit', () => resolve({ ok: false, error: 'the history worker stopped' }));
  });
}

export function registerDashboard(ctx: ServerContext): void {
  /** Per workspace folder: the last answer (by HEAD and user) and the per-commit results. */
  const cached = new Map<string, { key: string; activity: RecentActivity }>();
  const caches = new Map<string, ActivityCache>();
  let running: AbortController | undefined;

  ctx.connection.onRequest(Methods.dashboard, async (params: DashboardParams | undefined, token: CancellationToken): Promise<DashboardResult> => {
    const folders = await ctx.ready;
    const base = (note: string): DashboardResult => ({ current: ctx.score(), history: [], commitsLooked: 0, note });
    if (!ctx.trusted) {
      return base('Restricted Mode: Vigil runs no git in a workspace you have not trusted, so there is no history here. Trust the folder to see the trend, fixes and streak.');
    }
    const root = typeof params?.folder === 'string' ? folders.forPath(uriToPath(params.folder)).root : folders.all().find((f) => f.root !== '')?.root;
    if (!root) return base('Open a folder to see its history.');
    const topRaw = await git(root, ['rev-parse', '--show-toplevel']);
    if (!topRaw) return base('This folder is not in a git repository, so there is no history.');
    const top = await realpath(topRaw);
    const head = await git(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    if (!head) return base('The repository has no commits yet.');
    const email = await git(top, ['config', '--get', 'user.email']);
    const key = `${head}\0${email ?? ''}\0${todayUtc()}`;
    const state = folders.forPath(root);
    let activity = cached.get(root)?.key === key ? cached.get(root)!.activity : undefined;
    if (!activity) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const onCancel = token.onCancellationRequested(() => controller.abort());
      try {
        const settings = await ctx.settingsFor(pathToFileURL(root).toString());
        const job: DashboardJob = {
          top,
          root: state.root,
          config: state.config,
          ...(state.configFile ? { configFile: state.configFile } : {}),
          settings: settings.analysis,
          toolVersion: TOOL_VERSION,
          commits: DASHBOARD_COMMITS,
          ...(email ? { email } : {}),
          ...(caches.has(root) ? { cache: caches.get(root)! } : {}),
        };
        const r = await runWorker(job, controller.signal);
        if (!r.ok) {
          ctx.log(`dashboard history failed: ${r.error}`);
          return base(`Git history could not be read: ${r.error}`);
        }
        activity = r.activity;
        caches.set(root, activity.cache);
        cached.set(root, { key, activity });
      } finally {
        onCancel.dispose();
        if (running === controller) running = undefined;
      }
    }
    return {
      current: ctx.score(),
      history: activity.history,
      ...(email ? { email } : {}),
      fixesThisWeek: activity.fixesThisWeek,
      ...(email ? { streak: activity.streak } : {}),
      commitsLooked: activity.commitsLooked,
      ...(email ? {} : { note: 'No git user.email is set for this repository, so your own fixes and streak are not known.' }),
    };
  });
}
