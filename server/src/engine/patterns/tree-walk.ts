/**
 * A walk over a tree's nodes of some types that makes a node object only for those, and can stop early.
 * `Node.descendantsOfType` makes every match at once (one object per node, in a wasm-side list first): a whole-file
 * search for common types (identifiers, calls) holds tens of thousands of them, where a caller that stops at its
 * first few finds needs none of the rest. So it is called on bounded subtrees only.
 */
import type { Language, Node } from 'web-tree-sitter';

/** Per language, per type list: which type ids are wanted (by name, as `descendantsOfType` picks its symbols). */
const wantedByLanguage = new WeakMap<Language, Map<string, Uint8Array>>();

function wantedIds(language: Language, types: readonly string[]): Uint8Array {
  let byKey = wantedByLanguage.get(language);
  if (!byKey) wantedByLanguage.set(language, (byKey = new Map()));
  const key = types.join('\u0000');
  let wanted = byKey.get(key);
  if (!wanted) {
    const names = new Set(types);
    wanted = new Uint8Array(language.nodeTypeCount);
    for (let id = 0; id < wanted.length; id++) if (names.has(language.nodeTypeForId(id) ?? '')) wanted[id] = 1;
    // Bounded: one entry per list of types a caller asks for.
    if (byKey.size >= 64) byKey.clear();
    byKey.set(key, wanted);
  }
  return wanted;
}

/**
 * Text (in string indices) of the largest subtree whose nodes of the types are found by one `descendantsOfType` call:
 * walking node by node from JavaScript costs several wasm calls per node, where the wasm side walks a subtree in
 * one; the bound keeps each call's list (and the nodes made past an early stop) to a small part of a large file.
 */
const CHUNK = 1 << 15;

/**
 * Calls `visit` with each node under `root` (itself included) whose type is one of `types`, in document order
 * (pre-order: a node before its descendants), the nodes `root.descendantsOfType(types)` returns; stops when `visit`
 * returns true. Iterative: deep trees do not grow the stack. A subtree of at most `CHUNK` characters is listed by
 * one `descendantsOfType` call (same nodes, same order); larger ones are walked down to such subtrees. Not in a
 * subtree with errors: there `descendantsOfType` leaves out a zero-width (missing) node at the file's very start.
 */
export function eachNodeOfType(root: Node, types: readonly string[], visit: (n: Node) => boolean | void): void {
  if (types.length === 0) return;
  const wanted = wantedIds(root.tree.language, types);
  const error = types.includes('ERROR');
  const list = types as string[];
  const lists = !root.hasError;
  const cursor = root.walk();
  try {
    for (;;) {
      if (lists && cursor.endIndex - cursor.startIndex <= CHUNK) {
        for (const n of cursor.currentNode.descendantsOfType(list)) if (n && visit(n) === true) return;
      } else {
        const id = cursor.nodeTypeId;
        // An error node's symbol is out of the language's range (`descendantsOfType` asks for it by name only).
        if ((id < wanted.length ? wanted[id] === 1 : error && cursor.nodeType === 'ERROR') && visit(cursor.currentNode) === true) return;
        if (cursor.gotoFirstChild()) continue;
      }
      for (;;) {
        // The cursor starts at `root`: it goes no higher and no further than it.
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}
