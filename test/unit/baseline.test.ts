import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyBaseline, BaselineCache, BaselineIndex, createBaseline, parseBaseline, serializeBaseline } from '../../server/src/engine/baseline';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Finding } from '../../server/src/engine/types';
import { cli, project } from './cli-helpers';

const finding = (ruleId: string, fingerprint: string, pack: Finding['pack'] = 'secrets'): Finding => ({
  ruleId,
  pack,
  severity: 'high',
  cwe: [],
  message: 'm',
  docsUrl: '',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  fingerprint,
});

describe('baseline file', () => {
  it('round-trips through its text form, sorted, without meta findings', () => {
    const b = createBaseline([
      { relPath: 'src/b.js', findings: [finding('r.two', 'f2'), finding('vigil.suppression.unused', 'f9', 'meta')] },
      { relPath: 'src/a.js', findings: [finding('r.one', 'f1')] },
    ]);
    assert.deepEqual(b.entries, [
      { path: 'src/a.js', ruleId: 'r.one', fingerprint: 'f1' },
      { path: 'src/b.js', ruleId: 'r.two', fingerprint: 'f2' },
    ]);
    const text = serializeBaseline(b);
    assert.deepEqual(text.split('\n').filter((l) => l.includes('"ruleId"')).length, 2, 'one line per entry, for readable diffs');
    assert.deepEqual(parseBaseline(text, 'f').baseline, b);
    assert.deepEqual(parseBaseline(serializeBaseline(createBaseline([])), 'f').baseline, { version: 1, entries: [] });
  });

  it('rejects files that are not baselines with a clear error', () => {
    assert.match(parseBaseline('{', 'b.json').error!, /b\.json: not valid JSON/);
    assert.match(parseBaseline('{"version": 2, "entries": []}', 'b.json').error!, /not a Vigil baseline/);
    assert.match(parseBaseline('{"version": 1, "entries": [{"path": 1}]}', 'b.json').error!, /entry 0 needs/);
  });

  it('hides matching findings by path, rule and fingerprint, and reports stale entries of scanned files only', () => {
    const b = createBaseline([
      { relPath: 'a.js', findings: [finding('r', 'keep'), finding('r', 'gone')] },
      { relPath: 'unscanned.js', findings: [finding('r', 'x')] },
    ]);
    const out = applyBaseline(b, [{ relPath: 'a.js', findings: [finding('r', 'keep'), finding('r', 'new'), finding('other', 'keep')] }], new Set(['a.js']));
    assert.deepEqual(out.files[0]!.findings.map((f) => `${f.ruleId}:${f.fingerprint}`), ['r:new', 'other:keep']);
    assert.equal(out.hidden, 1);
    assert.deepEqual(out.stale, [{ path: 'a.js', ruleId: 'r', fingerprint: 'gone' }]);
    const index = new BaselineIndex(b);
    assert.equal(index.has('a.js', finding('r', 'keep')), true);
    assert.equal(index.has('b.js', finding('r', 'keep')), false);
  });
});

describe('baseline cache (editor)', () => {
  it('reads a baseline once, re-reads it when it changes, and treats a missing file as none', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-bc-')), '.vigil-baseline.json');
    const cache = new BaselineCache();
    assert.deepEqual(cache.get(file), { stamp: 'missing', index: undefined, error: undefined });
    writeFileSync(file, serializeBaseline(createBaseline([{ relPath: 'a.js', findings: [finding('r', 'f1')] }])));
    const first = cache.get(file);
    assert.equal(first.index?.has('a.js', finding('r', 'f1')), true);
    assert.equal(cache.get(file), first, 'unchanged file: same cached entry');
    writeFileSync(file, serializeBaseline(createBaseline([{ relPath: 'a.js', findings: [finding('r', 'f2'), finding('r', 'f3')] }])));
    const second = cache.get(file);
    assert.equal(second.index?.has('a.js', finding('r', 'f1')), false);
    assert.equal(second.index?.has('a.js', finding('r', 'f2')), true);
    writeFileSync(file, '{broken');
    assert.match(cache.get(file).error!, /not valid JSON/);
  });
});

describe('vigil baseline + vigil scan', () => {
  it('round trip: baselined findings are hidden, new ones fail, fixed ones are reported stale', async () => {
    const dir = project('webapp');
    const made = await cli(dir, ['baseline', '--root', dir, '-j', '1']);
    assert.equal(made.code, 0, made.err);
    assert.match(made.err, /wrote 3 baseline entries to .*\.vigil-baseline\.json/);
    const file = join(dir, '.vigil-baseline.json');
    const entries = JSON.parse(readFileSync(file, 'utf8')).entries as { path: string; ruleId: string }[];
    assert.deepEqual(entries.map((e) => `${e.path} ${e.ruleId}`), ['keep.log test.secret.fake-token', 'src/app.js test.secret.fake-token', 'src/app.js test.taint.eval']);

    // Everything known is hidden; the unused-suppression note is not a security finding and stays.
    const clean = await cli(dir, ['scan', '--root', dir, '-j', '1']);
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /1 finding \(1 low\).*3 hidden by baseline, 0 stale/);

    // Unrelated edits keep the baseline matching; a new secret is reported; a removed one goes stale.
    const app = join(dir, 'src', 'app.js');
    writeFileSync(app, `// header\n\n${readFileSync(app, 'utf8')}const second = 'FAKETOKEN_brandnewbrandnew0';\n`);
    writeFileSync(join(dir, 'keep.log'), 'token removed\n');
    const after = await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json']);
    assert.equal(after.code, 1);
    const doc = JSON.parse(after.out);
    assert.deepEqual(doc.findings.filter((f: { pack: string }) => f.pack !== 'meta').map((f: { path: string; range: { start: { line: number } } }) => `${f.path}:${f.range.start.line + 1}`), ['src/app.js:13']);
    assert.equal(doc.baseline.hidden, 2);
    assert.deepEqual(doc.baseline.stale.map((e: { path: string }) => e.path), ['keep.log']);
    assert.match(after.err, /stale baseline entry keep\.log test\.secret\.fake-token/);

    // --no-baseline shows everything again; an explicit --baseline path works the same as the default.
    assert.equal(JSON.parse((await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json', '--no-baseline'])).out).summary.total, 4);
    const explicit = JSON.parse((await cli(dir, ['scan', '--root', dir, '-j', '1', '-f', 'json', '--baseline', file])).out);
    assert.equal(explicit.baseline.hidden, 2);
  });

  it('a baseline of some paths keeps the entries of the others; the config can move the file', async () => {
    const dir = project('webapp');
    writeFileSync(join(dir, '.vigil.yml'), 'exclude: ["vendor/**"]\nbaseline: security/accepted.json\n');
    assert.equal((await cli(dir, ['baseline', '--root', dir, '-j', '1'])).code, 0);
    const file = join(dir, 'security', 'accepted.json');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).entries.length, 3);
    writeFileSync(join(dir, 'src', 'app.js'), 'module.exports = {};\n');
    assert.equal((await cli(dir, ['baseline', '--root', dir, '-j', '1', join(dir, 'src')])).code, 0);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).entries.map((e: { path: string }) => e.path), ['keep.log']);
    const scan = await cli(dir, ['scan', '--root', dir, '-j', '1']);
    assert.equal(scan.code, 0);
    assert.match(scan.out, /1 hidden by baseline, 0 stale/);
  });

  it('refuses to overwrite a corrupt baseline, and scan reports it as a usage error', async () => {
    const dir = project('webapp');
    writeFileSync(join(dir, '.vigil-baseline.json'), 'not json');
    const b = await cli(dir, ['baseline', '--root', dir, '-j', '1']);
    assert.equal(b.code, 2);
    assert.match(b.err, /not valid JSON/);
    assert.equal(readFileSync(join(dir, '.vigil-baseline.json'), 'utf8'), 'not json');
    assert.equal((await cli(dir, ['scan', '--root', dir, '-j', '1'])).code, 2);
  });
});
