/**
 * The prototype-pollution structural checks read other top-level statements only through their facts (guard
 * helpers and deny lists): an edit of a helper elsewhere in the file must change a merge function's finding, as a
 * fresh scan of the edited text would, though the merge function's own text is unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
const MERGE = `function merge(target, source) {
  for (const key in source) {
    if (!isSafeKey(key)) continue;
    target[key] = isObject(source[key]) ? merge(target[key] || {}, source[key]) : source[key];
  }
  return target;
}
`;
const SAFE = `function isSafeKey(key) {
  return key !== '__proto__' && key !== 'constructor';
}
`;
const NAIVE = `function isSafeKey(key) {
  return key !== 'length';
}
`;

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers({}).analyzers });
});
after(() => engine.dispose());

const lines = (text: string, uri?: string): number[] => {
  const res = uri ? engine.analyze(uri, SETTINGS) : engine.scanText('/w/merge.js', 'javascript', text, SETTINGS);
  return res.findings.filter((f) => f.ruleId === 'js.prototype-pollution.unsafe-merge-function').map((f) => f.range.start.line);
};

describe('prototype-pollution checks: guard helpers are followed, incrementally as in a fresh scan', () => {
  it('a helper that refuses the keys makes the merge safe; one that does not, does not', () => {
    assert.deepEqual(lines(SAFE + MERGE), []);
    assert.deepEqual(lines(NAIVE + MERGE), [6]);
  });

  it('editing only the helper updates the merge function finding', () => {
    const uri = 'file:///w/merge-edit.js';
    engine.open(uri, '/w/merge-edit.js', 'javascript', SAFE + MERGE, 1);
    assert.deepEqual(lines('', uri), []);
    // Replace the helper's body, leaving the merge function's text as it was.
    const at = SAFE.indexOf("key !== '__proto__' && key !== 'constructor'");
    engine.change(uri, [{ range: { start: { line: 1, character: at - SAFE.indexOf('\n') - 1 }, end: { line: 1, character: at - SAFE.indexOf('\n') - 1 + "key !== '__proto__' && key !== 'constructor'".length } }, text: "key !== 'length'" }], 2);
    assert.deepEqual(lines('', uri), lines(NAIVE + MERGE));
    assert.deepEqual(lines('', uri), [6]);
    engine.close(uri);
  });
});
