/**
 * The workspace config file `.vigil.yml`, shared by the extension and the CLI. Loading has two phases: the YAML
 * text is parsed into an untrusted value, then every field is checked into a `VigilConfig`. Unknown keys are
 * errors (a typo must not silently do nothing) and every error carries its line/column range in the file, so
 * editors can show it on the file itself. A config with errors yields no config: the caller keeps the last good one.
 * `schemas/vigil.schema.json` describes the same format; tests hold the two in agreement.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { RuleLoadError } from '../analyzers';
import { globProblem } from '../glob';
import { redactErrorMessage, redactSecrets } from '../redact';
import { PACKS, parseSeverity, SEVERITIES, type AnalysisSettings, type Pack, type Range, type Severity } from '../types';

/** File names looked up in a workspace folder, first match wins. */
export const CONFIG_FILE_NAMES = ['.vigil.yml', '.vigil.yaml'] as const;

/** Default baseline file, relative to the workspace folder. */
export const DEFAULT_BASELINE_FILE = '.vigil-baseline.json';

/** Most alias (`*name`) expansions a config may make; a "billion laughs" file would otherwise expand to gigabytes. */
export const MAX_ALIAS_COUNT = 100;

/** Bounds for `maxFileSize`, in characters. */
export const MAX_FILE_SIZE_BOUNDS = { min: 1_000, max: 100_000_000 } as const;

/** Rule ids and rule-id globs accepted in `rules` and `severity`. */
export const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.*-]*$/;

/** The checked content of `.vigil.yml`. Absent fields mean "not set here" (defaults or editor settings apply). */
export interface VigilConfig {
  /** Schema version of the file; only 1 exists. */
  version: 1;
  /** Rule packs switched on or off. */
  packs: Partial<Record<Pack, boolean>>;
  /** Rules switched on (true) or off (false), by id. */
  rules: Record<string, boolean>;
  /** Severity overrides by rule id. */
  severity: Record<string, Severity>;
  /** Findings below this severity are not reported. */
  minSeverity?: Severity;
  /** minimatch globs, relative to the workspace folder, of files never scanned. */
  exclude: string[];
  /** Files larger than this many characters are skipped with a notice. */
  maxFileSize?: number;
  /** Custom rules, passed unvalidated to the packs (`createAnalyzers`), which report their own errors. */
  customRules: { secrets: unknown[]; taint: unknown[]; config: unknown[] };
  /** Baseline file, relative to the workspace folder (posix separators). */
  baseline: string;
  /**
   * Findings ignored with a reason, for files that cannot hold a `vigil-ignore` comment (JSON lockfiles and
   * manifests) or for a whole folder.
   */
  ignore: IgnoreEntry[];
}

/** One entry of `.vigil.yml` `ignore:`. */
export interface IgnoreEntry {
  /** A rule id, or an advisory id for dependency findings (`GHSA-…`, `PYSEC-…`, `CVE-…`). */
  rule: string;
  /** Workspace-relative glob of the files it applies to; every file when absent. */
  path?: string;
  /** Why it is ignored (required: a review must be able to judge it). */
  reason: string;
  /** Last day (YYYY-MM-DD) it applies; from the next day the finding is reported again, saying the ignore expired. */
  until?: string;
}

/** A problem in the config file. Same shape as a rule load error, so hosts show both the same way. */
export interface ConfigError extends RuleLoadError {
  /** Where in the document, as keys and indexes from the top (e.g. `['severity', 'js.sqli']`). */
  path: (string | number)[];
}

export interface ConfigParseResult {
  /** The checked config; undefined when there are errors. */
  config?: VigilConfig;
  errors: ConfigError[];
  /** Where each custom rule is in the file (same order as `config.customRules`), to locate the rule's load errors. */
  customRuleRanges?: { secrets: (Range | undefined)[]; taint: (Range | undefined)[]; config: (Range | undefined)[] };
}

export interface ConfigLoadResult extends ConfigParseResult {
  /** The config file read, when one exists. */
  file?: string;
}

/** The config used when a workspace has no `.vigil.yml`. */
export function defaultVigilConfig(): VigilConfig {
  return { version: 1, packs: {}, rules: {}, severity: {}, exclude: [], customRules: { secrets: [], taint: [], config: [] }, baseline: DEFAULT_BASELINE_FILE, ignore: [] };
}

const TOP_KEYS = ['version', 'packs', 'rules', 'severity', 'minSeverity', 'exclude', 'maxFileSize', 'customRules', 'baseline', 'ignore'] as const;

/** Parses and checks the text of a `.vigil.yml`. `source` is the file path used in errors. */
export function parseVigilConfig(text: string, source: string): ConfigParseResult {
  const result = checkVigilConfig(text, source);
  // Errors quote bad keys and values, which may be secrets.
  for (const e of result.errors) e.message = redactSecrets(e.message);
  return result;
}

function checkVigilConfig(text: string, source: string): ConfigParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = [];
  const toRange = (start: number, end: number): Range => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  };
  for (const e of doc.errors) {
    errors.push({ source, path: [], message: `YAML syntax error: ${e.message.split('\n')[0]}`, range: toRange(e.pos[0], e.pos[1]) });
  }
  if (errors.length > 0) return { errors };

  const fail = (path: (string | number)[], message: string, atKey = false) => {
    errors.push({ source, path, message, range: rangeOf(doc, path, atKey, toRange) });
  };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml package throws (a ReferenceError) when aliases expand past the cap; an error on the file, not a crash.
    if (!(e instanceof ReferenceError)) {
      errors.push({ source, path: [], message: 'The config could not be read as YAML.', range: toRange(0, 0) });
      return { errors };
    }
    let alias: [number, number] | undefined;
    visit(doc, { Alias: (_, node) => ((alias = node.range ? [node.range[0], node.range[1]] : undefined), visit.BREAK) });
    errors.push({
      source,
      path: [],
      message: `The config expands YAML aliases (*name) too often (the limit is ${MAX_ALIAS_COUNT} expansions): write the values out instead.`,
      range: alias ? toRange(alias[0], alias[1]) : toRange(0, 0),
    });
    return { errors };
  }
  const config = defaultVigilConfig();
  const ranges: NonNullable<ConfigParseResult['customRuleRanges']> = { secrets: [], taint: [], config: [] };
  if (raw === null || raw === undefined) return { config, errors };
  if (!isPlainObject(raw)) {
    fail([], 'The config must be a mapping of keys to values (e.g. `minSeverity: medium`).');
    return { errors };
  }

  for (const key of Object.keys(raw)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      fail([key], `Unknown key "${key}". Allowed keys: ${TOP_KEYS.join(', ')}.`, true);
    }
  }

  if (raw.version !== undefined && raw.version !== 1) fail(['version'], 'version must be 1 (the only version of this file format).');

  if (raw.packs !== undefined) {
    if (!isPlainObject(raw.packs)) fail(['packs'], `packs must be a mapping of pack name to true/false (packs: ${PACKS.join(', ')}).`);
    else {
      for (const [name, on] of Object.entries(raw.packs)) {
        if (!(PACKS as readonly string[]).includes(name)) fail(['packs', name], `Unknown rule pack "${name}". Packs: ${PACKS.join(', ')}.`, true);
        else if (typeof on !== 'boolean') fail(['packs', name], `packs.${name} must be true or false.`);
        else config.packs[name as Pack] = on;
      }
    }
  }

  if (raw.rules !== undefined) {
    if (!isPlainObject(raw.rules)) fail(['rules'], 'rules must be a mapping of rule id to true (on) or false (off).');
    else {
      for (const [id, on] of Object.entries(raw.rules)) {
        if (!RULE_ID_PATTERN.test(id)) fail(['rules', id], `"${id}" is not a valid rule id.`, true);
        else if (typeof on !== 'boolean') fail(['rules', id], `rules.${id} must be true (on) or false (off).`);
        else config.rules[id] = on;
      }
    }
  }

  if (raw.severity !== undefined) {
    if (!isPlainObject(raw.severity)) fail(['severity'], `severity must be a mapping of rule id to a severity (${SEVERITIES.join(', ')}).`);
    else {
      for (const [id, level] of Object.entries(raw.severity)) {
        const s = parseSeverity(level);
        if (!RULE_ID_PATTERN.test(id)) fail(['severity', id], `"${id}" is not a valid rule id.`, true);
        else if (!s) fail(['severity', id], `severity.${id} must be one of ${SEVERITIES.join(', ')}.`);
        else config.severity[id] = s;
      }
    }
  }

  if (raw.minSeverity !== undefined) {
    const s = parseSeverity(raw.minSeverity);
    if (!s) fail(['minSeverity'], `minSeverity must be one of ${SEVERITIES.join(', ')}.`);
    else config.minSeverity = s;
  }

  if (raw.exclude !== undefined) {
    if (!Array.isArray(raw.exclude)) fail(['exclude'], 'exclude must be a list of glob patterns, e.g. ["**/vendor/**"].');
    else {
      raw.exclude.forEach((g: unknown, i: number) => {
        const problem = typeof g === 'string' ? (workspacePathProblem(g, 'glob') ?? globProblem(g)) : 'must be a string glob pattern';
        if (problem) fail(['exclude', i], `exclude[${i}] ${problem}.`);
        else config.exclude.push(g as string);
      });
    }
  }

  if (raw.maxFileSize !== undefined) {
    const n = raw.maxFileSize;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < MAX_FILE_SIZE_BOUNDS.min || n > MAX_FILE_SIZE_BOUNDS.max) {
      fail(['maxFileSize'], `maxFileSize must be a whole number of characters from ${MAX_FILE_SIZE_BOUNDS.min} to ${MAX_FILE_SIZE_BOUNDS.max}.`);
    } else config.maxFileSize = n;
  }

  if (raw.customRules !== undefined) {
    if (!isPlainObject(raw.customRules)) fail(['customRules'], 'customRules must be a mapping with `secrets:`, `taint:` and/or `config:` lists.');
    else {
      for (const [pack, list] of Object.entries(raw.customRules)) {
        if (pack !== 'secrets' && pack !== 'taint' && pack !== 'config') {
          fail(['customRules', pack], `Unknown custom rule pack "${pack}". Use secrets, taint or config.`, true);
        } else if (!Array.isArray(list)) {
          fail(['customRules', pack], `customRules.${pack} must be a list of rules.`);
        } else {
          list.forEach((rule: unknown, i: number) => {
            if (!isPlainObject(rule)) fail(['customRules', pack, i], `customRules.${pack}[${i}] must be a mapping (a rule with an id).`);
            else {
              config.customRules[pack].push(rule);
              ranges[pack].push(rangeOf(doc, ['customRules', pack, i], false, toRange));
            }
          });
        }
      }
    }
  }

  if (raw.baseline !== undefined) {
    const problem = typeof raw.baseline === 'string' ? workspacePathProblem(raw.baseline, 'path') : 'must be a string path';
    if (problem) fail(['baseline'], `baseline ${problem}.`);
    else config.baseline = posix.normalize((raw.baseline as string).replace(/\\/g, '/'));
  }

  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore)) fail(['ignore'], 'ignore must be a list of entries with `rule:` and `reason:` (and optional `path:` and `until:`).');
    else {
      raw.ignore.forEach((e: unknown, i: number) => {
        const at = `ignore[${i}]`;
        if (!isPlainObject(e)) return fail(['ignore', i], `${at} must be a mapping with \`rule:\` and \`reason:\`.`);
        for (const k of Object.keys(e)) if (!['rule', 'path', 'reason', 'until'].includes(k)) fail(['ignore', i, k], `${at}: unknown key "${k}"; use rule, path, reason, until.`, true);
        const { rule, path, reason, until } = e as Record<string, unknown>;
        let ok = true;
        if (typeof rule !== 'string' || !RULE_ID_PATTERN.test(rule) || rule.includes('*')) {
          fail(rule === undefined ? ['ignore', i] : ['ignore', i, 'rule'], `${at}.rule must be one rule id or advisory id (no globs).`);
          ok = false;
        }
        if (typeof reason !== 'string' || reason.trim() === '') {
          fail(reason === undefined ? ['ignore', i] : ['ignore', i, 'reason'], `${at}.reason must say why the finding is ignored.`);
          ok = false;
        }
        const pathProblem = path === undefined ? undefined : typeof path === 'string' ? (workspacePathProblem(path, 'glob') ?? globProblem(path)) : 'must be a string glob pattern';
        if (pathProblem) {
          fail(['ignore', i, 'path'], `${at}.path ${pathProblem}.`);
          ok = false;
        }
        // YAML reads an unquoted 2027-01-31 as a date.
        const day = until instanceof Date ? until.toISOString().slice(0, 10) : until;
        if (day !== undefined && (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))) {
          fail(['ignore', i, 'until'], `${at}.until must be a date, YYYY-MM-DD.`);
          ok = false;
        }
        if (ok) config.ignore.push({ rule: rule as string, reason: (reason as string).trim(), ...(path !== undefined ? { path: path as string } : {}), ...(day !== undefined ? { until: day as string } : {}) });
      });
    }
  }

  if (errors.length > 0) return { errors };
  return ranges.secrets.length + ranges.taint.length + ranges.config.length > 0 ? { config, errors, customRuleRanges: ranges } : { config, errors };
}

/**
 * Rule load errors of custom rules, located on their rule in the config file (the packs know a rule's id, not
 * where the config wrote it). Errors that already have a range, or that name no custom rule, are unchanged.
 */
export function locateRuleErrors(errors: RuleLoadError[], loaded: Pick<ConfigLoadResult, 'config' | 'customRuleRanges' | 'file'> & { file?: string }): RuleLoadError[] {
  const { config, customRuleRanges: ranges } = loaded;
  if (!config || !ranges) return errors;
  return errors.map((e) => {
    if (e.range || (loaded.file !== undefined && e.source !== loaded.file)) return e;
    // A pack that knows the rule's place in its list says so: found even without an id, or with a reused one.
    if (e.customRule) {
      const range = ranges[e.customRule.pack][e.customRule.index];
      if (range) return { ...e, range };
    }
    if (e.ruleId === undefined) return e;
    for (const pack of ['secrets', 'taint', 'config'] as const) {
      // Rule errors carry redacted ids (`redactRuleError`); the redaction is deterministic, so compare redacted.
      const i = config.customRules[pack].findIndex((r) => {
        const id = (r as { id?: unknown }).id;
        return typeof id === 'string' && (id === e.ruleId || redactSecrets(id) === e.ruleId);
      });
      const range = i >= 0 ? ranges[pack][i] : undefined;
      if (range) return { ...e, range };
    }
    return e;
  });
}

/** Finds and loads the config of a workspace folder. No file means the default config. */
export function loadVigilConfig(workspaceRoot: string): ConfigLoadResult {
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(workspaceRoot, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { file, errors: [{ source: file, path: [], message: `Cannot read the config file: ${redactErrorMessage(e)}` }] };
    }
    return { file, ...parseVigilConfig(text, file) };
  }
  return { config: defaultVigilConfig(), errors: [] };
}

/** Loads a config file at an explicit path (CLI `--config`). */
export function loadVigilConfigFile(file: string): ConfigLoadResult {
  try {
    return { file, ...parseVigilConfig(readFileSync(file, 'utf8'), file) };
  } catch (e) {
    return { file, errors: [{ source: file, path: [], message: `Cannot read the config file: ${redactErrorMessage(e)}` }] };
  }
}

/**
 * Applies a config on top of base settings (defaults, or VS Code settings). Rule switches and severity
 * overrides add to the base; `packs`, `minSeverity` and `maxFileSize` replace it when set.
 */
export function applyConfig(base: AnalysisSettings, config: VigilConfig): AnalysisSettings {
  const disabled = new Set(base.disabledRules);
  for (const [id, on] of Object.entries(config.rules)) {
    if (on) disabled.delete(id);
    else disabled.add(id);
  }
  return {
    minSeverity: config.minSeverity ?? base.minSeverity,
    packs: { ...base.packs, ...config.packs },
    disabledRules: [...disabled],
    severityOverrides: { ...base.severityOverrides, ...config.severity },
    maxFileSize: config.maxFileSize ?? base.maxFileSize,
    ...(base.strictness ? { strictness: base.strictness } : {}),
    ...(config.ignore.length > 0 || base.ignore ? { ignore: [...(base.ignore ?? []), ...config.ignore] } : {}),
    ...(base.today ? { today: base.today } : {}),
  };
}

/** Why a workspace-relative path or glob is not acceptable, or undefined when it is. */
function workspacePathProblem(value: string, what: 'glob' | 'path'): string | undefined {
  if (value.trim() === '') return `must not be empty`;
  const v = value.replace(/\\/g, '/');
  if (isAbsolute(value) || v.startsWith('/') || /^[A-Za-z]:/.test(v)) return `must be relative to the workspace folder, not absolute ("${value}")`;
  if (v.split('/').includes('..')) return `must stay inside the workspace folder, without ".." ("${value}")`;
  const normal = posix.normalize(v);
  if (what === 'path' && (normal === '.' || normal.endsWith('/'))) return `must name a file ("${value}")`;
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The range of the value (or key) at `path` in the YAML document, when it can be found. */
function rangeOf(
  doc: Document,
  path: (string | number)[],
  atKey: boolean,
  toRange: (start: number, end: number) => Range,
): Range | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const step of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return undefined;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else return undefined;
  }
  const target = (atKey && keyNode ? keyNode : node ?? keyNode) as YamlNode | null | undefined;
  const r = target && 'range' in target ? target.range : undefined;
  if (!r) return path.length === 0 ? toRange(0, 0) : undefined;
  return toRange(r[0], r[1]);
}
