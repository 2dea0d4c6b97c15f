// A same-site path checked character by character: the first is "/", the second neither "/" nor "\".
const express = require('express');
const app = express();

function localReturn(value) {
  if (typeof value !== 'string' || value[0] !== '/' || value[1] === '/' || value[1] === '\\') return '/';
  return value;
}

function firstCharOnly(value) {
  if (value.charAt(0) !== '/') return '/';
  return value;
}

function noBackslashCheck(value) {
  if (value[0] !== '/' || value[1] === '/') return '/';
  return value;
}

app.get('/back', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect(localReturn(req.query.return));
});

app.get('/inline', (req, res) => {
  const to = String(req.query.to || '');
  if (to.charAt(0) === '/' && to.charAt(1) !== '/' && to.charAt(1) !== '\\') {
    // ok: js.open-redirect.redirect
    return res.redirect(to);
  }
  res.redirect('/');
});

app.get('/first', (req, res) => {
  // "//evil.example" starts with "/".
  // ruleid: js.open-redirect.redirect
  res.redirect(firstCharOnly(req.query.to));
});

app.get('/slashes', (req, res) => {
  // "/\evil.example" passes both checks.
  // ruleid: js.open-redirect.redirect
  res.redirect(noBackslashCheck(req.query.to));
});
