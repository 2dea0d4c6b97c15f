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

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.xxe.libxmljs-noent
  libxmljs.parseXml(req.query.v, { noent: true });
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.xxe.libxmljs-noent
    libxmljs.parseXml(req.query.v, { noent: true });
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.xxe.libxmljs-noent
    libxmljs.parseXml(choice, { noent: true });
  }
  // ok: js.xxe.libxmljs-noent
  libxmljs.parseXml(process.env.APP_SETTING, { noent: true });
});
