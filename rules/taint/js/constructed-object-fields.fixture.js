// A field of an object built from input, read straight off it: the constructor's stores decide it, in a one-shot
// scan (the CLI) as in the editor.
const express = require('express');
const { Client } = require('pg');

const app = express();
const db = new Client();

class TicketFilter {
  constructor(status, limit) {
    this.status = status;
    this.limit = Number.parseInt(limit, 10);
  }
}

app.get('/tickets', async (req, res) => {
  const flt = new TicketFilter(req.query.status, req.query.limit);
  // ruleid: js.sqli.string-query
  await db.query("SELECT * FROM ticket WHERE status = '" + flt.status + "'");
  // ok: js.sqli.string-query
  await db.query('SELECT * FROM ticket LIMIT ' + flt.limit);
  res.send('ok');
});
