/**
 * Java for the taint pack (tree-sitter-java). Units are methods, constructors and lambdas; a call's callee is the
 * `method_invocation` itself (its `object` and `name` fields play the receiver and the property).
 */
import type { Node, Tree } from 'web-tree-sitter';
import { kids, operatorOf } from '../../patterns/pattern';
import { FORMATTING_METHODS, ITERATION_METHODS, MAPPING_METHODS, type ExprKind, type GuardShape, type LanguageModule, type Part, type QualifiedModules, type QualifiedName, type StmtKind, type TargetKind } from './language';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression']);

function stmtKind(type: string): StmtKind {
  switch (type) {
    case 'block':
    case 'program':
    case 'constructor_body':
      return 'block';
    case 'expression_statement':
      return 'expression';
    case 'local_variable_declaration':
      return 'declaration';
    case 'return_statement':
    case 'yield_statement':
      return 'return';
    case 'throw_statement':
      return 'throw';
    case 'break_statement':
    case 'continue_statement':
      return 'jump';
    case 'if_statement':
      return 'if';
    case 'for_statement':
    case 'enhanced_for_statement':
    case 'while_statement':
    case 'do_statement':
      return 'loop';
    case 'try_statement':
    case 'try_with_resources_statement':
      return 'try';
    case 'switch_expression':
      return 'switch';
    case 'class_declaration':
    case 'interface_declaration':
    case 'enum_declaration':
    case 'record_declaration':
    case 'import_declaration':
    case 'package_declaration':
    case 'line_comment':
    case 'block_comment':
      return 'inert';
    case 'labeled_statement':
      return 'labeled';
    default:
      return 'other';
  }
}

function exprKind(type: string): ExprKind {
  switch (type) {
    case 'method_declaration':
    case 'constructor_declaration':
    case 'lambda_expression':
      return 'function';
    case 'string_literal':
    case 'text_block':
    case 'string_fragment':
    case 'escape_sequence':
    case 'character_literal':
    case 'decimal_integer_literal':
    case 'hex_integer_literal':
    case 'octal_integer_literal':
    case 'binary_integer_literal':
    case 'decimal_floating_point_literal':
    case 'hex_floating_point_literal':
    case 'true':
    case 'false':
    case 'null_literal':
    case 'line_comment':
    case 'block_comment':
    case 'class_declaration':
    case 'class_literal':
      return 'inert';
    case 'type_identifier':
    case 'generic_type':
    case 'integral_type':
    case 'floating_point_type':
    case 'boolean_type':
    case 'array_type':
    case 'scoped_type_identifier':
    case 'type_arguments':
      return 'type';
    case 'identifier':
      return 'identifier';
    case 'this':
      return 'self';
    case 'field_access':
    case 'array_access':
      return 'member';
    case 'method_invocation':
    case 'object_creation_expression':
      return 'call';
    case 'assignment_expression':
      return 'assign';
    case 'binary_expression':
      return 'binary';
    case 'unary_expression':
    case 'update_expression':
    case 'instanceof_expression':
      return 'opaque';
    case 'ternary_expression':
      return 'conditional';
    default:
      return 'other';
  }
}

function targetKind(type: string): TargetKind {
  switch (type) {
    case 'identifier':
      return 'name';
    case 'parenthesized_expression':
      return 'parenthesized';
    default:
      return 'other';
  }
}

function stringValue(n: Node): string | undefined {
  if (n.type !== 'string_literal') return undefined;
  const m = /^"([\s\S]*)"$/.exec(n.text);
  return m ? m[1] : undefined;
}

function unparenthesize(n: Node): Node {
  let c = n;
  while (c.type === 'parenthesized_expression') c = kids(c)[0] ?? c;
  return c;
}

const isConstant = (n: Node): boolean =>
  n.type === 'decimal_integer_literal' || n.type === 'true' || n.type === 'false' || n.type === 'null_literal' || n.type === 'character_literal' ||
  (n.type === 'string_literal' && stringValue(n) !== undefined);

function accessPath(n: Node, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  if (n.type === 'identifier' || n.type === 'this') return n.text;
  if (n.type === 'field_access') {
    const obj = n.childForFieldName('object');
    const field = n.childForFieldName('field');
    const base = obj ? accessPath(obj, depth + 1) : undefined;
    return base && field ? `${base}.${field.text}` : undefined;
  }
  return undefined;
}

const formalParameters = (fn: Node): Node[] => {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  // A lambda's single parameter, `x -> ...`, is the identifier itself.
  if (list.type === 'identifier') return [list];
  return kids(list).filter((p) => p.type === 'formal_parameter' || p.type === 'spread_parameter' || p.type === 'identifier');
};

function paramsOf(fn: Node): Node[] {
  return formalParameters(fn).map((p) => {
    if (p.type === 'identifier') return p;
    if (p.type === 'spread_parameter') return kids(p).find((k) => k.type === 'variable_declarator')?.childForFieldName('name') ?? p;
    return p.childForFieldName('name') ?? p;
  });
}

function guardShape(c: Node): GuardShape | undefined {
  const op = operatorOf(c);
  if (c.type === 'unary_expression' && op === '!') {
    const operand = c.childForFieldName('operand') ?? kids(c)[0];
    return operand ? { kind: 'not', operand } : undefined;
  }
  if (c.type === 'method_invocation') {
    // "asc".equals(x), x.equals("asc"): a comparison with a constant.
    const name = c.childForFieldName('name')?.text;
    const obj = c.childForFieldName('object');
    const arg = kids(c.childForFieldName('arguments') ?? c)[0];
    if ((name === 'equals' || name === 'equalsIgnoreCase') && obj && arg) return { kind: 'equals', positive: true, left: obj, right: arg };
    return undefined;
  }
  if (c.type !== 'binary_expression') return undefined;
  const left = c.childForFieldName('left');
  const right = c.childForFieldName('right');
  if (!left || !right) return undefined;
  if (op === '&&' || op === '||') return { kind: op === '&&' ? 'and' : 'or', left, right };
  if (op === '==' || op === '!=') return { kind: 'equals', positive: op === '==', left, right };
  return undefined;
}

function decompose(n: Node, depth = 0): Part[] | undefined {
  if (depth > 64) return undefined;
  if (n.type === 'parenthesized_expression') {
    const inner = kids(n)[0];
    return inner ? decompose(inner, depth + 1) : undefined;
  }
  if (n.type === 'binary_expression' && operatorOf(n) === '+') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return undefined;
    return [...(decompose(l, depth + 1) ?? [{ kind: 'expr', node: l }]), ...(decompose(r, depth + 1) ?? [{ kind: 'expr', node: r }])];
  }
  const v = stringValue(n);
  return v === undefined ? undefined : [{ kind: 'lit', raw: v }];
}

// ---- cross-file names: classes by their package and simple name ----

const CLASS_TYPES = new Set(['class_declaration', 'enum_declaration', 'interface_declaration', 'record_declaration']);

/** The file's `package` name ('' for the default package). */
function packageOf(root: Node): string {
  const decl = kids(root).find((k) => k.type === 'package_declaration');
  return decl ? kids(decl).find((k) => k.type === 'scoped_identifier' || k.type === 'identifier')?.text ?? '' : '';
}

/** Per tree: its wildcard imports, read once (every call a cross-file lookup resolves asks). */
const wildcardsOf = new WeakMap<Tree, { packages: string[]; statics: string[] }>();

/** The packages (`import a.b.*;`) and classes (`import static a.b.C.*;`) the file imports on demand. */
function wildcardImports(root: Node): { packages: string[]; statics: string[] } {
  const known = wildcardsOf.get(root.tree);
  if (known) return known;
  const out = { packages: [] as string[], statics: [] as string[] };
  wildcardsOf.set(root.tree, out);
  for (const n of kids(root)) {
    if (n.type !== 'import_declaration' || !kids(n).some((k) => k.type === 'asterisk')) continue;
    const name = kids(n).find((k) => k.type === 'scoped_identifier' || k.type === 'identifier')?.text;
    if (name) (/^import\s+static\b/.test(n.text) ? out.statics : out.packages).push(name);
  }
  return out;
}

/** Per tree, per scope (method, lambda or class body, by node id): the class each name is declared with there. */
const scopeDeclarations = new WeakMap<Tree, Map<number, Map<string, string | undefined>>>();

/** The names a method, lambda or class body declares (locals and parameters, or fields) and their written classes. */
function declarationsOf(scope: Node): Map<string, string | undefined> {
  let byScope = scopeDeclarations.get(scope.tree);
  if (!byScope) scopeDeclarations.set(scope.tree, (byScope = new Map()));
  let out = byScope.get(scope.id);
  if (out) return out;
  out = new Map();
  const decls = scope.type === 'class_body' ? kids(scope).filter((k) => k.type === 'field_declaration') : scope.descendantsOfType(['local_variable_declaration', 'formal_parameter']);
  for (const d of decls) {
    if (!d) continue;
    const type = d.childForFieldName('type');
    if (d.type === 'formal_parameter') {
      const name = d.childForFieldName('name')?.text;
      if (name && !out.has(name)) out.set(name, type?.text);
      continue;
    }
    for (const v of d.childrenForFieldName('declarator')) {
      const name = v?.childForFieldName('name')?.text;
      if (!v || !name || out.has(name)) continue;
      const value = v.childForFieldName('value');
      // `var x = new C()` is a C; `var` with any other value is a type this does not infer.
      out.set(name, type?.text === 'var' ? (value?.type === 'object_creation_expression' ? value.childForFieldName('type')?.text : undefined) : type?.text);
    }
  }
  byScope.set(scope.id, out);
  return out;
}

/** The declared class of a variable, parameter or field named `name` seen from `at` (undefined when none is). */
function declaredClass(at: Node, name: string): string | undefined {
  for (let scope: Node | null = at.parent; scope; scope = scope.parent) {
    const isClass = scope.type === 'class_body';
    if (!isClass && scope.type !== 'method_declaration' && scope.type !== 'constructor_declaration' && scope.type !== 'lambda_expression') continue;
    const decls = declarationsOf(scope);
    if (decls.has(name)) return decls.get(name);
    if (isClass) return undefined; // a field of the innermost class only
  }
  return undefined;
}

/** The fully qualified classes a class name written in a file may be: imported, qualified, same package, on demand. */
function classCandidates(written: string, root: Node, imports: Map<string, string>): string[] {
  const name = written.replace(/<.*$/s, '').trim();
  const [first, ...rest] = name.split('.');
  const imported = imports.get(first!);
  if (imported) return [[imported, ...rest].join('.')];
  // A lower-case first part is a package: the name is already qualified.
  if (rest.length && /^[a-z]/.test(first!)) return [name];
  const pkg = packageOf(root);
  return [pkg ? `${pkg}.${name}` : name, ...wildcardImports(root).packages.map((p) => `${p}.${name}`)];
}

/** The class a call's receiver is an instance of, or is (a class name), as written in the file. */
function receiverClass(object: Node): string | undefined {
  switch (object.type) {
    case 'object_creation_expression':
      return object.childForFieldName('type')?.text;
    case 'identifier':
      return declaredClass(object, object.text) ?? (/^[A-Z]/.test(object.text) ? object.text : undefined);
    case 'field_access': {
      const obj = object.childForFieldName('object');
      const field = object.childForFieldName('field')?.text;
      if (obj?.type === 'this' && field) return declaredClass(object, field);
      // `com.acme.Db` or `Outer.Inner`: a class named by its path, unless it starts with a variable.
      return /^[\w.]+$/.test(object.text) && !(obj && declaredClass(object, object.text.split('.')[0]!)) ? object.text : undefined;
    }
    default:
      return undefined;
  }
}

/** Java's qualified names: a method is known by its class's fully qualified name. */
const javaQualified: QualifiedModules = {
  callTypes: ['method_invocation'],
  moduleOf: (fn) => {
    if (fn.type !== 'method_declaration' || /\bprivate\b/.test(kids(fn).find((k) => k.type === 'modifiers')?.text ?? '')) return undefined;
    const classes: string[] = [];
    let root: Node = fn;
    for (let n: Node | null = fn.parent; n; n = n.parent) {
      root = n;
      if (CLASS_TYPES.has(n.type)) classes.unshift(n.childForFieldName('name')?.text ?? '');
      // Anonymous and local classes have no name other files can use.
      else if (n.type === 'object_creation_expression' || FUNCTION_TYPES.has(n.type)) return undefined;
    }
    if (classes.length === 0 || classes.includes('')) return undefined;
    const pkg = packageOf(root);
    return [...(pkg ? [pkg] : []), ...classes].join('.');
  },
  calleeNames: (call, imports) => {
    const name = call.childForFieldName('name')?.text;
    if (!name) return [];
    const object = call.childForFieldName('object');
    const root = call.tree.rootNode;
    let modules: string[];
    if (!object) {
      // `find(x)` after `import static a.b.Db.find;` or `import static a.b.Db.*;`.
      const single = imports.get(name);
      modules = single?.endsWith(`.${name}`) ? [single.slice(0, -name.length - 1)] : wildcardImports(root).statics;
    } else {
      const cls = receiverClass(object);
      modules = cls ? classCandidates(cls, root, imports) : [];
    }
    return modules.map((module): QualifiedName => ({ module, name }));
  },
};

export const java: LanguageModule = {
  id: 'java',
  // Java: method calls and field accesses are not matched as dotted chains (yet)
  patternSyntax: {
    ignored: [],
    literals: ['true', 'false'],
    quotedStrings: [],
    interpolations: [],
    stringDelimiters: [],
    identifiers: ['identifier', 'type_identifier'],
    variables: ['identifier'],
    chains: {},
    subscripts: {},
    calls: [],
    transparent: ['parenthesized_expression'],
    parenthesized: ['parenthesized_expression'],
    snippetWrappers: ['program', 'expression_statement'],
    tokenOperators: ['unary_expression'],
    dynamicImports: [],
    maps: [],
    entries: {},
    shorthandEntries: [],
    namedEntries: [],
    spreads: [],
    trailingOptions: [],
    falseLiterals: ['false'],
    constructions: ['object_creation_expression'],
    builtins: [],
  },
  functionTypes: FUNCTION_TYPES,
  importTypes: ['import_declaration'],
  // A method's descriptor reads its own subtree and its class's header only (no class-level decorators or
  // by-name registrations in Java): the file context keys it per member of the class.
  memberContainers: new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration']),
  nameTypes: ['identifier', 'field_access'],
  declaratorType: 'variable_declarator',
  iterationMethods: ITERATION_METHODS,
  mappingMethods: MAPPING_METHODS,
  noReturnCalls: new Set(['System.exit']),
  formattingMethods: FORMATTING_METHODS,
  receiverMethods: new Set(['append', 'insert', 'add', 'addAll', 'put', 'putAll', 'write', 'print', 'println', 'format']),
  blockTypes: new Set(['block', 'program', 'constructor_body']),
  // `List.of(...)` / `Arrays.asList(...)`, `new String[] {...}`, `{...}`, or one argument of the call.
  argvWords: (focus) => {
    if (focus.type === 'method_invocation' && /^(List\.of|Arrays\.asList|ImmutableList\.of)$/.test(`${focus.childForFieldName('object')?.text}.${focus.childForFieldName('name')?.text}`)) {
      return kids(focus.childForFieldName('arguments') ?? focus);
    }
    const init = focus.type === 'array_creation_expression' ? focus.childForFieldName('value') : focus;
    if (init?.type === 'array_initializer') return kids(init);
    return focus.parent?.type === 'argument_list' ? kids(focus.parent) : undefined;
  },
  stmtKind,
  tableTypes: new Set<string>([]),
  exprKind,
  targetKind,
  memberObject: (n) => n.childForFieldName(n.type === 'array_access' ? 'array' : 'object'),
  memberIndex: (n) => (n.type === 'array_access' ? n.childForFieldName('index') : null),
  propertyOf: (n) => (n.type === 'method_invocation' ? n.childForFieldName('name') : n.type === 'field_access' ? n.childForFieldName('field') : null),
  // A method call is its own callee; a construction calls its type.
  callee: (n) => (n.type === 'method_invocation' ? n : n.type === 'object_creation_expression' ? n.childForFieldName('type') : null),
  compoundAssignment: (n) => operatorOf(n) !== '=',
  carries: (op) => op === '+',
  conditionalParts: (n) => [n.childForFieldName('condition') ?? undefined, n.childForFieldName('consequence') ?? undefined, n.childForFieldName('alternative') ?? undefined],
  computedKey: () => null,
  isFormatting: () => false,
  comprehensionClauses: () => [],
  isComprehensionClause: () => false,
  definedFunction: () => null,
  // try-with-resources: each resource is bound before the body (and a bare `try (r)` is evaluated).
  withItems: (n) => {
    const spec = n.type === 'try_with_resources_statement' ? n.childForFieldName('resources') : null;
    return (spec ? kids(spec) : []).flatMap((r) => {
      if (r.type !== 'resource') return [];
      const value = r.childForFieldName('value');
      const target = r.childForFieldName('name') ?? undefined;
      return value ? [{ value, target }] : kids(r).slice(0, 1).map((v) => ({ value: v }));
    });
  },
  withBody: () => undefined,
  switchSubject: (n) => n.childForFieldName('condition'),
  // A statement group or an arrow rule: its labels' values (`case "a", "b"`); a `default` label has none.
  caseValues: (c) => {
    const labels = kids(c).filter((k) => k.type === 'switch_label');
    return labels.length && labels.every((l) => kids(l).length) ? labels.flatMap((l) => kids(l)) : undefined;
  },
  // An arrow rule never falls through; a statement group does unless it ends in a jump.
  caseFallsThrough: (c) => {
    if (c.type !== 'switch_block_statement_group') return false;
    const last = kids(c).filter((k) => k.type !== 'switch_label' && !k.type.endsWith('comment')).at(-1);
    return !last || !['return', 'throw', 'jump'].includes(stmtKind(last.type));
  },
  isElseIf: () => false,
  // Java's `else` is the alternative statement itself.
  elseBody: (n) => n,
  loopHeader: (n) => ['init', 'condition', 'update'].flatMap((f) => n.childrenForFieldName(f).filter((x): x is Node => !!x)),
  loopBinding: (n) => {
    const target = n.type === 'enhanced_for_statement' ? n.childForFieldName('name') : null;
    const iterable = n.type === 'enhanced_for_statement' ? n.childForFieldName('value') : null;
    return target && iterable ? { target, iterable } : undefined;
  },
  loopCondition: (n) => (n.type === 'while_statement' || n.type === 'do_statement' ? n.childForFieldName('condition') : null),
  tryParts: (n) => {
    const body = n.childForFieldName('body') ?? undefined;
    const handlers: { body: Node; caught?: Node }[] = [];
    for (const c of kids(n)) if (c.type === 'catch_clause') {
      const b = c.childForFieldName('body');
      const caught = kids(c).find((k) => k.type === 'catch_formal_parameter')?.childForFieldName('name');
      if (b) handlers.push(caught ? { body: b, caught } : { body: b });
    }
    const fin = kids(n).find((c) => c.type === 'finally_clause');
    return { body, handlers, finalizer: fin ? kids(fin).find((k) => k.type === 'block') : undefined };
  },
  objectPatternEntries: () => [],
  isSequenceLiteral: () => false,
  containerOf: (t) => (t.type === 'array_access' ? t.childForFieldName('array') : t.childForFieldName('object')),
  exportParts: () => ({ declaration: null, value: null }),
  constantTruth: (cond) => {
    const c = unparenthesize(cond);
    if (c.type === 'false') return false;
    if (c.type === 'true') return true;
    return undefined;
  },
  guardShape,
  unparenthesize,
  accessPath: (n) => accessPath(n),
  stringValue,
  isConstant,
  notText: () => false,
  literalKeys: () => undefined,
  paramsOf,
  paramDefaultOf: () => undefined,
  paramTypeOf: (fn, index) => formalParameters(fn)[index]?.childForFieldName('type')?.text,
  paramDecorators: (fn, index) => {
    const p = formalParameters(fn)[index];
    const mods = p ? kids(p).find((k) => k.type === 'modifiers') : undefined;
    return mods ? kids(mods).flatMap((a) => (a.type === 'annotation' || a.type === 'marker_annotation' ? a.childForFieldName('name') ?? [] : [])) : [];
  },
  // A method's annotations (`@GetMapping("/x")`), for handlers known by them.
  functionDecorators: (fn) => {
    const mods = fn.type === 'method_declaration' ? kids(fn).find((k) => k.type === 'modifiers') : undefined;
    return mods ? kids(mods).filter((a) => a.type === 'annotation' || a.type === 'marker_annotation') : [];
  },
  unitName: (fn) => fn.childForFieldName('name')?.text,
  isMethod: (fn) => fn.type === 'method_declaration',
  isExported: (fn) => fn.type === 'method_declaration' && /\bpublic\b/.test(kids(fn).find((k) => k.type === 'modifiers')?.text ?? ''),
  qualifiedModules: javaQualified,
  exportedNames: (tree: Tree) => new Set(tree.rootNode.descendantsOfType('method_declaration').flatMap((m) => (m && java.isExported(m, m.parent) ? m.childForFieldName('name')?.text ?? [] : []))),
  collectImports: (root) => {
    // `import java.sql.Statement;` -> Statement = java.sql.Statement; static imports name a member. An import on
    // demand (`import io.javalin.*;`, `import static spark.Spark.*;`) binds no name: keyed `*` + package, as
    // Python's `from m import *`, so that `requires-import` sees the module.
    const out = new Map<string, string>();
    for (const n of kids(root)) {
      if (n.type !== 'import_declaration') continue;
      const name = kids(n).find((k) => k.type === 'scoped_identifier' || k.type === 'identifier')?.text;
      if (!name) continue;
      if (kids(n).some((k) => k.type === 'asterisk')) out.set(`*${name}`, name);
      else out.set(name.split('.').pop()!, name);
    }
    return out;
  },
  decompose,
  sqlPlaceholder: () => '?',
  sqlParams: (values) => values.join(', '),
  // `st.executeQuery("..." + x)` on a java.sql.Statement: a PreparedStatement from the same connection, each value
  // bound with setString (a `conn.createStatement()` receiver prepares on `conn` directly).
  preparedQuery: (sink, sql, values, name, imports, indent, eol) => {
    const obj = sink.type === 'method_invocation' ? sink.childForFieldName('object') : null;
    const method = sink.childForFieldName('name')?.text;
    if (!obj || !method || !/^(executeQuery|executeUpdate|executeLargeUpdate|execute)$/.test(method)) return undefined;
    const created = obj.type === 'method_invocation' && obj.childForFieldName('name')?.text === 'createStatement' && kids(obj.childForFieldName('arguments') ?? obj).length === 0;
    const conn = created ? obj.childForFieldName('object')?.text : `${obj.text}.getConnection()`;
    if (!conn) return undefined;
    const type = imports.get('PreparedStatement') === 'java.sql.PreparedStatement' ? 'PreparedStatement' : 'java.sql.PreparedStatement';
    const binds = values.map((v, i) => `${name}.setString(${i + 1}, ${v});${eol}${indent}`).join('');
    return { pre: `${type} ${name} = ${conn}.prepareStatement(${sql});${eol}${indent}${binds}`, call: `${name}.${method}()` };
  },
  // `Runtime.exec("prog " + x)` splits the string on spaces: a ProcessBuilder gets the words as they are.
  argvCommand: (sink, focus, argv) => {
    const args = kids(sink.childForFieldName('arguments') ?? sink);
    if (sink.type !== 'method_invocation' || sink.childForFieldName('name')?.text !== 'exec' || args.length !== 1 || args[0]!.id !== focus.id) return undefined;
    return { code: `new ProcessBuilder(${argv.join(', ')}).start()`, title: 'Run the program with a ProcessBuilder argument list' };
  },
  pathContainment: () => undefined,
  relativeRedirect: (x) => `${x}.startsWith("/") && !${x}.startsWith("//") && !${x}.startsWith("/\\\\") ? ${x} : "/"`,
  htmlEscaper: () => ({ wrap: (code) => `org.springframework.web.util.HtmlUtils.htmlEscape(${code})`, title: 'HTML-escape the value (Spring HtmlUtils)' }),
};
