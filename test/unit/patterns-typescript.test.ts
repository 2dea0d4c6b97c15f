import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { PatternCompiler, matchPattern, resetNodeCache } from '../../server/src/engine/patterns/pattern';
// The language modules register their grammars' shapes with the matcher.
import '../../server/src/engine/taint/lang';

let grammars: GrammarRegistry;
before(async () => {
  grammars = await GrammarRegistry.create(undefined, ['typescript']);
});

/** Every node of TypeScript `code` the pattern matches, as text. */
function matches(pattern: string, code: string): string[] {
  const p = new PatternCompiler(grammars.language('typescript')!).compile(pattern);
  const tree = grammars.parse('typescript', code)!;
  const out: string[] = [];
  const stack: Node[] = [tree.rootNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (matchPattern(p, n)) out.push(n.text);
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  tree.delete();
  resetNodeCache();
  return out.sort();
}

describe('patterns: TypeScript type syntax around a value', () => {
  it('sees through as, satisfies and the non-null assertion', () => {
    const code = 'const a = jwt.decode(t) as Claims;\nconst b = jwt.decode(t)!;\nconst c = jwt.decode(t) satisfies object;\nconst d = jwt.sign(t);\n';
    assert.deepEqual(matches('const $U = jwt.decode(...)', code), [
      'const a = jwt.decode(t) as Claims;',
      'const b = jwt.decode(t)!;',
      'const c = jwt.decode(t) satisfies object;',
    ]);
  });

  it('ignores a call\'s type arguments', () => {
    assert.deepEqual(matches('jwt.decode($T)', 'jwt.decode<User>(token); jwt.verify<User>(token);'), ['jwt.decode<User>(token)']);
    assert.deepEqual(matches('new Map()', 'const m = new Map<string, number>();'), ['new Map<string, number>()']);
  });

  it('sees through await in the callee of an awaited call with type arguments', () => {
    // The grammar reads `await a.get<T>(u)` as `(await a.get)<T>(u)`.
    const code = 'async function f(u: string) { await axios.get<Feed>(u); await axios.get(u); const x = await axios.get; }';
    assert.deepEqual(matches('axios.get($U)', code), ['await axios.get<Feed>(u)', 'axios.get(u)']);
    // A call pattern is no name: the awaited call matches as the call it awaits, not twice.
    assert.deepEqual(matches('await axios.get($U)', code), ['await axios.get(u)']);
  });
});
