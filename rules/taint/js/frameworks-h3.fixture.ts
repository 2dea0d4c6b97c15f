// h3, Nitro and Nuxt server routes (https://h3.unjs.io/guide/event-handler): the event handler reads the request
// through h3's utilities, which Nuxt auto-imports.
import { exec } from 'child_process';
import { readFileSync } from 'fs';

export const ping = defineEventHandler((event) => {
  const query = getQuery(event);
  // ruleid: js.cmdi.child-process
  exec('ping -c 1 ' + query.host);
  return 'ok';
});

export const file = defineEventHandler({
  handler: (event) => {
    const name = getRouterParam(event, 'name');
    // ruleid: js.path-traversal.fs
    return readFileSync('/srv/files/' + name);
  },
});

export const save = eventHandler(async (event) => {
  const body = await readBody(event);
  // ruleid: js.cmdi.child-process
  exec(`convert ${body.input} out.png`);
  return { ok: true };
});

export const safe = defineEventHandler((event) => {
  const query = getQuery(event);
  // ok: js.cmdi.child-process
  exec('seq ' + parseInt(String(query.n), 10));
  // The event's context is what the server's middleware stored.
  // ok: js.cmdi.child-process
  exec('echo ' + event.context.requestId);
  return 'ok';
});

// h3's own responses: sendRedirect(event, location), send(event, data, type); ofetch's `$fetch`.
export const go = defineEventHandler(async (event) => {
  const { next, back, url } = getQuery(event);
  if (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) {
    // ok: js.open-redirect.redirect
    return sendRedirect(event, next, 302);
  }
  // ok: js.ssrf.http-client
  await $fetch(`/api/pages/${String(url)}`);
  // ruleid: js.ssrf.http-client
  const page = await $fetch<string>(String(url), { responseType: 'text' });
  const body = await readBody(event);
  // ok: js.xss.server-response
  send(event, `<h1>${body.title}</h1>`, 'text/plain');
  // ruleid: js.xss.server-response
  send(event, `<h1>${body.title}</h1>${page}`, 'text/html');
  // ruleid: js.open-redirect.redirect
  return sendRedirect(event, String(back || '/'), 302);
});

// A handler that set an HTML content type answers with the string it returns.
export const bannerHandler = defineEventHandler((event) => {
  const { title } = getQuery(event);
  setResponseHeader(event, 'content-type', 'text/html; charset=utf-8');
  // ruleid: js.xss.server-response
  return `<h1>${title}</h1>`;
});

export const bannerTextHandler = defineEventHandler((event) => {
  const { title } = getQuery(event);
  setResponseHeader(event, 'content-type', 'text/plain');
  // ok: js.xss.server-response
  return `${title}`;
});
