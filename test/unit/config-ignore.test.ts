/**
 * `.vigil.yml` `ignore:`: findings in files that cannot hold a `vigil-ignore` comment (JSON lockfiles and manifests)
 * or in a folder, ignored by rule or advisory id with a required reason and an optional last day. The engine never
 * reads the clock: `today` comes with the settings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { applyConfig, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const TOKEN_ENV = 'GITHUB_TOKEN=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\n';
const RULE = 'secrets.github.classic-pat';

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers({ packs: { secrets: true, taint: false, config: false, dependencies: false } }).analyzers });
});
after(() => engine.dispose());

function settingsFrom(yml: string, today?: string) {
  const r = parseVigilConfig(yml, '/ws/.vigil.yml');
  assert.deepEqual(r.errors, []);
  return { ...applyConfig(DEFAULT_SETTINGS, r.config!), ...(today ? { today } : {}) };
}

const rules = (path: string, settings: ReturnType<typeof settingsFrom>) =>
  engine.scanText(path, 'dotenv', TOKEN_ENV, settings, '/ws').findings.map((f) => ({ rule: f.ruleId, message: f.message }));

describe('.vigil.yml ignore', () => {
  it('the finding is there without an entry', () => {
    assert.ok(rules('/ws/config/.env', settingsFrom('version: 1\n')).some((f) => f.rule === RULE));
  });

  it('drops a finding of the rule in the files its path glob matches, and only there', () => {
    const s = settingsFrom(`version: 1\nignore:\n  - rule: ${RULE}\n    path: "config/**"\n    reason: rotated, kept as a revoked example\n`);
    assert.ok(!rules('/ws/config/.env', s).some((f) => f.rule === RULE));
    assert.ok(rules('/ws/app/.env', s).some((f) => f.rule === RULE), 'another folder keeps it');
    assert.ok(rules('/elsewhere/config/.env', s).some((f) => f.rule === RULE), 'a file outside the workspace keeps it');
  });

  it('applies up to its last day, then reports the finding again saying the ignore expired', () => {
    const yml = `version: 1\nignore:\n  - rule: ${RULE}\n    reason: waiting for the vendor\n    until: 2027-01-31\n`;
    assert.ok(!rules('/ws/.env', settingsFrom(yml, '2027-01-31')).some((f) => f.rule === RULE), 'still applies on its last day');
    const after = rules('/ws/.env', settingsFrom(yml, '2027-02-01')).find((f) => f.rule === RULE);
    assert.ok(after, 'back the day after');
    assert.match(after.message, /ignore expired after 2027-01-31: "waiting for the vendor"/);
    assert.ok(!after.message.includes('eblaBKkAioqa2qpb9J61'), 'still masked');
  });

  it('refuses entries without a reason, with a rule glob, a bad date, an escaping path or an unknown key', () => {
    const r = parseVigilConfig(
      [
        'version: 1',
        'ignore:',
        '  - rule: js.sqli',
        '  - rule: "js.*"',
        '    reason: all of them',
        '  - rule: GHSA-aaaa-bbbb-cccc',
        '    reason: x',
        '    until: soon',
        '  - rule: GHSA-aaaa-bbbb-cccc',
        '    reason: x',
        '    path: ../other/**',
        '  - rule: GHSA-aaaa-bbbb-cccc',
        '    reason: x',
        '    expires: 2027-01-01',
        '',
      ].join('\n'),
      '/ws/.vigil.yml',
    );
    const msgs = r.errors.map((e) => e.message).join('\n');
    assert.match(msgs, /ignore\[0\]\.reason must say why/);
    assert.match(msgs, /ignore\[1\]\.rule must be one rule id/);
    assert.match(msgs, /ignore\[2\]\.until must be a date/);
    assert.match(msgs, /ignore\[3\]\.path must stay inside the workspace/);
    assert.match(msgs, /ignore\[4\]: unknown key "expires"/);
    assert.ok(r.errors.every((e) => e.range), 'each error is located in the file');
  });
});
