// vigil-fixture-path: src/routes/api/files/[name]/+server.ts
// A SvelteKit endpoint (https://svelte.dev/docs/kit/routing#server): handlers exported by method name get the
// RequestEvent, `{ url, params, request, cookies }`; `redirect` and `error` from @sveltejs/kit throw.
import { error, json, redirect } from '@sveltejs/kit';
import { exec } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = '/srv/files';

export async function GET({ params, url }) {
  // ruleid: js.path-traversal.fs
  const data = await readFile(path.join(ROOT, params.name));
  const size = url.searchParams.get('size') ?? '64';
  // ruleid: js.cmdi.child-process
  exec(`convert ${ROOT}/a.png -resize ${size} /tmp/out.png`);
  // ok: js.path-traversal.fs
  await readFile(path.join(ROOT, path.basename(params.name)));
  return new Response(data);
}

export const POST = async (event) => {
  const form = await event.request.formData();
  const next = form.get('next');
  if (typeof next === 'string') {
    // ruleid: js.open-redirect.redirect
    redirect(303, next);
  }
  const tag = String(form.get('tag') ?? '');
  // ok: js.cmdi.child-process
  exec('tag ' + tag.replace(/[^a-z0-9-]/gi, ''));
  // ruleid: js.cmdi.child-process
  exec('tag ' + tag.replace(/[^a-z0-9.-]/g, ''));
  // ruleid: js.cmdi.child-process
  exec('tag ' + tag.replace(/[^a-z0-9-]/i, ''));
  return json({ ok: true });
};

export function PUT({ url }) {
  const to = url.searchParams.get('to') ?? '/';
  const target = new URL(to, url.origin);
  if (target.origin !== url.origin) {
    error(400, 'other site');
  }
  // ok: js.open-redirect.redirect
  redirect(302, target.pathname + target.search);
}
