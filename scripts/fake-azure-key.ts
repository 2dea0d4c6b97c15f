/**
 * Prints fake Azure identifiable keys for fixtures and tests: random bytes with the service's signature and a valid
 * Marvin32 checksum (layout in server/src/engine/secrets/azure-keys.ts), so they exercise the "valid checksum" path
 * without being anyone's key.
 * Usage: node --import tsx scripts/fake-azure-key.ts <signature> <bytes> <seed name> [url]
 *   e.g. `+ASt 64 Default0`, `AzFu 40 Functi00 url`, `AzSe 39 Query000 url`
 */
import { randomInt } from 'node:crypto';
import { marvin32 } from '../server/src/engine/secrets/azure-keys';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The 64-bit seed named by 8 ASCII characters, read big-endian. */
function seedOf(name: string): bigint {
  let v = 0n;
  for (const ch of name) v = (v << 8n) | BigInt(ch.charCodeAt(0));
  return v;
}

/** A key of `bytes` bytes with `signature` before its checksum, base62 characters only when `base62Only`. */
export function fakeAzureKey(signature: string, bytes: number, seedName: string, urlSafe = false, base62Only = false): string {
  const len = 4 * Math.ceil(bytes / 3);
  const pad = (3 - (bytes % 3)) % 3;
  const sigAt = len - pad - 10;
  for (;;) {
    // Random text with the signature in place and the character after it at 0 (it shares bits with the checksum).
    let text = '';
    for (let i = 0; i < len - pad; i++) text += i >= sigAt && i < sigAt + 4 ? signature[i - sigAt] : i === sigAt + 4 ? 'A' : B64[randomInt(base62Only ? 62 : 64)];
    const buf = Buffer.from(text + '='.repeat(pad), 'base64');
    buf.writeUInt32LE(marvin32(buf.subarray(0, bytes - 4), seedOf(seedName)), bytes - 4);
    let key = buf.toString('base64');
    if (urlSafe) key = key.replace(/\+/g, '-').replace(/\//g, '_');
    if (key.slice(sigAt, sigAt + 4) !== signature) continue;
    if (base62Only && /[^A-Za-z0-9]/.test(key.slice(0, len - pad))) continue;
    return key;
  }
}

if (require.main === module) {
  const [signature, bytes, seedName, url] = process.argv.slice(2);
  if (!signature || !bytes || !seedName) throw new Error('usage: fake-azure-key.ts <signature> <bytes> <seed name> [url]');
  console.log(fakeAzureKey(signature, Number(bytes), seedName, url === 'url', signature === 'AzSe' || signature === 'AzCa'));
}

/**
 * A fake common annotated security key (84 characters): 52 random base62 characters, `JQQJ99`, a date, reserved
 * zeros, the 4-character provider signature and the first 4 base62 characters of the Marvin32 checksum.
 */
export function fakeCaskKey(provider: string): string {
  const b62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let text = '';
  for (let i = 0; i < 52; i++) text += b62[randomInt(62)];
  text += 'JQQJ99' + 'BL' + 'A'.repeat(16) + provider;
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(marvin32(Buffer.from(text, 'base64'), seedOf('Default0')));
  let n = 0n;
  for (const b of sum) n = (n << 8n) | BigInt(b);
  let digits = '';
  for (let v = n; v > 0n; v /= 62n) digits = b62[Number(v % 62n)]! + digits;
  return text + (sum[0] === 0 ? '0' : '') + digits.padEnd(4, '0').slice(0, sum[0] === 0 ? 3 : 4);
}
