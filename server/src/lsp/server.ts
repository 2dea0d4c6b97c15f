/**
 * Vigil language server. Parses each open document with tree-sitter, applies every content change as an
 * incremental reparse, re-analyses on every change (no save needed) and publishes diagnostics with fixes.
 * Run as `node dist/server.js --stdio` (or via the VS Code client, which uses IPC).
 */
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { createAnalyzers, type RuleLoadError } from '../engine/analyzers';
import { Engine } from '../engine/engine';
import type { Finding } from '../engine/types';
import { Methods, SETTINGS_SECTION, VigilSettings, type InitializationOptions, type StatusParams } from '../shared/protocol';
import { ActionKinds, codeActionsFor, diskReader, type TextReader } from './code-actions';
import { noticeDiagnostic, toDiagnostic } from './convert';

/** Everything the server's feature modules share. */
export interface ServerContext {
  connection: Connection;
  engine: Engine;
  trusted: boolean;
  workspaceFolders: WorkspaceFolder[];
  settingsFor(uri: string): Promise<VigilSettings>;
  log(message: string): void;
}

export function uriToPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

/** A feature module (e.g. the workspace scan) that registers its handlers once the engine is ready. */
export type ServerFeature = (ctx: ServerContext) => void;

export function startServer(connection: Connection, features: ServerFeature[] = []): void {
  let engine: Engine | undefined;
  let ready: Promise<Engine> | undefined;
  let trusted = true;
  let pullConfiguration = false;
  let workspaceFolders: WorkspaceFolder[] = [];
  const findings = new Map<string, Finding[]>();
  const scheduled = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<VigilSettings>>();

  const log = (m: string) => connection.console.log(`[vigil] ${m}`);

  const settingsFor = (uri: string): Promise<VigilSettings> => {
    if (!pullConfiguration) return Promise.resolve(VigilSettings.from({}));
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw) => VigilSettings.from(raw), () => VigilSettings.from({}));
      settingsCache.set(uri, p);
    }
    return p;
  };

  const sendStatus = (state: StatusParams['state'], message?: string) => {
    let total = 0;
    for (const f of findings.values()) total += f.length;
    void connection.sendNotification(Methods.status, { state, findings: total, message } satisfies StatusParams);
  };

  const reportLoadErrors = (errors: RuleLoadError[]) => {
    for (const e of errors) log(`rule error in ${e.source}${e.ruleId ? ` (${e.ruleId})` : ''}: ${e.message}`);
  };

  const folderOf = (path: string): string | undefined => {
    let best: string | undefined;
    for (const f of workspaceFolders) {
      const root = uriToPath(f.uri);
      if ((path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`)) && (!best || root.length > best.length)) best = root;
    }
    return best;
  };

  const isExcluded = (path: string, globs: string[]): boolean => {
    const root = folderOf(path);
    const rel = root ? path.slice(root.length + 1) : path;
    return globs.some((g) => minimatch(rel, g, { dot: true }) || minimatch(path, g, { dot: true }));
  };

  /** Runs the analysis of one document now, unless a newer edit already superseded this run. */
  const analyzeNow = async (uri: string, version: number): Promise<void> => {
    const eng = await ready!;
    const settings = await settingsFor(uri);
    const doc = eng.get(uri);
    if (!doc || doc.version !== version) return; // closed, or a newer edit has its own run queued
    if (!settings.enable || isExcluded(doc.path, settings.exclude)) {
      findings.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const result = eng.analyze(uri, VigilSettings.toAnalysisSettings(settings), folderOf(doc.path));
    findings.set(uri, result.findings);
    for (const n of result.notices) log(`${doc.path}: ${n.message}`);
    void connection.sendDiagnostics({
      uri,
      version,
      diagnostics: [...result.notices.map(noticeDiagnostic), ...result.findings.map((f) => toDiagnostic(f, uri))],
    });
    sendStatus('ready');
  };

  /** Queues an analysis. A newer change replaces a queued one, so only the latest text is analysed. */
  const schedule = (uri: string, version: number) => {
    const previous = scheduled.get(uri);
    if (previous) {
      clearTimeout(previous as NodeJS.Timeout);
      clearImmediate(previous as NodeJS.Immediate);
    }
    const run = () => {
      scheduled.delete(uri);
      analyzeNow(uri, version).catch((e) => log(`analysis of ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`));
    };
    void settingsFor(uri).then((s) => {
      if (scheduled.get(uri) !== handle) return;
      if (s.debounceMs > 0) scheduled.set(uri, setTimeout(run, s.debounceMs));
    });
    const handle: NodeJS.Immediate = setImmediate(run);
    scheduled.set(uri, handle);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
    trusted = opts.trusted !== false;
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    ready = (async () => {
      const setup = createAnalyzers();
      reportLoadErrors(setup.errors);
      engine = await Engine.create({ analyzers: setup.analyzers });
      for (const [id, msg] of engine.grammars.loadErrors) log(`grammar ${id} failed to load: ${msg}`);
      return engine;
    })();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, ActionKinds.fix, ActionKinds.suppress, ActionKinds.fixAll],
          resolveProvider: false,
        },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'vigil', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (workspaceFolders.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspaceFolders = [...workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
      });
    }
    try {
      await ready;
      const ctx: ServerContext = { connection, engine: engine!, trusted, workspaceFolders, settingsFor, log };
      for (const feature of features) feature(ctx);
      sendStatus(trusted ? 'ready' : 'restricted', trusted ? undefined : 'Restricted mode: only built-in rules run.');
      log(`ready: ${engine!.rules().length} rules${trusted ? '' : ' (restricted mode: workspace config and custom rules are not run)'}`);
    } catch (e) {
      sendStatus('error', e instanceof Error ? e.message : String(e));
      log(`failed to start: ${e instanceof Error ? e.stack : String(e)}`);
    }
  });

  connection.onDidChangeConfiguration(() => {
    // Push-style refresh: drop cached settings and re-analyse everything open.
    settingsCache.clear();
    if (!engine) return;
    for (const uri of findings.keys()) {
      const doc = engine.get(uri);
      if (doc) schedule(uri, doc.version);
    }
  });

  connection.onDidOpenTextDocument(async (p) => {
    const eng = await ready!;
    const { uri, languageId, text, version } = p.textDocument;
    eng.open(uri, uriToPath(uri), languageId, text, version);
    schedule(uri, version);
  });

  connection.onDidChangeTextDocument(async (p) => {
    const eng = await ready!;
    const doc = eng.change(p.textDocument.uri, p.contentChanges, p.textDocument.version);
    if (doc) schedule(doc.uri, doc.version);
  });

  connection.onDidCloseTextDocument(async (p) => {
    const eng = await ready!;
    const uri = p.textDocument.uri;
    const pending = scheduled.get(uri);
    if (pending) {
      clearTimeout(pending as NodeJS.Timeout);
      clearImmediate(pending as NodeJS.Immediate);
      scheduled.delete(uri);
    }
    eng.close(uri);
    settingsCache.delete(uri);
    findings.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    sendStatus('ready');
  });

  connection.onCodeAction(async (p) => {
    const eng = await ready!;
    const doc = eng.get(p.textDocument.uri);
    if (!doc) return [];
    const read: TextReader = (path) => {
      for (const [uri] of findings) if (uriToPath(uri) === path) return eng.get(uri)?.text;
      return undefined;
    };
    return codeActionsFor(doc, findings.get(doc.uri) ?? [], p.range, p.context.only, (path) => read(path) ?? diskReader(path));
  });

  connection.onShutdown(() => {
    engine?.dispose();
  });

  connection.listen();
}

// A bad file must never take the server down: log and carry on.
process.on('uncaughtException', (e) => console.error(`[vigil] uncaught: ${e instanceof Error ? e.stack : String(e)}`));
process.on('unhandledRejection', (e) => console.error(`[vigil] unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

/** Feature modules, registered once the engine is ready. */
const FEATURES: ServerFeature[] = [];

startServer(createConnection(ProposedFeatures.all), FEATURES);
