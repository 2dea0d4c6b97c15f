/**
 * Pattern rules (`kind: pattern` in the taint rule format): weaknesses that need no source, such as MD5 on a
 * password or `verify=False`. One walk of the tree serves every pattern rule that passed the text prefilter:
 * each node is tried only against the clauses whose pattern root has its node type.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { SourceDocument } from '../document';
import { compileGlob, type GlobMatcher } from '../glob';
import { boundText, matchPattern, missingKeys, type Bindings, type CanonicalResolver } from '../patterns/pattern';
import { redactSecrets } from '../redact';
import { compileLike } from '../regex-guard';
import type { Finding, Fix, Range } from '../types';
import { BudgetExceeded } from './dataflow';
import { suppressFix } from './fixes';
import type { Compiled, CompiledRule } from './rule-set';
import type { PatternClauseSpec, PatternSpec } from './rule-schema';

/** What one clause needs in a file: regexes on the words (`-` read as `_`) and on the original text. */
interface ClauseNeeds {
  words: RegExp[];
  text: RegExp[];
}

const prefilterCache = new WeakMap<CompiledRule, ClauseNeeds[]>();

/**
 * Whether a pattern rule can match a text: for one of its clauses, every plain word of the pattern appears (in
 * `words`: the text with `-` read as `_`, as imports are named) and every `where` regex, its anchors dropped,
 * matches somewhere in `text`. A necessary condition only, so files without the rule's words skip it.
 */
export function patternRuleMayApply(rule: CompiledRule, words: string, text: string): boolean {
  let alts = prefilterCache.get(rule);
  if (!alts) {
    alts = rule.patterns.map((c) => ({
      words: (c.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []).map((w) => new RegExp(`\\b${w}\\b`)),
      text: c.where.map(([, re]) => compileLike(re, re.source.replace(/^\^/, '').replace(/(?<!\\)\$$/, ''))),
    }));
    prefilterCache.set(rule, alts);
  }
  return alts.some((need) => need.words.every((re) => re.test(words)) && need.text.every((re) => re.test(text)));
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

/**
 * Runs pattern rules over a tree, charging `meter` one step per node and clause tried; throws `BudgetExceeded`
 * past its budget. `resolve` maps an identifier to what it was imported as, so `crypto.createHash`
 * also matches `createHash` imported from `crypto`. Findings are deduplicated per rule and start position.
 */
export function runPatternRules(doc: SourceDocument, tree: Tree, rules: CompiledRule[], resolve: CanonicalResolver, meter: { spent: number; budget: number }): Finding[] {
  const byType = new Map<string, { rule: CompiledRule; clause: Compiled<PatternClauseSpec> }[]>();
  for (const rule of rules) {
    for (const clause of rule.patterns) {
      const t = clause.pattern.root.type;
      const list = byType.get(t) ?? [];
      list.push({ rule, clause });
      byType.set(t, list);
    }
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const cursor = tree.walk();
  try {
    return walk();
  } finally {
    cursor.delete();
  }

  function walk(): Finding[] {
    // Depth-first over every node, iteratively (deep trees must not overflow the stack).
    for (;;) {
      const candidates = cursor.nodeIsNamed ? byType.get(cursor.nodeType) : undefined;
      // Counted work, not time: the same text stops at the same place on every machine.
      meter.spent += 1 + (candidates?.length ?? 0);
      if (meter.spent > meter.budget) throw new BudgetExceeded();
      if (candidates) {
        const node = cursor.currentNode;
        for (const { rule, clause } of candidates) {
          const b = matchOne(clause, node, resolve);
          if (!b) continue;
          let missing: string[] | undefined;
          if (clause.spec.missing) {
            missing = missingKeys(node, clause.spec.missing);
            if (!missing || missing.length === 0) continue;
          }
          if (rule.patternNot.some((not) => matchOne(not, node, resolve))) continue;
          const at = (clause.spec.focus ? b.get(clause.spec.focus) : undefined) ?? node;
          const key = `${rule.spec.id}\u0000${at.startIndex}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(toFinding(doc, rule, clause, b, at, missing));
        }
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return findings;
      }
    }
  }
}

function toFinding(doc: SourceDocument, rule: CompiledRule, clause: Compiled<PatternClauseSpec>, b: Bindings, at: Node, missing: string[] | undefined): Finding {
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
