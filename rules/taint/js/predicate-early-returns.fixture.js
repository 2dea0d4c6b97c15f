// A predicate written as early returns of false, then true (or a last test): where it holds, the guards before its
// last return have checked the argument.
const express = require('express');

const app = express();

function isLocalReturnPath(value) {
  if (typeof value !== 'string' || value.length === 0) return false;
  if (!value.startsWith('/')) return false;
  if (value.startsWith('//') || value.startsWith('/\\')) return false;
  return !/[\r\n\t]/.test(value);
}

function isSitePath(value) {
  if (!value.startsWith('/')) return false;
  if (value.startsWith('//')) return false;
  if (value.startsWith('/\\')) return false;
  return true;
}

function isRooted(value) {
  if (!value.startsWith('/')) return false;
  return true;
}

app.get('/done', (req, res) => {
  const { returnTo } = req.query;
  if (!isLocalReturnPath(returnTo)) return res.redirect('/orders');
  // ok: js.open-redirect.redirect
  return res.redirect(returnTo);
});

app.get('/back', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect(isSitePath(req.query.next) ? req.query.next : '/');
});

app.get('/rooted', (req, res) => {
  // "//evil.example" starts with "/" too.
  // ruleid: js.open-redirect.redirect
  res.redirect(isRooted(req.query.next) ? req.query.next : '/');
});
