/**
 * Build step: the built-in taint and secret rule files, parsed and validated, as the value the bundles define
 * `__VIGIL_RULE_FILES__` to (see precompiled-rules.ts). Run by esbuild.config.mjs and the bench's bundler, never by
 * the product itself.
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { listRuleFiles } from './rule-folder';
import { ruleFileKey } from './precompiled-rules';
import { readSecretRuleFile } from './secrets/rule-files';
import { readTaintRuleFile } from './taint/rule-set';

/**
 * The precompiled results of the taint rule files under `dirs.taint` (recursively) and the secret rule files in
 * `dirs.secrets`, base64 of a serialized Map by pack and text hash. A secret file with load errors is left out (it
 * is parsed at start, where its errors name its path).
 */
export function precompileRuleFiles(dirs: { taint?: string; secrets?: string }): string {
  const table = new Map<string, Uint8Array>();
  if (dirs.taint) {
    for (const path of listRuleFiles(dirs.taint, 'taint', [], true)) {
      const text = readFileSync(path, 'utf8');
      table.set(ruleFileKey('taint', text), serialize(readTaintRuleFile(text)));
    }
  }
  if (dirs.secrets) {
    for (const path of listRuleFiles(dirs.secrets, 'secret', [])) {
      const text = readFileSync(path, 'utf8');
      const rules = readSecretRuleFile(text);
      if (rules) table.set(ruleFileKey('secrets', text), serialize(rules));
    }
  }
  return serialize(table).toString('base64');
}
