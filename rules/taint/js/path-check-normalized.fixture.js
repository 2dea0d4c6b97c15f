// A prefix check keeps a path inside its root only when the path was normalized first: "public/../../etc/passwd"
// starts with "public".
const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const ROOT = path.join(__dirname, 'public');

app.get('/concat', (req, res) => {
  const p = ROOT + '/' + req.query.name;
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  // ruleid: js.path-traversal.fs
  fs.createReadStream(p).pipe(res);
});

app.get('/template', (req, res) => {
  const p = `${ROOT}/${req.params.file}`;
  if (p.startsWith(ROOT)) {
    // ruleid: js.path-traversal.fs
    fs.readFile(p, (err, data) => res.send(String(data)));
  }
});

app.get('/one-branch', (req, res) => {
  // Normalized on one path only: the check does not hold for the other.
  let p = path.resolve(ROOT, req.query.name);
  if (req.query.raw) p = ROOT + '/' + req.query.name;
  if (!p.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  // ruleid: js.path-traversal.fs
  fs.unlinkSync(p);
  res.end();
});

// ---- negatives ----
app.get('/resolved', (req, res) => {
  const p = path.resolve(ROOT, req.query.name);
  if (!p.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  // ok: js.path-traversal.fs
  fs.createReadStream(p).pipe(res);
});

app.get('/normalized', (req, res) => {
  const p = path.normalize(ROOT + '/' + req.query.name);
  if (p.startsWith(ROOT + path.sep)) {
    // ok: js.path-traversal.fs
    fs.readFile(p, (err, data) => res.send(String(data)));
  }
});

app.get('/joined', (req, res) => {
  // path.join normalizes its result too.
  const p = path.join(ROOT, req.query.name);
  if (!p.startsWith(ROOT + path.sep)) throw new Error('outside the root');
  // ok: js.path-traversal.fs
  fs.writeFileSync(p, req.body.text);
});

function readInside(p) {
  // The caller's value is not known here; the check stands for whoever calls it with a normalized path.
  if (!p.startsWith(ROOT)) throw new Error('outside');
  // ok: js.path-traversal.fs
  return fs.readFileSync(p);
}
app.get('/helper', (req, res) => res.send(readInside(path.resolve(ROOT, req.query.name))));

// The root itself or a path under it: either way inside (a static server serving the root's index).
app.get('/either', (req, res) => {
  const target = path.resolve(ROOT, '.' + req.path);
  if (target !== ROOT && !target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  // ok: js.path-traversal.fs
  fs.readFile(target, (err, data) => res.send(String(data)));
});

// Equal to another value from the request is no check at all.
app.get('/equal-input', (req, res) => {
  const target = path.resolve(ROOT, req.query.name);
  if (target !== req.query.expected) return res.sendStatus(403);
  // ruleid: js.path-traversal.fs
  fs.readFile(target, (err, data) => res.send(String(data)));
});
