/**
 * The arithmetic of the constant folder the language modules share (`LanguageModule.constantTruth`): numbers,
 * strings and booleans combined by operators. Exact or nothing: an operation it cannot compute as the language
 * would (mixed types, division by zero, an operator it does not know) is unknown, so the branch stays undecided.
 */
import type { Node } from 'web-tree-sitter';
import type { ConstantDef } from './language';

/** A folded value; undefined (in the functions below) is "not known". */
export type ConstValue = number | string | boolean;

/** The names a folder reads: the value node of a name that holds one constant value at `use`, else undefined. */
export type ConstantLookup<N> = (name: N) => N | undefined;

/**
 * Deterministic work counters of the constant folder, for the tests and the bench: conditions folded
 * (`constantTruth` calls), nodes the folders looked at, walks of a function for its `ConstantDefs` and the nodes
 * under the functions so walked.
 */
export const foldCounters = { truthCalls: 0, foldNodes: 0, defWalks: 0, defNodes: 0 };

/**
 * How a function binds each name it holds, for `LanguageModule.constantDef`: its one definition, 'free' when every
 * use reads it, undefined when it may be rebound. A name the function does not hold is free.
 */
export type ConstantDefs = Map<string, ConstantDef | 'free' | undefined>;

/** Per tree, by function node id: its `ConstantDefs`. */
const defTables = new WeakMap<object, Map<number, ConstantDefs>>();

/**
 * `scope`'s table, built by `build` in one walk once per function of a tree, whatever the passes and names asking
 * (each pass asks again for each name its conditions read). Keyed by the tree: an edit parses a new tree, whose
 * node ids are its own, so no table outlives the tree it describes.
 */
export function constantDefsOf(scope: Node, build: (scope: Node) => ConstantDefs): ConstantDefs {
  let byId = defTables.get(scope.tree);
  if (!byId) defTables.set(scope.tree, (byId = new Map()));
  let t = byId.get(scope.id);
  if (!t) {
    foldCounters.defWalks++;
    foldCounters.defNodes += scope.descendantCount;
    byId.set(scope.id, (t = build(scope)));
  }
  return t;
}

/** Nodes a folder looks at in one condition before it gives up (keeps a chain of names bounded). */
export const MAX_FOLD_NODES = 64;

/** Truthiness, the same in JavaScript and Python for these types. */
export function truthy(v: ConstValue): boolean {
  return typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : typeof v === 'string' ? v.length > 0 : v;
}

/** `a op b` as the language computes it, or undefined. `python`: Python's division, modulo and equality. */
export function foldBinary(op: string, a: ConstValue, b: ConstValue, python: boolean): ConstValue | undefined {
  const nums = typeof a === 'number' && typeof b === 'number';
  const strs = typeof a === 'string' && typeof b === 'string';
  const same = typeof a === typeof b;
  switch (op) {
    case '+':
      if (nums) return a + b;
      if (strs) return a + b;
      return undefined;
    case '-':
      return nums ? a - b : undefined;
    case '*':
      return nums ? a * b : undefined;
    case '/':
      if (!nums || b === 0) return undefined;
      return a / b;
    case '//':
      return python && nums && b !== 0 ? Math.floor(a / b) : undefined;
    case '%':
      if (!nums || b === 0) return undefined;
      // Python's result takes the divisor's sign; JavaScript's the dividend's.
      return python ? ((a % b) + b) % b : a % b;
    case '**':
      return nums && Number.isInteger(b) && b >= 0 && b < 64 ? a ** b : undefined;
    case '<':
    case '>':
    case '<=':
    case '>=':
      if (!nums && !strs) return undefined;
      return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
    case '===':
    case '!==':
      return op === '===' ? a === b : a !== b;
    case '==':
    case '!=':
      // Loose or cross-type equality (`1 == "1"`, Python's `1 == True`): only between values of one type.
      if (!same) return undefined;
      return op === '==' ? a === b : a !== b;
    default:
      return undefined;
  }
}
