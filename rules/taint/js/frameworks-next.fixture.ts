// Next.js and Remix entry points, from their documentation: App Router route handlers
// (https://nextjs.org/docs/app/building-your-application/routing/route-handlers), Pages Router API routes and
// getServerSideProps, Remix loaders and actions (https://remix.run/docs/en/main/route/loader).
import { NextRequest, NextResponse } from 'next/server';
import { exec } from 'child_process';
import { readFile } from 'fs/promises';
import { db } from '../lib/db';

// app/api/search/route.ts
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q');
  // ruleid: js.sqli.string-query
  const rows = await db.query(`SELECT * FROM posts WHERE title LIKE '%${q}%'`);
  // ruleid: js.cmdi.child-process
  exec('grep ' + request.headers.get('x-pattern') + ' /var/log/app.log');
  // A fixed query with the value as a parameter.
  // ok: js.sqli.string-query
  const safe = await db.query('SELECT * FROM posts WHERE title = $1', [q]);
  return NextResponse.json({ rows, safe });
}

export async function POST(req: Request) {
  const body = await req.json();
  // ruleid: js.path-traversal.fs
  const text = await readFile('/srv/docs/' + body.name, 'utf8');
  const form = await req.formData();
  // ruleid: js.cmdi.child-process
  exec(`convert ${form.get('file')} out.png`);
  // ok: js.cmdi.child-process
  exec('convert in.png out.png');
  return new Response(text);
}

export async function DELETE(request: Request) {
  const { searchParams } = new URL(request.url);
  // ruleid: js.sqli.string-query
  await db.query('DELETE FROM posts WHERE id = ' + searchParams.get('id'));
  // ok: js.sqli.string-query
  await db.query('DELETE FROM posts WHERE id = ' + Number(searchParams.get('id')));
  return new Response(null, { status: 204 });
}

// pages/posts/[slug].tsx
export async function getServerSideProps(context) {
  // ruleid: js.sqli.string-query
  const post = await db.query("SELECT * FROM posts WHERE slug = '" + context.params.slug + "'");
  // ruleid: js.path-traversal.fs
  const draft = await readFile(`drafts/${context.query.draft}.md`, 'utf8');
  // ok: js.sqli.string-query
  const count = await db.query('SELECT count(*) FROM posts');
  return { props: { post, draft, count } };
}

// app/routes/notes.$id.tsx (Remix)
export async function loader({ request, params }) {
  // ruleid: js.sqli.string-query
  const note = await db.query('SELECT * FROM notes WHERE id = ' + params.id);
  const url = new URL(request.url);
  // ruleid: js.path-traversal.fs
  const attachment = await readFile('uploads/' + url.searchParams.get('file'));
  // ok: js.path-traversal.fs
  const logo = await readFile('public/logo.png');
  return { note, attachment, logo };
}

export async function action({ request, params: routeParams }) {
  const form = await request.formData();
  // ruleid: js.cmdi.child-process
  exec('git log --author=' + form.get('author'));
  // ruleid: js.sqli.string-query
  await db.query(`UPDATE notes SET archived = 1 WHERE id = ${routeParams.id}`);
  return null;
}

// Not entry points: a helper named like a verb that is not exported, and an exported function of another name.
async function GET_internal(request: Request) {
  // ok: js.sqli.string-query
  return db.query('SELECT * FROM t WHERE u = ' + request.url);
}

export function formatQuery(context) {
  // ok: js.sqli.string-query
  return db.query('SELECT * FROM t WHERE slug = ' + context.query);
}
