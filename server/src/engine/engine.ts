/**
 * The Vigil engine: documents in, findings out. Hosts (LSP server, CLI, workspace-scan workers, tests) create
 * one Engine, open documents, feed it edits, and ask for findings. It imports nothing from an editor.
 */
import { drain, type AnalysisContext, type Analyzer, type AnalyzerSession, type RuleInfo } from './analyzer';
import { SourceDocument, type ContentChange } from './document';
import { GrammarRegistry } from './parser';
import type { GrammarId } from './languages';
import { emptyNodeCache, swapNodeCache } from './patterns/pattern';
import { redactErrorForLog, redactErrorMessage } from './redact';
import { byPosition, Fingerprints, matchedSnippet } from './finding-identity';
import { prioritize } from './priority';
import { applyIgnoreList, applySuppressions } from './suppressions';
import {
  DEFAULT_SETTINGS,
  severityRank,
  type AnalysisResult,
  type AnalysisSettings,
  type Finding,
  type SkipNotice,
} from './types';

export interface EngineOptions {
  /** Folder holding the grammar `.wasm` files (and the web-tree-sitter runtime). */
  grammarDir?: string;
  /** The analyzers to run. */
  analyzers: Analyzer[];
  /**
   * The grammars to load (default: all). A scan of known files loads only theirs (`GrammarRegistry.ensure` adds
   * more); a document whose grammar is not loaded has no tree, so this must cover every document analysed.
   */
  grammars?: readonly GrammarId[];
  /**
   * How many documents keep their syntax tree and incremental analysis state between runs (the most recently
   * analysed ones; default `DEFAULT_WARM_DOCUMENTS`), or a `WarmDocuments` shared with other engines. The others
   * keep only their text: their next run parses and analyses from scratch, with the same findings. An editor
   * restoring 50 tabs would otherwise hold 50 trees in wasm memory and 50 sets of per-unit caches.
   */
  warmDocuments?: number | WarmDocuments;
}

/** See `EngineOptions.warmDocuments`. */
export const DEFAULT_WARM_DOCUMENTS = 8;

/**
 * Of the warm documents, how many may be ones never edited since they opened. Warm state pays off on the next
 * edit; an editor restoring 50 tabs analyses each once, and the last 8 of them kept ~7 MB of taint caches each
 * (of a 3,000-line file) that no edit used. A document edited later is analysed cold once, with the same findings.
 */
export const DEFAULT_UNEDITED_WARM_DOCUMENTS = 2;

/**
 * Which open documents stay warm (keep tree and analysis state): the `limit` most recently analysed idle ones
 * among every engine that shares this object, of which at most `unedited` never edited since they opened. A
 * server with one engine per workspace folder shares one, so the limit is the server's, not each folder's.
 */
export class WarmDocuments {
  private readonly docs = new Set<OpenDocument>();
  /** Finished runs, counted: orders documents by their last run without reading a clock. */
  private runs = 0;

  constructor(
    readonly limit = DEFAULT_WARM_DOCUMENTS,
    readonly unedited = DEFAULT_UNEDITED_WARM_DOCUMENTS,
  ) {}

  /** Documents holding a tree or analysis state now, over all engines sharing this object. */
  get count(): number {
    let n = 0;
    for (const open of this.docs) if (isWarm(open)) n++;
    return n;
  }

  /** @internal */
  add(open: OpenDocument): void {
    this.docs.add(open);
  }

  /** @internal */
  remove(open: OpenDocument): void {
    this.docs.delete(open);
  }

  /** @internal A run of `open` finished. */
  ran(open: OpenDocument): void {
    open.lastRun = ++this.runs;
  }

  /**
   * @internal Frees the tree and analysis state of all but the `limit` most recently analysed idle documents, and
   * of never-edited ones past the `unedited` most recent.
   */
  coolDown(): void {
    const warm = [...this.docs].filter((o) => o.running === 0 && isWarm(o));
    if (warm.length <= Math.min(this.limit, this.unedited)) return;
    warm.sort((a, b) => b.lastRun - a.lastRun);
    let kept = 0;
    let keptUnedited = 0;
    for (const open of warm) {
      const keep = kept < this.limit && (open.edited || keptUnedited < this.unedited);
      if (keep) {
        kept++;
        if (!open.edited) keptUnedited++;
        continue;
      }
      disposeSessions(open);
      open.doc.hibernate();
    }
  }
}

function isWarm(open: OpenDocument): boolean {
  return open.sessions.size > 0 || open.doc.hasTree;
}

interface OpenDocument {
  doc: SourceDocument;
  sessions: Map<Analyzer, AnalyzerSession>;
  /** Counts edits, so a paused run can tell that its text is gone. */
  revision: number;
  /** Runs of this document started and not finished (paused): its tree and sessions must stay. */
  running: number;
  /** When a run of it last finished (a counter, not a time), for choosing which documents stay warm. */
  lastRun: number;
  /** Edited since it opened: its warm state serves edits (see `DEFAULT_UNEDITED_WARM_DOCUMENTS`). */
  edited: boolean;
  /** Opened by `scanText`: analysed once, then closed (`AnalysisContext.oneShot`). */
  oneShot?: boolean;
}

export class Engine {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly warm: WarmDocuments;

  private constructor(
    readonly grammars: GrammarRegistry,
    private analyzers: Analyzer[],
    warmDocuments: number | WarmDocuments | undefined,
  ) {
    this.warm = warmDocuments instanceof WarmDocuments ? warmDocuments : new WarmDocuments(warmDocuments);
  }

  static async create(options: EngineOptions): Promise<Engine> {
    const grammars = await GrammarRegistry.create(options.grammarDir, options.grammars);
    return new Engine(grammars, options.analyzers, options.warmDocuments);
  }

  /** Another engine over already-loaded grammars (e.g. one per workspace folder, each with its own rules). */
  static withGrammars(grammars: GrammarRegistry, analyzers: Analyzer[], warmDocuments?: number | WarmDocuments): Engine {
    return new Engine(grammars, analyzers, warmDocuments);
  }

  /** Open documents that hold a tree or analysis state now (for tests and memory figures). */
  get warmCount(): number {
    let n = 0;
    for (const open of this.docs.values()) if (isWarm(open)) n++;
    return n;
  }

  /** All rules of all analyzers. */
  rules(): RuleInfo[] {
    return this.analyzers.flatMap((a) => a.rules());
  }

  /** Replaces the analyzers (e.g. after custom rules changed). Open documents start fresh sessions. */
  setAnalyzers(analyzers: Analyzer[]): void {
    for (const open of this.docs.values()) disposeSessions(open);
    this.analyzers = analyzers;
  }

  open(uri: string, path: string, languageId: string, text: string, version = 0): SourceDocument {
    this.close(uri);
    const doc = new SourceDocument(uri, path, languageId, text, version, this.grammars);
    const open: OpenDocument = { doc, sessions: new Map(), revision: 0, running: 0, lastRun: 0, edited: false };
    this.docs.set(uri, open);
    this.warm.add(open);
    return doc;
  }

  get(uri: string): SourceDocument | undefined {
    return this.docs.get(uri)?.doc;
  }

  /**
   * Gives an open document the grammar it lacked when it opened, now loaded (`SourceDocument.adoptGrammar`); its
   * analysis state goes, so the next run is a fresh one over its tree. True when it took the grammar.
   */
  adoptGrammar(uri: string): boolean {
    const open = this.docs.get(uri);
    if (!open || open.running > 0 || !open.doc.adoptGrammar()) return false;
    open.revision++;
    disposeSessions(open);
    return true;
  }

  get openCount(): number {
    return this.docs.size;
  }

  change(uri: string, changes: readonly ContentChange[], version: number): SourceDocument | undefined {
    const open = this.docs.get(uri);
    if (!open) return undefined;
    open.revision++;
    open.edited = true;
    open.doc.applyChanges(changes, version);
    return open.doc;
  }

  close(uri: string): void {
    const open = this.docs.get(uri);
    if (!open) return;
    disposeSessions(open);
    open.doc.dispose();
    this.docs.delete(uri);
    this.warm.remove(open);
  }

  /** Closes every document and frees every tree. */
  dispose(): void {
    for (const uri of [...this.docs.keys()]) this.close(uri);
  }

  /**
   * Analyses an open document. Each analyzer works incrementally from the edits since its previous run.
   * A failing analyzer is reported as a notice; the others still run.
   */
  analyze(uri: string, settings: AnalysisSettings = DEFAULT_SETTINGS, workspaceRoot?: string): AnalysisResult {
    // Never paused, so never out of date.
    return drain(this.analyzeSteps(uri, settings, workspaceRoot))!;
  }

  /**
   * `analyze` in steps, for hosts that serve other requests meanwhile (the LSP server): the generator pauses
   * between pieces of work and returns the result. Runs of several documents may be interleaved, each paused
   * while another works. Started or resumed after its document changed or closed, or the analyzers were
   * replaced, a run stops without touching its (edited or freed) tree and returns undefined: its result would
   * be out of date.
   * Abandoned (`return()`) or stopped, it leaves every session valid for the next run.
   */
  analyzeSteps(
    uri: string,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
    workspaceRoot?: string,
    onPartial?: (partial: AnalysisResult) => void,
  ): Generator<void, AnalysisResult | undefined> {
    const open = this.docs.get(uri);
    const revision = open?.revision;
    const analyzers = this.analyzers;
    const current = () => this.docs.get(uri) === open && open?.revision === revision && this.analyzers === analyzers;
    return this.thenCoolDown(isolated(this.runSteps(uri, settings, workspaceRoot, onPartial), current));
  }

  /** Cools documents down after a run (finished, stopped or abandoned), outside the run's own node caches. */
  private *thenCoolDown<T>(steps: Generator<void, T>): Generator<void, T> {
    try {
      return yield* steps;
    } finally {
      this.warm.coolDown();
    }
  }

  /**
   * `onPartial`: called at most once, before the first stepped (slow) pack runs, with the findings of the packs
   * done so far, finalized like the full result; a host may show them while the rest runs (e.g. on open). The
   * full result still comes back at the end and supersedes it.
   */
  private *runSteps(
    uri: string,
    settings: AnalysisSettings,
    workspaceRoot?: string,
    onPartial?: (partial: AnalysisResult) => void,
  ): Generator<void, AnalysisResult> {
    const open = this.docs.get(uri);
    if (!open) return { findings: [], notices: [] };
    open.running++;
    try {
      const result = yield* this.runOpen(open, settings, workspaceRoot, onPartial);
      this.warm.ran(open);
      return result;
    } finally {
      open.running--;
    }
  }

  private *runOpen(
    open: OpenDocument,
    settings: AnalysisSettings,
    workspaceRoot: string | undefined,
    onPartial: ((partial: AnalysisResult) => void) | undefined,
  ): Generator<void, AnalysisResult> {
    const { doc } = open;
    const notices: SkipNotice[] = [];
    // Size and binary checks come first so that a skipped file is never parsed.
    const skip = checkSkippable(doc.text, settings);
    if (skip) {
      // Sessions would otherwise miss these edits; start over when the file becomes analysable again.
      doc.discardDelta();
      disposeSessions(open);
      return { findings: [], notices: [skip] };
    }
    const delta = doc.takeDelta();
    const ctx: AnalysisContext = { settings, workspaceRoot, notify: (n) => notices.push(n), ...(open.oneShot ? { oneShot: true } : {}) };
    const raw: Finding[] = [];
    const ran = new Set<string>();
    // Sessions that have not run on this delta when the run is abandoned must start over (they missed edits).
    const pending = new Set(this.analyzers);
    try {
    for (const analyzer of this.analyzers) {
      if (!settings.packs[analyzer.pack] || !analyzer.appliesTo(doc, ctx)) {
        const stale = open.sessions.get(analyzer);
        stale?.dispose?.();
        open.sessions.delete(analyzer);
        pending.delete(analyzer);
        continue;
      }
      let session = open.sessions.get(analyzer);
      const fresh = !session;
      try {
        session ??= analyzer.open(doc);
        open.sessions.set(analyzer, session);
        const d = fresh ? undefined : delta;
        if (session.steps) {
          if (onPartial) {
            onPartial({ findings: finalize([...raw], doc, settings, new Set(ran), workspaceRoot), notices: [...notices] });
            onPartial = undefined;
            // Pause here: a host sends the partial result when the step returns, and the stepped pack's first step
            // (parsing, the file context) would otherwise hold it back by that long.
            yield;
          }
          const steps = session.steps(doc, d, ctx);
          // A stepped session stays valid when abandoned (its contract), whatever edits it missed.
          pending.delete(analyzer);
          raw.push(...(yield* steps));
        } else raw.push(...session.run(doc, d, ctx));
        pending.delete(analyzer);
        for (const r of analyzer.rules()) ran.add(r.id);
      } catch (e) {
        session?.dispose?.();
        open.sessions.delete(analyzer);
        notices.push({
          reason: 'analyzer-error',
          message: `The ${analyzer.pack} analysis failed on this file and was skipped: ${redactErrorMessage(e)}`,
        });
      }
      pending.delete(analyzer);
    }
    } finally {
      for (const a of pending) {
        open.sessions.get(a)?.dispose?.();
        open.sessions.delete(a);
      }
    }
    // Checked after the packs: only a pack that needs the tree parses it, so a file none needed it for is not parsed.
    if (doc.grammar && doc.parseFailedIfParsed) {
      notices.unshift({ reason: 'parse-timeout', message: 'Parsing took too long; syntax-aware rules were skipped for this file.' });
    }
    return { findings: finalize(raw, doc, settings, ran, workspaceRoot), notices };
  }

  /**
   * Reads what the enabled packs' analysis of an open document needs from other files (`Analyzer.prepare`), without
   * blocking: a host awaits it before `analyzeSteps`.
   */
  async prepare(uri: string, settings: AnalysisSettings = DEFAULT_SETTINGS, workspaceRoot?: string): Promise<void> {
    const doc = this.docs.get(uri)?.doc;
    if (!doc) return;
    await Promise.all(this.analyzers.map((a) => (settings.packs[a.pack] ? a.prepare?.(doc, workspaceRoot) : undefined)));
  }

  /** Files of the workspace changed on disk: packs that read other files read them again (`Analyzer.workspaceChanged`). */
  workspaceChanged(): void {
    for (const a of this.analyzers) a.workspaceChanged?.();
  }

  /** One-shot analysis of a text that is not open (CLI, workspace scan). */
  scanText(path: string, languageId: string, text: string, settings: AnalysisSettings = DEFAULT_SETTINGS, workspaceRoot?: string): AnalysisResult {
    const uri = `vigil-scan:${path}`;
    this.open(uri, path, languageId, text);
    this.docs.get(uri)!.oneShot = true;
    try {
      return this.analyze(uri, settings, workspaceRoot);
    } finally {
      this.close(uri);
    }
  }
}

// The one redaction of error text lives in redact.ts; re-exported for the hosts that import it from here.
export { redactErrorForLog, redactErrorMessage };

/**
 * Runs `steps` with node caches of its own: the pattern matcher caches nodes by address, which is unique only
 * within one tree, so a run paused while another works must not see the other's entries, nor lose its own.
 * Stops (undefined) when, at its start or after a pause, `current()` is false.
 */
function* isolated<T>(steps: Generator<void, T>, current: () => boolean): Generator<void, T | undefined> {
  let mine = emptyNodeCache();
  let finished = false;
  try {
    for (;;) {
      // Also before the first step: the generator may start after an edit made since it was created.
      if (!current()) return undefined;
      const outer = swapNodeCache(mine);
      let r: IteratorResult<void, T>;
      try {
        r = steps.next();
      } finally {
        mine = swapNodeCache(outer);
      }
      if (r.done) {
        finished = true;
        return r.value;
      }
      yield;
    }
  } finally {
    if (!finished) {
      // Abandoned at a pause: let the run clean up (free its own trees, keep its exact results) in its own caches.
      const outer = swapNodeCache(mine);
      try {
        steps.return(undefined as T);
      } finally {
        swapNodeCache(outer);
      }
    }
  }
}

function disposeSessions(open: OpenDocument): void {
  for (const s of open.sessions.values()) s.dispose?.();
  open.sessions.clear();
}

/** Large, binary and minified files are skipped with a reason instead of being analysed slowly or badly. */
export function checkSkippable(text: string, settings: AnalysisSettings): SkipNotice | undefined {
  if (text.length > settings.maxFileSize) {
    return {
      reason: 'too-large',
      message: `File skipped: ${text.length.toLocaleString('en-US')} characters is over the ${settings.maxFileSize.toLocaleString('en-US')} limit (setting vigil.maxFileSize).`,
    };
  }
  const sample = text.slice(0, 8192);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return { reason: 'binary', message: 'File skipped: it looks binary (it contains NUL characters).' };
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  if (sample.length > 0 && odd / sample.length > 0.1) {
    return { reason: 'binary', message: 'File skipped: it looks binary or is not valid UTF-8 text.' };
  }
  return undefined;
}

/** Applies rule switches, severity overrides and suppressions; adds fingerprints and priorities; sorts by position. */
function finalize(raw: Finding[], doc: SourceDocument, settings: AnalysisSettings, ran: Set<string>, workspaceRoot?: string): Finding[] {
  const disabled = new Set(settings.disabledRules);
  let findings = raw
    .filter((f) => !disabled.has(f.ruleId))
    .map((f) => {
      const override = settings.severityOverrides[f.ruleId];
      return override ? { ...f, severity: override } : f;
    });
  findings = applySuppressions(findings, doc.lines, ran);
  if (settings.ignore?.length) findings = applyIgnoreList(findings, settings.ignore, doc.path, workspaceRoot, settings.today);
  const min = severityRank(settings.minSeverity);
  findings = findings.filter((f) => f.pack === 'meta' || severityRank(f.severity) >= min);
  findings.sort(byPosition);
  const prints = new Fingerprints();
  findings = findings.map((f) => (f.fingerprint ? f : { ...f, fingerprint: prints.next(f.ruleId, matchedSnippet(doc.lines, f.range)) }));
  // After severity overrides, so a rule the user raised or lowered ranks accordingly.
  return findings.map((f) => ({ ...f, priority: prioritize(f, { path: doc.path, root: workspaceRoot }) }));
}
