/**
 * The one record of the languages Vigil knows: which tree-sitter grammar (if any) serves a document, its VS Code
 * language ids, file extensions and names, comment syntax, and what each pack can do with it. Every language list
 * in the code derives from `LANGUAGES`; `test/unit/languages.test.ts` holds package.json's activation events to it.
 * Documents without a grammar are still scanned by text-based analyzers such as secrets.
 */
import { basename, extname } from 'node:path';

export type GrammarId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'java' | 'go' | 'json' | 'bash' | 'terraform';

/** Languages a taint rule can name. `javascript` covers .js/.jsx; `typescript` covers .ts/.tsx. */
export type TaintLanguage = 'javascript' | 'typescript' | 'python' | 'java' | 'go';

/** One VS Code language id and what Vigil knows about it. */
export interface LanguageRecord {
  /** The VS Code language id (`typescriptreact`). */
  readonly id: string;
  /** Its tree-sitter grammar, when it has one (several ids can share one: `javascriptreact` uses `javascript`). */
  readonly grammar?: GrammarId;
  /** File extensions, lower case with the dot, that mean this language (first record to list one wins). */
  readonly extensions: readonly string[];
  /** Exact file names (lower case) and file-name prefixes (`dockerfile.`) that mean this language. */
  readonly fileNames?: readonly string[];
  readonly fileNamePrefixes?: readonly string[];
  /** Line comment opener, or an opener/closer pair for languages with only block comments (`<!--`, ` -->`). */
  readonly comment?: readonly [string, string];
  /** Whether the extension activates on documents of this language (package.json `activationEvents`). */
  readonly activates: boolean;
  /** Source code whose string literals are quoted (secret rules with `literalInCode` require the quotes). */
  readonly code?: boolean;
  /** The taint language of its rules, when the taint pack analyses it. */
  readonly taint?: TaintLanguage;
  /**
   * How its relative imports look in the text and resolve to files, for cross-file taint (languages without it get
   * no cross-file summaries): `specifier` is a regex
   * whose group `spec` is the specifier (or whose group `whole` lists modules imported whole, comma-separated); `suffixes` are appended to the resolved path (`.ts`), `index` after those.
   * `qualified`: its imports name classes or packages, not files, and a file may call another of its package with no
   * import at all (Java, Go: the language module's `qualifiedModules`), so every file is summarised. `manifest`: a
   * module that is a directory is also known by the module path this file above it declares (`go.mod`), joined
   * with the directory's path below it.
   */
  readonly modules?: {
    readonly specifier?: RegExp;
    readonly suffixes: readonly string[];
    readonly index: readonly string[];
    readonly qualified?: boolean;
    readonly manifest?: { readonly file: string; readonly module: RegExp };
    /**
     * [what an import names, the source file's suffix] where an import names the file the compiler emits rather than
     * its source: TypeScript's ECMAScript modules import `./db.js` from `./db.ts`.
     */
    readonly emitted?: readonly (readonly [string, string])[];
  };
  /** The expression that reads environment variable `NAME`, for the secrets env-var fix and advice. */
  readonly envRead?: (name: string) => string;
  /** A configuration format: secrets advice says to reference a secret store or a variable there. */
  readonly config?: boolean;
  /**
   * The string and comment syntax of a code language without a grammar, for the secrets pack's lexer
   * (`secrets/code-lexer.ts`): where its code has string literals and comments without parsing it.
   */
  readonly lexical?: LexicalSyntax;
  /**
   * How its code joins string literals, for a secret split over several (`secrets/joined-literals.ts`): the infix
   * operator (`+`, PHP's `.`), and whether adjacent literals join with none (Python's and C's `"a" "b"`).
   */
  readonly stringJoin?: { readonly operator?: string; readonly adjacent?: boolean };
}

/** How a language without a grammar writes string literals and comments (read by `secrets/code-lexer.ts`). */
export interface LexicalSyntax {
  /** Line comment openers (`#`, `//`, `--`). A `#` right after `$`, `\\` or a word character opens none (`$#list`). */
  readonly lineComments: readonly string[];
  /** Block comment opener and closer pairs (`/*`, `*\/`). */
  readonly blockComments?: readonly (readonly [string, string])[];
  /** Block comments of whole lines: from a line the first regex matches to one the second matches (`=begin`, `=end`). */
  readonly lineBlockComments?: readonly (readonly [RegExp, RegExp])[];
  /** Quote characters of string literals; a backslash escapes the next character inside them. */
  readonly quotes: readonly string[];
  /** Whether a quoted string may span lines (when not, an unclosed quote ends at the line's end). */
  readonly multilineStrings: boolean;
  /** Character literals (`'"'`, `'\\n'`) that are not strings; a lone `'` elsewhere is a Rust lifetime or a C++ digit separator. */
  readonly charLiterals?: boolean;
  /** A heredoc opener, sticky (`y`), whose group `tag` is the word that ends its body (`<<<EOT`, `<<~SQL`). */
  readonly heredoc?: RegExp;
  /**
   * Quote-like operators, sticky (`y`), whose match ends with the delimiter (brackets nest); group `two` is set when
   * the operator has two parts (Perl's `s{…}{…}`, `tr/…/…/`).
   */
  readonly quoteLike?: RegExp;
  /** Raw strings, sticky (`y`): `close` gives the closer from the opener's match (Rust's `r#"…"#`, C++'s `R"x(…)x"`). */
  readonly rawString?: { readonly open: RegExp; readonly close: (m: RegExpExecArray) => string };
  /** Lua's long brackets: `[[…]]`, `[==[…]==]` strings, and block comments after `--`. */
  readonly longBrackets?: boolean;
  /** A line where code ends and data follows to the end of the file (Perl's and Ruby's `__END__`). */
  readonly dataEnd?: RegExp;
  /** Code sits between these markers and the rest is text (PHP's `<?php … ?>` in a page). */
  readonly embedded?: { readonly open: RegExp; readonly close: string };
  /** Openers that look like a line comment and are not (PHP 8's `#[Attribute]`), sticky (`y`). */
  readonly notComment?: RegExp;
}

const SLASH = ['//', ''] as const;
const HASH = ['#', ''] as const;
const C_BLOCK = ['/*', '*/'] as const;
/** The path aliases a JS/TS module specifier may start with, as a regex alternation (see `PATH_ALIAS`, which reads them). */
export const PATH_ALIAS_NAMES = String.raw`\$lib|~~?|@@?|App|#[\w-]*`;
// Relative specifiers, and those through a path alias (`$lib/db`, `~/models/post`, `@/lib/db`: see `PATH_ALIAS`).
const JS_MODULES = new RegExp(String.raw`(?<q>['"\`])(?<spec>(?:\.{1,2}|${PATH_ALIAS_NAMES})\/[^'"\`\r\n]*)\k<q>`, 'g');
// `from .db import f` and `from shop.db import f` (absolute: resolved to the workspace's own modules, if any); the
// imported names too, which may be modules (`from . import helper`, `from shop import db`); and `import shop.db as d`
// (group `whole`: the modules listed, each maybe with `as`).
const PY_MODULES = /^[ \t]*(?:from[ \t]+(?<spec>\.+[\w.]*|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]+import\b(?<names>[ \t]*\([^)]*\)|[^\r\n#;]*)|import[ \t]+(?<whole>[^\r\n#;]*))/gm;
const jsEnv = (name: string): string => `process.env.${name}`;
const PLUS = { operator: '+' } as const;

/** Every language, in order of preference where two claim the same extension. */
export const LANGUAGES: readonly LanguageRecord[] = [
  { id: 'javascript', grammar: 'javascript', extensions: ['.js', '.mjs', '.cjs'], comment: SLASH, activates: true, code: true, taint: 'javascript',
    modules: { specifier: JS_MODULES, suffixes: ['.js', '.mjs', '.cjs', '.jsx'], index: ['/index.js'] }, envRead: jsEnv, stringJoin: PLUS },
  { id: 'javascriptreact', grammar: 'javascript', extensions: ['.jsx'], comment: SLASH, activates: true, code: true, taint: 'javascript', modules: { specifier: JS_MODULES, suffixes: [], index: [] }, envRead: jsEnv, stringJoin: PLUS },
  { id: 'typescript', grammar: 'typescript', extensions: ['.ts', '.mts', '.cts'], comment: SLASH, activates: true, code: true, taint: 'typescript',
    modules: { specifier: JS_MODULES, suffixes: ['.ts', '.mts', '.cts', '.tsx'], index: ['/index.ts'], emitted: [['.js', '.ts'], ['.js', '.tsx'], ['.jsx', '.tsx'], ['.mjs', '.mts'], ['.cjs', '.cts']] }, envRead: jsEnv, stringJoin: PLUS },
  { id: 'typescriptreact', grammar: 'tsx', extensions: ['.tsx'], comment: SLASH, activates: true, code: true, taint: 'typescript', modules: { specifier: JS_MODULES, suffixes: [], index: [] }, envRead: jsEnv, stringJoin: PLUS },
  { id: 'python', grammar: 'python', extensions: ['.py', '.pyw'], comment: HASH, activates: true, code: true, taint: 'python',
    modules: { specifier: PY_MODULES, suffixes: ['.py'], index: ['/__init__.py'] }, envRead: (name) => `os.environ["${name}"]`, stringJoin: { operator: '+', adjacent: true } },
  { id: 'java', grammar: 'java', extensions: ['.java'], comment: SLASH, activates: true, code: true, taint: 'java', modules: { suffixes: [], index: [], qualified: true }, envRead: (name) => `System.getenv("${name}")`, stringJoin: PLUS },
  { id: 'go', grammar: 'go', extensions: ['.go'], comment: SLASH, activates: true, code: true, taint: 'go',
    modules: { suffixes: [], index: [], qualified: true, manifest: { file: 'go.mod', module: /^module[ \t]+"?(?<module>[^\s"]+)/m } }, envRead: (name) => `os.Getenv("${name}")`, stringJoin: PLUS },
  { id: 'json', grammar: 'json', extensions: ['.json'], activates: true, config: true },
  { id: 'jsonc', grammar: 'json', extensions: [], comment: SLASH, activates: true, config: true },
  { id: 'shellscript', grammar: 'bash', extensions: ['.sh', '.bash'], comment: HASH, activates: true, envRead: (n) => `"$${n}"` },
  { id: 'yaml', extensions: ['.yml', '.yaml'], comment: HASH, activates: true, config: true },
  { id: 'toml', extensions: ['.toml'], comment: HASH, activates: true, config: true },
  { id: 'ini', extensions: ['.ini'], comment: HASH, activates: true, config: true },
  { id: 'properties', extensions: ['.properties'], comment: HASH, activates: true, config: true },
  { id: 'dotenv', extensions: ['.env'], fileNames: ['.env'], fileNamePrefixes: ['.env.'], comment: HASH, activates: true },
  { id: 'terraform', grammar: 'terraform', extensions: ['.tf', '.tfvars'], comment: HASH, activates: true, config: true },
  { id: 'dockerfile', extensions: [], fileNames: ['dockerfile'], fileNamePrefixes: ['dockerfile.'], comment: HASH, activates: true },
  { id: 'dockercompose', extensions: [], comment: HASH, activates: true, config: true },
  // No suppression comment offered: the suppression fix has never been offered for workflow documents.
  { id: 'github-actions-workflow', extensions: [], activates: true, config: true },
  { id: 'plaintext', extensions: [], comment: HASH, activates: true },
  // Languages Vigil does not activate on but may still see (the client sends every document): secrets run on
  // them, and a suppression comment needs their comment syntax. Those with `lexical` are code whose strings and
  // comments the secrets pack finds with a lexer, so a value there is a quoted literal as in parsed code.
  { id: 'php', extensions: ['.php', '.phtml'], comment: SLASH, activates: false, code: true, envRead: (n) => `getenv('${n}')`, stringJoin: { operator: '.' },
    lexical: { lineComments: ['//', '#'], blockComments: [C_BLOCK], quotes: ['"', "'", '`'], multilineStrings: true,
      heredoc: /<<<[ \t]*(?<q>['"]?)(?<tag>[A-Za-z_]\w*)\k<q>/y, embedded: { open: /<\?(?:php\b|=)?/g, close: '?>' }, notComment: /#\[/y } },
  { id: 'ruby', extensions: ['.rb', '.rake', '.gemspec', '.ru'], fileNames: ['gemfile', 'rakefile'], comment: HASH, activates: false, code: true, envRead: (n) => `ENV["${n}"]`, stringJoin: PLUS,
    lexical: { lineComments: ['#'], lineBlockComments: [[/^=begin\b/, /^=end\b/]], quotes: ['"', "'", '`'], multilineStrings: true,
      heredoc: /<<[~-]?(?<q>['"`]?)(?<tag>[A-Za-z_]\w*)\k<q>/y, quoteLike: /(?<![\w)\]}])%[qQwWiIrsx]?[{([<|!/^]/y, dataEnd: /^__END__\s*$/ } },
  { id: 'perl', extensions: ['.pl', '.pm', '.t', '.cgi', '.psgi'], comment: HASH, activates: false, code: true, envRead: (n) => `$ENV{${n}}`, stringJoin: { operator: '.' },
    lexical: { lineComments: ['#'], lineBlockComments: [[/^=[a-zA-Z]/, /^=cut\b/]], quotes: ['"', "'", '`'], multilineStrings: true,
      heredoc: /<<~?(?<q>['"]?)(?<tag>[A-Za-z_]\w*)\k<q>/y,
      quoteLike: /(?<![\w$@%&>-])(?:(?<two>s|tr|y)|q[qwrx]?|m)[/{([<|!#~^%@'"]|(?<=[=!]~[ \t]*)\//y, dataEnd: /^__(?:END|DATA)__\b/ } },
  { id: 'lua', extensions: ['.lua', '.rockspec'], comment: ['--', ''], activates: false, code: true, envRead: (n) => `os.getenv("${n}")`,
    lexical: { lineComments: ['--'], quotes: ['"', "'"], multilineStrings: false, longBrackets: true } },
  { id: 'c', extensions: ['.c', '.h'], comment: SLASH, activates: false, code: true, envRead: (n) => `getenv("${n}")`, stringJoin: { adjacent: true },
    lexical: { lineComments: ['//'], blockComments: [C_BLOCK], quotes: ['"'], multilineStrings: false, charLiterals: true } },
  { id: 'cpp', extensions: ['.cc', '.cpp', '.cxx', '.hpp', '.hh', '.hxx', '.ipp'], comment: SLASH, activates: false, code: true, envRead: (n) => `std::getenv("${n}")`, stringJoin: { adjacent: true },
    lexical: { lineComments: ['//'], blockComments: [C_BLOCK], quotes: ['"'], multilineStrings: false, charLiterals: true,
      rawString: { open: /R"(?<d>[^()\\\s"]{0,16})\(/y, close: (m) => `)${m.groups!.d}"` } } },
  { id: 'rust', extensions: ['.rs'], comment: SLASH, activates: false, code: true, envRead: (n) => `std::env::var("${n}")`,
    lexical: { lineComments: ['//'], blockComments: [C_BLOCK], quotes: ['"'], multilineStrings: true, charLiterals: true,
      rawString: { open: /b?r(?<h>#*)"/y, close: (m) => `"${m.groups!.h}` } } },
  { id: 'csharp', extensions: [], comment: SLASH, activates: false, envRead: (n) => `Environment.GetEnvironmentVariable("${n}")`, stringJoin: PLUS },
  ...(['kotlin', 'swift', 'scala', 'groovy', 'dart'] as const).map((id) => ({ id, extensions: [], comment: SLASH, activates: false, stringJoin: PLUS })),
  { id: 'makefile', extensions: [], comment: HASH, activates: false, envRead: (n) => `$(${n})` },
  { id: 'hcl', extensions: [], comment: HASH, activates: false, config: true },
  ...(['r', 'elixir'] as const).map((id) => ({ id, extensions: [], comment: HASH, activates: false })),
  ...(['markdown', 'html'] as const).map((id) => ({ id, extensions: [], comment: ['<!--', ' -->'] as const, activates: false })),
  { id: 'xml', extensions: [], comment: ['<!--', ' -->'], activates: false, config: true },
  { id: 'sql', extensions: [], comment: ['--', ''], activates: false },
];

const BY_LANGUAGE_ID = new Map<string, LanguageRecord>();
const BY_EXTENSION = new Map<string, LanguageRecord>();
const BY_FILE_NAME = new Map<string, LanguageRecord>();
const TAINT_BY_GRAMMAR = new Map<GrammarId, TaintLanguage>();
for (const l of LANGUAGES) {
  if (l.grammar && l.taint && !TAINT_BY_GRAMMAR.has(l.grammar)) TAINT_BY_GRAMMAR.set(l.grammar, l.taint);
  if (!BY_LANGUAGE_ID.has(l.id)) BY_LANGUAGE_ID.set(l.id, l);
  for (const e of l.extensions) if (!BY_EXTENSION.has(e)) BY_EXTENSION.set(e, l);
  for (const n of l.fileNames ?? []) if (!BY_FILE_NAME.has(n)) BY_FILE_NAME.set(n, l);
}
const PREFIXED = LANGUAGES.filter((l) => l.fileNamePrefixes?.length);

/** Every grammar some language uses, in table order: the grammars the parser loads. */
export const GRAMMAR_IDS: readonly GrammarId[] = [...new Set(LANGUAGES.flatMap((l) => (l.grammar ? [l.grammar] : [])))];

/** How generated docs name a taint language (JavaScript and TypeScript rules share one column). */
export const TAINT_LANGUAGE_LABELS: Readonly<Record<TaintLanguage, string>> = { javascript: 'JS/TS', typescript: 'JS/TS', python: 'Python', java: 'Java', go: 'Go' };

/** Every taint language, in table order: the values a taint rule's `languages` may name. */
export const TAINT_LANGUAGES: readonly TaintLanguage[] = [...new Set(LANGUAGES.flatMap((l) => (l.taint ? [l.taint] : [])))];

/**
 * Folders a taint language's server-side templates live in by its frameworks' defaults, for render calls
 * (`template:` sinks): Express, Koa views and Nunjucks use `views/`; Flask, Django apps and FastAPI's
 * `Jinja2Templates(directory="templates")` use `templates/`. Apps that configure another folder are read by
 * `templates/template-config.ts`.
 */
export const TEMPLATE_FOLDERS: Readonly<Partial<Record<TaintLanguage, readonly string[]>>> = { javascript: ['views'], typescript: ['views'], python: ['templates'] };

/** Every language's default template folders: the folders the hosts read templates from. */
export const ALL_TEMPLATE_FOLDERS: readonly string[] = [...new Set(Object.values(TEMPLATE_FOLDERS).flat())];

/** The grammars the taint pack analyses, in table order. */
export const TAINT_GRAMMARS: readonly GrammarId[] = [...new Set(LANGUAGES.flatMap((l) => (l.taint && l.grammar ? [l.grammar] : [])))];

/** Language ids whose files' exported functions the workspace scan summarises, so taint follows calls into them. */
export const CROSS_FILE_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES.filter((l) => l.taint && l.modules).map((l) => l.id));

/** The record of a VS Code language id, if Vigil knows it. */
export function languageRecord(languageId: string): LanguageRecord | undefined {
  return BY_LANGUAGE_ID.get(languageId);
}

/** VS Code language id for a file path, for hosts (CLI, workspace scan) that only know the path. */
export function languageIdForPath(path: string): string {
  const name = basename(path).toLowerCase();
  const named = BY_FILE_NAME.get(name) ?? PREFIXED.find((l) => l.fileNamePrefixes!.some((p) => name.startsWith(p)));
  if (named) return named.id;
  return BY_EXTENSION.get(extname(path).toLowerCase())?.id ?? 'plaintext';
}

/** The grammar for a document, from its language id first and its file extension second. */
export function grammarFor(languageId: string, path?: string): GrammarId | undefined {
  const byId = BY_LANGUAGE_ID.get(languageId)?.grammar;
  if (byId) return byId;
  if (path) return BY_EXTENSION.get(extname(path).toLowerCase())?.grammar;
  return undefined;
}

/** The taint language a grammar belongs to. */
export function taintLanguageOf(grammar: GrammarId): TaintLanguage | undefined {
  return TAINT_BY_GRAMMAR.get(grammar);
}

/** The comment opener/closer of a language, or undefined when it has none Vigil knows (JSON). */
export function commentSyntax(languageId: string): readonly [string, string] | undefined {
  return BY_LANGUAGE_ID.get(languageId)?.comment;
}

/** The comment syntax of a grammar (the first language using it), for packs that only know the grammar. */
export function grammarCommentSyntax(grammar: GrammarId): readonly [string, string] | undefined {
  return LANGUAGES.find((l) => l.grammar === grammar)?.comment;
}

/**
 * The suffixes tried, in order, when a relative import resolves to a file: none, then every language's file
 * suffixes, then its package index files (`/index.ts`, `/__init__.py`).
 */
export const MODULE_SUFFIXES: readonly string[] = [
  '',
  ...new Set(LANGUAGES.flatMap((l) => l.modules?.suffixes ?? [])),
  ...new Set(LANGUAGES.flatMap((l) => l.modules?.index ?? [])),
];

/** Every language's `modules.emitted` pairs: an import naming `./db.js` may resolve to `./db.ts`. */
export const EMITTED_SUFFIXES: readonly (readonly [string, string])[] = LANGUAGES.flatMap((l) => l.modules?.emitted ?? []);
