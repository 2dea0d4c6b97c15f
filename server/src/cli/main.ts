/**
 * The `vigil` command line (bundled as `dist/cli.js`, the package `bin`): the same engine, rules, config and
 * suppressions as the editor, for pre-commit hooks and CI. Exit codes: 0 clean, 1 findings at or above
 * `--fail-on`, 2 usage or config error.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import packageJson from '../../../package.json';
import { createBaseline, readBaseline, serializeBaseline, type Baseline } from '../engine/baseline';
import { redactErrorForLog, redactErrorMessage } from '../engine/engine';
import { redactSecrets } from '../engine/redact';
import { applyConfig, loadVigilConfig, loadVigilConfigFile, type ConfigLoadResult } from '../engine/config/vigil-config';
import { formatJson } from '../engine/output/json-format';
import { formatSarif } from '../engine/output/sarif-format';
import type { ScanReport } from '../engine/output/scan-report';
import { escapeControlChars } from '../engine/output/terminal';
import { formatText, TEXT_WIDTH } from '../engine/output/text-format';
import { parsePriorityLevel, passesMinPriority, PRIORITY_LEVELS } from '../engine/priority';
import { DEFAULT_SETTINGS, parseSeverity, parseStrictness, SEVERITIES, severityRank, STRICTNESS_LEVELS, type AnalysisSettings, type Severity } from '../engine/types';
import { CliError, closest, parseOptions, UsageError, type OptionSpec } from './args';
import { gitDirs, gitTopLevel, GitError, hooksDir } from './git';
import { projectAnalyzerOptions, scanProject, type FileSelection, type ProjectScan } from './scan-project';
import { ScanPool } from '../engine/scan/scan-pool';
import { dbCommand } from './db';
import { changedFiles } from './git';
import { deletedSince, findingKey, listCommits, mergeBase } from './history';
import { objectFormatOf, type GitObjectFormat } from '../engine/scan/blob-id';
import type { Analyzer } from '../engine/analyzer';
import { formatPrReport, type PrFinding } from '../engine/output/markdown-format';
import type { ReportFile } from '../engine/output/scan-report';
import type { PriorityLevel } from '../engine/priority';
import type { Finding } from '../engine/types';
import type { TreeScanner } from './history';
import { formatLeaderboard, formatScoreText } from './report-format';
import { leaderboard, openTreeScanner, scoreHistory, type Leaderboard, type ScorePoint } from './reports';
import { securityScore } from '../engine/score';
import { advisoryDbDir } from '../engine/sca/database';
import { todayUtc } from '../shared/today';

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
  /** The script install-hook records (default: this CLI's own file). */
  cliPath?: string;
  /** Tests: sees the worker pool a command shares between its scans (`score --history`), to count its workers. */
  onScanPool?(pool: ScanPool): void;
}

const VERSION = (packageJson as { version: string }).version;
const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `vigil ${VERSION}: catch security bugs (taint, hard-coded secrets, config misconfigurations, vulnerable dependencies) from the command line

Usage:
  vigil scan [paths...] [options]     scan files and folders (default: the whole workspace)
  vigil baseline [paths...] [options] record current findings in the baseline file, to hide them from now on
  vigil db status|import|update       the advisory database of the dependencies check (vigil db --help)
  vigil score [--history N]           the workspace security score (0-100), and at each of the last N commits
  vigil leaderboard [--since REF]     per author: findings fixed and introduced, streak (from git history)
  vigil install-hook [--force]        install a git pre-commit hook running \`vigil scan --staged\`
                                      (--force: replace a foreign hook, or write outside the repository)
  vigil --help | --version

Scan options:
  -f, --format text|json|sarif|markdown
                                output format (default: text); markdown is a pull-request comment of the
                                findings the change introduced and fixed (needs --changed-since)
  -o, --output FILE             write the report to FILE instead of standard output
      --changed-since REF       only files changed against REF (merge base with HEAD), plus uncommitted ones
      --staged                  only staged files, scanning the staged content (for pre-commit)
      --baseline FILE           hide findings recorded in FILE (default: the config's baseline,
                                .vigil-baseline.json, when it exists); --no-baseline to show all
      --min-severity LEVEL      report findings at or above LEVEL (critical, high, medium, low, info)
      --min-priority P          report findings at priority P or more urgent (p1, p2, p3, p4)
      --fail-on LEVEL|none      exit 1 when a finding at or above LEVEL is reported (default: low)
      --strictness normal|audit taint flows to report: normal (precise, the default) or audit (also
                                process, environment, file and database inputs, and flows through
                                unknown functions, at low severity, labelled "Audit")
  -j, --jobs N                  worker threads (default: number of cores)
  -c, --config FILE             config file (default: .vigil.yml in the workspace root)
      --root DIR                workspace root (default: that of the paths given, else the git top
                                folder, else the current folder)
      --no-history              do not search the local git history for the secrets found (committed?
                                pushed?); the search never uses the network
      --color / --no-color      force colour on or off (default: on for a terminal, off with NO_COLOR)
  -q, --quiet                   no progress bar
      --force                   use a baseline file inside .git/ anyway (refused by default)
      --debug                   show the stack trace of an internal error (or set VIGIL_DEBUG=1)

Score and leaderboard options:
      --history N               vigil score: also the score at each of the last N commits
      --since REF               vigil leaderboard: only the commits since REF (default: all history)
  -f, --format FORMAT           text or json (leaderboard: also markdown)
  -o, --output FILE             write to FILE;  -c, --config FILE;  --root DIR;  -j, --jobs N: as for scan

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on, 2 usage or config error.
Docs: https://github.com/vigil-security/vigil/blob/main/docs/cli.md
`;

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f', hint: 'text, json, sarif or markdown' },
  output: { type: 'string', short: 'o', hint: 'a file' },
  'changed-since': { type: 'string', hint: 'a git ref, e.g. origin/main' },
  staged: { type: 'boolean' },
  baseline: { type: 'string', hint: 'a file' },
  'no-baseline': { type: 'boolean' },
  'min-severity': { type: 'string', hint: SEVERITIES.join(', ') },
  'min-priority': { type: 'string', hint: PRIORITY_LEVELS.join(', ') },
  'fail-on': { type: 'string', hint: `${SEVERITIES.join(', ')}, none` },
  strictness: { type: 'string', hint: STRICTNESS_LEVELS.join(' or ') },
  jobs: { type: 'string', short: 'j', hint: 'a number of threads' },
  config: { type: 'string', short: 'c', hint: 'a file' },
  root: { type: 'string', hint: 'a folder' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-history': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

const HOOK_OPTIONS = {
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

const COMMANDS = ['scan', 'baseline', 'install-hook', 'db', 'score', 'leaderboard', 'help'] as const;

/** Options of `vigil score` and `vigil leaderboard`. */
const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f', hint: 'text, json or markdown' },
  output: { type: 'string', short: 'o', hint: 'a file' },
  history: { type: 'string', hint: 'a number of commits' },
  since: { type: 'string', hint: 'a git ref, e.g. origin/main' },
  jobs: { type: 'string', short: 'j', hint: 'a number of threads' },
  config: { type: 'string', short: 'c', hint: 'a file' },
  root: { type: 'string', hint: 'a folder' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

type ScanValues = ReturnType<typeof parseScanArgs>['values'];

function parseScanArgs(command: string, args: string[]) {
  return parseOptions(command, args, SCAN_OPTIONS, true);
}

/** Runs the CLI; resolves to the exit code. Never calls process.exit, so tests can run it in-process. */
export async function runCli(argv: string[], rawIo: CliIO, hooks: CliHooks = {}): Promise<number> {
  // `--debug` (anywhere before `--`) or VIGIL_DEBUG=1: stack traces for internal errors.
  const end = argv.indexOf('--') === -1 ? argv.length : argv.indexOf('--');
  const debug = argv.slice(0, end).includes('--debug') || (rawIo.env.VIGIL_DEBUG !== undefined && !['', '0'].includes(rawIo.env.VIGIL_DEBUG));
  const [command, ...rest] = argv.filter((a, i) => i >= end || a !== '--debug');
  // Messages quote paths and text from the repository: control characters are shown escaped, never sent raw to
  // the terminal. Only the progress bar writes its own control sequences, through `rawStderr`.
  const io: ProgressIO = {
    ...rawIo,
    stderr: { isTTY: rawIo.stderr.isTTY, columns: rawIo.stderr.columns, write: (t: string) => rawIo.stderr.write(escapeControlChars(t, { keepLineBreaks: true })) },
    rawStderr: rawIo.stderr,
  };
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
      case 'db':
        return await dbCommand(rest, io);
      case 'score':
        return await scoreCommand(rest, io, hooks);
      case 'leaderboard':
        return await leaderboardCommand(rest, io, hooks);
      case 'install-hook':
        return installHookCommand(rest, io, hooks.cliPath ?? __filename);
      default: {
        if (command.startsWith('-')) throw new UsageError(`unknown option ${command}; options go after a command, e.g. vigil scan ${command}`);
        const guess = closest(command, COMMANDS);
        throw new UsageError(`unknown command "${command}"${guess ? `; did you mean ${guess}?` : ''}`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof GitError) {
      // Usage errors quote arguments and paths; redacted like every other error text.
      io.stderr.write(`vigil: ${redactSecrets((e as Error).message)}\nRun \`vigil --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      io.stderr.write(`vigil: ${redactSecrets(e.message)}\n`);
      return EXIT.usage;
    }
    const fsError = e as NodeJS.ErrnoException;
    if (!debug && fsError.syscall && fsError.path) {
      // A file-system failure the user can act on (permissions, a full disk), not a bug: no "internal error".
      io.stderr.write(`vigil: cannot ${fsError.syscall} ${fsError.path}: ${fsReason(fsError, fsError.path)}\n`);
      return EXIT.usage;
    }
    // One line by default (a first-time user needs the message, not the frames); masked like analyzer errors.
    io.stderr.write(debug ? `vigil: internal error: ${redactErrorForLog(e)}\n` : `vigil: internal error: ${redactErrorMessage(e)} (rerun with --debug for details)\n`);
    return EXIT.usage;
  }
}

/** Why a file-system call on `file` failed, in words. */
function fsReason(e: NodeJS.ErrnoException, file: string): string {
  switch (e.code) {
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST': // mkdir of a folder that exists as a file
      for (let d = dirname(file); dirname(d) !== d; d = dirname(d)) {
        if (statSync(d, { throwIfNoEntry: false })?.isFile()) return `${d} is a file, not a folder`;
      }
      return e.code === 'EEXIST' ? 'it exists' : 'a folder on its path is a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e.code ?? redactErrorMessage(e);
  }
}

/** Whether `path` is an existing folder; other failures (ENOTDIR, ...) are reported, with the reason, on writing. */
function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** Writes a file the user asked for (report, baseline, hook); a failure is a one-line usage error naming it. */
function writeUserFile(file: string, text: string, what: string, mode?: number): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, mode === undefined ? undefined : { mode });
  } catch (e) {
    throw new CliError(`cannot write ${what} to ${file}: ${fsReason(e as NodeJS.ErrnoException, file)}`);
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

const isOutside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
};

/**
 * Where writing `path` would really land: symbolic links resolved, through a dangling link too, for a path that
 * may not exist yet (its nearest existing folder is resolved, the rest appended).
 */
function realDestination(path: string): string {
  let p = path;
  for (let hops = 0; hops < 40 && lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink() && !existsSync(p); hops++) {
    p = resolve(dirname(p), readlinkSync(p));
  }
  let probe = p;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  return join(realpathSync(probe), relative(probe, p));
}

/** The real git folders of the repository holding `folder` (none outside a repository). */
function realGitDirs(folder: string): string[] {
  const top = gitTopLevel(folder);
  return top ? gitDirs(top).map(realDestination) : [];
}

/**
 * Refuses a baseline inside git's metadata (`.git/`, or the repository's git folders elsewhere) unless --force:
 * a config could otherwise make `vigil baseline` write into git's own folder, which no commit or review shows.
 */
function refuseGitMetadata(file: string, root: string, force: boolean | undefined): void {
  if (force) return;
  const real = realDestination(file);
  const inGit = real.split(sep).some((part) => part.toLowerCase() === '.git') || realGitDirs(root).some((d) => !isOutside(d, real));
  if (inGit) throw new UsageError(`the baseline path ${file} is inside .git/, where git keeps its own files; choose a file in the working tree, or rerun with --force to use it anyway`);
}

/**
 * A command-line path with its folders' symbolic links resolved (git reports real paths), but not its last
 * component: a named file that is itself a link must still be seen as one.
 */
function realParent(path: string): string {
  const parent = dirname(path);
  return parent === path ? path : join(realpathSync(parent), basename(path));
}

/** The workspace a path outside the current one belongs to: its git top, the nearest folder with a config, or its folder. */
function workspaceOf(target: string): { root: string; found: boolean } {
  const folder = statSync(target).isDirectory() ? target : dirname(target);
  const top = gitTopLevel(folder);
  if (top) return { root: realpathSync(top), found: true };
  for (let d = folder; ; d = dirname(d)) {
    if (existsSync(join(d, '.vigil.yml')) || existsSync(join(d, '.vigil.yaml'))) return { root: d, found: true };
    if (dirname(d) === d) return { root: folder, found: false };
  }
}

/**
 * The workspace root: `--root`, else the one of the paths named (so `vigil scan ~/other-repo` just works), else
 * the git top of the current folder, else the current folder. Paths of different workspaces are refused: each
 * has its own config, baseline and report paths.
 */
function chooseRoot(values: ScanValues, targets: string[], io: CliIO): string {
  const given = values.root !== undefined;
  const base = resolve(io.cwd, values.root ?? gitTopLevel(io.cwd) ?? io.cwd);
  if (!existsSync(base) || !statSync(base).isDirectory()) throw new UsageError(`--root ${base} is not a folder`);
  const root = realpathSync(base);
  if (given) {
    for (const t of targets) if (isOutside(root, t)) throw new UsageError(`${t} is outside the workspace root ${root} (use --root)`);
    return root;
  }
  const found = new Map<string, string>();
  let allBareFolders = true;
  for (const t of targets) {
    const w = isOutside(root, t) ? workspaceOf(t) : { root, found: true };
    allBareFolders &&= !w.found;
    if (!found.has(w.root)) found.set(w.root, t);
  }
  if (found.size === 0) return root;
  if (found.size === 1) return [...found.keys()][0]!;
  // Loose folders outside any repository or config: their common folder.
  if (allBareFolders) {
    let common = [...found.keys()][0]!;
    while ([...found.keys()].some((r) => isOutside(common, r))) common = dirname(common);
    return common;
  }
  const which = [...found].map(([r, t]) => `${t} is in ${r}`).join('; ');
  throw new UsageError(`the paths belong to different workspaces (${which}); scan them one run at a time, or pass --root with a folder that holds them all`);
}

/** Resolves the root, targets, file selection, config and settings shared by `scan` and `baseline`. */
function prepare(values: ScanValues, positionals: string[], io: CliIO): Prepared | number {
  const targets = positionals.map((p) => resolve(io.cwd, p));
  for (const t of targets) {
    if (!existsSync(t)) throw new UsageError(`no such file or folder: ${t}`);
  }
  for (let i = 0; i < targets.length; i++) targets[i] = realParent(targets[i]!);
  const root = chooseRoot(values, targets, io);
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
  // `today` dates `.vigil.yml` ignore entries' `until`: the host reads the clock, the engine never does.
  let settings: AnalysisSettings = { ...applyConfig(DEFAULT_SETTINGS, loaded.config), today: todayUtc() };
  if (values['min-severity'] !== undefined) {
    const s = parseSeverity(values['min-severity']);
    if (!s) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}`);
    settings = { ...settings, minSeverity: s };
  }
  if (values.strictness !== undefined) {
    const s = parseStrictness(values.strictness);
    if (!s) throw new UsageError(`--strictness must be ${STRICTNESS_LEVELS.join(' or ')}`);
    settings = { ...settings, strictness: s };
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError('--jobs must be a whole number from 1 to 256');
  }
  return { root, targets, selection, loaded: loaded as Prepared['loaded'], settings, jobs };
}

/** The CLI's streams, plus stderr unescaped for the progress bar's own control sequences. */
type ProgressIO = CliIO & { rawStderr?: CliOutput };

function progressBar(io: ProgressIO, values: ScanValues, delayMs = 500): { update(done: number, total: number): void; clear(): void } {
  const term = io.rawStderr ?? io.stderr;
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
      term.write(`\r\u001b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
    },
    clear() {
      if (shown) term.write('\r\u001b[K');
    },
  };
}

/** The terminal's width when writing to one, else the 100 columns the report is laid out for. */
function textWidth(io: CliIO, values: ScanValues): number {
  return !values.output && io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : TEXT_WIDTH;
}

function useColor(io: CliIO, values: ScanValues): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (values.output) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

async function runScan(p: Prepared, values: ScanValues, io: ProgressIO, hooks: CliHooks, baseline?: { data: Baseline; file: string }, history = false, blobIds?: GitObjectFormat, pool?: ScanPool): Promise<ProjectScan> {
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
      customRuleRanges: p.loaded.customRuleRanges,
      settings: p.settings,
      baseline: baseline?.data,
      baselineFile: baseline?.file,
      jobs: p.jobs,
      analyzerModule: hooks.analyzerModule,
      advisoryDbDir: advisoryDbDir(io.env),
      tool: { name: 'vigil', version: VERSION },
      signal: controller.signal,
      onProgress: (done, total) => bar.update(done, total),
      historyRepo: history && !values['no-history'] ? (p.selection.kind === 'all' ? gitTopLevel(p.root) : p.selection.gitTop) : undefined,
      ...(blobIds ? { blobIds } : {}),
      ...(pool ? { pool } : {}),
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar.clear();
  }
}

/**
 * Every manifest scanned without an advisory database carries the same notice: the CLI says it once, on
 * standard error, instead of once per file.
 */
function noteMissingDatabaseOnce(report: ScanReport, io: CliIO): void {
  let message: string | undefined;
  for (const f of report.files) {
    message ??= f.notices.find((n) => n.reason === 'no-database')?.message;
    f.notices = f.notices.filter((n) => n.reason !== 'no-database');
  }
  report.files = report.files.filter((f) => f.findings.length > 0 || f.notices.length > 0);
  if (message) io.stderr.write(`vigil: note: ${message}\n`);
}

function reportRuleErrors(report: ScanReport, io: CliIO): void {
  for (const e of report.ruleErrors) {
    const at = e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : '';
    // Most packs' messages already start with the rule (`rule <id>: ...`); name it once.
    const named = !e.ruleId || e.message.startsWith(`rule ${e.ruleId}`);
    io.stderr.write(`${e.source}${at}: error: ${named ? '' : `rule ${e.ruleId}: `}${e.message}\n`);
  }
}

async function scanCommand(args: string[], io: ProgressIO, hooks: CliHooks): Promise<number> {
  const { values, positionals } = parseScanArgs('scan', args);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (format === 'markdown' && values['changed-since'] === undefined) throw new UsageError('--format markdown needs --changed-since REF: it reports what the change since REF introduced and fixed');
  let failOn: Severity | 'none' = 'low';
  if (values['fail-on'] !== undefined) {
    const s = values['fail-on'] === 'none' ? 'none' : parseSeverity(values['fail-on']);
    if (!s) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none`);
    failOn = s;
  }
  const minPriority = values['min-priority'] === undefined ? undefined : parsePriorityLevel(values['min-priority']);
  if (values['min-priority'] !== undefined && !minPriority) throw new UsageError(`--min-priority must be one of ${PRIORITY_LEVELS.join(', ')}`);
  // Before the scan, not after a long one: an output that names a folder can never be written.
  if (values.output) {
    const out = resolve(io.cwd, values.output);
    if (isFolder(out)) throw new CliError(`cannot write the report to ${out}: it is a folder`);
  }
  const p = prepare(values, positionals, io);
  if (typeof p === 'number') return p;

  let baseline: { data: Baseline; file: string } | undefined;
  if (!values['no-baseline']) {
    const explicit = values.baseline !== undefined;
    const file = explicit ? resolve(io.cwd, values.baseline!) : insideWorkspace(p.root, p.loaded.config.baseline);
    refuseGitMetadata(file, p.root, values.force);
    if (explicit && !existsSync(file)) throw new UsageError(`baseline file not found: ${file}`);
    const read = readBaseline(file);
    if (read.error) throw new UsageError(read.error);
    if (read.baseline) baseline = { data: read.baseline, file: relative(p.root, file).split(sep).join('/') };
  }

  const { report } = await runScan(p, values, io, hooks, baseline, true);
  if (minPriority) {
    // Like --min-severity, the filter decides the exit code too; notes about Vigil itself (meta) always show.
    for (const f of report.files) f.findings = f.findings.filter((x) => x.pack === 'meta' || passesMinPriority(x, minPriority));
    report.files = report.files.filter((f) => f.findings.length > 0 || f.notices.length > 0);
  }
  noteMissingDatabaseOnce(report, io);
  const pr = format === 'markdown' ? await compareWithBase(p, values, io, hooks, report, baseline, minPriority) : undefined;
  const text =
    pr?.text ??
    (format === 'sarif' ? formatSarif(report) : format === 'json' ? formatJson(report) : formatText(report, { color: useColor(io, values), width: textWidth(io, values) }));
  if (values.output) {
    writeUserFile(resolve(io.cwd, values.output), text, 'the report');
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
  // A pull-request report gates on what the change introduced, not on what its files already had.
  const gated = pr ? pr.introduced.map((x) => x.finding) : report.files.flatMap((f) => f.findings);
  const failing = gated.some((x) => x.pack !== 'meta' && severityRank(x.severity) >= threshold);
  return failing ? EXIT.findings : EXIT.clean;
}

/**
 * The pull-request view of a `--changed-since` scan: the same files at the merge base, scanned the same way from
 * git objects; findings matched by file, rule and fingerprint give what the change introduced and fixed. The score
 * before and after counts the base tree's other files too (scanned file by file, cached by blob).
 */
async function compareWithBase(
  p: Prepared,
  values: ScanValues,
  io: ProgressIO,
  hooks: CliHooks,
  report: ScanReport,
  baseline: { data: Baseline; file: string } | undefined,
  minPriority: PriorityLevel | undefined,
): Promise<{ text: string; introduced: PrFinding[] }> {
  if (p.selection.kind !== 'changed') throw new UsageError('--format markdown needs --changed-since REF');
  const top = realpathSync(p.selection.gitTop);
  const base = mergeBase(top, p.selection.ref);
  const toTop = (abs: string) => relative(top, abs).split(sep).join('/');
  const paths = [...new Set([...changedFiles(top, p.selection.ref).map(toTop), ...deletedSince(top, base)])].sort();
  // The base's changed files and its other files (for the scores) are scanned on the same workers.
  const pool = historyPool(p, io, hooks);
  let before: ProjectScan;
  let untouched: Finding[];
  try {
    before = await runScan({ ...p, selection: { kind: 'tree', commit: base, paths, gitTop: top } }, { ...values, quiet: true }, io, hooks, baseline, false, undefined, pool);
    // The files the change did not touch count the same before and after.
    const { scanner } = await historyScanner(p, io, hooks, '--format markdown', before.analyzers, pool);
    try {
      const changed = new Set(paths.map((x) => relative(p.root, join(top, x)).split(sep).join('/')));
      await scanner.prefetch([base]);
      untouched = scanner.findingsAt(base).filter((f) => !changed.has(f.relPath)).flatMap((f) => f.findings);
    } finally {
      scanner.dispose();
    }
  } finally {
    pool.close();
  }
  const keep = (f: Finding) => f.pack !== 'meta' && (!minPriority || passesMinPriority(f, minPriority));
  const index = (files: ReportFile[]) => new Map(files.flatMap((file) => file.findings.filter(keep).map((f) => [findingKey(file.relPath, f), { relPath: file.relPath, finding: f }] as const)));
  const was = index(before.report.files);
  const now = index(report.files);
  const introduced = [...now].filter(([k]) => !was.has(k)).map(([, v]) => v);
  const fixed = [...was].filter(([k]) => !now.has(k)).map(([, v]) => v);
  const text = formatPrReport({
    introduced,
    fixed,
    scoreBefore: securityScore([...untouched, ...[...was.values()].map((x) => x.finding)]),
    scoreAfter: securityScore([...untouched, ...[...now.values()].map((x) => x.finding)]),
    rules: report.rules,
    readText: (rel) => {
      try {
        return readFileSync(join(p.root, rel), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  return { text, introduced };
}

async function baselineCommand(args: string[], io: ProgressIO, hooks: CliHooks): Promise<number> {
  const { values, positionals } = parseScanArgs('baseline', args);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  for (const flag of ['format', 'baseline', 'fail-on', 'staged', 'changed-since', 'min-priority'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to \`vigil baseline\``);
  }
  const p = prepare(values, positionals, io);
  if (typeof p === 'number') return p;
  const file = values.output ? resolve(io.cwd, values.output) : insideWorkspace(p.root, p.loaded.config.baseline);
  refuseGitMetadata(file, p.root, values.force);
  if (isFolder(file)) throw new CliError(`cannot write the baseline to ${file}: it is a folder`);
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
  writeUserFile(file, serializeBaseline(merged), 'the baseline');
  io.stderr.write(`vigil: wrote ${merged.entries.length} baseline entr${merged.entries.length === 1 ? 'y' : 'ies'} to ${relative(io.cwd, file) || file}; commit it.\n`);
  return EXIT.clean;
}

/** Parses the options of `score`/`leaderboard` and prepares the workspace like `scan` does. */
function prepareReport(command: string, args: string[], io: CliIO, formats: readonly string[]) {
  const { values } = parseOptions(command, args, REPORT_OPTIONS, false);
  const format = values.format ?? 'text';
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  if (values.output && isFolder(resolve(io.cwd, values.output))) throw new CliError(`cannot write the report to ${resolve(io.cwd, values.output)}: it is a folder`);
  const scanValues: ScanValues = { root: values.root, config: values.config, jobs: values.jobs, quiet: values.quiet };
  return { values, format, scanValues };
}

/** A scanner of the repository's committed trees with the workspace's config, for the history commands. */
function historyTop(p: Prepared, command: string): string {
  const top = gitTopLevel(p.root);
  if (!top) throw new UsageError(`${command} needs a git repository, and ${p.root} is not in one`);
  return realpathSync(top);
}

async function historyScanner(p: Prepared, io: CliIO, hooks: CliHooks, command: string, analyzers?: Analyzer[], pool?: ScanPool): Promise<{ top: string; scanner: TreeScanner }> {
  const top = historyTop(p, command);
  const scanner = await openTreeScanner({
    top,
    root: p.root,
    config: p.loaded.config,
    configFile: p.loaded.file,
    settings: p.settings,
    toolVersion: VERSION,
    env: io.env,
    analyzerModule: hooks.analyzerModule,
    jobs: p.jobs,
    ...(analyzers ? { analyzers } : {}),
    ...(pool ? { pool } : {}),
  });
  return { top, scanner };
}

/** Workers `historyPool` starts before the first scan is prepared (a run starts the others it needs). */
const PRESTARTED_WORKERS = 4;

/** Workers for a command that scans more than once (the working tree or a base, then history): started once. */
function historyPool(p: Prepared, io: CliIO, hooks: CliHooks): ScanPool {
  const pool = new ScanPool({
    jobs: p.jobs,
    analyzerOptions: projectAnalyzerOptions({ config: p.loaded.config, configFile: p.loaded.file, settings: p.settings, advisoryDbDir: advisoryDbDir(io.env) }),
    analyzerModule: hooks.analyzerModule,
  });
  // The workers start (load their code, build their packs) while this thread builds its own packs and lists files.
  // A few only: the number of files is not known yet, and a small workspace would not use a large machine's cores.
  pool.prestart(PRESTARTED_WORKERS);
  hooks.onScanPool?.(pool);
  return pool;
}

function writeReport(values: { output?: string }, io: CliIO, text: string): void {
  if (values.output) writeUserFile(resolve(io.cwd, values.output), text, 'the report');
  else io.stdout.write(text);
}

async function scoreCommand(args: string[], io: ProgressIO, hooks: CliHooks): Promise<number> {
  const { values, format, scanValues } = prepareReport('score', args, io, ['text', 'json']);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  if (values.since !== undefined) throw new UsageError('--since does not apply to `vigil score` (use --history N)');
  const n = values.history === undefined ? 0 : Number(values.history);
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new UsageError('--history must be a whole number of commits from 0 to 10000');
  const p = prepare(scanValues, [], io);
  if (typeof p === 'number') return p;
  // Before the scan: without a repository there is no history to compute.
  const repo = n > 0 ? historyTop(p, 'score --history') : undefined;
  const head = repo ? listCommits(repo, { max: 1, firstParent: true })[0]?.sha : undefined;
  // With history, the working tree and the history are scanned on the same workers: starting them is paid once.
  const pool = repo ? historyPool(p, io, hooks) : undefined;
  let report: ScanReport;
  let findings: Finding[];
  let history: ScorePoint[] = [];
  let filesScanned = 0;
  try {
    // The current score: the working tree, scanned like `vigil scan` (cross-file flows included), no baseline. Its
    // files' blob ids let HEAD's unchanged files take their findings from it instead of being scanned again.
    const scan = await runScan(p, scanValues, io, hooks, undefined, false, head ? objectFormatOf(head) : undefined, pool);
    report = scan.report;
    findings = report.files.flatMap((f) => f.findings);
    if (n > 0) {
      const { top, scanner } = await historyScanner(p, io, hooks, 'score --history', scan.analyzers, pool);
      try {
        history = await scoreHistory(scanner, top, n, scan.alone);
        filesScanned = scanner.scanned;
      } finally {
        scanner.dispose();
      }
    }
  } finally {
    pool?.close();
  }
  const score = securityScore(findings);
  writeReport(values, io, format === 'json' ? `${JSON.stringify({ score, ...(n > 0 ? { history, filesScanned } : {}) }, null, 2)}\n` : formatScoreText(score, findings, history));
  return report.ruleErrors.length > 0 ? (reportRuleErrors(report, io), EXIT.usage) : EXIT.clean;
}

async function leaderboardCommand(args: string[], io: ProgressIO, hooks: CliHooks): Promise<number> {
  const { values, format, scanValues } = prepareReport('leaderboard', args, io, ['text', 'json', 'markdown']);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  if (values.history !== undefined) throw new UsageError('--history does not apply to `vigil leaderboard` (use --since REF)');
  const p = prepare(scanValues, [], io);
  if (typeof p === 'number') return p;
  const { top, scanner } = await historyScanner(p, io, hooks, 'leaderboard');
  let board: Leaderboard;
  try {
    board = await leaderboard(scanner, top, values.since, (rel) => relative(top, join(p.root, rel)).split(sep).join('/'));
  } finally {
    scanner.dispose();
  }
  writeReport(values, io, format === 'json' ? `${JSON.stringify(board, null, 2)}\n` : formatLeaderboard(board, format === 'markdown'));
  return EXIT.clean;
}

export const HOOK_MARKER = '# vigil pre-commit hook';

/** The package name on npm (the unscoped name `vigil` belongs to an unrelated project); the command is `vigil`. */
export const PACKAGE_NAME = (packageJson as { name: string }).name;

/** `text` as one sh word. */
const shQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The hook script. It runs the CLI that installed it, by absolute path: a `vigil` looked up on PATH could be
 * anything (the npm package named `vigil` is an unrelated tool, and exits 0). Node falls back to PATH when the
 * recorded one is gone (a version manager removed it); the CLI does not, since that would be a guess again.
 */
export function hookScript(cliPath: string, nodePath: string = process.execPath): string {
  const reinstall = `npx ${PACKAGE_NAME} install-hook`;
  return `#!/bin/sh
${HOOK_MARKER} (installed by \`vigil install-hook\`; remove this file to uninstall)
# Scans the staged content of the commit; blocks it on findings. Bypass once with: git commit --no-verify
# It runs the Vigil that installed it, by absolute path, never whatever \`vigil\` is first on PATH. If Vigil
# moves (reinstalled elsewhere, node_modules rebuilt in another folder), run \`${reinstall}\` again.
VIGIL_CLI=${shQuote(cliPath)}
VIGIL_NODE=${shQuote(nodePath)}
if [ ! -f "$VIGIL_CLI" ]; then
  # Single quotes: a backquote in double quotes would run the command instead of printing it.
  echo "vigil: the commit was blocked: Vigil's pre-commit hook runs $VIGIL_CLI, which is missing (moved or uninstalled)." >&2
  echo '  Reinstall the hook with: ${reinstall}' >&2
  echo "  or delete $0 to stop scanning commits. To commit anyway, once: git commit --no-verify" >&2
  exit 1
fi
[ -x "$VIGIL_NODE" ] || VIGIL_NODE=node
"$VIGIL_NODE" "$VIGIL_CLI" scan --staged --quiet
status=$?
if [ "$status" -eq 1 ]; then
  cat >&2 <<'VIGIL_BLOCKED'

vigil: the commit was blocked by the findings above, in the staged changes. Either:
  - fix them, then \`git add\` the fix and commit again;
  - or, for a finding that is safe, suppress it with a reason in a comment on its line or the line above:
      // vigil-ignore <rule-id> -- <why it is safe>      (# vigil-ignore ... in Python, shell, YAML)
  To commit anyway, once: git commit --no-verify
VIGIL_BLOCKED
elif [ "$status" -ne 0 ]; then
  echo "vigil: the commit was blocked: the scan could not run (see above). To commit anyway, once: git commit --no-verify" >&2
fi
exit "$status"
`;
}

/**
 * Refuses hooks that would land outside the repository (its work tree or git folders), links resolved: a
 * `core.hooksPath` can name any folder on disk (often a shared one, where a hook runs for other repositories
 * too), and install-hook would create it.
 */
function refuseOutsideRepository(top: string, dir: string, hook: string): void {
  const allowed = [realpathSync(top), ...realGitDirs(top)];
  const inside = (p: string) => allowed.some((a) => !isOutside(a, realDestination(p)));
  if (!inside(dir)) {
    const real = realDestination(dir);
    throw new UsageError(
      `core.hooksPath points to ${dir}${real !== dir ? ` (really ${real})` : ''}, outside this repository; a hook there can run for other repositories too. ` +
        'Point core.hooksPath inside the repository (or unset it: git config --unset core.hooksPath), or rerun with --force to install there anyway',
    );
  }
  if (!inside(hook)) {
    throw new UsageError(`${hook} is a symbolic link to ${realDestination(hook)}, outside this repository; remove the link, or rerun with --force to write through it`);
  }
}

function installHookCommand(args: string[], io: CliIO, cliPath: string): number {
  const { values } = parseOptions('install-hook', args, HOOK_OPTIONS, false);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  const top = gitTopLevel(io.cwd);
  if (!top) throw new UsageError(`install-hook needs a git repository, and ${io.cwd} is not in one`);
  const dir = hooksDir(top);
  const hook = join(dir, 'pre-commit');
  if (!values.force) refuseOutsideRepository(top, dir, hook);
  if (existsSync(hook)) {
    const current = readFileSync(hook, 'utf8');
    if (!current.includes(HOOK_MARKER) && !values.force) {
      throw new UsageError(`${hook} already exists and is not Vigil's; add \`vigil scan --staged\` to it yourself, or rerun with --force to replace it (it is kept as pre-commit.bak)`);
    }
    if (!current.includes(HOOK_MARKER)) writeFileSync(`${hook}.bak`, current, { mode: 0o755 });
  }
  writeUserFile(hook, hookScript(resolve(cliPath)), 'the hook', 0o755);
  chmodSync(hook, 0o755);
  io.stdout.write(`Installed ${escapeControlChars(hook)}: every commit now runs \`vigil scan --staged\` with ${escapeControlChars(cliPath)}.\n`);
  return EXIT.clean;
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // runCli reports its own errors; this is the last resort, still one line unless debugging.
      const debug = process.env.VIGIL_DEBUG !== undefined && !['', '0'].includes(process.env.VIGIL_DEBUG);
      process.stderr.write(`vigil: internal error: ${escapeControlChars(debug ? redactErrorForLog(e) : redactErrorMessage(e), { keepLineBreaks: true })}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
