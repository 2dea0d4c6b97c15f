/**
 * Loads the built-in config rules from `rules/config/*.yml` (each file: `rules: [...]`). A broken file or rule
 * is reported with its location; the rest load.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import type { RuleLoadError } from '../analyzers';
import { loadRuleFolder } from '../rule-folder';
import { LineIndex } from '../text';
import { CHECKS } from './checks';
import { compileConfigRules, type ConfigRule } from './rule-schema';

/** Parses one rule file's text. Exported for tests. */
export function parseConfigRuleFile(text: string, source: string, takenIds: Set<string>, custom = false): { rules: ConfigRule[]; errors: RuleLoadError[] } {
  const errors: RuleLoadError[] = [];
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ source, message: `YAML error: ${e.message.split('\n')[0]}`, range: lines.rangeOf(e.pos[0], e.pos[1]) });
    return { rules: [], errors };
  }
  const list = doc.get('rules', true);
  if (!isSeq(list)) {
    errors.push({ source, message: 'a config rule file needs a top-level `rules:` list' });
    return { rules: [], errors };
  }
  let raws: unknown;
  try {
    raws = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push({ source, message: `cannot read: ${e instanceof Error ? e.message : String(e)}` });
    return { rules: [], errors };
  }
  const items = (raws as { rules: unknown[] }).rules;
  const compiled = compileConfigRules(items, source, { custom, takenIds, checks: new Set(CHECKS.keys()) });
  for (const e of compiled.errors) {
    const node = list.items[e.index];
    const range = isMap(node) && node.range ? lines.rangeOf(node.range[0], node.range[1]) : undefined;
    errors.push({ source, ruleId: e.ruleId, message: e.message, range });
  }
  return { rules: compiled.rules, errors };
}

/** All built-in config rules under `<rulesDir>/config`, in file-name order. Cached per folder. */
export function loadBuiltinConfigRules(rulesDir: string): { rules: ConfigRule[]; errors: RuleLoadError[] } {
  return loadRuleFolder(rulesDir, 'config', 'config', parseConfigRuleFile);
}
