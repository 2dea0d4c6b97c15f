/**
 * The demo's port choice (scripts/demo-port.sh, used by `npm run demo` and its `--check` in `npm test`): the check
 * never uses a fixed port, so `npm test` runs beside a running demo; the interactive demo keeps its default
 * unless it is taken, and then says so and picks a free one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'demo-port.sh');
let busy: Server;
let busyPort = 0;

before(async () => {
  // A port held open for the whole test, as a running demo would hold 8123.
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
after(() => busy.close());

function choose(check: 0 | 1, defaultPort: number, env: Record<string, string> = {}) {
  const { VIGIL_DEMO_PORT: _unset, ...base } = process.env;
  const r = spawnSync('bash', [SCRIPT, String(check), String(defaultPort)], { encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000 });
  return { code: r.status, port: Number(r.stdout.trim()), stderr: r.stderr };
}

describe('demo port', () => {
  it('--check takes a free port from the OS even when the default is taken (npm test beside a running demo)', () => {
    const r = choose(1, busyPort);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.port > 0 && r.port !== busyPort, `port ${r.port}`);
  });

  it('the interactive demo says the default is taken and uses another port', () => {
    const r = choose(0, busyPort);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.port > 0 && r.port !== busyPort, `port ${r.port}`);
    assert.match(r.stderr, new RegExp(`port ${busyPort} is already in use .*using port ${r.port} instead`));
  });

  it('the interactive demo keeps a free default, and an explicit VIGIL_DEMO_PORT that is taken is an error naming it', () => {
    const free = choose(1, 0).port;
    assert.equal(choose(0, free).port, free);
    const r = choose(0, free, { VIGIL_DEMO_PORT: String(busyPort) });
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`port ${busyPort} \\(VIGIL_DEMO_PORT\\) is already in use`));
  });
});
