/**
 * Python for the taint pack.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { TEMPLATE_FOLDERS } from '../../languages';
import { canonicalName, dottedName, fieldOf, kids, operatorOf, textOf, typeOf } from '../../patterns/pattern';
import { FORMATTING_METHODS, ITERATION_METHODS, ownNodes, paramTypeNode, sameClass, type ClassInstances, type ConstantDef, type ExprKind, type GuardShape, type LanguageModule, type Part, type RouteRegistration, type StmtKind, type TargetKind } from './language';
import { constantDefsOf, foldBinary, foldCounters, MAX_FOLD_NODES, truthy, type ConstantDefs, type ConstantLookup, type ConstValue } from './constant-folding';
import { importsOrigin } from '../import-reads';
import { boundFormClasses, constantKeyRead, namedTypeFields, patternValidated, recordBases, recordFields, schemaOf, typedFields, typedTypeAliases, validatedData } from './python-forms';

/** Named children without comments (the file-context and fix helpers' view). */
const named = (n: Node): Node[] => n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');

const FUNCTION_TYPES = new Set(['function_definition', 'lambda']);

/** Node types between a module call and the assignment holding it. */
const VALUE_WRAPPERS = new Set(['call', 'attribute', 'await', 'parenthesized_expression']);

function stmtKind(type: string): StmtKind {
  switch (type) {
    case 'block':
    case 'module':
      return 'block';
    case 'expression_statement':
      return 'expression';
    case 'return_statement':
      return 'return';
    case 'raise_statement':
      return 'throw';
    case 'assert_statement':
      return 'assert';
    case 'break_statement':
    case 'continue_statement':
      return 'jump';
    case 'if_statement':
      return 'if';
    case 'for_statement':
    case 'while_statement':
      return 'loop';
    case 'try_statement':
      return 'try';
    case 'with_statement':
      return 'with';
    case 'match_statement':
      return 'switch';
    case 'decorated_definition':
    case 'function_definition':
      return 'definition';
    case 'class_definition':
    case 'import_statement':
    case 'import_from_statement':
    case 'future_import_statement':
    case 'pass_statement':
    case 'comment':
    case 'global_statement':
    case 'nonlocal_statement':
      return 'inert';
    default:
      return 'other';
  }
}

function exprKind(type: string): ExprKind {
  switch (type) {
    case 'function_definition':
    case 'lambda':
      return 'function';
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
    case 'escape_sequence':
    case 'string_content':
    case 'comment':
    case 'class_definition':
      return 'inert';
    case 'type':
      return 'type';
    case 'identifier':
      return 'identifier';
    case 'attribute':
    case 'subscript':
      return 'member';
    case 'call':
      return 'call';
    case 'assignment':
      return 'assign';
    case 'augmented_assignment':
      return 'augmented-assign';
    case 'binary_operator':
      return 'binary';
    case 'boolean_operator':
      return 'logical';
    case 'not_operator':
    case 'comparison_operator':
      return 'opaque';
    case 'conditional_expression':
      return 'conditional';
    case 'pair':
      return 'pair';
    case 'keyword_argument':
      return 'keyword-argument';
    case 'string':
    case 'concatenated_string':
    case 'interpolation':
      return 'parts';
    case 'list_comprehension':
    case 'generator_expression':
    case 'set_comprehension':
    case 'dictionary_comprehension':
      return 'comprehension';
    default:
      return 'other';
  }
}

function targetKind(type: string): TargetKind {
  switch (type) {
    case 'identifier':
      return 'name';
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
      return 'sequence-pattern';
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      return 'rest-pattern';
    case 'parenthesized_expression':
      return 'parenthesized';
    default:
      return 'other';
  }
}

/** `/` joins pathlib paths (request strings cannot be divided, so it carries nothing else). */
const CARRYING_OPS = new Set(['+', '%', '/', 'or', 'and']);

function stringValue(n: Node): string | undefined {
  if (typeOf(n) !== 'string') return undefined;
  if (kids(n).some((k) => typeOf(k) === 'interpolation')) return undefined;
  const m = /^[rRbBuU]*(['"]{1,3})([\s\S]*)\1$/.exec(textOf(n));
  return m ? m[2] : undefined;
}

/** One `%` directive: an optional mapping key, flags, width, precision, length, and the conversion character. */
const PERCENT_DIRECTIVE = /%(\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)/g;
const PERCENT_CONVERSIONS: Record<string, string> = { r: 'repr', a: 'ascii', s: 'str' };

/** `fmt % values` with a constant `fmt` (see `LanguageModule.formatValues`). */
function percentFormatValues(n: Node): { node: Node; conversion?: string }[] | undefined {
  if (typeOf(n) !== 'binary_operator' || operatorOf(n) !== '%') return undefined;
  const l = fieldOf(n, 'left');
  const r = fieldOf(n, 'right');
  const fmt = l ? stringValue(l) : undefined;
  if (fmt === undefined || !r) return undefined;
  const convs: (string | undefined)[] = [];
  for (const m of fmt.matchAll(PERCENT_DIRECTIVE)) {
    if (m[4] === '%') continue;
    // A mapping key takes its value from a dict, a `*` width or precision one more value: not one value each.
    if (m[1] !== undefined || m[2] === '*' || m[3] === '*') return undefined;
    convs.push(PERCENT_CONVERSIONS[m[4]!]);
  }
  const values = typeOf(r) === 'tuple' ? named(r) : [r];
  // A single non-tuple value may itself be a tuple at run time: only a one-directive format is certain.
  if (values.length !== convs.length || (typeOf(r) !== 'tuple' && convs.length !== 1)) return undefined;
  return values.map((node, i) => ({ node, ...(convs[i] ? { conversion: convs[i] } : {}) }));
}

/** One `str.format` field (`{}`, `{0}`, `{name.attr!r:>10}`) or an escaped brace. */
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::[^{}]*)?\}/g;

/**
 * `"…".format(...)` on a constant format: each field's value with the conversion it applies (`{!r}`: repr), or
 * undefined when a field cannot be matched to its value (a splatted argument, a nested field in a format spec,
 * automatic and explicit numbering mixed).
 */
function dotFormatValues(n: Node): { node: Node; conversion?: string }[] | undefined {
  if (typeOf(n) !== 'call') return undefined;
  const fn = fieldOf(n, 'function');
  const obj = fn && typeOf(fn) === 'attribute' && fieldOf(fn, 'attribute')?.text === 'format' ? fieldOf(fn, 'object') : null;
  const fmt = obj ? stringValue(obj) : undefined;
  const argsNode = fieldOf(n, 'arguments');
  if (fmt === undefined || !argsNode) return undefined;
  const positional: Node[] = [];
  const keyword = new Map<string, Node>();
  for (const a of named(argsNode)) {
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return undefined;
    if (a.type === 'keyword_argument') {
      const name = fieldOf(a, 'name')?.text;
      const value = fieldOf(a, 'value');
      if (name && value) keyword.set(name, value);
    } else positional.push(a);
  }
  if (fmt.replace(FORMAT_FIELD, '').search(/[{}]/) >= 0) return undefined;
  const out: { node: Node; conversion?: string }[] = [];
  let auto = 0;
  let numbering: 'auto' | 'explicit' | undefined;
  for (const m of fmt.matchAll(FORMAT_FIELD)) {
    if (m[1] === undefined) continue;
    const base = m[1].split(/[.[]/)[0]!;
    let node: Node | undefined;
    if (base === '' || /^\d+$/.test(base)) {
      const kind = base === '' ? 'auto' : 'explicit';
      if (numbering && numbering !== kind) return undefined;
      numbering = kind;
      node = positional[base === '' ? auto++ : Number(base)];
    } else node = keyword.get(base);
    if (!node) return undefined;
    const conversion = m[2] ? PERCENT_CONVERSIONS[m[2]] : undefined;
    out.push({ node, ...(conversion ? { conversion } : {}) });
  }
  return out;
}

function unparenthesize(n: Node): Node {
  let c = n;
  while (typeOf(c) === 'parenthesized_expression') c = kids(c)[0] ?? c;
  return c;
}

function isConstant(n: Node): boolean {
  const t = typeOf(n);
  return t === 'integer' || t === 'float' || t === 'true' || t === 'false' || t === 'none' || (t === 'string' && stringValue(n) !== undefined);
}

function accessPath(n: Node, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  if (typeOf(n) === 'identifier') return textOf(n);
  if (typeOf(n) === 'subscript') {
    const obj = fieldOf(n, 'value');
    const idx = fieldOf(n, 'subscript');
    const base = obj ? accessPath(obj, depth + 1) : undefined;
    // A constant index (`a[0]`) is a key like a constant name (`a["x"]`).
    const key = idx && typeOf(idx) === 'string' ? stringValue(idx) : idx && typeOf(idx) === 'integer' && /^\d+$/.test(textOf(idx)) ? textOf(idx) : undefined;
    return base && key !== undefined && /^[\w$-]+$/.test(key) ? `${base}.${key}` : undefined;
  }
  return dottedName(n);
}

function paramsOf(fn: Node): Node[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  return kids(list).map((p) => {
    if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name') ?? p;
    if (p.type === 'typed_parameter') return kids(p)[0] ?? p;
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') return kids(p)[0] ?? p;
    return p;
  });
}

/** See `LanguageModule.paramKeywords`. */
function paramKeywords(fn: Node): (string | null)[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const ps = kids(list);
  // Parameters before a `/` are positional-only.
  const slash = ps.findIndex((p) => p.type === 'positional_separator');
  return ps.map((p, i) => {
    if (i <= slash) return null;
    if (p.type === 'dictionary_splat_pattern') return '**';
    if (p.type === 'list_splat_pattern' || p.type === 'keyword_separator') return null;
    const name = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? kids(p)[0] : p.childForFieldName('name');
    return name?.type === 'identifier' ? name.text : null;
  });
}

function enclosingClass(n: Node): Node | undefined {
  const p = n.parent?.type === 'decorated_definition' ? n.parent.parent : n.parent;
  return p?.type === 'block' && p.parent?.type === 'class_definition' ? p.parent : undefined;
}

/** A class or function definition's statement at module level (decorated or not). */
function atModuleLevel(def: Node): boolean {
  const p = def.parent?.type === 'decorated_definition' ? def.parent.parent : def.parent;
  return p?.type === 'module';
}

/**
 * See `LanguageModule.isEntryPoint`: a public module-level function, or a public method (or `__init__` /
 * `__call__`) of a public module-level class. Python has no export list: a name without `_` is the module's API.
 */
function isEntryPoint(fn: Node): boolean {
  if (fn.type !== 'function_definition') return false;
  const name = fieldOf(fn, 'name')?.text ?? '_';
  if (atModuleLevel(fn)) return !name.startsWith('_');
  const cls = enclosingClass(fn);
  if (!cls || !atModuleLevel(cls) || (fieldOf(cls, 'name')?.text ?? '_').startsWith('_')) return false;
  return !name.startsWith('_') || name === '__init__' || name === '__call__';
}

/**
 * See `LanguageModule.isPrivatePath`: a folder or module whose name is an identifier with one leading `_`
 * (`_internal`, `_vendor`, `_impl.py`), the convention PEP 8 gives for internal interfaces. Dunder names
 * (`__init__.py`, `__main__.py`) are not private.
 */
function isPrivatePath(path: string): boolean {
  return path.split(/[\\/]/).some((seg) => /^_[A-Za-z0-9]\w*(\.pyi?)?$/.test(seg) && !/^__\w*__(\.pyi?)?$/.test(seg));
}

/** The constant text of a string literal (interpolations left out); undefined for anything else. */
function literalText(n: Node): string | undefined {
  if (n.type === 'parenthesized_expression') return named(n).length === 1 ? literalText(named(n)[0]!) : undefined;
  if (n.type === 'concatenated_string') return named(n).map((c) => literalText(c) ?? '').join('');
  if (n.type === 'string') return named(n).filter((c) => c.type === 'string_content').map((c) => c.text).join('');
  return undefined;
}

/** Whether a literal's constant text holds more than blanks and format placeholders (`%s`, `{}`, `{0}`). */
function hasText(n: Node | null | undefined): boolean {
  const t = n ? literalText(n) : undefined;
  return !!t && /\S/.test(t.replace(/%(\([^)]*\))?[-+ #0-9.]*[a-zA-Z%]|\{[^{}]*\}/g, ''));
}

/** See `LanguageModule.buildsString`. */
function buildsString(n: Node): boolean {
  switch (n.type) {
    case 'string':
    case 'concatenated_string':
      return hasText(n);
    case 'augmented_assignment':
      return operatorOf(n) === '+=';
    case 'binary_operator': {
      const op = operatorOf(n);
      if (op === '%') return hasText(fieldOf(n, 'left'));
      if (op !== '+') return false;
      // The leaves of a `+` chain: `'git log ' + a + b` marks b's flow too.
      const todo = [n];
      for (let seen = 0; todo.length && seen < 64; seen++) {
        const x = todo.pop()!;
        const inner = x.type === 'parenthesized_expression' && named(x).length === 1 ? named(x)[0]! : x;
        if (inner.type === 'binary_operator' && operatorOf(inner) === '+') todo.push(...[fieldOf(inner, 'left'), fieldOf(inner, 'right')].filter((c): c is Node => !!c));
        else if (hasText(inner)) return true;
      }
      return false;
    }
    case 'call': {
      const fn = fieldOf(n, 'function');
      if (fn?.type !== 'attribute') return false;
      const method = fieldOf(fn, 'attribute')?.text;
      const obj = fieldOf(fn, 'object');
      // 'ls {}'.format(a); ' '.join(['ls', a])
      if (method === 'format') return hasText(obj);
      if (method !== 'join') return false;
      const argList = fieldOf(n, 'arguments');
      const list = argList ? named(argList)[0] : undefined;
      return !!list && (list.type === 'list' || list.type === 'tuple') && named(list).some(hasText);
    }
    default:
      return false;
  }
}

function unitName(fn: Node, p: Node | null = fn.parent): string | undefined {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  if (p?.type === 'assignment') {
    const left = p.childForFieldName('left');
    if (left?.type === 'identifier') return left.text;
  }
  return undefined;
}

function exportedNames(tree: Tree): Set<string> {
  const out = new Set<string>();
  for (const s of named(tree.rootNode)) {
    const def = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'function_definition') {
      const name = def.childForFieldName('name')?.text;
      if (name && !name.startsWith('_')) out.add(name);
    }
    // `ACTIONS = {...}`: any public module-level name can be imported (a table of functions, see `ExportSummary.table`).
    const assigned = s.type === 'expression_statement' ? named(s)[0] : undefined;
    const target = assigned?.type === 'assignment' ? assigned.childForFieldName('left') : undefined;
    if (target?.type === 'identifier' && !target.text.startsWith('_')) out.add(target.text);
  }
  return out;
}

/**
 * Python's class instances (`ClassInstances`): `Config(...)`, `r.Request(...)` is the class named, as written; the
 * public module-level classes; every `x = ...`, `a.b = ...` (a chain's and a tuple's targets are bound to no one
 * constructed value; `+=` rebinds).
 */
const pythonInstances: ClassInstances = {
  constructed: (value) => {
    // `repo or ItemRepository()`: an injected instance, else one of the class (a constructor's usual default).
    if (typeOf(value) === 'boolean_operator' && operatorOf(value) === 'or') {
      const right = fieldOf(value, 'right');
      return right ? pythonInstances.constructed(right) : undefined;
    }
    if (typeOf(value) !== 'call') return undefined;
    const fn = fieldOf(value, 'function');
    return fn && (typeOf(fn) === 'identifier' || typeOf(fn) === 'attribute') ? dottedName(fn) : undefined;
  },
  exportedClasses: (tree) => {
    const out = new Set<string>();
    for (const s of named(tree.rootNode)) {
      const def = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
      const name = def?.type === 'class_definition' ? def.childForFieldName('name')?.text : undefined;
      if (name && !name.startsWith('_')) out.add(name);
    }
    return out;
  },
  exportedInstances: (tree) => {
    const classes = pythonInstances.exportedClasses(tree);
    const bound = new Map<string, string | null>();
    for (const s of named(tree.rootNode)) {
      const a = s.type === 'expression_statement' ? named(s)[0] : undefined;
      if (a?.type !== 'assignment' && a?.type !== 'augmented_assignment') continue;
      const left = fieldOf(a, 'left');
      const right = fieldOf(a, 'right');
      if (left?.type !== 'identifier') continue;
      const cls = a.type === 'assignment' && right ? pythonInstances.constructed(right) : undefined;
      // Bound once: a second binding (or one to something else) leaves the name's class unknown.
      bound.set(left.text, bound.has(left.text) || cls === undefined || !classes.has(cls) ? null : cls);
    }
    return new Map([...bound].filter((e): e is [string, string] => e[1] !== null));
  },
  assignments: (root) => {
    const out: { target: Node; value: Node | null }[] = [];
    const targets = (t: Node, value: Node | null): void => {
      if (typeOf(t) === 'pattern_list' || typeOf(t) === 'tuple_pattern' || typeOf(t) === 'list_pattern' || typeOf(t) === 'tuple' || typeOf(t) === 'list') {
        for (const k of named(t)) targets(k, null);
      } else out.push({ target: t, value });
    };
    for (const a of root.descendantsOfType(['assignment', 'augmented_assignment'])) {
      const left = a && fieldOf(a, 'left');
      if (!a || !left) continue;
      const right = fieldOf(a, 'right');
      targets(left, typeOf(a) === 'assignment' && right && typeOf(right) !== 'assignment' ? right : null);
    }
    return out;
  },
  factories: (root) => {
    const out = new Map<string, string>();
    for (const s of named(root)) {
      const fn = s.type === 'decorated_definition' ? fieldOf(s, 'definition') : s;
      const name = fn?.type === 'function_definition' ? fieldOf(fn, 'name')?.text : undefined;
      if (!fn || !name) continue;
      const type = fieldOf(fn, 'return_type');
      const cls = type ? annotatedClass(type) : sameClass(ownNodes(fn, 'return_statement', FUNCTION_TYPES).map((r) => named(r)[0]), pythonInstances.constructed);
      if (cls !== undefined && cls !== name) out.set(name, cls);
    }
    return out;
  },
  declaredFields: (root) => {
    const out: { path: string; cls: string }[] = [];
    const add = (name: Node | null | undefined, cls: string | undefined): void => {
      if (name?.type === 'identifier' && cls) out.push({ path: `self.${name.text}`, cls });
    };
    const classOf = (type: Node | null | undefined): string | undefined => (type ? annotatedClass(type) : undefined);
    const constructedOf = (value: Node | null | undefined): string | undefined => (value ? pythonInstances.constructed(value) : undefined);
    for (const c of root.descendantsOfType('class_definition')) {
      const body = c && fieldOf(c, 'body');
      for (const s of body ? named(body) : []) {
        // `store: Store` in the class body (a dataclass's or an annotated attribute), or `store = Store()` (a class
        // attribute, read as `self.store`).
        const a = s.type === 'expression_statement' ? named(s)[0] : undefined;
        if (a?.type === 'assignment') {
          const declared = fieldOf(a, 'type');
          add(fieldOf(a, 'left'), declared ? classOf(declared) : constructedOf(fieldOf(a, 'right')));
        }
        const fn = s.type === 'decorated_definition' ? fieldOf(s, 'definition') : s;
        if (fn?.type !== 'function_definition') continue;
        // `@property def store(self) -> Store:`: read as `self.store`.
        if (s.type === 'decorated_definition' && named(s).some((d) => d.type === 'decorator' && /^@\s*(?:functools\.)?(?:cached_)?property\s*$/.test(d.text))) {
          add(fieldOf(fn, 'name'), classOf(fieldOf(fn, 'return_type')));
        }
        // In a method: `self.store: Store = ...`, and `self.store = store` of a parameter `store: Store`.
        const typed = new Map<string, Node>();
        const params = fieldOf(fn, 'parameters');
        for (const p of params ? named(params) : []) {
          const name = p.type === 'typed_parameter' ? named(p)[0] : p.type === 'typed_default_parameter' ? fieldOf(p, 'name') : undefined;
          const type = fieldOf(p, 'type');
          if (name?.type === 'identifier' && type) typed.set(name.text, type);
        }
        for (const x of fn.descendantsOfType('assignment')) {
          const left = x && fieldOf(x, 'left');
          if (left?.type !== 'attribute' || fieldOf(left, 'object')?.text !== 'self') continue;
          const right = x && fieldOf(x, 'right');
          // (`self.store = Store()` needs nothing here: every assignment of the path says its class, see `instanceMethods`.)
          const type = x && fieldOf(x, 'type');
          add(fieldOf(left, 'attribute'), classOf(type ?? (right?.type === 'identifier' ? typed.get(right.text) : undefined)));
        }
      }
    }
    return out;
  },
};

/**
 * The class a type annotation names: `Store`, `models.Store`, `"Store"`, `Optional[Store]`, `Store | None`; else
 * undefined (a generic, a union of classes, a builtin's lowercase name is still returned: no class of it is imported).
 */
function annotatedClass(type: Node): string | undefined {
  let t: Node | undefined = type.type === 'type' ? named(type)[0] : type;
  if (t?.type === 'generic_type' && named(t)[0]?.text === 'Optional') t = named(named(t)[1] ?? t)[0];
  if (t?.type === 'type') t = named(t)[0];
  if (t?.type === 'binary_operator' && fieldOf(t, 'right')?.type === 'none') t = fieldOf(t, 'left') ?? undefined;
  if (t?.type === 'string') {
    const m = /^(?:[rbuRBU]?)(["'])([A-Za-z_][\w.]*)\1$/.exec(t.text);
    return m?.[2];
  }
  return t && (t.type === 'identifier' || t.type === 'attribute') ? dottedName(t) : undefined;
}

/**
 * Import statements, in document order: those not inside functions first, then those inside (a view's
 * `from flask import request`, a lazy `import subprocess`), which only add names the module does not import
 * (`local` holds them; the table stays the module's: a name a function imports is known in the whole file).
 */
function importCandidates(root: Node, statements?: Node[]): { nodes: Node[]; local: Set<number> } {
  const found = statements ?? root.descendantsOfType(['import_statement', 'import_from_statement']).filter((n): n is Node => !!n);
  const inFunction = (n: Node): boolean => {
    for (let p = n.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return true;
    return false;
  };
  const local = found.filter(inFunction);
  const localIds = new Set(local.map((n) => n.id));
  return { nodes: [...found.filter((n) => !localIds.has(n.id)), ...local], local: localIds };
}

/**
 * Assignments whose value starts with a name in `known` (or `__import__`), in document order: possible aliases
 * such as `run = subprocess.run`. `known` grows as the caller takes each one, so an alias of an alias is found too.
 */
function* aliasCandidates(root: Node, text: string, known: Map<string, string>, sites: readonly (readonly [number, string])[] = aliasSites(text, true)): Generator<Node> {
  for (const [at, head] of sites) {
    if (!known.has(head) && head !== '__import__') continue;
    let n = root.descendantForIndex(at, at + head.length);
    if (n?.type !== 'identifier') continue;
    while (n.parent && VALUE_WRAPPERS.has(n.parent.type)) n = n.parent;
    const decl = n.parent;
    const value = decl?.childForFieldName('right');
    if (decl && decl.type === 'assignment' && value?.id === n.id) yield decl;
  }
}

/** Per import table, the names only a function imports (a fix elsewhere in the file cannot use them). */
const FUNCTION_ONLY = new WeakMap<Map<string, string>, Set<string>>();

/**
 * Where `text` assigns a name whose value starts with a name (`run = subprocess.run`, at a line's start): that name
 * and its offset. `lineStart`: whether `text` starts a line (else an assignment at its start is not at one).
 */
function aliasSites(text: string, lineStart: boolean): [number, string][] {
  const out: [number, string][] = [];
  const re = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) if (lineStart || m.index > 0) out.push([m.index + m[0].lastIndexOf(m[2]!), m[2]!]);
  return out;
}

function collectImports(root: Node, text = root.text, statements?: Node[], sites?: readonly (readonly [number, string])[]): Map<string, string> {
  const out = new Map<string, string>();
  const resolve = (id: string): string | undefined => out.get(id);
  const { nodes: base, local } = importCandidates(root, statements);
  const seen = new Set(base.map((n) => n.id));
  // A function's import never replaces a name the module binds (imports, then its functions, classes and variables).
  const moduleNames = new Set<string>();
  if (local.size) {
    for (const c of named(root)) {
      const d = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
      if (d?.type === 'function_definition' || d?.type === 'class_definition') moduleNames.add(d.childForFieldName('name')?.text ?? '');
      const a = c.type === 'expression_statement' ? named(c)[0] : undefined;
      const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
      if (left?.type === 'identifier') moduleNames.add(left.text);
    }
  }
  const functionOnly = new Set<string>();
  if (local.size) FUNCTION_ONLY.set(out, functionOnly);
  const set = (n: Node, name: string, value: string): void => {
    if (!local.has(n.id)) moduleNames.add(name);
    else if (moduleNames.has(name)) return;
    else functionOnly.add(name);
    out.set(name, value);
  };
  const candidates = function* (): Generator<Node> {
    yield* base;
    for (const n of aliasCandidates(root, text, out, sites)) if (!seen.has(n.id)) yield n;
  };
  for (const n of candidates()) {
    if (n.type === 'import_statement') {
      for (const c of named(n)) {
        if (c.type === 'dotted_name') {
          set(n, c.text.split('.')[0]!, c.text.split('.')[0]!);
          // `import aiohttp.web` binds `aiohttp` but imports `aiohttp.web` too: recorded under its dotted name (never
          // an identifier, so no lookup of a name finds it) for `requires-import: aiohttp.web`.
          if (c.text.includes('.')) set(n, c.text, c.text);
        }
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text;
          const alias = c.childForFieldName('alias')?.text;
          if (name && alias) set(n, alias, name);
        }
      }
      continue;
    }
    if (n.type === 'assignment') {
      // `run = subprocess.run`, `proc = importlib.import_module("subprocess")`: another name for the same thing.
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      const canon = right ? canonicalName(right, resolve) : undefined;
      if (left?.type === 'identifier' && canon) out.set(left.text, canon);
      continue;
    }
    if (n.type === 'import_from_statement') {
      const m = n.childForFieldName('module_name')?.text;
      if (!m) continue;
      // `from m import *`: under a key no name can be, for the workspace's own modules (see `importedSummaries`).
      if (named(n).some((c) => c.type === 'wildcard_import')) set(n, `*${m}`, m);
      for (const c of n.childrenForFieldName('name')) {
        if (!c) continue;
        if (c.type === 'dotted_name') set(n, c.text, `${m}${m.endsWith('.') ? '' : '.'}${c.text}`);
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text;
          const alias = c.childForFieldName('alias')?.text;
          if (name && alias) set(n, alias, `${m}${m.endsWith('.') ? '' : '.'}${name}`);
        }
      }
    }
  }
  return out;
}

/** Positional `pieces` around `values`: literal, value, literal, ... */
function interleave(pieces: string[], values: Node[]): Part[] {
  const out: Part[] = [];
  pieces.forEach((p, i) => {
    out.push({ kind: 'lit', raw: p });
    if (i < values.length) out.push({ kind: 'expr', node: values[i]! });
  });
  return out;
}

function isBytesLiteral(n: Node): boolean {
  return n.type === 'string' && /^[rR]?[bB]/.test(named(n)[0]?.text ?? '');
}

function decompose(n: Node, depth = 0): Part[] | undefined {
  if (depth > 64) return undefined;
  if (n.type === 'parenthesized_expression') {
    const inner = named(n)[0];
    return inner ? decompose(inner, depth + 1) : undefined;
  }
  const op = n.type === 'binary_operator' ? fieldOf(n, 'operator')?.text : undefined;
  if (op === '+') {
    const l = fieldOf(n, 'left');
    const r = fieldOf(n, 'right');
    if (!l || !r) return undefined;
    // Bytes (`b"<p>" + name.encode()`): no text escaper takes them, so the parts are not text to escape.
    if (isBytesLiteral(l) || isBytesLiteral(r)) return undefined;
    const lp = decompose(l, depth + 1) ?? [{ kind: 'expr', node: l }];
    const rp = decompose(r, depth + 1) ?? [{ kind: 'expr', node: r }];
    return [...lp, ...rp];
  }
  if (op === '%') {
    const l = fieldOf(n, 'left');
    const r = fieldOf(n, 'right');
    const fmt = l ? stringValue(l) : undefined;
    if (fmt === undefined || !r) return undefined;
    const values = r.type === 'tuple' ? named(r) : [r];
    const pieces = fmt.split(/%[sd]/);
    if (pieces.length - 1 !== values.length || /%[^%]/.test(pieces.join(''))) return undefined;
    return interleave(pieces, values);
  }
  if (n.type === 'call') {
    // "... {} ...".format(a, b): positional fields only.
    const fn = fieldOf(n, 'function');
    const recv = fn?.type === 'attribute' && fieldOf(fn, 'attribute')?.text === 'format' ? fieldOf(fn, 'object') : undefined;
    const fmt = recv ? stringValue(recv) : undefined;
    const values = named(fieldOf(n, 'arguments') ?? n);
    if (fmt === undefined || values.some((v) => v.type === 'keyword_argument' || v.type === 'list_splat')) return undefined;
    const pieces = fmt.split(/\{\}/);
    if (pieces.length - 1 !== values.length || /[{}]/.test(pieces.join(''))) return undefined;
    return interleave(pieces, values);
  }
  if (n.type === 'string') {
    const start = named(n)[0];
    if (!start || /[rRbB]/.test(start.text) || start.text.replace(/^[fFuU]*/, '').length !== 1) return undefined;
    const out: Part[] = [];
    for (const c of named(n)) {
      if (c.type === 'string_start' || c.type === 'string_end') continue;
      if (c.type === 'interpolation') {
        const e = fieldOf(c, 'expression');
        if (!e || named(c).length > 1) return undefined;
        out.push({ kind: 'expr', node: e });
      } else out.push({ kind: 'lit', raw: c.text });
    }
    return out;
  }
  return undefined;
}

/** Calls whose result is not the input as text: JSON data (parsed, dicts, lists, model dumps), file contents, digests. */
const NOT_TEXT_CALLS = new Set([
  'jsonify', 'get_json', 'loads', 'json', 'dict', 'list', 'to_dict', 'model_dump', 'asdict', 'JsonResponse', 'JSONResponse',
  'read', 'read_text', 'read_bytes', 'readline', 'readlines', 'hexdigest', 'digest',
]);

function notText(n: Node, def: (name: string) => Node | undefined, depth = 0): boolean {
  if (depth > 16) return false;
  switch (n.type) {
    case 'dictionary':
    case 'list':
    case 'set':
    case 'list_comprehension':
    case 'dictionary_comprehension':
    case 'set_comprehension':
    case 'tuple':
    case 'expression_list':
      return true;
    case 'parenthesized_expression':
    case 'await': {
      const inner = kids(n)[0];
      return !!inner && notText(inner, def, depth + 1);
    }
    case 'attribute':
      return fieldOf(n, 'attribute')?.text === 'json';
    case 'call': {
      const fn = fieldOf(n, 'function');
      const name = fn?.type === 'attribute' ? fieldOf(fn, 'attribute')?.text : fn?.text;
      return !!name && NOT_TEXT_CALLS.has(name);
    }
    case 'conditional_expression':
      return kids(n).some((k) => k.type !== 'comparison_operator' && notText(k, def, depth + 1));
    case 'identifier': {
      const d = def(n.text);
      return !!d && d.id !== n.id && notText(d, def, depth + 1);
    }
    default:
      return false;
  }
}

function literalKeys(n: Node, def: (name: string) => Node | undefined, depth = 0): string[] | undefined {
  if (depth > 16) return undefined;
  switch (n.type) {
    case 'dictionary':
      return kids(n).flatMap((p) => {
        const key = p.type === 'pair' ? fieldOf(p, 'key') : null;
        return key ? [key.text.replace(/^(['"`])(.*)\1$/s, '$2')] : [];
      });
    case 'list':
    case 'tuple':
      return [];
    case 'parenthesized_expression':
    case 'await': {
      const inner = kids(n)[0];
      return inner ? literalKeys(inner, def, depth + 1) : undefined;
    }
    case 'identifier': {
      const d = def(n.text);
      return d && d.id !== n.id ? literalKeys(d, def, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * An UPPER_CASE setting, which the deployment wrote: Django's `settings.LANGUAGES`, Flask's
 * `current_app.config["SUPPORTED_LANGUAGES"]` (`app.config[...]`, `config[...]`). Only on a settings or config
 * object: `request.GET` is upper-case too.
 */
function isSetting(r: Node): boolean {
  if (r.type === 'attribute') {
    const obj = fieldOf(r, 'object');
    return /^[A-Z][A-Z0-9_]*$/.test(fieldOf(r, 'attribute')?.text ?? '') && !!obj && /^(?:[\w.]+\.)?(?:settings|config|conf)$/.test(obj.text);
  }
  if (r.type !== 'subscript') return false;
  const obj = fieldOf(r, 'value');
  const key = fieldOf(r, 'subscript');
  return !!obj && /^(?:[\w.]+\.)?config$/.test(obj.text) && key?.type === 'string' && /^["'][A-Z][A-Z0-9_]*["']$/.test(key.text);
}

function guardShape(c: Node): GuardShape | undefined {
  const op = operatorOf(c);
  if (c.type === 'not_operator') {
    const operand = fieldOf(c, 'argument') ?? kids(c)[0];
    return operand ? { kind: 'not', operand } : undefined;
  }
  if (c.type === 'boolean_operator' && (op === 'and' || op === 'or')) {
    const left = fieldOf(c, 'left');
    const right = fieldOf(c, 'right');
    return left && right ? { kind: op, left, right } : undefined;
  }
  if (c.type !== 'comparison_operator') return undefined;
  const k = kids(c);
  const [l, r] = k;
  if (k.length !== 2 || !l || !r) return undefined;
  if (op === '==' || op === '!=') return { kind: 'equals', positive: op === '==', left: l, right: r };
  // Membership in a literal collection of constants, or in an UPPER_CASE module constant or setting (an allow-list).
  const allowList = ((r.type === 'tuple' || r.type === 'list' || r.type === 'set') && kids(r).every(isConstant)) || (r.type === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(r.text)) || isSetting(r);
  if ((op === 'in' || op === 'not in') && allowList) return { kind: 'member-of', positive: op === 'in', value: l, collection: r };
  return undefined;
}

/** `import os` after the module docstring, comments and `__future__` imports, unless `os` is imported. */
function envImport(root: Node | undefined, text: string, eol: string): { line: number; text: string } | undefined {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os[ \t]*(?:,|$|#)/m.test(text)) return undefined;
  let line = 0;
  for (const c of root?.namedChildren ?? []) {
    if (!c) continue;
    const docstring = c.type === 'expression_statement' && c.namedChildren[0]?.type === 'string';
    if (c.type === 'comment' || docstring || c.type === 'future_import_statement') {
      line = c.endPosition.row + 1;
      continue;
    }
    break;
  }
  return { line, text: `import os${eol}` };
}

/**
 * URL variables a route decorator's path converts before the view runs: Flask/Werkzeug `<int:id>`, `<float:x>`,
 * `<uuid:u>`, `<any(a,b):x>` and Starlette `{id:int}`, `{x:float}`, `{u:uuid}`. A mismatch is answered 404.
 */
function routeConvertedParams(decorators: readonly Node[]): Set<string> {
  const out = new Set<string>();
  // Stacked routes (`@bp.route("/s/<int:id>")` over `@bp.route("/s/<id>/<sort>")`): a variable any of them leaves
  // a string is a string.
  const plain = new Set<string>();
  for (const d of decorators) {
    const args = d.childForFieldName('arguments');
    const first = args?.namedChildren[0];
    if (!first || typeOf(first) !== 'string') continue;
    for (const m of first.text.matchAll(/<(?:([A-Za-z_]\w*(?:\([^)]*\))?):)?(\w+)>|\{(\w+)(?::(\w+))?\}/g)) {
      const [, conv, name, sname, sconv] = m;
      const converter = (conv ?? sconv ?? '').replace(/\(.*$/, '');
      const converts = (sname ? /^(int|float|uuid)$/ : /^(int|float|uuid|any)$/).test(converter);
      (converts ? out : plain).add((name ?? sname)!);
    }
  }
  for (const p of plain) out.delete(p);
  return out;
}

/** Django's path converters that leave no text of the client's choosing: digits, a UUID, a slug (`[-a-zA-Z0-9_]+`). */
const DJANGO_SAFE_CONVERTERS = new Set(['int', 'uuid', 'slug']);

/**
 * Django URLconf entries (`path("b/<int:pk>/", views.detail)`, `re_path(r"^b/(?P<pk>[0-9]+)/$", detail)`,
 * `path("r/<int:pk>/", views.ReportView.as_view())`), each view by the module and name the file imports it by.
 * A regex group is safe when it matches digits only.
 */
function routeRegistrations(root: Node, text: string, importsOf: () => ReadonlyMap<string, string>): RouteRegistration[] {
  const out: RouteRegistration[] = [];
  if (!text.includes('django') || !text.includes('path(')) return out;
  const imports = importsOf();
  const resolve = (id: string): string | undefined => imports.get(id);
  for (const call of root.descendantsOfType('call')) {
    if (!call) continue;
    const fn = fieldOf(call, 'function');
    const route = fn ? canonicalName(fn, resolve) : undefined;
    if (route !== 'django.urls.path' && route !== 'django.urls.re_path') continue;
    const args = fieldOf(call, 'arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
    const [pattern, view] = [args[0], args[1]];
    if (!pattern || !view || typeOf(pattern) !== 'string') continue;
    // The view: a function (`views.detail`, `detail`) or a class-based view's `as_view()`.
    let target: Node | null = view;
    if (typeOf(view) === 'call' && fieldOf(view, 'function')?.text.endsWith('.as_view')) target = fieldOf(fieldOf(view, 'function')!, 'object');
    const dotted = target ? dottedName(target) : undefined;
    if (!dotted) continue;
    const [head, ...rest] = dotted.split('.');
    const canon = imports.get(head!);
    if (!canon) continue;
    const full = rest.length ? `${canon}.${rest.join('.')}` : canon;
    const cut = full.lastIndexOf('.');
    if (cut <= 0) continue;
    const safe: string[] = [];
    const plain: string[] = [];
    const source = pattern.text;
    if (route === 'django.urls.path') {
      for (const m of source.matchAll(/<(?:(\w+):)?(\w+)>/g)) (m[1] && DJANGO_SAFE_CONVERTERS.has(m[1]) ? safe : plain).push(m[2]!);
    } else {
      for (const m of source.matchAll(/\(\?P<(\w+)>((?:[^()\\]|\\.)*)\)/g)) (/^(?:\\d|\[0-9\])[+*]?$|^(?:\\d|\[0-9\])\{\d+(?:,\d*)?\}$/.test(m[2]!) ? safe : plain).push(m[1]!);
    }
    out.push({ module: full.slice(0, cut), name: full.slice(cut + 1), safe, plain });
  }
  return out;
}

/**
 * Methods that run their first argument with the rest (`executor.submit(f, x)`), by the function's position: also
 * RQ's `queue.enqueue(f, x)` (`enqueue_in`/`enqueue_at` after the time) and Starlette's/FastAPI's
 * `background_tasks.add_task(f, x)`.
 */
const RUNS_ARGUMENT: ReadonlyMap<string, number> = new Map([
  ['submit', 0],
  ['run_in_executor', 1],
  ['call_soon', 0],
  ['call_soon_threadsafe', 0],
  ['enqueue', 0],
  ['enqueue_in', 1],
  ['enqueue_at', 1],
  ['add_task', 0],
]);
/**
 * Functions that run their first argument with the rest, by canonical name: also Starlette's (and FastAPI's re-export
 * of) `run_in_threadpool(f, x)` and AnyIO's `to_thread.run_sync(f, x)`.
 */
const RUNS_FIRST = new Set([
  'asyncio.to_thread',
  'functools.partial',
  'starlette.concurrency.run_in_threadpool',
  'fastapi.concurrency.run_in_threadpool',
  'anyio.to_thread.run_sync',
]);
/**
 * Functions that wrap a function into one that runs it with the arguments it is called with, by canonical name:
 * `sync_to_async(f)(x)` runs `f(x)` (asgiref; Django Channels' `database_sync_to_async`).
 */
const WRAPS_FUNCTION = new Set(['asgiref.sync.sync_to_async', 'asgiref.sync.async_to_sync', 'channels.db.database_sync_to_async']);
/** Constructors taking `target=` and `args=(...)`: threads and processes. */
const RUNS_TARGET = new Set(['threading.Thread', 'multiprocessing.Process', 'multiprocessing.context.Process']);
/** Pool methods taking the function and an `args` tuple: `pool.apply_async(f, (x,))`. */
const RUNS_WITH_TUPLE = new Set(['apply', 'apply_async']);

/** Arguments that are not positional values. */
const NOT_POSITIONAL = new Set(['keyword_argument', 'list_splat', 'dictionary_splat']);

/** The elements of a tuple or list literal (`(x,)`, `[x, y]`), or undefined for any other value. */
function sequenceItems(n: Node | undefined): Node[] | undefined {
  if (!n) return undefined;
  const v = unparenthesize(n);
  return typeOf(v) === 'tuple' || typeOf(v) === 'list' ? named(v) : undefined;
}

/** A keyword argument's value by its name. */
function keywordValue(args: Node[], name: string): Node | undefined {
  for (const a of args) {
    const key = typeOf(a) === 'keyword_argument' ? fieldOf(a, 'name') : null;
    if (key && textOf(key) === name) return fieldOf(a, 'value') ?? undefined;
  }
  return undefined;
}

/** See `LanguageModule.callsThrough`; a `functools.partial(f, a)` handed on (or kept in a variable) adds its bound arguments first. */
function callsThrough(call: Node, canonical: (n: Node) => string | undefined, def: (name: string) => Node | undefined, depth = 0): { fn: Node; args: Node[] } | undefined {
  if (typeOf(call) !== 'call' || depth > 2) return undefined;
  const callee = fieldOf(call, 'function');
  const argList = fieldOf(call, 'arguments');
  if (!callee || !argList || typeOf(argList) !== 'argument_list') return undefined;
  // `sync_to_async(f)(x)`: the callee is the wrapping call.
  if (typeOf(callee) === 'call') {
    const wrapper = fieldOf(callee, 'function');
    const inner = fieldOf(callee, 'arguments');
    const fn = inner && typeOf(inner) === 'argument_list' ? named(inner).find((a) => !NOT_POSITIONAL.has(typeOf(a))) : undefined;
    const name = wrapper ? canonical(wrapper) : undefined;
    return fn && name && WRAPS_FUNCTION.has(name) ? { fn, args: named(argList) } : undefined;
  }
  const property = typeOf(callee) === 'attribute' ? fieldOf(callee, 'attribute') : null;
  const method = property ? textOf(property) : undefined;
  const at = method === undefined ? undefined : RUNS_ARGUMENT.get(method);
  const tuple = method !== undefined && RUNS_WITH_TUPLE.has(method);
  // Most calls run nothing they are handed: decided by the callee's name before the arguments are read.
  let name = at === undefined && !tuple ? canonical(callee) : undefined;
  if (at === undefined && !tuple && !(name && (RUNS_FIRST.has(name) || RUNS_TARGET.has(name)))) return undefined;
  const args = named(argList);
  const positional = args.filter((a) => !NOT_POSITIONAL.has(typeOf(a)));
  let out: { fn: Node; args: Node[] } | undefined;
  if (at !== undefined && positional[at]) out = { fn: positional[at]!, args: positional.slice(at + 1).concat(args.filter((a) => typeOf(a) === 'keyword_argument')) };
  else if (tuple && positional[0]) {
    const items = sequenceItems(positional[1] ?? keywordValue(args, 'args'));
    if (items) out = { fn: positional[0], args: items };
  } else {
    name ??= canonical(callee);
    if (name && RUNS_FIRST.has(name) && positional[0]) out = { fn: positional[0], args: args.filter((a) => a !== positional[0]) };
    else if (name && RUNS_TARGET.has(name)) {
      const fn = keywordValue(args, 'target');
      if (fn) out = { fn, args: sequenceItems(keywordValue(args, 'args')) ?? [] };
    }
  }
  if (!out) return undefined;
  // The function may itself be a partial application, written there or kept in a local.
  let fn = unparenthesize(out.fn);
  if (typeOf(fn) === 'identifier') {
    const d = def(textOf(fn));
    if (d && typeOf(d) === 'call') fn = d;
  }
  if (typeOf(fn) === 'call') {
    const inner = callsThrough(fn, canonical, def, depth + 1);
    const innerName = canonical(fieldOf(fn, 'function') ?? fn);
    if (!inner || innerName !== 'functools.partial') return undefined;
    return { fn: inner.fn, args: [...inner.args.filter((a) => typeOf(a) !== 'keyword_argument'), ...out.args, ...inner.args.filter((a) => typeOf(a) === 'keyword_argument')] };
  }
  return { fn, args: out.args };
}

/** The method that initialises an instance (see `LanguageModule.constructorMethod`). */
const CONSTRUCTOR = '__init__';

/** The name of the class whose method `n` is in (directly: a function nested in the method is not the method). */
function enclosingClassName(n: Node): string | undefined {
  let fn: Node | null = n.parent;
  while (fn && fn.type !== 'function_definition' && fn.type !== 'class_definition') fn = fn.parent;
  const cls = fn?.type === 'function_definition' ? enclosingClass(fn) : undefined;
  return cls ? (fieldOf(cls, 'name')?.text ?? undefined) : undefined;
}

export const python: LanguageModule = {
  id: 'python',
  absoluteLocalImports: true,
  // The one language table holds the fact (the hosts read templates from the same folders).
  templateFolders: TEMPLATE_FOLDERS.python,
  // Jinja2 `env.get_template(name)` / `select_template([...])`, Django `loader.get_template(name)`.
  templateLoaders: new Set(['get_template', 'select_template']),
  routeConvertedParams,
  routeRegistrations,
  explicitReceivers: new Set(['self', 'cls']),
  closedTypes: (stmt) => {
    const cls = stmt.type === 'decorated_definition' ? fieldOf(stmt, 'definition') : stmt;
    if (cls?.type !== 'class_definition') return [];
    const bases = fieldOf(cls, 'superclasses');
    const name = fieldOf(cls, 'name')?.text;
    // `class Kind(str, Enum)`, `class Size(enum.IntEnum)`: members are the class's own constants.
    return name && bases && kids(bases).some((b) => /^(?:enum\.)?(?:Enum|IntEnum|StrEnum|Flag|IntFlag)$/.test(b.text)) ? [name] : [];
  },
  typedFields,
  namedTypeFields,
  typedTypeAliases,
  recordFields,
  recordBases,
  boundFormClasses,
  constantKeyRead,
  validatedData,
  schemaOf,
  typeAliases: (stmt) => {
    // `X = Annotated[...]`, `X: TypeAlias = Optional[...]`: a generic type of `typing` on the right.
    const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
    if (a?.type !== 'assignment') return [];
    const left = fieldOf(a, 'left');
    const right = fieldOf(a, 'right');
    if (left?.type !== 'identifier' || right?.type !== 'subscript') return [];
    const head = fieldOf(right, 'value')?.text.replace(/^(typing|typing_extensions)\./, '');
    return head && /^(Annotated|Optional|Union|Literal)$/.test(head) ? [[left.text, right.text]] : [];
  },
  functionDecorators: (_fn, parent) =>
    parent?.type === 'decorated_definition' ? kids(parent).flatMap((d) => (d.type === 'decorator' ? kids(d).slice(0, 1) : [])) : [],
  // Python
  patternSyntax: {
    ignored: ['comment', 'line_continuation'],
    literals: ['string', 'integer', 'float', 'true', 'false', 'none'],
    quotedStrings: ['string'],
    interpolations: ['interpolation'],
    stringDelimiters: ['string_start', 'string_end'],
    identifiers: ['identifier'],
    variables: ['identifier'],
    chains: { attribute: ['object', 'attribute'] },
    subscripts: { subscript: 'value' },
    calls: ['call'],
    transparent: ['parenthesized_expression', 'await'],
    parenthesized: ['parenthesized_expression'],
    snippetWrappers: ['module', 'expression_statement'],
    tokenOperators: ['comparison_operator', 'boolean_operator'],
    dynamicImports: [],
    maps: ['dictionary'],
    entries: { pair: ['key', 'value'], keyword_argument: ['name', 'value'] },
    shorthandEntries: [],
    namedEntries: [],
    spreads: ['dictionary_splat', 'list_splat'],
    trailingOptions: [],
    falseLiterals: ['False', 'None', '0'],
    constructions: [],
    builtins: ['eval', 'exec', 'compile', 'open', '__import__', 'input', 'execfile', 'getattr', 'setattr'],
  },
  functionTypes: FUNCTION_TYPES,
  importTypes: ['import_statement', 'import_from_statement'],
  nameTypes: ['identifier', 'attribute'],
  declaratorType: '',
  keyValueMethods: new Set(['items', 'iteritems']),
  iterationMethods: ITERATION_METHODS,
  // `re.sub(p, fn, s)` (the module's function) and `PATTERN.sub(fn, s)` (a compiled pattern's method); `subn` alike.
  substitutionCall: (method, receiver, args, canonical) => {
    if (method !== 'sub' && method !== 'subn') return undefined;
    const imported = receiver?.type === 'identifier' ? canonical(textOf(receiver)) : undefined;
    const module = imported === 're' || imported === 'regex';
    return module ? (args.length >= 3 ? { callback: 1, subject: 2 } : undefined) : args.length >= 2 ? { callback: 0, subject: 1 } : undefined;
  },
  mappingMethods: new Set(),
  formattingMethods: FORMATTING_METHODS,
  // `clauses.append(x)` then `" AND ".join(clauses)`: the list (set, deque) holds x. Not `write` (a file's name is
  // not its content) nor `update` (a hash's digest is not its input; a dict's is rarely built so).
  receiverMethods: new Set(['append', 'extend', 'insert', 'appendleft', 'extendleft', 'add']),
  frontMethods: new Set(['insert', 'appendleft', 'extendleft']),
  // Each raises (an HTTP error response or redirect, SystemExit, a gRPC servicer context's RpcError) or ends the
  // process: no statement after it runs.
  noReturnCalls: new Set(['flask.abort', 'werkzeug.exceptions.abort', 'quart.abort', 'bottle.abort', 'bottle.redirect', 'pecan.abort', 'pecan.redirect', 'emmett.abort', 'emmett.redirect', 'tg.abort', 'tg.redirect', 'py4web.abort', 'py4web.redirect', 'hug.redirect.to', 'hug.redirect.permanent', 'hug.redirect.found', 'hug.redirect.see_other', 'hug.redirect.temporary', 'sys.exit', 'os._exit', 'os.abort', 'grpc_context.abort', 'grpc_context.abort_with_status']),
  blockTypes: new Set(['block', 'module']),
  argvWords: (focus) => (focus.type === 'list' || focus.type === 'tuple' ? named(focus) : focus.parent?.type === 'argument_list' ? named(focus.parent) : undefined),
  stmtKind,
  tableTypes: new Set<string>(['dictionary', 'set', 'list', 'tuple', 'dictionary_comprehension', 'set_comprehension', 'list_comprehension']),
  sequenceTypes: new Set(['list']),
  spreadTypes: new Set(['list_splat']),
  keywordSpreadTypes: new Set(['dictionary_splat']),
  exprKind,
  targetKind,
  memberObject: (n) => fieldOf(n, typeOf(n) === 'subscript' ? 'value' : 'object'),
  memberIndex: (n) => (typeOf(n) === 'subscript' ? fieldOf(n, 'subscript') : null),
  propertyOf: (n) => (typeOf(n) === 'attribute' ? fieldOf(n, 'attribute') : null),
  callee: (n) => fieldOf(n, 'function'),
  callsThrough: (call, canonical, def) => callsThrough(call, canonical, def),
  carries: (op) => CARRYING_OPS.has(op),
  falsyLeftOps: new Set(['and']),
  fallbackOps: new Set(['or']),
  urlParsers: new Set(['urllib.parse.urlparse', 'urllib.parse.urlsplit', 'urlparse.urlparse', 'urlparse.urlsplit', 'six.moves.urllib.parse.urlparse']),
  conditionalParts: (n) => {
    // a if condition else b
    const k = kids(n);
    return [k[1], k[0], k[2]];
  },
  computedKey: () => null,
  isFormatting: (type) => type === 'format_specifier',
  isYield: (type) => type === 'yield',
  conversionCall: (n) => {
    if (typeOf(n) !== 'interpolation') return undefined;
    const conv = fieldOf(n, 'type_conversion')?.text;
    return conv === '!r' ? 'repr' : conv === '!a' ? 'ascii' : conv === '!s' ? 'str' : undefined;
  },
  formatValues: (n) => percentFormatValues(n) ?? dotFormatValues(n),
  conversionNames: ['repr', 'ascii', 'str'],
  comprehensionClauses: (n) => {
    const out: { target: Node; iterable: Node }[] = [];
    for (const c of kids(n)) {
      if (c.type !== 'for_in_clause') continue;
      const target = fieldOf(c, 'left');
      const iterable = fieldOf(c, 'right');
      if (target && iterable) out.push({ target, iterable });
    }
    return out;
  },
  comprehensionFilters: (n) => kids(n).flatMap((c) => (c.type === 'if_clause' && c.namedChildren[0] ? [c.namedChildren[0]] : [])),
  isComprehensionClause: (type) => type === 'for_in_clause',
  definedFunction: (n) => (typeOf(n) === 'decorated_definition' ? fieldOf(n, 'definition') : n),
  withItems: (n) => {
    const out: { value: Node; target?: Node }[] = [];
    for (const c of kids(n)) {
      if (typeOf(c) !== 'with_clause') continue;
      for (const item of kids(c)) {
        const v = fieldOf(item, 'value') ?? kids(item)[0];
        if (!v) continue;
        if (typeOf(v) !== 'as_pattern') {
          out.push({ value: v });
          continue;
        }
        const src = kids(v)[0];
        const alias = fieldOf(v, 'alias');
        const target = alias ? kids(alias)[0] ?? alias : undefined;
        if (src) out.push({ value: src, ...(target ? { target } : {}) });
      }
    }
    return out;
  },
  withBody: (n) => kids(n).find((c) => typeOf(c) === 'block'),
  switchSubject: (n) => fieldOf(n, 'subject'),
  isElseIf: (type) => type === 'elif_clause',
  elseBody: (n) => fieldOf(n, 'body') ?? kids(n)[0],
  loopHeader: (n) => ['initializer', 'condition', 'increment'].flatMap((f) => fieldOf(n, f) ?? []),
  loopBinding: (n) => {
    const target = fieldOf(n, 'left');
    const iterable = fieldOf(n, 'right');
    return target && iterable ? { target, iterable } : undefined;
  },
  loopCondition: (n) => (typeOf(n) === 'while_statement' ? fieldOf(n, 'condition') : null),
  tryParts: (n) => {
    const body = fieldOf(n, 'body') ?? kids(n).find((c) => typeOf(c) === 'block');
    const handlers: { body: Node; caught?: Node }[] = [];
    for (const c of kids(n)) {
      if (c === body || (typeOf(c) !== 'except_clause' && typeOf(c) !== 'else_clause')) continue;
      const b = fieldOf(c, 'body') ?? kids(c).find((k) => typeOf(k) === 'block');
      if (!b) continue;
      // `except E as e`: the alias (an `as_pattern_target` around the name).
      const value = typeOf(c) === 'except_clause' ? fieldOf(c, 'value') : null;
      const alias = value && typeOf(value) === 'as_pattern' ? fieldOf(value, 'alias') : null;
      const caught = alias && typeOf(alias) === 'as_pattern_target' ? named(alias)[0] : alias;
      handlers.push(caught ? { body: b, caught } : { body: b });
    }
    const fin = kids(n).find((c) => typeOf(c) === 'finally_clause');
    const finalizer = fin ? fieldOf(fin, 'body') ?? kids(fin).find((k) => typeOf(k) === 'block') : undefined;
    return { body, handlers, finalizer };
  },
  objectPatternEntries: () => [],
  isSequenceLiteral: (type) => type === 'expression_list' || type === 'tuple' || type === 'list',
  containerOf: (t) => fieldOf(t, 'object') ?? fieldOf(t, 'value'),
  exportParts: () => ({ declaration: null, value: null }),
  constantTruth: (cond, lookup = () => undefined) => {
    foldCounters.truthCalls++;
    const v = foldPy(cond, lookup, { left: MAX_FOLD_NODES });
    return v === undefined ? undefined : truthy(v);
  },
  constantDef,
  isConstantBinding,
  guardShape,
  unparenthesize,
  accessPath: (n) => accessPath(n),
  stringValue,
  isConstant,
  notText,
  literalKeys,
  literalEntries,
  paramsOf,
  paramKeywords,
  paramDefaultOf: (fn, index) => {
    const list = fieldOf(fn, 'parameters');
    const p = list ? kids(list)[index] : undefined;
    return p?.childForFieldName('value') ?? undefined;
  },
  paramTypeOf: (fn, index) => paramTypeNode(fn, index)?.text.replace(/^:\s*/, ''),
  patternValidatedParam: (fn, index) => {
    const list = fieldOf(fn, 'parameters');
    const p = list ? kids(list)[index] : undefined;
    return patternValidated(p?.childForFieldName('value') ?? undefined) || patternValidated(paramTypeNode(fn, index));
  },
  paramClass: (fn, index) => {
    const t = paramTypeNode(fn, index);
    return t ? annotatedClass(t) : undefined;
  },
  paramDecorators: () => [],
  unitName,
  isMethod: (fn) => fn.type === 'function_definition' && !!enclosingClass(fn),
  classOf: (fn) => (fn.type === 'function_definition' ? enclosingClass(fn)?.childForFieldName('name')?.text : undefined),
  fieldReceiver: 'self',
  requestStores: { imports: ['flask.g', 'quart.g'] },
  // Celery: `task.delay(*args, **kwargs)` is `task.apply_async(args, kwargs)`, run by a worker with those arguments;
  // Dramatiq: `actor.send(*args, **kwargs)`.
  deferredCallMethods: new Set(['delay', 'send']),
  classBases: (fn) => {
    const list = enclosingClass(fn)?.childForFieldName('superclasses');
    // `class B(A)`, `class B(pkg.A)`: the last name; keyword arguments (`metaclass=`) are no bases.
    return list ? kids(list).flatMap((b) => (b.type === 'identifier' ? [b.text] : b.type === 'attribute' ? [b.childForFieldName('attribute')?.text ?? ''] : [])).filter(Boolean) : [];
  },
  isExported: (fn, p) => {
    // A public function at module level (decorated or not).
    if (!p || fn.type !== 'function_definition') return false;
    const at = p.type === 'decorated_definition' ? p.parent : p;
    return at?.type === 'module' && !(fieldOf(fn, 'name')?.text ?? '_').startsWith('_');
  },
  isEntryPoint,
  // A module run as a program: `if __name__ == "__main__":`.
  isScript: (text) => /^if\s+__name__\s*==\s*['"]__main__['"]\s*:/m.test(text),
  isPrivatePath,
  buildsString,
  isModuleLevel: (fn, p) => {
    // A `def` at module level, decorated or not, private or not (a name the module's other statements can use).
    if (!p || fn.type !== 'function_definition') return false;
    return (p.type === 'decorated_definition' ? p.parent : p)?.type === 'module';
  },
  exportedNames,
  instances: pythonInstances,
  // By the naming convention (CapWords): a call of any other name is a function's. A classmethod's `cls(...)` is its
  // class's (a factory: `return cls(title=args["t"])`).
  constructs: (call) => {
    const fn = typeOf(call) === 'call' ? fieldOf(call, 'function') : null;
    if (!fn || typeOf(fn) !== 'identifier') return undefined;
    const name = textOf(fn);
    if (name === 'cls') {
      const cls = enclosingClassName(call);
      return cls ? { cls, method: CONSTRUCTOR } : undefined;
    }
    return /^_?[A-Z]/.test(name) ? { cls: name, method: CONSTRUCTOR } : undefined;
  },
  constructorMethod: CONSTRUCTOR,
  collectImports,
  aliasSites,
  decompose,
  sqlPlaceholder: (imports) => ([...imports.values()].some((m) => m.split('.')[0] === 'sqlite3') ? '?' : '%s'),
  sqlParams: (values) => `(${values.join(', ')}${values.length === 1 ? ',' : ''})`,
  pathContainment: (focus, args, fresh, indent, eol) => {
    if (focus.type !== 'call' || fieldOf(focus, 'function')?.text !== 'os.path.join') return undefined;
    if (args.some((a) => a.type === 'list_splat')) return undefined;
    const root = args.slice(0, -1).map((a) => a.text).join(', ');
    const name = fresh('safe_path');
    const pre =
      `${name} = os.path.realpath(${focus.text})${eol}` +
      `${indent}if not ${name}.startswith(os.path.realpath(${args.length > 2 ? `os.path.join(${root})` : root}) + os.sep):${eol}` +
      `${indent}    raise ValueError("path escapes the allowed folder")${eol}${indent}`;
    return { pre, name };
  },
  envImport,
  htmlEscaper: (imports) => {
    // An escape function the file already imports, else the standard library's html.escape.
    const usable = [...imports].filter(([name]) => !FUNCTION_ONLY.get(importsOrigin(imports))?.has(name));
    const mod = usable.find(([, m]) => m === 'html')?.[0];
    const fn = usable.find(([, m]) => /^(markupsafe|flask|django\.utils\.html)\.escape$/.test(m))?.[0];
    const local = fn ?? (mod ? `${mod}.escape` : undefined);
    return { wrap: (code) => `${local ?? 'html.escape'}(${code})`, ...(local ? {} : { importLine: 'import html' }), title: 'HTML-escape the value with html.escape' };
  },
  relativeRedirect: (x) => `${x} if ${x}.startswith("/") and not ${x}.startswith("//") and not ${x}.startswith("/\\\\") else "/"`,
};

// ---- constant folding (`constantTruth`, `constantDef`) ------------------------------------------------------

/** Parents where a name is only read (an operand, an argument...): any other use may rebind it. */
const READ_PARENTS = new Set([
  'argument_list', 'binary_operator', 'comparison_operator', 'boolean_operator', 'not_operator', 'unary_operator',
  'conditional_expression', 'return_statement', 'expression_statement', 'interpolation', 'list', 'tuple', 'set',
  'expression_list', 'subscript', 'if_statement', 'elif_clause', 'while_statement', 'await', 'format_expression',
  // `o.x` (the name is the attribute or its object, neither rebound), `f(x=1)` (a parameter's name or the value).
  'attribute', 'keyword_argument',
]);

/** Whether an identifier is read there, never bound (its parentheses looked through). */
function isReadOnly(id: Node): boolean {
  let n = id;
  let p = n.parent;
  while (p && typeOf(p) === 'parenthesized_expression') {
    n = p;
    p = p.parent;
  }
  if (!p) return false;
  if (READ_PARENTS.has(typeOf(p))) return true;
  if (typeOf(p) === 'dotted_name') {
    const g = p.parent;
    // The module `from .store import X` or `from shop.store import X` reads binds none of its names (`store = X()`
    // below is the file's one binding of `store`), nor does `import shop.store` bind more than `shop`.
    if (g && (typeOf(g) === 'relative_import' || (typeOf(g) === 'import_from_statement' && fieldOf(g, 'module_name')?.id === p.id))) return true;
    if (g && typeOf(g) === 'import_statement' && kids(p)[0]?.id !== n.id) return true;
  }
  const is = (field: string): boolean => fieldOf(p, field)?.id === n.id;
  switch (typeOf(p)) {
    case 'call':
      return is('function');
    case 'pair':
      return is('value');
    case 'assignment':
    case 'augmented_assignment':
      return is('right');
    default:
      return false;
  }
}

/**
 * See `LanguageModule.constantDef`: one plain assignment (`x = 86`), every other use a read (no `global`, no
 * loop or `with` target, no augmented assignment, no nested function's parameter of that name).
 */
function constantDef(scope: Node, name: string): ConstantDef | 'free' | undefined {
  const t = constantDefsOf(scope, constantDefTable);
  return t.has(name) ? t.get(name) : 'free';
}

/** Every name's `constantDef` in `scope`, in one walk of its names. */
function constantDefTable(scope: Node): ConstantDefs {
  const out: ConstantDefs = new Map();
  for (const id of scope.descendantsOfType('identifier')) {
    if (!id) continue;
    const name = textOf(id);
    const cur = out.get(name);
    // Rebound already: nothing later changes that.
    if (cur === undefined && out.has(name)) continue;
    const p = id.parent;
    if (p && typeOf(p) === 'assignment' && fieldOf(p, 'left')?.id === id.id) {
      const value = fieldOf(p, 'right');
      // A read after it has it (or, where it did not run, fails: Python has no hoisting).
      out.set(name, (cur && cur !== 'free') || !value ? undefined : { value, end: p.endIndex, scope });
      continue;
    }
    if (!isReadOnly(id)) out.set(name, undefined);
    else if (!cur) out.set(name, 'free');
  }
  return out;
}

/** A module-level value held by an UPPER_CASE name: by convention a constant that no code rebinds. */
function isConstantBinding(_value: Node, name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name);
}

/** A literal's, name's or operation's constant value, or undefined. */
function foldPy(n: Node, lookup: ConstantLookup<Node>, budget: { left: number }): ConstValue | undefined {
  foldCounters.foldNodes++;
  if (--budget.left < 0) return undefined;
  switch (typeOf(n)) {
    case 'parenthesized_expression': {
      const inner = kids(n);
      return inner.length === 1 ? foldPy(inner[0]!, lookup, budget) : undefined;
    }
    case 'integer':
    case 'float': {
      const text = textOf(n).replace(/_/g, '');
      if (/[jJlL]$/.test(text)) return undefined;
      const v = Number(text);
      return Number.isFinite(v) && (typeOf(n) === 'float' || Number.isSafeInteger(v)) ? v : undefined;
    }
    case 'string': {
      // Bytes compare unlike text; escapes would need decoding.
      if (/[bB]/.test(/^[a-zA-Z]*/.exec(textOf(n))![0])) return undefined;
      const s = stringValue(n);
      return s !== undefined && !s.includes('\\') ? s : undefined;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'identifier': {
      const v = lookup(n);
      return v ? foldPy(v, lookup, budget) : undefined;
    }
    case 'not_operator': {
      const arg = fieldOf(n, 'argument') ?? kids(n)[0];
      const v = arg ? foldPy(arg, lookup, budget) : undefined;
      return v === undefined ? undefined : !truthy(v);
    }
    case 'unary_operator': {
      const op = opText(n);
      const arg = fieldOf(n, 'argument');
      const v = arg ? foldPy(arg, lookup, budget) : undefined;
      if (typeof v !== 'number') return undefined;
      return op === '-' ? -v : op === '+' ? v : undefined;
    }
    case 'boolean_operator': {
      const op = operatorOf(n);
      const l = fieldOf(n, 'left');
      const r = fieldOf(n, 'right');
      const a = l ? foldPy(l, lookup, budget) : undefined;
      if (a === undefined || !r) return undefined;
      if (op === 'and') return truthy(a) ? foldPy(r, lookup, budget) : a;
      if (op === 'or') return truthy(a) ? a : foldPy(r, lookup, budget);
      return undefined;
    }
    case 'binary_operator': {
      const op = opText(n);
      const l = fieldOf(n, 'left');
      const r = fieldOf(n, 'right');
      const a = l ? foldPy(l, lookup, budget) : undefined;
      const b = a !== undefined && r ? foldPy(r, lookup, budget) : undefined;
      return a === undefined || b === undefined ? undefined : foldBinary(op, a, b, true);
    }
    case 'comparison_operator': {
      // A chain (`0 < x < 10`) holds when each link does; `in`, `is` and their negations are not folded.
      const operands = kids(n);
      const ops = n.children.filter((c): c is Node => !!c && !c.isNamed).map((c) => textOf(c));
      if (operands.length < 2 || ops.length !== operands.length - 1) return undefined;
      let prev = foldPy(operands[0]!, lookup, budget);
      for (let i = 0; i < ops.length; i++) {
        const next = prev === undefined ? undefined : foldPy(operands[i + 1]!, lookup, budget);
        if (prev === undefined || next === undefined) return undefined;
        const v = foldBinary(ops[i]!, prev, next, true);
        if (v === undefined) return undefined;
        if (v === false) return false;
        prev = next;
      }
      return true;
    }
    case 'conditional_expression': {
      const [x, c, y] = kids(n);
      const v = c ? foldPy(c, lookup, budget) : undefined;
      if (v === undefined) return undefined;
      const side = truthy(v) ? x : y;
      return side ? foldPy(side, lookup, budget) : undefined;
    }
    default:
      return undefined;
  }
}

/** See `LanguageModule.literalEntries`. */
function literalEntries(n: Node): { key: string; value: Node }[] | undefined {
  const out: { key: string; value: Node }[] = [];
  if (typeOf(n) === 'list' || typeOf(n) === 'tuple') {
    for (const [i, e] of kids(n).entries()) {
      if (typeOf(e) === 'list_splat' || typeOf(e) === 'comment' || typeOf(e) === 'parenthesized_list_splat') return undefined;
      out.push({ key: String(i), value: e });
    }
    return out;
  }
  if (typeOf(n) !== 'dictionary') return undefined;
  for (const p of kids(n)) {
    if (typeOf(p) === 'comment') continue;
    const key = typeOf(p) === 'pair' ? fieldOf(p, 'key') : null;
    const value = typeOf(p) === 'pair' ? fieldOf(p, 'value') : null;
    const k = key ? stringValue(key) : undefined;
    if (k === undefined || !value || !/^[\w$-]+$/.test(k)) return undefined;
    out.push({ key: k, value });
  }
  return out;
}

/** An operator node's text (`-`, `//`), or '' without one. */
function opText(n: Node): string {
  const op = fieldOf(n, 'operator');
  return op ? textOf(op) : '';
}
