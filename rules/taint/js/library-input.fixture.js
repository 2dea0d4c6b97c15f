// A CommonJS package's API (Node docs: child_process, util.promisify, vm): what its callers pass is out of sight.
const child_process = require('child_process');
const { exec, execSync, spawn, execFile } = require('child_process');
const util = require('util');
const vm = require('vm');
const shellQuote = require('shell-quote');

const execAsync = util.promisify(child_process.exec);

exports.setDate = function (date, callback) {
  // ruleid: js.cmdi.library-input-shell
  child_process.exec('date -s "' + date + '"', callback);
};

function gitLog(repo, opts) {
  const fmt = opts.format || '%H';
  // ruleid: js.cmdi.library-input-shell
  return execSync(`git -C ${repo} log --format=${fmt}`).toString();
}

function convert(input, format, cb) {
  const command = ['soffice', '--headless', '--convert-to', format, input].join(' ');
  // ruleid: js.cmdi.library-input-shell
  exec(command, cb);
}

// The parameter is run whole: running a command is this function's documented purpose.
function run(cmd, cb) {
  // ok: js.cmdi.library-input-shell
  exec(cmd, cb);
}

// A helper of this file: the command is built by the exported caller.
function sh(line) {
  // ruleid: js.cmdi.library-input-shell
  return execSync(line, { encoding: 'utf8' });
}

function checkout(branch) {
  return sh('git checkout ' + branch);
}

async function thumbnail(src, size) {
  // ruleid: js.cmdi.library-input-shell
  const { stdout } = await execAsync(`convert ${src} -resize ${size} thumb.png`);
  return stdout;
}

function ping(host) {
  // ruleid: js.cmdi.library-input-shell
  return spawn('ping -c 1 ' + host, { shell: true });
}

function grep(pattern, file) {
  // ruleid: js.cmdi.library-input-shell
  return spawn('/bin/sh', ['-c', 'grep ' + pattern + ' ' + file]);
}

function archive(dir, name) {
  let cmd = 'tar czf';
  cmd += ' ' + name + '.tgz ' + dir;
  // ruleid: js.cmdi.library-input-shell
  return execSync(cmd);
}

function quoted(file) {
  // ok: js.cmdi.library-input-shell
  return execSync('wc -l ' + shellQuote.quote([file]));
}

function kill(pid) {
  // ok: js.cmdi.library-input-shell
  return execSync('kill -9 ' + Number(pid));
}

function resize(width, src) {
  // ok: js.cmdi.library-input-shell
  return execSync('convert -resize ' + parseInt(width, 10) + ' in.png out.png');
}

function checkoutSafe(branch) {
  if (!/^[\w.\/-]+$/.test(branch)) throw new Error('bad branch name');
  // ok: js.cmdi.library-input-shell
  return execSync('git checkout ' + branch);
}

function listArgs(dir) {
  // ok: js.cmdi.library-input-shell
  return execFile('ls', ['-la', dir]);
}

function spawnArgs(file) {
  // ok: js.cmdi.library-input-shell
  return spawn('ffprobe', ['-i', file]);
}

// Program and arguments joined with blanks only: the caller hands over a command line.
function runWith(bin, args) {
  // ok: js.cmdi.library-input-shell
  return execSync(bin + ' ' + args);
}

// A wrapper's own program before the caller's command line: the parameter is a command by name and by design.
function elevate(cmd, cb) {
  // ok: js.cmdi.library-input-shell
  exec('"' + __dirname + '/elevate.cmd" ' + cmd, cb);
}

function internalOnly(x) {
  // Not exported: its callers are in this file, and none passes input.
  // ok: js.cmdi.library-input-shell
  return execSync('echo ' + x);
}

function evaluate(expr, ctx) {
  // ruleid: js.code-injection.library-input
  return vm.runInNewContext('(' + expr + ')', ctx);
}

function getter(path) {
  // ruleid: js.code-injection.library-input
  return new Function('obj', 'return obj.' + path);
}

function compute(expr) {
  // ok: js.code-injection.library-input
  return eval(expr);
}

function pick(field) {
  if (!['name', 'size'].includes(field)) return undefined;
  // ok: js.code-injection.library-input
  return new Function('o', 'return o.' + field);
}

module.exports.gitLog = gitLog;
module.exports = { convert, run, checkout, thumbnail, ping, grep, archive, quoted, kill, resize, checkoutSafe, listArgs, spawnArgs, runWith, elevate, evaluate, getter, compute, pick, gitLog };
