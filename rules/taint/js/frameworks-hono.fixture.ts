// Hono (https://hono.dev/docs/api/request): a route's context `c` holds the request as `c.req`.
import { Hono } from 'hono';
import { getCookie, getSignedCookie } from 'hono/cookie';
import { html, raw } from 'hono/html';
import { exec } from 'child_process';
import { readFile } from 'fs/promises';

const app = new Hono();

app.get('/ping', (c) => {
  // ruleid: js.cmdi.child-process
  exec('ping -c 1 ' + c.req.query('host'));
  return c.text('ok');
});

app.get('/files/:name', async (c) => {
  const name = c.req.param('name');
  // ruleid: js.path-traversal.fs
  return c.body(await readFile('/srv/files/' + name));
});

app.post('/hello', async (c) => {
  const { who } = await c.req.json();
  // Reported by the rule for `.html(...)` sinks (jQuery's and cheerio's too).
  // ruleid: js.xss.dom
  return c.html('<h1>Hello ' + who + '</h1>');
});

app.get('/missing', (c) => {
  const code = c.req.query('code') ?? '';
  // With a status: a text/html response, as with one argument.
  // ruleid: js.xss.server-response
  return c.html(`<p>No link called <code>${code}</code>.</p>`, 404);
});

app.get('/note', (c) => {
  const note = c.req.query('note') ?? '';
  // `raw()` turns off the `html` tag's escaping for its argument.
  // ruleid: js.xss.server-response
  return c.html(html`<div><p>${raw(note.replace(/\n/g, '<br>'))}</p></div>`);
});

app.get('/results', (c) => {
  const q = c.req.query('q') ?? '';
  // The `html` tag escapes what it interpolates; a constant in raw() is the program's.
  // ok: js.xss.server-response
  return c.html(html`<h1>Results for ${q}</h1>${raw('<hr>')}`, 200);
});

app.get('/count', (c) => {
  // ok: js.cmdi.child-process
  exec('seq ' + Number(c.req.query('n')));
  // The context's own values are the server's (not Express' `req.get(header)`).
  // ok: js.cmdi.child-process
  exec('echo ' + c.get('requestId'));
  return c.text('ok');
});

app.get('/out', (c) => {
  if (c.req.query('home')) {
    // ok: js.open-redirect.redirect
    return c.redirect('/', 302);
  }
  // ruleid: js.open-redirect.redirect
  return c.redirect(c.req.query('u') ?? '/', 302);
});

export default app;

app.get('/theme', (c) => {
  const theme = getCookie(c, 'theme');
  // ruleid: js.cmdi.child-process
  exec(`render-theme ${theme}`);
  return c.text('ok');
});

app.get('/theme/signed', async (c) => {
  const theme = await getSignedCookie(c, process.env.COOKIE_SECRET!, 'theme');
  // ok: js.cmdi.child-process
  exec(`render-theme ${theme}`);
  return c.text('ok');
});
