/**
 * The secrets session rescans only edited lines (plus the window of multi-line rules); its findings must equal a
 * fresh full scan of the same text after any sequence of edits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { Engine } from '../../server/src/engine/engine';
import { createSecretsAnalyzer } from '../../server/src/engine/secrets';
import { LineIndex } from '../../server/src/engine/text';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
const GH = 'ghp_R8mK2vQ9xL4tW7nB1cZ5yH3jF6dS0aPqex2T';
const PEM_BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u';
const SNIPPETS = [
  `const token = "${GH}";\n`,
  'AWS_ACCESS_KEY_ID=AKIAQ7XG2TWRZ5MNB4KD\n',
  `password = "Vq7#mZ2p!xR9w"\n`,
  '-----BEGIN RSA PRIVATE KEY-----\n',
  '-----END RSA PRIVATE KEY-----\n',
  `${PEM_BODY.slice(0, 64)}\n`,
  `${PEM_BODY.slice(30, 94)}\n`,
  '/* ',
  ' */\n',
  '// ',
  '"',
  '\n',
  'ghp_',
  GH.slice(10),
  'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx\n',
  // Lexed languages (Ruby, PHP): heredocs, block comments and the markers around PHP code change what later lines are.
  'x = <<~EOT\n',
  'EOT\n',
  '=begin\n',
  '=end\n',
  '<?php\n',
  '?>',
  'api_token = tokens.generate_backup_codes!\n',
  // Parent forms (issue 16): a parent's window reaches down to its child, so edits below the parent matter.
  'twilio:\n',
  '  auth_token: "612a5c70345aeae08b2104c5e53a224f"\n',
  '[datadog]\n',
  'api_key = 5c1e7a3f9b2d6048e1c5a9f3b7d20e64\n',
  // Key flows (issue 16): a literal's finding depends on a call lines away and on every other binding of its name.
  "const k = 'pR7vX2kQ9mW4zL8nT3cY6bH1sF5dG0jA';\n",
  'jwt.sign(p, k);\n',
  'k = process.env.K;\n',
  'function f(k) {\n',
  '  ',
];
const BASE = [
  "const express = require('express');",
  `const token = "${GH}";`,
  '-----BEGIN RSA PRIVATE KEY-----',
  PEM_BODY.slice(0, 64),
  PEM_BODY.slice(20, 84),
  PEM_BODY.slice(40, 100),
  '-----END RSA PRIVATE KEY-----',
  '// password = "Vq7#mZ2p!xR9w"',
  'module.exports = { token };',
  '',
].join('\n');

type Edit = { at: number; remove: number; insert: string };

function view(fs: Finding[]): unknown[] {
  return fs.map((f) => ({ id: f.ruleId, sev: f.severity, range: f.range, msg: f.message, fp: f.fingerprint, fixes: f.fixes }));
}

describe('incremental secret scanning equals a full scan', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());

  for (const [path, languageId] of [
    ['/ws/src/app.js', 'javascript'],
    ['/ws/notes/keys.txt', 'plaintext'],
    ['/ws/lib/app.rb', 'ruby'],
    ['/ws/web/app.php', 'php'],
    ['/ws/config/app.yaml', 'yaml'],
  ] as const) {
    it(`after random edit sequences (${languageId})`, () => {
      const edit = fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 40 }),
        insert: fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 3 }).map((a) => a.join('')),
      });
      assertProperty(
        fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (batches: Edit[][]) => {
          const uri = `test:${path}`;
          engine.open(uri, path, languageId, BASE, 0);
          try {
            engine.analyze(uri, SETTINGS);
            let version = 1;
            for (const batch of batches) {
              // Each change is expressed against the text left by the previous one, as LSP sends them.
              let text = engine.get(uri)!.text;
              const changes = batch.map((e) => {
                const start = e.at % (text.length + 1);
                const end = Math.min(text.length, start + e.remove);
                const range = new LineIndex(text).rangeOf(start, end);
                text = text.slice(0, start) + e.insert + text.slice(end);
                return { range, text: e.insert };
              });
              engine.change(uri, changes, version++);
              assert.equal(engine.get(uri)!.text, text);
              const incremental = engine.analyze(uri, SETTINGS).findings;
              const full = engine.scanText(path, languageId, text, SETTINGS).findings;
              assert.deepEqual(view(incremental), view(full));
            }
          } finally {
            engine.close(uri);
          }
        }),
        60,
      );
    });
  }

  it('after random edit sequences (Markdown tables: a cell\'s finding depends on its header lines above)', () => {
    const path = '/ws/docs/accounts.md';
    const base = ['# Accounts', '', '| Tool | User | Password |', '|------|------|----------|', '| Grafana | admin | PXS8iPnKzo6l4Ab7q8#7 |', '| Sentry | sso | n/a |', ''].join('\n');
    const rows = ['| Tool | User | Password |\n', '| Tool | User | Notes |\n', '|------|------|----------|\n', '|---|---|\n', '| Kibana | elastic | Zq4!vR8mW2xK7pL9 |\n', '| Vault | ops | ${VAULT_PASSWORD} |\n', '| Name | Signing key |\n', '| jwt | 4K53xIbJIYjPLcgC4BT4/wMjvDnaAu/GCQ8sApVEnSI= |\n', '\n', 'text\n', '|', ' | '];
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.array(fc.constantFrom(...rows), { maxLength: 2 }).map((a) => a.join('')) });
    assertProperty(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits: Edit[]) => {
        const uri = `test:${path}`;
        engine.open(uri, path, 'markdown', base, 0);
        try {
          engine.analyze(uri, SETTINGS);
          let version = 1;
          for (const e of edits) {
            const text = engine.get(uri)!.text;
            const start = e.at % (text.length + 1);
            const end = Math.min(text.length, start + e.remove);
            engine.change(uri, [{ range: new LineIndex(text).rangeOf(start, end), text: e.insert }], version++);
            const now = engine.get(uri)!.text;
            assert.deepEqual(view(engine.analyze(uri, SETTINGS).findings), view(engine.scanText(path, 'markdown', now, SETTINGS).findings));
          }
        } finally {
          engine.close(uri);
        }
      }),
      60,
    );
  });

  it('reads a Markdown table again from its header when a row above a cell changes, for single-line rules too', () => {
    const uri = 'test:/ws/docs/k.md';
    const key = '4K53xIbJIYjPLcgC4BT4/wMjvDnaAu/GCQ8sApVEnSI=';
    const text = ['| Name | Signing key |', '|---|---|', '| old | n/a |', `| jwt | ${key} |`, ''].join('\n');
    engine.open(uri, '/ws/docs/k.md', 'markdown', text, 0);
    const found = (): string[] => engine.analyze(uri, SETTINGS).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    try {
      assert.equal(found().length, 1);
      // A blank line ends the table above the key's row: no rule may keep its finding (base64-key-assignment is
      // single-line, and its match starts on the header's line).
      engine.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 13 } }, text: '' }], 1);
      assert.deepEqual(found(), []);
    } finally {
      engine.close(uri);
    }
  });

  it('reads a Markdown table again when its header changes: renaming the column drops its cells\' findings', () => {
    const uri = 'test:/ws/docs/t.md';
    const text = ['| Tool | Password |', '|------|----------|', '| Grafana | PXS8iPnKzo6l4Ab7q8#7 |', ''].join('\n');
    engine.open(uri, '/ws/docs/t.md', 'markdown', text, 0);
    const ids = (): string[] => engine.analyze(uri, SETTINGS).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    try {
      assert.deepEqual(ids(), ['secrets.generic.password-assignment@2']);
      engine.change(uri, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 17 } }, text: 'Notes' }], 1);
      assert.deepEqual(ids(), []);
      engine.change(uri, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } }, text: 'Password' }], 2);
      assert.deepEqual(ids(), ['secrets.generic.password-assignment@2']);
    } finally {
      engine.close(uri);
    }
  });

  it('reads an INSERT\'s rows again when its column list changes, and drops a row the statement no longer reaches', () => {
    const uri = 'test:/ws/db/seed.sql';
    const text = ['INSERT INTO service_accounts (name, secret) VALUES', "  ('ops', 'n/a'),", "  ('billing', 'Fi1ZkMBF3ofcETb4Fmje2esZB2Mb35Gy');", ''].join('\n');
    engine.open(uri, '/ws/db/seed.sql', 'sql', text, 0);
    const ids = (): string[] => engine.analyze(uri, SETTINGS).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    try {
      assert.deepEqual(ids(), ['secrets.generic.secret-assignment@2']);
      engine.change(uri, [{ range: { start: { line: 0, character: 36 }, end: { line: 0, character: 42 } }, text: 'note' }], 1);
      assert.deepEqual(ids(), []);
      engine.change(uri, [{ range: { start: { line: 0, character: 36 }, end: { line: 0, character: 40 } }, text: 'secret' }], 2);
      assert.deepEqual(ids(), ['secrets.generic.secret-assignment@2']);
      // The first row ends the statement: the second is no row of it.
      engine.change(uri, [{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 17 } }, text: ';' }], 3);
      assert.deepEqual(ids(), []);
    } finally {
      engine.close(uri);
    }
  });

  it('finds a child under its parent, loses it when a line at the parent\'s level splits them, and finds it again', () => {
    const uri = 'test:/ws/c.yaml';
    const text = ['twilio:', '  account_sid: AC5f0e4b3a2d1c0b9a8f7e6d5c4b3a2d1c', '  auth_token: "612a5c70345aeae08b2104c5e53a224f"', ''].join('\n');
    engine.open(uri, '/ws/c.yaml', 'yaml', text, 0);
    const ids = (): string[] => engine.analyze(uri, SETTINGS).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    try {
      assert.deepEqual(ids(), ['secrets.twilio.auth-token@2']);
      const at = { line: 2, character: 0 };
      engine.change(uri, [{ range: { start: at, end: at }, text: 'region: us1\n' }], 1);
      assert.deepEqual(ids(), ['secrets.generic.token-assignment@3']);
      engine.change(uri, [{ range: { start: at, end: { line: 3, character: 0 } }, text: '' }], 2);
      assert.deepEqual(ids(), ['secrets.twilio.auth-token@2']);
    } finally {
      engine.close(uri);
    }
  });

  it('finds a PEM block completed by typing its END line, and loses it when a body line breaks', () => {
    const uri = 'test:/ws/k.txt';
    const lines = ['-----BEGIN RSA PRIVATE KEY-----', PEM_BODY.slice(0, 64), PEM_BODY.slice(20, 84), ''];
    engine.open(uri, '/ws/k.txt', 'plaintext', lines.join('\n'), 0);
    try {
      assert.equal(engine.analyze(uri, SETTINGS).findings.length, 0);
      engine.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '-----END RSA PRIVATE KEY-----\n' }], 1);
      const found = engine.analyze(uri, SETTINGS).findings;
      assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line, f.range.end.line]), [['secrets.key.rsa-private', 0, 3]]);
      engine.change(uri, [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } }, text: ' not base64 ' }], 2);
      assert.equal(engine.analyze(uri, SETTINGS).findings.length, 0);
    } finally {
      engine.close(uri);
    }
  });
});
