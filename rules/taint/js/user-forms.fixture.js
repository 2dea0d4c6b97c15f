// Forms a new user types, taken from each library's documentation: inline requires, promisified and promise APIs,
// namespace imports, and request objects of Next.js, Socket.IO, AWS Lambda and Cloudflare Workers.
const express = require('express');
const util = require('util');
const cp = require('child_process');
const fsp = require('fs/promises');
const fs = require('fs');
const path = require('path');
const { Server } = require('socket.io');

const app = express();
const ROOT = '/srv/files';

app.get('/inline-require', (req, res) => {
  // ruleid: js.cmdi.child-process
  require('child_process').exec('ls ' + req.query.dir);
  // ok: js.cmdi.child-process
  require('child_process').execFile('ls', [req.query.dir]);
  res.end();
});

const execAsync = util.promisify(cp.exec);
app.get('/promisified', async (req, res) => {
  // ruleid: js.cmdi.child-process
  const { stdout } = await execAsync(`git log ${req.query.ref}`);
  res.send(stdout);
});

const execP = util.promisify(require('child_process').exec);
app.get('/promisified-inline', async (req, res) => {
  // ruleid: js.cmdi.child-process
  const out = await execP('ping -c 1 ' + req.query.host);
  res.send(out.stdout);
});

app.get('/fs-promises', async (req, res) => {
  // ruleid: js.path-traversal.fs
  const data = await fsp.readFile(path.join(ROOT, req.query.name), 'utf8');
  // ruleid: js.path-traversal.fs
  await fsp.writeFile(req.query.out, data);
  // ruleid: js.path-traversal.fs
  await fsp.rm(req.query.old, { recursive: true });
  // ruleid: js.path-traversal.fs
  await fs.promises.unlink(req.query.old);
  // ruleid: js.path-traversal.fs
  const entries = await fs.promises.readdir(req.query.dir);
  // ok: js.path-traversal.fs
  const safe = await fsp.readFile(path.join(ROOT, path.basename(req.query.name)), 'utf8');
  res.json({ entries, safe });
});

// Socket.IO: every event's payload comes from the client.
const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('run', (data) => {
    // ruleid: js.cmdi.child-process
    cp.exec('convert ' + data.file);
  });
  socket.on('read', (name, ack) => {
    // ruleid: js.path-traversal.fs
    fs.readFile(name, (err, buf) => ack(buf));
  });
});

// AWS Lambda behind API Gateway.
exports.lambda = async (event) => {
  // ruleid: js.cmdi.child-process
  cp.execSync('grep ' + event.queryStringParameters.q + ' /var/log/app.log');
  // ruleid: js.path-traversal.fs
  const body = fs.readFileSync(event.pathParameters.file);
  // ok: js.cmdi.child-process
  cp.execFileSync('grep', [event.queryStringParameters.q, '/var/log/app.log']);
  return { statusCode: 200, body: String(body) };
};
