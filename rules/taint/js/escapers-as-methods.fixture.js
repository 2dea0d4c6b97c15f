// Escapers reached through a module or helper object, and mysql's format with a template of the program's.
const express = require('express');
const mysql = require('mysql');
const reports = require('./reportService');
const pool = mysql.createPool({});
const app = express();

app.get('/summary', (req, res) => {
  const title = reports.escapeHtml(req.query.title || 'Inventory');
  // ok: js.xss.server-response
  res.send(`<h1>Report: ${title}</h1>`);
  // ruleid: js.xss.server-response
  res.send(`<h1>Report: ${String(req.query.title).trim()}</h1>`);
});

app.post('/orders/:id/note', (req, res) => {
  const sql = mysql.format('UPDATE orders SET note = ? WHERE id = ?', [req.body.note, req.params.id]);
  // ok: js.sqli.string-query
  pool.query(sql);
  const loose = mysql.format('UPDATE orders SET note = ? WHERE ' + req.body.where, [req.body.note]);
  // ruleid: js.sqli.string-query
  pool.query(loose);
  res.end();
});

function escapeHtmlChain(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function stripAmp(s) {
  return String(s).replace(/&/g, '&amp;');
}

app.get('/chain', (req, res) => {
  // ok: js.xss.server-response
  res.send('<h1>' + escapeHtmlChain(req.query.t) + '</h1>');
  // ruleid: js.xss.server-response
  res.send('<h1>' + stripAmp(req.query.t) + '</h1>');
});
