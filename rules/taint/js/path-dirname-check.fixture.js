const express = require('express');
const fs = require('fs');
const path = require('path');

const DOCS = path.resolve(__dirname, 'content');
const app = express();

app.get('/doc', (req, res) => {
  const file = path.resolve(DOCS, `${req.query.id}.md`);
  if (path.dirname(file) !== DOCS) return res.sendStatus(404);
  // ok: js.path-traversal.fs
  res.send(fs.readFileSync(file, 'utf8'));
});

app.get('/doc/stream', (req, res) => {
  const file = path.join(DOCS, req.query.name);
  if (path.dirname(file) === DOCS) {
    // ok: js.path-traversal.fs
    fs.createReadStream(file).pipe(res);
  } else {
    // ruleid: js.path-traversal.fs
    fs.createReadStream(file).pipe(res);
  }
});

app.get('/doc/raw', (req, res) => {
  // Not normalized: "content/x/../../etc/passwd" has a folder other than DOCS, but the check is on another value.
  const file = DOCS + '/' + req.query.name;
  if (path.dirname(req.query.other) !== DOCS) return res.sendStatus(404);
  // ruleid: js.path-traversal.fs
  res.send(fs.readFileSync(file, 'utf8'));
});

app.get('/doc/unresolved', (req, res) => {
  // Not normalized: "content/.." has DOCS as its folder and names its parent.
  const target = DOCS + '/' + req.query.name;
  if (path.dirname(target) !== DOCS) return res.sendStatus(404);
  // ruleid: js.path-traversal.fs
  fs.rmSync(target, { recursive: true });
});
