// NestJS controllers, from https://docs.nestjs.com/controllers: route parameters arrive through parameter
// decorators, whatever the parameters are called.
import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { exec } from 'child_process';
import { readFile } from 'fs/promises';
import { Request } from 'express';
import { DataSource } from 'typeorm';

class CreateCatDto {
  name: string;
  breed: string;
}

@Controller('cats')
export class CatsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async findAll(@Query('breed') breed: string, @Query() filters: Record<string, string>) {
    // ruleid: js.sqli.string-query
    const cats = await this.dataSource.query(`SELECT * FROM cat WHERE breed = '${breed}'`);
    // ruleid: js.sqli.string-query
    const more = await this.dataSource.query('SELECT * FROM cat WHERE color = ' + filters.color);
    // ok: js.sqli.string-query
    const safe = await this.dataSource.query('SELECT * FROM cat WHERE breed = $1', [breed]);
    return { cats, more, safe };
  }

  @Get(':id')
  async findOne(@Param('id') id: string, @Param('n', ParseIntPipe) n: number) {
    // ruleid: js.sqli.string-query
    const cat = await this.dataSource.query('SELECT * FROM cat WHERE id = ' + id);
    // The pipe converted it to a number.
    // ok: js.sqli.string-query
    const page = await this.dataSource.query('SELECT * FROM cat LIMIT 10 OFFSET ' + n);
    return { cat, page };
  }

  @Post()
  async create(@Body() dto: CreateCatDto, @Headers('x-tool') tool: string) {
    // ruleid: js.cmdi.child-process
    exec('register-cat ' + dto.name);
    // ruleid: js.cmdi.child-process
    exec(tool + ' --version');
    // ok: js.cmdi.child-process
    exec('register-cat --all');
    return dto;
  }

  @Get('files/:name')
  async file(@Req() req: Request) {
    // ruleid: js.path-traversal.fs
    return readFile('/srv/cats/' + req.params.name);
  }

  // Not a request parameter: a plain method argument.
  private async helper(name: string) {
    // ok: js.cmdi.child-process
    exec('register-cat ' + name);
  }
}
