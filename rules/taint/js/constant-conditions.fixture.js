const express = require('express');
const { exec } = require('child_process');
const app = express();

const DEBUG_SHELL = false;
const MODE = 'safe';
const LIMIT = 10;
let mutableFlag = false;

app.get('/a', (req, res) => {
  let cmd = 'ls';
  if (false) cmd = req.query.c;
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/b', (req, res) => {
  let cmd = 'ls';
  if (1 > 2) {
    cmd = req.query.c;
  }
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/c', (req, res) => {
  const x = 86;
  let cmd = 'ls';
  if (x * 2 > 200) cmd = req.query.c;
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/d', (req, res) => {
  let cmd = 'ls';
  if (DEBUG_SHELL) cmd = req.query.c;
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/e', (req, res) => {
  let cmd = 'ls';
  if (MODE === 'debug') cmd = req.query.c;
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/f', (req, res) => {
  const cmd = LIMIT < 5 ? req.query.c : 'ls';
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/g', (req, res) => {
  let cmd = 'ls';
  while (false) {
    cmd = req.query.c;
  }
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/h', (req, res) => {
  let cmd = 'ls';
  if ('a' + 'b' === 'ab') {
    res.send('fine');
  } else {
    cmd = req.query.c;
  }
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/i', (req, res) => {
  return res.send('done');
  // ok: js.cmdi.child-process
  exec(req.query.c);
});

app.get('/j', (req, res) => {
  let cmd = 'ls';
  if (!true || (LIMIT > 100 && MODE)) cmd = req.query.c;
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/k', (req, res) => {
  let cmd = 'ls';
  if (LIMIT === 10) {
    res.send('ten');
  } else if (req.query.x) {
    cmd = req.query.c;
  }
  // ok: js.cmdi.child-process
  exec(cmd);
});

app.get('/r1', (req, res) => {
  let cmd = 'ls';
  if (true) cmd = req.query.c;
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r2', (req, res) => {
  const x = 86;
  let cmd = 'ls';
  if (x * 3 > 200) cmd = req.query.c;
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r3', (req, res) => {
  let x = 86;
  if (req.query.big) x = 500;
  let cmd = 'ls';
  if (x > 200) cmd = req.query.c;
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r4', (req, res) => {
  const cmd = LIMIT > 5 ? req.query.c : 'ls';
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r5', (req, res) => {
  let cmd = 'ls';
  if (mutableFlag) cmd = req.query.c;
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r6', (req, res) => {
  let cmd = 'ls';
  do {
    cmd = req.query.c;
  } while (false);
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r7', (req, res) => {
  let cmd = 'ls';
  if (MODE == 'safe') cmd = req.query.c;
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

app.get('/r8', (req, res) => {
  var y = 1;
  let cmd = 'ls';
  if (req.query.z) y = 2;
  if (y === 2) cmd = req.query.c;
  // ruleid: js.cmdi.child-process
  exec(cmd);
});

module.exports = { setFlag: (v) => { mutableFlag = v; } };
