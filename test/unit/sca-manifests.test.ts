import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { importAdvisories, manifestKindOf } from '../../server/src/engine/sca';
import { pipfileLockDependencies, pnpmLockDependencies, pyprojectDependencies, uvLockDependencies } from '../../server/src/engine/sca/manifests';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { OSV_RECORDS } from './sca-helpers';

let db: string;
before(() => {
  db = join(mkdtempSync(join(tmpdir(), 'vigil-sca-man-')), 'db');
  importAdvisories(db, [OSV_RECORDS]);
});

async function analyze(path: string, text: string): Promise<Finding[]> {
  const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: db }).analyzers });
  engine.open('file:///x', path, 'plaintext', text);
  return engine.analyze('file:///x', DEFAULT_SETTINGS).findings.filter((f) => f.pack === 'dependencies');
}

const at = (text: string, d: { start: number; end: number }): string => text.slice(d.start, d.end);

describe('dependencies pack: pnpm-lock.yaml', () => {
  const v6 = `lockfileVersion: '6.0'

dependencies:
  fake-lodash:
    specifier: ^4.17.0
    version: 4.17.15

packages:

  /fake-lodash@4.17.15:
    resolution: {integrity: sha512-AAAA}
    dev: false

  /@fake/scope-pkg@1.1.0(fake-peer@2.0.0):
    resolution: {integrity: sha512-BBBB}

  '/fake-qs@6.5.2':
    resolution: {integrity: sha512-CCCC}
`;
  const v9 = `lockfileVersion: '9.0'

importers:
  .:
    dependencies:
      fake-lodash:
        specifier: ^4.17.0
        version: 4.17.15

packages:

  fake-lodash@4.17.15:
    resolution: {integrity: sha512-AAAA}

  '@fake/scope-pkg@1.1.0':
    resolution: {integrity: sha512-BBBB}

snapshots:

  fake-lodash@4.17.15: {}

  '@fake/scope-pkg@1.1.0(fake-peer@2.0.0)':
    dependencies:
      fake-peer: 2.0.0

  fake-qs@6.5.2(fake-peer@2.0.0): {}
`;
  it('v6: "/name@version" keys, scoped names, peer suffixes, quoted keys; the finding is on the key', () => {
    const deps = pnpmLockDependencies(v6)!;
    assert.deepEqual(deps.map((d) => [d.name, d.version, at(v6, d)]), [
      ['fake-lodash', '4.17.15', '/fake-lodash@4.17.15'],
      ['@fake/scope-pkg', '1.1.0', '/@fake/scope-pkg@1.1.0(fake-peer@2.0.0)'],
      ['fake-qs', '6.5.2', "'/fake-qs@6.5.2'"],
    ]);
  });

  it('v9: "packages" and "snapshots" give each name@version once, on its first key', () => {
    const deps = pnpmLockDependencies(v9)!;
    assert.deepEqual(deps.map((d) => [d.name, d.version, v9.slice(0, d.start).split('\n').length]), [
      ['fake-lodash', '4.17.15', 12],
      ['@fake/scope-pkg', '1.1.0', 15],
      ['fake-qs', '6.5.2', 26],
    ]);
  });

  it('invalid YAML gives undefined; findings say to run pnpm install', async () => {
    assert.equal(pnpmLockDependencies('packages: [\n'), undefined);
    assert.equal(manifestKindOf('/p/pnpm-lock.yaml'), 'pnpm-lockfile');
    const f = await analyze('/p/pnpm-lock.yaml', v9);
    assert.deepEqual(f.map((x) => [x.properties?.package, x.range.start.line + 1]), [['fake-lodash', 12], ['fake-lodash', 12], ['fake-qs', 26]]);
    assert.ok(f.every((x) => !x.fixes));
    assert.match(f[0]!.message, /4\.17\.15 -> 4\.17\.21 \(in package\.json or with pnpm update, then run pnpm install\)/);
  });
});

describe('dependencies pack: Pipfile.lock', () => {
  const text = `{
    "_meta": { "hash": { "sha256": "00" } },
    "default": {
        "fake-requests": { "hashes": [], "version": "==2.30.0" },
        "fake-safe": { "version": "==1.0" }
    },
    "develop": {
        "Fake_Requests": { "version": "==2.25.0" },
        "fake-git": { "git": "https://example.invalid/x.git", "ref": "abc" }
    }
}
`;
  it('default and develop entries with "==version", on the entry key', async () => {
    const deps = pipfileLockDependencies(text)!;
    assert.deepEqual(deps.map((d) => [d.name, d.version, at(text, d)]), [
      ['fake-requests', '2.30.0', '"fake-requests"'],
      ['fake-safe', '1.0', '"fake-safe"'],
      ['Fake_Requests', '2.25.0', '"Fake_Requests"'],
    ]);
    assert.equal(manifestKindOf('/p/Pipfile.lock'), 'pipenv-lockfile');
    const f = await analyze('/p/Pipfile.lock', text);
    assert.deepEqual(f.map((x) => x.range.start.line), [3, 7]);
    assert.match(f[0]!.message, /pipenv lock/);
  });
});

describe('dependencies pack: uv.lock', () => {
  it('[[package]] name/version, on the name line; sub-tables ignored', async () => {
    const text = `version = 1
requires-python = ">=3.8"

[[package]]
name = "fake-requests"
version = "2.30.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "fake-safe" },
]

[package.optional-dependencies]
version = [{ name = "x" }]

[[package]]
name = "fake-safe"
version = "1.0"
`;
    const deps = uvLockDependencies(text);
    assert.deepEqual(deps.map((d) => [d.name, d.version, at(text, d)]), [
      ['fake-requests', '2.30.0', 'name = "fake-requests"'],
      ['fake-safe', '1.0', 'name = "fake-safe"'],
    ]);
    assert.equal(manifestKindOf('/p/uv.lock'), 'uv-lockfile');
    const f = await analyze('/p/uv.lock', text);
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /uv lock/);
  });
});

describe('dependencies pack: pyproject.toml', () => {
  const text = `[build-system]
requires = ["fake-requests==2.25.0"]

[project]
name = "demo"
dependencies = [
  "fake-requests==2.30.0 ; python_version >= '3.8'",  # pinned
  'fake-safe >= 1.0',
]
optional-dependencies = { dev = ["fake-lodash-py==1.0"] }

[project.optional-dependencies]
test = ["Fake.Requests[socks]==2.29.0"]

[tool.poetry.dependencies]
python = "^3.8"
fake-requests = "2.28.0"
fake-caret = "^2.0"
fake-table = { version = "==2.27.0", optional = true }

[tool.poetry.group.dev.dependencies]
fake-requests = "2.26.0"

[tool.other]
fake-requests = "2.0.0"
`;
  it('PEP 621 dependencies and optional-dependencies, Poetry exact pins; not build-system or other tables', () => {
    const deps = pyprojectDependencies(text).filter((d) => !d.range);
    assert.deepEqual(deps.map((d) => [d.name, d.version, text.slice(d.edit!.start, d.edit!.end), text.slice(0, d.start).split('\n').length]), [
      ['fake-requests', '2.30.0', '2.30.0', 7],
      ['fake-lodash-py', '1.0', '1.0', 10],
      ['Fake.Requests', '2.29.0', '2.29.0', 13],
      ['fake-requests', '2.28.0', '2.28.0', 17],
      ['fake-table', '2.27.0', '2.27.0', 19],
      ['fake-requests', '2.26.0', '2.26.0', 22],
    ]);
  });

  it('findings with a pin fix', async () => {
    assert.equal(manifestKindOf('/p/pyproject.toml'), 'pyproject');
    const f = (await analyze('/p/pyproject.toml', text)).filter((x) => x.properties?.range === undefined);
    assert.deepEqual(f.map((x) => x.range.start.line + 1), [7, 13, 17, 22]);
    assert.equal(f[0]!.fixes![0]!.edits[0]!.newText, '2.31.0');
  });
});
