/**
 * Runs the extension-host suite in desktop VS Code via @vscode/test-electron, which downloads VS Code on first
 * use (into .vigil-cache/vscode-test/). Needs a machine that can reach the VS Code download servers and a display (or
 * xvfb-run); the CI machines cannot, so CI runs the same suite inside code-server instead
 * (code-server-suite.e2e.ts). Prerequisite: `npm run build`.
 *   npm run test:electron            (VIGIL_VSCODE_VERSION=1.100.3 to pin a version; default: stable)
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, REPO_ROOT } from './build-suite';

async function main(): Promise<number> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js missing: run `npm run build` first');
  const extensionTestsPath = await buildSuite();
  const tmp = mkdtempSync(join(tmpdir(), 'vigil-electron-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const results = join(tmp, 'results.json');
  try {
    const code = await runTests({
      version: process.env.VIGIL_VSCODE_VERSION ?? 'stable',
      // The download goes to the git-ignored cache, not .vscode-test/ in the repo.
      cachePath: join(process.env.VIGIL_CACHE_DIR ?? join(REPO_ROOT, '.vigil-cache'), 'vscode-test'),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: { VIGIL_E2E_RESULTS: results },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${join(tmp, 'user-data')}`],
    });
    if (existsSync(results)) console.log(readFileSync(results, 'utf8'));
    return code;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`electron suite failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
