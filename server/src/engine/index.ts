/** Public API of the engine, for the LSP server, the CLI and the tests. */
export * from './types';
export * from './analyzer';
export { Engine, WarmDocuments, checkSkippable, type EngineOptions } from './engine';
export { SourceDocument, type ContentChange, type DocumentDelta } from './document';
export { GrammarRegistry, defaultWasmDir } from './parser';
export { grammarFor, languageIdForPath, type GrammarId } from './languages';
export { LineIndex } from './text';
export { docsUrlFor } from './docs-links';
export { createAnalyzers, type AnalyzerOptions, type AnalyzerSetup, type RuleLoadError } from './analyzers';
export { defaultRulesDir } from './rules-dir';
export { findSuppressions, applySuppressions, SUPPRESSION_RULES } from './suppressions';
export { createSecretsAnalyzer, scanSecrets, maskSecret, compileSecretRules, type RawSecretRule, type SecretRule } from './secrets';
export { createTaintAnalyzer, TaintAnalyzer, buildExportIndex, resolveSpecifier, type ExportIndex, type ExportSummary } from './taint';
