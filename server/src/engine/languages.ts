/**
 * Which tree-sitter grammar (if any) serves a document. Documents without a grammar are still scanned by
 * text-based analyzers such as secrets.
 */
import { basename, extname } from 'node:path';

export type GrammarId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'java' | 'go' | 'json' | 'bash';

export const GRAMMAR_IDS: readonly GrammarId[] = ['javascript', 'typescript', 'tsx', 'python', 'java', 'go', 'json', 'bash'];

const BY_LANGUAGE_ID: Record<string, GrammarId> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  python: 'python',
  java: 'java',
  go: 'go',
  json: 'json',
  jsonc: 'json',
  shellscript: 'bash',
};

const BY_EXTENSION: Record<string, GrammarId> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.py': 'python',
  '.pyw': 'python',
  '.java': 'java',
  '.go': 'go',
  '.json': 'json',
  '.sh': 'bash',
  '.bash': 'bash',
};

/** VS Code language id for a file path, for hosts (CLI, workspace scan) that only know the path. */
export function languageIdForPath(path: string): string {
  const ext = extname(path).toLowerCase();
  const name = basename(path).toLowerCase();
  const map: Record<string, string> = {
    '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
    '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
    '.py': 'python', '.pyw': 'python', '.java': 'java', '.go': 'go', '.json': 'json', '.sh': 'shellscript',
    '.bash': 'shellscript', '.yml': 'yaml', '.yaml': 'yaml', '.toml': 'toml', '.ini': 'ini',
    '.properties': 'properties', '.env': 'dotenv', '.tf': 'terraform', '.tfvars': 'terraform',
  };
  if (name === 'dockerfile' || name.startsWith('dockerfile.')) return 'dockerfile';
  if (name === '.env' || name.startsWith('.env.')) return 'dotenv';
  return map[ext] ?? 'plaintext';
}

/** The grammar for a document, from its language id first and its file extension second. */
export function grammarFor(languageId: string, path?: string): GrammarId | undefined {
  const byId = BY_LANGUAGE_ID[languageId];
  if (byId) return byId;
  if (path) return BY_EXTENSION[extname(path).toLowerCase()];
  return undefined;
}
