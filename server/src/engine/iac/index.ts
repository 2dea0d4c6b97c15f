/**
 * The config pack: misconfigurations in CI workflows, Dockerfiles, compose files and Kubernetes manifests.
 * Public API for the engine registry, the docs generator and the tests.
 */
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { defaultRulesDir } from '../rules-dir';
import { ConfigAnalyzer } from './config-analyzer';
import { loadBuiltinConfigRules } from './rule-files';

export { ConfigAnalyzer } from './config-analyzer';
export { CHECKS, envNameFor } from './checks';
export { parseDockerfile, type DockerInstruction, type ParsedDockerfile } from './dockerfile';
export { CONFIG_KINDS, KIND_TITLES, kindOf, type ConfigKind } from './file-kinds';
export { compileConfigRules, type ConfigRule, type ConfigRuleError } from './rule-schema';
export { loadBuiltinConfigRules, parseConfigRuleFile } from './rule-files';
export { MAX_ALIAS_COUNT, parseYaml } from './yaml-model';

/** Builds the config analyzer from the built-in rules under `<rulesDir>/config`. */
export function createConfigAnalyzer(options: AnalyzerOptions = {}): { analyzer: ConfigAnalyzer; errors: RuleLoadError[] } {
  const builtin = loadBuiltinConfigRules(options.rulesDir ?? defaultRulesDir());
  return { analyzer: new ConfigAnalyzer(builtin.rules), errors: [...builtin.errors] };
}
