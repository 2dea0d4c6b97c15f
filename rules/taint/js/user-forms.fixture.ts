// TypeScript/ESM forms from each library's documentation: namespace and named imports of node: modules,
// Next.js App Router route handlers, Remix loaders, Cloudflare Workers and Lambda handlers written as ESM.
import * as cp from 'child_process';
import { exec as run } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import fsp from 'fs/promises';
import * as path from 'node:path';
import { NextRequest, NextResponse } from 'next/server';
import type { LoaderFunctionArgs, ActionFunctionArgs } from '@remix-run/node';
import type { APIGatewayProxyEvent } from 'aws-lambda';

const ROOT = '/srv/files';
const sh = promisify(cp.exec);

// Next.js App Router: app/api/run/route.ts
export async function GET(req: NextRequest) {
  const host = req.nextUrl.searchParams.get('host');
  // ruleid: js.cmdi.child-process
  cp.exec(`ping -c 1 ${host}`);
  // ok: js.cmdi.child-process
  cp.execFile('ping', ['-c', '1', String(host)]);
  return NextResponse.json({ done: true });
}

export async function POST(request: Request) {
  const body = await request.json();
  // ruleid: js.path-traversal.fs
  await writeFile(path.join(ROOT, body.name), body.content);
  const form = await request.formData();
  // ruleid: js.path-traversal.fs
  await fsp.readFile(String(form.get('file')));
  return new Response('ok');
}

// Dynamic segment: app/files/[name]/route.ts
export async function DELETE(req: Request, { params }: { params: { name: string } }) {
  // ruleid: js.path-traversal.fs
  await fsp.unlink(path.join(ROOT, params.name));
  return new Response(null, { status: 204 });
}

export const PUT = async (req: NextRequest) => {
  const q = new URL(req.url).searchParams.get('q');
  // ruleid: js.cmdi.child-process
  run('grep ' + q + ' /var/log/app.log');
  return new Response('ok');
};

// Remix
export async function loader({ params, request }: LoaderFunctionArgs) {
  // ruleid: js.path-traversal.fs
  const text = await readFile(path.join(ROOT, params.slug!), 'utf8');
  const url = new URL(request.url);
  // ruleid: js.cmdi.child-process
  await sh('ls ' + url.searchParams.get('dir'));
  // ok: js.path-traversal.fs
  const fixed = await readFile(path.join(ROOT, 'index.md'), 'utf8');
  return { text, fixed };
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  // ruleid: js.cmdi.child-process
  cp.execSync('rm ' + form.get('file'));
  return null;
};
