const express = require('express');
const { exec } = require('child_process');
const app = express();

const ALLOWED = new Set(['alpha', 'beta']);

function requireName(value) {
  if (!/^[a-z]+$/.test(value)) {
    throw new Error('bad name');
  }
}

function requireInteger(n) {
  if (!Number.isInteger(n)) throw new TypeError('not an integer');
  return n;
}

function requireKnown(host) {
  if (!ALLOWED.has(host)) throw new Error('unknown host');
}

function requireMode(mode) {
  if (mode !== 'fast' && mode !== 'slow') {
    throw new Error(mode);
  }
}

const requireId = (id) => {
  if (!/^[0-9a-f]{16}$/.test(id)) throw new Error('bad id');
};

class Checker {
  check(value) {
    if (!/^\w+$/.test(value)) throw new Error(value);
  }
}

function onlyLogs(value) {
  if (!/^[a-z]+$/.test(value)) console.warn('suspicious value');
}

function earlyReturn(value) {
  if (!/^[a-z]+$/.test(value)) return false;
  return true;
}

function rebinds(value) {
  value = value.trim();
  if (!/^[a-z]+$/.test(value)) throw new Error(value);
}

function substringOnly(value) {
  if (!value.includes('safe')) throw new Error(value);
}

function onePath(value, strict) {
  if (strict) {
    if (!/^[a-z]+$/.test(value)) throw new Error(value);
  }
}

app.get('/1', (req, res) => {
  const name = req.query.n;
  requireName(name);
  // ok: js.cmdi.child-process
  exec('echo ' + name);
});

app.get('/2', (req, res) => {
  const n = req.body.count;
  requireInteger(n);
  // ok: js.cmdi.child-process
  exec('sleep ' + n);
});

app.get('/3', (req, res) => {
  const host = req.query.h;
  requireKnown(host);
  // ok: js.cmdi.child-process
  exec('ping ' + host);
});

app.get('/4', (req, res) => {
  const mode = req.query.m;
  requireMode(mode);
  // ok: js.cmdi.child-process
  exec('run --' + mode);
});

app.get('/5', (req, res) => {
  const id = req.params.id;
  requireId(id);
  // ok: js.cmdi.child-process
  exec('show ' + id);
});

app.get('/6', (req, res) => {
  const v = req.query.v;
  new Checker().check(v);
  // ok: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/7', (req, res) => {
  requireName(req.query.n);
  // ok: js.cmdi.child-process
  exec('echo ' + req.query.n);
});

app.get('/8', (req, res) => {
  const n = requireInteger(req.body.count);
  // ok: js.cmdi.child-process
  exec('sleep ' + n);
});

app.get('/r1', (req, res) => {
  const v = req.query.v;
  onlyLogs(v);
  // ruleid: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/r2', (req, res) => {
  const v = req.query.v;
  earlyReturn(v);
  // ruleid: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/r3', (req, res) => {
  const v = req.query.v;
  rebinds(v);
  // ruleid: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/r4', (req, res) => {
  const v = req.query.v;
  substringOnly(v);
  // ruleid: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/r5', (req, res) => {
  const v = req.query.v;
  onePath(v, req.query.strict);
  // ruleid: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/r6', (req, res) => {
  const v = req.query.v;
  // ruleid: js.cmdi.child-process
  exec('echo ' + v);
  requireName(v);
});

// A check called in one arm of a conditional holds in that arm only: the other arm, and the code after, see the
// value unchecked.
function checkedName(value) {
  requireName(value);
  return value;
}

app.get('/r7', (req, res) => {
  const v = req.query.v;
  const label = req.query.strict ? checkedName(v) : 'any';
  // ruleid: js.cmdi.child-process
  exec('echo ' + v + label);
});

app.get('/r8', (req, res) => {
  const v = req.query.v;
  // ruleid: js.cmdi.child-process
  const out = req.query.strict ? checkedName(v) : exec('echo ' + v);
  res.send(String(out));
});

app.get('/r9', (req, res) => {
  const v = req.query.v;
  if (req.query.strict) checkedName(v);
  else requireName(v);
  // ok: js.cmdi.child-process
  exec('echo ' + v);
});

app.get('/r10', (req, res) => {
  const v = req.query.v;
  const checked = req.query.strict ? checkedName(v) : requireName(v);
  // ok: js.cmdi.child-process
  exec('echo ' + v);
  res.send(String(checked));
});
