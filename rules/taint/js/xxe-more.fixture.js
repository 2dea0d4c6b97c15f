// XML external entities with libxmljs / libxmljs2 (https://github.com/libxmljs/libxmljs/wiki): parse options
// are libxml2's flags by name; `noent` substitutes entities, which also loads external ones (file://, http://).
const express = require('express');
const Koa = require('koa');
const Router = require('@koa/router');
const libxmljs = require('libxmljs');
const xml = require('libxmljs2');
const { parseXmlString } = require('libxmljs2');
const xml2js = require('xml2js');
const { XMLParser } = require('fast-xml-parser');
const { DOMParser } = require('@xmldom/xmldom');

const app = express();
app.use(express.text({ type: ['application/xml', 'text/xml'] }));

app.post('/invoices', (req, res) => {
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXmlString(req.body, { noent: true, noblanks: true });
  res.json({ total: doc.get('//total').text() });
});

app.post('/feeds', (req, res) => {
  const body = req.body.toString('utf8');
  // ruleid: js.xxe.libxmljs-noent
  const doc = xml.parseXml(body, { noent: true });
  res.json({ items: doc.find('//item').length });
});

app.post('/soap', (req, res) => {
  const envelope = `<?xml version="1.0"?>${req.body.payload}`;
  // ruleid: js.xxe.libxmljs-noent
  const doc = parseXmlString(envelope, { dtdload: true, noent: true });
  res.type('xml').send('<ok/>');
  return doc;
});

app.post('/upload', (req, res) => {
  // multer: the uploaded file's bytes.
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(req.file.buffer.toString(), { noent: true, nonet: false });
  res.json({ root: doc.root().name() });
});

app.get('/preview', (req, res) => {
  const { xml: source } = req.query;
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXmlString(decodeURIComponent(source), { noent: true });
  res.json({ root: doc.root().name() });
});

function parseUntrusted(text) {
  // ruleid: js.xxe.libxmljs-noent
  return libxmljs.parseXml(text, { noent: true });
}

app.post('/import', (req, res) => {
  const doc = parseUntrusted(req.body);
  res.json({ root: doc.root().name() });
});

class SitemapService {
  read(content) {
    // ruleid: js.xxe.libxmljs-noent
    return xml.parseXmlString(content, { noent: true, huge: true });
  }
}
const sitemaps = new SitemapService();
app.post('/sitemaps', (req, res) => {
  res.json({ urls: sitemaps.read(req.body.sitemap).find('//url').length });
});

app.post('/gpx', async (req, res) => {
  const chunks = [req.headers['x-track-header'], req.body.track];
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(chunks.join(''), { noent: true });
  res.json({ points: doc.find('//trkpt').length });
});

app.post('/base64', (req, res) => {
  const decoded = Buffer.from(req.body.data, 'base64').toString('utf8');
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXmlString(decoded, { noent: true });
  res.json({ root: doc.root().name() });
});

// Koa: the context's request body.
const koa = new Koa();
const router = new Router();
router.post('/svg', (ctx) => {
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXmlString(ctx.request.body, { noent: true });
  ctx.body = { width: doc.root().attr('width').value() };
});
koa.use(router.routes());

// Hapi: request.payload.
function hapiRoutes(server) {
  server.route({
    method: 'POST',
    path: '/orders',
    handler: (request, h) => {
      // ruleid: js.xxe.libxmljs-noent
      const doc = xml.parseXml(request.payload, { noent: true });
      return h.response({ id: doc.get('//id').text() });
    },
  });
}

// AWS Lambda behind API Gateway.
exports.handler = async (event) => {
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString() : event.body;
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXmlString(body, { noent: true });
  return { statusCode: 200, body: doc.root().name() };
};

app.post('/headers', (req, res) => {
  // ruleid: js.xxe.libxmljs-noent
  const saml = libxmljs.parseXml(Buffer.from(req.get('x-saml-assertion'), 'base64').toString(), { noent: true });
  res.json({ issuer: saml.get('//Issuer').text() });
});

// ---- negatives ----
app.post('/n-default', (req, res) => {
  // libxml2 leaves entities unexpanded and loads nothing external by default.
  // ok: js.xxe.libxmljs-noent
  const a = libxmljs.parseXmlString(req.body, { noblanks: true });
  // ok: js.xxe.libxmljs-noent
  const b = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  // ok: js.xxe.libxmljs-noent
  const c = xml.parseXml(req.body.xml);
  res.json({ a: a.root().name(), b: b.root().name(), c: c.root().name() });
});

app.post('/n-other-parsers', async (req, res) => {
  // xml2js (sax), fast-xml-parser and xmldom never fetch external entities.
  // ok: js.xxe.libxmljs-noent
  const parsed = await xml2js.parseStringPromise(req.body);
  // ok: js.xxe.libxmljs-noent
  const fast = new XMLParser({ processEntities: true }).parse(req.body);
  // ok: js.xxe.libxmljs-noent
  const dom = new DOMParser().parseFromString(req.body, 'text/xml');
  res.json({ parsed, fast, root: dom.documentElement.nodeName });
});

app.post('/n-trusted', (req, res) => {
  // The template is the server's own; only a field of the request is read elsewhere.
  const name = req.body.name;
  // ok: js.xxe.libxmljs-noent
  const tpl = libxmljs.parseXml('<!DOCTYPE r [<!ENTITY co "ACME">]><r>&co;</r>', { noent: true });
  // ok: js.xxe.libxmljs-noent
  const cfg = xml.parseXmlString(require('fs').readFileSync('/etc/app/catalog.xml', 'utf8'), { noent: true });
  res.json({ name, a: tpl.root().text(), b: cfg.root().name() });
});

const FEEDS = new Set(['news', 'jobs']);
app.get('/n-allowlisted', (req, res) => {
  const feed = req.query.feed;
  if (!FEEDS.has(feed)) return res.status(400).end();
  // ok: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(feed, { noent: true });
  res.json({ root: doc.root().name() });
});

app.post('/n-length', (req, res) => {
  // Only the size of the input reaches the parser.
  // ok: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(`<size>${req.body.length}</size>`, { noent: true });
  res.json({ root: doc.root().name() });
});

function parseTrusted(text) {
  // ok: js.xxe.libxmljs-noent
  return libxmljs.parseXml(text, { noent: true });
}
app.get('/n-helper-constant', (req, res) => {
  res.json({ root: parseTrusted('<catalog/>').root().name(), q: req.query.q });
});

class ReportService {
  render(data) {
    // The request data is inside a document the server builds with an XML builder, not the parsed text.
    // ok: js.xxe.libxmljs-noent
    return libxmljs.parseXmlString('<report><rows/></report>', { noent: true }).root().addChild(data);
  }
}
