/**
 * Part 1: edit latency through the real server. Starts the bundled server over stdio, opens each generated
 * file, sends scripted didChange edits one at a time and times each from the send to the
 * publishDiagnostics carrying that document version. Also times start-to-ready and open-to-first-diagnostics.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generatedFiles, largeGeneratedFiles, type GeneratedOnDisk } from '../lib/corpus';
import { editScript } from '../lib/edit-script';
import { initialize, LspClient, sleep } from '../lib/lsp-client';
import { RAW, SERVER_JS } from '../lib/paths';
import { progress } from '../lib/progress';
import { summarize, type Summary } from '../lib/stats';

export interface EditLatencyFile {
  lang: string;
  lines: number;
  bytes: number;
  /** Diagnostics on the file as opened (shows the mix of findings the server works with). */
  diagnosticsOnOpen: number;
  /** Open to the first publish (the fast packs' findings, shown while taint runs). */
  openToFirstDiagnosticsMs: Summary;
  /** Open to the complete result of every pack (the publish with the document's version). */
  openToCompleteMs: Summary;
  editMs: Summary;
  charEditMs: Summary;
  pasteEditMs: Summary;
  /** Why fewer edits or opens than asked were measured (time budget, timeout), if so. */
  note?: string;
  /**
   * Vigil's notices on the file (`vigil.notice.*` codes) seen on open or after any edit: `analysis-budget` means
   * the analysis was cut, so the file was not fully analysed.
   */
  notices?: string[];
}

export interface EditLatencyResult {
  startToReadyMs: Summary;
  files: EditLatencyFile[];
  unversionedDiagnostics: number;
}

export interface EditLatencyOptions {
  /** Measured edits per file (pairs × 2). */
  edits: number;
  warmupEdits: number;
  opens: number;
  starts: number;
  /** Seconds of edits measured per file at most, so a slow analysis cannot stall the whole run. */
  budgetSeconds: number;
  /** Longest wait for one publishDiagnostics before the file is given up (the server is then restarted). */
  timeoutSeconds: number;
  /** The same two limits for the 50,000-line files (one full analysis there takes several seconds). */
  largeBudgetSeconds: number;
  largeTimeoutSeconds: number;
}

async function startServer(): Promise<{ client: LspClient; readyMs: number }> {
  const t0 = performance.now();
  const client = LspClient.start(SERVER_JS);
  const { readyAt } = await initialize(client, pathToFileURL(RAW).toString());
  return { client, readyMs: readyAt - t0 };
}

/**
 * `firstMs`: the first publish for the uri (the server shows the fast packs' findings, unversioned, while taint
 * runs); `ms`: the complete result (the publish carrying version 1).
 */
async function openAndWait(client: LspClient, uri: string, languageId: string, text: string, timeoutMs: number): Promise<{ ms: number; firstMs: number; count: number; codes: string[] }> {
  const wait = client.waitForDiagnostics(uri, 1, timeoutMs);
  let firstAt: number | undefined;
  client.onNotification((method, params) => {
    if (firstAt === undefined && method === 'textDocument/publishDiagnostics' && (params as { uri: string }).uri === uri) firstAt = performance.now();
  });
  const t0 = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const got = await wait;
  return { ms: got.at - t0, firstMs: (firstAt ?? got.at) - t0, count: got.count, codes: got.codes };
}

async function measureFile(client: LspClient, f: GeneratedOnDisk, o: EditLatencyOptions, seed: number, warmUp: boolean): Promise<EditLatencyFile> {
  const text = readFileSync(f.path, 'utf8');
  const baseUri = pathToFileURL(f.path).toString();
  // Open-to-first-diagnostics: each open under its own uri (a close publishes empty, unversioned diagnostics);
  // the last one stays open for the edits. Only the very first open of the run is a warm-up.
  const opens: number[] = [];
  const firstOpens: number[] = [];
  let diagnosticsOnOpen = 0;
  const notices = new Set<string>();
  const noteNotices = (codes: string[]) => codes.filter((c) => c.startsWith('vigil.notice.')).forEach((c) => notices.add(c));
  const timeoutMs = o.timeoutSeconds * 1000;
  const notes: string[] = [];
  const openStart = performance.now();
  const count = o.opens + (warmUp ? 1 : 0);
  for (let i = 0; i < count; i++) {
    const last = i === count - 1 || (opens.length > 0 && performance.now() - openStart > (o.budgetSeconds * 1000) / 2);
    const uri = last ? baseUri : `${baseUri.replace(/(\.\w+)$/, `.open${i}$1`)}`;
    const r = await openAndWait(client, uri, f.lang, text, timeoutMs);
    if (!(warmUp && i === 0)) {
      opens.push(r.ms);
      firstOpens.push(r.firstMs);
    }
    diagnosticsOnOpen = r.count;
    noteNotices(r.codes);
    if (last) {
      if (opens.length < o.opens) notes.push(`${opens.length} opens (time budget)`);
      break;
    }
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }
  const script = editScript(text, f.lang, f.blockStarts, (o.warmupEdits + o.edits) / 2, seed);
  const all: number[] = [];
  const chars: number[] = [];
  const pastes: number[] = [];
  let version = 1;
  let editStart = 0;
  let warmups = 0;
  let skipWarmup = false;
  const warmStart = performance.now();
  for (const [i, e] of script.entries()) {
    // Warm-up edits are excluded from the results; on a slow file fewer of them are done (a quarter of the budget).
    if (i < o.warmupEdits && i % 2 === 0 && i > 0 && performance.now() - warmStart > (o.budgetSeconds * 1000) / 4) {
      skipWarmup = true;
    }
    if (i < o.warmupEdits && skipWarmup) continue;
    if (i === o.warmupEdits) editStart = performance.now();
    if (i > o.warmupEdits && performance.now() - editStart > o.budgetSeconds * 1000) {
      notes.push(`${all.length} of ${o.edits} edits (${o.budgetSeconds} s budget)`);
      break;
    }
    version++;
    const wait = client.waitForDiagnostics(baseUri, version, timeoutMs);
    const t0 = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri: baseUri, version }, contentChanges: [{ range: e.range, text: e.text }] });
    const got = await wait;
    noteNotices(got.codes);
    if (i < o.warmupEdits) {
      warmups++;
      continue;
    }
    const ms = got.at - t0;
    all.push(ms);
    (e.kind === 'type-char' || e.kind === 'delete-char' ? chars : pastes).push(ms);
  }
  if (warmups < o.warmupEdits) notes.unshift(`${warmups} warm-up edits`);
  client.notify('textDocument/didClose', { textDocument: { uri: baseUri } });
  return {
    lang: f.lang,
    lines: f.lines,
    bytes: Buffer.byteLength(text),
    diagnosticsOnOpen,
    openToFirstDiagnosticsMs: summarize(firstOpens),
    openToCompleteMs: summarize(opens),
    editMs: summarize(all),
    charEditMs: summarize(chars),
    pasteEditMs: summarize(pastes),
    note: notes.join('; ') || undefined,
    ...(notices.size > 0 ? { notices: [...notices].sort() } : {}),
  };
}

export async function runEditLatency(o: EditLatencyOptions): Promise<EditLatencyResult> {
  const starts: number[] = [];
  for (let i = 0; i < o.starts + 1; i++) {
    const { client, readyMs } = await startServer();
    if (i > 0) starts.push(readyMs); // first start warms the disk cache
    await client.shutdown();
  }
  progress(`server start-to-ready: median ${summarize(starts).median.toFixed(0)} ms`);
  let { client } = await startServer();
  const files: EditLatencyFile[] = [];
  const gaveUp = new Set<string>();
  let unversioned = 0;
  try {
    for (const [i, f] of generatedFiles().entries()) {
      if (gaveUp.has(f.lang)) {
        files.push(notMeasured(f, `not measured: the smaller ${f.lang} file already timed out`));
        continue;
      }
      try {
        const r = await measureFile(client, f, o, 42 + i, i === 0);
        progress(
          `edit latency ${f.lang} ${f.lines} lines: p50 ${r.editMs.median.toFixed(1)} ms, p95 ${r.editMs.p95.toFixed(1)} ms; open ${r.openToFirstDiagnosticsMs.median.toFixed(0)} ms (all packs ${r.openToCompleteMs.median.toFixed(0)} ms)${r.note ? ` (${r.note})` : ''}`,
        );
        files.push(r);
      } catch (e) {
        // A diagnostics wait timed out: the server is still busy with that file, so start a fresh one.
        progress(`edit latency ${f.lang} ${f.lines} lines: ${e instanceof Error ? e.message : String(e)}`);
        files.push(notMeasured(f, `timed out: no diagnostics within ${o.timeoutSeconds} s`));
        gaveUp.add(f.lang);
        unversioned += client.unversionedDiagnostics;
        client.proc.kill('SIGKILL');
        ({ client } = await startServer());
      }
      await sleep(50);
    }
    // The large-file target: one open each (an open is a full analysis) and as many edits as a longer budget allows.
    const large = { ...o, opens: 1, budgetSeconds: o.largeBudgetSeconds, timeoutSeconds: o.largeTimeoutSeconds };
    for (const [i, f] of largeGeneratedFiles().entries()) {
      try {
        const r = await measureFile(client, f, large, 142 + i, false);
        progress(`edit latency ${f.lang} ${f.lines} lines: p50 ${r.editMs.median.toFixed(1)} ms, p95 ${r.editMs.p95.toFixed(1)} ms; open ${r.openToCompleteMs.median.toFixed(0)} ms${r.notices ? `; notices ${r.notices.join(', ')}` : ''}${r.note ? ` (${r.note})` : ''}`);
        files.push(r);
      } catch (e) {
        progress(`edit latency ${f.lang} ${f.lines} lines: ${e instanceof Error ? e.message : String(e)}`);
        files.push(notMeasured(f, `timed out: no diagnostics within ${large.timeoutSeconds} s`));
        unversioned += client.unversionedDiagnostics;
        client.proc.kill('SIGKILL');
        ({ client } = await startServer());
      }
      await sleep(50);
    }
  } finally {
    await client.shutdown();
  }
  return { startToReadyMs: summarize(starts), files, unversionedDiagnostics: unversioned + client.unversionedDiagnostics };
}

function notMeasured(f: GeneratedOnDisk, note: string): EditLatencyFile {
  const none = summarize([]);
  return { lang: f.lang, lines: f.lines, bytes: Buffer.byteLength(f.text), diagnosticsOnOpen: 0, openToFirstDiagnosticsMs: none, openToCompleteMs: none, editMs: none, charEditMs: none, pasteEditMs: none, note };
}
