/**
 * `vigil db import|update|status`: the local advisory database of the dependencies pack. `update` is Vigil's only
 * network access and runs only when asked; `import` reads local files (air-gapped machines, tests).
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { advisoryDbDir, importAdvisories, ImportError, readDbMeta, type ImportReport } from '../engine/sca/database';
import { ECOSYSTEMS } from '../engine/sca/versions';
import { ZipError } from '../engine/sca/zip';
import { escapeControlChars } from '../engine/output/terminal';
import { CliError, parseOptions, UsageError, type OptionSpec } from './args';

interface DbIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** OSV's public per-ecosystem archives (`<base>/<ecosystem>/all.zip`). */
export const DEFAULT_OSV_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** Largest archive `db update` downloads, per ecosystem. */
const MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export const DB_HELP = `Usage:
  vigil db status                       where the advisory database is, its age and record counts
  vigil db import <folder-or-zip>...    load OSV JSON records from local files (a folder of .json files,
                                        searched recursively, or a .zip archive); no network
  vigil db update [--source URL|PATH]   download the npm and PyPI advisories from OSV (the only network access
                                        Vigil makes); --source (or VIGIL_DB_SOURCE) names a mirror: a base URL
                                        holding <ecosystem>/all.zip, a .zip URL, or a local file or folder

The database folder is VIGIL_DB_DIR, else $XDG_CACHE_HOME/vigil/advisories (~/.cache/vigil/advisories).
Advisory data: OSV (https://osv.dev), licensed by each source (e.g. GitHub advisories CC-BY 4.0); see docs/sca.md.
`;

const DB_OPTIONS = {
  source: { type: 'string', hint: 'a URL or a path' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

export async function dbCommand(args: string[], io: DbIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseOptions(`db ${sub ?? ''}`.trim(), rest, DB_OPTIONS, sub === 'import');
  if (sub === undefined || sub === 'help' || values.help) {
    io.stdout.write(DB_HELP);
    return sub === undefined ? 2 : 0;
  }
  const dir = advisoryDbDir(io.env);
  switch (sub) {
    case 'status':
      return status(dir, io);
    case 'import': {
      if (values.source !== undefined) throw new UsageError('db import takes paths, not --source');
      if (positionals.length === 0) throw new UsageError('db import needs a folder or .zip of OSV records');
      const paths = positionals.map((p) => resolve(io.cwd, p));
      for (const p of paths) if (!existsSync(p)) throw new UsageError(`not found: ${p}`);
      printImport(importChecked(dir, paths, paths.join(', ')), dir, io);
      return 0;
    }
    case 'update':
      return update(dir, values.source ?? io.env.VIGIL_DB_SOURCE ?? DEFAULT_OSV_BASE_URL, io);
    default:
      throw new UsageError(`unknown db command "${sub}" (status, import, update)`);
  }
}

function status(dir: string, io: DbIO): number {
  const meta = readDbMeta(dir);
  if (!meta) {
    io.stdout.write(`No advisory database at ${escapeControlChars(dir)}.\nRun \`vigil db update\` (downloads from OSV) or \`vigil db import <folder-or-zip>\`.\n`);
    return 0;
  }
  const ageDays = Math.floor((Date.now() - Date.parse(meta.updatedAt)) / 86_400_000);
  const counts = ECOSYSTEMS.map((e) => `${e} ${meta.counts[e] ?? 0}`).join(', ');
  io.stdout.write(
    `Advisory database: ${escapeControlChars(dir)}\nUpdated: ${meta.updatedAt} (${ageDays} day${ageDays === 1 ? '' : 's'} ago) from ${escapeControlChars(meta.source)}\nAdvisories: ${counts}\n`,
  );
  return 0;
}

/** Imports, turning a corrupt archive into a user-facing error: nothing is written then. */
function importChecked(dir: string, paths: string[], label: string, refuseEmpty = false): ImportReport {
  try {
    return importAdvisories(dir, paths, label, { refuseEmpty });
  } catch (e) {
    if (e instanceof ZipError) throw new CliError(`corrupt archive: ${e.message}; the database was not changed`);
    if (e instanceof ImportError) throw new CliError(`${e.message}; the database was not changed`);
    throw e;
  }
}

function printImport(r: ImportReport, dir: string, io: DbIO): void {
  const counts = ECOSYSTEMS.map((e) => `${e} ${r.meta.counts[e]}`).join(', ');
  io.stdout.write(`Imported ${r.records} record file${r.records === 1 ? '' : 's'} into ${escapeControlChars(dir)}: ${counts}.\n`);
  if (r.ignored > 0) io.stdout.write(`${r.ignored} withdrawn or for other ecosystems, skipped.\n`);
  if (r.rejected > 0) {
    io.stderr.write(`vigil: ${r.rejected} invalid record${r.rejected === 1 ? '' : 's'} skipped:\n`);
    for (const why of r.rejections) io.stderr.write(`  ${escapeControlChars(why)}\n`);
  }
}

/** Downloads every archive first, then imports them together: a failed download leaves the database as it was. */
async function update(dir: string, source: string, io: DbIO): Promise<number> {
  if (!/^https?:\/\//i.test(source)) {
    const path = resolve(io.cwd, source);
    if (!existsSync(path)) throw new UsageError(`--source not found: ${path}`);
    printImport(importChecked(dir, [path], path, true), dir, io);
    return 0;
  }
  const urls = /\.zip(\?.*)?$/i.test(source) ? [source] : ECOSYSTEMS.map((e) => `${source.replace(/\/+$/, '')}/${e}/all.zip`);
  const tmp = mkdtempSync(join(tmpdir(), 'vigil-db-'));
  try {
    const files: string[] = [];
    for (const [i, url] of urls.entries()) {
      const file = join(tmp, `${i}.zip`);
      await download(url, file, io);
      files.push(file);
    }
    const report = importChecked(dir, files, source, true);
    printImport(report, dir, io);
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function download(url: string, file: string, io: DbIO): Promise<void> {
  io.stderr.write(`Downloading ${escapeControlChars(url)} ...\n`);
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    throw new CliError(`cannot download ${url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}; the database was not changed`);
  }
  if (!res.ok || !res.body) throw new CliError(`cannot download ${url}: HTTP ${res.status}; the database was not changed`);
  const expected = Number(res.headers.get('content-length') ?? NaN);
  const out = createWriteStream(file);
  // A write error is reported by end() below or made moot by an earlier failure; never an unhandled event.
  let writeError: Error | undefined;
  out.on('error', (e) => (writeError ??= e));
  let got = 0;
  let lastReport = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      got += chunk.length;
      if (got > MAX_DOWNLOAD_BYTES) throw new CliError(`${url} is larger than ${MAX_DOWNLOAD_BYTES} bytes; refused`);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      if (got - lastReport >= 8 * 1024 * 1024) {
        lastReport = got;
        io.stderr.write(`  ${(got / 1048576).toFixed(0)} MiB${Number.isFinite(expected) ? ` of ${(expected / 1048576).toFixed(0)} MiB` : ''}\n`);
      }
    }
  } catch (e) {
    out.destroy();
    if (e instanceof CliError) throw e;
    throw new CliError(`the download of ${url} was interrupted (${(e as Error).message}); the database was not changed`);
  }
  await new Promise<void>((res2, rej) => out.end((err?: Error | null) => (err || writeError ? rej(err ?? writeError) : res2())));
  if (Number.isFinite(expected) && statSync(file).size !== expected) {
    throw new CliError(`the download of ${url} was incomplete (${got} of ${expected} bytes); the database was not changed`);
  }
}
