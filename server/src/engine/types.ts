/**
 * Core data types of the Vigil engine. Nothing here depends on an editor: the LSP server, the CLI and the
 * tests all speak these types. Positions are zero-based lines and UTF-16 code-unit columns, the same unit
 * that LSP uses and that web-tree-sitter reports for JavaScript strings.
 */

import type { IgnoreEntry } from './config/vigil-config';

/** Severity of a finding, highest first. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher number = more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function parseSeverity(value: unknown): Severity | undefined {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : undefined;
}

/** A zero-based position: line, and column in UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of `range` (in the document being analysed) by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same edit in LSP snippet syntax, with what the user must type (a suppression's reason) as a selected
   * placeholder. Hosts that cannot apply snippets use `newText`.
   */
  snippet?: string;
}

/** A fix one click away. All edits apply to the analysed document unless stated otherwise. */
export interface Fix {
  /** Title shown in the quick-fix menu. Never empty. */
  title: string;
  /** `fix` rewrites the code safely; `suppress` adds a `vigil-ignore` comment. */
  kind: 'fix' | 'suppress';
  /** Whether this is the fix applied by "fix all" and marked preferred. */
  isPreferred?: boolean;
  edits: TextEdit[];
  /**
   * Lines to add to other files (absolute paths), e.g. `NAME=` to `.env.example`. The host appends each line
   * unless the file already holds it, and creates the file if missing.
   */
  appendLines?: { path: string; line: string }[];
}

/** One step of a taint trace: source, propagation steps, sink. */
export interface TraceStep {
  /** Absolute file path; omitted when it is the analysed document. */
  path?: string;
  range: Range;
  /** What happens at this step, e.g. "req.query.id is read from the request". */
  message: string;
  kind: 'source' | 'step' | 'sink';
}

/** The rule pack a rule belongs to; packs can be switched on or off in settings. */
export type Pack = 'taint' | 'secrets' | 'config' | 'dependencies';

export const PACKS: readonly Pack[] = ['taint', 'secrets', 'config', 'dependencies'];

/** A finding property: a scalar, or one level of named scalars (e.g. `exposure: { commit, pushed }`). */
export type FindingProperty = string | number | boolean | { [key: string]: string | number | boolean };

/** A single finding of one rule in one document. */
export interface Finding {
  /** Rule id, e.g. `js.express.sqli`. Used as the diagnostic `code`. */
  ruleId: string;
  /** `meta` findings are about Vigil itself, e.g. an unused suppression comment. */
  pack: Pack | 'meta';
  severity: Severity;
  /** CWE identifiers, e.g. `CWE-89`. */
  cwe: string[];
  /** Human message. Never empty; never contains a whole secret. */
  message: string;
  range: Range;
  /**
   * First line of the code the rule matched, when above `range` (a secret's name on the line before its value).
   * A `vigil-ignore` on the line above it applies too: the suppress fix puts its comment there, since a comment
   * between the name and the value would change what the rule sees instead of suppressing the finding.
   */
  spanStartLine?: number;
  /** Link to the rule's documentation. */
  docsUrl: string;
  trace?: TraceStep[];
  fixes?: Fix[];
  /**
   * A stable identity for baselines and SARIF partialFingerprints: derived from the rule, the file and
   * the normalised matched text, not the line number, so unrelated edits above it do not change it.
   */
  fingerprint?: string;
  /** Free-form extra properties (e.g. masked secret, entropy, git exposure) for JSON/SARIF output. */
  properties?: Record<string, FindingProperty>;
  /** How urgent the finding is (severity × confidence × exposure), with a short phrase saying why; set by the engine. */
  priority?: { score: number; level: 'p1' | 'p2' | 'p3' | 'p4'; reason: string };
}

/** Settings that decide what runs on a document. Built from VS Code settings, `.vigil.yml` or CLI flags. */
export interface AnalysisSettings {
  /** Findings below this severity are dropped. */
  minSeverity: Severity;
  /** Packs switched on. */
  packs: Record<Pack, boolean>;
  /** Rule ids switched off. */
  disabledRules: string[];
  /** Per-rule severity overrides. */
  severityOverrides: Record<string, Severity>;
  /** Files larger than this (bytes of UTF-16 text length) are skipped with a notice. */
  maxFileSize: number;
  /**
   * `normal` (the default): precise taint flows only. `audit`: also flows from the rules' lower-confidence sources
   * (process arguments, environment, files, database reads) and through functions Vigil does not know, reported
   * at low severity and labelled "Audit", for security review.
   */
  strictness?: Strictness;
  /** `.vigil.yml` `ignore:` entries (see `IgnoreEntry`). */
  ignore?: IgnoreEntry[];
  /**
   * Today's date (YYYY-MM-DD) for `ignore` entries' `until`, given by the host: the engine never reads the clock.
   * Without it, dated entries apply.
   */
  today?: string;
}

/** How much the taint pack reports: see `AnalysisSettings.strictness`. */
export type Strictness = 'normal' | 'audit';
export const STRICTNESS_LEVELS: readonly Strictness[] = ['normal', 'audit'];

/** Parses a strictness level; undefined when it is not one. */
export function parseStrictness(v: unknown): Strictness | undefined {
  return typeof v === 'string' && (STRICTNESS_LEVELS as readonly string[]).includes(v) ? (v as Strictness) : undefined;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  minSeverity: 'low',
  packs: { taint: true, secrets: true, config: true, dependencies: true },
  disabledRules: [],
  severityOverrides: {},
  maxFileSize: 2_000_000,
};

/** Why a document was not (fully) analysed. Reported to the user instead of failing silently. */
export interface SkipNotice {
  reason: 'too-large' | 'binary' | 'minified' | 'excluded' | 'parse-timeout' | 'analyzer-error' | 'analysis-budget' | 'no-database' | 'include-refused';
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  notices: SkipNotice[];
}
