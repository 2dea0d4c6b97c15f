// A URL resolved against the site's base and checked to keep its origin, the base held in a constant.
const express = require('express');

const app = express();
const BASE = 'https://inventory.example.com';

app.get('/back', (req, res) => {
  const base = 'https://inventory.example.com';
  const u = new URL(String(req.query.next || '/'), base);
  const target = u.origin === base && !u.pathname.startsWith('//') ? u.pathname + u.search : '/';
  // ok: js.open-redirect.redirect
  res.redirect(target);
});

app.get('/back-refused', (req, res) => {
  const u = new URL(String(req.query.next || '/'), BASE);
  if (u.origin !== BASE) return res.redirect('/');
  // ok: js.open-redirect.redirect
  return res.redirect(u.href);
});

app.get('/back-other', (req, res) => {
  const other = String(req.query.site || '');
  const u = new URL(String(req.query.next || '/'), BASE);
  // The origin compared with another input is no check.
  if (u.origin !== other) return res.redirect('/');
  // ruleid: js.open-redirect.redirect
  return res.redirect(u.href);
});
