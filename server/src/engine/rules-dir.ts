/** Where the built-in rule files are: `dist/rules` beside the bundles, or `rules/` in the repository. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function defaultRulesDir(): string {
  const candidates = [join(__dirname, 'rules'), join(__dirname, '..', 'rules'), join(__dirname, '..', '..', '..', 'rules')];
  for (const dir of candidates) if (existsSync(dir)) return dir;
  throw new Error(`Vigil: built-in rules not found (looked in ${candidates.join(', ')})`);
}
