/** The contract between the engine and an analysis (taint, secrets, ...). */
import type { RuleLoadError } from './analyzers';
import type { DocumentDelta, SourceDocument } from './document';
import type { RuleDocs } from './rule-docs';
import type { GrammarRegistry } from './parser';
import type { AnalysisSettings, Finding, Pack, Severity, SkipNotice } from './types';

/** Static description of a rule, for docs, SARIF `rules` and settings. */
export interface RuleInfo {
  id: string;
  pack: Pack;
  /** Short name, e.g. "SQL injection (Express)". */
  name: string;
  /** One or two sentences on what the rule finds and why it matters. */
  description: string;
  severity: Severity;
  cwe: string[];
  docsUrl: string;
  /** Languages the rule applies to (VS Code language ids or grammar ids); empty means any text. */
  languages: string[];
  /** Why it matters, examples, OWASP category, references: for the rule's details page and SARIF help. */
  docs?: RuleDocs;
  /** The quick fix Vigil offers for its findings, in words; absent when only suppressing is offered. */
  fixOffered?: string;
}

/** What an analyzer may know beyond the document. */
export interface AnalysisContext {
  settings: AnalysisSettings;
  /** Root of the workspace folder holding the document, when known. */
  workspaceRoot?: string;
  /** Reports that the run was cut short (its findings are then a subset), without failing it. */
  notify?: (notice: SkipNotice) => void;
  /**
   * The document is analysed this once and closed (`Engine.scanText`): an analyzer may leave out what only a later
   * run of the same session would read. Its findings and notices are those of any other run.
   */
  oneShot?: boolean;
}

/** Per-document state of one analyzer. Created on open, disposed on close. */
export interface AnalyzerSession {
  /**
   * Analyses the document. `delta` says what changed since the previous run on this session and is undefined
   * on the first run. The result must equal that of a fresh full run on the same text: incremental work is an
   * optimisation only, and property tests hold analyzers to it.
   */
  run(doc: SourceDocument, delta: DocumentDelta | undefined, ctx: AnalysisContext): Finding[];
  /**
   * The same run in steps, for hosts that serve other requests meanwhile: the generator pauses (yields) between
   * pieces of work and returns the findings. A host may abandon it (`return()`) at a pause, e.g. when the text
   * changed; the session must then stay valid for a later run, which gets only the edits made after this run
   * started: offer `steps` only if the results do not depend on `delta`.
   */
  steps?(doc: SourceDocument, delta: DocumentDelta | undefined, ctx: AnalysisContext): Generator<void, Finding[]>;
  dispose?(): void;
}

/** Runs a stepped computation to its end without pausing. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface Analyzer {
  readonly pack: Pack;
  /** Rules this analyzer can report. */
  rules(): RuleInfo[];
  /**
   * Whether the analyzer has anything to do for this document (by language, path or size). Paths are judged
   * inside `ctx.workspaceRoot` only (see `classifyPath`).
   */
  appliesTo(doc: SourceDocument, ctx?: AnalysisContext): boolean;
  open(doc: SourceDocument): AnalyzerSession;
  /**
   * Compiles what needs the grammars (e.g. code patterns) ahead of the first document and returns the rules that
   * failed, so hosts can show them on the config file at load time rather than never.
   */
  precompile?(grammars: GrammarRegistry): RuleLoadError[];
  /**
   * Files of the workspace changed on disk (saved, created, deleted, or a document opened): an analyzer that keeps
   * facts read from other files (e.g. which packages the workspace imports) reads them again on its next run.
   * Driven by these events, never by a timer, so results do not depend on timing.
   */
  workspaceChanged?(): void;
  /**
   * Reads, asynchronously, what an analysis of `doc` needs from other files of the workspace (the editor's
   * templates for render calls); a host that awaits it before analysing gets the findings a workspace scan gives,
   * without blocking while the files are read. Undefined: nothing to read.
   */
  prepare?(doc: SourceDocument, workspaceRoot: string | undefined): Promise<void> | undefined;
}
