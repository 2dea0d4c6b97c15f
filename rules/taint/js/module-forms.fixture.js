// Every way code reaches a module's function. The rules name each sink once (`child_process.exec`,
// `fs.readFile`, `vm.runInNewContext`); the engine resolves each form below to that name.
import express from 'express';
import cpDefault from 'child_process';
import * as cpNs from 'node:child_process';
import { exec as run, execSync as runSync } from 'child_process';
import fsDefault, { promises as fsp } from 'fs';
import { readFile as rf } from 'node:fs/promises';
import * as vmNs from 'node:vm';
import path from 'path';

const util = require('util');
const { promisify } = require('node:util');
const { spawn: launch } = require('child_process');
const cpReq = require('node:child_process');
const fsPromises = require('fs/promises');
const fsPromises2 = require('fs').promises;
const execAlias = cpReq.exec;
const execAsync = util.promisify(cpReq.exec);
const execAsync2 = promisify(run);
const readAsync = promisify(fsDefault.readFile);
const { execSync: aliasSync } = cpReq;
const ROOT = '/srv/data';

const app = express();

app.get('/inline-require', (req, res) => {
  // ruleid: js.cmdi.child-process
  require('child_process').exec('ls ' + req.query.d);
  // ruleid: js.path-traversal.fs
  require('fs').readFile(req.query.p, () => {});
  // ruleid: js.cmdi.child-process
  require('node:child_process').execSync(`git show ${req.query.rev}`);
  // ruleid: js.path-traversal.fs
  require('fs').promises.readFile(req.query.p);
  // ruleid: js.path-traversal.fs
  require('fs/promises').unlink(req.query.p);
  // ruleid: js.code-injection.eval
  require('vm').runInNewContext(req.body.code);
  res.end();
});

app.get('/imports', async (req, res) => {
  const d = req.query.d;
  // ruleid: js.cmdi.child-process
  cpDefault.exec('ls ' + d);
  // ruleid: js.cmdi.child-process
  cpNs.execSync('ls ' + d);
  // ruleid: js.cmdi.child-process
  run('ls ' + d);
  // ruleid: js.cmdi.child-process
  runSync('ls ' + d);
  // ruleid: js.cmdi.child-process
  launch('ls ' + d, { shell: true });
  // ruleid: js.cmdi.child-process
  cpReq.exec('ls ' + d);
  // ruleid: js.cmdi.child-process
  execAlias('ls ' + d);
  // ruleid: js.cmdi.child-process
  aliasSync('ls ' + d);
  // ruleid: js.cmdi.child-process
  await execAsync('ls ' + d);
  // ruleid: js.cmdi.child-process
  await execAsync2('ls ' + d);
  // ruleid: js.cmdi.child-process
  await util.promisify(cpReq.exec)('ls ' + d);
  // ruleid: js.cmdi.child-process
  (await import('child_process')).exec('ls ' + d);
  const { exec: dyn } = await import('node:child_process');
  // ruleid: js.cmdi.child-process
  dyn('ls ' + d);
  res.end();
});

app.get('/fs-forms', async (req, res) => {
  const p = req.query.p;
  // ruleid: js.path-traversal.fs
  fsDefault.readFileSync(p);
  // ruleid: js.path-traversal.fs
  await fsp.readFile(p);
  // ruleid: js.path-traversal.fs
  await rf(p);
  // ruleid: js.path-traversal.fs
  await fsPromises.readFile(p);
  // ruleid: js.path-traversal.fs
  await fsPromises2.writeFile(p, 'x');
  // ruleid: js.path-traversal.fs
  await readAsync(p);
  // ruleid: js.code-injection.eval
  vmNs.runInThisContext(req.body.code);
  res.end();
});

// ---- negatives: same forms, safe arguments or not the module ----
app.get('/forms-ok', async (req, res) => {
  const d = req.query.d;
  // An argument array, no shell.
  // ok: js.cmdi.child-process
  require('child_process').execFile('ls', [d]);
  // ok: js.cmdi.child-process
  cpNs.spawn('ls', [d]);
  // ok: js.cmdi.child-process
  run('uptime');
  // ok: js.cmdi.child-process
  await execAsync('ls ' + parseInt(d, 10));
  // ok: js.cmdi.child-process
  execAlias('ls -la', { cwd: ROOT });
  // A local module that happens to be called child_process.
  // ok: js.cmdi.child-process
  require('./child_process').exec('ls ' + d);
  // A module chosen at run time is not known to be child_process.
  // ok: js.cmdi.child-process
  require(process.env.RUNNER).exec('ls ' + d);
  // A local object with an exec method.
  const runner = { exec: (q) => q };
  // ok: js.cmdi.child-process
  runner.exec('ls ' + d);
  // ok: js.cmdi.child-process
  promisify(setTimeout)(100, 'ls ' + d);
  // ok: js.path-traversal.fs
  require('fs').readFileSync('/etc/app/config.json');
  // ok: js.path-traversal.fs
  await fsp.readFile(path.join(ROOT, path.basename(req.query.p)));
  // ok: js.path-traversal.fs
  await rf(path.join(ROOT, 'index.html'));
  // ok: js.path-traversal.fs
  await readAsync(path.join(ROOT, path.basename(req.query.p)));
  // ok: js.code-injection.eval
  require('vm').runInNewContext('1 + 1');
  // ok: js.code-injection.eval
  vmNs.runInThisContext(JSON.stringify(Number(req.query.n)));
  res.end();
});
