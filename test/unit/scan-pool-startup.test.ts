/**
 * What starting a scan worker costs, held by counters rather than time: the rule files are read and parsed once, in
 * the pool's thread, and no worker reads one; a worker builds only the packs the scan runs and loads only the
 * grammars of its files; a pool keeps its workers for the next run, which starts clean (no export index or exposure
 * facts carried over). And the pooled scan gives exactly the findings of a scan in this thread.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { ruleFilesRead } from '../../server/src/engine/rule-folder';
import { walkFiles, type ScanFile } from '../../server/src/engine/scan/file-walker';
import { ScanPool, scanFiles, scanWork, WORK_PER_WORKER, type ScanRun } from '../../server/src/engine/scan/scan-pool';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding } from '../../server/src/engine/types';
import { project } from './cli-helpers';

// Fake credentials in the documented formats (they are checked by format, never used).
const GITHUB = `ghp_${'A1b2C3d4E5f6G7h8I9j0'}${'K1l2M3n4O5p6'}${'Qr'}`;
const AWS = `AKIA${'Z7Q4'}${'P2XW'}${'9KLM'}${'3RTV'}`;

function secretsProject(): ScanFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-pool-start-'));
  writeFileSync(join(dir, 'app.js'), `const token = "${GITHUB}";\nmodule.exports = { token };\n`);
  writeFileSync(join(dir, 'settings.py'), `AWS_ACCESS_KEY_ID = "${AWS}"\n`);
  writeFileSync(join(dir, 'notes.txt'), `deploy key ${GITHUB}\n`);
  writeFileSync(join(dir, 'plain.js'), 'export const x = 1;\n');
  return walkFiles([{ root: dir }]).files;
}

/** Each file's findings, by path, as JSON: what the CLI's JSON output is made of. */
function byPath(results: { file: ScanFile; findings: Finding[] }[]): string {
  return JSON.stringify([...results].sort((a, b) => (a.file.relPath < b.file.relPath ? -1 : 1)).map((r) => [r.file.relPath, r.findings]));
}

/** The same files scanned one by one in this thread, with the same packs. */
async function inThread(files: ScanFile[], settings: AnalysisSettings): Promise<string> {
  const engine = await Engine.create({ analyzers: createAnalyzers({ packs: settings.packs }).analyzers });
  try {
    return byPath(files.map((file) => ({ file, findings: engine.scanText(file.path, languageIdForPath(file.path), readFileSync(file.path, 'utf8'), settings, file.root).findings })));
  } finally {
    engine.dispose();
  }
}

const SECRETS_ONLY: AnalysisSettings = { ...DEFAULT_SETTINGS, packs: { secrets: true, taint: false, config: false, dependencies: false } };

describe('scan worker start-up', () => {
  it('a secrets-only scan: no worker reads a rule file, builds a pack but secrets, or loads a grammar its files do not use', async () => {
    const files = secretsProject();
    const run = await scanFiles(files, SECRETS_ONLY, { jobs: 2, analyzerOptions: { packs: SECRETS_ONLY.packs } });
    assert.deepEqual(run.failed, []);
    // A worker still starting when the few files are done reports nothing: at least one did.
    assert.ok(run.workerStarts.length >= 1);
    for (const w of run.workerStarts) {
      assert.deepEqual(w.ruleFilesRead, {}, 'the rules come from the pool, parsed once');
      assert.deepEqual(w.packs, ['secrets']);
      assert.deepEqual([...w.grammars].sort(), ['javascript', 'python']);
    }
    const found = byPath(run.results);
    assert.match(found, /"ruleId":"secrets\./, 'the fixture has findings to compare');
    assert.equal(found, await inThread(files, SECRETS_ONLY), 'same findings as a scan in this thread');
  });

  it('all packs: the rule files are read once per process, by the pool, never by a worker', async () => {
    const files = walkFiles([{ root: project('cross-file-js') }]).files;
    const first = await scanFiles(files, DEFAULT_SETTINGS, { jobs: 2 });
    const read = ruleFilesRead();
    assert.ok((read.secrets ?? 0) > 0 && (read.taint ?? 0) > 0 && (read.config ?? 0) > 0, 'this thread read every pack\'s files');
    const second = await scanFiles(files, DEFAULT_SETTINGS, { jobs: 2 });
    assert.deepEqual(ruleFilesRead(), read, 'a second scan reads none again');
    assert.ok(first.workerStarts.length >= 1 && second.workerStarts.length >= 1);
    for (const w of [...first.workerStarts, ...second.workerStarts]) {
      assert.deepEqual(w.ruleFilesRead, {});
      assert.deepEqual(w.packs, ['secrets', 'taint', 'config', 'dependencies']);
    }
    assert.equal(byPath(second.results), byPath(first.results));
  });

  it('a pool keeps its workers for the next run, which starts without the last run\'s export index', async () => {
    const files = walkFiles([{ root: project('cross-file-js') }]).files;
    const routes = files.filter((f) => f.relPath === 'src/routes.js');
    const pool = new ScanPool({ jobs: 2, workPerWorker: 0 });
    let runs: ScanRun[];
    try {
      runs = [await pool.scan(files, DEFAULT_SETTINGS), await pool.scan(routes, DEFAULT_SETTINGS, { crossFile: false }), await pool.scan(files, DEFAULT_SETTINGS)];
      assert.equal(pool.workersStarted, 2, 'the first run started two workers, the others reused them');
      assert.equal(pool.idleWorkers, 2);
    } finally {
      pool.close();
    }
    const ids = (r: ScanRun) => r.results.flatMap((x) => x.findings.map((f) => `${x.file.relPath}:${f.ruleId}`));
    assert.deepEqual(ids(runs[0]!), ['src/db.js:js.sqli.string-query'], 'cross-file flow found (at its sink)');
    assert.deepEqual(ids(runs[1]!), [], 'routes.js alone: the flow into db.js is not known');
    assert.equal(byPath(runs[2]!.results), byPath(runs[0]!.results));
  });

  it('workers are started as the work pays for them: one for a small scan, the same findings as two', async () => {
    const files = walkFiles([{ root: project('cross-file-js') }]).files;
    const work = scanWork(files, DEFAULT_SETTINGS);
    assert.ok(work > 0 && work < WORK_PER_WORKER, `${work}: a small project`);
    const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
    assert.ok(bytes > 0, 'the walker lists each file\'s size');
    // Secrets only: no file is taint work, so the same bytes weigh less.
    assert.ok(scanWork(files, SECRETS_ONLY) < work && scanWork(files, SECRETS_ONLY) > 0);
    const count = async (options: { workPerWorker?: number }) => {
      const pool = new ScanPool({ jobs: 2, ...options });
      try {
        const run = await pool.scan(files, DEFAULT_SETTINGS);
        return { started: pool.workersStarted, found: byPath(run.results) };
      } finally {
        pool.close();
      }
    };
    const one = await count({});
    const two = await count({ workPerWorker: 0 });
    const split = await count({ workPerWorker: Math.ceil(work / 2) });
    assert.equal(one.started, 1, 'less work than a worker is worth: one worker');
    assert.equal(two.started, 2, 'no threshold: a worker per job');
    assert.equal(split.started, 2, 'twice a worker\'s work: two workers');
    assert.match(one.found, /js\.sqli\.string-query/, 'the cross-file finding, on one worker');
    assert.equal(one.found, two.found);
    assert.equal(split.found, two.found);
  });
});
