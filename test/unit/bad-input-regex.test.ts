/**
 * Catastrophic regexes in user rules. Custom secret rules from `.vigil.yml` run on the linear-time engine of
 * regex-guard.ts: patterns that pass any static nested-quantifier check but backtrack for minutes on a short
 * line must finish in milliseconds, and the guard must behave exactly like RegExp where both can run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { compileLinearRegex } from '../../server/src/engine/regex-guard';

/** Patterns that hang JavaScript's RegExp on the matching adversarial line (16 s at 200 chars for the first). */
const EVIL: { regex: string; line: string }[] = [
  { regex: 'x{0,200}x{0,200}x{0,200}x{0,200}y', line: 'x'.repeat(10_000) },
  { regex: '(?:a{1,30}){1,30}b', line: 'a'.repeat(10_000) },
  { regex: '(?:k[a-z0-9]{0,20}){0,20}=[0-9]{40}', line: 'k'.repeat(10_000) },
];

function execAll(re: RegExp, s: string): unknown[] {
  re.lastIndex = 0;
  const out: unknown[] = [];
  for (let i = 0; i < 50; i++) {
    const m = re.exec(s);
    if (!m) break;
    out.push({ all: [...m], index: m.index, indices: m.indices ? [...m.indices] : undefined, groups: m.groups ? { ...m.groups } : undefined });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

describe('user regexes run in linear time', () => {
  it('the guard matches like RegExp (g, d, i, named groups, UTF-16 offsets past emoji)', () => {
    const patterns = ['acme_[a-z0-9]{8}', '(?<name>[A-Z_]+)=(?<value>[a-z0-9]{4,})', 'a|b', 'x*', '(t)(o)?k', '\\bkey\\b', '[😀中]+'];
    const subject = fc.array(fc.constantFrom(...'abkeyKEY_=0129 \n'.split(''), '😀', '中', 'acme_'), { maxLength: 30 }).map((a) => a.join(''));
    for (const src of patterns) {
      assertProperty(
        fc.property(subject, fc.constantFrom('gd', 'gdi', 'g'), (s, flags) => {
          const text = `${s} acme_ab12cd34 KEY=abcd1 token ${s}`;
          assert.deepEqual(execAll(compileLinearRegex(src, flags), text), execAll(new RegExp(src, flags), text), `${src} /${flags} on ${JSON.stringify(text)}`);
        }),
        60,
      );
    }
  });

  it('catastrophic patterns run on the linear-time engine, not V8, and find nothing on 10,000-character adversarial lines', () => {
    for (const { regex, line } of EVIL) {
      const re = compileLinearRegex(regex, 'gd');
      // Bounded by construction: RE2 (re2js) runs in time linear in the input for every pattern it accepts.
      assert.ok(!((re as unknown) instanceof RegExp), `${regex}: not a backtracking RegExp`);
      assert.equal(re.exec(line), null);
    }
  });

  it('backreferences, lookarounds and huge nested repeat counts are refused with a clear message', () => {
    for (const src of ['(a+)\\1', '(?=abc)x', '(?<!a)b', '(?:a{1,60}){1,60}b']) {
      assert.throws(() => compileLinearRegex(src, 'g'), /linear-time engine/);
    }
  });

  it('custom secret rules with catastrophic patterns neither hang the scan nor switch other rules off', async () => {
    const base = { severity: 'high', name: 'Acme', description: 'Acme token' };
    const setup = createAnalyzers({
      customSecretRules: [
        ...EVIL.map((e, i) => ({ ...base, id: `acme.evil${i}`, regex: e.regex, keywords: [e.line.slice(0, 2)] })),
        { ...base, id: 'acme.token', regex: 'acme_[a-z0-9]{32}', keywords: ['acme_'] },
      ],
      customRulesSource: '/ws/.vigil.yml',
    });
    const engine = await Engine.create({ analyzers: setup.analyzers });
    try {
      // 3,000-character lines among ordinary code (a file of only very long lines is treated as minified).
      const ordinary = Array.from({ length: 60 }, (_, i) => `const v${i} = compute(${i});`).join('\n');
      const text = `${ordinary}\n${EVIL.map((e) => e.line.slice(0, 3_000)).join('\n')}\n${ordinary}\nconst t = "acme_q8w7e6r5t4y3u2i1o9p8a7s6d5f4g3h2";\n`;
      const r = engine.scanText('/ws/adversarial.js', 'javascript', text);
      // Each evil rule either loaded (and ran in linear time) or was refused with an error naming it.
      const loaded = new Set(engine.rules().map((x) => x.id));
      for (let i = 0; i < EVIL.length; i++) {
        assert.ok(loaded.has(`acme.evil${i}`) || setup.errors.some((e) => e.ruleId === `acme.evil${i}`), `acme.evil${i}`);
      }
      assert.ok(r.findings.some((f) => f.ruleId === 'acme.token'), 'the good custom rule still runs');
    } finally {
      engine.dispose();
    }
  });
});
