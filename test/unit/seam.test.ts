/**
 * The language seam: the shared taint machinery (dataflow, analyzer, fixes, pattern rules, rule set and the
 * pattern matcher; not the YAML schema, whose keys are not syntax) names no syntax of any language. A language's
 * node types, its id and its idioms live in its module (`engine/taint/lang/<language>.ts`); the shared files ask
 * the module. The node types are read from the grammars themselves (every named type of every taint grammar), so
 * a new grammar is covered without editing this test. A string literal in a shared file that equals one and is
 * used as a node type (compared, listed, looked up) is allowed only where it is a word of a closed vocabulary the
 * module answers in (`ExprKind`, `StmtKind`, ...: a union of literal types). A language id is never allowed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import ts from 'typescript';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { TAINT_GRAMMARS, TAINT_LANGUAGES } from '../../server/src/engine/languages';

const ROOT = join(__dirname, '..', '..');
const SHARED = [
  'server/src/engine/patterns/pattern.ts',
  'server/src/engine/taint/dataflow.ts',
  'server/src/engine/taint/taint-analyzer.ts',
  'server/src/engine/taint/fixes.ts',
  'server/src/engine/taint/pattern-rules.ts',
  'server/src/engine/taint/rule-set.ts',
  'server/src/engine/taint/index.ts',
].map((f) => join(ROOT, f));

/** Named node types of every taint grammar, with the grammars that have each. */
const nodeTypes = new Map<string, string[]>();

before(async () => {
  const grammars = await GrammarRegistry.create(undefined, TAINT_GRAMMARS);
  for (const g of TAINT_GRAMMARS) {
    const lang = grammars.language(g);
    assert.ok(lang, `grammar ${g} loads`);
    for (let id = 0; id < lang.nodeTypeCount; id++) {
      const type = lang.nodeTypeForId(id);
      if (!type || !lang.nodeTypeIsNamed(id)) continue;
      if (!nodeTypes.get(type)?.includes(g)) nodeTypes.set(type, [...(nodeTypes.get(type) ?? []), g]);
    }
  }
});

/** Whether every constituent of a type is a string literal type (a closed vocabulary such as `ExprKind`). */
function closedVocabulary(t: ts.Type | undefined): boolean {
  if (!t) return false;
  const parts = t.isUnion() ? t.types : [t];
  return parts.length > 0 && parts.every((p) => p.isStringLiteral());
}

/** The type a literal is compared with or given to, when the code says it. */
function expectedType(lit: ts.StringLiteralLike, checker: ts.TypeChecker): ts.Type | undefined {
  const p = lit.parent;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(p.operatorToken.kind)) {
    return checker.getTypeAtLocation(p.left === lit ? p.right : p.left);
  }
  if (ts.isCaseClause(p)) return checker.getTypeAtLocation(p.parent.parent.expression);
  return checker.getContextualType(lit);
}

const EQUALITY = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];

/**
 * Whether a literal is used the way a node type is: compared (`n.type === 'call'`, `case 'call':`), listed (`new
 * Set(['call'])`), or looked up by a method (`types.has('call')`, `descendantsOfType('call')`). Field names
 * (`childForFieldName('arguments')`) are shared across grammars and left out; so are values merely produced
 * (`return 'none'`) or handed to a local function.
 */
function usedAsNodeType(lit: ts.StringLiteralLike): boolean {
  const p = lit.parent;
  if (ts.isBinaryExpression(p)) return EQUALITY.includes(p.operatorToken.kind);
  if (ts.isCaseClause(p) || ts.isArrayLiteralExpression(p)) return true;
  if (ts.isCallExpression(p) && p.arguments.includes(lit as ts.Expression) && ts.isPropertyAccessExpression(p.expression)) return !/^child(ren)?ForFieldName$/.test(p.expression.name.text);
  return false;
}

/** Every string literal of the shared files that names a node type or a language, as `file:line 'text' (why)`. */
function languageNames(): string[] {
  const program = ts.createProgram(SHARED, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const languages = new Set<string>(TAINT_LANGUAGES);
  const out: string[] = [];
  for (const file of SHARED) {
    const sf = program.getSourceFile(file);
    assert.ok(sf, `${file} is read`);
    const visit = (n: ts.Node): void => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
        const text = n.text;
        const where = `${file.slice(ROOT.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} '${text}'`;
        if (languages.has(text)) out.push(`${where} (a language id)`);
        else if (nodeTypes.has(text) && usedAsNodeType(n) && !closedVocabulary(expectedType(n, checker))) out.push(`${where} (a node type of ${nodeTypes.get(text)!.join(', ')})`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

describe('language seam', () => {
  it('reads node types from every taint grammar', () => {
    // The check below is only as good as this list: each grammar contributes its own types.
    for (const t of ['identifier', 'call_expression', 'selector_expression', 'method_invocation', 'attribute', 'member_expression']) assert.ok(nodeTypes.has(t), t);
  });

  it('the shared taint files name no node type or language id', () => {
    assert.deepEqual(languageNames(), []);
  });
});
