/**
 * Static checks that keep secret regexes away from catastrophic backtracking. JavaScript's RegExp backtracks, so
 * a rule like `(a+)+$` can hang the editor on one long line. Built-in rules must avoid backreferences and nested
 * unbounded quantifiers (a test also times every built-in regex on adversarial input); custom rules from the
 * workspace config are held to a stricter bar: every quantifier bounded, no quantifier inside a lookaround,
 * no quantified alternation.
 */

interface GroupState {
  hasQuantifier: boolean;
  hasUnbounded: boolean;
  hasAlternation: boolean;
  lookaround: boolean;
}

/** Returns a problem description, or undefined when the regex source passes. */
export function checkRegexSafety(src: string, options: { strict: boolean }): string | undefined {
  const stack: GroupState[] = [{ hasQuantifier: false, hasUnbounded: false, hasAlternation: false, lookaround: false }];
  // What the last atom was: a closed group (with its state) or a plain atom.
  let lastGroup: GroupState | undefined;
  let lastWasAtom = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') return `uses a backreference (\\${n}) at position ${i}, which can backtrack exponentially`;
      i += 2;
      lastGroup = undefined;
      lastWasAtom = true;
      continue;
    }
    if (c === '[') {
      // Skip the character class, honouring escapes.
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
      lastGroup = undefined;
      lastWasAtom = true;
      continue;
    }
    if (c === '(') {
      const look = /^\(\?<?[=!]/.test(src.slice(i, i + 4));
      stack.push({ hasQuantifier: false, hasUnbounded: false, hasAlternation: false, lookaround: look });
      const m = /^\((?:\?(?:<[A-Za-z_][A-Za-z0-9_]*>|<?[=!]|:))?/.exec(src.slice(i))!;
      i += m[0].length;
      lastGroup = undefined;
      lastWasAtom = false;
      continue;
    }
    if (c === ')') {
      const g = stack.pop();
      if (!g || stack.length === 0) return `has an unbalanced \`)\` at position ${i}`;
      if (g.lookaround && (g.hasQuantifier && options.strict)) return `has a quantifier inside a lookaround at position ${i}; lookarounds must match fixed text`;
      const parent = stack[stack.length - 1]!;
      parent.hasQuantifier ||= g.hasQuantifier;
      parent.hasUnbounded ||= g.hasUnbounded;
      lastGroup = g;
      lastWasAtom = true;
      i++;
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1]!.hasAlternation = true;
      lastGroup = undefined;
      lastWasAtom = false;
      i++;
      continue;
    }
    const q = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(src.slice(i));
    if (q && lastWasAtom) {
      const token = q[0];
      const unbounded = token.startsWith('*') || token.startsWith('+') || (q[2] !== undefined && q[3] === '');
      const max = token.startsWith('?') ? 1 : q[1] !== undefined ? (q[2] === undefined ? Number(q[1]) : q[3] === '' ? Infinity : Number(q[3])) : Infinity;
      if (options.strict && unbounded) {
        return `has an unbounded quantifier \`${token}\` at position ${i}; custom rules must bound repetition, e.g. {1,200}`;
      }
      if (lastGroup && max > 1) {
        if (lastGroup.hasUnbounded || (unbounded && lastGroup.hasQuantifier)) {
          return `has a nested quantifier at position ${i} (a repeated group that itself repeats), which can backtrack catastrophically`;
        }
        if (options.strict && lastGroup.hasAlternation) {
          return `repeats an alternation at position ${i}; overlapping alternatives can backtrack catastrophically`;
        }
      }
      const top = stack[stack.length - 1]!;
      top.hasQuantifier = true;
      top.hasUnbounded ||= unbounded;
      i += token.length;
      lastGroup = undefined;
      lastWasAtom = false;
      continue;
    }
    lastGroup = undefined;
    lastWasAtom = c !== '^' && c !== '$';
    i++;
  }
  if (stack.length !== 1) return 'has an unclosed `(`';
  return undefined;
}
