import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparePep440, compareSemver } from '../../server/src/engine/sca/versions';
import { cvss3BaseScore, isAffected, readOsvRecord, smallestSafeUpgrade, type Advisory } from '../../server/src/engine/sca/osv';

const sign = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.sign(n));

describe('SemVer ordering', () => {
  // Each row: a < b.
  const ascending: [string, string][] = [
    ['1.0.0', '2.0.0'],
    ['2.0.0', '2.1.0'],
    ['2.1.0', '2.1.1'],
    ['1.9.0', '1.10.0'],
    ['1.0.0-alpha', '1.0.0'],
    ['1.0.0-alpha', '1.0.0-alpha.1'],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta'],
    ['1.0.0-alpha.beta', '1.0.0-beta'],
    ['1.0.0-beta', '1.0.0-beta.2'],
    ['1.0.0-beta.2', '1.0.0-beta.11'],
    ['1.0.0-beta.11', '1.0.0-rc.1'],
    ['1.0.0-rc.1', '1.0.0'],
    ['0.0.9', '0.0.10'],
    ['4.17.15', '4.17.21'],
  ];
  for (const [a, b] of ascending) {
    it(`${a} < ${b}`, () => {
      assert.equal(sign(compareSemver(a, b)), -1);
      assert.equal(sign(compareSemver(b, a)), 1);
    });
  }
  it('ignores build metadata and a leading v', () => {
    assert.equal(compareSemver('1.0.0+build.5', '1.0.0'), 0);
    assert.equal(compareSemver('v1.2.3', '1.2.3'), 0);
  });
  it('refuses what is not SemVer', () => {
    for (const bad of ['1.0', '01.0.0', '1.0.0-', 'latest', '1.0.0-01x..', '^1.0.0']) assert.equal(compareSemver(bad, '1.0.0'), undefined, bad);
  });
  it('refuses a numeric prerelease identifier with a leading zero and an over-long version (SemVer 2.0.0 item 9; npm)', () => {
    for (const bad of ['1.0.0-01', '1.0.0-alpha.007', `1.0.0-${'a'.repeat(300)}`]) assert.equal(compareSemver(bad, '1.0.0'), undefined, bad);
    assert.equal(sign(compareSemver('1.0.0-0a', '1.0.0-1')), 1, 'an alphanumeric identifier that starts with 0 is valid and sorts after numbers');
  });
});

describe('PEP 440 ordering', () => {
  // The order PEP 440 gives for one release, with epochs and release segments around it.
  const chain = [
    '0.9',
    '1.0.dev1',
    '1.0a1.dev1',
    '1.0a1',
    '1.0a1.post1.dev1',
    '1.0a1.post1',
    '1.0a2',
    '1.0b1',
    '1.0rc1',
    '1.0',
    '1.0.post1.dev1',
    '1.0.post1',
    '1.0.post2',
    '1.0.1',
    '1.1',
    '1!0.1',
  ];
  for (let i = 0; i + 1 < chain.length; i++) {
    const a = chain[i]!;
    const b = chain[i + 1]!;
    it(`${a} < ${b}`, () => {
      assert.equal(sign(comparePep440(a, b)), -1);
      assert.equal(sign(comparePep440(b, a)), 1);
    });
  }
  it('treats spellings and trailing zeros as equal', () => {
    const same: [string, string][] = [
      ['1.0', '1.0.0'],
      ['1.0alpha1', '1.0a1'],
      ['1.0-beta.2', '1.0b2'],
      ['1.0c1', '1.0rc1'],
      ['1.0-1', '1.0.post1'],
      ['1.0rev1', '1.0.post1'],
      ['1.0RC1', '1.0rc1'],
      ['1.0a', '1.0a0'],
    ];
    for (const [a, b] of same) assert.equal(comparePep440(a, b), 0, `${a} == ${b}`);
  });
  it('orders local versions after their public version (PEP 440 local version identifiers)', () => {
    const local = ['1.0', '1.0+abc', '1.0+abc.1', '1.0+abc.5', '1.0+abc.10', '1.0+5', '1.0.post1', '1.0.1'];
    for (let i = 0; i + 1 < local.length; i++) assert.equal(sign(comparePep440(local[i]!, local[i + 1]!)), -1, `${local[i]} < ${local[i + 1]}`);
    assert.equal(comparePep440('1.0+ABC.1', '1.0+abc-1'), 0, 'local segments are case- and separator-insensitive');
    assert.equal(sign(comparePep440('1!1.0+abc', '2.0')), 1, 'the epoch still comes first');
  });
  it('refuses legacy versions', () => {
    for (const bad of ['1.0-foo', 'dev', '1.*', '', '1.0+', '1.0+local_', '2.0-SNAPSHOT', `1.0+${'a'.repeat(300)}`]) assert.equal(comparePep440(bad, '1.0'), undefined, bad);
  });
});

describe('OSV ranges', () => {
  const adv = (ranges: Advisory['ranges'], versions: string[] = []): Advisory => ({ id: 'VIGIL-TEST-9', aliases: [], summary: '', severity: 'high', ranges, versions, url: '' });
  it('introduced / fixed, with several ranges', () => {
    const a = adv([[{ introduced: '0' }, { fixed: '1.2.0' }], [{ introduced: '2.0.0' }, { fixed: '2.0.3' }]]);
    const cases: [string, boolean][] = [['0.1.0', true], ['1.1.9', true], ['1.2.0', false], ['1.5.0', false], ['2.0.0', true], ['2.0.2', true], ['2.0.3', false], ['1.2.0-rc.1', true]];
    for (const [v, want] of cases) assert.equal(isAffected('npm', a, v), want, v);
  });
  it('last_affected includes its version, events in any order', () => {
    const a = adv([[{ last_affected: '3.1' }, { introduced: '3.0' }]]);
    for (const [v, want] of [['2.9', false], ['3.0', true], ['3.1', true], ['3.1.post1', false], ['3.1.1', false]] as [string, boolean][]) {
      assert.equal(isAffected('PyPI', a, v), want, v);
    }
  });
  it('versions lists and unorderable versions', () => {
    const a = adv([[{ introduced: '0' }, { fixed: 'not-a-version' }]], ['0.5.0']);
    assert.equal(isAffected('npm', a, '0.5.0'), true);
    assert.equal(isAffected('npm', a, '0.6.0'), false);
  });
  it('the smallest upgrade clears every advisory of the package', () => {
    const a = adv([[{ introduced: '0' }, { fixed: '4.17.12' }]]);
    const b = adv([[{ introduced: '4.0.0' }, { fixed: '4.17.21' }]]);
    const c = adv([[{ introduced: '4.17.16' }, { fixed: '4.17.19' }]]);
    assert.equal(smallestSafeUpgrade('npm', [a, b, c], '4.17.11'), '4.17.21');
    assert.equal(smallestSafeUpgrade('npm', [a], '4.17.11'), '4.17.12');
    assert.equal(smallestSafeUpgrade('npm', [adv([[{ introduced: '0' }]])], '1.0.0'), undefined);
  });
});

describe('OSV records', () => {
  it('reads severity from a CVSS v3 vector, else the database label', () => {
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'), 6.1);
    assert.equal(cvss3BaseScore('CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N'), 0);
    assert.equal(cvss3BaseScore('CVSS:2.0/AV:N'), undefined);
    const base = { id: 'VIGIL-TEST-1', affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] };
    const cvss = readOsvRecord({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] });
    assert.ok('advisories' in cvss);
    assert.equal(cvss.advisories[0]!.advisory.severity, 'critical');
    const label = readOsvRecord({ ...base, database_specific: { severity: 'MODERATE' } });
    assert.ok('advisories' in label);
    assert.equal(label.advisories[0]!.advisory.severity, 'medium');
  });
  it('refuses malformed records with a reason, skips withdrawn ones and other ecosystems', () => {
    for (const bad of [null, [], { id: 5 }, { id: 'X' }, { id: 'X', affected: [{}] }, { id: 'X', affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'SEMVER', events: [{ fixed: 3 }] }] }] }]) {
      const r = readOsvRecord(bad);
      assert.ok('error' in r, JSON.stringify(bad));
    }
    const withdrawn = readOsvRecord({ id: 'X', withdrawn: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'a' }, versions: ['1.0.0'] }] });
    assert.deepEqual(withdrawn, { advisories: [] });
    const other = readOsvRecord({ id: 'X', affected: [{ package: { ecosystem: 'Go', name: 'a' }, versions: ['1.0.0'] }] });
    assert.deepEqual(other, { advisories: [] });
  });
  it('normalises PyPI names (PEP 503)', () => {
    const r = readOsvRecord({ id: 'X', affected: [{ package: { ecosystem: 'PyPI', name: 'Fake_Pkg.Name' }, versions: ['1.0'] }] });
    assert.ok('advisories' in r);
    assert.equal(r.advisories[0]!.name, 'fake-pkg-name');
  });
});
