import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { applyConfig, defaultVigilConfig, loadVigilConfig, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'vigil.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const GOOD: Record<string, string> = {
  empty: '',
  comments: '# nothing set yet\n',
  full: `version: 1
packs:
  taint: true
  secrets: false
rules:
  js.express.sqli: false
  secrets.generic.*: true
severity:
  js.express.xss: critical
minSeverity: medium
exclude:
  - "**/vendor/**"
  - test/fixtures/**
maxFileSize: 500000
customRules:
  secrets:
    - id: acme.token
      regex: "acme_[a-z0-9]{32}"
  taint: []
baseline: security/baseline.json
`,
  nestedDotsInName: 'baseline: config/.vigil-baseline.json\nexclude: ["./build/**"]\n',
  ignore: 'ignore:\n  - rule: GHSA-aaaa-bbbb-cccc\n    path: package-lock.json\n    reason: test-only tool\n    until: 2027-03-31\n  - rule: secrets.generic.password-assignment\n    reason: fixtures\n',
};

const BAD: Record<string, { text: string; line: number; mentions: string }> = {
  unknownTopKey: { text: 'minSeverity: low\nexcludes: ["a"]\n', line: 1, mentions: 'Unknown key "excludes"' },
  badSeverity: { text: 'severity:\n  js.sqli: urgent\n', line: 1, mentions: 'severity.js.sqli' },
  badMinSeverity: { text: 'minSeverity: 3\n', line: 0, mentions: 'minSeverity' },
  unknownPack: { text: 'packs:\n  crypto: true\n', line: 1, mentions: 'Unknown rule pack "crypto"' },
  packNotBool: { text: 'packs:\n  taint: "yes"\n', line: 1, mentions: 'packs.taint' },
  ruleNotBool: { text: 'rules:\n  js.sqli: off-ish\n', line: 1, mentions: 'rules.js.sqli' },
  excludeEscapes: { text: 'exclude:\n  - "../other/**"\n', line: 1, mentions: 'inside the workspace' },
  excludeDotDotInside: { text: 'exclude:\n  - "src/../../x"\n', line: 1, mentions: 'inside the workspace' },
  excludeAbsolute: { text: 'exclude:\n  - /etc/**\n', line: 1, mentions: 'not absolute' },
  excludeNotList: { text: 'exclude: "**/vendor/**"\n', line: 0, mentions: 'list of glob' },
  baselineEscapes: { text: 'baseline: ../baseline.json\n', line: 0, mentions: 'baseline' },
  baselineDir: { text: 'baseline: security/\n', line: 0, mentions: 'must name a file' },
  maxFileSizeTooSmall: { text: 'maxFileSize: 10\n', line: 0, mentions: 'maxFileSize' },
  maxFileSizeFloat: { text: 'maxFileSize: 2000.5\n', line: 0, mentions: 'maxFileSize' },
  customRulesUnknownPack: { text: 'customRules:\n  sql: []\n', line: 1, mentions: 'Unknown custom rule pack' },
  customRuleNotMapping: { text: 'customRules:\n  secrets:\n    - just-a-string\n', line: 2, mentions: 'customRules.secrets[0]' },
  version2: { text: 'version: 2\n', line: 0, mentions: 'version must be 1' },
  topIsList: { text: '- a\n- b\n', line: 0, mentions: 'mapping' },
  badRuleId: { text: 'rules:\n  "bad id!": false\n', line: 1, mentions: 'not a valid rule id' },
  ignoreNoReason: { text: 'ignore:\n  - rule: js.sqli\n', line: 1, mentions: 'reason must say why' },
  ignoreUnknownKey: { text: 'ignore:\n  - rule: js.sqli\n    reason: x\n    expires: 2027-01-01\n', line: 3, mentions: 'unknown key "expires"' },
  ignoreBadDate: { text: 'ignore:\n  - rule: js.sqli\n    reason: x\n    until: someday\n', line: 3, mentions: 'until must be a date' },
};

describe('.vigil.yml loader', () => {
  it('accepts the good samples and reads every field', () => {
    for (const [name, text] of Object.entries(GOOD)) {
      const r = parseVigilConfig(text, '/ws/.vigil.yml');
      assert.deepEqual(r.errors, [], name);
      assert.ok(r.config, name);
    }
    const full = parseVigilConfig(GOOD.full!, '/ws/.vigil.yml').config!;
    assert.deepEqual(full.packs, { taint: true, secrets: false });
    assert.deepEqual(full.rules, { 'js.express.sqli': false, 'secrets.generic.*': true });
    assert.deepEqual(full.severity, { 'js.express.xss': 'critical' });
    assert.equal(full.minSeverity, 'medium');
    assert.deepEqual(full.exclude, ['**/vendor/**', 'test/fixtures/**']);
    assert.equal(full.maxFileSize, 500000);
    assert.deepEqual(full.customRules.secrets, [{ id: 'acme.token', regex: 'acme_[a-z0-9]{32}' }]);
    assert.equal(full.baseline, 'security/baseline.json');
  });

  it('rejects each bad sample with a located, specific error and no config', () => {
    for (const [name, bad] of Object.entries(BAD)) {
      const r = parseVigilConfig(bad.text, '/ws/.vigil.yml');
      assert.equal(r.config, undefined, name);
      assert.ok(r.errors.length > 0, name);
      const e = r.errors[0]!;
      assert.equal(e.source, '/ws/.vigil.yml');
      assert.ok(e.message.includes(bad.mentions), `${name}: "${e.message}" should mention "${bad.mentions}"`);
      assert.ok(e.range, `${name}: error has a range`);
      assert.equal(e.range.start.line, bad.line, `${name}: error line`);
    }
  });

  it('points an unknown key error at the key itself', () => {
    const r = parseVigilConfig('minSeverity: low\n  \nexcldue: []\n', 'f');
    assert.deepEqual(r.errors[0]!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } });
  });

  it('reports YAML syntax errors and duplicate keys with a position', () => {
    const syntax = parseVigilConfig('exclude: [a, b\nminSeverity: low\n', 'f');
    assert.equal(syntax.config, undefined);
    assert.match(syntax.errors[0]!.message, /YAML syntax error/);
    assert.ok(syntax.errors[0]!.range);
    const dup = parseVigilConfig('minSeverity: low\nminSeverity: high\n', 'f');
    assert.equal(dup.config, undefined);
    assert.equal(dup.errors[0]!.range!.start.line, 1);
  });

  it('reports every error of a file at once', () => {
    const r = parseVigilConfig('minSeverity: x\nmaxFileSize: 1\nfoo: 1\n', 'f');
    assert.equal(r.errors.length, 3);
  });

  it('agrees with schemas/vigil.schema.json on every sample', () => {
    for (const [name, text] of Object.entries(GOOD)) {
      assert.equal(validate(parse(text) ?? null), true, `schema should accept ${name}: ${JSON.stringify(validate.errors)}`);
    }
    for (const [name, bad] of Object.entries(BAD)) {
      assert.equal(validate(parse(bad.text)), false, `schema should reject ${name}`);
    }
  });

  it('loads from a workspace folder, and defaults when there is no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
    assert.deepEqual(loadVigilConfig(dir), { config: defaultVigilConfig(), errors: [] });
    writeFileSync(join(dir, '.vigil.yml'), 'minSeverity: high\n');
    const r = loadVigilConfig(dir);
    assert.equal(r.file, join(dir, '.vigil.yml'));
    assert.equal(r.config?.minSeverity, 'high');
  });

  it('applies a config on top of base settings', () => {
    const config = parseVigilConfig('packs: {secrets: false}\nrules: {a.b: false, c.d: true}\nseverity: {e.f: info}\nmaxFileSize: 5000\n', 'f').config!;
    const s = applyConfig({ ...DEFAULT_SETTINGS, disabledRules: ['c.d', 'x.y'] }, config);
    assert.deepEqual(s.packs, { taint: true, secrets: false, config: true, dependencies: true });
    assert.deepEqual(s.disabledRules.sort(), ['a.b', 'x.y']);
    assert.deepEqual(s.severityOverrides, { 'e.f': 'info' });
    assert.equal(s.maxFileSize, 5000);
    assert.equal(s.minSeverity, DEFAULT_SETTINGS.minSeverity);
  });
});

describe('.vigil.yml packs.dependencies', () => {
  it('switches the dependencies pack off, and refuses a non-boolean', () => {
    const off = parseVigilConfig('packs:\n  dependencies: false\n', 'f');
    assert.equal(off.config!.packs.dependencies, false);
    assert.equal(applyConfig(DEFAULT_SETTINGS, off.config!).packs.dependencies, false);
    const bad = parseVigilConfig('packs:\n  dependencies: "no"\n', 'f');
    assert.equal(bad.config, undefined);
    assert.match(bad.errors[0]!.message, /packs\.dependencies must be true or false/);
  });
});
