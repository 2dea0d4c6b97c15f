/**
 * `eachNodeOfType` visits exactly the nodes `descendantsOfType` lists, in its order, on every taint rule fixture and
 * from inner nodes as roots, for common and rare types (anonymous ones and ERROR too), and on files large enough that
 * it lists some subtrees with one call and walks the others node by node; it stops when told to.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import type { GrammarId } from '../../server/src/engine/languages';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { eachNodeOfType } from '../../server/src/engine/patterns/tree-walk';
import { findFixtures } from '../rules/rule-fixtures';

const ROOT = join(__dirname, '..', '..');
const GRAMMARS: Record<string, GrammarId> = { '.js': 'javascript', '.ts': 'typescript', '.py': 'python', '.java': 'java', '.go': 'go' };
const TYPES: Record<GrammarId, string[][]> = {
  javascript: [['identifier', 'call_expression', 'member_expression'], ['string', '('], ['ERROR'], ['no_such_type']],
  typescript: [['identifier', 'call_expression', 'member_expression'], ['type_identifier', '=>'], ['ERROR']],
  python: [['identifier', 'call', 'attribute'], ['string', ':'], ['ERROR']],
  java: [['identifier', 'method_invocation', 'field_access'], ['string_literal', ';'], ['ERROR']],
  go: [['identifier', 'call_expression', 'selector_expression'], ['interpreted_string_literal', '{'], ['ERROR']],
} as Record<GrammarId, string[][]>;

let grammars: GrammarRegistry;
before(async () => {
  grammars = await GrammarRegistry.create(undefined, [...new Set(Object.values(GRAMMARS))]);
});

const ids = (ns: (Node | null)[]): number[] => ns.map((n) => n!.id);
function walked(root: Node, types: string[]): number[] {
  const out: number[] = [];
  eachNodeOfType(root, types, (n) => {
    out.push(n.id);
  });
  return out;
}

describe('eachNodeOfType', () => {
  it('visits the nodes descendantsOfType lists, in order, from the root and from inner nodes', () => {
    let files = 0;
    let nodes = 0;
    let errors = 0;
    const broken = { path: 'broken.js', text: 'function f( { x = ; }\nconst y = [1, 2\nif (a b) {}\n' };
    const fixtures = findFixtures(join(ROOT, 'rules', 'taint')).filter((f) => !f.includes('.fixed.') && GRAMMARS[extname(f)]);
    for (const { path, text } of [...fixtures.map((f) => ({ path: f, text: readFileSync(f, 'utf8') })), broken]) {
      const grammar = GRAMMARS[extname(path)]!;
      const tree = grammars.parse(grammar, text)!;
      try {
        files++;
        // Inner roots: the root's children and their children (their subtrees only, never a sibling's).
        const roots = [tree.rootNode, ...tree.rootNode.children.slice(0, 3).flatMap((c) => [c!, ...c!.children.slice(0, 2).map((k) => k!)])];
        for (const root of roots) {
          for (const types of TYPES[grammar]) {
            const want = ids(root.descendantsOfType(types));
            assert.deepEqual(walked(root, types), want, `${types.join(',')} under ${root.type} in ${path}`);
            nodes += want.length;
            if (types[0] === 'ERROR') errors += want.length;
          }
        }
      } finally {
        tree.delete();
      }
    }
    assert.ok(files > 100, `${files} files`);
    assert.ok(nodes > 10_000, `${nodes} nodes`);
    assert.ok(errors > 0, 'error nodes visited');
  });

  it('stops at the node its visitor returns true for', () => {
    const tree = grammars.parse('javascript', 'a(b(c(d)));\ne(f);\n')!;
    try {
      const seen: string[] = [];
      eachNodeOfType(tree.rootNode, ['identifier'], (n) => {
        seen.push(n.text);
        return n.text === 'c';
      });
      assert.deepEqual(seen, ['a', 'b', 'c']);
    } finally {
      tree.delete();
    }
  });

  it('visits the same nodes in files larger than the subtrees it lists at once', () => {
    // Nested functions around many small statements: the outer subtrees are walked node by node, the inner listed.
    const body = (depth: number, width: number): string =>
      depth === 0
        ? Array.from({ length: width }, (_, i) => `  x${i} = req.query[a${i}] + f(b${i}, c.d${i});`).join('\n')
        : `function g${depth}(p) {\n${body(depth - 1, width)}\n  return (function h${depth}() {\n${body(depth - 1, width)}\n  })();\n}`;
    const text = `${body(3, 150)}\n${body(2, 400)}\n${body(0, 2000)}\nconst last = window.location.hash;\n`;
    assert.ok(text.length > 200_000, `${text.length} characters`);
    const tree = grammars.parse('javascript', text)!;
    try {
      assert.equal(tree.rootNode.hasError, false);
      for (const types of [['identifier', 'call_expression', 'member_expression'], ['function_declaration', 'program'], ['string', '(']]) {
        const want = ids(tree.rootNode.descendantsOfType(types));
        assert.ok(want.length > 0);
        assert.deepEqual(walked(tree.rootNode, types), want, types.join(','));
      }
      // Stopping inside a listed subtree and on a walked node.
      const seen: number[] = [];
      eachNodeOfType(tree.rootNode, ['function_declaration', 'identifier'], (n) => seen.push(n.id) === 40);
      assert.deepEqual(seen, ids(tree.rootNode.descendantsOfType(['function_declaration', 'identifier'])).slice(0, 40));
    } finally {
      tree.delete();
    }
  });
});
