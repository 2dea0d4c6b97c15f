/** Where each rule's documentation lives. One place, so diagnostics, SARIF and the docs agree. */
export const DOCS_BASE_URL = 'https://github.com/vigil-security/vigil/blob/main/docs/rules/';

/** Link to a rule's section in `docs/rules/<pack>.md` (GitHub heading anchors: lower case, dots dropped). */
export function docsUrlFor(pack: string, ruleId: string): string {
  return `${DOCS_BASE_URL}${pack}.md#${ruleId.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;
}
