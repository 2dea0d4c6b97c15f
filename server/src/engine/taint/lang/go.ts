/**
 * Go for the taint pack (tree-sitter-go). Units are function and method declarations and function literals.
 * `:=` and `=` bind expression lists: a list of targets binds element-wise to a list of values of the same length,
 * and each target takes the whole value otherwise (`rows, err := db.Query(q)`). Go has no annotations, so a
 * parameter's declared type plays the part of its annotation (`paramDecorators`): handler specs recognise
 * `r *http.Request` or `c *gin.Context` by it. Imports are known by the last element of their path (`os/exec` is
 * `exec`, `github.com/go-chi/chi/v5` is `chi`), whatever local name the file gives them.
 */
import { dirname } from 'node:path';
import type { Node, Tree } from 'web-tree-sitter';
import { kids, operatorOf } from '../../patterns/pattern';
import { FORMATTING_METHODS, METHOD_OF_PACKAGE, type ExprKind, type GuardShape, type LanguageModule, type Part, type QualifiedModules, type StmtKind, type TargetKind } from './language';

const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

function stmtKind(type: string): StmtKind {
  switch (type) {
    case 'source_file':
    case 'block':
    case 'statement_list':
      return 'block';
    case 'expression_statement':
    case 'defer_statement':
    case 'go_statement':
      return 'expression';
    case 'var_declaration':
      return 'declaration';
    case 'return_statement':
      return 'return';
    case 'break_statement':
    case 'continue_statement':
    case 'goto_statement':
      return 'jump';
    case 'if_statement':
      return 'if';
    case 'for_statement':
      return 'loop';
    case 'expression_switch_statement':
    case 'type_switch_statement':
    case 'select_statement':
      return 'switch';
    case 'function_declaration':
    case 'method_declaration':
    case 'import_declaration':
    case 'package_clause':
    case 'type_declaration':
    case 'const_declaration':
    case 'fallthrough_statement':
    case 'empty_statement':
    case 'comment':
      return 'inert';
    default:
      // `:=` and `=` (assignments as expressions), `x++`.
      return 'other';
  }
}

function exprKind(type: string): ExprKind {
  switch (type) {
    case 'function_declaration':
    case 'method_declaration':
    case 'func_literal':
      return 'function';
    case 'interpreted_string_literal':
    case 'raw_string_literal':
    case 'rune_literal':
    case 'int_literal':
    case 'float_literal':
    case 'imaginary_literal':
    case 'true':
    case 'false':
    case 'nil':
    case 'iota':
    case 'comment':
    case 'type_declaration':
    case 'const_declaration':
      return 'inert';
    case 'type_identifier':
    case 'qualified_type':
    case 'pointer_type':
    case 'slice_type':
    case 'array_type':
    case 'map_type':
    case 'channel_type':
    case 'function_type':
    case 'struct_type':
    case 'interface_type':
    case 'generic_type':
    case 'type_arguments':
      return 'type';
    case 'identifier':
      return 'identifier';
    case 'selector_expression':
    case 'index_expression':
      return 'member';
    case 'call_expression':
      return 'call';
    // A `select` case's `v := <-ch` is an assignment too (its `left` optional: `case <-done:`).
    case 'short_var_declaration':
    case 'assignment_statement':
    case 'receive_statement':
      return 'assign';
    case 'binary_expression':
      return 'binary';
    case 'send_statement':
      return 'send';
    case 'inc_statement':
    case 'dec_statement':
      return 'opaque';
    default:
      // `&x`, `*p`, conversions, type assertions, slices, composite literals: the union of their parts.
      return 'other';
  }
}

function targetKind(type: string): TargetKind {
  switch (type) {
    case 'identifier':
      return 'name';
    case 'expression_list':
      return 'sequence-pattern';
    case 'parenthesized_expression':
      return 'parenthesized';
    default:
      return 'other';
  }
}

function stringValue(n: Node): string | undefined {
  if (n.type === 'raw_string_literal') return n.text.slice(1, -1);
  if (n.type !== 'interpreted_string_literal') return undefined;
  const m = /^"([^"\\]*)"$/.exec(n.text);
  return m ? m[1] : undefined;
}

/** The expression inside parentheses; `xs...` (a slice passed as the variadic arguments) is the slice itself. */
function unparenthesize(n: Node): Node {
  let c = n;
  while (c.type === 'parenthesized_expression' || c.type === 'variadic_argument') c = kids(c)[0] ?? c;
  return c;
}

const isConstant = (n: Node): boolean =>
  n.type === 'int_literal' || n.type === 'float_literal' || n.type === 'rune_literal' || n.type === 'true' || n.type === 'false' || n.type === 'nil' ||
  stringValue(n) !== undefined;

function accessPath(n: Node, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  if (n.type === 'identifier') return n.text;
  if (n.type === 'selector_expression') {
    const obj = n.childForFieldName('operand');
    const field = n.childForFieldName('field');
    const base = obj ? accessPath(obj, depth + 1) : undefined;
    return base && field ? `${base}.${field.text}` : undefined;
  }
  return undefined;
}

/**
 * Each parameter name with its declaration (`a, b string` declares two names with one type); with `field`
 * `receiver`, a method's receiver.
 */
function parameters(fn: Node, field: 'parameters' | 'receiver' = 'parameters'): { name: Node; decl: Node }[] {
  const list = fn.childForFieldName(field);
  if (!list) return [];
  const out: { name: Node; decl: Node }[] = [];
  for (const d of kids(list)) {
    if (d.type !== 'parameter_declaration' && d.type !== 'variadic_parameter_declaration') continue;
    for (const name of d.childrenForFieldName('name')) if (name) out.push({ name, decl: d });
  }
  return out;
}

/** The package name of an import path: its last element, a major-version suffix (`/v5`, `.v3`) left out. */
function packageName(path: string): string {
  const parts = path.split('/').filter((p) => p && !/^v\d+$/.test(p));
  const last = parts[parts.length - 1] ?? path;
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[^\w]/g, '_');
}

function guardShape(c: Node): GuardShape | undefined {
  const op = operatorOf(c);
  if (c.type === 'unary_expression' && op === '!') {
    const operand = c.childForFieldName('operand');
    return operand ? { kind: 'not', operand } : undefined;
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
  if (n.type === 'call_expression' && n.childForFieldName('function')?.text === 'fmt.Sprintf') return sprintfParts(n);
  // `[]byte("<p>" + x)`, `string(b)`: a conversion keeps the text it converts.
  const conv = n.type === 'call_expression' || n.type === 'type_conversion_expression' ? conversionOperand(n) : undefined;
  if (conv) return decompose(conv, depth + 1);
  return literalPart(n);
}

/**
 * A string literal as fix text: its source between the quotes, escapes as written (`"<a class=\"x\">"` is markup
 * to keep, not a value to escape); a raw string's backslashes escaped, as the fixes quote text with `"`.
 */
function literalPart(n: Node): Part[] | undefined {
  if (n.type === 'interpreted_string_literal') return [{ kind: 'lit', raw: n.text.slice(1, -1) }];
  if (n.type === 'raw_string_literal') return [{ kind: 'lit', raw: n.text.slice(1, -1).replace(/\\/g, '\\\\') }];
  return undefined;
}

/** The operand of a conversion between strings and byte or rune slices (`[]byte(x)`, `string(b)`). */
function conversionOperand(n: Node): Node | undefined {
  const fn = n.childForFieldName('function') ?? n.childForFieldName('type');
  if (!fn || !/^(\[\](byte|rune)|string)$/.test(fn.text)) return undefined;
  const args = kids(n.childForFieldName('arguments') ?? n).filter((k) => k.id !== fn.id);
  return args.length === 1 ? args[0] : undefined;
}

/** `fmt.Sprintf("... %s ...", x)` as text and values, when every verb is a plain %s, %v or %d. */
function sprintfParts(call: Node): Part[] | undefined {
  const args = kids(call.childForFieldName('arguments') ?? call);
  const format = args[0] ? stringValue(args[0]) : undefined;
  if (format === undefined) return undefined;
  const out: Part[] = [];
  let lit = '';
  let next = 1;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      lit += ch;
      continue;
    }
    const verb = format[++i];
    if (verb === '%') {
      lit += '%';
      continue;
    }
    const value = args[next++];
    if (!value || (verb !== 's' && verb !== 'v' && verb !== 'd')) return undefined;
    if (lit) out.push({ kind: 'lit', raw: lit });
    lit = '';
    out.push({ kind: 'expr', node: value });
  }
  if (next !== args.length) return undefined;
  if (lit) out.push({ kind: 'lit', raw: lit });
  return out;
}

const isExportedName = (name: string | undefined): boolean => !!name && /^[A-Z]/.test(name);

/** The name a file gives the package at import `path` (`strings`, or its alias), from `collectImports`' entries. */
function localName(imports: Map<string, string>, path: string): string | undefined {
  if (!imports.has(`import ${path}`)) return undefined;
  const canonical = packageName(path);
  for (const [local, value] of imports) if (value === canonical && !local.includes(' ')) return local;
  return undefined;
}

/**
 * Local name -> package name, `import <path>` -> path, and `path <local>` -> the path that local name stands for
 * (cross-file calls), from a file's import declarations.
 */
function collectImports(root: Node): Map<string, string> {
  // `import "os/exec"` -> exec = exec; `import osexec "os/exec"` -> osexec = exec; `_ "github.com/lib/pq"`
  // is kept under its path (the driver decides the SQL placeholder); dot imports name nothing.
  const out = new Map<string, string>();
  for (const n of kids(root)) {
    if (n.type !== 'import_declaration') continue;
    const specs = kids(n).flatMap((k) => (k.type === 'import_spec_list' ? kids(k) : [k])).filter((k) => k.type === 'import_spec');
    for (const spec of specs) {
      const pathNode = spec.childForFieldName('path');
      const path = pathNode ? stringValue(pathNode) : undefined;
      if (!path) continue;
      const canonical = packageName(path);
      const local = spec.childForFieldName('name')?.text;
      // The whole path too, for rules that tell packages of one name apart (`requires-import: [text/template]`).
      out.set(`import ${path}`, path);
      if (local === '.') continue;
      out.set(local === '_' ? `_ ${path}` : local ?? canonical, canonical);
      // The first import of a name wins, as the compiler's error would leave it.
      if (local !== '_' && !out.has(`path ${local ?? canonical}`)) out.set(`path ${local ?? canonical}`, path);
    }
  }
  return out;
}

const CONTAINMENT_ERROR = '"path escapes the allowed folder"';

/** The zero value of a result type, for a `return` that leaves early; undefined for types without a plain one. */
function zeroValue(type: string): string | undefined {
  if (type === 'string') return '""';
  if (type === 'bool') return 'false';
  if (/^(u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|byte|rune)$/.test(type)) return '0';
  if (/^(\*|\[\]|map\[|chan\b|<-chan\b|func\b)/.test(type) || type === 'error' || type === 'any' || type === 'interface{}') return 'nil';
  return undefined;
}

// ---- cross-file names: a package is its directory ----

/**
 * How the function around a path check leaves it when the path escapes its root: an HTTP 400 in a net/http or Gin
 * handler, the framework's ErrBadRequest in Echo and Fiber, zero values and an error where the last result is an
 * error, a bare return otherwise; undefined when its results have no plain zero value or no error can be made with
 * the file's imports.
 */
function containmentExit(fn: Node, imports: Map<string, string>): string[] | undefined {
  const pkg = (type: string | undefined, re: RegExp, canonical: string): boolean => {
    const m = type ? re.exec(type) : null;
    return !!m && imports.get(m[1]!) === canonical;
  };
  const params = parameters(fn).filter((p) => p.name.text !== '_');
  const typeOf = (p: { decl: Node }): string | undefined => p.decl.childForFieldName('type')?.text;
  const httpName = localName(imports, 'net/http');
  const result = fn.childForFieldName('result');
  if (!result) {
    const w = params.find((p) => pkg(typeOf(p), /^(\w+)\.ResponseWriter$/, 'http'));
    if (w && httpName) return [`${httpName}.Error(${w.name.text}, "invalid path", ${httpName}.StatusBadRequest)`, 'return'];
    const gin = params.find((p) => pkg(typeOf(p), /^\*(\w+)\.Context$/, 'gin'));
    if (gin) return [`${gin.name.text}.AbortWithStatus(${httpName ? `${httpName}.StatusBadRequest` : '400'})`, 'return'];
    return ['return'];
  }
  // One result type per name: `(n int, err error)` and `(a, b string)` as the list of their types.
  const types = result.type === 'parameter_list'
    ? kids(result).filter((d) => d.type === 'parameter_declaration').flatMap((d) => Array<string>(Math.max(1, d.childrenForFieldName('name').length)).fill(d.childForFieldName('type')?.text ?? ''))
    : [result.text];
  if (types[types.length - 1] !== 'error') return undefined;
  const zeros = types.slice(0, -1).map(zeroValue);
  if (zeros.some((z) => z === undefined)) return undefined;
  let err: string | undefined;
  const framework = params.find((p) => pkg(typeOf(p), /^(\w+)\.Context$/, 'echo') || pkg(typeOf(p), /^\*(\w+)\.Ctx$/, 'fiber'));
  if (framework && zeros.length === 0) err = `${/^\*?(\w+)\./.exec(typeOf(framework)!)![1]}.ErrBadRequest`;
  const errors = localName(imports, 'errors');
  const fmt = localName(imports, 'fmt');
  err ??= errors ? `${errors}.New(${CONTAINMENT_ERROR})` : fmt ? `${fmt}.Errorf(${CONTAINMENT_ERROR})` : undefined;
  return err ? [`return ${[...zeros, err].join(', ')}`] : undefined;
}

/**
 * Whether `root` (the first argument of filepath.Join) names a folder the input cannot choose: a literal other than
 * the working directory, or a name (or a field of one) that is no parameter of the function and is not assigned in
 * it (a package constant, a receiver's field). A check against a root the input chose would be no check.
 */
function fixedRoot(root: Node, fn: Node): boolean {
  if (root.type === 'interpreted_string_literal' || root.type === 'raw_string_literal') {
    const v = stringValue(root);
    return v !== undefined && !/^(\.?\/?)?$/.test(v);
  }
  let base = root;
  while (base.type === 'selector_expression') base = base.childForFieldName('operand') ?? base;
  if (base.type !== 'identifier') return false;
  const name = base.text;
  if (parameters(fn).some((p) => p.name.text === name)) return false;
  for (const d of fn.descendantsOfType(['short_var_declaration', 'assignment_statement', 'var_spec', 'range_clause'])) {
    const left = d && (d.childForFieldName('left') ?? d.childForFieldName('name'));
    if (!left) continue;
    const targets = left.type === 'expression_list' ? kids(left) : [left, ...d!.childrenForFieldName('name').filter((x): x is Node => !!x)];
    if (targets.some((t) => t.text === name)) return false;
  }
  return true;
}

/**
 * `filepath.Join(root, input...)` replaced by a name checked to stay under `root`: Join cleans its result (no `..`
 * left inside it), so a cleaned path that starts with the cleaned root and a separator is inside the root.
 */
function pathContainment(focus: Node, args: Node[], fresh: (base: string) => string, indent: string, eol: string): { pre: string; name: string } | undefined {
  const callee = focus.type === 'call_expression' ? focus.childForFieldName('function') : null;
  const operand = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
  const imports = collectImports(focus.tree.rootNode);
  const filepath = localName(imports, 'path/filepath');
  const strings = localName(imports, 'strings');
  if (!filepath || !strings || operand?.text !== filepath || callee?.childForFieldName('field')?.text !== 'Join') return undefined;
  if (args.some((a) => a.type === 'variadic_argument' || a.text.endsWith('...'))) return undefined;
  let fn: Node | null = focus.parent;
  while (fn && !FUNCTION_TYPES.has(fn.type)) fn = fn.parent;
  if (!fn || !fixedRoot(args[0]!, fn)) return undefined;
  const exit = containmentExit(fn, imports);
  if (!exit) return undefined;
  const name = fresh('safePath');
  const pre =
    `${name} := ${focus.text}${eol}` +
    `${indent}if !${strings}.HasPrefix(${name}, ${filepath}.Clean(${args[0]!.text})+string(${filepath}.Separator)) {${eol}` +
    exit.map((line) => `${indent}\t${line}${eol}`).join('') +
    `${indent}}${eol}${indent}`;
  return { pre, name };
}

/** A named type as written (`*store.NoteStore`, `service.Svc`, `Handler`): its package's local name, if any, and name. */
function namedType(t: Node | null | undefined): { pkg?: string; name: string } | undefined {
  while (t && (t.type === 'pointer_type' || t.type === 'parenthesized_type')) t = t.namedChildren.find((c) => !!c) ?? null;
  if (t?.type === 'generic_type') t = t.childForFieldName('type');
  if (t?.type === 'type_identifier') return { name: t.text };
  if (t?.type !== 'qualified_type') return undefined;
  const pkg = t.childForFieldName('package')?.text;
  const name = t.childForFieldName('name')?.text;
  return pkg && name ? { pkg, name } : undefined;
}

/**
 * The type a local variable has where `at` reads it: a parameter or receiver of the enclosing functions, a `var x T`,
 * or `x := &T{…}` / `x := T{…}` before `at` in them.
 */
function localType(at: Node, name: string): { pkg?: string; name: string } | undefined {
  for (let f: Node | null = at.parent; f; f = f.parent) {
    if (!FUNCTION_TYPES.has(f.type)) continue;
    const declared = [...parameters(f, 'receiver'), ...parameters(f)].find((p) => p.name.text === name);
    if (declared) return namedType(declared.decl.childForFieldName('type'));
    const body = f.childForFieldName('body');
    for (const d of body?.descendantsOfType(['var_spec', 'short_var_declaration']) ?? []) {
      if (!d || d.startIndex > at.startIndex) continue;
      if (d.type === 'var_spec') {
        if (d.childrenForFieldName('name').some((n) => n?.text === name)) return namedType(d.childForFieldName('type'));
        continue;
      }
      const left = d.childForFieldName('left')?.namedChildren ?? [];
      const i = left.findIndex((n) => n?.type === 'identifier' && n.text === name);
      let v = i >= 0 ? d.childForFieldName('right')?.namedChildren[i] : undefined;
      if (v?.type === 'unary_expression' && operatorOf(v) === '&') v = v.childForFieldName('operand');
      if (v?.type === 'composite_literal') return namedType(v.childForFieldName('type'));
    }
  }
  return undefined;
}

/** Per tree, the struct types its file declares by name (read once: every method call of the file may ask). */
const structsOf = new WeakMap<Tree, Map<string, Node>>();

/** The declared type of field `field` of the struct type `type` this file declares. */
function fieldType(tree: Tree, type: string, field: string): Node | undefined {
  let structs = structsOf.get(tree);
  if (!structs) {
    structs = new Map();
    for (const spec of tree.rootNode.descendantsOfType('type_spec')) {
      const name = spec?.childForFieldName('name')?.text;
      const st = spec?.childForFieldName('type');
      if (name && st?.type === 'struct_type' && !structs.has(name)) structs.set(name, st);
    }
    structsOf.set(tree, structs);
  }
  for (const fd of structs.get(type)?.descendantsOfType('field_declaration') ?? []) {
    if (fd?.childrenForFieldName('name').some((n) => n?.text === field)) return fd.childForFieldName('type') ?? undefined;
  }
  return undefined;
}

/** The named type of an expression a method is called on (`h.svc`, `s`, `store`), as far as this file declares it. */
function operandType(e: Node, depth = 0): { pkg?: string; name: string } | undefined {
  if (depth > 4) return undefined;
  if (e.type === 'identifier') return localType(e, e.text);
  if (e.type !== 'selector_expression') return undefined;
  const obj = e.childForFieldName('operand');
  const field = e.childForFieldName('field')?.text;
  const owner = obj && field ? operandType(obj, depth + 1) : undefined;
  // A struct of another package is declared in a file this one does not see.
  if (!owner || owner.pkg !== undefined) return undefined;
  return namedType(fieldType(e.tree, owner.name, field!));
}

/**
 * Go's qualified names: a function is known by its package's directory (the scan adds the import path go.mod gives
 * it), a method as `<receiver type>.<method>` there; a call names a function of its own package (another file of
 * the directory) or of an imported one, or a method by its receiver's declared type.
 */
const goQualified: QualifiedModules = {
  callTypes: ['call_expression'],
  moduleOf: (fn, path) => (fn.type === 'function_declaration' || fn.type === 'method_declaration' ? dirname(path) : undefined),
  nameOf: (fn) => {
    const name = fn.childForFieldName('name')?.text;
    if (fn.type !== 'method_declaration') return name;
    const recv = fn.childForFieldName('receiver')?.namedChildren.find((p) => p?.type === 'parameter_declaration');
    const type = namedType(recv?.childForFieldName('type'));
    return type && name ? `${type.name}.${name}` : undefined;
  },
  calleeNames: (call, imports, path) => {
    const fn = call.childForFieldName('function');
    if (fn?.type === 'identifier') return [{ module: dirname(path), name: fn.text }];
    if (fn?.type !== 'selector_expression') return [];
    const operand = fn.childForFieldName('operand');
    const name = fn.childForFieldName('field')?.text;
    if (!operand || !name) return [];
    if (operand.type === 'identifier') {
      const module = imports.get(`path ${operand.text}`);
      // Only exported names are visible outside their package.
      if (module) return isExportedName(name) ? [{ module, name }] : [];
    }
    // A method, by its receiver's declared type (`h.svc.Search(q)` with `svc *service.NoteService`); through an
    // interface, the one method of that name its package's types define (`METHOD_OF_PACKAGE`).
    const type = operandType(operand);
    if (!type) return [];
    const module = type.pkg === undefined ? dirname(path) : imports.get(`path ${type.pkg}`);
    if (!module || (type.pkg !== undefined && !isExportedName(name))) return [];
    return [{ module, name: `${type.name}.${name}` }, { module, name: `${METHOD_OF_PACKAGE}${name}` }];
  },
};

/** Adds `"os"` to the Go imports: into the first import block, beside a single import, or after `package`. */
function envImport(root: Node | undefined, _text: string, eol: string): { line: number; text: string } | undefined {
  if (!root) return undefined;
  let pkg: Node | undefined;
  for (const c of root.namedChildren) {
    if (!c) continue;
    if (c.type === 'package_clause') pkg = c;
    if (c.type !== 'import_declaration') continue;
    if (/"os"/.test(c.text)) return undefined;
  }
  for (const c of root.namedChildren) {
    if (!c || c.type !== 'import_declaration') continue;
    const list = c.namedChildren.find((x) => x?.type === 'import_spec_list');
    if (list) return { line: list.startPosition.row + 1, text: `\t"os"${eol}` };
    return { line: c.endPosition.row + 1, text: `import "os"${eol}` };
  }
  return pkg ? { line: pkg.endPosition.row + 1, text: `${eol}import "os"${eol}` } : undefined;
}

export const go: LanguageModule = {
  id: 'go',
  // Go
  patternSyntax: {
    ignored: ['comment'],
    literals: ['interpreted_string_literal', 'raw_string_literal', 'int_literal', 'float_literal', 'true', 'false', 'nil'],
    quotedStrings: [],
    interpolations: [],
    stringDelimiters: [],
    identifiers: ['identifier', 'type_identifier', 'field_identifier'],
    variables: ['identifier'],
    chains: { selector_expression: ['operand', 'field'] },
    subscripts: { index_expression: 'operand' },
    calls: ['call_expression'],
    transparent: ['parenthesized_expression'],
    parenthesized: ['parenthesized_expression'],
    snippetWrappers: ['source_file', 'expression_statement'],
    tokenOperators: ['unary_expression'],
    dynamicImports: [],
    maps: [],
    entries: {},
    shorthandEntries: [],
    namedEntries: [],
    spreads: [],
    trailingOptions: [],
    falseLiterals: ['false'],
    constructions: [],
    builtins: [],
  },
  functionTypes: FUNCTION_TYPES,
  importTypes: ['import_declaration'],
  nameTypes: ['identifier', 'selector_expression'],
  declaratorType: 'var_spec',
  iterationMethods: new Set(),
  mappingMethods: new Set(),
  noReturnCalls: new Set(['panic', 'os.Exit', 'log.Fatal', 'log.Fatalf', 'log.Fatalln', 'log.Panic', 'log.Panicf', 'log.Panicln']),
  formattingMethods: FORMATTING_METHODS,
  // strings.Builder and bytes.Buffer hold what is written to them.
  receiverMethods: new Set(['WriteString', 'WriteByte', 'WriteRune', 'Write']),
  blockTypes: new Set(['block', 'statement_list', 'source_file']),
  argvWords: (focus) => (focus.parent?.type === 'argument_list' ? kids(focus.parent) : undefined),
  stmtKind,
  tableTypes: new Set<string>([]),
  exprKind,
  targetKind,
  memberObject: (n) => n.childForFieldName('operand'),
  memberIndex: (n) => (n.type === 'index_expression' ? n.childForFieldName('index') : null),
  propertyOf: (n) => (n.type === 'selector_expression' ? n.childForFieldName('field') : null),
  callee: (n) => (n.type === 'call_expression' ? n.childForFieldName('function') : null),
  // The operator is an anonymous child (`+=`), not a field.
  assignsEnclosing: (n) => n.type === 'assignment_statement',
  sendParts: (n) => {
    const into = n.childForFieldName('channel');
    const value = n.childForFieldName('value');
    return into && value ? { into, value } : undefined;
  },
  compoundAssignment: (n) => n.children.some((c) => !!c && !c.isNamed && c.type.length > 1 && c.type.endsWith('=') && c.type !== ':=' && c.type !== '==' && c.type !== '!='),
  carries: (op) => op === '+',
  conditionalParts: () => [undefined, undefined, undefined],
  computedKey: () => null,
  isFormatting: () => false,
  comprehensionClauses: () => [],
  isComprehensionClause: () => false,
  definedFunction: () => null,
  withItems: () => [],
  withBody: () => undefined,
  switchSubject: (n) => n.childForFieldName('value'),
  // expression_case, default_case, type_case, communication_case: each holds its statements in a statement_list.
  switchCases: (n) => kids(n).filter((k) => k.type.endsWith('_case')),
  caseValues: (c) => {
    const values = c.type === 'expression_case' ? c.childForFieldName('value') : null;
    return values ? kids(values) : undefined;
  },
  caseFallsThrough: (c) => {
    const list = kids(c).find((k) => k.type === 'statement_list');
    return kids(list ?? c).at(-1)?.type === 'fallthrough_statement';
  },
  switchAlias: (n) => {
    const alias = n.type === 'type_switch_statement' ? n.childForFieldName('alias') : null;
    return alias ? kids(alias)[0] ?? null : null;
  },
  isElseIf: (type) => type === 'if_statement',
  elseBody: (n) => n,
  loopHeader: (n) => {
    const clause = kids(n).find((k) => k.type === 'for_clause');
    return clause ? ['initializer', 'update'].flatMap((f) => clause.childrenForFieldName(f).filter((x): x is Node => !!x)) : [];
  },
  loopBinding: (n) => {
    const clause = kids(n).find((k) => k.type === 'range_clause');
    const target = clause?.childForFieldName('left');
    const iterable = clause?.childForFieldName('right');
    return target && iterable ? { target, iterable } : undefined;
  },
  loopCondition: (n) => {
    const clause = kids(n).find((k) => k.type === 'for_clause');
    if (clause) return clause.childForFieldName('condition');
    // `for cond { }`: the condition is the statement's only child besides its body.
    return kids(n).find((k) => k.type !== 'block' && k.type !== 'range_clause') ?? null;
  },
  tryParts: () => ({ body: undefined, handlers: [], finalizer: undefined }),
  objectPatternEntries: () => [],
  isSequenceLiteral: (type) => type === 'expression_list',
  containerOf: (t) => t.childForFieldName('operand'),
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
  paramsOf: (fn) => parameters(fn).map((p) => p.name),
  paramDefaultOf: () => undefined,
  paramTypeOf: (fn, index) => parameters(fn)[index]?.decl.childForFieldName('type')?.text,
  // Go has no annotations: the declared type is what a handler spec recognises a parameter by.
  paramDecorators: (fn, index) => {
    const type = parameters(fn)[index]?.decl.childForFieldName('type');
    return type ? [type] : [];
  },
  unitName: (fn, parent) => {
    if (fn.type !== 'func_literal') return fn.childForFieldName('name')?.text;
    // `handler := func(...) {...}`: the name it is assigned to.
    const list = parent ?? fn.parent;
    const assign = list?.type === 'expression_list' ? list.parent : null;
    if (assign?.type !== 'short_var_declaration' && assign?.type !== 'assignment_statement') return undefined;
    const left = assign.childForFieldName('left');
    return left && kids(left).length === 1 ? kids(left)[0]!.text : undefined;
  },
  isMethod: (fn) => fn.type === 'method_declaration',
  isExported: (fn) => fn.type !== 'func_literal' && isExportedName(fn.childForFieldName('name')?.text),
  qualifiedModules: goQualified,
  exportedNames: (tree: Tree) =>
    new Set(kids(tree.rootNode).flatMap((n) => (n.type === 'function_declaration' || n.type === 'method_declaration') && isExportedName(n.childForFieldName('name')?.text) ? [n.childForFieldName('name')!.text] : [])),
  collectImports: (root) => collectImports(root),
  decompose,
  // lib/pq and pgx number their placeholders; database/sql's other drivers (MySQL, SQLite) take `?`.
  sqlPlaceholder: (imports) => ([...imports.values()].some((v) => v === 'pq' || v === 'pgx' || v === 'pgxpool' || v === 'stdlib') ? '$1' : '?'),
  sqlParams: (values) => values.join(', '),
  pathContainment,
  // Go cannot take an import from a line at the top (it goes inside the import block): the rewrite uses a package
  // the file already imports, under the name it gives it, or is not offered.
  relativeRedirect: (x, imports) => {
    const strings = localName(imports, 'strings');
    // The target is the literal's argument: evaluated once (`nextParam(r)` is not called four times).
    return strings && `func(u string) string { if ${strings}.HasPrefix(u, "/") && !${strings}.HasPrefix(u, "//") && !${strings}.HasPrefix(u, "/\\\\") { return u }; return "/" }(${x})`;
  },
  envImport,
  htmlEscaper: (imports) => {
    const html = localName(imports, 'html');
    if (html) return { wrap: (code) => `${html}.EscapeString(${code})`, title: 'HTML-escape the value (html.EscapeString)' };
    const template = localName(imports, 'html/template') ?? localName(imports, 'text/template');
    return template ? { wrap: (code) => `${template}.HTMLEscapeString(${code})`, title: 'HTML-escape the value (template.HTMLEscapeString)' } : undefined;
  },
};
