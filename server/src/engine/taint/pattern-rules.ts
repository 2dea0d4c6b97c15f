/**
 * Pattern rules (`kind: pattern` in the taint rule format): weaknesses that need no source, such as MD5 on a
 * password or `verify=False`. One walk of the tree serves every pattern rule that passed the text prefilter:
 * each node is tried only against the clauses whose pattern root has its node type.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { SourceDocument } from '../document';
import { compileGlob, type GlobMatcher } from '../glob';
import { boundText, matchPattern, missingKeys, type Bindings, type CanonicalResolver } from '../patterns/pattern';
import { PatternIndex } from '../patterns/pattern-index';
import { redactSecrets } from '../redact';
import { searchableAnywhere } from '../regex-guard';
import { detached, diffSpan, type TextSpan } from '../text';
import type { Finding, Fix, Range } from '../types';
import { BudgetExceeded, errorShape } from './dataflow';
import { suppressFix } from './fixes';
import type { CheckContext, LanguageModule, StructuralCheck } from './lang';
import type { Compiled, CompiledClause, CompiledRule } from './rule-set';
import type { PatternSpec } from './rule-schema';
import type { TextWords } from './text-words';

/** What one clause needs in a file: regexes on the words (`-` read as `_`) and on the original text. */
interface ClauseNeeds {
  /** The pattern's plain words, each of which must be a whole word. */
  plain: string[];
  words: RegExp[];
  text: RegExp[];
}

const prefilterCache = new WeakMap<CompiledRule, ClauseNeeds[]>();

/**
 * Whether a pattern rule can match a text: for one of its clauses, every plain word of the pattern appears (in
 * `words`: the text with `-` read as `_`, as imports are named) and every `where` regex, its anchors dropped,
 * matches somewhere in `text`. A necessary condition only, so files without the rule's words skip it.
 */
export function patternRuleMayApply(rule: CompiledRule, words: string | TextWords, text: string): boolean {
  let alts = prefilterCache.get(rule);
  if (!alts) {
    alts = rule.patterns.map((c) => {
      const plain = c.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? [];
      return { plain, words: plain.map((w) => new RegExp(`\\b${w}\\b`)), text: c.where.map(([, re]) => searchableAnywhere(re)) };
    });
    prefilterCache.set(rule, alts);
  }
  // With the text's words at hand, `\bword\b` is a look-up (see TextWords) instead of a scan of the whole text.
  const hasAll = typeof words === 'string' ? (need: ClauseNeeds): boolean => need.words.every((re) => re.test(words)) : (need: ClauseNeeds): boolean => need.plain.every((w) => words.hasWord(w));
  return alts.some((need) => hasAll(need) && need.text.every((re) => re.test(text)));
}

const pathCache = new WeakMap<CompiledRule, { include: GlobMatcher[]; exclude: GlobMatcher[] } | null>();

/** Whether the rule's `paths` filter lets the document's path through (paths compare with `/` separators). */
export function patternRulePathApplies(rule: CompiledRule, path: string): boolean {
  let m = pathCache.get(rule);
  if (m === undefined) {
    const f = rule.spec.paths;
    m = f ? { include: f.include.map((g) => compileGlob(g, { matchBase: true })), exclude: f.exclude.map((g) => compileGlob(g, { matchBase: true })) } : null;
    pathCache.set(rule, m);
  }
  if (!m) return true;
  const p = path.replace(/\\/g, '/');
  return (m.include.length === 0 || m.include.some((g) => g.match(p))) && !m.exclude.some((g) => g.match(p));
}

function matchOne(c: Compiled<PatternSpec>, n: Node, resolve: CanonicalResolver): Bindings | undefined {
  const b = matchPattern(c.pattern, n, resolve, undefined, c.where);
  if (!b) return undefined;
  for (const [mv, re] of c.where) {
    const bound = boundText(b, mv);
    if (bound === undefined || !re.test(bound)) return undefined;
  }
  return b;
}

/** Metavariable text for a message or fix title: one line, short, secrets masked (it can quote a literal key). */
function shortText(s: string): string {
  const t = redactSecrets(s.replace(/\s+/g, ' '));
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** One unit's pattern findings as last computed, at the line it then started on, and the work it took. */
interface PatternUnitEntry {
  findings: Finding[];
  line: number;
  work: number;
}

/**
 * Pattern findings of the last run per unit (a top-level statement with its subtree), keyed by the unit's text
 * from the start of its first line (so the column and the indentation a suppress fix copies are in the key).
 * A finding depends only on the unit's own subtree, the rules in play, the imports and the line-break style
 * (`context`): an unchanged unit reuses its findings moved by whole lines, and an edit walks only changed units.
 */
export interface PatternUnitCache {
  context: string;
  units: Map<string, PatternUnitEntry>;
  /** The last run's units (the root's children) and their keys, reused outside the text's changed span. */
  top?: PatternUnits;
}

/** A run's units in order: offsets and keys, and the text they were read from. */
interface PatternUnits {
  text: string;
  starts: number[];
  ends: number[];
  /** None for a unit holding a syntax error (its key has its parse, which may change with the same text). */
  keys: (string | undefined)[];
}

/** An empty pattern cache, for one document session. */
export function newPatternUnitCache(): PatternUnitCache {
  return { context: '', units: new Map() };
}

type RuleClause = { rule: CompiledRule; clause: CompiledClause };

/** Per first rule, per the ids of all the rules: their clauses' index (rule sets differ by file, by the prefilter). */
const clauseIndexes = new WeakMap<CompiledRule, Map<string, PatternIndex<RuleClause>>>();

/** The clauses of `rules` by node type and name (see PatternIndex), in rule then clause order; built once per set. */
function clauseIndex(rules: readonly CompiledRule[]): PatternIndex<RuleClause> {
  const first = rules[0];
  const empty = (): PatternIndex<RuleClause> => new PatternIndex<RuleClause>([], (c) => c.clause.pattern, () => []);
  if (!first) return empty();
  const ids = rules.map((r) => r.spec.id).join('\u0000');
  let byIds = clauseIndexes.get(first);
  if (!byIds) clauseIndexes.set(first, (byIds = new Map()));
  let index = byIds.get(ids);
  if (!index) {
    const clauses = rules.flatMap((rule) => rule.patterns.map((clause): RuleClause => ({ rule, clause })));
    index = new PatternIndex(clauses, (c) => c.clause.pattern, (c) => [c.clause.pattern.root.type]);
    if (byIds.size >= 256) byIds.clear();
    byIds.set(ids, index);
  }
  return index;
}

/**
 * Runs pattern rules over a tree, charging `meter` one step per node and clause tried; throws `BudgetExceeded`
 * past its budget. `resolve` maps an identifier to what it was imported as, so `crypto.createHash`
 * also matches `createHash` imported from `crypto`. Findings are deduplicated per rule and start position.
 * With a `cache` (and `context`: what besides its own text every unit depends on), units whose text is unchanged
 * reuse their findings and are charged the steps they took, so the budget cuts exactly where a walk would.
 * A clause's structural check (`check:`) runs last on a match; its file-wide facts are part of every unit's key.
 * `oneShot`: no later run reads `cache` (a one-shot scan): the facts are computed when a check first needs them (most
 * files have no match to check) and the cache is left empty.
 */
export function runPatternRules(
  doc: SourceDocument,
  tree: Tree,
  rules: CompiledRule[],
  resolve: CanonicalResolver,
  meter: { spent: number; budget: number },
  cache: PatternUnitCache = newPatternUnitCache(),
  context = '',
  stats?: { patternSteps: number; patternUnitsWalked: number; factsComputed?: number; patternKeysBuilt?: number },
  oneShot = false,
  change?: { old: string; span: TextSpan },
): Finding[] {
  if (!oneShot) return runPatternRulesBy(doc, tree, rules, resolve, meter, cache, context, stats, false, false, change);
  // A one-shot run lists each unit's nodes of the clauses' types in one wasm call (see `listUnit`); cut by its budget
  // there, it is run again node by node from the start, so it stops where a walk stops, with the same work counted.
  const spent = meter.spent;
  const counted = stats && { patternSteps: stats.patternSteps, patternUnitsWalked: stats.patternUnitsWalked, factsComputed: stats.factsComputed };
  try {
    return runPatternRulesBy(doc, tree, rules, resolve, meter, cache, context, stats, true, true);
  } catch (e) {
    if (!(e instanceof BudgetExceeded) || !patternWalk.listUnits) throw e;
    meter.spent = spent;
    if (stats && counted) Object.assign(stats, counted);
    return runPatternRulesBy(doc, tree, rules, resolve, meter, cache, context, stats, true, false);
  }
}

/** Whether a one-shot run lists units' nodes (`listUnit`) instead of walking them: off only in tests that compare. */
export const patternWalk = { listUnits: true };

function runPatternRulesBy(
  doc: SourceDocument,
  tree: Tree,
  rules: CompiledRule[],
  resolve: CanonicalResolver,
  meter: { spent: number; budget: number },
  cache: PatternUnitCache,
  context: string,
  stats: { patternSteps: number; patternUnitsWalked: number; factsComputed?: number; patternKeysBuilt?: number } | undefined,
  oneShot: boolean,
  listed: boolean,
  change?: { old: string; span: TextSpan },
): Finding[] {
  listed &&= patternWalk.listUnits;
  const fullIndex = clauseIndex(rules);
  let index = fullIndex;
  // Rules with a clause whose structural check can rule a statement out by its text (`unitMayHold`): per statement,
  // the rules left, so a statement none applies to is not walked (a pattern with no word would walk every node).
  const unitFiltered = rules.some((r) => r.patterns.some((c) => c.check?.unitMayHold));
  const rulesFor = (unitText: string): CompiledRule[] =>
    rules.filter((r) => r.patterns.some((c) => !c.check?.unitMayHold || c.check.unitMayHold(unitText)));
  // Structural checks read the file beyond a unit only through their facts, which are part of every unit's key.
  // Once per facts function: checks may share one.
  const factsBy = new Map<NonNullable<StructuralCheck['facts']>, string>();
  const factsOf = (check: StructuralCheck): string => {
    const fn = check.facts;
    if (!fn) return '';
    let f = factsBy.get(fn);
    if (f === undefined) {
      factsBy.set(fn, (f = fn(tree.rootNode, doc.text)));
      if (stats) stats.factsComputed = (stats.factsComputed ?? 0) + 1;
    }
    return f;
  };
  const checks = new Set<StructuralCheck>();
  for (const r of rules) for (const c of r.patterns) if (c.check) checks.add(c.check);
  // A cache no later run reads needs no key: no facts are computed up front.
  const factsKey = oneShot ? '' : [...checks].map(factsOf).join('\u0001');
  const checkContext = (check: StructuralCheck): CheckContext => ({
    get facts() {
      return factsOf(check);
    },
    memo,
    charge: (steps) => {
      meter.spent += steps;
      if (stats) stats.patternSteps += steps;
      if (meter.spent > meter.budget) throw new BudgetExceeded();
    },
  });
  const memo = new Map<string, unknown>();
  // The ids joined by a loop, not `map(...).join`: an empty rule list's mapped array has another elements kind,
  // which deoptimised this function once per thread (a ~0.2 s re-compile; docs/perf-notes-scan.md, session 19).
  let ids = '';
  for (let i = 0; i < rules.length; i++) ids += (i > 0 ? ',' : '') + rules[i]!.spec.id;
  const key = `${ids}\u0000${context}\u0000${factsKey}\u0000${doc.lines.eol}`;
  if (oneShot || cache.context !== key) {
    cache.context = key;
    cache.units.clear();
  }
  const previous = cache.units;
  // Only this run's units are kept: the cache never outgrows one file.
  const kept = new Map<string, PatternUnitEntry>();
  const findings: Finding[] = [];
  const scopeIndex: ScopeIndex = new Map();
  const text = doc.text;
  const cursor = tree.walk();
  let finished = false;
  // A unit's key is its text from its line's start plus, if it holds a syntax error, its parse (which the text alone
  // does not decide: errorShape). Outside the span of the text that changed since the last run, a unit at the same
  // offsets (moved by the span's length change after it) whose line starts outside the span has the same text: its
  // key is the last run's (the same string, already hashed), so an edit slices and hashes only the edited units.
  // A unit's node is read for its error flag only when the tree has an error (the flag is its subtree's).
  const errors = tree.rootNode.hasError;
  const last = oneShot ? undefined : cache.top;
  const span = !last ? undefined : last.text === text ? null : change && change.old === last.text ? change.span : diffSpan(last.text, text);
  const now: PatternUnits | undefined = oneShot ? undefined : { text, starts: [], ends: [], keys: [] };
  const m = last ? last.starts.length : 0;
  const n = last ? tree.rootNode.childCount : 0;
  const delta = span ? span.newEnd - span.oldEnd : 0;
  const lastKey = (i: number, start: number, end: number): string | undefined => {
    if (!last || span === undefined) return undefined;
    let j = i;
    let moved = 0;
    if (span !== null && end > span.start) {
      // After the span, counted from the end (the unit count may differ), and with its line's break after it too.
      if (start < span.newEnd || text.lastIndexOf('\n', start - 1) < span.newEnd) return undefined;
      j = m - (n - i);
      moved = delta;
    }
    return j >= 0 && j < m && last.starts[j] === start - moved && last.ends[j] === end - moved ? last.keys[j] : undefined;
  };
  try {
    // The root itself (a pattern could be rooted there), then each top-level child as a unit.
    visit(findings, new Set());
    if (cursor.gotoFirstChild()) {
      do {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        const erred = errors && cursor.currentNode.hasError;
        let unitKey = erred ? undefined : lastKey(now ? now.starts.length : 0, start, end);
        if (unitKey === undefined) {
          if (stats?.patternKeysBuilt !== undefined) stats.patternKeysBuilt++;
          // Kept across edits (see `PatternUnits`): a slice would keep this whole version of the text alive (`detached`).
          unitKey = detached(text.slice(text.lastIndexOf('\n', start - 1) + 1, end) + (erred ? errorShape(cursor.currentNode) : ''));
        }
        if (now) {
          now.starts.push(start);
          now.ends.push(end);
          now.keys.push(erred ? undefined : unitKey);
        }
        const line = doc.lines.positionAt(start).line;
        const hit = kept.get(unitKey) ?? previous.get(unitKey);
        if (hit) {
          meter.spent += hit.work;
          if (meter.spent > meter.budget) throw new BudgetExceeded();
          findings.push(...(hit.line === line ? hit.findings : hit.findings.map((f) => shiftFinding(f, line - hit.line))));
          kept.set(unitKey, hit);
          continue;
        }
        const before = meter.spent;
        const own: Finding[] = [];
        const unitRules = unitFiltered ? rulesFor(unitKey) : rules;
        if (unitRules.length > 0) {
          index = unitRules.length === rules.length ? fullIndex : clauseIndex(unitRules);
          if (!listed || !listUnit(own)) walkUnit(own);
          index = fullIndex;
          if (stats) stats.patternUnitsWalked++;
        }
        findings.push(...own);
        kept.set(unitKey, { findings: own, line, work: meter.spent - before });
      } while (cursor.gotoNextSibling());
    }
    finished = true;
    // Per rule and start position, as one walk of the whole tree dedups (a match at the root can focus inside a unit).
    const seen = new Set<string>();
    return findings.filter((f) => {
      const k = `${f.ruleId}\u0000${f.range.start.line}:${f.range.start.character}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
  } finally {
    cursor.delete();
    // A run cut by the budget keeps what it computed too (each entry is exact); a finished run only its own units.
    if (oneShot) cache.context = '';
    else if (finished) cache.units = kept;
    else for (const [k, v] of kept) previous.set(k, v);
    // Only a whole list is a base for the next run's (its units after the span are counted from the end).
    if (!oneShot) cache.top = finished ? now : undefined;
  }

  /** The subtree under the cursor, depth-first and iteratively (deep trees must not overflow the stack). */
  function walkUnit(out: Finding[]): void {
    const seen = new Set<string>();
    let depth = 0;
    for (;;) {
      visit(out, seen);
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        if (depth === 0) return;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth--;
      }
    }
  }

  /**
   * The unit under the cursor as `walkUnit` visits it, from one list of its nodes of the clauses' types (one wasm
   * call, where the walk makes several per node): each such node is charged and tried when the walk would, in
   * document order; the one step of each other node is charged after them. The findings, and the work counted at the
   * end of the unit, are the walk's; a run cut inside a unit is cut elsewhere than by the walk, and is run again
   * walking (see `runPatternRules`). False where it does not apply (a unit with a syntax error, whose zero-width
   * nodes a list may leave out): the caller walks.
   */
  function listUnit(out: Finding[]): boolean {
    const unit = cursor.currentNode;
    if (unit.hasError) return false;
    const seen = new Set<string>();
    const types = index.types();
    let typed = 0;
    if (types.length > 0) {
      for (const node of unit.descendantsOfType(types)) {
        // The walk tries named nodes only (an anonymous token can share a name).
        if (!node || !node.isNamed) continue;
        typed++;
        visitNode(node, index.ofType(node.type).length, out, seen);
      }
    }
    const rest = unit.descendantCount - typed;
    meter.spent += rest;
    if (stats) stats.patternSteps += rest;
    if (meter.spent > meter.budget) throw new BudgetExceeded();
    return true;
  }

  function visit(out: Finding[], seen: Set<string>): void {
    const ofType = cursor.nodeIsNamed ? index.ofType(cursor.nodeType).length : 0;
    if (ofType === 0) {
      meter.spent += 1;
      if (stats) stats.patternSteps += 1;
      if (meter.spent > meter.budget) throw new BudgetExceeded();
      return;
    }
    visitNode(cursor.currentNode, ofType, out, seen);
  }

  function visitNode(node: Node, ofType: number, out: Finding[], seen: Set<string>): void {
    // Counted work, not time: the same text stops at the same place on every machine. Charged for every clause of
    // the node's type, as before the name index: where the budget cuts is part of the results.
    meter.spent += 1 + ofType;
    if (stats) stats.patternSteps += 1 + ofType;
    if (meter.spent > meter.budget) throw new BudgetExceeded();
    if (ofType === 0) return;
    for (const { rule, clause } of index.candidates(node, resolve)) {
      const b = matchOne(clause, node, resolve);
      if (!b) continue;
      let missing: string[] | undefined;
      if (clause.spec.missing) {
        missing = missingKeys(node, clause.spec.missing);
        if (!missing || missing.length === 0) continue;
      }
      if (rule.patternNot.some((not) => matchOne(not, node, resolve))) continue;
      if (clause.scopeHas.length > 0 || clause.scopeLacks.length > 0) {
        const scope = scopeOf(node, b, rule.module, clause);
        if (clause.scopeHas.length > 0 && !clause.scopeHas.some((p) => scopeHolds(scope, p, clause, b, resolve, meter, scopeIndex, stats))) continue;
        if (clause.scopeLacks.some((p) => scopeHolds(scope, p, clause, b, resolve, meter, scopeIndex, stats))) continue;
      }
      if (clause.check && !clause.check.holds(node, b, checkContext(clause.check))) continue;
      const at = (clause.spec.focus ? b.get(clause.spec.focus) : undefined) ?? node;
      const key = `${rule.spec.id}\u0000${at.startIndex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(toFinding(doc, rule, clause, b, node, at, missing));
    }
  }
}

/**
 * Where a clause's `scope-has`/`scope-lacks` look: the innermost function around the match that assigns every plain
 * name the scope patterns share with the clause (`dbf = …`), else the top-level statement holding the match (a
 * class in Java, whose fields may be set up elsewhere in it). Never wider than that statement: the pattern cache
 * reuses a statement's findings while its own text is unchanged.
 */
function scopeOf(node: Node, b: Bindings, module: LanguageModule, clause: CompiledClause): Node {
  let top = node;
  while (top.parent?.parent) top = top.parent;
  const shared = new Set([...clause.scopeHas, ...clause.scopeLacks].flatMap((p) => p.pattern.metavars));
  const names = [...shared].flatMap((mv) => {
    const t = b.has(mv) ? boundText(b, mv) : undefined;
    return t !== undefined && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(t) ? [t] : [];
  });
  const assigned = names.map((n) => new RegExp(`(?:^|[^\\w$.])${n.replace(/[.$]/g, '\\$&')}\\s*:?=(?!=)`));
  for (let n = node.parent; n && n.id !== top.id; n = n.parent) {
    if (module.functionTypes.has(n.type) && assigned.every((re) => re.test(n!.text))) return n;
  }
  return top;
}

/**
 * What one run learnt about scopes: per scope pattern and scope node, the texts its matches bound to the metavariables
 * it shares with its clause. A scope is searched once per pattern, however many matches share it (every use of a
 * class field shares the class), so the work stays linear in the file.
 */
type ScopeIndex = Map<Compiled<PatternSpec>, Map<number, Set<string>>>;

/** The texts bound to `shared`, as one key. */
const sharedKey = (b: Bindings, shared: readonly string[]): string => shared.map((mv) => boundText(b, mv) ?? '').join('\u0000');

/**
 * Whether some node in `scope` matches `p` with the metavariables it shares with the clause bound as in `b`. Each
 * node counts by its first match; one step per node searched, and one per lookup.
 */
function scopeHolds(
  scope: Node,
  p: Compiled<PatternSpec>,
  clause: CompiledClause,
  b: Bindings,
  resolve: CanonicalResolver,
  meter: { spent: number; budget: number },
  index: ScopeIndex,
  stats?: { patternSteps: number },
): boolean {
  const shared = p.pattern.metavars.filter((mv) => clause.pattern.metavars.includes(mv));
  const step = (): void => {
    if (++meter.spent > meter.budget) throw new BudgetExceeded();
    if (stats) stats.patternSteps++;
  };
  step();
  let byScope = index.get(p);
  if (!byScope) index.set(p, (byScope = new Map()));
  let keys = byScope.get(scope.id);
  if (!keys) {
    keys = new Set();
    for (const n of scope.descendantsOfType(p.pattern.root.type)) {
      if (!n) continue;
      step();
      const m = matchPattern(p.pattern, n, resolve, undefined, p.where);
      if (m && p.where.every(([mv, re]) => re.test(boundText(m, mv) ?? ''))) keys.add(sharedKey(m, shared));
    }
    // Stored only once complete: a search cut by the budget is not half-remembered.
    byScope.set(scope.id, keys);
  }
  return keys.has(sharedKey(b, shared));
}

/**
 * The edit inserting `code` on its own line before the statement holding `node`, at its indentation; undefined
 * when that statement does not start its line or the match is not in a statement list (an expression-bodied
 * lambda), where a new line could change what the code means.
 */
function insertionBefore(doc: SourceDocument, node: Node, module: LanguageModule, code: string): Fix['edits'][number] | undefined {
  let stmt = node;
  while (stmt.parent && !module.blockTypes.has(stmt.parent.type)) {
    if (module.functionTypes.has(stmt.parent.type)) return undefined;
    stmt = stmt.parent;
  }
  if (!stmt.parent) return undefined;
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const indent = text.slice(lineStart, stmt.startIndex);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const at = doc.lines.positionAt(lineStart);
  return { range: { start: at, end: at }, newText: `${indent}${code}${doc.lines.eolAt(at.line)}` };
}

/** A finding of a unit that moved by `delta` whole lines (its text, column and indentation unchanged). */
function shiftFinding(f: Finding, delta: number): Finding {
  const range = (r: Range): Range => ({ start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } });
  return { ...f, range: range(f.range), ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: range(e.range) })) })) } : {}) };
}

function toFinding(doc: SourceDocument, rule: CompiledRule, clause: CompiledClause, b: Bindings, node: Node, at: Node, missing: string[] | undefined): Finding {
  const range: Range = doc.lines.rangeOf(at.startIndex, at.endIndex);
  const message = rule.spec.message
    .replace(/\$MISSING\b/g, (missing ?? []).join(', '))
    .replace(/\$[A-Z_][A-Z0-9_]*\b/g, (mv) => {
      const t = boundText(b, mv);
      return t === undefined ? mv : shortText(t);
    });
  const fixes: Fix[] = [];
  const replace = clause.spec.replace;
  if (replace) {
    const edits = Object.entries(replace).flatMap(([mv, text]) => {
      const n = b.get(mv);
      return n ? [{ range: doc.lines.rangeOf(n.startIndex, n.endIndex), newText: text }] : [];
    });
    if (edits.length > 0) {
      const what = Object.entries(replace).map(([mv, text]) => `${shortText(boundText(b, mv) ?? mv)} → ${text}`).join(', ');
      fixes.push({ title: `Vigil: replace ${what}`, kind: 'fix', isPreferred: true, edits });
    }
  }
  if (clause.spec.insertBefore) {
    const code = clause.spec.insertBefore.replace(/\$[A-Z_][A-Z0-9_]*\b/g, (mv) => boundText(b, mv) ?? mv);
    const edit = insertionBefore(doc, node, rule.module, code);
    if (edit) fixes.push({ title: `Vigil: insert ${shortText(code)}`, kind: 'fix', isPreferred: true, edits: [edit] });
  }
  fixes.push(suppressFix(rule.spec.id, range, doc));
  return {
    ruleId: rule.spec.id,
    pack: 'taint',
    severity: rule.spec.severity,
    cwe: rule.spec.cwe,
    message,
    range,
    docsUrl: rule.docsUrl,
    fixes,
    properties: { kind: 'pattern', ...(missing ? { missing: missing.join(', ') } : {}) },
  };
}
