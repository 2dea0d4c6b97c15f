/**
 * Part 4: server memory. RSS of the server process (from /proc) with 50 files open, and a soak: RSS after
 * 1,000 edits and after 10,000 edits on 20 open files (issue 17's growth target: the first 1,000 edits fill the
 * caches and the heap; growth after them is what a long session would keep adding). Every edit waits for its diagnostics, so each one is
 * really analysed; RSS is sampled once the server is idle (`idleMemory`). Trees live in wasm memory, which never shrinks, so a
 * leaked tree per edit would show as growth here.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { manyGeneratedFiles } from '../lib/corpus';
import { editScript } from '../lib/edit-script';
import { initialize, LspClient, sleep } from '../lib/lsp-client';
import { RAW, SERVER_JS } from '../lib/paths';
import { LONG_IDLE_SETTLE_MS, YOUNG_RELEASE_MS } from '../../server/src/lsp/heap-sizing';
import { progress } from '../lib/progress';

export interface MemoryResult {
  idleRssMB: number;
  openFiles: number;
  openFileLines: number;
  /** Open files whose first diagnostics had arrived when RSS was sampled: all of them (the sample waits for every one). */
  openFilesAnalysed: number;
  /** Seconds from the first open to the last file's first complete diagnostics. */
  openSeconds?: number;
  rssWithOpenFilesMB: number;
  peakRssWithOpenFilesMB: number;
  soakFiles: number;
  soakFileLines: number;
  soakEdits: number;
  /** Edits actually done (fewer than soakEdits when the time budget ran out). */
  soakEditsDone: number;
  /** The edit after which the soak's growth is counted from (1,000; 100 in a quick run). */
  soakBaselineEdits: number;
  rssAfterBaselineEditsMB: number;
  rssAfterAllEditsMB: number;
  peakRssMB: number;
  growthPercent: number;
  soakSeconds: number;
  /** Edits in one open file with the 50 files open, each sent right after an idle pause (the idle GC's cost). */
  idleEdits?: IdleEditLatency;
}

/**
 * Edit → diagnostics latency with many files open, for edits sent after a 600 ms pause (past the 500 ms after which
 * the server's idle heap settle, a compacting GC, runs after a burst of work; after typing it waits 5 s), beside
 * the same kind of edits sent 50 ms apart.
 */
export interface IdleEditLatency {
  edits: number;
  idleMs: number;
  afterIdleMs: { p50: number; max: number };
  typingMs: { p50: number; max: number };
  /** The server's idle heap settles (logged by it) during these edits, and the longest one's pause. */
  settles?: number;
  settleMaxMs?: number;
}

export interface MemoryOptions {
  openFiles: number;
  openFileLines: number;
  soakFiles: number;
  soakFileLines: number;
  soakEdits: number;
  /**
   * Safety timeout (s) for the open files' diagnostics: RSS is sampled only once every file is analysed, so a
   * server that cannot analyse them all in this time fails the row rather than reporting a figure for fewer.
   */
  openTimeoutSeconds: number;
  /** Time budget (s) of the soak. */
  soakBudgetSeconds: number;
}

const MB = 1024 * 1024;
/** Edits in a row on one file in the soak (even: the edit script's pairs leave the text as it was). */
const SOAK_BURST = 20;

/** Idle pause before each of the idle-edit row's edits: past `IDLE_SETTLE_MS` (500), when a settle after a burst runs. */
const IDLE_PAUSE_MS = 600;
/** Edits per side in the idle-edit row. */
const IDLE_EDITS = 12;

/**
 * How long an idle sample waits before its round trip: past the pause after which the server settles its heap
 * whatever it allocated (`LONG_IDLE_SETTLE_MS`, 5 s; a burst such as the opens settles at 500 ms), then past the
 * young generation's release that follows a settle (`YOUNG_RELEASE_MS`), with 2 s for the settle itself (1-2 s
 * under load). Was `LONG_IDLE_SETTLE_MS + 500` before the release (session 16): a server without it does nothing
 * more at idle, so its figure does not depend on the longer wait.
 */
export const IDLE_SAMPLE_WAIT_MS = LONG_IDLE_SETTLE_MS + YOUNG_RELEASE_MS + 2_000;

/**
 * RSS once the server is idle: `IDLE_SAMPLE_WAIT_MS`, then a request answered, so a GC under way has ended, then
 * 1 s more for the pages it freed to be given back (a compacting GC releases them from a background thread:
 * in-process RSS stood 80 MB higher right after one). It was 1 s alone.
 */
async function idleMemory(client: LspClient): Promise<{ rss: number; hwm: number }> {
  await sleep(IDLE_SAMPLE_WAIT_MS);
  await client.request('vigil/score', null);
  await sleep(1_000);
  return client.memory();
}

async function start(nodeArgs: string[] = [], serverJs = SERVER_JS): Promise<LspClient> {
  const client = LspClient.start(serverJs, nodeArgs);
  await initialize(client, pathToFileURL(RAW).toString());
  return client;
}

/** What `openManyFiles` measured. */
export interface OpenFilesMemory {
  idleRss: number;
  analysed: number;
  /** Seconds from the first open to the last file's first complete diagnostics. */
  openSeconds: number;
  withOpen: { rss: number; hwm: number };
  idleEdits: IdleEditLatency;
}

function quantiles(ms: number[]): { p50: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: s[Math.floor((s.length - 1) / 2)]!, max: s[s.length - 1]! };
}

/**
 * Phase 1: a server with `openFiles` files open, its RSS once idle after every file's diagnostics, then the idle-edit row
 * (in the first file, alternating an edit after `IDLE_PAUSE_MS` idle and one 50 ms after the previous).
 * `nodeArgs`: node flags for the server (to A/B a V8 setting); `serverJs`: another build's server (to A/B builds).
 */
export async function openManyFiles(
  o: Pick<MemoryOptions, 'openFiles' | 'openFileLines' | 'openTimeoutSeconds'>,
  nodeArgs: string[] = [],
  serverJs = SERVER_JS,
): Promise<OpenFilesMemory> {
  const client = await start(nodeArgs, serverJs);
  // The server logs each idle heap settle and its pause: edits that arrive meanwhile wait for it.
  const settleMs: number[] = [];
  const settleLog: string[] = [];
  client.onNotification((method, params) => {
    const m = method === 'window/logMessage' ? /idle heap settle: (\d+) ms.*/.exec((params as { message?: string }).message ?? '') : null;
    if (m) {
      settleMs.push(Number(m[1]));
      settleLog.push(m[0]);
    }
  });
  await sleep(300);
  const idleRss = client.memory().rss;
  const files = manyGeneratedFiles(o.openFiles, o.openFileLines, 'open-files');
  // Open all, as an editor restoring a session does, then wait for every file's diagnostics: the sample compares
  // like with like only when every file was analysed (a sample after a time budget counted however many the
  // machine's load let through: 31 to 40 of 50 in earlier runs).
  let analysed = 0;
  const t0 = performance.now();
  const waits = files.map((f) => {
    const uri = pathToFileURL(f.path).toString();
    const wait = client.waitForDiagnostics(uri, 1, o.openTimeoutSeconds * 1000).then(() => void analysed++);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: f.lang, version: 1, text: readFileSync(f.path, 'utf8') } });
    return wait;
  });
  await Promise.all(waits);
  const openSeconds = (performance.now() - t0) / 1000;
  const withOpen = await idleMemory(client);
  progress(`memory: ${o.openFiles} files open, all analysed in ${openSeconds.toFixed(1)} s: RSS ${(withOpen.rss / MB).toFixed(0)} MB (idle server ${(idleRss / MB).toFixed(0)} MB)`);

  // Edits in the first file. It cooled down while the others opened: one untimed pair first, so its cold analysis
  // is not timed as an edit after idle. Then pairs of one edit after an idle pause and one while typing, the side
  // that gets a pair's first edit (a typed character or a paste; the second undoes it, and an undo is cheaper)
  // alternating, so both sides get as many of each.
  const f = files[0]!;
  const uri = pathToFileURL(f.path).toString();
  const script = editScript(readFileSync(f.path, 'utf8'), f.lang, f.blockStarts, IDLE_EDITS + 1, 9_000);
  let version = 1;
  const settlesBefore = settleMs.length;
  const afterIdle: number[] = [];
  const typing: number[] = [];
  for (let i = 0; i < script.length; i++) {
    const pair = Math.floor(i / 2);
    const idle = pair > 0 && (i + pair) % 2 === 0;
    await sleep(idle ? IDLE_PAUSE_MS : 50);
    const e = script[i]!;
    version++;
    const wait = client.waitForDiagnostics(uri, version, o.openTimeoutSeconds * 1000);
    const t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: e.range, text: e.text }] });
    await wait;
    if (pair > 0) (idle ? afterIdle : typing).push(performance.now() - t);
  }
  const during = settleMs.slice(settlesBefore);
  const idleEdits: IdleEditLatency = {
    edits: IDLE_EDITS,
    idleMs: IDLE_PAUSE_MS,
    afterIdleMs: quantiles(afterIdle),
    typingMs: quantiles(typing),
    settles: during.length,
    settleMaxMs: during.length > 0 ? Math.max(...during) : 0,
  };
  progress(
    `memory: edits with ${o.openFiles} files open, after ${IDLE_PAUSE_MS} ms idle p50/max ${idleEdits.afterIdleMs.p50.toFixed(0)}/${idleEdits.afterIdleMs.max.toFixed(0)} ms, 50 ms apart ${idleEdits.typingMs.p50.toFixed(0)}/${idleEdits.typingMs.max.toFixed(0)} ms; idle heap settles meanwhile ${during.length} (longest ${idleEdits.settleMaxMs!.toFixed(0)} ms; ${settlesBefore} before, during the opens and the sample): ${settleLog.join('; ')}`,
  );
  await client.shutdown();
  return { idleRss, analysed, openSeconds, withOpen, idleEdits };
}

export async function runMemory(o: MemoryOptions): Promise<MemoryResult> {
  // 1. Many files open.
  const { idleRss, analysed, openSeconds, withOpen, idleEdits } = await openManyFiles(o);

  // 2. Soak: many edits over the open files, in bursts of SOAK_BURST edits per file as someone works on one file
  // a while (the server keeps only the most recently analysed files warm; one edit per file round-robin would
  // time cold analyses instead).
  const client = await start();
  const soak = manyGeneratedFiles(o.soakFiles, o.soakFileLines, 'soak-files').map((f, i) => {
    const text = readFileSync(f.path, 'utf8');
    return {
      uri: pathToFileURL(f.path).toString(),
      version: 1,
      next: 0,
      script: editScript(text, f.lang, f.blockStarts, Math.ceil(o.soakEdits / o.soakFiles / 2), 7_000 + i),
      f,
      text,
    };
  });
  for (const s of soak) {
    const wait = client.waitForDiagnostics(s.uri, 1, o.soakBudgetSeconds * 1000);
    client.notify('textDocument/didOpen', { textDocument: { uri: s.uri, languageId: s.f.lang, version: 1, text: s.text } });
    await wait;
  }
  const t0 = performance.now();
  const baselineEdits = Math.min(1_000, Math.floor(o.soakEdits / 10));
  let atBaseline = 0;
  let done = 0;
  for (let i = 0; i < o.soakEdits; i++) {
    if (i > baselineEdits && performance.now() - t0 > o.soakBudgetSeconds * 1000) break;
    const s = soak[Math.floor(i / SOAK_BURST) % soak.length]!;
    const e = s.script[s.next++ % s.script.length]!;
    s.version++;
    const wait = client.waitForDiagnostics(s.uri, s.version, o.soakBudgetSeconds * 1000);
    client.notify('textDocument/didChange', { textDocument: { uri: s.uri, version: s.version }, contentChanges: [{ range: e.range, text: e.text }] });
    await wait;
    done = i + 1;
    if (i + 1 === baselineEdits) {
      atBaseline = (await idleMemory(client)).rss;
    }
    if ((i + 1) % 2_000 === 0) progress(`memory soak: ${i + 1} edits, RSS ${(client.memory().rss / MB).toFixed(0)} MB`);
  }
  const soakSeconds = (performance.now() - t0) / 1000;
  const end = await idleMemory(client);
  await client.shutdown();
  return {
    idleRssMB: idleRss / MB,
    openFiles: o.openFiles,
    openFileLines: o.openFileLines,
    openFilesAnalysed: analysed,
    openSeconds,
    rssWithOpenFilesMB: withOpen.rss / MB,
    peakRssWithOpenFilesMB: withOpen.hwm / MB,
    soakFiles: o.soakFiles,
    soakFileLines: o.soakFileLines,
    soakEdits: o.soakEdits,
    soakEditsDone: done,
    soakBaselineEdits: baselineEdits,
    rssAfterBaselineEditsMB: atBaseline / MB,
    rssAfterAllEditsMB: end.rss / MB,
    peakRssMB: end.hwm / MB,
    growthPercent: ((end.rss - atBaseline) / atBaseline) * 100,
    soakSeconds,
    idleEdits,
  };
}
