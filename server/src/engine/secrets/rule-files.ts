/**
 * Loads the built-in secret rules from `rules/secrets/*.yml` (each file: `rules: [...]`) and compiles them with
 * the same compiler that checks custom rules. A broken file or rule is reported with its location; the rest load.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { precompiledRuleFile } from '../precompiled-rules';
import { loadRuleFolder } from '../rule-folder';
import { LineIndex } from '../text';
import type { RuleLoadError } from '../analyzers';
import { compileSecretRules, type SecretRule } from './rule-schema';

/** Parses one rule file's text. Exported for tests. */
export function parseSecretRuleFile(text: string, source: string, takenIds: Set<string>): { rules: SecretRule[]; errors: RuleLoadError[] } {
  const errors: RuleLoadError[] = [];
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ source, message: `YAML error: ${e.message}`, range: lines.rangeOf(e.pos[0], e.pos[1]) });
    return { rules: [], errors };
  }
  const list = doc.get('rules', true);
  if (!isSeq(list)) {
    errors.push({ source, message: 'a secret rule file needs a top-level `rules:` list' });
    return { rules: [], errors };
  }
  const raws: unknown = doc.toJS();
  const items = (raws as { rules: unknown[] }).rules;
  const compiled = compileSecretRules(items, source, { custom: false, takenIds });
  for (const r of compiled.rules) takenIds.add(r.id);
  for (const e of compiled.errors) {
    const node = list.items[e.index];
    const range = isMap(node) && node.range ? lines.rangeOf(node.range[0], node.range[1]) : undefined;
    errors.push({ source, ruleId: e.ruleId, message: e.message, range });
  }
  return { rules: compiled.rules, errors };
}

/**
 * A rule file's rules as the build precompiles them (`precompileRuleFiles`): parsed with no path and no other file's
 * ids; undefined when the file has load errors (those are reported with the file's path, so it is parsed at start).
 */
export function readSecretRuleFile(text: string): SecretRule[] | undefined {
  const parsed = parseSecretRuleFile(text, '', new Set());
  return parsed.errors.length > 0 ? undefined : parsed.rules;
}

/**
 * `parseSecretRuleFile`, from the build's data when it has this text: the same rules with this file's path, as long
 * as no earlier file took one of their ids (the parse would report that one as a duplicate, so it parses).
 */
function loadSecretRuleFile(text: string, source: string, takenIds: Set<string>): { rules: SecretRule[]; errors: RuleLoadError[] } {
  const pre = precompiledRuleFile<SecretRule[]>('secrets', text);
  if (!pre || pre.some((r) => takenIds.has(r.id))) return parseSecretRuleFile(text, source, takenIds);
  for (const r of pre) takenIds.add(r.id);
  return { rules: pre.map((r) => ({ ...r, source })), errors: [] };
}

/** All built-in secret rules under `<rulesDir>/secrets`, in file-name order. Cached per folder. */
export function loadBuiltinSecretRules(rulesDir: string): { rules: SecretRule[]; errors: RuleLoadError[] } {
  return loadRuleFolder(rulesDir, 'secrets', 'secret', loadSecretRuleFile);
}
