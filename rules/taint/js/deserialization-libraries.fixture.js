// Deserialisation by library: js-yaml 3 (load/loadAll default to the full schema, which builds functions from
// `!!js/function`), node-serialize, funcster and cryo (which revive functions), across Express, Koa, Fastify, Hapi,
// Socket.IO and Lambda sources. The negatives are the safe calls next to them: safeLoad, explicit safe schemas,
// the yaml package, JSON.parse, serialisation (writing) and the server's own files.
const express = require('express');
const multer = require('multer');
const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const fastify = require('fastify')();
const Hapi = require('@hapi/hapi');
const { Server } = require('socket.io');
const fs = require('fs');
const yaml = require('js-yaml');
const { load, loadAll, safeLoad } = require('js-yaml');
const YAML = require('yaml');
const nodeSerialize = require('node-serialize');
const serializeJs = require('serialize-javascript');
const funcster = require('funcster');
const Cryo = require('cryo');

const app = express();
const upload = multer({ storage: multer.memoryStorage() });
app.use(express.text({ type: ['text/yaml', 'application/x-yaml'] }));

app.post('/pipelines', (req, res) => {
  // ruleid: js.deserialization.js-yaml-load
  const pipeline = yaml.load(req.body);
  res.json({ steps: pipeline.steps.length });
});

app.post('/pipelines/named', (req, res) => {
  // The destructured load is js-yaml's.
  // ruleid: js.deserialization.js-yaml-load
  const pipeline = load(req.body.pipeline);
  res.json(pipeline);
});

app.post('/manifests', upload.single('manifest'), (req, res) => {
  const docs = [];
  // ruleid: js.deserialization.js-yaml-load
  loadAll(req.file.buffer.toString('utf8'), (doc) => docs.push(doc));
  res.json({ count: docs.length });
});

app.get('/embedded', (req, res) => {
  const text = Buffer.from(req.get('X-Config'), 'base64').toString('utf8');
  // ruleid: js.deserialization.js-yaml-load
  const cfg = yaml.load(text);
  res.json(cfg);
});

app.post('/with-filename', (req, res) => {
  // Options without a schema keep js-yaml 3's default, the full schema.
  // ruleid: js.deserialization.js-yaml-load
  const cfg = yaml.load(req.body, { filename: 'upload.yml' });
  res.json(cfg);
});

app.post('/json-mode', (req, res) => {
  const docs = [];
  // ruleid: js.deserialization.js-yaml-load
  yaml.loadAll(req.body, (d) => docs.push(d), { json: true });
  res.json(docs);
});

// A helper that parses its argument: the flow is through the call.
function parseManifest(text) {
  // ruleid: js.deserialization.js-yaml-load
  return yaml.load(text);
}
app.post('/apply', (req, res) => {
  res.json(parseManifest(req.body));
});

// Koa with koa-bodyparser.
const koa = new Koa();
koa.use(bodyParser({ enableTypes: ['text'] }));
koa.use(async (ctx) => {
  // ruleid: js.deserialization.js-yaml-load
  ctx.body = yaml.load(ctx.request.body);  // ruleid: js.xss.server-response (a parsed document may be a plain string)
  // ruleid: js.deserialization.unsafe
  ctx.state.profile = nodeSerialize.unserialize(ctx.cookies.get('profile'));
});

// Fastify with a YAML content-type parser that keeps the text.
fastify.addContentTypeParser('text/yaml', { parseAs: 'string' }, (req, body, done) => done(null, body));
fastify.post('/rules', async (request, reply) => {
  // ruleid: js.deserialization.js-yaml-load
  const rules = yaml.load(request.body);
  reply.send({ count: rules.length });
});
fastify.get('/session', async (request, reply) => {
  // ruleid: js.deserialization.unsafe
  const session = nodeSerialize.unserialize(Buffer.from(request.cookies.session, 'base64').toString());
  reply.send(session);
});

// Hapi.
const server = Hapi.server({ port: 3000 });
server.route({
  method: 'POST',
  path: '/hapi/config',
  handler: (request, h) => {
    // ruleid: js.deserialization.js-yaml-load
    const cfg = yaml.load(request.payload.config);
    // ruleid: js.deserialization.unsafe
    const widget = funcster.deepDeserialize(request.payload.widget);
    return h.response({ cfg, widget });
  },
});

// Socket.IO.
const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('restore', (state) => {
    // ruleid: js.deserialization.unsafe
    socket.emit('restored', Cryo.parse(state));
  });
  socket.on('config', (text) => {
    // ruleid: js.deserialization.js-yaml-load
    socket.emit('config', yaml.load(text));
  });
});

// AWS Lambda.
exports.handler = async (event) => {
  // ruleid: js.deserialization.js-yaml-load
  const spec = yaml.load(event.body);
  // ruleid: js.deserialization.unsafe
  const job = require('node-serialize').unserialize(event.headers['x-job']);
  return { statusCode: 200, body: JSON.stringify({ spec, job }) };
};

app.post('/state/full', (req, res) => {
  // ruleid: js.deserialization.unsafe
  const state = yaml.load(req.body, { filename: 'state.yml', schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(state);
});

// serialize-javascript's output is read back with eval: that is code injection.
app.post('/state/serialized', (req, res) => {
  // ruleid: js.code-injection.eval
  const state = eval('(' + req.body.state + ')');
  res.json(state);
});

// ---- negatives ----
app.post('/n/safe-load', (req, res) => {
  // ok: js.deserialization.js-yaml-load
  const a = safeLoad(req.body);
  const docs = [];
  // ok: js.deserialization.js-yaml-load
  yaml.safeLoadAll(req.body, (d) => docs.push(d));
  res.json({ a, docs });
});

app.post('/n/schemas', (req, res) => {
  // ok: js.deserialization.js-yaml-load, js.deserialization.unsafe
  const a = yaml.load(req.body, { schema: yaml.DEFAULT_SAFE_SCHEMA });
  // ok: js.deserialization.js-yaml-load, js.deserialization.unsafe
  const b = yaml.load(req.body, { schema: yaml.CORE_SCHEMA, filename: 'upload.yml' });
  // ok: js.deserialization.js-yaml-load, js.deserialization.unsafe
  const c = load(req.body, { schema: yaml.FAILSAFE_SCHEMA, json: true });
  res.json({ a, b, c });
});

const SAFE = { schema: yaml.JSON_SCHEMA };
app.post('/n/schema-in-variable', (req, res) => {
  // ok: js.deserialization.js-yaml-load
  const cfg = yaml.load(req.body, SAFE);
  res.json(cfg);
});

app.post('/n/yaml-package', (req, res) => {
  // The yaml package builds plain data only.
  // ok: js.deserialization.js-yaml-load
  const a = YAML.parse(req.body);
  // ok: js.deserialization.js-yaml-load
  const b = YAML.parseDocument(req.body).toJS();
  res.json({ a, b });
});

app.post('/n/dump', (req, res) => {
  // Writing YAML from input is not loading it.
  // ok: js.deserialization.js-yaml-load
  res.type('text/yaml').send(yaml.dump(req.body));
});

app.get('/n/own-files', (req, res) => {
  // ok: js.deserialization.js-yaml-load
  const cfg = yaml.load(fs.readFileSync('/etc/app/pipelines.yml', 'utf8'));
  // ok: js.deserialization.unsafe
  const saved = nodeSerialize.unserialize(fs.readFileSync('/var/app/session.bin', 'utf8'));
  res.json({ cfg, saved, page: req.query.page });
});

app.post('/n/serialize', (req, res) => {
  // serialize-javascript and funcster's serialisers only write.
  // ok: js.deserialization.unsafe
  const out = serializeJs({ name: req.body.name }, { isJSON: true });
  // ok: js.deserialization.unsafe
  const fn = funcster.deepSerialize({ name: req.body.name });
  // ok: js.deserialization.unsafe
  const frozen = Cryo.stringify({ name: req.body.name });
  res.json({ out, fn, frozen });
});

koa.use(async (ctx) => {
  // ok: js.deserialization.unsafe
  ctx.state.profile = JSON.parse(ctx.cookies.get('profile') || '{}');
  // ok: js.deserialization.js-yaml-load
  ctx.body = yaml.load(ctx.request.body, { schema: yaml.JSON_SCHEMA });  // ruleid: js.xss.server-response (a parsed document may be a plain string)
});

fastify.get('/n/session', async (request, reply) => {
  // ok: js.deserialization.unsafe
  const session = JSON.parse(Buffer.from(request.cookies.session, 'base64').toString());
  reply.send(session);
});

const DOCS = new Set(['default', 'minimal']);
app.get('/n/preset', (req, res) => {
  const name = req.query.preset;
  if (!DOCS.has(name)) return res.status(404).end();
  // ok: js.deserialization.js-yaml-load
  res.json(yaml.load(name));
});

exports.safeHandler = async (event) => {
  // ok: js.deserialization.js-yaml-load
  const spec = yaml.load(event.body, { schema: yaml.CORE_SCHEMA });
  return { statusCode: 200, body: JSON.stringify(spec) };
};
