// Next.js route handlers written once and exported under several HTTP methods (a proxy route, NextAuth's
// `export { handler as GET, handler as POST }`): the exported name makes the handler, not the function's own.
import { NextRequest, NextResponse } from 'next/server';
import { exec } from 'child_process';

async function proxy(req: NextRequest, { params }: { params: { path: string[] } }) {
  const [protocol, ...rest] = params.path;
  const target = `${protocol}://${rest.join('/')}`;
  // ruleid: js.ssrf.http-client
  return fetch(target, { method: req.method });
}

export const GET = proxy;
export const POST = proxy;

const run = async (request: NextRequest) => {
  const tool = request.nextUrl.searchParams.get('tool') ?? '';
  // ruleid: js.cmdi.child-process
  exec(`${tool} --version`);
  return NextResponse.json({ done: true });
};

export { run as PUT };

function lookup(request: NextRequest) {
  const host = request.headers.get('x-target') ?? '';
  // ruleid: js.ssrf.http-client
  return fetch(`https://${host}/status`);
}

exports.PATCH = lookup;

// Not a route handler: exported under a name that is no HTTP method.
async function helper(req: NextRequest, { params }: { params: { path: string[] } }) {
  // ok: js.ssrf.http-client
  return fetch(`https://${params.path.join('/')}`);
}

export const forward = helper;

function outer() {
  // A nested function of the same name as an exported one is not the module's.
  async function proxy(req: NextRequest, { params }: { params: { path: string[] } }) {
    // ok: js.ssrf.http-client
    return fetch(`https://${params.path.join('/')}`);
  }
  return proxy;
}

export const DELETE = outer();
