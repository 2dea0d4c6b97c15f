import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, parseAnnotations } from '../rules/rule-fixtures';

describe('rule fixture annotations', () => {
  it('points each annotation at the next non-annotation line, in any comment syntax', () => {
    const text = ['// ruleid: a.b', '# ok: c', 'target();', '/* todoruleid: d, e */', 'x'].join('\n');
    assert.deepEqual(parseAnnotations(text), [
      { kind: 'ruleid', ruleId: 'a.b', line: 2 },
      { kind: 'ok', ruleId: 'c', line: 2 },
      { kind: 'todoruleid', ruleId: 'd', line: 4 },
      { kind: 'todoruleid', ruleId: 'e', line: 4 },
    ]);
  });

  it('does not treat trailing text in code as an annotation target of the same line', () => {
    assert.deepEqual(parseAnnotations('call(); // ok: x\nnext();'), [{ kind: 'ok', ruleId: 'x', line: 0 }]);
  });

  it('reads annotations in comments only, not object keys in code', () => {
    const text = ['const r = { ok: true };', "res.json({ ok: result.id, ruleid: x });", '-- ruleid: sql.x', 'q;', '; ok: ini.y', 'k=v'].join('\n');
    assert.deepEqual(parseAnnotations(text), [
      { kind: 'ruleid', ruleId: 'sql.x', line: 3 },
      { kind: 'ok', ruleId: 'ini.y', line: 5 },
    ]);
  });

  it('applies edits from the end so offsets stay valid', () => {
    const out = applyEdits('abc\ndef', [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'X' },
      { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: 'YY' },
    ]);
    assert.equal(out, 'Xbc\ndYYf');
  });
});
