import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { KeywordPrefilter, loadBuiltinSecretRules } from '../../server/src/engine/secrets';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { SecretScanner, sharedPrefilter } from '../../server/src/engine/secrets/secret-scanner';
import { LineIndex } from '../../server/src/engine/text';

/** What the automaton must compute: per line, the rules with a keyword in it (ASCII case-insensitive). */
function naive(keywords: string[][], text: string): { line: number; rules: number[] }[] {
  const out: { line: number; rules: number[] }[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const lower = line.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const rules = keywords.flatMap((kws, r) => (kws.some((k) => lower.includes(k)) ? [r] : []));
    if (rules.length > 0) out.push({ line: i, rules });
  });
  return out;
}

describe('keyword prefilter (Aho-Corasick)', () => {
  it('finds exactly the lines and rules a naive search finds', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '_', '-', '\n', '\r\n', 'é', 'ab', 'ba');
    assertProperty(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[ab_-]{1,4}$/), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (keywords, text) => {
          const got = new KeywordPrefilter(keywords).scan(text).map((h) => ({ line: h.line, rules: [...h.rules].sort((x, y) => x - y) }));
          assert.deepEqual(got, naive(keywords, text));
        },
      ),
      400,
    );
  });

  it('scans a sub-range with the right line numbers', () => {
    const pf = new KeywordPrefilter([['ghp_'], ['password']]);
    const text = 'a\nPASSWORD=1\nx ghp_1\n';
    const from = text.indexOf('PASSWORD');
    assert.deepEqual(pf.scan(text, from, text.length, 1), [
      { line: 1, rules: [1] },
      { line: 2, rules: [0] },
    ]);
  });

  it('finds what a naive search finds with the built-in keywords, on every rule fixture and a generated corpus', () => {
    const { rules } = loadBuiltinSecretRules(defaultRulesDir());
    const keywords = rules.map((r) => r.keywords);
    const pf = new KeywordPrefilter(keywords);
    const dir = join(defaultRulesDir(), 'secrets');
    const texts = readdirSync(dir).filter((f) => f.includes('.fixture.') || f.includes('.fixed.')).map((f) => readFileSync(join(dir, f), 'utf8'));
    // Generated: keywords in either case, cut by line breaks of every kind and non-ASCII letters, with noise.
    const pieces = [...new Set(keywords.flat())].flatMap((k) => [k, k.toUpperCase(), `${k.slice(0, 2)}\r\n${k.slice(2)}`, `${k.slice(0, 1)}é${k.slice(1)}`]);
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const noise = ['\n', '\r', '\r\n', ' ', '=', '"', 'x', 'ß', '漢', '_'];
    for (let t = 0; t < 20; t++) {
      let text = '';
      for (let i = 0; i < 2000; i++) text += rnd(3) === 0 ? pieces[rnd(pieces.length)] : noise[rnd(noise.length)];
      texts.push(text);
    }
    for (const text of texts) {
      const got = pf.scan(text).map((h) => ({ line: h.line, rules: [...h.rules].sort((x, y) => x - y) }));
      assert.deepEqual(got, naive(keywords, text));
    }
  });

  it('is built once per set of keywords: the analyzers and the log redaction share the built-in rules\' one', () => {
    const rules = loadBuiltinSecretRules(defaultRulesDir()).rules;
    const a = sharedPrefilter(rules.map((r) => r.keywords));
    assert.equal(sharedPrefilter(rules.map((r) => [...r.keywords])), a, 'equal keywords, other arrays');
    const text = 'const k = "AKIA0000000000000000";\nnothing here\nghp_x github token\n';
    assert.deepEqual(new SecretScanner(rules).scanLines({ text, lines: new LineIndex(text), path: 'a.js', languageId: 'javascript' }, 0, 2, rules.map(() => true)),
      new SecretScanner([...rules]).scanLines({ text, lines: new LineIndex(text), path: 'a.js', languageId: 'javascript' }, 0, 2, rules.map(() => true)));
    const other = sharedPrefilter([['only-this-keyword']]);
    assert.notEqual(other, a);
    // Bounded: eight other sets later, the first is built again.
    for (let i = 0; i < 8; i++) sharedPrefilter([[`kw${i}`]]);
    assert.notEqual(sharedPrefilter([['only-this-keyword']]), other);
  });
});
