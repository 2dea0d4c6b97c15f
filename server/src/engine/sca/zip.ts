/**
 * A small, bounded zip reader for advisory archives (OSV publishes one `all.zip` per ecosystem). It reads the
 * central directory, supports stored and deflated entries, and refuses archives past the limits below instead
 * of exhausting memory (zip bombs): no ZIP64, no encryption, no multi-disk archives.
 */
import * as zlib from 'node:zlib';

export interface ZipLimits {
  /** Most entries read (default 1,000,000). */
  maxEntries: number;
  /** Largest uncompressed entry in bytes (default 16 MiB). */
  maxEntryBytes: number;
  /** Largest total uncompressed size in bytes (default 4 GiB). */
  maxTotalBytes: number;
}

const DEFAULT_LIMITS: ZipLimits = { maxEntries: 1_000_000, maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 * 1024 };

export class ZipError extends Error {}

/** One file of the archive; `read()` inflates it on demand. */
export interface ZipEntry {
  name: string;
  read(): Buffer;
}

/** The file entries (not folders) of a zip archive held in memory. Throws `ZipError` on a corrupt archive. */
export function readZip(buf: Buffer, limits: Partial<ZipLimits> = {}): ZipEntry[] {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (count > lim.maxEntries) throw new ZipError(`the archive has more than ${lim.maxEntries} entries`);
  if (cdOffset + cdSize > eocd) throw new ZipError('corrupt archive (central directory out of bounds)');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('corrupt archive (bad central directory entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (method !== 0 && method !== 8) throw new ZipError(`${name}: unsupported compression method ${method}`);
    if (size > lim.maxEntryBytes) throw new ZipError(`${name}: entry larger than ${lim.maxEntryBytes} bytes`);
    total += size;
    if (total > lim.maxTotalBytes) throw new ZipError(`the archive expands past ${lim.maxTotalBytes} bytes`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipError(`${name}: corrupt local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw new ZipError(`${name}: truncated entry`);
    entries.push({
      name,
      read: () => {
        const data = buf.subarray(start, start + compressed);
        // maxOutputLength bounds the inflate even if the recorded size lies.
        let out: Buffer;
        try {
          out = method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
        } catch (e) {
          throw new ZipError(`${name}: cannot inflate (${(e as Error).message})`);
        }
        if (out.length !== size) throw new ZipError(`${name}: size does not match the directory`);
        // zlib.crc32 exists from Node 20.15 / 22.2; older hosts rely on the size check alone.
        const crc32 = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
        if (crc32 && crc32(out) >>> 0 !== crc) throw new ZipError(`${name}: checksum mismatch (corrupt archive)`);
        return out;
      },
    });
  }
  return entries;
}
