/**
 * The secret rule format and its compiler. Rules arrive raw (parsed YAML from `rules/secrets/*.yml` or the
 * `secrets.rules` list of `.vigil.yml`), are checked field by field, and come out as `SecretRule`s with compiled
 * regexes. Every problem names the rule and the field, and a bad rule is dropped alone: the others still load.
 */
import type { RuleLoadError } from '../analyzers';
import { docsUrlFor } from '../docs-links';
import { parseSeverity, type Severity } from '../types';
import { checkRegexSafety } from './regex-safety';
import { compileLinearRegex } from '../regex-guard';
import { globProblem } from '../glob';
import { parseRuleDocs, RULE_DOC_KEYS, type RuleDocs } from '../rule-docs';

/** A rule as written in YAML, before validation. Every field is documented in `docs/rules/secrets.md`. */
export interface RawSecretRule {
  /** Unique id, e.g. `secrets.github.classic-pat`. */
  id: string;
  /** Short name shown in messages, e.g. "GitHub personal access token (classic)". */
  name: string;
  /** Provider or product, for the docs table, e.g. "GitHub". */
  provider?: string;
  /** What the credential is and what it grants. */
  description: string;
  severity: Severity;
  /** CWE ids; defaults to CWE-798. */
  cwe?: string[];
  /** Link to the docs; defaults to the rule's section in `docs/rules/secrets.md`. */
  docs?: string;
  /** The provider's documented page for revoking or rotating this credential. */
  rotate?: string;
  /** JavaScript regex source. Group `secretGroup` (default: 1 if the regex has groups, else 0) is the secret. */
  regex: string;
  ignoreCase?: boolean;
  /** Capture group number or name holding the secret. */
  secretGroup?: number | string;
  /**
   * Lower-case literals, one of which must appear on the match's first line; they feed the prefilter. May be empty
   * only with `files`: then every line of such a file is tried.
   */
  keywords: string[];
  /**
   * Glob patterns (as `allowlist.paths`) of the only file paths the rule runs on: for a file whose name is the
   * evidence and whose content has no keyword, such as Rails's `config/master.key`.
   */
  files?: string[];
  /** Minimum Shannon entropy (bits per character, 0..8) of the secret. */
  entropy?: number;
  /** Multi-line rule: the regex runs on a window of this many lines starting at a keyword line. */
  multiline?: number;
  allowlist?: RawAllowlist;
  /** Environment variable name proposed by the quick fix. */
  envName?: string;
  /** Extra structural check on the secret. */
  validate?: SecretValidator;
  /** Built-in checksum of the format: a valid one raises the finding's confidence, an invalid one lowers it. */
  checksum?: SecretChecksum;
  /** Generic (format-less) rule: yields to provider rules that match the same text. */
  generic?: boolean;
  /** In code files (JS/TS/Python/Java/Go) the value must be a string literal, not an expression. */
  literalInCode?: boolean;
  /**
   * Reported only outside code (configuration, dotenv, properties, YAML, TOML, INI): for evidence that is strong in a
   * settings file's `password:` key and weak in code, where the same line may be a test's or a form's.
   */
  configOnly?: boolean;
  /** Built-in placeholder / sequence / template filters; default true. */
  filters?: boolean;
  /** The provider named by a parent instead of the key: a YAML/JSON parent key, an INI section or a TOML table. */
  parent?: RawParent;
  /**
   * Built-in call-shape rules only: the call may also name a variable holding the literal (`key = b'…'` …
   * `Fernet(key)`); see key-flow.ts. `true` derives the call shape from `regex`, which must then end with
   * `KEY_LITERAL_TAIL`; a string is the call shape itself, up to where the name goes (for a rule whose literal
   * forms are not all calls, such as a settings key).
   */
  keyThroughName?: boolean | string;
  /**
   * A weaker form of evidence: reported only where no other rule's match overlaps it, and not in test or example
   * files or test code (a short password there is a fixture's).
   */
  fallback?: boolean;
}

/**
 * A parent form (issue 16), for providers whose secret has no format of its own: under a parent named `names`, a
 * child key matching one of `keys` holds a value matching `value`. The compiler builds the multi-line regex.
 */
export interface RawParent {
  /** Parent key / section / table names, e.g. `twilio` (regex fragments, matched case-insensitively). */
  names: string[];
  /** Child key names accepted under the parent, e.g. `auth_?token` (regex fragments, matched whole). */
  keys: string[];
  /** The secret's format (regex fragment without capture groups). */
  value: string;
}

/** Matches that are known not to be secrets. */
export interface RawAllowlist {
  /** Regexes tested on the secret. */
  secrets?: string[];
  /** Regexes tested on the whole match. */
  matches?: string[];
  /** Regexes tested on the whole line of the match. */
  lines?: string[];
  /** Regexes tested on the name the secret is assigned to (generic rules). */
  names?: string[];
  /** Case-insensitive substrings of the secret. */
  stopwords?: string[];
  /** Glob patterns of file paths where the rule does not run. */
  paths?: string[];
}

/**
 * Structural checks a rule can name: `chosen-password` (8 to 16 characters a person chose), `password` (that, or a
 * longer random one: for formats whose position says the value is a password), `short-password`, `jwt`,
 * `basic-auth-base64`.
 */
export type SecretValidator = 'jwt' | 'basic-auth-base64' | 'chosen-password' | 'password' | 'short-password';

const VALIDATORS: readonly SecretValidator[] = ['jwt', 'basic-auth-base64', 'chosen-password', 'password', 'short-password'];

/** Checksum formats `checksum` can name (see `checksumState` in validators.ts). */
export type SecretChecksum = 'crc32-base62' | 'cfxk-crc32-base62' | 'chieftools-crc32-base62' | 'azure-marvin32' | 'azure-cask-marvin32';

const CHECKSUMS: readonly SecretChecksum[] = ['crc32-base62', 'cfxk-crc32-base62', 'chieftools-crc32-base62', 'azure-marvin32', 'azure-cask-marvin32'];

/** A checked, compiled rule. */
export interface SecretRule {
  id: string;
  name: string;
  provider: string;
  description: string;
  severity: Severity;
  cwe: string[];
  docsUrl: string;
  /** The provider's revoke/rotate page, when the rule names one. */
  rotateUrl?: string;
  /** Compiled with flags `gd` (+`i`); reset `lastIndex` before use. */
  regex: RegExp;
  secretGroup: number | string;
  keywords: string[];
  /** See `RawSecretRule.files`; empty: every file. */
  files: string[];
  entropy: number;
  multiline: number;
  allowlist: {
    secrets: RegExp[];
    matches: RegExp[];
    lines: RegExp[];
    names: RegExp[];
    stopwords: string[];
    paths: string[];
  };
  envName?: string;
  validate?: SecretValidator;
  checksum?: SecretChecksum;
  generic: boolean;
  /** See `RawSecretRule.fallback`. */
  fallback: boolean;
  literalInCode: boolean;
  /** See `RawSecretRule.configOnly`. */
  configOnly: boolean;
  filters: boolean;
  /** The parent form's compiled regex (groups v1/v2/v3 hold the secret); it runs on a window of `PARENT_WINDOW` lines. */
  parentRegex?: RegExp;
  /** The parent names the rule accepts (for the docs). */
  parentNames?: string[];
  /** Lines a match may span (the larger of `multiline` and the parent form's window); 0 for one-line rules. */
  reach: number;
  /** The call shape with a name (group `ref`) where the regex has the literal (`keyThroughName`). */
  refRegex?: RegExp;
  /** True for rules from the workspace config: their lines are length-capped. */
  custom: boolean;
  /** Where the rule came from (file path or `builtin`). */
  source: string;
  /** Why it matters, examples, OWASP category, references (`explanation`, `example`, `owasp`, `references`). */
  ruleDocs?: RuleDocs;
}

/** A rule that failed validation: a rule-load error with the rule's `index` in its list. */
export type SecretRuleError = RuleLoadError & { index: number };

/** Longest window a multi-line rule may ask for, so incremental rescans stay small. */
export const MAX_MULTILINE = 200;
/** Lines a parent form reads: the parent's line and the children below it. */
export const PARENT_WINDOW = 8;
/** Characters between a parent's line and its child the parent form reads past. */
const PARENT_CHARS = 600;
/** Custom-rule regexes only see this many characters of a line. */
export const CUSTOM_RULE_MAX_LINE = 10_000;

const KNOWN_KEYS = new Set([
  'id', 'name', 'provider', 'description', 'severity', 'cwe', 'docs', 'rotate', 'regex', 'ignoreCase', 'secretGroup', 'keywords', 'files',
  'entropy', 'multiline', 'allowlist', 'envName', 'validate', 'checksum', 'generic', 'literalInCode', 'configOnly', 'filters', 'parent', 'keyThroughName', 'fallback', ...RULE_DOC_KEYS,
]);

/** How a `keyThroughName` rule's regex ends: the quoted literal in the key position. */
export const KEY_LITERAL_TAIL = '[bB]?["\'`](?<value>[^\\s"\'`\\\\]{10,300})["\'`]';
/**
 * What replaces that tail in the derived regex: a plain name, perhaps turned into bytes (`KEY.getBytes(UTF_8)`),
 * then the argument's, option's or statement's end.
 */
const KEY_NAME_TAIL = '(?<ref>[A-Za-z_$][\\w$]{0,63})(?:\\.(?:getBytes|encode|toByteArray)\\([^()\\r\\n]{0,40}\\))?(?=[ \\t]{0,3}(?:[),};]|\\r?\\n|$))';
const ALLOWLIST_KEYS = new Set(['secrets', 'matches', 'lines', 'names', 'stopwords', 'paths']);
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,99}$/;
const ENV_RE = /^[A-Z_][A-Z0-9_]{0,99}$/;

class RuleError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(raw: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null) {
    if (required) throw new RuleError(`\`${key}\` is required`);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') throw new RuleError(`\`${key}\` must be a non-empty string`);
  return v;
}

function strList(v: unknown, key: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
    throw new RuleError(`\`${key}\` must be a list of non-empty strings`);
  }
  return v as string[];
}

function bool(raw: Record<string, unknown>, key: string, dflt: boolean): boolean {
  const v = raw[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new RuleError(`\`${key}\` must be true or false`);
  return v;
}

function compileRegex(src: string, field: string, flags: string, custom: boolean): RegExp {
  const problem = checkRegexSafety(src, { strict: custom });
  if (problem) throw new RuleError(`\`${field}\` ${problem}`);
  try {
    // Custom rules run on a linear-time engine: static checks cannot catch every catastrophic pattern.
    return custom ? compileLinearRegex(src, flags) : new RegExp(src, flags);
  } catch (e) {
    throw new RuleError(`\`${field}\` ${custom ? '' : 'is not a valid JavaScript regex: '}${e instanceof Error ? e.message : String(e)}`);
  }
}

const PARENT_KEYS = new Set(['names', 'keys', 'value']);

/**
 * The parent form's regex, anchored at the parent's line (the window's start): an indented block under a parent key
 * (`twilio:`, `"twilio": {`, `twilio = {`, after up to three words `export const twilio = {` or HCL's `provider
 * "mongodbatlas" {`, a list `admin_key:` / `"admin_key": [` whose child may lead its item,
 * `- key: …`) whose lines are indented (the scanner checks: deeper than the parent); an INI section or TOML table,
 * or array of tables (`[twilio]`, `[services.twilio]`, `[[api_keys]]`) up to the next one; or an inline mapping,
 * alone or first in a list (`"twilio": {"authToken": "…"}`, `"admin_key": [{"key": "…"}]`).
 */
function compileParent(raw: unknown, custom: boolean): RegExp {
  if (custom) throw new RuleError('`parent` is for built-in rules only: its regex needs lookarounds, which the linear-time engine of custom rules cannot run');
  if (!isRecord(raw)) throw new RuleError('`parent` must be a mapping with `names`, `keys` and `value`');
  const bad = Object.keys(raw).filter((k) => !PARENT_KEYS.has(k));
  if (bad.length > 0) throw new RuleError(`unknown \`parent\` field ${bad.map((k) => `\`${k}\``).join(', ')} (allowed: names, keys, value)`);
  const names = strList(raw.names, 'parent.names');
  const keys = strList(raw.keys, 'parent.keys');
  const value = typeof raw.value === 'string' && raw.value !== '' ? raw.value : undefined;
  if (names.length === 0 || keys.length === 0 || !value) throw new RuleError('`parent` needs `names`, `keys` and `value`');
  if (names.some((n) => !/^[A-Za-z0-9_-]{2,}$/.test(n))) throw new RuleError('`parent.names` are plain names (letters, digits, `_`, `-`): they are also keywords');
  for (const [field, list] of [['parent.keys', keys], ['parent.value', [value]]] as const) {
    for (const f of list) if (new RegExp(`${f}|`).exec('')!.length > 1) throw new RuleError(`\`${field}\` must not have capture groups (use \`(?:…)\`)`);
  }
  const name = `["']?(?:${names.join('|')})["']?`;
  const key = `["']?(?:${keys.join('|')})["']?`;
  const val = `["']?(${value})(?![\\w])`;
  const sep = '[ \\t]{0,3}(?:=>|:=|=|:)[ \\t]{0,3}';
  // No backreference to the parent's indent (the safety check forbids it): the scanner checks the block's lines.
  const block = `[ \\t]{0,40}(?:[A-Za-z_$][\\w$]{0,30}[ \\t]{1,3}){0,3}${name}[ \\t]{0,3}(?:=>?|:)?[ \\t]{0,3}[{[]?[ \\t]{0,3}\\r?\\n(?=[ \\t])(?:(?!\\n[^ \\t\\r\\n])[\\s\\S]){0,${PARENT_CHARS}}?(?<=\\n[ \\t]{1,40}(?:-[ \\t]{1,3})?)${key}${sep}${val.replace('(', '(?<v1>')}`;
  const section = `[ \\t]{0,40}\\[\\[?[ \\t]{0,3}(?:[\\w.-]{1,60}\\.)?(?:${names.join('|')})[ \\t]{0,3}\\]\\]?[ \\t]{0,3}\\r?\\n(?:(?!\\n[ \\t]{0,40}\\[)[\\s\\S]){0,${PARENT_CHARS}}?(?<=^|\\n)[ \\t]{0,40}${key}${sep}${val.replace('(', '(?<v2>')}`;
  const inline = `[ \\t]{0,40}${name}${sep}(?:\\[[ \\t]{0,3})?\\{(?:[^{}\\n]{0,200}?,)?[ \\t]{0,3}${key}${sep}${val.replace('(', '(?<v3>')}`;
  return compileRegex(`^(?:${block}|${section}|${inline})`, 'parent', 'gdi', custom);
}

/** Checks and compiles one raw rule. Throws RuleError with an actionable message. */
function compileOne(raw: unknown, source: string, custom: boolean): SecretRule {
  if (!isRecord(raw)) throw new RuleError('a rule must be a mapping with `id`, `regex`, `keywords`, ...');
  const unknown = Object.keys(raw).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) {
    throw new RuleError(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')} (allowed: ${[...KNOWN_KEYS].join(', ')})`);
  }
  const id = str(raw, 'id', true)!;
  if (!ID_RE.test(id)) throw new RuleError('`id` must be letters, digits, `.`, `_` or `-` (2 to 100 characters)');
  const severity = parseSeverity(raw.severity);
  if (!severity) throw new RuleError('`severity` must be one of critical, high, medium, low, info');
  const cwe = raw.cwe === undefined ? ['CWE-798'] : strList(raw.cwe, 'cwe');
  if (cwe.some((c) => !/^CWE-\d+$/.test(c))) throw new RuleError('`cwe` entries look like `CWE-798`');

  let src = str(raw, 'regex', true)!;
  let ignoreCase = bool(raw, 'ignoreCase', false);
  if (src.startsWith('(?i)')) {
    // Accepted for familiarity with other tools' rule files; JavaScript spells it as a flag.
    src = src.slice(4);
    ignoreCase = true;
  }
  const regex = compileRegex(src, 'regex', `gd${ignoreCase ? 'i' : ''}`, custom);
  const groupCount = new RegExp(`${src}|`).exec('')!.length - 1;
  let secretGroup: number | string = groupCount > 0 ? 1 : 0;
  if (raw.secretGroup !== undefined) {
    const g = raw.secretGroup;
    if (typeof g === 'number') {
      if (!Number.isInteger(g) || g < 0 || g > groupCount) {
        throw new RuleError(`\`secretGroup\` must be a group number between 0 and ${groupCount} (the regex has ${groupCount} groups)`);
      }
      secretGroup = g;
    } else if (typeof g === 'string') {
      if (!src.includes(`(?<${g}>`)) throw new RuleError(`\`secretGroup\` names a group \`${g}\` the regex does not have`);
      secretGroup = g;
    } else {
      throw new RuleError('`secretGroup` must be a group number or name');
    }
  }

  const keywords = strList(raw.keywords, 'keywords').map((k) => k.toLowerCase());
  const files = strList(raw.files, 'files');
  files.forEach((p, i) => {
    const problem = globProblem(p, { matchBase: true });
    if (problem) throw new RuleError(`\`files[${i}]\` ${problem}`);
  });
  if (raw.files !== undefined && files.length === 0) throw new RuleError('`files` needs at least one glob (leave it out to run on every file)');
  if (keywords.length === 0 && files.length === 0) {
    throw new RuleError('`keywords` needs at least one literal (the prefilter only runs rules whose keyword appears), unless `files` names the only files the rule runs on');
  }
  if (keywords.some((k) => !/^[\x20-\x7e]{2,}$/.test(k))) throw new RuleError('`keywords` must be printable ASCII, at least 2 characters, on one line');

  let entropy = 0;
  if (raw.entropy !== undefined) {
    if (typeof raw.entropy !== 'number' || !(raw.entropy >= 0 && raw.entropy <= 8)) {
      throw new RuleError('`entropy` must be a number between 0 and 8 (bits per character)');
    }
    entropy = raw.entropy;
  }
  let multiline = 0;
  if (raw.multiline !== undefined) {
    if (typeof raw.multiline !== 'number' || !Number.isInteger(raw.multiline) || raw.multiline < 1 || raw.multiline > MAX_MULTILINE) {
      throw new RuleError(`\`multiline\` must be a whole number of lines between 1 and ${MAX_MULTILINE}`);
    }
    multiline = raw.multiline;
  }

  const allow = raw.allowlist ?? {};
  if (!isRecord(allow)) throw new RuleError('`allowlist` must be a mapping (secrets, matches, lines, names, stopwords, paths)');
  const badAllow = Object.keys(allow).filter((k) => !ALLOWLIST_KEYS.has(k));
  if (badAllow.length > 0) throw new RuleError(`unknown \`allowlist\` field ${badAllow.map((k) => `\`${k}\``).join(', ')} (allowed: ${[...ALLOWLIST_KEYS].join(', ')})`);
  const rx = (key: string): RegExp[] =>
    strList(allow[key], `allowlist.${key}`).map((s, i) => compileRegex(s, `allowlist.${key}[${i}]`, 'i', custom));
  const paths = strList(allow.paths, 'allowlist.paths');
  paths.forEach((p, i) => {
    const problem = globProblem(p, { matchBase: true });
    if (problem) throw new RuleError(`\`allowlist.paths[${i}]\` ${problem}`);
  });

  const envName = str(raw, 'envName', false);
  if (envName !== undefined && !ENV_RE.test(envName)) throw new RuleError('`envName` must be an UPPER_SNAKE_CASE environment variable name');
  let validate: SecretValidator | undefined;
  if (raw.validate !== undefined) {
    if (!VALIDATORS.includes(raw.validate as SecretValidator)) throw new RuleError(`\`validate\` must be one of ${VALIDATORS.join(', ')}`);
    validate = raw.validate as SecretValidator;
  }
  let checksum: SecretChecksum | undefined;
  if (raw.checksum !== undefined) {
    if (!CHECKSUMS.includes(raw.checksum as SecretChecksum)) throw new RuleError(`\`checksum\` must be one of ${CHECKSUMS.join(', ')}`);
    checksum = raw.checksum as SecretChecksum;
  }
  const parentRegex = raw.parent === undefined ? undefined : compileParent(raw.parent, custom);
  let refRegex: RegExp | undefined;
  const through = raw.keyThroughName;
  if (through !== undefined && through !== false) {
    if (custom) throw new RuleError('`keyThroughName` is for built-in rules only');
    if (typeof through === 'string') {
      if (through.trim() === '') throw new RuleError('`keyThroughName` must be true, false or a non-empty call shape');
      refRegex = compileRegex(`(?:${through})${KEY_NAME_TAIL}`, 'keyThroughName', regex.flags, custom);
    } else if (through === true) {
      if (!src.endsWith(KEY_LITERAL_TAIL)) throw new RuleError(`\`keyThroughName\` needs a regex ending with ${KEY_LITERAL_TAIL}`);
      refRegex = compileRegex(src.slice(0, -KEY_LITERAL_TAIL.length) + KEY_NAME_TAIL, 'regex', regex.flags, custom);
    } else {
      throw new RuleError('`keyThroughName` must be true, false or a call shape (a regex string)');
    }
  }
  if (parentRegex) for (const n of (raw.parent as RawParent).names) if (!keywords.includes(n.toLowerCase())) keywords.push(n.toLowerCase());
  const docs = str(raw, 'docs', false);
  if (docs !== undefined && !/^https?:\/\//.test(docs)) throw new RuleError('`docs` must be an http(s) URL');
  const rotate = str(raw, 'rotate', false);
  if (rotate !== undefined && !/^https:\/\/[^\s]+$/.test(rotate)) throw new RuleError('`rotate` must be an https URL');
  const ruleDocs = parseRuleDocs(raw);
  if (ruleDocs.problems.length > 0) throw new RuleError(ruleDocs.problems.join('; '));

  return {
    id,
    name: str(raw, 'name', true)!,
    provider: str(raw, 'provider', false) ?? 'Generic',
    description: str(raw, 'description', true)!,
    severity,
    cwe,
    docsUrl: docs ?? docsUrlFor('secrets', id),
    rotateUrl: rotate,
    regex,
    secretGroup,
    keywords,
    files,
    entropy,
    multiline,
    allowlist: { secrets: rx('secrets'), matches: rx('matches'), lines: rx('lines'), names: rx('names'), stopwords: strList(allow.stopwords, 'allowlist.stopwords').map((s) => s.toLowerCase()), paths },
    envName,
    validate,
    checksum,
    generic: bool(raw, 'generic', false),
    fallback: bool(raw, 'fallback', false),
    literalInCode: bool(raw, 'literalInCode', false),
    configOnly: bool(raw, 'configOnly', false),
    filters: bool(raw, 'filters', true),
    parentRegex,
    parentNames: parentRegex ? (raw.parent as RawParent).names : undefined,
    reach: Math.max(multiline, parentRegex ? PARENT_WINDOW : 0),
    ...(refRegex ? { refRegex } : {}),
    custom,
    source,
    ...(Object.keys(ruleDocs.docs).length > 0 ? { ruleDocs: ruleDocs.docs } : {}),
  };
}

/**
 * Compiles a list of raw rules. Bad rules are returned as errors and left out; duplicate ids keep the first.
 * `takenIds` holds ids already loaded (e.g. the built-ins when compiling custom rules).
 */
export function compileSecretRules(
  raws: readonly unknown[],
  source: string,
  options: { custom: boolean; takenIds?: ReadonlySet<string> },
): { rules: SecretRule[]; errors: SecretRuleError[] } {
  const rules: SecretRule[] = [];
  const errors: SecretRuleError[] = [];
  const seen = new Set(options.takenIds ?? []);
  raws.forEach((raw, index) => {
    const ruleId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    try {
      const rule = compileOne(raw, source, options.custom);
      if (seen.has(rule.id)) throw new RuleError('duplicate `id`: another rule already uses it');
      seen.add(rule.id);
      rules.push(rule);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      errors.push({ source, ruleId, index, message: `secret rule ${ruleId ? `\`${ruleId}\`` : `#${index + 1}`}: ${e.message}` });
    }
  });
  return { rules, errors };
}
