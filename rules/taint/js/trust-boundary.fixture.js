const express = require('express');
const app = express();
const ROLES = ['viewer', 'editor'];

app.post('/login', (req, res) => {
  // ruleid: js.trust-boundary.session-from-request
  req.session.user = req.body.user;
  res.send('ok');
});

app.get('/role', (req, res) => {
  const { role } = req.query;
  // ruleid: js.trust-boundary.session-from-request
  req.session['role'] = role;
  res.send('ok');
});

app.post('/prefs', (req, res) => {
  // ruleid: js.trust-boundary.session-from-request
  Object.assign(req.session, req.body);
  res.send('ok');
});

app.post('/login2', async (req, res) => {
  const user = await findUser(req.body.name);
  // ok: js.trust-boundary.session-from-request
  req.session.userId = user.id;
  res.send('ok');
});

app.get('/role-checked', (req, res) => {
  const role = req.query.role;
  if (ROLES.includes(role)) {
    // ok: js.trust-boundary.session-from-request
    req.session.role = role;
  }
  res.send('ok');
});

app.get('/visit', (req, res) => {
  // ok: js.trust-boundary.session-from-request
  req.session.visits = (req.session.visits || 0) + 1;
  res.send('ok');
});

async function findUser(name) {
  return { id: 1, name: 'x' };
}
