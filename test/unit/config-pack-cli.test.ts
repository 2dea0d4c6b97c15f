import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from './cli-scan';

interface JsonFinding {
  path: string;
  ruleId: string;
  pack: string;
  range: { start: { line: number; character: number } };
}

const WORKFLOW = `name: triage
on: issues
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11
      - run: echo "\${{ github.event.issue.title }}"
`;

const DOCKERFILE = `FROM node:20-slim
RUN curl -fsSL https://deb.example.com/setup.sh | bash
CMD ["node", "server.js"]
`;

describe('vigil scan: config files', () => {
  it('finds workflow and Dockerfile misconfigurations in a folder, in the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-config-cli-'));
    try {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'triage.yml'), WORKFLOW);
      writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
      const r = await scan(dir, '--format', 'json', '--fail-on', 'high');
      const report = JSON.parse(r.out) as { findings: JsonFinding[]; failed: unknown[]; ruleErrors: unknown[] };
      assert.deepEqual(report.failed, [], r.err);
      assert.deepEqual(report.ruleErrors, []);
      const got = report.findings.filter((f) => f.pack === 'config').map((f) => `${f.path}:${f.range.start.line + 1}:${f.ruleId}`).sort();
      assert.deepEqual(got, [
        '.github/workflows/triage.yml:2:config.gha.missing-permissions',
        '.github/workflows/triage.yml:8:config.gha.run-injection',
        'Dockerfile:1:config.docker.root-user',
        'Dockerfile:2:config.docker.curl-pipe-shell',
      ]);
      assert.equal(r.code, 1, 'critical findings fail the scan at --fail-on high');

      const sarif = JSON.parse((await scan(dir, '--format', 'sarif')).out) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
      const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'config.gha.run-injection');
      assert.ok(rule, 'SARIF lists the config rules');
      assert.match(rule.helpUri ?? '', /docs\/rules\/config\.md#configgharun-injection$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('.vigil.yml `packs: { config: false }` switches the pack off in the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-config-cli-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
      writeFileSync(join(dir, '.vigil.yml'), 'packs:\n  config: false\n');
      const r = await scan(dir, '--format', 'json');
      const report = JSON.parse(r.out) as { findings: JsonFinding[] };
      assert.deepEqual(report.findings.filter((f) => f.pack === 'config'), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
