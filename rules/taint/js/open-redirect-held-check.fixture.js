// A check kept in a variable, then tested: the variable's test is the check's.
const express = require('express');
const app = express();

app.get('/back', (req, res) => {
  const target = req.query.path || '/';
  const local = /^\/[A-Za-z0-9_\-\/]*$/.test(target) && !target.startsWith('//');
  // ok: js.open-redirect.redirect
  res.redirect(local ? target : '/');
});

app.get('/after', (req, res) => {
  const target = req.query.next || '/';
  const ok = target.startsWith('/') && !target.startsWith('//') && !target.includes('\\');
  if (!ok) return res.redirect('/');
  // ok: js.open-redirect.redirect
  res.redirect(target);
});

app.get('/reassigned', (req, res) => {
  let target = req.query.next || '/';
  const ok = target.startsWith('/') && !target.startsWith('//') && !target.includes('\\');
  target = req.query.other;
  // ruleid: js.open-redirect.redirect
  res.redirect(ok ? target : '/');
});

app.get('/partial', (req, res) => {
  const target = req.query.next || '/';
  const ok = target.startsWith('/');
  // ruleid: js.open-redirect.redirect
  res.redirect(ok ? target : '/');
});
