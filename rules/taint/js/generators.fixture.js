// What a generator yields is what iterating its result gives.
const express = require('express');
const cp = require('child_process');

const app = express();

function* names(raw) {
  for (const part of raw.split(',')) yield part.trim();
}

function* fixed() {
  yield 'localhost';
}

app.get('/ping', (req, res) => {
  for (const host of names(String(req.query.hosts))) {
    // ruleid: js.cmdi.child-process
    cp.exec('ping -c 1 ' + host);
  }
  for (const host of fixed()) {
    // ok: js.cmdi.child-process
    cp.exec('ping -c 1 ' + host);
  }
  res.end();
});
