/**
 * Code patterns, semgrep-style, compiled onto tree-sitter trees. A pattern is a snippet of the target language
 * with metavariables (`$X` binds any node, consistently on reuse) and `...` (zero or more arguments or
 * elements). Snippets are parsed with the same grammar as the code they match, then compared structurally:
 * node types, named children, operators, and the text of leaves.
 *
 * Identifiers in a target can stand for a longer canonical name (an import: `cp` for `child_process`, or a
 * framework alias: a handler's first parameter for `req`); the matcher accepts a pattern leaf or dotted chain
 * equal to that canonical name. This is how `child_process.exec($CMD)` matches `cp.exec(x)`.
 *
 * The matcher names no node type: each language module declares its grammar's shapes as a `PatternSyntax`
 * (`engine/taint/lang/<language>.ts`), registered with `registerPatternSyntax` when the modules load.
 */
import type { Language, Node } from 'web-tree-sitter';
import { Parser } from 'web-tree-sitter';
import { PATH_ALIAS_NAMES } from '../languages';

const MV_PREFIX = '__VIGIL_MV_';
const ELLIPSIS = '__VIGIL_ELLIPSIS';

/** A compiled pattern node. */
export interface PatternNode {
  type: string;
  /** Leaf text (for nodes without named children), or the whole text of a literal string. */
  text: string;
  /** Metavariable name (`$X`) when this node is one. */
  metavar?: string;
  /** Matches zero or more siblings. */
  ellipsis?: boolean;
  /** Operator token text, for operator nodes (`+`, `===`, `in`, ...). */
  operator?: string;
  children: PatternNode[];
  /** Dotted text when this node is a plain identifier chain (`a.b.c`), for canonical-name matching. */
  dotted?: string;
  /**
   * For `a.b.$F`: the dotted object and the metavariable, so that an imported function (`rf` from
   * `import { readFile as rf } from 'fs'`) matches `fs.$F` with `$F` standing for its real name.
   */
  member?: { prefix: string; metavar: string };
}

export interface CompiledPattern {
  /** The snippet as written in the rule. */
  source: string;
  root: PatternNode;
  /** Metavariables it binds. */
  metavars: string[];
}

/** Metavariable bindings of one match. */
export type Bindings = Map<string, Node>;

/** Names metavariables stand for when not their node's text (`$F` bound to `rf`, standing for `readFile`). */
const boundNames = new WeakMap<Bindings, Map<string, string>>();

/** The text a metavariable stands for: its node's text, or the imported name it resolves to. */
export function boundText(b: Bindings, mv: string): string | undefined {
  const n = boundNames.get(b)?.get(mv);
  if (n !== undefined) return n;
  const node = b.get(mv);
  return node ? textOf(node) : undefined;
}

function fork(b: Bindings): Bindings {
  const out: Bindings = new Map(b);
  const names = boundNames.get(b);
  if (names) boundNames.set(out, new Map(names));
  return out;
}

/**
 * What the matcher needs to know of one grammar, by node type. The tables of every registered language are merged:
 * node types that several grammars share mean the same shape in each (an `identifier`, a `parenthesized_expression`).
 */
export interface PatternSyntax {
  /** Node types that never take part in matching (comments, line continuations). */
  readonly ignored: readonly string[];
  /** Literal node types, compared by their whole text. */
  readonly literals: readonly string[];
  /** String literals whose quote style and prefix case do not matter ('sh' and "sh" are one value). */
  readonly quotedStrings: readonly string[];
  /** Node types that make a string literal not plain (template substitutions, f-string interpolations). */
  readonly interpolations: readonly string[];
  /** An interpolated string's quote tokens (Python's `f'` / `"`): compared as `quotedStrings` are, by kind not style. */
  readonly stringDelimiters: readonly string[];
  /** Names, properties and fields: the leaves of a dotted chain. */
  readonly identifiers: readonly string[];
  /** Variable names: what a chain starts from. */
  readonly variables: readonly string[];
  /** Member accesses (`a.b`): node type -> [object field, property field]. */
  readonly chains: Readonly<Record<string, readonly [string, string]>>;
  /** Subscripts (`a[b]`): node type -> object field. */
  readonly subscripts: Readonly<Record<string, string>>;
  /** Calls whose callee is their `function` field. */
  readonly calls: readonly string[];
  /** Nodes a chain sees through (parentheses, `await`). */
  readonly transparent: readonly string[];
  /** Parentheses: a parenthesised target matches the pattern for what it wraps. */
  readonly parenthesized: readonly string[];
  /** Roots and statements a pattern snippet is unwrapped from when they hold one node. */
  readonly snippetWrappers: readonly string[];
  /** Operator nodes whose operator is their anonymous tokens (`not in`), not an `operator` field. */
  readonly tokenOperators: readonly string[];
  /** The callee node type of a dynamic import (`import('m')`). */
  readonly dynamicImports: readonly string[];
  /** Key/value literals, matched in any order (objects, dicts). */
  readonly maps: readonly string[];
  /** Key/value entries of a map literal or keyword arguments of a call: node type -> [key field, value field]. */
  readonly entries: Readonly<Record<string, readonly [string, string]>>;
  /** Map entries that are their key (`{ secure }`), and entries named by their `name` field (methods). */
  readonly shorthandEntries: readonly string[];
  readonly namedEntries: readonly string[];
  /** Spreads that hide which keys are set (`...opts`, `**kwargs`). */
  readonly spreads: readonly string[];
  /** Calls whose options may come last in a variable (`res.cookie(n, v, opts)`), where keys cannot be known. */
  readonly trailingOptions: readonly string[];
  /** Literal texts that leave an option off (`false`, `None`). */
  readonly falseLiterals: readonly string[];
  /** Object constructions (`new C()`) that are not `calls`: like a call, a value a variable can hold. */
  readonly constructions: readonly string[];
  /**
   * Global functions a bare pattern names (Python's `compile`, `open`, `eval`): an identifier an import binds to a
   * module's function of the same name (`from re import compile`) is that function, not the builtin.
   */
  readonly builtins: readonly string[];
}

/** The merged syntax of every registered language. */
const S = {
  ignored: new Set<string>(),
  literals: new Set<string>(),
  quotedStrings: new Set<string>(),
  interpolations: new Set<string>(),
  stringDelimiters: new Set<string>(),
  identifiers: new Set<string>(),
  variables: new Set<string>(),
  chains: new Map<string, readonly [string, string]>(),
  subscripts: new Map<string, string>(),
  calls: new Set<string>(),
  transparent: new Set<string>(),
  parenthesized: new Set<string>(),
  snippetWrappers: new Set<string>(),
  tokenOperators: new Set<string>(),
  dynamicImports: new Set<string>(),
  maps: new Set<string>(),
  entries: new Map<string, readonly [string, string]>(),
  shorthandEntries: new Set<string>(),
  namedEntries: new Set<string>(),
  spreads: new Set<string>(),
  trailingOptions: new Set<string>(),
  falseLiterals: new Set<string>(),
  constructions: new Set<string>(),
  builtins: new Set<string>(),
};

/** The merged syntax tables, read-only, for the pattern index (pattern-index.ts), which mirrors `mayMatch`. */
export const matchSyntax: { readonly [K in keyof typeof S]: (typeof S)[K] extends Set<string> ? ReadonlySet<string> : ReadonlyMap<string, unknown> } = S;

/** Adds a language's syntax to the matcher's tables (the taint pack's language modules register theirs). */
export function registerPatternSyntax(syntax: PatternSyntax): void {
  for (const key of Object.keys(S) as (keyof typeof S)[]) {
    const into = S[key];
    const from = syntax[key];
    if (into instanceof Map) for (const [k, v] of Object.entries(from)) (into as Map<string, unknown>).set(k, v);
    else for (const v of from as readonly string[]) into.add(v);
  }
}

/** Resolves a target identifier to a canonical dotted name (imports, framework aliases), if it has one. */
export type CanonicalResolver = (identifier: string) => string | undefined;

export class PatternSyntaxError extends Error {}

/**
 * Named children (without comments) per node id, for the duration of one analysis run: reading children out of
 * the wasm tree is the dominant cost, and every rule visits the same nodes. Call `resetNodeCache` around a run.
 */
/** The node caches of one analysis run, set aside while another run works (see `swapNodeCache`). */
export interface NodeCacheScope {
  child: Map<number, Node[]>;
  type: Map<number, string>;
  dotted: Map<number, string | null>;
  /** Chains whose root is not an identifier (`require('fs').promises`): the root and the dotted rest, per node. */
  rooted: Map<number, { root: Node; rest: string } | null>;
  /** Grammar-field children per field name, then node id (null: the node has no such child). */
  field: Map<string, Map<number, Node | null>>;
  /** Source text per node id. */
  text: Map<number, string>;
}

/** Empty caches, for a run that has not started. */
export function emptyNodeCache(): NodeCacheScope {
  return { child: new Map(), type: new Map(), dotted: new Map(), rooted: new Map(), field: new Map(), text: new Map() };
}

/** The current run's caches: one object, so that a swap can never leave one of them behind. */
let caches: NodeCacheScope = emptyNodeCache();

export function resetNodeCache(): void {
  canonicalMemo = new WeakMap();
  lastMemo = undefined;
  caches = emptyNodeCache();
}

/**
 * Installs `next` as the current node caches and returns the ones it replaces. A host that interleaves runs
 * (one paused while another works) gives each its own caches: they are keyed by node address, which are only
 * unique within one tree.
 */
export function swapNodeCache(next: NodeCacheScope): NodeCacheScope {
  const prev = caches;
  caches = next;
  // canonicalMemo is keyed by the run's own resolver, so another run's entries are never read.
  return prev;
}

/** The node's named children, comments left out (cached for the current run). */
export function kids(n: Node): Node[] {
  let k = caches.child.get(n.id);
  if (!k) {
    k = namedKids(n);
    caches.child.set(n.id, k);
  }
  return k;
}

/** The node's named children, comments left out, read anew (for nodes outside an analysis run). */
export function namedKids(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => !!c && !S.ignored.has(c.type));
}

/**
 * The node's child in a grammar field (cached for the current run, as `kids`): every dataflow pass asks the same
 * fields of the same nodes, and each wasm read makes a new node object.
 */
export function fieldOf(n: Node, name: string): Node | null {
  let byId = caches.field.get(name);
  if (!byId) caches.field.set(name, (byId = new Map()));
  const hit = byId.get(n.id);
  if (hit !== undefined) return hit;
  const c = n.childForFieldName(name);
  byId.set(n.id, c);
  return c;
}

/**
 * The node's source text (cached for the current run): web-tree-sitter reads a node's end out of the wasm tree at
 * each `text`, and every pattern tried at a name compares it.
 */
export function textOf(n: Node): string {
  let t = caches.text.get(n.id);
  if (t === undefined) {
    t = n.text;
    caches.text.set(n.id, t);
  }
  return t;
}

/** The node's type (cached for the current run). */
export function typeOf(n: Node): string {
  let t = caches.type.get(n.id);
  if (t === undefined) {
    t = n.type;
    caches.type.set(n.id, t);
  }
  return t;
}

const LITERALS = S.literals;
const IDENTIFIER_TYPES = S.identifiers;
const CHAIN_TYPES = S.chains;

/** The property of a chain node (JS `property`, Python `attribute`, Go `field`). */
function chainProperty(n: Node): Node | null {
  const fields = CHAIN_TYPES.get(typeOf(n));
  return fields ? fieldOf(n, fields[1]) : null;
}

/** The object of a chain node (Go's selector names it `operand`). */
function chainObject(n: Node): Node | null {
  const fields = CHAIN_TYPES.get(typeOf(n));
  return fields ? fieldOf(n, fields[0]) : null;
}

/** The name a member or subscript chain starts from (`node` in `node[k].x`), or undefined. */
function rootName(n: Node): string | undefined {
  let x: Node | null = n;
  for (let i = 0; x && i < 64; i++) {
    const t = typeOf(x);
    if (S.variables.has(t)) return textOf(x);
    x = CHAIN_TYPES.has(t) ? chainObject(x) : S.subscripts.has(t) ? fieldOf(x, S.subscripts.get(t)!) : null;
  }
  return undefined;
}

/**
 * Compiles pattern snippets for one grammar. Parsing needs a web-tree-sitter Language, so compilers are made
 * once a document of that language exists (the runtime is initialised by then).
 */
export class PatternCompiler {
  private readonly parser = new Parser();
  private readonly cache = new Map<string, CompiledPattern>();

  constructor(readonly language: Language) {
    this.parser.setLanguage(language);
  }

  /** Compiles one snippet; throws PatternSyntaxError with a readable reason when it does not parse. */
  compile(snippet: string): CompiledPattern {
    const hit = this.cache.get(snippet);
    if (hit) return hit;
    const prepared = snippet
      .trim()
      .replace(/\$([A-Z_][A-Z0-9_]*)/g, `${MV_PREFIX}$1`)
      // Not a spread (`...args`, `...$ARGS`); `...${` is a template's run of text before a substitution.
      .replace(/\.\.\.(?![A-Za-z_]|\$(?!\{))/g, ELLIPSIS);
    let root: Node | undefined;
    // The snippet's tree lives in the wasm heap: freed below once copied into plain PatternNodes.
    let owner: { delete(): void } | undefined;
    // A trailing `;` for languages whose statements need one (Java).
    for (const text of [prepared, `(${prepared})`, `${prepared};`]) {
      const tree = this.parser.parse(text);
      if (!tree) continue;
      if (tree.rootNode.hasError) {
        tree.delete();
        continue;
      }
      root = unwrap(tree.rootNode);
      owner = tree;
      break;
    }
    if (!root) throw new PatternSyntaxError(`pattern \`${snippet}\` does not parse as ${this.language.name ?? 'code'}`);
    const metavars = new Set<string>();
    let compiled: CompiledPattern;
    // The snippet's nodes are read through caches of their own, dropped after: the node caches are keyed by node
    // address, which a later tree can reuse once this one is freed, and a pattern may be compiled on first use, in
    // the middle of a document's run (whose caches are left as they were).
    const outer = swapNodeCache(emptyNodeCache());
    try {
      compiled = { source: snippet, root: toPattern(root, metavars, 0), metavars: [...metavars] };
    } finally {
      owner?.delete();
      swapNodeCache(outer);
    }
    this.cache.set(snippet, compiled);
    return compiled;
  }
}

/** The expression (or statement) a snippet stands for: drops the module/program, statement and parentheses. */
function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    const kids = namedKids(n);
    if ((S.snippetWrappers.has(n.type) || S.parenthesized.has(n.type)) && kids.length === 1) {
      n = kids[0]!;
      continue;
    }
    return n;
  }
}

function toPattern(node: Node, metavars: Set<string>, depth: number): PatternNode {
  if (depth > 200) throw new PatternSyntaxError('pattern nests too deeply');
  const text = node.text;
  if (text.startsWith(MV_PREFIX) && /^__VIGIL_MV_[A-Z0-9_]+$/.test(text)) {
    const name = `$${text.slice(MV_PREFIX.length)}`;
    metavars.add(name);
    return { type: node.type, text, metavar: name, children: [] };
  }
  if (text === ELLIPSIS) return { type: node.type, text, ellipsis: true, children: [] };
  // `...;` as a statement (`function $F(...) { ...; return $E; }`): any run of statements.
  if (text.endsWith(';') && text.slice(0, -1).trimEnd() === ELLIPSIS) return { type: node.type, text: ELLIPSIS, ellipsis: true, children: [] };
  const kids = namedKids(node);
  const hasMeta = text.includes(MV_PREFIX) || text.includes(ELLIPSIS);
  if (LITERALS.has(node.type) && !hasMeta) return { type: node.type, text: literalKey(node.type, text), children: [] };
  const out: PatternNode = {
    type: node.type,
    text: kids.length === 0 ? (S.stringDelimiters.has(node.type) ? literalKey(node.type, text) : text) : '',
    children: kids.map((k) => toPattern(k, metavars, depth + 1)),
  };
  const op = operatorOf(node);
  if (op !== undefined) out.operator = op;
  const dotted = dottedName(node);
  if (dotted && !hasMeta) out.dotted = dotted;
  const [obj, prop] = out.children;
  if (CHAIN_TYPES.has(node.type) && out.children.length === 2 && obj?.dotted && prop?.metavar) out.member = { prefix: obj.dotted, metavar: prop.metavar };
  return out;
}

/** Literals compare by value: 'sh' and "sh" are the same string. */
function literalKey(type: string, text: string): string {
  // `f'` and `F"` open the same kind of string (see `PatternSyntax.stringDelimiters`).
  if (S.stringDelimiters.has(type)) return `${text.replace(/['"]+$/, '').toLowerCase()}"`;
  if (!S.quotedStrings.has(type)) return text;
  const m = /^([rRbBuU]*)(['"]{1,3})([\s\S]*)\2$/.exec(text);
  return m ? `${m[1]!.toLowerCase()}"${m[3]}"` : text;
}

/** The operator tokens of an operator node, joined (`+`, `!==`, `not in`), or undefined. */
export function operatorOf(node: Node): string | undefined {
  const field = fieldOf(node, 'operator');
  if (field) return textOf(field);
  if (S.tokenOperators.has(typeOf(node))) {
    const ops = node.children.filter((c): c is Node => !!c && !c.isNamed).map((c) => textOf(c));
    return ops.join(' ');
  }
  return undefined;
}

/** `a.b.c` for a plain chain of identifiers, else undefined. Iterative, so deep chains cannot overflow. */
export function dottedName(node: Node): string | undefined {
  const parts: string[] = [];
  let n: Node | null = node;
  for (let i = 0; n && i < 64; i++) {
    const t = typeOf(n);
    if (IDENTIFIER_TYPES.has(t)) {
      parts.unshift(textOf(n));
      return parts.join('.');
    }
    if (!CHAIN_TYPES.has(t)) return undefined;
    const prop = chainProperty(n);
    if (!prop || !IDENTIFIER_TYPES.has(typeOf(prop))) return undefined;
    parts.unshift(textOf(prop));
    n = chainObject(n);
  }
  return undefined;
}

/** The leftmost identifier of a chain (`req` in `req.query.id`), iteratively. */
export function chainRoot(node: Node): Node | undefined {
  let n: Node | null = node;
  for (let i = 0; n && i < 256; i++) {
    const t = n.type;
    if (S.variables.has(t)) return n;
    if (CHAIN_TYPES.has(t)) n = chainObject(n);
    else if (S.subscripts.has(t)) n = fieldOf(n, S.subscripts.get(t)!);
    else if (S.calls.has(t)) {
      const f = fieldOf(n, 'function');
      n = f && CHAIN_TYPES.has(f.type) ? chainObject(f) : null;
    } else return undefined;
  }
  return undefined;
}

/**
 * A specifier through a project's path alias, which names a file of the workspace, not a package: SvelteKit's
 * `$lib/…`, and the `~/…`, `~~/…`, `@/…`, `@@/…` of Nuxt, Remix, Next.js and most tsconfig `paths` set-ups (no
 * package is named `~` or has an empty scope); AdonisJS 5's `App/…` (no package name has a capital letter) and
 * Node's subpath imports `#name/…` (package.json `imports`, AdonisJS 6's `#services/…`), always the package's own.
 * Resolved by `buildExportIndex`.
 */
export const PATH_ALIAS = new RegExp(`^(?:${PATH_ALIAS_NAMES})(?:/|$)`);

/** Whether a canonical module is the workspace's own (a relative specifier, a path alias), not a package. */
export function isWorkspaceModule(canon: string): boolean {
  return canon.startsWith('.') || PATH_ALIAS.test(canon);
}

/**
 * The canonical name of a module specifier, as patterns name it: `node:fs` -> `fs`, `js-yaml` -> `js_yaml`, and any
 * other subpath too (`lodash/template` -> `lodash_template`, as rules write it); Node's own subpath modules are the
 * parent's property (`fs/promises` is `require('fs').promises`), so both read `fs.promises`.
 */
export function canonicalModule(spec: string): string {
  if (spec.startsWith('.') || PATH_ALIAS.test(spec)) return spec;
  const s = spec.replace(/^node:/, '');
  const sub = /^(fs|dns|stream|timers|readline|path|util|assert|inspector)\/([a-z]+)$/.exec(s);
  if (sub) return `${sub[1]}.${sub[2]}`;
  // Deno's standard path module (JSR `@std/path`, deno.land/std by URL, or Fresh's import-map prefix `$std/`) has
  // Node's path API.
  if (/^(?:jsr:)?@std\/path(?:@[\w.^~-]+)?(?:\/(?:mod\.ts|posix|windows))?$|^https:\/\/deno\.land\/std(?:@[\w.-]+)?\/path\/mod\.ts$|^\$std\/path\/mod\.ts$/.test(s)) return 'path';
  // lodash's per-method modules (`lodash/merge`) and its ES build (`lodash-es`) hold lodash's own functions.
  const lodash = /^lodash(?:-es)?(?:\/([A-Za-z]+))?$/.exec(s);
  if (lodash) return lodash[1] ? `lodash.${lodash[1]}` : 'lodash';
  return s.replace(/[^\w.]/g, '_');
}

/** The value of a plain string literal (no interpolation), or undefined. */
export function stringLiteral(n: Node): string | undefined {
  const t = typeOf(n);
  if (!S.quotedStrings.has(t) || kids(n).some((k) => S.interpolations.has(k.type))) return undefined;
  const m = /^[rRuU]?(['"`])([^'"`\\]*)\1$/.exec(textOf(n));
  return m ? m[2] : undefined;
}

function rootedChain(target: Node): { root: Node; rest: string } | undefined {
  const hit = caches.rooted.get(target.id);
  if (hit !== undefined) return hit ?? undefined;
  let rest = '';
  let n: Node | null = target;
  let out: { root: Node; rest: string } | null = null;
  for (let i = 0; n && i < 64; i++) {
    const t = typeOf(n);
    if (CHAIN_TYPES.has(t)) {
      const prop = chainProperty(n);
      if (!prop || !IDENTIFIER_TYPES.has(prop.type)) break;
      rest = `.${textOf(prop)}${rest}`;
      n = chainObject(n);
    } else if (S.transparent.has(t)) {
      n = kids(n)[0] ?? null;
    } else {
      if (S.calls.has(t)) out = { root: n, rest };
      break;
    }
  }
  caches.rooted.set(target.id, out);
  return out ?? undefined;
}

/**
 * What a call that yields a module or a module's function stands for: `require('m')`, `import('m')`,
 * `importlib.import_module('m')`, `__import__('m')`, and `util.promisify(f)` (the same function, promised).
 */
function moduleOfCall(call: Node, resolve: CanonicalResolver, depth: number): string | undefined {
  const fn = fieldOf(call, 'function');
  const args = fieldOf(call, 'arguments');
  const first = args ? kids(args)[0] : undefined;
  if (!fn || !first) return undefined;
  const ft = typeOf(fn);
  if (S.dynamicImports.has(ft) || (S.variables.has(ft) && textOf(fn) === 'require' && resolve('require') === undefined)) {
    const spec = stringLiteral(first);
    return spec === undefined ? undefined : canonicalModule(spec);
  }
  if (S.variables.has(ft) && textOf(fn) === '__import__') return stringLiteral(first)?.split('.')[0];
  const name = canonicalName(fn, resolve, depth + 1);
  if (name === 'importlib.import_module') return stringLiteral(first);
  if (name === 'util.promisify') return canonicalName(first, resolve, depth + 1);
  return undefined;
}

/**
 * The canonical dotted name an expression stands for, through imports and aliases (`cp.exec`, `run`), module
 * calls (`require('child_process').exec`, `importlib.import_module('os').system`) and `util.promisify(f)`; or
 * undefined when it names nothing imported.
 */
export function canonicalName(target: Node, resolve: CanonicalResolver | undefined, depth = 0): string | undefined {
  if (!resolve || depth > 8) return undefined;
  const tt = typeOf(target);
  if (S.variables.has(tt)) return resolve(textOf(target));
  let dotted: string | null | undefined;
  if (CHAIN_TYPES.has(tt)) {
    dotted = caches.dotted.get(target.id);
    if (dotted === undefined) {
      dotted = dottedName(target) ?? null;
      caches.dotted.set(target.id, dotted);
    }
  }
  if (dotted) {
    const dot = dotted.indexOf('.');
    const head = resolve(dot < 0 ? dotted : dotted.slice(0, dot));
    return head === undefined ? undefined : dot < 0 ? head : head + dotted.slice(dot);
  }
  const rooted = rootedChain(target);
  if (!rooted) return undefined;
  const head = moduleOfCall(rooted.root, resolve, depth);
  return head === undefined ? undefined : head + rooted.rest;
}

/**
 * `canonicalName`s per resolver, then node id: every pattern tried at a node (dozens of sources per member
 * expression) asks the same question. Keyed by the resolver, a function made for one run over one tree (node ids
 * are unique only within a tree), which the run shares between the units and passes that resolve alike (see
 * `resolverFor` in taint-analyzer.ts); emptied by `resetNodeCache`.
 */
// Weak: a run of the taint pack has one resolver per function unit too (see `unitResolver`), more than a bound
// on a strong map would keep.
let canonicalMemo = new WeakMap<CanonicalResolver, Map<number, string | null>>();
/** The memo last used: most lookups in a row come from one resolver. */
let lastMemo: { resolve: CanonicalResolver; names: Map<number, string | null> } | undefined;

/** `canonicalName`, memoised per node and resolver (what `mayMatch` compares with dotted patterns). */
export function canonicalOf(target: Node, resolve: CanonicalResolver | undefined): string | undefined {
  if (!resolve) return undefined;
  if (lastMemo?.resolve !== resolve) {
    let names = canonicalMemo.get(resolve);
    if (!names) canonicalMemo.set(resolve, (names = new Map()));
    lastMemo = { resolve, names };
  }
  const hit = lastMemo.names.get(target.id);
  if (hit !== undefined) return hit ?? undefined;
  const name = canonicalName(target, resolve);
  lastMemo.names.set(target.id, name ?? null);
  return name;
}

/**
 * How many matches were asked for (`attempts`: every call of `matchPattern`) and tried past the shape filter
 * (`tried`): deterministic work counters for the tests and the bench; pattern matching is most of a taint scan.
 * Set `sources` to a set to also record which patterns were tried.
 */
export const matchCounters: { attempts: number; tried: number; sources?: Set<string> } = { attempts: 0, tried: 0 };

/**
 * Matches a compiled pattern against a target node. Returns the bindings, or undefined. Recursion follows the
 * pattern's shape, which is small and bounded at compile time.
 */
export function matchPattern(
  pattern: CompiledPattern,
  target: Node,
  resolve?: CanonicalResolver,
  initial?: Bindings,
  where?: readonly (readonly [string, RegExp])[],
  valueOf?: ValueOf,
): Bindings | undefined {
  matchCounters.attempts++;
  // Most tries fail on a node type or a name: rule them out before any bindings are made.
  if (!mayMatch(pattern.root, target, resolve, valueOf !== undefined, 0)) return undefined;
  matchCounters.tried++;
  matchCounters.sources?.add(pattern.source);
  const b: Bindings = initial ? fork(initial) : new Map();
  // Constraints are checked as metavariables bind, so an object pattern `{ $K: $V }` with `where` on $K tries
  // every entry of the target, not only the first that has the right shape.
  constraints = where && where.length > 0 ? new Map(where.map(([k, re]) => [k, re])) : undefined;
  deref = valueOf;
  derefs = 0;
  try {
    return matchNode(pattern.root, target, b, resolve) ? b : undefined;
  } finally {
    constraints = undefined;
    deref = undefined;
  }
}

/**
 * A variable's value where it is used (its last assignment), or undefined. Given to `matchPattern`, an object,
 * call or construction in a pattern also matches a variable holding one: `spawn(cmd, opts)` after
 * `const opts = { shell: true }`, `s.get(url)` after `s = requests.Session()`; and a metavariable whose `where`
 * the variable's name fails is tried on its value when that is a literal.
 */
export type ValueOf = ((name: string) => Node | undefined) & {
  /**
   * A variable stands for the member chain it holds wherever a chain is expected, not only as a chain's object
   * (`host = urlparse(u).hostname; if host not in ALLOWED`): for guards, which check the value the name holds.
   */
  readonly whole?: boolean;
};

/**
 * Whether a variable is the object of a property access or subscript (`s.x`, `s[k]`): only there does it stand for
 * the value it holds (`s = req.session; s.x = v` writes the session; `s = v` rebinds the variable).
 */
function isChainObject(t: Node): boolean {
  const next = t.nextSibling;
  if (!next) return false;
  const text = textOf(next);
  return text === '.' || text === '?.' || text === '[';
}

/** The `ValueOf` of the match in progress, and how many variables it has followed (a bound: `a = b; b = a`). */
let deref: ValueOf | undefined;
let derefs = 0;
const MAX_DEREFS = 8;

/**
 * Whether `matchPattern` would get past its shape filter (`mayMatch`) at `target`; `follows`: the match is made
 * with a `ValueOf`. For the pattern index's tests: the index must keep every pattern this accepts.
 */
export function mayMatchPattern(pattern: CompiledPattern, target: Node, resolve: CanonicalResolver | undefined, follows: boolean): boolean {
  return mayMatch(pattern.root, target, resolve, follows, 0);
}

/**
 * A necessary condition for `matchNode(p, t)`, with no bindings made: the same checks of node types, child counts,
 * leaf texts and canonical names, without metavariables (they accept anything here) or operators; `follows`: the
 * match may follow a variable to its value, so a variable is not ruled out. A chain pattern
 * (`flask.request.args`) needs the target's canonical name, or its last part (`args`) where the matcher would
 * compare it structurally. The pattern index (pattern-index.ts) mirrors these steps to rule patterns out by name:
 * a change here must be made there too.
 */
function mayMatch(p: PatternNode, t: Node, resolve: CanonicalResolver | undefined, follows: boolean, depth: number): boolean {
  if (p.metavar || p.ellipsis || p.member || depth > 64) return true;
  if (p.dotted !== undefined && canonicalOf(t, resolve) === p.dotted) return true;
  // As matchNode: parentheses around the target are seen through.
  const u = unwrapParens(p.type, t);
  if (!u) return false;
  const uType = typeOf(u);
  // With a `ValueOf`, a variable may stand for the object, call or construction it holds (see `matchNode`).
  if (follows && p.type !== uType && S.variables.has(uType)) return true;
  if (p.children.length === 0) {
    // A name compares by text (identifiers of any type: the matcher compares two identifier types by text).
    if (p.dotted !== undefined && !LITERALS.has(uType)) return textOf(u) === p.text || textOf(t) === p.text;
    return true;
  }
  if (p.type !== uType || S.maps.has(p.type)) return p.type === uType;
  const children = kids(u);
  for (let i = 0; i < p.children.length; i++) {
    const c = p.children[i]!;
    if (c.ellipsis) return true;
    const k = children[i];
    if (!k || !mayMatch(c, k, resolve, follows, depth + 1)) return false;
  }
  return children.length === p.children.length;
}

/** The `where` constraints of the match in progress (set by `matchPattern` only for its duration). */
let constraints: Map<string, RegExp> | undefined;

/** Whether a metavariable may bind to this text under the current constraints. */
function allowed(mv: string, text: string): boolean {
  const re = constraints?.get(mv);
  return !re || re.test(text);
}

/**
 * The node inside the parentheses around `t` until one has the pattern's type `type` (unwrapped in a loop:
 * parentheses can nest deeply); `t` itself when it is not parenthesised; undefined for empty parentheses.
 */
export function unwrapParens(type: string, t: Node): Node | undefined {
  let u = t;
  let uType = typeOf(u);
  // `await` is seen through where a name or member is expected: tree-sitter-typescript reads `await a.get<T>(x)`
  // as `(await a.get)<T>(x)`, a call whose callee is the await.
  const chain = CHAIN_TYPES.has(type) || IDENTIFIER_TYPES.has(type);
  while (type !== uType && (S.parenthesized.has(uType) || (chain && S.transparent.has(uType)))) {
    const inner = kids(u)[0];
    if (!inner) return undefined;
    u = inner;
    uType = typeOf(u);
  }
  return u;
}

function matchNode(p: PatternNode, t: Node, b: Bindings, resolve: CanonicalResolver | undefined): boolean {
  if (p.metavar) {
    // `await f<T>(x)` read as `(await f)<T>(x)` (see `unwrapParens`): a callee metavariable binds what is awaited.
    if (S.transparent.has(typeOf(t)) && !S.parenthesized.has(typeOf(t)) && t.parent && S.calls.has(typeOf(t.parent)) && fieldOf(t.parent, 'function')?.id === t.id) t = kids(t)[0] ?? t;
    if (b.has(p.metavar)) return boundText(b, p.metavar) === textOf(t);
    if (!allowed(p.metavar, textOf(t))) {
      // A constant named where a value is constrained (`[SHELL, "-c", cmd]` with SHELL = "/bin/sh"): its literal
      // value. Only a literal: a deny-list of names (`$DB` not `router`) must not pass for `router = Router()`.
      if (!deref || !S.variables.has(typeOf(t)) || derefs >= MAX_DEREFS) return false;
      const value = deref(textOf(t));
      if (!value || value.id === t.id || !(LITERALS.has(typeOf(value)) || S.quotedStrings.has(typeOf(value)))) return false;
      derefs++;
      return matchNode(p, value, b, resolve);
    }
    b.set(p.metavar, t);
    return true;
  }
  if (p.member && resolve && typeOf(t) !== p.type) {
    const canon = canonicalOf(t, resolve);
    const name = canon?.startsWith(`${p.member.prefix}.`) ? canon.slice(p.member.prefix.length + 1) : undefined;
    if (name && !name.includes('.')) {
      const mv = p.member.metavar;
      if (b.has(mv)) return boundText(b, mv) === name;
      if (!allowed(mv, name)) return false;
      b.set(mv, t);
      let names = boundNames.get(b);
      if (!names) boundNames.set(b, (names = new Map()));
      names.set(mv, name);
      return true;
    }
  }
  if (p.dotted) {
    const tt = typeOf(t);
    if (tt !== p.type || IDENTIFIER_TYPES.has(tt)) {
      if (canonicalOf(t, resolve) === p.dotted) return true;
    }
    if (IDENTIFIER_TYPES.has(p.type) && IDENTIFIER_TYPES.has(tt)) {
      if (p.text !== textOf(t)) return false;
      if (!S.builtins.has(p.text)) return true;
      // `from re import compile`: the module's function, not the builtin the bare pattern means.
      const canon = canonicalOf(t, resolve);
      return canon === undefined || canon === p.text || !canon.includes('.');
    }
  }
  // A parenthesised target matches the pattern for what it wraps.
  const inner = unwrapParens(p.type, t);
  if (!inner) return false;
  t = inner;
  const tType = typeOf(t);
  if (p.type !== tType && deref && S.variables.has(tType) && derefs < MAX_DEREFS && (S.maps.has(p.type) || S.calls.has(p.type) || S.constructions.has(p.type) || ((CHAIN_TYPES.has(p.type) || S.subscripts.has(p.type)) && (deref.whole === true || isChainObject(t))))) {
    const value = deref(textOf(t));
    if (!value || value.id === t.id) return false;
    // A walk down a structure (`node = node[k]`) is no fixed object held by the name: a subscript pattern only
    // follows a name to an expression rooted elsewhere (`events = client["audit"]["events"]`).
    if (S.subscripts.has(p.type) && rootName(value) === textOf(t)) return false;
    derefs++;
    return matchNode(p, value, b, resolve);
  }
  if (p.type !== tType) return false;
  if (p.children.length === 0) {
    if (p.text === '') return true;
    return p.text === (LITERALS.has(tType) || S.stringDelimiters.has(tType) ? literalKey(tType, textOf(t)) : textOf(t));
  }
  if (p.operator !== undefined && operatorOf(t) !== p.operator) return false;
  const children = kids(t);
  const unordered = S.maps.has(p.type);
  if (!p.children.some((c) => c.ellipsis) && !unordered && children.length !== p.children.length) return false;
  return unordered ? matchSubset(p.children, children, b, resolve) : matchSeq(p.children, 0, children, 0, b, resolve);
}

/** Ordered children with `...` matching any run. Backtracks over ellipses (patterns hold few). */
function matchSeq(ps: PatternNode[], i: number, ts: Node[], j: number, b: Bindings, resolve: CanonicalResolver | undefined): boolean {
  if (i === ps.length) return j === ts.length;
  const p = ps[i]!;
  const mark = b.size;
  if (p.ellipsis) {
    for (let k = j; k <= ts.length; k++) {
      if (matchSeq(ps, i + 1, ts, k, b, resolve)) return true;
      rollback(b, mark);
    }
    return false;
  }
  if (j >= ts.length) return false;
  if (matchNode(p, ts[j]!, b, resolve) && matchSeq(ps, i + 1, ts, j + 1, b, resolve)) return true;
  rollback(b, mark);
  return false;
}

/** Object/dict patterns: every pattern entry must match some entry of the target, in any order. */
function matchSubset(ps: PatternNode[], ts: Node[], b: Bindings, resolve: CanonicalResolver | undefined): boolean {
  for (const p of ps) {
    if (p.ellipsis) continue;
    let ok = false;
    const mark = b.size;
    for (const t of ts) {
      if (matchNode(p, t, b, resolve) || matchMethodEntry(p, t, b, resolve)) {
        ok = true;
        break;
      }
      rollback(b, mark);
    }
    if (!ok) return false;
  }
  return true;
}

/**
 * An entry `key: $V` of a map pattern against a method of the literal (`{ handler(req, h) { … } }`): the method is
 * that key's value, a function, so `$V` binds the method itself.
 */
function matchMethodEntry(p: PatternNode, t: Node, b: Bindings, resolve: CanonicalResolver | undefined): boolean {
  if (!S.entries.has(p.type) || p.children.length !== 2 || !p.children[1]!.metavar || !S.namedEntries.has(t.type)) return false;
  const name = t.childForFieldName('name');
  return !!name && matchNode(p.children[0]!, name, b, resolve) && matchNode(p.children[1]!, t, b, resolve);
}

/**
 * Undoes the bindings made since `b` had `mark` entries. A failed trial rolls back in place instead of matching
 * on a copy: metavariables are only ever added (a bound one is compared, never rebound), and a Map keeps
 * insertion order, so the entries past the mark are exactly the trial's.
 */
function rollback(b: Bindings, mark: number): void {
  if (b.size === mark) return;
  const names = boundNames.get(b);
  let i = 0;
  for (const k of [...b.keys()]) {
    if (i++ < mark) continue;
    b.delete(k);
    names?.delete(k);
  }
}

/** Literals that leave an option off: `secure: false`, `httponly=False`, `samesite=None`. */
const FALSE_LITERALS = S.falseLiterals;

/**
 * The keys a node sets, by name: a call's keyword arguments (Python `secure=True`) and the keys of its
 * object-literal arguments (JS `{ secure: true }`), or an object/dict literal's own keys. Undefined when they
 * cannot be known from the code: a `**kwargs` or `...spread`, or a call whose options are passed in a variable
 * (an argument after the first that is not a literal).
 */
export function keysSet(node: Node): Map<string, Node> | undefined {
  const t = typeOf(node);
  const out = new Map<string, Node>();
  if (S.maps.has(t)) {
    for (const k of kids(node)) {
      const kt = typeOf(k);
      const fields = S.entries.get(kt);
      if (fields) {
        const key = k.childForFieldName(fields[0]);
        const value = k.childForFieldName(fields[1]);
        const name = key ? (stringLiteral(key) ?? (IDENTIFIER_TYPES.has(key.type) ? key.text : undefined)) : undefined;
        if (name === undefined || !value) return undefined;
        out.set(name, value);
      } else if (S.shorthandEntries.has(kt)) {
        out.set(k.text, k);
      } else if (S.namedEntries.has(kt)) {
        const name = k.childForFieldName('name');
        if (name) out.set(name.text, k);
      } else return undefined;
    }
    return out;
  }
  if (!S.calls.has(t)) return undefined;
  const args = node.childForFieldName('arguments');
  if (!args) return undefined;
  const list = kids(args);
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const at = typeOf(a);
    const fields = S.entries.get(at);
    if (fields) {
      // Keyword arguments (Python `secure=True`).
      const name = a.childForFieldName(fields[0]);
      const value = a.childForFieldName(fields[1]);
      if (name && value) out.set(name.text, value);
    } else if (S.maps.has(at)) {
      const inner = keysSet(a);
      if (!inner) return undefined;
      for (const [k, v] of inner) out.set(k, v);
    } else if (S.spreads.has(at)) {
      return undefined;
    } else if (S.quotedStrings.has(at)) {
      // A Set-Cookie header written out (`'sid=abc; Path=/; Secure'`): its attributes are the keys it sets.
      for (const attr of cookieAttributes(textOf(a))) out.set(attr, a);
    } else if (S.trailingOptions.has(t) && i === list.length - 1 && i >= 2 && !LITERALS.has(at)) {
      // Options last, in a variable or built by a call (`res.cookie(n, v, opts)`): not visible here.
      return undefined;
    }
  }
  return out;
}

/**
 * The attribute names of a string literal shaped as a Set-Cookie value (`name=value; Attr; Attr=x`), lower-cased;
 * none for any other string (no `name=` first, or no `;` and no `=`), so plain arguments set no keys.
 */
function cookieAttributes(literal: string): string[] {
  const m = /^[rRuUbBfF]?(['"`])([^;=\s'"`]+=[^;]*)((?:;[^;]*)*)\1$/.exec(literal);
  if (!m) return [];
  return m[3]!.split(';').slice(1).flatMap((part) => {
    const name = /^\s*([A-Za-z][\w-]*)/.exec(part)?.[1];
    return name ? [name.toLowerCase()] : [];
  });
}

/**
 * Which of `keys` a node leaves unset (absent, or set to a false literal). Dotted keys look inside a key's value
 * (`cookie.secure`: the `secure` key of the object given as `cookie`); a key whose enclosing value is absent is
 * unset. Undefined when the node's keys cannot be known (see `keysSet`). Key names compare case-insensitively,
 * as frameworks spell them differently (`httpOnly`, `httponly`).
 */
export function missingKeys(node: Node, keys: readonly string[]): string[] | undefined {
  const top = keysSet(node);
  if (!top) return undefined;
  const out: string[] = [];
  for (const key of keys) {
    let cur: Map<string, Node> | undefined = top;
    let unset = false;
    const parts = key.split('.');
    for (let i = 0; i < parts.length; i++) {
      const want = parts[i]!.toLowerCase();
      const value: Node | undefined = [...cur.entries()].find(([k]) => k.toLowerCase() === want)?.[1];
      if (!value || FALSE_LITERALS.has(value.text)) {
        unset = true;
        break;
      }
      if (i < parts.length - 1) {
        const next = keysSet(value);
        if (!next) return undefined;
        cur = next;
      }
    }
    if (unset) out.push(key);
  }
  return out;
}
