/**
 * The `vigil` command line (bundled as `dist/cli.js`, the package `bin`): the same engine, rules, config and
 * suppressions as the editor, for pre-commit hooks and CI. Exit codes: 0 clean, 1 findings at or above
 * `--fail-on`, 2 usage or config error.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../../package.json';
import { createBaseline, readBaseline, serializeBaseline, type Baseline } from '../engine/baseline';
import { redactErrorForLog } from '../engine/engine';
import { applyConfig, loadVigilConfig, loadVigilConfigFile, type ConfigLoadResult } from '../engine/config/vigil-config';
import { formatJson } from '../engine/output/json-format';
import { formatSarif } from '../engine/output/sarif-format';
import type { ScanReport } from '../engine/output/scan-report';
import { formatText } from '../engine/output/text-format';
import { DEFAULT_SETTINGS, parseSeverity, SEVERITIES, severityRank, type AnalysisSettings, type Severity } from '../engine/types';
import { gitTopLevel, GitError, hooksDir } from './git';
import { scanProject, type FileSelection, type ProjectScan } from './scan-project';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Where the CLI writes; a TTY gets colour and a progress bar. */
export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Test hooks; not reachable from the command line. */
export interface CliHooks {
  /** Scan with the analyzers of this module instead of the built-in packs. */
  analyzerModule?: string;
  /** How long a run must last before the progress bar shows (default 500 ms). */
  progressDelayMs?: number;
}

/** A mistake in how the CLI was called or configured: exit 2 with this message. */
class UsageError extends Error {}

const VERSION = (packageJson as { version: string }).version;
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `vigil ${VERSION}: catch security bugs (taint, hard-coded secrets, config misconfigurations) from the command line

Usage:
  vigil scan [paths...] [options]     scan files and folders (default: the whole workspace)
  vigil baseline [paths...] [options] record current findings in the baseline file, to hide them from now on
  vigil install-hook [--force]        install a git pre-commit hook running \`vigil scan --staged\`
  vigil --help | --version

Scan options:
  -f, --format text|json|sarif  output format (default: text)
  -o, --output FILE             write the report to FILE instead of standard output
      --changed-since REF       only files changed against REF (merge base with HEAD), plus uncommitted ones
      --staged                  only staged files, scanning the staged content (for pre-commit)
      --baseline FILE           hide findings recorded in FILE (default: the config's baseline,
                                .vigil-baseline.json, when it exists); --no-baseline to show all
      --min-severity LEVEL      report findings at or above LEVEL (critical, high, medium, low, info)
      --fail-on LEVEL|none      exit 1 when a finding at or above LEVEL is reported (default: low)
  -j, --jobs N                  worker threads (default: number of cores)
  -c, --config FILE             config file (default: .vigil.yml in the workspace root)
      --root DIR                workspace root (default: the git top folder, else the current folder)
      --color / --no-color      force colour on or off (default: on for a terminal, off with NO_COLOR)
  -q, --quiet                   no progress bar

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on, 2 usage or config error.
Docs: https://github.com/vigil-security/vigil/blob/main/docs/cli.md
`;

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'changed-since': { type: 'string' },
  staged: { type: 'boolean' },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean' },
  'min-severity': { type: 'string' },
  'fail-on': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  config: { type: 'string', short: 'c' },
  root: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

type ScanValues = ReturnType<typeof parseScanArgs>['values'];

function parseScanArgs(args: string[]) {
  return parseArgs({ args, options: SCAN_OPTIONS, allowPositionals: true, strict: true });
}

/** Runs the CLI; resolves to the exit code. Never calls process.exit, so tests can run it in-process. */
export async function runCli(argv: string[], io: CliIO, hooks: CliHooks = {}): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(HELP);
        return command === undefined ? EXIT.usage : EXIT.clean;
      case '-v':
      case '--version':
        io.stdout.write(`${VERSION}\n`);
        return EXIT.clean;
      case 'scan':
        return await scanCommand(rest, io, hooks);
      case 'baseline':
        return await baselineCommand(rest, io, hooks);
      case 'install-hook':
        return installHookCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof GitError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`vigil: ${(e as Error).message}\nRun \`vigil --help\` for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

interface Prepared {
  root: string;
  targets: string[];
  selection: FileSelection;
  loaded: ConfigLoadResult & { config: NonNullable<ConfigLoadResult['config']> };
  settings: AnalysisSettings;
  jobs?: number;
}

/**
 * A path from the workspace's config, joined to the root and checked to stay inside it on disk too: the config
 * only allows relative paths without `..`, but a symbolic link in the repository could still lead the baseline
 * read or write anywhere.
 */
function insideWorkspace(root: string, rel: string): string {
  const file = join(root, rel);
  const refuse = () => new UsageError(`the baseline path "${rel}" of the config leads outside the workspace through a symbolic link; refusing to use it`);
  // A dangling link would be followed by the write and create its target wherever it points.
  if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() && !existsSync(file)) throw refuse();
  let probe = file;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  const realRoot = realpathSync(root);
  const r = relative(realRoot, realpathSync(probe));
  if (r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) {
    throw refuse();
  }
  return file;
}

/** Resolves the root, targets, file selection, config and settings shared by `scan` and `baseline`. */
function prepare(values: ScanValues, positionals: string[], io: CliIO): Prepared | number {
  const root = resolve(io.cwd, values.root ?? gitTopLevel(io.cwd) ?? io.cwd);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a folder`);
  const targets = positionals.map((p) => resolve(io.cwd, p));
  for (const t of targets) {
    if (!existsSync(t)) throw new UsageError(`no such file or folder: ${t}`);
    const rel = relative(root, t);
    if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw new UsageError(`${t} is outside the workspace root ${root} (use --root)`);
  }
  if (values.staged && values['changed-since']) throw new UsageError('--staged and --changed-since cannot be used together');
  let selection: FileSelection = { kind: 'all' };
  if (values.staged || values['changed-since']) {
    const gitTop = gitTopLevel(root);
    if (!gitTop) throw new UsageError(`${values.staged ? '--staged' : '--changed-since'} needs a git repository, and ${root} is not in one`);
    selection = values.staged ? { kind: 'staged', gitTop } : { kind: 'changed', ref: values['changed-since']!, gitTop };
  }

  const loaded = values.config ? loadVigilConfigFile(resolve(io.cwd, values.config)) : loadVigilConfig(root);
  if (!loaded.config) {
    for (const e of loaded.errors) {
      const at = e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : '';
      io.stderr.write(`${e.source}${at}: error: ${e.message}\n`);
    }
    io.stderr.write(`vigil: the config file has ${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'}; nothing was scanned.\n`);
    return EXIT.usage;
  }
  let settings = applyConfig(DEFAULT_SETTINGS, loaded.config);
  if (values['min-severity'] !== undefined) {
    const s = parseSeverity(values['min-severity']);
    if (!s) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}`);
    settings = { ...settings, minSeverity: s };
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError('--jobs must be a whole number from 1 to 256');
  }
  return { root, targets, selection, loaded: loaded as Prepared['loaded'], settings, jobs };
}

function progressBar(io: CliIO, values: ScanValues, delayMs = 500): { update(done: number, total: number): void; clear(): void } {
  const enabled = io.stderr.isTTY === true && !values.quiet;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      // Only long runs get a bar, and at most ~10 redraws a second.
      if (!enabled || now - started < delayMs || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = Math.max(10, Math.min(40, (io.stderr.columns ?? 80) - 30));
      const filled = Math.round((done / total) * width);
      io.stderr.write(`\r\u001b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}

function useColor(io: CliIO, values: ScanValues): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (values.output) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

async function runScan(p: Prepared, values: ScanValues, io: CliIO, hooks: CliHooks, baseline?: { data: Baseline; file: string }): Promise<ProjectScan> {
  const bar = progressBar(io, values, hooks.progressDelayMs);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await scanProject({
      root: p.root,
      targets: p.targets,
      selection: p.selection,
      config: p.loaded.config,
      configFile: p.loaded.file,
      settings: p.settings,
      baseline: baseline?.data,
      baselineFile: baseline?.file,
      jobs: p.jobs,
      analyzerModule: hooks.analyzerModule,
      tool: { name: 'vigil', version: VERSION },
      signal: controller.signal,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar.clear();
  }
}

function reportRuleErrors(report: ScanReport, io: CliIO): void {
  for (const e of report.ruleErrors) {
    const at = e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : '';
    io.stderr.write(`${e.source}${at}: error: ${e.ruleId ? `rule ${e.ruleId}: ` : ''}${e.message}\n`);
  }
}

async function scanCommand(args: string[], io: CliIO, hooks: CliHooks): Promise<number> {
  const { values, positionals } = parseScanArgs(args);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  let failOn: Severity | 'none' = 'low';
  if (values['fail-on'] !== undefined) {
    const s = values['fail-on'] === 'none' ? 'none' : parseSeverity(values['fail-on']);
    if (!s) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none`);
    failOn = s;
  }
  const p = prepare(values, positionals, io);
  if (typeof p === 'number') return p;

  let baseline: { data: Baseline; file: string } | undefined;
  if (!values['no-baseline']) {
    const explicit = values.baseline !== undefined;
    const file = explicit ? resolve(io.cwd, values.baseline!) : insideWorkspace(p.root, p.loaded.config.baseline);
    if (explicit && !existsSync(file)) throw new UsageError(`baseline file not found: ${file}`);
    const read = readBaseline(file);
    if (read.error) throw new UsageError(read.error);
    if (read.baseline) baseline = { data: read.baseline, file: relative(p.root, file).split(sep).join('/') };
  }

  const { report } = await runScan(p, values, io, hooks, baseline);
  const text =
    format === 'sarif' ? formatSarif(report) : format === 'json' ? formatJson(report) : formatText(report, { color: useColor(io, values) });
  if (values.output) {
    const out = resolve(io.cwd, values.output);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
  } else {
    io.stdout.write(text);
  }
  if (format !== 'text') {
    // Problems that must not go unnoticed in a machine-readable run.
    for (const f of report.failed) io.stderr.write(`vigil: failed to scan ${f.path}: ${f.message}\n`);
    for (const e of report.baseline?.stale ?? []) io.stderr.write(`vigil: stale baseline entry ${e.path} ${e.ruleId} (no longer matches a finding)\n`);
  }
  if (report.ruleErrors.length > 0) {
    reportRuleErrors(report, io);
    io.stderr.write(`vigil: ${report.ruleErrors.length} rule error${report.ruleErrors.length === 1 ? '' : 's'}; the other rules ran.\n`);
    return EXIT.usage;
  }
  if (report.cancelled) return EXIT.usage;
  if (failOn === 'none') return EXIT.clean;
  const threshold = severityRank(failOn);
  const failing = report.files.some((f) => f.findings.some((x) => x.pack !== 'meta' && severityRank(x.severity) >= threshold));
  return failing ? EXIT.findings : EXIT.clean;
}

async function baselineCommand(args: string[], io: CliIO, hooks: CliHooks): Promise<number> {
  const { values, positionals } = parseScanArgs(args);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  for (const flag of ['format', 'baseline', 'fail-on', 'staged', 'changed-since'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to \`vigil baseline\``);
  }
  const p = prepare(values, positionals, io);
  if (typeof p === 'number') return p;
  const file = values.output ? resolve(io.cwd, values.output) : insideWorkspace(p.root, p.loaded.config.baseline);
  const previous = readBaseline(file);
  if (previous.error) throw new UsageError(`${previous.error} (delete it to start over)`);
  const { report, scanned, allFiles } = await runScan(p, values, io, hooks);
  if (report.ruleErrors.length > 0 || report.cancelled || report.failed.length > 0) {
    reportRuleErrors(report, io);
    for (const f of report.failed) io.stderr.write(`vigil: failed to scan ${f.path}: ${f.message}\n`);
    io.stderr.write(`vigil: the baseline was not written: ${report.cancelled ? 'the scan was cancelled' : 'not every rule and file could be checked'}.\n`);
    return EXIT.usage;
  }
  const fresh = createBaseline(allFiles);
  // A partial scan (named paths) keeps the entries of the files it did not look at.
  const kept = (previous.baseline?.entries ?? []).filter((e) => !scanned.has(e.path) && (p.targets.length > 0));
  const merged = createBaseline([]);
  merged.entries = [...kept, ...fresh.entries].sort(
    (a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeBaseline(merged));
  io.stderr.write(`vigil: wrote ${merged.entries.length} baseline entr${merged.entries.length === 1 ? 'y' : 'ies'} to ${relative(io.cwd, file) || file}; commit it.\n`);
  return EXIT.clean;
}

export const HOOK_MARKER = '# vigil pre-commit hook';

/** The hook script: prefers a `vigil` on PATH (e.g. node_modules/.bin via npx), else this very CLI. */
export function hookScript(cliPath: string): string {
  return `#!/bin/sh
${HOOK_MARKER} (installed by \`vigil install-hook\`; remove this file to uninstall)
# Scans the staged content of the commit; blocks it on findings. Bypass once with: git commit --no-verify
if command -v vigil >/dev/null 2>&1; then
  exec vigil scan --staged --quiet
elif [ -x ./node_modules/.bin/vigil ]; then
  exec ./node_modules/.bin/vigil scan --staged --quiet
else
  exec node ${JSON.stringify(cliPath)} scan --staged --quiet
fi
`;
}

function installHookCommand(args: string[], io: CliIO): number {
  const { values } = parseArgs({ args, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  const top = gitTopLevel(io.cwd);
  if (!top) throw new UsageError(`install-hook needs a git repository, and ${io.cwd} is not in one`);
  const dir = hooksDir(top);
  const hook = join(dir, 'pre-commit');
  if (existsSync(hook)) {
    const current = readFileSync(hook, 'utf8');
    if (!current.includes(HOOK_MARKER) && !values.force) {
      throw new UsageError(`${hook} already exists and is not Vigil's; add \`vigil scan --staged\` to it yourself, or rerun with --force to replace it (it is kept as pre-commit.bak)`);
    }
    if (!current.includes(HOOK_MARKER)) writeFileSync(`${hook}.bak`, current, { mode: 0o755 });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(hook, hookScript(resolve(process.argv[1] ?? join(__dirname, 'cli.js'))));
  chmodSync(hook, 0o755);
  io.stdout.write(`Installed ${hook}: every commit now runs \`vigil scan --staged\`.\n`);
  return EXIT.clean;
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`vigil: internal error: ${redactErrorForLog(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
