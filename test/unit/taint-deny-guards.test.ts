import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { validateRule } from '../../server/src/engine/taint/rule-schema';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

// A deny-list check (`if (key === '__proto__') return;`) makes its subject clean where it FAILS: `guard-unless`.
const rule = {
  id: 'js.custom.deny',
  languages: ['javascript'],
  severity: 'high',
  cwe: ['CWE-1321'],
  message: '$SOURCE reaches store.put',
  sources: ['js-request'],
  sanitizers: [
    { pattern: "$K === 'bad'", 'guard-unless': '$K' },
    { pattern: "$K === 'worse'", 'guard-unless': '$K' },
  ],
  sinks: [{ pattern: 'store.put($K)', focus: '$K' }],
};

async function lines(body: string): Promise<number[]> {
  const setup = createAnalyzers({ customTaintRules: [rule], customRulesSource: '/ws/.vigil.yml' });
  assert.deepEqual(setup.errors, []);
  const engine = await Engine.create({ analyzers: setup.analyzers });
  try {
    const text = `app.post('/x', (req, res) => {\n  const k = req.body.k;\n${body}\n});\n`;
    const found = engine.scanText('/a.js', 'javascript', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings;
    return found.filter((f) => f.ruleId === 'js.custom.deny').map((f) => f.range.start.line + 1);
  } finally {
    engine.dispose();
  }
}

describe('taint: deny-list guards (guard-unless)', () => {
  it('validates guard-unless: a metavariable of the pattern, not together with guard', () => {
    const ok = validateRule({ ...rule, sanitizers: [{ pattern: "$K === 'bad'", 'guard-unless': '$K' }] }, 0, []);
    assert.deepEqual(ok?.sanitizers, [{ pattern: "$K === 'bad'", guard: '$K', guardUnless: true }]);
    const errors: { message: string }[] = [];
    validateRule({ ...rule, sanitizers: [{ pattern: "$K === 'bad'", 'guard-unless': '$X' }] }, 0, errors);
    validateRule({ ...rule, sanitizers: [{ pattern: "$K === 'bad'", guard: '$K', 'guard-unless': '$K' }] }, 0, errors);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /`guard-unless` \$X must be a metavariable of the pattern/);
    assert.match(text, /`guard` and `guard-unless` exclude each other/);
  });

  it('validates asserts: true or false, on a guard only', () => {
    const ok = validateRule({ ...rule, sanitizers: [{ pattern: '$P.relative_to($R)', guard: '$P', asserts: true }] }, 0, []);
    assert.deepEqual(ok?.sanitizers, [{ pattern: '$P.relative_to($R)', guard: '$P', asserts: true }]);
    const errors: { message: string }[] = [];
    validateRule({ ...rule, sanitizers: [{ pattern: '$P.relative_to($R)', guard: '$P', asserts: 'yes' }] }, 0, errors);
    validateRule({ ...rule, sanitizers: [{ pattern: 'clean($P)', asserts: true }] }, 0, errors);
    validateRule({ ...rule, sanitizers: [{ pattern: "$K === 'bad'", 'guard-unless': '$K', asserts: true }] }, 0, errors);
    const text = errors.map((e) => e.message);
    assert.equal(text.filter((m) => /`asserts` must be true or false/.test(m)).length, 1, text.join('\n'));
    assert.equal(text.filter((m) => /`asserts` applies to guards only/.test(m)).length, 2, text.join('\n'));
  });

  it('validates a sanitizer\'s or guard\'s if-bound: metavariables of the pattern', () => {
    const ok = validateRule({ ...rule, sanitizers: [{ pattern: '$V.origin', 'if-bound': { $V: '^new URL' } }] }, 0, []);
    assert.deepEqual(ok?.sanitizers, [{ pattern: '$V.origin', ifBound: { $V: '^new URL' } }]);
    const errors: { message: string }[] = [];
    validateRule({ ...rule, sanitizers: [{ pattern: '$V.origin', 'if-bound': { $X: '^new URL' } }] }, 0, errors);
    const guard = validateRule({ ...rule, sanitizers: [{ pattern: '$U.startsWith($T)', guard: '$U', 'if-bound': { $T: '^\\(' } }] }, 0, errors);
    assert.deepEqual(guard?.sanitizers, [{ pattern: '$U.startsWith($T)', guard: '$U', ifBound: { $T: '^\\(' } }]);
    const text = errors.map((e) => e.message).join('\n');
    assert.equal(errors.length, 1, text);
    assert.match(text, /`if-bound` \$X is not a metavariable/);
  });

  it('cleans the subject after an early return on the denied value, not before or inside the check', async () => {
    assert.deepEqual(await lines("  if (k === 'bad') return;\n  store.put(k);"), []);
    assert.deepEqual(await lines("  if (!(k === 'bad')) store.put(k);"), []);
    // The branch where the check holds keeps the taint, and so does code without the check.
    assert.deepEqual(await lines("  if (k === 'bad') store.put(k);"), [3]);
    assert.deepEqual(await lines('  store.put(k);'), [3]);
  });

  it('follows a disjunction of deny checks: the subject is clean where all of them fail', async () => {
    assert.deepEqual(await lines("  if (k === 'bad' || k === 'worse') return;\n  store.put(k);"), []);
    assert.deepEqual(await lines("  if (k === 'bad' || k === 'worse') { res.end(); } else { store.put(k); }"), []);
    // Either check holding leaves the taint.
    assert.deepEqual(await lines("  if (k === 'bad' || k === 'worse') store.put(k);"), [3]);
    // A disjunction with an unrelated condition still rules the denied value out where it fails.
    assert.deepEqual(await lines("  if (k === 'bad' || !res) return;\n  store.put(k);"), []);
  });

  it('learns nothing where a conjunction fails: either side may be the one that failed', async () => {
    // After `if (res && k === 'bad') return;`, k may still be 'bad' (when res is falsy).
    assert.deepEqual(await lines("  if (res && k === 'bad') return;\n  store.put(k);"), [4]);
    assert.deepEqual(await lines("  if (res && (k === 'bad' || k === 'worse')) return;\n  store.put(k);"), [4]);
    // What both sides give where they fail still holds: k is one of the two constants after this check.
    assert.deepEqual(await lines("  if (k !== 'a' && k !== 'b') return;\n  store.put(k);"), []);
  });
});
