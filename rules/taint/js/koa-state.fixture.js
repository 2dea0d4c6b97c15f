// Koa middleware passes what it read from the request on in `ctx.state` (https://koajs.com/#ctx-state): a later
// handler reading it reads the request; what the middleware decided itself stays the server's.
const Koa = require('koa');
const Router = require('@koa/router');
const { exec } = require('child_process');

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  ctx.state.media = { key: ctx.query.key, tenant: 'public' };
  ctx.state.user = { id: 7 };
  await next();
});

router.get('/probe', async (ctx) => {
  // ruleid: js.cmdi.child-process
  exec('ffprobe ' + ctx.state.media.key);
  // ok: js.cmdi.child-process
  exec('quota ' + ctx.state.user.id);
  // The object stored holds input in one field: read through the request, it is tainted as a whole.
  // todook: js.cmdi.child-process
  exec('tenant ' + ctx.state.media.tenant);
  ctx.body = 'ok';
});

app.use(router.routes());
