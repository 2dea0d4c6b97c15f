/**
 * Issue 16: on a real web application 86 of 90 password/token findings were translation strings (a key such as
 * `LABEL_PASSWORD_REPEAT` whose value is a phrase in Thai, German, Chinese or English). Human-language values and
 * whole translation catalogues are not secrets for the generic rules; provider rules still run everywhere, and a
 * generated password under the same keys is still found.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createSecretsAnalyzer, scanSecrets } from '../../server/src/engine/secrets';
import { translationCatalogReason } from '../../server/src/engine/secrets/false-positive-filters';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

/** A JSON settings file (not a catalogue): one entry under test among ordinary configuration values. */
function settingsFile(key: string, value: string): string {
  return [
    '{',
    '  "host": "db.internal.acme.io",',
    '  "port": "5432",',
    '  "pool": "20",',
    '  "schema": "public",',
    `  "${key}": "${value}",`,
    '  "timeout": "30s"',
    '}',
    '',
  ].join('\n');
}

const generic = (path: string, text: string): string[] =>
  scanSecrets(text, path)
    .filter((f) => f.ruleId.startsWith('secrets.generic.'))
    .map((f) => `${f.ruleId} ${String(f.properties?.maskedSecret)}`);

const PHRASES: [string, string][] = [
  ['LABEL_PASSWORD_REPEAT', 'กรุณากรอกรหัสผ่านอีกครั้ง'],
  ['LABEL_NEW_PASSWORD', 'รหัสผ่านใหม่'],
  ['TOKEN_EXPIRED', 'โทเค็นหมดอายุแล้ว'],
  ['MANDATORY_PASSWORD', '请提供密码。'],
  ['SECRET_KEY_INFO', '私钥仅显示一次，请妥善保存'],
  ['LABEL_PASSWORD_REPEAT', '请再次输入您的密码'],
  ['PASSWORD_TOO_WEAK', 'Passwortstärke:schwach'],
  ['CONFIRM_PASSWORD', 'Passwort-Bestätigung'],
  ['LABEL_PASSWORD_REPEAT', 'Passwort wiederholen'],
  ['PASSWORD_ERROR', 'Passwort-Länge: mindestens 8 Zeichen.'],
  ['LABEL_PASSWORD_REPEAT', 'Repeat your password'],
  ['PASSWORD_RESET_DONE', 'Reset-completed-successfully!'],
  ['TOKEN_HELP', 'Kopieren-Sie-das-Zugriffstoken!'],
  ['LABEL_PASSWORD_NEW', 'Kennwort1 muss Zahlen enthalten'],
  ['password_again', 'Пароль-ещё-раз'],
];

describe('human-language values under password, token and secret keys', () => {
  for (const [key, value] of PHRASES) {
    it(`are not generic findings: ${key} = ${value}`, () => {
      assert.deepEqual(generic('/ws/src/config/app.json', settingsFile(key, value)), []);
    });
  }

  // Generated passwords under the very same keys: the filter looks at the value, not at the key.
  const REAL: [string, string][] = [
    ['LABEL_PASSWORD_REPEAT', 'xK9#mQ2$vLp7!rT'],
    ['CONFIRM_PASSWORD', 'Hq7-Zt4Wv-9Ld2Kp'],
    ['TOKEN_EXPIRED', 'Z248nT8cMzh2uvSxXArntATEn6lCuBr'],
    ['SECRET_KEY_INFO', 'u7Gk2Lq9Xv4Pz8Rt1Wm6'],
  ];
  for (const [key, value] of REAL) {
    it(`still find a generated value: ${key}`, () => {
      assert.equal(generic('/ws/src/config/app.json', settingsFile(key, value)).length, 1);
    });
  }
});

describe('translation catalogues', () => {
  const catalogue = [
    '{',
    '  "LABEL_EMAIL": "E-Mail-Adresse",',
    '  "LABEL_PASSWORD": "Passwort",',
    '  "LABEL_PASSWORD_REPEAT": "Passwort wiederholen",',
    '  "BTN_LOGIN": "Anmelden",',
    '  "TITLE_LOGIN": "Bitte melden Sie sich an",',
    '  "INVALID_PASSWORD": "Ungültiges Passwort",',
    '  "FORGOT_PASSWORD": "Passwort vergessen?",',
    '  "PASSWORD_PLACEHOLDER": "Mind.8Zeichen,1Zahl",',
    '  "API_TOKEN": "xR4t-Kennwort-9Lm",',
    '  "ERROR_NETWORK": "Netzwerkfehler. Bitte später erneut versuchen.",',
    '  "LABEL_REMEMBER_ME": "Angemeldet bleiben",',
    '  "SUCCESS_SAVED": "Änderungen gespeichert.",',
    '  "GREETING": "Willkommen zurück!"',
    '}',
    '',
  ].join('\n');

  it('are recognised by folder, by locale file name, and by content (a JSON file of mostly prose)', () => {
    for (const p of ['/ws/src/assets/i18n/de.json', '/ws/frontend/locales/th/common.json', '/ws/config/lang/messages.yml', '/ws/app/translations/labels.properties']) {
      assert.ok(translationCatalogReason(p, '{}'), p);
    }
    for (const p of ['/ws/web/de.json', '/ws/web/zh-CN.json', '/ws/web/pt_BR.yml', '/ws/src/main/resources/messages_de.properties']) {
      assert.ok(translationCatalogReason(p, '{}'), p);
    }
    assert.ok(translationCatalogReason('/ws/web/static/strings.json', catalogue));
    for (const p of ['/ws/config/db.json', '/ws/.github/workflows/ci.yml', '/ws/src/lang/parser.go', '/ws/settings.json']) {
      assert.equal(translationCatalogReason(p, '{"password": "xK9#mQ2$vLp7!rT"}'), undefined, p);
    }
  });

  it('include Laravel\'s PHP language files in a locale folder (`resources/lang/aa-ER/auth.php`), not other PHP', () => {
    // Held-out study 5 (docs/accuracy.md): 20 Crowdin in-context placeholders (`'password' => 'crwdns…:0crwdne…:0'`)
    // in a pseudo-locale's PHP files were reported at medium.
    for (const p of ['/ws/resources/lang/aa-ER/auth.php', '/ws/lang/en/passwords.php', '/ws/resources/lang/pt_BR/admin/users/message.php']) {
      assert.ok(translationCatalogReason(p, '<?php return [];'), p);
    }
    // PHP elsewhere, or in a lang folder without a locale folder, is code (`app/Lang/Parser.php`, `lang/helpers.php`).
    for (const p of ['/ws/config/auth.php', '/ws/app/Lang/Parser.php', '/ws/lang/helpers.php', '/ws/resources/lang/vendor/auth.php']) {
      assert.equal(translationCatalogReason(p, '<?php return [];'), undefined, p);
    }
  });

  it('are not confused with configuration full of words: package.json scripts, CI workflows, a CA config', () => {
    const pkg = [
      '{',
      '  "name": "acme-web",',
      '  "description": "The Acme storefront.",',
      '  "scripts": {',
      '    "build": "npm run clean and build",',
      '    "test": "node --test test",',
      '    "start": "node server.js",',
      '    "lint": "eslint src",',
      '    "deploy": "sh deploy now",',
      '    "clean": "rm -rf dist"',
      '  },',
      '  "author": "Jane Doe"',
      '}',
    ].join('\n');
    assert.equal(translationCatalogReason('/ws/package.json', pkg), undefined);
    const workflow = [
      'name: Build and test',
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - name: Check out the code',
      '      - name: Install dependencies',
      '      - name: Run the tests',
      '      - name: Upload the report',
      '        env:',
      '          API_TOKEN: Z248nT8cMzh2uvSxXArntATEn6lCuBr',
    ].join('\n');
    assert.equal(translationCatalogReason('/ws/.github/workflows/build.yml', workflow), undefined);
    assert.equal(generic('/ws/.github/workflows/build.yml', workflow).length, 1);
    assert.equal(translationCatalogReason('/ws/.step/config/ca.json', '{"password": "xK9#mQ2$vLp7!rT"}'), undefined);
    assert.ok(translationCatalogReason('/ws/po/fr.po', 'msgid "Password"\nmsgstr "Mot de passe"\n'));
  });

  it('get no generic findings, while provider rules still report a real token pasted into one', () => {
    const token = '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';
    const text = catalogue.replace('"GREETING"', `"GITHUB": "${token}",\n  "GREETING"`);
    const found = scanSecrets(text, '/ws/web/static/strings.json').map((f) => f.ruleId);
    assert.deepEqual(found, ['secrets.github.classic-pat']);
    // The same entries in a configuration file are still reported.
    assert.ok(generic('/ws/src/config/app.json', settingsFile('API_TOKEN', 'xR4t-Kennwort-9Lm')).length === 1);
  });
});

describe('catalogue detection while editing', () => {
  it('follows the whole current text: typing prose in turns the generic findings off, deleting it turns them back on', async () => {
    const engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
    const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
    const path = '/ws/web/static/strings.json';
    const uri = `test:${path}`;
    const prose = [
      '  "A": "Bitte melden Sie sich an",',
      '  "B": "Passwort vergessen?",',
      '  "C": "Willkommen zurück!",',
      '  "D": "Änderungen gespeichert.",',
      '  "E": "Angemeldet bleiben",',
      '  "F": "Netzwerkfehler. Bitte später erneut versuchen.",',
      '  "G": "Ungültiges Passwort",',
      '',
    ].join('\n');
    const ids = (): string[] => engine.analyze(uri, settings).findings.map((f) => f.ruleId);
    const full = (): string[] => engine.scanText(path, 'json', engine.get(uri)!.text, settings).findings.map((f) => f.ruleId);
    engine.open(uri, path, 'json', settingsFile('API_TOKEN', 'xR4t-Kennwort-9Lm'), 0);
    try {
      assert.deepEqual(ids(), ['secrets.generic.token-assignment']);
      const at = { line: 1, character: 0 };
      engine.change(uri, [{ range: { start: at, end: at }, text: prose }], 1);
      assert.deepEqual(ids(), []);
      assert.deepEqual(full(), []);
      engine.change(uri, [{ range: { start: at, end: { line: 8, character: 0 } }, text: '' }], 2);
      assert.deepEqual(ids(), ['secrets.generic.token-assignment']);
      assert.deepEqual(full(), ids());
    } finally {
      engine.close(uri);
      engine.dispose();
    }
  });
});
