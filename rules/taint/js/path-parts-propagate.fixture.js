// A path's parts are the input's text: basename strips folders, not shell or SQL syntax.
const express = require('express');
const path = require('path');
const { exec } = require('child_process');
const execa = require('execa');

const app = express();
const UPLOAD_ROOT = '/srv/uploads';

app.post('/convert', async (req, res) => {
  const src = path.join(UPLOAD_ROOT, path.basename(req.body.filename));
  // ruleid: js.cmdi.child-process
  await execa(`zip -j ${src}.zip ${src}.webp`, { shell: true });
  // ruleid: js.cmdi.child-process
  exec('file ' + path.extname(req.body.filename));
  // basename keeps the name under the root: no traversal.
  // ok: js.path-traversal.fs
  res.sendFile(src);
});

app.post('/convert-safe', async (req, res) => {
  const src = path.join(UPLOAD_ROOT, path.basename(req.body.filename));
  // ok: js.cmdi.child-process
  // The words start with the root's path, never a dash (a path joined under a root that is not input).
  // ok: js.cmdi.argument-injection
  await execa('zip', ['-j', `${src}.zip`, `${src}.webp`]);
  res.sendStatus(204);
});
