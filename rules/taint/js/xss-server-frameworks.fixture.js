// HTML responses by framework, from their documentation: Express res.send/write/end (a string is text/html),
// node's http, Koa ctx.body (a string starting with "<" is text/html, so input decides), Fastify (a string is
// text/plain unless the reply's type says HTML), Hapi (a string response is text/html by default), and Lambda.
const express = require('express');
const http = require('http');
const url = require('url');
const Koa = require('koa');
const Router = require('@koa/router');
const fastify = require('fastify')();
const Hapi = require('@hapi/hapi');
const he = require('he');
const escapeHtml = require('escape-html');
const validator = require('validator');

const app = express();
app.use(express.urlencoded({ extended: false }));

app.get('/profile/:user', (req, res) => {
  // ruleid: js.xss.server-response
  res.send(`<h1>${req.params.user}</h1>`);
});

app.post('/comments', (req, res) => {
  res.write('<ul>');
  // ruleid: js.xss.server-response
  res.write('<li>' + req.body.comment + '</li>');
  res.write('</ul>');
  res.end();
});

app.get('/agent', (req, response) => {
  // ruleid: js.xss.server-response
  response.end('<p>Your browser: ' + req.headers['user-agent'] + '</p>');
});

app.post('/validate', (req, resp) => {
  // ruleid: js.xss.server-response
  resp.status(400).send(`<p>Invalid value for ${req.body.field}</p>`);
});

app.get('/typed', (req, res) => {
  // ruleid: js.xss.server-response
  res.type('text/html').send('<p>' + req.query.msg + '</p>');
});

function page(title, body) {
  return '<!doctype html><title>' + title + '</title><body>' + body + '</body>';
}
app.get('/page', (req, res) => {
  // ruleid: js.xss.server-response
  res.send(page(req.query.title, 'static body'));
});

app.post('/list', (req, res) => {
  const items = req.body.items.split(',');
  const html = ['<ul>', ...items.map((i) => '<li>' + i + '</li>'), '</ul>'].join('');
  // ruleid: js.xss.server-response
  res.send(html);
});

app.get('/cookie-echo', (req, res) => {
  // ruleid: js.xss.server-response
  res.send('<p>Theme: ' + req.cookies.theme + '</p>');
});

// node's http server.
http.createServer((req, res) => {
  const { query } = url.parse(req.url, true);
  res.writeHead(200, { 'Content-Type': 'text/html' });
  // ruleid: js.xss.server-response
  res.end('<p>Hello ' + query.name + '</p>');
}).listen(8080);

// Koa.
const koa = new Koa();
const router = new Router();
router.get('/koa/search', (ctx) => {
  // ruleid: js.xss.server-response
  ctx.body = `<p>Results for ${ctx.query.q}</p>`;
});
router.get('/koa/echo/:word', (ctx) => {
  // Koa answers text/html when the string starts with "<": the input decides.
  // ruleid: js.xss.server-response
  ctx.body = ctx.params.word;
});
router.post('/koa/preview', (ctx) => {
  ctx.type = 'html';
  // ruleid: js.xss.server-response
  ctx.response.body = '<article>' + ctx.request.body.text + '</article>';
});
koa.use(router.routes());

// Fastify.
fastify.get('/fastify/hello', async (request, reply) => {
  // ruleid: js.xss.server-response
  return reply.type('text/html').send('<h1>Hello ' + request.query.name + '</h1>');
});
fastify.get('/fastify/error', async (request, reply) => {
  // ruleid: js.xss.server-response
  reply.code(404).type('text/html; charset=utf-8').send(`<p>No page ${request.params['*']}</p>`);
});
fastify.get('/fastify/header', async (request, reply) => {
  // ruleid: js.xss.server-response
  reply.header('Content-Type', 'text/html').send('<p>' + request.headers.referer + '</p>');
});
fastify.get('/fastify/type-first', async (request, reply) => {
  const title = request.query.title || 'Gallery';
  reply.type('text/html; charset=utf-8');
  // ruleid: js.xss.server-response
  return reply.send(`<html><head><title>${title}</title></head></html>`);
});
fastify.get('/fastify/header-first', async (request, reply) => {
  reply.header('content-type', 'text/html');
  // ruleid: js.xss.server-response
  reply.send('<p>' + request.query.q + '</p>');
});
fastify.get('/fastify/json-first', async (request, reply) => {
  reply.type('application/json');
  // ok: js.xss.server-response
  return reply.send('"' + request.query.q + '"');
});

// Hapi: a string response is text/html.
const server = Hapi.server({ port: 3000 });
server.route({
  method: 'GET',
  path: '/hapi/hello',
  handler: (request, h) => {
    // ruleid: js.xss.server-response
    return h.response('<p>Hello ' + request.query.name + '</p>');
  },
});
server.route({
  method: 'GET',
  path: '/hapi/plain-return',
  handler: (request) => {
    // A handler's returned string is the response too.
    // ruleid: js.xss.server-response
    return '<p>Hello ' + request.query.name + '</p>';
  },
});

// AWS Lambda behind API Gateway: the HTML is a field of the returned object, HTML when its headers say so.
exports.handler = async (event) => {
  const name = event.queryStringParameters.name;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'text/html' },
    // ruleid: js.xss.server-response
    body: `<p>Hello ${name}</p>`,
  };
};

// ---- negatives ----
app.get('/n/escaped/:user', (req, res) => {
  // ok: js.xss.server-response
  res.send(`<h1>${escapeHtml(req.params.user)}</h1>`);
  // ok: js.xss.server-response
  res.write('<li>' + he.encode(req.query.c) + '</li>');
  // ok: js.xss.server-response
  res.end('<p>' + validator.escape(req.query.c) + '</p>');
});

app.get('/n/json', (req, res) => {
  // ok: js.xss.server-response
  res.json({ user: req.query.user });
  // ok: js.xss.server-response
  res.status(200).send({ user: req.query.user });
});

app.get('/n/numbers', (req, res) => {
  // ok: js.xss.server-response
  res.send('<p>Page ' + parseInt(req.query.page, 10) + '</p>');
  // ok: js.xss.server-response
  res.end('<p>' + req.query.items.length + ' items</p>');
});

app.get('/n/plain', (req, res) => {
  // A text/plain response is not parsed as HTML.
  // ok: js.xss.server-response
  res.type('text/plain').send('You searched for ' + req.query.q);
});

app.get('/n/plain-set', (req, res) => {
  res.set('Content-Type', 'text/plain');
  // The content type set on the statement before: text/plain is not parsed as HTML.
  // ok: js.xss.server-response
  res.send('You searched for ' + req.query.q);
});

app.get('/n/file', (req, res) => {
  // The server's own file.
  // ok: js.xss.server-response
  res.end(require('fs').readFileSync('/srv/www/index.html'));
});

const TABS = new Set(['home', 'settings']);
app.get('/n/tab', (req, res) => {
  const tab = req.query.tab;
  if (!TABS.has(tab)) return res.status(404).end();
  // ok: js.xss.server-response
  res.send('<nav data-tab="' + tab + '"></nav>');
});

router.get('/n/koa/json', (ctx) => {
  // An object is sent as JSON.
  // ok: js.xss.server-response
  ctx.body = { q: ctx.query.q, results: [] };
});
router.get('/n/koa/escaped', (ctx) => {
  // ok: js.xss.server-response
  ctx.body = `<p>Results for ${escapeHtml(ctx.query.q)}</p>`;
});

fastify.get('/n/fastify/plain', async (request, reply) => {
  // Fastify sends a string as text/plain.
  // ok: js.xss.server-response
  return reply.send('Hello ' + request.query.name);
});
fastify.get('/n/fastify/escaped', async (request, reply) => {
  // ok: js.xss.server-response
  return reply.type('text/html').send('<h1>Hello ' + he.escape(request.query.name) + '</h1>');
});
fastify.get('/n/fastify/json', async (request, reply) => {
  // ok: js.xss.server-response
  return reply.type('application/json').send(JSON.stringify({ name: request.query.name }));
});

server.route({
  method: 'GET',
  path: '/n/hapi/json',
  handler: (request, h) => {
    // ok: js.xss.server-response
    return h.response({ name: request.query.name });
  },
});
server.route({
  method: 'GET',
  path: '/n/hapi/escaped',
  handler: (request, h) => {
    // ok: js.xss.server-response
    return h.response('<p>Hello ' + he.encode(request.query.name) + '</p>');
  },
});

exports.jsonHandler = async (event) => {
  const name = event.queryStringParameters.name;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    // ok: js.xss.server-response
    body: JSON.stringify({ greeting: `Hello ${name}` }),
  };
};

exports.escapedHandler = async (event) => {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    // ok: js.xss.server-response
    body: `<p>Hello ${escapeHtml(event.queryStringParameters.name)}</p>`,
  };
};

app.post('/n/forward', async (req, res) => {
  // A request this server sends (fetch's init has headers and a body too), not its response.
  // ok: js.xss.server-response
  await fetch('https://render.internal/preview', { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: req.body.html });
  res.json({ forwarded: true });
});
