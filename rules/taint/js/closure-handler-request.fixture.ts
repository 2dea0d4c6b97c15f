// A closure inside a route handler reads the request under the handler's name for it (Next.js's `request`), and a
// closure whose parameter reuses the name reads its own value.
import { exec } from 'child_process';

export async function GET(request: Request) {
  const run = async () => {
    const url = new URL(request.url);
    // ruleid: js.cmdi.child-process
    exec('ls ' + url.searchParams.get('dir'));
  };
  await run();
  return new Response('ok');
}

export async function POST(request: Request) {
  const later = (request: { url: string }) => {
    const url = new URL(request.url);
    // ok: js.cmdi.child-process
    exec('ls ' + url.searchParams.get('dir'));
  };
  later({ url: 'http://localhost/?dir=tmp' });
  return new Response('ok');
}
