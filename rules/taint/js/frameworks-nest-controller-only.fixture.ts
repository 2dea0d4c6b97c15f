// A NestJS controller alone in its file (few words: the import of @nestjs/common is what says it is one).
import { Body, Controller, Get, Param, Query } from '@nestjs/common';
import { exec } from 'child_process';
import { readFileSync } from 'fs';

@Controller('tools')
export class ToolsController {
  @Get('ping')
  ping(@Query('host') host: string) {
    // ruleid: js.cmdi.child-process
    exec('ping -c 1 ' + host);
  }

  @Get('files/:name')
  file(@Param('name') name: string) {
    // ruleid: js.path-traversal.fs
    return readFileSync('/srv/files/' + name);
  }

  @Get('version')
  version(@Body() _dto: object) {
    // ok: js.cmdi.child-process
    exec('node --version');
  }
}
