/**
 * Vigil language server. Parses each open document with tree-sitter, applies every content change as an
 * incremental reparse, re-analyses on every change (no save needed) and publishes diagnostics with fixes.
 * Run as `node dist/server.js --stdio` (or via the VS Code client, which uses IPC).
 */
import { isTemplatePath, mayRenderTemplate } from '../engine/templates/template-index';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { redactErrorForLog, redactErrorMessage, WarmDocuments } from '../engine/engine';
import { matchesAnyGlob } from '../engine/glob';
import { grammarFor, type GrammarId } from '../engine/languages';
import { GrammarRegistry } from '../engine/parser';
import { isFromElsewhere, withFindingsFromElsewhere } from '../engine/scan/cross-file-findings';
import { workspaceRelativePath } from '../engine/path-class';
import { workspaceGrammars } from './workspace-grammars';
import { manifestKindOf } from '../engine/sca/manifests';
import { ruleDetailsMarkdown } from '../engine/rule-details';
import { securityScore } from '../engine/score';
import type { AnalysisResult, Finding } from '../engine/types';
import {
  Methods,
  ruleDetailsCommandUri,
  SETTINGS_SECTION,
  VigilSettings,
  type InitializationOptions,
  type RuleDetails,
  type RuleDetailsParams,
  type ScoreResult,
  type StatusParams,
} from '../shared/protocol';
import { ActionKinds, codeActionsFor, diskReader, type ClientEditSupport } from './code-actions';
import { CarriedFindings } from './carried-findings';
import { noticeDiagnostic, toDiagnostic } from './convert';
import { ExposureTracker } from './exposure-tracker';
import { hoverFor, type HoverLinks } from './hover';
import { configUri, Folders, isConfigFile, uriToPath, type FolderState } from './folders';
import { effectiveSettings, type EffectiveSettings } from './settings';
import { IdleHeapSettle, settleServerHeap, sizeServerHeap } from './heap-sizing';
import { ShutdownGate } from './shutdown-gate';
import { SlicedRunner } from './sliced-runner';
import { registerWorkspaceScan } from './workspace-scan';
import { registerAdvisoryUpdate } from './advisory-update';
import { registerDashboard } from './dashboard';

export { uriToPath };

/** Everything the server's feature modules (e.g. the workspace scan) share. */
export interface ServerContext {
  connection: Connection;
  /** Resolves once grammars and rules are loaded; handlers registered early await it. */
  ready: Promise<Folders>;
  /** The workspace folders' state; only valid after `ready` resolved. */
  readonly folders: Folders;
  trusted: boolean;
  /** Settings in force for a document or file uri: defaults, `.vigil.yml`, then VS Code settings. */
  settingsFor(uri: string): Promise<EffectiveSettings>;
  /** Whether a path is excluded by the settings in force. */
  isExcluded(path: string, settings: EffectiveSettings): boolean;
  /** Publishes findings for a file that is not open (workspace scan); open documents keep their own. */
  publishFindings(uri: string, findings: Finding[]): void;
  log(message: string): void;
  /** The workspace score over the findings held now (`vigil/score`). */
  score(): ScoreResult;
  /** A workspace scan ended: `complete` when it covered every file (not cancelled, not only changed files). */
  workspaceScanDone(complete: boolean): void;
  sendStatus(state: StatusParams['state'], message?: string): void;
}

/** A feature module that registers its handlers once the engine is ready. */
export type ServerFeature = (ctx: ServerContext) => void;

/** `gate`: the shutdown gate given to `createConnection`, closed when `shutdown` arrives. */
export function startServer(connection: Connection, features: ServerFeature[] = [], gate?: ShutdownGate): void {
  gate?.register(connection);
  let folders: Folders | undefined;
  /** Grammars load on first need: a document's when it is first analysed, all taint ones for custom taint rules. */
  let grammars: GrammarRegistry | undefined;
  /** Grammars whose load (or failure) the log has told. */
  const toldGrammars = new Set<GrammarId>();
  let ready: Promise<Folders> | undefined;
  let trusted = true;
  let pullConfiguration = false;
  let editSupport: ClientEditSupport = {};
  /** The client's command that opens a rule's details page, if it has one (see `InitializationOptions`). */
  let ruleDetailsCommand: string | undefined;
  const detailsHref = (ruleId: string): string | undefined => (ruleDetailsCommand ? ruleDetailsCommandUri(ruleDetailsCommand, ruleId) : undefined);
  const hoverLinks: HoverLinks = { details: (_rule, ruleId, docsUrl) => detailsHref(ruleId) ?? docsUrl };
  let folderUris: string[] = [];
  /** Findings published per uri (open documents and workspace-scan results). */
  const findings = new Map<string, Finding[]>();
  /** The document version each open document's `findings` were computed on. */
  const analyzedVersions = new Map<string, number>();
  /** Open documents and the folder that analyses each. */
  const openDocs = new Map<string, FolderState>();
  /** The last workspace scan's findings of flows from other files, shown in open files' live results. */
  const carried = new CarriedFindings();
  const scheduled = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();
  const vsSettings = new Map<string, Promise<VigilSettings>>();
  /** Whether `findings` holds a complete workspace scan's results (nothing dropped since): the score's coverage. */
  let workspaceCovered = false;

  const log = (m: string) => connection.console.log(`[vigil] ${m}`);
  /** Git-history exposure of the secrets found, looked up off the edit path (see exposure-tracker.ts). */
  const exposure = new ExposureTracker(log, undefined, undefined, () => trusted);

  const pullSettings = (uri: string): Promise<VigilSettings> => {
    if (!pullConfiguration) return Promise.resolve(VigilSettings.from({}));
    let p = vsSettings.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw: unknown) => VigilSettings.from(raw), () => VigilSettings.from({}));
      vsSettings.set(uri, p);
    }
    return p;
  };

  const settingsFor = async (uri: string): Promise<EffectiveSettings> => {
    const f = await ready!;
    return effectiveSettings(await pullSettings(uri), f.forPath(uriToPath(uri)).config);
  };

  /** The workspace score over the findings held now (open documents and workspace-scan results). */
  const currentScore = (): ScoreResult => {
    const open: Finding[] = [];
    let files = 0;
    for (const list of findings.values()) {
      const counted = list.filter((f) => f.pack !== 'meta');
      if (counted.length > 0) files++;
      open.push(...counted);
    }
    return { score: securityScore(open), findings: open.length, files, coverage: workspaceCovered ? 'workspace' : 'open-files' };
  };

  const sendStatus = (state: StatusParams['state'], message?: string) => {
    let total = 0;
    for (const f of findings.values()) total += f.length;
    void connection.sendNotification(Methods.status, { state, findings: total, message } satisfies StatusParams);
  };

  const refusedGlobs = new Set<string>();
  /** A `vigil.exclude` setting glob that is refused (config globs are refused at load): logged once, then ignored. */
  const onRefusedGlob = (glob: string, why: string) => {
    if (refusedGlobs.has(glob)) return;
    refusedGlobs.add(glob);
    log(`the exclude glob "${glob.length > 80 ? `${glob.slice(0, 80)}…` : glob}" ${why}; it is ignored`);
  };

  const isExcluded = (path: string, settings: EffectiveSettings): boolean => {
    // The path inside the workspace folder only (the file name outside one), as the CLI and the workspace scan
    // match them: a folder above the workspace named dist or node_modules must not exclude the whole project.
    const rel = workspaceRelativePath(path, folders?.forPath(path).root || undefined);
    return matchesAnyGlob(rel, settings.exclude, {}, onRefusedGlob);
  };

  /** Config and custom-rule problems, shown on the config file itself. */
  const configDiagnostics = (state: FolderState, uri: string): Diagnostic[] => {
    if (configUri(state) !== uri) return [];
    const kept = ' (the last good configuration stays in force)';
    const out: Diagnostic[] = [
      ...state.configProblems.map((e) => ({ ...e, message: e.message + kept })),
      ...state.ruleProblems,
    ].map((e) => ({
      range: e.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      code: 'vigil.config',
      source: 'vigil',
      message: `${e.ruleId ? `rule ${e.ruleId}: ` : ''}${e.message}`,
    }));
    if (!trusted) {
      out.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: 'vigil.restricted',
        source: 'vigil',
        message: 'Restricted Mode: Vigil does not load this file or its custom rules until you trust this workspace. Built-in rules still run.',
      });
    }
    return out;
  };

  /** Publishes a folder's config problems on its config file (through its analysis when the file is open). */
  const publishConfigProblems = (state: FolderState) => {
    const uri = configUri(state);
    if (!uri) return;
    const open = state.engine.get(uri);
    if (open) schedule(uri, open.version);
    else void connection.sendDiagnostics({ uri, diagnostics: configDiagnostics(state, uri) });
  };

  /** Loads grammars (skipping loaded and failed ones) and logs the ones that fail now. */
  const ensureGrammars = async (ids: readonly GrammarId[]) => {
    await grammars!.ensure(ids);
    // Two runs may wait for one load: each grammar is told once.
    const tell = (id: GrammarId, message: string) => {
      if (toldGrammars.has(id)) return;
      toldGrammars.add(id);
      log(message);
    };
    for (const [id, msg] of grammars!.loadErrors) tell(id, `grammar ${id} failed to load: ${msg}`);
    for (const id of grammars!.loaded) tell(id, `grammar ${id} loaded`);
  };

  /** Loads the grammars custom taint rules need and shows their pattern errors (see `Folders.missingGrammars`). */
  const loadRuleGrammars = async () => {
    const need = folders?.missingGrammars() ?? [];
    if (!grammars || need.length === 0) return;
    await ensureGrammars(need);
    for (const state of folders!.recompile()) publishConfigProblems(state);
  };

  /**
   * After start-up, loads the grammars of the workspace's files and compiles their rules, one language at a time,
   * so that the first document of each language does not pay for both (a server on a Python project still loads
   * no Java grammar). Only latency depends on it: a document whose grammar is not loaded yet loads it itself.
   */
  const preloadWorkspaceGrammars = async () => {
    if (!grammars || !folders) return;
    let loaded = 0;
    // Each root's settings once: the exclude globs in force there (folder settings, then `.vigil.yml`).
    const roots = folderUris.map(uriToPath);
    const rootSettings = new Map<string, EffectiveSettings>();
    for (const [i, root] of roots.entries()) rootSettings.set(root, await settingsFor(folderUris[i]!));
    const excluded = (path: string): boolean => {
      const root = folders!.forPath(path).root;
      const settings = rootSettings.get(root);
      return settings !== undefined && isExcluded(path, settings);
    };
    for (const id of await workspaceGrammars(roots, undefined, excluded)) {
      if (grammars.language(id) || grammars.loadErrors.has(id)) continue;
      // Between languages, whatever the editor sent meanwhile (a document opened) runs first.
      await new Promise((r) => setImmediate(r));
      await ensureGrammars([id]);
      for (const state of folders.recompile()) publishConfigProblems(state);
      loaded++;
    }
    // Compiling left garbage: size the heap again from what is live (as after start-up).
    if (loaded > 0) settleServerHeap();
    // Start-up and the compiles grew the young generation: give it back if nothing else runs meanwhile.
    idleHeap.settledOutside();
  };

  /** Loads the grammar of an open document on its first analysis and gives it to the document (a tree from now on). */
  const loadGrammarOf = async (state: FolderState, uri: string) => {
    const doc = state.engine.get(uri);
    const grammar = doc && !doc.grammar ? grammarFor(doc.languageId, doc.path) : undefined;
    if (!grammar || !grammars || grammars.loadErrors.has(grammar)) return;
    if (!grammars.language(grammar)) await ensureGrammars([grammar]);
    state.engine.adoptGrammar(uri);
  };

  /** Re-analyses every open document of a folder (after its config changed). */
  const refreshFolder = (state: FolderState) => {
    for (const [uri, s] of openDocs) {
      if (s !== state) continue;
      const doc = s.engine.get(uri);
      if (doc) schedule(uri, doc.version);
    }
  };

  /**
   * Analyses run in slices, round-robin, one at a time: between slices the event loop serves requests, and a
   * small document's run is not queued behind a large one's. A newer run of a document abandons the older one.
   */
  const runner = new SlicedRunner((e) => log(`analysis failed: ${redactErrorForLog(e)}`));
  /** One full GC when analyses stop for a while (see heap-sizing.ts): an idle server holds its live size. */
  // Logged: an edit that arrives during the GC waits for it, and the log tells a slow edit's cause.
  const idleHeap = new IdleHeapSettle(() => runner.activeCount > 0 || scheduled.size > 0, undefined, undefined, undefined, (ms, before, after) =>
    log(`idle heap settle: ${ms.toFixed(0)} ms, old generation ${(before / 2 ** 20).toFixed(0)} -> ${(after / 2 ** 20).toFixed(0)} MB`),
  );
  /** Per document, resolves when the latest scheduled analysis has published (code actions wait for it). */
  const settled = new Map<string, { done: Promise<void>; resolve: () => void }>();
  const expectRun = (uri: string) => {
    if (settled.has(uri)) return;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    settled.set(uri, { done, resolve });
  };
  const runSettled = (uri: string) => {
    settled.get(uri)?.resolve();
    settled.delete(uri);
  };

  /** Runs the analysis of one document now, unless a newer edit already superseded this run. */
  const analyzeNow = async (uri: string, version: number): Promise<void> => {
    await ready;
    const opened = openDocs.get(uri);
    if (opened) await loadGrammarOf(opened, uri);
    const state = openDocs.get(uri);
    const settings = await settingsFor(uri);
    // What the analysis reads from other files (the render calls' templates), read without blocking the server.
    if (state && settings.enable) await state.engine.prepare(uri, settings.analysis, state.root || undefined);
    const doc = state?.engine.get(uri);
    if (!state || !doc || doc.version !== version) return; // closed, or a newer edit has its own run queued
    const extra = configDiagnostics(state, uri);
    if (!settings.enable || isExcluded(doc.path, settings)) {
      findings.delete(uri);
      analyzedVersions.set(uri, version);
      void connection.sendDiagnostics({ uri, version, diagnostics: extra });
      runSettled(uri);
      return;
    }
    // One assembly for the partial and the complete publish: baseline filter, then config problems, notices, findings.
    const baselined = (list: Finding[]) => (state.baseline ? state.baseline.filter(relative(state.root, doc.path).split(sep).join('/'), list) : list);
    const diagnosticsOf = (result: AnalysisResult, shown: Finding[]) => [
      ...extra,
      ...result.notices.map(noticeDiagnostic),
      ...shown.map((f) => toDiagnostic(f, uri, detailsHref)),
    ];
    const publish = (result: AnalysisResult) => {
      // The last scan's flows from other files into this one, where their code still is (see carried-findings.ts).
      const fromScan = carried.placed(uri, doc.lines, doc.grammar);
      if (fromScan.length > 0) result.findings = withFindingsFromElsewhere(result.findings, fromScan, { path: doc.path, root: state.root }, doc.lines, settings.analysis);
      result.findings = baselined(result.findings);
      analyzedVersions.set(uri, version);
      for (const n of result.notices) log(`${doc.path}: ${n.message}`);
      const send = () => {
        // What history says is known at once; the rest arrives later and publishes again if this version still stands.
        const shown = exposure.decorate(state.root, doc.path, doc.text, result.findings, () => {
          if (openDocs.get(uri)?.engine.get(uri)?.version === version && analyzedVersions.get(uri) === version) send();
        });
        findings.set(uri, shown);
        void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(result, shown) });
      };
      send();
      sendStatus(trusted ? 'ready' : 'restricted');
      runSettled(uri);
    };
    // Nothing shown yet for this text (just opened): show the fast packs' findings (secrets) while taint runs.
    // That publish carries no version: only the complete result is "the diagnostics of version N" (tests and the
    // bench wait for it; code actions wait for `analyzedVersions`).
    const firstRun = !analyzedVersions.has(uri);
    const showPartial = (partial: AnalysisResult) => {
      if (openDocs.get(uri)?.engine.get(uri)?.version !== version || analyzedVersions.has(uri)) return;
      const shown = baselined(partial.findings);
      findings.set(uri, shown);
      void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(partial, shown) });
    };
    runner.run(uri, state.engine.analyzeSteps(uri, settings.analysis, state.root || undefined, firstRun ? showPartial : undefined), (result) => {
      idleHeap.analysed();
      if (result) publish(result);
      else {
        // Out of date (the text or the rules changed while it was paused): analyse what is there now.
        const now = openDocs.get(uri)?.engine.get(uri);
        if (now) schedule(uri, now.version);
        else runSettled(uri);
      }
    });
  };

  const cancelScheduled = (uri: string) => {
    const pending = scheduled.get(uri);
    if (pending) {
      clearTimeout(pending as NodeJS.Timeout);
      clearImmediate(pending as NodeJS.Immediate);
      scheduled.delete(uri);
    }
  };

  /**
   * Brings an open document's findings up to its current version: a run waiting on the debounce timer starts now,
   * and the caller waits for the run in progress. False when edits keep arriving faster than the analysis or the
   * document closed.
   */
  const ensureAnalyzed = async (uri: string): Promise<boolean> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = openDocs.get(uri)?.engine.get(uri);
      if (!doc) return false;
      if (analyzedVersions.get(uri) === doc.version) return true;
      if (scheduled.has(uri)) {
        cancelScheduled(uri);
        analyzeNow(uri, doc.version).catch((e) => {
          log(`analysis of ${uri} failed: ${redactErrorForLog(e)}`);
          runSettled(uri);
        });
      } else if (!settled.has(uri)) {
        schedule(uri, doc.version);
      }
      await settled.get(uri)?.done;
    }
    const doc = openDocs.get(uri)?.engine.get(uri);
    return !!doc && analyzedVersions.get(uri) === doc.version;
  };

  /** Queues an analysis. A newer change replaces a queued one, so only the latest text is analysed. */
  const schedule = (uri: string, version: number) => {
    expectRun(uri);
    cancelScheduled(uri);
    const run = () => {
      scheduled.delete(uri);
      analyzeNow(uri, version).catch((e) => {
        log(`analysis of ${uri} failed: ${redactErrorForLog(e)}`);
        runSettled(uri);
      });
    };
    const handle: NodeJS.Immediate = setImmediate(run);
    scheduled.set(uri, handle);
    void pullSettings(uri).then((s) => {
      // With a debounce configured, replace the immediate run by a delayed one (if it has not run yet).
      if (s.debounceMs > 0 && scheduled.get(uri) === handle) {
        clearImmediate(handle);
        scheduled.set(uri, setTimeout(run, s.debounceMs));
      }
    });
  };

  /** A config document changed (open and edited, or on disk): reload its folder live. */
  const onConfigText = (path: string, text?: string) => {
    const state = folders?.forPath(path);
    if (!state || !isConfigFile(path, state.root)) return;
    const changed = folders!.reload(state.root, text, path);
    publishConfigProblems(state);
    if (changed) {
      log(`${path}: configuration reloaded`);
      refreshFolder(state);
      loadRuleGrammars().catch((e) => log(`grammars failed to load: ${redactErrorForLog(e)}`));
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
    trusted = opts.trusted !== false;
    ruleDetailsCommand = typeof opts.ruleDetailsCommand === 'string' && /^[\w.-]+$/.test(opts.ruleDetailsCommand) ? opts.ruleDetailsCommand : undefined;
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    editSupport = { snippets: params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true };
    folderUris = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])).map((f) => f.uri);
    ready = (async () => {
      // No grammar yet: each loads when a document needs it (a server on one Python file holds no Java grammar).
      grammars = await GrammarRegistry.create(undefined, []);
      const warm = typeof opts.warmDocuments === 'number' && opts.warmDocuments >= 0 ? Math.floor(opts.warmDocuments) : undefined;
      folders = new Folders(grammars, trusted, log, new WarmDocuments(warm));
      folders.setFolders(folderUris);
      await ensureGrammars(folders.missingGrammars());
      folders.recompile();
      // Start-up's garbage gone, V8 sizes the heap from what the server holds (see heap-sizing.ts).
      settleServerHeap();
      return folders;
    })();
    // Features register their handlers now, so a request sent right after start-up is not "method not found".
    const ctx: ServerContext = {
      connection,
      ready,
      get folders() {
        if (!folders) throw new Error('Vigil server is still starting');
        return folders;
      },
      trusted,
      settingsFor,
      isExcluded,
      publishFindings: (uri, list) => {
        // An open file shows its live results, with the scan's flows from other files carried in: analysed again.
        const readText = (): string | undefined => {
          try {
            return readFileSync(uriToPath(uri), 'utf8');
          } catch {
            return undefined;
          }
        };
        if (carried.set(uri, list, list.some(isFromElsewhere) ? readText() : undefined)) {
          const open = openDocs.get(uri)?.engine.get(uri);
          if (open) schedule(uri, open.version);
        }
        // A republish after a history lookup only while this scan's findings are still the ones on display.
        let last: Finding[] | undefined;
        const send = () => {
          if (openDocs.has(uri) || (last !== undefined && findings.get(uri) !== last)) return;
          let shown = list;
          if (list.some((f) => f.pack === 'secrets')) {
            const path = uriToPath(uri);
            let text = '';
            try {
              text = readFileSync(path, 'utf8');
            } catch {
              // gone since the scan: nothing to look up
            }
            shown = exposure.decorate(folders?.forPath(path).root ?? '', path, text, list, send);
          }
          last = shown;
          findings.set(uri, shown);
          void connection.sendDiagnostics({ uri, diagnostics: shown.map((x) => toDiagnostic(x, uri, detailsHref)) });
        };
        send();
      },
      log,
      score: currentScore,
      workspaceScanDone: (complete) => {
        workspaceCovered = complete;
      },
      sendStatus,
    };
    for (const feature of features) feature(ctx);
    return {
      capabilities: {
        // Saves matter only as "the workspace changed on disk" (see Engine.workspaceChanged), so without the text.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
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
    if (folderUris.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folderUris = [...folderUris.filter((u) => !e.removed.some((r) => r.uri === u)), ...e.added.map((a) => a.uri)];
        folders?.setFolders(folderUris);
        loadRuleGrammars().catch((e) => log(`grammars failed to load: ${redactErrorForLog(e)}`));
      });
    }
    try {
      const f = await ready!;
      for (const state of f.all()) if (state.configProblems.length + state.ruleProblems.length > 0 || !trusted) publishConfigProblems(state);
      const rules = f.outside.engine.rules().length;
      if (trusted) {
        sendStatus('ready');
        log(`ready: ${rules} built-in rules`);
      } else {
        const why = 'Restricted Mode: only built-in rules run; the workspace config and custom rules load once you trust this folder.';
        sendStatus('restricted', why);
        log(`ready: ${rules} built-in rules. ${why}`);
      }
      preloadWorkspaceGrammars().catch((e) => log(`grammars failed to load: ${redactErrorForLog(e)}`));
    } catch (e) {
      sendStatus('error', redactErrorMessage(e));
      log(`failed to start: ${redactErrorForLog(e)}`);
    }
  });

  connection.onDidChangeConfiguration(() => {
    // Push-style refresh: drop cached settings and re-analyse everything open.
    vsSettings.clear();
    for (const [uri, state] of openDocs) {
      const doc = state.engine.get(uri);
      if (doc) schedule(uri, doc.version);
    }
  });

  connection.onDidChangeWatchedFiles((p) => {
    for (const change of p.changes) {
      const path = uriToPath(change.uri);
      folders?.forPath(path).engine.workspaceChanged();
      if (!openDocs.has(change.uri)) onConfigText(path);
      const state = folders?.forPath(path);
      if (state && folders!.baselinePath(state) === path) {
        folders!.loadBaseline(state);
        refreshFolder(state);
      }
    }
  });

  connection.onDidOpenTextDocument(async (p) => {
    const f = await ready!;
    const { uri, languageId, text, version } = p.textDocument;
    const path = uriToPath(uri);
    const state = f.forPath(path);
    openDocs.set(uri, state);
    analyzedVersions.delete(uri); // a new text, whatever its version number
    // Opening a manifest is when a user looks at its findings: what the workspace imports is read again. Any other
    // open changes nothing on disk (saves and watched-file events say when it does): no re-listing per open.
    if (manifestKindOf(path) !== undefined) state.engine.workspaceChanged();
    state.engine.open(uri, path, languageId, text, version);
    onConfigText(path, text);
    schedule(uri, version);
  });

  connection.onDidSaveTextDocument(async (p) => {
    await ready;
    // A saved file may add or drop an import of a vulnerable package: manifests open in its folder are re-analysed.
    const state = openDocs.get(p.textDocument.uri) ?? folders?.forPath(uriToPath(p.textDocument.uri));
    if (!state) return;
    state.engine.workspaceChanged();
    // A saved template changes what the render calls of the folder's open files print raw: those are re-analysed too.
    const template = isTemplatePath(uriToPath(p.textDocument.uri));
    for (const [uri, s] of openDocs) {
      const doc = s === state ? s.engine.get(uri) : undefined;
      if (doc && doc.uri !== p.textDocument.uri && (manifestKindOf(doc.path) !== undefined || (template && mayRenderTemplate(doc.text)))) schedule(uri, doc.version);
    }
  });

  connection.onDidChangeTextDocument(async (p) => {
    await ready;
    const uri = p.textDocument.uri;
    const state = openDocs.get(uri);
    const doc = state?.engine.change(uri, p.contentChanges, p.textDocument.version);
    if (!doc) return;
    onConfigText(doc.path, doc.text);
    schedule(uri, doc.version);
  });

  connection.onDidCloseTextDocument(async (p) => {
    await ready;
    const uri = p.textDocument.uri;
    cancelScheduled(uri);
    runner.cancel(uri);
    runSettled(uri);
    const state = openDocs.get(uri);
    state?.engine.close(uri);
    openDocs.delete(uri);
    vsSettings.delete(uri);
    // Its findings leave the editor (a scan's result for the file included): the score no longer covers everything.
    if (findings.get(uri)?.length) workspaceCovered = false;
    findings.delete(uri);
    analyzedVersions.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: state ? configDiagnostics(state, uri) : [] });
    if (state && configUri(state) === uri) onConfigText(uriToPath(uri));
    sendStatus(trusted ? 'ready' : 'restricted');
  });

  connection.onCodeAction(async (p) => {
    await ready;
    // Findings of an older version have ranges in an older text: their fixes would corrupt the current one
    // (a code action often arrives in the same batch as the edit, or inside the debounce delay).
    if (!(await ensureAnalyzed(p.textDocument.uri))) return [];
    const state = openDocs.get(p.textDocument.uri);
    const doc = state?.engine.get(p.textDocument.uri);
    if (!state || !doc || analyzedVersions.get(doc.uri) !== doc.version) return [];
    // Prefer the open (possibly unsaved) text of a file the fix appends to, e.g. .env.example.
    const read = (path: string) => {
      for (const [uri, s] of openDocs) if (uriToPath(uri) === path) return s.engine.get(uri)?.text;
      return diskReader(path);
    };
    return codeActionsFor(doc, findings.get(doc.uri) ?? [], p.range, p.context.only, read, editSupport);
  });

  connection.onHover(async (p) => {
    await ready;
    // Ranges of an older version's findings would point at the wrong text, as for code actions.
    if (!(await ensureAnalyzed(p.textDocument.uri))) return null;
    const state = openDocs.get(p.textDocument.uri);
    if (!state) return null;
    const rules = new Map(state.engine.rules().map((r) => [r.id, r]));
    return hoverFor(findings.get(p.textDocument.uri) ?? [], p.position, rules, hoverLinks);
  });

  connection.onRequest(Methods.ruleDetails, async (p: RuleDetailsParams): Promise<RuleDetails | null> => {
    const f = await ready!;
    if (typeof p?.ruleId !== 'string') return null;
    const state = typeof p.uri === 'string' ? f.forPath(uriToPath(p.uri)) : f.outside;
    const rule = state.engine.rules().find((r) => r.id === p.ruleId) ?? f.outside.engine.rules().find((r) => r.id === p.ruleId);
    return rule ? { ruleId: rule.id, name: rule.name, markdown: ruleDetailsMarkdown(rule) } : null;
  });

  connection.onRequest(Methods.score, (): ScoreResult => currentScore());

  connection.onShutdown(() => {
    gate?.close();
    idleHeap.dispose();
    for (const state of folders?.all() ?? []) state.engine.dispose();
  });

  connection.listen();
}

/** Feature modules, registered once the engine is ready. */
const FEATURES: ServerFeature[] = [registerWorkspaceScan, registerAdvisoryUpdate, registerDashboard];

// A bad file must never take the server down: log and carry on.
process.on('uncaughtException', (e) => console.error(`[vigil] uncaught: ${redactErrorForLog(e)}`));
process.on('unhandledRejection', (e) => console.error(`[vigil] unhandled rejection: ${redactErrorForLog(e)}`));

// A heap that stays near its live size rather than V8's default of up to 4x it.
sizeServerHeap();

const gate = new ShutdownGate();
startServer(createConnection(ProposedFeatures.all, { messageStrategy: gate.messageStrategy }), FEATURES, gate);
