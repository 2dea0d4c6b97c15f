// Own keys of a table the program wrote are an allow-list: the value is one of its keys.
const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const ASSETS = { 'app.js': 'dist/app.js', 'style.css': 'dist/style.css' };
const compatPaths = Object.freeze({ 'js/old.js': 'js/new.js' });

app.get('/asset', (req, res) => {
  const name = req.query.name;
  if (!Object.hasOwn(ASSETS, name)) return res.sendStatus(404);
  // ok: js.path-traversal.fs
  fs.createReadStream(name).pipe(res);
});

app.get('/compat', (req, res) => {
  const name = req.params.name;
  if (Object.prototype.hasOwnProperty.call(compatPaths, name)) {
    // ok: js.path-traversal.fs
    fs.readFile(name, (err, data) => res.send(String(data)));
  }
});

// ---- still reported ----
app.get('/body-keys', (req, res) => {
  // The table is the input itself: any key the client sent passes.
  const name = req.query.name;
  if (!Object.hasOwn(req.body, name)) return res.sendStatus(404);
  // ruleid: js.path-traversal.fs
  fs.createReadStream(name).pipe(res);
});

app.get('/unknown-table', (req, res) => {
  const table = loadTable();
  const name = req.query.name;
  if (!Object.hasOwn(table, name)) return res.sendStatus(404);
  // ruleid: js.path-traversal.fs
  fs.createReadStream(name).pipe(res);
});

function loadTable() {
  return JSON.parse(fs.readFileSync('table.json', 'utf8'));
}
