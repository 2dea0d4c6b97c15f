/**
 * `vigil db import|update|status`: the local advisory database of the dependencies pack. `update` is Vigil's only
 * network access and runs only when asked; `import` reads local files (air-gapped machines, tests).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { advisoryDbDir, readDbMeta, type ImportReport } from '../engine/sca/database';
import { DEFAULT_OSV_BASE_URL, importChecked, updateAdvisoryDb, UpdateError } from '../engine/sca/update';
import { ECOSYSTEMS } from '../engine/sca/versions';
import { escapeControlChars } from '../engine/output/terminal';
import { CliError, parseOptions, UsageError, type OptionSpec } from './args';

interface DbIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

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
      printImport(importLocal(dir, paths, paths.join(', ')), dir, io);
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

/** Imports local records, turning a refused import into a CLI error: nothing is written then. */
function importLocal(dir: string, paths: string[], label: string): ImportReport {
  try {
    return importChecked(dir, paths, label);
  } catch (e) {
    throw e instanceof UpdateError ? new CliError(e.message) : e;
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

/** Downloads every archive first, then imports them together (engine/sca/update.ts, shared with the editor). */
async function update(dir: string, source: string, io: DbIO): Promise<number> {
  try {
    const report = await updateAdvisoryDb(dir, source, { cwd: io.cwd, log: (line) => io.stderr.write(`${escapeControlChars(line)}\n`) });
    printImport(report, dir, io);
    return 0;
  } catch (e) {
    if (e instanceof UpdateError) throw e.usage ? new UsageError(e.message) : new CliError(e.message);
    throw e;
  }
}
