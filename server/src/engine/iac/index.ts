/**
 * The config pack: misconfigurations in CI workflows, Dockerfiles, compose files and Kubernetes manifests.
 * Public API for the engine registry, the docs generator and the tests.
 */
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { defaultRulesDir } from '../rules-dir';
import { CHECKS } from './checks';
import { ConfigAnalyzer } from './config-analyzer';
import { compileConfigRules } from './rule-schema';
import { loadBuiltinConfigRules } from './rule-files';

export { ConfigAnalyzer } from './config-analyzer';
export { CHECKS, envNameFor } from './checks';
export { parseDockerfile, type DockerInstruction, type ParsedDockerfile } from './dockerfile';
export { CONFIG_KINDS, KIND_TITLES, kindOf, type ConfigKind } from './file-kinds';
export { compileConfigRules, type ConfigRule, type ConfigRuleError } from './rule-schema';
export { loadBuiltinConfigRules, parseConfigRuleFile } from './rule-files';
export { MAX_ALIAS_COUNT, parseYaml } from './yaml-model';

/**
 * Builds the config analyzer from the built-in rules under `<rulesDir>/config`, then the custom rules from the
 * workspace config (same format; their regexes on the linear-time engine). A bad custom rule is dropped alone,
 * with an error naming its place in `customRules.config`; the other rules load.
 */
export function createConfigAnalyzer(options: AnalyzerOptions = {}): { analyzer: ConfigAnalyzer; errors: RuleLoadError[] } {
  const builtin = loadBuiltinConfigRules(options.rulesDir ?? defaultRulesDir());
  const errors: RuleLoadError[] = [...builtin.errors];
  let rules = builtin.rules;
  if (options.customConfigRules && options.customConfigRules.length > 0) {
    const source = options.customRulesSource ?? '.vigil.yml';
    const custom = compileConfigRules(options.customConfigRules, source, {
      custom: true,
      takenIds: new Set(rules.map((r) => r.id)),
      checks: new Set(CHECKS.keys()),
    });
    rules = [...rules, ...custom.rules];
    for (const e of custom.errors) errors.push({ source, ruleId: e.ruleId, message: e.message, customRule: { pack: 'config', index: e.index } });
  }
  return { analyzer: new ConfigAnalyzer(rules), errors };
}
