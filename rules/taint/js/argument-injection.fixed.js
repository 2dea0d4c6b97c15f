const express = require('express');
const { spawn, execFile, execFileSync } = require('child_process');
const crossSpawn = require('cross-spawn');
const app = express();

app.post('/clone', (req, res) => {
  // ruleid: js.cmdi.argument-injection
  spawn('git', ['clone', '--', req.body.url, '/srv/repos/x']);
  res.end();
});

app.get('/remote', (req, res) => {
  const repo = req.query.repo;
  const args = ['ls-remote', '--heads', repo];
  // The argument array held in a variable.
  // ruleid: js.cmdi.argument-injection
  execFile('/usr/bin/git', args, (err, out) => res.send(out));
});

app.get('/fetch', (req, res) => {
  // ruleid: js.cmdi.argument-injection
  execFileSync('curl', ['-s', req.query.u]);
  // ruleid: js.cmdi.argument-injection
  crossSpawn.sync('ssh', [req.query.host, 'uptime']);
  // ruleid: js.cmdi.argument-injection
  spawn('tar', ['xf', req.query.archive, '-C', '/tmp/out']);
  res.end();
});

// ---- negatives ----
app.post('/clone-safe', (req, res) => {
  // "--" ends the options: the URL is an operand whatever it starts with.
  // ok: js.cmdi.argument-injection
  spawn('git', ['clone', '--', req.body.url, '/srv/repos/x']);
  res.end();
});

app.post('/clone-checked', (req, res) => {
  const url = req.body.url;
  if (url.startsWith('-')) return res.sendStatus(400);
  // ok: js.cmdi.argument-injection
  spawn('git', ['clone', url, '/srv/repos/x']);
  res.end();
});

app.post('/clone-regex', (req, res) => {
  const url = req.body.url;
  if (!/^https:\/\//.test(url)) return res.sendStatus(400);
  // ok: js.cmdi.argument-injection
  spawn('git', ['clone', url, '/srv/repos/x']);
  res.end();
});

app.get('/show', (req, res) => {
  // A prefix that is no dash, and a known option's value.
  // ok: js.cmdi.argument-injection
  execFile('git', ['show', 'refs/heads/' + req.query.branch]);
  // ok: js.cmdi.argument-injection
  execFile('git', ['log', '--author=' + req.query.who]);
  // A program without dangerous options.
  // ok: js.cmdi.argument-injection
  execFile('echo', [req.query.msg]);
  // A number.
  // ok: js.cmdi.argument-injection
  execFile('git', ['log', '-n', String(parseInt(req.query.n, 10))]);
  res.end();
});

app.get('/first-char', (req, res) => {
  const host = req.query.host;
  if (host[0] === '-') return res.sendStatus(400);
  // ok: js.cmdi.argument-injection
  spawn('ssh', [host, 'uptime']);
  res.end();
});

// A project's own runner, and a program path held in a variable named for git.
function run(command, args, cb) {
  return crossSpawn(command, args, { stdio: 'inherit' }).on('close', cb);
}

app.post('/mirror', (req, res) => {
  const args = ['clone', '--mirror', req.body.url];
  // ruleid: js.cmdi.argument-injection
  run('git', args, () => res.end());
});

const gitBin = process.env.GIT_PATH || 'git';
app.post('/fetch-remote', (req, res) => {
  // ruleid: js.cmdi.argument-injection
  spawn(gitBin, ['fetch', '--', req.body.remote]);
  // An argument list with "--" added to a shared prefix.
  const commands = ['-c', 'color.ui=false'].concat(['fetch', '--', req.body.remote]);
  // ok: js.cmdi.argument-injection
  spawn(gitBin, commands);
  // A runner given a program without dangerous options.
  // ok: js.cmdi.argument-injection
  run('node', ['--version', req.body.remote], () => {});
  // A number formatter, not a runner: its second argument is no array.
  // ok: js.cmdi.argument-injection
  res.json({ v: format('git', req.body.remote) });
});

function format(a, b) {
  return a + b;
}
