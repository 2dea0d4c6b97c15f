// A middleware that stores input on the request (`req.context = { tenant: req.get('X-Tenant-Id') }`) hands it to
// every handler after it: what they read of that field is input too.
const express = require('express');
const { exec } = require('child_process');
const db = require('./db');

const app = express();

function tenantContext(req, res, next) {
  req.context = { tenant: req.get('X-Tenant-Id'), started: Date.now() };
  next();
}

function requestId(req, res, next) {
  req.id = Math.random().toString(36).slice(2);
  next();
}

app.use(tenantContext);
app.use(requestId);

app.get('/reports', (req, res) => {
  // ruleid: js.cmdi.child-process
  exec('report --tenant ' + req.context.tenant);
  // The server's own value, stored by the other middleware.
  // ok: js.cmdi.child-process
  exec('trace ' + req.id);
  res.send('ok');
});

app.post(
  '/hooks',
  (req, res, next) => {
    req.hook = { script: req.body.script, name: 'deploy' };
    next();
  },
  // The handler's request, whatever it is called.
  (request, response) => {
    // ruleid: js.cmdi.child-process
    exec(request.hook.script);
    response.send('ok');
  },
);

app.get('/me', async (req, res) => {
  // A field no handler of the file stores input in (set by a library: passport's user).
  // ok: js.cmdi.child-process
  exec('whoami ' + req.user.id);
  res.json(await db.profile(req.user.id));
});
