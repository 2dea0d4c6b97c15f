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

// ---- option values, operands and programs from their manuals ----
app.post('/commit', (req, res) => {
  // The value of -m (git-commit(1)): never read as an option, whatever it starts with.
  // ok: js.cmdi.argument-injection
  execFile('git', ['commit', '-m', req.body.message]);
  // A path after the message is an operand that can be an option (`--output=...`).
  // ruleid: js.cmdi.argument-injection
  execFile('git', ['commit', '-m', 'update', req.body.path]);
  // The value of -b (git-checkout(1)) and of --depth (git-clone(1)); the URL after them is an operand.
  // ok: js.cmdi.argument-injection
  execFile('git', ['checkout', '-b', req.body.branch]);
  // ruleid: js.cmdi.argument-injection
  execFile('git', ['clone', '--depth', req.body.depth, req.body.url]);
  // A known option's value in a template literal.
  // ok: js.cmdi.argument-injection
  execFile('git', ['fetch', `--deepen=${req.body.depth}`, 'origin']);
  // A template literal starting with a path.
  // ok: js.cmdi.argument-injection
  execFile('git', ['show', `HEAD:${req.body.file}`]);
  // --upload-pack's value is a command git runs (git-clone(1)): input after its `=` is as bad as an option.
  // ruleid: js.cmdi.argument-injection
  execFile('git', ['clone', `--upload-pack=${req.body.pack}`, 'https://example.com/r.git']);
  // `flag && '--short'` is false or the constant.
  // ok: js.cmdi.argument-injection
  execFile('git', ['rev-parse', req.body.short && '--short', 'HEAD']);
  // git -c takes configuration (`core.sshCommand=...` runs a command): its value is as bad as an option.
  // ruleid: js.cmdi.argument-injection
  execFile('git', ['-c', req.body.config, 'status']);
  // -o is a flag of git ls-files (--others), not an option with a value: the pattern after it is an operand.
  // ruleid: js.cmdi.argument-injection
  execFile('git', ['ls-files', '-o', req.body.pattern]);
  res.end();
});

app.post('/remote-copy', (req, res) => {
  // ssh -l takes the login name (ssh(1)); -o takes a configuration line (`ProxyCommand=...`).
  // ok: js.cmdi.argument-injection
  execFile('ssh', ['-l', req.body.user, 'build.example.com', 'uptime']);
  // ruleid: js.cmdi.argument-injection
  execFile('ssh', ['-o', req.body.option, 'build.example.com']);
  // scp's source is an operand (`-oProxyCommand=...`, scp(1)); -P takes the port.
  // ruleid: js.cmdi.argument-injection
  execFile('scp', [req.body.src, 'backup:/srv']);
  // ok: js.cmdi.argument-injection
  execFile('scp', ['-P', req.body.port, 'file.txt', 'backup:/srv']);
  // rsync -e takes the remote shell to run (rsync(1)); --exclude a pattern.
  // ruleid: js.cmdi.argument-injection
  execFile('rsync', ['-a', '-e', req.body.shell, 'src/', 'backup:/srv']);
  // ok: js.cmdi.argument-injection
  execFile('rsync', ['-a', '--exclude', req.body.skip, 'src/', 'backup:/srv']);
  res.end();
});

app.post('/archive', (req, res) => {
  // tar's operand (`--checkpoint-action=exec=...`, tar(1)); -C takes the directory.
  // ruleid: js.cmdi.argument-injection
  execFile('tar', ['-czf', '/tmp/out.tgz', '--', req.body.dir]);
  // ok: js.cmdi.argument-injection
  execFile('tar', ['-xzf', '/tmp/in.tgz', '-C', req.body.dir]);
  // zip's operand (`-TT=<command>`, `--unzip-command`, zip(1)); -P takes the password.
  // ruleid: js.cmdi.argument-injection
  execFile('zip', ['-r', req.body.name, 'dist']);
  // ok: js.cmdi.argument-injection
  execFile('zip', ['-P', req.body.password, 'out.zip', 'dist']);
  res.end();
});

app.get('/download', (req, res) => {
  // curl and wget: a URL operand (`-o`/`-O` write a file, curl `-K` reads a config); -A, -H, --user take values.
  // ruleid: js.cmdi.argument-injection
  execFile('wget', ['-q', req.query.url]);
  // ok: js.cmdi.argument-injection
  execFile('curl', ['-A', req.query.agent, 'https://example.com/feed']);
  // ok: js.cmdi.argument-injection
  execFile('wget', ['--user', req.query.user, 'https://example.com/feed']);
  // ok: js.cmdi.argument-injection
  execFile('curl', ['-s', 'https://example.com/api?q=' + req.query.q]);
  // find's operands are its expression: a starting point `-exec` runs a command (find(1)); -name takes a pattern.
  // ruleid: js.cmdi.argument-injection
  execFile('find', [req.query.dir, '-type', 'f']);
  // ok: js.cmdi.argument-injection
  execFile('find', ['/srv/files', '-name', req.query.name]);
  // hg pull's source (`--config=...`), man's page (`-P pager`), gpg's file.
  // ruleid: js.cmdi.argument-injection
  execFile('hg', ['pull', req.query.source]);
  // ruleid: js.cmdi.argument-injection
  execFile('man', [req.query.page]);
  // ok: js.cmdi.argument-injection
  execFile('hg', ['commit', '-m', req.query.message]);
  // npm reads `--script-shell=/tmp/x` as an option: its lifecycle scripts then run that program.
  // ruleid: js.cmdi.argument-injection
  execFile('npm', ['install', req.query.pkg]);
  // After `--`.
  // ok: js.cmdi.argument-injection
  execFile('npm', ['install', '--', req.query.pkg]);
  res.end();
});

// A file path under a directory that is not input cannot start with "-".
const path = require('path');
const EXPORT_DIR = '/srv/exports';
app.post('/sign', (req, res) => {
  // ok: js.cmdi.argument-injection
  execFile('gpg', ['--detach-sign', path.join(EXPORT_DIR, path.basename(req.body.file))]);
  // ok: js.cmdi.argument-injection
  execFile('gpg', ['--detach-sign', path.resolve(req.body.file)]);
  const target = path.join(__dirname, 'exports', req.body.file);
  // ok: js.cmdi.argument-injection
  execFile('tar', ['-xf', target]);
  // "." is dropped by the join: "-x" stays "-x".
  // ruleid: js.cmdi.argument-injection
  execFile('gpg', ['--detach-sign', path.join('.', req.body.file)]);
  // The directory itself is input.
  // ruleid: js.cmdi.argument-injection
  execFile('gpg', ['--detach-sign', path.join(req.body.dir, 'out.sig')]);
  res.end();
});
