/**
 * Real-editor test of the security score (issue 14): the packaged extension (dist/vigil.vsix) in code-server, driven
 * by chromium, on a copy of the fixture workspace made a git repository of three commits. The status bar shows the
 * score (`$(shield) N`); clicking it opens the dashboard webview with the score and the trend chart (an inline SVG,
 * one point per commit). Screenshots go to test-results/dashboard-*.png.
 * Prerequisites: `npm run setup:editors` and `npm run package`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  type CodeServer,
  type EditorSession,
  startEditorSession,
  waitFor,
  workbenchUrl,
} from './editor-harness';

let session: EditorSession;
let cs: CodeServer;
let page: Page;
let workspace: string;
const shot = (name: string) => session.shot(name);
const step = <T>(fn: () => Promise<T>): Promise<T> => session.step(fn);

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

/** The fixture files committed one by one: package.json, then app.js (a SQL injection), then config.js (a secret). */
function makeRepository(dir: string): void {
  const files = readdirSync(dir);
  const later = ['app.js', 'config.js'];
  const moved = join(dir, '..', 'later');
  mkdirSync(moved);
  for (const f of later) execFileSync('mv', [join(dir, f), join(moved, f)]);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'alice@example.invalid');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'start');
  for (const f of later) {
    execFileSync('mv', [join(moved, f), join(dir, f)]);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `add ${f}`);
  }
  rmSync(moved, { recursive: true, force: true });
  assert.deepEqual(readdirSync(dir).sort(), [...files, '.git'].sort());
}

/** The score's status-bar entry: a shield and a number. */
function scoreItem(): Locator {
  return page.locator('.statusbar-item').filter({ has: page.locator('.codicon-shield') }).filter({ hasText: /^\s*\d+\s*$/ });
}

before(async () => {
  session = await startEditorSession('dashboard', makeRepository);
  ({ cs, page, workspace } = session);
});

after(async () => {
  await session?.close();
});

test('code-server: the status-bar score opens the dashboard with its trend chart', { timeout: 300_000 }, async () => {
  const score = await step(async () => {
    await page.goto(workbenchUrl(cs!, workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const item = page.locator('.explorer-folders-view').getByRole('treeitem', { name: 'app.js', exact: true });
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
    // The open file's critical SQL injection brings the score below 100.
    const n = await waitFor('a score below 100 in the status bar', async () => {
      const t = (await scoreItem().first().innerText({ timeout: 1_000 }).catch(() => '')).trim();
      return /^\d+$/.test(t) && Number(t) < 100 && Number(t);
    }, { timeoutMs: 60_000, intervalMs: 500 });
    await shot('status-bar');
    return n;
  });

  const board = await step(async () => {
    await scoreItem().first().click();
    const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
    const text = await waitFor('the dashboard with its chart', async () => {
      const hasChart = (await body.locator('svg.trend circle').count().catch(() => 0)) > 0;
      const t = await body.innerText({ timeout: 2_000 }).catch(() => '');
      return hasChart && t.includes('Fixes this week') && t;
    }, { timeoutMs: 120_000, intervalMs: 1_000 });
    await shot('dashboard');
    return { text, points: await body.locator('svg.trend circle').count(), shown: (await body.locator('.score').innerText()).trim() };
  });
  assert.equal(board.points, 3, 'one point per commit');
  assert.equal(Number(board.shown), score, 'the dashboard shows the status bar\'s score');
  assert.match(board.text, /Your streak \(alice@example\.invalid\)/);
  assert.match(board.text, /nothing is sent anywhere/);
});
