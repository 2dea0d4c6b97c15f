/** Test helpers for the dependencies pack: a minimal zip writer (to build archives of the OSV fixture records). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';

export const OSV_RECORDS = join(__dirname, '..', 'fixtures', 'osv', 'records');
export const OSV_PROJECT = join(__dirname, '..', 'fixtures', 'osv', 'project');

/** A zip archive of `files` (name -> content), deflated (or stored with `store`). */
export function makeZip(files: Record<string, Buffer | string>, store = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = store ? data : zlib.deflateRawSync(data);
    const crc = zlib.crc32(data) >>> 0;
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(store ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

/** The fixture records of one ecosystem (by their `affected` package), as zip entries. */
export function recordsOf(ecosystem: 'npm' | 'PyPI'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(OSV_RECORDS)) {
    const text = readFileSync(join(OSV_RECORDS, name), 'utf8');
    if (text.includes(`"ecosystem": "${ecosystem}"`)) out[name] = text;
  }
  return out;
}
