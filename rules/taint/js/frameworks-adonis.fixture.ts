// AdonisJS controllers get the HTTP context (`{ request, response }: HttpContext`); the request's input helpers
// read the query string, body, route params, headers and cookies.
import type { HttpContext } from '@adonisjs/core/http';
import { execSync } from 'node:child_process';
import fs from 'node:fs';

export default class ToolsController {
  async ping({ request, response }: HttpContext) {
    const host = request.input('host');
    // ruleid: js.cmdi.child-process
    return response.send(execSync('ping -c 1 ' + host).toString());
  }

  async read({ request }: HttpContext) {
    const { file } = request.only(['file']);
    // ruleid: js.path-traversal.fs
    return fs.readFileSync('/srv/files/' + file, 'utf8');
  }

  async show(ctx: HttpContext) {
    // ruleid: js.path-traversal.fs
    return fs.readFileSync('/srv/files/' + ctx.request.param('name'), 'utf8');
  }

  async all({ request }: HttpContext) {
    // ruleid: js.cmdi.child-process
    execSync('report ' + request.all().name);
    // ruleid: js.cmdi.child-process
    execSync('report ' + request.qs().q);
    // ruleid: js.cmdi.child-process
    execSync('report ' + request.header('x-report'));
  }

  // ---- not findings ----

  async fixed({ request }: HttpContext) {
    // ok: js.cmdi.child-process
    execSync('uptime');
    // The request's method and a number are not text an attacker shapes into a command.
    // ok: js.cmdi.child-process
    execSync('report --method ' + request.method() + ' --n ' + Number(request.input('n')));
  }
}
