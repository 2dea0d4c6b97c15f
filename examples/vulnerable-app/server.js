// Shop backend: the entry point. Intentionally vulnerable (see README.md).
const express = require('express');
const mysql = require('mysql2/promise');
const config = require('./config');

const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));

const db = mysql.createPool({
  host: config.db.host,
  user: config.db.user,
  password: process.env.DB_PASSWORD,
  database: 'shop',
});

// Look a user up by id.
app.get('/users', async (req, res) => {
  const [rows] = await db.query("SELECT id, name, email FROM users WHERE id = " + req.query.id);
  res.json(rows);
});

// Product search page.
app.get('/search', async (req, res) => {
  const term = req.query.q;
  const [rows] = await db.query('SELECT name FROM products WHERE name LIKE ?', [`%${term}%`]);
  res.send(`<h1>Results for ${term}</h1><ul>${rows.map((r) => `<li>${r.name}</li>`).join('')}</ul>`);
});

// After login, send the user back where they came from.
app.get('/login/callback', (req, res) => {
  res.redirect(req.query.next);
});

app.use('/orders', require('./routes/orders'));
app.use('/files', require('./routes/files'));
app.use('/proxy', require('./routes/proxy'));
app.use('/admin', require('./routes/admin'));

app.listen(config.port, () => console.log(`shop listening on ${config.port}`));
