// Known gaps from issue 15's held out 5 (published fixes the rules had not seen), each a `todoruleid:` until the
// engine reads the form.
const express = require('express');
const multer = require('multer');

// multer's disk storage names the saved file with what `filename` passes to its callback
// (https://github.com/expressjs/multer#diskstorage): `file.originalname` is the name the client sent, so
// "../../x" writes outside the upload folder (anything-llm's arbitrary file write). The callback is a property of
// the options object, not an argument of a registration call, and the sink is a call of its own parameter.
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, '/srv/uploads'),
  filename: function (req, file, cb) {
    // todoruleid: js.path-traversal.fs
    cb(null, file.originalname);
  },
});

const app = express();
app.post('/upload', multer({ storage }).single('file'), (req, res) => res.send('ok'));

module.exports = app;
