// Koa (https://koajs.com/#request) with @koa/router, and Fastify (https://fastify.dev/docs/latest/Reference/Request/):
// the context or request carries the query, body and route parameters.
const Koa = require('koa');
const Router = require('@koa/router');
const Fastify = require('fastify');
const { exec } = require('child_process');
const fs = require('fs');
const db = require('./db');

const app = new Koa();
const router = new Router();

router.get('/users/:id', async (ctx) => {
  // ruleid: js.sqli.string-query
  ctx.body = await db.query('SELECT * FROM users WHERE id = ' + ctx.params.id);
  // ruleid: js.cmdi.child-process
  exec('lookup ' + ctx.query.name);
  // ok: js.sqli.string-query
  ctx.body = await db.query('SELECT * FROM users WHERE id = ?', [ctx.params.id]);
});

router.post('/upload', async (context) => {
  // ruleid: js.path-traversal.fs
  fs.writeFileSync('/srv/uploads/' + context.request.body.name, 'x');
  // ruleid: js.sqli.string-query
  await db.query("SELECT * FROM files WHERE tag = '" + context.request.query.tag + "'");
  // ok: js.path-traversal.fs
  fs.writeFileSync('/srv/uploads/fixed.txt', 'x');
});

app.use(async (ctx, next) => {
  // ruleid: js.cmdi.child-process
  exec('audit ' + ctx.request.query.who);
  await next();
});

const fastify = Fastify();
fastify.get('/items/:id', async (request, reply) => {
  // ruleid: js.sqli.string-query
  return db.query('SELECT * FROM items WHERE id = ' + request.params.id);
});

fastify.post('/run', async (req, reply) => {
  // ruleid: js.cmdi.child-process
  exec('job ' + req.body.job);
  // ok: js.cmdi.child-process
  exec('job nightly');
  return { done: true };
});

fastify.route({
  method: 'GET',
  url: '/search',
  handler: async (request) => {
    // ruleid: js.sqli.string-query
    return db.query("SELECT * FROM items WHERE name LIKE '%" + request.query.q + "%'");
  },
});
