// sqlite3 and better-sqlite3 take SQL text in get/all/run/prepare: in a file importing a SQL driver, a `db`
// receiver's methods are queries (real-libraries.fixture.js holds a lowdb `db.get`, which is not).
const express = require('express');
const sqlite3 = require('sqlite3');
const Database = require('better-sqlite3');

const db = new sqlite3.Database('app.db');
const conn = new Database('app.db');
const app = express();

app.get('/one', (req, res) => {
  // ruleid: js.sqli.string-query
  db.get('SELECT * FROM users WHERE id = ' + req.query.id, (err, row) => res.json(row));
});

app.get('/many', (req, res) => {
  // ruleid: js.sqli.string-query
  db.all(`SELECT * FROM users WHERE name = '${req.query.name}'`, (err, rows) => res.json(rows));
});

app.post('/touch', (req, res) => {
  // ruleid: js.sqli.string-query
  db.run('UPDATE users SET seen = 1 WHERE id = ' + req.body.id);
  res.end();
});

app.get('/prepared', (req, res) => {
  // ruleid: js.sqli.string-query
  const stmt = conn.prepare('SELECT * FROM users WHERE id = ' + req.query.id);
  // ok: js.sqli.string-query
  res.json(conn.prepare('SELECT * FROM users WHERE id = ?').get(req.query.id));
  res.json(stmt.all());
});

// A Database made in another module and exported under any name: the statement's text says it is SQL.
const { cache } = require('./db');
const cp = require('child_process');

app.get('/saved', (req, res) => {
  // ruleid: js.sqli.string-query
  res.json(cache.prepare(`SELECT id FROM saved_reports WHERE owner = '${req.query.owner}'`).all());
  // ok: js.sqli.string-query
  res.json(cache.prepare('SELECT id FROM saved_reports WHERE owner = ?').all(req.query.owner));
  const sql = 'delete from result_cache where key like \'' + req.query.prefix + '%\'';
  // ruleid: js.sqli.string-query
  cache.exec(sql);
  // ruleid: js.sqli.string-query
  conn.exec(`DELETE FROM result_cache WHERE key LIKE '${req.query.prefix}%'`);
  // ok: js.sqli.string-query
  cache.get(`report:${req.query.owner}`);
  // ok: js.sqli.string-query
  cache.run(req.query.job);
});
