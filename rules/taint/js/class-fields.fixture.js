// A value one method of a class stores in `this.x` and another method reads (per-class field summary): Express
// controller classes, as the Express guide's routing pages wire them (`app.get(path, (req, res) => ctl.handle(req, res))`
// is left aside: here the handler is the class's own method registered on the router), and constructor functions
// with `X.prototype` methods.
const express = require('express');
const { exec } = require('child_process');
const fs = require('fs');
const app = express();

class ReportController {
  constructor() {
    this.binary = '/usr/bin/pandoc';
  }

  handle(req, res) {
    this.query = req.query;
    this.title = 'report';
    this.render(res);
  }

  render(res) {
    // ruleid: js.cmdi.child-process
    exec(this.binary + ' -t ' + this.query.format + ' in.md');
    // ok: js.cmdi.child-process
    exec(this.binary + ' -t ' + this.title + ' in.md');
    res.send('ok');
  }
}

const reports = new ReportController();
app.get('/report', (req, res) => {
  reports.render(res);
});

class FileController {
  load(req, res) {
    this.name = req.params.name;
    // A clean overwrite on every path: the field holds a constant after `load`.
    this.dir = req.query.dir;
    this.dir = '/srv/files';
    this.read();
    res.send('ok');
  }

  read() {
    // ruleid: js.path-traversal.fs
    fs.readFileSync(this.dir + '/' + this.name);
    // ok: js.path-traversal.fs
    return fs.readFileSync(this.dir + '/index.html');
  }
}

app.get('/files/:name', (req, res) => new FileController().load(req, res));

function Uploader() {
  this.root = '/srv/uploads';
}

Uploader.prototype.accept = function (req, res) {
  this.target = req.body.path;
  this.store(res);
};

Uploader.prototype.store = function (res) {
  // ruleid: js.path-traversal.fs
  fs.writeFileSync(this.target, 'data');
  // ok: js.path-traversal.fs
  fs.writeFileSync(this.root + '/last', 'data');
  res.end();
};

app.post('/upload', (req, res) => new Uploader().accept(req, res));

// Dispatch to overrides: a base class's method calls `this.run(...)`, which the base and a subclass define;
// the call reaches both (the caller's class and its subclasses in the file), the trace names the override.
class Job {
  start(req) {
    this.run(req.query.cmd);
  }

  run(value) {
    return value;
  }
}

class ShellJob extends Job {
  run(value) {
    // ruleid: js.cmdi.child-process
    exec('sh -c ' + value);
  }
}

class OtherJob {
  run(value) {
    // ok: js.cmdi.child-process
    exec('sh -c ' + value);
  }
}
