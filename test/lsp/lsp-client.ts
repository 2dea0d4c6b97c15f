/**
 * A minimal LSP client for tests and benchmarks: starts the bundled server as a process over stdio and speaks
 * real protocol messages (Content-Length framed JSON-RPC). Answers the server's own requests
 * (workspace/configuration, client/registerCapability, progress) so the server sees a normal client.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Diagnostic['range'] }; message: string }[];
  data?: unknown;
}

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Waiter = { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  /** Latest diagnostics per uri. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every notification received, in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every notification and response received, in arrival order (for tests of what is answered first). */
  readonly arrivals: ({ method: string; params: unknown } | { responseTo: number })[] = [];
  /** Everything the server wrote to stderr. */
  stderr = '';
  /** Settings returned for workspace/configuration requests (the `vigil` section). */
  settings: Record<string, unknown> = {};
  exited: Promise<number | null>;

  constructor(serverJs = SERVER_JS, extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(process.execPath, [...extraArgs, serverJs, '--stdio'], { stdio: 'pipe', env });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad header: ${header}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.onMessage(JSON.parse(body));
    }
  }

  private onMessage(msg: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } }): void {
    if (msg.method && msg.id !== undefined) {
      this.write({ jsonrpc: '2.0', id: msg.id, result: this.answer(msg.method, msg.params) });
      return;
    }
    if (msg.method) {
      this.notifications.push({ method: msg.method, params: msg.params });
      this.arrivals.push({ method: msg.method, params: msg.params });
      if (msg.method === 'textDocument/publishDiagnostics') {
        const p = msg.params as PublishDiagnosticsParams;
        this.diagnostics.set(p.uri, p);
        const ready = this.waiters.filter((w) => w.pred(p));
        this.waiters = this.waiters.filter((w) => !w.pred(p));
        for (const w of ready) w.resolve(p);
      }
      return;
    }
    if (msg.id !== undefined) {
      this.arrivals.push({ responseTo: msg.id });
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      // The JSON-RPC error code rides along as `code`, for tests of protocol errors.
      if (msg.error) p?.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p?.resolve(msg.result);
    }
  }

  private answer(method: string, params: unknown): unknown {
    if (method === 'workspace/configuration') {
      const items = (params as { items: { section?: string }[] }).items;
      return items.map(() => this.settings);
    }
    return null;
  }

  private write(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** The id the next request will get (to find its response in `arrivals`). */
  get nextRequestId(): number {
    return this.nextId;
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${method} timed out; stderr:\n${this.stderr}`)), timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(t);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the next publishDiagnostics that satisfies `pred` (checking the latest one first). */
  waitForDiagnostics(pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 20_000, checkLatest = true): Promise<PublishDiagnosticsParams> {
    if (checkLatest) for (const p of this.diagnostics.values()) if (pred(p)) return Promise.resolve(p);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; stderr:\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (p) => (clearTimeout(t), resolve(p)) });
    });
  }

  /** Waits for the server's `vigil/status` "ready": feature handlers are registered only then. */
  async waitForReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.notifications.some((n) => n.method === 'vigil/status' && (n.params as { state: string }).state === 'ready')) {
      if (Date.now() > deadline) throw new Error(`server not ready; stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** initialize + initialized, with a workspace folder and configuration pulling. */
  async initialize(rootPath: string, opts: { trusted?: boolean; ruleDetailsCommand?: string; warmDocuments?: number } = {}): Promise<unknown> {
    const rootUri = pathToFileURL(rootPath).toString();
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
        window: { workDoneProgress: true },
      },
      initializationOptions: {
        trusted: opts.trusted ?? true,
        ...(opts.ruleDetailsCommand ? { ruleDetailsCommand: opts.ruleDetailsCommand } : {}),
        ...(opts.warmDocuments !== undefined ? { warmDocuments: opts.warmDocuments } : {}),
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: { range?: Diagnostic['range']; text: string }[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async shutdown(): Promise<void> {
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3_000);
    await this.exited;
    clearTimeout(timer);
  }
}
