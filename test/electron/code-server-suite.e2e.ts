/**
 * Runs the extension-host suite (suite/index.ts, the one @vscode/test-electron runs on desktop) inside
 * code-server: its workbench URL's `payload` parameter sets extensionDevelopmentPath (this repo, so dist/ must be
 * built) and extensionTestsPath. code-server gives no exit code back, so the suite writes a JSON report
 * (VIGIL_E2E_RESULTS, inherited by the extension host from code-server's environment) and this test reads it.
 * Prerequisites: `npm run setup:editors` and `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  copyWorkspace,
  FIXTURE_WORKSPACE,
  requireFile,
  SERVER_JS,
  startCodeServer,
  tempDir,
  waitFor,
  workbenchUrl,
  type CodeServer,
} from '../e2e/editor-harness';
import { buildSuite, REPO_ROOT } from './build-suite';
import type { SuiteReport } from './suite/tiny-runner';

test('extension-host suite passes inside code-server (payload URL)', { timeout: 300_000 }, async (t) => {
  requireFile(SERVER_JS, 'run `npm run build` first');
  const suiteDir = await buildSuite();
  const tmp = tempDir('cs-suite');
  const results = join(tmp.dir, 'suite-results.json');
  const consoleLines: string[] = [];
  let cs: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    const ws = copyWorkspace(FIXTURE_WORKSPACE, join(tmp.dir, 'workspace'));
    cs = await startCodeServer({ base: tmp.dir, env: { VIGIL_E2E_RESULTS: results } });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${cs!.port}${p}`;
    browser = await chromium.launchPersistentContext(join(tmp.dir, 'chromium-profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    await page.goto(
      workbenchUrl(cs, ws, [
        ['extensionDevelopmentPath', remote(REPO_ROOT)],
        ['extensionTestsPath', remote(suiteDir)],
      ]),
    );
    const server = cs;
    try {
      await waitFor('the suite report', () => existsSync(results) && (JSON.parse(readFileSync(results, 'utf8')) as SuiteReport).done, { timeoutMs: 200_000, intervalMs: 500 });
    } catch (e) {
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n== partial report ==\n${existsSync(results) ? readFileSync(results, 'utf8') : '(none)'}\n== code-server logs ==\n${server.logs()}\n== browser console (last 40) ==\n${consoleLines.slice(-40).join('\n')}`,
      );
    }
    const report = JSON.parse(readFileSync(results, 'utf8')) as SuiteReport;
    for (const r of report.tests) t.diagnostic(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.durationMs} ms)${r.notes.length ? `: ${r.notes.join('; ')}` : ''}`);
    const failures = report.tests.filter((t) => !t.ok).map((t) => `- ${t.name}\n${t.error}`);
    assert.equal(report.failed, 0, `suite failures in ${report.appName} ${report.vscodeVersion}:\n${failures.join('\n')}\n== Vigil logs ==\n${server.logs()}`);
    assert.ok(report.passed >= 5, `expected the whole suite to run, got ${report.passed} passed`);
  } finally {
    await browser?.close().catch(() => undefined);
    await cs?.stop();
    tmp.cleanup();
  }
});
