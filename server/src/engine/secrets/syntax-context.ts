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
  /** The string literal holding the secret, when it is a plain literal without interpolation. */
  literal?: { start: number; end: number; node: Node };
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

export function secretContext(doc: SourceDocument, start: Position, end: Position): SecretContext {
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
    ctx.literal = { start: literal.startIndex, end: literal.endIndex, node: literal };
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
