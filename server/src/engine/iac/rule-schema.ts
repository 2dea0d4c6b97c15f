/**
 * The config rule format (`rules/config/*.yml`) and its compiler. A rule is metadata plus either a structural
 * `match` (YAML kinds: an object path and conditions on keys below it; Dockerfiles: an instruction and a regex
 * on its arguments) or the name of a `check` written in TypeScript (`checks.ts`) where the structural form would
 * be contorted. Rules arrive raw, are checked field by field, and a bad rule is dropped alone with an error that
 * names it and the field.
 */
import type { RuleLoadError } from '../analyzers';
import { docsUrlFor } from '../docs-links';
import { compileLinearRegex } from '../regex-guard';
import { parseRuleDocs, RULE_DOC_KEYS, type RuleDocs } from '../rule-docs';
import { parseSeverity, type Severity } from '../types';
import { CONFIG_KINDS, type ConfigKind } from './file-kinds';

/** A value test on one YAML node; every test given must hold. */
export interface ValueTest {
  /** The scalar equals this value (compared as text, so `0` matches `0` and `"0"`). */
  equals?: string;
  /** The scalar equals one of these values. */
  in?: string[];
  /** The scalar's text matches this regex. */
  matches?: RegExp;
  /** The scalar's text does not match this regex (a non-scalar never matches). */
  notMatches?: RegExp;
  /** The node's key (the mapping key it sits under) matches this regex. */
  keyMatches?: RegExp;
  /** The scalar is not placeholder text or a template (`changeme`, `<your-key>`, `${VAR}`): the secrets pack's filter. */
  notPlaceholder?: boolean;
}

/** Where a path starts: the matched object, the document root, or an enclosing anchor object. */
export type PathBase = 'object' | 'root' | 'pod' | 'job';

export interface KeyPath {
  base: PathBase;
  /** Keys; `*` is any key of a mapping or any item of a sequence. */
  segments: string[];
  /** As written, for messages. */
  text: string;
}

export type Condition =
  | { kind: 'test'; key: KeyPath; test: ValueTest; report: boolean }
  | { kind: 'missing'; key: KeyPath; report: boolean }
  | { kind: 'not'; cond: Condition }
  | { kind: 'any'; conds: Condition[]; report: boolean };

/** A structural match on YAML documents. */
export interface YamlMatch {
  syntax: 'yaml';
  /** Object paths; each may start with an anchor (`$pod`, `$container`, `$service`, `$job`, `$step`, `$root`). */
  paths: KeyPath[];
  /** Every condition must hold on the object. */
  when: Condition[];
  /** Where the finding points, relative to the object, when no condition says `report: true`. */
  report?: KeyPath;
}

/** A match on Dockerfile instructions. */
export interface DockerMatch {
  syntax: 'dockerfile';
  instructions: string[];
  /** Tested on the raw argument text (continuation lines included); the finding covers the match. */
  matches?: RegExp;
  notMatches?: RegExp;
}

export type ConfigFix =
  /** Replace the reported scalar value with this text. */
  | { kind: 'replace'; title: string; text: string }
  /** Set a key below the object to a value, creating the missing mappings; optionally before a sibling key. */
  | {
      kind: 'set';
      title: string;
      key: KeyPath;
      value: string;
      before?: string;
      /**
       * Body written when the key's first mapping is missing from the object (e.g. a whole `securityContext`).
       * Rules that share a body give identical edits, which "fix all" applies once instead of adding the key twice.
       */
      createParent?: string;
    };

/** A checked config rule. */
export interface ConfigRule {
  id: string;
  name: string;
  description: string;
  /** The finding's message. */
  message: string;
  severity: Severity;
  cwe: string[];
  docsUrl: string;
  kinds: ConfigKind[];
  match?: YamlMatch | DockerMatch;
  /** Name of a TypeScript check in `checks.ts`. */
  check?: string;
  fix?: ConfigFix;
  /**
   * `internet` for rules whose finding is itself an internet exposure (an open security group, a public bucket):
   * the finding carries `properties.exposure` and is not ranked up again by the file's exposure context.
   */
  exposure?: 'internet';
  /** Why it matters, examples, OWASP category, references (`explanation`, `example`, `owasp`, `references`). */
  ruleDocs?: RuleDocs;
  /** Source file of the rule. */
  source: string;
}

/** A rule that failed validation: a rule-load error with the rule's `index` in its list. */
export type ConfigRuleError = RuleLoadError & { index: number };

const KNOWN_KEYS = new Set(['id', 'name', 'description', 'message', 'severity', 'cwe', 'docs', 'kind', 'match', 'check', 'fix', 'exposure', ...RULE_DOC_KEYS]);
const YAML_MATCH_KEYS = new Set(['path', 'when', 'report']);
const DOCKER_MATCH_KEYS = new Set(['instruction', 'matches', 'notMatches']);
const COND_KEYS = new Set(['key', 'equals', 'in', 'matches', 'notMatches', 'keyMatches', 'notPlaceholder', 'missing', 'report', 'not', 'any']);
const ID_RE = /^config\.[a-z0-9][a-z0-9_.-]{1,99}$/;
const ANCHORS = new Set(['root', 'pod', 'container', 'service', 'job', 'step']);
const CONDITION_BASES = new Set<PathBase>(['root', 'pod', 'job']);

class RuleError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(raw: Record<string, unknown>, key: string, required: boolean, where = ''): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null) {
    if (required) throw new RuleError(`\`${where}${key}\` is required`);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') throw new RuleError(`\`${where}${key}\` must be a non-empty string`);
  return v;
}

function checkKeys(raw: Record<string, unknown>, allowed: Set<string>, where: string): void {
  const unknown = Object.keys(raw).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    throw new RuleError(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${where}${k}\``).join(', ')} (allowed: ${[...allowed].join(', ')})`);
  }
}

/** Scalars in rules are compared as text, as the documents' scalars are. */
function scalarString(v: unknown, field: string): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new RuleError(`\`${field}\` must be a string, number or boolean`);
}

function compileRegex(src: unknown, field: string, custom: boolean): RegExp {
  if (typeof src !== 'string' || src === '') throw new RuleError(`\`${field}\` must be a non-empty regex string`);
  // `(?i)` is accepted for familiarity with other tools' rule files; JavaScript spells it as a flag.
  const flags = src.startsWith('(?i)') ? 'di' : 'd';
  const pattern = flags === 'di' ? src.slice(4) : src;
  try {
    // Rules from a workspace run on the linear-time engine; built-in rules are reviewed and may use RegExp.
    return custom ? compileLinearRegex(pattern, flags) : new RegExp(pattern, flags);
  } catch (e) {
    throw new RuleError(`\`${field}\` is not a valid regex: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Parses `a.b.*.c`, `$pod.securityContext`; `allowAnchors` says which leading anchors are accepted. */
export function parseKeyPath(text: unknown, field: string, allowAnchors: 'object' | 'condition'): KeyPath {
  if (typeof text !== 'string' || text.trim() === '') throw new RuleError(`\`${field}\` must be a key path such as \`spec.containers.*.image\``);
  const segments = text.split('.');
  if (segments.some((s) => s === '')) throw new RuleError(`\`${field}\` has an empty key in \`${text}\``);
  let base: PathBase = 'object';
  const first = segments[0]!;
  if (first.startsWith('$')) {
    const name = first.slice(1);
    if (allowAnchors === 'object') {
      if (!ANCHORS.has(name)) throw new RuleError(`\`${field}\` starts with unknown anchor \`${first}\` (anchors: ${[...ANCHORS].map((a) => `$${a}`).join(', ')})`);
      // Object paths keep the anchor as their first segment; the matcher expands it.
      return { base: 'object', segments, text };
    }
    if (!CONDITION_BASES.has(name as PathBase)) {
      throw new RuleError(`\`${field}\` may start with $root, $pod or $job only (the enclosing objects), not \`${first}\``);
    }
    base = name as PathBase;
    segments.shift();
  }
  return { base, segments, text };
}

function compileCondition(raw: unknown, field: string, custom: boolean): Condition {
  if (!isRecord(raw)) throw new RuleError(`\`${field}\` must be a mapping such as \`{ key: privileged, equals: true }\``);
  checkKeys(raw, COND_KEYS, `${field}.`);
  const report = raw.report === undefined ? false : raw.report === true ? true : (() => {
    throw new RuleError(`\`${field}.report\` must be true when given`);
  })();
  if (raw.not !== undefined) {
    if (Object.keys(raw).length !== 1) throw new RuleError(`\`${field}.not\` stands alone in its condition`);
    return { kind: 'not', cond: compileCondition(raw.not, `${field}.not`, custom) };
  }
  if (raw.any !== undefined) {
    if (!Array.isArray(raw.any) || raw.any.length === 0) throw new RuleError(`\`${field}.any\` must be a non-empty list of conditions`);
    return { kind: 'any', conds: raw.any.map((c, i) => compileCondition(c, `${field}.any[${i}]`, custom)), report };
  }
  const key = parseKeyPath(raw.key, `${field}.key`, 'condition');
  if (raw.missing !== undefined) {
    if (raw.missing !== true) throw new RuleError(`\`${field}.missing\` must be true when given`);
    const tests = ['equals', 'in', 'matches', 'notMatches', 'keyMatches', 'notPlaceholder'].filter((k) => raw[k] !== undefined);
    if (tests.length > 0) throw new RuleError(`\`${field}\`: \`missing\` cannot be combined with ${tests.join(', ')}`);
    if (key.segments.length === 0) throw new RuleError(`\`${field}.key\` must name a key to be missing`);
    return { kind: 'missing', key, report };
  }
  const test: ValueTest = {};
  if (raw.equals !== undefined) test.equals = scalarString(raw.equals, `${field}.equals`);
  if (raw.in !== undefined) {
    if (!Array.isArray(raw.in) || raw.in.length === 0) throw new RuleError(`\`${field}.in\` must be a non-empty list`);
    test.in = raw.in.map((v, i) => scalarString(v, `${field}.in[${i}]`));
  }
  if (raw.matches !== undefined) test.matches = compileRegex(raw.matches, `${field}.matches`, custom);
  if (raw.notMatches !== undefined) test.notMatches = compileRegex(raw.notMatches, `${field}.notMatches`, custom);
  if (raw.keyMatches !== undefined) test.keyMatches = compileRegex(raw.keyMatches, `${field}.keyMatches`, custom);
  if (raw.notPlaceholder !== undefined) {
    if (raw.notPlaceholder !== true) throw new RuleError(`\`${field}.notPlaceholder\` must be true when given`);
    test.notPlaceholder = true;
  }
  return { kind: 'test', key, test, report };
}

function compileMatch(raw: unknown, kinds: ConfigKind[], custom: boolean): YamlMatch | DockerMatch {
  if (!isRecord(raw)) throw new RuleError('`match` must be a mapping');
  const docker = kinds.includes('dockerfile');
  if (docker && kinds.length > 1) throw new RuleError('a `match` rule applies to Dockerfiles or to YAML kinds, not both');
  if (docker) {
    checkKeys(raw, DOCKER_MATCH_KEYS, 'match.');
    const ins = raw.instruction;
    const list = typeof ins === 'string' ? [ins] : Array.isArray(ins) ? ins : undefined;
    if (!list || list.length === 0 || list.some((x) => typeof x !== 'string' || !/^[A-Za-z]+$/.test(x))) {
      throw new RuleError('`match.instruction` must be an instruction keyword such as RUN, or a list of them');
    }
    const m: DockerMatch = { syntax: 'dockerfile', instructions: (list as string[]).map((x) => x.toUpperCase()) };
    if (raw.matches !== undefined) m.matches = compileRegex(raw.matches, 'match.matches', custom);
    if (raw.notMatches !== undefined) m.notMatches = compileRegex(raw.notMatches, 'match.notMatches', custom);
    return m;
  }
  checkKeys(raw, YAML_MATCH_KEYS, 'match.');
  const rawPaths = typeof raw.path === 'string' ? [raw.path] : Array.isArray(raw.path) ? raw.path : undefined;
  if (!rawPaths || rawPaths.length === 0) throw new RuleError('`match.path` is required: an object path such as `$container` or `jobs.*`, or a list of them');
  const paths = rawPaths.map((p, i) => parseKeyPath(p, `match.path[${i}]`, 'object'));
  if (!Array.isArray(raw.when) || raw.when.length === 0) throw new RuleError('`match.when` must be a non-empty list of conditions');
  const when = raw.when.map((c, i) => compileCondition(c, `match.when[${i}]`, custom));
  const m: YamlMatch = { syntax: 'yaml', paths, when };
  if (raw.report !== undefined) {
    m.report = parseKeyPath(raw.report, 'match.report', 'condition');
    if (m.report.base !== 'object') throw new RuleError('`match.report` is relative to the matched object');
  }
  return m;
}

function compileFix(raw: unknown, match: YamlMatch | DockerMatch | undefined, kinds: ConfigKind[]): ConfigFix {
  if (!isRecord(raw)) throw new RuleError('`fix` must be a mapping with `title` and `replace` or `set`');
  checkKeys(raw, new Set(['title', 'replace', 'set']), 'fix.');
  const title = str(raw, 'title', true, 'fix.')!;
  if (match?.syntax !== 'yaml') throw new RuleError('`fix` is supported on YAML `match` rules only (checks build their own fixes)');
  if ((raw.replace === undefined) === (raw.set === undefined)) throw new RuleError('`fix` needs exactly one of `replace` or `set`');
  if (raw.replace !== undefined) return { kind: 'replace', title, text: scalarString(raw.replace, 'fix.replace') };
  // `set` writes YAML lines; Terraform takes `replace` fixes only.
  if (kinds.includes('terraform')) throw new RuleError('`fix.set` writes YAML and cannot apply to terraform rules; use `replace`');
  const set = raw.set;
  if (!isRecord(set)) throw new RuleError('`fix.set` must be a mapping `{ key, value, before? }`');
  checkKeys(set, new Set(['key', 'value', 'before', 'createParent']), 'fix.set.');
  const key = parseKeyPath(set.key, 'fix.set.key', 'condition');
  if (key.base !== 'object' || key.segments.includes('*')) throw new RuleError('`fix.set.key` is a plain key path relative to the matched object');
  const fix: ConfigFix = { kind: 'set', title, key, value: scalarString(set.value, 'fix.set.value') };
  if (set.before !== undefined) fix.before = str(set, 'before', true, 'fix.set.')!;
  if (set.createParent !== undefined) {
    if (key.segments.length < 2) throw new RuleError('`fix.set.createParent` needs a key with a parent mapping, e.g. `securityContext.x`');
    fix.createParent = str(set, 'createParent', true, 'fix.set.')!.replace(/\s+$/, '');
  }
  return fix;
}

function compileOne(raw: unknown, source: string, custom: boolean, checks: ReadonlySet<string>): ConfigRule {
  if (!isRecord(raw)) throw new RuleError('a rule must be a mapping with `id`, `name`, `kind`, `match` or `check`, ...');
  checkKeys(raw, KNOWN_KEYS, '');
  const id = str(raw, 'id', true)!;
  if (!ID_RE.test(id)) throw new RuleError('`id` must start with `config.` and use lower-case letters, digits, `.`, `_` or `-`');
  const severity = parseSeverity(raw.severity);
  if (!severity) throw new RuleError('`severity` must be one of critical, high, medium, low, info');
  const cwe = raw.cwe;
  if (!Array.isArray(cwe) || cwe.length === 0 || cwe.some((c) => typeof c !== 'string' || !/^CWE-\d+$/.test(c))) {
    throw new RuleError('`cwe` must be a non-empty list like `[CWE-250]`');
  }
  const rawKinds = typeof raw.kind === 'string' ? [raw.kind] : Array.isArray(raw.kind) ? raw.kind : undefined;
  if (!rawKinds || rawKinds.length === 0 || rawKinds.some((k) => !(CONFIG_KINDS as readonly unknown[]).includes(k))) {
    throw new RuleError(`\`kind\` must be one of ${CONFIG_KINDS.join(', ')}, or a list of them`);
  }
  const kinds = rawKinds as ConfigKind[];
  if ((raw.match === undefined) === (raw.check === undefined)) throw new RuleError('a rule needs exactly one of `match` or `check`');
  const rule: ConfigRule = {
    id,
    name: str(raw, 'name', true)!,
    description: str(raw, 'description', true)!,
    message: str(raw, 'message', true)!,
    severity,
    cwe: cwe as string[],
    docsUrl: str(raw, 'docs', false) ?? docsUrlFor('config', id),
    kinds,
    source,
  };
  if (raw.match !== undefined) rule.match = compileMatch(raw.match, kinds, custom);
  if (raw.check !== undefined) {
    const check = str(raw, 'check', true)!;
    if (!checks.has(check)) throw new RuleError(`\`check\` names no known check: \`${check}\` (known: ${[...checks].sort().join(', ')})`);
    rule.check = check;
  }
  if (raw.fix !== undefined) rule.fix = compileFix(raw.fix, rule.match, kinds);
  if (raw.exposure !== undefined) {
    if (raw.exposure !== 'internet') throw new RuleError('`exposure` must be `internet` when given');
    rule.exposure = 'internet';
  }
  const docs = parseRuleDocs(raw);
  if (docs.problems.length > 0) throw new RuleError(docs.problems.join('; '));
  if (Object.keys(docs.docs).length > 0) rule.ruleDocs = docs.docs;
  return rule;
}

/**
 * Checks and compiles raw rules. Each bad rule becomes one error (with its index, so the caller can locate it in
 * its file); the good ones are returned. `checks` are the names of the TypeScript checks available.
 */
export function compileConfigRules(
  raws: readonly unknown[],
  source: string,
  options: { custom: boolean; takenIds: Set<string>; checks: ReadonlySet<string> },
): { rules: ConfigRule[]; errors: ConfigRuleError[] } {
  const rules: ConfigRule[] = [];
  const errors: ConfigRuleError[] = [];
  raws.forEach((raw, index) => {
    const ruleId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    try {
      const rule = compileOne(raw, source, options.custom, options.checks);
      if (options.takenIds.has(rule.id)) throw new RuleError(`duplicate rule id \`${rule.id}\``);
      options.takenIds.add(rule.id);
      rules.push(rule);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      errors.push({ source, ruleId, message: e.message, index });
    }
  });
  return { rules, errors };
}
