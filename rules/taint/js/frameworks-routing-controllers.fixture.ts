// routing-controllers (https://github.com/typestack/routing-controllers): parameter decorators name the request's
// parts; @Req() is the Express or Koa request.
import { Body, BodyParam, CookieParam, Controller, Get, HeaderParam, JsonController, Param, Post, QueryParam, Req } from 'routing-controllers';
import { execSync } from 'child_process';
import * as fs from 'fs';

@JsonController('/tools')
export class ToolsController {
  @Get('/ping')
  ping(@QueryParam('host') host: string) {
    // ruleid: js.cmdi.child-process
    return execSync('ping -c 1 ' + host).toString();
  }

  @Get('/files/:name')
  file(@Param('name') name: string) {
    // ruleid: js.path-traversal.fs
    return fs.readFileSync('/srv/files/' + name, 'utf8');
  }

  @Post('/convert')
  convert(@Body() body: { src: string }, @BodyParam('dst') dst: string) {
    // ruleid: js.cmdi.child-process
    execSync(`convert ${body.src} out.png`);
    // ruleid: js.cmdi.child-process
    execSync(`mv out.png ${dst}`);
  }

  @Get('/whoami')
  whoami(@HeaderParam('x-user') user: string, @CookieParam('theme') theme: string, @Req() req: any) {
    // ruleid: js.path-traversal.fs
    fs.readFileSync('/srv/themes/' + theme);
    // ruleid: js.cmdi.child-process
    return execSync('id ' + req.query.name).toString();
  }

  // ---- not findings ----

  @Get('/count')
  count(@QueryParam('n') n: number) {
    // ok: js.cmdi.child-process
    return execSync('seq ' + n).toString();
  }

  @Get('/static')
  fixed() {
    // ok: js.cmdi.child-process
    return execSync('uptime').toString();
  }
}
