/**
 * The pattern index (patterns by node type and by the names a node must hold) against brute force: at every node of
 * every taint rule fixture, with the file's real imports, each pattern the matcher's shape filter (`mayMatch`)
 * accepts must be among the index's candidates, in the order trying them all would take. Built-in rules of every
 * taint language, every pattern list the engine indexes (sources, sinks through variables, sanitizers, guards at any
 * node type, propagators, pattern-rule clauses).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { GrammarId } from '../../server/src/engine/languages';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { PatternCompiler, mayMatchPattern, resetNodeCache, type CompiledPattern } from '../../server/src/engine/patterns/pattern';
import { PatternIndex } from '../../server/src/engine/patterns/pattern-index';
import { compileFor, loadTaintRuleSet, type CompiledRule } from '../../server/src/engine/taint/rule-set';
import { findFixtures } from '../rules/rule-fixtures';
import { namedNodes } from './taint-test-engine';

const ROOT = join(__dirname, '..', '..');
const GRAMMARS: Record<string, GrammarId> = { js: 'javascript', ts: 'typescript', py: 'python', java: 'java', go: 'go' };

let grammars: GrammarRegistry;
before(async () => {
  grammars = await GrammarRegistry.create(undefined, [...new Set(Object.values(GRAMMARS))]);
});

interface Kind {
  name: string;
  index: PatternIndex<CompiledPattern>;
  follows: boolean;
}

/** One index per pattern list of the grammar's rules, built as the engine builds them. */
function indexesFor(rules: CompiledRule[]): Kind[] {
  const nameTypes = rules[0]?.module.nameTypes ?? [];
  const types = (p: CompiledPattern): string[] => (p.root.dotted ? [p.root.type, ...nameTypes] : [p.root.type]);
  const uniq = (ps: CompiledPattern[]): CompiledPattern[] => [...new Set(ps)];
  const typed = (name: string, ps: CompiledPattern[], follows = false): Kind => ({ name, index: new PatternIndex(uniq(ps), (p) => p, types, follows), follows });
  return [
    typed('sources', rules.flatMap((r) => r.sources.map((c) => c.pattern))),
    typed('sinks', rules.flatMap((r) => r.sinks.map((c) => c.pattern)), true),
    typed('sanitizers', rules.flatMap((r) => r.sanitizers.map((c) => c.pattern))),
    typed('propagators', rules.flatMap((r) => r.propagators.map((c) => c.pattern))),
    { name: 'guards', index: new PatternIndex(uniq(rules.flatMap((r) => r.guards.map((c) => c.pattern))), (p) => p, 'any'), follows: false },
    // Pattern-rule clauses are indexed by their root's type only (pattern-rules.ts).
    { name: 'clauses', index: new PatternIndex(uniq(rules.flatMap((r) => r.patterns.map((c) => c.pattern))), (p) => p, (p) => [p.root.type]), follows: false },
  ];
}

describe('pattern index', () => {
  it('offers every pattern mayMatch accepts, in order, at every node of every taint fixture', () => {
    const { set, errors } = loadTaintRuleSet(join(ROOT, 'rules', 'taint'));
    assert.deepEqual(errors, []);
    const fixtures = findFixtures(join(ROOT, 'rules', 'taint'));
    const totals = { offered: 0, candidates: 0, accepted: 0, files: 0 };
    const byGrammar = new Map<GrammarId, { kinds: Kind[]; module: CompiledRule['module'] }>();
    for (const file of fixtures) {
      const grammar = GRAMMARS[/\.fixture\.(\w+)$/.exec(file)?.[1] ?? ''];
      if (!grammar) continue;
      let g = byGrammar.get(grammar);
      if (!g) {
        const compiled = compileFor(set, grammar, grammars.language(grammar)!);
        assert.ok(compiled && compiled.rules.length > 0, `rules for ${grammar}`);
        byGrammar.set(grammar, (g = { kinds: indexesFor(compiled.rules), module: compiled.rules[0]!.module }));
      }
      const { kinds, module } = g;
      const text = readFileSync(file, 'utf8');
      const tree = grammars.parse(grammar, text)!;
      try {
        const imports = module.collectImports(tree.rootNode, text);
        // The analyser's resolver is one closure per run: the canonical-name memo is keyed by it.
        const resolve = (id: string): string | undefined => imports.get(id);
        totals.files++;
        for (const node of namedNodes(tree.rootNode)) {
          for (const k of kinds) {
            const all = k.index.ofType(node.type);
            if (all.length === 0) continue;
            const candidates = k.index.candidates(node, resolve);
            const pos = candidates.map((c) => all.indexOf(c));
            assert.ok(pos.every((p, i) => p >= 0 && (i === 0 || p > pos[i - 1]!)), `${k.name} candidates in order at ${node.type} in ${file}`);
            const offered = new Set(candidates);
            for (const p of all) {
              if (!mayMatchPattern(p, node, resolve, k.follows)) continue;
              totals.accepted++;
              assert.ok(offered.has(p), `${k.name} \`${p.source}\` left out at ${node.type} \`${node.text.slice(0, 80)}\` (${file})`);
            }
            totals.offered += all.length;
            totals.candidates += candidates.length;
          }
        }
      } finally {
        tree.delete();
        resetNodeCache();
      }
    }
    assert.ok(totals.files > 100, `fixtures of every taint language (${totals.files})`);
    assert.ok(totals.accepted > 0);
    // Not a pass-through: most patterns of a node's type are ruled out by name.
    assert.ok(totals.candidates < totals.offered / 3, `candidates ${totals.candidates} of ${totals.offered}`);
  });

  it('offers a pattern where only an import-resolved name matches (an alias, a module object)', () => {
    // Each case: patterns, code, the file's imports; `want`: the node texts where each pattern must be offered.
    const cases: { grammar: GrammarId; patterns: string[]; code: string; imports: Record<string, string>; want: Record<string, string[]> }[] = [
      {
        grammar: 'javascript',
        patterns: ['child_process.exec($X)', 'child_process.execSync($X)', 'fs.readFile($P, ...)', 'eval($X)'],
        code: 'run(cmd); (run)(cmd); cp.exec(c); other(x); rf(p, cb); (0, ev)(s);',
        imports: { run: 'child_process.exec', cp: 'child_process', rf: 'fs.readFile', ev: 'eval' },
        want: { 'child_process.exec($X)': ['run(cmd)', 'cp.exec(c)'], 'fs.readFile($P, ...)': ['rf(p, cb)'] },
      },
      {
        grammar: 'python',
        patterns: ['flask.request.args', 'subprocess.call($C, ...)', 'os.path.join($A, $B)'],
        code: 'a = rq.args\nb = args\nsp.call(c)\nj(x, y)\nk(x, y)\n',
        imports: { rq: 'flask.request', args: 'flask.request.args', sp: 'subprocess', j: 'os.path.join' },
        want: { 'flask.request.args': ['rq.args', 'args'], 'subprocess.call($C, ...)': ['sp.call(c)'], 'os.path.join($A, $B)': ['j(x, y)'] },
      },
    ];
    for (const c of cases) {
      const compiler = new PatternCompiler(grammars.language(c.grammar)!);
      const ps = c.patterns.map((p) => compiler.compile(p));
      const tree = grammars.parse(c.grammar, c.code)!;
      try {
        const resolve = (id: string): string | undefined => c.imports[id];
        const nameTypes = c.grammar === 'python' ? ['identifier', 'attribute'] : ['identifier', 'member_expression'];
        const index = new PatternIndex(ps, (p) => p, (p) => (p.root.dotted ? [p.root.type, ...nameTypes] : [p.root.type]));
        const seen: Record<string, string[]> = {};
        for (const node of namedNodes(tree.rootNode)) {
          const offered = new Set(index.candidates(node, resolve));
          for (const p of index.ofType(node.type)) {
            if (!mayMatchPattern(p, node, resolve, false)) continue;
            (seen[p.source] ??= []).push(node.text);
            assert.ok(offered.has(p), `\`${p.source}\` left out at \`${node.text}\``);
          }
        }
        // The cases do reach the matcher through their resolved names (the test is not vacuous).
        for (const [p, texts] of Object.entries(c.want)) for (const t of texts) assert.ok(seen[p]?.includes(t), `${p} accepted at ${t}: ${JSON.stringify(seen[p])}`);
      } finally {
        tree.delete();
        resetNodeCache();
      }
    }
  });
});
