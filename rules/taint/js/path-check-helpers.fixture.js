// A prefix check on a path a helper normalized: the helper's summary carries the `normalized` mark to its caller,
// on every return only.
const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const ROOT = path.join(__dirname, 'public');

function under(name) {
  return path.resolve(ROOT, name);
}

function pick(req) {
  return path.join(ROOT, req.query.name);
}

function glued(name) {
  return ROOT + '/' + name;
}

function sometimes(name, raw) {
  if (raw) return ROOT + '/' + name;
  return path.resolve(ROOT, name);
}

function pickGlued(req) {
  return ROOT + '/' + req.query.name;
}

app.get('/under', (req, res) => {
  const p = under(req.query.name);
  if (!p.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  // ok: js.path-traversal.fs
  fs.createReadStream(p).pipe(res);
});

app.get('/pick', (req, res) => {
  const p = pick(req);
  if (p.startsWith(ROOT + path.sep)) {
    // ok: js.path-traversal.fs
    fs.readFile(p, (err, data) => res.send(String(data)));
  }
});

// ---- still reported ----
app.get('/glued', (req, res) => {
  const p = glued(req.query.name);
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  // ruleid: js.path-traversal.fs
  fs.createReadStream(p).pipe(res);
});

app.get('/sometimes', (req, res) => {
  const p = sometimes(req.query.name, req.query.raw);
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  // ruleid: js.path-traversal.fs
  fs.createReadStream(p).pipe(res);
});

app.get('/pick-glued', (req, res) => {
  const p = pickGlued(req);
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  // ruleid: js.path-traversal.fs
  fs.createReadStream(p).pipe(res);
});
