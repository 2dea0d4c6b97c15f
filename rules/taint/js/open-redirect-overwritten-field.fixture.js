// A request field the handler overwrote with a constant holds that constant, not input (live-server's SPA middleware:
// `req.url = '/'`, then `Location: req.url + '#' + route`, a fragment on this site). Overwritten or checked on one
// branch only, the field is input again after the join; checked on one branch and overwritten on the other
// (`if (!ok(req.url)) req.url = '/'`), it is clean on both.
const express = require('express');
const app = express();
const PAGES = ['/', '/about', '/help'];

app.use((req, res, next) => {
  if (req.url !== '/') {
    const route = req.url;
    req.url = '/';
    res.statusCode = 302;
    // ok: js.open-redirect.redirect
    res.setHeader('Location', req.url + '#' + route);
    return res.end();
  }
  next();
});

app.get('/home', (req, res) => {
  req.url = '/';
  // ok: js.open-redirect.redirect
  res.redirect(req.url);
});

app.get('/back', (req, res) => {
  if (!(req.url.startsWith('/') && !req.url.startsWith('//') && !req.url.startsWith('/\\'))) req.url = '/';
  // ok: js.open-redirect.redirect
  res.redirect(req.url);
});

app.get('/page', (req, res) => {
  if (!PAGES.includes(req.query.page)) req.query.page = '/';
  // ok: js.open-redirect.redirect
  res.redirect(req.query.page);
});

app.get('/search', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect('/search?q=' + req.query.q);
});

app.get('/search-more', (req, res) => {
  let url = '/search';
  url += '?q=' + encodeURIComponent(req.query.q) + '&page=' + req.query.page;
  // ok: js.open-redirect.redirect
  res.redirect(url);
});

// ---- still reported ----
app.get('/slash', (req, res) => {
  // "/" then input: "//evil.example" or "/\\evil.example" names another host.
  // ruleid: js.open-redirect.redirect
  res.redirect('/' + req.query.to);
});

app.get('/input-first', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(req.query.to + '?from=' + req.url);
});

app.get('/input-then-query', (req, res) => {
  let url = req.query.to;
  url += '?from=home';
  // ruleid: js.open-redirect.redirect
  res.redirect(url);
});

app.get('/maybe', (req, res) => {
  // Overwritten on one branch only: on the other it is still the request's URL.
  if (req.query.reset) req.url = '/';
  // ruleid: js.open-redirect.redirect
  res.redirect(req.url);
});

app.get('/checked-once', (req, res) => {
  // Checked on one branch, used after the join unchecked.
  if (PAGES.includes(req.query.page)) console.log('known page');
  // ruleid: js.open-redirect.redirect
  res.redirect(req.query.page);
});

app.get('/field-of-input', (req, res) => {
  const q = req.query;
  if (req.query.reset) q.next = '/';
  // ruleid: js.open-redirect.redirect
  res.redirect(q.next);
});

app.get('/overwritten-with-input', (req, res) => {
  req.url = req.query.to;
  // ruleid: js.open-redirect.redirect
  res.redirect(req.url);
});
