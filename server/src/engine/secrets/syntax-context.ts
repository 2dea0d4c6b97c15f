/**
 * What the syntax tree says about a secret: is it in a comment, inside a test function, inside a plain string
 * literal (which a fix may replace), and what name is it assigned to. Files without a grammar fall back to
 * line-based comment detection.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceDocument } from '../document';
import type { Position } from '../types';

export interface SecretContext {
  inComment: boolean;
  inTestCode: boolean;
  /**
   * The string literal holding the secret, when it is a plain literal without interpolation: its offsets, and
   * whether it is an object key or a JSX attribute's value (facts a fix needs, kept so no node outlives the run).
   */
  literal?: { start: number; end: number; pairKey: boolean; jsxAttribute: boolean };
  /** The variable, field, key or keyword argument the literal is assigned to. */
  assignedName?: string;
  /** Go `const` declarations cannot call os.Getenv. */
  inGoConst: boolean;
  /** The match's first line starts inside a multi-line string (a lexed heredoc), where no comment line can go. */
  inMultilineString?: boolean;
}

const STRING_TYPES = new Set([
  'string', 'template_string', 'string_literal', 'interpreted_string_literal', 'raw_string_literal', 'raw_string', 'text_block',
]);
const LINE_COMMENT_PREFIX = /^\s*(?:#|\/\/|;|--|\*|\/\*|<!--|REM\b)/i;

/**
 * The contexts of the last run, by the top-level statement holding the match (its type, column and text, as the
 * taint engine keys statements) and the match's offsets inside it: everything `secretContext` reads is inside that
 * statement or is the root, so the same statement text gives the same context. Without it every run walked every
 * match's ancestors (~130 matches in the bench's 20,000-line file, ~10% of a char edit). Entries not read in a run
 * are dropped at its end.
 */
export class SecretContextMemo {
  /** By statement key, then by the match's offsets inside the statement. */
  private last = new Map<string, Map<string, SecretContext>>();
  private next = new Map<string, Map<string, SecretContext>>();
  /** This run's statements by node id, so a statement's text is hashed once per run however many matches it holds. */
  private byId = new Map<number, Map<string, SecretContext>>();
  /** Contexts computed (not found) since the memo was made: for tests and counters. */
  computed = 0;

  /** The contexts kept for statement `top` (whose key is `key()`), carried into this run. */
  statement(top: Node, key: () => string): Map<string, SecretContext> {
    let m = this.byId.get(top.id);
    if (m) return m;
    const k = key();
    m = this.next.get(k) ?? this.last.get(k) ?? new Map<string, SecretContext>();
    this.next.set(k, m);
    this.byId.set(top.id, m);
    return m;
  }

  /** Ends a run: statements it did not read are forgotten (node ids are the run's tree's). */
  endRun(): void {
    this.last = this.next;
    this.next = new Map();
    this.byId = new Map();
  }
}

/** `secretContext`, read from `memo` when the statement holding the match was seen with it in the last run. */
export function secretContext(doc: SourceDocument, start: Position, end: Position, memo?: SecretContextMemo): SecretContext {
  const tree = doc.tree;
  if (!memo || !tree || doc.parseFailed) return computeContext(doc, start, end);
  const s = doc.lines.offsetAt(start);
  const e = doc.lines.offsetAt(end);
  const top = tree.rootNode.firstNamedChildForIndex(s);
  // Only a match inside one statement without a syntax error (whose tree is its text's alone) is memoised.
  if (!top) return computeContext(doc, start, end);
  const a = top.startIndex;
  const b = top.endIndex;
  if (a > s || b < Math.max(s, e - 1) || b <= s || top.hasError) return computeContext(doc, start, end);
  const kept = memo.statement(top, () => `${doc.languageId}\0${top.type}\0${top.startPosition.column}\0${doc.text.slice(a, b)}`);
  const key = `${s - a}:${e - a}`;
  const hit = kept.get(key);
  if (hit) return rebase(hit, a);
  memo.computed++;
  const ctx = computeContext(doc, start, end);
  kept.set(key, rebase(ctx, -a));
  return ctx;
}

function rebase(ctx: SecretContext, by: number): SecretContext {
  return ctx.literal ? { ...ctx, literal: { ...ctx.literal, start: ctx.literal.start + by, end: ctx.literal.end + by } } : { ...ctx };
}

function computeContext(doc: SourceDocument, start: Position, end: Position): SecretContext {
  const tree = doc.tree;
  const ctx: SecretContext = { inComment: false, inTestCode: false, inGoConst: false };
  if (!tree || doc.parseFailed) {
    ctx.inComment = LINE_COMMENT_PREFIX.test(doc.lines.lineText(start.line)) && !/^\s*-{5}BEGIN/.test(doc.lines.lineText(start.line));
    return ctx;
  }
  const s = doc.lines.offsetAt(start);
  const e = doc.lines.offsetAt(end);
  let node: Node | null = tree.rootNode.descendantForIndex(s, Math.max(s, e - 1));
  let literal: Node | undefined;
  for (let n = node; n; n = n.parent) {
    if (n.type.includes('comment')) ctx.inComment = true;
    if (!literal && STRING_TYPES.has(n.type) && n.startIndex <= s && n.endIndex >= e) literal = n;
    if (isTestFunction(n)) ctx.inTestCode = true;
    if (n.type === 'const_spec' || n.type === 'const_declaration') ctx.inGoConst = true;
  }
  node = null;
  // A Python string standing alone as a statement (a docstring) is documentation, never a value the program uses.
  if (literal && literal.type === 'string' && literal.parent?.type === 'expression_statement' && doc.languageId === 'python') ctx.inComment = true;
  if (literal && isPlainLiteral(literal)) {
    const parent = literal.parent;
    ctx.literal = {
      start: literal.startIndex,
      end: literal.endIndex,
      pairKey: parent?.type === 'pair' && parent.childForFieldName('key')?.id === literal.id,
      jsxAttribute: parent?.type === 'jsx_attribute',
    };
    ctx.assignedName = assignedName(literal);
  }
  return ctx;
}

/** No interpolation, no byte/format prefix: replacing it by an environment read keeps the meaning. */
function isPlainLiteral(n: Node): boolean {
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_substitution' || c.type === 'interpolation' || c.type === 'expansion' || c.type === 'command_substitution' || c.type === 'simple_expansion') return false;
  }
  if (n.type === 'string' && /^[bB]|^[rR][bB]/.test(n.text)) return false;
  // Python implicit concatenation or a docstring is not a value to replace.
  const p = n.parent;
  if (p && (p.type === 'concatenated_string' || p.type === 'binary_expression')) return false;
  if (p && p.type === 'expression_statement') return false;
  return true;
}

function assignedName(literal: Node): string | undefined {
  const p = literal.parent;
  if (!p) return undefined;
  const field = (name: string): string | undefined => p.childForFieldName(name)?.text;
  switch (p.type) {
    case 'variable_declarator': // JS/TS, Java
      return field('name');
    case 'assignment_expression': // JS/TS, Java
    case 'assignment': // Python
    case 'augmented_assignment':
      return field('left');
    case 'pair': // JS/TS objects, Python dicts, JSON
      return field('key')?.replace(/^['"]|['"]$/g, '');
    case 'keyword_argument': // Python
      return field('name');
    case 'public_field_definition':
    case 'field_definition':
      return field('name') ?? field('property');
    case 'expression_list': {
      // Go: x := "..." / var x = "..." / x = "..."
      const g = p.parent;
      if (g && (g.type === 'short_var_declaration' || g.type === 'assignment_statement')) return g.childForFieldName('left')?.text;
      if (g && (g.type === 'var_spec' || g.type === 'const_spec')) return g.childForFieldName('name')?.text;
      return undefined;
    }
    case 'var_spec':
    case 'const_spec':
      return field('name');
    case 'keyed_element': // Go struct literal
      return p.namedChildren[0]?.text;
    default:
      return undefined;
  }
}

/** `it(...)`/`test(...)`/`describe(...)` callbacks, `test_*` Python functions, `@Test` Java methods, `TestXxx` Go funcs. */
function isTestFunction(n: Node): boolean {
  switch (n.type) {
    case 'call_expression': {
      const fn = n.childForFieldName('function');
      return !!fn && /^(?:it|test|describe|beforeEach|beforeAll)(?:\.\w+)?$/.test(fn.text);
    }
    case 'function_definition':
      return /^test_?/.test(n.childForFieldName('name')?.text ?? '');
    case 'method_declaration':
      return /@(?:Test|ParameterizedTest)\b/.test(n.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '');
    case 'function_declaration':
      return /^Test[A-Z_]/.test(n.childForFieldName('name')?.text ?? '');
    default:
      return false;
  }
}
