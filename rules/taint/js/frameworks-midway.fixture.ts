// Midway.js controllers: parameters decorated @Query(), @Body(), @Param() hold the request's data.
import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { exec, execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const REPORT_DIR = path.resolve(process.env.REPORT_DIR || '/var/reports');

@Controller('/report')
export class ReportController {
  @Inject()
  ctx: Context;

  @Post('/compress')
  async compress(@Body('name') name: string, @Query('level') level: number) {
    // ruleid: js.cmdi.child-process
    exec(`gzip ${REPORT_DIR}/${name}`);
    // ok: js.cmdi.child-process
    execFile('gzip', [`-${level}`, '--', path.join(REPORT_DIR, path.basename(name))]);
  }

  @Get('/file/:name')
  async file(@Param('name') name: string) {
    // ruleid: js.path-traversal.fs
    return fs.readFileSync(path.join(REPORT_DIR, name), 'utf8');
  }

  @Get('/safe-file/:name')
  async safeFile(@Param('name') name: string) {
    // ok: js.path-traversal.fs
    return fs.readFileSync(path.join(REPORT_DIR, path.basename(name)), 'utf8');
  }
  @Get('/logs/tail')
  async tail(@Query('name') name: string) {
    const full = path.resolve(REPORT_DIR, name);
    // Koa's ctx.throw raises: past it the path is inside the folder.
    if (!full.startsWith(REPORT_DIR + path.sep)) this.ctx.throw(403, 'outside the folder');
    // ok: js.path-traversal.fs
    return fs.readFileSync(full, 'utf8');
  }

  @Get('/logs/head')
  async head(@Query('name') name: string) {
    const full = path.resolve(REPORT_DIR, name);
    if (!full.startsWith(REPORT_DIR + path.sep)) this.ctx.logger.warn('outside the folder');
    // ruleid: js.path-traversal.fs
    return fs.readFileSync(full, 'utf8');
  }
}
