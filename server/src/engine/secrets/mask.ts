/**
 * The one way Vigil shows a secret: a few characters of each end and the length, e.g. `ghp_…Xy3 (40 chars)`.
 * The diagnostic, the CLI, SARIF and logs all use this, so no output ever carries a whole secret.
 */
export function maskSecret(secret: string): string {
  const n = secret.length;
  const head = n >= 16 ? 4 : n >= 10 ? 2 : 0;
  const tail = n >= 20 ? 3 : 0;
  const visible = (s: string): string => s.replace(/\s/g, '·');
  return `${visible(secret.slice(0, head))}…${tail > 0 ? visible(secret.slice(n - tail)) : ''} (${n} chars)`;
}
