/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning services (e.g. GitHub code scanning). Rules carry their
 * description, help and CWE tags; taint traces become `codeFlows`; `partialFingerprints` come from the finding
 * fingerprints, which survive unrelated edits. No source snippet is ever written: findings already mask secrets
 * and the output adds no text of the scanned files.
 */
import { pathToFileURL } from 'node:url';
import type { RuleInfo } from '../analyzer';
import { ruleDetailsMarkdown } from '../rule-details';
import { docsUrlFor } from '../docs-links';
import { SUPPRESSION_RULES } from '../suppressions';
import type { Finding, Range, Severity, TraceStep } from '../types';
import { toRelPosix } from '../scan/file-walker';
import type { ScanReport } from './scan-report';
import { escapeJsonControls } from './terminal';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'vigilFingerprint/v1';
const INFORMATION_URI = 'https://github.com/vigil-security/vigil';

/** Rules about Vigil itself (suppression comments), which no analyzer lists. */
const META_RULES: Record<string, { name: string; description: string }> = {
  [SUPPRESSION_RULES.unused]: {
    name: 'Unused suppression',
    description: 'A vigil-ignore comment hides no finding: the problem was fixed or the rule id is wrong. Remove the comment so it cannot hide a future finding.',
  },
  [SUPPRESSION_RULES.missingReason]: {
    name: 'Suppression without a reason',
    description: 'A vigil-ignore comment needs a reason after "--" (not the quick fix\'s placeholder); without one it does not apply.',
  },
};

type Json = Record<string, unknown>;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub's `security-severity` (CVSS-like 0-10) that puts a rule in the same band as our severity. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.5' };

/** `CWE-89` -> `external/cwe/cwe-89`, the tag form code-scanning services read. */
export function cweTag(cwe: string): string {
  return `external/cwe/${cwe.toLowerCase()}`;
}

function region(r: Range): Json {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(report: ScanReport): string {
  const baseIds: Json = {};
  const baseIdOf = new Map<string, string>();
  report.roots.forEach((root, i) => {
    const id = i === 0 ? 'SRCROOT' : `SRCROOT${i}`;
    baseIdOf.set(root, id);
    baseIds[id] = { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` };
  });

  const artifact = (path: string, root: string | undefined): Json => {
    const id = root ? baseIdOf.get(root) : undefined;
    if (root && id) {
      const rel = toRelPosix(root, path);
      if (!rel.startsWith('..')) return { uri: encodeURI(rel), uriBaseId: id };
    }
    return { uri: pathToFileURL(path).href };
  };

  // Rules: every rule that ran, plus any rule seen only in findings (e.g. meta rules about suppressions).
  const rules = new Map<string, RuleInfo>();
  for (const r of report.rules) rules.set(r.id, r);
  for (const file of report.files) {
    for (const f of file.findings) {
      if (!rules.has(f.ruleId)) {
        rules.set(f.ruleId, {
          id: f.ruleId,
          pack: f.pack === 'meta' ? 'secrets' : f.pack,
          name: META_RULES[f.ruleId]?.name ?? f.ruleId,
          description: META_RULES[f.ruleId]?.description ?? f.message,
          severity: f.severity,
          cwe: f.cwe,
          docsUrl: f.docsUrl || docsUrlFor(f.pack, f.ruleId),
          languages: [],
        });
      }
    }
  }
  const metaRules = new Set(report.files.flatMap((file) => file.findings.filter((f) => f.pack === 'meta').map((f) => f.ruleId)));
  const ruleList = [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));

  const driverRules = ruleList.map((r) => {
    const meta = metaRules.has(r.id);
    const tags = [...(meta ? ['maintainability'] : ['security', r.pack]), ...r.cwe.map(cweTag)];
    const cweText = r.cwe.length ? `\n\nCWE: ${r.cwe.join(', ')}` : '';
    return {
      id: r.id,
      name: r.name,
      shortDescription: { text: r.name },
      fullDescription: { text: r.description },
      help: {
        text: `${r.description}${cweText}\n\nDocumentation: ${r.docsUrl}`,
        // The same page the editor shows for the rule (vigil/ruleDetails).
        markdown: meta ? `${r.description}${cweText}\n\n[Documentation](${r.docsUrl})` : ruleDetailsMarkdown(r),
      },
      helpUri: r.docsUrl,
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: {
        tags,
        ...(meta ? {} : { 'security-severity': SECURITY_SEVERITY[r.severity] }),
        severity: r.severity,
        ...(r.languages.length ? { languages: r.languages } : {}),
      },
    };
  });

  const location = (path: string, root: string, range: Range, message?: string): Json => ({
    physicalLocation: { artifactLocation: artifact(path, root), region: region(range) },
    ...(message ? { message: { text: message } } : {}),
  });

  const results: Json[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const result: Json = {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [location(file.path, file.root, f.range)],
        // SARIF's rank (0-100, higher = more important) is the priority score; the level and reason go beside it.
        ...(f.priority ? { rank: f.priority.score } : {}),
        properties: { severity: f.severity, pack: f.pack, cwe: f.cwe, ...(f.properties ?? {}), ...(f.priority ? { priority: f.priority } : {}) },
      };
      if (f.fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
      if (f.trace?.length) result.codeFlows = [codeFlow(f, f.trace, (s) => location(s.path ?? file.path, file.root, s.range, s.message))];
      const fixes = (f.fixes ?? []).filter((x) => x.kind === 'fix' && x.edits.length > 0);
      if (fixes.length) {
        result.fixes = fixes.map((x) => ({
          description: { text: x.title },
          artifactChanges: [
            {
              artifactLocation: artifact(file.path, file.root),
              replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            },
          ],
        }));
      }
      results.push(result);
    }
  }

  const notifications: Json[] = [
    ...report.skipped.map((s) => ({
      level: 'note',
      message: { text: `${s.message}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.path, rootOf(report, s.path)) } }],
      descriptor: { id: `skipped/${s.reason}` },
    })),
    // Files analysed in part (a budget cut the analysis, an analyzer failed): their findings may be incomplete.
    ...report.files.flatMap((f) =>
      f.notices.map((n) => ({
        level: 'warning',
        message: { text: n.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(f.path, f.root) } }],
        descriptor: { id: `partial/${n.reason}` },
      })),
    ),
    ...report.failed.map((s) => ({
      level: 'error',
      message: { text: s.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.path, rootOf(report, s.path)) } }],
      descriptor: { id: 'scan-failed' },
    })),
    ...report.ruleErrors.map((e) => ({
      level: 'error',
      message: { text: `${e.ruleId ? `${e.ruleId}: ` : ''}${e.message}` },
      descriptor: { id: 'rule-load-error' },
    })),
  ];

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Vigil',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: driverRules,
          },
        },
        originalUriBaseIds: baseIds,
        invocations: [
          {
            executionSuccessful: !report.cancelled && report.failed.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        ...(report.baseline || report.history
          ? {
              properties: {
                ...(report.baseline ? { baselineHidden: report.baseline.hidden, baselineStale: report.baseline.stale.length } : {}),
                // How many secrets were found in git history, and why that search was cut short or failed.
                ...(report.history ? { history: report.history } : {}),
              },
            }
          : {}),
      },
    ],
  };
  return `${escapeJsonControls(JSON.stringify(log, null, 2))}\n`;
}

function codeFlow(f: Finding, trace: TraceStep[], loc: (s: TraceStep) => Json): Json {
  return {
    message: { text: f.message },
    threadFlows: [
      {
        locations: trace.map((s, i) => ({
          location: loc(s),
          kinds: [s.kind === 'step' ? 'pass-through' : s.kind],
          executionOrder: i + 1,
          importance: s.kind === 'step' ? 'important' : 'essential',
        })),
      },
    ],
  };
}

function rootOf(report: ScanReport, path: string): string | undefined {
  return report.roots.find((r) => !toRelPosix(r, path).startsWith('..'));
}
