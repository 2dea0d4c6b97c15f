/**
 * `vigil scan --changed-since REF --format markdown`: the body of a pull-request comment. Only what the change
 * introduced, most urgent first, each with its trace and, where Vigil has a fix, the fix as a diff; the findings
 * it fixed as wins; and the security score before and after. Deterministic (no times, no absolute paths), so the
 * comment is only rewritten when the findings change. Text from the repository is escaped; secrets are masked.
 */
import type { RuleInfo } from '../analyzer';
import { redactSecrets } from '../redact';
import type { Finding, Fix, Severity } from '../types';
import { mdBlock, mdCode, mdText } from './markdown-text';

/** The hidden first line by which the GitHub Action finds its own comment to update it. */
export const PR_REPORT_MARKER = '<!-- vigil-pr-report -->';

export interface PrFinding {
  /** Path relative to the workspace root, posix. */
  relPath: string;
  finding: Finding;
}

export interface PrReport {
  introduced: PrFinding[];
  fixed: PrFinding[];
  scoreBefore: number;
  scoreAfter: number;
  rules: RuleInfo[];
  /** The current text of a file (for fix diffs), or undefined when it cannot be read. */
  readText(relPath: string): string | undefined;
}

const ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

const line = (f: Finding) => f.range.start.line + 1;

function byUrgency(a: PrFinding, b: PrFinding): number {
  return (
    (b.finding.priority?.score ?? 0) - (a.finding.priority?.score ?? 0) ||
    (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0) ||
    a.finding.range.start.line - b.finding.range.start.line ||
    a.finding.range.start.character - b.finding.range.start.character ||
    a.finding.ruleId.localeCompare(b.finding.ruleId)
  );
}

/** Offset of a zero-based line/character in `text`. */
function offsetAt(lines: string[], p: { line: number; character: number }): number {
  let o = 0;
  for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i]!.length + 1;
  return o + p.character;
}

/**
 * The fix as a diff of whole lines: the lines its edits touch, before and after. The finding's own range is
 * masked on the old side for secrets (the old line holds the value), and every line goes through the secret
 * redaction as well.
 */
export function fixDiff(text: string, f: Finding, fix: Fix): string | undefined {
  const src = text.replace(/\r\n/g, '\n');
  const lines = src.split('\n');
  const edits = [...fix.edits].sort((a, b) => offsetAt(lines, b.range.start) - offsetAt(lines, a.range.start));
  if (edits.length === 0) return undefined;
  const first = Math.min(...edits.map((e) => e.range.start.line));
  const last = Math.max(...edits.map((e) => e.range.end.line));
  if (last >= lines.length || last - first > 20) return undefined;
  const startOffset = offsetAt(lines, { line: first, character: 0 });
  const endOffset = offsetAt(lines, { line: last, character: lines[last]!.length });
  let after = src;
  for (const e of edits) after = after.slice(0, offsetAt(lines, e.range.start)) + e.newText + after.slice(offsetAt(lines, e.range.end));
  const grown = after.length - src.length;
  let oldText = src.slice(startOffset, endOffset);
  if (f.pack === 'secrets') {
    const masked = typeof f.properties?.maskedSecret === 'string' ? f.properties.maskedSecret : '…';
    const s = offsetAt(lines, f.range.start) - startOffset;
    const e = offsetAt(lines, f.range.end) - startOffset;
    if (s >= 0 && e <= oldText.length) oldText = oldText.slice(0, s) + masked + oldText.slice(e);
  }
  const newText = after.slice(startOffset, endOffset + grown);
  const diff = [...oldText.split('\n').map((l) => `-${l}`), ...newText.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === '' && all.length > 1)).map((l) => `+${l}`)];
  return redactSecrets(diff.join('\n'));
}

function findingBlock(p: PrFinding, n: number, rules: Map<string, RuleInfo>, readText: PrReport['readText']): string[] {
  const f = p.finding;
  const rule = rules.get(f.ruleId);
  const level = f.priority ? `${f.priority.level} · ` : '';
  const out = [`#### ${n}. ${ICON[f.severity]} ${level}${f.severity} · ${mdText(rule?.name ?? f.ruleId)} in ${mdCode(p.relPath)} line ${line(f)}`, ''];
  out.push(`${mdText(f.message)} (${mdCode(f.ruleId)}${f.cwe.length ? `, ${f.cwe.map(mdText).join(', ')}` : ''})`, '');
  if (f.priority) out.push(`_Why ${f.priority.level}:_ ${mdText(f.priority.reason)}`, '');
  if (f.trace?.length) {
    out.push('Trace:', '');
    f.trace.forEach((s, i) => {
      const where = s.path ? `${mdCode(s.path.split('/').slice(-2).join('/'))}:${s.range.start.line + 1}` : `line ${s.range.start.line + 1}`;
      out.push(`${i + 1}. ${s.kind} · ${where} · ${mdText(s.message)}`);
    });
    out.push('');
  }
  const fix = (f.fixes ?? []).find((x) => x.kind === 'fix' && x.isPreferred) ?? (f.fixes ?? []).find((x) => x.kind === 'fix');
  const text = fix ? readText(p.relPath) : undefined;
  const diff = fix && text !== undefined ? fixDiff(text, f, fix) : undefined;
  if (fix && diff) out.push(`Suggested fix: ${mdText(fix.title)}`, '', mdBlock('diff', diff), '');
  return out;
}

function counts(list: PrFinding[]): string {
  const by = ['p1', 'p2', 'p3', 'p4'].map((l) => [l, list.filter((x) => x.finding.priority?.level === l).length] as const).filter(([, n]) => n > 0);
  return by.length ? ` (${by.map(([l, n]) => `${n} ${l}`).join(', ')})` : '';
}

export function formatPrReport(r: PrReport): string {
  const rules = new Map(r.rules.map((x) => [x.id, x]));
  const introduced = r.introduced.filter((x) => x.finding.pack !== 'meta').sort(byUrgency);
  const fixed = r.fixed.filter((x) => x.finding.pack !== 'meta').sort(byUrgency);
  const delta = r.scoreAfter - r.scoreBefore;
  const out = [PR_REPORT_MARKER, '## Vigil security report', ''];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    `${introduced.length ? `**${plural(introduced.length, 'new finding')}**${counts(introduced)}` : '✅ **No new findings**'} · ${fixed.length ? `🎉 **${fixed.length} fixed**` : '0 fixed'}`,
    '',
    `Security score: ${r.scoreBefore} → ${r.scoreAfter} (${delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0'})`,
    '',
  );
  if (introduced.length) {
    out.push('### New in this change', '');
    introduced.forEach((p, i) => out.push(...findingBlock(p, i + 1, rules, r.readText)));
  }
  if (fixed.length) {
    out.push('### Fixed', '');
    for (const p of fixed) out.push(`- ${ICON[p.finding.severity]} ${p.finding.severity} · ${mdText(rules.get(p.finding.ruleId)?.name ?? p.finding.ruleId)} in ${mdCode(p.relPath)} line ${line(p.finding)} (${mdCode(p.finding.ruleId)})`);
    out.push('');
  }
  out.push('<sub>Vigil scans on the runner; nothing leaves it. Score: docs/score.md.</sub>');
  return `${out.join('\n')}\n`;
}
