// koa-bodyparser keeps the request's body as sent in `ctx.request.rawBody`
// (https://github.com/koajs/bodyparser#options): the client's text, as `ctx.request.body` is its parsed form.
const Router = require('@koa/router');
const libxmljs = require('libxmljs');

const router = new Router();

router.post('/import', async (ctx) => {
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(ctx.request.rawBody, { noent: true, dtdload: true });
  // ok: js.xxe.libxmljs-noent
  const safe = libxmljs.parseXml(ctx.request.rawBody, { noent: false });
  ctx.body = { notes: doc.find('//note').length + safe.find('//note').length };
});

module.exports = router;
