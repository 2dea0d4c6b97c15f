// A mapping through a conversion the rule counts as a sanitizer, and a filter whose callback is an allow-list check,
// leave no input in the elements they return.
const express = require('express');
const mysql = require('mysql2/promise');
const Post = require('./models/post');

const app = express();
const pool = mysql.createPool({});
const ORDER_COLUMNS = ['id', 'created_at', 'total'];

app.get('/posts', async (req, res) => {
  // Express parses `?tags[$ne]=x` into an object: each element forced to a string carries no operator.
  const tags = [].concat(req.query.tags);
  const list = tags.map(String).filter(Boolean);
  // ok: js.nosqli.query-object
  const posts = await Post.find({ tags: { $in: list } });
  const raw = [].concat(req.query.tag);
  // ruleid: js.nosqli.query-object
  const more = await Post.find({ tags: { $in: raw.filter(Boolean) } });
  res.json({ posts, more });
});

app.get('/orders', async (req, res) => {
  const columns = String(req.query.columns)
    .split(',')
    .map((c) => c.trim())
    .filter((c) => ORDER_COLUMNS.includes(c));
  // ok: js.sqli.string-query
  const [rows] = await pool.query(`SELECT ${columns.join(', ')} FROM orders`);
  const loose = String(req.query.columns)
    .split(',')
    .filter((c) => c.length > 0);
  // ruleid: js.sqli.string-query
  const [all] = await pool.query(`SELECT ${loose.join(', ')} FROM orders`);
  const ids = String(req.query.ids).split(',').map(Number);
  // ok: js.sqli.string-query
  const [byId] = await pool.query(`SELECT * FROM orders WHERE id IN (${ids.join(',')})`);
  res.json({ rows, all, byId });
});
