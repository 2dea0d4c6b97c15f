/**
 * Cross-file taint in the workspace scan: pass 1 summarises every file's exports, pass 2 scans with the index,
 * so user input passed to a function imported from another file is found at the call; the scan reports it at the
 * sink in the other file, its trace starting at the source in the caller's. Through the CLI (JSON and SARIF, real
 * packs), the pool (faults in pass 1), and the LSP scan.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { pythonModuleFile } from '../../server/src/engine/taint/taint-analyzer';
import { walkFiles, type ScanFile } from '../../server/src/engine/scan/file-walker';
import { scanFiles } from '../../server/src/engine/scan/scan-pool';
import { DEFAULT_SETTINGS, type TraceStep } from '../../server/src/engine/types';
import { LspClient, type PublishDiagnosticsParams } from '../lsp/lsp-client';
import { FIXTURES, gitInit, project, scratchWorkspace } from './cli-helpers';
import { scanJsonFindings } from './cli-scan';

const REPO = join(__dirname, '..', '..');
const FAULTS = join(FIXTURES, 'cross-file-faults', 'fault-analyzers.ts');

interface JsonFinding {
  path: string;
  ruleId: string;
  range: { start: { line: number } };
  trace?: TraceStep[];
}

/** Runs `vigil scan` in-process with the built-in packs; returns the exit code and stdout. */
async function scan(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false, columns: 80 }, cwd: dir, env: {} };
  const code = await runCli(['scan', '--root', dir, '-j', '2', ...args], io, { progressDelayMs: 0 });
  return { code, out, err };
}

const jsonFindings = (dir: string): Promise<JsonFinding[]> => scanJsonFindings<JsonFinding>(dir);

const files = (dir: string): ScanFile[] => walkFiles([{ root: dir }]).files;

describe('cross-file taint in the CLI scan', () => {
  it('JS: req.query.id passed to db.js findUser() is reported at the sink in db.js, the trace starting at the source in routes.js', async () => {
    const dir = project('cross-file-js');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [['js.sqli.string-query', 'src/db.js', 7]],
      'pool.query(sql, callback) in db.js',
    );
    const trace = found[0]!.trace!;
    assert.equal(trace[0]!.kind, 'source');
    assert.equal(trace[0]!.path, join(dir, 'src', 'routes.js'), 'the source is in the route file');
    assert.equal(trace[0]!.range.start.line, 6);
    assert.ok(trace.some((s) => s.path === join(dir, 'src', 'routes.js') && s.range.start.line === 7 && /^passed to/.test(s.message)), JSON.stringify(trace));
    const sink = trace.at(-1)!;
    assert.equal(sink.kind, 'sink');
    assert.equal(sink.path, undefined, 'the sink is in the finding\'s file');
    assert.deepEqual(sink.range, found[0]!.range);
    assert.ok(trace.some((s) => s.path === undefined && s.message === 'flows into sql'), JSON.stringify(trace));
  });

  it('JS: a module imported whole (require, import * as) has its functions followed as store.f(x), by the module it names', async () => {
    const dir = project('cross-file-js-module');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [['js.sqli.string-query', 'src/store.js', 6]],
      'findByName concatenates; findById binds; audit.findByName (same name, another module) runs no SQL',
    );
    // Called from api.mjs and from routes.js: one finding at the sink, the first caller by path in its trace.
    assert.equal(found[0]!.trace![0]!.path, join(dir, 'src', 'api.mjs'));
  });

  it('JS: a BullMQ processor imported from another module (`new Worker(queue, runArchive)`) takes its job as input there; a file without BullMQ registers nothing', async () => {
    const dir = scratchWorkspace('worker-by-import', {
      'package.json': '{"dependencies":{"bullmq":"^5.0.0"}}',
      'jobs/archive.js': "const fs = require('fs');\n\nasync function runArchive(job) {\n  fs.writeFileSync('/srv/archive/' + job.data.filename, job.data.body);\n}\n\nmodule.exports = { runArchive };\n",
      'jobs/audit.js': "const fs = require('fs');\n\nfunction audit(job) {\n  fs.appendFileSync('/srv/audit/' + job.data.file, 'seen');\n}\n\nmodule.exports = { audit };\n",
      'worker.js': "const { Worker } = require('bullmq');\nconst { runArchive } = require('./jobs/archive');\n\nnew Worker('archive', runArchive, { connection: {} });\n",
      'other.js': "const { audit } = require('./jobs/audit');\nconst { EventEmitter } = require('events');\n\nnew EventEmitter().on('audit', audit);\n",
    });
    const found = (await jsonFindings(dir)).filter((f) => !f.ruleId.includes('library-input'));
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['js.path-traversal.fs', 'jobs/archive.js', 3]]);
  });

  it('JS: a module that exports a function as itself (`module.exports = function f`, `= async (x) =>`, `= f`, `export default function`) is that function wherever it is imported, under any name; one that converts its input is quiet', async () => {
    const dir = scratchWorkspace('cross-file-module-function', {
      'jobs/webhook.js': "const got = require('got');\n\nmodule.exports = async function deliverWebhook(data) {\n  return got.post(data.endpoint, { json: data.body });\n};\n",
      'jobs/run.js': "const { exec } = require('child_process');\n\nmodule.exports = async (job) => {\n  exec('make ' + job.target);\n};\n",
      'jobs/open.js': "const fs = require('fs');\n\nfunction openReport(name) {\n  return fs.readFileSync('/srv/reports/' + name);\n}\n\nmodule.exports = openReport;\n",
      'jobs/count.mjs': "import { exec } from 'child_process';\n\nexport default function count(n) {\n  exec('seq ' + Number(n));\n}\n",
      'jobs/pack.mjs': "import { exec } from 'child_process';\n\nexport default function pack(dir) {\n  exec('tar czf out.tgz ' + dir);\n}\n",
      'api.mjs': "import express from 'express';\nimport send from './jobs/webhook.js';\nimport runJob from './jobs/run.js';\nimport readReport from './jobs/open.js';\nimport count from './jobs/count.mjs';\nimport pack from './jobs/pack.mjs';\n\nconst app = express();\napp.post('/hook', (req, res) => send(req.body).then(() => res.end()));\napp.post('/run', (req, res) => runJob(req.body).then(() => res.end()));\napp.get('/report', (req, res) => res.send(readReport(req.query.name)));\napp.get('/count', (req, res) => res.json(count(req.query.n)));\napp.get('/pack', (req, res) => res.json(pack(req.query.dir)));\n",
    });
    // The exported functions' own parameters are a library's input at audit strictness: not what is asked here.
    const found = (await jsonFindings(dir)).filter((f) => !f.ruleId.includes('library-input'));
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]).sort(), [
      ['js.cmdi.child-process', 'jobs/pack.mjs', 3],
      ['js.cmdi.child-process', 'jobs/run.js', 3],
      ['js.path-traversal.fs', 'jobs/open.js', 3],
      ['js.ssrf.http-client', 'jobs/webhook.js', 3],
    ]);
  });

  it('Python: a function another file calls with its request (`safe_next(request)`) is that view\'s helper, not a Django view: its defaulted parameter is no URL capture; a view\'s own capture still is', async () => {
    const dir = scratchWorkspace('cross-file-django-helper', {
      'crm/__init__.py': '',
      'crm/utils.py': 'from django.utils.http import url_has_allowed_host_and_scheme\n\n\ndef safe_next(request, fallback="/crm/"):\n    candidate = request.GET.get("next")\n    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={"crm.example.com"}):\n        return candidate\n    return fallback\n',
      'crm/views.py': 'from django.shortcuts import redirect\n\nfrom .utils import safe_next\n\n\ndef logout_view(request):\n    return redirect(safe_next(request))\n\n\ndef jump(request, target):\n    return redirect(target)\n',
    });
    const found = (await jsonFindings(dir)).filter((f) => f.ruleId.includes('redirect'));
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.open-redirect.redirect', 'crm/views.py', 10]]);
  });

  it('JS: a module that exports an instance (`module.exports = new NoteStore()`, `export default new …`, or by name: `export const notes = new …`) has its methods followed as notes.search(x)', async () => {
    const store = (exp: string): string =>
      `const { Pool } = require('pg');\nconst pool = new Pool();\n\nclass NoteStore {\n  async search(text) {\n    return pool.query(\`SELECT id FROM notes WHERE body LIKE '%\${text}%'\`);\n  }\n\n  async byId(id) {\n    return pool.query('SELECT * FROM notes WHERE id = $1', [id]);\n  }\n}\n\n${exp}\n`;
    const routes = (imp: string): string =>
      `const express = require('express');\n${imp}\nconst router = express.Router();\n\nrouter.get('/search', async (req, res) => {\n  res.json(await notes.search(req.query.q));\n});\nrouter.get('/one', async (req, res) => {\n  res.json(await notes.byId(req.query.id));\n});\n`;
    for (const [exp, imp, file] of [
      ['module.exports = new NoteStore();', "const notes = require('./store');", 'store.js'],
      ['export default new NoteStore();', "import notes from './store';", 'store.mjs'],
      // An instance exported by name.
      ['export const notes = new NoteStore();', "import { notes } from './store';", 'store.mjs'],
      ['exports.notes = new NoteStore();', "const { notes } = require('./store');", 'store.js'],
    ] as const) {
      const dir = scratchWorkspace('cross-file-module-instance', { [file]: store(exp), [file.replace('store', 'routes')]: routes(imp.replace('./store', `./${file.replace(/\.js$/, '')}`)) });
      const found = await jsonFindings(dir);
      assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['js.sqli.string-query', file, 5]], exp);
      assert.equal(found[0]!.trace![0]!.path, join(dir, file.replace('store', 'routes')), exp);
    }
  });

  it('JS: a rule that needs its library imported (ldapjs) applies in a handler file that calls a function of the file importing it', async () => {
    const dir = scratchWorkspace('cross-file-requires-import', {
      'directory.js': "const ldap = require('ldapjs');\n\nclass Directory {\n  constructor(url) {\n    this.client = ldap.createClient({ url });\n  }\n\n  findByName(name) {\n    const opts = { scope: 'sub', filter: `(cn=*${name}*)` };\n    return new Promise((resolve) => this.client.search('ou=people', opts, (err, res) => resolve(res)));\n  }\n}\n\nmodule.exports = Directory;\n",
      'routes.js': "const express = require('express');\nconst Directory = require('./directory');\n\nconst app = express();\nconst people = new Directory('ldap://ldap.internal');\napp.get('/people', async (req, res) => res.json(await people.findByName(req.query.name)));\napp.get('/notes', async (req, res) => res.json(await res.locals.index.search('notes', req.query.q)));\n",
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['js.ldapi.search-filter', 'directory.js', 9]], 'the rule\'s own patterns stay off in routes.js: index.search(name, q) is no LDAP search');
  });

  it('JS: a predicate of another file (`isLocalPath(next) ? next : \'/\'`) checks its argument where it is true, as one of the same file does', async () => {
    const dir = scratchWorkspace('cross-file-predicate', {
      'validate.js': "function isLocalPath(target) {\n  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.includes('\\\\');\n}\n\nfunction isShort(target) {\n  return String(target).length < 200;\n}\n\nmodule.exports = { isLocalPath, isShort };\n",
      'routes.js': "const express = require('express');\nconst { isLocalPath, isShort } = require('./validate');\n\nconst app = express();\napp.get('/continue', (req, res) => res.redirect(isLocalPath(req.query.next) ? req.query.next : '/'));\napp.get('/short', (req, res) => res.redirect(isShort(req.query.next) ? req.query.next : '/'));\n",
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['js.open-redirect.redirect', 'routes.js', 5]], 'isShort checks nothing a redirect needs');
  });

  it('JS: the SARIF result is in db.js, its codeFlow crossing from routes.js into db.js', async () => {
    const dir = project('cross-file-js');
    const r = await scan(dir, '--format', 'sarif');
    type Loc = { location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }; kinds?: string[] };
    const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; locations: Loc['location'][]; codeFlows?: { threadFlows: { locations: Loc[] }[] }[] }[] }[] };
    const results = sarif.runs[0]!.results;
    assert.equal(results.length, 1);
    assert.equal(results[0]!.ruleId, 'js.sqli.string-query');
    assert.equal(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'src/db.js');
    assert.equal(results[0]!.locations[0]!.physicalLocation.region.startLine, 8);
    const locations = results[0]!.codeFlows![0]!.threadFlows[0]!.locations;
    const uris = locations.map((l) => l.location.physicalLocation.artifactLocation.uri);
    assert.equal(uris[0], 'src/routes.js');
    assert.equal(uris.at(-1), 'src/db.js');
    assert.deepEqual(locations.at(-1)!.kinds, ['sink']);
    assert.equal(locations.at(-1)!.location.physicalLocation.region.startLine, 8);
  });

  it('JS negative: the helper coerces the id with parseInt, nothing is reported', async () => {
    assert.deepEqual(await jsonFindings(project('cross-file-js-safe')), []);
  });

  it('Python: request.args passed to `from .db import find_user` is reported with the sink in app/db.py', async () => {
    const dir = project('cross-file-py');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [['py.sqli.string-query', 'app/db.py', 7]],
      'cur.execute(...) in db.py',
    );
    const trace = found[0]!.trace!;
    assert.deepEqual([trace[0]!.kind, trace[0]!.path, trace[0]!.range.start.line], ['source', join(dir, 'app', 'views.py'), 9]);
    assert.deepEqual([trace.at(-1)!.kind, trace.at(-1)!.path], ['sink', undefined]);
  });

  it('Python: keyword arguments reach the imported function\'s parameter of that name (summaries carry the keywords)', async () => {
    const dir = project('cross-file-py-keywords');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [['py.sqli.string-query', 'app/db.py', 13]],
      'find_user(db=<input>, user_id="1") passes nothing to the SQL; find_by(name=<input>, db=conn) does, after a `*`',
    );
    assert.deepEqual([found[0]!.trace![0]!.path, found[0]!.trace![0]!.range.start.line], [join(dir, 'app', 'views.py'), 10]);
  });

  it('Python: a Gradio handler imported from another module (by name, or by `from m import *`) gets its input where it is registered, but not its `int` and `gr.Request` parameters', async () => {
    const dir = project('cross-file-py-gradio');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [['py.path-traversal.open', 'app/handlers.py', 8], ['py.path-traversal.open', 'app/history.py', 6]],
      'save.click(save_preset, ...) and history.select(load_history, ...); preview takes an int and a gr.Request, word_count has no sink, save_preset("default", "") is constant',
    );
    assert.deepEqual(found.map((f) => [f.trace![0]!.path, f.trace![0]!.range.start.line]), [[join(dir, 'app', 'ui.py'), 16], [join(dir, 'app', 'ui.py'), 19]], 'where each handler is registered');
  });

  it('Python: a Gradio handler written `module.f`, of a module the UI imports whole, gets its input where it is registered', async () => {
    const dir = scratchWorkspace('cross-file-gradio-module', {
      'tools.py': 'import sqlite3\n\n\ndef lookup(name):\n    conn = sqlite3.connect("x.db")\n    return conn.execute(f"SELECT id FROM t WHERE name = \'{name}\'").fetchall()\n\n\ndef count(n: int):\n    conn = sqlite3.connect("x.db")\n    return conn.execute(f"SELECT id FROM t LIMIT {n}").fetchall()\n',
      'app.py': 'import gradio as gr\n\nimport tools\n\nwith gr.Blocks() as demo:\n    name = gr.Textbox()\n    n = gr.Number(precision=0)\n    out = gr.Dataframe()\n    gr.Button("Find").click(fn=tools.lookup, inputs=name, outputs=out)\n    gr.Button("Count").click(tools.count, inputs=n, outputs=out)\n',
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.sqli.string-query', 'tools.py', 5]], 'tools.lookup gets the textbox; tools.count takes an int');
    assert.deepEqual([found[0]!.trace![0]!.path, found[0]!.trace![0]!.range.start.line], [join(dir, 'app.py'), 8], 'where it is registered');
  });

  it('Python: Gradio upload handlers of another module: a file value\'s `.name` is Gradio\'s cache path, its `.orig_name` the client\'s name', async () => {
    const dir = project('cross-file-py-gradio-files');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [['py.path-traversal.open', 'app/uploads.py', 20]],
      'keep_as_sent joins file_src.orig_name into the folder; on_file_uploaded and load_chat only open or move file.name',
    );
    assert.equal(found[0]!.trace![0]!.path, join(dir, 'app', 'ui.py'));
  });

  it('Python: a Celery task of another module queued with `task.delay(…)` gets the request data as the call would pass it', async () => {
    const dir = scratchWorkspace('cross-file-celery', {
      'tasks.py': 'import requests\nfrom celery import shared_task\n\n\n@shared_task\ndef mirror(url, tag):\n    return requests.get(url, timeout=5).status_code\n',
      'views.py': 'from flask import Flask, request\n\nfrom tasks import mirror\n\napp = Flask(__name__)\n\n\n@app.post("/mirror")\ndef queue_mirror():\n    mirror.delay(request.form["url"], "t")\n    mirror.delay("https://static.example.net/", request.form["tag"])\n    return "", 202\n',
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.ssrf.http-client', 'tasks.py', 6]], 'requests.get(url) in the task');
    // The tasks module imported whole: `tasks.mirror.delay(...)`.
    const whole = scratchWorkspace('cross-file-celery-module', {
      'tasks.py': 'import requests\nfrom celery import shared_task\n\n\n@shared_task\ndef mirror(url, tag):\n    return requests.get(url, timeout=5).status_code\n',
      'views.py': 'from flask import Flask, request\n\nimport tasks\n\napp = Flask(__name__)\n\n\n@app.post("/mirror")\ndef queue_mirror():\n    tasks.mirror.delay(request.form["url"], "t")\n    return "", 202\n',
    });
    assert.deepEqual((await jsonFindings(whole)).map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.ssrf.http-client', 'tasks.py', 6]], 'tasks.mirror.delay(url)');
    // A bound task (`bind=True`) takes the task first: `delay(job_id, callback)` fills its second and third parameters.
    const bound = scratchWorkspace('cross-file-celery-bound', {
      'tasks.py': 'import requests\nfrom celery import shared_task\n\n\n@shared_task(bind=True)\ndef finish(self, job_id, callback_url):\n    requests.post("https://jobs.example.net/done", data={"job": job_id})\n    return requests.post(callback_url, timeout=5).status_code\n',
      'views.py': 'from flask import Flask, request\n\nfrom tasks import finish\n\napp = Flask(__name__)\n\n\n@app.post("/jobs")\ndef queue_job():\n    finish.delay(7, request.form["callback"])\n    return "", 202\n',
    });
    assert.deepEqual((await jsonFindings(bound)).map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.ssrf.http-client', 'tasks.py', 7]], 'finish.delay(7, callback)');
    assert.deepEqual([found[0]!.trace![0]!.path, found[0]!.trace![0]!.range.start.line], [join(dir, 'views.py'), 9], 'the url the first delay() passes; the second passes a constant url');
  });

  it('Python: a FastAPI parameter typed with a dependency alias of another module (`CurrentUser = Annotated[User, Depends(…)]` in deps.py) is injected, not input; a plain parameter still is', async () => {
    const dir = scratchWorkspace('cross-file-py-dep-alias', {
      'app/__init__.py': '',
      'app/deps.py': 'from typing import Annotated\n\nfrom fastapi import Depends\n\nfrom .models import User\n\n\ndef get_current_user() -> User:\n    return User()\n\n\nCurrentUser = Annotated[User, Depends(get_current_user)]\n',
      'app/models.py': 'class User:\n    email = "a@example.com"\n',
      'app/routes.py': 'import subprocess\n\nfrom fastapi import APIRouter\n\nfrom .deps import CurrentUser\n\nrouter = APIRouter()\n\n\n@router.post("/export")\ndef export(current_user: CurrentUser, fmt: str):\n    subprocess.run(f"export-user {current_user.email}", shell=True)\n    subprocess.run(f"export-user --format {fmt}", shell=True)\n',
    });
    const found = (await jsonFindings(dir)).filter((f) => !f.ruleId.includes('library-input'));
    assert.deepEqual(found.map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.cmdi.subprocess-shell', 'app/routes.py', 12]]);
  });

  it('Python: a module-level instance another module imports by name (`posts = PostService()`; `from .services import posts`, or `services.posts`) has its methods followed', async () => {
    const dir = scratchWorkspace('cross-file-py-instance', {
      'blog/__init__.py': '',
      'blog/services.py': 'from django.db import connection\n\n\nclass PostService:\n    def by_slug(self, slug):\n        with connection.cursor() as cur:\n            cur.execute("SELECT * FROM posts WHERE slug = \'%s\'" % slug)\n            return cur.fetchall()\n\n    def by_id(self, post_id):\n        with connection.cursor() as cur:\n            cur.execute("SELECT * FROM posts WHERE id = %s", [post_id])\n            return cur.fetchall()\n\n\nclass Other:\n    def by_slug(self, slug):\n        return slug\n\n\nposts = PostService()\nshadowed = PostService()\nshadowed = Other()\n',
      'blog/views.py': 'from django.http import JsonResponse\n\nfrom . import services\nfrom .services import posts, shadowed\n\n\ndef detail(request):\n    return JsonResponse({"rows": posts.by_slug(request.GET["slug"])})\n\n\ndef by_id(request):\n    return JsonResponse({"rows": posts.by_id(request.GET["id"])})\n\n\ndef whole(request):\n    return JsonResponse({"rows": services.posts.by_slug(request.POST["slug"])})\n\n\ndef other(request):\n    return JsonResponse({"rows": shadowed.by_slug(request.GET["slug"])})\n',
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line, (f as { properties?: { calledFrom?: string } }).properties?.calledFrom]),
      [['py.sqli.string-query', 'blog/services.py', 6, 'blog/views.py:8, blog/views.py:16']],
      'by_slug from detail() and whole(); by_id binds its parameter; shadowed is bound twice, so its class is not known',
    );
  });

  it('a request passed whole to another file\'s function (`parseBody(event)`, `svc.route(req)` into `route(r)`): what it reads of it is input, returned or at a sink there (listing the calling files)', async () => {
    const dir = scratchWorkspace('cross-file-request-arg', {
      'util.js': "function parseBody(event) {\n  return JSON.parse(event.body || '{}');\n}\nfunction stage(event) {\n  return event.stageVariables.name;\n}\nmodule.exports = { parseBody, stage };\n",
      'svc.js': "const { exec } = require('child_process');\nconst fs = require('fs');\n\nfunction runReport(event) {\n  const name = event.queryStringParameters.name;\n  exec('report ' + name);\n}\n\nfunction route(r) {\n  return fs.readFileSync('/data/' + r.params.file);\n}\n\nfunction unused(r) {\n  return fs.readFileSync('/data/' + r.params.file);\n}\n\nmodule.exports = { runReport, route, unused };\n",
      'handler.js': "const { exec } = require('child_process');\nconst { parseBody, stage } = require('./util');\nconst { runReport } = require('./svc');\n\nexports.handler = async (event) => {\n  const body = parseBody(event);\n  exec('convert ' + body.file);\n  exec('echo ' + stage(event));\n  runReport(event);\n  return { statusCode: 200 };\n};\n",
      'app.js': "const express = require('express');\nconst svc = require('./svc');\nconst app = express();\napp.get('/f/:file', (req, res) => res.send(svc.route(req)));\n",
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line, (f as { properties?: { calledFrom?: string } }).properties?.calledFrom]),
      [
        ['js.cmdi.child-process', 'handler.js', 6, undefined],
        ['js.cmdi.child-process', 'svc.js', 5, 'handler.js'],
        ['js.path-traversal.fs', 'svc.js', 9, 'app.js'],
      ],
      'body.file from parseBody(event); not the stage variable (set by the deployment, not the caller); the sinks in svc.js for the calls that pass a request, not unused()',
    );
    assert.deepEqual([found[0]!.trace![0]!.path, found[0]!.trace![0]!.range.start.line], [join(dir, 'util.js'), 1], 'event.body is read in util.js');
    const py = scratchWorkspace('cross-file-request-arg-py', {
      'app/__init__.py': '',
      'app/util.py': 'import json\nimport subprocess\n\n\ndef parse_body(event):\n    return json.loads(event.get("body") or "{}")\n\n\ndef run(event):\n    subprocess.run("ls " + event["queryStringParameters"]["d"], shell=True)\n',
      'app/handler.py': 'import subprocess\nfrom . import util\nfrom .util import parse_body\n\n\ndef lambda_handler(event, context):\n    body = parse_body(event)\n    subprocess.run("convert " + body["file"], shell=True)\n    util.run(event)\n    return {"statusCode": 200}\n',
    });
    assert.deepEqual(
      (await jsonFindings(py)).map((f) => [f.ruleId, f.path, f.range.start.line]),
      [
        ['py.cmdi.subprocess-shell', 'app/handler.py', 7],
        ['py.cmdi.subprocess-shell', 'app/util.py', 9],
      ],
      'from .util import parse_body, and util.run(event) through the module',
    );
  });

  it('JS/TS: an import through a path alias (SvelteKit `$lib/…`, `~/…`, `@/…`, AdonisJS `App/…` and `#services/…`) is followed to the file it names, from the importing file\'s folder outwards; a package or a missing file is not', async () => {
    const db = "import pg from 'pg';\nconst pool = new pg.Pool();\nexport function byBrand(brand: string) {\n  return pool.query(`SELECT * FROM items WHERE brand = '${brand}'`);\n}\n";
    const dir = scratchWorkspace('cross-file-path-alias', {
      'shop/src/lib/server/db.ts': db,
      'shop/src/routes/search/+server.ts': "import { byBrand } from '$lib/server/db';\nexport async function GET({ url }) {\n  return new Response(JSON.stringify(await byBrand(url.searchParams.get('brand') ?? '')));\n}\n",
      'blog/app/models/post.server.ts': db,
      'blog/app/routes/search.tsx': "import { byBrand } from '~/models/post.server';\nimport { byBrand as other } from '~/models/missing';\nexport async function loader({ request }) {\n  const q = new URL(request.url).searchParams.get('q') ?? '';\n  other(q);\n  return byBrand(q);\n}\n",
      'web/src/lib/db.ts': db,
      'web/src/app/api/route.ts': "import { byBrand } from '@/lib/db';\nexport async function GET(request: Request) {\n  return Response.json(await byBrand(new URL(request.url).searchParams.get('b') ?? ''));\n}\n",
      'adonis5/app/Services/Search.ts': db,
      'adonis5/app/Controllers/Http/PostsController.ts': "import type { HttpContextContract } from '@ioc:Adonis/Core/HttpContext';\nimport { byBrand } from 'App/Services/Search';\nexport default class PostsController {\n  public async index({ request }: HttpContextContract) {\n    return byBrand(request.input('b'));\n  }\n}\n",
      'adonis6/app/services/search.ts': db,
      'adonis6/app/controllers/posts_controller.ts': "import type { HttpContext } from '@adonisjs/core/http';\nimport { byBrand } from '#services/search';\nexport default class PostsController {\n  async index({ request }: HttpContext) {\n    return byBrand(request.input('b'));\n  }\n}\n",
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [
        ['js.sqli.string-query', 'adonis5/app/Services/Search.ts', 3],
        ['js.sqli.string-query', 'adonis6/app/services/search.ts', 3],
        ['js.sqli.string-query', 'blog/app/models/post.server.ts', 3],
        ['js.sqli.string-query', 'shop/src/lib/server/db.ts', 3],
        ['js.sqli.string-query', 'web/src/lib/db.ts', 3],
      ],
      '$lib is src/lib; ~ is the Remix app/ folder here, @ the Next.js src/ folder; AdonisJS App/ and #services are under app/',
    );
  });

  it('TS: an ECMAScript-module import naming the emitted file (`./db.js`, `./q.mjs`) is followed to its source (`db.ts`, `q.mts`); a `.js` file that exists is taken first', async () => {
    const db = (table: string): string => `import pg from 'pg';\nconst pool = new pg.Pool();\nexport function byBrand(brand: string) {\n  return pool.query(\`SELECT * FROM ${table} WHERE brand = '\${brand}'\`);\n}\n`;
    const dir = scratchWorkspace('cross-file-ts-esm', {
      'src/services/db.ts': db('items'),
      'src/services/q.mts': db('queued'),
      'src/legacy/db.ts': db('legacy_ts'),
      'src/legacy/db.js': "export function byBrand(brand) {\n  return [brand];\n}\n",
      'src/server.ts': "import express from 'express';\nimport { byBrand } from './services/db.js';\nimport { byBrand as queued } from './services/q.mjs';\nimport { byBrand as legacy } from './legacy/db.js';\nconst app = express();\napp.get('/b', (req, res) => {\n  res.json([byBrand(req.query.b), queued(req.query.b), legacy(req.query.b)]);\n});\n",
    });
    assert.deepEqual(
      (await jsonFindings(dir)).map((f) => [f.ruleId, f.path, f.range.start.line]),
      [
        ['js.sqli.string-query', 'src/services/db.ts', 3],
        ['js.sqli.string-query', 'src/services/q.mts', 3],
      ],
    );
  });

  it('Python: a module-level instance named like the module its class comes from (`from .store import NoteStore`; `store = NoteStore()`) has its methods followed', async () => {
    const dir = scratchWorkspace('cross-file-py-instance-module-name', {
      'notes/__init__.py': '',
      'notes/store.py': 'import sqlite3\n\n\nclass NoteStore:\n    def search(self, q):\n        db = sqlite3.connect("x.db")\n        return db.execute(f"SELECT id FROM notes WHERE title LIKE \'%{q}%\'").fetchall()\n',
      'notes/routes.py': 'from flask import Blueprint, jsonify, request\n\nfrom .store import NoteStore\n\nbp = Blueprint("notes", __name__)\nstore = NoteStore()\n\n\n@bp.get("/")\ndef find():\n    return jsonify(store.search(request.args.get("q", "")))\n',
    });
    assert.deepEqual((await jsonFindings(dir)).map((f) => [f.ruleId, f.path, f.range.start.line]), [['py.sqli.string-query', 'notes/store.py', 6]], 'the import names the module store, which it does not bind');
  });

  it('Python: a Django view\'s URL parameter that every route of the URLconf converts (`<int:pk>`, `<slug:s>`, a digits-only re_path group) is no text; `<str:>`, `<path:>` and a parameter any route leaves text still are', async () => {
    const view = (name: string, param: string): string => `def ${name}(request, ${param}):\n    with connection.cursor() as cur:\n        cur.execute(f"SELECT * FROM books WHERE k = '{${param}}'")\n    return HttpResponse("ok")\n\n\n`;
    const dir = scratchWorkspace('cross-file-django-converters', {
      'library/__init__.py': '',
      'library/views.py':
        'from django.db import connection\nfrom django.http import HttpResponse\nfrom django.views import View\n\n\n' +
        view('by_id', 'pk') + view('by_slug', 'slug') + view('by_name', 'name') + view('by_path', 'sub') + view('by_re', 'year') + view('twice', 'pk') + view('unrouted', 'pk') +
        'class ReportView(View):\n    def get(self, request, pk):\n        with connection.cursor() as cur:\n            cur.execute(f"SELECT * FROM reports WHERE id = {pk}")\n        return HttpResponse("ok")\n',
      'library/urls.py':
        'from django.urls import path, re_path\n\nfrom . import views\nfrom .views import by_slug\n\nurlpatterns = [\n' +
        '    path("b/<int:pk>/", views.by_id),\n    path("s/<slug:slug>/", by_slug),\n    path("a/<str:name>/", views.by_name),\n    path("f/<path:sub>", views.by_path),\n' +
        '    re_path(r"^y/(?P<year>[0-9]{4})/$", views.by_re),\n    path("t/<int:pk>/", views.twice),\n    path("t/<pk>/", views.twice),\n    path("r/<int:pk>/", views.ReportView.as_view()),\n]\n',
    });
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      [
        ['py.sqli.string-query', 'library/views.py', 19],
        ['py.sqli.string-query', 'library/views.py', 25],
        ['py.sqli.string-query', 'library/views.py', 37],
        ['py.sqli.string-query', 'library/views.py', 43],
      ],
      'by_name (str), by_path (path), twice (one route leaves pk text) and unrouted (no route seen) still report',
    );
  });

  it('Python: a typed field of a form or serializer class declared in another file (`IntegerField`, `ChoiceField`, an anchored `RegexField`) is no text, read from a bound form, a generic view\'s `form_valid` or a module imported whole; a `CharField` still is', async () => {
    const dir = scratchWorkspace('cross-file-typed-form-fields', {
      'library/__init__.py': '',
      'library/forms.py':
        'from django import forms\nfrom rest_framework import serializers\n\n\nclass FilterForm(forms.Form):\n    year = forms.IntegerField(required=False)\n' +
        '    genre = forms.ChoiceField(choices=[("a", "A")])\n    order = forms.RegexField(r"^-?(title|year)$")\n    keyword = forms.CharField()\n\n\n' +
        'class QuerySerializer(serializers.Serializer):\n    depot = serializers.UUIDField()\n    note = serializers.CharField()\n',
      'library/services.py':
        'from django.db import connection\n\n\ndef books(year=None, genre=None, order=None, keyword=None):\n    with connection.cursor() as cur:\n' +
        '        cur.execute(f"SELECT id FROM b WHERE year = {year} AND genre = \'{genre}\' ORDER BY {order}")\n' +
        '        cur.execute(f"SELECT id FROM b WHERE title LIKE \'%{keyword}%\'")\n\n\n' +
        'def stock(depot, note):\n    with connection.cursor() as cur:\n        cur.execute(f"SELECT * FROM s WHERE depot = \'{depot}\'")\n        cur.execute(f"SELECT * FROM s WHERE note = \'{note}\'")\n',
      'library/views.py':
        'from django.http import HttpResponse\nfrom django.views.generic import FormView\nfrom rest_framework.views import APIView\n\n' +
        'from . import forms, services\nfrom .forms import FilterForm\n\n\n' +
        'def search(request):\n    form = FilterForm(request.GET)\n    form.is_valid()\n    data = form.cleaned_data\n' +
        '    services.books(year=data.get("year"), genre=data["genre"], order=data["order"])\n    return HttpResponse("ok")\n\n\n' +
        'def text(request):\n    form = FilterForm(request.GET)\n    form.is_valid()\n    services.books(keyword=form.cleaned_data["keyword"])\n    return HttpResponse("ok")\n\n\n' +
        'class FilterView(FormView):\n    form_class = FilterForm\n\n    def form_valid(self, form):\n        services.books(year=form.cleaned_data["year"])\n        return HttpResponse("ok")\n\n\n' +
        'class StockView(APIView):\n    def get(self, request):\n        ser = forms.QuerySerializer(data=request.query_params)\n        ser.is_valid(raise_exception=True)\n' +
        '        services.stock(ser.validated_data["depot"], "")\n        services.stock("", ser.validated_data["note"])\n        return HttpResponse("ok")\n',
    });
    assert.deepEqual(
      (await jsonFindings(dir)).map((f) => [f.ruleId, f.path, f.range.start.line]),
      [
        ['py.sqli.string-query', 'library/services.py', 6],
        ['py.sqli.string-query', 'library/services.py', 12],
      ],
      'only the CharFields keyword and note reach their queries',
    );
  });

  it('Python negative: the helper converts with int(), nothing is reported', async () => {
    assert.deepEqual(await jsonFindings(project('cross-file-py-safe')), []);
  });

  it('Python: an absolute import of the project\'s own module (`from shop.services.tools import f`, package under src/) and a module imported whole (`from shop.services import tools`; `tools.f(x)`) are followed; a vendored copy elsewhere is not the one taken', async () => {
    const dir = project('cross-file-py-absolute');
    const found = await jsonFindings(dir);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.range.start.line]),
      // tool_version(path) itself builds `path + " --version"` into a shell command: a public function of the
      // package, which the library-input rule reports where it is built (quoted_version quotes it); the views'
      // input reaches that sink too, one finding for its three calls.
      [['py.cmdi.library-input-shell', 'src/shop/services/tools.py', 5], ['py.cmdi.subprocess-shell', 'src/shop/services/tools.py', 5]],
      'tool_version, imported by name, then as a function of the module imported whole (absolute and relative): quoted_version quotes with shlex.quote, and os.path is no workspace module',
    );
    assert.deepEqual([found[1]!.trace![0]!.path, found[1]!.trace![0]!.range.start.line], [join(dir, 'src', 'shop', 'views.py'), 13], 'the first of the three calls');
  });

  it('pythonModuleFile: the module\'s folders must end the path; the nearest of several wins, equals give none', () => {
    const own = '/w/src/shop/services/tools';
    const vendored = '/w/vendor/shop/services/tools';
    assert.equal(pythonModuleFile('/w/src/shop/views.py', 'shop.services.tools', [vendored, own]), own);
    assert.equal(pythonModuleFile('/w/vendor/x.py', 'shop.services.tools', [vendored, own]), vendored);
    assert.equal(pythonModuleFile('/w/src/shop/views.py', 'other.tools', [own]), undefined, 'other/ is not shop/services/');
    assert.equal(pythonModuleFile('/w/main.py', 'shop.services.tools', ['/w/a/shop/services/tools', '/w/b/shop/services/tools']), undefined);
  });
});

describe('cross-file passes in the scan pool', () => {
  it('without pass 1 the finding is not there; with it, pass 1 reports what it summarised', async () => {
    const dir = project('cross-file-js');
    const off = await scanFiles(files(dir), DEFAULT_SETTINGS, { jobs: 2, crossFile: false });
    assert.deepEqual(off.results.flatMap((r) => r.findings), [], 'single-file analysis cannot see into db.js');
    assert.equal(off.crossFile, undefined);
    const on = await scanFiles(files(dir), DEFAULT_SETTINGS, { jobs: 2 });
    assert.deepEqual(on.results.flatMap((r) => r.findings.map((f) => f.ruleId)), ['js.sqli.string-query']);
    assert.equal(on.crossFile?.files, 1, 'only db.js is imported by another file, so only it is summarised');
    assert.equal(on.crossFile?.exports, 1, 'findUser');
  });

  it('a worker crashing or throwing while summarising: the crashing file is listed as failed once, the rest still gets the cross-file finding', async () => {
    const dir = project('cross-file-js');
    writeFileSync(join(dir, 'src', 'crash.js'), 'module.exports = function f(x) { return x; }; // CRASH_IN_SUMMARY\n');
    writeFileSync(join(dir, 'src', 'throws.js'), 'module.exports = function g(x) { return x; }; // THROW_IN_SUMMARY\n');
    writeFileSync(join(dir, 'src', 'uses.js'), "require('./crash');\nrequire('./throws');\n");
    const streamed: string[] = [];
    const run = await scanFiles(files(dir), DEFAULT_SETTINGS, {
      jobs: 2,
      analyzerModule: FAULTS,
      onResult: (r) => streamed.push(r.file.relPath),
      onFailed: (f) => streamed.push(`failed:${f.path}`),
    });
    assert.deepEqual(run.failed.map((f) => f.path), [join(dir, 'src', 'crash.js')]);
    assert.match(run.failed[0]!.message, /while summarising exports/);
    assert.deepEqual(run.results.map((r) => r.file.relPath).sort(), ['src/db.js', 'src/routes.js', 'src/throws.js', 'src/uses.js'], 'a throwing summary only loses that summary');
    assert.deepEqual(run.results.flatMap((r) => r.findings.map((f) => `${r.file.relPath}:${f.ruleId}`)), ['src/db.js:js.sqli.string-query']);
    const noticed = run.results.flatMap((r) => r.notices.filter((n) => n.reason === 'analyzer-error').map((n) => [r.file.relPath, n.message] as const));
    assert.equal(noticed.length, 1, 'the lost summary is told once, with the file it belongs to');
    assert.equal(noticed[0]![0], 'src/throws.js');
    assert.match(noticed[0]![1], /cross-file summary of this file failed/);
    assert.equal(streamed.length, 5, 'every file reported exactly once');
  });

  it('a worker hanging while summarising is replaced after the timeout and its file is not retried in pass 2', async () => {
    const dir = project('cross-file-js');
    writeFileSync(join(dir, 'src', 'hang.js'), 'module.exports = function f(x) { return x; }; // HANG_IN_SUMMARY\n');
    writeFileSync(join(dir, 'src', 'uses.js'), "require('./hang');\n");
    const run = await scanFiles(files(dir), DEFAULT_SETTINGS, { jobs: 2, analyzerModule: FAULTS, fileTimeoutMs: 4000 });
    assert.deepEqual(run.failed.map((f) => f.path), [join(dir, 'src', 'hang.js')]);
    assert.match(run.failed[0]!.message, /timed out after 4 s \(while summarising exports\)/);
    assert.deepEqual(run.results.flatMap((r) => r.findings.map((f) => f.ruleId)), ['js.sqli.string-query']);
  });

  it('a worker hanging in pass 0 (where flows start) is replaced after the timeout; its file is listed once, not scanned again, and pass 1 summarises every rule for what it imports', async () => {
    const dir = project('cross-file-js');
    writeFileSync(join(dir, 'src', 'uses.js'), "require('./db'); // HANG_IN_STARTS\n");
    const run = await scanFiles(files(dir), DEFAULT_SETTINGS, { jobs: 2, analyzerModule: FAULTS, fileTimeoutMs: 4000 });
    assert.deepEqual(run.failed.map((f) => f.path), [join(dir, 'src', 'uses.js')]);
    assert.match(run.failed[0]!.message, /timed out after 4 s \(while finding where taint flows start\)/);
    assert.deepEqual(run.results.map((r) => r.file.relPath).sort(), ['src/db.js', 'src/routes.js']);
    assert.deepEqual(run.results.flatMap((r) => r.findings.map((f) => f.ruleId)), ['js.sqli.string-query']);
  });

  it('cancelling during pass 1 stops the scan (a hung summary could not end it before the worker timeout)', async () => {
    const dir = project('cross-file-js');
    writeFileSync(join(dir, 'src', 'hang.js'), 'module.exports = function f(x) { return x; }; // HANG_IN_SUMMARY\n');
    writeFileSync(join(dir, 'src', 'uses.js'), "require('./hang');\n");
    const controller = new AbortController();
    const running = scanFiles(files(dir), DEFAULT_SETTINGS, { jobs: 1, analyzerModule: FAULTS, signal: controller.signal });
    // hang.js never finishes its summary, so pass 1 cannot end before the (default, 5 min) timeout: only the
    // cancel can end this run, and the test's own timeout is the hang guard.
    setTimeout(() => controller.abort(), 6000);
    const run = await running;
    assert.equal(run.cancelled, true);
    assert.deepEqual(run.results, [], 'still in pass 1');
  });
});

describe('cross-file taint in the LSP workspace scan', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = project('cross-file-js');
    gitInit(dir);
    client = new LspClient(join(REPO, 'server', 'src', 'lsp', 'server.ts'), ['--import', 'tsx']);
    await client.initialize(dir);
    await client.waitForReady();
  });

  after(async () => {
    await client.shutdown();
  });

  it('vigil/scanWorkspace publishes the cross-file finding on db.js, at the sink, with the routes.js steps as related information, and never on routes.js', async () => {
    const summary = await client.request<{ findings: number; byRule: Record<string, number>; filesFailed: string[] }>('vigil/scanWorkspace', {}, 120_000);
    assert.deepEqual(summary.filesFailed, []);
    assert.deepEqual(summary.byRule, { 'js.sqli.string-query': 1 });
    const db = pathToFileURL(join(dir, 'src', 'db.js')).toString();
    const published = await client.waitForDiagnostics((p) => p.uri === db && p.diagnostics.length > 0);
    assert.equal(published.diagnostics[0]!.code, 'js.sqli.string-query');
    assert.equal(published.diagnostics[0]!.range.start.line, 7);
    const routes = pathToFileURL(join(dir, 'src', 'routes.js')).toString();
    assert.ok(
      published.diagnostics[0]!.relatedInformation?.some((r) => r.location.uri === routes),
      JSON.stringify(published.diagnostics[0]!.relatedInformation),
    );
    const onRoutes = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === routes);
    assert.ok(onRoutes.every((n) => (n.params as PublishDiagnosticsParams).diagnostics.length === 0), 'held back from routes.js, not shown there first');
  });

  it('opening db.js keeps the scan\'s finding in its live results, where its code moves; a vigil-ignore hides it, changing the sink\'s code drops it', async () => {
    const db = pathToFileURL(join(dir, 'src', 'db.js')).toString();
    const text = readFileSync(join(dir, 'src', 'db.js'), 'utf8');
    const sqli = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'js.sqli.string-query');
    const at = async (version: number) => client.waitForDiagnostics((p) => p.uri === db && p.version === version);
    client.open(db, 'javascript', text, 1);
    assert.deepEqual(sqli(await at(1)).map((d) => d.range.start.line), [7], 'the live analysis alone sees no input in db.js');
    client.change(db, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// two lines\n// above it\n' }]);
    const moved = sqli(await at(2));
    assert.deepEqual(moved.map((d) => d.range.start.line), [9]);
    const routes = pathToFileURL(join(dir, 'src', 'routes.js')).toString();
    assert.ok(moved[0]!.relatedInformation?.some((r) => r.location.uri === routes));
    client.change(db, 3, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '  // vigil-ignore js.sqli.string-query -- ids are checked upstream\n' }]);
    const suppressed = await at(3);
    assert.deepEqual(suppressed.diagnostics.map((d) => d.code), [], 'hidden, and the suppression is not called unused');
    client.change(db, 4, [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, text: '' }]);
    assert.deepEqual(sqli(await at(4)).map((d) => d.range.start.line), [9], 'back once the comment is gone');
    client.change(db, 5, [{ range: { start: { line: 9, character: 2 }, end: { line: 9, character: 34 } }, text: 'return pool.query(\'SELECT * FROM users WHERE id = ?\', [id], callback);' }]);
    assert.deepEqual(sqli(await at(5)), [], 'the sink\'s code changed: the scan\'s finding no longer applies');
  });
});
