const express = require('express');
const serialize = require('node-serialize');
const yaml = require('js-yaml');
const app = express();

app.post('/session', (req, res) => {
  // An IIFE inside the serialised object runs on unserialize.
  // ruleid: js.deserialization.unsafe
  const session = serialize.unserialize(Buffer.from(req.cookies.session, 'base64').toString());
  res.json(session);
});

app.post('/config', (req, res) => {
  // ruleid: js.deserialization.unsafe
  const cfg = yaml.load(req.body.yaml, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(cfg);
});

app.post('/import', (req, res) => {
  // js-yaml 3 uses the full schema by default.
  // ruleid: js.deserialization.js-yaml-load
  const doc = yaml.load(req.body.document, { schema: yaml.CORE_SCHEMA });
  // ok: js.deserialization.js-yaml-load
  const safe = yaml.load(req.body.document, { schema: yaml.JSON_SCHEMA });
  res.json({ doc, safe });
});

// ---- negatives ----
app.post('/n1', (req, res) => {
  // ok: js.deserialization.unsafe
  const data = JSON.parse(req.body.json);
  // The unsafe rule leaves schema-less load() to the js-yaml 3 rule below.
  // ok: js.deserialization.unsafe
  const cfg = yaml.load(req.body.yaml, { schema: yaml.CORE_SCHEMA });
  // ok: js.deserialization.unsafe
  const local = serialize.unserialize(require('fs').readFileSync('/var/app/state.bin', 'utf8'));
  res.json({ data, cfg, local });
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.deserialization.unsafe
  serialize.unserialize(req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.deserialization.unsafe
    serialize.unserialize(req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.deserialization.unsafe
    serialize.unserialize(choice);
  }
  // ok: js.deserialization.unsafe
  serialize.unserialize(process.env.APP_SETTING);
});
