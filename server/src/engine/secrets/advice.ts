/**
 * What a secret finding tells the developer to do, by the kind of file it is in: a `.env` file is already the
 * right place for a value (the question is whether git ignores it), source code should read the environment
 * in its own idiom, and config files should reference a secret store or variable.
 */
import { basename } from 'node:path';
import { languageRecord } from '../languages';

/** Env files meant to be committed, as templates. */
const TEMPLATE_ENV = /\.(?:example|sample|template|dist|defaults?|tpl)$/i;

const ROTATE = 'rotate it if it was ever committed';

/**
 * The advice sentence for a secret found in the file at `path` with `languageId`; `envName` is the variable name
 * the quick fix would use.
 */
export function secretAdvice(path: string, languageId: string, envName: string): string {
  if (languageId === 'dotenv') {
    if (TEMPLATE_ENV.test(basename(path))) return `${basename(path)} is a template meant to be committed: replace the value with a placeholder, and ${ROTATE}.`;
    return `Is ${basename(path)} git-ignored? It must be: commit a .env.example with the names only, and ${ROTATE}.`;
  }
  if (languageId === 'dockerfile') return `Pass it as a build secret (RUN --mount=type=secret) or at run time, never in the image; ${ROTATE}.`;
  const record = languageRecord(languageId);
  if (record?.envRead) return `Read it from the environment (${record.envRead(envName)}) or a secret manager, and ${ROTATE}.`;
  if (record?.config) return `Reference a secret store or an environment variable (e.g. \${${envName}}) instead of the value, and ${ROTATE}.`;
  return `Move it to an environment variable or a secret store, and ${ROTATE}.`;
}
