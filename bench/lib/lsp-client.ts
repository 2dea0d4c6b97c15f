/**
 * A small LSP client over stdio for the benchmarks: Content-Length framed JSON-RPC, nothing else. It records
 * when each `publishDiagnostics` arrives so edit latency is measured from the send to the matching version.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export interface DiagnosticsArrival {
  /** performance.now() when the message was read. */
  at: number;
  count: number;
  version: number;
  /** The diagnostics' codes (e.g. `vigil.notice.analysis-budget` when the analysis was cut). */
  codes: string[];
}

interface Waiter {
  uri: string;
  version: number;
  resolve: (a: DiagnosticsArrival) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class LspClient {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  private readonly notificationListeners: ((method: string, params: unknown) => void)[] = [];
  /** Diagnostics that arrived without a `version` field (reported, since edits are matched by version). */
  unversionedDiagnostics = 0;
  stderr = '';
  private exited = false;

  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString('utf8');
    });
    proc.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`language server exited (code ${code}, signal ${signal}); stderr: ${this.stderr.slice(-2000)}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      for (const w of this.waiters) {
        clearTimeout(w.timer);
        w.reject(err);
      }
      this.waiters = [];
    });
  }

  /** Spawns the server (`node <serverJs> --stdio`). */
  static start(serverJs: string, nodeArgs: string[] = []): LspClient {
    const proc = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(proc);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    const p = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return p;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  onNotification(listener: (method: string, params: unknown) => void): void {
    this.notificationListeners.push(listener);
  }

  /** Resolves when diagnostics for `uri` at `version` arrive. */
  waitForDiagnostics(uri: string, version: number, timeoutMs = 30_000): Promise<DiagnosticsArrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = { uri, version, resolve, reject, timer };
      this.waiters.push(waiter);
    });
  }

  /** Waits for a notification matching `test`. */
  waitForNotification(test: (method: string, params: unknown) => boolean, timeoutMs = 30_000): Promise<number> {
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new Error(`notification not seen within ${timeoutMs} ms`));
      }, timeoutMs);
      this.onNotification((m, p) => {
        if (!done && test(m, p)) {
          done = true;
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
    });
  }

  /** Resident set size of the server process now and at its peak, in bytes (from /proc). */
  memory(): { rss: number; hwm: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), sleep(3_000)]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(killer);
  }

  private send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    const at = performance.now();
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad LSP header: ${header}`);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Record<string, unknown>, at);
    }
  }

  private dispatch(msg: Record<string, unknown>, at: number): void {
    if ('id' in msg && !('method' in msg)) {
      const p = this.pending.get(msg.id as number);
      if (!p) return;
      this.pending.delete(msg.id as number);
      if (msg.error) p.reject(new Error(`LSP error: ${JSON.stringify(msg.error)}`));
      else p.resolve(msg.result);
      return;
    }
    const method = msg.method as string;
    if ('id' in msg) {
      // Server-to-client requests (registerCapability, workspace/configuration, ...): answer plainly.
      const result = method === 'workspace/configuration' ? [] : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (method === 'textDocument/publishDiagnostics') {
      const params = msg.params as { uri: string; version?: number; diagnostics: { code?: unknown }[] };
      if (params.version === undefined) this.unversionedDiagnostics++;
      // Matched strictly by version: unversioned ones (e.g. the empty set sent on close) match nothing.
      const waiter = this.waiters.find((w) => w.uri === params.uri && params.version === w.version);
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        clearTimeout(waiter.timer);
        waiter.resolve({ at, count: params.diagnostics.length, version: waiter.version, codes: params.diagnostics.map((d) => String(d.code ?? '')) });
      }
    }
    for (const l of this.notificationListeners) l(method, msg.params);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Initializes a started server the way an editor does, and resolves when it reports itself ready. */
export async function initialize(client: LspClient, rootUri: string): Promise<{ initializedAt: number; readyAt: number }> {
  let failure = '';
  const ready = client.waitForNotification((m, p) => {
    const status = p as { state?: string; message?: string };
    if (m === 'vigil/status' && status.state === 'error') failure = status.message ?? 'unknown error';
    return m === 'vigil/status' && (status.state === 'ready' || status.state === 'error');
  }, 60_000);
  await client.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
    },
    initializationOptions: { trusted: true },
  });
  const initializedAt = performance.now();
  client.notify('initialized', {});
  const readyAt = await ready;
  if (failure) throw new Error(`the server failed to start: ${failure}`);
  return { initializedAt, readyAt };
}
