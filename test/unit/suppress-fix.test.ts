/**
 * The suppress quick fix: its comment must suppress the finding (not change what is detected), and a suppression
 * whose reason was never written must not silence anything.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { SUPPRESSION_REASON_PLACEHOLDER, SUPPRESSION_RULES } from '../../server/src/engine/suppressions';
import { DEFAULT_SETTINGS, type Finding, type Fix } from '../../server/src/engine/types';
import { applyEdits } from '../rules/rule-fixtures';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
/** Fake values in the shapes the rules look for. */
const PASSWORD = 'Vq7#mZ2p!xR9wLk3';
// A fake token with a valid checksum: an invalid one lowers the severity one step.
const GH = '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';

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers({}).analyzers });
});
after(() => engine.dispose());

const scan = (path: string, text: string): Finding[] => engine.scanText(path, languageIdForPath(path), text, SETTINGS, '/ws').findings;
const suppressOf = (f: Finding | undefined): Fix => {
  const fix = f?.fixes?.find((x) => x.kind === 'suppress');
  assert.ok(fix, `a suppress fix on ${f?.ruleId}`);
  return fix;
};
/** The reason a user types over the fix's placeholder. */
const withReason = (text: string) => text.replace(/(vigil-ignore [^\n]*? -- )[^\n]*?( -->)?$/m, '$1rotated demo value, kept for the tutorial$2');

describe('suppress fix on a secret whose name and value are on different lines', () => {
  for (const [path, text] of [
    ['/ws/src/db.js', `const password =\n  "${PASSWORD}";\n`],
    ['/ws/src/cfg.js', `const cfg = {\n  password:\n    "${PASSWORD}",\n};\n`],
    ['/ws/values.yaml', `db:\n  password:\n    "${PASSWORD}"\n`],
  ] as const) {
    it(`${path}: the comment goes above the name, and the finding is suppressed (not undetected), with no unused warning`, () => {
      const [f] = scan(path, text);
      assert.equal(f?.ruleId, 'secrets.generic.password-assignment', JSON.stringify(scan(path, text)));
      assert.ok(f.range.start.line > 0, 'the value is below its name');
      const fixed = withReason(applyEdits(text, suppressOf(f).edits));
      assert.deepEqual(scan(path, fixed), [], `suppressed, and no meta finding:\n${fixed}`);
      const nameLine = text.split('\n').findIndex((l) => /password/.test(l));
      assert.match(fixed.split('\n')[nameLine]!, /vigil-ignore secrets\.generic\.password-assignment -- rotated/, fixed);
      // The same comment for another rule leaves the finding: so it was hidden by the suppression, not lost.
      const other = fixed.replace('vigil-ignore secrets.generic.password-assignment', 'vigil-ignore secrets.other-rule');
      assert.deepEqual(scan(path, other).map((x) => x.ruleId), ['secrets.generic.password-assignment']);
    });
  }

  it('a one-line secret is still suppressed from the line above it', () => {
    const text = `function f() {\n    const t = "${GH}";\n}\n`;
    const [f] = scan('/ws/src/a.js', text);
    const fixed = withReason(applyEdits(text, suppressOf(f).edits));
    assert.match(fixed.split('\n')[1]!, /^ {4}\/\/ vigil-ignore secrets\.github\.classic-pat -- rotated/);
    assert.deepEqual(scan('/ws/src/a.js', fixed), []);
  });
});

const SQLI = `const express = require('express');
const app = express();
app.get('/user', (req, res) => {
  db.query("SELECT * FROM users WHERE id = " + req.query.id);
});
`;

describe('a suppression whose reason was never written', () => {
  const cases: [string, string, string][] = [
    ['taint', '/ws/server.js', SQLI],
    ['secrets', '/ws/src/a.js', `const t = "${GH}";\n`],
    ['secrets (split)', '/ws/src/db.js', `const password =\n  "${PASSWORD}";\n`],
  ];
  for (const [pack, path, text] of cases) {
    it(`${pack}: the fix inserts the shared placeholder, which suppresses nothing and is reported as info`, () => {
      const [f] = scan(path, text).filter((x) => x.pack !== 'meta');
      const sup = suppressOf(f);
      assert.equal(sup.edits.length, 1);
      const edit = sup.edits[0]!;
      assert.ok(edit.newText.includes(` -- ${SUPPRESSION_REASON_PLACEHOLDER}`), edit.newText);
      // The snippet form selects the placeholder for typing and otherwise inserts the same text.
      assert.ok(edit.snippet?.includes(`\${1:${SUPPRESSION_REASON_PLACEHOLDER}}`), edit.snippet);
      assert.equal(edit.snippet!.replace(`\${1:${SUPPRESSION_REASON_PLACEHOLDER}}`, SUPPRESSION_REASON_PLACEHOLDER).replace(/\\([$}\\])/g, '$1'), edit.newText);

      const applied = applyEdits(text, sup.edits);
      const after = scan(path, applied);
      assert.ok(after.some((x) => x.ruleId === f!.ruleId), 'the finding stays until a reason is written');
      const meta = after.filter((x) => x.pack === 'meta');
      assert.deepEqual(meta.map((x) => [x.ruleId, x.severity]), [[SUPPRESSION_RULES.missingReason, 'info']]);
      assert.match(meta[0]!.message, /placeholder/);
      assert.deepEqual(scan(path, withReason(applied)), [], 'with a real reason: suppressed, nothing else');
    });
  }

  it('an empty reason is reported as info too, and does not suppress', () => {
    const text = `// vigil-ignore secrets.github.classic-pat --\nconst t = "${GH}";\n`;
    const after = scan('/ws/src/a.js', text);
    assert.deepEqual(after.map((x) => [x.ruleId, x.severity]), [[SUPPRESSION_RULES.missingReason, 'info'], ['secrets.github.classic-pat', 'critical']]);
  });
});

describe('vigil scan and a placeholder suppression', () => {
  it('reports the placeholder as info and keeps the finding, so --fail-on high still fails', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-placeholder-'));
    writeFileSync(join(ws, 'a.js'), `// vigil-ignore secrets.github.classic-pat -- ${SUPPRESSION_REASON_PLACEHOLDER}\nconst t = "${GH}";\n`);
    let out = '';
    const io = { stdout: { write: (x: string) => (out += x) }, stderr: { write: () => true }, cwd: ws, env: {} };
    const code = await runCli(['scan', '--root', ws, '-j', '1', '--format', 'json', '--fail-on', 'high', '--no-baseline'], io);
    const report = JSON.parse(out) as { findings: Finding[] };
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.severity]), [[SUPPRESSION_RULES.missingReason, 'info'], ['secrets.github.classic-pat', 'critical']]);
    assert.equal(code, 1);
  });
});
