import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { walkFiles, walkFilesAsync } from '../../server/src/engine/scan/file-walker';
import { scanFiles } from '../../server/src/engine/scan/scan-pool';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'projects');
const ANALYZERS = join(FIXTURES, 'test-analyzers.ts');

/** A scratch copy of the webapp fixture, plus files that git would not let the fixture itself hold. */
function webapp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-scan-'));
  cpSync(join(FIXTURES, 'webapp'), dir, { recursive: true });
  mkdirSync(join(dir, 'build'));
  writeFileSync(join(dir, 'build', 'out.js'), "var t = 'FAKETOKEN_buildbuildbuild00';\n");
  writeFileSync(join(dir, 'debug.log'), 'FAKETOKEN_debugdebugdebug00\n');
  writeFileSync(join(dir, 'src', 'nested', 'generated.js'), "var g = 'FAKETOKEN_generatedgenerated';\n");
  return dir;
}

const rels = (files: { relPath: string }[]) => files.map((f) => f.relPath).sort();

describe('file walker', () => {
  it('honours .gitignore at every level, negations, and excludes', () => {
    const dir = webapp();
    const { files } = walkFiles([{ root: dir }], { exclude: ['vendor/**'] });
    assert.deepEqual(rels(files), ['.gitignore', '.vigil.yml', 'keep.log', 'src/app.js', 'src/config.js', 'src/nested/.gitignore', 'src/nested/util.js']);
    const all = walkFiles([{ root: dir }], { gitignore: false });
    assert.ok(rels(all.files).includes('build/out.js') && rels(all.files).includes('vendor/lib.js'));
  });

  it('applies the .gitignore files above a sub-folder target, and scans a named file even if ignored; a named file or folder left out is skipped with the reason', () => {
    const dir = webapp();
    assert.deepEqual(rels(walkFiles([{ root: dir, paths: [join(dir, 'src')] }]).files), ['src/app.js', 'src/config.js', 'src/nested/.gitignore', 'src/nested/util.js']);
    const build = walkFiles([{ root: dir, paths: [join(dir, 'build')] }]);
    assert.deepEqual(build.files, []);
    assert.deepEqual(build.skipped.map((s) => [s.path, s.reason]), [[join(dir, 'build'), 'excluded']], 'a named folder left out is told');
    assert.deepEqual(rels(walkFiles([{ root: dir, paths: [join(dir, 'build', 'out.js')] }]).files), ['build/out.js']);
    const vendor = walkFiles([{ root: dir, paths: [join(dir, 'vendor', 'lib.js')] }], { exclude: ['vendor/**'] });
    assert.deepEqual(vendor.files, []);
    assert.deepEqual(vendor.skipped.map((s) => [s.path, s.reason]), [[join(dir, 'vendor', 'lib.js'), 'excluded']], 'a named file left out is told');
    assert.match(vendor.skipped[0]!.message, /`exclude` pattern/);
  });

  it('walks several roots and skips oversized files, unreadable paths and symlink loops with a reason', () => {
    const a = webapp();
    const b = mkdtempSync(join(tmpdir(), 'vigil-scan-b-'));
    writeFileSync(join(b, 'big.js'), 'x'.repeat(5000));
    writeFileSync(join(b, 'small.js'), 'x');
    mkdirSync(join(b, 'loop'));
    symlinkSync(b, join(b, 'loop', 'back'));
    const r = walkFiles([{ root: a, paths: [join(a, 'src', 'app.js'), join(a, 'missing.js')] }, { root: b }], { maxFileSize: 1000 });
    assert.deepEqual(r.files.map((f) => f.path).sort(), [join(a, 'src', 'app.js'), join(b, 'small.js')].sort());
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
    assert.equal(reasons[join(b, 'big.js')], 'too-large');
    assert.equal(reasons[join(a, 'missing.js')], 'unreadable');
    assert.equal(reasons[join(b, 'loop', 'back')], 'symlink-loop');
    for (const s of r.skipped) assert.match(s.message, /^skipped: /);
  });
});

describe('async file walker', () => {
  it('returns what the sync walk returns, and lets other work run while it walks', async () => {
    const dir = webapp();
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(dir, 'many', `d${i}`), { recursive: true });
      writeFileSync(join(dir, 'many', `d${i}`, 'f.js'), 'x');
    }
    const sync = walkFiles([{ root: dir }], { exclude: ['vendor/**'] });
    let immediates = 0;
    const counter = setImmediate(() => immediates++);
    // Yielding after every folder (yieldAfterMs 0): a turn per folder of the event loop whatever the machine's load.
    const walked = await walkFilesAsync([{ root: dir }], { exclude: ['vendor/**'] }, 0);
    clearImmediate(counter);
    assert.deepEqual(walked, sync);
    assert.equal(walked.files.length, 307);
    assert.equal(immediates, 1, 'other queued work ran during the walk');
    assert.deepEqual(await walkFilesAsync([{ root: dir }], { exclude: ['vendor/**'] }), sync, 'the default yield interval returns the same');
  });
});

describe('scan pool', () => {
  it('scans in parallel workers, streaming each result and progress', async () => {
    const dir = webapp();
    writeFileSync(join(dir, 'src', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const { files } = walkFiles([{ root: dir }], { exclude: ['vendor/**'] });
    const streamed: string[] = [];
    const progress: number[] = [];
    const run = await scanFiles(files, DEFAULT_SETTINGS, {
      jobs: 2,
      analyzerModule: ANALYZERS,
      onResult: (r) => streamed.push(r.file.relPath),
      onProgress: (done, total) => {
        assert.equal(total, files.length);
        progress.push(done);
      },
    });
    assert.equal(run.cancelled, false);
    assert.deepEqual(run.failed, []);
    assert.deepEqual(progress, files.map((_, i) => i + 1));
    assert.equal(streamed.length, run.results.length);
    assert.deepEqual(run.skipped.map((s) => [s.path, s.reason]), [[join(dir, 'src', 'image.png'), 'binary']]);
    const byFile = Object.fromEntries(run.results.map((r) => [r.file.relPath, r.findings.map((f) => f.ruleId)]));
    assert.deepEqual(byFile['src/app.js'], ['test.taint.eval', 'test.secret.fake-token']);
    assert.deepEqual(byFile['keep.log'], ['test.secret.fake-token']);
    // The suppressed token is hidden; the suppression that hides nothing is reported.
    assert.deepEqual(byFile['src/config.js'], ['vigil.suppression.unused']);
    const evalFinding = run.results.find((r) => r.file.relPath === 'src/app.js')!.findings[0]!;
    assert.deepEqual(evalFinding.trace?.map((t) => t.kind), ['source', 'sink']);
    assert.ok(evalFinding.fingerprint);
  });

  it('replaces a worker that crashes or hangs, lists its file as failed, and finishes the scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `ok${i}.js`), `var t${i} = 'FAKETOKEN_okokokokokok000${i}';\n`);
    writeFileSync(join(dir, 'crash.js'), '// VIGIL_TEST_CRASH_WORKER\n');
    writeFileSync(join(dir, 'hang.js'), '// VIGIL_TEST_HANG_WORKER\n');
    const { files } = walkFiles([{ root: dir }]);
    const run = await scanFiles(files, DEFAULT_SETTINGS, { jobs: 2, analyzerModule: ANALYZERS, fileTimeoutMs: 3000 });
    assert.deepEqual(run.failed.map((f) => f.path).sort(), [join(dir, 'crash.js'), join(dir, 'hang.js')]);
    assert.match(run.failed.find((f) => f.path.endsWith('crash.js'))!.message, /exited with code 3/);
    assert.match(run.failed.find((f) => f.path.endsWith('hang.js'))!.message, /timed out/);
    assert.equal(run.results.length, 4);
    for (const r of run.results) assert.equal(r.findings.length, 1);
  });

  it('stops when cancelled (its hung workers could not end it before the worker timeout)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cancel-'));
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `hang${i}.js`), '// VIGIL_TEST_HANG_WORKER\n');
    const { files } = walkFiles([{ root: dir }]);
    const controller = new AbortController();
    const running = scanFiles(files, DEFAULT_SETTINGS, {
      jobs: 2,
      analyzerModule: ANALYZERS,
      signal: controller.signal,
      onProgress: () => assert.fail('no file can finish'),
    });
    await new Promise((r) => setTimeout(r, 2500));
    controller.abort();
    const run = await running;
    assert.equal(run.cancelled, true);
    assert.equal(run.results.length, 0);
  });
});
