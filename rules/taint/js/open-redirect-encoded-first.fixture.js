// A target that starts with encodeURIComponent(x) is a relative path: "/", ":" and "\" are escaped, so no scheme or
// host can form, whatever follows.
const express = require('express');
const app = express();

app.get('/p/:id', (req, res) => {
  const clean = req.params.id.replace(/[^\w-]/g, '_');
  if (clean !== req.params.id) {
    // ok: js.open-redirect.redirect
    res.header('Location', encodeURIComponent(req.params.id) + new URL(req.url, 'http://invalid').search);
    // ok: js.open-redirect.redirect
    return res.redirect(`${encodeURIComponent(req.params.id)}?from=${req.query.from}`);
  }
  // ok: js.open-redirect.redirect
  res.redirect(encodeURIComponent(req.query.next));
});

app.get('/go', (req, res) => {
  // Encoding only a later part leaves the start to the input.
  // ruleid: js.open-redirect.redirect
  res.redirect(req.query.base + encodeURIComponent(req.query.page));
  // ruleid: js.open-redirect.redirect
  res.redirect(`${req.query.base}/${encodeURIComponent(req.query.page)}`);
  // A constant first, then the input: "http:" + "//evil.example".
  // ruleid: js.open-redirect.redirect
  res.redirect('http:' + req.query.rest + encodeURIComponent(req.query.page));
});
