// A callback that assigns a variable of the function around it (`body += chunk` in a 'data' listener, a value set
// in a forEach or a Promise executor): the variable may hold what the callback stored from its definition on.
const http = require('http');
const fs = require('fs');
const { exec } = require('child_process');
const express = require('express');

http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    // ruleid: js.cmdi.child-process
    exec('convert ' + body + ' out.png');
    res.end('queued');
  });
}).listen(8080);

const app = express();

app.get('/each', (req, res) => {
  let last;
  [req.query.a, req.query.b].forEach((v) => { last = v; });
  const pick = req.query.pick;
  let chosen = 'default';
  [1, 2].forEach(() => { chosen = pick; });
  // ruleid: js.cmdi.child-process
  exec('ls ' + chosen);
  res.send(String(last === undefined));
});

app.get('/promise', async (req, res) => {
  let dir;
  await new Promise((resolve) => { dir = req.query.dir; resolve(); });
  // ruleid: js.cmdi.child-process
  exec('du -sh ' + dir);
  res.end();
});

app.get('/two-levels', (req, res) => {
  let cmd = 'true';
  const run = () => {
    [0].forEach(() => { cmd = req.query.cmd; });
  };
  run();
  // ruleid: js.cmdi.child-process
  exec(cmd);
  res.end();
});

app.get('/own-local', (req, res) => {
  const name = 'uptime';
  [1].forEach(() => {
    // The callback's own variable: the outer name keeps its constant.
    const name = req.query.name;
    res.write(String(name.length));
  });
  // ok: js.cmdi.child-process
  exec(name);
  res.end();
});

app.get('/constant', (req, res) => {
  let tool = 'uptime';
  [1].forEach(() => { tool = 'whoami'; });
  // ok: js.cmdi.child-process
  exec(tool);
  res.end(String(req.query.x === undefined));
});

app.get('/callback-parameter', (req, res) => {
  let last = 'ls';
  ['a', 'b'].forEach((item) => { last = item; });
  // ok: js.cmdi.child-process
  exec(last);
  res.end();
});

app.get('/file-stream', (req, res) => {
  let text = '';
  // A file's 'data' events, not the request's.
  fs.createReadStream('/etc/motd').on('data', (chunk) => { text += chunk; });
  // ok: js.cmdi.child-process
  exec('echo ' + text);
  res.end();
});
