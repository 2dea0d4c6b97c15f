/**
 * Quick fixes for taint findings. Rules name a strategy (`fix: parameterize-sql`); the rewrite lives here.
 * A strategy only offers a fix when the code has a shape it can rewrite safely (e.g. a query built by
 * concatenating literals and values); otherwise the finding keeps just the suppression fix.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceDocument } from '../document';
import type { LineIndex } from '../text';
import { canonicalName, type Bindings } from '../patterns/pattern';
import { suppressionLine } from '../suppressions';
import type { Fix, Range, TextEdit } from '../types';
import { ownText, stringValue } from './dataflow';
import type { CompiledRule } from './rule-set';

type Part = { kind: 'lit'; raw: string } | { kind: 'expr'; node: Node };

const named = (n: Node): Node[] => n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
/** Line index of the document being fixed (set by buildFixes): ranges come from offsets, as LSP counts lines. */
let lines: LineIndex | undefined;
const rangeOf = (n: Node): Range => lines!.rangeOf(n.startIndex, n.endIndex);

/** Fixes for one sink match, by the rule's strategy. */
export function buildFixes(rule: CompiledRule, sink: Node, focus: Node, b: Bindings, doc: SourceDocument, imports: Map<string, string>): Fix[] {
  const fix = rule.fix;
  if (!fix) return [];
  lines = doc.lines;
  const python = doc.grammar === 'python';
  let made: Fix | undefined;
  switch (fix.strategy) {
    case 'parameterize-sql':
      made = parameterizeSql(sink, focus, python, fix.placeholder ?? placeholderFor(python, imports));
      break;
    case 'exec-to-execfile':
      made = execToExecFile(sink, focus, doc, imports);
      break;
    case 'shell-false':
      made = shellFalse(sink, focus);
      break;
    case 'path-containment':
      made = pathContainment(focus, python, doc);
      break;
    case 'html-escape':
      made = htmlEscape(sink, focus, python, doc, imports);
      break;
    case 'relative-redirect':
      made = relativeRedirect(focus, python);
      break;
    case 'yaml-safe-load':
      made = yamlSafeLoad(sink, focus, b);
      break;
  }
  return made ? [{ ...made, isPreferred: true }] : [];
}

/** The driver's placeholder style, from what the file imports (pg: `$1`; sqlite3: `?`; else `?` / `%s`). */
function placeholderFor(python: boolean, imports: Map<string, string>): '?' | '$1' | '%s' {
  const mods = [...imports.values()].map((m) => m.split('.')[0]);
  if (python) return mods.includes('sqlite3') ? '?' : '%s';
  return mods.includes('pg') || mods.includes('postgres') ? '$1' : '?';
}

/** `vigil-ignore <id> -- <reason>` on the line above, at the line's indentation. */
export function suppressFix(ruleId: string, range: Range, doc: SourceDocument): Fix {
  const line = range.start.line;
  const text = doc.lines.lineText(line);
  const indent = /^\s*/.exec(text)![0];
  const comment: [string, string] = doc.grammar === 'python' ? ['#', ''] : ['//', ''];
  return {
    title: `Suppress ${ruleId} on this line (with a reason)`,
    kind: 'suppress',
    edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, ...suppressionLine(indent, comment, ruleId, doc.lines.eol) }],
  };
}

/** Splits a string-building expression into literal text and values, or undefined if it is not one. */
function decompose(n: Node, python: boolean, depth = 0): Part[] | undefined {
  if (depth > 64) return undefined;
  if (n.type === 'parenthesized_expression') {
    const inner = named(n)[0];
    return inner ? decompose(inner, python, depth + 1) : undefined;
  }
  if ((n.type === 'binary_expression' || n.type === 'binary_operator') && n.childForFieldName('operator')?.text === '+') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return undefined;
    const lp = decompose(l, python, depth + 1) ?? [{ kind: 'expr', node: l }];
    const rp = decompose(r, python, depth + 1) ?? [{ kind: 'expr', node: r }];
    // A concatenation must contain a literal somewhere to be a string build.
    return [...lp, ...rp];
  }
  if (python && n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '%') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    const fmt = l ? stringValue(l) : undefined;
    if (fmt === undefined || !r) return undefined;
    const values = r.type === 'tuple' ? named(r) : [r];
    const pieces = fmt.split(/%[sd]/);
    if (pieces.length - 1 !== values.length || /%[^%]/.test(pieces.join(''))) return undefined;
    const out: Part[] = [];
    pieces.forEach((p, i) => {
      out.push({ kind: 'lit', raw: p });
      if (i < values.length) out.push({ kind: 'expr', node: values[i]! });
    });
    return out;
  }
  if (python && n.type === 'call') {
    // "... {} ...".format(a, b): positional fields only.
    const fn = n.childForFieldName('function');
    const recv = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? fn.childForFieldName('object') : undefined;
    const fmt = recv ? stringValue(recv) : undefined;
    const values = named(n.childForFieldName('arguments') ?? n);
    if (fmt === undefined || values.some((v) => v.type === 'keyword_argument' || v.type === 'list_splat')) return undefined;
    const pieces = fmt.split(/\{\}/);
    if (pieces.length - 1 !== values.length || /[{}]/.test(pieces.join(''))) return undefined;
    const out: Part[] = [];
    pieces.forEach((p, i) => {
      out.push({ kind: 'lit', raw: p });
      if (i < values.length) out.push({ kind: 'expr', node: values[i]! });
    });
    return out;
  }
  if (n.type === 'template_string') {
    const out: Part[] = [];
    for (const c of named(n)) {
      if (c.type === 'template_substitution') {
        const e = named(c)[0];
        if (!e) return undefined;
        out.push({ kind: 'expr', node: e });
      } else out.push({ kind: 'lit', raw: c.text });
    }
    return out;
  }
  if (n.type === 'string') {
    if (!python) return [{ kind: 'lit', raw: n.text.slice(1, -1) }];
    const start = named(n)[0];
    if (!start || /[rRbB]/.test(start.text) || start.text.replace(/^[fFuU]*/, '').length !== 1) return undefined;
    const out: Part[] = [];
    for (const c of named(n)) {
      if (c.type === 'string_start' || c.type === 'string_end') continue;
      if (c.type === 'interpolation') {
        const e = c.childForFieldName('expression');
        if (!e || named(c).length > 1) return undefined;
        out.push({ kind: 'expr', node: e });
      } else out.push({ kind: 'lit', raw: c.text });
    }
    return out;
  }
  return undefined;
}

const hasLiteral = (parts: Part[]): boolean => parts.some((p) => p.kind === 'lit');
const hasExpr = (parts: Part[]): boolean => parts.some((p) => p.kind === 'expr');

/** Quote char of the first plain string literal inside `n` (default `"`). */
function quoteOf(n: Node): string {
  const stack = [n];
  while (stack.length) {
    const c = stack.shift()!;
    if (c.type === 'string') {
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

function parameterizeSql(sink: Node, focus: Node, python: boolean, placeholder: '?' | '$1' | '%s'): Fix | undefined {
  const parts = decompose(focus, python);
  if (!parts || !hasLiteral(parts) || !hasExpr(parts)) return undefined;
  const argsNode = sink.childForFieldName('arguments');
  if (!argsNode) return undefined;
  // Only calls that take the parameters next to the query (not text(), prepare(), literal()).
  const method = sink.childForFieldName('function');
  const methodName = method?.type === 'member_expression' ? method.childForFieldName('property')?.text : method?.type === 'attribute' ? method.childForFieldName('attribute')?.text : undefined;
  if (!methodName || !/^(query|execute|executemany|run|all|get|raw|whereRaw|orderByRaw|havingRaw)$/.test(methodName)) return undefined;
  const args = named(argsNode);
  if (args[0]?.id !== focus.id) return undefined;
  const rest = args.slice(1);
  if (rest.length > 1 || (rest.length === 1 && !/function|arrow_function|lambda/.test(rest[0]!.type))) return undefined;
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
      value = python ? `"%" + ${value} + "%"` : `"%" + ${value} + "%"`;
    } else if (/'$/.test(sql) && next?.kind === 'lit' && next.raw.startsWith("'")) {
      sql = sql.slice(0, -1);
      parts[i + 1] = { kind: 'lit', raw: next.raw.slice(1) };
    }
    // Still inside a quoted SQL string: a placeholder there would not be a parameter.
    if ((sql.replace(/''/g, '').match(/'/g) ?? []).length % 2 === 1) return undefined;
    values.push(value);
    sql += placeholder === '$1' ? `$${values.length}` : placeholder;
  }
  const q = quoteOf(focus);
  const params = python ? `(${values.join(', ')}${values.length === 1 ? ',' : ''})` : `[${values.join(', ')}]`;
  const edits: TextEdit[] = [{ range: rangeOf(focus), newText: `${quote(sql, q)}, ${params}` }];
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

function execToExecFile(sink: Node, focus: Node, doc: SourceDocument, imports: Map<string, string>): Fix | undefined {
  const parts = decompose(focus, false);
  if (!parts || !hasExpr(parts)) return undefined;
  const words = commandWords(parts);
  if (!words) return undefined;
  const fn = sink.childForFieldName('function');
  const argsNode = sink.childForFieldName('arguments');
  if (!fn || !argsNode || named(argsNode)[0]?.id !== focus.id) return undefined;
  const q = quoteOf(focus);
  const edits: TextEdit[] = [];
  const name = fn.type === 'member_expression' ? fn.childForFieldName('property') : fn;
  if (!name || !/^exec(Sync)?$/.test(name.text)) return undefined;
  // Only child_process has execFile: shelljs.exec and other exec functions keep their call.
  if (canonicalName(fn, (id) => imports.get(id)) !== `child_process.${name.text}`) return undefined;
  const fileName = name.text === 'exec' ? 'execFile' : 'execFileSync';
  if (fn.type === 'identifier') {
    if (imports.get(fileName) !== `child_process.${fileName}`) {
      // Add execFile next to exec in `const { exec } = require('child_process')` / `import { exec } from ...`.
      const spec = findImportSpecifier(doc, name.text);
      if (!spec) return undefined;
      edits.push({ range: { start: rangeOf(spec).end, end: rangeOf(spec).end }, newText: `, ${fileName}` });
    }
  }
  edits.push({ range: rangeOf(name), newText: fileName });
  const [prog, ...rest] = words;
  edits.push({ range: rangeOf(focus), newText: `${wordCode(prog!, q)}, [${rest.map((w) => wordCode(w, q)).join(', ')}]` });
  return { title: `Run the program with ${fileName} and an argument array (no shell)`, kind: 'fix', edits };
}

function findImportSpecifier(doc: SourceDocument, name: string): Node | undefined {
  const root = doc.tree?.rootNode;
  if (!root) return undefined;
  for (const s of named(root)) {
    const stack = [s];
    while (stack.length) {
      const n = stack.pop()!;
      if ((n.type === 'shorthand_property_identifier_pattern' || n.type === 'import_specifier') && n.text === name) {
        const inRequire = /child_process/.test(s.text);
        if (inRequire) return n;
      }
      stack.push(...named(n));
    }
  }
  return undefined;
}

function shellFalse(sink: Node, focus: Node): Fix | undefined {
  const parts = decompose(focus, true);
  if (!parts || !hasExpr(parts)) return undefined;
  const words = commandWords(parts);
  const argsNode = sink.childForFieldName('arguments');
  if (!words || !argsNode) return undefined;
  const args = named(argsNode);
  if (args[0]?.id !== focus.id) return undefined;
  const shell = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'shell');
  if (!shell) return undefined;
  const q = quoteOf(focus);
  const prev = args[args.indexOf(shell) - 1]!;
  return {
    title: 'Pass an argument list and drop shell=True',
    kind: 'fix',
    edits: [
      { range: rangeOf(focus), newText: `[${words.map((w) => wordCode(w, q)).join(', ')}]` },
      // Remove ", shell=True" (from the end of the previous argument).
      { range: { start: rangeOf(prev).end, end: rangeOf(shell).end }, newText: '' },
    ],
  };
}

function enclosingStatement(n: Node): Node | undefined {
  let c: Node | null = n;
  for (let i = 0; c && i < 200; i++) {
    const p: Node | null = c.parent;
    if (!p) return undefined;
    if (p.type === 'statement_block' || p.type === 'block' || p.type === 'program' || p.type === 'module') return c;
    c = p;
  }
  return undefined;
}

/** A variable name not used in the enclosing function (or module), for a new declaration there. */
function freshName(at: Node, base: string): string {
  let scope: Node | null = at;
  while (scope && !/^(function_declaration|function_expression|arrow_function|method_definition|function_definition|program|module)$/.test(scope.type)) scope = scope.parent;
  // Only the scope's own text: nested functions may reuse the name, and the result must not depend on them.
  // The document's text (set by buildFixes), not the tree's: reading that out of wasm would copy the whole file.
  const text = scope ? ownText(scope, lines!.text) : '';
  let name = base;
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(text); i++) name = `${base}${i}`;
  return name;
}

function pathContainment(focus: Node, python: boolean, doc: SourceDocument): Fix | undefined {
  if (focus.type !== (python ? 'call' : 'call_expression')) return undefined;
  const fn = focus.childForFieldName('function')?.text ?? '';
  const ok = python ? /^os\.path\.join$/.test(fn) : /^path\.(join|resolve)$/.test(fn);
  const args = named(focus.childForFieldName('arguments') ?? focus);
  if (!ok || args.length < 2 || args.some((a) => a.type === 'spread_element' || a.type === 'list_splat')) return undefined;
  const stmt = enclosingStatement(focus);
  if (!stmt) return undefined;
  const root = args.slice(0, -1).map((a) => a.text).join(', ');
  const line = doc.lines.positionAt(stmt.startIndex).line;
  const indent = /^\s*/.exec(doc.lines.lineText(line))![0];
  const eol = doc.lines.eol;
  const at: Range = { start: { line, character: indent.length }, end: { line, character: indent.length } };
  let pre: string;
  let name: string;
  if (python) {
    name = freshName(stmt, 'safe_path');
    pre =
      `${name} = os.path.realpath(${focus.text})${eol}` +
      `${indent}if not ${name}.startswith(os.path.realpath(${args.length > 2 ? `os.path.join(${root})` : root}) + os.sep):${eol}` +
      `${indent}    raise ValueError("path escapes the allowed folder")${eol}${indent}`;
  } else {
    name = freshName(stmt, 'safePath');
    pre =
      `const ${name} = path.resolve(${args.map((a) => a.text).join(', ')});${eol}` +
      `${indent}if (!${name}.startsWith(path.resolve(${root}) + path.sep)) throw new Error("path escapes the allowed folder");${eol}${indent}`;
  }
  return {
    title: 'Resolve the path and check it stays inside its root folder',
    kind: 'fix',
    edits: [
      { range: at, newText: pre },
      { range: rangeOf(focus), newText: name },
    ],
  };
}

function htmlEscape(sink: Node, focus: Node, python: boolean, doc: SourceDocument, imports: Map<string, string>): Fix | undefined {
  if (!python && sink.type === 'assignment_expression') {
    const left = sink.childForFieldName('left');
    const prop = left?.childForFieldName('property');
    if (!prop || !/^(innerHTML|outerHTML)$/.test(prop.text)) return undefined;
    return { title: 'Assign textContent instead of innerHTML (the browser escapes it)', kind: 'fix', edits: [{ range: rangeOf(prop), newText: 'textContent' }] };
  }
  const parts = decompose(focus, python);
  // A returned page held in a variable or made some other way (a join, a helper, a conditional): escaping all of
  // it would escape its markup too, so no fix. Input returned as it is (`return request.args["q"]`) is escaped.
  if (!parts && sink.type === 'return_statement' && focus.type !== 'subscript' && focus.type !== 'attribute') return undefined;
  const value = focus.type === 'keyword_argument' ? focus.childForFieldName('value') : focus;
  if (!value) return undefined;
  const exprs = parts ? parts.filter((p): p is { kind: 'expr'; node: Node } => p.kind === 'expr') : [{ kind: 'expr' as const, node: value }];
  if (exprs.length === 0) return undefined;
  const edits: TextEdit[] = [];
  let wrap: (code: string) => string;
  if (python) {
    // An escape function the file already imports, else the standard library's html.escape.
    const mod = [...imports].find(([, m]) => m === 'html')?.[0];
    const fn = [...imports].find(([, m]) => /^(markupsafe|flask|django\.utils\.html)\.escape$/.test(m))?.[0];
    const local = fn ?? (mod ? `${mod}.escape` : undefined);
    wrap = (code) => `${local ?? 'html.escape'}(${code})`;
    if (!local) edits.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `import html${doc.lines.eol}` });
  } else {
    // Self-contained (no new dependency, no import to add): every HTML-special character becomes an entity.
    wrap = (code) => `String(${code}).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";")`;
  }
  for (const e of exprs) edits.push({ range: rangeOf(e.node), newText: wrap(e.node.text) });
  return { title: python ? 'HTML-escape the value with html.escape' : 'HTML-escape the value (characters become entities)', kind: 'fix', edits };
}

function relativeRedirect(focus: Node, python: boolean): Fix | undefined {
  const x = focus.text;
  if (x.length > 80 || x.includes('\n')) return undefined;
  const wrapped = /^[\w$.[\]'"()]+$/.test(x) ? x : `(${x})`;
  const newText = python
    ? `${wrapped} if ${wrapped}.startswith("/") and not ${wrapped}.startswith("//") and not ${wrapped}.startswith("/\\\\") else "/"`
    : `${wrapped}.startsWith("/") && !${wrapped}.startsWith("//") && !${wrapped}.startsWith("/\\\\") ? ${wrapped} : "/"`;
  return { title: 'Only redirect to a relative path on this site', kind: 'fix', edits: [{ range: rangeOf(focus), newText }] };
}

function yamlSafeLoad(sink: Node, focus: Node, _b: Bindings): Fix | undefined {
  const fn = sink.childForFieldName('function');
  if (fn?.type === 'member_expression') {
    // js-yaml: the core schema exists in versions 3 and 4 and has no JavaScript types.
    const obj = fn.childForFieldName('object');
    const args = named(sink.childForFieldName('arguments') ?? sink);
    if (!obj || args.length !== 1 || fn.childForFieldName('property')?.text !== 'load') return undefined;
    return {
      title: 'Load with the core schema (no JavaScript functions or regexps)',
      kind: 'fix',
      edits: [{ range: { start: rangeOf(focus).end, end: rangeOf(focus).end }, newText: `, { schema: ${obj.text}.CORE_SCHEMA }` }],
    };
  }
  if (!fn || fn.type !== 'attribute') return undefined;
  const obj = fn.childForFieldName('object');
  if (!obj) return undefined;
  return { title: 'Use yaml.safe_load (no arbitrary Python objects)', kind: 'fix', edits: [{ range: rangeOf(sink), newText: `${obj.text}.safe_load(${focus.text})` }] };
}
