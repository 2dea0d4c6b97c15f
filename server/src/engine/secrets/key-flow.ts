/**
 * Keys that reach a crypto or token API through a name (issue 16): `key = b'…'` … `Fernet(key)`. A rule with
 * `keyThroughName` has a second regex, its call shape with a plain name where the literal would be (`refRegex`).
 * A name found there is resolved in the whole file, by text and without dataflow: it must be assigned exactly once,
 * that once to a quoted literal, and never bound otherwise (a parameter, a loop or `catch` variable, an import,
 * a destructuring); anything else (an env read, a reassignment, a shadowing parameter) reports nothing. The
 * finding sits on the literal, as a direct literal's would, and names the call it reaches. A multi-line rule's call
 * is read over its `multiline` window, for options on later lines (`session({` … `secret: key,`).
 *
 * It reads the whole text, so the analyzer runs it on every run (never from the per-line cache): incremental and
 * full scans agree. It is cheap: a keyword prefilter over the text finds the call lines first.
 */
import { escapeRegExp } from '../regex-guard';
import type { LineIndex } from '../text';
import { shannonEntropy } from './entropy';
import { KeywordPrefilter } from './keyword-prefilter';
import type { SecretRule } from './rule-schema';
import { rejectReason, type SecretMatch } from './secret-scanner';

/** Where a key held by a name is used. */
export interface KeyFlowVia {
  /** The call as written up to its opening parenthesis (`crypto.createHmac(`). */
  api: string;
  /** The name passed. */
  name: string;
  /** 0-based line of the call. */
  line: number;
}

interface Ref {
  rule: SecretRule;
  name: string;
  line: number;
  api: string;
  length: number;
}

/** A comment opener before a position on its line: the call there is not code. */
const COMMENTED = /\/\/|\/\*|(?:^|\s)#|^[ \t]*\*/;

/** The call as written: the first `word.word(` (or `x.Key =`) of the match. */
const API = /[\w$.:]+(?:\(|[ \t]*=)/;

/** Finds key flows for the rules that have a `refRegex`. Immutable; one per scanner. */
export class KeyFlowFinder {
  private readonly rules: SecretRule[];
  private readonly prefilter: KeywordPrefilter;
  /** Any of the rules' keywords: most files have none, and one native search says so faster than the prefilter. */
  private readonly gate: RegExp;

  constructor(rules: readonly SecretRule[]) {
    this.rules = rules.filter((r) => r.refRegex);
    this.prefilter = new KeywordPrefilter(this.rules.map((r) => r.keywords));
    const words = [...new Set(this.rules.flatMap((r) => r.keywords))].map(escapeRegExp);
    this.gate = new RegExp(words.join('|') || '(?!)', 'i');
  }

  /** Matches on the literals of names that reach a rule's call; `active` is indexed like the scanner's `rules`. */
  find(text: string, lines: LineIndex, code: boolean, isActive: (rule: SecretRule) => boolean): (SecretMatch & { via: KeyFlowVia })[] {
    if (this.rules.length === 0 || !this.gate.test(text)) return [];
    const refs: Ref[] = [];
    for (const hit of this.prefilter.scan(text)) {
      for (const i of hit.rules) {
        const rule = this.rules[i]!;
        if (!isActive(rule)) continue;
        // A multi-line rule's call may put the name on a later line (`session({` … `secret: key,`).
        const last = Math.min(hit.line + rule.multiline, lines.lineCount - 1);
        const from = lines.lineStarts[hit.line]!;
        const window = text.slice(from, lines.lineStarts[last]! + lines.lineText(last).length);
        const re = rule.refRegex!;
        re.lastIndex = 0;
        for (let m = re.exec(window); m; m = re.exec(window)) {
          if (m[0].length === 0) re.lastIndex++;
          const name = m.groups?.ref;
          const at = lines.positionAt(from + m.index);
          if (!name || COMMENTED.test(lines.lineText(at.line).slice(0, at.character))) continue;
          const api = API.exec(m[0])?.[0].replace(/[ \t]+/g, ' ') ?? m[0];
          refs.push({ rule, name, line: at.line, api, length: m[0].length });
        }
      }
    }
    if (refs.length === 0) return [];
    const out: (SecretMatch & { via: KeyFlowVia })[] = [];
    const defs = new Map<string, Definition | undefined>();
    const seen = new Set<string>();
    for (const ref of refs) {
      if (!defs.has(ref.name)) defs.set(ref.name, singleLiteral(text, ref.name));
      const def = defs.get(ref.name);
      if (!def) continue;
      // One finding per rule and literal: the first call that reaches it names the API.
      const key = `${ref.rule.id}\u0000${def.offset}`;
      if (seen.has(key)) continue;
      const start = lines.positionAt(def.offset);
      const lineText = lines.lineText(start.line);
      const at = { line: lineText, start: start.character, end: start.character + def.value.length };
      if (COMMENTED.test(lineText.slice(0, def.matchOffset - lines.lineStarts[start.line]!))) continue;
      if (rejectReason(ref.rule, def.value, def.match, lineText, ref.name, code ? lineText[start.character - 1] : undefined, code, at) !== undefined) continue;
      seen.add(key);
      out.push({
        rule: ref.rule,
        secret: def.value,
        start,
        end: lines.positionAt(def.offset + def.value.length),
        // Both places are evidence: ahead of a name rule's match on the same literal, which knows less.
        matchLength: def.match.length + ref.length,
        matchStart: lines.positionAt(def.matchOffset),
        name: ref.name,
        entropy: shannonEntropy(def.value),
        via: { api: ref.api, name: ref.name, line: ref.line },
      });
    }
    return out;
  }
}

interface Definition {
  value: string;
  /** Offset of the value in the text. */
  offset: number;
  match: string;
  matchOffset: number;
}

/** `name`'s one assignment, when it is a quoted literal and the name is bound nowhere else in `text`. */
export function singleLiteral(text: string, name: string): Definition | undefined {
  const n = name.replace(/\$/g, '\\$');
  const w = `(?<![\\w$.])${n}(?![\\w$])`;
  // Assignments of the name itself (`this.x`/`self.x` too: a field the setter changes); not `==`, `=>`, `<=`.
  const assign = new RegExp(`(?:(?<![\\w$.])(?:this|self)\\.|(?<![\\w$.]))${n}(?:[ \\t]*:[ \\t]*[\\w.<>\\[\\]|]+)?[ \\t]*(?:\\*\\*|//|<<|>>>?|\\?\\?|\\|\\||&&|[-+*/%|&^])?:?=(?![=>])`, 'g');
  let count = 0;
  for (assign.lastIndex = 0; assign.exec(text); ) if (++count > 1) return undefined;
  if (count !== 1) return undefined;
  for (const other of otherBindings(n, w)) if (other.test(text)) return undefined;
  const def = new RegExp(
    `(?:^|[;{]|\\b(?:const|let|var|final)\\b)[ \\t]*(?:(?:export|private|public|protected|internal|static|final|readonly|const|let|var)[ \\t]+)*` +
      `(?:[\\w.<>\\[\\]]+[ \\t]+)?${n}(?:[ \\t]*:[ \\t]*[\\w.<>\\[\\]|]+|[ \\t]+[\\w.\\[\\]]+)?[ \\t]*:?=[ \\t]*` +
      `(?:Buffer\\.from\\([ \\t]*|\\[\\]byte\\([ \\t]*)?[bB]?(["'\`])(?<value>[^\\s"'\`\\\\]{10,300})\\1` +
      // The literal is the whole value: not `'abc' + suffix`, not a ternary's branch.
      `(?=(?:[ \\t]*\\))?(?:\\.(?:getBytes|encode)\\([^()\\n]*\\))?[ \\t]*(?:[;,]|#|//|\\r?$))`,
    'dgm',
  );
  const m = def.exec(text);
  const span = m?.indices?.groups?.value;
  if (!m || !span) return undefined;
  return { value: m.groups!.value!, offset: span[0], match: m[0], matchOffset: m.index };
}

/** Bindings of a name other than an assignment: any of them means the name is not one constant. */
function otherBindings(n: string, w: string): RegExp[] {
  return [
    // A parameter: `def f(a, key):`, `function f(key) {`, `func f(key string)` (before the body's brace).
    new RegExp(`\\b(?:def|function|func|fn|fun)\\b[^\\n{]*?${w}`),
    new RegExp(`(?:\\([^()\\n]*${w}[^()\\n]*\\)|${w})[ \\t]*=>`),
    new RegExp(`\\blambda\\b[^:\\n]*${w}[^:\\n]*:`),
    // A typed parameter or declaration without a value (Java `String key)`, Go `key string,`).
    new RegExp(`[(,][ \\t]*(?:final[ \\t]+)?[\\w.<>\\[\\]]+[ \\t]+${n}[ \\t]*[,)]`),
    new RegExp(`[(,][ \\t]*${n}[ \\t]+[\\w.\\[\\]*]+[ \\t]*[,)]`),
    // Loop, `catch`, `as` and import bindings.
    new RegExp(`\\bfor\\b[ \\t(]*(?:const|let|var|final)?[^;\\n]*?${w}[^;\\n]*?(?:\\b(?:in|of)\\b|[ \\t]:[ \\t])`),
    new RegExp(`\\bcatch[ \\t]*\\([ \\t]*(?:[\\w.|]+[ \\t]+)?${n}\\b`),
    new RegExp(`\\bas[ \\t]+${n}(?![\\w$])`),
    new RegExp(`\\bimport\\b[^\\n]*${w}`),
    // Destructuring and tuple assignment.
    new RegExp(`[{\\[][^=\\n{}\\[\\]]*${w}[^=\\n{}\\[\\]]*[}\\]][ \\t]*=(?![=>])`),
    new RegExp(`^[ \\t]*\\(?(?:[\\w$.*]+[ \\t]*,[ \\t]*)+${n}(?![\\w$])[^=\\n]*=(?![=>])`, 'm'),
    new RegExp(`^[ \\t]*\\(?${n}[ \\t]*,[^=\\n]*=(?![=>])`, 'm'),
  ];
}
