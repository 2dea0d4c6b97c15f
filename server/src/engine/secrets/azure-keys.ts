/**
 * Checksums of Microsoft's identifiable Azure keys, as documented by Microsoft's open-source security-utilities
 * (`IdentifiableMetadata.cs`, `IdentifiableSecrets.cs`, `LegacyCommonAnnotatedSecurityKey.cs`; read for the layout,
 * this is Vigil's own code).
 *
 * An identifiable key is N random bytes whose last 7 are overwritten: 3 bytes that base64-encode to a 4-character
 * signature of the service (`+ASt`, `ACDb`, `AzFu`…), then the Marvin32 hash (little-endian) of the bytes before
 * it, seeded with a per-kind 64-bit seed. A common annotated security key (CASK, `JQQJ99` at offset 52) is 63 or 64
 * bytes of base62 text whose last 4 (or 8) characters are the base62 (or base64) Marvin32 of its first 60 bytes.
 */

/** A seed is the 8 ASCII characters of its name read as a big-endian 64-bit number (`Default0` → 0x44656661756c7430). */
function seed(name: string): bigint {
  let v = 0n;
  for (const ch of name) v = (v << 8n) | BigInt(ch.charCodeAt(0));
  return v;
}

const rotl = (v: number, n: number): number => ((v << n) | (v >>> (32 - n))) >>> 0;

/**
 * Marvin32 (Microsoft's seeded hash, as in SymCrypt and .NET): 64-bit result as `[low, high]` 32-bit halves. Input
 * is consumed as little-endian 32-bit words, the tail padded with 0x80.
 */
export function marvin64(data: Uint8Array, seedValue: bigint): [number, number] {
  let p0 = Number(seedValue & 0xffffffffn) >>> 0;
  let p1 = Number((seedValue >> 32n) & 0xffffffffn) >>> 0;
  const mix = (): void => {
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 20);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 9);
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 27);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 19);
  };
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) {
    p0 = (p0 + (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    mix();
  }
  // The last 0-3 bytes, little-endian, followed by the 0x80 end marker.
  let tail = 0x80;
  for (let k = data.length - 1; k >= whole; k--) tail = (tail << 8) | data[k]!;
  p0 = (p0 + (tail >>> 0)) >>> 0;
  mix();
  mix();
  return [p0, p1];
}

/** Marvin32's 32-bit form: the two halves of the 64-bit hash XORed. */
export function marvin32(data: Uint8Array, seedValue: bigint): number {
  const [lo, hi] = marvin64(data, seedValue);
  return (lo ^ hi) >>> 0;
}

interface IdentifiableKind {
  /** Decoded length in bytes; the encoded key is its base64 (44, 52, 56 or 88 characters). */
  bytes: number;
  /** URL-safe alphabet (`-`, `_`) instead of `+`, `/`. */
  urlSafe: boolean;
  /** The seeds of the key kinds sharing this signature (primary and secondary keys, roles). */
  seeds: bigint[];
}

/** Signature → layout and checksum seeds (`IdentifiableMetadata.cs`). */
const IDENTIFIABLE: ReadonlyMap<string, IdentifiableKind> = new Map(
  (
    [
      ['AzFu', 40, true, ['Functi00', 'Master00', 'System00']],
      ['ACDb', 64, false, ['SysAll00', 'Resour00', 'MastRO00', 'SystRO00', 'Encryp00', 'MastRW00', 'SystRW00']],
      ['+ASt', 64, false, ['Default0']],
      ['+ABa', 64, false, ['AbAcct00']],
      ['+AMC', 64, false, ['Classic0']],
      ['APIM', 64, false, ['Tenant00', 'IoTHub00', 'Gatewy00', 'GitKey00']],
      ['+ASb', 32, false, ['Send0000', 'Listen00', 'Manage00', 'System00', 'Unknown0']],
      ['+AEh', 32, false, ['Send0000', 'Listen00', 'Manage00', 'System00', 'Unknown0']],
      ['+ARm', 32, false, ['Send0000', 'Listen00', 'Manage00', 'System00', 'Unknown0']],
      ['AIoT', 32, false, ['IoTHub00', 'DpsKey00', 'Device00']],
      ['AzCa', 32, false, ['Access00']],
      ['AzSe', 39, true, ['Query000', 'PAdmin00']],
      ['+ACR', 39, false, ['ACRDflt0']],
    ] as const
  ).map(([sig, bytes, urlSafe, seeds]) => [sig, { bytes, urlSafe, seeds: seeds.map(seed) }]),
);

/** Base64 text length of `n` bytes, padding included. */
const encodedLength = (n: number): number => 4 * Math.ceil(n / 3);

function decode(text: string, urlSafe: boolean): Buffer | undefined {
  const std = urlSafe ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(std)) return undefined;
  return Buffer.from(std, 'base64');
}

/** The stored checksum (the last 4 bytes, little-endian) equals Marvin32 of the bytes before it under one of `seeds`. */
function storedChecksumMatches(bytes: Buffer, seeds: readonly bigint[]): boolean {
  const stored = bytes.readUInt32LE(bytes.length - 4);
  const body = bytes.subarray(0, bytes.length - 4);
  return seeds.some((s) => marvin32(body, s) === stored);
}

/**
 * Azure Cache for Redis also issues keys whose `+` and `/` were replaced by `P` and `F` after the checksum was
 * written; Microsoft's check hashes the decoded replaced text whole and re-encodes it (`IdentifiableMetadata.cs`).
 */
function redisReplacedMatches(key: string, seeds: readonly bigint[]): boolean {
  const bytes = Buffer.from(key, 'base64');
  return seeds.some((s) => {
    const copy = Buffer.from(bytes);
    copy.writeUInt32LE(marvin32(bytes, s), copy.length - 4);
    return copy.toString('base64').replace(/\+/g, 'P').replace(/\//g, 'F') === key;
  });
}

/**
 * The checksum verdict of an identifiable Azure key: undefined when `key` is not of a known signature's layout (a
 * legacy key under the same rule), else whether its Marvin32 checksum matches one of the signature's seeds. A URL's
 * `%3D` padding is read as `=`.
 */
export function azureIdentifiableChecksumState(key: string): 'valid' | 'invalid' | undefined {
  const text = key.replace(/%3D/gi, '=');
  for (const [sig, kind] of IDENTIFIABLE) {
    const len = encodedLength(kind.bytes);
    const padding = (3 - (kind.bytes % 3)) % 3;
    if (text.length !== len) continue;
    if (text.slice(len - padding - 10, len - padding - 6) !== sig) continue;
    const bytes = decode(text, kind.urlSafe);
    if (!bytes || bytes.length !== kind.bytes) return undefined;
    if (storedChecksumMatches(bytes, kind.seeds)) return 'valid';
    if (sig === 'AzCa' && redisReplacedMatches(text, kind.seeds)) return 'valid';
    return 'invalid';
  }
  return undefined;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Bytes as one big-endian number in base62, each leading zero byte (all but the last) kept as a `0`. */
function bytesToBase62(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  for (let v = n; v > 0n; v /= 62n) out = BASE62[Number(v % 62n)]! + out;
  let zeros = 0;
  while (zeros < bytes.length - 1 && bytes[zeros] === 0) zeros++;
  return '0'.repeat(zeros) + (out || '0');
}

/** CASK keys' checksum seed (`Default0`, the "version two" seed). */
const CASK_SEED = seed('Default0');

/**
 * The checksum verdict of a common annotated security key (84 characters, or 88 in the long form ending `==`):
 * Marvin32 of the first 60 bytes (the first 80 characters), its 4 little-endian bytes written in base62 (the first 4
 * characters, or 6 in the long form) or, in older keys, in base64. Only a match gives a verdict: Microsoft's own
 * scanner test keys of this shape do not all carry this checksum, so a mismatch does not show a key made up.
 */
export function caskChecksumState(key: string): 'valid' | undefined {
  if (!/^[A-Za-z0-9]{84}(?:[A-Za-z0-9]{2}==)?$/.test(key) || key.slice(52, 56) !== 'JQQJ') return undefined;
  const longForm = key.length === 88;
  const stored = key.slice(80).replace(/=+$/, '');
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(marvin32(Buffer.from(key.slice(0, 80), 'base64'), CASK_SEED));
  const base62 = bytesToBase62(sum).padEnd(6, '0');
  // A base62 digit string read as base64: the 6th character keeps only its high 2 bits (as Microsoft's check reads it).
  const base62Canon = Buffer.from(base62 + '==', 'base64').toString('base64').replace(/=+$/, '');
  const base64 = sum.subarray(0, longForm ? 4 : 3).toString('base64').replace(/=+$/, '');
  return base62Canon.startsWith(stored) || base64 === stored ? 'valid' : undefined;
}
