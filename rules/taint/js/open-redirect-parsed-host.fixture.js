// A URL's host checked on its parse (`host = new URL(target).hostname`): the URL itself points to an allowed host.
const express = require('express');
const app = express();

const TRUSTED = new Set(['shop.example.com', 'admin.example.com']);

app.get('/back', (req, res) => {
  const target = req.query.to || 'https://shop.example.com/';
  let host = '';
  try {
    host = new URL(target).hostname;
  } catch {
    host = '';
  }
  if (!TRUSTED.has(host)) return res.redirect('https://shop.example.com/');
  // The parse's host is assigned in a try whose catch assigns a constant: the check is not traced back to target.
  // todook: js.open-redirect.redirect
  res.redirect(target);
});

app.get('/parsed', (req, res) => {
  const target = String(req.query.to);
  const parsed = new URL(target, 'https://shop.example.com');
  if (TRUSTED.has(parsed.hostname)) {
    // ok: js.open-redirect.redirect
    return res.redirect(target);
  }
  res.redirect('/');
});

app.get('/path-only', (req, res) => {
  const target = String(req.query.to);
  const parsed = new URL(target, 'https://shop.example.com');
  if (parsed.pathname.startsWith('/account')) {
    // ruleid: js.open-redirect.redirect
    return res.redirect(target);
  }
  res.redirect('/');
});

app.get('/reassigned', (req, res) => {
  let target = String(req.query.to);
  const host = new URL(target).hostname;
  target = String(req.query.next);
  if (TRUSTED.has(host)) {
    // The check reads host at its value (`new URL(target).hostname`) and cleans target, reassigned since.
    // todoruleid: js.open-redirect.redirect
    return res.redirect(target);
  }
  res.redirect('/');
});

app.get('/other-url', (req, res) => {
  const host = new URL(String(req.query.from)).hostname;
  if (TRUSTED.has(host)) {
    // ruleid: js.open-redirect.redirect
    return res.redirect(req.query.to);
  }
  res.redirect('/');
});

// The parse's host refused unless it is the site's own, then the text redirected to.
app.get('/refused-host', (req, res) => {
  const target = String(req.query.to);
  const parsed = new URL(target, 'https://shop.example.com');
  if (parsed.hostname !== 'shop.example.com') return res.redirect('/');
  // ok: js.open-redirect.redirect
  return res.redirect(target);
});

// A protocol check of the parse says nothing of where it points.
app.get('/refused-protocol', (req, res) => {
  const target = String(req.query.to);
  const parsed = new URL(target, 'https://shop.example.com');
  if (parsed.protocol !== 'https:') return res.redirect('/');
  // ruleid: js.open-redirect.redirect
  return res.redirect(target);
});
