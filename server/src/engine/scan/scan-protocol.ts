/** Messages between the scan pool and its worker threads. Plain data only: they cross a thread boundary. */
import type { TemplateFacts } from '../templates/template-index';
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import type { ExposureFacts } from '../iac/exposure';
import type { ExportSummary, RequestArgument } from '../taint/taint-analyzer';
import type { RouteRegistration } from '../taint/lang/language';
import type { GrammarId } from '../languages';
import type { RuleFolderSnapshot } from '../rule-folder';
import type { AnalysisSettings, Finding, Pack, SkipNotice } from '../types';
import type { GitObjectFormat } from './blob-id';

/** What every worker is started with. */
export interface ScanWorkerData {
  analyzerOptions: AnalyzerOptions;
  /**
   * Module exporting `createAnalyzers(options)` to use instead of the built-in packs (tests use it to scan with
   * small, known analyzers). Absolute path.
   */
  analyzerModule?: string;
  grammarDir?: string;
  /** The built-in rule files as the pool's thread loaded them (`builtinRulesSnapshot`): the worker reads none. */
  builtinRules?: RuleFolderSnapshot;
  /**
   * The built-in rules come as the first message (`RulesMessage`) instead: the pool's thread reads them while the
   * worker loads its code and grammars.
   */
  rulesFollow?: boolean;
  /** The grammars to load at start: those of the files to scan (a `RunMessage` may add more). Default: all. */
  grammars?: GrammarId[];
}

/** What a worker did to start, reported with `ready`: the start-up work the pool keeps small (tests hold it to that). */
export interface WorkerStartStats {
  /** Built-in rule files the worker read itself, by pack (none when the pool handed it the loaded rules). */
  ruleFilesRead: Record<string, number>;
  /** The packs it built. */
  packs: Pack[];
  /** The grammars it loaded. */
  grammars: GrammarId[];
}

/** The built-in rules, for a worker started with `rulesFollow`; the first message it gets. */
export interface RulesMessage {
  type: 'rules';
  builtinRules: RuleFolderSnapshot;
}

/**
 * Starts a run of the pool (a pooled worker serves several): the worker drops the previous run's export index and
 * takes this run's exposure facts and grammars before its first job of the run.
 */
export interface RunMessage {
  type: 'run';
  /** Exposure facts of every file (Services, Ingresses, open security groups), for the config pack. */
  configExposure?: ExposureFacts;
  /** The workspace's templates' raw outputs and includes, for render calls (taint `template:` sinks). */
  templates?: TemplateFacts[];
  /** Template folders the workspace's sources configure (`app.set('views', ...)`), looked in besides the defaults. */
  templateFolders?: string[];
  grammars: GrammarId[];
}

export interface ScanJob {
  type: 'scan';
  id: number;
  path: string;
  languageId: string;
  root: string;
  settings: AnalysisSettings;
  /** Content to scan instead of reading `path` (staged blobs). */
  content?: Uint8Array;
  /** Also return the git blob id of the bytes scanned, in this object format. */
  blobId?: GitObjectFormat;
  /** The requests other files' calls pass this file's functions, as `SummarizeJob.requestParams`. */
  requestParams?: [name: string, index: number, alias: string][];
  /** The files of those calls, relative to the root, by the function called (`requestParams` given). */
  requestCallers?: [name: string, file: string][];
  /** As `SummarizeJob.convertedParams`. */
  convertedParams?: [name: string, param: string][];
}

/** Pass 1 of a cross-file scan: the summaries of a file's exported functions. */
export interface SummarizeJob {
  type: 'summarize';
  id: number;
  path: string;
  languageId: string;
  /** Files above this many characters are not summarised (pass 2 skips them too). */
  maxFileSize: number;
  content?: Uint8Array;
  /**
   * The names the files importing this one call or construct (`calledNames`): only the methods so named of the
   * classes so named are summarised. Absent: every exported class's methods.
   */
  called?: string[];
  /**
   * Only these rules (ids) are summarised: those a flow can start for in some file that may read the summaries (the
   * union of their `starts` answers over `ImportedFile.readers`). Absent: every rule.
   */
  rules?: string[];
  /**
   * Summarise with the export index last sent (the previous round's summaries), so a function calling another file's
   * function carries that one's sinks: the controller -> service -> repository chain, one file per round.
   */
  withIndex?: boolean;
  /**
   * The requests other files' calls pass this file's functions (their `starts` answers' `requestArgs`, resolved to
   * this file): function name, parameter index, alias; one alias per parameter, in a fixed order.
   */
  requestParams?: [name: string, index: number, alias: string][];
  /** The URL parameters other files' routes convert for this file's views (`IncomingFacts.converted`): view, parameter. */
  convertedParams?: [name: string, param: string][];
}

/**
 * Pass 0 of a cross-file scan, on each file that may read a summary: the rules a flow can start for in it
 * (`TaintAnalyzer.rulesStartingIn`), so pass 1 summarises only those.
 */
export interface StartsJob {
  type: 'starts';
  id: number;
  path: string;
  languageId: string;
  maxFileSize: number;
  content?: Uint8Array;
}

/** Between the passes: every file's export summaries, for the worker to build its ExportIndex from (once). */
export interface ExportIndexMessage {
  type: 'export-index';
  summaries: ExportSummary[];
}

export type PoolMessage = RunMessage | ScanJob | SummarizeJob | StartsJob | ExportIndexMessage;

export type WorkerMessage =
  /** `crossFile`: the worker's analyzers can summarise exports (a taint pack is loaded), so pass 1 is worth running. */
  | { type: 'ready'; ruleErrors: RuleLoadError[]; crossFile: boolean; stats: WorkerStartStats }
  | { type: 'summaries'; id: number; summaries: ExportSummary[] }
  /**
   * A `starts` job's answer: null for every rule; the calls passing a request to another file's function, and the
   * routes declared for other files' views, when any.
   */
  | { type: 'starts'; id: number; rules: string[] | null; requestArgs?: RequestArgument[]; routes?: RouteRegistration[] }
  | { type: 'init-failed'; message: string }
  /**
   * `alone`: the findings are what the file scanned by itself gives (no other file's export summaries or exposure
   * facts were used). `blob`: the git blob id of the bytes scanned, when the job asked for it.
   */
  | { type: 'result'; id: number; findings: Finding[]; notices: SkipNotice[]; alone: boolean; blob?: string }
  | { type: 'skipped'; id: number; reason: 'binary' | 'too-large' | 'unreadable'; message: string }
  | { type: 'error'; id: number; message: string };
