// A response's content type set on its own statement before the body is written (Express res.type / res.set /
// res.setHeader / res.writeHead, Node's http, Koa ctx.type): the last type set on every path to the write decides
// whether the browser parses the body as HTML.
const express = require('express');
const http = require('http');
const Koa = require('koa');

const app = express();

app.get('/c/plain-type', (req, res) => {
  res.type('text/plain');
  // ok: js.xss.server-response
  res.send('No match for ' + req.query.q);
});

app.get('/c/json-header', (req, res) => {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.status(200);
  // ok: js.xss.server-response
  res.end('{"q":"' + req.query.q + '"}');
});

app.get('/c/shorthand', (req, res) => {
  res.type('txt');
  // ok: js.xss.server-response
  res.status(400).send(`bad value: ${req.query.v}`);
});

app.get('/c/html-type', (req, res) => {
  res.type('text/html');
  // ruleid: js.xss.server-response
  res.send('<p>' + req.query.q + '</p>');
});

app.get('/c/last-wins', (req, res) => {
  res.set('Content-Type', 'text/plain');
  res.set('Content-Type', 'text/html; charset=utf-8');
  // ruleid: js.xss.server-response
  res.send('<p>' + req.query.q + '</p>');
});

app.get('/c/other-header-after', (req, res) => {
  res.set('Content-Type', 'text/plain');
  res.set('Cache-Control', 'no-store');
  // ok: js.xss.server-response
  res.send('echo: ' + req.query.q);
});

app.get('/c/only-on-one-branch', (req, res) => {
  if (req.query.format === 'text') {
    res.type('text/plain');
  }
  // The plain type was set on one path only.
  // ruleid: js.xss.server-response
  res.send('<p>' + req.query.q + '</p>');
});

app.get('/c/other-branch-returns', (req, res) => {
  if (req.query.raw) {
    res.type('text/plain');
    // ok: js.xss.server-response
    return res.send(req.query.raw);
  }
  // ruleid: js.xss.server-response
  res.send('<b>' + req.query.q + '</b>');
});

app.get('/c/variable-type', (req, res) => {
  res.type(req.query.format === 'html' ? 'html' : 'txt');
  // Not a constant type: it may be HTML.
  // ruleid: js.xss.server-response
  res.send(req.query.body);
});

app.get('/c/in-a-callback', (req, res) => {
  setTimeout(() => { res.type('text/plain'); }, 10);
  // The callback runs later, elsewhere.
  // ruleid: js.xss.server-response
  res.send('<i>' + req.query.q + '</i>');
});

app.get('/c/inside-block', (req, res) => {
  res.type('text/plain');
  for (const word of String(req.query.words).split(',')) {
    // ok: js.xss.server-response
    res.write(word + '\n');
  }
  res.end();
});

http.createServer((req, res) => {
  const q = new URL(req.url, 'http://localhost').searchParams.get('q');
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  // ok: js.xss.server-response
  res.end('query: ' + q);
});

const koa = new Koa();
koa.use(async (ctx) => {
  ctx.type = 'text/plain';
  // ok: js.xss.server-response
  ctx.body = '<p>' + ctx.query.q + '</p>';
});

koa.use(async (ctx) => {
  ctx.type = 'html';
  // ruleid: js.xss.server-response
  ctx.body = '<p>' + ctx.query.q + '</p>';
});
