/**
 * Scans many files in parallel on worker threads, one Engine per worker. Results stream out through callbacks
 * as each file finishes. Cancelling (AbortSignal) terminates the workers at once. A worker that crashes or hangs
 * is replaced; its file is listed as failed and the scan goes on.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { languageIdForPath } from '../languages';
import type { AnalysisSettings, Finding, SkipNotice } from '../types';
import type { ScanFile, SkippedFile } from './file-walker';
import type { ScanJob, ScanWorkerData, WorkerMessage } from './scan-protocol';

export interface ScanPoolOptions {
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  analyzerOptions?: AnalyzerOptions;
  /** See `ScanWorkerData.analyzerModule`. */
  analyzerModule?: string;
  grammarDir?: string;
  /** A file taking longer than this is abandoned, its worker replaced, and the file listed as failed. */
  fileTimeoutMs?: number;
  /** The worker script; default: `scan-worker.js` (bundles) or `scan-worker.ts` (under tsx) beside this module. */
  workerPath?: string;
}

export interface FileScanResult {
  file: ScanFile;
  findings: Finding[];
  /** Partial-analysis notices (e.g. an analyzer failed on this file). */
  notices: SkipNotice[];
}

export interface FailedFile {
  path: string;
  message: string;
}

export interface ScanCallbacks {
  onResult?(result: FileScanResult): void;
  onSkipped?(skipped: SkippedFile): void;
  onFailed?(failed: FailedFile): void;
  /** Files finished (scanned, skipped or failed) out of the total. */
  onProgress?(done: number, total: number): void;
}

export interface ScanRun {
  results: FileScanResult[];
  skipped: SkippedFile[];
  failed: FailedFile[];
  /** Rule load errors reported by the workers (the same for every worker, so reported once). */
  ruleErrors: RuleLoadError[];
  cancelled: boolean;
  durationMs: number;
}

/** The default number of workers: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Under tsx (tests, development) the worker is TypeScript: register tsx's require hook in the thread first. */
function workerSource(path: string): { script: string; eval: boolean } {
  if (!path.endsWith('.ts')) return { script: path, eval: false };
  // createRequire keeps bundlers from trying to resolve tsx, which bundles never need.
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return { script: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(path)});`, eval: true };
}

function defaultWorkerPath(): string {
  return join(__dirname, __filename.endsWith('.ts') ? 'scan-worker.ts' : 'scan-worker.js');
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: { index: number; timer?: NodeJS.Timeout };
}

/** Scans `files` with `settings`. Resolves when every file is done or the signal aborts. */
export function scanFiles(
  files: ScanFile[],
  settings: AnalysisSettings,
  options: ScanPoolOptions & ScanCallbacks & { signal?: AbortSignal } = {},
): Promise<ScanRun> {
  const started = Date.now();
  const run: ScanRun = { results: [], skipped: [], failed: [], ruleErrors: [], cancelled: false, durationMs: 0 };
  const total = files.length;
  if (total === 0) return Promise.resolve(run);
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), total));
  const source = workerSource(options.workerPath ?? defaultWorkerPath());
  const data: ScanWorkerData = { analyzerOptions: options.analyzerOptions ?? {}, analyzerModule: options.analyzerModule, grammarDir: options.grammarDir };
  const timeoutMs = options.fileTimeoutMs ?? 120_000;

  return new Promise<ScanRun>((resolve) => {
    let next = 0;
    let done = 0;
    let finished = false;
    let gotRuleErrors = false;
    let initFailures = 0;
    const slots = new Set<Slot>();

    const finish = () => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const slot of slots) {
        if (slot.job?.timer) clearTimeout(slot.job.timer);
        void slot.worker.terminate();
      }
      slots.clear();
      run.durationMs = Date.now() - started;
      resolve(run);
    };

    const complete = () => {
      done++;
      options.onProgress?.(done, total);
      if (done === total) finish();
    };

    const fail = (index: number, message: string) => {
      const failed = { path: files[index]!.path, message };
      run.failed.push(failed);
      options.onFailed?.(failed);
      complete();
    };

    const dispatch = (slot: Slot) => {
      if (finished || !slot.ready || slot.job) return;
      if (next >= total) {
        // Nothing left for this worker: let it go so the process can exit.
        slots.delete(slot);
        void slot.worker.terminate();
        return;
      }
      const index = next++;
      const file = files[index]!;
      const job: ScanJob = {
        type: 'scan',
        id: index,
        path: file.path,
        languageId: languageIdForPath(file.path),
        root: file.root,
        settings,
        content: file.content,
      };
      const timer = setTimeout(() => {
        replace(slot, `timed out after ${Math.round(timeoutMs / 1000)} s`);
      }, timeoutMs);
      slot.job = { index, timer };
      slot.worker.postMessage(job);
    };

    /** Drops a broken worker; its file fails; a new worker takes over if work remains. */
    const replace = (slot: Slot, why: string) => {
      if (finished || !slots.has(slot)) return;
      slots.delete(slot);
      const job = slot.job;
      if (job?.timer) clearTimeout(job.timer);
      slot.job = undefined;
      void slot.worker.terminate();
      if (!slot.ready) initFailures++;
      if (job) fail(job.index, `scan worker failed: ${why}`);
      if (finished) return;
      if (initFailures >= 3) {
        // Workers cannot start at all: fail the rest rather than retry forever.
        while (next < total && !finished) fail(next++, `scan worker could not start: ${why}`);
        if (!finished && slots.size === 0) finish();
        return;
      }
      if (next < total) spawn();
      else if (slots.size === 0) finish();
    };

    const spawn = () => {
      const slot: Slot = {
        worker: new Worker(source.script, { workerData: data, eval: source.eval }),
        ready: false,
      };
      slots.add(slot);
      slot.worker.on('message', (m: WorkerMessage) => {
        if (finished) return;
        switch (m.type) {
          case 'ready':
            slot.ready = true;
            initFailures = 0;
            if (!gotRuleErrors) {
              gotRuleErrors = true;
              run.ruleErrors = m.ruleErrors;
            }
            dispatch(slot);
            return;
          case 'init-failed':
            replace(slot, m.message);
            return;
          default:
            break;
        }
        if (!slot.job || slot.job.index !== m.id) return;
        if (slot.job.timer) clearTimeout(slot.job.timer);
        slot.job = undefined;
        const file = files[m.id]!;
        if (m.type === 'result') {
          const result: FileScanResult = { file, findings: m.findings, notices: m.notices };
          run.results.push(result);
          options.onResult?.(result);
          complete();
        } else if (m.type === 'skipped') {
          const skipped: SkippedFile = { path: file.path, reason: m.reason, message: m.message };
          run.skipped.push(skipped);
          options.onSkipped?.(skipped);
          complete();
        } else {
          fail(m.id, m.message);
        }
        dispatch(slot);
      });
      slot.worker.on('error', (e) => replace(slot, e.message));
      slot.worker.on('exit', (code) => {
        if (slots.has(slot)) replace(slot, `worker exited with code ${code}`);
      });
    };

    const onAbort = () => {
      run.cancelled = true;
      finish();
    };
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < jobs; i++) spawn();
  });
}
