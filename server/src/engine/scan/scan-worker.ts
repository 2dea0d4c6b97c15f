/**
 * A scan worker thread (bundled as `dist/scan-worker.js`): the pool's messages to a scan host (`scan-host.ts`), its
 * answers back to the pool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createScanHost } from './scan-host';
import type { PoolMessage, RulesMessage, ScanWorkerData, WorkerMessage } from './scan-protocol';

if (!parentPort) throw new Error('scan-worker must run as a worker thread');
const port = parentPort;
const host = createScanHost(workerData as ScanWorkerData, (m: WorkerMessage) => port.postMessage(m));
port.on('message', (m: RulesMessage | PoolMessage) => void host.receive(m));
