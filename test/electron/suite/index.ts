/**
 * Extension tests that run inside a real VS Code extension host with the real `vscode` API: under
 * @vscode/test-electron (desktop VS Code, see ../run-electron.ts) or inside code-server via the workbench
 * `payload` URL (../code-server-suite.e2e.ts). The workspace is a copy of test/e2e/workspace.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note, runAll, test } from './tiny-runner';
import { waitFor } from './wait-for';

const EXTENSION_ID = 'vigil-security.vigil-scanner';
const SQLI_BEFORE = 'db.query("SELECT * FROM users WHERE id = " + req.query.id)';
const SQLI_AFTER = 'db.query("SELECT * FROM users WHERE id = ?", [req.query.id])';
const FAKE_AWS_KEY_ID = 'AKIAZ7QW3RT5YU2XPL4M';

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

function vigilDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vigil');
}

function fileInWorkspace(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the e2e fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openEditor(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileInWorkspace(name));
  return vscode.window.showTextDocument(doc);
}

async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function describe(diags: vscode.Diagnostic[]): string {
  return JSON.stringify(diags.map((d) => ({ code: codeOf(d), line: d.range.start.line, severity: d.severity, message: d.message })));
}

test('the extension is installed and activates', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await openEditor('app.js'); // activation is onLanguage:javascript
  await waitFor('the extension to activate', () => ext.isActive, 30_000);
  const commands = await vscode.commands.getCommands(true);
  for (const c of ['vigil.scanWorkspace', 'vigil.restartServer', 'vigil.showOutput']) assert.ok(commands.includes(c), `command ${c} not registered`);
});

test('the SQL injection in app.js is an Error diagnostic from vigil on the db.query line', async () => {
  const editor = await openEditor('app.js');
  const uri = editor.document.uri;
  const d = await waitFor('a js.*sqli* diagnostic in app.js', () => vigilDiagnostics(uri).find((x) => /^js\..*sqli/.test(codeOf(x))), 45_000);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error, 'high severity maps to Error');
  assert.ok(editor.document.lineAt(d.range.start.line).text.includes('db.query('), `diagnostic on line ${d.range.start.line}`);
  assert.ok(d.message.trim().length > 0, 'the message is not empty');
});

test('the preferred quick fix rewrites the query to a parameterised one and the finding goes away', async () => {
  const editor = await openEditor('app.js');
  const doc = editor.document;
  const d = await waitFor('the sqli diagnostic', () => vigilDiagnostics(doc.uri).find((x) => /^js\..*sqli/.test(codeOf(x))));
  note('diagnostic found');
  const actions = await codeActionsAt(doc.uri, d.range);
  note(`${actions.length} code actions`);
  const fix = actions.find((a) => /parameteri[sz]ed query/i.test(a.title));
  assert.ok(fix, `no "parameterised query" action; got ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(fix.isPreferred, true, 'the parameterised-query fix is the preferred one');
  const expected = doc.getText().replace(SQLI_BEFORE, SQLI_AFTER);
  await apply(fix);
  note('fix applied');
  assert.equal(doc.getText(), expected, 'text after the fix');
  await waitFor(`the sqli finding to disappear (now ${describe(vigilDiagnostics(doc.uri))})`, () =>
    !vigilDiagnostics(doc.uri).some((x) => /^js\..*sqli/.test(codeOf(x)) && x.range.start.line === d.range.start.line),
  );
});

test('typing a new injection (unsaved) is reported without saving', async () => {
  const editor = await openEditor('app.js');
  const doc = editor.document;
  const line = doc.getText().split('\n').findIndex((l) => l.includes('res.json(rows)'));
  assert.ok(line > 0, 'fixture has res.json(rows)');
  const typed = '  await db.query("DELETE FROM sessions WHERE user = " + req.query.id);\n';
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 0), typed)), 'edit applied');
  assert.ok(doc.isDirty, 'document is unsaved');
  await waitFor(`a sqli finding on the typed line ${line} (now ${describe(vigilDiagnostics(doc.uri))})`, () =>
    vigilDiagnostics(doc.uri).some((x) => /^js\..*sqli/.test(codeOf(x)) && x.range.start.line === line),
  );
});

test('a hard-coded AWS key id in config.js is a secrets finding, masked, with a fix that reads an env var', async () => {
  const editor = await openEditor('config.js');
  const doc = editor.document;
  const d = await waitFor('a secrets.* diagnostic in config.js', () => vigilDiagnostics(doc.uri).find((x) => codeOf(x).startsWith('secrets.')), 45_000);
  assert.ok(!d.message.includes(FAKE_AWS_KEY_ID), `the message must mask the secret: ${d.message}`);
  const actions = await codeActionsAt(doc.uri, d.range);
  const fix = actions.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && a.edit && /env/i.test(a.title));
  assert.ok(fix, `no env-var fix; got ${JSON.stringify(actions.map((a) => a.title))}`);
  await apply(fix);
  assert.ok(!doc.getText().includes(FAKE_AWS_KEY_ID), 'the key is gone from the file');
  assert.match(doc.getText(), /process\.env\.[A-Z0-9_]+/, 'the value now comes from process.env');
});

test('a killed server is restarted and analyses edits again', async () => {
  const { execSync } = await import('node:child_process');
  // vscode-languageclient starts the IPC server with --clientProcessId=<extension host pid>.
  const serverPids = (): number[] => {
    try {
      // `[s]` keeps the pattern from matching the shell that runs pgrep, whose command line holds it: that pid was
      // gone by the time the test killed it (ESRCH), a flaky failure.
      return execSync(`pgrep -f "[s]erver\\.js.*clientProcessId=${process.pid}"`, { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const [before] = await waitFor('the running Vigil server process', () => {
    const pids = serverPids();
    return pids.length > 0 ? pids : undefined;
  });
  process.kill(before!, 'SIGKILL');
  await waitFor('a new server process after the crash', () => serverPids().some((p) => p !== before), 30_000);
  const editor = await openEditor('app.js');
  const doc = editor.document;
  const line = doc.getText().split('\n').findIndex((l) => l.includes('res.json(rows)'));
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 0), '  await db.query("SELECT * FROM audit WHERE id = " + req.query.id);\n')));
  await waitFor(`a finding from the restarted server on line ${line}`, () =>
    vigilDiagnostics(doc.uri).some((x) => /^js\..*sqli/.test(codeOf(x)) && x.range.start.line === line),
    30_000,
  );
});

/** Entry point called by the extension host (extensionTestsPath). */
// The workspace-scan tests run after the editing tests above (a require, unlike an import, is not hoisted).
require('./workspace-scan');

export async function run(): Promise<void> {
  await runAll();
}
