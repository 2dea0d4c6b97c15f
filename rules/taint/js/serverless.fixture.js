// Serverless entry points, recognised by their shape: AWS Lambda handlers (an exported function taking
// `event`), Google Cloud Functions (exported `(req, res)` or functions.http), Cloudflare Workers (`fetch`
// of the default export).
const cp = require('child_process');
const fs = require('fs');
const functions = require('@google-cloud/functions-framework');

exports.handler = async (event, context) => {
  const body = JSON.parse(event.body);
  // ruleid: js.cmdi.child-process
  cp.execSync('convert ' + body.file + ' out.png');
  // ruleid: js.path-traversal.fs
  fs.readFileSync('/tmp/' + event.queryStringParameters.name);
  // ruleid: js.code-injection.eval
  eval(event.pathParameters.expr);
  // The authorizer's claims are set by API Gateway, not by the caller.
  // ok: js.cmdi.child-process
  cp.execSync('logger ' + event.requestContext.authorizer.principalId);
  // ok: js.cmdi.child-process
  cp.execSync('logger ' + context.functionName);
  return { statusCode: 200 };
};

module.exports.report = async function (event) {
  // ruleid: js.cmdi.child-process
  cp.exec(`wc -l ${event.headers['x-file']}`);
  // ok: js.cmdi.child-process
  cp.exec('uptime');
};

exports.httpFn = (req, res) => {
  // ruleid: js.cmdi.child-process
  cp.exec('ping -c 1 ' + req.query.host);
  res.send('ok');
};

functions.http('resize', (req, res) => {
  // ruleid: js.path-traversal.fs
  fs.unlinkSync('/srv/cache/' + req.body.key);
  res.send('ok');
});

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    // ruleid: js.code-injection.eval
    eval(url.searchParams.get('code'));
    const data = await request.json();
    // ruleid: js.cmdi.child-process
    cp.exec('echo ' + data.msg);
    // ok: js.cmdi.child-process
    cp.exec('echo ' + env.GREETING);
    return new Response('ok');
  },
};

// ---- negatives: the same shapes that are not entry points ----
function notExported(event) {
  // ok: js.cmdi.child-process
  cp.exec('echo ' + event.body);
}

exports.helper = (options) => {
  // ok: js.cmdi.child-process
  // ruleid: js.cmdi.library-input-shell
  cp.exec('echo ' + options.body);
};

document.addEventListener('click', (event) => {
  // A DOM event handler is not a Lambda handler.
  // ok: js.code-injection.eval
  eval(event.body);
});
