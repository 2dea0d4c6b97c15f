// A string replacement's callback runs on pieces of the string: its match and groups hold the input (issue 15).
const express = require('express');
const app = express();

app.post('/preview', (req, res) => {
  const source = String(req.body.text);
  const out = source.replace(/\{\{=(.+?)\}\}/g, (match, expr) => {
    // ruleid: js.code-injection.eval
    return String(eval(expr));
  });
  res.json({ out });
});

function expand(match, name) {
  // ruleid: js.code-injection.eval
  return String(eval(name));
}

app.get('/expand', (req, res) => {
  res.json({ out: req.query.t.replaceAll(/%(\w+)%/g, expand) });
});

app.get('/static', (req, res) => {
  const fixed = '%now% on %host%'.replace(/%(\w+)%/g, (m, name) => {
    // ok: js.code-injection.eval
    return String(eval(name));
  });
  res.json({ fixed, q: req.query.q });
});
