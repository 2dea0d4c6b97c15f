import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { importAdvisories } from '../../server/src/engine/sca';
import { npmManifestDependencies, npmRangeLowest, requirementsDependencies } from '../../server/src/engine/sca/manifests';
import { DEFAULT_SETTINGS, type Finding, type SkipNotice } from '../../server/src/engine/types';
import { OSV_RECORDS } from './sca-helpers';

let db: string;
before(() => {
  db = join(mkdtempSync(join(tmpdir(), 'vigil-sca-rng-')), 'db');
  importAdvisories(db, [OSV_RECORDS]);
});

async function analyze(path: string, text: string, root?: string): Promise<{ findings: Finding[]; notices: SkipNotice[] }> {
  const engine = await Engine.create({ analyzers: createAnalyzers({ advisoryDbDir: db }).analyzers });
  engine.open('file:///x', path, 'plaintext', text);
  const r = engine.analyze('file:///x', { ...DEFAULT_SETTINGS, minSeverity: 'info' }, root);
  return { findings: r.findings.filter((f) => f.pack === 'dependencies'), notices: r.notices };
}

describe('dependencies pack: ranged requirements', () => {
  it('reported when the lowest allowed version is affected, one severity lower, saying the installed version may differ', async () => {
    const text = [
      'fake-requests>=2.0,<2.30',
      'fake-requests >= 2.25, < 3',
      'fake-requests~=2.28',
      'fake-requests==2.*',
      'fake-requests>=2.31',
      'fake-requests>2.0',
      'fake-requests<2.30',
      'fake-requests>=2.0,!=2.0',
      'fake-requests>=2.5,<2.1',
      '',
    ].join('\n');
    const { findings } = await analyze('/p/requirements.txt', text);
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.version, f.severity]), [
      [0, '2.0', 'medium'],
      [1, '2.25', 'medium'],
      [2, '2.28', 'medium'],
      [3, '2', 'medium'],
    ]);
    assert.match(findings[0]!.message, /fake-requests >=2\.0,<2\.30: the range allows affected versions, lowest 2\.0 \(the installed version may differ\)/);
    assert.equal(findings[0]!.properties?.range, '>=2.0,<2.30');
    // The fix raises a `>=` bound only when the fixed version is still inside the range.
    assert.equal(findings[0]!.fixes, undefined);
    assert.match(findings[0]!.message, /outside the range/);
    const fix = findings[1]!.fixes![0]!;
    assert.equal(fix.edits[0]!.newText, '2.31.0');
    assert.equal(text.split('\n')[1]!.slice(fix.edits[0]!.range.start.character, fix.edits[0]!.range.end.character), '2.25');
    assert.equal(findings[2]!.fixes, undefined);
  });

  it('package.json ranges without a lockfile: the lowest version of ^, ~, >= and partial ranges; not with a yarn or pnpm lockfile beside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-rng-pj-'));
    const text = `{
  "dependencies": {
    "fake-lodash": "^4.17.0",
    "fake-qs": ">=6.5.3 <7",
    "fake-express": "4.x"
  },
  "devDependencies": { "fake-lodash-b": "*", "fake-qs-b": "^6.0.0 || ^7.0.0" }
}
`;
    writeFileSync(join(dir, 'package.json'), text);
    const { findings } = await analyze(join(dir, 'package.json'), text);
    assert.deepEqual(findings.map((f) => [f.properties?.package, f.properties?.version, f.severity, f.range.start.line]), [
      ['fake-lodash', '4.17.0', 'high', 2],
      ['fake-lodash', '4.17.0', 'low', 2],
    ]);
    assert.match(findings[0]!.message, /fake-lodash \^4\.17\.0: the range allows affected versions, lowest 4\.17\.0/);
    assert.equal(findings[0]!.fixes![0]!.edits[0]!.newText, '^4.17.21');
    writeFileSync(join(dir, 'yarn.lock'), '');
    assert.deepEqual((await analyze(join(dir, 'package.json'), text)).findings, []);
  });
});

describe('dependencies pack: requirements includes', () => {
  it('-r / --requirement includes are read relative to the file; findings on the include line; cycles and paths outside the workspace refused with a notice', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-sca-inc-'));
    mkdirSync(join(ws, 'app', 'req'), { recursive: true });
    writeFileSync(join(ws, 'outside.txt'), 'fake-requests==2.25.0\n');
    writeFileSync(join(ws, 'app', 'base.txt'), '# base\nfake-requests==2.25.0\n-r req/more.txt\n');
    writeFileSync(join(ws, 'app', 'req', 'more.txt'), 'fake-requests>=2.26\n-r ../base.txt\n');
    const text = '-r base.txt\n--requirement=../outside.txt\n-r missing.txt\nfake-safe==1.0\n';
    writeFileSync(join(ws, 'app', 'requirements.txt'), text);
    const { findings, notices } = await analyze(join(ws, 'app', 'requirements.txt'), text, join(ws, 'app'));
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.version]), [
      [0, '2.25.0'],
      [0, '2.26'],
    ]);
    assert.match(findings[0]!.message, /fake-requests 2\.25\.0 \(from base\.txt:2\)/);
    assert.match(findings[1]!.message, /\(from req\/more\.txt:1\)/);
    assert.ok(findings.every((f) => !f.fixes), 'the pin is in another file');
    const refused = notices.filter((n) => n.reason === 'include-refused').map((n) => n.message);
    assert.equal(refused.length, 3, refused.join('\n'));
    assert.ok(refused.some((m) => /\.\.\/outside\.txt.*outside the workspace/.test(m)));
    assert.ok(refused.some((m) => /base\.txt.*cycle/.test(m)));
    assert.ok(refused.some((m) => /missing\.txt.*cannot be read/.test(m)));
  });
});

describe('dependencies pack: constraints files', () => {
  it('-c / --constraint files are read like includes: their pins are what pip installs for those packages', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-sca-con-'));
    mkdirSync(join(ws, 'app'), { recursive: true });
    writeFileSync(join(ws, 'app', 'constraints.txt'), '# pinned for production\nfake-requests==2.25.0\nfake-safe==1.0\n');
    const text = 'fake-safe\n-c constraints.txt\n';
    writeFileSync(join(ws, 'app', 'requirements.txt'), text);
    const { findings } = await analyze(join(ws, 'app', 'requirements.txt'), text, join(ws, 'app'));
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.version]), [[1, '2.25.0']]);
    assert.match(findings[0]!.message, /fake-requests 2\.25\.0 \(from constraints\.txt:2\)/);
    const long = '--constraint=constraints.txt\n';
    const again = await analyze(join(ws, 'app', 'requirements.txt'), long, join(ws, 'app'));
    assert.deepEqual(again.findings.map((f) => [f.range.start.line, f.properties?.version]), [[0, '2.25.0']]);
  });
});

describe('the vigil.advisories.source setting', () => {
  it('is parsed by VigilSettings.from: an http(s) URL, else empty (the default source)', async () => {
    const { VigilSettings } = await import('../../server/src/shared/protocol');
    assert.equal(VigilSettings.from({}).advisories.source, '');
    assert.equal(VigilSettings.from({ advisories: { source: ' https://mirror.example/osv ' } }).advisories.source, 'https://mirror.example/osv');
    for (const bad of ['file:///etc', '/tmp/x', 'https://a b', 42, 'javascript:alert(1)']) assert.equal(VigilSettings.from({ advisories: { source: bad } }).advisories.source, '', String(bad));
  });
});

describe('dependencies pack: ranges in pyproject.toml', () => {
  it('PEP 621 strings, Poetry PEP 440 specifiers and Poetry ^/~ are matched at their lowest version', async () => {
    const text = [
      '[project]',
      'dependencies = ["fake-requests>=2.25,<3"]',
      '',
      '[tool.poetry.dependencies]',
      'fake-requests = ">=2.0,<2.30"',
      'Fake_Requests = "^2.0"',
      '',
      '[tool.poetry.group.dev.dependencies]',
      'fake-requests = { version = "~2.28.1", optional = true }',
      'fake-requests = "~=2.26"',
      'fake-requests = "^2.31.0"',
      '',
    ].join('\n');
    const { findings } = await analyze('/p/pyproject.toml', text);
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.properties?.range, f.properties?.version, f.severity]), [
      [1, '>=2.25,<3', '2.25', 'medium'],
      [4, '>=2.0,<2.30', '2.0', 'medium'],
      [5, '^2.0', '2.0', 'medium'],
      [8, '~2.28.1', '2.28.1', 'medium'],
      [9, '~=2.26', '2.26', 'medium'],
    ]);
    assert.equal(findings[0]!.fixes![0]!.edits[0]!.newText, '2.31.0');
    assert.equal(findings[1]!.fixes, undefined);
    // Poetry's operator stays: only the version after it is raised.
    const lines = text.split('\n');
    for (const f of [findings[2]!, findings[3]!]) {
      const e = f.fixes![0]!.edits[0]!;
      assert.equal(e.newText, '2.31.0');
      const line = lines[e.range.start.line]!;
      assert.match(line.slice(0, e.range.start.character), /"[\^~]$/);
    }
  });
});

describe('range membership (whether a fixed version stays inside what the manifest allows)', () => {
  const npmRange = (spec: string) => npmManifestDependencies(JSON.stringify({ dependencies: { 'fake-a': spec } }), undefined)![0]!.range!;
  it('npm: a range the fix cannot rewrite admits exactly what npm would install for it; a ^ / ~ spec is rewritten whole', () => {
    const cases: [string, string, boolean][] = [
      ['>=1.0.0 <2.0.0', '1.5.0', true],
      ['>=1.0.0 <2.0.0', '2.1.0', false],
      ['>=1.2.3 <1.3.0', '1.3.0-rc.1', false], // npm does not pick a prerelease of another release
      ['1.x', '1.9.0', true],
      ['1.x', '2.0.0', false],
      ['^1.2.3', '2.0.0', true], // the fix writes ^2.0.0
      ['~1.2.3', '1.3.0', true],
    ];
    for (const [spec, v, want] of cases) assert.equal(npmRange(spec).admits(v), want, `${spec} admits ${v}`);
  });
  it('npm: the lowest version of a range, and the ranges it refuses to guess', () => {
    assert.equal(npmRangeLowest('^4.17.0'), '4.17.0');
    assert.equal(npmRangeLowest('>=6.5.3 <7'), '6.5.3');
    assert.equal(npmRangeLowest('4.x'), '4.0.0');
    assert.equal(npmRangeLowest('~1.2'), '1.2.0');
    assert.equal(npmRangeLowest('>= 1.2.0 < 1.3.0'), '1.2.0');
    for (const bad of ['*', '^6.0.0 || ^7.0.0', '1.0.0 - 2.0.0', '>1.2.3', 'latest', 'github:a/b', '>=2.0.0 <1.0.0', '', '<=4']) assert.equal(npmRangeLowest(bad), undefined, bad);
  });
  it('a range the quick fix cannot rewrite says whether the fixed version is inside it, not always "outside"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-sca-rng-in-'));
    const text = '{ "dependencies": { "fake-lodash": ">=4.17.0 <5" }, "devDependencies": { "fake-lodash": ">=4.17.0 <4.17.20" } }\n';
    writeFileSync(join(dir, 'package.json'), text);
    const { findings } = await analyze(join(dir, 'package.json'), text);
    const inside = findings.filter((f) => f.properties?.range === '>=4.17.0 <5');
    const outside = findings.filter((f) => f.properties?.range === '>=4.17.0 <4.17.20');
    assert.ok(inside.length > 0 && outside.length > 0, JSON.stringify(findings.map((f) => f.properties)));
    for (const f of inside) assert.match(f.message, /raise the lower bound to 4\.17\.21/);
    for (const f of outside) assert.match(f.message, /the fixed version 4\.17\.21 is outside the range: widen it/);
    assert.ok(findings.every((f) => !f.fixes), 'no quick fix rewrites a two-comparator range');
  });
  it('PEP 440: the clauses other than the raised bound, with the specifier rules for <, > and local versions', () => {
    const admits = (line: string, v: string) => requirementsDependencies(`${line}\n`)[0]!.range!.admits(v);
    assert.equal(admits('fake-a>=1.0,<1.7', '1.6.9'), true);
    assert.equal(admits('fake-a>=1.0,<1.7', '1.7rc1'), false, '<V does not admit a prerelease of V');
    assert.equal(admits('fake-a>=1.0,<1.7', '1.7'), false);
    assert.equal(admits('fake-a>=1.0,!=1.5', '1.5+local.1'), false, '!= ignores the local label');
    assert.equal(admits('fake-a>=1.0,<=2.0', '2.0+local.1'), true, '<= compares the public version');
    assert.equal(admits('fake-a>=1.0,!=1.5.*', '1.5.2'), false);
    assert.equal(admits('fake-a~=1.4.5', '1.4.9'), true);
    assert.equal(admits('fake-a~=1.4.5', '1.5.0'), false);
    assert.equal(admits('fake-a>=1.0,<2', 'not-a-version'), false, 'an unreadable version is not admitted');
  });
});
