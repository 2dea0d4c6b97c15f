import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { AdvisoryDb, importAdvisories, manifestKindOf, readDbMeta, npmLockDependencies, SCA_RULES, poetryLockDependencies, requirementsDependencies, yarnLockDependencies } from '../../server/src/engine/sca';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { defaultVigilConfig, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { effectiveSettings } from '../../server/src/lsp/settings';
import { VigilSettings } from '../../server/src/shared/protocol';
import { OSV_PROJECT, OSV_RECORDS } from './sca-helpers';

let db: string;
before(() => {
  db = join(mkdtempSync(join(tmpdir(), 'vigil-sca-db-')), 'db');
  importAdvisories(db, [OSV_RECORDS]);
});

async function analyze(path: string, text: string, dbDir = db): Promise<{ findings: Finding[]; notices: string[]; lines: string[] }> {
  const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: dbDir }).analyzers });
  engine.open('file:///x', path, 'json', text);
  const r = engine.analyze('file:///x', DEFAULT_SETTINGS);
  return { findings: r.findings.filter((f) => f.pack === 'dependencies'), notices: r.notices.map((n) => n.reason), lines: text.split('\n') };
}

const lockV1 = `{
  "name": "x",
  "lockfileVersion": 1,
  "dependencies": {
    "fake-express": {
      "version": "4.0.0",
      "requires": { "fake-qs": "6.5.2" },
      "dependencies": {
        "fake-qs": { "version": "6.5.2" }
      }
    },
    "fake-qs": { "version": "6.0.0" },
    "fake-lodash": { "version": "4.17.21" }
  }
}
`;

describe('dependencies pack: lockfiles', () => {
  it('lockfile v1: nested entries, on the entry\u2019s own key (not the "requires" mention)', async () => {
    const { findings, lines } = await analyze('/p/package-lock.json', lockV1);
    assert.deepEqual(
      findings.map((f) => [f.properties?.package, f.properties?.version, lines[f.range.start.line]!.trim()]),
      [
        ['fake-qs', '6.5.2', '"fake-qs": { "version": "6.5.2" }'],
        ['fake-qs', '6.0.0', '"fake-qs": { "version": "6.0.0" },'],
      ],
    );
  });

  it('lockfile v2 reads "packages" (not the v1 "dependencies" it also carries); npm-shrinkwrap.json too', async () => {
    const v2 = `{
  "lockfileVersion": 2,
  "packages": {
    "": { "name": "x" },
    "node_modules/fake-lodash": { "version": "4.17.15" },
    "packages/local": { "version": "1.0.0" },
    "node_modules/local": { "resolved": "packages/local", "link": true }
  },
  "dependencies": {
    "fake-lodash": { "version": "4.17.15" }
  }
}
`;
    for (const name of ['package-lock.json', 'npm-shrinkwrap.json']) {
      const { findings, lines } = await analyze(`/p/${name}`, v2);
      assert.equal(findings.length, 2, name);
      assert.ok(findings.every((f) => lines[f.range.start.line]!.includes('"node_modules/fake-lodash"')));
      assert.ok(findings.every((f) => !f.fixes), 'lockfiles are not edited');
      assert.match(findings[0]!.message, /run npm install/);
    }
  });

  it('the fixture lockfile (v3) gives every entry with its path', () => {
    const deps = npmLockDependencies(readFileSync(join(OSV_PROJECT, 'package-lock.json'), 'utf8'))!;
    assert.deepEqual(
      deps.map((d) => `${d.path}@${d.version}`),
      ['node_modules/fake-express@4.0.0', 'node_modules/fake-express/node_modules/fake-qs@6.5.2', 'node_modules/fake-lodash@4.17.15', 'node_modules/fake-qs@6.5.3', 'node_modules/fake-safe@1.2.3'],
    );
  });

  it('a lockfile mid-edit (invalid JSON) gives no findings and no error', async () => {
    const r = await analyze('/p/package-lock.json', lockV1.slice(0, 120));
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.notices, []);
  });
});

describe('dependencies pack: manifests', () => {
  it('package.json without a lockfile matches exact pins, and ranges at their lowest version; the fix keeps the range style', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-pj-'));
    const text = `{
  "dependencies": { "fake-lodash": "4.17.15", "fake-qs": "^6.5.2" },
  "devDependencies": { "fake-express": "=4.0.0" }
}
`;
    writeFileSync(join(dir, 'package.json'), text);
    const { findings } = await analyze(join(dir, 'package.json'), text);
    assert.deepEqual([...new Set(findings.map((f) => `${f.properties?.package}@${f.properties?.version}${f.properties?.range ? ' range' : ''}`))], ['fake-lodash@4.17.15', 'fake-qs@6.5.2 range']);
    const fix = findings[0]!.fixes![0]!;
    assert.equal(fix.edits[0]!.newText, '4.17.21');
    assert.doesNotMatch(fix.title, /npm install/);
    const start = fix.edits[0]!.range.start.character;
    assert.equal(text.split('\n')[1]!.slice(start, start + 7), '4.17.15');
  });

  it('package.json beside a lockfile takes the locked version (shrinkwrap first)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-pj-'));
    const text = '{ "dependencies": { "fake-lodash": "~4.17.0" } }\n';
    writeFileSync(join(dir, 'package.json'), text);
    writeFileSync(join(dir, 'package-lock.json'), '{ "lockfileVersion": 3, "packages": { "node_modules/fake-lodash": { "version": "4.17.15" } } }');
    let r = await analyze(join(dir, 'package.json'), text);
    assert.equal(r.findings.length, 2);
    assert.equal(r.findings[0]!.fixes![0]!.edits[0]!.newText, '~4.17.21');
    assert.match(r.findings[0]!.fixes![0]!.title, /then run npm install to update package-lock\.json/);
    writeFileSync(join(dir, 'npm-shrinkwrap.json'), '{ "lockfileVersion": 3, "packages": { "node_modules/fake-lodash": { "version": "4.17.21" } } }');
    r = await analyze(join(dir, 'package.json'), text);
    assert.deepEqual(r.findings, []);
  });

  it('requirements: == pins with extras, markers and comments; options and URLs are skipped, ranges marked', () => {
    const text = [
      'fake-a==1.0 ; python_version < "3.8"',
      'fake-b[x,y] == 2.0.post1  # comment',
      'fake-c>=1.0',
      'fake-d==1.0,!=1.0.1',
      '-r other.txt',
      '--hash=sha256:abc',
      'fake-e @ https://example.invalid/e.whl',
      'fake-f==1.*',
      '    fake-g==3.0rc1 \\',
      '',
    ].join('\r\n');
    const deps = requirementsDependencies(text);
    assert.deepEqual(deps.filter((d) => d.range).map((d) => [d.name, d.range!.spec, d.version]), [['fake-c', '>=1.0', '1.0'], ['fake-f', '==1.*', '1']]);
    assert.deepEqual(deps.filter((d) => !d.range).map((d) => [d.name, d.version, text.slice(d.edit!.start, d.edit!.end)]), [
      ['fake-a', '1.0', '1.0'],
      ['fake-b', '2.0.post1', '2.0.post1'],
      ['fake-g', '3.0rc1', '3.0rc1'],
    ]);
  });

  it('a requirements fix pins the fixed version; PEP 503 names match', async () => {
    const text = 'Fake.Requests==2.30.0\nfake-requests==2.31.0\n';
    const { findings } = await analyze('/p/requirements-dev.txt', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.range.start.line, 0);
    assert.equal(findings[0]!.severity, 'high');
    assert.equal(findings[0]!.fixes![0]!.edits[0]!.newText, '2.31.0');
  });

  it('recognises manifest names', () => {
    assert.equal(manifestKindOf('/a/requirements.txt'), 'pip-requirements');
    assert.equal(manifestKindOf('/a/requirements-dev.txt'), 'pip-requirements');
    assert.equal(manifestKindOf('/a/requirements/base.txt'), 'pip-requirements');
    assert.equal(manifestKindOf('/a/notes.txt'), undefined);
    assert.equal(manifestKindOf('/a/package.json'), 'npm-manifest');
    assert.equal(manifestKindOf('/a/tsconfig.json'), undefined);
  });
});

describe('dependencies pack: without a database', () => {
  it('a manifest gets one no-database notice and no findings; other files get none', async () => {
    const none = join(mkdtempSync(join(tmpdir(), 'vigil-sca-none-')), 'db');
    const r = await analyze('/p/requirements.txt', 'fake-requests==2.25.0\n', none);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.notices, ['no-database']);
    const other = await analyze('/p/app.json', '{}', none);
    assert.deepEqual(other.notices, []);
  });

  it('an import while the editor runs is picked up on the next analysis', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vigil-sca-late-')), 'db');
    const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: dir }).analyzers });
    engine.open('file:///r', '/p/requirements.txt', 'pip-requirements', 'fake-requests==2.25.0\n');
    assert.deepEqual(engine.analyze('file:///r', DEFAULT_SETTINGS).notices.map((n) => n.reason), ['no-database']);
    importAdvisories(dir, [OSV_RECORDS]);
    engine.change('file:///r', [{ text: 'fake-requests==2.25.0\n\n' }], 1);
    const r = engine.analyze('file:///r', DEFAULT_SETTINGS);
    assert.deepEqual(r.notices, []);
    assert.equal(r.findings.filter((f) => f.pack === 'dependencies').length, 1);
  });

  it('the pack can be switched off', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: db }).analyzers });
    engine.open('file:///r', '/p/requirements.txt', 'pip-requirements', 'fake-requests==2.25.0\n');
    const r = engine.analyze('file:///r', { ...DEFAULT_SETTINGS, packs: { ...DEFAULT_SETTINGS.packs, dependencies: false } });
    assert.deepEqual(r.findings, []);
  });
});

describe('dependencies pack: settings', () => {
  it('vigil.packs.dependencies and .vigil.yml packs.dependencies both reach the analysis settings', () => {
    assert.equal(VigilSettings.from({}).packs.dependencies, true);
    assert.equal(VigilSettings.from({ packs: { dependencies: false } }).packs.dependencies, false);
    const fromFile = parseVigilConfig('packs:\n  dependencies: false\n', '/ws/.vigil.yml');
    assert.equal(effectiveSettings(VigilSettings.from({}), fromFile.config!).analysis.packs.dependencies, false);
    assert.equal(effectiveSettings(VigilSettings.from({ packs: { dependencies: false } }), defaultVigilConfig()).analysis.packs.dependencies, false);
  });

  it('a vigil-ignore comment in a requirements file suppresses the finding', async () => {
    const text = '# vigil-ignore deps.pypi.vulnerable-dependency -- not reachable, upgrade planned\nfake-requests==2.25.0\n';
    const { findings } = await analyze('/p/requirements.txt', text);
    assert.deepEqual(findings, []);
  });
});

describe('dependencies pack: database files', () => {
  it('an interrupted import (a partial snapshot left behind) does not disturb the live database, and is cleaned up later', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vigil-sca-part-')), 'db');
    importAdvisories(dir, [OSV_RECORDS]);
    const live = readFileSync(join(dir, 'CURRENT'), 'utf8');
    // What a killed import leaves: a half-written snapshot folder, CURRENT untouched.
    mkdirSync(join(dir, 'snap-1-1.partial'));
    writeFileSync(join(dir, 'snap-1-1.partial', 'npm.json'), '{"packages": {"fake-lod');
    const db = new AdvisoryDb(dir);
    assert.equal(db.lookup('npm', 'fake-lodash').length, 2);
    assert.equal(readFileSync(join(dir, 'CURRENT'), 'utf8'), live);
    // A later import a day on removes the stale partial folder and the old snapshot.
    importAdvisories(dir, [OSV_RECORDS], 'again', { now: new Date(Date.now() + 2 * 86_400_000) });
    const left = readdirSync(dir).filter((n) => n.startsWith('snap-'));
    assert.deepEqual(left, [readFileSync(join(dir, 'CURRENT'), 'utf8')]);
    assert.equal(readDbMeta(dir)?.source, 'again');
  });

  it('a snapshot written by an earlier version (one JSON object per ecosystem) is still read', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vigil-sca-old-')), 'db');
    const snap = join(dir, 'snap-1-1');
    mkdirSync(snap, { recursive: true });
    const advisory = { id: 'VIGIL-OLD-1', aliases: [], summary: 'old format', severity: 'high', ranges: [[{ introduced: '0' }, { fixed: '2.0.0' }]], versions: [], url: 'https://example.invalid/x' };
    writeFileSync(join(snap, 'npm.json'), JSON.stringify({ packages: { 'fake-old': [advisory] } }));
    writeFileSync(join(snap, 'PyPI.json'), JSON.stringify({ packages: {} }));
    writeFileSync(join(snap, 'meta.json'), JSON.stringify({ updatedAt: '2026-01-01T00:00:00Z', source: 'x', counts: { npm: 1, PyPI: 0 } }));
    writeFileSync(join(dir, 'CURRENT'), 'snap-1-1');
    assert.deepEqual(new AdvisoryDb(dir).lookup('npm', 'fake-old').map((a) => a.id), ['VIGIL-OLD-1']);
  });

  it('the index is read per package: a damaged entry loses that package only, and is never parsed unless asked for', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vigil-sca-lazy-')), 'db');
    importAdvisories(dir, [OSV_RECORDS]);
    const snap = join(dir, readFileSync(join(dir, 'CURRENT'), 'utf8'));
    const index = readdirSync(snap).find((n) => n.startsWith('npm.'))!;
    const text = readFileSync(join(snap, index), 'utf8');
    // Damage fake-qs's advisories (the last quote of its first id), leave fake-lodash's intact.
    const at = text.indexOf('"VIGIL-TEST-0005"');
    assert.ok(at > 0);
    writeFileSync(join(snap, index), `${text.slice(0, at)}{${text.slice(at + 1)}`);
    const db = new AdvisoryDb(dir);
    assert.equal(db.lookup('npm', 'fake-lodash').length, 2);
    assert.deepEqual(db.lookup('npm', 'fake-qs'), []);
  });
});

describe('dependencies pack: yarn.lock and poetry.lock', () => {
  it('yarn v1: scoped names, several specs per entry, the header line as location; berry entries too', () => {
    const v1 = '# yarn lockfile v1\n\n"@fake/scope-pkg@^1.0.0", "@fake/scope-pkg@^1.1.0":\n  version "1.1.0"\n  dependencies:\n    fake-x "^1.0.0"\n\nfake-x@^1.0.0:\n  version "1.0.3"\n';
    const deps = yarnLockDependencies(v1);
    assert.deepEqual(deps.map((d) => [d.name, d.version, v1.slice(d.start, d.end)]), [
      ['@fake/scope-pkg', '1.1.0', '"@fake/scope-pkg@^1.0.0", "@fake/scope-pkg@^1.1.0"'],
      ['fake-x', '1.0.3', 'fake-x@^1.0.0'],
    ]);
    const berry = '__metadata:\n  version: 6\n\n"fake-x@npm:^1.0.0":\n  version: 1.0.3\n  resolution: "fake-x@npm:1.0.3"\n';
    assert.deepEqual(yarnLockDependencies(berry).map((d) => [d.name, d.version]), [['fake-x', '1.0.3']]);
  });

  it('poetry.lock: only [[package]] keys, not sub-tables', () => {
    const text = '[[package]]\nname = "a"\nversion = "1.0"\n\n[package.extras]\nversion = "9"\n\n[[package]]\nversion = "2.0rc1"\nname = "B_c"\n';
    assert.deepEqual(poetryLockDependencies(text).map((d) => [d.name, d.version, text.slice(d.start, d.end)]), [
      ['a', '1.0', 'name = "a"'],
      ['B_c', '2.0rc1', 'name = "B_c"'],
    ]);
  });

  it('lockfile findings say how to regenerate instead of editing the lockfile', async () => {
    const y = await analyze('/p/yarn.lock', 'fake-lodash@^4.0.0:\n  version "4.17.15"\n');
    assert.equal(y.findings.length, 2);
    assert.ok(y.findings.every((f) => !f.fixes && /yarn install/.test(f.message)));
    const p = await analyze('/p/poetry.lock', '[[package]]\nname = "fake-requests"\nversion = "2.25.0"\n');
    assert.equal(p.findings.length, 1);
    assert.match(p.findings[0]!.message, /2\.25\.0 -> 2\.31\.0 \(in pyproject\.toml, then run poetry lock\)/);
  });
});

describe('dependencies pack: docs', () => {
  it('rule links point at their section of the generated docs/rules/dependencies.md', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'dependencies.md'), 'utf8');
    for (const r of SCA_RULES) {
      assert.match(r.docsUrl, /docs\/rules\/dependencies\.md#deps(npm|pypi)vulnerable-dependency$/);
      assert.ok(doc.includes(`### ${r.id}\n`), r.id);
    }
  });
});
