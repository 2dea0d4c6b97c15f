/**
 * `scripts/demo.sh --check` helper: opens the demo's workbench URL in headless chromium, waits until an editor
 * shows Vigil's squiggles and the Problems count is non-zero, and saves a screenshot. Exits non-zero (after saving
 * the screenshot anyway) when no squiggle shows up, so the check cannot pass on an empty editor.
 *   node --import tsx test/e2e/demo-screenshot.ts <workbench-url> <out.png>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, waitFor } from './editor-harness';

async function main(url: string, out: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'vigil-demo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    try {
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
      const label = await waitFor('a non-zero Problems count', async () => {
        const l = (await page.locator('#status\\.problems').first().getAttribute('aria-label')) ?? '';
        return /(Errors|Warnings): [1-9]/.test(l) ? l : undefined;
      });
      // Findings arrive file by file: take the picture once the count has held still for a second.
      let last = '';
      let since = Date.now();
      await waitFor('the Problems count to settle', async () => {
        const l = (await page.locator('#status\\.problems').first().getAttribute('aria-label')) ?? '';
        if (l !== last) [last, since] = [l, Date.now()];
        return Date.now() - since >= 1_000;
      }, { timeoutMs: 15_000 }).catch(() => undefined);
      await page.screenshot({ path: out });
      console.log(`[demo] screenshot saved to ${out} (${last || label})`);
    } catch (e) {
      await page.screenshot({ path: out });
      throw new Error(`no Vigil squiggles in the demo workbench (screenshot anyway: ${out}): ${e instanceof Error ? e.message : String(e)}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const [url, out] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: demo-screenshot.ts <workbench-url> <out.png>');
  process.exit(2);
}
main(url, out).then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
