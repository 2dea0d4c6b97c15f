/**
 * Hovers on findings, from the server so every LSP client gets them: severity, category and CWE, one line of why,
 * the priority reason, the trace in short, and a link to the rule's details page. The finding's message is not
 * repeated: editors show the diagnostic beside the hover.
 */
import { basename } from 'node:path';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { RuleInfo } from '../engine/analyzer';
import { owaspTitle } from '../engine/rule-docs';
import type { Finding, Range, TraceStep } from '../engine/types';

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** The first sentence of a text, for the hover's one line of why. */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (m ? m[1]! : text.trim()).replace(/\s+/g, ' ');
}

/** Code and messages are shown as text, not markdown: `*`, `_`, `[`, `<` and friends are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

/** `line 3 req.query.id → line 5 db.query(…)`: at most four steps, the middle ones counted. */
function shortTrace(trace: readonly TraceStep[]): string {
  const step = (s: TraceStep) => `${s.path ? `${escapeMarkdown(basename(s.path))}:` : 'line '}${s.range.start.line + 1}: ${escapeMarkdown(s.message.length > 60 ? `${s.message.slice(0, 57)}…` : s.message)}`;
  if (trace.length <= 4) return trace.map(step).join(' → ');
  return [step(trace[0]!), step(trace[1]!), `… ${trace.length - 3} more …`, step(trace[trace.length - 1]!)].join(' → ');
}

export interface HoverLinks {
  /** The link target of "Show rule details" for a rule id. */
  details(rule: RuleInfo | undefined, ruleId: string, docsUrl: string): string;
}

/** The markdown section for one finding. */
export function findingHoverMarkdown(f: Finding, rule: RuleInfo | undefined, links: HoverLinks): string {
  const name = rule?.name ?? f.ruleId;
  const category = [`**${f.severity}**`, rule?.pack ?? f.pack, ...f.cwe, ...(rule?.docs?.owasp ?? []).map((o) => `OWASP ${owaspTitle(o)}`)];
  const lines = [`**Vigil: ${name}** · ${category.join(' · ')}`];
  const why = rule?.docs?.explanation ?? rule?.description;
  if (why) lines.push(firstSentence(why));
  if (f.priority) lines.push(`Priority ${f.priority.level.toUpperCase()}: ${f.priority.reason}`);
  if (f.trace?.length) lines.push(`Trace: ${shortTrace(f.trace)}`);
  lines.push(`[Show rule details](${links.details(rule, f.ruleId, f.docsUrl)}) · \`${f.ruleId}\``);
  return lines.join('\n\n');
}

/** The hover at `position`: one section per finding there, or null. */
export function hoverFor(findings: readonly Finding[], position: Position, rules: ReadonlyMap<string, RuleInfo>, links: HoverLinks): Hover | null {
  const here = findings.filter((f) => f.pack !== 'meta' && contains(f.range, position));
  if (here.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map((f) => findingHoverMarkdown(f, rules.get(f.ruleId), links)).join('\n\n---\n\n') },
    range: here.length === 1 ? here[0]!.range : undefined,
  };
}
