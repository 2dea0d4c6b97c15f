/**
 * The prototype-pollution structural checks read other top-level statements only through their facts (guard
 * helpers and deny lists): an edit of a helper elsewhere in the file must change a merge function's finding, as a
 * fresh scan of the edited text would, though the merge function's own text is unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
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

const CHECKED = `const RESERVED = ['__proto__', 'constructor', 'prototype'];
function checkedParts(path) {
  const parts = path.split('.');
  if (parts.some((p) => RESERVED.includes(p))) throw new Error('reserved');
  return parts;
}
function fill(parts, obj, value) {
  const key = parts.shift();
  if (parts.length > 0) {
    obj[key] = obj[key] || {};
    fill(parts, obj[key], value);
  } else obj[key] = value;
}
`;
const CALLER = `function setPath(obj, path, value) {
  fill(checkedParts(path), obj, value);
}
module.exports = { setPath };
`;

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers({}).analyzers });
});
after(() => engine.dispose());

const lines = (text: string, uri?: string, rule = 'js.prototype-pollution.unsafe-merge-function'): number[] => {
  const res = uri ? engine.analyze(uri, SETTINGS) : engine.scanText('/w/merge.js', 'javascript', text, SETTINGS);
  return res.findings.filter((f) => f.ruleId === rule).map((f) => f.range.start.line);
};
const PATH = 'js.prototype-pollution.unsafe-path-assignment';
/** The line and character of an offset in `text`. */
const position = (text: string, offset: number): { line: number; character: number } => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
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

  it('a private setter is guarded while every caller refuses the keys, and editing only a caller updates it', () => {
    const text = CHECKED + CALLER;
    const raw = text.replace('fill(checkedParts(path), obj, value)', "fill(path.split('.'), obj, value)");
    assert.deepEqual(lines(text, undefined, PATH), []);
    assert.deepEqual(lines(raw, undefined, PATH), [11]);
    const uri = 'file:///w/fill-edit.js';
    engine.open(uri, '/w/fill-edit.js', 'javascript', text, 1);
    assert.deepEqual(lines('', uri, PATH), []);
    // Replace the caller's argument only; the setter's text stays as it was.
    const at = text.indexOf('checkedParts(path), obj');
    engine.change(uri, [{ range: { start: position(text, at), end: position(text, at + 'checkedParts(path)'.length) }, text: "path.split('.')" }], 2);
    assert.deepEqual(lines('', uri, PATH), lines(raw, undefined, PATH));
    assert.deepEqual(lines('', uri, PATH), [11]);
    engine.close(uri);
  });
});

describe('prototype-pollution checks: a write in a helper is judged with its callers, incrementally as in a fresh scan', () => {
  const HELPER = `function assignValue(obj, key, value) {
  obj[key] = value;
}
`;
  const LOOP = `function merge(target, source) {
  for (const key in source) {
    if (isObj(source[key]) && isObj(target[key])) merge(target[key], source[key]);
    else assignValue(target, key, source[key]);
  }
  return target;
}
function isObj(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}
`;
  const OPEN = 'for (const key in source) {';
  const CHECKED = "for (const key in source) { if (key === '__proto__' || key === 'constructor') continue;";

  it('the helper write is reported for a recursive merge loop, and not once the loop refuses the keys', () => {
    assert.deepEqual(lines(HELPER + LOOP), [1]);
    assert.deepEqual(lines(HELPER + LOOP.replace(OPEN, CHECKED)), []);
  });

  it('editing only the caller updates the helper finding, both ways', () => {
    const uri = 'file:///w/helper-edit.js';
    const text = HELPER + LOOP;
    engine.open(uri, '/w/helper-edit.js', 'javascript', text, 1);
    assert.deepEqual(lines('', uri), [1]);
    const at = text.indexOf(OPEN);
    engine.change(uri, [{ range: { start: position(text, at), end: position(text, at + OPEN.length) }, text: CHECKED }], 2);
    const edited = text.replace(OPEN, CHECKED);
    assert.deepEqual(lines('', uri), lines(edited));
    assert.deepEqual(lines('', uri), []);
    const back = edited.indexOf(CHECKED);
    engine.change(uri, [{ range: { start: position(edited, back), end: position(edited, back + CHECKED.length) }, text: OPEN }], 3);
    assert.deepEqual(lines('', uri), [1]);
    engine.close(uri);
  });

  it('a setter helper follows an edit of the walk in its caller', () => {
    const leaf = `function leaf(node, k, v) {
  node[k] = v;
}
`;
    const walk = `function setIn(node, path, v) {
  const parts = path.split('.');
  const last = parts.pop();
  for (const p of parts) node = node[p] || (node[p] = {});
  leaf(node, last, v);
}
`;
    const text = leaf + walk;
    const flat = text.replace("for (const p of parts) node = node[p] || (node[p] = {});", 'const unused = parts.length;');
    assert.deepEqual(lines(text, undefined, PATH), [1]);
    assert.deepEqual(lines(flat, undefined, PATH), []);
    const uri = 'file:///w/leaf-edit.js';
    engine.open(uri, '/w/leaf-edit.js', 'javascript', flat, 1);
    assert.deepEqual(lines('', uri, PATH), []);
    const at = flat.indexOf('const unused = parts.length;');
    engine.change(uri, [{ range: { start: position(flat, at), end: position(flat, at + 'const unused = parts.length;'.length) }, text: 'for (const p of parts) node = node[p] || (node[p] = {});' }], 2);
    assert.deepEqual(lines('', uri, PATH), lines(text, undefined, PATH));
    assert.deepEqual(lines('', uri, PATH), [1]);
    engine.close(uri);
  });
});

describe('prototype-pollution checks: statements without a computed-key write are not walked', () => {
  it('walks only the statements that write through a computed key, and finds the same', async () => {
    const taint = createTaintAnalyzer().analyzer;
    const analyzers = [taint];
    const plain = Array.from({ length: 40 }, (_, i) => `function f${i}(a, b) {\n  const c = a.items[b] + ${i};\n  return c === a[b] ? c : null;\n}\n`).join('');
    const text = plain + NAIVE + MERGE;
    const own = await Engine.create({ analyzers });
    try {
      const before = taint.stats.patternUnitsWalked;
      const ids = own.scanText('/w/many.js', 'javascript', text, SETTINGS).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
      // Of 42 statements only the merge writes `target[key] =`: the other 41 are not walked.
      assert.equal(taint.stats.patternUnitsWalked - before, 1);
      assert.deepEqual(ids.filter((i) => i.includes('prototype-pollution')), [`js.prototype-pollution.unsafe-merge-function:${plain.split('\n').length - 1 + NAIVE.split('\n').length - 1 + 3}`]);
    } finally {
      own.dispose();
    }
  });
});

describe('prototype-pollution checks: the file facts are computed once, and by a one-shot scan only for a match to check', () => {
  it('counts the facts computed by one-shot scans and by an open document, with the same findings', async () => {
    const taint = createTaintAnalyzer().analyzer;
    const own = await Engine.create({ analyzers: [taint] });
    const facts = (run: () => string[]): { found: string[]; computed: number } => {
      const before = taint.stats.factsComputed;
      const found = run();
      return { found, computed: taint.stats.factsComputed - before };
    };
    const ids = (res: { findings: { ruleId: string; range: { start: { line: number } } }[] }): string[] => res.findings.filter((f) => f.ruleId.includes('prototype-pollution')).map((f) => `${f.ruleId}:${f.range.start.line}`);
    // Helpers that name `__proto__` (facts to read), but no write through a computed key: nothing to check.
    const noWrite = `${SAFE}function copy(a) {\n  return { ...a, x: isSafeKey(a.k) };\n}\n`;
    try {
      const scan = (name: string, text: string) => () => ids(own.scanText(`/w/${name}.js`, 'javascript', text, SETTINGS));
      assert.deepEqual(facts(scan('none', noWrite)), { found: [], computed: 0 });
      // Both checks (merge function, path assignment) read the same facts: computed once.
      assert.deepEqual(facts(scan('naive', NAIVE + MERGE)), { found: ['js.prototype-pollution.unsafe-merge-function:6'], computed: 1 });
      assert.deepEqual(facts(scan('safe', SAFE + MERGE)), { found: [], computed: 1 });
      // An open document keys its statements' cached findings by the facts: computed up front, once per run.
      const uri = 'file:///w/facts-open.js';
      own.open(uri, '/w/facts-open.js', 'javascript', noWrite, 1);
      assert.deepEqual(facts(() => ids(own.analyze(uri, SETTINGS))), { found: [], computed: 1 });
      own.close(uri);
    } finally {
      own.dispose();
    }
  });
});
