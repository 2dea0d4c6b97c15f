/**
 * Regexes written by users (custom rules in `.vigil.yml`) run on a linear-time engine (RE2, via the pure-JS
 * `re2js` port), not on JavaScript's backtracking RegExp. A static check cannot catch every catastrophic
 * pattern: `x{0,200}x{0,200}x{0,200}x{0,200}y` passes any nested-quantifier test yet takes 16 s on a 200-character
 * line with RegExp. RE2 matches in time linear in the input, whatever the pattern; it has no backreferences or
 * lookarounds, so patterns that need them are rejected with a clear error when the rule loads.
 */
import { RE2JS } from 're2js';

/**
 * Compiles `source` for a linear-time engine and returns an object that behaves like a RegExp with the given
 * flags for `exec`/`test` (with `lastIndex`, `g`, `i`, `d` indices and named groups), so callers written for
 * RegExp need no change. Throws an Error with a readable message for a pattern RE2 cannot run.
 */
export function compileLinearRegex(source: string, flags = ''): RegExp {
  for (const f of flags) if (!'gdiy'.includes(f)) throw new Error(`flag \`${f}\` is not supported for custom rules (only g, d, i)`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot run on the linear-time engine used for custom rules (no backreferences or lookarounds): ${why}`);
  }
  // Also a valid JavaScript regex? Keeps `source`/`flags` honest and rejects syntax only RE2 accepts.
  const js = new RegExp(source, flags);
  return new LinearRegExp(re, js, flags) as unknown as RegExp;
}

/** Whether a regex came from `compileLinearRegex` (so it runs in linear time). */
export function isLinearRegex(re: RegExp): boolean {
  return (re as unknown) instanceof LinearRegExp;
}

/**
 * Compiles a regex derived from `like` (e.g. a prefilter built from its source) on the same engine: a derived
 * regex of a user's pattern must not fall back to the backtracking engine.
 */
export function compileLike(like: RegExp, source: string, flags = ''): RegExp {
  return isLinearRegex(like) ? compileLinearRegex(source, flags) : new RegExp(source, flags);
}

class LinearRegExp {
  lastIndex = 0;
  readonly global: boolean;
  readonly sticky: boolean;
  readonly hasIndices: boolean;
  readonly source: string;
  readonly flags: string;

  constructor(
    private readonly re: RE2JS,
    js: RegExp,
    flags: string,
  ) {
    this.global = flags.includes('g');
    this.sticky = flags.includes('y');
    this.hasIndices = flags.includes('d');
    this.source = js.source;
    this.flags = js.flags;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }

  exec(input: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    if (from > input.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.re.matcher(input);
    if (!m.find(from) || (this.sticky && m.start() !== from)) {
      if (this.global || this.sticky) this.lastIndex = 0;
      return null;
    }
    const count = m.groupCount();
    const values: (string | undefined)[] = [];
    const spans: ([number, number] | undefined)[] = [];
    for (let g = 0; g <= count; g++) {
      const s = m.start(g);
      const e = m.end(g);
      const hit = s >= 0 && e >= 0;
      values.push(hit ? input.slice(s, e) : undefined);
      spans.push(hit ? [s, e] : undefined);
    }
    const result = values as unknown as RegExpExecArray & { indices?: RegExpIndicesArray };
    result.index = m.start();
    result.input = input;
    const names = this.re.namedGroups();
    const nameList = Object.keys(names);
    if (nameList.length > 0) {
      const groups: Record<string, string | undefined> = {};
      const groupSpans: Record<string, [number, number] | undefined> = {};
      for (const n of nameList) {
        groups[n] = values[names[n]!];
        groupSpans[n] = spans[names[n]!];
      }
      result.groups = groups as Record<string, string>;
      if (this.hasIndices) Object.assign(spans, { groups: groupSpans });
    }
    if (this.hasIndices) result.indices = spans as unknown as RegExpIndicesArray;
    if (this.global || this.sticky) this.lastIndex = m.end();
    return result;
  }
}
