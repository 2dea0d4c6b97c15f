/**
 * Loading a pack's built-in rule files from `<rulesDir>/<pack>`: one folder walk shared by the packs, and one cache
 * of what each folder loaded to. Reading and parsing the YAML is most of a pack's start-up, so a folder is loaded
 * once per process, and a scan's worker threads are handed the loaded data (`ruleFolderSnapshot`, plain data and
 * RegExps: it crosses a thread boundary by structured clone) instead of reading the files again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleLoadError } from './analyzers';

/** Parses one rule file; `takenIds` holds the ids of the files before it, so duplicates are reported. */
export type RuleFileParser<R> = (text: string, source: string, takenIds: Set<string>) => { rules: R[]; errors: RuleLoadError[] };

/** Loaded built-in rule data by folder (`<rulesDir>/<pack>`). Built-in rules do not change while the process runs. */
const caches = new Map<string, unknown>();

/** Rule files read in this thread, by pack (the folder's name): start-up work, for the scan workers' stats and tests. */
const filesRead = new Map<string, number>();

/** Reads one built-in rule file of `pack`, counted in `ruleFilesRead`. */
export function readRuleFile(pack: string, path: string): string {
  filesRead.set(pack, (filesRead.get(pack) ?? 0) + 1);
  return readFileSync(path, 'utf8');
}

/** How many built-in rule files this thread has read, by pack. */
export function ruleFilesRead(): Record<string, number> {
  return Object.fromEntries(filesRead);
}

/** The data `load` gives for `dir`, loaded once per process (or taken from `seedRuleFolders`). */
export function cachedRuleFolder<T>(dir: string, load: () => T): T {
  if (caches.has(dir)) return caches.get(dir) as T;
  const data = load();
  caches.set(dir, data);
  return data;
}

/** Built-in rule data by folder, as `ruleFolderSnapshot` gives it to another thread. */
export type RuleFolderSnapshot = Record<string, unknown>;

/** What this thread has loaded of `dirs` (folders not loaded yet are left out: the receiver loads them itself). */
export function ruleFolderSnapshot(dirs: readonly string[]): RuleFolderSnapshot {
  const out: RuleFolderSnapshot = {};
  for (const dir of dirs) if (caches.has(dir)) out[dir] = caches.get(dir);
  return out;
}

/** Takes folders loaded by another thread (`ruleFolderSnapshot`), so their files are not read again here. */
export function seedRuleFolders(snapshot: RuleFolderSnapshot): void {
  for (const [dir, data] of Object.entries(snapshot)) if (!caches.has(dir)) caches.set(dir, data);
}

/**
 * All rule files (`*.yml`/`*.yaml`, fixtures and expected fix output excluded) under `<rulesDir>/<pack>`, in
 * file-name order, parsed with `parse`; `what` names the rules in errors ("secret", "config"). A folder or file that cannot be read is an error; the others still load.
 * Cached per folder: built-in rules do not change while the process runs.
 */
export function loadRuleFolder<R>(rulesDir: string, pack: string, what: string, parse: RuleFileParser<R>): { rules: R[]; errors: RuleLoadError[] } {
  const dir = join(rulesDir, pack);
  return cachedRuleFolder(dir, () => {
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
        const result = parse(readRuleFile(pack, path), path, taken);
        rules.push(...result.rules);
        errors.push(...result.errors);
      } catch (e) {
        errors.push({ source: path, message: `cannot load: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    return { rules, errors };
  });
}
