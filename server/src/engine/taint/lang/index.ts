/**
 * The taint pack's language modules, by taint language (see `language.ts`).
 */
import type { TaintLanguage } from '../../languages';
import { go } from './go';
import { java } from './java';
import { javascript } from './javascript';
import type { LanguageModule } from './language';
import { python } from './python';

const MODULES: Record<TaintLanguage, LanguageModule> = { javascript, typescript: javascript, python, java, go };

/** The language module of a taint language. */
export function languageModule(language: TaintLanguage): LanguageModule {
  return MODULES[language];
}

export type { LanguageModule } from './language';
