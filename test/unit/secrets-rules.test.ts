import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import {
  checkRegexSafety,
  compileSecretRules,
  createSecretsAnalyzer,
  loadBuiltinSecretRules,
  parseSecretRuleFile,
  scanSecrets,
} from '../../server/src/engine/secrets';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/text';
import { SecretScanner } from '../../server/src/engine/secrets/secret-scanner';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { parseAnnotations } from '../rules/rule-fixtures';
import { providersMarkdown, rulesReference } from '../../scripts/secret-providers-table';

const RULES_DIR = defaultRulesDir();

const good = {
  id: 'acme.internal-token',
  name: 'Acme internal token',
  description: 'Tokens of the Acme internal API.',
  severity: 'high',
  regex: '\\b(acme_[a-z0-9]{32})\\b',
  keywords: ['acme_'],
};

describe('built-in secret rules', () => {
  const { rules, errors } = loadBuiltinSecretRules(RULES_DIR);

  it('load without errors and cover at least 150 credential formats', () => {
    assert.deepEqual(errors, []);
    assert.ok(rules.length >= 150, `only ${rules.length} rules`);
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  });

  it('each have fixtures that prove they fire (ruleid) and that they stay quiet (ok)', () => {
    const dir = join(RULES_DIR, 'secrets');
    const annotations = readdirSync(dir)
      .filter((f) => f.includes('.fixture.'))
      .flatMap((f) => parseAnnotations(readFileSync(join(dir, f), 'utf8')));
    const missing: string[] = [];
    for (const r of rules) {
      if (!annotations.some((a) => a.kind === 'ruleid' && a.ruleId === r.id)) missing.push(`${r.id}: no ruleid fixture`);
      if (!annotations.some((a) => a.kind === 'ok' && a.ruleId === r.id)) missing.push(`${r.id}: no ok fixture`);
    }
    assert.deepEqual(missing, []);
  });

  it('cover the providers named by issue 16, each rule proven in two file shapes and with a near miss', () => {
    const dir = join(RULES_DIR, 'secrets');
    const files = readdirSync(dir).filter((f) => f.includes('.fixture.'));
    const annotated = files.flatMap((f) => parseAnnotations(readFileSync(join(dir, f), 'utf8')).map((a) => ({ ...a, ext: f.slice(f.lastIndexOf('.')) })));
    const wanted: Record<string, RegExp> = {
      Snyk: /^Snyk$/, SonarSource: /^SonarSource$/, 'Sumo Logic': /^Sumo Logic$/, MessageBird: /^MessageBird$/,
      'X bearer token': /^X \(Twitter\)$/, age: /^Private keys$/, HubSpot: /^HubSpot$/, Square: /^Square$/, Facebook: /^Meta$/,
      Adobe: /^Adobe$/, Algolia: /^Algolia$/, Asana: /^Asana$/, Discord: /^Discord$/, Dropbox: /^Dropbox$/, Dynatrace: /^Dynatrace$/,
      Finicity: /^Finicity$/, KuCoin: /^KuCoin$/, Linear: /^Linear$/, 'Fly.io': /^Fly\.io$/, JFrog: /^JFrog$/, Harness: /^Harness$/,
      Sidekiq: /^Contribsys$/, Slack: /^Slack$/,
    };
    const problems: string[] = [];
    for (const [name, provider] of Object.entries(wanted)) {
      const own = rules.filter((r) => provider.test(r.provider) && (name !== 'age' || r.id === 'secrets.key.age-secret-key'));
      if (own.length === 0) problems.push(`${name}: no rule`);
      for (const r of own) {
        const shapes = new Set(annotated.filter((a) => a.kind === 'ruleid' && a.ruleId === r.id).map((a) => a.ext));
        if (shapes.size < 2) problems.push(`${r.id}: ruleid fixtures in ${shapes.size} file type(s), want 2`);
        if (!annotated.some((a) => a.kind === 'ok' && a.ruleId === r.id)) problems.push(`${r.id}: no ok fixture`);
      }
    }
    for (const id of ['secrets.twitter.bearer-token', 'secrets.key.age-secret-key', 'secrets.slack.legacy-token']) {
      if (!rules.some((r) => r.id === id)) problems.push(`${id}: missing`);
    }
    assert.deepEqual(problems, []);
  });

  it('are documented: the provider table and the rule reference are generated from the current rule files', () => {
    const root = join(__dirname, '..', '..');
    assert.equal(readFileSync(join(root, 'docs', 'secret-providers.md'), 'utf8'), providersMarkdown(rules), 'run scripts/secret-providers-table.ts');
    const reference = readFileSync(join(root, 'docs', 'rules', 'secrets.md'), 'utf8');
    assert.ok(reference.endsWith(rulesReference(rules)), 'run scripts/secret-providers-table.ts');
  });

  it('each carry a description, a provider, a docs link and CWE-798', () => {
    for (const r of rules) {
      assert.ok(r.description.length > 10, r.id);
      assert.ok(r.docsUrl.includes('secrets.md#'), r.id);
      assert.ok(r.cwe.includes('CWE-798'), r.id);
      assert.ok(r.id.startsWith('secrets.'), r.id);
    }
  });
});

describe('secret rule compiler', () => {
  const compileOne = (raw: Record<string, unknown>, custom = true) => compileSecretRules([raw], '/ws/.vigil.yml', { custom });

  it('accepts a well-formed rule and fills defaults', () => {
    const { rules, errors } = compileOne(good);
    assert.deepEqual(errors, []);
    assert.equal(rules[0]!.secretGroup, 1);
    assert.deepEqual(rules[0]!.cwe, ['CWE-798']);
    assert.equal(rules[0]!.custom, true);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['unknown field', { ...good, regexp: 'x' }, /unknown field `regexp`/],
    ['entropy out of range', { ...good, entropy: 9 }, /`entropy` must be a number between 0 and 8/],
    ['missing keywords', { ...good, keywords: [] }, /`keywords` needs at least one literal .* unless `files` names/],
    ['an empty `files` list', { ...good, files: [] }, /`files` needs at least one glob/],
    ['a `files` glob that cannot be read', { ...good, keywords: [], files: ['config/' + 'k'.repeat(1001) + '.key'] }, /`files\[0\]`/],
    ['bad severity', { ...good, severity: 'urgent' }, /`severity` must be one of/],
    ['invalid regex', { ...good, regex: '(abc' }, /regex/],
    ['nested quantifier (even in built-in rules)', { ...good, regex: '(a+)+b', keywords: ['ab'] }, /nested quantifier/],
    ['unbounded quantifier in a custom rule', { ...good, regex: 'acme_[a-z]+' }, /unbounded quantifier/],
    ['backreference', { ...good, regex: '(a{1,3})\\1' }, /backreference/],
    ['secret group out of range', { ...good, secretGroup: 3 }, /`secretGroup` must be a group number between 0 and 1/],
    ['bad allowlist key', { ...good, allowlist: { words: ['x'] } }, /unknown `allowlist` field `words`/],
    ['bad env name', { ...good, envName: 'acme-token' }, /`envName` must be an UPPER_SNAKE_CASE/],
    ['a rotate link that is not an https URL', { ...good, rotate: 'acme.dev/revoke' }, /`rotate` must be an https URL/],
    ['an unknown checksum format', { ...good, checksum: 'luhn' }, /`checksum` must be one of crc32-base62/],
    ['a parent form in a custom rule', { ...good, parent: { names: ['acme'], keys: ['token'], value: '[a-f0-9]{32}' } }, /`parent` is for built-in rules only/],
    ['a parent form without keys (built-in)', { ...good, parent: { names: ['acme'], value: '[a-f0-9]{32}' } }, /`parent` needs `names`, `keys` and `value`/],
    ['a parent value with a capture group (built-in)', { ...good, parent: { names: ['acme'], keys: ['token'], value: '([a-f0-9]{32})' } }, /`parent.value` must not have capture groups/],
    ['a parent name that is not a plain name (built-in)', { ...good, parent: { names: ['ac.me'], keys: ['token'], value: '[a-f0-9]{32}' } }, /`parent.names` are plain names/],
  ];
  for (const [what, raw, message] of bad) {
    it(`rejects ${what} with an actionable message naming the rule`, () => {
      const { rules, errors } = compileOne(raw, !what.includes('built-in'));
      assert.equal(rules.length, 0);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.message, message);
      assert.match(errors[0]!.message, /secret rule `acme\.internal-token`/);
    });
  }

  it('drops only the bad rule of a list, and duplicate ids after the first', () => {
    const { rules, errors } = compileSecretRules([good, { ...good, id: 'x.bad', entropy: -1 }, { ...good }, { ...good, id: 'x.two' }], 'src', { custom: true });
    assert.deepEqual(rules.map((r) => r.id), ['acme.internal-token', 'x.two']);
    assert.equal(errors.length, 2);
    assert.match(errors[1]!.message, /duplicate `id`/);
  });

  it('builds a parent form from data: its names become keywords and the rule reaches down the parent\'s window', () => {
    const { rules, errors } = compileOne({ ...good, parent: { names: ['Acme'], keys: ['token'], value: '[a-f0-9]{32}' } }, false);
    assert.deepEqual(errors, []);
    assert.deepEqual(rules[0]!.keywords, ['acme_', 'acme']);
    assert.equal(rules[0]!.multiline, 0);
    assert.ok(rules[0]!.reach > 1);
    const re = rules[0]!.parentRegex!;
    const secret = (text: string): string | undefined => {
      re.lastIndex = 0;
      const g = re.exec(text)?.groups;
      return g?.v1 ?? g?.v2 ?? g?.v3;
    };
    const v = '0123456789abcdef0123456789abcdef';
    assert.equal(secret(`acme:\n  url: x\n  token: "${v}"\n`), v);
    assert.equal(secret(`[tools.acme]\nurl = x\ntoken = ${v}\n`), v);
    assert.equal(secret(`"acme": {"url": "x", "token": "${v}"}`), v);
    assert.equal(secret(`acme:\n  url: x\nother:\n  token: "${v}"\n`), undefined, 'a sibling at the parent\'s level');
    assert.equal(secret(`[acme]\nurl = x\n[other]\ntoken = ${v}\n`), undefined, 'the next section');
    assert.equal(secret(`acme:\n  my_token: "${v}"\n`), undefined, 'keys match whole');
  });

  it('runs a rule with `files` only on those paths, and a keywordless one on every line of them', () => {
    const key = '9c41e07b52d8a3f61e0b47c98a2d5f13';
    const raw = { ...good, id: 'acme.key-file', regex: '^([0-9a-f]{32})$', keywords: [], files: ['**/keys/*.key'] };
    const { rules, errors } = compileOne(raw);
    assert.deepEqual(errors, []);
    const scanner = new SecretScanner(rules);
    const found = (rel: string, path: string, text: string): string[] => {
      const lines = new LineIndex(text);
      return scanner.scanLines({ path, text, lines, languageId: 'plaintext' }, 0, lines.lineCount - 1, scanner.activeRules(rel, path)).map((m) => `${m.rule.id}@${m.start.line}`);
    };
    assert.deepEqual(found('keys/prod.key', '/ws/keys/prod.key', `# comment\n${key}\n`), ['acme.key-file@1']);
    assert.deepEqual(found('notes/prod.key', '/ws/notes/prod.key', `${key}\n`), [], 'a path `files` does not name');
    // Outside a workspace folder the relative path is the name alone: the file's own path is matched too.
    assert.deepEqual(found('prod.key', '/elsewhere/keys/prod.key', `${key}\n`), ['acme.key-file@0']);
  });

  it('accepts the (?i) prefix of other tools as the ignoreCase flag', () => {
    const { rules } = compileOne({ ...good, regex: '(?i)\\b(acme_[a-z0-9]{32})\\b' });
    assert.equal(rules[0]!.regex.flags.includes('i'), true);
  });

  it('reports YAML errors and bad rules of a rule file with their location', () => {
    const broken = parseSecretRuleFile('rules:\n  - id: [unclosed\n', '/r/x.yml', new Set());
    assert.equal(broken.rules.length, 0);
    assert.ok(broken.errors[0]!.range);
    const text = `rules:\n  - id: a.one\n    name: One\n    description: First rule here.\n    severity: high\n    regex: 'one_[a-z]{8}'\n    keywords: [one_]\n  - id: a.two\n    severity: nope\n`;
    const partial = parseSecretRuleFile(text, '/r/x.yml', new Set());
    assert.deepEqual(partial.rules.map((r) => r.id), ['a.one']);
    assert.equal(partial.errors[0]!.ruleId, 'a.two');
    assert.equal(partial.errors[0]!.range!.start.line, 7);
  });
});

describe('custom secret rules from the workspace config', () => {
  it('run beside the built-ins; a bad one is reported on the config file and the others keep working', () => {
    const { analyzer, errors } = createSecretsAnalyzer({
      customSecretRules: [good, { id: 'acme.broken', regex: '(x+)+' }],
      customRulesSource: '/ws/.vigil.yml',
    });
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.source, '/ws/.vigil.yml');
    assert.equal(errors[0]!.ruleId, 'acme.broken');
    const ids = analyzer.rules().map((r) => r.id);
    assert.ok(ids.includes('acme.internal-token'));
    assert.ok(ids.includes('secrets.github.classic-pat'));
  });

  it('cannot shadow a built-in rule id', () => {
    const { errors } = createSecretsAnalyzer({ customSecretRules: [{ ...good, id: 'secrets.github.classic-pat' }] });
    assert.match(errors[0]!.message, /duplicate `id`/);
  });

  it('name the provider\'s revoke page in the message when the rule has a `rotate` link', async () => {
    const rotate = 'https://acme.dev/tokens/revoke';
    const { analyzer, errors } = createSecretsAnalyzer({ customSecretRules: [{ ...good, rotate }, { ...good, id: 'acme.other', regex: '\\b(acmo_[a-z0-9]{32})\\b', keywords: ['acmo_'] }] });
    assert.deepEqual(errors, []);
    assert.equal(analyzer.scanner.rules.find((r) => r.id === good.id)!.rotateUrl, rotate);
    const engine = await Engine.create({ analyzers: [analyzer] });
    try {
      const text = `A=acme_k3x9qw7mpz2lrt8vnc4hsy6bqd1fj5z7\nB=acmo_k3x9qw7mpz2lrt8vnc4hsy6bqd1fj5z7\n`;
      const found = engine.scanText('/ws/a.env', 'dotenv', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings;
      assert.match(found.find((f) => f.ruleId === good.id)!.message, /How to revoke it: https:\/\/acme\.dev\/tokens\/revoke/);
      assert.doesNotMatch(found.find((f) => f.ruleId === 'acme.other')!.message, /How to revoke/);
    } finally {
      engine.dispose();
    }
  });

  it('keep a leading `$` that the rule\'s own keyword starts with (Asaas\' `$aact_`), and still drop a `$VARIABLE`', async () => {
    const dollar = { ...good, id: 'acme.dollar', regex: '(\\$acme_[A-Za-z0-9]{20,80})', keywords: ['$acme_'] };
    // The same text, but the rule's keyword does not include the `$`: the `$` is not the format's, so a template.
    const plain = { ...good, id: 'acme.plain', regex: '(\\$?acmo_[A-Za-z0-9]{20,80})', keywords: ['acmo_'] };
    const { analyzer, errors } = createSecretsAnalyzer({ customSecretRules: [dollar, plain] });
    assert.deepEqual(errors, []);
    const engine = await Engine.create({ analyzers: [analyzer] });
    try {
      const body = 'Kq7ZtR2mVx9NcLp4Hs8J';
      const text = `A=$acme_${body}\nB=$acmo_${body}\n`;
      const found = engine.scanText('/ws/a.env', 'dotenv', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings;
      assert.deepEqual(found.filter((f) => f.ruleId.startsWith('acme.')).map((f) => f.ruleId), ['acme.dollar']);
    } finally {
      engine.dispose();
    }
  });

  it('find their secrets through the same pipeline (masked, with fixes)', () => {
    const { analyzer } = createSecretsAnalyzer({ customSecretRules: [good] });
    const secret = `acme_k3x9qw7mpz2lrt8vnc4hsy6bqd1fj5z7`;
    assert.equal(secret.length, 37);
    assert.ok(analyzer.rules().some((r) => r.id === good.id));
    const text = `VALUE=${secret}\n`;
    const matches = analyzer.scanner.scanLines(
      { text, lines: new LineIndex(text), path: '/ws/a.env', languageId: 'dotenv' },
      0,
      1,
      analyzer.scanner.activeRules('/ws/a.env'),
    );
    assert.deepEqual(matches.map((m) => m.rule.id), [good.id]);
  });
});

describe('regex safety checker', () => {
  it('passes bounded, unnested patterns', () => {
    assert.equal(checkRegexSafety('\\b(ghp_[A-Za-z0-9]{36})\\b', { strict: true }), undefined);
    assert.equal(checkRegexSafety('(?:[a-z]{1,5}\\.){1,3}x', { strict: true }), undefined);
  });
  it('flags the classic catastrophic shapes', () => {
    assert.match(checkRegexSafety('(a*)*', { strict: false })!, /nested quantifier/);
    assert.match(checkRegexSafety('(?:\\w+\\s?)+$', { strict: false })!, /nested quantifier/);
    assert.match(checkRegexSafety('(a|aa){1,50}', { strict: true })!, /alternation/);
    assert.match(checkRegexSafety('(?=a{1,3})b', { strict: true })!, /lookaround/);
    assert.match(checkRegexSafety('x.*y', { strict: true })!, /unbounded/);
  });
});

describe('scanSecrets (plain entry point)', () => {
  it('finds secrets in any text file and never returns the raw value', () => {
    const token = 'ghp_' + 'Q7wE9rT2yU4iO6pA8sD0fG1hJ3kL5zX7c'.slice(0, 30) + '0Ab1Cd';
    const findings = scanSecrets(`GITHUB_TOKEN=${token}\n`, '/repo/.env');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'secrets.github.classic-pat');
    assert.ok(!JSON.stringify(findings).includes(token));
  });

  it('reads every child of a key-named parent, not only the first (a list of admin keys, a table of keys)', () => {
    const [a, b, c] = ['7c2e9a4f1b6d3085e2a7c4f9b1d6e3a8', '3f8b1d6a9c2e4075b3f8a1d6c9e2b47f', '5e1a8c3f7b2d9046a5e1c8f3b7d2a96c'];
    const yaml = `admin_key:\n  - name: admin\n    key: ${a}\n  - name: viewer\n    key: ${b}\nkey: ${c}\n`;
    const lines = (text: string, path: string): number[] => scanSecrets(text, path).map((f) => f.range.start.line).sort((x, y) => x - y);
    assert.deepEqual(lines(yaml, '/repo/config.yaml'), [2, 4], 'both list items; the sibling after the block is not a child');
    assert.deepEqual(lines(`[admin_keys]\nkey = "${a}"\nvalue = "${b}"\n`, '/repo/config.toml'), [1, 2]);
  });
});
