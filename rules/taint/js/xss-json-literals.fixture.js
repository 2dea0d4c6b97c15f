// Express's res.send() with an object or array literal answers JSON (application/json), which no browser renders as
// HTML; a string built from input is HTML.
const express = require('express');
const app = express();

app.get('/echo-headers', (req, res) => {
  // ok: js.xss.server-response
  res.send({ headers: req.headers, name: req.query.name });
});

app.get('/list', (req, res) => {
  // ok: js.xss.server-response
  res.status(200).send([req.query.a, req.query.b]);
});

// ---- still reported ----
app.get('/hello', (req, res) => {
  // ruleid: js.xss.server-response
  res.send(`<p>Hello ${req.query.name}</p>`);
});

app.get('/status', (req, res) => {
  // ruleid: js.xss.server-response
  res.status(404).send('No page named ' + req.params.page);
});
