const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const ROOT = path.join(__dirname, 'public');

app.get('/file', (req, res) => {
  // ruleid: js.path-traversal.fs
  const data = fs.readFileSync(path.join(ROOT, req.query.name), 'utf8');
  res.send(escape(data));
});

app.get('/download', (req, res) => {
  // ruleid: js.path-traversal.fs
  res.download(path.join(__dirname, 'uploads', req.params.file));
});

app.delete('/upload/:name', async (req, res) => {
  const target = '/var/app/uploads/' + req.params.name;
  // ruleid: js.path-traversal.fs
  await fs.promises.unlink(target);
  res.end();
});

// ---- negatives ----
app.get('/n1', (req, res) => {
  // basename strips directories.
  // ok: js.path-traversal.fs
  fs.readFile(path.join(ROOT, path.basename(req.query.name)), () => {});
  const full = path.resolve(ROOT, req.query.name);
  if (!full.startsWith(ROOT + path.sep)) {
    throw new Error('bad path');
  }
  // ok: js.path-traversal.fs
  fs.createReadStream(full).pipe(res);
  // sendFile with a root option confines the path.
  // ok: js.path-traversal.fs
  res.sendFile(req.query.name, { root: ROOT });
  // ok: js.path-traversal.fs
  fs.readFileSync(path.join(ROOT, 'index.html'));
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.path-traversal.fs
  fs.readFileSync('/srv/' + req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.path-traversal.fs
    fs.readFileSync('/srv/' + req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.path-traversal.fs
    fs.readFileSync('/srv/' + choice);
  }
  // ok: js.path-traversal.fs
  fs.readFileSync('/srv/' + process.env.APP_SETTING);
});
