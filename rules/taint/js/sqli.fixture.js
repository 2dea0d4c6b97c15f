const express = require('express');
const mysql = require('mysql');
const knex = require('knex')({ client: 'mysql' });

const db = mysql.createConnection({ host: 'localhost' });
const app = express();
const router = express.Router();

app.get('/user', (req, res) => {
  // ruleid: js.sqli.string-query
  db.query("SELECT * FROM users WHERE id = " + req.query.id, (err, rows) => res.json(rows));
});

app.get('/by-name', (req, res) => {
  const name = req.query.name;
  // ruleid: js.sqli.string-query
  db.query(`SELECT * FROM users WHERE name = '${name}'`);
});

// A handler whose parameters are not called req/res is still a route handler.
app.post('/search', function (request, response) {
  const { term } = request.body;
  const sql = "SELECT * FROM items WHERE title LIKE '%" + term + "%'";
  // ruleid: js.sqli.string-query
  db.query(sql, (e, r) => response.json(r));
});

// Koa-style context objects: ctx.query and ctx.request.body.
router.get('/koa', async (ctx) => {
  // ruleid: js.sqli.string-query
  await knex.raw("SELECT * FROM logs WHERE level = '" + ctx.query.level + "'");
  // ruleid: js.sqli.string-query
  await knex('users').whereRaw('age > ' + ctx.request.body.age);
});

// Inter-procedural: the parameter reaches the sink inside the helper.
function findUser(id) {
  // ruleid: js.sqli.string-query
  return db.query("SELECT * FROM users WHERE id = " + id);
}
app.get('/u2', (req, res) => {
  findUser(req.params.id);
});

// Inter-procedural: parameter to return value.
function buildQuery(table) {
  return 'SELECT * FROM ' + table;
}
app.get('/u3', (req, res) => {
  // ruleid: js.sqli.string-query
  db.query(buildQuery(req.query.table));
});

// Field-sensitive: only the tainted field is tainted.
app.get('/filter', (req, res) => {
  const filter = {};
  filter.name = req.query.name;
  filter.limit = 10;
  // ok: js.sqli.string-query
  db.query('SELECT * FROM items LIMIT ' + filter.limit);
  // ruleid: js.sqli.string-query
  db.query("SELECT * FROM items WHERE name = '" + filter.name + "'");
});

// ---- negatives ----

// Sanitizer wrapper: the helper coerces to a number.
function toId(value) {
  return parseInt(value, 10);
}
app.get('/n1', (req, res) => {
  // ok: js.sqli.string-query
  db.query('SELECT * FROM users WHERE id = ' + toId(req.query.id));
  // ok: js.sqli.string-query
  db.query('SELECT * FROM users WHERE id = ' + Number(req.query.id));
  // ok: js.sqli.string-query
  db.query('SELECT * FROM users WHERE id = ?', [req.query.id]);
});

app.get('/n2', (req, res) => {
  let id = req.query.id;
  id = 42; // reassigned with a constant: no longer user input
  // ok: js.sqli.string-query
  db.query('SELECT * FROM users WHERE id = ' + id);
});

app.get('/n3', (req, res) => {
  const column = req.query.sort;
  if (['name', 'email', 'created_at'].includes(column)) {
    // ok: js.sqli.string-query
    db.query('SELECT * FROM users ORDER BY ' + column);
  }
  const dir = req.query.dir;
  if (dir === 'asc' || dir === 'desc') {
    // ok: js.sqli.string-query
    db.query('SELECT * FROM users ORDER BY name ' + dir);
  }
  if (dir !== 'desc') return;
  // ok: js.sqli.string-query
  db.query('SELECT * FROM users ORDER BY name ' + dir);
});

app.get('/n4', (req, res) => {
  // Not user input: configuration.
  // ok: js.sqli.string-query
  db.query('SELECT * FROM ' + process.env.AUDIT_TABLE);
});

function localOnly() {
  // A local variable that shadows the request name is not the request.
  const req = { query: { id: '1' } };
  // ok: js.sqli.string-query
  db.query('SELECT * FROM users WHERE id = ' + req.query.id);
}

app.get('/n5', (req, res) => {
  if (false) {
    // Dead code.
    // ok: js.sqli.string-query
    db.query('SELECT * FROM users WHERE id = ' + req.query.id);
  }
  // A router's own methods are not SQL.
  // ok: js.sqli.string-query
  router.query('x' + req.query.id);
});
