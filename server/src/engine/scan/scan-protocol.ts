/** Messages between the scan pool and its worker threads. Plain data only: they cross a thread boundary. */
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import type { AnalysisSettings, Finding, SkipNotice } from '../types';

/** What every worker is started with. */
export interface ScanWorkerData {
  analyzerOptions: AnalyzerOptions;
  /**
   * Module exporting `createAnalyzers(options)` to use instead of the built-in packs (tests use it to scan with
   * small, known analyzers). Absolute path.
   */
  analyzerModule?: string;
  grammarDir?: string;
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
}

export type WorkerMessage =
  | { type: 'ready'; ruleErrors: RuleLoadError[] }
  | { type: 'init-failed'; message: string }
  | { type: 'result'; id: number; findings: Finding[]; notices: SkipNotice[] }
  | { type: 'skipped'; id: number; reason: 'binary' | 'too-large' | 'unreadable'; message: string }
  | { type: 'error'; id: number; message: string };
