// Orders API. Intentionally vulnerable (see README.md).
const express = require('express');
const mysql = require('mysql2/promise');

const router = express.Router();
const db = mysql.createPool(process.env.DATABASE_URL);

router.get('/', async (req, res) => {
  const status = req.query.status || 'open';
  const sql = `SELECT id, total FROM orders WHERE status = '${status}' ORDER BY created_at DESC`;
  const [rows] = await db.query(sql);
  res.json(rows);
});

router.get('/:id/note', async (req, res) => {
  const [rows] = await db.execute('SELECT note FROM orders WHERE id = ?', [req.params.id]);
  const note = rows.length ? rows[0].note : '';
  res.send('<p>Note for order ' + req.params.id + ': ' + note + '</p>');
});

router.delete('/:id', async (req, res) => {
  await db.execute('DELETE FROM orders WHERE id = ?', [req.params.id]);
  res.sendStatus(204);
});

module.exports = router;
