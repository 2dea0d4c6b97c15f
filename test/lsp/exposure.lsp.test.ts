/**
 * LSP: a secret already committed and pushed says so in its diagnostic, once the background history lookup has
 * answered; the first publish does not wait for git. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lsp-client';

// A fake Fly.io-format token; never a real credential.
const TOKEN = 'fo1_' + 'Lw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qw9P';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const base = mkdtempSync(join(tmpdir(), 'vigil-lsp-exposure-'));
const ws = join(base, 'work');
let client: LspClient;

before(async () => {
  mkdirSync(ws);
  git(base, 'init', '-q', '--bare', join(base, 'origin.git'));
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'config', 'user.email', 'test@example.invalid');
  git(ws, 'config', 'user.name', 'Vigil Test');
  git(ws, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(ws, 'deploy.js'), `const flyToken = "${TOKEN}";\n`);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'deploy');
  git(ws, 'remote', 'add', 'origin', join(base, 'origin.git'));
  git(ws, 'push', '-q', 'origin', 'main');
  client = new LspClient();
  await client.initialize(ws);
});

after(async () => {
  await client.shutdown();
});

describe('secret exposure in the editor', () => {
  it('republishes the secret with "pushed to origin/main" after the history lookup', async () => {
    const uri = pathToFileURL(join(ws, 'deploy.js')).toString();
    client.open(uri, 'javascript', `const flyToken = "${TOKEN}";\n`, 1);
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.diagnostics.some((d) => /pushed to origin\/main: rotate it/.test(d.message)), 20_000, false);
    const d = p.diagnostics.find((x) => x.code === 'secrets.flyio.access-token')!;
    assert.match(d.message, /committed in [0-9a-f]{7} on \d{4}-\d{2}-\d{2}, pushed to origin\/main/);
    assert.match(d.message, /How to revoke it: https:\/\/fly\.io\//);
    assert.ok(!JSON.stringify(p).includes(TOKEN));
  });

  it('re-ranks the secret once history says it was pushed: the republished priority says why', async () => {
    const uri = pathToFileURL(join(ws, 'ranked.js')).toString();
    writeFileSync(join(ws, 'ranked.js'), `const flyToken = "${TOKEN}";\n`);
    client.open(uri, 'javascript', `const flyToken = "${TOKEN}";\n`, 1);
    type Data = { priority?: { score: number; level: string; reason: string } };
    const pushed = await client.waitForDiagnostics((x) => x.uri === uri && x.diagnostics.some((d) => /pushed to origin\/main/.test(d.message)), 20_000, false);
    const d = pushed.diagnostics.find((x) => x.code === 'secrets.flyio.access-token')!;
    const priority = (d.data as Data).priority;
    assert.ok(priority);
    assert.equal(priority.reason, 'secret pushed to a remote');
    // The same secret in a file never committed ranks lower: only history makes the difference.
    const fresh = pathToFileURL(join(ws, 'fresh.js')).toString();
    client.open(fresh, 'javascript', `const other = 1;\nconst flyToken = "${TOKEN.slice(0, -1)}Q";\n`, 1);
    const p2 = await client.waitForDiagnostics((x) => x.uri === fresh && x.diagnostics.length > 0);
    const unexposed = (p2.diagnostics[0]!.data as Data).priority!;
    assert.equal(unexposed.reason, 'hard-coded secret');
    assert.ok(priority.score > unexposed.score, `pushed ${priority.score} > not committed ${unexposed.score}`);
  });
});

describe('secret exposure in Restricted Mode', () => {
  // A `git` first on PATH that records each call and then runs the real one: a repository's own config is the
  // attack surface of running git, so an untrusted workspace must see no git at all.
  const bin = join(base, 'bin');
  const calls = join(base, 'git-calls.log');
  let restricted: LspClient;
  before(async () => {
    mkdirSync(bin, { recursive: true });
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    restricted = new LspClient(undefined, [], { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` });
    await restricted.initialize(ws, { trusted: false });
  });
  after(async () => {
    await restricted.shutdown();
  });

  it('reports the secret but runs no git history lookup', async () => {
    const uri = pathToFileURL(join(ws, 'deploy.js')).toString();
    restricted.open(uri, 'javascript', `const flyToken = "${TOKEN}";\n`, 1);
    const p = await restricted.waitForDiagnostics((x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'secrets.flyio.access-token'));
    assert.ok(!p.diagnostics.some((d) => /pushed to/.test(d.message)));
    // The lookup is batched for 200 ms and then spawns git at once; a generous wait keeps this a guard, not a timer.
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(existsSync(calls) ? readFileSync(calls, 'utf8') : '', '');
  });
});
