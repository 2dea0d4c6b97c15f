import { App } from '@slack/bolt';
import { exec, execFile } from 'node:child_process';
import vm from 'node:vm';

const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
const DEPLOYABLE = new Set(['api', 'web']);

app.command('/calc', async ({ command, ack, respond }) => {
  await ack();
  // ruleid: js.code-injection.eval
  await respond(String(vm.runInNewContext(command.text, { Math })));
});

app.command('/logs', async ({ command, ack, respond }) => {
  await ack();
  const [service, pattern] = command.text.split(' ', 2);
  // ruleid: js.cmdi.child-process
  exec(`kubectl logs deploy/${service} | grep "${pattern}"`, (err, out) => respond(out));
  if (DEPLOYABLE.has(service)) {
    // ok: js.cmdi.child-process
    execFile('./deploy.sh', [service], (err, out) => respond(out));
  }
});

app.action('fetch_status', async ({ ack, action }) => {
  await ack();
  // ruleid: js.cmdi.child-process
  exec('curl -s ' + (action as { value: string }).value);
});

app.message('hello', async ({ message, say }) => {
  // ok: js.cmdi.child-process
  exec('date', (err, out) => say(out));
});
