/**
 * The server loads a tree-sitter grammar when a document first needs it, or after start-up for the languages of the
 * workspace's files: a session on Python files holds no Java, Go or TypeScript grammar (each costs megabytes of wasm
 * memory and compiled code), and a document whose grammar arrives after it opened (with edits made meanwhile) gets
 * the findings a fresh analysis gives. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { GRAMMAR_IDS } from '../../server/src/engine/languages';
import { LspClient } from './lsp-client';

const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-grammars-'));
const uriOf = (name: string) => pathToFileURL(join(ws, name)).toString();

const APP = [
  'import sqlite3',
  'from flask import Flask, request',
  '',
  'app = Flask(__name__)',
  '',
  "@app.route('/user')",
  'def user():',
  "    db = sqlite3.connect('app.db')",
  "    uid = request.args.get('id')",
  '    return str(db.execute("SELECT * FROM users WHERE id = " + uid).fetchall())',
  '',
].join('\n');

let client: LspClient;

/** The grammars the server's log says it loaded, in order. */
function loadedGrammars(c = client): string[] {
  return c.notifications
    .filter((n) => n.method === 'window/logMessage')
    .map((n) => (n.params as { message: string }).message)
    .flatMap((m) => /grammar (\S+) loaded$/.exec(m)?.[1] ?? []);
}

before(async () => {
  // The workspace holds no file on disk (documents are only opened): nothing to load after start-up.
  client = new LspClient();
  await client.initialize(ws);
});

after(async () => {
  await client.shutdown();
});

describe('grammars load on first need', () => {
  it('loads no grammar at start-up', async () => {
    await client.waitForReady();
    assert.deepEqual(loadedGrammars(), []);
  });

  it('a Python file loads the Python grammar only, and an edit made before it loaded is analysed', async () => {
    const uri = uriOf('app.py');
    const broken = APP.replace(' + uid)', ' + "1")');
    client.open(uri, 'python', broken, 1);
    // Sent at once: it arrives while the grammar is still loading, and must not be lost.
    const line = broken.split('\n')[9]!;
    const at = line.indexOf('"1"');
    client.change(uri, 2, [{ range: { start: { line: 9, character: at }, end: { line: 9, character: at + 3 } }, text: 'uid' }]);
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 2);
    const sqli = p.diagnostics.filter((d) => /^py\..*sqli/.test(String(d.code)));
    assert.equal(sqli.length, 1, `codes: ${p.diagnostics.map((d) => d.code).join(', ')}`);
    assert.equal(sqli[0]!.range.start.line, 9);
    assert.deepEqual(loadedGrammars(), ['python']);
    assert.ok(GRAMMAR_IDS.includes('java') && !loadedGrammars().includes('java'));
  });

  it('a JavaScript file then loads JavaScript too, and nothing else', async () => {
    const uri = uriOf('a.js');
    client.open(uri, 'javascript', "const cp = require('child_process');\nmodule.exports = (req) => cp.exec(req.query.cmd);\n", 1);
    await client.waitForDiagnostics((x) => x.uri === uri && x.version === 1);
    assert.deepEqual(loadedGrammars(), ['python', 'javascript']);
  });
});

describe('grammars of the workspace load after start-up', () => {
  const root = mkdtempSync(join(tmpdir(), 'vigil-lsp-grammars-ws-'));
  let c: LspClient;
  before(async () => {
    mkdirSync(join(root, 'svc'));
    mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(root, 'app.py'), APP);
    writeFileSync(join(root, 'svc', 'main.go'), 'package main\n');
    // A dependency's file is not the workspace's language.
    writeFileSync(join(root, 'node_modules', 'dep', 'Lib.java'), 'class Lib {}\n');
    // Nor is a file the workspace's config excludes.
    mkdirSync(join(root, 'legacy'));
    writeFileSync(join(root, 'legacy', 'Old.java'), 'class Old {}\n');
    writeFileSync(join(root, 'legacy', 'Older.java'), 'class Older {}\n');
    writeFileSync(join(root, '.vigil.yml'), 'exclude:\n  - "legacy/**"\n');
    c = new LspClient();
    await c.initialize(root);
  });
  after(async () => {
    await c.shutdown();
  });

  it("loads the grammars of the workspace's files with no document open, and no other (none for excluded files)", async () => {
    await c.waitForReady();
    const deadline = Date.now() + 30_000;
    while (loadedGrammars(c).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual([...loadedGrammars(c)].sort(), ['go', 'python']);
    // A document of a loaded language is analysed with it (no second load).
    const uri = pathToFileURL(join(root, 'app.py')).toString();
    c.open(uri, 'python', APP, 1);
    const p = await c.waitForDiagnostics((x) => x.uri === uri && x.version === 1);
    assert.ok(p.diagnostics.some((d) => /^py\..*sqli/.test(String(d.code))), `codes: ${p.diagnostics.map((d) => d.code).join(', ')}`);
    assert.deepEqual([...loadedGrammars(c)].sort(), ['go', 'python']);
  });
});
