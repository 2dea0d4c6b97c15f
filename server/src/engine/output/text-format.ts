/**
 * `--format text`: findings grouped by file, with taint traces, skip reasons, stale baseline entries and a
 * summary. Colour only when asked for (the CLI decides: a TTY, and no NO_COLOR).
 */
import { rotateSentence } from '../secrets/rotate';
import { SEVERITIES, type Finding, type Severity } from '../types';
import { displayPath, summarize, type ScanReport } from './scan-report';
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

/** Rotate links named by more than one finding: each is listed once at the end instead of on every finding. */
function repeatedRotateLinks(report: ScanReport): Map<string, string> {
  const count = new Map<string, number>();
  const url = new Map<string, string>();
  for (const file of report.files) {
    for (const f of file.findings) {
      const u = rotateUrlOf(f);
      if (!u) continue;
      count.set(f.ruleId, (count.get(f.ruleId) ?? 0) + 1);
      url.set(f.ruleId, u);
    }
  }
  return new Map([...url].filter(([rule]) => count.get(rule)! > 1).sort(([a], [b]) => a.localeCompare(b)));
}

function rotateUrlOf(f: Finding): string | undefined {
  const u = f.properties?.rotateUrl;
  return typeof u === 'string' && f.message.includes(rotateSentence(u)) ? u : undefined;
}

export function formatText(report: ScanReport, options: { color?: boolean } = {}): string {
  const st = textStyle(options.color === true);
  const out: string[] = [];
  const rotateOnce = repeatedRotateLinks(report);
  for (const file of report.files) {
    if (file.findings.length === 0 && file.notices.length === 0) continue;
    // Paths and messages come from the repository (names, quoted source): escaped before any colour is added.
    out.push(st.underline(esc(displayPath(report, file))));
    for (const n of file.notices) out.push(`  ${st.dim('note')}  ${esc(n.message)}`);
    for (const f of file.findings) {
      const sev = st.severity(f.severity)(f.severity.padEnd(8));
      const rotate = rotateOnce.has(f.ruleId) ? rotateUrlOf(f) : undefined;
      const message = rotate ? f.message.replace(rotateSentence(rotate), '') : f.message;
      out.push(`  ${pos(f.range.start).padEnd(8)} ${sev} ${esc(message)}  ${st.dim(esc(f.ruleId))}`);
      for (const step of f.trace ?? []) {
        const where = step.path && step.path !== file.path ? `${esc(step.path)}:${pos(step.range.start)}` : pos(step.range.start);
        out.push(st.dim(`           ${step.kind.padEnd(6)} ${where.padEnd(8)} ${esc(step.message)}`));
      }
    }
    out.push('');
  }
  if (rotateOnce.size > 0) {
    out.push(st.bold('How to revoke the secrets found:'));
    for (const [rule, url] of rotateOnce) out.push(`  ${esc(rule)}  ${esc(url)}`);
    out.push('');
  }
  if (report.history?.error) out.push(st.dim(`git history not searched for the secrets found: ${esc(report.history.error)}`));
  if (report.history?.limited) out.push(st.dim(`git history search for the secrets found was cut short: ${esc(report.history.limited)}`));
  if (report.history?.error || report.history?.limited) out.push('');
  for (const e of report.ruleErrors) {
    const at = e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : '';
    out.push(`${st.severity('high')('rule error')} ${esc(e.source)}${at}${e.ruleId ? ` (${esc(e.ruleId)})` : ''}: ${esc(e.message)}`);
  }
  for (const s of report.skipped) out.push(st.dim(`${esc(s.path)}: ${esc(s.message)}`));
  for (const f of report.failed) out.push(`${st.severity('high')('failed')} ${esc(f.path)}: ${esc(f.message)}`);
  if (report.baseline) {
    for (const e of report.baseline.stale) {
      out.push(st.dim(`stale baseline entry: ${esc(e.path)} ${esc(e.ruleId)} ${esc(e.fingerprint.slice(0, 12))} no longer matches a finding (update with \`vigil baseline\`)`));
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
  out.push(`${report.cancelled ? 'Cancelled. ' : ''}${parts.join(' · ')}`);
  return `${out.join('\n')}\n`;
}
