/**
 * Command-line parsing with Vigil's own messages: Node's strict parseArgs errors ("Unknown option '--fromat'.
 * To specify a positional argument starting with a '-', ...") tell a first-time user nothing about the fix, so
 * options are parsed leniently into tokens and every mistake is checked here, with the closest valid name.
 */
import { parseArgs } from 'node:util';

/** A mistake in how the CLI was called or configured: exit 2 with this message and a pointer to --help. */
export class UsageError extends Error {}

/** A problem of the environment the user can fix (an output path that is a folder): exit 2 with this one line. */
export class CliError extends Error {}

/** An option as parseArgs declares it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What the value may be, for the "needs a value" message (e.g. "text, json or sarif"). */
  hint?: string;
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`fromat` is 1 from `format`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `word`, if it is close enough to be the likely intent (a typo, not another word). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = editDistance(word, c);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  // About one edit per three characters, at least two: `stagged` -> `staged`, but not `zzzzzzzz` -> anything.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export interface Parsed<T extends Record<string, OptionSpec>> {
  values: { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean };
  positionals: string[];
}

/**
 * Parses `args` against `options`, throwing a UsageError for an unknown option (with the closest valid one), a
 * string option without a value, a value given to a flag, or a path given to a command that takes none.
 */
export function parseOptions<T extends Record<string, OptionSpec>>(command: string, args: string[], options: T, allowPositionals: boolean): Parsed<T> {
  const { tokens } = parseArgs({
    args,
    options: Object.fromEntries(Object.entries(options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }])),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!allowPositionals) throw new UsageError(`${command} takes no paths (got "${token.value}")`);
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      const long = token.rawName.startsWith('--');
      const guess = long ? closest(token.name, Object.keys(options)) : undefined;
      throw new UsageError(`unknown option ${token.rawName}${guess ? `; did you mean --${guess}?` : ''}`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option ${token.rawName} takes no value (got "${token.value}")`);
      values[token.name] = true;
      continue;
    }
    // Lenient parsing takes the next argument even when it is another option (`-o --quiet`): that is a missing value.
    const missing = token.value === undefined || (!token.inlineValue && /^-[^\d]/.test(token.value));
    if (missing) throw new UsageError(`option ${token.rawName} needs a value${spec.hint ? ` (${spec.hint})` : ''}`);
    values[token.name] = token.value!;
  }
  return { values: values as Parsed<T>['values'], positionals };
}
