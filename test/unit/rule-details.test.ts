import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleInfo } from '../../server/src/engine/analyzer';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { compileConfigRules } from '../../server/src/engine/iac/rule-schema';
import { formatSarif } from '../../server/src/engine/output/sarif-format';
import { parseRuleDocs } from '../../server/src/engine/rule-docs';
import { ruleDetailsMarkdown } from '../../server/src/engine/rule-details';
import { compileSecretRules } from '../../server/src/engine/secrets/rule-schema';
import { validateRuleFile } from '../../server/src/engine/taint/rule-schema';

const builtin = (): RuleInfo[] => createAnalyzers().analyzers.flatMap((a) => a.rules());

describe('rule details', () => {
  it('parses the doc fields and names the bad one', () => {
    const ok = parseRuleDocs({ explanation: 'Why.', example: { bad: 'a()\n', good: 'b()' }, owasp: ['A03:2021'], references: ['https://example.org/x'] });
    assert.deepEqual(ok, { docs: { explanation: 'Why.', example: { bad: 'a()', good: 'b()' }, owasp: ['A03:2021'], references: ['https://example.org/x'] }, problems: [] });
    assert.match(parseRuleDocs({ owasp: ['A11:2021'] }).problems.join(), /owasp/);
    assert.match(parseRuleDocs({ example: { bad: 'x' } }).problems.join(), /example/);
    assert.match(parseRuleDocs({ references: ['http://plain.example'] }).problems.join(), /references/);
  });

  it('each pack schema accepts the fields and rejects bad ones', () => {
    const taint = (extra: Record<string, unknown>) =>
      validateRuleFile({ rules: [{ id: 'js.x.y', name: 'X', languages: ['javascript'], severity: 'high', cwe: ['CWE-1'], message: 'm', sources: ['js-request'], sinks: [{ pattern: 'f($X)', focus: ['$X'] }], ...extra }] });
    assert.deepEqual(taint({ owasp: ['A03:2021'] }).file.rules[0]?.ruleDocs, { owasp: ['A03:2021'] });
    assert.match(taint({ owasp: 'injection' }).errors.map((p) => p.message).join(), /owasp/);
    const secret = (extra: Record<string, unknown>) =>
      compileSecretRules([{ id: 'custom.tok', name: 'T', description: 'd', severity: 'high', regex: 'tok_[a-z]{8}', keywords: ['tok_'], ...extra }], 'x', { custom: true });
    assert.equal(secret({ explanation: 'Because.' }).rules[0]?.ruleDocs?.explanation, 'Because.');
    assert.match(secret({ explanation: 3 }).errors.map((e) => e.message).join(), /explanation/);
    const config = (extra: Record<string, unknown>) =>
      compileConfigRules([{ id: 'config.x.y', name: 'X', description: 'd', message: 'm', severity: 'low', cwe: ['CWE-1'], kind: 'dockerfile', match: { instruction: 'USER', matches: 'root' }, ...extra }], 'x', { custom: true, takenIds: new Set(), checks: new Set() });
    assert.deepEqual(config({ references: ['https://example.org/r'] }).rules[0]?.ruleDocs, { references: ['https://example.org/r'] });
    assert.match(config({ references: 'https://example.org/r' }).errors.map((e) => e.message).join(), /references/);
  });

  it('the page says what, why, CWE, OWASP, both examples, the fix and references', () => {
    const rule = builtin().find((r) => r.id === 'js.sqli.string-query')!;
    const md = ruleDetailsMarkdown(rule);
    for (const part of ['# SQL injection', '## What it finds', '## Why it matters', 'CWE-89', 'A03:2021 – Injection', 'Vulnerable:', 'Fixed:', '```javascript', 'WHERE id = ?', '## The fix Vigil offers', 'parameterised', '## References', 'cheatsheetseries.owasp.org']) {
      assert.ok(md.includes(part), `missing ${JSON.stringify(part)} in:\n${md}`);
    }
  });

  it('a rule without the fields still gets a page, with no empty sections', () => {
    const md = ruleDetailsMarkdown({ id: 'x.y', pack: 'config', name: 'Plain', description: 'What it is.', severity: 'low', cwe: ['CWE-250'], docsUrl: 'https://example.org/d', languages: [] });
    assert.ok(md.includes('What it is.') && md.includes('CWE-250') && md.includes('No automatic rewrite'));
    assert.ok(!md.includes('## Why it matters') && !md.includes('## Example'));
  });

  it('the common rules carry an explanation, both examples and an OWASP category', () => {
    const want = [
      'js.sqli.string-query', 'py.sqli.string-query', 'js.cmdi.child-process', 'py.cmdi.subprocess-shell', 'js.path-traversal.fs',
      'py.path-traversal.open', 'js.xss.server-response', 'js.xss.dom', 'py.xss.html-response', 'js.ssrf.http-client', 'py.ssrf.http-client',
      'js.open-redirect.redirect', 'py.open-redirect.redirect', 'js.code-injection.eval', 'py.code-injection.eval', 'js.deserialization.unsafe',
      'py.deserialization.pickle', 'py.deserialization.yaml-load', 'secrets.generic.password-assignment', 'secrets.generic.api-key-assignment',
      'secrets.aws.access-key-id', 'secrets.github.classic-pat', 'config.docker.root-user', 'config.gha.run-injection', 'config.k8s.privileged',
      'config.tf.aws.sg-open-admin-port',
    ];
    const rules = new Map(builtin().map((r) => [r.id, r]));
    for (const id of want) {
      const d = rules.get(id)?.docs;
      assert.ok(d?.explanation && d.example && d.owasp?.length, `${id} lacks explanation/example/owasp`);
    }
  });

  it('SARIF help.markdown is the same page', () => {
    const rule = builtin().find((r) => r.id === 'py.code-injection.eval')!;
    const log = JSON.parse(formatSarif({ tool: { name: 'vigil', version: '0' }, roots: [], files: [], scannedCount: 0, skipped: [], failed: [], ruleErrors: [], rules: [rule] } as never));
    const sarifRule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === rule.id);
    assert.equal(sarifRule.help.markdown, ruleDetailsMarkdown(rule));
  });
});
