import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeywordPrefilter } from '../../server/src/engine/secrets';

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
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[ab_-]{1,4}$/), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (keywords, text) => {
          const got = new KeywordPrefilter(keywords).scan(text).map((h) => ({ line: h.line, rules: [...h.rules].sort((x, y) => x - y) }));
          assert.deepEqual(got, naive(keywords, text));
        },
      ),
      { numRuns: 400 },
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
});
