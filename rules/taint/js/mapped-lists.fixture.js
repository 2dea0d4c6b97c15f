// A list mapped with a callback holds what the callback returns: numbers parsed from the input are no injection,
// the input's own text (trimmed, quoted) still is.
const express = require('express');
const mysql = require('mysql');

const pool = mysql.createPool({ host: 'db' });
const app = express();

app.post('/orders/archive', (req, res) => {
  const ids = req.body.ids.map((n) => parseInt(n, 10)).filter(Number.isInteger).join(',');
  // ok: js.sqli.string-query
  pool.query(`UPDATE orders SET archived = 1 WHERE id IN (${ids})`);
  res.end();
});

app.post('/orders/restore', (req, res) => {
  const ids = req.body.ids.flatMap((n) => {
    const id = Number(n);
    return Number.isInteger(id) ? [id] : [];
  });
  // ok: js.sqli.string-query
  pool.query('UPDATE orders SET archived = 0 WHERE id IN (' + ids.join(',') + ')');
  res.end();
});

app.post('/orders/tag', (req, res) => {
  const names = req.body.names.map((n) => `'${n.trim()}'`).join(',');
  // ruleid: js.sqli.string-query
  pool.query(`SELECT * FROM tags WHERE name IN (${names})`);
  res.end();
});

app.post('/orders/label', (req, res) => {
  const prefix = req.query.prefix;
  // The callback returns input of its own (the prefix it captures) over a constant list: not followed yet.
  const labels = [1, 2, 3].map((i) => prefix + i).join(',');
  // todoruleid: js.sqli.string-query
  pool.query(`SELECT * FROM labels WHERE name IN (${labels})`);
  res.end();
});

app.post('/orders/by-number', (req, res) => {
  // A converter passed by name: each element goes through Number, a sanitizer of the rule.
  const ids = req.body.ids.map(Number).join(',');
  // ok: js.sqli.string-query
  pool.query(`SELECT * FROM orders WHERE id IN (${ids})`);
  res.end();
});
