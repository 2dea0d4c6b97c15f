/**
 * Imports read from file text alone (no parse), for the cross-file passes of the workspace scan:
 * which files another file may import, so pass 1 summarises only those, and whether a file may import a
 * summarised function, so pass 2 hands the index only to those. A superset of what the taint pack resolves.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { languageRecord } from '../languages';
import { buildExportIndex, type ExportIndex, type ExportSummary } from '../taint/taint-analyzer';
import { collaboratorNames, isAppMethodName, ROLE_CALLED, uniqueRoleClasses } from '../taint/app-method-names';

/**
 * Module specifiers in a file's text, by its language's `modules.specifier` (`'./db'`, `"../lib/x"` in JS/TS;
 * `from .db import` and `from shop.db import` in Python); none for languages without cross-file taint.
 */
export function moduleSpecifiers(languageId: string, text: string): string[] {
  const re = languageRecord(languageId)?.modules?.specifier;
  if (!re) return [];
  return [...text.matchAll(re)].flatMap((m) => {
    const whole = m.groups!['whole'];
    // `import shop.db as d, shop.api`: each module listed.
    if (whole !== undefined) return whole.split(',').map((w) => w.trim().split(/\s+/)[0]!).filter((w) => /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(w));
    const spec = m.groups!['spec']!;
    // Python's imported names, each also as a module of the package (`from . import helper` imports `.helper`).
    const names = m.groups!['names']?.replace(/[()\\]/g, ' ').split(',').map((n) => n.trim().split(/\s+/)[0]!).filter((n) => /^[A-Za-z_]\w*$/.test(n)) ?? [];
    return [spec, ...names.map((n) => `${spec}${spec.endsWith('.') ? '' : '.'}${n}`)];
  });
}

/**
 * Whether a file may import a function of `index` (resolved as the taint pack resolves imports). A language whose
 * imports name classes or packages may call one with no import: its text must name a summarised function.
 */
export function mayImportFrom(index: ExportIndex, path: string, languageId: string, text: string): boolean {
  if (languageRecord(languageId)?.modules?.qualified) {
    const names = index.qualifiedNames;
    return !!names?.size && (text.match(/[A-Za-z_$][\w$]*/g) ?? []).some((w) => names.has(w));
  }
  // A class's methods are reached only through an instance: a file that never calls the class (`C(`, `new C(`,
  // `r.C(`) gets nothing from them, and without the index the taint pack may skip rules by the file's words (a
  // module's own class, or the instance it is, goes by the importer's name for the module).
  let called: Set<string> | undefined;
  const constructs = (cls: string): boolean => (called ??= calledNames(text)).has(cls);
  if (moduleSpecifiers(languageId, text).some((s) => index(path, s)?.some((e) => e.className === undefined || e.moduleClass || e.moduleInstance || !!e.instanceNames || constructs(e.className)))) return true;
  // A call of a workspace class's method on an object of unknown class (see `ExportIndex.methodsNamed`).
  const methods = index.methodsNamed;
  if (methods?.size) for (const m of text.matchAll(METHOD_CALL)) if (methods.has(m[1]!) && methods.get(m[1]!)!.some((e) => e.path !== path)) return true;
  // ... or held under a class's name (see `ExportIndex.classesNamed`).
  const classes = index.classesNamed;
  if (classes?.size) {
    const held = new Set(heldCalls(text).map(([n]) => n));
    for (const n of held) {
      const cls = index.collaborators?.get(n);
      if (cls !== undefined && classes.get(cls)!.some((e) => e.path !== path)) return true;
    }
    for (const [n, assigned] of index.heldNames ?? []) if (held.has(n) && [...assigned].some((c) => classes.get(c)?.some((e) => e.path !== path))) return true;
  }
  // A handler may read what another file's middleware stores on a request (`ExportIndex.requestWrites`): the file
  // spells every name of the path.
  for (const [key, entries] of index.requestWrites ?? []) {
    if (!entries.some((e) => e.path !== path)) continue;
    const names = key.slice(key.indexOf('\u0000') + 1).split('.');
    if (names.every((n) => new RegExp(`(?<![\\w$])${n.replace(/[$-]/g, '\\$&')}(?![\\w$])`).test(text))) return true;
  }
  return false;
}

/**
 * The names a text calls or constructs: each word before `(` (`Config(`, `r.Request (`, `new Store(`, `cfg.load(`)
 * or after `new ` (`new Store;`), each written as a type (`orders: OrdersService,`: an injected instance), and the
 * name imported as one of them (`import { Store as S }`, `from .c import Config as C`). A superset of the classes the
 * taint pack sees instantiated or declared (`ClassInstances.constructed`, `declaredFields`) and of the methods it
 * sees called on them.
 */
export function calledNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\w$])([A-Za-z_$][\w$]*)\s*\(|\bnew\s+([A-Za-z_$][\w$]*)/g)) out.add((m[1] ?? m[2])!);
  // A class whose method is called on it (`OrderQuery.fromRequest(req)`): its static and class methods are called.
  for (const m of text.matchAll(/(?<![\w$.])([A-Z][\w$]*)\.[A-Za-z_$][\w$]*\s*\(/g)) out.add(m[1]!);
  // A table of functions a call picks from (`STEP_HANDLERS[step.type](step)`, `ACTIONS.get(name)`).
  for (const m of text.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)(?:\[|\.get\s*\()/g)) out.add(m[1]!);
  // A type annotation (`private readonly orders: OrdersService,`): an instance injected rather than constructed.
  for (const m of text.matchAll(/[\w$)?]\s*:\s*([A-Za-z_$][\w$]*)\s*[,;)=\n]/g)) out.add(m[1]!);
  // Python's: a property's return (`-> Store:`), a forward reference (`"Store"`), `Optional[Store]`, `Store | None`.
  for (const m of text.matchAll(/(?:->|:)\s*(?:Optional\[\s*)?["']?([A-Za-z_][\w]*)["']?\s*(?:\]|\|\s*None)?\s*[,:)=\n]/g)) out.add(m[1]!);
  for (const m of text.matchAll(/(?<![\w$])([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)/g)) if (out.has(m[2]!)) out.add(m[1]!);
  return out;
}

/** Module path and root folder of each manifest read (by the folder searched from), so each is read once. */
const manifests = new Map<string, { module: string; root: string } | null>();

/** The nearest manifest (`go.mod`) at or above `dir`: its declared module path and its folder. */
function manifestAbove(dir: string, manifest: { file: string; module: RegExp }): { module: string; root: string } | undefined {
  const key = `${manifest.file}\u0000${dir}`;
  let found = manifests.get(key);
  if (found === undefined) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, manifest.file), 'utf8');
    } catch {
      text = undefined;
    }
    const module = text === undefined ? undefined : manifest.module.exec(text)?.groups?.['module'];
    const parent = dirname(dir);
    // A manifest without a module line ends the search: the folder is its own module root, which names nothing.
    found = text !== undefined ? (module ? { module, root: dir } : null) : parent === dir ? null : manifestAbove(parent, manifest) ?? null;
    manifests.set(key, found);
  }
  return found ?? undefined;
}

/**
 * Adds to summaries of a language whose modules are directories (`modules.manifest`) the module path each
 * directory has under its manifest: Go's `example.com/shop/store` for `<root>/store` below `module example.com/shop`.
 */
export function withManifestModules(summaries: ExportSummary[], languageId: string): ExportSummary[] {
  const manifest = languageRecord(languageId)?.modules?.manifest;
  if (!manifest) return summaries;
  return summaries.map((s) => {
    const more = (s.modules ?? []).flatMap((dir) => {
      const m = manifestAbove(dir, manifest);
      if (!m) return [];
      const rel = relative(m.root, dir).split(sep).join('/');
      return rel.startsWith('..') ? [] : [rel ? `${m.module}/${rel}` : m.module];
    });
    return more.length ? { ...s, modules: [...s.modules!, ...more] } : s;
  });
}

/** What pass 1 needs to know of a file another file imports (see `importedFiles`). */
export interface ImportedFile {
  /** The names its importers call or construct (`calledNames`): only those methods of those classes are summarised. */
  called: Set<string>;
  /**
   * The files whose scan may read its summaries: its importers, and the files they import (an imported function may
   * return a rule's source that the importer hands to this file's functions). Pass 1 needs only the rules a flow can
   * start for in one of them (`TaintAnalyzer.rulesStartingIn`). Absent when not known (a language whose files call
   * their package's without an import): every rule.
   */
  readers?: string[];
  /**
   * The files importing it, each with the names it calls (`calledNames`): pass 1's later rounds summarise an
   * importer again only when it calls a function whose summary changed.
   */
  importers: Map<string, ReadonlySet<string>>;
  /**
   * For a barrel (a package's `__init__.py`, an index file): the files it imports, whose functions it re-exports. A
   * call through it (`parseBody(event)` of `require('../lib')`) is a call of one of theirs (see pass 0's request
   * arguments in the scan pool).
   */
  reexports?: string[];
  /**
   * For a file of a language whose files call their package's functions without an import (Java, Go): the names it
   * calls (`calledNames`). Its callers are unknown; pass 1's later rounds summarise it again when it calls a function
   * of its language whose summary changed.
   */
  calls?: ReadonlySet<string>;
}

/** The file among `paths` that a module specifier written in `fromPath` names, resolved exactly as the taint pack resolves it. */
export function moduleResolver(paths: readonly string[]): (fromPath: string, specifier: string) => string | undefined {
  // An index "exporting" one placeholder from every file.
  const index = buildExportIndex(paths.map((path) => ({ path, name: '', rules: {} })));
  return (fromPath, specifier) => index(fromPath, specifier)?.[0]?.path;
}

/** A method called by name on some object: `.searchNotes(`. */
const METHOD_CALL = /\.\s*([A-Za-z_$][\w$]*)\s*\(/g;

/**
 * A definition of a function or method at the start of a line, as an application names it (`isAppMethodName`):
 * Python's `def search_notes(`, a class's or object literal's `async searchNotes(term) {`, `searchNotes = (` .
 */
const DEFINITION = /^[ \t]*(?:(?:async|static|public|private|protected|override|readonly|def)[ \t]+)*([A-Za-z_$][\w$]*)[ \t]*(?:=[ \t]*(?:async[ \t]*)?)?(?:<[^>\n]*>)?\(/gm;

/** The application-named functions and methods a text defines (a superset: see `DEFINITION`). */
function definedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DEFINITION)) if (isAppMethodName(m[1]!)) out.add(m[1]!);
  return out;
}

/**
 * A method called on a name, a field or a registry's entry (`orderService.search(`, `this._order_service.find(`,
 * `request.app["upstream"].relay(`): the name (group 1 or 2) and the method (group 3). A name starts where no word
 * character precedes it: tried from inside a run of them, the search would be quadratic in a minified file's runs.
 */
const HELD_CALL = /(?:(?<![\w$])([A-Za-z_$][\w$]*)|\[\s*['"]([\w$]+)['"]\s*\])\s*\.\s*([A-Za-z_$][\w$]*)\s*\(/g;

/**
 * An instance assigned to a field or a registry's entry (`app.ctx.products = ProductService(`,
 * `app["upstream"] = new UpstreamClient(`): the entry's name (group 1 or 2) and the class (group 3). A superset of
 * what the taint pack's summaries list (`ExportSummary.heldClass`).
 */
const HELD_ASSIGN = /(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([\w$]+)['"]\s*\])\s*=\s*(?:await\s+)?(?:new\s+)?(?:[\w$]+\.)*([A-Z][\w$]*)\s*\(/g;

/** The classes a text defines. */
function definedClasses(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+(?:default[ \t]+)?)?(?:abstract[ \t]+)?class[ \t]+([A-Z]\w*)/gm)) out.add(m[1]!);
  return out;
}

/** A name as `HELD_CALL` and `HELD_ASSIGN` give it: leading underscores aside. */
const heldName = (m: RegExpMatchArray): string => (m[1] ?? m[2]!).replace(/^_+/, '');

/** The end of a returned path: its last field (group `f`) or constant key (group `k`). */
const PATH_END = String.raw`[A-Za-z_$][\w$.]*(?:\[\s*['"][\w$]+['"]\s*\])*(?:\.(?<f>[A-Za-z_$][\w$]*)|\[\s*['"](?<k>[\w$]+)['"]\s*\])`;

/**
 * A helper whose body returns a path alone (`def _svc(request):\n    return request.app["devices"]`, `function svc(req)
 * { return req.app.locals.exporter; }`, `const svc = (req) => req.app.locals.exporter`): its name (group `n`) and
 * the path's end.
 */
const PATH_HELPER = new RegExp(
  String.raw`(?:^[ \t]*(?:async[ \t]+)?def[ \t]+(?<n>[A-Za-z_]\w*)[ \t]*\([^)\n]*\)[^:\n]*:[ \t]*\n[ \t]+return[ \t]+|function[ \t]+(?<n2>[A-Za-z_$][\w$]*)[ \t]*\([^)\n]*\)[ \t]*\{\s*return[ \t]+|(?:const|let|var)[ \t]+(?<n3>[A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:\([^)\n]*\)|[A-Za-z_$][\w$]*)[ \t]*=>[ \t]*)` + PATH_END + String.raw`[ \t]*;?[ \t]*$`,
  'gm',
);

/**
 * The names a text calls methods on, each with the method (`HELD_CALL`), and through this file's helpers that return
 * a registry path (`_svc(request).visible_groups(op)`: the path's end, see `PATH_HELPER`).
 */
function heldCalls(text: string): [name: string, method: string][] {
  const out: [string, string][] = [...text.matchAll(HELD_CALL)].map((m) => [heldName(m), m[3]!]);
  for (const h of text.matchAll(PATH_HELPER)) {
    const g = h.groups!;
    const fn = (g['n'] ?? g['n2'] ?? g['n3'])!;
    const held = (g['f'] ?? g['k'])!.replace(/^_+/, '');
    for (const c of text.matchAll(new RegExp(String.raw`(?<![\w$.])${fn.replace(/\$/g, '\\$')}\s*\([^()\n]*\)\s*\.\s*([A-Za-z_$][\w$]*)\s*\(`, 'g'))) out.push([held, c[1]!]);
  }
  return out;
}

/** A file that re-exports what it imports: a Python package's `__init__.py`, a JS/TS index file. */
const BARREL = /(?:^|[\\/])(?:__init__\.pyi?|index\.[cm]?[jt]sx?)$/;

/**
 * The files among `files` that some file among them imports (relative imports; Python's absolute ones too), each with
 * the names its importers call or construct and the files that may read its summaries (`ImportedFile`). Reads the
 * files (or uses `content`) a few at a time; returns undefined if the signal aborts.
 */
export async function importedFiles(
  files: readonly { path: string; languageId: string; content?: Uint8Array }[],
  signal?: AbortSignal,
): Promise<Map<string, ImportedFile> | undefined> {
  const resolveIn = moduleResolver(files.map((f) => f.path));
  const imported = new Map<string, ImportedFile>();
  const importedBy = (path: string): ImportedFile => {
    let entry = imported.get(path);
    if (!entry) imported.set(path, (entry = { called: new Set(), importers: new Map() }));
    return entry;
  };
  /** Per importing file, the files it imports. */
  const importsOf = new Map<string, Set<string>>();
  /**
   * Per file read, its `calledNames` and its `definedNames`; per application method name (`isAppMethodName`) called
   * as `.m(`, its callers.
   */
  const namesOf = new Map<string, Set<string>>();
  const definedIn = new Map<string, Set<string>>();
  const methodCallers = new Map<string, Set<string>>();
  /** Per file, the classes it defines that go by a collaborator's name; per name a method is called on, its callers. */
  const classesIn = new Map<string, Set<string>>();
  /** Per name a method is called on (`HELD_CALL`), its callers with the methods each calls on it. */
  const holders = new Map<string, Map<string, Set<string>>>();
  /** Per file, the registry entries it assigns instances to, with their classes (`HELD_ASSIGN`). */
  const heldIn = new Map<string, Map<string, string>>();
  /** Files any file of their package may call without an import (a qualified language's): readers not known. */
  const unknownReaders = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const f = files[next++]!;
      // Any file may be called from another of its package without an import: no need to read it (nor are classes
      // of these languages followed by instance: see `LanguageModule.instances`).
      const qualified = !!languageRecord(f.languageId)?.modules?.qualified;
      if (qualified) {
        importedBy(f.path);
        unknownReaders.add(f.path);
      }
      let text: string;
      try {
        text = f.content ? new TextDecoder('utf-8').decode(f.content) : await readFile(f.path, 'utf8');
      } catch {
        continue; // pass 2 reports unreadable files
      }
      // The names it calls, for pass 1's later rounds: which files to summarise again when a summary changes.
      if (qualified) {
        importedBy(f.path).calls = calledNames(text);
        continue;
      }
      const called = calledNames(text);
      namesOf.set(f.path, called);
      const defined = definedNames(text);
      if (defined.size) definedIn.set(f.path, defined);
      for (const m of text.matchAll(METHOD_CALL)) {
        if (!isAppMethodName(m[1]!)) continue;
        let callers = methodCallers.get(m[1]!);
        if (!callers) methodCallers.set(m[1]!, (callers = new Set()));
        callers.add(f.path);
      }
      const classes = definedClasses(text);
      if (classes.size) classesIn.set(f.path, classes);
      for (const [name, method] of heldCalls(text)) {
        let callers = holders.get(name);
        if (!callers) holders.set(name, (callers = new Map()));
        let methods = callers.get(f.path);
        if (!methods) callers.set(f.path, (methods = new Set()));
        methods.add(method);
      }
      const held = new Map<string, string>();
      for (const m of text.matchAll(HELD_ASSIGN)) held.set(heldName(m), m[3]!);
      if (held.size) heldIn.set(f.path, held);
      for (const s of moduleSpecifiers(f.languageId, text)) {
        const target = resolveIn(f.path, s);
        if (!target) continue;
        const entry = importedBy(target);
        for (const n of called) entry.called.add(n);
        entry.importers.set(f.path, called);
        let targets = importsOf.get(f.path);
        if (!targets) importsOf.set(f.path, (targets = new Set()));
        targets.add(target);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  if (signal?.aborted) return undefined;
  // A package's `__init__.py` or an index file re-exports what it imports: its importers are those files' importers
  // too (they call their names, and a change of their summaries is theirs to read again), through chains of them.
  for (let round = 0; round < 4; round++) {
    let grew = false;
    for (const [importer, targets] of importsOf) {
      const barrel = BARREL.test(importer) ? imported.get(importer) : undefined;
      if (!barrel?.importers.size) continue;
      for (const t of targets) {
        const entry = imported.get(t)!;
        for (const [via, calls] of barrel.importers) {
          if (via === t || entry.importers.has(via)) continue;
          entry.importers.set(via, calls);
          for (const n of calls) entry.called.add(n);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  for (const [importer, targets] of importsOf) {
    const barrel = BARREL.test(importer) ? imported.get(importer) : undefined;
    if (barrel) barrel.reexports = [...targets];
  }
  // A call of an application's method on an object of unknown class (`this.repo.searchNotes(t)`, the repository
  // injected) may run a class of a file the caller does not import (see `ExportIndex.methodsNamed`): the caller
  // counts as the defining file's importer for that name, imported or not (every definer is summarised, so the index
  // counts them all). After the barrels: an importer through one calls and constructs all it names.
  for (const [target, defined] of definedIn) {
    for (const n of defined) {
      for (const caller of methodCallers.get(n) ?? []) {
        if (caller === target) continue;
        const entry = importedBy(target);
        entry.called.add(n);
        if (!entry.importers.has(caller)) entry.importers.set(caller, namesOf.get(caller)!);
        let targets = importsOf.get(caller);
        if (!targets) importsOf.set(caller, (targets = new Set()));
        targets.add(target);
      }
    }
  }
  // A method called on an object held under a class's name (`this.orderService.search(q)`, see
  // `ExportIndex.classesNamed`) or under a registry entry some file assigns an instance of it to
  // (`request.app.ctx.products.search(q)`, see `ExportIndex.heldNames`): the caller counts as an importer of the file
  // defining the class, constructing it, and of the file assigning the entry.
  // Only the methods called on the name: the class's others stay unsummarised, as for an import.
  const link = (caller: string, target: string, methods: ReadonlySet<string>, cls?: string): void => {
    if (caller === target) return;
    const entry = importedBy(target);
    const names = new Set(methods);
    if (cls !== undefined) names.add(cls);
    for (const n of names) entry.called.add(n);
    const known = entry.importers.get(caller);
    entry.importers.set(caller, known ? new Set([...known, ...names]) : names);
    let targets = importsOf.get(caller);
    if (!targets) importsOf.set(caller, (targets = new Set()));
    targets.add(target);
  };
  const definers = new Map<string, string[]>();
  for (const [target, classes] of classesIn) for (const cls of classes) definers.set(cls, [...(definers.get(cls) ?? []), target]);
  const unique = uniqueRoleClasses(definers.keys());
  for (const [target, classes] of classesIn) {
    for (const cls of classes) {
      for (const held of collaboratorNames(cls)) for (const [caller, methods] of holders.get(held) ?? []) link(caller, target, methods, cls);
      // Its role's word, for the one class of the workspace in that role: the class's file lists it (`ROLE_CALLED`).
      const role = unique.get(cls);
      const callers = role !== undefined ? holders.get(role) : undefined;
      if (!callers?.size || (definers.get(cls)?.length ?? 0) > 1) continue;
      importedBy(target).called.add(`${ROLE_CALLED}${role}`);
      for (const [caller, methods] of callers) link(caller, target, methods, cls);
    }
  }
  for (const [assigner, held] of heldIn) {
    for (const [name, cls] of held) {
      for (const [caller, methods] of holders.get(name) ?? []) {
        link(caller, assigner, methods);
        for (const target of definers.get(cls) ?? []) link(caller, target, methods, cls);
      }
    }
  }
  const readersOf = new Map<string, Set<string>>();
  for (const [importer, targets] of importsOf) {
    for (const t of targets) {
      if (unknownReaders.has(t)) continue;
      let set = readersOf.get(t);
      if (!set) readersOf.set(t, (set = new Set()));
      set.add(importer);
      for (const c of targets) set.add(c);
    }
  }
  for (const [path, set] of readersOf) imported.get(path)!.readers = [...set];
  return imported;
}
