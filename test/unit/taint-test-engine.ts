/**
 * Set-up shared by the taint engine's unit tests: an engine over every built-in analyzer, the taint analyzer in it
 * (for its counters and caches), taint-only settings, and a walk over a tree's named nodes.
 */
import type { Node } from 'web-tree-sitter';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

/** Settings with only the taint pack on. */
export const TAINT_ONLY = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };

/** An engine with the built-in analyzers, and its taint analyzer. The caller disposes the engine. */
export async function taintTestEngine(): Promise<{ engine: Engine; taint: TaintAnalyzer }> {
  const { analyzers } = createAnalyzers();
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer);
  if (!taint) throw new Error('no taint analyzer among the built-in analyzers');
  return { engine: await Engine.create({ analyzers }), taint };
}

/** Every named node under `root`, itself included (iterative: fixtures can nest deeply). */
export function namedNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}
