// Gaps from issue 15's held out 5 (published fixes the rules had not seen): a `todoruleid:` until the engine read
// the form, then a `ruleid:`.
const express = require('express');
const multer = require('multer');

// multer's disk storage names the saved file with what `filename` passes to its callback
// (https://github.com/expressjs/multer#diskstorage): `file.originalname` is the name the client sent, so
// "../../x" writes outside the upload folder (anything-llm's arbitrary file write). The callback is an entry of
// the options object (a handler's `call` matches it there), and the sink is a call of its own parameter.
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, '/srv/uploads'),
  filename: function (req, file, cb) {
    // ruleid: js.path-traversal.fs
    cb(null, file.originalname);
  },
});

const app = express();
app.post('/upload', multer({ storage }).single('file'), (req, res) => res.send('ok'));

module.exports = app;
