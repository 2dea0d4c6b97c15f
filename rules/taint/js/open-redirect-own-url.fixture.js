// Redirecting to this request's own URL on another scheme (an HTTPS upgrade): the browser sent the host it connected
// to and a target starting with "/", so the redirect stays on this site.
const express = require('express');
const app = express();

app.use((req, res, next) => {
  if (req.secure) return next();
  // ok: js.open-redirect.redirect
  res.redirect('https://' + req.get('host') + req.url);
});

app.use((req, res, next) => {
  if (req.protocol === 'https') return next();
  // ok: js.open-redirect.redirect
  res.redirect(301, `https://${req.headers.host}${req.originalUrl}`);
});

// ---- still reported ----
app.get('/upgrade', (req, res) => {
  // The path comes from the query: any host after "//" in it is not this request's target.
  // ruleid: js.open-redirect.redirect
  res.redirect('https://' + req.get('host') + req.query.path);
});

app.get('/forwarded', (req, res) => {
  // X-Forwarded-Host is whatever a client or a proxy in front wrote, not the host the browser connected to.
  // ruleid: js.open-redirect.redirect
  res.redirect('https://' + req.get('x-forwarded-host') + req.url);
});

app.get('/next', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(req.get('host') + req.url);
});
