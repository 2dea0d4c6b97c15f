/**
 * Where the scan reports a flow into another file's function: at the sink, as a flow within one file is, under
 * that file's suppressions and ignore entries, one finding per sink with every call listed, and never lost (a
 * sink file that cannot be read again keeps the finding at the call).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { relocateCrossFileFindings, sinkFileElsewhere, type FileFindings } from '../../server/src/engine/scan/cross-file-findings';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { project, scratchWorkspace } from './cli-helpers';
import { scanJsonFindings } from './cli-scan';

interface JsonFinding {
  path: string;
  ruleId: string;
  range: { start: { line: number } };
  properties?: Record<string, unknown>;
  fingerprint?: string;
  fixes?: { kind: string; edits: { range: { start: { line: number } }; newText: string }[] }[];
}

const scan = (dir: string, ...args: string[]): Promise<JsonFinding[]> => scanJsonFindings<JsonFinding>(dir, ...args);

const at = (f: JsonFinding): string => `${f.ruleId} ${f.path}:${f.range.start.line}`;

describe('cross-file findings at the sink, through the CLI', () => {
  it('a vigil-ignore above the sink hides the flow, and is not called unused; one at the call still hides that call\'s flow', async () => {
    const dir = project('cross-file-js');
    const db = join(dir, 'src', 'db.js');
    const text = readFileSync(db, 'utf8');
    assert.deepEqual((await scan(dir)).map(at), ['js.sqli.string-query src/db.js:7']);
    writeFileSync(db, text.replace('  return pool.query(sql, callback);', '  // vigil-ignore js.sqli.string-query -- ids are checked by the router\n  return pool.query(sql, callback);'));
    assert.deepEqual((await scan(dir)).map(at), [], 'neither the finding nor an unused-suppression notice');
    writeFileSync(db, text);
    const routes = join(dir, 'src', 'routes.js');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace('  findUser(id, (err, rows) => {', '  // vigil-ignore js.sqli.string-query -- test only\n  findUser(id, (err, rows) => {'));
    assert.deepEqual((await scan(dir)).map(at), []);
  });

  it('a .vigil.yml ignore entry for the sink file hides the finding there; one for the caller\'s file hides the flows that start in it', async () => {
    const dir = project('cross-file-js');
    writeFileSync(join(dir, '.vigil.yml'), 'ignore:\n  - rule: js.sqli.string-query\n    path: src/other.js\n    reason: another file\n');
    assert.deepEqual((await scan(dir)).map(at), ['js.sqli.string-query src/db.js:7']);
    writeFileSync(join(dir, '.vigil.yml'), 'ignore:\n  - rule: js.sqli.string-query\n    path: src/db.js\n    reason: reviewed\n');
    assert.deepEqual((await scan(dir)).map(at), []);
    writeFileSync(join(dir, '.vigil.yml'), 'ignore:\n  - rule: js.sqli.string-query\n    path: src/routes.js\n    reason: an internal route\n');
    assert.deepEqual((await scan(dir)).map(at), []);
  });

  it('the suppress fix edits the sink file at the sink\'s indentation, and the fingerprint holds when the caller moves', async () => {
    const dir = project('cross-file-js');
    const [first] = await scan(dir);
    const fix = first!.fixes!.find((x) => x.kind === 'suppress')!;
    assert.deepEqual([fix.edits[0]!.range.start.line, fix.edits[0]!.newText], [7, '  // vigil-ignore js.sqli.string-query -- TODO: explain why this is safe\n']);
    const routes = join(dir, 'src', 'routes.js');
    writeFileSync(routes, `// a comment\n\n${readFileSync(routes, 'utf8')}`);
    const [moved] = await scan(dir);
    assert.equal(moved!.fingerprint, first!.fingerprint);
    assert.equal(moved!.properties!.calledFrom, 'src/routes.js:10');
  });

  it('a sink reached from its own file and from another is one finding, its own file\'s', async () => {
    const dir = scratchWorkspace('cross-file-own-and-other', {
      'db.js': "const mysql = require('mysql');\nconst pool = mysql.createPool({});\nfunction find(id) {\n  return pool.query('SELECT * FROM t WHERE id = ' + id);\n}\nmodule.exports = { find };\nrequire('express')().get('/x', (req, res) => find(req.query.a));\n",
      'routes.js': "const { find } = require('./db');\nrequire('express')().get('/y', (req, res) => find(req.query.b));\n",
    });
    const found = await scan(dir);
    assert.deepEqual(found.map(at), ['js.sqli.string-query db.js:3']);
    assert.equal(found[0]!.properties?.calledFrom, undefined, 'the flow within db.js');
  });
});

/** A cross-file finding found at `line` of `from`, whose trace ends at `sinkLine` of `sink`. */
function crossing(from: string, line: number, sink: string, sinkLine: number, ruleId = 'js.sqli.string-query'): Finding {
  const range = (l: number) => ({ start: { line: l, character: 2 }, end: { line: l, character: 9 } });
  return {
    ruleId,
    pack: 'taint',
    severity: 'critical',
    cwe: ['CWE-89'],
    message: 'input flows into a SQL query',
    range: range(line),
    docsUrl: 'https://example.invalid',
    trace: [
      { range: range(line), message: 'req.query.id is user input', kind: 'source' },
      { path: sink, range: range(sinkLine - 1), message: 'flows into id', kind: 'step' },
      { path: sink, range: range(sinkLine), message: 'reaches db.query', kind: 'sink' },
    ],
    fingerprint: 'at-the-call',
  };
}

const file = (path: string, findings: Finding[]): FileFindings => ({ file: { path, root: '/w', relPath: path.slice(3) }, findings, alone: true });

describe('relocateCrossFileFindings', () => {
  const text = 'a\nb\nc\n  db.query(q)\n  db.query(r)\n';
  const read = (texts: Record<string, string | undefined>) => (f: { path: string }) => texts[f.path];

  it('one finding per sink and rule, listing every call in path order, whatever order the results came in', () => {
    const run = (order: 'ab' | 'ba') => {
      const a = file('/w/a.js', [crossing('/w/a.js', 9, '/w/db.js', 3), crossing('/w/a.js', 4, '/w/db.js', 3)]);
      const b = file('/w/b.js', [crossing('/w/b.js', 1, '/w/db.js', 3), crossing('/w/b.js', 2, '/w/db.js', 4)]);
      const db = file('/w/db.js', []);
      const results = order === 'ab' ? [a, b, db] : [db, b, a];
      const changed = relocateCrossFileFindings(results, DEFAULT_SETTINGS, read({ '/w/db.js': text }));
      assert.deepEqual([...changed].map((r) => r.file.relPath).sort(), ['a.js', 'b.js', 'db.js']);
      assert.deepEqual([a.findings, b.findings], [[], []]);
      assert.equal(db.alone, false, 'its findings depend on other files now');
      return db.findings.map((f) => [f.range.start.line, f.properties?.calledFrom, f.trace![0]!.path, f.trace!.at(-1)!.path, f.fingerprint !== 'at-the-call']);
    };
    const want = [
      [3, 'a.js:5, a.js:10, b.js:2', '/w/a.js', undefined, true],
      [4, 'b.js:3', '/w/b.js', undefined, true],
    ];
    assert.deepEqual(run('ab'), want);
    assert.deepEqual(run('ba'), want);
  });

  it('keeps the finding at the call when the sink file is not in the scan or cannot be read again', () => {
    const a = file('/w/a.js', [crossing('/w/a.js', 4, '/w/db.js', 3), crossing('/w/a.js', 5, '/w/gone.js', 3)]);
    const db = file('/w/db.js', []);
    const changed = relocateCrossFileFindings([a, db], DEFAULT_SETTINGS, read({ '/w/db.js': undefined }));
    assert.equal(changed.size, 0);
    assert.deepEqual(a.findings.map((f) => f.range.start.line), [4, 5]);
    assert.equal(db.alone, true);
  });

  it('a sink in a template stays with its render call; other packs\' findings never move', () => {
    const toTemplate = crossing('/w/a.js', 4, '/w/views/page.ejs', 3, 'js.xss.template');
    const secret: Finding = { ...crossing('/w/a.js', 5, '/w/db.js', 3), pack: 'secrets' };
    assert.equal(sinkFileElsewhere(toTemplate, '/w/a.js'), undefined);
    assert.equal(sinkFileElsewhere(secret, '/w/a.js'), undefined);
    assert.equal(sinkFileElsewhere(crossing('/w/a.js', 4, '/w/db.py', 3), '/w/a.js'), '/w/db.py');
    assert.equal(sinkFileElsewhere(crossing('/w/a.js', 4, '/w/a.js', 3), '/w/a.js'), undefined, 'a sink in its own file');
  });

  it('lists at most 20 calls and counts the rest', () => {
    const a = file('/w/a.js', Array.from({ length: 23 }, (_, i) => crossing('/w/a.js', i, '/w/db.js', 3)));
    const db = file('/w/db.js', []);
    relocateCrossFileFindings([a, db], DEFAULT_SETTINGS, read({ '/w/db.js': text }));
    const calls = String(db.findings[0]!.properties!.calledFrom).split(', ');
    assert.equal(calls.length, 21);
    assert.equal(calls.at(-1), 'and 3 more');
  });
});
