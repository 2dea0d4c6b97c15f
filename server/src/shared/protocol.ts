/**
 * Protocol and settings types shared by the client and the server, defined once. Values read from settings
 * are never trusted: each goes through a `from()` parser that falls back to the default.
 * This file must import nothing from `vscode` or `vscode-languageserver` so both sides can use it.
 */
import { DEFAULT_SETTINGS, parseSeverity, parseStrictness, type AnalysisSettings, type Severity, type Strictness } from '../engine/types';

/** The settings section, `vigil.*` in VS Code. */
export const SETTINGS_SECTION = 'vigil';

/** Per-resource settings as VS Code stores them. */
export interface VigilSettings {
  enable: boolean;
  minSeverity: Severity;
  packs: { taint: boolean; secrets: boolean; config: boolean; dependencies: boolean };
  /** minimatch globs, relative to the workspace folder, for files never analysed. */
  exclude: string[];
  /** Characters; larger files are skipped with a notice. */
  maxFileSize: number;
  /** Milliseconds to wait after a keystroke before analysing (0 = on every change). */
  debounceMs: number;
  /** Where "Update Advisory Database" downloads from (machine-scoped): an http(s) URL, '' for OSV. */
  advisories: { source: string };
  /** Taint flows reported: `normal` (precise) or `audit` (also lower-confidence inputs; see AnalysisSettings). */
  strictness: Strictness;
}

export const DEFAULT_VIGIL_SETTINGS: VigilSettings = {
  enable: true,
  minSeverity: DEFAULT_SETTINGS.minSeverity,
  packs: { ...DEFAULT_SETTINGS.packs },
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/*.min.js'],
  maxFileSize: DEFAULT_SETTINGS.maxFileSize,
  debounceMs: 0,
  advisories: { source: '' },
  strictness: 'normal',
};

/** An advisory source URL: http(s), no whitespace or credentials; anything else is '' (the default source). */
export function parseAdvisorySource(v: unknown): string {
  if (typeof v !== 'string') return '';
  const s = v.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(s)) return '';
  try {
    const u = new URL(s);
    return u.username || u.password ? '' : s;
  } catch {
    return '';
  }
}

function bool(v: unknown, d: boolean): boolean {
  return typeof v === 'boolean' ? v : d;
}

function int(v: unknown, d: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : d;
}

export namespace VigilSettings {
  /** Parses untrusted settings (from the client or a file) into valid ones, field by field. */
  export function from(raw: unknown): VigilSettings {
    const d = DEFAULT_VIGIL_SETTINGS;
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const packs = (r.packs && typeof r.packs === 'object' ? r.packs : {}) as Record<string, unknown>;
    return {
      enable: bool(r.enable, d.enable),
      minSeverity: parseSeverity(r.minSeverity) ?? d.minSeverity,
      packs: {
        taint: bool(packs.taint, d.packs.taint),
        secrets: bool(packs.secrets, d.packs.secrets),
        config: bool(packs.config, d.packs.config),
        dependencies: bool(packs.dependencies, d.packs.dependencies),
      },
      exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : d.exclude,
      maxFileSize: int(r.maxFileSize, d.maxFileSize, 1_000, 100_000_000),
      debounceMs: int(r.debounceMs, d.debounceMs, 0, 5_000),
      advisories: { source: parseAdvisorySource((r.advisories as Record<string, unknown> | undefined)?.source) },
      strictness: parseStrictness(r.strictness) ?? d.strictness,
    };
  }

  export function toAnalysisSettings(s: VigilSettings, base: AnalysisSettings = DEFAULT_SETTINGS): AnalysisSettings {
    return { ...base, minSeverity: s.minSeverity, packs: { ...s.packs }, maxFileSize: s.maxFileSize, strictness: s.strictness };
  }
}

/** Custom requests and notifications between client and server. */
export namespace Methods {
  /** client -> server: scan every file of the workspace. Params: ScanWorkspaceParams. Result: ScanSummary. */
  export const scanWorkspace = 'vigil/scanWorkspace';
  /** server -> client notification: the server's state and the count of findings, for the status bar. */
  export const status = 'vigil/status';
  /** client -> server: a rule's details page. Params: RuleDetailsParams. Result: RuleDetails, or null for an unknown rule. */
  export const ruleDetails = 'vigil/ruleDetails';
  /**
   * client -> server: download the advisory database (the user's "Update Advisory Database"; the only request that
   * makes Vigil connect anywhere). Params: UpdateAdvisoriesParams (+ workDoneToken). Result: UpdateAdvisoriesResult.
   */
  export const updateAdvisories = 'vigil/updateAdvisories';
  /** client -> server: the workspace score from the findings the server holds. Params: none. Result: ScoreResult. */
  export const score = 'vigil/score';
  /**
   * client -> server: the dashboard's data: the score, its trend over recent commits, fixes this week and the user's
   * streak, from local git history (never in Restricted Mode). Params: DashboardParams. Result: DashboardResult.
   */
  export const dashboard = 'vigil/dashboard';
}

function nat(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined;
}

const str = (v: unknown, max = 200): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);

/** The workspace score (docs/score.md) over the findings the server currently holds. */
export interface ScoreResult {
  /** 0..100, the same formula as `vigil score` (engine/score.ts). */
  score: number;
  /** Open findings counted (notes about Vigil itself excluded). */
  findings: number;
  /** Files those findings are in. */
  files: number;
  /**
   * `workspace`: a complete Scan Workspace ran and every file it reported is still held; `open-files`: the files
   * open in the editor (and what a partial or earlier scan reported), so the score may miss findings.
   */
  coverage: 'workspace' | 'open-files';
}

export namespace ScoreResult {
  /** Parses a server answer; undefined for anything malformed. */
  export function from(raw: unknown): ScoreResult | undefined {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const score = nat(r.score);
    const findings = nat(r.findings);
    const files = nat(r.files);
    if (score === undefined || score > 100 || findings === undefined || files === undefined) return undefined;
    return { score, findings, files, coverage: r.coverage === 'workspace' ? 'workspace' : 'open-files' };
  }
}

export interface DashboardParams {
  /** A workspace folder uri; the first folder when absent. */
  folder?: string;
}

/** The score at one commit (oldest first in DashboardResult.history). */
export interface DashboardPoint {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  score: number;
}

export interface DashboardResult {
  current: ScoreResult;
  /** The score at each of the last commits of the branch (first-parent line), oldest first; empty without history. */
  history: DashboardPoint[];
  /** `git config user.email` of the workspace, when set. */
  email?: string;
  /** Findings fixed in the last 7 days by the user's commits, and by everyone's (among the commits looked at). */
  fixesThisWeek?: { mine: number; all: number };
  /** The user's latest commits in a row that introduced no high or critical finding (as `vigil leaderboard`). */
  streak?: number;
  /** How many commits were looked at (the bound). */
  commitsLooked: number;
  /** Why history is missing or partial (Restricted Mode, not a git repository, git failed). */
  note?: string;
}

export namespace DashboardResult {
  /** Parses a server answer field by field; undefined when its score is malformed. */
  export function from(raw: unknown): DashboardResult | undefined {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const current = ScoreResult.from(r.current);
    if (!current) return undefined;
    const history: DashboardPoint[] = [];
    for (const p of Array.isArray(r.history) ? r.history : []) {
      const x = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
      const score = nat(x.score);
      const commit = str(x.commit, 64);
      const date = str(x.date, 64);
      if (score !== undefined && score <= 100 && commit && /^[0-9a-f]+$/.test(commit) && date) history.push({ commit, date, score });
    }
    const fx = (r.fixesThisWeek && typeof r.fixesThisWeek === 'object' ? r.fixesThisWeek : undefined) as Record<string, unknown> | undefined;
    const mine = nat(fx?.mine);
    const all = nat(fx?.all);
    const streak = nat(r.streak);
    const email = str(r.email);
    const note = str(r.note, 500);
    return {
      current,
      history,
      ...(email ? { email } : {}),
      ...(mine !== undefined && all !== undefined ? { fixesThisWeek: { mine, all } } : {}),
      ...(streak !== undefined ? { streak } : {}),
      commitsLooked: nat(r.commitsLooked) ?? 0,
      ...(note ? { note } : {}),
    };
  }
}

export interface RuleDetailsParams {
  ruleId: string;
  /** A document or folder uri: its folder's rules (custom rules included) are looked up; the built-ins otherwise. */
  uri?: string;
}

export interface RuleDetails {
  ruleId: string;
  name: string;
  /** The whole page (what, why, CWE and OWASP, examples, the fix, references); the same text as SARIF `help.markdown`. */
  markdown: string;
}

/** The `command:` URI that runs `command` with one rule id, for links in hovers and diagnostics. */
export function ruleDetailsCommandUri(command: string, ruleId: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

export interface UpdateAdvisoriesParams {
  /** `vigil.advisories.source`; empty or absent: `VIGIL_DB_SOURCE`, else OSV. */
  source?: string;
}

export interface UpdateAdvisoriesResult {
  ok: boolean;
  /** What was imported, or why the database was not changed. */
  message: string;
}

export interface ScanWorkspaceParams {
  /** Only files changed against this git ref (diff-aware mode); all files when absent. */
  changedSince?: string;
}

export interface ScanSummary {
  filesScanned: number;
  filesSkipped: number;
  filesFailed: string[];
  findings: number;
  bySeverity: Partial<Record<Severity, number>>;
  byRule: Record<string, number>;
  durationMs: number;
  cancelled: boolean;
}

export interface StatusParams {
  state: 'starting' | 'ready' | 'scanning' | 'error' | 'restricted';
  /** Findings currently published, across open documents. */
  findings: number;
  /** A short human message (e.g. why restricted mode). */
  message?: string;
}

/** Initialization options the client sends. */
export interface InitializationOptions {
  /** Workspace Trust: false in restricted mode (no workspace config or custom rules run). */
  trusted: boolean;
  /**
   * A client command that opens a rule's details page given its id. When set, hovers and the diagnostics'
   * `codeDescription.href` link to it (a `command:` URI); other clients keep the rule's documentation URL.
   */
  ruleDetailsCommand?: string;
  /**
   * How many open documents keep their syntax tree and incremental analysis state (the most recently analysed;
   * default 8): each warm 3,000-line file holds several MB. Others are analysed from scratch on their next edit.
   */
  warmDocuments?: number;
}
