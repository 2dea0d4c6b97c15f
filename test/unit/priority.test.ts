import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { comparePriority, passesMinPriority, prioritize } from '../../server/src/engine/priority';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';

const base = (over: Partial<Finding>): Finding => ({
  ruleId: 'x.rule',
  pack: 'taint',
  severity: 'critical',
  cwe: ['CWE-89'],
  message: 'm',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  docsUrl: '',
  ...over,
});

const httpSqli = base({ properties: { source: 'req.query.id', sink: 'db.query', input: 'request' } });

describe('priority: severity × confidence × exposure', () => {
  it('ranks request input reaching SQL in a handler as p1 and says why', () => {
    const p = prioritize(httpSqli, { path: '/ws/src/app.js', root: '/ws' });
    assert.equal(p.level, 'p1');
    assert.equal(p.reason, 'request input reaches SQL in a handler');
  });

  it('ranks the same flow in test code lower, with the path as the reason', () => {
    const route = prioritize(httpSqli, { path: '/ws/src/app.js', root: '/ws' });
    const test = prioritize(httpSqli, { path: '/ws/test/app.test.js', root: '/ws' });
    assert.ok(test.score < route.score);
    assert.notEqual(test.level, 'p1');
    assert.equal(test.reason, 'in test code');
    // A folder above the workspace named "test" says nothing about the file.
    assert.equal(prioritize(httpSqli, { path: '/home/test/ws/src/app.js', root: '/home/test/ws' }).reason, 'request input reaches SQL in a handler');
    assert.equal(prioritize(httpSqli, { path: '/ws/docs/example.js', root: '/ws' }).reason, 'in example or docs code');
  });

  it('ranks a weakness with no traced input (inside library code) below a flow from a route', () => {
    const pattern = prioritize(base({ properties: { kind: 'pattern' } }), { path: '/ws/lib/db.js', root: '/ws' });
    assert.ok(pattern.score < prioritize(httpSqli, { path: '/ws/lib/db.js', root: '/ws' }).score);
    assert.match(pattern.reason, /no input traced/);
    const browser = prioritize(base({ cwe: ['CWE-79'], properties: { source: 'location.hash', sink: 'el.innerHTML', input: 'page' } }), { path: '/ws/web/x.js', root: '/ws' });
    assert.equal(browser.reason, 'page input reaches HTML output in the browser');
  });

  it('raises reachable dependencies, internet-exposed config and pushed secrets; lowers low-confidence ones', () => {
    const ctx = { path: '/ws/package.json', root: '/ws' };
    const dep = base({ pack: 'dependencies', severity: 'high', cwe: [] });
    const reachable = prioritize({ ...dep, properties: { reachable: true } }, ctx);
    const unreachable = prioritize({ ...dep, properties: { reachable: false } }, ctx);
    assert.ok(reachable.score > prioritize(dep, ctx).score && prioritize(dep, ctx).score > unreachable.score);
    assert.equal(reachable.reason, 'vulnerable dependency reachable from your code');
    // Lockfiles hold the dependency findings: not ranked down like vendored code.
    assert.deepEqual(prioritize(dep, { path: '/ws/package-lock.json', root: '/ws' }), prioritize(dep, ctx));
    assert.equal(prioritize(dep, { path: '/ws/vendor/x/package.json', root: '/ws' }).reason, 'in vendored code');
    const cfg = base({ pack: 'config', severity: 'high', cwe: [] });
    const exposed = prioritize({ ...cfg, properties: { exposure: 'internet' } }, ctx);
    assert.ok(exposed.score > prioritize(cfg, ctx).score);
    assert.equal(exposed.reason, 'exposed to the internet');
    const secret = base({ pack: 'secrets', severity: 'high', cwe: ['CWE-798'] });
    const pushed = prioritize({ ...secret, properties: { exposure: { commit: 'abc', pushed: true } } }, ctx);
    assert.ok(pushed.score > prioritize(secret, ctx).score);
    assert.equal(pushed.reason, 'secret pushed to a remote');
    assert.ok(prioritize({ ...secret, properties: { confidence: 'low' } }, ctx).score < prioritize(secret, ctx).score);
  });

  it('keeps scores in 0..100, sorts by score, and filters by level', () => {
    for (const severity of ['critical', 'high', 'medium', 'low', 'info'] as const) {
      const p = prioritize(base({ severity, properties: { source: 'req.body', sink: 'x', reachable: true } }), { path: '/ws/a.js', root: '/ws' });
      assert.ok(p.score >= 0 && p.score <= 100 && Number.isInteger(p.score), `${severity}: ${p.score}`);
    }
    const lo = { ...base({}), priority: { score: 20, level: 'p4' as const, reason: '' } };
    const hi = { ...base({}), priority: { score: 90, level: 'p1' as const, reason: '' } };
    assert.deepEqual([lo, hi].sort(comparePriority), [hi, lo]);
    assert.equal(passesMinPriority(hi, 'p2'), true);
    assert.equal(passesMinPriority(lo, 'p2'), false);
  });
});

describe('priority: applied by the engine to every finding', () => {
  let engine: Engine;
  before(async () => {
    const made = createAnalyzers({});
    engine = await Engine.create({ analyzers: made.analyzers });
  });
  const APP = `const express = require('express');
const app = express();
app.get('/user', (req, res) => {
  db.query("SELECT * FROM users WHERE id = " + req.query.id);
});
`;
  it('words and ranks each kind of input the rules give their sources, below a request', () => {
    const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, strictness: 'audit' as const };
    const text = `const cp = require('child_process');
const express = require('express');
const AdmZip = require('adm-zip');
const fs = require('fs');
const app = express();
app.get('/x', (req, res) => { cp.exec('ls ' + req.query.d); });
cp.exec('ls ' + process.argv[2]);
async function f(db) { const u = await db.users.findOne({}); cp.exec('ls ' + u.name); }
module.exports = function run(cmd) { cp.exec('ls ' + cmd); };
function unzip(file) { for (const entry of new AdmZip(file).getEntries()) fs.writeFileSync(entry.entryName, entry.getData()); }
`;
    const found = engine.scanText('/ws/src/app.js', 'javascript', text, settings, '/ws').findings.filter((f) => f.pack === 'taint');
    const at = (line: number, rule: string) => found.find((f) => f.range.start.line === line && f.ruleId === rule);
    const request = at(5, 'js.cmdi.child-process');
    const argv = at(6, 'js.cmdi.child-process');
    const stored = at(7, 'js.cmdi.child-process');
    const library = at(8, 'js.cmdi.child-process');
    const archive = at(9, 'js.path-traversal.fs');
    assert.ok(request && argv && stored && library && archive, found.map((f) => `${f.range.start.line} ${f.ruleId}`).join('\n'));
    assert.equal(request.properties?.input, 'request');
    assert.equal(request.priority?.reason, 'request input reaches a shell command in a handler');
    assert.equal(argv.properties?.input, 'process');
    assert.equal(argv.priority?.reason, 'process input (arguments, environment, files) reaches a shell command');
    assert.equal(argv.trace?.[0]?.message, 'process.argv[2] is process input (arguments, environment or files)');
    assert.equal(stored.properties?.input, 'stored');
    assert.equal(stored.priority?.reason, 'stored data reaches a shell command (second-order)');
    assert.equal(library.properties?.input, 'library');
    assert.equal(library.priority?.reason, "an exported function's caller controls a shell command");
    assert.equal(archive.properties?.input, 'archive');
    assert.equal(archive.priority?.reason, "an archive's entry name reaches a file path");
    assert.equal(archive.trace?.[0]?.message, 'archive entry name is chosen by whoever made the archive');
    // The same rule and sink: only the kind of input tells them apart.
    for (const f of [argv, stored, library]) assert.ok(f.priority!.score < request.priority!.score, f.priority!.reason);
    const untraced = found.find((f) => f.properties?.untraced === true);
    assert.equal(untraced?.priority?.reason, 'unsafe use of a shell command, no input traced to it');
  });

  it("words a page handler's parameter as page input, not a request's", () => {
    const text = `import { ActivatedRoute } from '@angular/router';
export class Preview {
  html = '';
  constructor(private route: ActivatedRoute, private sanitizer: any) {}
  ngOnInit() {
    this.route.queryParamMap.subscribe((params) => {
      this.html = this.sanitizer.bypassSecurityTrustHtml(params.get('q'));
    });
  }
}
`;
    const f = engine.scanText('/ws/src/preview.ts', 'typescript', text, DEFAULT_SETTINGS, '/ws').findings.find((x) => x.ruleId === 'js.xss.dom');
    assert.equal(f?.properties?.input, 'page', JSON.stringify(f));
    assert.equal(f.trace?.[0]?.message, 'page parameter params is page input');
  });

  it('sets priority in finalize, lower under test/', () => {
    const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
    const route = engine.scanText('/ws/src/app.js', 'javascript', APP, settings, '/ws').findings.find((f) => f.pack === 'taint');
    const test = engine.scanText('/ws/test/app.js', 'javascript', APP, settings, '/ws').findings.find((f) => f.pack === 'taint');
    assert.ok(route?.priority && test?.priority);
    assert.equal(route.priority.level, 'p1');
    assert.equal(route.priority.reason, 'request input reaches SQL in a handler');
    assert.ok(test.priority.score < route.priority.score);
  });
});
