/**
 * Every rule regex (taint `where` and `unless-text`, built-in or custom) runs in time linear in its input: on RE2,
 * or, for a leading negative lookahead `^(?!A)R`, as anchored RE2 matches of `A` and `R` (`compileRuleRegex`).
 * Before, built-in ones ran on V8's backtracking RegExp, and a pattern rule's prefilter searched for
 * `(?!.*(Length|…)$).*(Token|…)` (its `^` dropped) anywhere in the file: quadratic in a line's length, so the
 * 10 MB minified file of bad-input.test.ts never finished. Boundedness is by construction (the engine used); the
 * hostile scan runs in a child process whose timeout is only a guard.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { compileRuleRegex, isLinearRegex, searchableAnywhere } from '../../server/src/engine/regex-guard';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { GRAMMAR_IDS } from '../../server/src/engine/languages';
import { loadTaintRuleSet } from '../../server/src/engine/taint';
import { compileFor } from '../../server/src/engine/taint/rule-set';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';

const ROOT = join(__dirname, '..', '..');

/** The weak-random rule's name condition that hung the minified-file scan (shortened). */
const SECRET_NAME = '^(?!.*([Ll]ength|[Cc]ount|[Ss]ize)$).*([Tt]oken|[Ss]ecret|[Pp]assword)';

describe('rule regexes run in linear time', () => {
  it('a leading negative lookahead runs on the linear engine and decides like RegExp', () => {
    // Anchors inside branches too (`^a$|^b$`): the prefilter once kept `a$|^b`, which holds only at the text's ends.
    const sources = [SECRET_NAME, '^(?!(null|undefined)$)', '^(?!\\{)', '^(?!"/[^/\\\\"])(?!x\\()[a-z"/(]+', '^(?![A-Za-z_]\\w*\\s*=[^=])', '([Tt]oken|^secret)$', '^(a|Token)$|^x\\($'];
    const subject = fc.array(fc.constantFrom('Token', 'Length', 'secret', 'Count', 'null', 'undefined', '{', '"/', '/', 'x(', 'a', ' = ', '==', '\n'), { maxLength: 8 }).map((a) => a.join(''));
    for (const src of sources) {
      // Custom rules always get RE2; built-in ones V8 where the regex repeats nothing (bounded work per position).
      for (const re of [compileRuleRegex(src), compileRuleRegex(src, { builtIn: true })]) {
        assert.ok(isLinearRegex(re), src);
        assertProperty(
          fc.property(subject, (s) => {
            assert.equal(re.test(s), new RegExp(src).test(s), `${src} on ${JSON.stringify(s)}`);
            // The prefilter form holds wherever the regex matches part of a text.
            if (re.test(s)) assert.ok(searchableAnywhere(re).test(`pre ${s} post`), `${src} prefilter on ${JSON.stringify(s)}`);
          }),
          200,
        );
        assert.ok(isLinearRegex(searchableAnywhere(re)), `${src}: its prefilter is linear too`);
      }
    }
    // Only a built-in regex without repetition stays on V8.
    assert.ok(compileRuleRegex('^(?!\\{)', { builtIn: true }) instanceof RegExp);
    assert.ok(!(compileRuleRegex('^(?!\\{)') instanceof RegExp));
    assert.ok(!(compileRuleRegex(SECRET_NAME, { builtIn: true }) instanceof RegExp));
  });

  it('refuses, with a readable message, what neither form covers: backreferences, lookarounds elsewhere, a lookahead guarding one branch', () => {
    for (const src of ['(a)\\1', 'x(?!y)', '(?<=a)b', '^(?!a)b|c', '(?!a)b']) {
      assert.throws(() => compileRuleRegex(src), /linear-time engine/, src);
    }
  });

  it('every built-in rule regex, in every grammar, is compiled for the linear engine', async () => {
    const { set, errors } = loadTaintRuleSet(join(defaultRulesDir(), 'taint'));
    assert.deepEqual(errors, []);
    const grammars = await GrammarRegistry.create();
    let count = 0;
    for (const g of GRAMMAR_IDS) {
      const lang = grammars.language(g);
      const compiled = lang && compileFor(set, g, lang);
      if (!compiled) continue;
      assert.deepEqual(compiled.errors, [], g);
      const all = compiled.rules.flatMap((r) => [...r.sources, ...r.sinks, ...r.sanitizers, ...r.guards, ...r.propagators, ...r.patterns, ...r.patternNot]);
      for (const h of compiled.handlers) all.push(...[h.call, h.decorator, h.paramDecorator].filter((c) => c !== undefined));
      for (const c of all) {
        for (const [mv, re] of c.where) {
          count++;
          assert.ok(isLinearRegex(re), `${g}: ${c.spec.pattern} where ${mv}`);
        }
      }
    }
    assert.ok(count > 500, `${count} where regexes`);
  });

  it('a built-in pattern rule with a `^(?!.*X$).*Y` name condition scans a 90 KB single-line file (300 KB never finished)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-rule-re-'));
    try {
      mkdirSync(join(dir, 'taint'));
      writeFileSync(
        join(dir, 'taint', 'secret-name.yml'),
        [
          'rules:',
          '  - id: js.test.secret-name',
          '    kind: pattern',
          '    name: Secret-looking name assigned',
          '    description: A name that says secret, but not a quantity about one.',
          '    languages: [javascript]',
          '    severity: low',
          '    cwe: [CWE-338]',
          '    message: "$T is assigned."',
          '    patterns:',
          "      - pattern: '$T = $E'",
          `        where: { $T: '${SECRET_NAME}' }`,
          '',
        ].join('\n'),
      );
      const child = join(dir, 'child.ts');
      writeFileSync(
        child,
        `
        import { createAnalyzers } from ${JSON.stringify(join(ROOT, 'server/src/engine/analyzers'))};
        import { Engine } from ${JSON.stringify(join(ROOT, 'server/src/engine/engine'))};
        import { DEFAULT_SETTINGS } from ${JSON.stringify(join(ROOT, 'server/src/engine/types'))};
        (async () => {
          const setup = createAnalyzers({ rulesDir: ${JSON.stringify(dir)}, packs: { taint: true } });
          const eng = await Engine.create({ analyzers: setup.analyzers });
          const settings = { ...DEFAULT_SETTINGS, maxFileSize: 20_000_000 };
          const small = eng.scanText('/ws/a.js', 'javascript', 'let apiToken, tokenLength;\\napiToken = f();\\ntokenLength = 3;\\n', settings);
          // No secret name anywhere: a backtracking search for one tries every start and runs to the line's end.
          // Under the taint pack's 100,000-character line limit (DEFAULT_MAX_CODE_LINE), so the rules do run on it.
          let line = '';
          for (let i = 0; line.length < 90_000; i++) line += 'v' + i + '=w+x;';
          const big = eng.scanText('/ws/b.min.js', 'javascript', line, settings);
          console.log(JSON.stringify({ errors: setup.errors, small: small.findings.map((f) => f.range.start.line), big: big.findings.length }));
          eng.dispose();
        })();
        `,
      );
      const r = spawnSync(process.execPath, ['--import', 'tsx', child], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.signal, null, `the scan hung (killed by the guard timeout): ${r.stderr}`);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { errors: [], small: [1], big: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compiles a rule regex once per source (per built-in or custom), and answers repeated tests alike', () => {
    const src = '^(?!.*(Length|Count)$).*(Token|Secret)';
    const a = compileRuleRegex(src, { builtIn: true });
    assert.equal(compileRuleRegex(src, { builtIn: true }), a, 'the same compiled regex for the same built-in source');
    const custom = compileRuleRegex(src);
    assert.notEqual(custom, a, 'a custom rule gets its own (built-in ones may run on V8)');
    assert.equal(compileRuleRegex(src), custom);
    for (const re of [a, custom]) {
      for (let i = 0; i < 3; i++) {
        assert.equal(re.test('sessionToken'), true);
        assert.equal(re.test('tokenLength'), false);
      }
    }
  });
});

