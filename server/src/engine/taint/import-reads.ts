/**
 * A file's imports (local name -> qualified module or name) as one function unit's analysis reads them: the same
 * entries, each read reported as a dependency of the unit's cached result, so that an edit of one import re-analyses
 * only the units that read what it changed (issue 17). The dependencies, valued by `importDep` in taint-analyzer.ts:
 * `I:<name>` the module a name resolves to (a `get` or `has`), `I$` the modules in order (`values()`), `I*` the
 * entries in order (any other iteration, `size`), `I%<what>` a language's answer about them (see `importsAnswer`).
 */
export class ImportReads extends Map<string, string> {
  constructor(
    /** The file's imports this reads (identity-keyed facts about them are kept under it). */
    readonly origin: Map<string, string>,
    private readonly read: (dep: string) => void,
  ) {
    super(origin);
  }

  /** Reports a read that is not one of the map's own (see `importsAnswer`). */
  note(dep: string): void {
    this.read(dep);
  }

  override get(name: string): string | undefined {
    this.read(`I:${name}`);
    return super.get(name);
  }

  override has(name: string): boolean {
    this.read(`I:${name}`);
    return super.has(name);
  }

  override values(): MapIterator<string> {
    this.read('I$');
    return super.values();
  }

  override keys(): MapIterator<string> {
    this.read('I*');
    return super.keys();
  }

  override entries(): MapIterator<[string, string]> {
    this.read('I*');
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    this.read('I*');
    return super.entries();
  }

  override forEach(fn: (value: string, key: string, map: Map<string, string>) => void, thisArg?: unknown): void {
    this.read('I*');
    super.forEach(fn, thisArg);
  }

  override get size(): number {
    this.read('I*');
    return super.size;
  }
}

/** The imports map a view reads (facts a language keeps per imports map are keyed by the file's own). */
export function importsOrigin(imports: Map<string, string>): Map<string, string> {
  return imports instanceof ImportReads ? imports.origin : imports;
}

/**
 * A language's answer about the file's imports as a whole (`sqlPlaceholder`, `htmlEscaper`), read as one dependency
 * (`I%<what>`, valued by the answer) instead of as every entry the language's scan reads: an import that changes no
 * answer re-analyses no unit that only asked it.
 */
export function importsAnswer<T>(imports: Map<string, string>, what: string, answer: (imports: Map<string, string>) => T): T {
  if (!(imports instanceof ImportReads)) return answer(imports);
  imports.note(`I%${what}`);
  return answer(imports.origin);
}
