/**
 * What a scan worker does with the pool's messages, apart from its thread (`scan-worker.ts` runs it on one; files are
 * never scanned in the pool's own thread, see docs/perf-notes-scan.md). It builds its own Engine with the same
 * analyzers as every other host and scans the files the pool sends it, one at a time.
 */
import { readFileSync } from 'node:fs';
import type { Analyzer } from '../analyzer';
import { createAnalyzers, type AnalyzerSetup } from '../analyzers';
import { Engine } from '../engine';
import type { SourceDocument } from '../document';
import { languageIdForPath } from '../languages';
import { buildExportIndex, type ExportIndex, type ExportSummary, type IncomingFacts, type IncomingRequests, type RequestArgument } from '../taint/taint-analyzer';
import { buildTemplateIndex, type TemplateIndex } from '../templates/template-index';
import { kindOf } from '../iac/file-kinds';
import { gitBlobId } from './blob-id';
import { mayImportFrom, withManifestModules } from './import-graph';
import type { RouteRegistration } from '../taint/lang/language';
import type { PoolMessage, RulesMessage, RunMessage, ScanJob, ScanWorkerData, StartsJob, SummarizeJob, WorkerMessage } from './scan-protocol';
import { redactErrorMessage } from '../redact';
import { ruleFilesRead, seedRuleFolders } from '../rule-folder';

/** The part of the taint pack the cross-file passes use (duck-typed: test analyzer modules may have none). */
interface CrossFileAnalyzer extends Analyzer {
  summarizeExports(doc: SourceDocument, called?: ReadonlySet<string>, rules?: ReadonlySet<string>, incoming?: IncomingFacts): ExportSummary[];
  /**
   * The rules a flow can start for in the document (undefined: every rule), and the calls passing a request to
   * another file's function; absent: every rule, no such call.
   */
  startsIn?(doc: SourceDocument): { rules: ReadonlySet<string> | undefined; requestArgs: RequestArgument[]; routes: RouteRegistration[] };
  setExportIndex(index: ExportIndex | undefined): void;
  /** See `TaintAnalyzer.setIncomingRequests`. */
  setIncomingRequests?(incoming: IncomingRequests | undefined): void;
}

function isCrossFile(a: Analyzer): a is CrossFileAnalyzer {
  const c = a as Partial<CrossFileAnalyzer>;
  return typeof c.summarizeExports === 'function' && typeof c.setExportIndex === 'function';
}

/**
 * A scan worker's state and message handler: `receive` takes the pool's messages in the order they were posted (the
 * built-in rules first when `data.rulesFollow`) and answers through `post`. A message's promise settles when it has
 * been handled; messages received meanwhile wait their turn.
 */
export function createScanHost(data: ScanWorkerData, post: (m: WorkerMessage) => void): { receive(m: RulesMessage | PoolMessage): Promise<void> } {
  let crossFile: CrossFileAnalyzer[] = [];
  let analyzers: Analyzer[] = [];
  /** The run's exposure facts say something (a file's config findings may differ from a scan of it alone). */
  let hasExposureFacts = false;
  /** The run has templates: a file's render calls may have findings a scan of it alone has not. */
  let hasTemplates = false;
  /** Pass 2's index of every file's export summaries (only functions that matter to some rule), for this run. */
  let exportIndex: ExportIndex | undefined;

  /**
   * The index is set only for files that may import a summarised function: with an index set the taint pack
   * cannot skip rules by the words in the file, and other files would cost that for nothing.
   */
  const mayImportSummarized = (path: string, languageId: string, text: string): boolean =>
    exportIndex !== undefined && mayImportFrom(exportIndex, path, languageId, text);

  const start = async (rules: Promise<RulesMessage> | undefined): Promise<Engine> => {
    // The grammars load while the pool's thread reads the rules (when they follow as a message).
    const grammars = Engine.create({ analyzers: [], grammarDir: data.grammarDir, grammars: data.grammars });
    // The pool's thread has read and parsed the built-in rule files: build the packs from that, not from the files.
    const snapshot = (rules ? (await rules).builtinRules : undefined) ?? data.builtinRules;
    if (snapshot) seedRuleFolders(snapshot);
    let setup: AnalyzerSetup;
    if (data.analyzerModule) {
      const mod = require(data.analyzerModule) as { createAnalyzers?: typeof createAnalyzers; default?: { createAnalyzers?: typeof createAnalyzers } };
      const factory = mod.createAnalyzers ?? mod.default?.createAnalyzers;
      if (!factory) throw new Error(`${data.analyzerModule} does not export createAnalyzers`);
      setup = factory(data.analyzerOptions);
    } else {
      setup = createAnalyzers(data.analyzerOptions);
    }
    const engine = Engine.withGrammars((await grammars).grammars, setup.analyzers);
    analyzers = setup.analyzers;
    crossFile = setup.analyzers.filter(isCrossFile);
    const stats = { ruleFilesRead: ruleFilesRead(), packs: setup.analyzers.map((a) => a.pack), grammars: engine.grammars.loaded };
    post({ type: 'ready', ruleErrors: setup.errors, crossFile: crossFile.length > 0, stats });
    return engine;
  };

  /** A new run of the pool: nothing of the previous run's workspace (export index, exposure facts) carries over. */
  const startRun = async (engine: Engine, m: RunMessage): Promise<void> => {
    exportIndex = undefined;
    for (const a of crossFile) a.setExportIndex(undefined);
    hasExposureFacts = !!m.configExposure && Object.values(m.configExposure).some((list: unknown[]) => list.length > 0);
    for (const a of analyzers) (a as { setWorkspaceExposure?: (f: RunMessage['configExposure']) => void }).setWorkspaceExposure?.(m.configExposure);
    hasTemplates = !!m.templates;
    const templates = m.templates ? buildTemplateIndex(m.templates, m.templateFolders) : undefined;
    for (const a of analyzers) (a as { setTemplateIndex?: (i: TemplateIndex | undefined) => void }).setTemplateIndex?.(templates);
    await engine.grammars.ensure(m.grammars);
  };

  /** A cross-file job's text; undefined for a file pass 2 does not analyse (unreadable, binary or oversized). */
  const crossFileText = (job: SummarizeJob | StartsJob): string | undefined => {
    let bytes: Uint8Array;
    try {
      bytes = job.content ?? readFileSync(job.path);
    } catch {
      return undefined;
    }
    if (bytes.length > job.maxFileSize * 4 || bytes.subarray(0, 8192).includes(0)) return undefined;
    const text = new TextDecoder('utf-8').decode(bytes);
    return text.length > job.maxFileSize ? undefined : text;
  };

  /** Pass 0: the rules a flow can start for in the file; none in a file pass 2 does not analyse. */
  const starts = (engine: Engine, job: StartsJob): WorkerMessage => {
    const text = crossFileText(job);
    if (text === undefined) return { type: 'starts', id: job.id, rules: [] };
    const uri = `vigil-starts:${job.path}`;
    const doc = engine.open(uri, job.path, job.languageId, text);
    try {
      let out: Set<string> | null = new Set<string>();
      const requestArgs: RequestArgument[] = [];
      const routes: RouteRegistration[] = [];
      for (const a of crossFile) {
        const own = a.startsIn?.(doc);
        if (own) {
          requestArgs.push(...own.requestArgs);
          routes.push(...own.routes);
        }
        if (!own?.rules) out = null;
        else for (const id of own.rules) out?.add(id);
      }
      return { type: 'starts', id: job.id, rules: out && [...out], ...(requestArgs.length ? { requestArgs } : {}), ...(routes.length ? { routes } : {}) };
    } finally {
      engine.close(uri);
    }
  };

  /** Pass 1: parse the file and summarise its exports. Unreadable, binary or oversized files export nothing. */
  const summarize = (engine: Engine, job: SummarizeJob): WorkerMessage => {
    const text = crossFileText(job);
    if (text === undefined) return { type: 'summaries', id: job.id, summaries: [] };
    const uri = `vigil-summary:${job.path}`;
    const doc = engine.open(uri, job.path, job.languageId, text);
    try {
      const called = job.called && new Set(job.called);
      const incoming = incomingOf(job);
      for (const a of crossFile) a.setExportIndex(job.withIndex ? exportIndex : undefined);
      return { type: 'summaries', id: job.id, summaries: withManifestModules(crossFile.flatMap((a) => a.summarizeExports(doc, called, job.rules && new Set(job.rules), incoming)), job.languageId) };
    } finally {
      engine.close(uri);
    }
  };

  const scan = (engine: Engine, job: ScanJob): WorkerMessage => {
    let bytes: Uint8Array;
    try {
      bytes = job.content ?? readFileSync(job.path);
    } catch (e) {
      return { type: 'skipped', id: job.id, reason: 'unreadable', message: `skipped: cannot read (${(e as NodeJS.ErrnoException).code ?? redactErrorMessage(e)})` };
    }
    if (bytes.subarray(0, 8192).includes(0)) {
      return { type: 'skipped', id: job.id, reason: 'binary', message: 'skipped: binary file (it contains NUL bytes)' };
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const languageId = job.languageId || languageIdForPath(job.path);
    let withIndex = false;
    const facts = incomingOf(job);
    const incoming: IncomingRequests | undefined = facts ? { facts, callers: job.requestCallers ?? [] } : undefined;
    if (exportIndex) {
      withIndex = !!incoming || mayImportSummarized(job.path, languageId, text);
      for (const a of crossFile) a.setExportIndex(withIndex ? exportIndex : undefined);
    }
    for (const a of crossFile) a.setIncomingRequests?.(incoming);
    const result = engine.scanText(job.path, languageId, text, job.settings, job.root);
    const skip = result.notices.find((n) => n.reason === 'binary' || n.reason === 'too-large');
    if (skip && result.findings.length === 0) {
      return { type: 'skipped', id: job.id, reason: skip.reason as 'binary' | 'too-large', message: skip.message.replace(/^File skipped/, 'skipped') };
    }
    // Exposure facts change only the config pack's files: any other file (or none to apply) scanned as it would alone.
    const alone = !withIndex && !incoming && (!hasExposureFacts || kindOf(job.path, text) === undefined) && (!hasTemplates || !result.findings.some((f) => f.trace?.some((s) => s.path !== undefined)));
    return { type: 'result', id: job.id, findings: result.findings, notices: result.notices, alone, ...(job.blobId ? { blob: gitBlobId(bytes, job.blobId) } : {}) };
  };

  const handle = (engine: Engine, job: Exclude<PoolMessage, RunMessage>): void => {
    if (job.type === 'export-index') {
      exportIndex = buildExportIndex(job.summaries);
      return;
    }
    try {
      post(job.type === 'summarize' ? summarize(engine, job) : job.type === 'starts' ? starts(engine, job) : scan(engine, job));
    } catch (e) {
      post({ type: 'error', id: job.id, message: redactErrorMessage(e) });
    }
  };

  let rulesArrived: ((m: RulesMessage) => void) | undefined;
  const rules = data.rulesFollow ? new Promise<RulesMessage>((resolve) => (rulesArrived = resolve)) : undefined;
  const started = start(rules);
  // In order: a run's jobs wait for its grammars to load, and every job for the start.
  let queue: Promise<unknown> = started.catch((e: unknown) => post({ type: 'init-failed', message: redactErrorMessage(e) }));
  return {
    receive(m) {
      if (m.type === 'rules') {
        rulesArrived?.(m);
        rulesArrived = undefined;
        return Promise.resolve();
      }
      const done = queue.then(async () => {
        const engine = await started;
        await (m.type === 'run' ? startRun(engine, m) : handle(engine, m));
      }).catch((e: unknown) => {
        if (m.type !== 'run' && m.type !== 'export-index') post({ type: 'error', id: m.id, message: redactErrorMessage(e) });
      });
      queue = done;
      return done;
    },
  };
}

/** A job's `requestParams` and `convertedParams` as the taint pack takes them (`IncomingFacts`); none: undefined. */
function incomingOf(job: { requestParams?: [string, number, string][]; convertedParams?: [string, string][] }): IncomingFacts | undefined {
  if (!job.requestParams?.length && !job.convertedParams?.length) return undefined;
  const aliases = new Map<string, Map<number, string>>();
  for (const [name, index, alias] of job.requestParams ?? []) {
    let m = aliases.get(name);
    if (!m) aliases.set(name, (m = new Map()));
    if (!m.has(index)) m.set(index, alias);
  }
  const converted = new Map<string, Set<string>>();
  for (const [name, param] of job.convertedParams ?? []) {
    let m = converted.get(name);
    if (!m) converted.set(name, (m = new Set()));
    m.add(param);
  }
  return { ...(aliases.size ? { aliases } : {}), ...(converted.size ? { converted } : {}) };
}
