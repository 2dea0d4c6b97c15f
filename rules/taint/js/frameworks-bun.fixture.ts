// Bun.serve: Bun.file / Bun.write paths and Bun.spawn argv arrays; a Lambda-style result whose headers say HTML.
import { basename, join } from 'node:path';

const PASTES = '/srv/pastes';
const html = { 'Content-Type': 'text/html; charset=utf-8' };

Bun.serve({
  async fetch(req: Request) {
    const q = new URL(req.url).searchParams;
    const name = q.get('name') ?? '';
    if (q.has('raw')) {
      // ruleid: js.path-traversal.fs
      return new Response(Bun.file(join(PASTES, name)));
    }
    if (q.has('safe')) {
      // ok: js.path-traversal.fs
      return new Response(Bun.file(join(PASTES, basename(name))));
    }
    if (q.has('lines')) {
      // ruleid: js.cmdi.child-process
      const proc = Bun.spawn(['sh', '-c', `wc -l ${PASTES}/${name}`]);
      return new Response(proc.stdout);
    }
    if (q.has('count')) {
      // ok: js.cmdi.child-process
      const proc = Bun.spawn(['wc', '-l', join(PASTES, basename(name))]);
      return new Response(proc.stdout);
    }
    if (q.has('run')) {
      // ruleid: js.cmdi.child-process
      Bun.spawnSync({ cmd: ['bash', '-c', name] });
    }
    // ruleid: js.path-traversal.fs
    await Bun.write(`${PASTES}/${name}.bak`, 'x');
    return new Response('ok');
  },
});

export const handler = async (event: { queryStringParameters?: Record<string, string> }) => {
  const q = event.queryStringParameters || {};
  // ruleid: js.xss.server-response
  return { statusCode: 400, headers: html, body: `<p>${q.error_description}</p>` };
};

const json = { 'Content-Type': 'application/json' };
export const other = async (event: { queryStringParameters?: Record<string, string> }) => {
  const q = event.queryStringParameters || {};
  // ok: js.xss.server-response
  return { statusCode: 200, headers: json, body: JSON.stringify({ e: q.error_description }) };
};
