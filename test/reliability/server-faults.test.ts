/**
 * The language server under bad inputs and faults, over real LSP (stdio): it stays up, answers within bounds,
 * says what it skipped, and its diagnostics settle on what a fresh scan of the final text gives. Covers
 * malformed protocol input, huge/binary/deep documents, a thousand findings, open/close/edit storms, a malformed
 * `.vigil.yml` (error on the file, last good config kept), a bad custom rule next to good ones, and
 * Restricted Mode (no workspace rules, user told why). Needs `npm run build` (npm test does it).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { LspClient, SERVER_JS, type Diagnostic } from '../lsp/lsp-client';
import { FAKES, LANGUAGES, prng } from './corpus';

const built = existsSync(SERVER_JS);
/** A fake token for the custom rule of the tests (random-looking, so no placeholder filter drops it). */
const ACME_TOKEN = 'acme_q8w7e6r5t4y3u2i1o9p8a7s6d5f4g3h2';
let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
});
after(() => engine.dispose());

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-faults-'));
}

/** Diagnostics without the server-only fields, for comparing with engine findings. */
function keyOf(d: Diagnostic): string {
  return `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

/**
 * The server answers a request: it is up and its message loop runs. The timeout is a hang guard, not a speed
 * check (that the loop is not held up by a long analysis is asserted by message order in
 * test/lsp/responsiveness.lsp.test.ts; speed is `npm run bench`'s).
 */
async function assertResponsive(client: LspClient, uri: string): Promise<void> {
  await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, 60_000);
  assert.equal(client.proc.exitCode, null, 'server process still running');
}

/** Log lines that mean something went unhandled. */
function unhandled(client: LspClient): string[] {
  const logs = client.notifications
    .filter((n) => n.method === 'window/logMessage')
    .map((n) => String((n.params as { message: string }).message));
  return [...logs, client.stderr].filter((m) => /uncaught|unhandled rejection|handler .* failed/i.test(m));
}

describe('language server under bad inputs and faults', { skip: !built && 'dist/server.js not built' }, () => {
  it('malformed protocol input: unknown documents, reversed and out-of-range edits, garbage language ids', async () => {
    const ws = workspace();
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const uri = pathToFileURL(join(ws, 'a.js')).toString();
      client.change(pathToFileURL(join(ws, 'never-opened.js')).toString(), 2, [{ text: 'x' }]);
      client.close(pathToFileURL(join(ws, 'never-opened.js')).toString());
      client.open(uri, 'no-such-language', 'eval(x)', 1);
      await client.waitForDiagnostics((p) => p.uri === uri);
      client.close(uri);
      client.open(uri, 'javascript', 'const a = 1;\n', 1);
      // Reversed range, negative and huge positions: LSP clamps; the server must not throw.
      client.change(uri, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 2 } }, text: 'b' }]);
      client.change(uri, 3, [{ range: { start: { line: -5, character: -1 }, end: { line: 0, character: 0 } }, text: '/*x*/' }]);
      client.change(uri, 4, [{ range: { start: { line: 999, character: 999 }, end: { line: 1000, character: 0 } }, text: '\nconst c = 3;\n' }]);
      // A lone surrogate half, as a broken client could send.
      client.change(uri, 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\ud83d' }]);
      await client.waitForDiagnostics((p) => p.uri === uri && p.version === 5, 20_000, false);
      client.close(uri);
      client.close(uri);
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      const other = pathToFileURL(join(ws, 'b.js')).toString();
      client.open(other, 'javascript', 'let ok = 1;\n', 1);
      await client.waitForDiagnostics((p) => p.uri === other);
      await assertResponsive(client, other);
      assert.deepEqual(unhandled(client), []);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('binary, empty, 10 MB, deeply nested and thousand-finding documents: answered in bounds, skips explained', async () => {
    const ws = workspace();
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const rnd = prng(3);
      const docs: { name: string; languageId: string; text: string; expect?: RegExp }[] = [
        { name: 'random.bin.js', languageId: 'javascript', text: Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(rnd() * 256))).toString('utf8'), expect: /vigil\.notice\.binary/ },
        { name: 'empty.py', languageId: 'python', text: '' },
        { name: 'bundle.js', languageId: 'javascript', text: 'var a=1;'.repeat(1_250_000), expect: /vigil\.notice\.too-large/ },
        { name: 'deep.json', languageId: 'json', text: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
        { name: 'many.env', languageId: 'dotenv', text: Array.from({ length: 1200 }, (_, i) => `AWS_ACCESS_KEY_ID_${i}=AKIA${String(i).padStart(4, '0')}${FAKES.awsKeyId.slice(8)}`).join('\n') },
      ];
      for (const d of docs) {
        const uri = pathToFileURL(join(ws, d.name)).toString();
        client.open(uri, d.languageId, d.text, 1);
        // A generous hang guard; how fast is measured by `npm run bench`.
        const p = await client.waitForDiagnostics((x) => x.uri === uri, 120_000);
        if (d.expect) assert.match(p.diagnostics.map((x) => String(x.code)).join(' '), d.expect, d.name);
        if (d.name === 'many.env' && engine.rules().some((r) => r.pack === 'secrets')) {
          assert.ok(p.diagnostics.length >= 1000, `many.env: ${p.diagnostics.length} diagnostics`);
        }
        // Typing in a skipped 10 MB file must not block the server: each keystroke is answered quickly.
        if (d.name === 'bundle.js') {
          for (let v = 2; v < 7; v++) client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
          await client.waitForDiagnostics((x) => x.uri === uri && x.version === 6, 20_000, false);
        }
        await assertResponsive(client, uri);
      }
      assert.deepEqual(unhandled(client), []);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('an open/close/edit storm on 20 files: no unhandled errors, and diagnostics settle on a fresh scan of the final text', async () => {
    const ws = workspace();
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const rnd = prng(11);
      const files = Array.from({ length: 20 }, (_, i) => {
        const lang = LANGUAGES[i % LANGUAGES.length]!;
        return { uri: pathToFileURL(join(ws, `${i}-${lang.file}`)).toString(), path: join(ws, `${i}-${lang.file}`), lang, text: lang.seed, version: 1, open: false };
      });
      // Fire 2,000 operations without waiting for any answer, as a fast typist with many tabs would.
      for (let k = 0; k < 2_000; k++) {
        const f = files[Math.floor(rnd() * files.length)]!;
        const roll = rnd();
        if (!f.open) {
          client.open(f.uri, f.lang.languageId, f.text, ++f.version);
          f.open = true;
        } else if (roll < 0.05) {
          client.close(f.uri);
          f.open = false;
        } else {
          const at = Math.floor(rnd() * (f.text.length + 1));
          const del = Math.min(f.text.length - at, Math.floor(rnd() * 4));
          const ins = ['(', '"', '\n', 'req.query.a', ' + ', '😀', '', ';'][Math.floor(rnd() * 8)]!;
          const before = f.text.slice(0, at);
          const line = before.split(/\r\n|\r|\n/).length - 1;
          const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
          const start = { line, character: at - lastBreak - 1 };
          const removed = f.text.slice(at, at + del);
          const endLine = line + removed.split(/\r\n|\r|\n/).length - 1;
          const removedBreak = Math.max(removed.lastIndexOf('\n'), removed.lastIndexOf('\r'));
          const end = endLine === line ? { line, character: start.character + del } : { line: endLine, character: del - removedBreak - 1 };
          f.text = before + ins + f.text.slice(at + del);
          client.change(f.uri, ++f.version, [{ range: { start, end }, text: ins }]);
        }
      }
      for (const f of files) if (!f.open) client.open(f.uri, f.lang.languageId, f.text, ++f.version);
      for (const f of files) {
        const p = await client.waitForDiagnostics((x) => x.uri === f.uri && x.version === f.version, 60_000);
        const fresh = engine.scanText(f.path, f.lang.languageId, f.text);
        const expected = fresh.findings.map((x) => `${x.ruleId}@${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
        const got = p.diagnostics.filter((d) => !String(d.code).startsWith('vigil.notice')).map(keyOf);
        assert.deepEqual(got, expected, `${f.uri} v${f.version}`);
      }
      await assertResponsive(client, files[0]!.uri);
      assert.deepEqual(unhandled(client), []);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('a malformed .vigil.yml: error on the file, built-in rules keep running, the last good config stays', async () => {
    const ws = workspace();
    const cfg = join(ws, '.vigil.yml');
    const customToken = ACME_TOKEN;
    writeFileSync(cfg, 'customRules:\n  secrets:\n    - id: acme.token\n      severity: high\n      name: Acme token\n      description: An Acme API token.\n      regex: "acme_[a-z0-9]{32}"\n      keywords: [acme_]\n');
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const app = pathToFileURL(join(ws, 'app.js')).toString();
      const text = `const t = "${customToken}";\nconst k = "${FAKES.awsKeyId}";\n`;
      client.open(app, 'javascript', text, 1);
      const first = await client.waitForDiagnostics((p) => p.uri === app && p.diagnostics.some((d) => d.code === 'acme.token'), 20_000);
      const codes = first.diagnostics.map((d) => String(d.code));
      // The config is now broken twice over: bad YAML. The server says so on the file and keeps the good one.
      const cfgUri = pathToFileURL(cfg).toString();
      client.open(cfgUri, 'yaml', 'customRules:\n  secrets: [\n', 1);
      const problems = await client.waitForDiagnostics((p) => p.uri === cfgUri && p.diagnostics.some((d) => d.code === 'vigil.config'), 20_000);
      assert.match(problems.diagnostics.map((d) => d.message).join('\n'), /last good configuration/);
      client.change(app, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' }]);
      const after = await client.waitForDiagnostics((p) => p.uri === app && p.version === 2, 20_000, false);
      assert.deepEqual(after.diagnostics.map((d) => String(d.code)), codes, 'same rules in force after the config broke');
      const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String((n.params as { message: string }).message));
      assert.ok(logs.some((m) => /last good configuration/.test(m)), 'the output channel says the last good config is kept');
      assert.deepEqual(unhandled(client), []);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('a bad custom rule is reported on the config file and the good custom and built-in rules still run', async () => {
    const ws = workspace();
    const cfg = join(ws, '.vigil.yml');
    writeFileSync(
      cfg,
      [
        'customRules:',
        '  secrets:',
        '    - id: acme.broken',
        '      severity: high',
        '      name: Broken',
        '      description: A rule whose regex does not compile.',
        '      regex: "acme_[a-z"',
        '      keywords: [acme_]',
        '    - id: acme.token',
        '      severity: high',
        '      name: Acme token',
        '      description: An Acme API token.',
        '      regex: "acme_[a-z0-9]{32}"',
        '      keywords: [acme_]',
        '',
      ].join('\n'),
    );
    const client = new LspClient();
    try {
      await client.initialize(ws);
      const cfgUri = pathToFileURL(cfg).toString();
      const problems = await client.waitForDiagnostics((p) => p.uri === cfgUri && p.diagnostics.length > 0, 20_000);
      assert.match(problems.diagnostics.map((d) => d.message).join('\n'), /acme\.broken/);
      const app = pathToFileURL(join(ws, 'app.js')).toString();
      client.open(app, 'javascript', `const t = "${ACME_TOKEN}";\nconst k = "${FAKES.awsKeyId}";\n`, 1);
      const p = await client.waitForDiagnostics((x) => x.uri === app, 20_000);
      const codes = p.diagnostics.map((d) => String(d.code));
      assert.ok(codes.includes('acme.token'), `good custom rule runs: ${codes.join(', ')}`);
      if (engine.rules().some((r) => r.pack === 'secrets')) assert.ok(codes.some((c) => c.startsWith('secrets.aws')), `built-in rules run: ${codes.join(', ')}`);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('Restricted Mode: workspace custom rules and config do not run, built-in rules do, and the user is told why', async () => {
    const ws = workspace();
    const cfg = join(ws, '.vigil.yml');
    // In a trusted workspace this config would switch built-in secret rules off and add a custom one.
    writeFileSync(cfg, 'packs:\n  secrets: false\ncustomRules:\n  taint: []\n  secrets:\n    - id: acme.token\n      severity: high\n      name: Acme token\n      description: An Acme API token.\n      regex: "acme_[a-z0-9]{32}"\n      keywords: [acme_]\n');
    const client = new LspClient();
    try {
      await client.initialize(ws, { trusted: false });
      const app = pathToFileURL(join(ws, 'app.js')).toString();
      client.open(app, 'javascript', `const t = "${ACME_TOKEN}";\nconst k = "${FAKES.awsKeyId}";\n`, 1);
      const p = await client.waitForDiagnostics((x) => x.uri === app, 20_000);
      const codes = p.diagnostics.map((d) => String(d.code));
      assert.ok(!codes.includes('acme.token'), 'the workspace rule did not run');
      if (engine.rules().some((r) => r.pack === 'secrets')) assert.ok(codes.some((c) => c.startsWith('secrets.aws')), `built-in rules still run: ${codes.join(', ')}`);
      const status = client.notifications.filter((n) => n.method === 'vigil/status').map((n) => n.params as { state: string; message?: string });
      assert.ok(status.some((s) => s.state === 'restricted'), 'status bar shows restricted mode');
      const cfgDiags = await client.waitForDiagnostics((x) => x.uri === pathToFileURL(cfg).toString(), 20_000);
      assert.match(cfgDiags.diagnostics.map((d) => d.message).join('\n'), /Restricted Mode/);
    } finally {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
