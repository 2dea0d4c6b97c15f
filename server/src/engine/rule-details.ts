/**
 * A rule's details page as markdown, built from its metadata only: the editor shows it (the `vigil/ruleDetails`
 * request) and SARIF carries it as the rule's `help.markdown`, so both say the same thing.
 */
import type { RuleInfo } from './analyzer';
import { owaspTitle } from './rule-docs';

/** The MITRE page of a CWE id such as `CWE-89`. */
export function cweUrl(cwe: string): string | undefined {
  const m = /^CWE-(\d+)$/.exec(cwe);
  return m ? `https://cwe.mitre.org/data/definitions/${m[1]}.html` : undefined;
}

const OWASP_URL: Readonly<Record<string, string>> = {
  A01: 'https://owasp.org/Top10/A01_2021-Broken_Access_Control/',
  A02: 'https://owasp.org/Top10/A02_2021-Cryptographic_Failures/',
  A03: 'https://owasp.org/Top10/A03_2021-Injection/',
  A04: 'https://owasp.org/Top10/A04_2021-Insecure_Design/',
  A05: 'https://owasp.org/Top10/A05_2021-Security_Misconfiguration/',
  A06: 'https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/',
  A07: 'https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/',
  A08: 'https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/',
  A09: 'https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/',
  A10: 'https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/',
};

/** A code fence long enough not to be closed by backticks inside the code. */
function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((s) => s.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${code}\n${f}`;
}

/** Markdown fence language for a rule's first language (VS Code ids mostly match highlighters' names). */
function fenceLanguage(rule: RuleInfo): string {
  const l = rule.languages[0] ?? '';
  return /^[a-z][a-z0-9-]*$/.test(l) ? l : '';
}

/** The rule's category line: CWE and OWASP Top 10 (2021), as markdown links. */
export function ruleClassification(rule: RuleInfo): string {
  const parts = rule.cwe.map((c) => (cweUrl(c) ? `[${c}](${cweUrl(c)})` : c));
  for (const o of rule.docs?.owasp ?? []) {
    const url = OWASP_URL[o.slice(0, 3)];
    parts.push(url ? `[OWASP ${owaspTitle(o)}](${url})` : `OWASP ${owaspTitle(o)}`);
  }
  return parts.join(' · ');
}

/** The whole details page of a rule. */
export function ruleDetailsMarkdown(rule: RuleInfo): string {
  const out: string[] = [`# ${rule.name}`, ''];
  const classification = ruleClassification(rule);
  out.push(`\`${rule.id}\` · ${rule.severity} · ${rule.pack}${classification ? ` · ${classification}` : ''}`, '');
  out.push('## What it finds', '', rule.description, '');
  if (rule.docs?.explanation) out.push('## Why it matters', '', rule.docs.explanation, '');
  const ex = rule.docs?.example;
  if (ex) {
    const lang = fenceLanguage(rule);
    out.push('## Example', '', 'Vulnerable:', '', fence(ex.bad, lang), '', 'Fixed:', '', fence(ex.good, lang), '');
  }
  out.push(
    '## The fix Vigil offers',
    '',
    rule.fixOffered
      ? `${rule.fixOffered} (quick fix on the finding; also applied by "Fix all").`
      : 'No automatic rewrite for this rule: change the code as in the example, or suppress a reviewed finding with a `vigil-ignore` comment and a reason.',
    '',
  );
  const refs = [
    ...rule.cwe.flatMap((c) => (cweUrl(c) ? [`[${c} at MITRE](${cweUrl(c)})`] : [])),
    ...(rule.docs?.references ?? []).map((r) => `<${r}>`),
    `[Vigil rule documentation](${rule.docsUrl})`,
  ];
  out.push('## References', '', ...refs.map((r) => `- ${r}`), '');
  return out.join('\n');
}
