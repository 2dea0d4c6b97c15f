// A truth test of a variable or property: where it fails the value is falsy ('' , 0, null, undefined) and holds
// no input. `if (error) return ...` leaves `error` empty on the way on.
const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/callback', (req, res) => {
  const error = req.query.error;
  if (error) return res.redirect('/failed');
  // ok: js.cmdi.child-process
  exec('notify-done ' + error);
  res.send('ok');
});

app.get('/callback-else', (req, res) => {
  const error = req.query.error;
  if (error) {
    // ruleid: js.cmdi.child-process
    exec('notify-failed ' + error);
  } else {
    // ok: js.cmdi.child-process
    exec('notify-done ' + error);
  }
  res.send('ok');
});

app.get('/required', (req, res) => {
  const name = req.query.name;
  if (!name) return res.status(400).send('name is required');
  // ruleid: js.cmdi.child-process
  exec('greet ' + name);
  res.send('ok');
});

app.get('/property', (req, res) => {
  if (req.query.mode) return res.redirect('/');
  // ok: js.cmdi.child-process
  exec('run ' + req.query.mode);
  res.send('ok');
});
