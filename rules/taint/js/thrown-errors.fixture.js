// An error carries what it was thrown with (its message) to the catch that handles it: a route that answers with
// the error's message reflects the input in it. Followed from a `throw` in the try block, and from a function
// called there that throws with its parameter (`paramRaises` in its summary).
const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

function sortKey(value) {
  if (!/^[a-z_]+$/.test(value)) throw new Error(`cannot sort by ${value}`);
  return value;
}

app.get('/items', (req, res) => {
  try {
    const id = req.query.id;
    if (!/^\d+$/.test(id)) throw new Error('Invalid id ' + id);
    res.send('found');
  } catch (err) {
    // ruleid: js.xss.server-response
    res.status(400).send(err.message);
  }
});

app.get('/list', (req, res) => {
  try {
    sortKey(req.query.sort);
    res.send('sorted');
  } catch (e) {
    // ruleid: js.xss.server-response
    res.send('<p>' + e.message + '</p>');
  }
});

app.get('/users/:id', async (req, res) => {
  try {
    const err = new Error(`no user ${req.params.id}`);
    err.status = 404;
    throw err;
  } catch (e) {
    // ruleid: js.xss.server-response
    res.status(e.status || 500).send(e.message);
  }
});

// ---- negatives ----

app.get('/fixed', (req, res) => {
  try {
    if (!req.query.id) throw new Error('missing id');
    res.send('ok');
  } catch (err) {
    // ok: js.xss.server-response
    res.status(400).send(err.message);
  }
});

app.get('/generic', (req, res) => {
  try {
    sortKey(req.query.sort);
    res.send('sorted');
  } catch (e) {
    // ok: js.xss.server-response
    res.status(400).send('Invalid sort key');
  }
});

app.get('/escaped', (req, res) => {
  try {
    sortKey(req.query.sort);
    res.send('sorted');
  } catch (e) {
    // ok: js.xss.server-response
    res.send('<p>' + escapeHtml(e.message) + '</p>');
  }
});

app.get('/json', (req, res) => {
  try {
    sortKey(req.query.sort);
    res.send('sorted');
  } catch (e) {
    // JSON is not parsed as HTML.
    res.json({ error: e.message });
  }
});

app.get('/after', (req, res) => {
  try {
    JSON.parse('{}');
  } catch (e) {
    // ok: js.xss.server-response
    res.status(400).send(e.message);
  }
  throw new Error(req.query.reason);
});

module.exports = app;
