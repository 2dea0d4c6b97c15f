/**
 * Custom config (IaC) rules in `.vigil.yml` (`customRules.config`): the built-in rule format, the same closed
 * set of located load errors, the linear regex engine, and the same Workspace Trust gate as custom secret and
 * taint rules.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { locateRuleErrors, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { Engine } from '../../server/src/engine/engine';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/engine/types';
import { Folders } from '../../server/src/lsp/folders';

const ALL: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info' };

const CONFIG = `version: 1
customRules:
  config:
    - id: config.acme.registry
      name: Image from outside the company registry
      description: Images must come from registry.acme.example.
      message: Pull images from registry.acme.example.
      severity: medium
      cwe: [CWE-829]
      kind: [kubernetes, compose]
      match:
        path: [$container, $service]
        when:
          - { key: image, notMatches: '^registry\\.acme\\.example/', report: true }
    - id: config.acme.broken
      name: Broken
      description: d
      message: m
      severity: low
      cwe: [CWE-1]
      kind: kubernetes
      match:
        path: $container
        when:
          - { key: image, equals: x, colour: red }
    - id: config.acme.backtracking
      name: Catastrophic regex
      description: d
      message: m
      severity: low
      cwe: [CWE-1]
      kind: kubernetes
      match:
        path: $container
        when:
          - { key: image, matches: '(a+)+\\1$' }
`;

const POD = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: docker.io/library/nginx:1.27
      securityContext: { privileged: true }
    - name: ok
      image: registry.acme.example/nginx:1.27
`;

async function scanWith(customConfigRules: unknown[] | undefined, path: string, text: string) {
  const setup = createAnalyzers(customConfigRules ? { customConfigRules, customRulesSource: '/ws/.vigil.yml' } : {});
  const engine = await Engine.create({ analyzers: setup.analyzers });
  try {
    return { errors: setup.errors, findings: engine.scanText(path, 'yaml', text, ALL).findings.filter((f) => f.pack === 'config') };
  } finally {
    engine.dispose();
  }
}

describe('custom config rules in .vigil.yml', () => {
  it('are read from customRules.config and located in the file', () => {
    const r = parseVigilConfig(CONFIG, '/ws/.vigil.yml');
    assert.deepEqual(r.errors, []);
    assert.equal(r.config!.customRules.config.length, 3);
    assert.equal(r.customRuleRanges?.config[1]?.start.line, 14);
  });

  it('run like built-in rules; a bad rule is an error on its own rule and never switches the good rules off', async () => {
    const parsed = parseVigilConfig(CONFIG, '/ws/.vigil.yml');
    const { errors, findings } = await scanWith(parsed.config!.customRules.config, '/ws/k8s/pod.yaml', POD);
    const custom = findings.filter((f) => f.ruleId === 'config.acme.registry');
    assert.deepEqual(custom.map((f) => f.range.start.line), [6]);
    assert.ok(findings.some((f) => f.ruleId === 'config.k8s.privileged'), 'the built-in rules still run');
    const located = locateRuleErrors(errors, { config: parsed.config!, customRuleRanges: parsed.customRuleRanges, file: '/ws/.vigil.yml' });
    const broken = located.find((e) => e.ruleId === 'config.acme.broken');
    assert.match(broken?.message ?? '', /unknown field .*colour/);
    assert.equal(broken?.source, '/ws/.vigil.yml');
    assert.equal(broken?.range?.start.line, 14);
    // Workspace regexes run on the linear-time engine: a backreference is refused at load, not run.
    const backtracking = located.find((e) => e.ruleId === 'config.acme.backtracking');
    assert.match(backtracking?.message ?? '', /not a valid regex/);
    assert.equal(backtracking?.range?.start.line, 25);
    assert.equal(located.filter((e) => e.source === '/ws/.vigil.yml').length, 2);
  });

  it('a rule without an id, or one reusing a built-in id, is still located on its own entry', async () => {
    const text = [
      'customRules:',
      '  config:',
      '    - name: no id',
      '    - { id: config.k8s.privileged, name: n, description: d, message: m, severity: low, cwe: [CWE-1], kind: kubernetes, check: docker-root-user }',
    ].join('\n');
    const parsed = parseVigilConfig(text, '/ws/.vigil.yml');
    const setup = createAnalyzers({ customConfigRules: parsed.config!.customRules.config, customRulesSource: '/ws/.vigil.yml' });
    const located = locateRuleErrors(setup.errors, { config: parsed.config!, customRuleRanges: parsed.customRuleRanges, file: '/ws/.vigil.yml' });
    assert.deepEqual(
      located.filter((e) => e.source === '/ws/.vigil.yml').map((e) => [e.range?.start.line, /`id` is required|duplicate rule id/.test(e.message)]),
      [
        [2, true],
        [3, true],
      ],
    );
  });

  it('are honoured only in a trusted workspace, as custom secret and taint rules are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-custom-config-'));
    try {
      writeFileSync(join(dir, '.vigil.yml'), CONFIG);
      const grammars = await GrammarRegistry.create();
      const ids = (trusted: boolean): string[] => {
        const folders = new Folders(grammars, trusted, () => {});
        folders.setFolders([dir]);
        const state = folders.forPath(join(dir, 'pod.yaml'));
        return state.engine.scanText(join(dir, 'pod.yaml'), 'yaml', POD, ALL).findings.map((f) => f.ruleId);
      };
      assert.ok(ids(true).includes('config.acme.registry'));
      const untrusted = ids(false);
      assert.ok(!untrusted.includes('config.acme.registry'));
      assert.ok(untrusted.includes('config.k8s.privileged'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
