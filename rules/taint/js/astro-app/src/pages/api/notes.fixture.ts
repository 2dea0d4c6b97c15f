// Astro endpoints: a src/pages module's handlers named by method get the APIContext.
import type { APIRoute } from 'astro';
import { exec } from 'node:child_process';
import Database from 'better-sqlite3';

const db = new Database('notes.db');
const PAGES: Record<string, string> = { home: '/', notes: '/notes' };

export const GET: APIRoute = async ({ url, redirect }) => {
  const tag = url.searchParams.get('tag') ?? '';
  if (url.searchParams.has('next')) {
    // ruleid: js.open-redirect.redirect
    return redirect(url.searchParams.get('next')!, 302);
  }
  if (url.searchParams.has('page')) {
    const page = url.searchParams.get('page')!;
    // ok: js.open-redirect.redirect
    return redirect(PAGES[page] ?? '/', 302);
  }
  // ruleid: js.sqli.string-query
  const rows = db.prepare(`SELECT * FROM notes WHERE tag = '${tag}'`).all();
  // ok: js.sqli.string-query
  const same = db.prepare('SELECT * FROM notes WHERE tag = ?').all(tag);
  return new Response(JSON.stringify({ rows, same }));
};

export async function POST({ request, params }) {
  const body = await request.json();
  // ruleid: js.cmdi.child-process
  exec(`notes-export --id ${params.id} --format ${body.format}`);
  // ok: js.cmdi.child-process
  exec('notes-export --all');
  return new Response(null, { status: 202 });
}

export const DELETE: APIRoute = (context) => {
  // ruleid: js.sqli.string-query
  db.prepare(`DELETE FROM notes WHERE id = ${context.params.id}`).run();
  return new Response(null, { status: 204 });
};
