/**
 * "Is it already out?": looks a set of secrets up in the LOCAL git history (never the network) and says, for
 * each, the first commit that added it and whether that commit is on a remote-tracking branch (already pushed).
 *
 * One pass per call, whatever the number of secrets: `git log --raw` lists the blobs each commit added, and
 * `git cat-file --batch` streams their content to this process, where the secrets are searched. The secrets
 * never reach a git command line, an error or a log (process arguments are readable by other local users).
 * Bounded by commit count and blob bytes; a cut says so in `limited`. Blob search results are cached by blob id.
 *
 * The repository may be hostile: every git run gets `SAFE_GIT_CONFIG` and `SAFE_GIT_ENV` (no pager, no
 * fsmonitor, no hooks, no signature checking via gpg.program, no transport at all, no replace refs, no colour).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { prioritize, type PriorityContext } from '../priority';
import { LineIndex } from '../text';
import type { Finding, FindingProperty } from '../types';
import { maskSecret } from './mask';

/** Where a secret was found in history. */
export interface SecretExposure {
  committed: true;
  /** Full id of the oldest commit (within the limits) that added a file version holding the secret. */
  commit: string;
  /** That commit's committer date, `YYYY-MM-DD`. */
  date: string;
  /** Whether one of the commits that added it is reachable from a remote-tracking branch. */
  pushed: boolean;
  /** The remote-tracking branch that holds it, e.g. `origin/main`, when pushed. */
  remoteRef?: string;
}

export interface ExposureResult {
  /** Keyed by the secret value itself (in memory only); secrets never committed are absent. */
  bySecret: Map<string, SecretExposure>;
  /** Why the search was cut short, when it was (an absent secret may then still be in older history). */
  limited?: string;
  /** Why history could not be read at all (not a repository, git missing); never holds a secret. */
  error?: string;
}

export interface ExposureOptions {
  /** Most commits walked (newest first, all refs). */
  maxCommits?: number;
  /** Most blob bytes read in one call. */
  maxBytes?: number;
  /** Blobs larger than this are not read. */
  maxBlobBytes?: number;
}

export const EXPOSURE_DEFAULTS: Required<ExposureOptions> = { maxCommits: 5000, maxBytes: 128 * 1024 * 1024, maxBlobBytes: 2 * 1024 * 1024 };

/**
 * `-c` settings that neutralise what a repository's own config could make git run or print: external programs
 * (fsmonitor, gpg for signatures, external diff/textconv), hooks, transports (a partial clone would otherwise
 * fetch missing blobs from its promisor remote), colour and output tweaks that would break parsing. Hooks are
 * left alone here (`vigil install-hook` asks git where they are); no command Vigil runs invokes one.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  '-c', 'core.fsmonitor=false',
  '-c', 'core.pager=cat',
  '-c', 'log.showSignature=false',
  '-c', 'log.showRoot=true',
  '-c', 'diff.external=',
  '-c', 'diff.relative=false',
  '-c', 'color.ui=false',
  '-c', 'protocol.allow=never',
  '-c', 'core.quotePath=false',
];

/** Environment for every git run: no prompt, no pager, no lazy fetch, no replace refs, no optional locks. */
export function safeGitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_NO_LAZY_FETCH: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
  };
}

class GitRunError extends Error {}

/** Runs git with the safe settings; stdout is cut at `maxOut` bytes (the process is then stopped). */
function runGit(cwd: string, args: string[], input?: string, maxOut = 512 * 1024 * 1024): Promise<{ out: Buffer; cut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    // None of these commands runs a hook; hooks are pointed at nothing anyway.
    const child = spawn('git', ['--no-pager', ...SAFE_GIT_CONFIG, '-c', 'core.hooksPath=/dev/null', ...args], { cwd, env: safeGitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let cut = false;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      if (cut) return;
      if (size + b.length > maxOut) {
        chunks.push(b.subarray(0, maxOut - size));
        size = maxOut;
        cut = true;
        child.kill();
        return;
      }
      chunks.push(b);
      size += b.length;
    });
    // stderr names refs and paths, never blob content; kept short.
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 2000) err += b.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => reject(new GitRunError(e.code === 'ENOENT' ? 'git is not installed or not on PATH' : `git ${args[0]} could not start`)));
    child.on('close', (code) => {
      if (code === 0 || cut) resolvePromise({ out: Buffer.concat(chunks, size), cut });
      else reject(new GitRunError(`git ${args[0]} failed: ${err.trim().split('\n')[0] ?? ''}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Per blob id: digests of the secrets already searched in it, and of those found. */
const blobCache = new Map<string, { checked: Set<string>; found: Set<string> }>();
const BLOB_CACHE_MAX = 200_000;

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

interface Added {
  oid: string;
  commit: string;
  date: string;
}

/** Blobs added per commit, newest commit first (`git log --all --raw`). */
function parseLog(out: Buffer): { added: Added[]; commits: number } {
  const added: Added[] = [];
  let commit = '';
  let date = '';
  let commits = 0;
  const tokens = out.toString('utf8').split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^\n+/, '');
    if (t.startsWith('\u0001')) {
      const [id, when] = t.slice(1).split(' ');
      commit = id ?? '';
      date = (when ?? '').slice(0, 10);
      commits++;
    } else if (t.startsWith(':') && commit) {
      i++; // the path that follows
      const [, newMode, , newOid, status] = t.slice(1).split(' ');
      // Regular files only: submodule entries name commits, symlinks hold a path, deleted entries have no blob.
      if (!newOid || !newMode?.startsWith('100') || status?.startsWith('D') || /^0+$/.test(newOid)) continue;
      added.push({ oid: newOid, commit, date });
    }
  }
  return { added, commits };
}

/** `<oid> blob <size>` lines of `git cat-file --batch-check`. */
function parseSizes(out: Buffer): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const line of out.toString('utf8').split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob' && size) sizes.set(oid, Number(size));
  }
  return sizes;
}

/** Splits `git cat-file --batch` output into blob contents. */
function* parseBatch(out: Buffer): Generator<{ oid: string; content: Buffer }> {
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) return;
    const [oid, type, size] = out.subarray(at, nl).toString('utf8').split(' ');
    if (type !== 'blob' || !oid || size === undefined) {
      at = nl + 1; // `<oid> missing`
      continue;
    }
    const n = Number(size);
    if (nl + 1 + n > out.length) return; // cut short
    yield { oid, content: out.subarray(nl + 1, nl + 1 + n) };
    at = nl + 1 + n + 1;
  }
}

interface Wanted {
  value: string;
  bytes: Buffer;
  key: string;
}

/**
 * A function giving the keys of the secrets a blob holds. A few secrets: one native search each. Many: one pass
 * over the blob, where a table of first byte pairs skips most positions and a map of 4-byte prefixes picks the
 * candidates to compare, so the cost grows with the blob's size, not with size times the number of secrets.
 */
function searcher(wanted: readonly Wanted[]): (content: Buffer) => Set<string> {
  const direct = wanted.length <= 8 ? wanted : wanted.filter((w) => w.bytes.length < 4);
  const byPrefix = new Map<number, Wanted[]>();
  const pairs = new Uint8Array(65536);
  if (wanted.length > 8) {
    for (const w of wanted) {
      if (w.bytes.length < 4) continue;
      const p = w.bytes.readUInt32LE(0);
      byPrefix.set(p, [...(byPrefix.get(p) ?? []), w]);
      pairs[w.bytes[0]! | (w.bytes[1]! << 8)] = 1;
    }
  }
  return (content) => {
    const found = new Set<string>();
    for (const w of direct) if (content.includes(w.bytes)) found.add(w.key);
    if (byPrefix.size === 0) return found;
    const end = content.length - 3;
    for (let i = 0; i < end; i++) {
      if (pairs[content[i]! | (content[i + 1]! << 8)] === 0) continue;
      const list = byPrefix.get(content.readUInt32LE(i));
      if (!list) continue;
      for (const w of list) {
        if (!found.has(w.key) && i + w.bytes.length <= content.length && content.compare(w.bytes, 0, w.bytes.length, i, i + w.bytes.length) === 0) found.add(w.key);
      }
    }
    return found;
  };
}

/**
 * Finds which `secrets` were ever committed in the repository at `repoRoot`, and whether pushed. One history
 * pass for all of them; never throws (a failure is reported in `error`).
 */
export async function secretExposure(repoRoot: string, secrets: readonly string[], options: ExposureOptions = {}): Promise<ExposureResult> {
  const opt = { ...EXPOSURE_DEFAULTS, ...options };
  const bySecret = new Map<string, SecretExposure>();
  const wanted: Wanted[] = [...new Set(secrets.filter((s) => s.length > 0))].map((s) => ({ value: s, bytes: Buffer.from(s, 'utf8'), key: digest(s) }));
  if (wanted.length === 0) return { bySecret };
  const limits: string[] = [];
  try {
    const log = await runGit(repoRoot, [
      'log', '--all', '--root', '--raw', '--no-abbrev', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color',
      `--max-count=${opt.maxCommits}`, '--format=%x01%H %cI',
    ]);
    const { added, commits } = parseLog(log.out);
    if (log.cut) limits.push('the history listing was too large');
    else if (commits >= opt.maxCommits) limits.push(`only the newest ${opt.maxCommits} commits were searched`);
    if (added.length === 0) return { bySecret, ...(limits.length ? { limited: limits.join('; ') } : {}) };

    // Blobs whose cached result does not cover every wanted secret must be read.
    const oids = [...new Set(added.map((a) => a.oid))];
    const toRead = oids.filter((oid) => {
      const c = blobCache.get(oid);
      return !c || wanted.some((w) => !c.checked.has(w.key));
    });
    if (toRead.length > 0) {
      const sizes = parseSizes((await runGit(repoRoot, ['cat-file', '--batch-check'], `${toRead.join('\n')}\n`)).out);
      let budget = opt.maxBytes;
      let large = 0;
      let overBudget = 0;
      const chosen: string[] = [];
      for (const oid of toRead) {
        const size = sizes.get(oid);
        if (size === undefined) continue;
        if (size > opt.maxBlobBytes) large++;
        else if (size > budget) overBudget++;
        else {
          budget -= size;
          chosen.push(oid);
        }
      }
      if (large) limits.push(`${large} file version${large === 1 ? '' : 's'} over ${Math.round(opt.maxBlobBytes / 1024)} KiB not searched`);
      if (overBudget) limits.push(`${overBudget} file version${overBudget === 1 ? '' : 's'} past the ${Math.round(opt.maxBytes / 1024 / 1024)} MiB budget not searched`);
      if (chosen.length > 0) {
        const batch = await runGit(repoRoot, ['cat-file', '--batch'], `${chosen.join('\n')}\n`, opt.maxBytes + chosen.length * 100);
        if (blobCache.size + chosen.length > BLOB_CACHE_MAX) blobCache.clear();
        const search = searcher(wanted);
        for (const { oid, content } of parseBatch(batch.out)) {
          const entry = blobCache.get(oid) ?? { checked: new Set<string>(), found: new Set<string>() };
          for (const key of search(content)) entry.found.add(key);
          for (const w of wanted) entry.checked.add(w.key);
          blobCache.set(oid, entry);
        }
      }
    }

    // Newest first in `added`: the last hit is the oldest commit that added the secret.
    const hits = new Map<string, Added[]>();
    for (const a of added) {
      const found = blobCache.get(a.oid)?.found;
      if (!found) continue;
      for (const w of wanted) if (found.has(w.key)) hits.set(w.value, [...(hits.get(w.value) ?? []), a]);
    }
    const remoteOf = new Map<string, string | undefined>();
    const remoteRef = async (commit: string): Promise<string | undefined> => {
      if (!remoteOf.has(commit)) {
        // Commit ids are not secret: fine on the command line.
        const refs = (await runGit(repoRoot, ['for-each-ref', '--contains', commit, '--format=%(refname:short)', 'refs/remotes/'])).out
          .toString('utf8').split('\n').filter((r) => r.length > 0);
        remoteOf.set(commit, refs.find((r) => !r.endsWith('/HEAD')) ?? refs[0]);
      }
      return remoteOf.get(commit);
    };
    for (const [value, list] of hits) {
      const oldest = list[list.length - 1]!;
      // Oldest first, a few at most: a later commit may be on a pushed branch when the first one is not.
      let ref: string | undefined;
      for (const a of [...list].reverse().slice(0, 3)) if ((ref = await remoteRef(a.commit))) break;
      bySecret.set(value, { committed: true, commit: oldest.commit, date: oldest.date, pushed: ref !== undefined, ...(ref ? { remoteRef: ref } : {}) });
    }
    return { bySecret, ...(limits.length ? { limited: limits.join('; ') } : {}) };
  } catch (e) {
    return { bySecret, error: e instanceof GitRunError ? e.message : 'git history could not be read', ...(limits.length ? { limited: limits.join('; ') } : {}) };
  }
}

/** The sentence added to a finding's message. */
export function exposureSentence(x: SecretExposure): string {
  const at = `committed in ${x.commit.slice(0, 7)} on ${x.date}`;
  return x.pushed
    ? `It is ${at}, pushed to ${x.remoteRef}: rotate it; removing it from the file is not enough.`
    : `It is ${at} (not pushed yet): rotate it, or remove it from the local history before pushing.`;
}

/**
 * Adds what history says to a secret finding: the sentence in its message and `properties.exposure` (which SARIF
 * carries as result properties). Returns a new finding; the fingerprint is unchanged, so baselines still match.
 */
/**
 * `withExposure` for an engine finding, with its priority computed again: a committed or pushed secret ranks higher
 * (`priority.ts`), so every host that learns of the exposure after the analysis re-ranks through this one function.
 */
export function withExposureRanked(finding: Finding, x: SecretExposure, where: PriorityContext): Finding {
  const out = withExposure(finding, x);
  return out.priority ? { ...out, priority: prioritize(out, where) } : out;
}

export function withExposure<F extends { message: string; properties?: Record<string, FindingProperty> }>(finding: F, x: SecretExposure): F {
  return {
    ...finding,
    message: `${finding.message} ${exposureSentence(x)}`,
    properties: { ...(finding.properties ?? {}), exposure: { ...x } },
  };
}

/**
 * The secret value of each secret finding of `text` (undefined for other findings), read back at the finding's
 * range and kept only if it still masks to the finding's `maskedSecret` (the text may have changed since).
 */
export function secretValues(text: string, findings: readonly Finding[]): (string | undefined)[] {
  let lines: LineIndex | undefined;
  return findings.map((f) => {
    if (f.pack !== 'secrets' || typeof f.properties?.maskedSecret !== 'string') return undefined;
    lines ??= new LineIndex(text);
    const value = text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
    return value.length > 0 && maskSecret(value) === f.properties.maskedSecret ? value : undefined;
  });
}

/** A file's text and its findings, for `exposeSecretFindings`. */
export interface ExposureFile {
  text: string;
  findings: Finding[];
}

/**
 * Looks every secret finding of `files` up in the history of `repoRoot` (one pass for all) and returns the
 * findings with `withExposure` applied where the secret was committed, in the same order. The value is read
 * back from the text (`secretValues`).
 */
export async function exposeSecretFindings(repoRoot: string, files: readonly ExposureFile[], options: ExposureOptions = {}): Promise<{ findings: Finding[][]; result: ExposureResult }> {
  const values = files.map((file) => secretValues(file.text, file.findings));
  const secrets = values.flat().filter((v): v is string => v !== undefined);
  if (secrets.length === 0) return { findings: files.map((f) => f.findings), result: { bySecret: new Map() } };
  const result = await secretExposure(repoRoot, secrets, options);
  const findings = files.map((file, i) =>
    file.findings.map((f, j) => {
      const v = values[i]![j];
      const x = v === undefined ? undefined : result.bySecret.get(v);
      return x ? withExposure(f, x) : f;
    }),
  );
  return { findings, result };
}
