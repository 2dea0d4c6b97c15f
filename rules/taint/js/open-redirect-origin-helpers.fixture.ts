// Helpers handed the request's URL: the destination is resolved against it and kept only when its origin is the
// same; otherwise a page of this site. A base parsed from the query is the visitor's choice.
import { NextRequest, NextResponse } from 'next/server';

function keepOnSite(target: string, current: string): URL {
  const here = new URL(current);
  const wanted = new URL(target, here);
  if (wanted.origin !== here.origin) return new URL('/account', here);
  return wanted;
}

function onSiteHref(target: string | null, current: string): string {
  const here = new URL(current);
  const wanted = new URL(target ?? '/', here);
  return wanted.origin === here.origin ? wanted.href : new URL('/account', here).href;
}

function loose(target: string, current: string): URL {
  const here = new URL(current);
  // Compared, but kept either way.
  const wanted = new URL(target, here);
  void (wanted.origin === here.origin);
  return wanted;
}

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  if (q.has('a')) {
    // ok: js.open-redirect.redirect
    return NextResponse.redirect(keepOnSite(q.get('next') ?? '/', request.url));
  }
  if (q.has('b')) {
    // ok: js.open-redirect.redirect
    return NextResponse.redirect(onSiteHref(q.get('next'), request.url));
  }
  if (q.has('c')) {
    // ruleid: js.open-redirect.redirect
    return NextResponse.redirect(loose(q.get('next') ?? '/', request.url));
  }
  const from = new URL(q.get('base') ?? request.url);
  const to = new URL(q.get('next') ?? '/', from);
  // Both from the query: the visitor picks the origin compared with.
  if (to.origin === new URL(q.get('base') ?? request.url).origin) {
    // ruleid: js.open-redirect.redirect
    return NextResponse.redirect(to);
  }
  if (to.origin === from.origin) {
    // ruleid: js.open-redirect.redirect
    return NextResponse.redirect(to);
  }
  return NextResponse.redirect(new URL('/', request.url));
}

// A fixed origin the helper resolves against and compares with: a same-origin path, whatever was asked.
const APP_BASE = new URL('http://notes.internal.invalid');
const OTHER_BASE = 'http://notes.internal.invalid';

function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 512) return fallback;
  let url: URL;
  try {
    url = new URL(value, APP_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== APP_BASE.origin || url.pathname.startsWith('//')) return fallback;
  return url.pathname + url.search + url.hash;
}

// Compared with nothing: the resolved URL keeps an absolute target's own origin.
function resolvedOnly(value: string): string {
  return new URL(value, OTHER_BASE).href;
}

export async function POST(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  if (q.has('a')) {
    // ok: js.open-redirect.redirect
    return NextResponse.redirect(new URL(safeReturnPath(q.get('next')), request.url));
  }
  // ruleid: js.open-redirect.redirect
  return NextResponse.redirect(resolvedOnly(q.get('next') ?? '/'));
}
