const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  // ruleid: js.xss.server-response
  res.send('<h1>Hello ' + req.query.name + '</h1>');
});

app.get('/echo', (req, res) => {
  const q = req.query.q;
  // ruleid: js.xss.server-response
  res.status(200).send(`<p>You searched for ${q}</p>`);
  // ruleid: js.xss.server-response
  res.write(req.body.comment);
});

// ---- negatives ----
app.get('/n1', (req, res) => {
  // ok: js.xss.server-response
  res.json({ name: req.query.name });
  // ok: js.xss.server-response
  res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>');
  // ok: js.xss.server-response
  res.send('Count: ' + Number(req.query.count));
  // ok: js.xss.server-response
  res.send('<h1>static</h1>');
});

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.xss.server-response
  res.send('<p>' + req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.xss.server-response
    res.send('<p>' + req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.xss.server-response
    res.send('<p>' + choice);
  }
  // ok: js.xss.server-response
  res.send('<p>' + process.env.APP_SETTING);
});
