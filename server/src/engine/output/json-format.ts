/** `--format json`: the whole report as one JSON document, for scripts. Secrets are already masked in findings. */
import { displayPath, summarize, type ScanReport } from './scan-report';
import { escapeJsonControls } from './terminal';

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: ScanReport): string {
  const out = {
    version: JSON_REPORT_VERSION,
    tool: report.tool,
    roots: report.roots,
    summary: {
      ...summarize(report),
      filesScanned: report.scannedCount,
      filesSkipped: report.skipped.length,
      filesFailed: report.failed.length,
      durationMs: report.durationMs,
      cancelled: report.cancelled,
    },
    findings: report.files.flatMap((file) => file.findings.map((f) => ({ path: displayPath(report, file), ...f }))),
    notices: report.files.flatMap((file) => file.notices.map((n) => ({ path: displayPath(report, file), ...n }))),
    skipped: report.skipped,
    failed: report.failed,
    ruleErrors: report.ruleErrors,
    baseline: report.baseline,
    ...(report.history ? { history: report.history } : {}),
  };
  return `${escapeJsonControls(JSON.stringify(out, null, 2))}\n`;
}
