// An object's keys, values and entries carry what it holds: a body's keys are chosen by the client as much as its
// values (`{ "name) OR 1=1 --": 1 }`).
const express = require('express');
const { exec } = require('child_process');
const app = express();
app.use(express.json());

app.post('/filter', (req, res) => {
  const parts = Object.entries(req.body.criteria).map(([attr, val]) => `${attr} = '${val}'`);
  // ruleid: js.sqli.string-query
  db.query('SELECT * FROM people WHERE ' + parts.join(' AND '));
  const columns = Object.keys(req.body.update);
  // ruleid: js.sqli.string-query
  db.query(`UPDATE people SET ${columns.map((c) => c + ' = ?').join(', ')} WHERE id = 1`, Object.values(req.body.update));
  const tags = Object.values(req.body.tags);
  // ruleid: js.cmdi.child-process
  exec('tag ' + tags.join(' '));
  const copy = structuredClone(Object.fromEntries(Object.entries(req.query)));
  // ruleid: js.cmdi.child-process
  exec('show ' + copy.name);
  res.end();
});

app.post('/filter-ok', (req, res) => {
  const ALLOWED = ['name', 'city'];
  const columns = Object.keys(req.body.update).filter((c) => ALLOWED.includes(c));
  // ok: js.sqli.string-query
  db.query('SELECT ' + Object.keys({ id: 1, name: 2 }).join(', ') + ' FROM people');
  // ok: js.cmdi.child-process
  exec('count ' + Object.keys(req.body).length);
  res.json(columns);
});
