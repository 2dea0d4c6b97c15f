/**
 * Loads web-tree-sitter and the grammar `.wasm` files once per process, and hands out one Parser per grammar.
 * Trees live in the wasm heap: whoever holds a Tree must call `tree.delete()` (SourceDocument does).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { GRAMMAR_IDS, type GrammarId } from './languages';

/** Where the grammar and runtime `.wasm` files are. Bundles keep them beside themselves; sources use the repo. */
export function defaultWasmDir(): string {
  const candidates = [join(__dirname, 'grammars'), join(__dirname, '..', 'grammars'), join(__dirname, '..', '..', '..', 'grammars')];
  for (const dir of candidates) if (existsSync(join(dir, 'javascript.wasm'))) return dir;
  throw new Error(`Vigil: grammar .wasm files not found (looked in ${candidates.join(', ')})`);
}

function runtimeWasmPath(grammarDir: string): string {
  const candidates = [
    join(grammarDir, 'tree-sitter.wasm'),
    join(grammarDir, '..', 'tree-sitter.wasm'),
    join(__dirname, 'tree-sitter.wasm'),
    // Running from sources (tests): the runtime ships in the web-tree-sitter package.
    join(__dirname, '..', '..', '..', 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Vigil: tree-sitter.wasm not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Every grammar some registry of this process has loaded: wasm languages are process-wide and immutable. */
const LOADED = new Map<GrammarId, Language>();
/** The folder each of `LOADED` was read from: a registry reuses a loaded grammar only from its own folder. */
const LOADED_FROM = new Map<GrammarId, string>();

/**
 * A grammar already loaded in this process (by any registry), for reads outside an open document such as the
 * workspace's Terraform exposure facts; undefined until a registry has loaded it.
 */
export function loadedLanguage(id: GrammarId): Language | undefined {
  return LOADED.get(id);
}

export class GrammarRegistry {
  private readonly languages = new Map<GrammarId, Language>();
  private readonly parsers = new Map<GrammarId, Parser>();
  private readonly failed = new Map<GrammarId, string>();
  /** Loads in progress, so that two callers asking for one grammar at once load it once. */
  private readonly loading = new Map<GrammarId, Promise<void>>();

  private constructor(readonly grammarDir: string) {}

  private static initialised: Promise<void> | undefined;
  /** The options given to `Parser.init`: emscripten makes that object the runtime's Module (it holds `HEAP8`). */
  private static runtime: { locateFile: () => string; HEAP8?: Int8Array } | undefined;

  /** Initialises the runtime once and loads the given grammars (all known ones by default). */
  static async create(grammarDir = defaultWasmDir(), grammars?: readonly GrammarId[]): Promise<GrammarRegistry> {
    const wasm = runtimeWasmPath(grammarDir);
    if (!GrammarRegistry.initialised) {
      GrammarRegistry.runtime = { locateFile: () => wasm };
      GrammarRegistry.initialised = Parser.init(GrammarRegistry.runtime);
    }
    await GrammarRegistry.initialised;
    const reg = new GrammarRegistry(grammarDir);
    const ids = grammars ?? GRAMMAR_IDS;
    await Promise.all(ids.map((id) => reg.load(id)));
    return reg;
  }

  /**
   * Bytes of wasm linear memory the parser runtime holds (trees, parsers, languages): it grows to the peak of
   * what was ever alive at once and never shrinks. 0 before the runtime is loaded. For memory figures and tests.
   */
  static get wasmHeapBytes(): number {
    return GrammarRegistry.runtime?.HEAP8?.buffer.byteLength ?? 0;
  }

  private async load(id: GrammarId): Promise<void> {
    try {
      // A grammar another registry of this process loaded (the HCL reader's, a second engine's) is not loaded twice.
      const reuse = LOADED_FROM.get(id) === this.grammarDir ? LOADED.get(id) : undefined;
      const lang = reuse ?? (await Language.load(readFileSync(join(this.grammarDir, `${id}.wasm`))));
      this.languages.set(id, lang);
      LOADED.set(id, lang);
      LOADED_FROM.set(id, this.grammarDir);
      const parser = new Parser();
      parser.setLanguage(lang);
      this.parsers.set(id, parser);
    } catch (e) {
      // A missing or incompatible grammar only disables syntax-aware rules for that language.
      this.failed.set(id, e instanceof Error ? e.message : String(e));
    }
  }

  language(id: GrammarId): Language | undefined {
    return this.languages.get(id);
  }

  /** The grammars loaded (in load order). */
  get loaded(): GrammarId[] {
    return [...this.languages.keys()];
  }

  /** Loads `ids` not loaded (nor failed) yet: a registry created with some grammars can take more later. */
  async ensure(ids: readonly GrammarId[]): Promise<void> {
    const load = (id: GrammarId) => {
      let p = this.loading.get(id);
      if (!p) {
        p = this.load(id).finally(() => this.loading.delete(id));
        this.loading.set(id, p);
      }
      return p;
    };
    await Promise.all(ids.filter((id) => !this.languages.has(id) && !this.failed.has(id)).map(load));
  }

  /** Grammars that failed to load, with the reason, for the output channel. */
  get loadErrors(): ReadonlyMap<GrammarId, string> {
    return this.failed;
  }

  /**
   * Parses `text`, reusing `oldTree` (already `edit`ed) for an incremental parse. Returns undefined when the
   * parse was cancelled by its work budget (`parseBudget`).
   */
  parse(id: GrammarId, text: string, oldTree?: Tree, maxChecks = parseBudget(text.length)): Tree | undefined {
    const parser = this.parsers.get(id);
    if (!parser) return undefined;
    return budgetedParse(parser, text, oldTree, maxChecks);
  }
}

/** Parses with a work budget (`parseBudget`); undefined when the budget cut the parse. */
export function budgetedParse(parser: Parser, text: string, oldTree?: Tree, maxChecks = parseBudget(text.length)): Tree | undefined {
  // tree-sitter calls the progress callback once per 100 parser operations; returning true cancels the parse
  // (documented in ParseOptions). Counting calls, not reading the clock, cuts at the same place on every machine.
  let checks = 0;
  const progressCallback = (() => ++checks > maxChecks) as unknown as (s: unknown) => void;
  const tree = parser.parse(text, oldTree ?? null, { progressCallback });
  if (!tree) parser.reset();
  return tree ?? undefined;
}

/**
 * Progress checks (one per 100 parser operations) a parse of `length` characters may take: ordinary code needs
 * 10 to 25 per 1,000 characters, so 100 per 1,000 plus a floor never cuts it; input that sends the parser's
 * error recovery into a loop is cut after that much work. For a full parse the outcome depends on the text
 * alone; an incremental parse reuses the old tree and usually does a small part of that work.
 */
export function parseBudget(length: number): number {
  return 50_000 + Math.ceil(length / 10);
}
