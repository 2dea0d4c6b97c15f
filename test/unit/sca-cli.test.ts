import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { makeZip, OSV_PROJECT, OSV_RECORDS, recordsOf } from './sca-helpers';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function vigil(args: string[], env: Record<string, string>, cwd = tmpdir()): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd, env }, { progressDelayMs: 0 });
  return { code, out, err };
}

function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number } };
  properties?: Record<string, unknown>;
  fixes?: { title: string; edits: { newText: string }[] }[];
}

function findingsByFile(json: string): Map<string, JsonFinding[]> {
  const report = JSON.parse(json) as { findings: (JsonFinding & { path: string })[] };
  const out = new Map<string, JsonFinding[]>();
  for (const f of report.findings) {
    const name = f.path.split(/[\\/]/).pop()!;
    out.set(name, [...(out.get(name) ?? []), f]);
  }
  return out;
}

describe('vigil db and scan: the dependencies pack', () => {
  it('without a database: the scan says once how to get one, and still runs the other packs', async () => {
    const project = scratch('vigil-sca-');
    cpSync(OSV_PROJECT, project, { recursive: true });
    writeFileSync(join(project, 'app.js'), "const token = 'ghp_" + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8' + "';\n");
    const env = { VIGIL_DB_DIR: join(scratch('vigil-db-'), 'none') };
    const r = await vigil(['scan', '--root', project, '-j', '1', '--format', 'json', '--fail-on', 'none'], env);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err.match(/no advisory database/g)?.length, 1, r.err);
    const files = findingsByFile(r.out);
    assert.ok(files.get('app.js')?.some((f) => f.ruleId.startsWith('secrets.')), 'the secrets pack still ran');
    assert.ok(!files.has('package-lock.json'));
    const status = await vigil(['db', 'status'], env);
    assert.match(status.out, /No advisory database/);
  });

  it('db import of a folder, then scan finds the vulnerable dependencies; db status shows counts', async () => {
    const project = scratch('vigil-sca-');
    cpSync(OSV_PROJECT, project, { recursive: true });
    const env = { VIGIL_DB_DIR: join(scratch('vigil-db-'), 'db') };
    const imp = await vigil(['db', 'import', OSV_RECORDS], env);
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, /npm 3, PyPI 1/);
    assert.match(imp.err, /2 invalid records skipped/);
    assert.match(imp.err, /broken-truncated\.json: not valid JSON/);
    const status = await vigil(['db', 'status'], env);
    assert.match(status.out, /Advisories: npm 3, PyPI 1/);
    assert.match(status.out, /0 days ago/);

    const r = await vigil(['scan', '--root', project, '-j', '1', '--format', 'json', '--fail-on', 'high'], env);
    assert.equal(r.code, 1, r.err);
    assert.doesNotMatch(r.err, /no advisory database/);
    const files = findingsByFile(r.out);
    const lock = files.get('package-lock.json') ?? [];
    const lockText = readFileSync(join(project, 'package-lock.json'), 'utf8').split('\n');
    const at = (f: JsonFinding): string => lockText[f.range.start.line]!.trim();
    const lodash = lock.filter((f) => f.properties?.package === 'fake-lodash');
    assert.deepEqual(lodash.map((f) => f.properties?.advisory).sort(), ['VIGIL-TEST-0001', 'VIGIL-TEST-0002']);
    assert.ok(lodash.every((f) => at(f).startsWith('"node_modules/fake-lodash"')));
    assert.equal(lodash.find((f) => f.properties?.advisory === 'VIGIL-TEST-0001')!.severity, 'critical');
    assert.match(lodash[0]!.message, /upgrade fake-lodash 4\.17\.15 -> 4\.17\.21/);
    assert.ok(lodash.every((f) => !f.fixes?.length), 'no edit of the lockfile');
    // The nested fake-qs 6.5.2 is affected (last_affected is inclusive); the top-level 6.5.3 is not; the withdrawn record never matches.
    const qs = lock.filter((f) => f.properties?.package === 'fake-qs');
    assert.equal(qs.length, 1);
    assert.equal(at(qs[0]!), '"node_modules/fake-express/node_modules/fake-qs": {');
    assert.match(qs[0]!.message, /no fixed version is known/);

    const manifest = files.get('package.json') ?? [];
    assert.deepEqual(manifest.map((f) => [f.properties?.package, f.properties?.version, f.range.start.line]).sort(), [
      ['fake-lodash', '4.17.15', 4],
      ['fake-lodash', '4.17.15', 4],
      ['fake-qs', '6.5.2', 5],
    ]);
    // The nested fake-qs is reported on the direct dependency that brings it.
    assert.equal(manifest.find((f) => f.properties?.package === 'fake-qs')!.properties?.via, 'fake-express \u2192 fake-qs');
    assert.equal(manifest.find((f) => f.fixes)?.fixes?.[0]?.edits[0]?.newText, '^4.17.21');
    assert.match(manifest.find((f) => f.fixes)!.fixes![0]!.title, /run npm install/);

    const all = files.get('requirements.txt') ?? [];
    // `Fake.Requests[socks] >= 2.0` is a range: reported at its lowest version, one severity lower, and one more
    // since the CLI looked at every source file and none imports it.
    assert.deepEqual(all.filter((f) => f.properties?.range).map((f) => [f.range.start.line, f.properties?.version, f.severity]), [[3, '2.0', 'low']]);
    assert.match(all[0]!.message, /not imported anywhere \(0 source files looked at\)/);
    const reqs = all.filter((f) => !f.properties?.range);
    assert.equal(reqs.length, 1, 'aliases merged into one finding');
    assert.equal(reqs[0]!.range.start.line, 1);
    assert.match(reqs[0]!.message, /VIGIL-TEST-000[34] \(VIGIL-TEST-000[34]\)/);
    assert.match(reqs[0]!.message, /upgrade fake_requests 2\.25\.0 -> 2\.31\.0/);
    assert.equal(reqs[0]!.fixes?.[0]?.edits[0]?.newText, '2.31.0');
  });

  it('SARIF names the advisory and ranks by priority; a baseline hides the current dependency findings; .vigil.yml ignores one by advisory id', async () => {
    const project = scratch('vigil-sca-sarif-');
    cpSync(OSV_PROJECT, project, { recursive: true });
    const env = { VIGIL_DB_DIR: join(scratch('vigil-db-'), 'db') };
    assert.equal((await vigil(['db', 'import', OSV_RECORDS], env)).code, 0);
    const sarif = await vigil(['scan', '--root', project, '-j', '1', '--format', 'sarif', '--fail-on', 'none'], env);
    assert.equal(sarif.code, 0, sarif.err);
    const results = (JSON.parse(sarif.out) as { runs: { results: { ruleId: string; message: { text: string }; rank?: number }[] }[] }).runs[0]!.results;
    const deps = results.filter((r) => r.ruleId === 'deps.npm.vulnerable-dependency');
    assert.ok(deps.some((r) => /VIGIL-TEST-0002/.test(r.message.text)), 'the advisory id is in the message');
    assert.ok(deps.every((r) => typeof r.rank === 'number'));
    assert.ok(results.some((r) => r.ruleId === 'deps.pypi.vulnerable-dependency'));

    // .vigil.yml: one advisory ignored in package.json (no comments in JSON), with a reason.
    writeFileSync(join(project, '.vigil.yml'), 'ignore:\n  - rule: VIGIL-TEST-0001\n    path: package.json\n    reason: not reachable in our build\n');
    const ignored = await vigil(['scan', '--root', project, '-j', '1', '--format', 'json', '--fail-on', 'none'], env);
    const manifest = findingsByFile(ignored.out).get('package.json') ?? [];
    assert.ok(manifest.length > 0 && manifest.every((f) => f.properties?.advisory !== 'VIGIL-TEST-0001'), ignored.err);
    assert.ok((findingsByFile(ignored.out).get('package-lock.json') ?? []).some((f) => f.properties?.advisory === 'VIGIL-TEST-0001'), 'only in the path it names');

    const base = await vigil(['baseline', '--root', project, '-j', '1'], env);
    assert.equal(base.code, 0, base.err);
    const after = await vigil(['scan', '--root', project, '-j', '1', '--format', 'json', '--fail-on', 'low'], env);
    assert.equal(after.code, 0, after.err);
    assert.deepEqual([...findingsByFile(after.out).values()].flat().filter((f) => f.ruleId.startsWith('deps.')), []);
  });

  it('db import of a zip archive', async () => {
    const dir = scratch('vigil-zip-');
    const zip = join(dir, 'all.zip');
    writeFileSync(zip, makeZip({ ...recordsOf('npm'), 'nested/': '', 'README.txt': 'not a record' }));
    const env = { VIGIL_DB_DIR: join(dir, 'db') };
    const r = await vigil(['db', 'import', zip], env);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /npm 3, PyPI 0/);
  });

  it('a corrupt archive is refused and the old database keeps working', async () => {
    const dir = scratch('vigil-zip-');
    const env = { VIGIL_DB_DIR: join(dir, 'db') };
    assert.equal((await vigil(['db', 'import', OSV_RECORDS], env)).code, 0);
    const before = readFileSync(join(dir, 'db', 'CURRENT'), 'utf8');
    const good = makeZip(recordsOf('npm'));
    const bad = Buffer.from(good);
    bad[60] = bad[60]! ^ 0xff; // inside the first entry's data (past its 30-byte header and 20-byte name): the checksum (or inflate) fails
    writeFileSync(join(dir, 'bad.zip'), bad);
    const r = await vigil(['db', 'import', join(dir, 'bad.zip')], env);
    assert.equal(r.code, 2);
    assert.match(r.err, /corrupt archive.*the database was not changed/);
    assert.equal(readFileSync(join(dir, 'db', 'CURRENT'), 'utf8'), before);
    assert.match((await vigil(['db', 'status'], env)).out, /npm 3, PyPI 1/);
    writeFileSync(join(dir, 'truncated.zip'), good.subarray(0, good.length - 30));
    assert.match((await vigil(['db', 'import', join(dir, 'truncated.zip')], env)).err, /corrupt archive/);
  });

  describe('db update from a server on 127.0.0.1', () => {
    let server: Server;
    let base: string;
    before(async () => {
      const archives: Record<string, Buffer> = { '/npm/all.zip': makeZip(recordsOf('npm')), '/PyPI/all.zip': makeZip(recordsOf('PyPI')) };
      server = createServer((req, res) => {
        if (req.url === '/cut/npm/all.zip') {
          // Promises more than it sends, then drops the connection: an interrupted download.
          res.writeHead(200, { 'content-length': String(archives['/npm/all.zip']!.length) });
          res.write(archives['/npm/all.zip']!.subarray(0, 50));
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        }
        const body = archives[req.url ?? ''];
        if (!body) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-length': String(body.length) }).end(body);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());

    it('downloads both ecosystems and swaps the database in', async () => {
      const dir = scratch('vigil-upd-');
      const env = { VIGIL_DB_DIR: join(dir, 'db') };
      const r = await vigil(['db', 'update', '--source', base], env);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /npm 3, PyPI 1/);
      assert.match(r.err, /Downloading http:\/\/127\.0\.0\.1:\d+\/PyPI\/all\.zip/);
      assert.match((await vigil(['db', 'status'], env)).out, new RegExp(`from ${base.replace(/[.]/g, '\\.')}`));
      assert.deepEqual(readdirSync(join(dir, 'db')).filter((n) => n.startsWith('snap-')).length, 1);
    });

    it('an interrupted download or a missing archive leaves the old database', async () => {
      const dir = scratch('vigil-upd-');
      const env = { VIGIL_DB_DIR: join(dir, 'db') };
      assert.equal((await vigil(['db', 'import', OSV_RECORDS], env)).code, 0);
      const before = readFileSync(join(dir, 'db', 'CURRENT'), 'utf8');
      const cut = await vigil(['db', 'update', '--source', `${base}/cut`], env);
      assert.equal(cut.code, 2);
      assert.match(cut.err, /interrupted|incomplete|HTTP 404/);
      assert.match(cut.err, /the database was not changed/);
      const missing = await vigil(['db', 'update', '--source', `${base}/nothing-here`], env);
      assert.match(missing.err, /HTTP 404; the database was not changed/);
      assert.equal(readFileSync(join(dir, 'db', 'CURRENT'), 'utf8'), before);
      assert.ok(existsSync(join(dir, 'db', before)));
    });
  });

  it('db update --source with a local folder, and usage errors', async () => {
    const dir = scratch('vigil-upd-');
    const env = { VIGIL_DB_DIR: join(dir, 'db') };
    assert.equal((await vigil(['db', 'update', '--source', OSV_RECORDS], env)).code, 0);
    const empty = scratch('vigil-empty-');
    const r = await vigil(['db', 'update', '--source', empty], env);
    assert.equal(r.code, 2);
    assert.match(r.err, /no npm or PyPI advisories/);
    assert.equal((await vigil(['db', 'import'], env)).code, 2);
    assert.match((await vigil(['db', 'frobnicate'], env)).err, /unknown db command/);
    rmSync(empty, { recursive: true, force: true });
  });
});
