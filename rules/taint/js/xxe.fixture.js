const express = require('express');
const libxmljs = require('libxmljs');
const app = express();

app.post('/import', (req, res) => {
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(req.body.xml, { noent: true });
  res.json({ root: doc.root().name() });
});

// ---- negatives ----
app.post('/n1', (req, res) => {
  // Entities are not substituted by default.
  // ok: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(req.body.xml);
  // ok: js.xxe.libxmljs-noent
  const cfg = libxmljs.parseXml(require('fs').readFileSync('config.xml', 'utf8'), { noent: true });
  res.json({ a: doc.root().name(), b: cfg.root().name() });
});
