/** The result of a whole scan, in the form every output format (text, JSON, SARIF) is written from. */
import { isAbsolute, relative, sep } from 'node:path';
import type { RuleInfo } from '../analyzer';
import type { RuleLoadError } from '../analyzers';
import type { BaselineEntry } from '../baseline';
import type { FailedFile } from '../scan/scan-pool';
import type { SkippedFile } from '../scan/file-walker';
import { SEVERITIES, type Finding, type Severity, type SkipNotice } from '../types';

/** One scanned file with something to report. */
export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** Workspace folder the file belongs to. */
  root: string;
  /** Path relative to `root`, `/` separators. */
  relPath: string;
  findings: Finding[];
  notices: SkipNotice[];
}

export interface ScanReport {
  tool: { name: string; version: string };
  /** Workspace folders scanned. */
  roots: string[];
  /** Files with findings or notices, sorted by path. */
  files: ReportFile[];
  /** Files scanned (with or without findings). */
  scannedCount: number;
  skipped: SkippedFile[];
  failed: FailedFile[];
  ruleErrors: RuleLoadError[];
  /** Every rule that ran. */
  rules: RuleInfo[];
  baseline?: { file: string; hidden: number; stale: BaselineEntry[] };
  /** The git history search for the secrets found: how many were committed, and why it was cut or failed. */
  history?: { committed: number; limited?: string; error?: string };
  durationMs: number;
  cancelled: boolean;
}

export interface ReportSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  byPack: Record<string, number>;
  byRule: Record<string, number>;
}

export function summarize(report: ScanReport): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byPack: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  let total = 0;
  for (const file of report.files) {
    for (const f of file.findings) {
      total++;
      bySeverity[f.severity]++;
      byPack[f.pack] = (byPack[f.pack] ?? 0) + 1;
      byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    }
  }
  return { total, bySeverity, byPack, byRule };
}

/** Display path of a file: relative to its workspace folder when there is one folder, else absolute. */
export function displayPath(report: ScanReport, file: { path: string; relPath: string }): string {
  return report.roots.length <= 1 ? file.relPath : file.path;
}

/** A trace step's file (absolute) as `displayPath` would show it: relative to the finding's root in a one-root report. */
export function stepPath(report: ScanReport, file: { root: string }, path: string): string {
  if (report.roots.length > 1) return path;
  const rel = relative(file.root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}
