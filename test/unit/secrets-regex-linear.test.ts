/**
 * Every built-in secret regex must run in linear time on adversarial input. For each rule we build near-matches
 * from its own keywords, literal prefix and value characters (long runs that almost complete a match, repeated
 * prefixes, unclosed PEM blocks), run each regex over 100 KB and 1 MB of them as one line (multi-line rules
 * through the scanner's windows), and require the 1 MB run to finish within a hang guard of a minute. The
 * throughput numbers are in the benchmark; this test catches a rule that backtracks quadratically or worse.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { loadBuiltinSecretRules, SecretScanner, type SecretRule } from '../../server/src/engine/secrets';
import { LineIndex } from '../../server/src/engine/text';

const { rules } = loadBuiltinSecretRules(defaultRulesDir());

/** The literal text a regex starts with, e.g. `ghp_` for `\b(ghp_[A-Za-z0-9]{36})\b`. */
function literalPrefix(src: string): string {
  let s = src.replace(/^\(\?i\)/, '').replace(/^(?:\\b|\(\?<![^)]*\)|\((?:\?:)?)+/, '');
  let out = '';
  while (s.length > 0) {
    const m = /^(?:\\([-.$/])|([A-Za-z0-9_~:"-]))/.exec(s);
    if (!m) break;
    out += m[1] ?? m[2];
    s = s.slice(m[0].length);
  }
  return out;
}

function adversarial(rule: SecretRule, size: number): string {
  // A rule with no keyword (it runs on the files it names, `files`) sees hex runs, its key's alphabet.
  const kw = rule.keywords[0] ?? (literalPrefix(rule.regex.source) || '0123456789abcdef');
  const prefixes = [kw, kw.toUpperCase(), literalPrefix(rule.regex.source) || kw];
  const body = 'aB3_-x9+/=.Q7z'.repeat(24);
  const units = [
    // A prefix followed by a value that runs on and on (no boundary, no closing quote).
    ...prefixes.map((p) => `${p}${body}`),
    // Prefix soup: the keyword repeated with no value.
    prefixes.join('').repeat(8),
    // Assignment-shaped near-miss for context and generic rules.
    `${kw}_secret_key = "${'A1b2C3'.repeat(40)}`,
    `${kw}://u${'s'.repeat(60)}:${'p'.repeat(60)}`,
  ];
  const parts: string[] = [];
  let n = 0;
  let i = 0;
  while (n < size) {
    const u = units[i++ % units.length]!;
    parts.push(u);
    n += u.length;
  }
  let text = parts.join('');
  if (rule.multiline > 3) {
    // Block rules (PEM), unclosed: header lines and body lines, no END, so every window runs to its limit.
    const header = `${literalPrefix(rule.regex.source) || kw}\n`;
    const lines = [header, ...Array.from({ length: 40 }, () => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/ab\n')].join('');
    text = lines.repeat(Math.ceil(size / lines.length)).slice(0, size);
  }
  return text.slice(0, size);
}

/**
 * Time of the rule's regex over the whole text (single-line rules see it as one long line, the worst case), or of
 * the scanner's windows for multi-line rules. Best of two runs, since the machine may be shared.
 */
function timeRule(scanner: SecretScanner, text: string): number {
  const rule = scanner.rules[0]!;
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const lines = new LineIndex(text);
    const t0 = performance.now();
    if (rule.multiline > 0) {
      scanner.scanLines({ text, lines, path: '/bench/adversarial.txt', languageId: 'plaintext' }, 0, lines.lineCount - 1, [true]);
    } else {
      rule.regex.lastIndex = 0;
      while (rule.regex.exec(text)) if (rule.regex.lastIndex === 0) break;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('secret regexes run in linear time on adversarial input', () => {
  it('1 MB of near-matches finishes (quadratic backtracking would not, within the guard), for every built-in rule', () => {
    const slow: string[] = [];
    let worst = { id: '', ms: 0 };
    for (const rule of rules) {
      const scanner = new SecretScanner([rule]);
      const small = adversarial(rule, 100_000);
      const large = adversarial(rule, 1_000_000);
      timeRule(scanner, small); // warm up the regex
      const tSmall = timeRule(scanner, small);
      const tLarge = timeRule(scanner, large);
      if (tLarge > worst.ms) worst = { id: rule.id, ms: tLarge };
      // A hang guard, not a speed check (that is `npm run bench`'s): a rule that backtracks quadratically takes
      // many minutes to hours on 1 MB of near-matches; a linear one milliseconds, even on a loaded machine.
      if (tLarge > 60_000) slow.push(`${rule.id}: 100 KB ${tSmall.toFixed(1)} ms, 1 MB ${tLarge.toFixed(1)} ms`);
    }
    console.log(`slowest rule on 1 MB of near-matches: ${worst.id} ${worst.ms.toFixed(1)} ms`);
    assert.deepEqual(slow, []);
  });

  it('parent forms finish on 1 MB of parent-shaped near-matches, through the scanner\'s windows', () => {
    const parents = rules.filter((r) => r.parentRegex);
    assert.ok(parents.length >= 3);
    for (const rule of parents) {
      const name = rule.keywords[rule.keywords.length - 1]!;
      // Hex that breaks off: never a whole value of a provider's format. A generic rule's value takes any such run,
      // so its near-match is one the value filters reject (too little entropy): the regex still does all its work.
      const near = rule.generic ? 'ab'.repeat(12) + 'g' : 'a1b2c3d4e5f6'.repeat(2) + 'g';
      // Each unit: a block parent, an inline mapping, a section; children with keys and values that almost fit;
      // one long line of spaces and separators.
      const unit = [
        `${name}:`,
        ...Array.from({ length: 6 }, (_, k) => `${' '.repeat(2 + k)}"token" : "${near}`),
        `"${name}": {${'"token": 1, '.repeat(30)}`,
        `[x.${name}]`,
        ...Array.from({ length: 6 }, () => `password = ${near}`),
        `${' '.repeat(2000)}${': = '.repeat(200)}`,
        '',
      ].join('\n');
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const scanner = new SecretScanner([rule]);
      const lines = new LineIndex(text);
      const t0 = performance.now();
      const found = scanner.scanLines({ text, lines, path: '/bench/adversarial.yaml', languageId: 'yaml' }, 0, lines.lineCount - 1, [true]);
      const ms = performance.now() - t0;
      console.log(`${rule.id} parent form on 1 MB of near-matches: ${ms.toFixed(1)} ms`);
      assert.equal(found.length, 0);
      assert.ok(ms < 60_000, `${rule.id}: ${ms.toFixed(0)} ms`);
    }
  });

  it('the generator really produces near-matches (a sample rule sees its prefix)', () => {
    const gh = rules.find((r) => r.id === 'secrets.github.classic-pat')!;
    assert.equal(literalPrefix(gh.regex.source), 'ghp_');
    assert.ok(adversarial(gh, 10_000).includes('ghp_aB3_'));
  });
});
