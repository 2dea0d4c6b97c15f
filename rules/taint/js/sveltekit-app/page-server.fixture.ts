// vigil-fixture-path: src/routes/account/+page.server.ts
// A SvelteKit page's server module: `load` and the form `actions` get the RequestEvent.
import { fail, redirect } from '@sveltejs/kit';
import { exec } from 'node:child_process';

export const load = async ({ url, cookies }) => {
  const theme = cookies.get('theme');
  // ruleid: js.cmdi.child-process
  exec('theme ' + theme);
  // ok: js.open-redirect.redirect
  redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
};

export const actions = {
  profile: async ({ request }) => {
    const data = await request.formData();
    const name = data.get('name');
    if (!name) return fail(400, { missing: true });
    // ruleid: js.cmdi.child-process
    exec('greet ' + name);
    return { saved: true };
  },
  default: async (event) => {
    const data = await event.request.formData();
    // ruleid: js.open-redirect.redirect
    redirect(303, String(data.get('back')));
  },
};
