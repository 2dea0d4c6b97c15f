/**
 * Scans many files in parallel on worker threads, one Engine per worker. Results stream out through callbacks
 * as each file finishes. Cancelling (AbortSignal) terminates the workers at once. A worker that crashes or hangs
 * is replaced; its file is listed as failed and the scan goes on.
 *
 * Cross-file taint runs in two passes: pass 1 asks the workers for the export summaries of every JS/TS/Python
 * file that another file imports (found from the text by `importedFiles`, while the workers start) and of every
 * Java and Go file (their calls name classes and packages, which need no import in the same package), as a parse
 * + summarise per file in parallel, each for the rules a flow can start for in a file that may read it (pass 0 asks the
 * workers that of those files first); then up to two more rounds summarise again, with the summaries so far, the
 * files calling a function whose summary changed (a service calling a repository); once all are in, every worker
 * gets them all and builds its ExportIndex, and pass 2 scans as usual, so a call passing user input to a function
 * imported from another file is reported.
 *
 * Starting a worker is most of a short scan's cost, so it is kept small and done rarely: the rule files are read and
 * parsed once, in this thread, and handed to every worker as data (`builtinRulesSnapshot`); a worker builds only the
 * packs the scan runs and loads only the grammars of the files it is given; and a `ScanPool` keeps its workers for
 * several runs (`vigil score --history` scans the working tree, then the history, on the same workers).
 */
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtinRulesSnapshot, type AnalyzerOptions, type RuleLoadError } from '../analyzers';
import { collectTemplateFacts, type WorkspaceTemplateFacts } from '../templates/template-index';
import { collectExposureFacts, type ExposureFacts } from '../iac/exposure';
import { relocateCrossFileFindings } from './cross-file-findings';
import { CROSS_FILE_LANGUAGES, grammarFor, languageIdForPath, languageRecord, type GrammarId } from '../languages';
import type { AnalysisSettings, Finding, SkipNotice } from '../types';
import type { GitObjectFormat } from './blob-id';
import type { ScanFile, SkippedFile } from './file-walker';
import type { ExportSummary, RequestArgument } from '../taint/taint-analyzer';
import type { RouteRegistration } from '../taint/lang/language';
import { importedFiles, moduleResolver, type ImportedFile } from './import-graph';
import type { RulesMessage, RunMessage, ScanJob, ScanWorkerData, StartsJob, SummarizeJob, WorkerMessage, WorkerStartStats } from './scan-protocol';
import { redactErrorMessage } from '../redact';

/**
 * What pass 0 says of a file's functions, for its pass-1 and pass-2 jobs: the requests other files' calls pass them
 * (function, parameter index, alias), the calling files by function, and the URL parameters other files' routes
 * convert for its views (view, parameter).
 */
interface IncomingJobFacts {
  params: [string, number, string][];
  callers: [string, string][];
  converted?: [string, string][];
}

export interface ScanPoolOptions {
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  analyzerOptions?: AnalyzerOptions;
  /** See `ScanWorkerData.analyzerModule`. */
  analyzerModule?: string;
  grammarDir?: string;
  /**
   * A file taking longer than this is abandoned, its worker replaced, and the file listed as failed. A guard
   * against faults (a hung worker), not what bounds the analysis: the work budgets do that, and a file at the
   * taint budget takes about 30 s on the bench machine (each pass), so 300 s leaves room for a loaded one.
   */
  fileTimeoutMs?: number;
  /** The worker script; default: `scan-worker.js` (bundles) or `scan-worker.ts` (under tsx) beside this module. */
  workerPath?: string;
  /** Run pass 1 (export summaries) so taint follows calls into other files; default true. */
  crossFile?: boolean;
  /**
   * Read the files' exposure facts (Services, Ingresses, security groups) for the config pack; default true.
   * False when the files are not one workspace (file versions from many commits).
   */
  workspaceExposure?: boolean;
  /** Give each result the git blob id of the bytes scanned (`FileScanResult.blob`), in this object format. */
  blobIds?: GitObjectFormat;
  /**
   * Work (`scanWork`) each started worker must have ahead of it; default `WORK_PER_WORKER`. 0: start `jobs` workers
   * whatever the work (tests that need several workers on a few small files).
   */
  workPerWorker?: number;
}

export interface FileScanResult {
  file: ScanFile;
  findings: Finding[];
  /** Partial-analysis notices (e.g. an analyzer failed on this file). */
  notices: SkipNotice[];
  /**
   * The findings are what scanning this file by itself gives: no other file's export summaries (cross-file
   * taint) or exposure facts changed them. Such a result stands for the same bytes at the same path anywhere.
   */
  alone: boolean;
  /** With `blobIds`: the git blob id of the bytes scanned. */
  blob?: string;
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
  /**
   * Results whose findings changed after `onResult` gave them: a flow into another file's function is moved to its
   * sink's file once every file is done (see `relocateCrossFileFindings`). A host that shows results as they come
   * holds back what `sinkFileElsewhere` names, then shows these again.
   */
  relocated?: FileScanResult[];
  /** Pass 1 (cross-file export summaries): files summarised, exported functions that matter to some rule, wall time. */
  crossFile?: { files: number; exports: number; durationMs: number };
  /**
   * What each worker that became ready during this run did to start (a worker kept from an earlier run of the pool
   * is not here, nor one still starting when the run ended).
   */
  workerStarts: WorkerStartStats[];
}

export type { WorkerStartStats };

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

/** A worker thread of a pool, across runs. */
interface PooledWorker {
  worker: Worker;
  /** Its `ready` answer, once it came. */
  ready?: { ruleErrors: RuleLoadError[]; crossFile: boolean };
  /** The run it was last given a `RunMessage` for. */
  run?: number;
  /** What its run does when it crashes or exits (nothing while it is idle: it just leaves the pool). */
  onFailure?: (why: string) => void;
  /** Its run's listener of its messages. */
  listener?: (m: WorkerMessage) => void;
}

interface Slot {
  pooled: PooledWorker;
  worker: Worker;
  ready: boolean;
  /** The version of the export summaries last sent (`summariesVersion`); 0: none. */
  indexVersion: number;
  /**
   * Jobs sent and not answered, in the order the worker takes them; only the first is running (and timed). Pass 2
   * keeps `PIPELINE` in flight so a worker never waits for this thread between two files.
   */
  jobs: { index: number; pass: 0 | 1 | 2; timer?: NodeJS.Timeout }[];
}

/**
 * A worker is started per this much work (`scanWork`: bytes the taint pack analyses, other bytes at `LIGHT_WORK`),
 * up to `jobs`. A worker's start costs 0.4-0.5 s of CPU (its code, grammars and packs loaded, and its JIT warmed again
 * on the first files), about what the taint pack spends on 500 KB of JavaScript or Python; with less work than this
 * per worker an added one costs more than it takes over. So a small workspace, or a secrets-only scan of a large
 * one, runs on fewer workers than cores: the same findings (each file is scanned alone on whichever worker takes
 * it), less CPU, and on the bench's 2-core machine less wall time too (docs/perf-notes-scan.md, session 18).
 */
export const WORK_PER_WORKER = 1_000_000;

/**
 * The secrets, config and dependencies packs' CPU per byte against the taint pack's: on the bench corpus the secrets
 * pack scans 9.8 MB in ~0.4 s warm, the taint pack 3.6 MB of JavaScript in ~3.4 s, about 1/24; rounded up.
 */
const LIGHT_WORK = 1 / 20;

/** A file's size as listed, else its content's, else read from disk (0 when unreadable: the worker reports it). */
function sizeOf(f: ScanFile): number {
  if (f.size !== undefined) return f.size;
  if (f.content) return f.content.length;
  try {
    return statSync(f.path).size;
  } catch {
    return 0;
  }
}

/** The analysis work of `files` in taint bytes: a taint-language file's bytes when the taint pack runs, others' at `LIGHT_WORK`. */
export function scanWork(files: readonly ScanFile[], settings: AnalysisSettings): number {
  let work = 0;
  for (const f of files) {
    const taint = settings.packs.taint && languageRecord(languageIdForPath(f.path))?.taint !== undefined;
    work += sizeOf(f) * (taint ? 1 : LIGHT_WORK);
  }
  return work;
}

/** Pass-2 jobs in flight per worker: the next file is already there when one ends. */
const PIPELINE = 2;

/**
 * Rounds of pass 1: the first summarises every imported file alone; each later one summarises again, with the
 * summaries so far, the imported files that import a file whose summaries changed. Three rounds follow a flow
 * through four files (route -> controller -> service -> repository) and bound the cost of deeper chains.
 */
const SUMMARY_ROUNDS = 3;

/** Files a later round of pass 1 summarises at most (an application's layers fit; a library's hundreds of modules are cut). */
const ROUND_FILES = 64;

/** What a run of a pool takes besides its files and settings. */
export type ScanRunOptions = Pick<ScanPoolOptions, 'crossFile' | 'workspaceExposure' | 'blobIds'> & ScanCallbacks & { signal?: AbortSignal };

/** The grammars a run needs: its files' (a document without its grammar has no tree), and HCL for config reads. */
function grammarsFor(files: readonly ScanFile[], settings: AnalysisSettings): GrammarId[] {
  const ids = new Set<GrammarId>();
  for (const f of files) {
    const g = grammarFor(languageIdForPath(f.path), f.path);
    if (g) ids.add(g);
  }
  // The config pack reads Terraform it finds by content with the HCL grammar, whatever the file's language.
  if (settings.packs.config) ids.add('terraform');
  return [...ids];
}

/**
 * Worker threads that scan files, kept between runs: `scan` runs one scan at a time on them (starting workers
 * as needed, up to `jobs`), and `close` ends them. Idle workers do not keep the process alive.
 */
export class ScanPool {
  private readonly idle: PooledWorker[] = [];
  private readonly source: { script: string; eval: boolean };
  private runs = 0;
  private running = false;
  private closed = false;
  /** The built-in rules, read once in this thread for every worker (none with a test's analyzer module). */
  private builtinRules: ScanWorkerData['builtinRules'];

  constructor(private readonly options: ScanPoolOptions = {}) {
    this.source = workerSource(options.workerPath ?? defaultWorkerPath());
  }

  /** Workers alive and idle (between runs), started or still starting. */
  get idleWorkers(): number {
    return this.idle.length;
  }

  /** Workers this pool has started, over all its runs (crashed ones replaced included). */
  workersStarted = 0;

  /** Runs (`scan` calls with files) this pool has served. */
  get runCount(): number {
    return this.runs;
  }

  /**
   * Starts the pool's workers now, before the first `scan` needs them, and hands them the built-in rules: a host with
   * other work to do first (the CLI builds its own packs and lists the files) does it while they start. They load
   * their grammars when a run names them; a run needing more starts the rest as usual. Does nothing once the pool
   * has workers.
   */
  prestart(count = this.options.jobs ?? defaultJobs()): void {
    if (this.closed || this.workersStarted > 0) return;
    const n = Math.max(1, Math.min(count, this.options.jobs ?? defaultJobs()));
    const spawned = Array.from({ length: n }, () => this.spawn([]));
    for (const pooled of spawned) {
      pooled.worker.unref();
      this.idle.push(pooled);
    }
    this.sendRules(spawned);
  }

  /** Ends every worker. The pool cannot run again. */
  close(): void {
    this.closed = true;
    for (const p of this.idle.splice(0)) void p.worker.terminate();
  }

  /** Scans `files` with `settings` on the pool's workers. Resolves when every file is done or the signal aborts. */
  scan(files: ScanFile[], settings: AnalysisSettings, options: ScanRunOptions = {}): Promise<ScanRun> {
    if (this.closed) return Promise.reject(new Error('the scan pool is closed'));
    if (this.running) return Promise.reject(new Error('the scan pool is already running a scan'));
    const started = Date.now();
    const run: ScanRun = { results: [], skipped: [], failed: [], ruleErrors: [], cancelled: false, durationMs: 0, workerStarts: [] };
    const total = files.length;
    if (total === 0) return Promise.resolve(run);
    this.running = true;
    const runId = ++this.runs;
    // Idle workers are used whatever the work (they have started); new ones only as the work pays for them. A test's
    // analyzer module has costs of its own: as many workers as jobs.
    const perWorker = this.options.analyzerModule ? 0 : (this.options.workPerWorker ?? WORK_PER_WORKER);
    const byWork = perWorker > 0 ? Math.max(this.idle.length, Math.ceil(scanWork(files, settings) / perWorker)) : Infinity;
    const jobs = Math.max(1, Math.min(this.options.jobs ?? defaultJobs(), total, byWork));
    const grammars = grammarsFor(files, settings);
    let configExposure: ExposureFacts | undefined;
    // A workload's exposure is often declared in another file (its Service, Ingress or security group): read those
    // first, asynchronously, so a host's event loop (the language server's) keeps serving meanwhile.
    const exposureRead = settings.packs.config && options.workspaceExposure !== false ? collectExposureFacts(files, settings.maxFileSize).then((f) => void (configExposure = f)) : Promise.resolve();
    // Templates are read here too (the engine reads no file): a render call's sinks are what its template prints raw.
    let templates: WorkspaceTemplateFacts | undefined;
    const templatesRead = settings.packs.taint && options.crossFile !== false ? collectTemplateFacts(files, settings.maxFileSize).then((t) => void (templates = t.facts.length > 0 ? t : undefined)) : Promise.resolve();
    const exposure = Promise.all([exposureRead, templatesRead]);
    const timeoutMs = this.options.fileTimeoutMs ?? 300_000;

    // Pass 1 worklist: indices into `files`. Emptied on the first `ready` if the workers cannot summarise.
    let pass1 = options.crossFile === false || !settings.packs.taint ? [] : files.flatMap((f, i) => (CROSS_FILE_LANGUAGES.has(languageIdForPath(f.path)) ? [i] : []));
    let summaries: ExportSummary[] = [];
    let pass1Started = 0;
    /** Pass 1's round (see `SUMMARY_ROUNDS`), the files the first summarised, and those whose summaries the current round changed. */
    let summaryRound = 1;
    let summarisedFiles: number[] = [];
    const changedInRound = new Set<string>();
    /** Bumped whenever `summaries` changes, so each worker is sent them again before it next needs them. */
    let summariesVersion = 0;

    const scanned = exposure.then(() => new Promise<ScanRun>((resolve) => {
      let phase: 1 | 2 = 1;
      /** Pass 1 waits for the import graph, which narrows it to the files something imports. */
      let graphReady = pass1.length === 0;
      /**
       * Per imported file, the names its importers call or construct and the files that may read its summaries
       * (undefined: every class's methods and every rule are summarised).
       */
      let calledBy: Map<string, ImportedFile> | undefined;
      let pass1Next = 0;
      let pass1Done = 0;
      /**
       * Pass 0 worklist (indices into `files`): the files that may read a summary, whose `starts` answers (the rules a
       * flow can start for in each: null for every rule) narrow pass 1 to those rules. None at audit strictness,
       * where a flow may start in any file for every rule (exported functions' parameters).
       */
      let pass0: number[] = [];
      let pass0Next = 0;
      let pass0Done = 0;
      const startsOf = new Map<string, string[] | null>();
      /** Pass 0's calls passing a request to another file's function, by the index of the calling file. */
      const requestArgsOf = new Map<number, RequestArgument[]>();
      /** Pass 0's routes for other files' views, by the index of the declaring file. */
      const routesOf = new Map<number, RouteRegistration[]>();
      /**
       * Per file, what pass 0 says of its functions (`IncomingJobFacts`): what those calls pass them
       * (`SummarizeJob.requestParams`) and, per function, the files they are in (sorted), and the URL parameters the
       * routes convert for its views (`convertedParams`); made once pass 0 has ended.
       */
      let requestParamsOf: Map<string, IncomingJobFacts> | undefined;
      const requestParamsFor = (path: string): IncomingJobFacts | undefined => {
        if (!requestParamsOf) {
          requestParamsOf = new Map();
          const resolve = moduleResolver(files.flatMap((f) => (CROSS_FILE_LANGUAGES.has(languageIdForPath(f.path)) ? [f.path] : [])));
          // One alias per parameter whatever order pass 0 answered in: the least by name.
          const chosen = new Map<string, { params: Map<string, [string, number, string]>; callers: Set<string> }>();
          // A barrel's name is one of the files it re-exports (each ignores a name it does not define), through
          // chains of them.
          const through = (first: string): string[] => {
            const out = [first];
            for (let k = 0; k < out.length && out.length < 64; k++) for (const t of calledBy?.get(out[k]!)?.reexports ?? []) if (!out.includes(t)) out.push(t);
            return out;
          };
          for (const [i, args] of requestArgsOf) {
            for (const a of args) {
              const resolved = resolve(files[i]!.path, a.module);
              for (const target of resolved ? through(resolved) : []) {
                if (target === files[i]!.path) continue;
                let m = chosen.get(target);
                if (!m) chosen.set(target, (m = { params: new Map(), callers: new Set() }));
                m.callers.add(`${a.name}\u0000${files[i]!.path}`);
                const key = `${a.name}\u0000${a.index}`;
                const had = m.params.get(key);
                if (!had || a.alias < had[2]) m.params.set(key, [a.name, a.index, a.alias]);
              }
            }
          }
          const order = (a: [string, number, string], b: [string, number, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
          for (const [target, m] of chosen) requestParamsOf.set(target, { params: [...m.params.values()].sort(order), callers: [...m.callers].sort().map((c) => c.split('\u0000') as [string, string]) });
          // A view's URL parameter is converted when some route converts it and none leaves it text.
          const views = new Map<string, Map<string, { safe: boolean; plain: boolean }>>();
          for (const [i, routes] of routesOf) {
            for (const r of routes) {
              const target = resolve(files[i]!.path, r.module);
              if (!target) continue;
              let byView = views.get(target);
              if (!byView) views.set(target, (byView = new Map()));
              for (const [param, safe] of [...r.safe.map((p) => [p, true] as const), ...r.plain.map((p) => [p, false] as const)]) {
                const key = `${r.name}\u0000${param}`;
                const seen = byView.get(key) ?? { safe: false, plain: false };
                byView.set(key, safe ? { ...seen, safe: true } : { ...seen, plain: true });
              }
            }
          }
          for (const [target, byView] of views) {
            const converted = [...byView].flatMap(([key, v]) => (v.safe && !v.plain ? [key.split('\u0000') as [string, string]] : [])).sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
            if (converted.length) requestParamsOf.set(target, { ...(requestParamsOf.get(target) ?? { params: [], callers: [] }), converted });
          }
        }
        return requestParamsOf.get(path);
      };
      /**
       * The rules pass 1 summarises for an imported file: the union over its readers, and over their readers where
       * other files import them too (a service between a controller and a repository passes the controller's flows
       * on); undefined: every rule.
       */
      const rulesFor = (path: string, seen = new Set<string>()): string[] | undefined => {
        const readers = calledBy?.get(path)?.readers;
        if (!readers || pass0.length === 0) return undefined;
        seen.add(path);
        const out = new Set<string>();
        for (const r of readers) {
          const own = startsOf.get(r);
          if (!own) return undefined;
          for (const id of own) out.add(id);
          if (seen.has(r) || !calledBy?.has(r)) continue;
          const up = rulesFor(r, seen);
          if (!up) return undefined;
          for (const id of up) out.add(id);
        }
        return [...out];
      };
      /** Files that broke a worker in pass 0 or 1: already listed as failed, not summarised or scanned again. */
      const brokeInPass1 = new Set<number>();
      // Files whose export summaries failed (the worker answered with an error): pass 2 reports it with the file.
      const summaryFailed = new Map<number, string>();
      let next = 0;
      /** Files sent to a worker that broke before it took them: scanned again first. */
      const retry: number[] = [];
      /** The next file for pass 2, if any is left. */
      const takeNext = (): number | undefined => {
        if (retry.length > 0) return retry.shift();
        while (next < total && brokeInPass1.has(next)) next++;
        return next < total ? next++ : undefined;
      };
      const workLeft = () => retry.length > 0 || next < total;
      let done = 0;
      let finished = false;
      let gotRuleErrors = false;
      let initFailures = 0;
      const slots = new Set<Slot>();

      /** Leaves this run: the worker no longer answers to it. */
      const detach = (slot: Slot) => {
        slots.delete(slot);
        if (slot.pooled.listener) slot.worker.off('message', slot.pooled.listener);
        slot.pooled.listener = undefined;
        slot.pooled.onFailure = undefined;
      };

      /** Back to the pool, idle (a worker still starting goes on starting), for a later run; ended if the pool closed. */
      const release = (slot: Slot) => {
        detach(slot);
        if (this.closed) {
          void slot.worker.terminate();
          return;
        }
        slot.worker.unref();
        this.idle.push(slot.pooled);
      };

      const finish = () => {
        if (finished) return;
        finished = true;
        options.signal?.removeEventListener('abort', onAbort);
        for (const slot of [...slots]) {
          for (const job of slot.jobs) if (job.timer) clearTimeout(job.timer);
          // A worker still busy (the scan was cancelled) is ended: its answer would arrive in another run.
          if (slot.jobs.length > 0) {
            detach(slot);
            void slot.worker.terminate();
          } else release(slot);
        }
        slots.clear();
        if (options.crossFile !== false && settings.packs.taint) {
          const changed = relocateCrossFileFindings(run.results, settings);
          if (changed.size > 0) run.relocated = run.results.filter((r) => changed.has(r));
        }
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

      /**
       * Pass 1 is over when every summary is in (or its worker failed): the files importing a summarised file whose
       * summaries changed are summarised again with the index (up to `SUMMARY_ROUNDS` rounds), then pass 2 starts
       * on every idle worker.
       */
      const endPass1IfDone = () => {
        if (phase !== 1 || (!graphReady && pass1.length > 0) || pass1Done < pass1.length) return;
        if (summaryRound === 1) {
          summarisedFiles = pass1;
          if (summaries.length > 0) summariesVersion++;
        }
        const again = summaryRound < SUMMARY_ROUNDS ? nextRound() : [];
        if (again.length > 0) {
          summaryRound++;
          pass1 = again;
          pass1Next = 0;
          pass1Done = 0;
          changedInRound.clear();
          for (const slot of [...slots]) dispatch(slot);
          return;
        }
        phase = 2;
        if (pass1Started) run.crossFile = { files: summaryRound > 1 ? summarisedFiles.length : pass1.length, exports: summaries.length, durationMs: Date.now() - pass1Started };
        for (const slot of [...slots]) dispatch(slot);
      };

      /** The first worker to be ready tells what every worker loaded (they are built alike). */
      const onReady = (info: { ruleErrors: RuleLoadError[]; crossFile: boolean }) => {
        if (gotRuleErrors) return;
        gotRuleErrors = true;
        run.ruleErrors = info.ruleErrors;
        if (!info.crossFile) {
          pass1 = [];
          pass0 = [];
        }
        else if (pass1.length > 0) pass1Started = Date.now();
        endPass1IfDone();
      };

      const post = (slot: Slot, m: RunMessage | ScanJob | SummarizeJob | StartsJob | { type: 'export-index'; summaries: ExportSummary[] }) => {
        if (slot.pooled.run !== runId) {
          slot.pooled.run = runId;
          slot.worker.postMessage({ type: 'run', grammars, ...(configExposure ? { configExposure } : {}), ...(templates ? { templates: templates.facts, ...(templates.folders.length > 0 ? { templateFolders: templates.folders } : {}) } : {}) } satisfies RunMessage);
        }
        slot.worker.postMessage(m);
      };

      const dispatch = (slot: Slot) => {
        // A slot already released or replaced (a stale reference, e.g. after pass 1 ended) takes nothing more.
        if (finished || !slot.ready || !slots.has(slot)) return;
        if (phase === 1) {
          if (slot.jobs.length > 0) return;
          if (!graphReady) return; // wait for the import graph
          if (pass0Next < pass0.length) {
            const index = pass0[pass0Next++]!;
            const file = files[index]!;
            start(slot, index, 0);
            post(slot, { type: 'starts', id: index, path: file.path, languageId: languageIdForPath(file.path), maxFileSize: settings.maxFileSize, content: file.content } satisfies StartsJob);
            return;
          }
          if (pass0Done < pass0.length) return; // wait for the others' answers
          // A file that broke a worker in pass 0 has no summaries (which may end pass 1: then this slot is dispatched).
          while (pass1Next < pass1.length && brokeInPass1.has(pass1[pass1Next]!)) {
            summarized(pass1[pass1Next++]!, undefined);
          }
          if (phase !== 1 || pass1Next >= pass1.length) return; // wait for the others' summaries
          const index = pass1[pass1Next++]!;
          const file = files[index]!;
          const graph = calledBy?.get(file.path);
          const rules = rulesFor(file.path);
          const incoming = requestParamsFor(file.path);
          const job: SummarizeJob = { type: 'summarize', id: index, path: file.path, languageId: languageIdForPath(file.path), maxFileSize: settings.maxFileSize, content: file.content, ...(graph ? { called: [...graph.called] } : {}), ...(rules ? { rules } : {}), ...(incoming?.params.length ? { requestParams: incoming.params } : {}), ...(incoming?.converted ? { convertedParams: incoming.converted } : {}), ...(summaryRound > 1 ? { withIndex: true } : {}) };
          if (summaryRound > 1) sendIndex(slot);
          start(slot, index, 1);
          post(slot, job);
          return;
        }
        sendIndex(slot);
        while (slot.jobs.length < PIPELINE) {
          const index = takeNext();
          if (index === undefined) {
            // Nothing left for this worker in this run: back to the pool (or ended with it) once it has answered.
            if (slot.jobs.length === 0) release(slot);
            return;
          }
          send(slot, index);
        }
      };

      /** Sends pass 2's job for `files[index]`. */
      const send = (slot: Slot, index: number) => {
        const file = files[index]!;
        const incoming = requestArgsOf.size || routesOf.size ? requestParamsFor(file.path) : undefined;
        const job: ScanJob = {
          type: 'scan',
          id: index,
          path: file.path,
          languageId: languageIdForPath(file.path),
          root: file.root,
          settings,
          content: file.content,
          ...(options.blobIds ? { blobId: options.blobIds } : {}),
          ...(incoming?.params.length ? { requestParams: incoming.params, requestCallers: incoming.callers.map(([fn, p]): [string, string] => [fn, relative(file.root, p).split(sep).join('/')]) } : {}),
          ...(incoming?.converted ? { convertedParams: incoming.converted } : {}),
        };
        start(slot, index, 2);
        post(slot, job);
      };

      /** Queues a job on the slot; the first in its queue is the one running, so it is the one timed. */
      const start = (slot: Slot, index: number, pass: 0 | 1 | 2) => {
        slot.jobs.push({ index, pass });
        if (slot.jobs.length === 1) time(slot);
      };

      const time = (slot: Slot) => {
        const running = slot.jobs[0];
        if (!running) return;
        running.timer = setTimeout(() => {
          replace(slot, `timed out after ${Math.round(timeoutMs / 1000)} s`);
        }, timeoutMs);
      };

      /** A pass-0 job ended (null: every rule, also when it failed): once all have, pass 1 starts on every idle worker. */
      const started0 = (index: number, rules: string[] | null, requestArgs?: RequestArgument[], routes?: RouteRegistration[]) => {
        startsOf.set(files[index]!.path, rules);
        if (requestArgs?.length) requestArgsOf.set(index, requestArgs);
        if (routes?.length) routesOf.set(index, routes);
        pass0Done++;
        if (pass0Done === pass0.length) for (const slot of [...slots]) dispatch(slot);
      };

      /**
       * A pass-1 job ended, with summaries or not (undefined: it failed). In a later round a file's new summaries
       * replace its earlier ones (a failure keeps them).
       */
      const summarized = (index: number, found: ExportSummary[] | undefined) => {
        // A function with no effect for any rule is kept too: a call to it is the workspace's own code, which no
        // library sink pattern matches by its names (`UnitEnv.callsWorkspace`).
        if (summaryRound === 1) summaries.push(...(found ?? []));
        else if (found) {
          const path = files[index]!.path;
          const before = summaries.filter((e) => e.path === path);
          if (JSON.stringify(before) !== JSON.stringify(found)) {
            summaries = [...summaries.filter((e) => e.path !== path), ...found];
            summariesVersion++;
            changedInRound.add(path);
          }
        }
        pass1Done++;
        endPass1IfDone();
      };

      /**
       * The next round's files: those pass 1 summarised that import a file whose summaries the last round gave (with
       * an effect for some rule) or changed, and call one of those functions or methods by name.
       */
      const nextRound = (): number[] => {
        if (!calledBy) return [];
        // The files whose summaries the last round gave (the first round: all) or changed, each with the names of its
        // functions and methods that have an effect for some rule, in one pass over the summaries.
        const named = new Map<string, Set<string>>();
        for (const e of summaries) {
          // A schema's typed fields, a record class's fields and a re-export change what importers' summaries say too.
          const effect = Object.keys(e.rules).length > 0 || !!e.typedFields || !!e.recordFields || e.reexport !== undefined;
          if (!effect || (summaryRound > 1 && !changedInRound.has(e.path))) continue;
          let names = named.get(e.path);
          if (!names) named.set(e.path, (names = new Set()));
          // A table's entry is called through the table (`STEP_HANDLERS[k](x)`: see `calledNames`).
          names.add(e.table?.name ?? e.name.slice(e.name.lastIndexOf('.') + 1));
        }
        const callers = new Set<string>();
        // Per language calling without imports (Java, Go), its summarised files with the names each calls.
        let unimported: Map<string, [string, ReadonlySet<string>][]> | undefined;
        for (const [p, names] of named) {
          const entry = calledBy.get(p);
          for (const [importer, calls] of entry?.importers ?? []) if ([...names].some((n) => calls.has(n))) callers.add(importer);
          // A file of such a language: every file of its language naming the function.
          if (entry?.calls === undefined) continue;
          if (!unimported) {
            unimported = new Map();
            for (const i of summarisedFiles) {
              const path = files[i]!.path;
              const calls = calledBy.get(path)?.calls;
              if (!calls) continue;
              const language = languageIdForPath(path);
              let list = unimported.get(language);
              if (!list) unimported.set(language, (list = []));
              list.push([path, calls]);
            }
          }
          for (const [path, calls] of unimported.get(languageIdForPath(p)) ?? []) if (path !== p && [...names].some((n) => calls.has(n))) callers.add(path);
        }
        // At most ROUND_FILES, in the scan's order: the same answer on any machine, and a library of hundreds of
        // modules (whose summaries feed each other everywhere) costs a bounded part of a round more.
        return summarisedFiles.filter((i) => callers.has(files[i]!.path)).slice(0, ROUND_FILES);
      };

      /** Sends the worker the summaries it has not seen yet. */
      const sendIndex = (slot: Slot) => {
        if (slot.indexVersion === summariesVersion || summaries.length === 0) return;
        slot.indexVersion = summariesVersion;
        post(slot, { type: 'export-index', summaries });
      };

      /** Drops a broken worker; its file fails; a new worker takes over if work remains. */
      const replace = (slot: Slot, why: string) => {
        if (finished || !slots.has(slot)) return;
        detach(slot);
        const [job, ...waiting] = slot.jobs;
        for (const j of slot.jobs) if (j.timer) clearTimeout(j.timer);
        slot.jobs = [];
        // The files queued behind the one that broke it were never started: another worker scans them.
        retry.unshift(...waiting.map((j) => j.index));
        void slot.worker.terminate();
        if (!slot.ready) initFailures++;
        if (job && job.pass !== 2) brokeInPass1.add(job.index);
        const during = job?.pass === 1 ? ' (while summarising exports)' : job?.pass === 0 ? ' (while finding where taint flows start)' : '';
        if (job) fail(job.index, `scan worker failed: ${why}${during}`);
        if (finished) return;
        if (initFailures >= 3) {
          // Workers cannot start at all: fail the rest rather than retry forever.
          phase = 2;
          for (let index = takeNext(); index !== undefined && !finished; index = takeNext()) fail(index, `scan worker could not start: ${why}`);
          if (!finished && slots.size === 0) finish();
          return;
        }
        if (workLeft()) {
          const pooled = this.spawn(grammars);
          attach(pooled);
          this.sendRules([pooled]);
        }
        else if (slots.size === 0) finish();
        if (job?.pass === 1) summarized(job.index, undefined);
        if (job?.pass === 0) started0(job.index, null);
      };

      /** Takes a worker (new, or idle from an earlier run) into this run. */
      const attach = (pooled: PooledWorker) => {
        const slot: Slot = { pooled, worker: pooled.worker, ready: pooled.ready !== undefined, indexVersion: 0, jobs: [] };
        slots.add(slot);
        slot.worker.ref();
        pooled.listener = (m: WorkerMessage) => {
          if (finished) return;
          switch (m.type) {
            case 'ready':
              run.workerStarts.push(m.stats);
              slot.ready = true;
              initFailures = 0;
              onReady({ ruleErrors: m.ruleErrors, crossFile: m.crossFile });
              dispatch(slot);
              return;
            case 'init-failed':
              replace(slot, m.message);
              return;
            default:
              break;
          }
          const answered = slot.jobs[0];
          if (!answered || answered.index !== m.id) return;
          if (answered.timer) clearTimeout(answered.timer);
          slot.jobs.shift();
          time(slot);
          const pass = answered.pass;
          if (pass === 0) {
            started0(m.id, m.type === 'starts' ? m.rules : null, m.type === 'starts' ? m.requestArgs : undefined, m.type === 'starts' ? m.routes : undefined);
            dispatch(slot);
            return;
          }
          if (pass === 1) {
            // An analyzer error while summarising only costs that file's summaries; pass 2 reports it.
            if (m.type === 'error' && !summaryFailed.has(m.id)) summaryFailed.set(m.id, m.message);
            summarized(m.id, m.type === 'summaries' ? m.summaries : undefined);
            dispatch(slot);
            return;
          }
          const file = files[m.id]!;
          if (m.type === 'result') {
            const failed = summaryFailed.get(m.id);
            // Its own findings stand; what other files' calls into it would carry is what the failure cost.
            const notices = failed === undefined ? m.notices : [...m.notices, { reason: 'analyzer-error' as const, message: `The cross-file summary of this file failed, so calls into it from other files were analysed without it: ${failed}` }];
            const result: FileScanResult = { file, findings: m.findings, notices, alone: m.alone, ...(m.blob ? { blob: m.blob } : {}) };
            run.results.push(result);
            options.onResult?.(result);
            complete();
          } else if (m.type === 'skipped') {
            const skipped: SkippedFile = { path: file.path, reason: m.reason, message: m.message };
            run.skipped.push(skipped);
            options.onSkipped?.(skipped);
            complete();
          } else {
            fail(m.id, m.type === 'error' ? m.message : 'scan worker answered out of turn');
          }
          dispatch(slot);
        };
        slot.worker.on('message', pooled.listener);
        pooled.onFailure = (why) => replace(slot, why);
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
      const reused = this.idle.splice(0, jobs);
      for (const pooled of reused) attach(pooled);
      const spawned: PooledWorker[] = [];
      for (let i = reused.length; i < jobs; i++) spawned.push(this.spawn(grammars));
      for (const pooled of spawned) attach(pooled);
      this.sendRules(spawned);
      const known = reused.find((p) => p.ready);
      if (known?.ready) onReady(known.ready);
      if (!graphReady) {
        const pass1Files = pass1;
        const graphFiles = pass1.map((i) => ({ path: files[i]!.path, languageId: languageIdForPath(files[i]!.path), content: files[i]!.content }));
        const graphDone = (imported: Map<string, ImportedFile> | undefined) => {
          if (finished || phase !== 1 || graphReady) return;
          if (imported) pass1 = pass1.filter((i) => imported.has(files[i]!.path));
          calledBy = imported;
          // At audit strictness a flow may start in any file for every rule: no pass 0, every rule summarised.
          if (imported && settings.strictness !== 'audit') {
            const readers = new Set(pass1.flatMap((i) => imported.get(files[i]!.path)?.readers ?? []));
            pass0 = pass1Files.flatMap((i) => (readers.has(files[i]!.path) ? [i] : []));
          }
          graphReady = true;
          endPass1IfDone();
          for (const slot of [...slots]) dispatch(slot);
        };
        importedFiles(graphFiles, options.signal).then(graphDone, () => graphDone(undefined));
      }
      for (const slot of [...slots]) dispatch(slot);
    }));
    return scanned.finally(() => {
      this.running = false;
    });
  }

  /**
   * Reads the built-in rules once (after the first workers started, so they load their code meanwhile) and sends
   * them to `workers`, which wait for them (`rulesFollow`).
   */
  private sendRules(workers: readonly PooledWorker[]): void {
    if (this.options.analyzerModule || workers.length === 0) return;
    if (!this.builtinRules) {
      try {
        this.builtinRules = builtinRulesSnapshot(this.options.analyzerOptions);
      } catch {
        this.builtinRules = {}; // no rules folder: each worker reports it as it loads its packs
      }
    }
    for (const w of workers) w.worker.postMessage({ type: 'rules', builtinRules: this.builtinRules } satisfies RulesMessage);
  }

  /** Starts a worker loading `grammars`; it waits for the built-in rules (`sendRules`) unless a test module gives its analyzers. */
  private spawn(grammars: GrammarId[]): PooledWorker {
    this.workersStarted++;
    const data: ScanWorkerData = {
      analyzerOptions: this.options.analyzerOptions ?? {},
      analyzerModule: this.options.analyzerModule,
      grammarDir: this.options.grammarDir,
      grammars,
      ...(this.options.analyzerModule ? {} : { rulesFollow: true }),
    };
    const pooled: PooledWorker = { worker: new Worker(this.source.script, { workerData: data, eval: this.source.eval }) };
    // Heard whichever run the worker is in, or none: a worker may finish starting while idle.
    pooled.worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') pooled.ready = { ruleErrors: m.ruleErrors, crossFile: m.crossFile };
      else if (m.type === 'init-failed' && this.idle.includes(pooled)) {
        this.idle.splice(this.idle.indexOf(pooled), 1);
        void pooled.worker.terminate();
      }
    });
    // Always listened to (an unheard 'error' would throw); the run the worker is in decides what a failure costs.
    const failed = (why: string) => {
      const i = this.idle.indexOf(pooled);
      if (i >= 0) this.idle.splice(i, 1);
      pooled.onFailure?.(why);
    };
    pooled.worker.on('error', (e) => failed(redactErrorMessage(e)));
    pooled.worker.on('exit', (code) => failed(`worker exited with code ${code}`));
    return pooled;
  }
}

/** Scans `files` with `settings` on a pool of its own. Resolves when every file is done or the signal aborts. */
export async function scanFiles(
  files: ScanFile[],
  settings: AnalysisSettings,
  options: ScanPoolOptions & ScanCallbacks & { signal?: AbortSignal; pool?: ScanPool } = {},
): Promise<ScanRun> {
  // Workers the caller keeps for a later scan (`score --history`) are used and left running.
  if (options.pool) return options.pool.scan(files, settings, options);
  const pool = new ScanPool(options);
  try {
    return await pool.scan(files, settings, options);
  } finally {
    pool.close();
  }
}
