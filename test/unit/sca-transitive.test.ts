import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { importAdvisories } from '../../server/src/engine/sca';
import { jsonParseStats } from '../../server/src/engine/sca/json-pos';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { OSV_RECORDS } from './sca-helpers';

let db: string;
before(() => {
  db = join(mkdtempSync(join(tmpdir(), 'vigil-sca-via-')), 'db');
  importAdvisories(db, [OSV_RECORDS]);
});

async function analyze(dir: string, text: string): Promise<Finding[]> {
  writeFileSync(join(dir, 'package.json'), text);
  const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: db }).analyzers });
  engine.open('file:///x', join(dir, 'package.json'), 'json', text);
  return engine.analyze('file:///x', { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings.filter((f) => f.pack === 'dependencies');
}

/** Applies a fix's edits (line/character ranges) to `text`. */
function apply(text: string, f: Finding): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = f.fixes![0]!.edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  return edits.reduce((t, e) => t.slice(0, e.s) + e.t + t.slice(e.e), text);
}

const v3 = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { name: 'x', dependencies: { 'fake-express': '^4.0.0', 'fake-qs': '^6.5.3' } },
    'node_modules/fake-express': { version: '4.0.0', dependencies: { 'fake-qs': '~6.5.0', 'fake-body': '^1.0.0' } },
    'node_modules/fake-express/node_modules/fake-qs': { version: '6.5.2' },
    'node_modules/fake-body': { version: '1.0.0', dependencies: { 'fake-lodash': '^4.0.0', 'fake-qs': '^6.5.3' } },
    'node_modules/fake-lodash': { version: '4.17.15' },
    'node_modules/fake-qs': { version: '6.5.3' },
  },
}, null, 2);

const v1 = JSON.stringify({
  lockfileVersion: 1,
  dependencies: {
    'fake-express': { version: '4.0.0', requires: { 'fake-qs': '~6.5.0', 'fake-body': '^1.0.0' }, dependencies: { 'fake-qs': { version: '6.5.2' } } },
    'fake-body': { version: '1.0.0', requires: { 'fake-lodash': '^4.0.0', 'fake-qs': '^6.5.3' } },
    'fake-lodash': { version: '4.17.15' },
    'fake-qs': { version: '6.5.3' },
  },
}, null, 2);

const manifest = `{
  "name": "x",
  "dependencies": {
    "fake-express": "^4.0.0",
    "fake-qs": "^6.5.3"
  }
}
`;

describe('dependencies pack: transitive dependencies on package.json', () => {
  for (const [label, lock] of [['v3 packages', v3], ['v1 dependencies', v1]] as const) {
    it(`reported on the direct dependency that brings them, with the shortest chain (${label})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-via-'));
      writeFileSync(join(dir, 'package-lock.json'), lock);
      const findings = await analyze(dir, manifest);
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.package, f.properties?.version, f.properties?.via]).sort(), [
        [3, 'fake-lodash', '4.17.15', 'fake-express → fake-body → fake-lodash'],
        [3, 'fake-lodash', '4.17.15', 'fake-express → fake-body → fake-lodash'],
        [3, 'fake-qs', '6.5.2', 'fake-express → fake-qs'],
      ]);
      const lodash = findings.find((f) => f.properties?.package === 'fake-lodash' && f.fixes)!;
      assert.match(lodash.message, /fake-express 4\.0\.0 brings fake-lodash 4\.17\.15 \(via fake-express → fake-body → fake-lodash\)/);
      assert.match(lodash.fixes![0]!.title, /override.*fake-lodash.*4\.17\.21.*npm install/i);
      assert.deepEqual(JSON.parse(apply(manifest, lodash)).overrides, { 'fake-lodash': '4.17.21' });
      // No fixed version of fake-qs: no fix.
      assert.ok(findings.filter((f) => f.properties?.package === 'fake-qs').every((f) => !f.fixes));
    });
  }

  it('the override is added to an existing "overrides" object, or replaces an entry for the same package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-via-'));
    writeFileSync(join(dir, 'package-lock.json'), v3);
    for (const [overrides, expected] of [
      ['{}', { 'fake-lodash': '4.17.21' }],
      ['{\n    "fake-other": "1.0.0"\n  }', { 'fake-lodash': '4.17.21', 'fake-other': '1.0.0' }],
      ['{ "fake-lodash": "4.17.16" }', { 'fake-lodash': '4.17.21' }],
    ] as const) {
      const text = manifest.replace('"name": "x",', `"name": "x",\n  "overrides": ${overrides},`);
      const f = (await analyze(dir, text)).find((x) => x.properties?.package === 'fake-lodash' && x.fixes)!;
      assert.deepEqual(JSON.parse(apply(text, f)).overrides, expected, overrides);
    }
  });

  it('a vulnerable package that is itself a direct dependency is reported on its own line only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-via-'));
    writeFileSync(join(dir, 'package-lock.json'), v3.replace('"version": "6.5.3"', '"version": "6.5.2"'));
    const findings = await analyze(dir, manifest);
    assert.deepEqual(findings.filter((f) => f.properties?.package === 'fake-qs').map((f) => [f.range.start.line, f.properties?.via ?? null]).sort(), [
      [3, 'fake-express → fake-qs'],
      [4, null],
    ]);
  });
});

describe('dependencies pack: package.json beside yarn.lock (v1)', () => {
  const yarnLock = `# yarn lockfile v1


fake-body@^1.0.0:
  version "1.0.0"
  dependencies:
    fake-lodash "^4.0.0"

fake-express@^4.0.0:
  version "4.0.0"
  dependencies:
    fake-body "^1.0.0"
    fake-qs "~6.5.0"

"fake-lodash@^4.0.0", fake-lodash@^4.17.0:
  version "4.17.15"

fake-qs@^6.5.3:
  version "6.5.3"

fake-qs@~6.5.0:
  version "6.5.2"
`;
  it('direct versions come from the entry for the spec; transitive ones are reported "via" with a resolutions fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-yarn-'));
    writeFileSync(join(dir, 'yarn.lock'), yarnLock);
    const text = `{
  "dependencies": {
    "fake-express": "^4.0.0",
    "fake-qs": "^6.5.3"
  },
  "devDependencies": {
    "fake-lodash": "^4.17.0"
  }
}
`;
    const findings = await analyze(dir, text);
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.package, f.properties?.version, f.properties?.via ?? null]).sort(), [
      [2, 'fake-qs', '6.5.2', 'fake-express → fake-qs'],
      [6, 'fake-lodash', '4.17.15', null],
      [6, 'fake-lodash', '4.17.15', null],
    ]);
    const direct = findings.find((f) => f.range.start.line === 6 && f.fixes)!;
    assert.match(direct.fixes![0]!.title, /then run yarn install to update yarn\.lock/);
    assert.doesNotMatch(direct.message, /range allows/);
  });

  it('a vulnerable transitive package with a fix gets a "resolutions" entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-yarn-'));
    writeFileSync(join(dir, 'yarn.lock'), yarnLock);
    const text = '{\n  "dependencies": {\n    "fake-express": "^4.0.0"\n  }\n}\n';
    const findings = await analyze(dir, text);
    const lodash = findings.find((f) => f.properties?.package === 'fake-lodash' && f.fixes)!;
    assert.equal(lodash.properties?.via, 'fake-express → fake-body → fake-lodash');
    assert.match(lodash.fixes![0]!.title, /resolution.*fake-lodash.*4\.17\.21.*yarn install/i);
    assert.deepEqual(JSON.parse(apply(text, lodash)).resolutions, { 'fake-lodash': '4.17.21' });
  });
});

describe('dependencies pack: the lockfile beside package.json is re-read when it changes on disk', () => {
  it('one analyzer, the lockfile rewritten between two analyses of the same package.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-relock-'));
    writeFileSync(join(dir, 'package.json'), manifest);
    writeFileSync(join(dir, 'package-lock.json'), v3);
    const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: db }).analyzers });
    engine.open('file:///x', join(dir, 'package.json'), 'json', manifest);
    const run = () => engine.analyze('file:///x', { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings.filter((f) => f.pack === 'dependencies').map((f) => `${f.properties?.package}@${f.properties?.version}`).sort();
    assert.deepEqual(run(), ['fake-lodash@4.17.15', 'fake-lodash@4.17.15', 'fake-qs@6.5.2']);
    // The same size on purpose, so only the modification time tells the cache the file changed.
    writeFileSync(join(dir, 'package-lock.json'), v3.replace('"version": "4.17.15"', '"version": "4.17.21"'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'package-lock.json'), later, later);
    engine.change('file:///x', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }], 2);
    assert.deepEqual(run(), ['fake-qs@6.5.2']);
  });
});

describe('dependencies pack: "via" findings follow a new database snapshot', () => {
  it('the same analyzer and lockfile, a database re-imported without the fake-lodash advisories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-resnap-'));
    const ownDb = join(dir, 'db');
    importAdvisories(ownDb, [OSV_RECORDS], 'all', { now: new Date(1_000) });
    writeFileSync(join(dir, 'package.json'), manifest);
    writeFileSync(join(dir, 'package-lock.json'), v3);
    const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: ownDb }).analyzers });
    engine.open('file:///x', join(dir, 'package.json'), 'json', manifest);
    const run = () => engine.analyze('file:///x', { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings.filter((f) => f.pack === 'dependencies').map((f) => `${f.properties?.package}@${f.properties?.version}`).sort();
    assert.deepEqual(run(), ['fake-lodash@4.17.15', 'fake-lodash@4.17.15', 'fake-qs@6.5.2']);
    const qsOnly = join(dir, 'qs-records');
    mkdirSync(qsOnly);
    for (const name of readdirSync(OSV_RECORDS)) {
      const text = readFileSync(join(OSV_RECORDS, name), 'utf8');
      if (text.includes('"fake-qs"')) writeFileSync(join(qsOnly, name), text);
    }
    importAdvisories(ownDb, [qsOnly], 'qs only', { now: new Date(2_000) });
    engine.change('file:///x', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }], 2);
    assert.deepEqual(run(), ['fake-qs@6.5.2']);
  });
});

describe('dependencies pack: package.json beside pnpm-lock.yaml (v6 and v9)', () => {
  const v9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .:
    dependencies:
      fake-express:
        specifier: ^4.0.0
        version: 4.0.0(fake-peer@1.0.0)
      fake-qs:
        specifier: ^6.5.3
        version: 6.5.3

packages:

  fake-body@1.0.0:
    resolution: {integrity: sha512-AAAAfake}

  fake-express@4.0.0:
    resolution: {integrity: sha512-BBBBfake}

  fake-lodash@4.17.15:
    resolution: {integrity: sha512-CCCCfake}

  fake-peer@1.0.0:
    resolution: {integrity: sha512-DDDDfake}

  fake-qs@6.5.2:
    resolution: {integrity: sha512-EEEEfake}

  fake-qs@6.5.3:
    resolution: {integrity: sha512-FFFFfake}

snapshots:

  fake-body@1.0.0:
    dependencies:
      fake-lodash: 4.17.15
      fake-qs: 6.5.3

  fake-express@4.0.0(fake-peer@1.0.0):
    dependencies:
      fake-body: 1.0.0
      fake-peer: 1.0.0
      fake-qs: 6.5.2

  fake-lodash@4.17.15: {}

  fake-peer@1.0.0: {}

  fake-qs@6.5.2: {}

  fake-qs@6.5.3: {}
`;
  const v6 = `lockfileVersion: '6.0'

dependencies:
  fake-express:
    specifier: ^4.0.0
    version: 4.0.0
  fake-qs:
    specifier: ^6.5.3
    version: 6.5.3

packages:

  /fake-body@1.0.0:
    resolution: {integrity: sha512-AAAAfake}
    dependencies:
      fake-lodash: 4.17.15
      fake-qs: 6.5.3
    dev: false

  /fake-express@4.0.0:
    resolution: {integrity: sha512-BBBBfake}
    dependencies:
      fake-body: 1.0.0
      fake-qs: 6.5.2
    dev: false

  /fake-lodash@4.17.15:
    resolution: {integrity: sha512-CCCCfake}
    dev: false

  /fake-qs@6.5.2:
    resolution: {integrity: sha512-EEEEfake}
    dev: false

  /fake-qs@6.5.3:
    resolution: {integrity: sha512-FFFFfake}
    dev: false
`;
  for (const [label, lock] of [['v9 importers + snapshots', v9], ['v6 packages', v6]] as const) {
    it(`transitive packages are reported "via" on the direct dependency, with a pnpm.overrides fix (${label})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-pnpm-'));
      writeFileSync(join(dir, 'pnpm-lock.yaml'), lock);
      const findings = await analyze(dir, manifest);
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.package, f.properties?.version, f.properties?.via ?? null]).sort(), [
        [3, 'fake-lodash', '4.17.15', 'fake-express → fake-body → fake-lodash'],
        [3, 'fake-lodash', '4.17.15', 'fake-express → fake-body → fake-lodash'],
        [3, 'fake-qs', '6.5.2', 'fake-express → fake-qs'],
      ]);
      const lodash = findings.find((f) => f.properties?.package === 'fake-lodash' && f.fixes)!;
      assert.match(lodash.message, /fake-express 4\.0\.0 brings fake-lodash 4\.17\.15 \(via fake-express → fake-body → fake-lodash\)/);
      assert.match(lodash.fixes![0]!.title, /override.*fake-lodash.*4\.17\.21.*pnpm install.*pnpm-lock\.yaml/i);
      assert.deepEqual(JSON.parse(apply(manifest, lodash)).pnpm, { overrides: { 'fake-lodash': '4.17.21' } });
    });
  }

  it('the override goes into an existing "pnpm" object, and its "overrides" when there is one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-pnpm-'));
    writeFileSync(join(dir, 'pnpm-lock.yaml'), v9);
    for (const [pnpm, expected] of [
      ['{}', { overrides: { 'fake-lodash': '4.17.21' } }],
      ['{\n    "neverBuiltDependencies": []\n  }', { neverBuiltDependencies: [], overrides: { 'fake-lodash': '4.17.21' } }],
      ['{ "overrides": { "fake-other": "1.0.0" } }', { overrides: { 'fake-lodash': '4.17.21', 'fake-other': '1.0.0' } }],
    ] as const) {
      const text = manifest.replace('"name": "x",', `"name": "x",\n  "pnpm": ${pnpm},`);
      const f = (await analyze(dir, text)).find((x) => x.properties?.package === 'fake-lodash' && x.fixes)!;
      assert.deepEqual(JSON.parse(apply(text, f)).pnpm, expected, pnpm);
    }
  });
});

describe('dependencies pack: package.json beside a yarn berry yarn.lock', () => {
  const berry = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"fake-body@npm:^1.0.0":
  version: 1.0.0
  resolution: "fake-body@npm:1.0.0"
  dependencies:
    fake-lodash: "npm:^4.0.0"
  checksum: 10c0/aaaa
  languageName: node
  linkType: hard

"fake-express@npm:^4.0.0":
  version: 4.0.0
  resolution: "fake-express@npm:4.0.0"
  dependencies:
    fake-body: "npm:^1.0.0"
    fake-qs: ~6.5.0
  languageName: node
  linkType: hard

"fake-lodash@npm:^4.0.0":
  version: 4.17.15
  resolution: "fake-lodash@npm:4.17.15"
  languageName: node
  linkType: hard

"fake-qs@npm:^6.5.3":
  version: 6.5.3
  resolution: "fake-qs@npm:6.5.3"
  languageName: node
  linkType: hard

"fake-qs@npm:~6.5.0":
  version: 6.5.2
  resolution: "fake-qs@npm:6.5.2"
  languageName: node
  linkType: hard

"fake-qs@patch:fake-qs@npm%3A~6.5.0#~/.yarn/patches/fake-qs-npm-6.5.2-0a1b2c.patch":
  version: 6.5.2
  resolution: "fake-qs@patch:fake-qs@npm%3A6.5.2#~/.yarn/patches/fake-qs-npm-6.5.2-0a1b2c.patch::version=6.5.2&hash=0a1b2c"
  languageName: node
  linkType: hard

"x@workspace:.":
  version: 0.0.0-use.local
  resolution: "x@workspace:."
  dependencies:
    fake-express: "npm:^4.0.0"
    fake-qs: "npm:^6.5.3"
  languageName: unknown
  linkType: soft
`;
  it('npm: descriptors resolve package.json specs and dependencies; transitive ones get a "resolutions" fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-berry-'));
    writeFileSync(join(dir, 'yarn.lock'), berry);
    const findings = await analyze(dir, manifest);
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.package, f.properties?.version, f.properties?.via ?? null]).sort(), [
      [3, 'fake-lodash', '4.17.15', 'fake-express → fake-body → fake-lodash'],
      [3, 'fake-lodash', '4.17.15', 'fake-express → fake-body → fake-lodash'],
      [3, 'fake-qs', '6.5.2', 'fake-express → fake-qs'],
    ]);
    const lodash = findings.find((f) => f.properties?.package === 'fake-lodash' && f.fixes)!;
    assert.match(lodash.fixes![0]!.title, /resolution.*fake-lodash.*4\.17\.21.*yarn install/i);
    assert.deepEqual(JSON.parse(apply(manifest, lodash)).resolutions, { 'fake-lodash': '4.17.21' });
  });
});

describe('dependencies pack: work per package.json edit', () => {
  it('an edit parses package.json once, whatever the number of "via" findings and override fixes (the lockfile stays cached)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-work-'));
    const directs = Array.from({ length: 6 }, (_, i) => `fake-direct-${i}`);
    const packages: Record<string, unknown> = { '': { name: 'x', dependencies: Object.fromEntries(directs.map((d) => [d, '^1.0.0'])) } };
    for (const d of directs) packages[`node_modules/${d}`] = { version: '1.0.0', dependencies: { 'fake-lodash': '^4.0.0' } };
    packages['node_modules/fake-lodash'] = { version: '4.17.15' };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages }, null, 2));
    const text = `{\n  "name": "x",\n  "dependencies": {\n${directs.map((d) => `    "${d}": "^1.0.0"`).join(',\n')}\n  }\n}\n`;
    writeFileSync(join(dir, 'package.json'), text);
    const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: db }).analyzers });
    const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
    engine.open('file:///x', join(dir, 'package.json'), 'json', text, 1);
    const first = engine.analyze('file:///x', settings).findings.filter((f) => f.pack === 'dependencies');
    assert.equal(first.filter((f) => f.fixes).length, directs.length, 'one override fix per direct dependency');
    // Edit the first direct dependency's range (^1.0.0 -> ^1.0.1) and back, as a user typing would.
    for (const [v, digit] of [[2, '1'], [3, '0']] as const) {
      engine.change('file:///x', [{ range: { start: { line: 3, character: 27 }, end: { line: 3, character: 28 } }, text: digit }], v);
      const before = jsonParseStats.documents;
      const after = engine.analyze('file:///x', settings).findings.filter((f) => f.pack === 'dependencies');
      assert.equal(jsonParseStats.documents - before, 1, 'JSON documents parsed for one edit of package.json');
      assert.equal(after.length, first.length);
    }
  });
});
