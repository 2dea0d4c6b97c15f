// Bull (the older queue): `queue.process([name, concurrency,] (job) => …)`.
const Queue = require('bull');
const { execSync } = require('child_process');

const reports = new Queue('reports');

reports.process('pdf', 2, async (job) => {
  // ruleid: js.cmdi.child-process
  execSync('wkhtmltopdf ' + job.data.url + ' out.pdf');
  // ok: js.cmdi.child-process
  execSync('logger ' + job.id);
});

reports.process(async (job, done) => {
  // ruleid: js.cmdi.child-process
  execSync(`convert ${job.data.file} out.png`);
  done();
});
