// A switch case on constants holds only those values of its subject; a case fallen into from one that is not on
// constants does not.
const { exec } = require('child_process');
const express = require('express');
const app = express();

app.get('/sort', (req, res) => {
  const order = req.query.order;
  switch (order) {
    case 'asc':
    case 'desc':
      // ok: js.cmdi.child-process
      exec('sort --' + order);
      break;
    case 'none':
      // ok: js.cmdi.child-process
      exec('cat ' + order);
    // falls through
    case 'rev':
      // Reached from 'none' too: still constants.
      // ok: js.cmdi.child-process
      exec('tac ' + order);
      break;
    case req.query.other:
      // ruleid: js.cmdi.child-process
      exec('echo ' + order);
    // falls through
    case 'x':
      // Reached from a case on input.
      // ruleid: js.cmdi.child-process
      exec('echo ' + order);
      break;
    default:
      // ruleid: js.cmdi.child-process
      exec('sort ' + order);
  }
  // After the switch the value is what it was.
  // ruleid: js.cmdi.child-process
  exec('sort ' + order);
});

app.get('/mode', (req, res) => {
  switch (req.query.mode) {
    case 'fast':
      // ok: js.cmdi.child-process
      exec('run --' + req.query.mode);
      return res.end();
    default:
      // ruleid: js.cmdi.child-process
      exec('run --' + req.query.mode);
  }
  res.end();
});

app.get('/each', (req, res) => {
  for (const v of [req.query.a, req.query.b]) {
    switch (v) {
      case 'a':
        // ok: js.cmdi.child-process
        exec('run ' + v);
        continue;
      default:
        // ruleid: js.cmdi.child-process
        exec('run ' + v);
    }
  }
  res.end();
});

// A declaration inside a case is read like any other.
app.get('/decl', (req, res) => {
  switch (req.query.k) {
    case 'one':
      let y = req.query.a;
      if (req.query.z) y = 'safe';
      // ruleid: js.cmdi.child-process
      exec('run ' + y);
      break;
    case 'two': {
      const z = req.query.b;
      // ruleid: js.cmdi.child-process
      exec('run ' + z);
    }
  }
  res.end();
});
