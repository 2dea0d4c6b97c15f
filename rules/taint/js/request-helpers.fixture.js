// A handler hands its whole request to a helper, whatever the helper calls it: the helper's parameter stands for
// the request, through helpers calling helpers and the callbacks inside them.
const express = require('express');
const { exec } = require('child_process');
const fs = require('fs');

const app = express();

function runTool(r) {
  // ruleid: js.cmdi.child-process
  exec('tool ' + r.query.name);
}

function whereClause(input) {
  return "WHERE name = '" + input.body.name + "'";
}

function readEach(x) {
  x.body.files.forEach((f) => {
    // ruleid: js.path-traversal.fs
    fs.readFileSync('/srv/data/' + f);
  });
}

function relay(incoming) {
  readEach(incoming);
}

class Jobs {
  start(job) {
    // ruleid: js.cmdi.child-process
    exec('job ' + job.params.id);
  }
  // Its request by name: the method it calls through `this` reads it too.
  handle(req) {
    this.start(req);
  }
}

// Called with a plain object only: its parameter is no request.
function logName(o) {
  // ok: js.cmdi.child-process
  exec('logger ' + o.query.name);
}

// A parameter named as the request already stands for it.
function byName(req) {
  // ruleid: js.cmdi.child-process
  exec('x ' + req.query.v);
}

const jobs = new Jobs();

app.get('/a', (rq, rs) => {
  runTool(/* the whole request */ rq);
  // ruleid: js.sqli.string-query
  db.query('SELECT * FROM t ' + whereClause(rq));
  relay(rq);
  jobs.handle(rq);
  logName({ query: { name: 'fixed' } });
  byName(rq);
  rs.send('ok');
});
