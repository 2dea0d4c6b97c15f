/** A secret in a `.env` file: offer to keep the file out of git and to list the name (never the value) in `.env.example`. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createSecretsAnalyzer } from '../../server/src/engine/secrets';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';

// Fake Stripe-format key, never a real credential.
const SK = 'sk_live_' + '51Hq8ZtK2mWv9Lr4Xc7Bn3Yd6Pa0Fs1Ge';

describe('.env secret fixes', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());
  const scan = (root: string, path: string, text: string): Finding[] => engine.scanText(path, 'dotenv', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }, root).findings;
  const gitignoreFix = (f: Finding) => f.fixes?.find((x) => x.appendLines?.some((a) => a.path.endsWith('.gitignore')));

  it('offers .env in .gitignore and NAME= in .env.example when the .env file is not ignored', () => {
    const root = mkdtempSync(join(tmpdir(), 'vigil-dotenv-'));
    writeFileSync(join(root, '.gitignore'), 'node_modules/\n');
    const [f] = scan(root, join(root, '.env'), `STRIPE_KEY=${SK}\n`);
    assert.ok(f, 'the secret is found');
    const fix = gitignoreFix(f);
    assert.ok(fix, 'a fix adds .env to .gitignore');
    assert.equal(fix.kind, 'fix');
    assert.deepEqual(fix.edits, [], 'the .env file itself is not edited');
    assert.deepEqual(fix.appendLines, [
      { path: join(root, '.gitignore'), line: '.env' },
      { path: join(root, '.env.example'), line: 'STRIPE_KEY=' },
    ]);
    assert.ok(!JSON.stringify(f.fixes).includes(SK), 'never the value');
  });

  it('names a nested .env file relative to its own folder, and creates .gitignore when there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'vigil-dotenv-'));
    mkdirSync(join(root, 'api'));
    const [f] = scan(root, join(root, 'api', '.env.local'), `STRIPE_KEY=${SK}\n`);
    assert.deepEqual(gitignoreFix(f!)?.appendLines?.[0], { path: join(root, 'api', '.gitignore'), line: '.env.local' });
  });

  it('does not offer .gitignore when a .gitignore up to the workspace root already ignores the file', () => {
    for (const rule of ['.env', '/api/.env', '.env*', '*.env', 'api/']) {
      const root = mkdtempSync(join(tmpdir(), 'vigil-dotenv-'));
      mkdirSync(join(root, 'api'));
      writeFileSync(join(root, '.gitignore'), `${rule}\n`);
      const [f] = scan(root, join(root, 'api', '.env'), `STRIPE_KEY=${SK}\n`);
      assert.ok(f);
      assert.equal(gitignoreFix(f), undefined, `ignored by "${rule}"`);
      // The name still goes to .env.example.
      assert.ok(f.fixes?.some((x) => x.appendLines?.some((a) => a.path === join(root, 'api', '.env.example') && a.line === 'STRIPE_KEY=')));
    }
  });

  it('an example env file is meant to be committed: no .gitignore fix', () => {
    const root = mkdtempSync(join(tmpdir(), 'vigil-dotenv-'));
    for (const name of ['.env.example', '.env.sample', '.env.template']) {
      const fs = scan(root, join(root, name), `STRIPE_KEY=${SK}\n`);
      for (const f of fs) assert.equal(gitignoreFix(f), undefined, name);
    }
  });
});
