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
