/**
 * TextWords (the taint prefilters' words, updated from the changed region of each edit): after any chain of edits
 * its answers equal the regexes it replaces run over the whole text, and a fresh index of the same text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextWords } from '../../server/src/engine/taint/text-words';
import { assertProperty } from './property-seeds';

// A small alphabet, so that edits join and split runs, and `-`/`_` sit inside and between them.
const chunk = fc.array(fc.constantFrom('a', 'b', 'ab', '_', '-', '1', ' ', '.', '\n', 'req', 'x_y'), { maxLength: 12 }).map((xs) => xs.join(''));
const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 6 }), text: chunk });
const probes = ['a', 'b', 'ab', 'ba', 'a_b', 'req', 'x_y', 'y', '1', 'a1', 'abab', 'req_a', 'x', '_', 'b_'];

function check(w: TextWords, text: string): void {
  const replaced = text.replace(/-/g, '_');
  const parts = new Set(text.match(/[A-Za-z0-9]+/g) ?? []);
  for (const p of probes) {
    if (/^[A-Za-z_]\w*$/.test(p)) assert.equal(w.hasWord(p), new RegExp(`\\b${p}\\b`).test(replaced), `hasWord ${p} in ${JSON.stringify(text)}`);
    assert.equal(w.contains(p), replaced.includes(p), `contains ${p} in ${JSON.stringify(text)}`);
    assert.equal(w.words.has(p), parts.has(p), `words.has ${p} in ${JSON.stringify(text)}`);
  }
}

describe('TextWords', () => {
  it('answers as the whole-text regexes do after every edit of a chain (needles asked before and after the edits)', () => {
    assertProperty(
      fc.property(chunk, fc.array(edit, { maxLength: 12 }), fc.boolean(), (start, edits, askFirst) => {
        const w = TextWords.of(start);
        if (askFirst) check(w, start);
        let text = start;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.len));
          w.update(text);
          check(w, text);
        }
        check(TextWords.of(text), text);
      }),
      300,
    );
  });

  it('reads only the changed region: a one-character edit inside a long text moves one run', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `const v${i} = call_${i % 7}(req-${i});`).join('\n');
    const w = TextWords.of(text);
    assert.equal(w.hasWord('v1999'), true);
    const at = text.indexOf('v1000');
    w.update(`${text.slice(0, at)}w${text.slice(at + 1)}`);
    assert.equal(w.hasWord('v1000'), false);
    assert.equal(w.hasWord('w1000'), true);
    assert.equal(w.hasWord('req_1000'), true, '`-` is read as `_`');
    assert.equal(w.words.has('req'), true);
    assert.equal(w.words.has('call'), true);
    assert.equal(w.contains('all_6'), true);
  });
});
