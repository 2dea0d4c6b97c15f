/**
 * The grammars a workspace's files need, from a bounded look at its folders: the server loads them (and compiles
 * their rules) in the background after start-up, so the first document of a language does not wait for that
 * (grammars otherwise load on a document's first analysis, see server.ts `loadGrammarOf`).
 */
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { grammarFor, languageIdForPath, type GrammarId } from '../engine/languages';

/** Folders no one edits code in: dependencies, build output, VCS data. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'target', 'vendor', 'venv', '__pycache__', 'coverage']);

/**
 * The grammars of the files found in `roots`, most files first (ties by name), breadth-first over at most `maxEntries` directory
 * entries (a large tree is sampled near its top, not read whole); hidden and dependency folders are not entered.
 * Unreadable folders are skipped. `excluded` (a file's absolute path) drops files the user excluded from analysis:
 * a grammar only they would need is not loaded.
 */
export async function workspaceGrammars(
  roots: readonly string[],
  maxEntries = 2000,
  excluded: (path: string) => boolean = () => false,
): Promise<GrammarId[]> {
  const counts = new Map<GrammarId, number>();
  const queue = roots.filter((r) => r !== '');
  let seen = 0;
  while (queue.length > 0 && seen < maxEntries) {
    const dir = queue.shift()!;
    try {
      for await (const e of await opendir(dir)) {
        if (++seen > maxEntries) break;
        if (e.name.startsWith('.')) continue;
        if (e.isDirectory()) {
          if (!SKIPPED.has(e.name)) queue.push(join(dir, e.name));
        } else if (e.isFile()) {
          const path = join(dir, e.name);
          const g = grammarFor(languageIdForPath(path), path);
          if (g && excluded(path)) continue;
          if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
        }
      }
    } catch {
      // Unreadable or gone: nothing to learn there.
    }
  }
  // Ties by name: the order does not depend on the order a file system lists entries in.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([g]) => g);
}
