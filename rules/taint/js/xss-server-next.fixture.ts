// Next.js HTML responses: Pages Router API routes (Express-like req/res) and App Router route handlers returning
// a Response whose content type is HTML (https://nextjs.org/docs/app/building-your-application/routing/route-handlers).
import type { NextApiRequest, NextApiResponse } from 'next';
import { NextRequest, NextResponse } from 'next/server';
import escapeHtml from 'escape-html';

// pages/api/hello.ts
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader('Content-Type', 'text/html');
  // ruleid: js.xss.server-response
  res.status(200).send(`<p>Hello ${req.query.name}</p>`);
}

// app/greet/route.ts
export async function GET(request: NextRequest) {
  const name = request.nextUrl.searchParams.get('name');
  // ruleid: js.xss.server-response
  return new Response(`<p>Hello ${name}</p>`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

export async function POST(request: NextRequest) {
  const form = await request.formData();
  // ruleid: js.xss.server-response
  return new NextResponse('<p>' + form.get('comment') + '</p>', { status: 201, headers: { 'content-type': 'text/html' } });
}

// ---- negatives ----
export async function PUT(request: NextRequest) {
  const name = request.nextUrl.searchParams.get('name');
  // ok: js.xss.server-response
  return new Response(`<p>Hello ${escapeHtml(name ?? '')}</p>`, { headers: { 'Content-Type': 'text/html' } });
}

export async function PATCH(request: NextRequest) {
  const name = request.nextUrl.searchParams.get('name');
  // A Response of a string is text/plain unless its headers say otherwise.
  // ok: js.xss.server-response
  return new Response('Hello ' + name);
}

export async function DELETE(request: NextRequest) {
  // ok: js.xss.server-response
  return NextResponse.json({ name: request.nextUrl.searchParams.get('name') });
}

// Headers kept in a module constant or a local.
const HTML_HEADERS = { 'Content-Type': 'text/html; charset=utf-8' };
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export async function PATCH(request: NextRequest) {
  const slug = request.nextUrl.searchParams.get('slug');
  // ruleid: js.xss.server-response
  return new Response(`<h1>No link named ${slug}</h1>`, { status: 404, headers: HTML_HEADERS });
}

export async function OPTIONS(request: NextRequest) {
  const slug = request.nextUrl.searchParams.get('slug');
  const htmlHeaders = { 'content-type': 'text/html' };
  if (slug === 'short') {
    // Shorthand (`{ headers }`) is not matched yet.
    const headers = htmlHeaders;
    // todoruleid: js.xss.server-response
    return new NextResponse(`<p>${slug}</p>`, { headers });
  }
  // ruleid: js.xss.server-response
  return new NextResponse(`<p>${slug}</p>`, { headers: htmlHeaders });
}

export async function HEAD(request: NextRequest) {
  const slug = request.nextUrl.searchParams.get('slug');
  // ok: js.xss.server-response
  return new Response(JSON.stringify({ slug }), { status: 404, headers: JSON_HEADERS });
}
