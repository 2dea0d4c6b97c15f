/**
 * Baselines: a committed file (`.vigil-baseline.json`) of findings that were accepted when Vigil was adopted.
 * The CLI and the extension both hide baselined findings, so only new problems are reported. An entry whose
 * finding is gone (fixed, or its code changed) is reported as stale so the file can be pruned.
 * Entries are keyed by workspace-relative path, rule id and the finding's fingerprint, which does not change
 * when unrelated lines move.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Finding } from './types';
import { redactErrorMessage } from './redact';

export const BASELINE_VERSION = 1;

/** One accepted finding. */
export interface BaselineEntry {
  /** Path relative to the workspace folder, `/` separators. */
  path: string;
  ruleId: string;
  fingerprint: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** Findings of one file, by workspace-relative path. */
export interface FileFindings {
  relPath: string;
  findings: Finding[];
}

const key = (path: string, ruleId: string, fingerprint: string) => `${path}\u0000${ruleId}\u0000${fingerprint}`;

/** A baseline of every finding given (meta findings, such as unused suppressions, are never baselined). */
export function createBaseline(files: FileFindings[]): Baseline {
  const entries: BaselineEntry[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      if (f.pack === 'meta' || !f.fingerprint) continue;
      entries.push({ path: file.relPath, ruleId: f.ruleId, fingerprint: f.fingerprint });
    }
  }
  entries.sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: BASELINE_VERSION, entries };
}

/** Stable, diff-friendly text of a baseline (one entry per line). */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": ${baseline.version},\n  "entries": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Parses a baseline file's text; a problem is described in `error`. */
export function parseBaseline(text: string, source: string): { baseline?: Baseline; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // JSON.parse quotes the start of the file, which may be a secret (a path pointing at the wrong file).
    return { error: `${source}: not valid JSON (${redactErrorMessage(e)})` };
  }
  const r = raw as { version?: unknown; entries?: unknown };
  if (!raw || typeof raw !== 'object' || r.version !== BASELINE_VERSION || !Array.isArray(r.entries)) {
    return { error: `${source}: not a Vigil baseline (expected {"version": ${BASELINE_VERSION}, "entries": [...]}); recreate it with \`vigil baseline\`` };
  }
  const entries: BaselineEntry[] = [];
  for (const [i, e] of r.entries.entries()) {
    const x = e as Partial<BaselineEntry> | null;
    if (!x || typeof x.path !== 'string' || typeof x.ruleId !== 'string' || typeof x.fingerprint !== 'string') {
      return { error: `${source}: entry ${i} needs string "path", "ruleId" and "fingerprint"` };
    }
    entries.push({ path: x.path, ruleId: x.ruleId, fingerprint: x.fingerprint });
  }
  return { baseline: { version: BASELINE_VERSION, entries } };
}

/** Reads a baseline file. A missing file is no baseline and no error. */
export function readBaseline(file: string): { baseline?: Baseline; error?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { error: `${file}: cannot read (${redactErrorMessage(e)})` };
  }
  return parseBaseline(text, file);
}

/** Fast lookup of baselined findings, for hosts that filter file by file (the editor). */
export class BaselineIndex {
  private readonly keys: Set<string>;
  constructor(readonly baseline: Baseline) {
    this.keys = new Set(baseline.entries.map((e) => key(e.path, e.ruleId, e.fingerprint)));
  }
  has(relPath: string, finding: Finding): boolean {
    return finding.pack !== 'meta' && !!finding.fingerprint && this.keys.has(key(relPath, finding.ruleId, finding.fingerprint));
  }
  /** The findings not in the baseline. */
  filter(relPath: string, findings: Finding[]): Finding[] {
    return findings.filter((f) => !this.has(relPath, f));
  }
}

export interface BaselineOutcome<T extends FileFindings> {
  /** The files with their baselined findings removed. */
  files: T[];
  /** How many findings the baseline hid. */
  hidden: number;
  /** Entries of scanned files that matched no finding. */
  stale: BaselineEntry[];
}

/**
 * Hides baselined findings. Only entries for files in `scanned` can be stale: a partial scan (changed files,
 * staged files) says nothing about the others.
 */
export function applyBaseline<T extends FileFindings>(baseline: Baseline, files: T[], scanned: ReadonlySet<string>): BaselineOutcome<T> {
  const index = new BaselineIndex(baseline);
  const matched = new Set<string>();
  let hidden = 0;
  const out = files.map((file) => {
    const kept = file.findings.filter((f) => {
      if (!index.has(file.relPath, f)) return true;
      matched.add(key(file.relPath, f.ruleId, f.fingerprint!));
      hidden++;
      return false;
    });
    return { ...file, findings: kept };
  });
  const stale = baseline.entries.filter((e) => scanned.has(e.path) && !matched.has(key(e.path, e.ruleId, e.fingerprint)));
  return { files: out, hidden, stale };
}

/**
 * Baselines by file path, re-read only when the file changes (mtime and size), for hosts that filter findings
 * on every keystroke (the editor). A missing or unreadable file means no baseline; `error` says why when unreadable.
 */
export class BaselineCache {
  private readonly entries = new Map<string, { stamp: string; index?: BaselineIndex; error?: string }>();

  get(file: string): { index?: BaselineIndex; error?: string } {
    let stamp = 'missing';
    try {
      const s = statSync(file);
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch {
      // Missing: no baseline.
    }
    const cached = this.entries.get(file);
    if (cached && cached.stamp === stamp) return cached;
    const read = stamp === 'missing' ? {} : readBaseline(file);
    const entry = { stamp, index: read.baseline ? new BaselineIndex(read.baseline) : undefined, error: read.error };
    this.entries.set(file, entry);
    return entry;
  }
}
