/**
 * Keys that reach a crypto or token call through a name (issue 16, key-flow.ts): found on the literal, gone when an
 * edit far from it binds the name again, and the same in an open document as in a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createSecretsAnalyzer, scanSecrets } from '../../server/src/engine/secrets';
import { singleLiteral } from '../../server/src/engine/secrets/key-flow';
import { compileSecretRules } from '../../server/src/engine/secrets/rule-schema';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
const KEY = 'pR7vX2kQ9mW4zL8nT3cY6bH1sF5dG0jA';

describe('key flow', () => {
  it('reports the literal, naming the call and its line', () => {
    const text = `const jwt = require('jsonwebtoken');\nconst k = '${KEY}';\nmodule.exports = (p) => jwt.sign(p, k);\n`;
    const fs = scanSecrets(text, '/ws/src/sign.js');
    assert.deepEqual(fs.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['secrets.crypto.jwt-secret', 1, 11]]);
    assert.match(fs[0]!.message, /passed to `jwt\.sign\(…\)` as `k` on line 3/);
  });

  it('resolves only a name assigned once, to a literal, and bound nowhere else', () => {
    assert.equal(singleLiteral(`KEY = b'${KEY}'\n`, 'KEY')?.value, KEY);
    assert.equal(singleLiteral(`final String KEY = "${KEY}".getBytes();`, 'KEY')?.value, KEY);
    assert.equal(singleLiteral(`k := "${KEY}"\nk = os.Getenv("K")\n`, 'k'), undefined);
    assert.equal(singleLiteral(`KEY = '${KEY}' + suffix\n`, 'KEY'), undefined);
    assert.equal(singleLiteral(`KEY = os.environ['K']\n`, 'KEY'), undefined);
    assert.equal(singleLiteral(`KEY = '${KEY}'\ndef f(data, KEY):\n  pass\n`, 'KEY'), undefined);
    assert.equal(singleLiteral(`KEY = '${KEY}'\nfor KEY in keys:\n  pass\n`, 'KEY'), undefined);
    assert.equal(singleLiteral(`const KEY = '${KEY}';\nconst f = (KEY) => 1;\n`, 'KEY'), undefined);
    assert.equal(singleLiteral(`KEY = '${KEY}'\nKEY, other = pair\n`, 'KEY'), undefined);
    assert.equal(singleLiteral(`const k = '${KEY}';\nthis.k = other;\n`, 'k'), undefined);
  });

  it('is for built-in rules only', () => {
    const raw = {
      id: 'custom.hmac',
      name: 'x',
      description: 'x',
      severity: 'high',
      regex: `\\bsignIt\\([ \\t]{0,3}[bB]?["'\`](?<value>[^\\s"'\`\\\\]{10,300})["'\`]`,
      secretGroup: 'value',
      keywords: ['signit'],
      keyThroughName: true,
    };
    assert.equal(compileSecretRules([raw], 'builtin', { custom: false }).rules[0]?.refRegex?.source.includes('(?<ref>'), true);
    assert.match(compileSecretRules([raw], 'ws', { custom: true }).errors[0]?.message ?? '', /built-in rules only/);
    assert.match(compileSecretRules([{ ...raw, regex: '\\bsignIt\\((?<value>\\w{10,})' }], 'builtin', { custom: false }).errors[0]?.message ?? '', /needs a regex ending/);
  });

  it('takes a call shape given as a string, for a rule whose literal forms are not all calls', () => {
    const raw = {
      id: 'builtin.setting',
      name: 'x',
      description: 'x',
      severity: 'high',
      regex: `\\bSIGN_KEY[ \\t]{0,3}=[ \\t]{0,3}["'](?<value>[^\\s"'\\\\]{10,300})["']`,
      secretGroup: 'value',
      keywords: ['sign_key', 'signit('],
      keyThroughName: '\\bsignIt\\([ \\t]{0,3}',
    };
    const ref = compileSecretRules([raw], 'builtin', { custom: false }).rules[0]!.refRegex!;
    const name = (line: string): string | undefined => {
      ref.lastIndex = 0;
      return ref.exec(line)?.groups?.ref;
    };
    assert.equal(name('signIt(k)'), 'k');
    assert.equal(name('signIt(k.getBytes(UTF_8), x)'), 'k');
    assert.equal(name('signIt(k.trim())'), undefined);
    assert.match(compileSecretRules([{ ...raw, keyThroughName: ' ' }], 'builtin', { custom: false }).errors[0]?.message ?? '', /non-empty call shape/);
    assert.match(compileSecretRules([{ ...raw, keyThroughName: 1 }], 'builtin', { custom: false }).errors[0]?.message ?? '', /true, false or a call shape/);
    assert.match(compileSecretRules([raw], 'ws', { custom: true }).errors[0]?.message ?? '', /built-in rules only/);
  });

  it('reads a multi-line rule\'s call over its lines, naming the line of the call', () => {
    const text = `const session = require('express-session');\nconst sk = '${KEY}';\napp.use(session({\n  resave: false,\n  secret: sk,\n}));\n`;
    const fs = scanSecrets(text, '/ws/src/app.js');
    assert.deepEqual(fs.map((f) => [f.ruleId, f.range.start.line]), [['secrets.framework.session-secret', 1]]);
    assert.match(fs[0]!.message, /as `sk` on line 3/);
  });

  describe('in an open document', () => {
    let engine: Engine;
    before(async () => {
      engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
    });
    after(() => engine.dispose());

    it('drops the finding when a line far below rebinds the name, and finds it again when that line goes', () => {
      const uri = 'test:/ws/src/k.js';
      const path = '/ws/src/k.js';
      const text = `const k = '${KEY}';\n\n\nfunction s(p) {\n  return jwt.sign(p, k);\n}\n`;
      engine.open(uri, path, 'javascript', text, 0);
      const ids = (): string[] => engine.analyze(uri, SETTINGS).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
      const same = (): void =>
        assert.deepEqual(
          engine.analyze(uri, SETTINGS).findings.map((f) => f.message),
          engine.scanText(path, 'javascript', engine.get(uri)!.text, SETTINGS).findings.map((f) => f.message),
        );
      try {
        assert.deepEqual(ids(), ['secrets.crypto.jwt-secret@0']);
        const at = { line: 6, character: 0 };
        engine.change(uri, [{ range: { start: at, end: at }, text: 'k = process.env.K;\n' }], 1);
        assert.deepEqual(ids(), []);
        same();
        engine.change(uri, [{ range: { start: at, end: { line: 7, character: 0 } }, text: '' }], 2);
        assert.deepEqual(ids(), ['secrets.crypto.jwt-secret@0']);
        // A line inserted between the literal and the call moves the line the message names.
        engine.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 3);
        assert.match(engine.analyze(uri, SETTINGS).findings[0]!.message, /on line 6/);
        same();
      } finally {
        engine.close(uri);
      }
    });
  });
});
