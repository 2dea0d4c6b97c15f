/**
 * `-r` / `--requirement` includes and `-c` / `--constraint` files of a pip requirements file, followed on disk: relative to the including file,
 * never outside the workspace (symlinks resolved), never round a cycle. The included requirements are reported
 * on the top file's include line, since that is the file being edited.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { SkipNotice } from '../types';
import { requirementIncludes, requirementsDependencies, type Dependency } from './manifests';
import { lineFinder } from './reachability';

/** Largest included file read. */
const MAX_INCLUDE_BYTES = 4 * 1024 * 1024;
/** Most files followed from one requirements file. */
const MAX_INCLUDED_FILES = 64;

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The requirements of the files `text` (the document at `file`) includes, recursively. `root` bounds what may be
 * read (default: the document's folder); each refused include becomes a notice.
 */
export function includedRequirements(file: string, text: string, root: string | undefined, notify: (n: SkipNotice) => void): Dependency[] {
  const rootReal = real(root ?? dirname(file));
  const topDir = dirname(file);
  const out: Dependency[] = [];
  const seen = new Set<string>();
  const refuse = (from: string, target: string, why: string): void =>
    notify({ reason: 'include-refused', message: `requirements include "${target}" in ${relative(topDir, from) || from} not read: ${why}` });
  const visit = (path: string, body: string, chain: readonly string[], anchor: { start: number; end: number } | undefined): void => {
    for (const inc of requirementIncludes(body)) {
      const at = anchor ?? inc;
      const target = resolve(dirname(path), inc.target);
      let realTarget: string;
      try {
        realTarget = realpathSync(target);
        if (!statSync(realTarget).isFile() || statSync(realTarget).size > MAX_INCLUDE_BYTES) throw new Error('not a file of a readable size');
      } catch {
        refuse(path, inc.target, 'it cannot be read');
        continue;
      }
      const rel = relative(rootReal, realTarget);
      if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
        refuse(path, inc.target, 'it is outside the workspace');
        continue;
      }
      if (chain.includes(realTarget)) {
        refuse(path, inc.target, 'it is part of an include cycle');
        continue;
      }
      if (seen.has(realTarget)) continue;
      if (seen.size >= MAX_INCLUDED_FILES) {
        refuse(path, inc.target, `more than ${MAX_INCLUDED_FILES} included files`);
        return;
      }
      seen.add(realTarget);
      const sub = readFileSync(realTarget, 'utf8');
      const shown = relative(topDir, target).split(sep).join('/');
      const lineAt = lineFinder(sub);
      for (const d of requirementsDependencies(sub)) {
        const line = lineAt(d.start);
        out.push({ ...d, start: at.start, end: at.end, edit: undefined, path: `-r:${shown}:${d.path}`, note: `from ${shown}:${line}` });
      }
      visit(target, sub, [...chain, realTarget], at);
    }
  };
  visit(file, text, [real(file)], undefined);
  return out;
}
