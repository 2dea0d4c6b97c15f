/**
 * Taint rule files precompiled at build time (`precompileTaintRuleFiles`, looked up by text in `loadTaintRuleSet`)
 * load to exactly what parsing them gives: every built-in file and files with errors of each kind (YAML, schema,
 * a list defined twice, a duplicate id), with their ranges; a file whose text is not in the data is parsed.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { listRuleFiles } from '../../server/src/engine/rule-folder';
import { precompileTaintRuleFiles } from '../../server/src/engine/taint/precompile-rule-files';
import { precompiledStats, precompiledTaintRuleFile, setPrecompiledTaintRuleFiles } from '../../server/src/engine/taint/precompiled-rules';
import { loadTaintRuleSet, readTaintRuleFile } from '../../server/src/engine/taint/rule-set';

const ROOT = join(__dirname, '..', '..');
const BUILTIN = join(ROOT, 'rules', 'taint');

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

after(() => setPrecompiledTaintRuleFiles(undefined));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-precompiled-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A load of `dir` with `data` as the build's (a fresh copy: loads are cached per folder), paths made relative. */
function loadCopy(dir: string, data: string | undefined) {
  const copy = mkdtempSync(join(tmpdir(), 'vigil-precompiled-copy-'));
  cpSync(dir, copy, { recursive: true });
  setPrecompiledTaintRuleFiles(data);
  const hits = precompiledStats.hits;
  const { set, errors } = loadTaintRuleSet(copy);
  const rel = (p: string) => p.replace(copy, '<dir>');
  return {
    hits: precompiledStats.hits - hits,
    set: { ...set, ruleSources: new Map([...set.ruleSources].map(([k, v]) => [k, rel(v)])) },
    errors: errors.map((e) => ({ ...e, source: rel(e.source) })),
  };
}

describe('precompiled taint rule files', () => {
  it('every built-in file: the precompiled result is the parse', () => {
    setPrecompiledTaintRuleFiles(precompileTaintRuleFiles(BUILTIN));
    const files = listRuleFiles(BUILTIN, 'taint', [], true);
    assert.ok(files.length > 40, `${files.length} files`);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const pre = precompiledTaintRuleFile(text);
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
