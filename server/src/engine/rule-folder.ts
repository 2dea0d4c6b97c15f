/** Loading a pack's built-in rule files from `<rulesDir>/<pack>`: one folder walk shared by the packs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleLoadError } from './analyzers';

/** Parses one rule file; `takenIds` holds the ids of the files before it, so duplicates are reported. */
export type RuleFileParser<R> = (text: string, source: string, takenIds: Set<string>) => { rules: R[]; errors: RuleLoadError[] };

const caches = new Map<string, { rules: unknown[]; errors: RuleLoadError[] }>();

/**
 * All rule files (`*.yml`/`*.yaml`, fixtures and expected fix output excluded) under `<rulesDir>/<pack>`, in
 * file-name order, parsed with `parse`; `what` names the rules in errors ("secret", "config"). A folder or file that cannot be read is an error; the others still load.
 * Cached per folder: built-in rules do not change while the process runs.
 */
export function loadRuleFolder<R>(rulesDir: string, pack: string, what: string, parse: RuleFileParser<R>): { rules: R[]; errors: RuleLoadError[] } {
  const dir = join(rulesDir, pack);
  const hit = caches.get(dir);
  if (hit) return hit as { rules: R[]; errors: RuleLoadError[] };
  const rules: R[] = [];
  const errors: RuleLoadError[] = [];
  const taken = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.includes('.fixture.') && !f.includes('.fixed.')).sort();
  } catch (e) {
    errors.push({ source: dir, message: `cannot read the ${what} rules folder: ${e instanceof Error ? e.message : String(e)}` });
  }
  for (const f of files) {
    const path = join(dir, f);
    try {
      const result = parse(readFileSync(path, 'utf8'), path, taken);
      rules.push(...result.rules);
      errors.push(...result.errors);
    } catch (e) {
      errors.push({ source: path, message: `cannot load: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const result = { rules, errors };
  caches.set(dir, result);
  return result;
}
