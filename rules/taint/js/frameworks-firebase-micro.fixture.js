// Firebase callable functions (v2's request.data, v1's data) and micro's body readers.
const { onCall } = require('firebase-functions/v2/https');
const functions = require('firebase-functions');
const { json, text, send } = require('micro');
const { exec } = require('child_process');
const vm = require('vm');
const serialize = require('node-serialize');

exports.importAvatar = onCall(async (request) => {
  // ruleid: js.ssrf.http-client
  const resp = await fetch(request.data.avatarUrl);
  return { ok: resp.ok };
});

exports.evalRule = onCall({ region: 'europe-west1' }, (request) => {
  // ok: js.code-injection.eval
  vm.runInNewContext(String(request.auth.uid), {});
  // ruleid: js.code-injection.eval
  return { result: vm.runInNewContext(request.data.rule, { plan: 'pro' }) };
});

exports.legacy = functions.https.onCall((data, context) => {
  // ruleid: js.cmdi.child-process
  exec(`convert ${data.name} out.png`);
  return { uid: context.auth && context.auth.uid };
});

exports.github = async (req, res) => {
  const body = await json(req);
  // ruleid: js.cmdi.child-process
  exec(`git clone --mirror https://github.com/${body.repository.full_name}.git`, () => {});
  send(res, 202, { queued: true });
};

exports.replay = async (req, res) => {
  // ruleid: js.deserialization.unsafe
  const evt = serialize.unserialize(await text(req));
  send(res, 200, { type: evt.type });
};

exports.fixed = async (req, res) => {
  await json(req);
  // ok: js.cmdi.child-process
  exec('git fetch --all', () => {});
  send(res, 200, 'ok');
};
