// Values pushed onto an array are in it: a filter built clause by clause and joined, an HTML list, a query's parts.
const express = require('express');
const mysql = require('mysql');
const { exec } = require('child_process');

const app = express();
const db = mysql.createConnection({});

function customerFilter(opts) {
  const clauses = ['deleted = 0'];
  if (opts.country) clauses.push(`country = '${opts.country}'`);
  if (opts.segment) clauses.push("segment = '" + opts.segment + "'");
  return clauses.join(' AND ');
}

app.get('/customers', (req, res) => {
  const where = customerFilter({ country: req.query.country, segment: req.query.segment });
  // ruleid: js.sqli.string-query
  db.query('SELECT id, name FROM customers WHERE ' + where, (err, rows) => res.json(rows));
});

app.get('/report', (req, res) => {
  const html = ['<ul>'];
  for (const tag of [].concat(req.query.tag)) html.push('<li>' + tag + '</li>');
  html.push('</ul>');
  res.set('Content-Type', 'text/html');
  // ruleid: js.xss.server-response
  res.send(html.join(''));
});

app.post('/convert', (req, res) => {
  const cmd = ['convert'];
  cmd.unshift('nice');
  cmd.push(req.body.input, '-resize', '50%', 'out.png');
  // ruleid: js.cmdi.child-process
  exec(cmd.join(' '));
  res.end();
});

// ---- negatives ----
app.post('/n/convert', (req, res) => {
  const cmd = ['convert', 'in.png'];
  cmd.push(req.body.input);
  // The literal's own first element, not what was pushed after it.
  // ok: js.cmdi.child-process
  exec(cmd[0] + ' --version');
  res.end();
});

app.get('/n/customers', (req, res) => {
  const clauses = ['deleted = 0'];
  const params = [];
  if (req.query.country) {
    clauses.push('country = ?');
    params.push(req.query.country);
  }
  // ok: js.sqli.string-query
  db.query('SELECT id FROM customers WHERE ' + clauses.join(' AND '), params, (err, rows) => res.json(rows));
});
