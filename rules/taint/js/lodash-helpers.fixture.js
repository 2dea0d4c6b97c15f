// lodash's object helpers hand on what their arguments hold: options merged over defaults from a request body, a
// value read out of it by path.
const _ = require('lodash');
const Koa = require('koa');
const { exec } = require('child_process');

const app = new Koa();
const DEFAULTS = { database: { name: 'main' }, compress: true };

app.use(async (ctx) => {
  // ruleid: js.prototype-pollution.merge
  const options = _.merge({}, DEFAULTS, ctx.request.body);
  const dbName = _.get(options, 'database.name');
  ctx.type = 'html';
  // ruleid: js.xss.server-response
  ctx.body = `<h2>Backup of ${dbName} finished</h2>`;
  const fixed = _.get(DEFAULTS, 'database.name');
  // ok: js.cmdi.child-process
  exec(`pg_dump ${fixed} > backup.sql`);
  const picked = _.pick(ctx.request.body, ['table', 'where']);
  // ruleid: js.cmdi.child-process
  exec(`pg_dump -t ${picked.table} main`);
});

app.use(async (ctx) => {
  const settings = _.defaults({}, ctx.query, { theme: 'light' });
  ctx.type = 'html';
  // ok: js.xss.server-response
  ctx.body = `<p>Theme: ${_.escape(settings.theme)}</p>`;
});
