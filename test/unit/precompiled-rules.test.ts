/**
 * Taint and secret rule files precompiled at build time (`precompileRuleFiles`, looked up by text in
 * `loadTaintRuleSet` and `loadBuiltinSecretRules`) load to exactly what parsing them gives: every built-in file and
 * files with errors of each kind (YAML, schema, a list defined twice, a duplicate id, for secrets also one across
 * files), with their ranges; a file whose text is not in the data is parsed.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { listRuleFiles } from '../../server/src/engine/rule-folder';
import { precompileRuleFiles } from '../../server/src/engine/precompile-rule-files';
import { precompiledRuleFile, precompiledStats, setPrecompiledRuleFiles } from '../../server/src/engine/precompiled-rules';
import { loadBuiltinSecretRules, parseSecretRuleFile } from '../../server/src/engine/secrets/rule-files';
import type { SecretRule } from '../../server/src/engine/secrets/rule-schema';
import { loadTaintRuleSet, readTaintRuleFile, type TaintRuleFileResult } from '../../server/src/engine/taint/rule-set';

const ROOT = join(__dirname, '..', '..');
const BUILTIN = join(ROOT, 'rules', 'taint');
const BUILTIN_SECRETS = join(ROOT, 'rules', 'secrets');
const precompileTaintRuleFiles = (dir: string) => precompileRuleFiles({ taint: dir });

const RULE = (id: string, extra = '') => `  - id: ${id}
    name: A rule
    description: A rule that loads.
    languages: [javascript]
    severity: high
    cwe: [CWE-89]
    message: "$SOURCE reaches $SINK"
    sources: [t-input]
    sinks:
      - { pattern: 'db.query($Q)', focus: $Q, where: { $Q: '^q[0-9]+$' } }
${extra}`;
const SOURCES = 'sources:\n  t-input:\n    - req.query\n    - pattern: lambda_event.$K\n      where: { $K: "^(body|headers)$" }\n';
/** Files with each kind of load error, beside good ones. */
const BROKEN: Record<string, string> = {
  'a-good.yml': `${SOURCES}rules:\n${RULE('t.one')}`,
  'b-yaml.yml': 'rules:\n  - id: [unclosed\n',
  'c-schema.yml': `rules:\n${RULE('t.two')}  - id: t.bad\n    name: Bad\n    languages: [javascript]\n    colour: blue\n`,
  'd-twice.yml': `${SOURCES}rules:\n${RULE('t.one')}${RULE('t.three')}`,
  'e-regex.yml': `rules:\n${RULE('t.four').replace("'^q[0-9]+$'", () => "'^(a)\\1$'")}`,
};

after(() => setPrecompiledRuleFiles(undefined));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-precompiled-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A load of `dir` with `data` as the build's (a fresh copy: loads are cached per folder), paths made relative. */
function loadCopy(dir: string, data: string | undefined) {
  const copy = mkdtempSync(join(tmpdir(), 'vigil-precompiled-copy-'));
  cpSync(dir, copy, { recursive: true });
  setPrecompiledRuleFiles(data);
  const hits = precompiledStats.taint;
  const { set, errors } = loadTaintRuleSet(copy);
  const rel = (p: string) => p.replace(copy, '<dir>');
  return {
    hits: precompiledStats.taint - hits,
    set: { ...set, ruleSources: new Map([...set.ruleSources].map(([k, v]) => [k, rel(v)])) },
    errors: errors.map((e) => ({ ...e, source: rel(e.source) })),
  };
}

describe('precompiled taint rule files', () => {
  it('every built-in file: the precompiled result is the parse', () => {
    setPrecompiledRuleFiles(precompileTaintRuleFiles(BUILTIN));
    const files = listRuleFiles(BUILTIN, 'taint', [], true);
    assert.ok(files.length > 40, `${files.length} files`);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const pre = precompiledRuleFile<TaintRuleFileResult>('taint', text);
      assert.ok(pre, f);
      assert.deepStrictEqual(pre, readTaintRuleFile(text), f);
    }
  });

  it('the built-in folder loads to the same rule set and errors, from the data', () => {
    const plain = loadCopy(BUILTIN, undefined);
    const fast = loadCopy(BUILTIN, precompileTaintRuleFiles(BUILTIN));
    assert.equal(plain.hits, 0);
    assert.equal(fast.hits, listRuleFiles(BUILTIN, 'taint', [], true).length);
    assert.ok(plain.set.rules.length > 50, `${plain.set.rules.length} rules`);
    assert.deepStrictEqual(fast.set, plain.set);
    assert.deepStrictEqual(fast.errors, plain.errors);
  });

  it('files with load errors: the same errors with the same ranges, the same rules kept', () => {
    const dir = folder(BROKEN);
    const plain = loadCopy(dir, undefined);
    const fast = loadCopy(dir, precompileTaintRuleFiles(dir));
    assert.equal(fast.hits, Object.keys(BROKEN).length);
    const messages = plain.errors.map((e) => e.message).join('\n');
    for (const want of [/not valid YAML/, /colour/, /defined twice/, /another rule already has this id/, /backreferences/]) assert.match(messages, want);
    assert.ok(plain.errors.every((e) => e.range), 'every error has a range');
    assert.deepStrictEqual(fast.errors, plain.errors);
    assert.deepStrictEqual(fast.set, plain.set);
  });

  it('a file edited after the build is parsed, not taken from the data', () => {
    const dir = folder(BROKEN);
    const data = precompileTaintRuleFiles(dir);
    writeFileSync(join(dir, 'a-good.yml'), BROKEN['a-good.yml']!.replace('t.one', 't.renamed'));
    const fast = loadCopy(dir, data);
    const plain = loadCopy(dir, undefined);
    assert.equal(fast.hits, Object.keys(BROKEN).length - 1);
    assert.ok(fast.set.rules.some((r) => r.id === 't.renamed'));
    assert.deepStrictEqual(fast.set, plain.set);
    assert.deepStrictEqual(fast.errors, plain.errors);
  });
});

const SECRET = (id: string, regex = '\\b(tk_[a-z0-9]{20})\\b') => `  - id: ${id}
    name: A token
    description: A token that loads.
    severity: high
    keywords: [tk_]
    regex: '${regex}'
`;
/** Secret rule files: good ones, load errors, and a file whose own parse is clean but takes an earlier file's id. */
const SECRETS: Record<string, string> = {
  'a-good.yml': `rules:\n${SECRET('s.one')}${SECRET('s.two')}`,
  'b-yaml.yml': 'rules:\n  - id: [unclosed\n',
  'c-schema.yml': `rules:\n${SECRET('s.three')}  - id: s.bad\n    colour: blue\n`,
  'd-taken.yml': `rules:\n${SECRET('s.four')}${SECRET('s.one')}`,
  'e-good.yml': `rules:\n${SECRET('s.five')}`,
};

/** A load of the secret rules in `dir` with `data` as the build's (from a fresh copy), paths made relative. */
function loadSecretsCopy(dir: string, data: string | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'vigil-precompiled-secrets-'));
  cpSync(dir, join(root, 'secrets'), { recursive: true });
  setPrecompiledRuleFiles(data);
  const hits = precompiledStats.secrets;
  const { rules, errors } = loadBuiltinSecretRules(root);
  const rel = (p: string) => p.replace(root, '<dir>');
  return {
    hits: precompiledStats.secrets - hits,
    rules: rules.map((r) => ({ ...r, source: rel(r.source) })),
    errors: errors.map((e) => ({ ...e, source: rel(e.source) })),
  };
}

describe('precompiled secret rule files', () => {
  it('every built-in file: the precompiled rules are the parse', () => {
    setPrecompiledRuleFiles(precompileRuleFiles({ secrets: BUILTIN_SECRETS }));
    const files = listRuleFiles(BUILTIN_SECRETS, 'secret', []);
    assert.ok(files.length > 10, `${files.length} files`);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const pre = precompiledRuleFile<SecretRule[]>('secrets', text);
      assert.ok(pre, f);
      assert.deepStrictEqual(pre, parseSecretRuleFile(text, '', new Set()).rules, f);
      assert.equal(precompiledRuleFile('taint', text), undefined, 'a pack reads only its own part');
    }
  });

  it('the built-in folder loads to the same rules, with their paths, from the data', () => {
    const plain = loadSecretsCopy(BUILTIN_SECRETS, undefined);
    const fast = loadSecretsCopy(BUILTIN_SECRETS, precompileRuleFiles({ secrets: BUILTIN_SECRETS }));
    assert.equal(plain.hits, 0);
    assert.equal(fast.hits, listRuleFiles(BUILTIN_SECRETS, 'secret', []).length);
    assert.ok(plain.rules.length > 100, `${plain.rules.length} rules`);
    assert.ok(plain.rules.every((r) => r.source.startsWith('<dir>/secrets/')), 'each rule names its file');
    assert.deepStrictEqual(fast.rules, plain.rules);
    assert.deepStrictEqual(fast.errors, plain.errors);
  });

  it('files with load errors, an id taken by an earlier file, an edited file: parsed, the same result', () => {
    const dir = folder(SECRETS);
    const data = precompileRuleFiles({ secrets: dir });
    writeFileSync(join(dir, 'e-good.yml'), SECRETS['e-good.yml']!.replace('s.five', 's.renamed'));
    const plain = loadSecretsCopy(dir, undefined);
    const fast = loadSecretsCopy(dir, data);
    // a-good and d-taken are found in the data (their own parses are clean), but d-taken's s.one is a-good's: parsed.
    assert.equal(fast.hits, 2);
    const messages = plain.errors.map((e) => e.message).join('\n');
    for (const want of [/YAML error/, /colour/, /duplicate `id`/]) assert.match(messages, want);
    assert.ok(fast.rules.some((r) => r.id === 's.renamed'));
    assert.deepStrictEqual(fast.errors, plain.errors);
    assert.deepStrictEqual(fast.rules, plain.rules);
  });
});
