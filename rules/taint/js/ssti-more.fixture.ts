// Template injection in TypeScript services: ES imports (default, named, per-method lodash), NestJS and Next.js.
import { Body, Controller, Post, Query, Get } from '@nestjs/common';
import { NextRequest, NextResponse } from 'next/server';
import ejs from 'ejs';
import { compile } from 'pug';
import Handlebars from 'handlebars';
import nunjucks from 'nunjucks';
import template from 'lodash/template';

@Controller('mail')
export class MailController {
  private readonly env = new nunjucks.Environment();

  @Post('preview')
  preview(@Body('template') tpl: string, @Body('vars') vars: Record<string, string>) {
    // ruleid: js.ssti.template-compile
    return Handlebars.compile(tpl)(vars);
  }

  @Post('njk')
  njk(@Body() body: { source: string }) {
    // ruleid: js.ssti.template-compile
    const t = new nunjucks.Template(body.source, this.env);
    // ruleid: js.ssti.template-compile
    const s = this.env.renderString(body.source, {});
    return t.render({}) + s;
  }

  @Get('subject')
  subject(@Query('name') name: string) {
    // The name is data for a fixed template.
    // ok: js.ssti.template-compile
    return Handlebars.compile('Hello {{name}}')({ name });
  }
}

// app/api/render/route.ts
export async function POST(request: NextRequest) {
  const { layout, title } = await request.json();
  // ruleid: js.ssti.template-compile
  const fn = compile(layout);
  // ruleid: js.ssti.template-compile
  const banner = template(`<b>${title}</b>`)({});
  // ok: js.ssti.template-compile
  const safe = ejs.render('<b><%= title %></b>', { title });
  return NextResponse.json({ html: fn({}), banner, safe });
}
