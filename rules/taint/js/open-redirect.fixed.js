const express = require('express');
const app = express();

app.get('/login', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(req.query.next.startsWith("/") && !req.query.next.startsWith("//") && !req.query.next.startsWith("/\\") ? req.query.next : "/");
});

app.get('/go', (req, res) => {
  const { to } = req.query;
  // ruleid: js.open-redirect.redirect
  res.redirect(302, to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/");
});

// ---- negatives ----
app.get('/n1', (req, res) => {
  const next = req.query.next;
  if (next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) {
    // ok: js.open-redirect.redirect
    return res.redirect(next);
  }
  // ok: js.open-redirect.redirect
  res.redirect('/home');
});

app.get('/n2', (req, res) => {
  const page = req.query.page;
  if (page === 'settings' || page === 'profile') {
    // ok: js.open-redirect.redirect
    res.redirect('/' + page);
  }
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.open-redirect.redirect
  res.redirect(req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.open-redirect.redirect
    res.redirect(req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.open-redirect.redirect
    res.redirect(choice);
  }
  // ok: js.open-redirect.redirect
  res.redirect(process.env.APP_SETTING);
});
