/**
 * Quick fixes for taint findings. Rules name a strategy (`fix: parameterize-sql`); the rewrite lives here.
 * A strategy only offers a fix when the code has a shape it can rewrite safely (e.g. a query built by
 * concatenating literals and values); otherwise the finding keeps just the suppression fix.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceDocument } from '../document';
import { canonicalName, namedKids, type Bindings } from '../patterns/pattern';
import { suppressLineFix } from '../suppressions';
import type { Fix, Range, TextEdit } from '../types';
import { ownText } from './dataflow';
import { endOfOptionsMarker, programName } from './end-of-options';
import type { LanguageModule, Part } from './lang/language';
import type { CompiledRule } from './rule-set';
import { importsAnswer } from './import-reads';
import { compileRuleRegex } from '../regex-guard';

const named = namedKids;
/** What every strategy needs: the document being fixed, its imports and its language, passed down explicitly. */
interface FixSite {
  doc: SourceDocument;
  imports: Map<string, string>;
  syn: LanguageModule;
  /** Told each place outside the sink's function a fix reads (see `importListDep`). */
  consult?: (dep: string, value: string) => void;
}

/** A node's range from offsets (as LSP counts lines: tree-sitter rows miss a lone CR). */
const rangeOf = (fx: FixSite, n: Node): Range => fx.doc.lines.rangeOf(n.startIndex, n.endIndex);

/** Fixes for one sink match, by the rule's strategy. */
export function buildFixes(rule: CompiledRule, sink: Node, focus: Node, b: Bindings, doc: SourceDocument, imports: Map<string, string>, tainted: (n: Node) => boolean = () => false, consult?: (dep: string, value: string) => void): Fix[] {
  const fix = rule.fix;
  if (!fix) return [];
  const fx: FixSite = { doc, imports, syn: rule.module, ...(consult ? { consult } : {}) };
  let made: Fix | undefined;
  switch (fix.strategy) {
    case 'parameterize-sql':
      made = parameterizeSql(fx, sink, focus, fix.placeholder ?? importsAnswer(imports, 'sql', (m) => fx.syn.sqlPlaceholder(m)));
      break;
    case 'exec-to-execfile':
      made = execToExecFile(fx, sink, focus);
      break;
    case 'shell-false':
      made = shellFalse(fx, sink, focus);
      break;
    case 'path-containment':
      made = pathContainment(fx, focus);
      break;
    case 'html-escape':
      made = htmlEscape(fx, rule, sink, focus);
      break;
    case 'relative-redirect':
      made = relativeRedirect(fx, focus);
      break;
    case 'yaml-safe-load':
      made = yamlSafeLoad(fx, sink, focus);
      break;
    case 'end-of-options':
      made = endOfOptions(fx, focus, b, tainted);
      break;
  }
  return made ? [{ ...made, isPreferred: true }] : [];
}

/** `vigil-ignore <id> -- <reason>` on the line above, at the line's indentation. */
export function suppressFix(ruleId: string, range: Range, doc: SourceDocument): Fix {
  return suppressLineFix(ruleId, range, doc.lines, doc.grammar);
}


const hasLiteral = (parts: Part[]): boolean => parts.some((p) => p.kind === 'lit');
const hasExpr = (parts: Part[]): boolean => parts.some((p) => p.kind === 'expr');

/** Quote char of the first quoted string literal inside `n` (default `"`). */
function quoteOf(syn: LanguageModule, n: Node): string {
  const stack = [n];
  while (stack.length) {
    const c = stack.shift()!;
    if (syn.patternSyntax.quotedStrings.includes(c.type)) {
      const m = /^[fFuU]*(['"])/.exec(c.text);
      if (m) return m[1]!;
    }
    stack.push(...named(c));
  }
  return '"';
}

function quote(raw: string, q: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      out += ch + (raw[i + 1] ?? '');
      i++;
    } else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  return `${q}${out}${q}`;
}

function parameterizeSql(fx: FixSite, sink: Node, focus: Node, placeholder: '?' | '$1' | '%s'): Fix | undefined {
  const syn = fx.syn;
  const parts = syn.decompose(focus);
  if (!parts || !hasLiteral(parts) || !hasExpr(parts)) return undefined;
  const argsNode = sink.childForFieldName('arguments');
  if (!argsNode) return undefined;
  const args = named(argsNode);
  // A driver that takes the values on a prepared statement (JDBC): the language module rewrites the call.
  if (syn.preparedQuery) {
    if (args.length !== 1 || args[0]?.id !== focus.id) return undefined;
  } else {
    // Only calls that take the parameters next to the query (not text(), prepare(), literal()).
    const method = sink.childForFieldName('function');
    const methodName = method ? syn.propertyOf(method)?.text : undefined;
    // Go's database/sql, sqlx and gorm capitalise theirs; a `...Context` method takes a context first.
    if (!methodName || !/^(query|execute|executemany|run|all|get|raw|whereRaw|orderByRaw|havingRaw|Query|QueryRow|Exec|Queryx|QueryRowx|MustExec|Raw|Where)(Context)?$/.test(methodName)) return undefined;
    if (methodName.endsWith('Context') && !/^[A-Z]/.test(methodName)) return undefined;
    const at = methodName.endsWith('Context') ? 1 : 0;
    if (args[at]?.id !== focus.id) return undefined;
    const rest = args.slice(at + 1);
    if (rest.length > 1 || (rest.length === 1 && syn.exprKind(rest[0]!.type) !== 'function')) return undefined;
  }
  let sql = '';
  const values: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind === 'lit') {
      sql += placeholder === '%s' ? p.raw.replace(/%/g, '%%') : p.raw;
      continue;
    }
    // Identifiers (table, column, sort order) cannot be parameters: no safe rewrite there.
    if (/\b(order\s+by|group\s+by|from|join|into|update|table|select)\s*$/i.test(sql) || /,\s*$/.test(sql)) return undefined;
    // 'value' quotes around a placeholder go: the driver quotes parameters itself.
    const next = parts[i + 1];
    let value = p.node.text;
    const pct = placeholder === '%s' ? '%%' : '%';
    if (sql.endsWith(`'${pct}`) && next?.kind === 'lit' && next.raw.startsWith(`${placeholder === '%s' ? '%' : '%'}'`)) {
      // LIKE '%value%': the wildcards move into the parameter.
      sql = sql.slice(0, -1 - pct.length);
      parts[i + 1] = { kind: 'lit', raw: next.raw.slice(2) };
      value = `"%" + ${value} + "%"`;
    } else if (/'$/.test(sql) && next?.kind === 'lit' && next.raw.startsWith("'")) {
      sql = sql.slice(0, -1);
      parts[i + 1] = { kind: 'lit', raw: next.raw.slice(1) };
    }
    // Only where SQL takes a value (a comparison, LIKE, VALUES): `WHERE " + clause`, `IN (" + list` or a
    // name cannot become one parameter.
    if (!/(=|<>|<|>|\blike|\bvalues\s*\()\s*$/i.test(sql)) return undefined;
    // Still inside a quoted SQL string: a placeholder there would not be a parameter.
    if ((sql.replace(/''/g, '').match(/'/g) ?? []).length % 2 === 1) return undefined;
    values.push(value);
    sql += placeholder === '$1' ? `$${values.length}` : placeholder;
  }
  const q = quoteOf(fx.syn, focus);
  if (syn.preparedQuery) return preparedQuery(fx, sink, quote(sql, q), values);
  const params = syn.sqlParams(values);
  const edits: TextEdit[] = [{ range: rangeOf(fx, focus), newText: `${quote(sql, q)}, ${params}` }];
  return { title: 'Use a parameterised query (values passed separately)', kind: 'fix', edits };
}

const SHELL_META = /[|;&$><`\\*?(){}[\]!#~"]/;

/** Command words of a shell string built from literals and values, when they are plainly separable. */
function commandWords(parts: Part[]): string[] | undefined {
  const words: string[] = [];
  let cur = '';
  let curHasText = false;
  const flush = (): void => {
    if (curHasText) words.push(cur);
    cur = '';
    curHasText = false;
  };
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind === 'lit') {
      let raw = p.raw;
      const next = parts[i + 1];
      // 'quoted' values: drop the quotes around them.
      if (next?.kind === 'expr' && /(^|\s)'$/.test(raw) && parts[i + 2]?.kind === 'lit' && (parts[i + 2] as { raw: string }).raw.startsWith("'")) {
        raw = raw.slice(0, -1);
        parts[i + 2] = { kind: 'lit', raw: (parts[i + 2] as { raw: string }).raw.slice(1) };
      }
      if (SHELL_META.test(raw) || raw.includes("'")) return undefined;
      for (const ch of raw) {
        if (/\s/.test(ch)) flush();
        else {
          if (cur.startsWith('\u0000')) return undefined;
          cur += ch;
          curHasText = true;
        }
      }
    } else {
      if (curHasText) return undefined; // value glued to text, e.g. --file=${x}
      cur = `\u0000${p.node.text}`;
      curHasText = true;
      const next = parts[i + 1];
      if (next?.kind === 'lit' && next.raw && !/^\s/.test(next.raw)) return undefined;
      flush();
    }
  }
  flush();
  return words.length > 0 && !words[0]!.startsWith('\u0000') ? words : undefined;
}

const wordCode = (w: string, q: string): string => (w.startsWith('\u0000') ? w.slice(1) : quote(w, q));

/** Node's child_process: `exec(cmd)` -> `execFile(program, [args])`. */
function execToExecFile(fx: FixSite, sink: Node, focus: Node): Fix | undefined {
  const { syn, doc, imports } = fx;
  const parts = syn.decompose(focus);
  if (!parts || !hasExpr(parts)) return undefined;
  const words = commandWords(parts);
  if (!words) return undefined;
  // Languages whose exec call has another argv form (Java's ProcessBuilder) rewrite the call themselves.
  if (syn.argvCommand) {
    const made = syn.argvCommand(sink, focus, words.map((w) => wordCode(w, quoteOf(fx.syn, focus))));
    return made && { title: made.title, kind: 'fix', edits: [{ range: rangeOf(fx, sink), newText: made.code }] };
  }
  const fn = sink.childForFieldName('function');
  const argsNode = sink.childForFieldName('arguments');
  if (!fn || !argsNode || named(argsNode)[0]?.id !== focus.id) return undefined;
  const q = quoteOf(fx.syn, focus);
  const edits: TextEdit[] = [];
  const name = syn.propertyOf(fn) ?? fn;
  if (!name || !/^exec(Sync)?$/.test(name.text)) return undefined;
  // Only child_process has execFile: shelljs.exec and other exec functions keep their call.
  if (canonicalName(fn, (id) => imports.get(id)) !== `child_process.${name.text}`) return undefined;
  const fileName = name.text === 'exec' ? 'execFile' : 'execFileSync';
  if (syn.exprKind(fn.type) === 'identifier') {
    if (imports.get(fileName) !== `child_process.${fileName}`) {
      // Add execFile next to exec in `const { exec } = require('child_process')` / `import { exec } from ...`.
      const spec = importListEntry(doc, syn, name.text, 'child_process');
      fx.consult?.(`x:${name.text}\u0000child_process`, importListValue(doc, spec));
      if (!spec) return undefined;
      edits.push({ range: { start: rangeOf(fx, spec).end, end: rangeOf(fx, spec).end }, newText: `, ${fileName}` });
    }
  }
  edits.push({ range: rangeOf(fx, name), newText: fileName });
  const [prog, ...rest] = words;
  edits.push({ range: rangeOf(fx, focus), newText: `${wordCode(prog!, q)}, [${rest.map((w) => wordCode(w, q)).join(', ')}]` });
  return { title: `Run the program with ${fileName} and an argument array (no shell)`, kind: 'fix', edits };
}

/** Per tree, the import list entries found (see `importListEntry`): the search reads every top-level statement. */
const importEntries = new WeakMap<object, Map<string, Node | undefined>>();

/**
 * `syn.importListEntry` of the document's tree, once per tree, name and module: every `exec` sink offered the
 * execFile fix searched the whole file's statements again (a quarter of the open of a 50,000-line bench file, and
 * O(file) per edit that re-analyses a unit with such a sink).
 */
function importListEntry(doc: SourceDocument, syn: LanguageModule, name: string, module: string): Node | undefined {
  const tree = doc.tree;
  if (!tree || !syn.importListEntry) return undefined;
  let found = importEntries.get(tree);
  if (!found) importEntries.set(tree, (found = new Map()));
  const key = `${name}\u0000${module}`;
  if (!found.has(key)) found.set(key, syn.importListEntry(tree.rootNode, name, module, doc.text));
  return found.get(key);
}

/**
 * A dependency on the import list entry a fix edits (`x:<name>\0<module>`, recorded through `FixSite.consult`): the
 * entry's range in the document now, '' when there is none. The fix's edit there lies outside the function of the
 * sink, so a cached result whose function moved holds that edit where it was only while this value is the same.
 */
export function importListDep(doc: SourceDocument, syn: LanguageModule, dep: string): string {
  const nul = dep.indexOf('\u0000');
  return importListValue(doc, importListEntry(doc, syn, dep.slice(2, nul), dep.slice(nul + 1)));
}

/** The end of an import list entry (where the fix inserts) as `line:character`, '' for none. No `|`: not positional. */
export function importListValue(doc: SourceDocument, spec: Node | undefined): string {
  if (!spec) return '';
  const end = doc.lines.positionAt(spec.endIndex);
  return `${end.line}:${end.character}`;
}

/** POSIX shells that run their `-c` argument as a command line (not cmd.exe: its commands are mostly built in). */
const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|zsh|dash|ksh)$/;

/** Python's subprocess: `run(cmd, shell=True)` -> `run([program, args])`; Go's `exec.Command("sh", "-c", cmd)`. */
function shellFalse(fx: FixSite, sink: Node, focus: Node): Fix | undefined {
  const parts = fx.syn.decompose(focus);
  if (!parts || !hasExpr(parts)) return undefined;
  const words = commandWords(parts);
  const argsNode = sink.childForFieldName('arguments');
  if (!words || !argsNode) return undefined;
  const args = named(argsNode);
  const q = quoteOf(fx.syn, focus);
  const shell = args.find((a) => fx.syn.exprKind(a.type) === 'keyword-argument' && a.childForFieldName('name')?.text === 'shell');
  if (!shell) {
    // A shell run as a program (Go's `exec.Command("sh", "-c", cmd)`): the program and its arguments instead.
    const i = args.findIndex((a) => a.id === focus.id);
    const sh = args[i - 2];
    const c = args[i - 1];
    if (i !== args.length - 1 || !sh || !c || !SHELLS.test(fx.syn.stringValue(sh) ?? '') || fx.syn.stringValue(c) !== '-c') return undefined;
    return {
      title: 'Run the program with its arguments, without a shell',
      kind: 'fix',
      edits: [{ range: { start: rangeOf(fx, sh).start, end: rangeOf(fx, focus).end }, newText: words.map((w) => wordCode(w, q)).join(', ') }],
    };
  }
  if (args[0]?.id !== focus.id) return undefined;
  const prev = args[args.indexOf(shell) - 1]!;
  return {
    title: 'Pass an argument list and drop shell=True',
    kind: 'fix',
    edits: [
      { range: rangeOf(fx, focus), newText: `[${words.map((w) => wordCode(w, q)).join(', ')}]` },
      // Remove ", shell=True" (from the end of the previous argument).
      { range: { start: rangeOf(fx, prev).end, end: rangeOf(fx, shell).end }, newText: '' },
    ],
  };
}

function enclosingStatement(n: Node, syn: LanguageModule): Node | undefined {
  let c: Node | null = n;
  for (let i = 0; c && i < 200; i++) {
    const p: Node | null = c.parent;
    if (!p) return undefined;
    if (syn.blockTypes.has(p.type)) return c;
    c = p;
  }
  return undefined;
}

/** A variable name not used in the enclosing function (or module), for a new declaration there. */
function freshName(fx: FixSite, at: Node, base: string): string {
  const syn = fx.syn;
  let scope: Node = at;
  while (!syn.functionTypes.has(scope.type) && scope.parent) scope = scope.parent;
  // Only the scope's own text: nested functions may reuse the name, and the result must not depend on them.
  // The document's text, not the tree's: reading that out of wasm would copy the whole file.
  const text = ownText(scope, fx.doc.lines.text, syn.functionTypes);
  let name = base;
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(text); i++) name = `${base}${i}`;
  return name;
}

/** A query call replaced by a prepared statement declared (and given its values) on the lines before it. */
function preparedQuery(fx: FixSite, sink: Node, sql: string, values: string[]): Fix | undefined {
  const { syn, doc } = fx;
  const stmt = enclosingStatement(sink, syn);
  if (!stmt) return undefined;
  // Inside a lambda the new statements would run outside it (and not on each call).
  for (let c = sink.parent; c && c.id !== stmt.id; c = c.parent) if (syn.functionTypes.has(c.type)) return undefined;
  const line = doc.lines.positionAt(stmt.startIndex).line;
  const indent = /^\s*/.exec(doc.lines.lineText(line))![0];
  if (doc.lines.positionAt(stmt.startIndex).character !== indent.length) return undefined;
  const made = syn.preparedQuery!(sink, sql, values, freshName(fx, stmt, 'ps'), fx.imports, indent, doc.lines.eolAt(line));
  if (!made) return undefined;
  // One edit from the statement's start to the sink's end: an insertion at the same place as the call would be ambiguous.
  const before = doc.lines.text.slice(stmt.startIndex, sink.startIndex);
  return {
    title: 'Use a PreparedStatement (values bound with ? placeholders)',
    kind: 'fix',
    edits: [{ range: fx.doc.lines.rangeOf(stmt.startIndex, sink.endIndex), newText: `${made.pre}${before}${made.call}` }],
  };
}

function pathContainment(fx: FixSite, focus: Node): Fix | undefined {
  const { syn, doc } = fx;
  const args = named(focus.childForFieldName('arguments') ?? focus);
  if (args.length < 2) return undefined;
  const stmt = enclosingStatement(focus, syn);
  if (!stmt) return undefined;
  const line = doc.lines.positionAt(stmt.startIndex).line;
  const indent = /^\s*/.exec(doc.lines.lineText(line))![0];
  const made = syn.pathContainment(focus, args, (base) => freshName(fx, stmt, base), indent, doc.lines.eolAt(line));
  if (!made) return undefined;
  const at: Range = { start: { line, character: indent.length }, end: { line, character: indent.length } };
  return {
    title: 'Resolve the path and check it stays inside its root folder',
    kind: 'fix',
    edits: [
      { range: at, newText: made.pre },
      { range: rangeOf(fx, focus), newText: made.name },
    ],
  };
}

function htmlEscape(fx: FixSite, rule: CompiledRule, sink: Node, focus: Node): Fix | undefined {
  const { syn, doc, imports } = fx;
  if (syn.textProperty && syn.exprKind(sink.type) === 'assign') {
    const left = sink.childForFieldName('left');
    const prop = left ? syn.propertyOf(left) : null;
    const text = prop ? syn.textProperty(prop.text) : undefined;
    if (!prop || !text) return undefined;
    return { title: `Assign ${text} instead of innerHTML (the browser escapes it)`, kind: 'fix', edits: [{ range: rangeOf(fx, prop), newText: text }] };
  }
  const parts = syn.decompose(focus);
  // A returned (or, by a generator, yielded) page held in a variable or made some other way (a join, a helper, a
  // conditional, bytes): escaping all of it would escape its markup too, so no fix. Input returned as it is
  // (`return request.args["q"]`) is escaped.
  const body = syn.stmtKind(sink.type) === 'return' || syn.isYield?.(sink.type) === true;
  if (!parts && body && syn.exprKind(focus.type) !== 'member') return undefined;
  const value = syn.exprKind(focus.type) === 'keyword-argument' ? focus.childForFieldName('value') : focus;
  if (!value) return undefined;
  const exprs = parts ? parts.filter((p): p is { kind: 'expr'; node: Node } => p.kind === 'expr') : [{ kind: 'expr' as const, node: value }];
  if (exprs.length === 0) return undefined;
  // A value that begins a URL attribute (`"<a href='" + p`), where the rule's escapers do not clean (their
  // `not-after`): escaping leaves `javascript:` as it is, and checking the scheme is no mechanical rewrite.
  const notAfter = rule.sanitizers.flatMap((z) => (z.spec.notAfter === undefined ? [] : [compileRuleRegex(z.spec.notAfter)]));
  if (parts && notAfter.length && parts.some((p, i) => p.kind === 'expr' && parts[i - 1]?.kind === 'lit' && notAfter.some((re) => re.test((parts[i - 1] as { raw: string }).raw)))) return undefined;
  const edits: TextEdit[] = [];
  const escaper = importsAnswer(imports, 'html', (m) => syn.htmlEscaper(m));
  if (!escaper) return undefined;
  if (escaper.importLine) edits.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${escaper.importLine}${doc.lines.eol}` });
  for (const e of exprs) edits.push({ range: rangeOf(fx, e.node), newText: escaper.wrap(e.node.text) });
  return { title: escaper.title, kind: 'fix', edits };
}

function relativeRedirect(fx: FixSite, focus: Node): Fix | undefined {
  const x = focus.text;
  if (x.length > 80 || x.includes('\n')) return undefined;
  const wrapped = /^[\w$.[\]'"()]+$/.test(x) ? x : `(${x})`;
  const made = fx.syn.relativeRedirect(wrapped, fx.imports);
  if (made === undefined) return undefined;
  // An operand (`"redirect:" + x`): the conditional binds looser than the operator around it.
  const operand = focus.parent && fx.syn.exprKind(focus.parent.type) === 'binary';
  return { title: 'Only redirect to a relative path on this site', kind: 'fix', edits: [{ range: rangeOf(fx, focus), newText: operand ? `(${made})` : made }] };
}

/** The YAML library decides the safe form: js-yaml takes the core schema, PyYAML has `safe_load`. */
function yamlSafeLoad(fx: FixSite, sink: Node, focus: Node): Fix | undefined {
  const { syn, imports } = fx;
  const fn = syn.callee(sink);
  const obj = fn && syn.exprKind(fn.type) === 'member' ? syn.memberObject(fn) : null;
  if (!fn || !obj) return undefined;
  const library = canonicalName(fn, (id) => imports.get(id));
  if (library?.startsWith('js_yaml.')) {
    // The core schema exists in versions 3 and 4 and has no JavaScript types.
    const args = named(sink.childForFieldName('arguments') ?? sink);
    if (args.length !== 1 || syn.propertyOf(fn)?.text !== 'load') return undefined;
    return {
      title: 'Load with the core schema (no JavaScript functions or regexps)',
      kind: 'fix',
      edits: [{ range: { start: rangeOf(fx, focus).end, end: rangeOf(fx, focus).end }, newText: `, { schema: ${obj.text}.CORE_SCHEMA }` }],
    };
  }
  if (!library?.startsWith('yaml.')) return undefined;
  // load_all and its variants return every document of the stream: safe_load_all keeps that shape.
  const safe = library.endsWith('_all') ? 'safe_load_all' : 'safe_load';
  return { title: `Use yaml.${safe} (no arbitrary Python objects)`, kind: 'fix', edits: [{ range: rangeOf(fx, sink), newText: `${obj.text}.${safe}(${focus.text})` }] };
}

/** A word that expands to several arguments (`...args`, `*args`, `args...`): no marker can go before its elements. */
const SPREAD = /^(\.\.\.|\*)|\.\.\.$/;

/**
 * Argument injection: the marker that ends the program's options (`--`, git's `--end-of-options`; see
 * end-of-options.ts) inserted before the first tainted argument. Only where the words around it are plain: not
 * right after an option (`-C`, `--branch`) or a value not known, which may take it as their value, and with no
 * constant option after it, which would become an operand.
 */
function endOfOptions(fx: FixSite, focus: Node, b: Bindings, tainted: (n: Node) => boolean): Fix | undefined {
  const syn = fx.syn;
  const words = syn.argvWords?.(focus);
  if (!words) return undefined;
  const prog = b.get('$PROG');
  const at = prog ? words.findIndex((w) => w.id === prog.id) : -1;
  // One argument of the call (`exec.Command("git", "clone", x)`): the program is one of its words. A list (`['clone',
  // x]`, `["git", "clone", x]`): the program is the call's (`$PROG`) or the list's first word.
  if (at < 0 && words.some((w) => w.id === focus.id)) return undefined;
  const progNode = prog ?? words[0];
  if (!progNode) return undefined;
  const args = at >= 0 ? words.slice(at + 1) : prog ? words : words.slice(1);
  const i = args.findIndex((a) => tainted(a));
  // A word built from text that starts with a dash (`f"--author={x}"`, `"-o" + x`) is an option already.
  if (i < 0 || SPREAD.test(args[i]!.text) || /^\w*["'`]-/.test(args[i]!.text)) return undefined;
  const values = args.map((a) => syn.stringValue(a));
  const marker = endOfOptionsMarker(programName(syn.stringValue(progNode) ?? progNode.text), values.slice(0, i));
  if (!marker) return undefined;
  const prev = i > 0 ? values[i - 1] : '';
  if (prev === undefined || (prev.startsWith('-') && !prev.includes('='))) return undefined;
  if (values.slice(i).some((v) => v?.startsWith('-'))) return undefined;
  const start = rangeOf(fx, args[i]!).start;
  const q = quoteOf(syn, syn.stringValue(progNode) !== undefined ? progNode : focus);
  return {
    title: `Insert ${marker} before the argument so that it cannot be read as an option`,
    kind: 'fix',
    edits: [{ range: { start, end: start }, newText: `${quote(marker, q)}, ` }],
  };
}
