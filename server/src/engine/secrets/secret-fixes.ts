/**
 * Quick fixes for a hard-coded secret: replace the literal with an environment-variable read in the file's own
 * idiom (adding the import it needs), add `NAME=` to `.env.example` beside the file, for a `.env` file that git
 * does not ignore add it to `.gitignore`, or suppress with a `vigil-ignore` comment in the file's comment syntax.
 * The secret's value never appears in any edit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { Gitignore } from '../gitignore';
import type { Node } from 'web-tree-sitter';
import type { SourceDocument } from '../document';
import { commentSyntax, languageRecord } from '../languages';
import { suppressionLine } from '../suppressions';
import { languageModule } from '../taint/lang';
import type { Fix, TextEdit } from '../types';
import type { SecretMatch } from './secret-scanner';
import type { SecretContext } from './syntax-context';


/** Upper-snake environment variable name for an identifier such as `this.stripeKey` or `db.password`. */
export function toEnvName(identifier: string): string | undefined {
  const cleaned = identifier
    .replace(/^['"`]|['"`]$/g, '')
    .replace(/^(?:this|self|os|process\.env)\./, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!cleaned || /^\d/.test(cleaned)) return undefined;
  return cleaned.slice(0, 60);
}

export function envNameFor(match: SecretMatch, ctx: SecretContext): string {
  if (match.rule.envName) return match.rule.envName;
  const fromName = (ctx.assignedName && toEnvName(ctx.assignedName)) || (match.name && toEnvName(match.name));
  if (fromName) return fromName;
  return toEnvName(match.rule.id.replace(/^secrets\./, '')) ?? 'SECRET';
}

/**
 * All fixes for one match, preferred first. `eol` is the document's line break (computed once per run); `root`
 * the workspace folder, where the search for `.gitignore` files stops.
 */
export function secretFixes(doc: SourceDocument, match: SecretMatch, ctx: SecretContext, eol: string, root?: string): Fix[] {
  const fixes: Fix[] = [];
  const env = envFix(doc, match, ctx, eol);
  if (env) fixes.push(env);
  const dotenv = dotenvFix(doc, match, ctx, root);
  if (dotenv) fixes.push(dotenv);
  const suppress = ctx.inMultilineString ? undefined : suppressFix(doc, match, eol);
  if (suppress) fixes.push(suppress);
  return fixes;
}

function envFix(doc: SourceDocument, match: SecretMatch, ctx: SecretContext, eol: string): Fix | undefined {
  let name = envNameFor(match, ctx);
  const lang = doc.languageId;
  const edits: TextEdit[] = [];
  let read: string;
  // A token split over joined literals (joined-literals.ts) is replaced with the whole expression that joins them.
  const literal = match.joined ?? ctx.literal;
  if (literal && !ctx.inComment) {
    if (ctx.literal?.pairKey && !match.joined) return undefined;
    const envRead = languageRecord(lang)?.envRead;
    // Only code's literals are replaced by a read (a shell string holds more than the value).
    if (!envRead || !languageRecord(lang)?.code) return undefined;
    // A Go `const` cannot call a function (only the Go grammar has const declarations).
    if (ctx.inGoConst) return undefined;
    read = envRead(name);
    if (ctx.literal?.jsxAttribute && !match.joined) read = `{${read}}`;
    // The read may need an import (Python's and Go's `os`): the language module knows its idiom.
    const taint = languageRecord(lang)?.taint;
    const imp = taint ? languageModule(taint).envImport?.(doc.tree?.rootNode, doc.text, eol) : undefined;
    if (imp) edits.push({ range: { start: { line: imp.line, character: 0 }, end: { line: imp.line, character: 0 } }, newText: imp.text });
    edits.unshift({ range: doc.lines.rangeOf(literal.start, literal.end), newText: read });
  } else if ((lang === 'yaml' || lang === 'dockercompose') && !ctx.inComment && match.start.line === match.end.line) {
    const edit = yamlScalarEdit(doc, match, name);
    if (!edit) return undefined;
    edits.push(edit.edit);
    read = edit.read;
  } else if (lang === 'properties' && !ctx.inComment && match.start.line === match.end.line) {
    const edit = propertiesValueEdit(doc, match);
    if (!edit) return undefined;
    edits.push(edit.edit);
    read = edit.read;
    name = edit.name;
  } else {
    return undefined;
  }
  const fix: Fix = { title: `Read the secret from the environment (${read})`, kind: 'fix', isPreferred: true, edits };
  if (isAbsolute(doc.path)) fix.appendLines = [{ path: join(dirname(doc.path), '.env.example'), line: `${name}=` }];
  return fix;
}

/** Env files meant to be committed, as templates. */
const TEMPLATE_ENV = /\.(?:example|sample|template|dist|defaults?|tpl)$/i;

/**
 * In a `.env` file the value is already read from the environment: the fix is to keep the file out of git (add
 * its name to the `.gitignore` beside it, unless a `.gitignore` already ignores it) and to list the variable,
 * without its value, in `.env.example`.
 */
function dotenvFix(doc: SourceDocument, match: SecretMatch, ctx: SecretContext, root: string | undefined): Fix | undefined {
  if (doc.languageId !== 'dotenv' || !isAbsolute(doc.path) || ctx.inComment) return undefined;
  const file = basename(doc.path);
  if (TEMPLATE_ENV.test(file)) return undefined;
  const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=/.exec(doc.lines.lineText(match.matchStart.line));
  const name = key ? key[1]! : envNameFor(match, ctx);
  const dir = dirname(doc.path);
  const example = { path: join(dir, '.env.example'), line: `${name}=` };
  if (gitignored(doc.path, root)) return { title: `Add ${name}= to .env.example (without the value)`, kind: 'fix', edits: [], appendLines: [example] };
  return {
    title: `Keep ${file} out of git: add it to .gitignore, and ${name}= to .env.example`,
    kind: 'fix',
    edits: [],
    appendLines: [{ path: join(dir, '.gitignore'), line: file }, example],
  };
}

/**
 * Whether a `.gitignore` in the file's folder or above (up to `root`, else up to the folder holding `.git`)
 * ignores it; the deepest file with an opinion decides, as in git. Global and `.git/info/exclude` rules are not
 * read: at worst the fix is offered for a file already ignored that way, and adds a harmless line.
 */
function gitignored(path: string, root: string | undefined): boolean {
  const top = root && !relative(root, path).startsWith('..') ? root : undefined;
  let dir = dirname(path);
  for (let depth = 0; depth < 64; depth++) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, '.gitignore'), 'utf8');
    } catch {
      // none here
    }
    if (text !== undefined) {
      const verdict = Gitignore.parse(text).verdictForPath(relative(dir, path).split(sep).join('/'));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    if ((top && dir === top) || (!top && existsSync(join(dir, '.git')))) return false;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}

/** `key: value` / `key: "value"` / `- KEY=value`: the whole scalar becomes `${NAME}` (compose interpolation). */
function yamlScalarEdit(doc: SourceDocument, match: SecretMatch, fallback: string): { edit: TextEdit; read: string } | undefined {
  const line = doc.lines.lineText(match.start.line);
  let s = match.start.character;
  let e = match.end.character;
  const q = line[s - 1];
  if ((q === '"' || q === "'") && line[e] === q) {
    s--;
    e++;
  }
  if (!/^\s*(?:#.*)?$/.test(line.slice(e))) return undefined;
  const before = line.slice(0, s);
  let name = fallback;
  const kv = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:\s+$/.exec(before);
  const listEnv = /^\s*-\s+([A-Za-z_][A-Za-z0-9_]*)=$/.exec(before);
  if (!kv && !listEnv) return undefined;
  // An upper-snake key is already the variable's name (compose `environment:` blocks).
  if (listEnv) name = listEnv[1]!;
  else if (kv && /^[A-Z_][A-Z0-9_]*$/.test(kv[1]!)) name = kv[1]!;
  const read = `\${${name}}`;
  return { edit: { range: { start: { line: match.start.line, character: s }, end: { line: match.start.line, character: e } }, newText: read }, read };
}

/**
 * `key=value` in a `.properties` file: the whole value becomes `${NAME}`, a placeholder Spring resolves from the
 * environment. NAME is the key in upper snake case, which is also the variable Spring's relaxed binding reads
 * (`spring.datasource.password` -> `SPRING_DATASOURCE_PASSWORD`).
 */
function propertiesValueEdit(doc: SourceDocument, match: SecretMatch): { edit: TextEdit; read: string; name: string } | undefined {
  const line = doc.lines.lineText(match.start.line);
  const kv = /^\s*([A-Za-z_][\w.-]*)\s*[=:]\s*$/.exec(line.slice(0, match.start.character));
  if (!kv || line.slice(match.end.character).trim() !== '') return undefined;
  const name = toEnvName(kv[1]!.replace(/-/g, ''));
  if (!name) return undefined;
  const read = `\${${name}}`;
  return { edit: { range: { start: match.start, end: match.end }, newText: read }, read, name };
}

function suppressFix(doc: SourceDocument, match: SecretMatch, eol: string): Fix | undefined {
  const syntax = commentSyntax(doc.languageId);
  if (!syntax) return undefined;
  // Above the first line of the whole match: between a name and its value the comment would hide the secret
  // from the rule instead of suppressing the finding.
  const line = match.matchStart.line;
  const text = doc.lines.lineText(line);
  const indent = /^\s*/.exec(text)![0];
  // A comment line inserted inside a multi-line string would become part of the string.
  if (doc.tree) {
    const at = doc.lines.offsetAt({ line, character: indent.length });
    for (let n: Node | null = doc.tree.rootNode.descendantForIndex(at); n; n = n.parent) {
      if ((n.type.includes('string') || n.type === 'text_block' || n.type === 'heredoc_body') && n.startPosition.row < line) return undefined;
    }
  }
  const at = { line, character: 0 };
  return {
    title: `Suppress ${match.rule.id} on this line (vigil-ignore)`,
    kind: 'suppress',
    edits: [{ range: { start: at, end: at }, ...suppressionLine(indent, syntax, match.rule.id, eol) }],
  };
}
