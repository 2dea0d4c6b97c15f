/**
 * Reachability of a vulnerable dependency: is the package imported by the workspace's own code, and is one of
 * the functions its advisory names called there? Read from the source text (import statements and call
 * expressions matched textually), not from a type-checked program: a call through an alias or a wrapper is not
 * seen, so "not imported" means "no import statement names it".
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { walkFiles } from '../scan/file-walker';
import { readRuleFile } from '../rule-folder';
import type { Ecosystem } from './versions';
import { normalizePackageName } from './versions';
import { escapeRegExp } from '../regex-guard';

/** One import of a package in a file: the package's top-level name, its line (1-based) and local bindings. */
export interface ImportFact {
  module: string;
  /** Subpath after the package name (`template` for `lodash/template`), '' for the package itself. */
  subpath: string;
  line: number;
  /** Local names bound: `ns` for a default or namespace import, or the imported name it binds. */
  bindings: { local: string; imported: string | '*' }[];
}

const JS_EXT = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.vue', '.svelte']);
const PY_EXT = new Set(['.py', '.pyi']);

/** Which import syntax a path uses, by extension; undefined for files that cannot import packages. */
export function sourceKind(path: string): 'js' | 'py' | undefined {
  const ext = extname(path).toLowerCase();
  return JS_EXT.has(ext) ? 'js' : PY_EXT.has(ext) ? 'py' : undefined;
}

/** Offset -> 1-based line, by binary search over the line starts (one pass over the text, then O(log n) each). */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** An npm specifier's package name and subpath; undefined for relative, absolute and `node:` specifiers. */
function npmPackageOf(spec: string): { module: string; subpath: string } | undefined {
  if (/^(?:\.|\/|node:|[a-z]+:\/\/)/.test(spec)) return undefined;
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  if (parts.length < n || parts.slice(0, n).some((p) => p === '')) return undefined;
  return { module: parts.slice(0, n).join('/'), subpath: parts.slice(n).join('/') };
}

/** `{ a, b as c }` (import) or `{ a, b: c }` (destructuring) as bindings. */
function namedBindings(list: string, sep: RegExp): { local: string; imported: string }[] {
  return list
    .split(',')
    .map((p) => p.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .flatMap((p) => {
      const [imported, local] = p.split(sep).map((s) => s.trim());
      return imported && /^[\w$]+$/.test(imported) ? [{ imported, local: local && /^[\w$]+$/.test(local) ? local : imported }] : [];
    });
}

// Each pattern starts at a keyword and reads a bounded window with no ambiguous repetition: linear in the text.
const JS_FROM = /\b(?:import|export)\b([^'"`;]{0,300}?)\bfrom[ \t]{0,20}(['"])([^'"\n]{1,200})['"]/g;
const JS_BARE = /\bimport[ \t]{0,20}(['"])([^'"\n]{1,200})['"]/g;
const JS_CALL = /\b(?:require|import)[ \t]{0,20}\([ \t]{0,20}(['"])([^'"\n]{1,200})['"][ \t]{0,20}\)/g;
/** `const x = ` / `const { a, b: c } = ` just before a require call, read from at most 300 characters of its line. */
const JS_ASSIGNED = /\b(?:const|let|var)[ \t]+([\w$]+|\{[^{}]{0,300}\})[ \t]*=[ \t]*$/;

/** The package imports of a JS/TS file. */
function jsImports(text: string): ImportFact[] {
  const lineAt = lineFinder(text);
  const out: { at: number; fact: ImportFact }[] = [];
  const add = (at: number, spec: string, bindings: ImportFact['bindings']): void => {
    const pkg = npmPackageOf(spec);
    if (pkg) out.push({ at, fact: { ...pkg, line: lineAt(at), bindings } });
  };
  for (const m of text.matchAll(JS_FROM)) {
    const clause = m[1]!.trim().replace(/^type\s+/, '');
    const bindings: ImportFact['bindings'] = [];
    if (/^import\b/.test(m[0])) {
      const brace = /\{([^}]*)\}/.exec(clause);
      if (brace) bindings.push(...namedBindings(brace[1]!, /\s+as\s+/));
      const ns = /\*\s*as\s+([\w$]+)/.exec(clause)?.[1] ?? /^([\w$]+)/.exec(clause)?.[1];
      if (ns) bindings.push({ local: ns, imported: '*' });
    }
    add(m.index, m[3]!, bindings);
  }
  for (const m of text.matchAll(JS_BARE)) add(m.index, m[2]!, []);
  for (const m of text.matchAll(JS_CALL)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const assigned = JS_ASSIGNED.exec(text.slice(Math.max(lineStart, m.index - 300), m.index))?.[1];
    const bindings: ImportFact['bindings'] = [];
    if (assigned?.startsWith('{')) bindings.push(...namedBindings(assigned.slice(1, -1), /\s*:\s*/));
    else if (assigned) bindings.push({ local: assigned, imported: '*' });
    add(m.index, m[2]!, bindings);
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.fact);
}

/** The absolute imports of a Python file (`import a.b as c`, `from a.b import x as y`). */
function pyImports(text: string): ImportFact[] {
  const lineAt = lineFinder(text);
  const out: ImportFact[] = [];
  for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w. \t,]+)/gm)) {
    for (const part of m[1]!.split(',')) {
      const [mod, alias] = part.trim().split(/\s+as\s+/);
      if (!mod || !/^\w[\w.]*$/.test(mod)) continue;
      const [top, ...rest] = mod.split('.');
      out.push({ module: top!, subpath: rest.join('/'), line: lineAt(m.index), bindings: [{ local: alias ?? mod, imported: '*' }] });
    }
  }
  for (const m of text.matchAll(/^[ \t]*from[ \t]+(\w[\w.]*)[ \t]+import[ \t]+\(?([^)\n]+)/gm)) {
    const [top, ...rest] = m[1]!.split('.');
    out.push({ module: top!, subpath: rest.join('/'), line: lineAt(m.index), bindings: namedBindings(m[2]!.replace(/#.*/, ''), /\s+as\s+/) });
  }
  return out;
}

/** The package imports of a source file. */
export function importsOf(kind: 'js' | 'py', text: string): ImportFact[] {
  return kind === 'js' ? jsImports(text) : pyImports(text);
}

/**
 * The first call (1-based line) of `fn` through the file's imports of a package: `ns.fn(`, a named import of
 * `fn` called, a subpath import of `fn` (`lodash/template`) called, or `require('pkg').fn(`. `fn` "default"
 * means the package itself is called (`minimist(...)`).
 */
export function firstCall(text: string, facts: readonly ImportFact[], fn: string): number | undefined {
  const patterns: string[] = [];
  for (const f of facts) {
    const whole = fn === 'default' ? f.subpath === '' : f.subpath.split('/').pop() === fn;
    for (const b of f.bindings) {
      if (b.imported === '*' && whole) patterns.push(`\\b${escapeRegExp(b.local)}\\s*\\(`);
      else if (b.imported === '*' && f.subpath === '') patterns.push(`\\b${escapeRegExp(b.local)}\\s*\\.\\s*${escapeRegExp(fn)}\\s*\\(`);
      else if (b.imported === fn) patterns.push(`(?<![\\w$.])${escapeRegExp(b.local)}\\s*\\(`);
    }
    if (f.subpath === '') patterns.push(`\\brequire\\s*\\(\\s*['"]${escapeRegExp(f.module)}['"]\\s*\\)\\s*\\.\\s*${escapeRegExp(fn)}\\s*\\(`);
  }
  if (patterns.length === 0) return undefined;
  const re = new RegExp(patterns.join('|'), 'g');
  for (const m of text.matchAll(re)) {
    // Not the import line itself (`import template from 'lodash/template'` has no call, but `require(...)` might).
    const before = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
    if (/^\s*(?:import|from)\b/.test(before)) continue;
    return lineFinder(text)(m.index);
  }
  return undefined;
}

/** The curated table: the functions public advisories name as vulnerable, and Python import names. */
export interface VulnerableFunctions {
  entries: { ecosystem: Ecosystem; package: string; advisories: string[]; functions: string[]; modules?: string[] }[];
}

/** Reads `rules/dependencies/vulnerable-functions.yml`; a malformed entry is left out. */
export function loadVulnerableFunctions(file: string): VulnerableFunctions {
  const raw = parseYaml(readRuleFile('dependencies', file)) as { packages?: unknown };
  const list = Array.isArray(raw?.packages) ? raw.packages : [];
  const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const entries: VulnerableFunctions['entries'] = [];
  for (const e of list as Record<string, unknown>[]) {
    if ((e.ecosystem !== 'npm' && e.ecosystem !== 'PyPI') || typeof e.package !== 'string') continue;
    entries.push({ ecosystem: e.ecosystem, package: e.package, advisories: strs(e.advisories), functions: strs(e.functions), modules: e.modules ? strs(e.modules) : undefined });
  }
  return { entries };
}

/** The vulnerable functions the table names for an advisory (by its id or any alias), and the package's modules. */
export function tableLookup(table: VulnerableFunctions, ecosystem: Ecosystem, pkg: string, ids: readonly string[]): { functions: string[]; modules?: string[] } {
  const name = normalizePackageName(ecosystem, pkg);
  const mine = table.entries.filter((e) => e.ecosystem === ecosystem && normalizePackageName(ecosystem, e.package) === name);
  return {
    functions: [...new Set(mine.filter((e) => e.advisories.some((a) => ids.includes(a))).flatMap((e) => e.functions))],
    modules: mine.find((e) => e.modules)?.modules,
  };
}

/** What reachability found for one package. */
export interface Reach {
  level: 'called' | 'imported' | 'not-imported';
  /** Workspace-relative path and 1-based line of the call or the first import. */
  at?: { path: string; line: number };
  fn?: string;
  /** Source files looked at; `complete` is false when the walk stopped at the limit. */
  looked: number;
  complete: boolean;
}

interface FileFacts {
  mtimeMs: number;
  size: number;
  kind: 'js' | 'py';
  imports: ImportFact[];
}

/** Folders of installed or vendored packages: their imports are not the workspace's own code. */
const DEPENDENCY_DIR = /(?:^|\/)(?:node_modules|bower_components|\.venv|venv|site-packages|\.tox)\//;

/**
 * The import facts of a workspace folder's source files, read from disk and kept per file while its size and
 * modification time are unchanged. `limit` bounds the files read (the editor); without it the look is complete.
 */
export class WorkspaceImports {
  private readonly files = new Map<string, FileFacts>();
  private looked = 0;
  private complete = true;

  constructor(
    readonly root: string,
    private readonly limit?: number,
  ) {}

  /** Re-lists the folder and re-reads files that changed. */
  refresh(): void {
    const seen = new Set<string>();
    let count = 0;
    this.complete = true;
    for (const f of walkFiles([{ root: this.root }], { maxFileSize: 2_000_000 }).files) {
      const kind = sourceKind(f.path);
      if (!kind || DEPENDENCY_DIR.test(f.relPath)) continue;
      if (this.limit !== undefined && count >= this.limit) {
        this.complete = false;
        break;
      }
      count++;
      seen.add(f.relPath);
      try {
        const st = statSync(f.path);
        const old = this.files.get(f.relPath);
        if (old && old.mtimeMs === st.mtimeMs && old.size === st.size) continue;
        this.files.set(f.relPath, { mtimeMs: st.mtimeMs, size: st.size, kind, imports: importsOf(kind, readFileSync(f.path, 'utf8')) });
      } catch {
        this.files.delete(f.relPath);
      }
    }
    for (const p of [...this.files.keys()]) if (!seen.has(p)) this.files.delete(p);
    this.looked = count;
  }

  /** Whether `pkg` is imported and one of `functions` called (as of the last `refresh`). */
  reach(ecosystem: Ecosystem, pkg: string, functions: readonly string[], modules?: readonly string[]): Reach {
    const kind = ecosystem === 'npm' ? 'js' : 'py';
    const names = new Set(ecosystem === 'npm' ? [pkg] : (modules ?? [pkg.toLowerCase().replace(/[-.]+/g, '_')]));
    let first: { path: string; line: number } | undefined;
    for (const [path, facts] of [...this.files].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (facts.kind !== kind) continue;
      const mine = facts.imports.filter((i) => names.has(i.module));
      if (mine.length === 0) continue;
      first ??= { path, line: Math.min(...mine.map((i) => i.line)) };
      if (functions.length === 0) continue;
      let text: string;
      try {
        text = readFileSync(`${this.root}/${path}`, 'utf8');
      } catch {
        continue;
      }
      for (const fn of functions) {
        const line = firstCall(text, mine, fn);
        if (line !== undefined) return { level: 'called', at: { path, line }, fn, looked: this.looked, complete: this.complete };
      }
    }
    return { level: first ? 'imported' : 'not-imported', at: first, looked: this.looked, complete: this.complete };
  }
}
