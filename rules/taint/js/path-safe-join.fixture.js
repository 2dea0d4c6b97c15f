// The safe-join idiom: resolve under the root, refuse unless the result is the root itself or under it.
const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();

function safeJoin(root, relative) {
  const base = path.resolve(root);
  const target = path.resolve(base, String(relative || ''));
  if (target !== base && !target.startsWith(base + path.sep)) {
    throw new Error('path escapes the root');
  }
  return target;
}

// Only one of the two: the root's own name, or anything at all.
function looseJoin(root, relative) {
  const base = path.resolve(root);
  const target = path.resolve(base, String(relative || ''));
  if (target !== base && target.includes('..')) throw new Error('no');
  return target;
}

app.get('/public', (req, res) => {
  // ok: js.path-traversal.fs
  fs.createReadStream(safeJoin('/srv/public', req.query.p)).pipe(res);
});

app.get('/loose', (req, res) => {
  // ruleid: js.path-traversal.fs
  fs.createReadStream(looseJoin('/srv/public', req.query.p)).pipe(res);
});

app.get('/inline', (req, res) => {
  const base = path.resolve('/srv/files');
  const target = path.resolve(base, String(req.query.p));
  if (target !== base && !target.startsWith(base + path.sep)) return res.sendStatus(400);
  // ok: js.path-traversal.fs
  res.send(fs.readFileSync(target));
});
