/**
 * A scan worker thread (bundled as `dist/scan-worker.js`). It builds its own Engine with the same analyzers as
 * every other host and scans the files the pool sends it, one at a time.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzers, type AnalyzerSetup } from '../analyzers';
import { Engine } from '../engine';
import { languageIdForPath } from '../languages';
import type { ScanJob, ScanWorkerData, WorkerMessage } from './scan-protocol';

const port = parentPort;
if (!port) throw new Error('scan-worker must run as a worker thread');
const data = workerData as ScanWorkerData;
const post = (m: WorkerMessage) => port.postMessage(m);

async function start(): Promise<Engine> {
  let setup: AnalyzerSetup;
  if (data.analyzerModule) {
    const mod = require(data.analyzerModule) as { createAnalyzers?: typeof createAnalyzers; default?: { createAnalyzers?: typeof createAnalyzers } };
    const factory = mod.createAnalyzers ?? mod.default?.createAnalyzers;
    if (!factory) throw new Error(`${data.analyzerModule} does not export createAnalyzers`);
    setup = factory(data.analyzerOptions);
  } else {
    setup = createAnalyzers(data.analyzerOptions);
  }
  const engine = await Engine.create({ analyzers: setup.analyzers, grammarDir: data.grammarDir });
  post({ type: 'ready', ruleErrors: setup.errors });
  return engine;
}

function scan(engine: Engine, job: ScanJob): WorkerMessage {
  let bytes: Uint8Array;
  try {
    bytes = job.content ?? readFileSync(job.path);
  } catch (e) {
    return { type: 'skipped', id: job.id, reason: 'unreadable', message: `skipped: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { type: 'skipped', id: job.id, reason: 'binary', message: 'skipped: binary file (it contains NUL bytes)' };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const result = engine.scanText(job.path, job.languageId || languageIdForPath(job.path), text, job.settings, job.root);
  const skip = result.notices.find((n) => n.reason === 'binary' || n.reason === 'too-large');
  if (skip && result.findings.length === 0) {
    return { type: 'skipped', id: job.id, reason: skip.reason as 'binary' | 'too-large', message: skip.message.replace(/^File skipped/, 'skipped') };
  }
  return { type: 'result', id: job.id, findings: result.findings, notices: result.notices };
}

start().then(
  (engine) => {
    port.on('message', (job: ScanJob) => {
      try {
        post(scan(engine, job));
      } catch (e) {
        post({ type: 'error', id: job.id, message: e instanceof Error ? e.message : String(e) });
      }
    });
  },
  (e: unknown) => post({ type: 'init-failed', message: e instanceof Error ? e.message : String(e) }),
);
