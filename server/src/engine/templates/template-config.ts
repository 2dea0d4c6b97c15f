/**
 * Template folders an app configures instead of its framework's default (`views/`, `templates/`): Express
 * `app.set('views', path.join(__dirname, 'tpl'))`, Koa views `views(dir)`, `nunjucks.configure('tpl')`, Flask
 * `Flask(__name__, template_folder='tpl')` and Blueprints, Django `TEMPLATES[...]['DIRS']`, Jinja2
 * `FileSystemLoader('tpl')`, FastAPI `Jinja2Templates(directory='tpl')`. Read from the source text, not parsed: the
 * value is a string, an array or list of them, or a join of constants with a base directory (`path.join(__dirname,
 * 'a', 'b')`, `os.path.join(BASE_DIR, 'b')`, `BASE_DIR / 'b'`, `__dirname + '/b'`); the folder is its last segment,
 * looked up by name like the defaults. A folder held in a variable is not followed.
 */

import { languageIdForPath, languageRecord, TEMPLATE_FOLDERS } from '../languages';

/** Dependency and build folders: their templates and their settings are a library's, not the workspace's own. */
export const SKIPPED_FOLDERS = /(^|\/)(node_modules|site-packages|\.venv|venv|\.tox|dist|build)\//;

/** Where a configured folder's value starts, per form. */
const MARKERS = [
  /\.set\(\s*(['"])views\1\s*,/g,
  /\bnunjucks\s*\.\s*configure\(/g,
  /\bFileSystemLoader\(\s*(?:searchpath\s*=\s*)?/g,
  /\btemplate_folder\s*=\s*/g,
  /(['"])DIRS\1\s*:\s*/g,
  /\bJinja2Templates\(\s*(?:directory\s*=\s*)?/g,
];
/** Koa views' `views(dir, options)`, only in a file that requires or imports it. */
const KOA_VIEWS = /\bviews\(/g;
/** A cheap test: none of the forms can be in a text without one of these. */
const MAY_CONFIGURE = /views|nunjucks|FileSystemLoader|template_folder|DIRS|Jinja2Templates/;

/** At most this many folders per file: a settings file lists a few. */
const MAX_PER_FILE = 16;

/** Whether a source file's language renders templates (it has default template folders): its text may configure them. */
export function mayConfigureTemplates(path: string): boolean {
  const taint = languageRecord(languageIdForPath(path))?.taint;
  return !!taint && !!TEMPLATE_FOLDERS[taint];
}

/** The template folder names a source text configures (see the module comment), in order of appearance. */
export function configuredTemplateFolders(text: string): string[] {
  if (!MAY_CONFIGURE.test(text)) return [];
  const out: string[] = [];
  const starts: number[] = [];
  for (const re of MARKERS) for (const m of text.matchAll(re)) starts.push(m.index + m[0].length);
  if (/koa-views/.test(text)) for (const m of text.matchAll(KOA_VIEWS)) starts.push(m.index + m[0].length);
  for (const at of starts.sort((a, b) => a - b)) {
    const expr = readExpression(text, at);
    const list = /^[[(]/.test(expr) && !/^\(\s*\)/.test(expr) ? splitTopLevel(expr.slice(1, -1)) : [expr];
    for (const e of list) {
      const name = folderName(e);
      if (name && !out.includes(name)) out.push(name);
      if (out.length >= MAX_PER_FILE) return out;
    }
  }
  return out;
}

const QUOTES = new Set(['"', "'", '`']);

/** The expression starting at `at`: up to a `,`, `)`, `]`, `}`, `;` or line end outside brackets and strings. */
function readExpression(text: string, at: number): string {
  return text.slice(at, expressionEnd(text, at, true)).trim();
}

function expressionEnd(text: string, at: number, lineEnds: boolean): number {
  let depth = 0;
  let i = at;
  for (; i < text.length && i - at < 500; i++) {
    const c = text[i]!;
    if (QUOTES.has(c)) {
      const end = text.indexOf(c, i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === ',' || c === ';' || (lineEnds && c === '\n'))) break;
  }
  return i;
}

/** The top-level, comma-separated elements of an array or list's inside (which may span lines). */
function splitTopLevel(inner: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < inner.length; ) {
    const end = expressionEnd(inner, at, false);
    const e = inner.slice(at, end).trim();
    if (e) out.push(e);
    at = end + 1;
  }
  return out;
}

/** The last folder segment of a path expression made of string constants and a base directory; undefined: none. */
function folderName(expr: string): string | undefined {
  // `${__dirname}/tpl`: the constant parts of a template literal.
  const parts = [...expr.replace(/\$\{[^}]*\}/g, '/').matchAll(/(["'`])([^"'`]*)\1/g)].map((m) => m[2]!);
  if (parts.length === 0) return undefined;
  const segs = parts.join('/').split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  const last = segs[segs.length - 1];
  return last && last !== '..' && /^[\w.@-]+$/.test(last) ? last : undefined;
}
