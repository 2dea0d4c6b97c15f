/** Bundles the bench's in-process runners with esbuild, the way dist/ is built, so they run as plain JS. */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { precompileRuleFiles } from '../../server/src/engine/precompile-rule-files';
import { BENCH, RAW, REPO } from './paths';

export const BUILD_DIR = join(RAW, 'build');

export function bundleRunners(): { scanRunner: string; adversarialCase: string; editCost: string } {
  const out = (name: string) => join(BUILD_DIR, `${name}.js`);
  // As esbuild.config.mjs builds the product: the built-in taint and secret rule files parsed and validated at build time.
  const ruleFiles = JSON.stringify(precompileRuleFiles({ taint: join(REPO, 'rules', 'taint'), secrets: join(REPO, 'rules', 'secrets') }));
  const build = (entry: string, name: string) =>
    buildSync({
      entryPoints: [entry],
      outfile: out(name),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      // web-tree-sitter reads import.meta.url, which a CommonJS bundle does not have.
      define: { 'import.meta.url': '__benchImportMetaUrl', __VIGIL_RULE_FILES__: ruleFiles },
      banner: { js: "const __benchImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
  for (const name of ['scan-runner', 'adversarial-case', 'edit-cost']) build(join(BENCH, `${name}.ts`), name);
  // The scan runner's worker pool starts `scan-worker.js` beside it, as dist/ has it beside the CLI.
  build(join(BENCH, '..', 'server', 'src', 'engine', 'scan', 'scan-worker.ts'), 'scan-worker');
  return { scanRunner: out('scan-runner'), adversarialCase: out('adversarial-case'), editCost: out('edit-cost') };
}
