/**
 * A rule's explanatory metadata (what its details page, hover and SARIF help say beyond the name and
 * description), parsed the same way for every pack's YAML rules. Every field is optional: a rule without them
 * still gets a page from its name, description, CWE and fix.
 */

/** OWASP Top 10 (2021) categories, by their code. */
export const OWASP_2021: Readonly<Record<string, string>> = {
  A01: 'Broken Access Control',
  A02: 'Cryptographic Failures',
  A03: 'Injection',
  A04: 'Insecure Design',
  A05: 'Security Misconfiguration',
  A06: 'Vulnerable and Outdated Components',
  A07: 'Identification and Authentication Failures',
  A08: 'Software and Data Integrity Failures',
  A09: 'Security Logging and Monitoring Failures',
  A10: 'Server-Side Request Forgery',
};

/** Explanatory fields a rule may carry. */
export interface RuleDocs {
  /** Why the weakness matters: what an attacker does with it (a short paragraph, markdown). */
  explanation?: string;
  /** A vulnerable and a fixed snippet, in the rule's language. */
  example?: { bad: string; good: string };
  /** OWASP Top 10 (2021) codes, e.g. `A03:2021`. */
  owasp?: string[];
  /** Further reading (https URLs). */
  references?: string[];
}

/** The YAML keys of `RuleDocs`, for each schema's list of allowed keys. */
export const RULE_DOC_KEYS = ['explanation', 'example', 'owasp', 'references'] as const;

const OWASP_RE = /^(A(?:0[1-9]|10)):2021$/;

/** The OWASP category's full title, e.g. `A03:2021 – Injection`. */
export function owaspTitle(code: string): string {
  const m = OWASP_RE.exec(code);
  return m ? `${code} – ${OWASP_2021[m[1]!]}` : code;
}

/**
 * Reads the doc fields of one raw rule. Problems are returned as messages (naming the key) for the schema to
 * report its own way; a bad field is left out, the rest kept.
 */
export function parseRuleDocs(raw: Record<string, unknown>): { docs: RuleDocs; problems: string[] } {
  const docs: RuleDocs = {};
  const problems: string[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (raw.explanation !== undefined) {
    if (text(raw.explanation)) docs.explanation = (raw.explanation as string).trim();
    else problems.push('`explanation` must be a non-empty string');
  }
  if (raw.example !== undefined) {
    const e = raw.example as Record<string, unknown> | null;
    const extra = e && typeof e === 'object' && !Array.isArray(e) ? Object.keys(e).filter((k) => k !== 'bad' && k !== 'good') : [];
    if (!e || typeof e !== 'object' || Array.isArray(e) || !text(e.bad) || !text(e.good) || extra.length > 0) {
      problems.push('`example` must be a mapping with exactly `bad` and `good` code strings');
    } else docs.example = { bad: (e.bad as string).replace(/\s+$/, ''), good: (e.good as string).replace(/\s+$/, '') };
  }
  if (raw.owasp !== undefined) {
    const list = typeof raw.owasp === 'string' ? [raw.owasp] : raw.owasp;
    if (!Array.isArray(list) || list.length === 0 || list.some((x) => typeof x !== 'string' || !OWASP_RE.test(x))) {
      problems.push('`owasp` must be OWASP Top 10 (2021) codes such as A03:2021');
    } else docs.owasp = list as string[];
  }
  if (raw.references !== undefined) {
    const list = raw.references;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || !/^https:\/\/\S+$/.test(x))) {
      problems.push('`references` must be a list of https URLs');
    } else docs.references = list as string[];
  }
  return { docs, problems };
}
