// TypeScript's own module forms resolve like the JavaScript ones.
import express = require('express');
import cp = require('child_process');
import fsp = require('node:fs/promises');
import * as vm from 'node:vm';

const app = express();

app.get('/ts-forms', async (req, res) => {
  const d = String(req.query.d);
  // ruleid: js.cmdi.child-process
  cp.exec('ls ' + d);
  // ruleid: js.path-traversal.fs
  await fsp.readFile(d);
  // ruleid: js.code-injection.eval
  vm.runInNewContext(d);
  // ok: js.cmdi.child-process
  cp.execFile('ls', [d]);
  // ok: js.path-traversal.fs
  await fsp.readFile('/srv/static/index.html');
  res.end();
});
