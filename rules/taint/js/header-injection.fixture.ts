// Fastify, Koa, a route handler's Response and a Lambda result, each with a file name from input.
import Fastify from 'fastify';
import Router from '@koa/router';
import type { APIGatewayProxyEvent } from 'aws-lambda';

const fastify = Fastify();
fastify.get('/t/:name', async (request: any, reply: any) => {
  const { name } = request.params;
  // ruleid: js.header-injection.content-disposition
  reply.header('Content-Disposition', `attachment; filename="${name}"`);
  // ok: js.header-injection.content-disposition
  reply.header('Content-Type', 'text/csv');
  return 'a,b';
});

const router = new Router();
router.get('/report', async (ctx) => {
  // ruleid: js.header-injection.content-disposition
  ctx.set('Content-Disposition', `attachment; filename=${ctx.query.filename}`);
  // ok: js.header-injection.content-disposition
  ctx.attachment(String(ctx.query.filename));
  ctx.body = 'x';
});

export async function GET(request: Request): Promise<Response> {
  const file = new URL(request.url).searchParams.get('file') ?? 'data';
  // ruleid: js.header-injection.content-disposition
  return new Response('x', { headers: { 'Content-Disposition': `attachment; filename="${file}.txt"` } });
}

export const handler = async (event: APIGatewayProxyEvent) => {
  const id = Number(event.queryStringParameters?.id);
  return {
    statusCode: 200,
    // ok: js.header-injection.content-disposition
    headers: { 'Content-Disposition': `attachment; filename="invoice-${id}.pdf"` },
    body: '',
  };
};

export const handler2 = async (event: APIGatewayProxyEvent) => ({
  statusCode: 200,
  // ruleid: js.header-injection.content-disposition
  headers: { 'Content-Disposition': `attachment; filename="${event.pathParameters?.name}"` },
  body: '',
});
