import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from './cli-scan';

const rule = (id: string, sink: string): string => `    - id: ${id}
      languages: [javascript]
      severity: high
      cwe: [CWE-89]
      message: "$SOURCE reaches orm.unsafe"
      sources: [js-request]
      sinks:
        - pattern: "${sink}"
          focus: $Q
`;

describe('cli: custom taint rules whose pattern does not parse', () => {
  it('reports the broken rule at its place in .vigil.yml, exits 2, and still runs the good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-custom-rules-'));
    try {
      writeFileSync(join(dir, '.vigil.yml'), `version: 1\ncustomRules:\n  taint:\n${rule('js.custom.good', 'orm.safe($Q)')}${rule('js.custom.broken', 'orm.unsafe($Q')}`);
      writeFileSync(join(dir, 'a.js'), "app.get('/x', (req, res) => { orm.unsafe(req.query.q); orm.safe(req.query.q); });\n");
      const r = await scan(dir, '--format', 'json');
      const report = JSON.parse(r.out) as { findings: { ruleId: string }[]; ruleErrors: { ruleId?: string; message: string; range?: { start: { line: number } } }[] };
      assert.deepEqual(report.findings.map((f) => f.ruleId), ['js.custom.good']);
      assert.equal(report.ruleErrors.length, 1, JSON.stringify(report.ruleErrors));
      const e = report.ruleErrors[0]!;
      assert.equal(e.ruleId, 'js.custom.broken');
      assert.match(e.message, /does not parse as javascript/);
      assert.equal(e.range?.start.line, 12, 'located at the broken rule in .vigil.yml (its `- id:` line, 0-based)');
      assert.equal(r.code, 2, 'a rule error fails the run');
      assert.match(r.err, /error: rule js\.custom\.broken: pattern/);
      assert.doesNotMatch(r.err, /rule js\.custom\.broken: rule js\.custom\.broken/, 'the rule is named once');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
