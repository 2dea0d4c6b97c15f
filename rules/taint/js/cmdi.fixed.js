const express = require('express');
const cp = require('child_process');
const { exec, execFile, execSync, execFileSync } = require('node:child_process');
const app = express();

app.get('/ping', (req, res) => {
  // ruleid: js.cmdi.child-process
  execFile('ping', ['-c', '1', req.query.host], (err, out) => res.send(out));
});

app.get('/log', (req, res) => {
  const branch = req.query.branch;
  // ruleid: js.cmdi.child-process
  const out = cp.execFileSync("git", ["log", "--oneline", branch]);
  res.json({ out: String(out) });
});

app.post('/convert', (req, res) => {
  const { file } = req.body;
  // ruleid: js.cmdi.child-process
  cp.spawn('convert ' + file + ' out.png', { shell: true });
  // ruleid: js.cmdi.child-process
  cp.spawn('sh', ['-c', 'tar xf ' + file]);
});

app.post('/cleanup', (req, res) => {
  // The callback's parameter receives the elements of the tainted array.
  // ruleid: js.cmdi.child-process
  req.body.files.forEach((f) => exec('rm -f /tmp/' + f));
  const cmd = 'touch /tmp/' + req.body.name;
  // A closure sees the tainted variables of the enclosing function.
  // ruleid: js.cmdi.child-process
  setImmediate(() => exec(cmd));
});

function archive(name) {
  // ruleid: js.cmdi.child-process
  execFileSync('tar', ['czf', '/tmp/backup.tgz', name]);
}
app.post('/archive', (req, res) => archive(req.body.name));

// ---- negatives ----
app.get('/n1', (req, res) => {
  // An argument array, no shell: the input cannot start another command.
  // ok: js.cmdi.child-process
  cp.execFile('ping', ['-c', '1', req.query.host]);
  // ok: js.cmdi.child-process
  cp.spawn('ls', ['-la', req.query.dir]);
  // Coerced to a number.
  // ok: js.cmdi.child-process
  exec('sleep ' + parseInt(req.query.seconds, 10));
  // Constant command.
  // ok: js.cmdi.child-process
  exec('uptime');
});

app.get('/n2', (req, res) => {
  const tool = req.query.tool;
  const allowed = new Set(['uptime', 'whoami']);
  if (!allowed.has(tool)) {
    return res.status(400).end();
  }
  // ok: js.cmdi.child-process
  exec(tool);
});

// Not user input: an environment variable set by the operator.
// ok: js.cmdi.child-process
exec('backup ' + process.env.BACKUP_DIR);

// A regex's exec method is not child_process.
app.get('/n3', (req, res) => {
  const m = /^(\d+)$/.exec(req.query.id);
  // ok: js.cmdi.child-process
  res.json({ m: /x/.exec(req.query.id) });
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.cmdi.child-process
  exec('ls ' + req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.cmdi.child-process
    exec('ls ' + req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.cmdi.child-process
    exec('ls ' + choice);
  }
  // ok: js.cmdi.child-process
  exec('ls ' + process.env.APP_SETTING);
});
