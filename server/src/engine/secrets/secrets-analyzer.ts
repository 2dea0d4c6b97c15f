/**
 * The secrets pack as an Analyzer. Each open document keeps its matches per line; after an edit only the edited
 * lines are rescanned (plus, for multi-line rules such as PEM blocks, the window of lines above that could start
 * a match reaching into the edit). Syntax context, severity and fixes are recomputed for every match on every
 * run, which is cheap and keeps the result identical to a full scan.
 */
import { createHash } from 'node:crypto';
import type { AnalysisContext, Analyzer, AnalyzerSession, RuleInfo } from '../analyzer';
import type { DocumentDelta, SourceDocument } from '../document';
import { SEVERITIES, type Finding, type Severity } from '../types';
import { classifyPath, workspaceRelativePath } from '../path-class';
import {
  ciSetupReason,
  commentExampleReason,
  localDevEnvReason,
  localhostKeyReason,
  localLoginReason,
  localRequestFileReason,
  looksMinified,
  mockScopeReason,
  perlPodBlocks,
  rustTestModules,
  standInBlockReason,
  testWorkflowReason,
  translationCatalogReason,
} from './false-positive-filters';
import { secretAdvice } from './advice';
import { maskSecret } from './mask';
import { rotateSentence } from './rotate';
import type { SecretRule } from './rule-schema';
import { envNameFor, secretFixes } from './secret-fixes';
import { dedupeMatches, NOTEBOOK_PATH, quotedValue, quotesJudgedOnLine, SecretScanner, type SecretMatch } from './secret-scanner';
import { KeyFlowFinder } from './key-flow';
import { JoinedLiteralFinder } from './joined-literals';
import { lexRegions, regionAt, regionIndexAt, type Regions } from './code-lexer';
import { languageIdForPath, languageRecord, type LexicalSyntax } from '../languages';
import { secretContext, SecretContextMemo, type SecretContext } from './syntax-context';
import { publishedExampleSource } from './published-examples';
import { publicConfigReason } from './public-configs';
import { jwtSignedWithPublishedKey } from './validators';

/** Comment words that introduce an example (`# e.g. mysql://root:…`, `// For example: …`). */
const EXAMPLE_INTRO = /\b(?:e\.g\.|eg:|for example|for instance|example:|such as)/i;

export class SecretsAnalyzer implements Analyzer {
  readonly pack = 'secrets' as const;
  readonly scanner: SecretScanner;
  private readonly ruleOrder: Map<SecretRule, number>;
  /** The last text lexed and its regions: a run reads them once per finding, an unchanged text needs no new lexing. */
  private lexed: { text: string; syntax: LexicalSyntax; regions: Regions } | undefined;
  private readonly keyFlows: KeyFlowFinder;
  private readonly joinedLiterals: JoinedLiteralFinder;
  /**
   * The last text's whole-text matches (key flows, joined literals), for the path they were found under: an
   * unchanged text needs no new search.
   */
  private wholeText: { text: string; rel: string; languageId: string; matches: SecretMatch[] } | undefined;

  constructor(rules: readonly SecretRule[]) {
    this.scanner = new SecretScanner(rules);
    this.keyFlows = new KeyFlowFinder(rules);
    this.joinedLiterals = new JoinedLiteralFinder(this.scanner);
    this.ruleOrder = new Map(rules.map((r, i) => [r, i]));
  }

  rules(): RuleInfo[] {
    return this.scanner.rules.map((r) => ({
      id: r.id,
      pack: 'secrets',
      name: r.name,
      description: r.description,
      severity: r.severity,
      cwe: r.cwe,
      docsUrl: r.docsUrl,
      languages: [],
      ...(r.ruleDocs ? { docs: r.ruleDocs } : {}),
      fixOffered: 'Reads the value from an environment variable instead (JavaScript, TypeScript, Python, Java and Go code; a ${NAME} reference in YAML, compose and .properties files), or keeps a .env file out of git and lists the name in .env.example',
    }));
  }

  /**
   * Every text file, except lockfiles, vendored and minified files (judged inside the workspace root). A Jupyter
   * notebook is JSON whose long lines are cell outputs (a plotted figure's base64): never minified, its code cells are
   * scanned (a recall study on fixed leaks lost two keys in a notebook with figures).
   */
  appliesTo(doc: SourceDocument, ctx?: AnalysisContext): boolean {
    return !classifyPath(doc.path, ctx?.workspaceRoot).skip && (NOTEBOOK_PATH.test(doc.path) || !looksMinified(doc.text, doc.lines.lineCount));
  }

  open(): AnalyzerSession {
    return new SecretsSession(this);
  }

  /** Matches of a whole text (no syntax context); `root` is the workspace root, for path allowlists. */
  matchAll(doc: SourceDocument, root?: string): SecretMatch[] {
    const target = { text: doc.text, lines: doc.lines, path: doc.path, languageId: doc.languageId };
    return this.scanner.scanLines(target, 0, doc.lines.lineCount - 1, this.scanner.activeRules(workspaceRelativePath(doc.path, root), doc.path));
  }

  /**
   * Turns matches into findings: dedupe, context, severity, masked message, fixes, fingerprint. Test and example
   * paths are judged inside the workspace `root` only. `contexts` keeps the matches' syntax contexts between runs
   * of one document (an editor session's).
   */
  findingsFor(doc: SourceDocument, matches: readonly SecretMatch[], root?: string, contexts?: SecretContextMemo): Finding[] {
    try {
      return this.findingsOf(doc, matches, root, contexts);
    } finally {
      contexts?.endRun();
    }
  }

  private findingsOf(doc: SourceDocument, matches: readonly SecretMatch[], root: string | undefined, contexts: SecretContextMemo | undefined): Finding[] {
    const kind = classifyPath(doc.path, root).kind;
    const testPath = kind === 'test';
    const examplePath = kind === 'example';
    const counts = new Map<string, number>();
    const rel = workspaceRelativePath(doc.path, root);
    // A translation catalogue's values are labels and sentences: only provider rules (known formats) report there.
    // Decided on the whole current text at every run, so incremental and full scans agree.
    // Also the fallback rules' weaker evidence, generic or not (a short password reads like a translated label).
    if (matches.some((m) => m.rule.generic || m.rule.fallback) && translationCatalogReason(workspaceRelativePath(doc.path, root), doc.text)) {
      matches = matches.filter((m) => !m.rule.generic && !m.rule.fallback);
    }
    // Code without a grammar is lexed for its strings and comments, from the whole current text on every run (a
    // heredoc's body is a string only its opener says so), so incremental and full scans agree.
    const lexical = matches.length > 0 ? languageRecord(doc.languageId)?.lexical : undefined;
    const regions = lexical ? this.regionsOf(doc.text, lexical) : undefined;
    if (regions) matches = matches.filter((m) => !m.rule.literalInCode || literalInLexedCode(doc, regions, m));
    // Keys reaching a crypto call through a name, tokens split over joined literals: read from the whole current
    // text on every run, never cached per line, so incremental and full scans agree.
    const whole = this.wholeTextMatchesOf(doc, rel);
    if (whole.length > 0) matches = matches.concat(whole);
    const deduped = dedupeMatches(matches, this.ruleOrder);
    // Splitting the text to find its line break costs O(n): once per run, not per finding.
    const eol = deduped.length > 0 ? doc.lines.eol : '\n';
    // A Rust file's `#[cfg(test)]` modules: read from the whole current text, so incremental and full scans agree.
    const pathLanguage = deduped.length > 0 ? languageIdForPath(doc.path) : undefined;
    const testModules = pathLanguage === 'rust' ? rustTestModules(doc.lines.lineCount, (i) => doc.lines.lineText(i)) : [];
    // A Perl file's POD documentation, read the same way.
    const podBlocks = pathLanguage === 'perl' ? perlPodBlocks(doc.lines.lineCount, (i) => doc.lines.lineText(i)) : [];
    // An HTTP request file aimed only at this machine: read from the whole current text, the same way.
    const localRequests = deduped.some((m) => m.rule.generic) ? localRequestFileReason(rel, doc.text) : undefined;
    const lineText = (i: number): string => doc.lines.lineText(i);
    const findings: Finding[] = [];
    for (const m of deduped) {
      const ctx = secretContext(doc, m.start, m.end, contexts);
      if (regions) lexedContext(doc, regions, m, ctx);
      // A fallback rule's weaker evidence (a short password) in a test or an example is that fixture's own.
      if (m.rule.fallback && (testPath || examplePath || ctx.inTestCode)) continue;
      const rule = m.rule;
      const masked = maskSecret(m.secret);
      let severity: Severity = rule.severity;
      const notes: string[] = [];
      let local: string | undefined;
      if (m.checksum === 'invalid') {
        // Real tokens of this format always carry a valid checksum: this one was made up, altered or mistyped.
        severity = stepDown(severity);
        notes.push('its checksum does not match, so it is likely not a live token');
      }
      if (rule.validate === 'jwt' && jwtSignedWithPublishedKey(m.secret)) {
        // Anyone can sign the same claims with a key everyone knows: a development or test token.
        severity = lower(severity, 'low');
        notes.push(
          "signed with a published or trivial key, so anyone can mint it; severity is lowered, but if a server verifies tokens with that key, the key itself is the problem: it accepts anyone's tokens, so rotate it to a random key",
        );
      }
      let published: string | undefined;
      if ((published = publishedExampleSource(m.secret))) {
        // The vendor or a standard published this very value: anyone has it. Not hidden, since a server that
        // accepts it (a copied config, a demo account) accepts it from anyone.
        severity = lower(severity, 'low');
        notes.push(`a published example value, ${published}: severity is lowered, but wherever something accepts it, replace it with a value of your own`);
      } else if ((published = publicConfigReason(rule.id, rel, (i) => (i < doc.lines.lineCount ? lineText(i) : undefined), m.start.line))) {
        // A key its provider documents as public where it sits (Firebase's app configuration).
        severity = lower(severity, 'low');
        notes.push(published);
      } else if (testPath || ctx.inTestCode || examplePath || testModules.some(([a, b]) => m.start.line > a && m.start.line < b)) {
        severity = lower(severity, 'low');
        notes.push(examplePath && !testPath && !ctx.inTestCode ? 'in an example or docs file, so severity is lowered' : 'in test code, so severity is lowered');
      } else if (podBlocks.some(([a, b]) => m.start.line > a && m.start.line < b)) {
        severity = lower(severity, 'low');
        notes.push("in the file's documentation (POD), so severity is lowered");
      } else if (
        (local =
          // A test double's canned key or token (fog's `class Mock`) is made up for it, whatever the rule.
          mockScopeReason(m.start.line, lineText) ??
          (m.start.line === m.end.line ? localLoginReason(doc.lines.lineText(m.start.line), m.start.character, m.end.character, rel) : undefined) ??
          // A provider's token works from anywhere: only generic values and database logins are the environment's own.
          (rule.generic || rule.id.startsWith('secrets.db.')
            ? (localDevEnvReason(rel) ?? testWorkflowReason(rel) ?? standInBlockReason(m.start.line, lineText) ?? (rule.generic ? localRequests : undefined) ?? ciSetupReason(rel))
            : undefined) ??
          // A CI stack's or a localhost certificate's private key is that setup's own.
          (rule.id.startsWith('secrets.key.') ? (ciSetupReason(rel) ?? localhostKeyReason(rel)) : undefined))
      ) {
        // A compose, CI or local VM database, a local development environment's or a test workflow's settings: lowered, not dropped,
        // since the same value may be used elsewhere.
        severity = lower(severity, 'low');
        notes.push(`${local}, so severity is lowered`);
      } else if (ctx.inComment && EXAMPLE_INTRO.test(doc.lines.lineText(m.start.line).slice(0, m.start.character))) {
        // The comment says what follows is an example: documentation, as in a docs file.
        severity = lower(severity, 'low');
        notes.push('an example in a comment, so severity is lowered');
      } else if (ctx.inComment && (local = commentExampleReason(m.start.line, lineText))) {
        // A doc comment's `@example` or fenced code sample: documentation, as in a docs file.
        severity = lower(severity, 'low');
        notes.push(`${local}, so severity is lowered`);
      } else if (ctx.inComment) {
        severity = stepDown(severity);
        notes.push('in a comment, so severity is lowered');
      }
      const via = m.via
        ? `, passed to \`${m.via.api}…)\` as \`${m.via.name}\` on line ${m.via.line + 1}`
        : m.joined
          ? `, split over ${m.joined.pieces} string literals the code joins`
          : '';
      // Base64 hides nothing: anyone can decode it (a Kubernetes Secret's data is only encoded).
      const encoded = m.encoded ? ', base64-encoded (anyone can decode it)' : '';
      const message =
        `${rule.name} in the source: ${masked}${encoded}${via}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}. ` +
        secretAdvice(doc.path, doc.languageId, envNameFor(m, ctx)) +
        (rule.rotateUrl ? rotateSentence(rule.rotateUrl) : '');
      const key = `${rule.id}\u0000${masked}`;
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      const finding: Finding = {
        ruleId: rule.id,
        pack: 'secrets',
        severity,
        cwe: rule.cwe,
        message,
        range: { start: m.start, end: m.end },
        ...(m.matchStart.line < m.start.line ? { spanStartLine: m.matchStart.line } : {}),
        docsUrl: rule.docsUrl,
        // From the rule and the masked form only, so no digest of the whole secret leaves the process.
        fingerprint: createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32),
        properties: {
          maskedSecret: masked,
          secretLength: m.secret.length,
          entropy: Math.round(m.entropy * 100) / 100,
          provider: rule.provider,
          ...(rule.rotateUrl ? { rotateUrl: rule.rotateUrl } : {}),
          context: ctx.inComment ? 'comment' : testPath || ctx.inTestCode ? 'test' : examplePath ? 'example' : 'code',
          ...(m.checksum ? { checksum: m.checksum, confidence: m.checksum === 'valid' ? 'high' : 'low' } : {}),
        },
      };
      const fixes = secretFixes(doc, m, ctx, eol, root);
      if (fixes.length > 0) finding.fixes = fixes;
      findings.push(finding);
    }
    return findings;
  }

  /**
   * Literals that reach a crypto or token call through a name (key-flow.ts) and tokens split over joined literals
   * (joined-literals.ts), found once per text and path.
   */
  private wholeTextMatchesOf(doc: SourceDocument, rel: string): SecretMatch[] {
    const f = this.wholeText;
    if (f?.text === doc.text && f.rel === rel && f.languageId === doc.languageId) return f.matches;
    let active: boolean[] | undefined;
    const activeRules = (): boolean[] => (active ??= this.scanner.activeRules(rel, doc.path));
    const isActive = (r: SecretRule): boolean => activeRules()[this.scanner.rules.indexOf(r)] ?? false;
    const flows: SecretMatch[] = this.keyFlows.find(doc.text, doc.lines, quotesJudgedOnLine(doc.languageId), isActive);
    const matches = flows.concat(this.joinedLiterals.find(doc.text, doc.lines, doc.path, languageRecord(doc.languageId), activeRules));
    this.wholeText = { text: doc.text, rel, languageId: doc.languageId, matches };
    return matches;
  }

  /** The regions of `text`, lexed once per text. */
  private regionsOf(text: string, syntax: LexicalSyntax): Regions {
    if (this.lexed?.text !== text || this.lexed.syntax !== syntax) this.lexed = { text, syntax, regions: lexRegions(text, syntax) };
    return this.lexed.regions;
  }
}

/**
 * A `literalInCode` match in lexed code is kept when its value is inside a string literal or a heredoc, right
 * after a quote on its line (as parsed code is judged), or in text outside the code (PHP's page around `<?php`).
 */
function literalInLexedCode(doc: SourceDocument, regions: Regions, m: SecretMatch): boolean {
  const kind = regionAt(regions, doc.lines.offsetAt(m.start));
  if (kind === 'string' || kind === 'text') return true;
  const line = doc.lines.lineText(m.start.line);
  return quotedValue(line[m.start.character - 1], { line, start: m.start.character, end: m.start.line === m.end.line ? m.end.character : line.length });
}

/** Comment and multi-line string context of lexed code; text outside the code keeps the line-based reading. */
function lexedContext(doc: SourceDocument, regions: Regions, m: SecretMatch, ctx: SecretContext): void {
  const kind = regionAt(regions, doc.lines.offsetAt(m.start));
  if (kind !== 'text') ctx.inComment = kind === 'comment';
  // A suppression comment above the match's first line would land inside a heredoc or multi-line string.
  const first = doc.lines.lineStarts[m.matchStart.line]!;
  const indent = /^\s*/.exec(doc.lines.lineText(m.matchStart.line))![0].length;
  const r = regionIndexAt(regions, first + indent);
  if (r >= 0 && regions.kinds[r] === 'string' && first > 0 && regionIndexAt(regions, first - 1) === r) ctx.inMultilineString = true;
}

function stepDown(s: Severity): Severity {
  const i = SEVERITIES.indexOf(s);
  return SEVERITIES[Math.min(i + 1, SEVERITIES.indexOf('low'))] ?? s;
}

function lower(s: Severity, to: Severity): Severity {
  return SEVERITIES.indexOf(s) < SEVERITIES.indexOf(to) ? to : s;
}

/** A cached match stored at its start line: positions are rebuilt from the line index when read. */
interface Cached {
  match: SecretMatch;
  /** end.line - start.line */
  span: number;
  /** start.line - matchStart.line */
  lead: number;
}

class SecretsSession implements AnalyzerSession {
  /** Matches by start line, in the coordinates of the text of the previous run. */
  private byLine: (Cached[] | undefined)[] | undefined;
  /** Rules that run on this file, and the workspace-relative path they were chosen for. */
  private active: boolean[] = [];
  private activeFor: string | undefined;
  /** The matches' syntax contexts, by the statement holding each: a run re-reads only edited statements'. */
  readonly contexts = new SecretContextMemo();

  constructor(private readonly analyzer: SecretsAnalyzer) {}

  run(doc: SourceDocument, delta: DocumentDelta | undefined, ctx: AnalysisContext): Finding[] {
    const rel = workspaceRelativePath(doc.path, ctx.workspaceRoot);
    if (rel !== this.activeFor) {
      // Another root (the file now belongs to another folder) can change the path allowlists: start over.
      this.active = this.analyzer.scanner.activeRules(rel, doc.path);
      this.activeFor = rel;
      this.byLine = undefined;
    }
    if (!this.byLine) this.fullScan(doc);
    else if (delta) this.rescan(doc, delta);
    const matches: SecretMatch[] = [];
    this.byLine!.forEach((cached, line) => {
      for (const c of cached ?? []) {
        matches.push({
          ...c.match,
          start: { line, character: c.match.start.character },
          end: { line: line + c.span, character: c.match.end.character },
          matchStart: { line: line - c.lead, character: c.match.matchStart.character },
        });
      }
    });
    return this.analyzer.findingsFor(doc, matches, ctx.workspaceRoot, this.contexts);
  }

  private fullScan(doc: SourceDocument): void {
    const target = { text: doc.text, lines: doc.lines, path: doc.path, languageId: doc.languageId };
    this.byLine = new Array<Cached[] | undefined>(doc.lines.lineCount);
    this.store(this.analyzer.scanner.scanLines(target, 0, doc.lines.lineCount - 1, this.active));
  }

  private store(matches: SecretMatch[]): void {
    for (const m of matches) {
      const slot = (this.byLine![m.start.line] ??= []);
      slot.push({ match: m, span: m.end.line - m.start.line, lead: m.start.line - m.matchStart.line });
    }
  }

  /** Moves the cache through the edits, then rescans the dirty lines and the multi-line windows above them. */
  private rescan(doc: SourceDocument, delta: DocumentDelta): void {
    let cache = this.byLine!;
    let dirty: [number, number][] = [];
    for (const e of delta.edits) {
      const s = e.startPosition.row;
      const oe = e.oldEndPosition.row;
      const ne = e.newEndPosition.row;
      const shift = ne - oe;
      cache = cache.slice(0, s).concat(new Array<Cached[] | undefined>(ne - s + 1), cache.slice(oe + 1));
      dirty = dirty.map(([a, b]): [number, number] => {
        if (a > oe) return [a + shift, b + shift];
        if (b < s) return [a, b];
        return [Math.min(a, s), Math.max(b > oe ? b + shift : ne, ne)];
      });
      dirty.push([s, ne]);
    }
    this.byLine = cache;
    const lineCount = doc.lines.lineCount;
    if (cache.length !== lineCount) {
      // The edits did not add up to the new text (should not happen): fall back to a full scan.
      this.fullScan(doc);
      return;
    }
    const window = this.analyzer.scanner.maxWindow;
    // mode per line: 2 = rescan every rule, 1 = rescan multi-line rules (and Markdown tables, SQL INSERTs) only.
    const mode = new Map<number, number>();
    for (const [a, b] of dirty) {
      for (let l = Math.max(0, a); l <= Math.min(b, lineCount - 1); l++) mode.set(l, 2);
    }
    if (window > 0) {
      for (const [a] of dirty) {
        for (let l = Math.max(0, a - window + 1); l < a; l++) if (!mode.has(l)) mode.set(l, 1);
      }
    }
    const multiOnly = this.active.map((on, i) => on && this.analyzer.scanner.rules[i]!.reach > 0);
    const target = { text: doc.text, lines: doc.lines, path: doc.path, languageId: doc.languageId };
    const lines = [...mode.keys()].sort((x, y) => x - y);
    // Drop what the rescans will find again, by the line each match STARTS on (a parent's or a name's line may sit
    // above the secret's), all before any rescan stores: a window rescanned first may store on a line rescanned later.
    if (lines.length > 0) {
      for (let l = lines[0]!; l <= Math.min(lines[lines.length - 1]! + window, lineCount - 1); l++) {
        const slot = cache[l];
        if (!slot) continue;
        const kept = slot.filter((c) => {
          const m = mode.get(l - c.lead);
          // A single-line rule's match under a table header (lead > 0) is the table's: read again with it.
          return m === undefined || (m === 1 && c.match.rule.reach === 0 && c.lead === 0);
        });
        cache[l] = kept.length > 0 ? kept : undefined;
      }
    }
    let i = 0;
    while (i < lines.length) {
      const first = lines[i]!;
      const m = mode.get(first)!;
      let last = first;
      while (i + 1 < lines.length && lines[i + 1] === last + 1 && mode.get(lines[i + 1]!) === m) last = lines[++i]!;
      i++;
      this.store(this.analyzer.scanner.scanLines(target, first, last, m === 2 ? this.active : multiOnly, this.active));
    }
  }
}
