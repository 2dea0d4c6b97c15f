/**
 * Loads the built-in secret rules from `rules/secrets/*.yml` (each file: `rules: [...]`) and compiles them with
 * the same compiler that checks custom rules. A broken file or rule is reported with its location; the rest load.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
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

/** All built-in secret rules under `<rulesDir>/secrets`, in file-name order. Cached per folder. */
export function loadBuiltinSecretRules(rulesDir: string): { rules: SecretRule[]; errors: RuleLoadError[] } {
  return loadRuleFolder(rulesDir, 'secrets', 'secret', parseSecretRuleFile);
}
