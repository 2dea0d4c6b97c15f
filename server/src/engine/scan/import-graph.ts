/**
 * Relative imports read from file text alone (no parse), for the cross-file passes of the workspace scan:
 * which files another file may import, so pass 1 summarises only those, and whether a file may import a
 * summarised function, so pass 2 hands the index only to those. A superset of what the taint pack resolves.
 */
import { readFile } from 'node:fs/promises';
import { languageRecord } from '../languages';
import { buildExportIndex, type ExportIndex } from '../taint/taint-analyzer';

/**
 * Relative module specifiers in a file's text, by its language's `modules.specifier` (`'./db'`, `"../lib/x"` in
 * JS/TS, `from .db import` in Python); none for languages without cross-file taint.
 */
export function relativeSpecifiers(languageId: string, text: string): string[] {
  const re = languageRecord(languageId)?.modules?.specifier;
  return re ? [...text.matchAll(re)].map((m) => m.groups!['spec']!) : [];
}

/** Whether a file may import a function of `index` (resolved as the taint pack resolves imports). */
export function mayImportFrom(index: ExportIndex, path: string, languageId: string, text: string): boolean {
  return relativeSpecifiers(languageId, text).some((s) => index(path, s) !== undefined);
}

/**
 * The files among `files` that some file among them imports by a relative import. Reads the files (or uses
 * `content`) a few at a time; returns undefined if the signal aborts.
 */
export async function importedFiles(
  files: readonly { path: string; languageId: string; content?: Uint8Array }[],
  signal?: AbortSignal,
): Promise<Set<string> | undefined> {
  // An index "exporting" one placeholder from every file resolves a specifier exactly as the analyzer would.
  const resolveIn = buildExportIndex(files.map((f) => ({ path: f.path, name: '', rules: {} })));
  const imported = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const f = files[next++]!;
      let text: string;
      try {
        text = f.content ? new TextDecoder('utf-8').decode(f.content) : await readFile(f.path, 'utf8');
      } catch {
        continue; // pass 2 reports unreadable files
      }
      for (const s of relativeSpecifiers(f.languageId, text)) {
        const hit = resolveIn(f.path, s);
        if (hit) imported.add(hit[0]!.path);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  return signal?.aborted ? undefined : imported;
}
