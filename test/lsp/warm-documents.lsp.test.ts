/**
 * LSP test for `initializationOptions.warmDocuments`: with a limit of 0 every document drops its tree and analysis
 * state after each run, so each edit is applied to a cold document. Its findings must be those of a warm server.
 * The bundled server (dist/server.js) over stdio; run `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspClient, type PublishDiagnosticsParams } from './lsp-client';

const handler = (route: string, body: string): string =>
  `const cp = require('child_process');\nconst app = require('express')();\napp.get('${route}', (req, res) => {\n${body}\n});\n`;

const taintLines = (p: PublishDiagnosticsParams): string =>
  p.diagnostics
    .filter((d) => typeof d.code === 'string' && d.code.startsWith('js.'))
    .map((d) => `${d.range.start.line}:${String(d.code)}`)
    .sort()
    .join(' ');

async function script(warmDocuments: number | undefined): Promise<string[]> {
  const ws = mkdtempSync(join(tmpdir(), 'vigil-lsp-warm-'));
  const client = new LspClient();
  const seen: string[] = [];
  const uri = (n: string) => pathToFileURL(join(ws, `${n}.js`)).toString();
  const expect = async (name: string, version: number, want: string) => {
    const p = await client.waitForDiagnostics((q) => q.uri === uri(name) && q.version === version && taintLines(q) === want).catch(() => undefined);
    const got = p ? taintLines(p) : `(none matched; last: ${[...client.diagnostics.values()].filter((q) => q.uri === uri(name)).map(taintLines).join(' | ')})`;
    seen.push(`${name}@${version} ${got}`);
    assert.equal(got, want, `${name} v${version} with warmDocuments ${warmDocuments}`);
  };
  try {
    await client.initialize(ws, warmDocuments !== undefined ? { warmDocuments } : {});
    await client.waitForReady();
    for (const n of ['a', 'b', 'c']) client.open(uri(n), 'javascript', handler(`/${n}`, `  cp.exec('ls ' + req.query.d);`));
    for (const n of ['a', 'b', 'c']) await expect(n, 1, '3:js.cmdi.child-process');
    // A new flow inside a's handler (a is cold again if the limit is 0).
    client.change(uri('a'), 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `  require('fs').readFile(req.query.p, () => {});\n` }]);
    await expect('a', 2, '3:js.path-traversal.fs 4:js.cmdi.child-process');
    // b's flow removed: the argument becomes a constant.
    client.change(uri('b'), 2, [{ range: { start: { line: 3, character: 17 }, end: { line: 3, character: 28 } }, text: `'x'` }]);
    await expect('b', 2, '');
    // a again, after b ran: the inserted line taken out.
    client.change(uri('a'), 3, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
    await expect('a', 3, '3:js.cmdi.child-process');
    // c untouched, then edited by one character inside the sink's argument.
    client.change(uri('c'), 2, [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } }, text: 'x' }]);
    await expect('c', 2, '3:js.cmdi.child-process');
    return seen;
  } finally {
    await client.shutdown();
  }
}

describe('LSP: warmDocuments', () => {
  it('gives a cold document (limit 0) the findings a warm one gets, edit after edit', async () => {
    const cold = await script(0);
    const warm = await script(undefined);
    assert.deepEqual(cold, warm);
  });
});
