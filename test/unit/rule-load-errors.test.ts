/**
 * Rule-load errors of every pack are one type (`RuleLoadError`) and point at the offending rule in its file, so a
 * host can show them where they are: built-in taint rule files included.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { compileFor, loadTaintRuleSet } from '../../server/src/engine/taint/rule-set';

const GOOD = `  - id: t.good
    name: Good
    description: A rule that loads.
    languages: [javascript]
    severity: high
    cwe: [CWE-89]
    message: "$SOURCE reaches $SINK"
    sources: ['req.query']
    sinks:
      - { pattern: 'db.query($Q)', focus: $Q }
`;

function load(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-rule-errors-'));
  writeFileSync(join(dir, 'rules.yml'), text);
  return { file: join(dir, 'rules.yml'), ...loadTaintRuleSet(dir) };
}

describe('pattern rules: the message names only what every pattern binds', () => {
  it('a metavariable one pattern lacks is a load error naming it (it would be shown as written)', () => {
    const rule = `  - id: t.weak
    kind: pattern
    name: Weak
    description: A weak call.
    languages: [javascript]
    severity: medium
    cwe: [CWE-328]
    message: "$ALG hashes $X"
    patterns:
      - pattern: 'crypto.createHash($ALG).update($X)'
      - pattern: 'md5($X)'
`;
    const { set, errors } = load(`rules:\n${GOOD}${rule}`);
    assert.deepEqual(set.rules.map((r) => r.id), ['t.good']);
    assert.match(errors.map((e) => e.message).join('\n'), /\$ALG, which patterns\[1\] does not bind/);
  });
});

describe('taint rule files: load errors carry the range of what is wrong', () => {
  it('a bad rule: the range covers that rule, the good rule still loads', () => {
    const text = `rules:\n${GOOD}  - id: t.bad\n    name: Bad\n    languages: [javascript]\n    colour: blue\n`;
    const { file, set, errors } = load(text);
    assert.deepEqual(set.rules.map((r) => r.id), ['t.good']);
    assert.ok(errors.length > 0);
    for (const e of errors) {
      assert.equal(e.source, file);
      assert.equal(e.ruleId, 't.bad');
      assert.equal(e.range?.start.line, 11, `${e.message} starts on the bad rule's line`);
      assert.ok(e.range!.end.line >= 14, e.message);
      assert.equal(e.index, undefined, 'the index is resolved into the range');
    }
  });

  it('a bad named source list: the range is that list entry', () => {
    const text = `sources:\n  my-input:\n    - 'req.query'\n    - { pattern: 'req.body', colour: blue }\nrules:\n${GOOD}`;
    const { errors } = load(text);
    assert.equal(errors.length, 1, errors.map((e) => e.message).join('\n'));
    assert.equal(errors[0]!.range?.start.line, 3);
  });

  it('a source set with its kind of input: `{ input, patterns }`; an entry may give its own; a bad kind is an error at the set', () => {
    const text = `sources:\n  my-input:\n    input: process\n    patterns:\n    - 'req.query'\n    - { pattern: 'db.find(...)', input: stored }\nrules:\n${GOOD}`;
    const { set, errors } = load(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(set.sources.get('my-input')?.map((s) => s.input), ['process', 'stored']);
    const bad = load(`sources:\n  my-input:\n    input: network\n    patterns:\n    - 'req.query'\n  other:\n    - { pattern: 'x.y', input: web }\nrules:\n${GOOD}`);
    assert.equal(bad.errors.length, 2, bad.errors.map((e) => e.message).join('\n'));
    assert.match(bad.errors[0]!.message, /`input` must be one of request, page, archive, process, stored, library/);
    assert.equal(bad.errors[0]!.range?.start.line, 2, 'the set');
    assert.equal(bad.errors[1]!.range?.start.line, 6, 'the bad entry of the other set');
    assert.deepEqual(bad.set.rules.map((r) => r.id), ['t.good'], 'the rule still loads');
    assert.match(load(`sources:\n  my-input:\n    input: page\n    pattern: 'x'\nrules:\n${GOOD}`).errors.map((e) => e.message).join('\n'), /unknown key `pattern`.*\n?.*must be a list of patterns, or \{ input, patterns \}/s);
  });

  it('a sink\'s `unless-before` needs `matching` and `safe`, both regular expressions', () => {
    const rule = (ub: string) => `rules:\n  - id: t.ub\n    name: Ub\n    description: A sink after a setter.\n    languages: [javascript]\n    severity: high\n    cwe: [CWE-79]\n    message: "$SOURCE reaches $SINK"\n    sources: ['req.query']\n    sinks:\n      - { pattern: 'res.send($X)', focus: $X, unless-before: ${ub} }\n`;
    const good = load(rule(`{ matching: '\\.type\\(', safe: 'text/plain' }`));
    assert.deepEqual(good.errors, []);
    assert.deepEqual(good.set.rules[0]!.sinks[0]!.unlessBefore, { matching: '\\.type\\(', safe: 'text/plain' });
    const messages = (ub: string) => load(rule(ub)).errors.map((e) => e.message).join('\n');
    assert.match(messages(`{ matching: '\\.type\\(' }`), /`unless-before`: `safe` is required/);
    assert.match(messages(`{ matching: 'a', safe: 'b', unsafe: 'c' }`), /unknown key `unsafe`/);
    assert.match(messages(`'text/plain'`), /`unless-before` must be \{ matching, safe \}/);
    assert.match(messages(`{ matching: '(', safe: 'b' }`), /`unless-before.matching`/);
  });

  it('a raising propagator: `raises` must name metavariables of its pattern, `quotes` needs `raises`', () => {
    const good = `propagators:\n  - { languages: [javascript], pattern: 'parse($X)', raises: [$X], quotes: inspect }\nrules:\n${GOOD}`;
    assert.deepEqual(load(good).errors, []);
    const text = `propagators:\n  - { languages: [javascript], pattern: 'parse($X)', raises: [$Y] }\n  - { languages: [javascript], pattern: 'read($X)', from: [$X], quotes: inspect }\nrules:\n${GOOD}`;
    const { set, errors } = load(text);
    assert.deepEqual(set.rules.map((r) => r.id), ['t.good']);
    assert.deepEqual(errors.map((e) => e.range?.start.line), [1, 2]);
    assert.match(errors[0]!.message, /`raises` \$Y must be a metavariable of the pattern/);
    assert.match(errors[1]!.message, /`quotes` needs `raises`/);
  });

  it('a state-pair propagator: `state-pair` must be true or false', () => {
    const good = `propagators:\n  - { languages: [javascript], pattern: 'useState($X)', from: [$X], state-pair: true }\nrules:\n${GOOD}`;
    assert.deepEqual(load(good).errors, []);
    const { set, errors } = load(`propagators:\n  - { languages: [javascript], pattern: 'useState($X)', from: [$X], state-pair: 'yes' }\nrules:\n${GOOD}`);
    assert.deepEqual(set.rules.map((r) => r.id), ['t.good']);
    assert.deepEqual(errors.map((e) => e.range?.start.line), [1]);
    assert.match(errors[0]!.message, /`state-pair` must be true or false/);
  });

  it('invalid YAML: the range is where the parser stopped', () => {
    const { errors } = load(`rules:\n${GOOD}  - id: [unclosed\n`);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /YAML/);
    assert.ok(errors[0]!.range && errors[0]!.range.start.line >= 11, JSON.stringify(errors[0]!.range));
  });
});

describe('sanitizers: `untainted` names metavariables of a sanitizer that is no guard', () => {
  const rule = (sanitizer: string) => `  - id: t.redirect
    name: Redirect
    description: A redirect.
    languages: [javascript]
    severity: medium
    cwe: [CWE-601]
    message: "$SOURCE reaches $SINK"
    sources: ['req.query']
    sanitizers:
      - ${sanitizer}
    sinks:
      - { pattern: 'res.redirect($U)', focus: $U }
`;

  it('loads when every name is a metavariable of the pattern', () => {
    const { set, errors } = load(`rules:\n${rule(`{ pattern: '$A + $Q + $X', untainted: [$A] }`)}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(set.rules.map((r) => r.id), ['t.redirect']);
  });

  it('a name the pattern lacks, or a guard given one, is a load error', () => {
    const missing = load(`rules:\n${rule(`{ pattern: '$A + $X', untainted: [$B] }`)}`);
    assert.match(missing.errors.map((e) => e.message).join('\n'), /`untainted` \$B must be a metavariable of the pattern/);
    const guard = load(`rules:\n${rule(`{ pattern: 'ok($A)', guard: $A, untainted: [$A] }`)}`);
    assert.match(guard.errors.map((e) => e.message).join('\n'), /`untainted` applies to sanitizers that are not guards/);
  });
});

describe('sanitizers: `marked` names a metavariable of a sanitizer that is no guard, with the marks it needs', () => {
  const rule = (sanitizer: string) => `  - id: t.path
    name: Path
    description: A path.
    languages: [javascript]
    severity: medium
    cwe: [CWE-22]
    message: "$SOURCE reaches $SINK"
    sources: ['req.query']
    sanitizers:
      - ${sanitizer}
    sinks:
      - { pattern: 'fs.readFile($P)', focus: $P }
`;

  it('loads with a metavariable and `requires-mark`', () => {
    const { set, errors } = load(`rules:\n${rule(`{ pattern: 'path.join($R, $P)', marked: $P, requires-mark: dotless }`)}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(set.rules.map((r) => r.id), ['t.path']);
  });

  it('no marks, a name the pattern lacks, or a guard given one, is a load error', () => {
    const msgs = (s: string) => load(`rules:\n${rule(s)}`).errors.map((e) => e.message).join('\n');
    assert.match(msgs(`{ pattern: 'path.join($R, $P)', marked: $P }`), /`marked` needs `requires-mark`/);
    assert.match(msgs(`{ pattern: 'path.join($R, $P)', marked: $Q, requires-mark: dotless }`), /`marked` \$Q must be a metavariable of the pattern/);
    assert.match(msgs(`{ pattern: 'ok($P)', guard: $P, marked: $P, requires-mark: dotless }`), /`marked` applies to sanitizers that are not guards/);
    assert.match(msgs(`{ pattern: 'path.join($R, $P)', requires-mark: dotless }`), /`requires-mark` applies to guards, or with `marked`/);
  });

  it('`not-after`: a regular expression, for a sanitizer that is not a guard; a bad one is a load error of its rule only', () => {
    const { errors } = load(`rules:\n${rule(`{ pattern: 'esc($P)', not-after: 'href=$' }`)}`);
    assert.deepEqual(errors, []);
    const msgs = (s: string) => load(`rules:\n${rule(s)}`).errors.map((e) => e.message).join('\n');
    assert.match(msgs(`{ pattern: 'esc($P)', not-after: 'href=(' }`), /`not-after` is not a valid regular expression/);
    assert.match(msgs(`{ pattern: 'esc($P)', not-after: '(a)\\1' }`), /`not-after` /);
    assert.match(msgs(`{ pattern: 'ok($P)', guard: $P, not-after: 'href=$' }`), /`not-after` applies to sanitizers that are not guards/);
  });
});

describe('pattern rules: a structural check must be one the language module provides', () => {
  const rule = (check: string): string => `rules:
  - id: t.check
    kind: pattern
    name: Check
    description: A pattern with a structural check.
    languages: [javascript, python]
    severity: medium
    cwe: [CWE-1321]
    message: "merge"
    patterns:
      - { pattern: '$T[$K] = $V', check: ${check} }
`;

  it('a badly written name is a load error naming the key', () => {
    const { errors } = load(rule('Unsafe_Merge'));
    assert.ok(errors.some((e) => e.ruleId === 't.check' && /`check` must name a structural check/.test(e.message)), JSON.stringify(errors));
  });

  it('a name the module lacks fails the rule for that language only, with the names it has', async () => {
    const { set, errors } = load(rule('unsafe-merge'));
    assert.deepEqual(errors, []);
    const grammars = await GrammarRegistry.create(undefined, ['javascript', 'python']);
    const js = compileFor(set, 'javascript', grammars.language('javascript')!);
    assert.equal(js?.errors.length, 0);
    assert.ok(js?.rules.some((r) => r.spec.id === 't.check' && r.patterns[0]?.check));
    const py = compileFor(set, 'python', grammars.language('python')!);
    assert.ok(py?.errors.some((e) => e.ruleId === 't.check' && /no structural check `unsafe-merge` for python \(it has none\)/.test(e.message)), JSON.stringify(py?.errors));
    assert.ok(!py?.rules.some((r) => r.spec.id === 't.check'));
  });
});
