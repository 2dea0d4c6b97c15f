/**
 * Loading a pack's built-in rule files from `<rulesDir>/<pack>`: one folder walk shared by the packs, and one cache
 * of what each folder loaded to. Reading and parsing the YAML is most of a pack's start-up, so a folder is loaded
 * once per process, and a scan's worker threads are handed the loaded data (`ruleFolderSnapshot`, plain data and
 * RegExps: it crosses a thread boundary by structured clone) instead of reading the files again.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
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
 * All rule files (`listRuleFiles`) under `<rulesDir>/<pack>`, parsed with `parse`; `what` names the rules in errors ("secret", "config"). A folder or file that cannot be read is an error; the others still load.
 * Cached per folder: built-in rules do not change while the process runs.
 */
export function loadRuleFolder<R>(rulesDir: string, pack: string, what: string, parse: RuleFileParser<R>): { rules: R[]; errors: RuleLoadError[] } {
  const dir = join(rulesDir, pack);
  return cachedRuleFolder(dir, () => {
    const rules: R[] = [];
    const errors: RuleLoadError[] = [];
    const taken = new Set<string>();
    for (const path of listRuleFiles(dir, what, errors)) {
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

/** Whether a file in a rules folder is a rule file: YAML, and not a fixture or a fix's expected output beside it. */
function isRuleFile(name: string): boolean {
  return /\.ya?ml$/.test(name) && !name.includes('.fixture.') && !name.includes('.fixed.');
}

/**
 * The rule files in `dir`, in file-name order, and with `recursive` in its subfolders too (the taint pack groups
 * its rules by language; the config pack's subfolders are fixtures, such as a Helm chart). A folder that cannot
 * be read is an error in `errors`; the rest are still listed.
 */
export function listRuleFiles(dir: string, what: string, errors: RuleLoadError[], recursive = false): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      errors.push({ source: d, message: `cannot read the ${what} rules folder: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (recursive) walk(join(d, e.name));
      }
      else if (e.isFile() && isRuleFile(e.name)) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}
