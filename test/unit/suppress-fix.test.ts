/**
 * The suppress quick fix: its comment must suppress the finding (not change what is detected), and a suppression
 * whose reason was never written must not silence anything.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { DEFAULT_SETTINGS, type Finding, type Fix } from '../../server/src/engine/types';
import { applyEdits } from '../rules/rule-fixtures';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
/** Fake values in the shapes the rules look for. */
const PASSWORD = 'Vq7#mZ2p!xR9wLk3';
const GH = 'ghp_R8mK2vQ9xL4tW7nB1cZ5yH3jF6dS0aPqex2T';

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
