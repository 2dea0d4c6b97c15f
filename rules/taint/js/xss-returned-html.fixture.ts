// Handlers whose returned string is the HTML response: Fastify after reply.type('text/html'), NestJS under
// @Header('Content-Type', 'text/html').
import Fastify from 'fastify';
import { Controller, Get, Header, Query } from '@nestjs/common';
import escapeHtml from 'escape-html';

const fastify = Fastify();

fastify.get('/media/embed', async (request, reply) => {
  reply.type('text/html');
  // ruleid: js.xss.server-response
  return `<p>${request.query.caption || ''}</p>`;
});

fastify.get('/media/embed-escaped', async (request, reply) => {
  reply.type('text/html; charset=utf-8');
  // ok: js.xss.server-response
  return `<p>${escapeHtml(String(request.query.caption || ''))}</p>`;
});

fastify.get('/media/caption', async (request, reply) => {
  reply.type('text/plain');
  // ok: js.xss.server-response
  return `caption: ${request.query.caption}`;
});

fastify.get('/media/meta', async (request) => {
  // A string returned with no HTML type is sent as text/plain.
  // ok: js.xss.server-response
  return `caption: ${request.query.caption}`;
});

@Controller('greet')
export class GreetController {
  @Get('hello')
  @Header('Content-Type', 'text/html')
  hello(@Query('name') name: string) {
    // ruleid: js.xss.server-response
    return `<p>Hello ${name}</p>`;
  }

  @Get('hello-safe')
  @Header('Content-Type', 'text/html')
  helloSafe(@Query('name') name: string) {
    // ok: js.xss.server-response
    return `<p>Hello ${escapeHtml(name)}</p>`;
  }

  @Get('hello-text')
  @Header('Content-Type', 'text/plain')
  helloText(@Query('name') name: string) {
    // ok: js.xss.server-response
    return `Hello ${name}`;
  }

  @Get('hello-json')
  helloJson(@Query('name') name: string) {
    // ok: js.xss.server-response
    return { greeting: `Hello ${name}` };
  }
}
