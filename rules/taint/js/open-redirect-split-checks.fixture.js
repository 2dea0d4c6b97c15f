// A same-site path checked in parts, over several statements or in a helper: it starts with "/", not "//", and
// holds no backslash (browsers read "/\evil.example" as "//evil.example"). Each refused part marks the value; all
// three make it a path on this site.
const express = require('express');
const app = express();

function safeReturnPath(target) {
  if (typeof target !== 'string') return '/';
  if (!target.startsWith('/') || target.startsWith('//')) return '/';
  if (/[\\\x00-\x1f]/.test(target)) return '/';
  return target;
}

function localOnly(to, fallback = '/home') {
  if (!to) return fallback;
  if (!to.startsWith('/')) return fallback;
  if (to.startsWith('//')) return fallback;
  if (to.includes('\\')) return fallback;
  return to;
}

app.get('/continue', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect(safeReturnPath(req.query.next));
});

app.get('/back', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect(localOnly(req.query.to));
});

app.get('/inline', (req, res) => {
  const to = String(req.query.to || '/');
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return res.redirect('/');
  // ok: js.open-redirect.redirect
  res.redirect(to);
});

app.get('/all-at-once', (req, res) => {
  const to = req.query.to;
  if (typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') && !/[\\\s]/.test(to)) {
    // ok: js.open-redirect.redirect
    return res.redirect(to);
  }
  res.redirect('/');
});

// ---- still reported ----
function slashesOnly(target) {
  // No backslash test: "/\evil.example" passes and leaves the site.
  if (!target.startsWith('/') || target.startsWith('//')) return '/';
  return target;
}

function rootedOnly(target) {
  // "//evil.example" starts with "/".
  if (!target.startsWith('/')) return '/';
  if (/[\\]/.test(target)) return '/';
  return target;
}

app.get('/slashes', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(slashesOnly(req.query.next));
});

app.get('/rooted', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(rootedOnly(req.query.next));
});

app.get('/other-variable', (req, res) => {
  const to = req.query.to;
  const other = req.query.other;
  // Checks on one value say nothing of another.
  if (!other.startsWith('/') || other.startsWith('//') || other.includes('\\')) return res.redirect('/');
  // ruleid: js.open-redirect.redirect
  res.redirect(to);
});

app.get('/digit-escape', (req, res) => {
  const to = req.query.to;
  // A regex that refuses "\d" text, not every backslash.
  if (!to.startsWith('/') || to.startsWith('//') || /\\d/.test(to)) return res.redirect('/');
  // ruleid: js.open-redirect.redirect
  res.redirect(to);
});
