// Cloudflare Workers (module syntax) and AWS Lambda handlers written as ESM with types.
import { exec } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export default {
  async fetch(request: Request, env: unknown): Promise<Response> {
    const url = new URL(request.url);
    const target = url.searchParams.get('to');
    // ruleid: js.open-redirect.redirect
    return Response.redirect(target!, 302);
  },
};

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const q = event.queryStringParameters?.q;
  // ruleid: js.cmdi.child-process
  exec('grep ' + q + ' /var/log/app.log');
  const body = JSON.parse(event.body ?? '{}');
  // ruleid: js.path-traversal.fs
  const data = readFileSync('/srv/' + body.file);
  // ok: js.path-traversal.fs
  const conf = readFileSync('/srv/config.json');
  return { statusCode: 200, body: String(data) + String(conf) };
};
