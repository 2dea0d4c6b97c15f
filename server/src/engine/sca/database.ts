/**
 * The local advisory database: OSV records imported from files or downloaded on request, stored as one compact
 * JSON index per ecosystem. Layout of the database folder:
 *   CURRENT            name of the live snapshot folder (replaced atomically by rename)
 *   snap-<time>-<pid>/ meta.json (when, from where, counts) and <ecosystem>.idx: one line per package,
 *                      `name<TAB>[Advisory, ...]` as JSON (JSON text never holds a raw tab or newline)
 * A package's advisories are parsed only when it is looked up: loading keeps one string per ecosystem and a
 * name -> slice map, not tens of thousands of objects (older snapshots' `<ecosystem>.json` are still read).
 * An import writes a new snapshot and only then switches CURRENT, so an interrupted import leaves the old
 * database working; older snapshots are removed afterwards.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { readOsvRecord, type Advisory } from './osv';
import { readZip, ZipError } from './zip';
import { ECOSYSTEMS, normalizePackageName, type Ecosystem } from './versions';

/** The database folder: `VIGIL_DB_DIR`, else `$XDG_CACHE_HOME/vigil/advisories`, else `~/.cache/vigil/advisories`. */
export function advisoryDbDir(env: Record<string, string | undefined> = process.env): string {
  if (env.VIGIL_DB_DIR) return resolve(env.VIGIL_DB_DIR);
  const cache = env.XDG_CACHE_HOME ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(cache, 'vigil', 'advisories');
}

export interface DbMeta {
  /** ISO time of the import. */
  updatedAt: string;
  /** Where the records came from (a path or URL). */
  source: string;
  /** Advisories per ecosystem (one per package and vulnerability). */
  counts: Record<Ecosystem, number>;
}

export interface ImportReport {
  meta: DbMeta;
  /** Files read as records. */
  records: number;
  /** Records refused, with the reasons of the first few. */
  rejected: number;
  rejections: string[];
  /** Records withdrawn or for other ecosystems. */
  ignored: number;
}

/** Largest record file read from a folder (OSV records are a few KiB). */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** Where OSV records come from: a folder of `.json` files (searched recursively), a zip archive, or one `.json`. */
export function* osvSourceFiles(path: string): Generator<{ name: string; read: () => Buffer }> {
  const st = statSync(path);
  if (st.isDirectory()) {
    const walk = function* (dir: string): Generator<{ name: string; read: () => Buffer }> {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = join(dir, e.name);
        if (e.isDirectory()) yield* walk(p);
        else if (e.isFile() && e.name.endsWith('.json')) {
          yield {
            name: p,
            read: () => {
              if (statSync(p).size > MAX_RECORD_BYTES) throw new Error('file too large for an OSV record');
              return readFileSync(p);
            },
          };
        }
      }
    };
    yield* walk(path);
    return;
  }
  const buf = readFileSync(path);
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    for (const e of readZip(buf)) if (e.name.endsWith('.json')) yield e;
    return;
  }
  yield { name: path, read: () => buf };
}

/** Advisories by ecosystem and package, merging those that share an id or alias (one per vulnerability). */
class IndexBuilder {
  readonly packages = new Map<Ecosystem, Map<string, Advisory[]>>(ECOSYSTEMS.map((e) => [e, new Map()]));

  add(ecosystem: Ecosystem, name: string, a: Advisory): void {
    const byName = this.packages.get(ecosystem)!;
    const list = byName.get(name) ?? [];
    byName.set(name, list);
    const keys = new Set([a.id, ...a.aliases]);
    const same = list.find((b) => keys.has(b.id) || b.aliases.some((x) => keys.has(x)));
    if (!same) {
      list.push({ ...a, ranges: [...a.ranges], versions: [...a.versions], aliases: [...a.aliases] });
      return;
    }
    // The same vulnerability from another database (GHSA and PYSEC): one finding, every name in aliases.
    same.aliases = [...new Set([...same.aliases, ...keys])].filter((x) => x !== same.id);
    same.ranges.push(...a.ranges);
    same.versions = [...new Set([...same.versions, ...a.versions])];
    if (a.functions) same.functions = [...new Set([...(same.functions ?? []), ...a.functions])];
    if (a.modules) same.modules = [...new Set([...(same.modules ?? []), ...a.modules])];
  }
}

/** An import refused before anything was written (the database is unchanged). */
export class ImportError extends Error {}

/**
 * Reads records from `sources` and writes a new database snapshot into `dbDir`, switching to it at the end.
 * With `refuseEmpty` (downloads), sources that yield no npm or PyPI advisory are refused rather than replacing a
 * working database with an empty one.
 */
export function importAdvisories(dbDir: string, sources: string[], sourceLabel = sources.join(', '), options: { now?: Date; refuseEmpty?: boolean } = {}): ImportReport {
  const now = options.now ?? new Date();
  const builder = new IndexBuilder();
  let records = 0;
  let rejected = 0;
  let ignored = 0;
  const rejections: string[] = [];
  const reject = (name: string, why: string): void => {
    rejected++;
    if (rejections.length < 20) rejections.push(`${name}: ${why}`);
  };
  for (const source of sources) {
    for (const file of osvSourceFiles(source)) {
      records++;
      let raw: unknown;
      try {
        raw = JSON.parse(file.read().toString('utf8'));
      } catch (e) {
        // A damaged archive aborts the whole import: the old database stays rather than a partial one.
        if (e instanceof ZipError) throw e;
        reject(file.name, e instanceof SyntaxError ? 'not valid JSON' : e instanceof Error ? e.message : String(e));
        continue;
      }
      const r = readOsvRecord(raw);
      if ('error' in r) {
        reject(file.name, r.error);
        continue;
      }
      if (r.advisories.length === 0) ignored++;
      for (const a of r.advisories) builder.add(a.ecosystem, a.name, a.advisory);
    }
  }
  const counts = Object.fromEntries(ECOSYSTEMS.map((e) => [e, [...builder.packages.get(e)!.values()].reduce((n, l) => n + l.length, 0)])) as Record<Ecosystem, number>;
  if (options.refuseEmpty && ECOSYSTEMS.every((e) => counts[e] === 0)) {
    throw new ImportError(`no npm or PyPI advisories in ${sourceLabel} (${records} files read, ${rejected} invalid)`);
  }
  const meta: DbMeta = { updatedAt: now.toISOString(), source: sourceLabel, counts };
  mkdirSync(dbDir, { recursive: true });
  const snap = `snap-${now.getTime()}-${process.pid}`;
  const tmp = join(dbDir, `${snap}.partial`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const e of ECOSYSTEMS) {
    const lines = [...builder.packages.get(e)!].map(([name, list]) => `${name}\t${JSON.stringify(list)}\n`);
    writeFileSync(join(tmp, `${e}.idx`), lines.join(''));
  }
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta, null, 2));
  renameSync(tmp, join(dbDir, snap));
  writeFileSync(join(dbDir, 'CURRENT.tmp'), snap);
  renameSync(join(dbDir, 'CURRENT.tmp'), join(dbDir, 'CURRENT'));
  // Another import may have switched CURRENT since: keep whatever is live, and leave recent partial folders (a
  // concurrent import still writing); a partial folder a day old is from an interrupted import.
  const live = readFileSync(join(dbDir, 'CURRENT'), 'utf8').trim();
  for (const old of readdirSync(dbDir)) {
    if (!old.startsWith('snap-') || old === live) continue;
    const p = join(dbDir, old);
    if (old.endsWith('.partial') && now.getTime() - statSync(p).mtimeMs < 86_400_000) continue;
    rmSync(p, { recursive: true, force: true });
  }
  return { meta, records, rejected, rejections, ignored };
}

/** The live snapshot folder, or undefined when there is no database. */
function currentSnapshot(dbDir: string): string | undefined {
  try {
    const name = readFileSync(join(dbDir, 'CURRENT'), 'utf8').trim();
    if (!/^snap-[\w-]+$/.test(name)) return undefined;
    const p = join(dbDir, name);
    return existsSync(join(p, 'meta.json')) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The database's metadata, or undefined when there is none (or it cannot be read). */
export function readDbMeta(dbDir: string): DbMeta | undefined {
  const snap = currentSnapshot(dbDir);
  if (!snap) return undefined;
  try {
    return JSON.parse(readFileSync(join(snap, 'meta.json'), 'utf8')) as DbMeta;
  } catch {
    return undefined;
  }
}

/**
 * A read-only view of the database, loading each ecosystem's index on first use and noticing a newer import
 * (CURRENT changed) on `refresh()`.
 */
export class AdvisoryDb {
  private snap: string | undefined;
  /** Per ecosystem: each package's advisories as JSON text until looked up, then parsed (kept). */
  private readonly loaded = new Map<Ecosystem, Map<string, string | readonly Advisory[]>>();

  constructor(readonly dir: string) {
    this.snap = currentSnapshot(dir);
  }

  /** Re-reads CURRENT; drops the loaded indexes if another snapshot went live. */
  refresh(): void {
    const now = currentSnapshot(this.dir);
    if (now !== this.snap) {
      this.snap = now;
      this.loaded.clear();
    }
  }

  /** The live snapshot's folder (undefined without a database): what cached match results depend on. */
  get snapshot(): string | undefined {
    return this.snap;
  }

  get available(): boolean {
    return this.snap !== undefined;
  }

  /** Advisories recorded for a package (any version). */
  lookup(ecosystem: Ecosystem, name: string): readonly Advisory[] {
    if (!this.snap) return [];
    let index = this.loaded.get(ecosystem);
    if (!index) {
      index = readIndex(this.snap, ecosystem);
      this.loaded.set(ecosystem, index);
    }
    const key = normalizePackageName(ecosystem, name);
    const hit = index.get(key);
    if (hit === undefined || typeof hit !== 'string') return hit ?? [];
    let list: readonly Advisory[];
    try {
      const parsed: unknown = JSON.parse(hit);
      list = Array.isArray(parsed) ? (parsed as Advisory[]) : [];
    } catch {
      list = []; // a damaged entry loses this package's advisories only
    }
    index.set(key, list);
    return list;
  }
}

/** One ecosystem's index of a snapshot, by package name; empty when it cannot be read. */
function readIndex(snap: string, ecosystem: Ecosystem): Map<string, string | readonly Advisory[]> {
  const index = new Map<string, string | readonly Advisory[]>();
  try {
    const text = readFileSync(join(snap, `${ecosystem}.idx`), 'utf8');
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      if (tab > start && tab < end) index.set(text.slice(start, tab), text.slice(tab + 1, end));
      start = end + 1;
    }
    return index;
  } catch {
    // No .idx: a snapshot written before the per-package index (or removed under us by a concurrent import).
  }
  try {
    const data = JSON.parse(readFileSync(join(snap, `${ecosystem}.json`), 'utf8')) as { packages?: Record<string, Advisory[]> };
    for (const [k, v] of Object.entries(data.packages ?? {})) index.set(k, v);
  } catch {
    // A snapshot removed under us (a concurrent import): the next refresh picks up the new one.
  }
  return index;
}
