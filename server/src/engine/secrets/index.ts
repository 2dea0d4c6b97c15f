/**
 * The secrets pack: hard-coded credentials in any text file. Public API for the engine registry, the CLI, the
 * benchmark and the tests.
 */
import { isAbsolute, resolve } from 'node:path';
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { SourceDocument } from '../document';
import { languageIdForPath } from '../languages';
import type { GrammarRegistry } from '../parser';
import { defaultRulesDir } from '../rules-dir';
import { DEFAULT_SETTINGS, type Finding } from '../types';
import { loadBuiltinSecretRules } from './rule-files';
import { compileSecretRules, type SecretRule } from './rule-schema';
import { SecretsAnalyzer } from './secrets-analyzer';

export { maskSecret } from './mask';
export { shannonEntropy } from './entropy';
export { compileSecretRules, type RawSecretRule, type SecretRule, type SecretRuleError } from './rule-schema';
export { checkRegexSafety } from './regex-safety';
export { loadBuiltinSecretRules, parseSecretRuleFile } from './rule-files';
export { KeywordPrefilter } from './keyword-prefilter';
export { SecretScanner, rejectReason, type SecretMatch } from './secret-scanner';
export { SecretsAnalyzer } from './secrets-analyzer';
export { toEnvName } from './secret-fixes';

/**
 * Builds the secrets analyzer: built-in rules from `<rulesDir>/secrets`, then custom rules from the workspace
 * config. Each bad rule becomes one error located on its file; every good rule still runs.
 */
export function createSecretsAnalyzer(options: AnalyzerOptions = {}): { analyzer: SecretsAnalyzer; errors: RuleLoadError[] } {
  const builtin = loadBuiltinSecretRules(options.rulesDir ?? defaultRulesDir());
  const errors: RuleLoadError[] = builtin.errors.map((e) => ({ ...e, source: e.source }));
  let rules: SecretRule[] = builtin.rules;
  if (options.customSecretRules && options.customSecretRules.length > 0) {
    const source = options.customRulesSource ?? '.vigil.yml';
    const custom = compileSecretRules(options.customSecretRules, source, { custom: true, takenIds: new Set(rules.map((r) => r.id)) });
    rules = [...rules, ...custom.rules];
    for (const e of custom.errors) errors.push({ source, ruleId: e.ruleId, message: e.message });
  }
  return { analyzer: new SecretsAnalyzer(rules), errors };
}

let shared: SecretsAnalyzer | undefined;

/** A registry with no grammars: `scanSecrets` works on text alone. */
const NO_GRAMMARS = { language: () => undefined, parse: () => undefined } as unknown as GrammarRegistry;

/**
 * Scans one text with the built-in rules, without syntax trees (so no tree-based comment/test context): the plain
 * entry point for benchmarks and scripts. Findings carry masked secrets only. Lockfiles, vendored and minified
 * files give no findings, as in the editor. Test/example/vendored folders count only inside `root` (the
 * workspace); without it only the file name does.
 */
export function scanSecrets(text: string, path: string, languageId = languageIdForPath(path), root?: string): Finding[] {
  shared ??= createSecretsAnalyzer().analyzer;
  const abs = isAbsolute(path) ? path : resolve(path);
  const doc = new SourceDocument(`file://${abs}`, abs, languageId, text, 0, NO_GRAMMARS);
  if (!shared.appliesTo(doc, { settings: DEFAULT_SETTINGS, workspaceRoot: root })) return [];
  return shared.findingsFor(doc, shared.matchAll(doc, root), root);
}
