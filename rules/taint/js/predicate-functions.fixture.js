// A function of the file that returns a check of its parameter (a predicate) checks its argument where the call is
// true: in an if, a refusal, or a conditional picking the value.
const express = require('express');
const path = require('path');

const app = express();
const ALLOWED = new Set(['report.pdf', 'terms.pdf']);

function isLocalPath(p) {
  return p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\');
}
const isAllowedFile = (name) => ALLOWED.has(name);
function looksLocal(p) {
  if (p.length > 200) return false;
  return p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\');
}
function notReallyChecked(p) {
  if (p.startsWith('http')) return true;
  return p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\');
}

app.get('/login/done', (req, res) => {
  const next = String(req.query.next || '/');
  // ok: js.open-redirect.redirect
  res.redirect(isLocalPath(next) ? next : '/');
});

app.get('/logout', (req, res) => {
  const next = String(req.query.next || '/');
  if (!looksLocal(next)) return res.redirect('/');
  // ok: js.open-redirect.redirect
  res.redirect(next);
});

app.get('/files', (req, res) => {
  if (isAllowedFile(req.query.name)) {
    // ok: js.path-traversal.fs
    return res.sendFile(path.join(__dirname, 'files', req.query.name));
  }
  res.sendStatus(404);
});

app.get('/go', (req, res) => {
  const next = String(req.query.next || '/');
  // A predicate true for a path it never checked is no check.
  // ruleid: js.open-redirect.redirect
  res.redirect(notReallyChecked(next) ? next : '/');
});

app.get('/other', (req, res) => {
  const next = String(req.query.next || '/');
  const back = String(req.query.back || '/');
  // The check was on another value.
  // ruleid: js.open-redirect.redirect
  res.redirect(isLocalPath(back) ? next : '/');
});

// Any backslash refused, after a string test: the same local-path check.
function isSafeNext(p) {
  return typeof p === 'string' && p.startsWith('/') && !p.startsWith('//') && !p.includes('\\');
}

function rootedOnly(p) {
  return typeof p === 'string' && p.startsWith('/') && !p.startsWith('//');
}

app.get('/continue', (req, res) => {
  const next = req.query.next;
  // ok: js.open-redirect.redirect
  if (isSafeNext(next)) return res.redirect(next);
  if (next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) {
    // ok: js.open-redirect.redirect
    return res.redirect(next);
  }
  res.redirect('/');
});

app.get('/resume', (req, res) => {
  const next = req.query.next;
  // "/\\evil.example" passes a check that lets a backslash through: browsers read it as "//evil.example".
  // ruleid: js.open-redirect.redirect
  if (rootedOnly(next)) return res.redirect(next);
  res.redirect('/');
});
