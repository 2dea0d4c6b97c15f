// False positives seen on real libraries (docs/accuracy.md, "Taint precision on 40 more libraries"), written for
// this file. Each is a `todook` until the engine can tell the cases apart.
const express = require('express');
const fs = require('fs');
const path = require('path');

module.exports = (db) => {
  const router = express.Router();
  router.get('/:name', (req, res) => {
    // db is a lowdb/lodash chain over a JSON file, not SQL: `db.get` is a SQL sink only in a file importing a SQL
    // driver (sqli-sqlite.fixture.js holds that shape, still reported).
    // ok: js.sqli.string-query
    const rows = db.get(req.query.embed).value();
    res.json(rows);
  });
  return router;
};

// A returned object is tainted as a whole, so a property that never held the input is tainted too.
function lookup(root, rel) {
  const full = path.resolve(root, rel);
  // A real probe outside root (whether a file exists), rightly reported.
  // ruleid: js.path-traversal.fs
  if (fs.existsSync(full)) return { found: full };
  return { page: '<p>Nothing here</p>' };
}

module.exports.handler = function (req, res) {
  const { page } = lookup('/srv/files', req.url);
  res.setHeader('Content-Type', 'text/html');
  // todook: js.xss.server-response
  res.end(page);
};
