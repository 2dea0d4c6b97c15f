// vigil-fixture-path: src/routes/api/search.ts
// SolidStart API routes: the APIEvent's `request` is the Fetch API request.
import type { APIEvent } from '@solidjs/start/server';
import { exec } from 'node:child_process';

export async function GET({ request }: APIEvent) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q') ?? '';
  // ruleid: js.cmdi.child-process
  exec(`grep -r ${q} /srv/catalog`);
  // ok: js.cmdi.child-process
  exec(`grep -r ${JSON.stringify(Number(q))} /srv/catalog`);
  return new Response('ok');
}

export async function POST(event: APIEvent) {
  const payload = (await event.request.json()) as { headline?: string };
  // ruleid: js.xss.server-response
  return new Response(`<h2>${payload.headline}</h2>`, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
