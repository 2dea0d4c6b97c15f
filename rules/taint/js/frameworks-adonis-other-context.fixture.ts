// An `HttpContext` of another library, in a file that does not import AdonisJS, is not Adonis's request.
import type { HttpContext } from './my-http';
import { execSync } from 'node:child_process';

function ping({ request }: HttpContext) {
  // ok: js.cmdi.child-process
  return execSync('ping -c 1 ' + request.input('host')).toString();
}

function pong(ctx: HttpContext) {
  // ok: js.cmdi.child-process
  return execSync('ping -c 1 ' + ctx.request.input('host')).toString();
}

ping({ request: { input: () => 'localhost' } } as unknown as HttpContext);
pong({ request: { input: () => 'localhost' } } as unknown as HttpContext);
