/**
 * The taint pack's language modules, by taint language (see `language.ts`).
 */
import type { TaintLanguage } from '../../languages';
import { go } from './go';
import { java } from './java';
import { javascript } from './javascript';
import type { LanguageModule } from './language';
import { python } from './python';
import { registerPatternSyntax } from '../../patterns/pattern';

const MODULES: Record<TaintLanguage, LanguageModule> = { javascript, typescript: javascript, python, java, go };
// The pattern matcher learns each grammar's shapes from its module.
for (const m of new Set(Object.values(MODULES))) registerPatternSyntax(m.patternSyntax);

/** The language module of a taint language. */
export function languageModule(language: TaintLanguage): LanguageModule {
  return MODULES[language];
}

export type { CheckContext, ClassInstances, ExprKind, LanguageModule, StructuralCheck } from './language';
