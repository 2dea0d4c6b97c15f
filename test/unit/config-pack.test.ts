import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import {
  compileConfigRules,
  createConfigAnalyzer,
  CHECKS,
  envNameFor,
  kindOf,
  loadBuiltinConfigRules,
  parseConfigRuleFile,
  parseDockerfile,
  parseYaml,
} from '../../server/src/engine/iac';
import { parseHcl } from '../../server/src/engine/iac/hcl';
import { languageIdForPath } from '../../server/src/engine/languages';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding } from '../../server/src/engine/types';
import { effectiveSettings } from '../../server/src/lsp/settings';
import { defaultVigilConfig, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { VigilSettings } from '../../server/src/shared/protocol';
import { prng } from '../reliability/corpus';
import { fixtureScanPath, parseAnnotations } from '../rules/rule-fixtures';

const ALL: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info' };
const CHECK_NAMES = new Set(CHECKS.keys());

async function scan(path: string, text: string, languageId = 'yaml', settings = ALL): Promise<{ findings: Finding[]; notices: string[] }> {
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  try {
    const r = engine.scanText(path, languageId, text, settings);
    return { findings: r.findings.filter((f) => f.pack === 'config'), notices: r.notices.map((n) => n.message) };
  } finally {
    engine.dispose();
  }
}

/** The text a finding's range covers. */
function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.range.start.line !== f.range.end.line) return `${lines[f.range.start.line]!.slice(f.range.start.character)}…`;
  return lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character);
}

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
    - name: app
      image: example/app:1.0
      securityContext:
        privileged: true
`;

describe('config pack: file kinds', () => {
  it('recognises each kind from one table, and Kubernetes by content', () => {
    assert.equal(kindOf('/r/.github/workflows/ci.yml'), 'github-workflow');
    assert.equal(kindOf('C:\\r\\.github\\workflows\\ci.yaml'), 'github-workflow');
    assert.equal(kindOf('/r/.github/actions/setup/action.yml'), 'github-action');
    assert.equal(kindOf('/r/Dockerfile'), 'dockerfile');
    assert.equal(kindOf('/r/Dockerfile.prod'), 'dockerfile');
    assert.equal(kindOf('/r/api.Dockerfile'), 'dockerfile');
    assert.equal(kindOf('/r/Containerfile'), 'dockerfile');
    assert.equal(kindOf('/r/docker-compose.override.yml'), 'compose');
    assert.equal(kindOf('/r/compose.yaml'), 'compose');
    assert.equal(kindOf('/r/k8s/pod.yaml', POD('x')), 'kubernetes');
    assert.equal(kindOf('/r/config.yml', 'name: x\nitems: [1]\n'), undefined);
    assert.equal(kindOf('/r/.github/workflows/README.md'), undefined);
    assert.equal(kindOf('/r/src/app.ts', POD('x')), undefined);
    assert.equal(kindOf('/r/infra/main.tf'), 'terraform');
    assert.equal(kindOf('/r/infra/prod.tfvars'), 'terraform-vars');
  });
});

describe('config pack: YAML parsing', () => {
  it('checks every document of a multi-document file, each finding on its own document', async () => {
    const text = `${POD('a')}---\n${POD('b')}`;
    const { findings } = await scan('/r/pods.yaml', text);
    const privileged = findings.filter((f) => f.ruleId === 'config.k8s.privileged');
    assert.deepEqual(privileged.map((f) => f.range.start.line), [9, 20]);
  });

  it('a broken document gives no findings and no crash; the other documents still count', async () => {
    const broken = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n    {name: x\n';
    const only = await scan('/r/broken.yaml', broken);
    assert.deepEqual(only.findings, []);
    assert.deepEqual(only.notices, []);
    const mixed = parseYaml(`${POD('ok')}---\n${broken}`);
    assert.equal(mixed.docs.length, 1);
    assert.deepEqual(mixed.skipped, [{ index: 1, reason: 'syntax' }]);
  });

  it('reads a Helm template that parses as YAML without a process warning (collection keys from `{{ }}`)', async () => {
    const warnings: string[] = [];
    const listen = (w: Error): void => void warnings.push(w.message);
    process.on('warning', listen);
    try {
      // `{{ .Values.x }}:` is a flow mapping used as a key; the `*` makes the alias check run.
      const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  {{ .Values.name }}: "*"\n';
      const r = parseYaml(text);
      assert.equal(r.docs.length, 1);
      await new Promise((res) => setImmediate(res));
      assert.deepEqual(warnings, []);
    } finally {
      process.off('warning', listen);
    }
  });

  it('refuses an alias bomb with a notice instead of expanding it', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(97 + i - 1);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const bomb = `apiVersion: v1\nkind: ConfigMap\n${levels.join('\n')}\n`;
    const parsed = parseYaml(bomb);
    assert.deepEqual(parsed.docs, []);
    assert.deepEqual(parsed.skipped, [{ index: 0, reason: 'aliases' }]);
    const { findings, notices } = await scan('/r/bomb.yaml', bomb);
    assert.deepEqual(findings, []);
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /alias/);
  });

  it('follows a few aliases and << merge keys, as compose files use them', async () => {
    const text = 'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    image: b:1\n';
    const { findings } = await scan('/r/docker-compose.yml', text);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'config.compose.privileged').map((f) => f.range.start.line),
      [1],
    );
  });

  it('finding ranges point at the offending key and value', async () => {
    const text = POD('r', '  hostNetwork: true\n  volumes:\n    - name: h\n      hostPath:\n        path: /etc\n');
    const { findings } = await scan('/r/pod.yaml', text);
    const at = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => covered(text, f));
    assert.deepEqual(at('config.k8s.host-network'), ['hostNetwork: true']);
    assert.deepEqual(at('config.k8s.host-path'), ['hostPath']);
    assert.deepEqual(at('config.k8s.privileged'), ['privileged: true']);
    // A missing key is reported on the nearest key that exists: the container's securityContext.
    assert.deepEqual(at('config.k8s.allow-privilege-escalation'), ['securityContext']);
  });

  it('points into block scalars: the expression inside a run script', async () => {
    const text = 'on: issues\npermissions: {}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo hi\n          echo "${{ github.event.issue.body }}"\n';
    const { findings } = await scan('/r/.github/workflows/x.yml', text);
    const f = findings.find((x) => x.ruleId === 'config.gha.run-injection');
    assert.ok(f);
    assert.equal(covered(text, f), '${{ github.event.issue.body }}');
    assert.equal(f.range.start.line, 8);
  });

  it('a session gives the same findings as a fresh scan after edits', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    try {
      const text = POD('p');
      engine.open('u', '/r/p.yaml', 'yaml', text);
      const before = engine.analyze('u', ALL).findings.filter((f) => f.pack === 'config');
      const at = text.indexOf('true');
      const line = text.slice(0, at).split('\n').length - 1;
      const character = at - text.lastIndexOf('\n', at) - 1;
      engine.change('u', [{ range: { start: { line, character }, end: { line, character: character + 4 } }, text: 'false' }], 1);
      const after = engine.analyze('u', ALL).findings.filter((f) => f.pack === 'config');
      assert.ok(before.some((f) => f.ruleId === 'config.k8s.privileged'));
      assert.ok(!after.some((f) => f.ruleId === 'config.k8s.privileged'));
      const fresh = (await scan('/r/p.yaml', text.replace('privileged: true', 'privileged: false'))).findings;
      assert.deepEqual(after.map((f) => [f.ruleId, f.range]), fresh.map((f) => [f.ruleId, f.range]));
    } finally {
      engine.dispose();
    }
  });
});

describe('config pack: per-document parse cache', () => {
  it('a session re-parsing only edited documents gives exactly the findings of a fresh scan, edit after edit', async () => {
    const dir = join(defaultRulesDir(), 'config');
    let text = ['k8s-deployment', 'k8s-cronjob', 'k8s-rbac', 'k8s-hardened']
      .map((f) => readFileSync(join(dir, `${f}.fixture.yaml`), 'utf8'))
      .join('---\n');
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const fresh = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const rnd = prng(7);
    const pieces = ['x', '\n', '---\n', '  ', 'true', ': ', '\n---\n', '- '];
    try {
      engine.open('u', '/r/all.yaml', 'yaml', text);
      for (let i = 0; i < 60; i++) {
        const lines = text.split('\n');
        const line = Math.floor(rnd() * lines.length);
        const character = Math.floor(rnd() * (lines[line]!.length + 1));
        const del = rnd() < 0.4 ? Math.min(3, lines[line]!.length - character) : 0;
        const insert = rnd() < 0.7 ? pieces[Math.floor(rnd() * pieces.length)]! : '';
        engine.change('u', [{ range: { start: { line, character }, end: { line, character: character + del } }, text: insert }], i + 1);
        lines[line] = lines[line]!.slice(0, character) + insert + lines[line]!.slice(character + del);
        text = lines.join('\n');
        const got = engine.analyze('u', ALL).findings.filter((f) => f.pack === 'config');
        const want = fresh.scanText('/r/all.yaml', 'yaml', text, ALL).findings.filter((f) => f.pack === 'config');
        assert.deepEqual(
          got.map((f) => [f.ruleId, f.range, f.fixes]),
          want.map((f) => [f.ruleId, f.range, f.fixes]),
          `edit ${i}`,
        );
      }
    } finally {
      engine.dispose();
      fresh.dispose();
    }
  });
});

describe('config pack: Dockerfile parser', () => {
  it('joins continuation lines, skips comments inside them, keeps offsets and stages', () => {
    const text = 'FROM node:20 AS build\nRUN apt-get update \\\n    # a comment\n    && curl -s https://x | sh\nFROM build\nCMD ["node", "a.js"]\n';
    const df = parseDockerfile(text);
    assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'FROM', 'CMD']);
    const run = df.instructions[1]!;
    assert.equal(run.joined, 'apt-get update      && curl -s https://x | sh');
    assert.equal(text.slice(run.argsStart, run.end), run.args);
    assert.deepEqual(df.stages.map((s) => s.name), ['build', undefined]);
    assert.deepEqual(df.instructions[3]!.exec, ['node', 'a.js']);
  });

  it('honours the escape directive', () => {
    const df = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n');
    assert.equal(df.escape, '`');
    assert.equal(df.instructions.length, 2);
    assert.match(df.instructions[1]!.joined, /dir\s+c:\\/);
  });

  it('Dockerfile findings point at the offending text', async () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl && curl -fsSL https://x.example/i.sh | sh\nUSER 10001\n';
    const { findings } = await scan('/r/Dockerfile', text, 'dockerfile');
    assert.deepEqual(findings.map((f) => [f.ruleId, covered(text, f)]), [['config.docker.curl-pipe-shell', 'curl -fsSL https://x.example/i.sh | sh']]);
  });
});

describe('config rules', () => {
  const { rules, errors } = loadBuiltinConfigRules(defaultRulesDir());

  it('load without errors: at least 30 rules over every file kind, unique ids, each with fixtures both ways', () => {
    assert.deepEqual(errors, []);
    assert.ok(rules.length >= 30, `only ${rules.length} rules`);
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    for (const kind of ['github-workflow', 'github-action', 'dockerfile', 'compose', 'kubernetes', 'terraform', 'terraform-vars', 'cloudformation']) {
      assert.ok(rules.some((r) => r.kinds.includes(kind as never)), kind);
    }
    const dir = join(defaultRulesDir(), 'config');
    const annotations = readdirSync(dir)
      .filter((f) => f.includes('.fixture.'))
      .flatMap((f) => parseAnnotations(readFileSync(join(dir, f), 'utf8')));
    for (const r of rules) {
      assert.ok(annotations.some((a) => a.kind === 'ruleid' && a.ruleId === r.id), `${r.id} has no ruleid fixture`);
      assert.ok(annotations.some((a) => a.kind === 'ok' && a.ruleId === r.id), `${r.id} has no ok fixture`);
    }
  });

  it('report each bad rule with its field, located on its file; the good rules still load', () => {
    const text = [
      'rules:',
      '  - id: config.test.good',
      '    name: Good',
      '    description: d',
      '    message: m',
      '    severity: low',
      '    cwe: [CWE-1]',
      '    kind: compose',
      '    match: { path: $service, when: [{ key: privileged, equals: true }] }',
      '  - id: config.test.bad',
      '    name: Bad',
      '    description: d',
      '    message: m',
      '    severity: low',
      '    cwe: [CWE-1]',
      '    kind: compose',
      '    match: { path: $nowhere, when: [{ key: x }] }',
      '',
    ].join('\n');
    const r = parseConfigRuleFile(text, '/r/rules.yml', new Set());
    assert.deepEqual(r.rules.map((x) => x.id), ['config.test.good']);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.ruleId, 'config.test.bad');
    assert.match(r.errors[0]!.message, /unknown anchor `\$nowhere`/);
    assert.equal(r.errors[0]!.range?.start.line, 9);
  });

  it('reject unknown fields, unknown checks, bad regexes and duplicate ids', () => {
    const base = { id: 'config.t.a', name: 'n', description: 'd', message: 'm', severity: 'low', cwe: ['CWE-1'], kind: 'dockerfile' };
    const cases: [unknown, RegExp][] = [
      [{ ...base, check: 'nope' }, /names no known check/],
      [{ ...base, match: { instruction: 'RUN', matches: '(' } }, /not a valid regex/],
      [{ ...base, match: { instruction: 'RUN' }, extra: 1 }, /unknown field `extra`/],
      [{ ...base, id: 'bad id' }, /`id` must start with `config.`/],
      [{ ...base, kind: 'helm-chart', check: 'docker-root-user' }, /`kind` must be one of/],
      [
        { ...base, kind: 'terraform', match: { path: 'resource.x.*', when: [{ key: 'a', equals: 1 }] }, fix: { title: 't', set: { key: 'a', value: '1' } } },
        /cannot apply to terraform rules/,
      ],
      [{ ...base, check: 'docker-root-user', match: { instruction: 'RUN' } }, /exactly one of `match` or `check`/],
    ];
    for (const [raw, re] of cases) {
      const r = compileConfigRules([raw], 'x', { custom: false, takenIds: new Set(), checks: CHECK_NAMES });
      assert.equal(r.rules.length, 0, String(re));
      assert.match(r.errors[0]!.message, re);
    }
    const dup = compileConfigRules([{ ...base, check: 'docker-root-user' }, { ...base, check: 'docker-root-user' }], 'x', { custom: false, takenIds: new Set(), checks: CHECK_NAMES });
    assert.equal(dup.rules.length, 1);
    assert.match(dup.errors[0]!.message, /duplicate rule id/);
  });

  it('custom rules compile their regexes for the linear-time engine', () => {
    const raw = { id: 'config.t.b', name: 'n', description: 'd', message: 'm', severity: 'low', cwe: ['CWE-1'], kind: 'dockerfile', match: { instruction: 'RUN', matches: '(a)\\1' } };
    assert.equal(compileConfigRules([raw], 'x', { custom: false, takenIds: new Set(), checks: CHECK_NAMES }).errors.length, 0);
    const custom = compileConfigRules([raw], 'x', { custom: true, takenIds: new Set(), checks: CHECK_NAMES });
    assert.match(custom.errors[0]!.message, /linear-time engine/);
  });

  it('gives readable env names for the script-injection fix', () => {
    assert.equal(envNameFor('github.event.issue.title'), 'ISSUE_TITLE');
    assert.equal(envNameFor('github.head_ref'), 'HEAD_REF');
    assert.equal(envNameFor("github.event.commits[0].message"), 'COMMITS_0_MESSAGE');
  });

  it('the pack can be switched off, and the secrets pack still runs on config files', async () => {
    const text = 'FROM alpine\nENV GITHUB_TOKEN=ghp_R3aLlyN0tAR3alT0k3nJustF0rT3sts1234\n';
    const on = await scan('/r/Dockerfile', text, 'dockerfile');
    assert.ok(on.findings.length > 0);
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    try {
      const off = engine.scanText('/r/Dockerfile', 'dockerfile', text, { ...ALL, packs: { ...ALL.packs, config: false } }).findings;
      assert.ok(!off.some((f) => f.pack === 'config'));
      assert.ok(off.some((f) => f.pack === 'secrets'), 'the secrets pack must keep running on Dockerfiles');
    } finally {
      engine.dispose();
    }
  });

  it('createConfigAnalyzer reports a missing rules folder instead of throwing', () => {
    const made = createConfigAnalyzer({ rulesDir: '/nonexistent-vigil-rules' });
    assert.equal(made.analyzer.rules().length, 0);
    assert.match(made.errors[0]!.message, /cannot read the config rules folder/);
  });

  it('a parse of a pathological YAML file stays bounded (child process guard)', () => {
    // Deeply nested flow collections and a long alias chain: must finish, not hang or overflow.
    const src = `const { parseYaml } = require(${JSON.stringify(join(__dirname, '../../server/src/engine/iac/yaml-model.ts'))});
      const deep = 'a: ' + '['.repeat(2000) + ']'.repeat(2000);
      const chain = Array.from({ length: 500 }, (_, i) => i === 0 ? 'k0: &k0 [x]' : 'k' + i + ': &k' + i + ' [*k' + (i - 1) + ', *k' + (i - 1) + ']').join('\\n');
      const a = parseYaml(deep); const b = parseYaml(chain);
      process.stdout.write(JSON.stringify([a.docs.length + a.skipped.length, b.skipped.map((s) => s.reason)]));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', src], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const [count, reasons] = JSON.parse(r.stdout) as [number, string[]];
    assert.equal(count, 1);
    assert.deepEqual(reasons, ['aliases']);
  });
});

describe('config pack: settings and robustness', () => {
  it('vigil.packs.config and .vigil.yml packs.config both reach the analysis settings', () => {
    assert.equal(VigilSettings.from({}).packs.config, true);
    assert.equal(VigilSettings.from({ packs: { config: false } }).packs.config, false);
    assert.equal(VigilSettings.from({ packs: { config: 'no' } }).packs.config, true);
    const fromFile = parseVigilConfig('packs:\n  config: false\n', '/ws/.vigil.yml');
    assert.deepEqual(fromFile.errors, []);
    assert.equal(effectiveSettings(VigilSettings.from({}), fromFile.config!).analysis.packs.config, false);
    // A VS Code setting changed from its default wins over the file.
    assert.equal(effectiveSettings(VigilSettings.from({ packs: { config: false } }), defaultVigilConfig()).analysis.packs.config, false);
  });

  it('a vigil-ignore comment in YAML suppresses a config finding', async () => {
    const text = POD('s').replace('        privileged: true', '        # vigil-ignore config.k8s.privileged -- needed for the CNI plugin\n        privileged: true');
    assert.ok((await scan('/r/pod.yaml', POD('s'))).findings.some((f) => f.ruleId === 'config.k8s.privileged'));
    const { findings } = await scan('/r/pod.yaml', text);
    assert.ok(!findings.some((f) => f.ruleId === 'config.k8s.privileged'));
  });

  it('mangled fixtures (cut, lines dropped, noise) never make the pack fail', async () => {
    const dir = join(defaultRulesDir(), 'config');
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const rnd = prng(12);
    try {
      for (const f of readdirSync(dir).filter((x) => x.includes('.fixture.'))) {
        const text = readFileSync(join(dir, f), 'utf8');
        const path = fixtureScanPath(join(dir, f), text);
        for (let i = 0; i < 25; i++) {
          const lines = text.split('\n');
          let mangled: string;
          const mode = i % 3;
          if (mode === 0) mangled = text.slice(0, Math.floor(rnd() * text.length));
          else if (mode === 1) mangled = lines.filter(() => rnd() > 0.2).join('\n');
          else {
            const at = Math.floor(rnd() * text.length);
            mangled = text.slice(0, at) + ['[', '{', ': ', '- ', '*a', '&a ', '\\\n', '"', '${{', '\t'][Math.floor(rnd() * 10)] + text.slice(at);
          }
          const r = engine.scanText(path, languageIdForPath(path.replace('.fixture.', '.')), mangled, ALL);
          assert.deepEqual(r.notices.filter((n) => n.reason === 'analyzer-error'), [], `${f} (mutation ${i})`);
        }
      }
    } finally {
      engine.dispose();
    }
  });
});

describe('config pack: Terraform reader', () => {
  const TF = [
    'provider "aws" {',
    '  region = var.region # where',
    '}',
    '/* a block',
    '   comment */',
    'resource "aws_security_group" "ssh" {',
    '  name = "ssh-${var.env}"',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0", var.extra]',
    '  }',
    '  tags = merge(local.tags, {',
    '    Name = "x"',
    '  })',
    '}',
    'resource "aws_iam_policy" "p" {',
    '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })',
    '  description = <<-EOT',
    '    multi',
    '  EOT',
    '}',
    '',
  ].join('\n');

  it('reads blocks as Terraform JSON nests them; literals keep values, other expressions read as ${...}', () => {
    const y = parseHcl(TF);
    assert.ok(y);
    assert.deepEqual(y.doc.toJS(), {
      provider: { aws: { region: '${var.region}' } },
      resource: {
        aws_security_group: {
          ssh: {
            name: 'ssh-${var.env}',
            ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0', '${var.extra}'] }],
            tags: '${merge(local.tags, {\n    Name = "x"\n  })}',
          },
        },
        aws_iam_policy: { p: { policy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, description: '    multi\n' } },
      },
    });
  });

  it('a block that does not parse gives no findings, the other blocks keep theirs; deep nesting is refused, not a crash', async () => {
    // The security group loses its closing brace: it gives no findings (its values are mid-edit), the policy does.
    const broken = TF.replace('  })\n}', '  })\n');
    assert.equal(parseHcl(broken), undefined, 'a whole read refuses it');
    assert.deepEqual((await scan('/r/main.tf', broken, 'terraform')).findings.map((f) => f.ruleId), ['config.tf.aws.iam-wildcard-policy']);
    assert.equal(parseHcl(`a = ${'['.repeat(5000)}${']'.repeat(5000)}\n`), undefined);
    assert.equal(parseHcl('a = "unterminated\n'), undefined);
  });

  it('reads for-expressions in objects and tuples as expressions (terraform-aws-modules use them everywhere)', async () => {
    const text = [
      'locals {',
      '  ids  = { for k, v in var.queues : k => v.id if v.enabled }',
      '  arns = [for s in var.subnets : s.arn]',
      // A key named `for` is quoted: HCL reads a bare `{ for` as a for-expression (`{ for = 1 }` does not parse).
      '  for_key = { "for" = 1 }',
      '}',
      'resource "aws_db_instance" "d" {',
      '  publicly_accessible = true',
      '  storage_encrypted   = true',
      '}',
      '',
    ].join('\n');
    const y = parseHcl(text);
    assert.ok(y, 'the file parses');
    assert.deepEqual((y.doc.toJS() as { locals: unknown[] }).locals, [
      { ids: '${{ for k, v in var.queues : k => v.id if v.enabled }}', arns: '${[for s in var.subnets : s.arn]}', for_key: { for: 1 } },
    ]);
    assert.deepEqual((await scan('/r/main.tf', text, 'terraform')).findings.map((f) => f.ruleId), ['config.tf.aws.rds-public']);
  });

  it('findings point at the offending value, and fixes keep the file parseable', async () => {
    const { findings } = await scan('/r/main.tf', TF, 'terraform');
    const at = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => covered(TF, f));
    assert.deepEqual(at('config.tf.aws.sg-open-admin-port'), ['"0.0.0.0/0"']);
    assert.deepEqual(at('config.tf.aws.iam-wildcard-policy'), ['Action = "*"']);
  });
});


describe('config pack: tfvars and CloudFormation', () => {
  it('recognises *.tfvars and CloudFormation templates (YAML and JSON) by path and content', () => {
    assert.equal(kindOf('infra/prod.tfvars', 'a = 1'), 'terraform-vars');
    assert.equal(kindOf('stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'), 'cloudformation');
    assert.equal(kindOf('stack.json', '{ "Resources": { "B": { "Type": "AWS::S3::Bucket" } } }'), 'cloudformation');
    assert.equal(kindOf('package.json', '{ "name": "x", "type": "module" }'), undefined);
    assert.equal(kindOf('values.yaml', 'image: nginx\n'), undefined);
  });

  it('checks a JSON CloudFormation template, intrinsic functions included, and points at the value', async () => {
    const text = [
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Resources": {',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroup",',
      '      "Properties": {',
      '        "GroupDescription": { "Fn::Sub": "${AWS::StackName} ssh" },',
      '        "SecurityGroupIngress": [',
      '          { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0" },',
      '          { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": { "Ref": "AdminCidr" } }',
      '        ]',
      '      }',
      '    },',
      '    "Vol": { "Type": "AWS::EC2::Volume", "Properties": { "Size": 10, "Encrypted": { "Ref": "Encrypt" } } }',
      '  }',
      '}',
    ].join('\n');
    const { findings } = await scan('/r/stack.json', text, 'json');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line, covered(text, f)]),
      [['config.cfn.sg-open-admin-port', 8, '"CidrIp": "0.0.0.0/0"']],
    );
  });

  it('parses CloudFormation short-form tags (!Ref, !Sub, !GetAtt, !If) without skipping the document', async () => {
    const text = [
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: !Sub "${AWS::StackName}-b"',
      '      LoggingConfiguration: { DestinationBucketName: !Ref Logs }',
      '      Tags: !If [IsProd, [], !GetAtt X.Tags]',
      '      AccessControl: PublicReadWrite',
    ].join('\n');
    const { findings, notices } = await scan('/r/template.yml', text);
    assert.deepEqual(notices, []);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [['config.cfn.s3-public-acl', 7]]);
  });

  it('reports tfvars credentials with the value masked, never whole', async () => {
    const secret = 'fake0token0value0abcdef123456';
    const { findings } = await scan('/r/prod.tfvars', `api_token = "${secret}"\nregion = "eu-west-1"\n`, 'terraform');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'config.tfvars.secret');
    assert.ok(findings[0]!.message.includes('fake…456 (29 chars)'), findings[0]!.message);
    assert.ok(!findings[0]!.message.includes(secret));
  });

  it('does not run resource rules on tfvars or tfvars rules on .tf files', async () => {
    const { findings } = await scan('/r/main.tf', 'locals {\n  x = 1\n}\nresource "aws_db_instance" "d" {\n  password = "fake-password-123"\n  storage_encrypted = true\n}\n', 'terraform');
    assert.deepEqual(findings.map((f) => f.ruleId), []);
  });
});
