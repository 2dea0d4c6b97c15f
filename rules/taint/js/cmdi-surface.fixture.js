// The whole command-execution surface: every child_process function that reaches a shell, shelljs, execa.
const express = require('express');
const cp = require('child_process');
const shell = require('shelljs');
const execa = require('execa');
const { execaCommand, execaCommandSync, execa: execaFn } = require('execa');
const shellQuote = require('shell-quote');

const app = express();

app.post('/run', (req, res) => {
  const cmd = req.body.cmd;
  const args = req.body.args;
  // ruleid: js.cmdi.child-process
  cp.spawnSync(cmd, { shell: true });
  // ruleid: js.cmdi.child-process
  cp.execFile(cmd, [], { shell: true });
  // A shell command, and the input is also an option of git when it starts with "-".
  // ruleid: js.cmdi.child-process
  // ruleid: js.cmdi.argument-injection
  cp.execFileSync('git', args, { shell: '/bin/bash' });
  // ruleid: js.cmdi.child-process
  cp.spawn('/bin/sh', ['-c', cmd]);
  // ruleid: js.cmdi.child-process
  cp.execFile('bash', ['-lc', `echo ${cmd}`], () => {});
  // ruleid: js.cmdi.child-process
  cp.spawnSync('cmd.exe', ['/c', 'dir ' + cmd]);
  // ruleid: js.cmdi.child-process
  cp.fork(req.body.script);
  // ruleid: js.cmdi.child-process
  shell.exec('grep ' + cmd + ' /var/log/app.log');
  // ruleid: js.cmdi.child-process
  execa.command(cmd);
  // ruleid: js.cmdi.child-process
  execa.commandSync('echo ' + cmd);
  // ruleid: js.cmdi.child-process
  execaCommand(`convert ${cmd} out.png`);
  // ruleid: js.cmdi.child-process
  execaCommandSync(cmd);
  // ruleid: js.cmdi.child-process
  execa(cmd, { shell: true });
  // ruleid: js.cmdi.child-process
  execaFn('ls ' + cmd, [], { shell: true });
  const opts = { shell: true };
  // Options held in a variable match as if written in place.
  // ruleid: js.cmdi.child-process
  cp.spawn(cmd, opts);
  const plain = { shell: false, cwd: '/srv' };
  // ok: js.cmdi.child-process
  cp.spawn(cmd, plain);
  let later = { shell: true };
  later = { cwd: '/srv' };
  // ok: js.cmdi.child-process
  cp.spawn(cmd, later);
  // execFile's callback after options that ask for a shell: the arguments are joined into a command line.
  // ruleid: js.cmdi.child-process
  cp.execFile('grep', ['-c', cmd, 'index.csv'], { cwd: '/srv', shell: true }, (err, out) => res.end(out));
  // ok: js.cmdi.child-process
  cp.execFile('grep', ['-c', cmd, 'index.csv'], { cwd: '/srv' }, (err, out) => res.end(out));
  res.end();
});

// ---- negatives: argument arrays without a shell, constants, quoting ----
app.post('/run-ok', (req, res) => {
  const cmd = req.body.cmd;
  // No shell command, but the input is an option of git when it starts with "-".
  // ok: js.cmdi.child-process
  // ruleid: js.cmdi.argument-injection
  cp.spawnSync('git', ['log', cmd]);
  // No shell command, but the input is an option of git when it starts with "-".
  // ok: js.cmdi.child-process
  // ruleid: js.cmdi.argument-injection
  cp.execFile('git', ['show', cmd], { shell: false });
  // ok: js.cmdi.child-process
  cp.execFileSync('ls', [cmd], { cwd: '/srv' });
  // ok: js.cmdi.child-process
  cp.spawn('/bin/sh', ['-c', 'ls /srv']);
  // A script file given to the shell, with the input as its argument (not a command line).
  // ok: js.cmdi.child-process
  cp.spawn('sh', ['./backup.sh', cmd]);
  // ok: js.cmdi.child-process
  cp.fork('./worker.js', [cmd]);
  // ok: js.cmdi.child-process
  shell.exec('uptime');
  // ok: js.cmdi.child-process
  shell.exec('grep ' + shellQuote.quote([cmd]) + ' /var/log/app.log');
  // No shell command, but the input is an option of git when it starts with "-".
  // ok: js.cmdi.child-process
  // ruleid: js.cmdi.argument-injection
  execa('git', ['log', cmd]);
  // ok: js.cmdi.child-process
  // ruleid: js.cmdi.argument-injection
  execaFn('git', ['log', cmd]);
  // ok: js.cmdi.child-process
  execaCommand('ls -la /srv');
  // ok: js.cmdi.child-process
  execa.command('echo ' + Number(cmd));
  // Shell-free library functions that share a name.
  // ok: js.cmdi.child-process
  shell.echo(cmd);
  // ok: js.cmdi.child-process
  // ruleid: js.path-traversal.fs
  shell.ls(cmd);
  // ok: js.cmdi.child-process
  cp.exec('ls', { env: { FILTER: cmd } });
  res.end();
});
