// Express middleware hands values to later handlers in `res.locals` (https://expressjs.com/en/api.html#res.locals),
// which lives as long as the request: what a middleware stored there from the request is input where it is read.
const express = require('express');
const { exec } = require('child_process');

const app = express();

function probeOptions(req, res, next) {
  res.locals.codec = req.query.codec;
  res.locals.limit = 10;
  next();
}

app.use(probeOptions);

app.get('/probe', (req, res) => {
  // ruleid: js.cmdi.child-process
  exec('ffprobe -codec ' + res.locals.codec);
  // ok: js.cmdi.child-process
  exec('ffprobe -limit ' + res.locals.limit);
  res.send('ok');
});
