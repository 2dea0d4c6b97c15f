/** The taint pack: rule loading, the analyzer, and the cross-file summary API for the workspace scan. */
import { join } from 'node:path';
import type { AnalyzerOptions, RuleLoadError } from '../analyzers';
import { defaultRulesDir } from '../rules-dir';
import { loadTaintRuleSet } from './rule-set';
import { TaintAnalyzer } from './taint-analyzer';

export { TaintAnalyzer, DEFAULT_TAINT_WORK_BUDGET, DEFAULT_MAX_CODE_LINE, buildExportIndex, resolveSpecifier, type ExportIndex, type ExportSummary, type ExportRuleSummary, type TaintAnalyzerOptions } from './taint-analyzer';
export { loadTaintRuleSet, type TaintRuleSet } from './rule-set';
export { validateRule, validateRuleFile, FIX_STRATEGIES, type TaintRuleSpec } from './rule-schema';

/** Builds the taint analyzer from the built-in rules (`<rulesDir>/taint`) plus custom rules from the config. */
export function createTaintAnalyzer(options: AnalyzerOptions = {}): { analyzer: TaintAnalyzer; errors: RuleLoadError[] } {
  const dir = join(options.rulesDir ?? defaultRulesDir(), 'taint');
  const { set, errors } = loadTaintRuleSet(dir, options.customTaintRules, options.customRulesSource);
  return { analyzer: new TaintAnalyzer(set, { workBudget: options.taintWorkBudget, ...(options.workspaceTemplateLimit !== undefined ? { workspaceTemplateLimit: options.workspaceTemplateLimit } : {}) }), errors };
}
