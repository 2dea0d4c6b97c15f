/**
 * A finding's identity and place among a file's findings: its fingerprint (see `Finding.fingerprint`) and the order
 * reports list them in, one recipe for the engine's findings and the ones a scan moves into a file.
 */
import { createHash } from 'node:crypto';
import type { LineIndex } from './text';
import type { Finding, Range } from './types';

/** A file's findings in position order, then by rule. */
export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

/** The code a finding's range covers, whitespace collapsed, at most 500 characters: what its fingerprint hashes. */
export function matchedSnippet(lines: LineIndex, range: Range): string {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  return lines.text.slice(start, Math.min(end, start + 500)).replace(/\s+/g, ' ').trim();
}

/**
 * Fingerprints for findings in one file, in order: the rule and the matched code, and how many findings of the
 * file before it had both the same (so two identical lines differ), never the line number.
 */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  /** Counts a finding that already has its fingerprint, so a later identical one gets the next number. */
  count(ruleId: string, snippet: string): void {
    const key = `${ruleId}\u0000${snippet}`;
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
  }

  next(ruleId: string, snippet: string): string {
    const key = `${ruleId}\u0000${snippet}`;
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  }
}
