// Optional chaining reads what the plain access reads: `req?.query`, `res?.redirect(u)`, `req.body?.()`.
const { exec } = require('child_process');
const express = require('express');
const app = express();

app.get('/a', (req, res) => {
  // ruleid: js.cmdi.child-process
  exec('grep ' + req?.query?.pattern + ' /var/log/app.log');
  // ok: js.cmdi.child-process
  exec('grep ' + JSON.stringify(req?.query?.limit ? 1 : 0));
  // ruleid: js.open-redirect.redirect
  res?.redirect(req?.query?.next);
});

app.post('/b', async (req, res) => {
  const { table } = (await req.json?.()) ?? {};
  // ruleid: js.cmdi.child-process
  exec('pg_dump -t ' + req.body?.table + ' ' + table);
  res.end();
});
