/**
 * The dependencies pack (software composition analysis): manifests and lockfiles matched offline against a
 * local OSV advisory database. Public API for the engine registry, the CLI (`vigil db`) and the tests.
 */
import { join } from 'node:path';
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { cachedRuleFolder } from '../rule-folder';
import { defaultRulesDir } from '../rules-dir';
import { AdvisoryDb, advisoryDbDir } from './database';
import { loadVulnerableFunctions, type VulnerableFunctions } from './reachability';
import { ScaAnalyzer } from './sca-analyzer';

export { AdvisoryDb, advisoryDbDir, importAdvisories, ImportError, readDbMeta, osvSourceFiles, type DbMeta, type ImportReport } from './database';
export { ScaAnalyzer, SCA_RULES, NO_DATABASE_MESSAGE, type ReachabilityOptions } from './sca-analyzer';
export { manifestKindOf, npmLockDependencies, npmManifestDependencies, poetryLockDependencies, requirementsDependencies, yarnLockDependencies, type Dependency } from './manifests';
export { isAffected, readOsvRecord, smallestSafeUpgrade, cvss3BaseScore, type Advisory } from './osv';
export { compareSemver, comparePep440, type Ecosystem } from './versions';
export { readZip, ZipError } from './zip';

/** The curated vulnerable-function table of `<rulesDir>/dependencies`, loaded once per process. Throws if unreadable. */
export function loadBuiltinVulnerableFunctions(rulesDir: string): VulnerableFunctions {
  const dir = join(rulesDir, 'dependencies');
  return cachedRuleFolder(dir, () => loadVulnerableFunctions(join(dir, 'vulnerable-functions.yml')));
}

/**
 * Builds the dependencies analyzer on the database in `options.advisoryDbDir` (default: `advisoryDbDir()`), with
 * the curated vulnerable-function table of the built-in rules folder (a table that fails to load is an error;
 * reachability then looks for imports only).
 */
export function createDependenciesAnalyzer(options: AnalyzerOptions = {}): { analyzer: ScaAnalyzer; errors: RuleLoadError[] } {
  const errors: RuleLoadError[] = [];
  let table: VulnerableFunctions | undefined;
  try {
    table = loadBuiltinVulnerableFunctions(options.rulesDir ?? defaultRulesDir());
  } catch (e) {
    errors.push({ source: 'builtin', message: `dependencies/vulnerable-functions.yml: ${e instanceof Error ? e.message : String(e)}` });
  }
  const db = new AdvisoryDb(options.advisoryDbDir ?? advisoryDbDir());
  return { analyzer: new ScaAnalyzer(db, { table, fileLimit: options.reachabilityFileLimit }), errors };
}
