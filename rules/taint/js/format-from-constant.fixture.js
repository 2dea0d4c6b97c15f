// A template kept in a module-level name still carries the values put into it.
const express = require('express');
const cp = require('child_process');

const app = express();
const PING = 'ping -c 1 HOST';
const PARTS = ['ls', '-l'];

app.get('/ping', (req, res) => {
  // ruleid: js.cmdi.child-process
  cp.exec(PING.replace('HOST', req.query.host));
  // ok: js.cmdi.child-process
  cp.exec(PING.replace('HOST', 'localhost'));
  // ruleid: js.cmdi.child-process
  cp.exec(PARTS.concat([req.query.dir]).join(' '));
  res.end();
});
