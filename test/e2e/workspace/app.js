// Fixture for the real-editor tests: one Express handler with a SQL injection.
const express = require('express');
const mysql = require('mysql2/promise');

const app = express();
const db = mysql.createPool(process.env.DATABASE_URL);

app.get('/users', async (req, res) => {
  const [rows] = await db.query("SELECT * FROM users WHERE id = " + req.query.id);
  res.json(rows);
});

app.listen(3000);
