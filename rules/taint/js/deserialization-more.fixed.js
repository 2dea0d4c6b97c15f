// Unsafe deserialisation across request sources, import styles and flow shapes. node-serialize rebuilds
// functions with eval (an `_$$ND_FUNC$$_` IIFE runs on unserialize); funcster and cryo revive functions too;
// js-yaml 3 builds functions from `!!js/function` with the full schema (its default for load and loadAll).
const express = require('express');
const Router = require('@koa/router');
const nodeSerialize = require('node-serialize');
const { unserialize } = require('node-serialize');
const funcster = require('funcster');
const Cryo = require('cryo');
const yaml = require('js-yaml');
const { load: loadYaml, DEFAULT_FULL_SCHEMA } = require('js-yaml');
const YAML = require('yaml');
const { Server } = require('socket.io');

const app = express();
app.use(express.text());

app.get('/prefs', (req, res) => {
  // ruleid: js.deserialization.unsafe
  const prefs = nodeSerialize.unserialize(req.signedCookies.prefs);
  res.json(prefs);
});

app.post('/cart', (req, res) => {
  // Destructured import: the bare call is still node-serialize's.
  // ruleid: js.deserialization.unsafe
  const cart = unserialize(req.body);
  res.json(cart);
});

app.get('/state', (req, res) => {
  const raw = req.get('X-Client-State');
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  // ruleid: js.deserialization.unsafe
  const state = nodeSerialize.unserialize(decoded);
  res.json(state);
});

app.post('/widgets', (req, res) => {
  // ruleid: js.deserialization.unsafe
  const widget = funcster.deepDeserialize(JSON.parse(req.body).widget);
  res.json(widget);
});

app.post('/restore', (req, res) => {
  // ruleid: js.deserialization.unsafe
  const snapshot = Cryo.parse(req.body.snapshot);
  res.json(snapshot);
});

app.post('/yaml/named', (req, res) => {
  // ruleid: js.deserialization.unsafe
  const doc = loadYaml(req.body.doc, { schema: DEFAULT_FULL_SCHEMA });
  res.json(doc);
});

app.post('/yaml/many', (req, res) => {
  const docs = [];
  // js-yaml 3 loadAll without a schema is the full schema too.
  // ruleid: js.deserialization.js-yaml-load
  yaml.loadAll(req.body.stream, (d) => docs.push(d));
  res.json(docs);
});

app.post('/yaml/many-full', (req, res) => {
  const docs = [];
  // ruleid: js.deserialization.unsafe
  yaml.loadAll(req.body.stream, (d) => docs.push(d), { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(docs);
});

// A helper that deserialises its argument: the flow is through the call.
function readSession(blob) {
  // ruleid: js.deserialization.unsafe
  return nodeSerialize.unserialize(blob);
}

app.get('/me', (req, res) => {
  res.json(readSession(req.cookies.session));
});

// Koa: the context is the request.
const router = new Router();
router.post('/import', async (ctx) => {
  // ruleid: js.deserialization.js-yaml-load
  ctx.body = yaml.load(ctx.request.body.manifest, { schema: yaml.CORE_SCHEMA });  // ruleid: js.xss.server-response (a parsed document may be a plain string)
});

// Socket.IO: what a client emits.
const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('sync', (payload) => {
    // ruleid: js.deserialization.unsafe
    const model = nodeSerialize.unserialize(payload.model);
    socket.emit('synced', model);
  });
});

// AWS Lambda behind API Gateway.
exports.handler = async (event) => {
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString() : event.body;
  // ruleid: js.deserialization.unsafe
  const job = nodeSerialize.unserialize(body);
  return { statusCode: 200, body: JSON.stringify(job) };
};

class ImportService {
  restore(text) {
    // ruleid: js.deserialization.unsafe
    return nodeSerialize.unserialize(text);
  }
}
const imports = new ImportService();
app.post('/svc', async (req, res) => {
  res.json(imports.restore(req.body.data));
});

// ---- negatives ----
app.post('/n/json', (req, res) => {
  // JSON cannot carry functions.
  // ok: js.deserialization.unsafe
  const data = JSON.parse(req.body, (k, v) => (k === '__proto__' ? undefined : v));
  res.json(data);
});

app.post('/n/yaml-safe', (req, res) => {
  // js-yaml 3's safeLoad has no JavaScript types.
  // ok: js.deserialization.js-yaml-load
  const a = yaml.safeLoad(req.body.doc);
  // ok: js.deserialization.unsafe
  const b = yaml.load(req.body.doc, { schema: yaml.FAILSAFE_SCHEMA });
  // ok: js.deserialization.js-yaml-load
  const c = yaml.loadAll(req.body.doc, null, { schema: yaml.CORE_SCHEMA });
  // The yaml package (eemeli/yaml) builds plain data only.
  // ok: js.deserialization.js-yaml-load
  const d = YAML.parse(req.body.doc);
  res.json({ a, b, c, d });
});

app.get('/n/own-file', (req, res) => {
  // The server's own file, not the request.
  // ok: js.deserialization.js-yaml-load
  const cfg = yaml.load(require('fs').readFileSync('/etc/app/config.yml', 'utf8'));
  // ok: js.deserialization.unsafe
  const saved = nodeSerialize.unserialize(require('fs').readFileSync('/var/app/cache.bin', 'utf8'));
  res.json({ cfg, saved, q: req.query.q });
});

app.post('/n/serialize', (req, res) => {
  // serialize() only writes; the user data is the input of a serialisation, not of a deserialisation.
  // ok: js.deserialization.unsafe
  const out = nodeSerialize.serialize({ name: req.body.name });
  res.send(out);
});

const KNOWN_LAYOUTS = new Set(['grid', 'list']);
app.get('/n/layout', (req, res) => {
  const layout = req.query.layout;
  if (KNOWN_LAYOUTS.has(layout)) {
    // ok: js.deserialization.unsafe
    res.json(nodeSerialize.unserialize(layout));
  }
  res.end();
});

app.get('/n/other-var', (req, res) => {
  const stored = '{"theme":"dark"}';
  const requested = req.query.theme;
  // ok: js.deserialization.unsafe
  const prefs = nodeSerialize.unserialize(stored);
  res.json({ prefs, requested });
});

io.on('connection', (socket) => {
  socket.on('sync-json', (payload) => {
    // ok: js.deserialization.unsafe
    socket.emit('synced', JSON.parse(payload.model));
  });
});
