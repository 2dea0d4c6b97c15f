/**
 * A small mocha-style runner for the extension-host suite: `test(name, fn)` registers, `runAll()` runs them in
 * order, writes a JSON report after each test (VIGIL_E2E_RESULTS, or .vigil-e2e-results.json in the first workspace folder) and
 * throws if any failed, which makes @vscode/test-electron exit non-zero. No mocha needed: the suite is tiny and
 * the report file is how the code-server run (which gets no exit code back) learns the outcome.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export interface TestOutcome {
  name: string;
  ok: boolean;
  durationMs: number;
  error?: string;
  /** Timed notes the test left with note(), e.g. how long each phase took. */
  notes: string[];
}

export interface SuiteReport {
  /** false while the suite is still running (the report is rewritten after every test). */
  done: boolean;
  passed: number;
  failed: number;
  tests: TestOutcome[];
  vscodeVersion: string;
  appName: string;
}

const registered: { name: string; fn: () => Promise<void>; timeoutMs: number }[] = [];
let currentNotes: string[] = [];
let currentStart = 0;

/** Records a note with the time since the current test started (shown in the report). */
export function note(message: string): void {
  currentNotes.push(`+${Date.now() - currentStart} ms ${message}`);
}

export function test(name: string, fn: () => Promise<void>, timeoutMs = 60_000): void {
  registered.push({ name, fn, timeoutMs });
}

/** Where the report goes. */
export function reportPath(): string {
  const env = process.env.VIGIL_E2E_RESULTS;
  if (env) return env;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no VIGIL_E2E_RESULTS and no workspace folder to write the report to');
  return join(folder.uri.fsPath, '.vigil-e2e-results.json');
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`test "${name}" timed out after ${ms} ms`)), ms)));
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function write(report: SuiteReport): void {
  writeFileSync(reportPath(), JSON.stringify(report, null, 2));
}

function reportOf(tests: TestOutcome[], done: boolean): SuiteReport {
  const failed = tests.filter((t) => !t.ok).length;
  return { done, passed: tests.length - failed, failed, tests, vscodeVersion: vscode.version, appName: vscode.env.appName };
}

export async function runAll(): Promise<SuiteReport> {
  const tests: TestOutcome[] = [];
  write(reportOf(tests, false));
  for (const t of registered) {
    const start = Date.now();
    currentStart = start;
    const notes: string[] = (currentNotes = []);
    try {
      await withTimeout(t.fn(), t.timeoutMs, t.name);
      tests.push({ name: t.name, ok: true, durationMs: Date.now() - start, notes });
      console.log(`  ok   ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      tests.push({ name: t.name, ok: false, durationMs: Date.now() - start, error, notes });
      console.error(`  FAIL ${t.name}\n${error}`);
    }
    write(reportOf(tests, false));
  }
  const report = reportOf(tests, true);
  write(report);
  console.log(`${report.passed} passed, ${report.failed} failed`);
  if (report.failed > 0) throw new Error(`${report.failed} of ${tests.length} Vigil extension tests failed`);
  return report;
}
