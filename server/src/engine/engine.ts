/**
 * The Vigil engine: documents in, findings out. Hosts (LSP server, CLI, workspace-scan workers, tests) create
 * one Engine, open documents, feed it edits, and ask for findings. It imports nothing from an editor.
 */
import { createHash } from 'node:crypto';
import type { AnalysisContext, Analyzer, AnalyzerSession, RuleInfo } from './analyzer';
import { SourceDocument, type ContentChange } from './document';
import { GrammarRegistry } from './parser';
import { applySuppressions } from './suppressions';
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
}

interface OpenDocument {
  doc: SourceDocument;
  sessions: Map<Analyzer, AnalyzerSession>;
}

export class Engine {
  private readonly docs = new Map<string, OpenDocument>();

  private constructor(
    readonly grammars: GrammarRegistry,
    private analyzers: Analyzer[],
  ) {}

  static async create(options: EngineOptions): Promise<Engine> {
    const grammars = await GrammarRegistry.create(options.grammarDir);
    return new Engine(grammars, options.analyzers);
  }

  /** Another engine over already-loaded grammars (e.g. one per workspace folder, each with its own rules). */
  static withGrammars(grammars: GrammarRegistry, analyzers: Analyzer[]): Engine {
    return new Engine(grammars, analyzers);
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
    this.docs.set(uri, { doc, sessions: new Map() });
    return doc;
  }

  get(uri: string): SourceDocument | undefined {
    return this.docs.get(uri)?.doc;
  }

  get openCount(): number {
    return this.docs.size;
  }

  change(uri: string, changes: readonly ContentChange[], version: number): SourceDocument | undefined {
    const open = this.docs.get(uri);
    if (!open) return undefined;
    open.doc.applyChanges(changes, version);
    return open.doc;
  }

  close(uri: string): void {
    const open = this.docs.get(uri);
    if (!open) return;
    disposeSessions(open);
    open.doc.dispose();
    this.docs.delete(uri);
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
    const open = this.docs.get(uri);
    if (!open) return { findings: [], notices: [] };
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
    if (doc.grammar && doc.parseFailed) {
      notices.push({ reason: 'parse-timeout', message: 'Parsing took too long; syntax-aware rules were skipped for this file.' });
    }
    const ctx: AnalysisContext = { settings, workspaceRoot, notify: (n) => notices.push(n) };
    const raw: Finding[] = [];
    const ran = new Set<string>();
    for (const analyzer of this.analyzers) {
      if (!settings.packs[analyzer.pack] || !analyzer.appliesTo(doc, ctx)) {
        const stale = open.sessions.get(analyzer);
        stale?.dispose?.();
        open.sessions.delete(analyzer);
        continue;
      }
      let session = open.sessions.get(analyzer);
      const fresh = !session;
      try {
        session ??= analyzer.open(doc);
        open.sessions.set(analyzer, session);
        raw.push(...session.run(doc, fresh ? undefined : delta, ctx));
        for (const r of analyzer.rules()) ran.add(r.id);
      } catch (e) {
        session?.dispose?.();
        open.sessions.delete(analyzer);
        notices.push({
          reason: 'analyzer-error',
          message: `The ${analyzer.pack} analysis failed on this file and was skipped: ${redactErrorMessage(e)}`,
        });
      }
    }
    return { findings: finalize(raw, doc, settings, ran), notices };
  }

  /** One-shot analysis of a text that is not open (CLI, workspace scan). */
  scanText(path: string, languageId: string, text: string, settings: AnalysisSettings = DEFAULT_SETTINGS, workspaceRoot?: string): AnalysisResult {
    const uri = `vigil-scan:${path}`;
    this.open(uri, path, languageId, text);
    try {
      return this.analyze(uri, settings, workspaceRoot);
    } finally {
      this.close(uri);
    }
  }
}

/**
 * An analyzer's error message, safe to show and log: errors may quote the input (JSON.parse quotes short inputs
 * whole), so the first line only, with every long token-like run masked to its first characters and length.
 */
export function redactErrorMessage(e: unknown): string {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  const masked = first.replace(/[A-Za-z0-9+/=_\-.]{12,}/g, (t) => (/^[a-z]+$/.test(t) ? t : `${t.slice(0, 2)}…(${t.length} chars)`));
  return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
}

/** An error for logs: the redacted message plus the stack frames (code locations only, never input text). */
export function redactErrorForLog(e: unknown): string {
  const frames = e instanceof Error && e.stack ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return [redactErrorMessage(e), ...frames.slice(0, 12)].join('\n');
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

/** Applies rule switches, severity overrides and suppressions; adds fingerprints; sorts by position. */
function finalize(raw: Finding[], doc: SourceDocument, settings: AnalysisSettings, ran: Set<string>): Finding[] {
  const disabled = new Set(settings.disabledRules);
  let findings = raw
    .filter((f) => !disabled.has(f.ruleId))
    .map((f) => {
      const override = settings.severityOverrides[f.ruleId];
      return override ? { ...f, severity: override } : f;
    });
  findings = applySuppressions(findings, doc.lines, ran);
  const min = severityRank(settings.minSeverity);
  findings = findings.filter((f) => f.pack === 'meta' || severityRank(f.severity) >= min);
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
  const seen = new Map<string, number>();
  findings = findings.map((f) => {
    if (f.fingerprint) return f;
    const start = doc.lines.offsetAt(f.range.start);
    const end = doc.lines.offsetAt(f.range.end);
    const snippet = doc.text.slice(start, Math.min(end, start + 500)).replace(/\s+/g, ' ').trim();
    const key = `${f.ruleId}\u0000${snippet}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { ...f, fingerprint: createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32) };
  });
  return findings;
}
