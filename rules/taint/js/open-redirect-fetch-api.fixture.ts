// Redirects of the Fetch API world: Response.redirect (Cloudflare Workers, Deno, route handlers), Next.js
// NextResponse.redirect and redirect() from next/navigation, Remix / React Router's redirect() helper.
import { NextRequest, NextResponse } from 'next/server';
import { redirect } from 'next/navigation';
import { redirect as remixRedirect } from '@remix-run/node';
import type { LoaderFunctionArgs } from '@remix-run/node';

export async function GET(req: NextRequest) {
  const next = req.nextUrl.searchParams.get('next') ?? '/';
  if (req.headers.get('x-legacy')) {
    // ruleid: js.open-redirect.redirect
    return NextResponse.redirect(next, 307);
  }
  // ruleid: js.open-redirect.redirect
  return NextResponse.redirect(new URL(next, req.url));
}

export async function POST(req: NextRequest) {
  const form = await req.formData();
  // ruleid: js.open-redirect.redirect
  redirect(String(form.get('returnTo')));
}

export async function PUT(req: NextRequest) {
  // The target is fixed; only a query value is carried along.
  // ok: js.open-redirect.redirect
  return NextResponse.redirect(new URL('/done', req.url), 303);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get('redirectTo');
  if (to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\')) {
    // ok: js.open-redirect.redirect
    return remixRedirect(to);
  }
  if (to !== null && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\')) {
    // The same check after a null test: its parts mark the value one by one, the last completes them.
    // ok: js.open-redirect.redirect
    return remixRedirect(to);
  }
  // ruleid: js.open-redirect.redirect
  return remixRedirect(url.searchParams.get('fallback') ?? '/');
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // ruleid: js.open-redirect.redirect
    if (url.pathname === '/go') return Response.redirect(url.searchParams.get('to')!, 302);
    // ok: js.open-redirect.redirect
    return Response.redirect('https://example.com/home', 301);
  },
};
