/**
 * `--format text`: findings grouped by file, with taint traces, skip reasons, stale baseline entries and a
 * summary. Colour only when asked for (the CLI decides: a TTY, and no NO_COLOR).
 */
import { SEVERITIES, type Finding, type Severity } from '../types';
import { displayPath, stepPath, summarize, type ScanReport } from './scan-report';
import { escapeControlChars as esc } from './terminal';

type Paint = (s: string) => string;

export interface TextStyle {
  bold: Paint;
  dim: Paint;
  underline: Paint;
  severity: (s: Severity) => Paint;
}

const plain: Paint = (s) => s;
const sgr = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;

export function textStyle(color: boolean): TextStyle {
  if (!color) return { bold: plain, dim: plain, underline: plain, severity: () => plain };
  const bySeverity: Record<Severity, Paint> = {
    critical: (s) => sgr(1, 22)(sgr(35, 39)(s)),
    high: sgr(31, 39),
    medium: sgr(33, 39),
    low: sgr(36, 39),
    info: sgr(2, 22),
  };
  return { bold: sgr(1, 22), dim: sgr(2, 22), underline: sgr(4, 24), severity: (s) => bySeverity[s] };
}

const pos = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;

/** Default width of the report: a 100-column terminal. */
export const TEXT_WIDTH = 100;

/**
 * `text` broken at spaces into lines of at most `width` characters, the first `first` characters shorter (a
 * prefix precedes it). A word longer than a line (a long path) is cut: every line must fit.
 */
export function wrap(text: string, width: number, first = 0): string[] {
  const out: string[] = [];
  let line = '';
  let room = Math.max(1, width - first);
  const flush = () => {
    out.push(line);
    line = '';
    room = Math.max(1, width);
  };
  for (let word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) flush();
    while (word.length > room - (line ? line.length + 1 : 0)) {
      const take = room - (line ? line.length + 1 : 0);
      if (take <= 0) {
        flush();
        continue;
      }
      line = line ? `${line} ${word.slice(0, take)}` : word.slice(0, take);
      word = word.slice(take);
      flush();
    }
    if (word) line = line ? `${line} ${word}` : word;
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

/** `prefix` then `text` wrapped to `width`, continuation lines indented by `indent` spaces; `paint` colours the text. */
function block(prefix: string, prefixLength: number, text: string, width: number, indent: number, paint: Paint = plain): string[] {
  const pad = ' '.repeat(indent);
  const [head = '', ...rest] = wrap(text, width - indent, prefixLength - indent);
  return [`${prefix}${paint(head)}`, ...rest.map((l) => `${pad}${paint(l)}`)];
}

/** A message's sentences: split before a capital letter after `.`, `!`, `?` or a link (which ends a sentence unpunctuated). */
function sentences(message: string): string[] {
  return message.split(/(?<=[.!?]|:\/\/\S+)\s+(?=[A-Z])/);
}

/**
 * Each rule's advice, given once per run instead of on every finding: the sentences after the first that every
 * finding of the rule in this report shares (a rule with one finding: all of them). What is said of one finding
 * only (where a secret was committed) stays on it.
 */
function sharedAdvice(report: ScanReport): Map<string, Set<string>> {
  const byRule = new Map<string, Set<string>>();
  for (const file of report.files) {
    for (const f of file.findings) {
      const own = new Set(sentences(f.message).slice(1));
      const shared = byRule.get(f.ruleId);
      byRule.set(f.ruleId, shared ? new Set([...shared].filter((x) => own.has(x))) : own);
    }
  }
  return new Map([...byRule].filter(([, advice]) => advice.size > 0).sort(([a], [b]) => a.localeCompare(b)));
}

/** Highest priority first (stable: equal ones keep their position order). */
function byPriority(a: Finding, b: Finding): number {
  return (b.priority?.score ?? 0) - (a.priority?.score ?? 0);
}

const topScore = (findings: Finding[]) => Math.max(0, ...findings.map((f) => f.priority?.score ?? 0));

export interface TextOptions {
  color?: boolean;
  /** Terminal width in columns (default 100); every line fits in it. */
  width?: number;
}

export function formatText(report: ScanReport, options: TextOptions = {}): string {
  const st = textStyle(options.color === true);
  const width = Math.max(40, options.width ?? TEXT_WIDTH);
  const out: string[] = [];
  const advice = sharedAdvice(report);
  // The file with the most urgent finding first, then by path.
  const files = [...report.files].sort((a, b) => topScore(b.findings) - topScore(a.findings));
  for (const file of files) {
    if (file.findings.length === 0 && file.notices.length === 0) continue;
    // Paths and messages come from the repository (names, quoted source): escaped before any colour is added.
    for (const l of wrap(esc(displayPath(report, file)), width)) out.push(st.underline(l));
    for (const n of file.notices) out.push(...block(`  ${st.dim('note')}  `, 8, esc(n.message), width, 8));
    for (const f of [...file.findings].sort(byPriority)) {
      const shared = advice.get(f.ruleId);
      const message = sentences(f.message).filter((x, i) => i === 0 || !shared?.has(x)).join(' ');
      const where = pos(f.range.start).padEnd(8);
      out.push(...block(`  ${where} ${st.severity(f.severity)(f.severity.padEnd(8))} `, 20, esc(message), width, 20));
      const rank = f.priority ? `${f.priority.level} · ${f.priority.reason} · ` : '';
      out.push(...block('           ', 11, esc(`${rank}${f.ruleId}`), width, 11, st.dim));
      for (const step of f.trace ?? []) {
        const at = step.path && step.path !== file.path ? `${esc(stepPath(report, file, step.path))}:${pos(step.range.start)}` : pos(step.range.start);
        // The location in the aligned lead when short; a long path (another file) wraps with the message.
        const short = at.length <= 8;
        const lead = `           ${step.kind.padEnd(6)} ${short ? `${at.padEnd(8)} ` : ''}`;
        out.push(...block(st.dim(lead), lead.length, short ? esc(step.message) : `${at} ${esc(step.message)}`, width, lead.length, st.dim));
      }
    }
    out.push('');
  }
  if (advice.size > 0) {
    out.push(st.bold('What to do:'));
    for (const [rule, said] of advice) {
      out.push(...block('  ', 2, esc(rule), width, 2, st.dim));
      out.push(...block('    ', 4, esc([...said].join(' ')), width, 4));
    }
    out.push('');
  }
  if (report.history?.error) out.push(...block('', 0, `git history not searched for the secrets found: ${esc(report.history.error)}`, width, 4, st.dim));
  if (report.history?.limited) out.push(...block('', 0, `git history search for the secrets found was cut short: ${esc(report.history.limited)}`, width, 4, st.dim));
  if (report.history?.error || report.history?.limited) out.push('');
  for (const e of report.ruleErrors) {
    const at = e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : '';
    out.push(...block(`${st.severity('high')('rule error')} `, 11, `${esc(e.source)}${at}${e.ruleId ? ` (${esc(e.ruleId)})` : ''}: ${esc(e.message)}`, width, 4));
  }
  for (const s of report.skipped) out.push(...block('', 0, `${esc(s.path)}: ${esc(s.message)}`, width, 4, st.dim));
  for (const f of report.failed) out.push(...block(`${st.severity('high')('failed')} `, 7, `${esc(f.path)}: ${esc(f.message)}`, width, 4));
  if (report.baseline) {
    for (const e of report.baseline.stale) {
      out.push(...block('', 0, `stale baseline entry: ${esc(e.path)} ${esc(e.ruleId)} ${esc(e.fingerprint.slice(0, 12))} no longer matches a finding (update with \`vigil baseline\`)`, width, 4, st.dim));
    }
  }
  if (report.ruleErrors.length || report.skipped.length || report.failed.length || report.baseline?.stale.length) out.push('');

  const sum = summarize(report);
  const sev = SEVERITIES.filter((s) => sum.bySeverity[s] > 0).map((s) => st.severity(s)(`${sum.bySeverity[s]} ${s}`));
  const packs = Object.entries(sum.byPack).sort().map(([p, n]) => `${p} ${n}`);
  const parts = [
    `${st.bold(`${sum.total} finding${sum.total === 1 ? '' : 's'}`)}${sev.length ? ` (${sev.join(', ')})` : ''}`,
    `${report.scannedCount} file${report.scannedCount === 1 ? '' : 's'} scanned`,
  ];
  if (packs.length) parts.push(`by class: ${packs.join(', ')}`);
  if (report.skipped.length) parts.push(`${report.skipped.length} skipped`);
  if (report.failed.length) parts.push(`${report.failed.length} failed`);
  if (report.baseline) parts.push(`${report.baseline.hidden} hidden by baseline, ${report.baseline.stale.length} stale`);
  parts.push(`${(report.durationMs / 1000).toFixed(1)} s`);
  if (report.cancelled) parts[0] = `Cancelled. ${parts[0]}`;
  // Joined on one line while it fits (measured without colour codes), else continued on the next.
  const visible = (t: string) => t.replace(/\u001b\[\d+m/g, '').length;
  let line = '';
  for (const part of parts) {
    if (line && visible(line) + 3 + visible(part) > width) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} · ${part}` : part;
  }
  out.push(line);
  return `${out.join('\n')}\n`;
}
