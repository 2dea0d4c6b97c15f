// A regex that asks for a leading slash not followed by a slash or a backslash checks all three parts at once.
const express = require('express');
const app = express();

function isInternal(target) {
  return /^\/(?![\/\\])/.test(target);
}

app.get('/go', (req, res) => {
  const to = req.query.to || '/';
  // ok: js.open-redirect.redirect
  res.redirect(isInternal(to) ? to : '/');
});

app.get('/next', (req, res) => {
  const to = req.query.next || '/';
  if (!/^\/[^\/\\]/.test(to)) return res.redirect('/');
  // ok: js.open-redirect.redirect
  res.redirect(to);
});

app.get('/loose', (req, res) => {
  const to = req.query.next || '/';
  // A leading slash alone lets `//evil.example` through.
  if (!/^\//.test(to)) return res.redirect('/');
  // ruleid: js.open-redirect.redirect
  res.redirect(to);
});

app.get('/slash-only', (req, res) => {
  const to = req.query.next || '/';
  // Refusing a second slash but not a backslash lets `/\evil.example` through.
  if (!/^\/(?!\/)/.test(to)) return res.redirect('/');
  // ruleid: js.open-redirect.redirect
  res.redirect(to);
});
