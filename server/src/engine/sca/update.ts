/**
 * `vigil db update` and the editor's "Vigil: Update Advisory Database": download the npm and PyPI archives (or
 * read a local source), then import them together. This is Vigil's only network access, reached only from those
 * two user actions. Every archive is downloaded before anything is imported, so a failure leaves the database
 * as it was.
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importAdvisories, ImportError, type ImportReport } from './database';
import { ECOSYSTEMS } from './versions';
import { ZipError } from './zip';

/** OSV's public per-ecosystem archives (`<base>/<ecosystem>/all.zip`). */
export const DEFAULT_OSV_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** Largest archive downloaded, per ecosystem. */
const MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** An update that did not change the database; `usage` when the source itself is wrong. */
export class UpdateError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

export interface UpdateOptions {
  /** Folder a relative local source is resolved against. */
  cwd: string;
  /** Progress lines ("Downloading <url> ...", MiB received). */
  log: (line: string) => void;
  /** Aborts the download; the database is then left as it was. */
  signal?: AbortSignal;
}

/** Whether a source is a URL (downloaded) rather than a local file or folder. */
export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Imports, turning a corrupt archive or an empty download into an UpdateError: nothing is written then. */
export function importChecked(dir: string, paths: string[], label: string, refuseEmpty = false): ImportReport {
  try {
    return importAdvisories(dir, paths, label, { refuseEmpty });
  } catch (e) {
    if (e instanceof ZipError) throw new UpdateError(`corrupt archive: ${e.message}; the database was not changed`);
    if (e instanceof ImportError) throw new UpdateError(`${e.message}; the database was not changed`);
    throw e;
  }
}

/** Updates the database in `dir` from `source`: a base URL holding `<ecosystem>/all.zip`, a `.zip` URL, or a path. */
export async function updateAdvisoryDb(dir: string, source: string, options: UpdateOptions): Promise<ImportReport> {
  if (!isUrlSource(source)) {
    const path = resolve(options.cwd, source);
    if (!existsSync(path)) throw new UpdateError(`--source not found: ${path}`, true);
    return importChecked(dir, [path], path, true);
  }
  const urls = /\.zip(\?.*)?$/i.test(source) ? [source] : ECOSYSTEMS.map((e) => `${source.replace(/\/+$/, '')}/${e}/all.zip`);
  const tmp = mkdtempSync(join(tmpdir(), 'vigil-db-'));
  try {
    const files: string[] = [];
    for (const [i, url] of urls.entries()) {
      const file = join(tmp, `${i}.zip`);
      await download(url, file, options);
      files.push(file);
    }
    if (options.signal?.aborted) throw new UpdateError('the update was cancelled; the database was not changed');
    return importChecked(dir, files, source, true);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function download(url: string, file: string, options: UpdateOptions): Promise<void> {
  const { log, signal } = options;
  const cancelled = (): UpdateError => new UpdateError('the update was cancelled; the database was not changed');
  if (signal?.aborted) throw cancelled();
  log(`Downloading ${url} ...`);
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal });
  } catch (e) {
    if (signal?.aborted) throw cancelled();
    throw new UpdateError(`cannot download ${url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}; the database was not changed`);
  }
  if (!res.ok || !res.body) throw new UpdateError(`cannot download ${url}: HTTP ${res.status}; the database was not changed`);
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
      if (got > MAX_DOWNLOAD_BYTES) throw new UpdateError(`${url} is larger than ${MAX_DOWNLOAD_BYTES} bytes; refused`);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      if (got - lastReport >= 8 * 1024 * 1024) {
        lastReport = got;
        log(`  ${(got / 1048576).toFixed(0)} MiB${Number.isFinite(expected) ? ` of ${(expected / 1048576).toFixed(0)} MiB` : ''}`);
      }
    }
  } catch (e) {
    out.destroy();
    if (e instanceof UpdateError) throw e;
    if (signal?.aborted) throw cancelled();
    throw new UpdateError(`the download of ${url} was interrupted (${(e as Error).message}); the database was not changed`);
  }
  await new Promise<void>((res2, rej) => out.end((err?: Error | null) => (err || writeError ? rej(err ?? writeError) : res2())));
  if (Number.isFinite(expected) && statSync(file).size !== expected) {
    throw new UpdateError(`the download of ${url} was incomplete (${got} of ${expected} bytes); the database was not changed`);
  }
}
