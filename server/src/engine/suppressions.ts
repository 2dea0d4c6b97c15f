/**
 * Inline suppressions: `vigil-ignore <rule-id>[,<rule-id>...] -- <reason>` in a comment on the finding's line
 * or the line above. The same code serves the editor and the CLI, so both hide exactly the same findings.
 * A suppression without a reason (or still with the quick fix's placeholder) does not apply, and one that hides
 * nothing is reported.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { IgnoreEntry } from './config/vigil-config';
import { docsUrlFor } from './docs-links';
import { compileGlob } from './glob';
import { grammarCommentSyntax, type GrammarId } from './languages';
import type { LineIndex } from './text';
import type { Finding, Fix, Range } from './types';

const SUPPRESS_RE = /vigil-ignore(?:\s+([A-Za-z0-9_.*-]+(?:\s*,\s*[A-Za-z0-9_.*-]+)*))?(?:\s+--\s*(.*?))?\s*(?:\*\/|-->)?\s*$/;

export interface Suppression {
  line: number;
  ruleIds: string[];
  reason: string;
  /** Column range of the `vigil-ignore ...` text on its line. */
  startCharacter: number;
  endCharacter: number;
}

export const SUPPRESSION_RULES = {
  unused: 'vigil.suppression.unused',
  missingReason: 'vigil.suppression.missing-reason',
} as const;

/**
 * The reason the suppress quick fixes insert for the user to type over. Not a reason: a suppression still carrying
 * it applies to nothing and is reported, as one without a reason is.
 */
export const SUPPRESSION_REASON_PLACEHOLDER = 'TODO: explain why this is safe';

/** Escapes text for LSP snippet syntax. */
function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The text of a suppression comment line for `ruleId` (the suppress quick fixes), as plain text with the
 * placeholder reason and as an LSP snippet that selects the reason for typing.
 */
export function suppressionLine(indent: string, comment: readonly [string, string], ruleId: string, eol: string): { newText: string; snippet: string } {
  const head = `${indent}${comment[0]} vigil-ignore ${ruleId} -- `;
  const tail = `${comment[1]}${eol}`;
  return {
    newText: `${head}${SUPPRESSION_REASON_PLACEHOLDER}${tail}`,
    snippet: `${snippetEscape(head)}\${1:${snippetEscape(SUPPRESSION_REASON_PLACEHOLDER)}}${snippetEscape(tail)}`,
  };
}

/**
 * The fix that puts `vigil-ignore <ruleId> -- <reason>` on the line above `range`, at that line's indentation, in
 * the comment syntax of `grammar` (`//` without one).
 */
export function suppressLineFix(ruleId: string, range: Range, lines: LineIndex, grammar: GrammarId | undefined): Fix {
  const line = range.start.line;
  const indent = /^\s*/.exec(lines.lineText(line))![0];
  const comment = (grammar && grammarCommentSyntax(grammar)) || (['//', ''] as const);
  return {
    title: `Suppress ${ruleId} on this line (with a reason)`,
    kind: 'suppress',
    edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, ...suppressionLine(indent, comment, ruleId, lines.eol) }],
  };
}

/** A reason someone wrote: not empty, not the quick fix's placeholder. */
function hasReason(s: Suppression): boolean {
  return s.reason !== '' && s.reason !== SUPPRESSION_REASON_PLACEHOLDER;
}

/** Finds every `vigil-ignore` comment in a text. */
export function findSuppressions(lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  const text = lines.text;
  let from = 0;
  for (;;) {
    const at = text.indexOf('vigil-ignore', from);
    if (at < 0) break;
    from = at + 12;
    const pos = lines.positionAt(at);
    const lineText = lines.lineText(pos.line);
    const m = SUPPRESS_RE.exec(lineText.slice(pos.character));
    if (!m) continue;
    out.push({
      line: pos.line,
      ruleIds: (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      reason: (m[2] ?? '').trim(),
      startCharacter: pos.character,
      endCharacter: lineText.length,
    });
  }
  return out;
}

function matches(s: Suppression, ruleId: string): boolean {
  return s.ruleIds.some((id) => id === ruleId || (id.endsWith('*') && ruleId.startsWith(id.slice(0, -1))));
}

/** The suppression that hides `f`: one with a reason naming its rule, on its line or the line above. */
export function suppressionOf(f: Finding, sups: readonly Suppression[]): Suppression | undefined {
  const line = f.range.start.line;
  const above = (f.spanStartLine ?? line) - 1;
  return sups.find((x) => (x.line === line || x.line === line - 1 || x.line === above) && hasReason(x) && matches(x, f.ruleId));
}

/**
 * Removes suppressed findings and adds meta findings for suppressions without a reason and for unused ones.
 * `ranRules` are the rule ids that actually ran, so a suppression for a switched-off rule is not called unused.
 */
export function applySuppressions(findings: Finding[], lines: LineIndex, ranRules: ReadonlySet<string>): Finding[] {
  const sups = findSuppressions(lines);
  if (sups.length === 0) return findings;
  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const s = suppressionOf(f, sups);
    if (s) used.add(s);
    else kept.push(f);
  }
  for (const s of sups) {
    const range = { start: { line: s.line, character: s.startCharacter }, end: { line: s.line, character: s.endCharacter } };
    if (!hasReason(s) || s.ruleIds.length === 0) {
      kept.push({
        ruleId: SUPPRESSION_RULES.missingReason,
        pack: 'meta',
        severity: 'info',
        cwe: [],
        message:
          s.reason === SUPPRESSION_REASON_PLACEHOLDER
            ? `vigil-ignore still has the placeholder reason "${SUPPRESSION_REASON_PLACEHOLDER}": write why this is safe. It has no effect until then.`
            : 'vigil-ignore needs a rule id and a reason: `vigil-ignore <rule-id> -- <why this is safe>`. It has no effect until then.',
        range,
        docsUrl: docsUrlFor('meta', SUPPRESSION_RULES.missingReason),
      });
    } else if (!used.has(s) && s.ruleIds.some((id) => id.endsWith('*') || ranRules.has(id))) {
      kept.push({
        ruleId: SUPPRESSION_RULES.unused,
        pack: 'meta',
        severity: 'low',
        cwe: [],
        message: `Unused suppression: no ${s.ruleIds.join(', ')} finding on this line or the next. Remove the comment.`,
        range,
        docsUrl: docsUrlFor('meta', SUPPRESSION_RULES.unused),
      });
    }
  }
  return kept;
}

/**
 * `.vigil.yml` `ignore:` entries: a finding of the entry's rule (or advisory, for dependency findings) in a file its
 * `path` glob matches is dropped; once `today` is past the entry's `until`, it is kept and says the ignore expired.
 * Paths are judged relative to the workspace folder; a file outside it matches only entries without `path`.
 */
export function applyIgnoreList(findings: Finding[], entries: readonly IgnoreEntry[], path: string, workspaceRoot: string | undefined, today: string | undefined): Finding[] {
  const rel = workspaceRoot ? relative(workspaceRoot, path).split(sep).join('/') : undefined;
  const inside = rel !== undefined && rel !== '' && !rel.startsWith('../') && !isAbsolute(rel);
  const applies = entries.filter((e) => e.path === undefined || (inside && compileGlob(e.path).match(rel!)));
  if (applies.length === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const advisory = f.properties?.advisory;
    const entry = applies.find((e) => e.rule === f.ruleId || (typeof advisory === 'string' && e.rule === advisory));
    if (!entry) out.push(f);
    else if (entry.until !== undefined && today !== undefined && today > entry.until) {
      out.push({ ...f, message: `${f.message} (Its .vigil.yml ignore expired after ${entry.until}: "${entry.reason}".)` });
    }
  }
  return out;
}
