// An HTML escaper makes text safe between tags and inside a quoted attribute, but not as the start of a URL
// attribute's value: `javascript:alert(document.cookie)` has no character to escape, and a click runs it.
const express = require('express');
const escapeHtml = require('escape-html');
const he = require('he');

const app = express();

app.get('/credit', (req, res) => {
  const source = req.query.source || '#';
  // ruleid: js.xss.server-response
  res.send(`<p>Photo: <a href="${escapeHtml(source)}" rel="nofollow">original</a></p>`);
});

app.get('/avatar', (req, res) => {
  // ruleid: js.xss.server-response
  res.send('<img alt="" src="' + he.encode(String(req.query.u)) + '">');
});

app.get('/label', (req, res) => {
  const text = String(req.query.t || '');
  // ok: js.xss.server-response
  res.send(`<a href="/items" title="${escapeHtml(text)}">${escapeHtml(text)}</a>`);
});

app.get('/item', (req, res) => {
  // A path under the site's own prefix: no scheme can start it.
  // ok: js.xss.server-response
  res.send(`<a href="/items/${escapeHtml(req.query.name)}">${escapeHtml(req.query.name)}</a>`);
});

app.get('/go', (req, res) => {
  // Percent-encoded, the colon of a scheme is gone: a relative link.
  // ok: js.xss.server-response
  res.send(`<a href="${encodeURIComponent(req.query.to)}">continue</a>`);
});

app.listen(3000);
