// A redirect target checked to start with a path of this site (`/notes/`, `/app`): a slash then a path character
// can become neither `//host` nor `/\host`, so the browser stays on the site. A bare "/" prefix is not enough.
const express = require('express');

const app = express();

app.post('/notes/:id/archive', (req, res) => {
  const next = String(req.query.next || '');
  // ok: js.open-redirect.redirect
  res.redirect(next.startsWith('/notes/') && !next.includes('//') ? next : '/notes');
});

app.post('/notes/:id/close', (req, res) => {
  const next = String(req.query.next || '');
  if (!next.startsWith('/app')) return res.redirect('/');
  // ok: js.open-redirect.redirect
  return res.redirect(next);
});

app.post('/notes/:id/open', (req, res) => {
  const next = String(req.query.next || '');
  // ruleid: js.open-redirect.redirect
  res.redirect(next.startsWith('/') ? next : '/notes');
});

app.post('/notes/:id/leave', (req, res) => {
  const next = String(req.query.next || '');
  // A prefix that is itself a protocol-relative start.
  // ruleid: js.open-redirect.redirect
  res.redirect(next.startsWith('//cdn') ? next : '/notes');
});
