/** Engine findings -> LSP diagnostics. The only place that knows both shapes. */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity, SkipNotice } from '../engine/types';

export const DIAGNOSTIC_SOURCE = 'vigil';

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'critical':
    case 'high':
      return DiagnosticSeverity.Error;
    case 'medium':
      return DiagnosticSeverity.Warning;
    case 'low':
      return DiagnosticSeverity.Information;
    case 'info':
      return DiagnosticSeverity.Hint;
  }
}

/** Data attached to each diagnostic so code actions can find the finding again. */
export interface DiagnosticData {
  fingerprint: string;
  /** Vigil's own severity: LSP's four levels cannot tell critical from high. */
  severity: Severity;
  pack: Finding['pack'];
  /** The finding's priority, when ranked: the editor's findings view sorts and explains by it. */
  priority?: Finding['priority'];
}

/**
 * `detailsHref`: where the rule's code links to (the client's rule-details page when it has one); the rule's
 * documentation URL otherwise.
 */
export function toDiagnostic(f: Finding, uri: string, detailsHref?: (ruleId: string) => string | undefined): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (f.trace ?? []).map((step) => ({
    location: { uri: step.path ? pathToFileURL(step.path).toString() : uri, range: step.range },
    message: `${step.kind === 'source' ? 'source' : step.kind === 'sink' ? 'sink' : 'step'}: ${step.message}`,
  }));
  const data: DiagnosticData = { fingerprint: f.fingerprint ?? '', severity: f.severity, pack: f.pack, ...(f.priority ? { priority: f.priority } : {}) };
  return {
    range: f.range,
    severity: toLspSeverity(f.severity),
    code: f.ruleId,
    codeDescription: { href: detailsHref?.(f.ruleId) ?? f.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: f.message.trim() || f.ruleId,
    relatedInformation: related.length > 0 ? related : undefined,
    data,
  };
}

/** A notice (file skipped, analyzer failed) shown on the first line so the user knows why nothing is reported. */
export function noticeDiagnostic(n: SkipNotice): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: `vigil.notice.${n.reason}`,
    source: DIAGNOSTIC_SOURCE,
    message: n.message,
  };
}
