// Elysia (https://elysiajs.com): a route's handler gets the context, destructured; a `t.Object` schema after the
// handler checks types only.
import { Elysia, t } from 'elysia';
import { readFile } from 'fs/promises';

const HOSTS = new Set(['hooks.example.org']);

export const app = new Elysia({ prefix: '/tools' })
  .post('/unfurl', async ({ body }) => {
    // ruleid: js.ssrf.http-client
    const res = await fetch(body.url, { redirect: 'follow' });
    return { status: res.status };
  }, { body: t.Object({ url: t.String() }) })
  .post('/hook', async ({ body, error }) => {
    const url = new URL(body.url);
    if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return error(400, 'host not allowed');
    // ok: js.ssrf.http-client
    const res = await fetch(url, { method: 'POST' });
    return { status: res.status };
  }, { body: t.Object({ url: t.String() }) })
  .get('/download', ({ query, set }) => {
    // ruleid: js.header-injection.content-disposition
    set.headers['content-disposition'] = `attachment; filename="${query.name ?? 'links'}.csv"`;
    return 'slug,target\n';
  })
  .get('/export', ({ query, set }) => {
    const name = (query.name ?? 'links').replace(/[^a-zA-Z0-9_.-]/g, '');
    // ok: js.header-injection.content-disposition
    set.headers['content-disposition'] = `attachment; filename="${name}.csv"`;
    return 'slug,target\n';
  })
  // ruleid: js.open-redirect.redirect
  .get('/out', ({ query, redirect }) => redirect(query.to ?? '/', 302))
  // ok: js.open-redirect.redirect
  .get('/home', ({ redirect }) => redirect('/', 302))
  .get('/files/:name', async ({ params }) => {
    // ruleid: js.path-traversal.fs
    return readFile('/srv/files/' + params.name, 'utf8');
  }, { params: t.Object({ name: t.String() }) });
