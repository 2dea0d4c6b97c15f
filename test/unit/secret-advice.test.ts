/**
 * The advice in a secret finding's message fits the kind of file it is in (issue 14): a .env file is asked
 * whether it is git-ignored, source code is told to read an environment variable, config files to reference a
 * secret store; one fixed sentence repeated on every finding helped nobody.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanSecrets } from '../../server/src/engine/secrets';

// A fake token with a valid checksum (as in secrets-findings.test.ts).
const GH = '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';

const messageIn = (path: string, text: string): string => {
  const f = scanSecrets(text, `/ws/${path}`, undefined, '/ws').find((x) => x.ruleId === 'secrets.github.classic-pat');
  assert.ok(f, `no GitHub token finding in ${path}`);
  return f.message;
};

describe('secret advice per file kind', () => {
  it('a .env file: asks whether it is git-ignored', () => {
    const m = messageIn('.env', `GITHUB_TOKEN=${GH}\n`);
    assert.match(m, /\.env.*git-?ignored|git-?ignored.*\.env/i);
    assert.doesNotMatch(m, /process\.env|secret manager/);
  });

  it('source code: read it from an environment variable, named for the language', () => {
    assert.match(messageIn('src/app.js', `const token = "${GH}";\n`), /process\.env/);
    assert.match(messageIn('app/main.py', `TOKEN = "${GH}"\n`), /os\.environ/);
  });

  it('config files: reference a secret or variable instead of the value', () => {
    const m = messageIn('deploy/values.yaml', `github:\n  token: ${GH}\n`);
    assert.match(m, /secret|variable/i);
    assert.doesNotMatch(m, /process\.env|os\.environ|git-?ignored/);
  });

  it('the advice differs between the kinds, and no message repeats the old one-size sentence', () => {
    const all = [messageIn('.env', `T=${GH}\n`), messageIn('src/app.js', `const t = "${GH}";\n`), messageIn('deploy/values.yaml', `token: ${GH}\n`)];
    const advice = all.map((m) => m.slice(m.indexOf(').') + 2));
    assert.equal(new Set(advice).size, 3, advice.join('\n'));
    for (const m of all) assert.ok(!m.includes('Load it from the environment or a secret manager, and rotate it'), m);
  });
});
