// console.* prints an object literal through util.inspect, which quotes its strings and escapes CR/LF.
const express = require('express');
const app = express();

app.post('/upload', (req, res) => {
  // ok: js.log-injection.logger
  console.log({ body: req.body });
  // ok: js.log-injection.logger
  console.info({
    user: req.body.user,
    note: req.query.note,
  });
  // A string built from the input is printed as it is.
  // ruleid: js.log-injection.logger
  console.log('upload from ' + req.body.user);
  // Indexing an array literal gives back the string.
  // ruleid: js.log-injection.logger
  console.log([req.body.user][0]);
  res.end();
});
