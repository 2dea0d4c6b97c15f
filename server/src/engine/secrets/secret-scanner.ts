/**
 * Text-level secret matching: prefilter, regexes, allowlists, entropy and false-positive filters. It knows nothing
 * of syntax trees or fixes; a match is a pure function of its line (or, for multi-line rules, of the window of
 * lines starting at its first line) and of the file path. That is what lets the analyzer rescan only edited lines.
 */
import { matchesAnyGlob } from '../glob';
import { LANGUAGES } from '../languages';
import { detached, type LineIndex } from '../text';
import type { Position } from '../types';
import { shannonEntropy } from './entropy';
import {
  base64Text,
  encodedText,
  encodedBlobReason,
  dottedWords,
  genericValueReason,
  ownKeyReason,
  placeholderReason,
  sentenceContextReason,
  sequenceReason,
  standInKeyReason,
  unquotedCodeReason,
  userAsPasswordReason,
  withoutTrailingEscapes,
} from './false-positive-filters';
import { KeywordPrefilter } from './keyword-prefilter';
import { cellValue, columnName, isDelimiterRow, isTableRow, splitTableCells } from './markdown-tables';
import { insertColumns, tupleValues } from './sql-inserts';
import type { KeyFlowVia } from './key-flow';
import type { JoinedSpan } from './joined-literals';
import { publishedExampleSource } from './published-examples';
import { CUSTOM_RULE_MAX_LINE, PARENT_WINDOW, type SecretRule } from './rule-schema';
import { checksumState, validatorReason } from './validators';

/** One secret found by one rule. Holds the raw secret in memory only; outputs use `maskSecret`. */
export interface SecretMatch {
  rule: SecretRule;
  secret: string;
  start: Position;
  end: Position;
  /** Length of the whole regex match, to prefer the most specific of overlapping matches. */
  matchLength: number;
  /** Where the whole regex match starts (e.g. the name of `password =` when the value is on the next line). */
  matchStart: Position;
  /** Name the value is assigned to, when the rule captures one (group `name`). */
  name?: string;
  entropy: number;
  /** Verdict of the format's checksum, for rules with one and secrets of the checksummed shape. */
  checksum?: 'valid' | 'invalid';
  /** For a literal that reaches a crypto or token call through a name (key-flow.ts): that call. */
  via?: KeyFlowVia;
  /** For a token split over string literals the code joins (joined-literals.ts): that expression. */
  joined?: JoinedSpan;
  /** The value is base64 whose decoded text holds the rule's secret (a Kubernetes Secret's `data`). */
  encoded?: 'base64';
}

/**
 * Languages where `literalInCode` rules require a quoted string, judged on the line. Lexed languages (no grammar)
 * are judged by the analyzer on the whole text instead, since a heredoc's body is a string its lines do not show.
 */
/**
 * `NAME=value` at the start of a line, optionally after `export`: a dotenv or shell variable assignment; also as a
 * YAML list item (`- NAME=value`, a compose file's `environment:` list), quoted or not.
 */
const ENV_ASSIGNMENT_LINE = /^[ \t]*(?:export[ \t]+|-[ \t]+["']?)?[A-Za-z_][A-Za-z0-9_]*=[^=]/;
const CODE_LANGUAGES = new Set(LANGUAGES.filter((l) => l.code && !l.lexical).map((l) => l.id));

/** Whether `literalInCode` rules judge a file of this language by the quote before the value (see above). */
export function quotesJudgedOnLine(languageId: string): boolean {
  return CODE_LANGUAGES.has(languageId);
}

export interface ScanTarget {
  text: string;
  lines: LineIndex;
  path: string;
  languageId: string;
}

/**
 * A YAML entry whose whole value is base64 (`OPENAI_API_KEY: c2stcHJv…`, a Kubernetes Secret's `data`, a
 * `.dockerconfigjson`): its decoded text is read by the provider rules (see `matchEncoded`).
 */
const BASE64_ENTRY = /^[ \t]*(?:-[ \t]+)?["']?[\w.-]+["']?:[ \t]*["']?([A-Za-z0-9+/]{16,}={0,2})["']?[ \t]*$/;
/** A base64 run inside decoded text (a docker config's `auth`), read one level further. */
const BASE64_RUN = /[A-Za-z0-9+/]{20,}={0,2}/g;
const YAML_LANGUAGES = new Set(['yaml']);
/** Encoded values longer than this are not decoded (a certificate bundle, an image). */
const MAX_ENCODED = 22_000;

/** A Jupyter notebook, by its extension: JSON whose code cells are strings, their quotes escaped. */
export const NOTEBOOK_PATH = /\.ipynb$/i;
/** Files whose pipe tables are read as Markdown's (`matchTables`). */
const MARKDOWN_PATH = /\.(?:md|markdown|mdx)$/i;
/** Files whose INSERT statements' row tuples are read (`matchSqlInserts`). */
const SQL_PATH = /\.sql$/i;
/** Rows of a Markdown table read below its header, or of an INSERT's tuples below its column list. */
const TABLE_ROWS = 100;
/** Longest INSERT line read (a dump's one-line multi-row INSERT is data, not a seed a person wrote). */
const MAX_INSERT_LINE = 4_000;

/**
 * A notebook line as its cell's code reads, for single-line rules: an escaped quote (`key=\"…\"`) becomes a space
 * and the quote, the same length, so every rule's `name = "value"` shapes match and positions stay the file's.
 */
function cellCodeView(line: string): string {
  return line.includes('\\') ? line.replace(/\\(["'])/g, ' $1') : line;
}

/**
 * Prefilters by their rules' keywords: the server's analyzers (one per workspace folder, one for files outside
 * folders) and its log redaction each built the same 2 MB automaton from the built-in rules. A prefilter is
 * immutable. Bounded: a workspace whose custom secret rules change adds one per version. Exported for tests.
 */
const prefilters = new Map<string, KeywordPrefilter>();
const MAX_PREFILTERS = 8;

export function sharedPrefilter(keywordsByRule: readonly (readonly string[])[]): KeywordPrefilter {
  const key = JSON.stringify(keywordsByRule);
  let p = prefilters.get(key);
  if (!p) {
    if (prefilters.size >= MAX_PREFILTERS) prefilters.delete(prefilters.keys().next().value!);
    prefilters.set(key, (p = new KeywordPrefilter(keywordsByRule)));
  }
  return p;
}

/** Compiled rules plus their shared prefilter. Immutable; one per analyzer. */
export class SecretScanner {
  private readonly prefilter: KeywordPrefilter;
  /** Widest multi-line window of any rule (0 when all rules are single-line). */
  readonly maxWindow: number;

  /** Rules without keywords (see `RawSecretRule.files`), by index: the prefilter never names them. */
  private readonly everyLine: readonly number[];

  constructor(readonly rules: readonly SecretRule[]) {
    this.prefilter = sharedPrefilter(rules.map((r) => r.keywords));
    // A table's rows are read from its header's line: an edit of a row reads again from there.
    this.maxWindow = rules.reduce((m, r) => Math.max(m, r.reach), TABLE_ROWS + 2);
    this.everyLine = rules.flatMap((r, i) => (r.keywords.length === 0 ? [i] : []));
  }

  /**
   * Rules that run on a file (`files` and path allowlists applied), given its workspace-relative path
   * (`workspaceRelativePath`) and its own. `files` also matches the file's own path: outside a workspace folder the
   * relative path is the name alone, and `config/master.key` is evidence wherever the folder is.
   */
  activeRules(path: string, fullPath = path): boolean[] {
    const p = path.replace(/\\/g, '/');
    const full = fullPath.replace(/\\/g, '/');
    const runsOn = (r: SecretRule): boolean => r.files.length === 0 || matchesAnyGlob(p, r.files, { matchBase: true }) || matchesAnyGlob(full, r.files, { matchBase: true });
    return this.rules.map((r) => runsOn(r) && !matchesAnyGlob(p, r.allowlist.paths, { matchBase: true }));
  }

  /**
   * Scans lines `[firstLine, lastLine]` (inclusive). Single-line rules report matches on those lines; multi-line
   * rules report matches starting on those lines (their window may reach further down), and so do Markdown tables
   * and SQL INSERTs whose header or column list is on them (`matchTables`, `matchSqlInserts`), with the rules
   * `tableRules` (default `active`).
   */
  scanLines(target: ScanTarget, firstLine: number, lastLine: number, active: readonly boolean[], tableRules: readonly boolean[] = active): SecretMatch[] {
    const { text, lines } = target;
    lastLine = Math.min(lastLine, lines.lineCount - 1);
    if (firstLine > lastLine) return [];
    const from = lines.lineStarts[firstLine]!;
    const to = lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1]! : text.length;
    const code = CODE_LANGUAGES.has(target.languageId);
    const notebook = NOTEBOOK_PATH.test(target.path);
    const out: SecretMatch[] = [];
    for (const hit of this.prefilter.scan(text, from, to, firstLine)) {
      let lineText: string | undefined;
      for (const ruleIndex of hit.rules) {
        const rule = this.rules[ruleIndex]!;
        if (!active[ruleIndex]) continue;
        if (rule.parentRegex) this.matchParent(target, rule, rule.parentRegex, hit.line, code, out);
        if (rule.multiline > 0) {
          this.matchWindow(target, rule, rule.regex, rule.multiline, hit.line, code, out);
        } else {
          lineText ??= notebook ? cellCodeView(lines.lineText(hit.line)) : lines.lineText(hit.line);
          this.matchLine(rule, hit.line, lineText, code, out);
        }
      }
    }
    for (const ruleIndex of this.everyLine) {
      const rule = this.rules[ruleIndex]!;
      if (!active[ruleIndex]) continue;
      for (let l = firstLine; l <= lastLine; l++) {
        if (rule.multiline > 0) this.matchWindow(target, rule, rule.regex, rule.multiline, l, code, out);
        else this.matchLine(rule, l, lines.lineText(l), code, out);
      }
    }
    if (YAML_LANGUAGES.has(target.languageId)) for (let l = firstLine; l <= lastLine; l++) this.matchEncoded(lines.lineText(l), l, active, out);
    if (MARKDOWN_PATH.test(target.path) || target.languageId === 'markdown') this.matchTables(lines, firstLine, lastLine, tableRules, out);
    if (SQL_PATH.test(target.path) || target.languageId === 'sql') this.matchSqlInserts(lines, firstLine, lastLine, tableRules, out);
    return out;
  }

  /**
   * Markdown tables whose header is on lines `[firstLine, lastLine]`: a column whose header names a credential
   * (`Password`, `API key`) gives each cell below it to the generic name rules as `name: "value"`, the header's name
   * and the cell's value, so the same filters judge it as an assignment. A match starts on the header's line (an edit
   * of the header reads the table again) and ends in the cell.
   */
  private matchTables(lines: LineIndex, firstLine: number, lastLine: number, active: readonly boolean[], out: SecretMatch[]): void {
    for (let h = firstLine; h <= lastLine && h + 2 < lines.lineCount; h++) {
      const header = lines.lineText(h);
      if (!isTableRow(header) || !isDelimiterRow(lines.lineText(h + 1))) continue;
      const headerCells = splitTableCells(header);
      // As GFM: a delimiter row of another width makes no table.
      if (splitTableCells(lines.lineText(h + 1)).length !== headerCells.length) continue;
      const columns = headerCells.flatMap((cell, index) => {
        const name = columnName(cell.text);
        return name ? [{ index, name, start: cell.start }] : [];
      });
      if (columns.length === 0) continue;
      for (let r = h + 2; r < lines.lineCount && r <= h + 1 + TABLE_ROWS; r++) {
        const row = lines.lineText(r);
        if (!isTableRow(row) || isDelimiterRow(row)) break;
        const cells = splitTableCells(row);
        for (const column of columns) {
          const cell = cells[column.index];
          const v = cell && cellValue(cell);
          if (v) this.matchNamedValue(column.name, v.value, { line: r, character: v.start }, { line: h, character: column.start }, active, out);
        }
      }
    }
  }

  /**
   * SQL `INSERT INTO t (…, api_key, …) VALUES` statements whose first line is on lines `[firstLine, lastLine]`: each
   * row tuple below (one per line, up to `TABLE_ROWS`) gives its quoted value in a credential-named column to the
   * generic name rules, as a Markdown table's cells (`matchTables`). A match starts on the statement's first line.
   */
  private matchSqlInserts(lines: LineIndex, firstLine: number, lastLine: number, active: readonly boolean[], out: SecretMatch[]): void {
    for (let h = firstLine; h <= lastLine; h++) {
      const head = lines.lineText(h);
      if (head.length > MAX_INSERT_LINE || !/insert/i.test(head)) continue;
      const insert = insertColumns(head);
      if (!insert) continue;
      const columns = insert.columns.flatMap((c, index) => {
        const name = columnName(c.text);
        return name ? [{ index, name, start: c.start }] : [];
      });
      if (columns.length === 0) continue;
      // Rows after VALUES on the first line, then one per line below it, until a line is no tuple or ends the statement.
      for (let r = h, from = insert.valuesEnd; r < lines.lineCount && r <= h + TABLE_ROWS; r++, from = 0) {
        const line = lines.lineText(r);
        if (line.length > MAX_INSERT_LINE) break;
        const tuple = tupleValues(line, from);
        if (!tuple) {
          // The rows may start below the first line, with comments and blank lines between them.
          if (r === h || /^[ \t]*(?:--.*|\/\*.*|)$/.test(line)) continue;
          break;
        }
        for (const column of columns) {
          const v = tuple.values[column.index];
          // Not a value with a quote: `''` is one quote in `v.text`, so its positions would drift (and no name
          // rule's value holds one).
          if (v?.quoted && v.text !== '' && !/[\s"']/.test(v.text)) this.matchNamedValue(column.name, v.text, { line: r, character: v.start }, { line: h, character: column.start }, active, out);
        }
        if (/;[ \t]*(?:--.*)?$/.test(line.slice(tuple.end))) break;
      }
    }
  }

  /**
   * A value whose name is written apart from it (a table's column header): the generic name rules judge it as
   * `name: "value"`, with the same filters; a match is placed on the value (`at`) and starts at the name (`named`).
   */
  private matchNamedValue(name: string, value: string, at: Position, named: Position, active: readonly boolean[], out: SecretMatch[]): void {
    const view = `${name}: "${value}"`;
    const valueAt = name.length + 3;
    for (const hit of this.prefilter.scan(view)) {
      for (const ruleIndex of hit.rules) {
        const rule = this.rules[ruleIndex]!;
        if (!active[ruleIndex] || !rule.generic || rule.fallback) continue;
        const found: SecretMatch[] = [];
        this.matchLine(rule, at.line, view, false, found);
        for (const m of found) {
          if (m.start.character < valueAt) continue;
          const shift = at.character - valueAt;
          out.push({ ...m, start: { line: at.line, character: m.start.character + shift }, end: { line: at.line, character: m.end.character + shift }, matchStart: named });
        }
      }
    }
  }

  /**
   * A YAML entry whose value is base64 of a provider's secret (a Kubernetes Secret's `data`): the provider rule that
   * finds it in the decoded text (or in a base64 run inside that, a docker config's `auth`) reports the encoded
   * value, where it is written. Generic and fallback rules do not read decoded text: a name there says nothing.
   */
  private matchEncoded(lineText: string, line: number, active: readonly boolean[], out: SecretMatch[]): void {
    const m = BASE64_ENTRY.exec(lineText);
    const decoded = m ? base64Text(m[1]!, MAX_ENCODED) : undefined;
    const rule = decoded !== undefined ? this.ruleInDecoded(decoded, active, 1) : undefined;
    if (!rule) return;
    const value = m![1]!;
    const at = lineText.lastIndexOf(value);
    out.push({
      rule,
      secret: detached(value),
      start: { line, character: at },
      end: { line, character: at + value.length },
      matchLength: value.length,
      matchStart: { line, character: at },
      entropy: shannonEntropy(value),
      encoded: 'base64',
    });
  }

  /** The first provider rule that reports a secret in `text` (decoded base64), reading base64 runs `depth` levels further. */
  private ruleInDecoded(text: string, active: readonly boolean[], depth: number): SecretRule | undefined {
    const textLines = text.split(/\r?\n/);
    for (const hit of this.prefilter.scan(text)) {
      for (const ruleIndex of hit.rules) {
        const rule = this.rules[ruleIndex]!;
        if (!active[ruleIndex] || rule.generic || rule.fallback || rule.parentRegex) continue;
        const subject = rule.multiline > 0 ? text : (textLines[hit.line] ?? '');
        for (const x of execAll(rule.regex, subject)) {
          const span = groupSpan(x, rule.secretGroup);
          if (!span) continue;
          const secret = subject.slice(span[0], span[1]);
          if (this.accept(rule, secret, x[0], subject, nameOf(x, subject), undefined, false, { line: subject, start: span[0], end: span[1] })) return rule;
        }
      }
    }
    if (depth > 0) for (const run of text.match(BASE64_RUN) ?? []) {
      const inner = base64Text(run, MAX_ENCODED);
      const rule = inner !== undefined ? this.ruleInDecoded(inner, active, depth - 1) : undefined;
      if (rule) return rule;
    }
    return undefined;
  }

  private matchLine(rule: SecretRule, line: number, lineText: string, code: boolean, out: SecretMatch[]): void {
    const subject = rule.custom && lineText.length > CUSTOM_RULE_MAX_LINE ? lineText.slice(0, CUSTOM_RULE_MAX_LINE) : lineText;
    for (const m of execAll(rule.regex, subject)) {
      const span = escapedQuoteSpan(subject, groupSpan(m, rule.secretGroup));
      if (!span) continue;
      const secret = subject.slice(span[0], span[1]);
      const name = nameOf(m, subject);
      const at = { line: subject, start: span[0], end: span[1] };
      if (!this.accept(rule, secret, m[0], lineText, name, code ? subject[span[0] - 1] : undefined, code, at)) continue;
      out.push({
        rule,
        // Matches are kept per line across edits: detached, they do not keep each edit's whole text alive.
        secret: detached(secret),
        start: { line, character: span[0] },
        end: { line, character: span[1] },
        matchLength: m[0].length,
        matchStart: { line, character: m.index },
        name: name === undefined ? undefined : detached(name),
        entropy: shannonEntropy(secret),
        checksum: rule.checksum && checksumState(rule.checksum, secret),
      });
    }
  }

  /**
   * A parent form (`admin_key:` then its children) matches from the parent's line to its first matching child: each
   * child found is blanked (spaces of the same length, so offsets hold) and the form tried again, so every child of
   * a list or section is read, not only the first. An inline mapping is read once.
   */
  private matchParent(target: ScanTarget, rule: SecretRule, regex: RegExp, line: number, code: boolean, out: SecretMatch[]): void {
    let blanked: string | undefined;
    for (let round = 0; round < PARENT_WINDOW; round++) {
      const child = this.matchWindow(target, rule, regex, PARENT_WINDOW, line, code, out, blanked);
      if (!child) return;
      const w = blanked ?? this.windowText(target, line, PARENT_WINDOW);
      const lineStart = w.lastIndexOf('\n', child[0] - 1) + 1;
      const nl = w.indexOf('\n', child[0]);
      const lineEnd = nl < 0 ? w.length : nl;
      blanked = w.slice(0, lineStart) + ' '.repeat(lineEnd - lineStart) + w.slice(lineEnd);
    }
  }

  private windowText(target: ScanTarget, line: number, size: number): string {
    const { lines, text } = target;
    const endLine = line + size;
    return text.slice(lines.lineStarts[line]!, endLine < lines.lineCount ? lines.lineStarts[endLine]! : text.length);
  }

  /**
   * Matches `regex` on the `size` lines from `line` (or on `blanked`, that window with some lines blanked). For a
   * parent form, returns the window span of the child a block or section match read, so the caller can read on.
   */
  private matchWindow(
    target: ScanTarget,
    rule: SecretRule,
    regex: RegExp,
    size: number,
    line: number,
    code: boolean,
    out: SecretMatch[],
    blanked?: string,
  ): [number, number] | undefined {
    const { lines } = target;
    const start = lines.lineStarts[line]!;
    const window = blanked ?? this.windowText(target, line, size);
    const firstLineLength = lines.lineText(line).length;
    let child: [number, number] | undefined;
    for (const m of execAll(regex, window)) {
      if (m.index > firstLineLength) break; // starts on a later line: that line's own window reports it
      const span = escapedQuoteSpan(window, regex === rule.regex ? groupSpan(m, rule.secretGroup) : parentSpan(m));
      if (!span) continue;
      if (regex !== rule.regex && m.indices?.groups?.v1 && !insideBlock(lines, line, lines.positionAt(start + span[0]).line)) continue;
      if (regex !== rule.regex && (m.indices?.groups?.v1 || m.indices?.groups?.v2)) child = span;
      const secret = window.slice(span[0], span[1]);
      const name = nameOf(m, window);
      // The line holding the secret (a generic value may sit on the line after its name).
      const pos = lines.positionAt(start + span[0]);
      const secretLine = lines.lineText(pos.line);
      const at = { line: secretLine, start: pos.character, end: pos.character + secret.length };
      if (!this.accept(rule, secret, m[0], lines.lineText(line), name, code ? window[span[0] - 1] : undefined, code, at)) continue;
      out.push({
        rule,
        secret: detached(secret),
        start: lines.positionAt(start + span[0]),
        end: lines.positionAt(start + span[1]),
        matchLength: m[0].length,
        matchStart: lines.positionAt(start + m.index),
        name: name === undefined ? undefined : detached(name),
        entropy: shannonEntropy(secret),
        checksum: rule.checksum && checksumState(rule.checksum, secret),
      });
    }
    return child;
  }

  /** Allowlists, entropy, filters and validators. True when the match is reported. */
  private accept(
    rule: SecretRule,
    secret: string,
    match: string,
    lineText: string,
    name: string | undefined,
    before: string | undefined,
    code: boolean,
    at: SecretSpan,
  ): boolean {
    return rejectReason(rule, secret, match, lineText, name, before, code, at) === undefined;
  }
}

/** A placeholder in angle brackets naming what goes there (`<signature>`, `<rest-of-token>`, `<…>`), not a tag. */
const PLACEHOLDER_TAIL = /^<(?:[\w .:-]{0,30}(?:signature|token|secret|key|rest|redacted|truncated|omitted|snip|hash|password|value)[\w .:-]{0,30}|\.{3}|…)>/i;

/** The line holding a secret and the secret's span on it. */
export interface SecretSpan {
  line: string;
  start: number;
  end: number;
}

/**
 * Why a regex match is not reported (undefined: it is). Exported for tests and debugging. `at` locates the secret
 * on its line, for the generic rules' sentence check.
 */
export function rejectReason(
  rule: SecretRule,
  secret: string,
  match: string,
  lineText: string,
  name: string | undefined,
  charBefore: string | undefined,
  code: boolean,
  at?: SecretSpan,
): string | undefined {
  if (secret.length === 0) return 'empty';
  const bare = withoutTrailingEscapes(secret) || secret;
  const a = rule.allowlist;
  if (a.secrets.some((r) => r.test(secret))) return 'allowlisted secret';
  if (a.matches.some((r) => r.test(match))) return 'allowlisted match';
  if (a.lines.some((r) => r.test(lineText))) return 'allowlisted line';
  if (name !== undefined && a.names.some((r) => r.test(name))) return 'allowlisted name';
  if (a.stopwords.length > 0) {
    const lower = secret.toLowerCase();
    if (a.stopwords.some((w) => lower.includes(w))) return 'stopword';
    // Encoded (`bGV0bWVpbg==` = "letmein"): the same word.
    const plain = encodedText(secret)?.toLowerCase();
    if (plain !== undefined && a.stopwords.some((w) => plain.includes(w))) return 'stopword (base64)';
  }
  if (rule.literalInCode && code && !quotedValue(charBefore, at)) return 'not a string literal';
  if (rule.configOnly && code) return 'in code';
  if (rule.entropy > 0 && shannonEntropy(secret) < (rule.generic ? genericEntropyFloor(rule.entropy, secret) : rule.entropy)) return 'low entropy';
  // A published example says "EXAMPLE" in its own text (AWS's pair): it is lowered with its reason, not hidden.
  if (rule.filters && publishedExampleSource(secret) === undefined) {
    // A `$` the rule's own keyword begins with is the format's (`$aact_`), not a template's.
    const dollarIsFormat = secret.startsWith('$') && rule.keywords.some((k) => k.startsWith('$') && secret.toLowerCase().startsWith(k));
    const r = placeholderReason(secret, dollarIsFormat) ?? (bare !== secret ? placeholderReason(bare, dollarIsFormat) : undefined) ?? sequenceReason(secret) ?? userAsPasswordReason(secret, match, at?.line ?? lineText);
    if (r) return r;
  }
  // Its rest written as a placeholder (`eyJ….eyJ….<signature>`, `rt_8Qm…<rest-of-token>`): the shape, documented.
  if (at && PLACEHOLDER_TAIL.test(at.line.slice(at.end))) return 'placeholder text (continued by <…>)';
  // A provider's format found in the middle of encoded bytes (a notebook's embedded image) is chance, not a token.
  if (!rule.generic && rule.multiline === 0 && at) {
    const r = encodedBlobReason(at.line, at.start, at.end);
    if (r) return r;
  }
  if (rule.generic) {
    const cut = secret.length - bare.length;
    const valueReason = genericValueReason(bare, name ?? '');
    // A dotenv-style line outside code (`ADMIN_PASSWORD=Vq4NTd.KwPRa8zmYc`) holds a literal: a dotted value there is
    // not a member read; nor is random text with a dot outside code (`become_pass: oW0PrF….PArq` in YAML).
    const r =
      (valueReason === 'code expression' && !code && (ENV_ASSIGNMENT_LINE.test(lineText) || (/^[\w.-]+$/.test(bare) && !dottedWords(bare))) ? undefined : valueReason) ??
      (at &&
        (sentenceContextReason(at.line, at.start, at.end) ??
          ownKeyReason(at.line, at.start, at.end) ??
          unquotedCodeReason(at.line, at.start, at.end - cut) ??
          standInKeyReason(at.line, at.start)));
    if (r) return r;
  }
  if (rule.validate) return validatorReason(rule.validate, secret);
  return undefined;
}

/**
 * The entropy a generic rule's value must reach (a provider rule's threshold may tell its format from hex on purpose,
 * and keeps it). Hex has 16 symbols: 32 random hex digits measure about 3.66 bits a character on
 * average and often under 3.5, so a threshold set for mixed-case values would drop real hex keys (a recall study
 * on fixed leaks lost two that way); a single-case hex value of 20 or more digits, with
 * both digits and letters (a decimal number is not hex), needs 3.0.
 */
function genericEntropyFloor(ruleEntropy: number, secret: string): number {
  return secret.length >= 20 && (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) && /[a-f]/i.test(secret) && /\d/.test(secret)
    ? Math.min(ruleEntropy, 3.0)
    : ruleEntropy;
}

/**
 * Whether a value whose preceding character is `charBefore` reads as a string literal's content on its line: right
 * after a quote, an XML element's text inside one, or a property placeholder's default inside one.
 */
export function quotedValue(charBefore: string | undefined, at: SecretSpan | undefined): boolean {
  if (charBefore === '"' || charBefore === "'" || charBefore === '`') return true;
  if (!at) return false;
  return (charBefore === '>' && xmlElementInString(at.line, at.start, at.end)) || (charBefore !== undefined && placeholderDefaultInString(at.line, at.start, at.end));
}

/**
 * The value at `[start, end)` is the default of a property placeholder inside a string literal: `${name:value}` (or
 * shell's `${name:-value}`) right before it, `}` right after, and the `${` after an odd count of one quote character
 * on the line. Spring's `@Value("${db.password:s3cr3t}")` uses the default whenever the property is unset, so it is
 * as much a hard-coded credential as a plain literal, in every language whose strings carry such placeholders.
 */
function placeholderDefaultInString(line: string, start: number, end: number): boolean {
  const open = /\$\{[\w.[\]-]{1,80}:-?$/.exec(line.slice(Math.max(0, start - 84), start));
  if (!open || line[end] !== '}') return false;
  const before = line.slice(0, start - open[0].length);
  return ['"', "'", '`'].some((q) => before.split(q).length % 2 === 0);
}

/**
 * The value at `[start, end)` is an XML element's whole text (`<apiKey>` just before it, `</` just after) inside a
 * string literal of code (`"<config><apiKey>…</apiKey></config>"`): the tag opens after an odd count of one quote
 * character on the line. Not `"scheme://<user>:<password>@host"`, where `<password>` is a placeholder.
 */
function xmlElementInString(line: string, start: number, end: number): boolean {
  const tag = /<[\w:.-]{1,60}>$/.exec(line.slice(Math.max(0, start - 61), start));
  if (!tag || !line.startsWith('</', end)) return false;
  const before = line.slice(0, start - tag[0].length);
  return ['"', "'", '`'].some((q) => before.split(q).length % 2 === 0);
}

function* execAll(regex: RegExp, subject: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (;;) {
    const m = regex.exec(subject);
    if (!m) return;
    if (m[0].length === 0) regex.lastIndex++;
    yield m;
  }
}

/**
 * A value opened by an escaped quote (`\\"…\\"`, code kept in a JSON string such as a notebook's cell) ends before
 * the escape of its closing quote: the backslash is not part of it.
 */
function escapedQuoteSpan(subject: string, span: [number, number] | undefined): [number, number] | undefined {
  if (!span) return span;
  const [s, e] = span;
  const q = subject[s - 1];
  if ((q === '"' || q === "'") && subject[s - 2] === '\\' && subject[e - 1] === '\\' && subject[e] === q && e - 1 > s) return [s, e - 1];
  return span;
}

/**
 * Whether every line after the parent's line `parent` down to `child` is blank or indented deeper than the parent:
 * the child belongs to the parent's block, not to a sibling at the parent's level.
 */
function insideBlock(lines: LineIndex, parent: number, child: number): boolean {
  const indent = (t: string): number => t.length - t.trimStart().length;
  const base = indent(lines.lineText(parent));
  for (let l = parent + 1; l <= child; l++) {
    const t = lines.lineText(l);
    if (t.trim() !== '' && indent(t) <= base) return false;
  }
  return true;
}

/** The secret's span in a parent form's match: whichever of its three forms matched. */
function parentSpan(m: RegExpExecArray): [number, number] | undefined {
  return groupSpan(m, 'v1') ?? groupSpan(m, 'v2') ?? groupSpan(m, 'v3');
}

function groupSpan(m: RegExpExecArray, group: number | string): [number, number] | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  const span = typeof group === 'number' ? indices[group] : indices.groups?.[group];
  return span && span[1] > span[0] ? [span[0], span[1]] : undefined;
}

/**
 * The assigned name: group `name`, extended back over identifier characters (`DB_PASSWORD`, `db.password`, an
 * annotation's `checksum/secret`).
 */
function nameOf(m: RegExpExecArray, subject: string): string | undefined {
  const span = m.indices?.groups?.name;
  if (!span) return undefined;
  let s = span[0];
  while (s > 0 && span[0] - s < 60 && /[A-Za-z0-9_./-]/.test(subject[s - 1]!)) s--;
  return subject.slice(s, span[1]);
}

/**
 * Keeps the most specific match where matches overlap: provider rules before generic ones, fallback rules last,
 * then the longer match, then the earlier rule. Input order does not matter; output is sorted by position.
 */
export function dedupeMatches(matches: readonly SecretMatch[], ruleOrder: ReadonlyMap<SecretRule, number>): SecretMatch[] {
  const ranked = [...matches].sort(
    (a, b) =>
      Number(a.rule.fallback) - Number(b.rule.fallback) ||
      Number(a.rule.generic) - Number(b.rule.generic) ||
      b.matchLength - a.matchLength ||
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0) ||
      cmp(a.start, b.start),
  );
  const kept: SecretMatch[] = [];
  for (const m of ranked) {
    if (kept.some((k) => cmp(m.start, k.end) < 0 && cmp(k.start, m.end) < 0)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => cmp(a.start, b.start) || (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0));
}

function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
