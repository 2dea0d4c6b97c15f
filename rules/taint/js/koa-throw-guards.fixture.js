// Koa's ctx.throw(status) throws an HttpError: the code after an `if (...) ctx.throw(...)` runs only when the
// condition was false, as after a return.
const Koa = require('koa');
const Router = require('@koa/router');
const path = require('path');
const fsp = require('fs/promises');

const app = new Koa();
const router = new Router();
const TEMPLATE_ROOT = '/srv/templates';

router.get('/templates/:name', async (ctx) => {
  const resolved = path.resolve(TEMPLATE_ROOT, ctx.query.name);
  if (!resolved.startsWith(TEMPLATE_ROOT + path.sep)) {
    ctx.throw(400, 'bad template name');
  }
  // ok: js.path-traversal.fs
  ctx.body = await fsp.readFile(resolved, 'utf8');
});

router.get('/templates-logged/:name', async (ctx) => {
  const resolved = path.resolve(TEMPLATE_ROOT, ctx.query.name);
  if (!resolved.startsWith(TEMPLATE_ROOT + path.sep)) {
    // Only logged: the read still happens.
    console.warn('outside the root');
  }
  // ruleid: js.path-traversal.fs
  ctx.body = await fsp.readFile(resolved, 'utf8');
});

app.use(router.routes());
