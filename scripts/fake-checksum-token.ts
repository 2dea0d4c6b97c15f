/**
 * Prints fake tokens in a checksummed format, for fixtures and tests: random base62 characters with a valid
 * checksum, so they exercise the "valid checksum" path without being anyone's credential.
 * Usage: node --import tsx scripts/fake-checksum-token.ts [prefix ...]   (default: ghp_ npm_)
 */
import { randomInt } from 'node:crypto';
import { base62, crc32 } from '../server/src/engine/secrets/validators';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `prefix` + 30 random base62 characters + their base62 CRC32 (GitHub/npm token format). */
export function fakeChecksumToken(prefix: string): string {
  let body = '';
  for (let i = 0; i < 30; i++) body += ALPHABET[randomInt(62)];
  return prefix + body + base62(crc32(body));
}

if (require.main === module) {
  const prefixes = process.argv.slice(2);
  for (const p of prefixes.length > 0 ? prefixes : ['ghp_', 'npm_']) console.log(fakeChecksumToken(p));
}
