/**
 * Bundles the extension-host suite (suite/index.ts) into out/test/electron/suite/index.js, with `vscode` left
 * external: the extension host provides it. Used by run-electron.ts and code-server-suite.e2e.ts.
 */
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** The folder to pass as extensionTestsPath (its index.js exports run()). */
export const SUITE_OUT_DIR = join(REPO_ROOT, 'out', 'test', 'electron', 'suite');

export async function buildSuite(): Promise<string> {
  await esbuild.build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile: join(SUITE_OUT_DIR, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return SUITE_OUT_DIR;
}
