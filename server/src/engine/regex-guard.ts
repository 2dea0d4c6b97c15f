/**
 * Regexes written by users (custom rules in `.vigil.yml`) run on a linear-time engine (RE2, via the pure-JS
 * `re2js` port), not on JavaScript's backtracking RegExp. A static check cannot catch every catastrophic
 * pattern: `x{0,200}x{0,200}x{0,200}x{0,200}y` passes any nested-quantifier test yet takes 16 s on a 200-character
 * line with RegExp. RE2 matches in time linear in the input, whatever the pattern; it has no backreferences or
 * lookarounds, so patterns that need them are rejected with a clear error when the rule loads.
 */
import { RE2JS } from 're2js';

/** `text` as a regular expression that matches it literally (each special character escaped). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles `source` for a linear-time engine and returns an object that behaves like a RegExp with the given
 * flags for `exec`/`test` (with `lastIndex`, `g`, `i`, `d` indices and named groups), so callers written for
 * RegExp need no change. Throws an Error with a readable message for a pattern RE2 cannot run.
 */
export function compileLinearRegex(source: string, flags = ''): RegExp {
  for (const f of flags) if (!'gdiy'.includes(f)) throw new Error(`flag \`${f}\` is not supported for custom rules (only g, d, i)`);
  let re: RE2JS;
  try {
    re = program(source, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot run on the linear-time engine used for custom rules (no backreferences or lookarounds): ${why}`);
  }
  // Also a valid JavaScript regex? Keeps `source`/`flags` honest and rejects syntax only RE2 accepts.
  const js = new RegExp(source, flags);
  return new LinearRegExp(re, js, flags) as unknown as RegExp;
}

/** Compiled RE2 programs by flags and source (a failed compile is not kept: it throws again). */
const programs = new Map<string, RE2JS>();

/**
 * The RE2 program of `source`, compiled once per thread: a program is immutable (each match makes its own matcher),
 * so the wrappers of equal regexes share it. A rule's regexes are compiled when it is validated and again per
 * grammar; compiling on RE2 was most of the taint pack's start-up.
 */
function program(source: string, bits: number): RE2JS {
  const key = `${bits}\u0000${source}`;
  let p = programs.get(key);
  if (!p) {
    if (programs.size >= 4096) programs.clear();
    programs.set(key, (p = RE2JS.compile(source, bits)));
  }
  return p;
}

/**
 * Whether a regex runs in time linear in its input: from `compileLinearRegex` or `compileRuleRegex` (RE2, or a
 * built-in rule's V8 regex without repetition).
 */
export function isLinearRegex(re: RegExp): boolean {
  return (re as unknown) instanceof LinearRegExp || (re as unknown) instanceof GuardedLinearRegExp || boundedV8.has(re);
}

/**
 * Compiles a regex derived from `like` (e.g. a prefilter built from its source) on the same engine: a derived
 * regex of a user's pattern must not fall back to the backtracking engine.
 */
export function compileLike(like: RegExp, source: string, flags = ''): RegExp {
  if (builtInRule.has(like) && !hasRepetition(source)) return builtIn(bounded(new RegExp(source, flags)));
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

  /** Answers of `test` by input (short inputs, no flags): a rule's condition is tested on the same names often. */
  private answers: Map<string, boolean> | undefined;

  test(input: string): boolean {
    if (this.global || this.sticky || input.length > 100) return this.exec(input) !== null;
    this.answers ??= new Map();
    let hit = this.answers.get(input);
    if (hit === undefined) {
      if (this.answers.size >= 256) this.answers.clear();
      this.answers.set(input, (hit = this.exec(input) !== null));
    }
    return hit;
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

/**
 * Splits `^(?!A)(?!B)R` into its leading negative lookaheads `[A, B]` and the rest `R`; undefined when the regex
 * is not of that form (no lookahead at the start, or a top-level `|` in `R`, which would leave the lookaheads
 * guarding only the first branch).
 */
function splitLeadingLookaheads(source: string): { nots: string[]; rest: string } | undefined {
  if (!source.startsWith('^(?!')) return undefined;
  const nots: string[] = [];
  let i = 1;
  while (source.startsWith('(?!', i)) {
    const end = closingParen(source, i);
    if (end < 0) return undefined;
    nots.push(source.slice(i + 3, end));
    i = end + 1;
  }
  const rest = source.slice(i);
  return closingParen(`(${rest})`, 0) === rest.length + 1 && !hasTopLevelBar(rest) ? { nots, rest } : undefined;
}

/**
 * The characters of a regex source that are syntax (outside escapes and character classes), with their index,
 * from `from` on: what the scans below need, so none of them mistakes `\(` or `[|]` for a group or a branch.
 */
function* syntaxChars(s: string, from = 0): Generator<[number, string]> {
  let inClass = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else yield [i, c];
  }
}

/** Index of the `)` closing the group opened at `open`, skipping escapes and character classes; -1 if none. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (const [i, c] of syntaxChars(s, open)) {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function hasTopLevelBar(s: string): boolean {
  let depth = 0;
  for (const [, c] of syntaxChars(s)) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * `^(?!A)(?!B)R` on the linear-time engine: it matches where neither `^(?:A)` nor `^(?:B)` does and `^R` does
 * (the lookaheads look from the start only, so each is one anchored linear match). `exec` gives `^R`'s match, so
 * group numbers count from `R`'s own groups.
 */
class GuardedLinearRegExp {
  readonly source: string;
  readonly flags = '';
  readonly global = false;
  readonly sticky = false;
  readonly hasIndices = false;
  lastIndex = 0;

  constructor(
    source: string,
    private readonly nots: RegExp[],
    private readonly rest: RegExp,
  ) {
    this.source = source;
  }

  test(input: string): boolean {
    return !this.nots.some((n) => n.test(input)) && this.rest.test(input);
  }

  exec(input: string): RegExpExecArray | null {
    return this.nots.some((n) => n.test(input)) ? null : this.rest.exec(input);
  }
}

/**
 * Compiles a rule's condition regex (a taint `where`, an `unless-text`), built-in or custom, so that it runs in
 * time linear in the text it is tested on: on RE2, or, for the common `^(?!A)R` form (a name that must not be
 * one of a list), as anchored RE2 matches of each lookahead and of the rest. A rule cannot make the analysis of a
 * hostile file (10 MB on one line, 10,000 nested levels) super-linear through its regexes. Throws, with a readable
 * message, for a regex neither form covers (backreferences, lookarounds elsewhere); a built-in regex without
 * repetition is not tried on RE2 (it runs on V8, see below), so only the validation of its rule reports that.
 */
export function compileRuleRegex(source: string, options: { builtIn?: boolean } = {}): RegExp {
  // One compiled regex per source: rules are compiled once per grammar and validated before that, and the same
  // conditions recur across rules (compiling on RE2 is most of the rule packs' start-up). Shared safely: rule
  // regexes have no flags, so `test`/`exec` keep no state between calls.
  const cache = options.builtIn ? builtInRegexes : customRegexes;
  let re = cache.get(source);
  if (!re) {
    if (cache.size >= 4096) cache.clear();
    cache.set(source, (re = compileRuleRegexUncached(source, options)));
  }
  return re;
}

const builtInRegexes = new Map<string, RegExp>();
const customRegexes = new Map<string, RegExp>();

function compileRuleRegexUncached(source: string, options: { builtIn?: boolean }): RegExp {
  let js: RegExp;
  try {
    js = new RegExp(source);
  } catch (e) {
    throw new Error(`is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A built-in regex without repetition runs on V8 (below), linear with no RE2 program: none is compiled for it. Every
  // rule regex was compiled the other way (RE2) when its rule was validated, which is where one RE2 refuses is reported.
  if (options.builtIn && !hasRepetition(source)) return builtIn(bounded(js));
  let linear: RegExp;
  try {
    linear = compileLinearRegex(source);
  } catch (e) {
    const split = splitLeadingLookaheads(source);
    try {
      if (!split) throw e;
      const nots = split.nots.map((a) => compileLinearRegex(`^(?:${a})`));
      linear = new GuardedLinearRegExp(source, nots, compileLinearRegex(`^(?:${split.rest})`)) as unknown as RegExp;
    } catch (inner) {
      const why = (inner instanceof Error ? inner.message : String(inner)).replace(/^.*?\): /, '');
      throw new Error(`cannot run on the linear-time engine rule regexes use (no backreferences; lookaheads only at the start, as in ^(?!A)R): ${why}`);
    }
  }
  // Without repetition (`*`, `+`, `{…}`) a regex matches text of bounded length, so V8 tries a number of paths per
  // start position that depends on the pattern alone: linear in the input, and far faster than RE2 in JavaScript
  // (whole-file prefilters made up most of a scan's time on RE2). Only for built-in rules: a custom rule could
  // still spell out an exponential number of paths (`(a|a)(a|a)…`).
  return options.builtIn ? builtIn(linear) : linear;
}

/** Regexes of built-in rules: what is derived from them (prefilters) may take V8 too when it has no repetition. */
const builtInRule = new WeakSet<RegExp>();

function builtIn(re: RegExp): RegExp {
  builtInRule.add(re);
  return re;
}

/** V8 regexes `compileRuleRegex` chose because they have no repetition (so they run in linear time). */
const boundedV8 = new WeakSet<RegExp>();

function bounded(re: RegExp): RegExp {
  boundedV8.add(re);
  return re;
}

/** Whether a regex repeats anything (`*`, `+`, `{n,m}`) outside character classes and escapes. */
function hasRepetition(source: string): boolean {
  for (const [, c] of syntaxChars(source)) if (c === '*' || c === '+' || c === '{') return true;
  return false;
}

/**
 * A regex matching somewhere in any text that holds a match of `re` (a rule regex tested on part of that text):
 * its leading lookaheads and every `^` and `$` dropped, on an engine as safe as `re`'s. A necessary condition for
 * prefilters: dropping a zero-width assertion (none is left inside a lookaround) only lets more texts match.
 */
export function searchableAnywhere(re: RegExp): RegExp {
  // Leading lookaheads are dropped, not searched for: at a spot in the whole text they may see past the bound text.
  // The anchors are dropped in every branch, not only at the ends of the source: `^a$|^b$` kept `a$|^b`, which
  // holds only at the text's ends, so the prefilter said no where `b` stood alone on a line inside the file, and
  // the search for the never-matching `a$` ran over the whole file on RE2 (most of a Java edit's time).
  const source = unanchored(splitLeadingLookaheads(re.source)?.rest ?? re.source);
  // A leading `.*` changes nothing in a search for a match anywhere, and makes each try run to the line's end.
  return compileLike(re, source.replace(/^\.\*(?![*+?{])/, ''));
}

/** A regex source without its `^` and `$` assertions (those outside escapes and character classes). */
function unanchored(source: string): string {
  let out = '';
  let from = 0;
  for (const [i, c] of syntaxChars(source)) {
    if (c !== '^' && c !== '$') continue;
    out += source.slice(from, i);
    from = i + 1;
  }
  return out + source.slice(from);
}
