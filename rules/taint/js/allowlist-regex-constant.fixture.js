// An anchored regular expression kept in a constant and tested before use is the same allow-list check as one
// written in place (The Lounge's uploads: `const nameRegex = /^[0-9a-f]{16}$/; if (!nameRegex.test(name)) return`).
const express = require('express');
const path = require('path');
const app = express();
const UPLOADS = '/srv/uploads';
const SLUG = /^[a-z0-9-]+$/;

app.get('/uploads/:name', (req, res) => {
  const name = req.params.name;
  const nameRegex = /^[0-9a-f]{16}$/;
  if (!nameRegex.test(name)) {
    return res.status(404).send('Not found');
  }
  // ok: js.path-traversal.fs
  return res.sendFile(path.join(UPLOADS, name.substring(0, 2), name));
});

app.get('/pages/:slug', (req, res) => {
  if (SLUG.test(req.params.slug)) {
    // ok: js.path-traversal.fs
    res.sendFile(path.join(UPLOADS, req.params.slug));
  }
});

// ---- still reported ----
app.get('/loose/:name', (req, res) => {
  // Not anchored: "../../etc/passwd" contains a hex digit.
  const loose = /[0-9a-f]/;
  if (!loose.test(req.params.name)) return res.sendStatus(404);
  // ruleid: js.path-traversal.fs
  res.sendFile(path.join(UPLOADS, req.params.name));
});

app.get('/reassigned/:name', (req, res) => {
  let re = /^[0-9a-f]{16}$/;
  // ruleid: js.regex-injection.regexp
  re = new RegExp(req.query.pattern);
  if (!re.test(req.params.name)) return res.sendStatus(404);
  // ruleid: js.path-traversal.fs
  res.sendFile(path.join(UPLOADS, req.params.name));
});
