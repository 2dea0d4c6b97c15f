import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { cweTag, FINGERPRINT_KEY, formatSarif } from '../../server/src/engine/output/sarif-format';
import type { ScanReport } from '../../server/src/engine/output/scan-report';
import { runCli } from '../../server/src/cli/main';
import { cli, project } from './cli-helpers';

// The official SARIF 2.1.0 schema (draft-04), vendored: see test/fixtures/sarif-schema-2.1.0.SOURCE.md.
const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
// unicodeRegExp off: the official schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValid(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, `SARIF schema errors: ${JSON.stringify(validateSarif.errors?.slice(0, 5), null, 1)}`);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  partialFingerprints?: Record<string, string>;
  codeFlows?: { threadFlows: { locations: { location: { message?: { text: string }; physicalLocation: { region: { startLine: number } } }; kinds: string[] }[] }[] }[];
}

async function sarifOf(dir: string, extra: string[] = []) {
  const r = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'sarif', ...extra]);
  return { code: r.code, raw: r.out, log: JSON.parse(r.out) };
}

describe('SARIF output', () => {
  it('validates against the official SARIF 2.1.0 schema', async () => {
    const { log } = await sarifOf(project('webapp'));
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    const clean = await sarifOf(project('clean'));
    assertValid(clean.log);
    assert.deepEqual(clean.log.runs[0].results, []);
  });

  it('the validator really rejects broken SARIF', async () => {
    const { log } = await sarifOf(project('webapp'));
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'severe';
    assert.equal(validateSarif(broken), false);
    const noDriver = structuredClone(log);
    delete noDriver.runs[0].tool.driver;
    assert.equal(validateSarif(noDriver), false);
  });

  it('describes each rule with help, docs link, CWE tags and security severity', async () => {
    const { log } = await sarifOf(project('webapp'));
    const rules = log.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string; properties: { tags: string[]; 'security-severity'?: string } }[];
    const evalRule = rules.find((r) => r.id === 'test.taint.eval')!;
    assert.equal(evalRule.shortDescription.text, 'Code injection via eval');
    assert.equal(evalRule.fullDescription.text, 'Request input reaches eval().');
    assert.match(evalRule.help.markdown, /CWE-95/);
    assert.match(evalRule.helpUri, /docs\/rules\/taint\.md#testtainteval$/);
    assert.deepEqual(evalRule.properties.tags, ['security', 'taint', 'external/cwe/cwe-95']);
    assert.equal(evalRule.properties['security-severity'], '9.5');
    const meta = rules.find((r) => r.id === 'vigil.suppression.unused')!;
    assert.equal(meta.shortDescription.text, 'Unused suppression');
    assert.ok(!meta.properties.tags.includes('security'));
    assert.equal(cweTag('CWE-89'), 'external/cwe/cwe-89');
  });

  it('results carry level, location, rule index, fingerprints and taint code flows', async () => {
    const { log } = await sarifOf(project('webapp'));
    const run = log.runs[0];
    assert.match(run.originalUriBaseIds.SRCROOT.uri, /^file:\/\/\/.*\/$/);
    const results = run.results as SarifResult[];
    const evalResult = results.find((r) => r.ruleId === 'test.taint.eval')!;
    assert.equal(evalResult.level, 'error');
    assert.equal(run.tool.driver.rules[evalResult.ruleIndex].id, 'test.taint.eval');
    assert.deepEqual(evalResult.locations[0]!.physicalLocation.artifactLocation, { uri: 'src/app.js', uriBaseId: 'SRCROOT' });
    assert.deepEqual(evalResult.locations[0]!.physicalLocation.region, { startLine: 6, startColumn: 19, endLine: 6, endColumn: 29 });
    assert.match(evalResult.partialFingerprints![FINGERPRINT_KEY]!, /^[0-9a-f]{32}$/);
    const steps = evalResult.codeFlows![0]!.threadFlows[0]!.locations;
    assert.deepEqual(steps.map((s) => [s.kinds[0], s.location.physicalLocation.region.startLine, s.location.message?.text]), [
      ['source', 5, 'expr is read from req.query'],
      ['sink', 6, 'expr is evaluated as code'],
    ]);
    const low = results.find((r) => r.ruleId === 'vigil.suppression.unused')!;
    assert.equal(low.level, 'note');
  });

  it('never contains a whole secret', async () => {
    const dir = project('webapp');
    const { raw } = await sarifOf(dir);
    for (const token of ['FAKETOKEN_abcdefgh12345678', 'FAKETOKEN_loglogloglog0000', 'FAKETOKEN_zzzzyyyyxxxx0000']) assert.ok(!raw.includes(token), token);
    assert.ok(raw.includes('FAKETOKEN_ab…****'));
  });

  it('partialFingerprints survive unrelated edits and change when the finding changes', async () => {
    const dir = project('webapp');
    const fingerprints = async () =>
      Object.fromEntries(((await sarifOf(dir)).log.runs[0].results as SarifResult[]).map((r) => [`${r.ruleId}@${r.locations[0]!.physicalLocation.artifactLocation.uri}`, r.partialFingerprints?.[FINGERPRINT_KEY]]));
    const before = await fingerprints();
    const app = join(dir, 'src', 'app.js');
    writeFileSync(app, `// a new header comment\n'use strict';\n\n${readFileSync(app, 'utf8')}\nfunction unrelated() { return 42; }\n`);
    const after = await fingerprints();
    assert.deepEqual(after, before);
    writeFileSync(app, readFileSync(app, 'utf8').replace('FAKETOKEN_abcdefgh12345678', 'FAKETOKEN_rotatedrotated9999'));
    const rotated = await fingerprints();
    assert.notEqual(rotated['test.secret.fake-token@src/app.js'], before['test.secret.fake-token@src/app.js']);
    assert.equal(rotated['test.taint.eval@src/app.js'], before['test.taint.eval@src/app.js']);
  });

  it('is valid and masked with the built-in rule packs too', async () => {
    const dir = project('lsp-scan');
    let out = '';
    const code = await runCli(['scan', '--root', dir, '-j', '1', '-f', 'sarif'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, cwd: dir, env: {} });
    assert.equal(code, 1);
    const log = JSON.parse(out);
    assertValid(log);
    const ids = (log.runs[0].results as SarifResult[]).map((r) => r.ruleId).sort();
    assert.deepEqual(ids, ['js.cmdi.child-process', 'secrets.github.classic-pat']);
    const cmdi = (log.runs[0].results as SarifResult[]).find((r) => r.ruleId === 'js.cmdi.child-process')!;
    assert.ok(cmdi.codeFlows![0]!.threadFlows[0]!.locations.length >= 2);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'js.cmdi.child-process');
    assert.ok(rule.properties.tags.includes('external/cwe/cwe-78'), JSON.stringify(rule.properties.tags));
    assert.ok(log.runs[0].tool.driver.rules.length > 100, 'every rule that ran is described');
    assert.ok(!out.includes('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'));
  });

  it('reports skipped and failed files as tool notifications, still valid', () => {
    const report: ScanReport = {
      tool: { name: 'vigil', version: '0.1.0' },
      roots: ['/ws/a', '/ws/b'],
      files: [
        {
          path: '/ws/b/x.py',
          root: '/ws/b',
          relPath: 'x.py',
          notices: [],
          findings: [
            {
              ruleId: 'py.sqli', pack: 'taint', severity: 'medium', cwe: ['CWE-89'], message: 'SQL built from input', docsUrl: 'https://example.invalid/d',
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
              trace: [{ path: '/ws/b/y.py', kind: 'source', message: 'from request', range: { start: { line: 2, character: 1 }, end: { line: 2, character: 3 } } }],
              fixes: [{ title: 'Use a parameter', kind: 'fix', isPreferred: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'safe' }] }],
            },
          ],
        },
      ],
      scannedCount: 1,
      skipped: [{ path: '/ws/a/logo.png', reason: 'binary', message: 'skipped: binary file' }],
      failed: [{ path: '/ws/a/big.js', message: 'scan worker failed: timed out' }],
      ruleErrors: [{ source: '/ws/a/.vigil.yml', message: 'bad regex' }],
      rules: [],
      durationMs: 5,
      cancelled: false,
    };
    const log = JSON.parse(formatSarif(report));
    assertValid(log);
    const run = log.runs[0];
    assert.deepEqual(Object.keys(run.originalUriBaseIds), ['SRCROOT', 'SRCROOT1']);
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'x.py', uriBaseId: 'SRCROOT1' });
    assert.equal(run.results[0].codeFlows[0].threadFlows[0].locations[0].location.physicalLocation.artifactLocation.uri, 'y.py');
    assert.equal(run.results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'safe');
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['py.sqli']);
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id), ['skipped/binary', 'scan-failed', 'rule-load-error']);
  });

  it('reports a partly analysed file (work budget, parse budget) as a tool notification on that file, still valid', () => {
    const message = 'Taint analysis stopped at its work budget (4,000,000 steps) on this file: 1 of 3 rules done; not run: js.b, js.c.';
    const report: ScanReport = {
      tool: { name: 'vigil', version: '0.1.0' },
      roots: ['/ws'],
      files: [
        { path: '/ws/bundle.js', root: '/ws', relPath: 'bundle.js', findings: [], notices: [{ reason: 'analysis-budget', message }] },
        { path: '/ws/odd.py', root: '/ws', relPath: 'odd.py', findings: [], notices: [{ reason: 'parse-timeout', message: 'Parsing took too much work.' }] },
      ],
      scannedCount: 2,
      skipped: [],
      failed: [],
      ruleErrors: [],
      rules: [],
      durationMs: 5,
      cancelled: false,
    };
    const log = JSON.parse(formatSarif(report));
    assertValid(log);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications as { level: string; message: { text: string }; descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.deepEqual(notes?.map((n) => [n.descriptor.id, n.locations[0]!.physicalLocation.artifactLocation.uri, n.level]), [
      ['partial/analysis-budget', 'bundle.js', 'warning'],
      ['partial/parse-timeout', 'odd.py', 'warning'],
    ]);
    assert.equal(notes[0]!.message.text, message);
    // The scan itself ran to the end: a partial file is a warning, not a failed run.
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });
});
