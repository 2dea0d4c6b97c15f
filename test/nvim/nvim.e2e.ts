/**
 * Real-editor test with a second LSP client: headless Neovim (Debian's 0.7.2) runs `node dist/server.js --stdio`
 * through vim-lsp.lua on a copy of the e2e fixture's app.js, reports Vigil's diagnostics, applies the
 * "parameterised query" code action and saves. This proves the server works outside VS Code.
 * Prerequisites: `npm run setup:editors` (neovim) and `npm run build` (dist/server.js).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  copyWorkspace,
  FIXTURE_WORKSPACE,
  isolatedEnv,
  killGroup,
  requireFile,
  RESULTS_DIR,
  SERVER_JS,
  SQLI_AFTER,
  SQLI_BEFORE,
  SQLI_RULE,
  tempDir,
} from '../e2e/editor-harness';

const CONFIG = join(__dirname, 'vigil-lsp.lua');
const NVIM = process.env.VIGIL_NVIM ?? 'nvim';

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code?: string;
  message: string;
  source: string;
}

interface NvimResult {
  error?: string | null;
  log: string[];
  before: NvimDiagnostic[];
  after: NvimDiagnostic[];
  target?: NvimDiagnostic;
  actions: { title: string; kind?: string; isPreferred?: boolean }[];
  applied?: string;
  fixed_text?: string;
}

/** Runs nvim headless on `file`; resolves with its exit code and output (killed after `timeoutMs`). */
function runNvim(file: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', CONFIG, file], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      void killGroup(child);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${NVIM}: ${e.message} (run \`npm run setup:editors\`)`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // The language server is in nvim's process group; make sure it does not outlive the test.
      void killGroup(child).then(() => resolve({ code, output }));
    });
  });
}

test('neovim: diagnostics from source vigil, code action rewrites the SQL injection', { timeout: 60_000 }, async () => {
  requireFile(SERVER_JS, 'run `npm run build` first');
  const tmp = tempDir('nvim');
  try {
    const ws = copyWorkspace(FIXTURE_WORKSPACE, join(tmp.dir, 'workspace'));
    const app = join(ws, 'app.js');
    const original = readFileSync(app, 'utf8');
    const outPath = join(tmp.dir, 'nvim-result.json');
    const env = isolatedEnv(tmp.dir, { VIGIL_SERVER: SERVER_JS, VIGIL_NVIM_OUT: outPath, VIGIL_NVIM_TIMEOUT_MS: '30000' });
    const run = await runNvim(app, ws, env, 45_000);

    assert.ok(existsSync(outPath), `nvim wrote no result file (exit ${run.code}); output:\n${run.output}`);
    const result = JSON.parse(readFileSync(outPath, 'utf8')) as NvimResult;
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'nvim-result.json'), JSON.stringify(result, null, 2));
    const context = `\nnvim result: ${JSON.stringify(result, null, 2)}\nnvim output:\n${run.output}`;
    // vim.fn.json_encode writes an empty Lua table as [] or {}; normalise before reading.
    const before = Array.isArray(result.before) ? result.before : [];
    const after = Array.isArray(result.after) ? result.after : [];

    assert.ok(!result.error, `nvim run failed: ${result.error}${context}`);
    assert.ok(before.length > 0 && before.every((d) => d.source === 'vigil'), `expected diagnostics from source vigil${context}`);
    const sqli = before.find((d) => SQLI_RULE.test(d.code ?? ''));
    assert.ok(sqli, `expected a js.*sqli* diagnostic${context}`);
    assert.equal(sqli.severity, 1, `the SQL injection is high severity, so an LSP Error (1)${context}`);
    const line = original.split('\n')[sqli.lnum] ?? '';
    assert.ok(line.includes('db.query('), `the diagnostic must be on the db.query line, got line ${sqli.lnum}: ${line}${context}`);
    assert.match(result.applied ?? '', /parameteri[sz]ed query/i, `applied action${context}`);

    const expected = original.replace(SQLI_BEFORE, SQLI_AFTER);
    assert.equal(result.fixed_text, expected.replace(/\n$/, ''), `buffer text after the code action${context}`);
    assert.equal(readFileSync(app, 'utf8'), expected, `saved file after the code action${context}`);
    assert.ok(!after.some((d) => d.code === sqli.code && d.lnum === sqli.lnum), `the fixed finding must be gone${context}`);
  } finally {
    tmp.cleanup();
  }
});
