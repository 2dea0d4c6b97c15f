// shelljs' file commands: a path from the request may leave the folder it is joined to ('../../etc').
const express = require('express');
const path = require('path');
const shell = require('shelljs');

const app = express();
const MEDIA_ROOT = '/srv/media';

app.delete('/media', (req, res) => {
  // ruleid: js.path-traversal.fs
  shell.rm('-f', path.join(MEDIA_ROOT, req.query.file));
  res.sendStatus(204);
});

app.get('/media/text', (req, res) => {
  // ruleid: js.path-traversal.fs
  res.send(shell.cat(path.join(MEDIA_ROOT, req.query.name)).toString());
});

app.post('/media/move', (req, res) => {
  // ruleid: js.path-traversal.fs
  shell.mv(path.join(MEDIA_ROOT, 'inbox', 'a.jpg'), path.join(MEDIA_ROOT, req.body.to));
  res.sendStatus(204);
});

// ---- negatives ----

app.delete('/media/safe', (req, res) => {
  const target = path.resolve(MEDIA_ROOT, req.query.file);
  if (!target.startsWith(MEDIA_ROOT + path.sep)) return res.sendStatus(400);
  // ok: js.path-traversal.fs
  shell.rm('-f', target);
  res.sendStatus(204);
});

app.get('/media/list', (req, res) => {
  // The flags come from the request, not the path.
  // ok: js.path-traversal.fs
  res.json(shell.ls(req.query.long ? '-l' : '-A', MEDIA_ROOT));
});
