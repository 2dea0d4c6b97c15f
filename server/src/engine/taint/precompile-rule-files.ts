/**
 * Build step: every taint rule file under a folder, parsed and validated (`readTaintRuleFile`), as the value the
 * bundles define `__VIGIL_TAINT_RULE_FILES__` to (see precompiled-rules.ts). Run by esbuild.config.mjs and the
 * bench's bundler, never by the product itself.
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { listRuleFiles } from '../rule-folder';
import { ruleFileKey } from './precompiled-rules';
import { readTaintRuleFile } from './rule-set';

/** The precompiled results of `dir`'s taint rule files (recursively), base64 of a serialized Map by text hash. */
export function precompileTaintRuleFiles(dir: string): string {
  const table = new Map<string, Uint8Array>();
  for (const path of listRuleFiles(dir, 'taint', [], true)) {
    const text = readFileSync(path, 'utf8');
    table.set(ruleFileKey(text), serialize(readTaintRuleFile(text)));
  }
  return serialize(table).toString('base64');
}
