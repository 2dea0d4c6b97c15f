const axios = require('axios');
const { exec } = require('child_process');

const REPRO = /repro:\s*(\S+)/i;

module.exports = (app) => {
  app.on('issues.opened', async (context) => {
    const { issue } = context.payload;
    const match = REPRO.exec(issue.body || '');
    if (match) {
      // ruleid: js.ssrf.http-client
      await axios.get(match[1]);
    }
    // ok: js.ssrf.http-client
    await axios.post('https://triage.internal.example/api/issues', { title: issue.title });
  });

  app.on('issue_comment.created', async (context) => {
    const text = context.payload.comment.body.trim();
    // ruleid: js.code-injection.eval
    const points = eval(text.slice('/estimate '.length));
    await context.octokit.issues.createComment(context.issue({ body: `Estimate: ${points}` }));
  });

  app.on(['pull_request.opened', 'pull_request.synchronize'], async ({ payload }) => {
    // ruleid: js.cmdi.child-process
    exec(`git fetch origin ${payload.pull_request.head.ref}`);
  });
};

// An application's own event bus: not GitHub's.
function wire(bus) {
  bus.on('job.done', (context) => {
    // ok: js.cmdi.child-process
    exec(`notify ${context.payload.id}`);
  });
}

module.exports.wire = wire;
