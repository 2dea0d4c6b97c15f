// AWS Lambda handlers written as ES module exports in TypeScript.
import type { APIGatewayProxyEvent, Context, S3Event, SQSEvent } from 'aws-lambda';
import * as cp from 'node:child_process';
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

// Event-source records: an SQS message body, an S3 object key (the uploader chose it), an EventBridge detail.

export async function onQueue(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const job = JSON.parse(record.body);
    // ruleid: js.cmdi.child-process
    cp.exec(`ffmpeg -i ${job.input} out.mp4`);
    // ok: js.cmdi.child-process
    cp.execFile('ffmpeg', ['-i', String(job.input), 'out.mp4']);
  }
}

export async function onUpload(event: S3Event): Promise<void> {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    // ruleid: js.cmdi.child-process
    cp.execSync(`convert "/tmp/${key}" -thumbnail 256x256 /tmp/thumb.jpg`);
  }
}

export const onEvent = async (event: { detail: { url: string } }) => {
  // ruleid: js.ssrf.http-client
  await fetch(event.detail.url);
  // ok: js.ssrf.http-client
  await fetch('https://status.example.com/ping');
};
