/**
 * Puts the benchmark corpora on disk in the scratch folder (`RAW`, under the system temp dir): the generated files, and a copy of the listed
 * third-party files. The copy lives outside any node_modules folder because ESLint and secretlint skip
 * node_modules by default; every tool then scans exactly the same paths.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXTENSIONS, generateFile, type BenchLanguage, type GeneratedFile } from '../corpus/generate';
import { BENCH, RAW, REPO, pythonStdlibDir } from './paths';

/** The languages of the generated files for the edit-latency and per-edit-cost parts, one file each per size. */
export const LANGUAGES: BenchLanguage[] = ['javascript', 'typescript', 'python', 'java', 'go'];
/**
 * The languages `manyGeneratedFiles` takes in turn (memory, score history): kept to the first three so those
 * figures stay comparable with earlier runs.
 */
export const MIXED_LANGUAGES: BenchLanguage[] = ['javascript', 'typescript', 'python'];
export const SIZES = [3_000, 20_000];
/** Issue 17's large-file target: a file this long (under the size limit) is fully analysed and stays editable. */
export const LARGE_LINES = 50_000;
/** The languages of the large-file rows (the ones the edit-latency targets name). */
export const LARGE_LANGUAGES: BenchLanguage[] = ['javascript', 'typescript', 'python'];

export interface GeneratedOnDisk extends GeneratedFile {
  lang: BenchLanguage;
  lines: number;
  path: string;
}

/** One generated file per language and size. Seeds are fixed so the files are the same on every run. */
export function generatedFiles(): GeneratedOnDisk[] {
  const out: GeneratedOnDisk[] = [];
  for (const lines of SIZES) {
    for (const [i, lang] of LANGUAGES.entries()) {
      const g = generateFile(lang, lines, 1000 + i);
      const path = join(RAW, 'generated', String(lines), `app.${EXTENSIONS[lang]}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, g.text);
      out.push({ ...g, lang, lines, path });
    }
  }
  return out;
}

/** One `LARGE_LINES`-line generated file per `LARGE_LANGUAGES` language (same generator, own seeds). */
export function largeGeneratedFiles(): GeneratedOnDisk[] {
  return LARGE_LANGUAGES.map((lang, i) => {
    const g = generateFile(lang, LARGE_LINES, 3000 + i);
    const path = join(RAW, 'generated', String(LARGE_LINES), `app.${EXTENSIONS[lang]}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, g.text);
    return { ...g, lang, lines: LARGE_LINES, path };
  });
}

/** `count` different generated files (languages in turn), for the memory benchmark. */
export function manyGeneratedFiles(count: number, lines: number, folder: string): GeneratedOnDisk[] {
  const out: GeneratedOnDisk[] = [];
  for (let i = 0; i < count; i++) {
    const lang = MIXED_LANGUAGES[i % MIXED_LANGUAGES.length]!;
    const g = generateFile(lang, lines, 5000 + i);
    const path = join(RAW, folder, `module${i}.${EXTENSIONS[lang]}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, g.text);
    out.push({ ...g, lang, lines, path });
  }
  return out;
}

export interface WorkspaceCorpus {
  js: string[];
  ts: string[];
  py: string[];
  all: string[];
  root: string;
  /** Listed files not found on this machine (e.g. another Python version). */
  missing: string[];
  bytes: { js: number; ts: number; py: number; all: number };
}

/** Copies the files listed in bench/corpus/workspace-files.txt to <scratch>/corpus/{js,ts,py}/. */
export function workspaceCorpus(): WorkspaceCorpus {
  const root = join(RAW, 'corpus');
  rmSync(root, { recursive: true, force: true });
  const listed = readFileSync(join(BENCH, 'corpus', 'workspace-files.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stdlib = pythonStdlibDir();
  const c: WorkspaceCorpus = { js: [], ts: [], py: [], all: [], root, missing: [], bytes: { js: 0, ts: 0, py: 0, all: 0 } };
  for (const rel of listed) {
    const src = rel.startsWith('python3-stdlib/') ? join(stdlib, rel.slice('python3-stdlib/'.length)) : join(REPO, rel);
    if (!existsSync(src)) {
      c.missing.push(rel);
      continue;
    }
    const kind = /\.py$/.test(rel) ? 'py' : /\.ts$/.test(rel) ? 'ts' : 'js';
    const dest = join(root, kind, rel.replace(/^node_modules\//, 'npm/'));
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(src, dest);
    const size = statSync(dest).size;
    c[kind].push(dest);
    c.bytes[kind] += size;
  }
  c.all = [...c.js, ...c.ts, ...c.py];
  c.bytes.all = c.bytes.js + c.bytes.ts + c.bytes.py;
  return c;
}

/** Writes a list of paths to a file, one per line (for tools that take a list). */
export function writeList(name: string, files: string[]): string {
  const p = join(RAW, 'lists', `${name}.txt`);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, `${files.join('\n')}\n`);
  return p;
}
