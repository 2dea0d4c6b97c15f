// A local bound once to one of two functions (`const run = legacy ? a : b`), then called: either may run, so the
// call reaches the sinks of both (reported at the sink, with the call in the trace).
const express = require('express');
const { exec, execFile } = require('child_process');

const app = express();

function probeLegacy(file) {
  // ruleid: js.cmdi.child-process
  exec('ffprobe ' + file);
}

function probeSafe(file) {
  execFile('ffprobe', [file]);
}

function thumbLegacy(file) {
  // ruleid: js.cmdi.child-process
  exec('convert ' + file + ' thumb.png');
}

function thumbSafe(file) {
  execFile('convert', [file, 'thumb.png']);
}

function statLegacy(file) {
  // The choice below never picks it.
  // ok: js.cmdi.child-process
  exec('stat ' + file);
}

const thumbs = { thumbLegacy, thumbSafe };

app.get('/probe', (req, res) => {
  const run = req.query.legacy === '1' ? probeLegacy : probeSafe;
  run(req.query.file);
  const thumb = req.query.legacy === '1' ? thumbs.thumbLegacy : thumbs.thumbSafe;
  thumb(req.query.file);
  const stat = req.query.fast === '1' ? probeSafe : thumbSafe;
  stat(req.query.file);
  statLegacy('/var/data/index');
  res.send('ok');
});
