// AWS Lambda handlers written as ES module exports in TypeScript.
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { execSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export const handler = async (event: APIGatewayProxyEvent, context: Context) => {
  // ruleid: js.cmdi.child-process
  execSync('git log ' + event.queryStringParameters?.branch);
  // ok: js.cmdi.child-process
  execSync('logger ' + context.awsRequestId);
  return { statusCode: 200, body: '' };
};

export async function download(event: APIGatewayProxyEvent) {
  // ruleid: js.path-traversal.fs
  return readFile(`/srv/files/${event.pathParameters?.name}`);
}

export async function scheduled(event: { time: string }) {
  // A scheduled event is not caller input, but its shape is a Lambda handler's: only the listed fields count.
  // ok: js.cmdi.child-process
  execSync('logger ' + event.time);
}
