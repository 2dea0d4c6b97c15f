const express = require('express');
const { exec } = require('child_process');
const app = express();

app.get('/1', (req, res) => {
  const m = { cmd: req.query.c, safe: 'ls' };
  // ok: js.cmdi.child-process
  exec(m.safe);
});

app.get('/2', (req, res) => {
  const m = {};
  m['user'] = req.query.u;
  m['tool'] = 'uptime';
  // ok: js.cmdi.child-process
  exec(m['tool']);
});

app.get('/3', (req, res) => {
  const parts = ['ls', req.query.d];
  // ok: js.cmdi.child-process
  exec(parts[0]);
});

app.get('/4', (req, res) => {
  const m = { 'cmd': req.query.c, 'safe': 'df -h' };
  // ok: js.cmdi.child-process
  exec(m['safe']);
});

app.get('/5', (req, res) => {
  const m = { cmd: req.query.c };
  m.cmd = 'ls';
  // ok: js.cmdi.child-process
  exec(m.cmd);
});

app.get('/6', (req, res) => {
  const parts = ['ls', '-l'];
  parts[1] = req.query.d;
  // ok: js.cmdi.child-process
  exec(parts[0]);
});

app.get('/7', (req, res) => {
  const conf = { run: 'uptime', who: req.query.w };
  // ok: js.cmdi.child-process
  exec('nice ' + conf.run);
});

app.get('/8', (req, res) => {
  const user = req.query.u;
  const job = { user, tool: 'uptime' };
  // ok: js.cmdi.child-process
  exec(job.tool);
});

app.get('/r1', (req, res) => {
  const m = { cmd: req.query.c, safe: 'ls' };
  // ruleid: js.cmdi.child-process
  exec(m.cmd);
});

app.get('/r2', (req, res) => {
  const parts = ['ls', req.query.d];
  // ruleid: js.cmdi.child-process
  exec(parts[1]);
});

app.get('/r3', (req, res) => {
  const m = { cmd: req.query.c, safe: 'ls' };
  // ruleid: js.cmdi.child-process
  exec(m[req.query.k]);
});

app.get('/r4', (req, res) => {
  const parts = ['ls', req.query.d];
  parts.shift();
  // ruleid: js.cmdi.child-process
  exec(parts[0]);
});

app.get('/r5', (req, res) => {
  const parts = ['ls', '-l'];
  parts[Number(req.query.i)] = req.query.d;
  // ruleid: js.cmdi.child-process
  exec(parts[0]);
});

app.get('/r6', (req, res) => {
  const parts = ['ls', req.query.d];
  // ruleid: js.cmdi.child-process
  exec(parts.join(' '));
});

app.get('/r7', (req, res) => {
  const user = req.query.u;
  const job = { user, tool: 'uptime' };
  // ruleid: js.cmdi.child-process
  exec('sudo -u ' + job.user);
});
