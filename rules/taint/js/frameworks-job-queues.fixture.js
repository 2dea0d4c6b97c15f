// Job queue workers: a job's data is what its producer enqueued (a request's body, most often); the job's id, name,
// attempt counters and options are the queue's own.
const { Worker } = require('bullmq');
const { exec } = require('child_process');
const fs = require('fs');
const axios = require('axios');

const worker = new Worker('media', async (job) => {
  // ruleid: js.cmdi.child-process
  exec(`ffmpeg -i ${job.data.input} out.mp4`);
  // ruleid: js.ssrf.http-client
  await axios.get(job.data.url);
  // The queue's own fields.
  // ok: js.cmdi.child-process
  exec(`logger job ${job.id} ${job.name} attempt ${job.attemptsMade}`);
  // ok: js.path-traversal.fs
  fs.writeFileSync('/var/log/jobs/' + job.id + '.log', 'done');
}, { connection: { host: 'localhost' } });

new Worker('imports', async ({ data }) => {
  // ruleid: js.path-traversal.fs
  fs.unlinkSync(data.path);
});

async function cleanup(job) {
  // ruleid: js.path-traversal.fs
  fs.rmSync(job.data.dir, { recursive: true });
}
new Worker('cleanup', (job) => cleanup(job));

worker.on('completed', (job) => {
  // A listener, not a processor: not matched by the worker's call.
  // ok: js.cmdi.child-process
  exec('logger done ' + job.id);
});

// A processor given by its name (`new Worker(queue, processor, opts)`), as most apps write it.
async function resize(job) {
  // ruleid: js.cmdi.child-process
  exec(`convert ${job.data.file} -resize 50% out.png`);
  // ok: js.cmdi.child-process
  exec(`logger resize ${job.id}`);
}
new Worker('resize', resize, { connection: { host: 'localhost' } });

// Not a processor: a function only called with the server's own values.
function report(job) {
  // ok: js.cmdi.child-process
  exec(`report ${job.data.kind}`);
}
report({ data: { kind: 'daily' } });
