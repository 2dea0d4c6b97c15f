/** The rotate-link sentence of a secret finding's message, shared so the CLI text output can list it once per rule. */
export function rotateSentence(url: string): string {
  return ` How to revoke it: ${url}`;
}
