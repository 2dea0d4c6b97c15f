// node-postgres and mysql2 take the query as a config object too: `{ text, values }` (pg), `{ sql, values }`
// (mysql / mysql2). The text is SQL; the values are bound.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/users', async (req, res) => {
  const match = req.query.q;
  // ruleid: js.sqli.string-query
  const r = await pool.query({ text: `SELECT uid FROM users WHERE name LIKE '${match}'` });
  res.json(r.rows);
});

app.get('/orders', async (req, res) => {
  // ruleid: js.sqli.string-query
  const r = await pool.query({ sql: 'SELECT * FROM orders WHERE id = ' + req.query.id, timeout: 1000 });
  res.json(r);
});

app.get('/items', async (req, res) => {
  const query = { text: 'SELECT * FROM items WHERE owner = ' + req.query.owner, rowMode: 'array' };
  // ruleid: js.sqli.string-query
  const r = await pool.query(query);
  res.json(r.rows);
});

app.get('/safe', async (req, res) => {
  // ok: js.sqli.string-query
  const r = await pool.query({ text: 'SELECT * FROM users WHERE name LIKE $1', values: [req.query.q] });
  res.json(r.rows);
});

app.get('/named', async (req, res) => {
  const name = req.query.name;
  // ok: js.sqli.string-query
  const r = await pool.query({ name: 'fetch-user', text: 'SELECT * FROM users WHERE id = $1', values: [name] });
  res.json(r.rows);
});

app.get('/shorthand', async (req, res) => {
  const text = 'SELECT * FROM users WHERE name = \'' + req.query.name + '\'';
  // ruleid: js.sqli.string-query
  const r = await pool.query({ text, values: [] });
  res.json(r.rows);
});
