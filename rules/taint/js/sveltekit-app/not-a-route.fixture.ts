// vigil-fixture-path: src/lib/server/exports.ts
// Outside src/routes a `load` or an `actions` object is no SvelteKit handler.
import { redirect } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';

export function load({ url }) {
  // ok: js.path-traversal.fs
  readFileSync('/srv/' + url.searchParams.get('f'));
}

export const actions = {
  // ok: js.open-redirect.redirect
  back: ({ url }) => redirect(303, url.searchParams.get('to')),
};
