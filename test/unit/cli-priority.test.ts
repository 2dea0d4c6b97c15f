import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, project } from './cli-helpers';

/** The webapp fixture plus a token in test code, which ranks below the same token in the app. */
function webappWithTestToken(): string {
  const dir = project('webapp');
  mkdirSync(join(dir, 'test'));
  writeFileSync(join(dir, 'test', 'app.test.js'), "const t = 'FAKETOKEN_testtesttest1234';\n");
  return dir;
}

describe('vigil scan: priority', () => {
  it('json and sarif carry each finding\'s priority; sarif rank is its score', async () => {
    const dir = webappWithTestToken();
    const json = JSON.parse((await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json'])).out);
    const inTest = json.findings.find((f: { path: string }) => f.path === 'test/app.test.js');
    const inApp = json.findings.find((f: { path: string; ruleId: string }) => f.path === 'src/app.js' && f.ruleId === 'test.secret.fake-token');
    assert.equal(inTest.priority.reason, 'in test code');
    assert.ok(inTest.priority.score < inApp.priority.score);
    const sarif = JSON.parse((await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'sarif'])).out);
    const results = sarif.runs[0].results as { rank: number; properties: { priority: { score: number; level: string } }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.length > 0);
    for (const r of results) {
      assert.equal(r.rank, r.properties.priority.score);
      assert.ok(r.rank >= 0 && r.rank <= 100);
    }
  });

  it('--min-priority drops less urgent findings from the report and the exit code', async () => {
    const dir = webappWithTestToken();
    const all = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json']);
    const p2 = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json', '--min-priority', 'p2']);
    const paths = (r: { out: string }) => (JSON.parse(r.out).findings as { path: string }[]).map((f) => f.path);
    assert.ok(paths(all).includes('test/app.test.js'));
    assert.ok(!paths(p2).includes('test/app.test.js'));
    assert.ok(paths(p2).includes('src/app.js'));
    const onlyTest = await cli(dir, ['scan', join(dir, 'test'), '--root', dir, '-j', '1', '--min-priority', 'p1']);
    assert.equal(onlyTest.code, 0, 'nothing left at p1, so nothing fails');
    const bad = await cli(dir, ['scan', '--root', dir, '--min-priority', 'urgent']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--min-priority must be one of p1, p2, p3, p4/);
  });
});
