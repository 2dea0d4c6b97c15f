/**
 * The dependencies pack (software composition analysis): manifests and lockfiles matched offline against a
 * local OSV advisory database. Public API for the engine registry, the CLI (`vigil db`) and the tests.
 */
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { AdvisoryDb, advisoryDbDir } from './database';
import { ScaAnalyzer } from './sca-analyzer';

export { AdvisoryDb, advisoryDbDir, importAdvisories, ImportError, readDbMeta, osvSourceFiles, type DbMeta, type ImportReport } from './database';
export { ScaAnalyzer, SCA_RULES, NO_DATABASE_MESSAGE } from './sca-analyzer';
export { manifestKindOf, npmLockDependencies, npmManifestDependencies, poetryLockDependencies, requirementsDependencies, yarnLockDependencies, type Dependency } from './manifests';
export { isAffected, readOsvRecord, smallestSafeUpgrade, cvss3BaseScore, type Advisory } from './osv';
export { compareSemver, comparePep440, type Ecosystem } from './versions';
export { readZip, ZipError } from './zip';

/** Builds the dependencies analyzer on the database in `options.advisoryDbDir` (default: `advisoryDbDir()`). */
export function createDependenciesAnalyzer(options: AnalyzerOptions = {}): { analyzer: ScaAnalyzer; errors: RuleLoadError[] } {
  return { analyzer: new ScaAnalyzer(new AdvisoryDb(options.advisoryDbDir ?? advisoryDbDir())), errors: [] };
}
