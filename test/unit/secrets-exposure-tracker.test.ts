/** The language server's exposure lookups: never on the publish path, batched, and a republish when they change what is shown. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createSecretsAnalyzer } from '../../server/src/engine/secrets';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { ExposureTracker } from '../../server/src/lsp/exposure-tracker';

// Fake Fly.io-format tokens; never real credentials.
const PUSHED = 'fo1_' + 'Rw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9K';
const NEVER = 'fo1_' + 'Sw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9M';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('ExposureTracker', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());

  it('publishes at once without history, then asks for a republish once the lookup found something', async () => {
    const base = mkdtempSync(join(tmpdir(), 'vigil-tracker-'));
    const dir = join(base, 'work');
    git(base, 'init', '-q', '--bare', join(base, 'origin.git'));
    git(base, 'init', '-q', '-b', 'main', dir);
    git(dir, 'config', 'user.email', 'test@example.invalid');
    git(dir, 'config', 'user.name', 'Vigil Test');
    git(dir, 'config', 'commit.gpgsign', 'false');
    const text = `const a = "${PUSHED}";\nconst b = "${NEVER}";\n`;
    writeFileSync(join(dir, 'app.js'), `const a = "${PUSHED}";\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'app');
    git(dir, 'remote', 'add', 'origin', join(base, 'origin.git'));
    git(dir, 'push', '-q', 'origin', 'main');

    const findings = engine.scanText(join(dir, 'app.js'), 'javascript', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }, dir).findings;
    assert.equal(findings.length, 2);
    const logs: string[] = [];
    const tracker = new ExposureTracker((m) => logs.push(m), 60_000, 10);
    let changed!: () => void;
    const republish = new Promise<void>((r) => (changed = r));
    const first = tracker.decorate(dir, join(dir, 'app.js'), text, findings, () => changed());
    assert.ok(first.every((f) => f.properties?.exposure === undefined), 'nothing known yet: published as is, no git on this path');
    await republish;
    let again = 0;
    const second = tracker.decorate(dir, join(dir, 'app.js'), text, findings, () => again++);
    const [a, b] = second;
    assert.match(a!.message, /pushed to origin\/main: rotate it/);
    assert.deepEqual((a!.properties?.exposure as Record<string, unknown>).pushed, true);
    assert.equal(b!.properties?.exposure, undefined, 'never committed: says nothing');
    assert.equal(a!.priority?.reason, 'secret pushed to a remote', 'ranked again by its exposure');
    assert.ok(a!.priority!.score > b!.priority!.score);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(again, 0, 'a known answer starts no second lookup');
    assert.deepEqual(logs, []);
    for (const s of [PUSHED, NEVER]) assert.ok(!JSON.stringify(second).includes(s));
  });
  it('forgets secrets gone stale and not shown again, so typing in a secret does not grow its map forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-tracker-'));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.email', 'test@example.invalid');
    git(dir, 'config', 'user.name', 'Vigil Test');
    git(dir, 'config', 'commit.gpgsign', 'false');
    // Fake tokens, one per keystroke's worth of change; all committed, so each lookup changes what is shown.
    const values = ['A', 'B', 'C', 'D'].map((c) => 'fo1_' + c + 'w3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9K');
    writeFileSync(join(dir, 'all.js'), values.map((v, i) => `const s${i} = "${v}";\n`).join(''));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'all');
    const tracker = new ExposureTracker(() => undefined, 5, 1);
    for (const v of values) {
      const text = `const a = "${v}";\n`;
      const findings = engine.scanText(join(dir, 'app.js'), 'javascript', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' }, dir).findings;
      assert.equal(findings.length, 1);
      await new Promise<void>((resolve) => tracker.decorate(dir, join(dir, 'app.js'), text, findings, resolve));
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(tracker.knownCount(dir), 1, 'only the value of the last lookup is held');
  });
});
