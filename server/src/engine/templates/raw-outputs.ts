/**
 * Server-side templates' raw (unescaped) output tags, found by a small scanner per template syntax: EJS `<%- x %>`,
 * Pug `!= x` and `!{x}`, Handlebars/Mustache `{{{x}}}` and `{{& x}}`, Nunjucks/Jinja2/Django `{{ x|safe }}` and every
 * `{{ x }}` inside `{% autoescape false %}` / `{% autoescape off %}`. Each names the context key it prints (`x`, `x.y`
 * and `x[...]` print key `x`; a loop variable prints its list's key; `typeof x !== 'undefined' ? x : ''` and
 * `x || ''` print `x`). An `.html` view with EJS tags (Express `app.engine('html', ...)` with EJS) is read for those
 * too. Escaped output is no raw output. A pure function
 * of the text: the hosts read the files (see `template-index.ts`).
 */

import { LineIndex } from '../text';

/** One raw output tag of a template. */
export interface RawOutput {
  /** The context key whose value it prints (the root name of the printed path). */
  key: string;
  /** Zero-based line and character of the tag. */
  line: number;
  character: number;
  /** The tag as written (shortened), for messages. */
  tag: string;
  /**
   * `{{ x }}` with no filter that escapes: printed raw only by an environment that does not autoescape (Jinja2's
   * `Environment()` default), escaped by Flask, Django, FastAPI and Nunjucks' defaults.
   */
  plain?: true;
}

/** What a template holds that matters to a render call: its raw outputs and the templates it includes or extends. */
export interface TemplateFacts {
  path: string;
  raw: RawOutput[];
  /** Names of included, extended or imported templates, as written (resolved by the index). */
  includes: string[];
}

const EJS = /\.ejs$/i;
const PUG = /\.(pug|jade)$/i;
const CURLY = /\.(hbs|handlebars|mustache|njk|nunjucks|html?|jinja2?|j2|djhtml)$/i;
const EJS_TAG = /<%[-=_]/;
const CURLY_BLOCK = /\{%-?\s*(?:block|extends|if|for|include|load|set|macro|import|from|with|trans|url)\b/;

/** Whether a path names a template file this scanner reads. */
export function isTemplatePath(path: string): boolean {
  return EJS.test(path) || PUG.test(path) || CURLY.test(path);
}

/** The raw outputs and includes of a template text, by its file's syntax (none for other files). */
export function templateFacts(path: string, text: string): TemplateFacts {
  const out: TemplateFacts = { path, raw: [], includes: [] };
  if (EJS.test(path)) scanEjs(text, out);
  else if (PUG.test(path)) scanPug(text, out);
  else if (CURLY.test(path)) {
    scanCurly(text, out);
    // `.html` views rendered by EJS (`app.engine('html', require('ejs'))`): their EJS tags too. Not in a Jinja2,
    // Django or Nunjucks template, where `<% %>` is a client-side template's (`<script type="text/template">`).
    if (EJS_TAG.test(text) && !CURLY_BLOCK.test(text)) scanEjs(text, out);
  }
  return out;
}

/** Filters that leave their input as it was, as far as markup goes: `x|default('')|safe` still prints `x` raw. */
const PASSTHROUGH = new Set(['safe', 'safeseq', 'raw', 'default', 'd', 'trim', 'string', 'lower', 'upper', 'title', 'capitalize', 'first', 'last', 'join']);

/**
 * A default for a value that may be missing, printing the value or a constant: `typeof x !== 'undefined' ? x : ''`,
 * `x ? x : '/'`, `x || ''`. Group 1 or 2 is the value's path.
 */
const DEFAULTED = /^\s*(?:(?:typeof\s*\(?\s*[\w$.]+\s*\)?\s*!==?\s*(["'])undefined\1|locals\s*\.\s*[\w$]+|[\w$.]+)\s*\?\s*([^?:'"]+?)\s*:\s*(?:"[^"]*"|'[^']*')|([^?:|'"]+?)\s*\|\|\s*(?:"[^"]*"|'[^']*'))\s*$/;

/** `JSON.stringify(x)`, `JSON.stringify(x, null, 2)`: group 1 is the value printed. */
const JSON_STRINGIFY = /^\s*JSON\s*\.\s*stringify\s*\(\s*([^,()]+?)\s*(?:,[^()]*)?\)\s*$/;

/** The key a printed expression reads: the root name of a plain path (`x`, `x.y`, `x[0]`), through loop aliases. */
function rootKey(expr: string, aliases: Map<string, string>): string | undefined {
  const d = DEFAULTED.exec(expr);
  if (d) expr = d[2] ?? d[3]!;
  // JSON.stringify escapes quotes and control characters, not `<`: its output printed raw is the value's markup.
  const json = JSON_STRINGIFY.exec(expr);
  if (json) expr = json[1]!;
  const m = /^\s*(?:locals\s*\.\s*|this\s*\.\s*|(?:\.\.\/)+)?([A-Za-z_$][\w$]*)(?:\s*(?:\??\.\s*[A-Za-z_$][\w$]*|\[[^\]]*\]))*\s*$/.exec(expr);
  if (!m) return undefined;
  let key = m[1]!;
  for (let i = 0; i < 4 && aliases.has(key); i++) key = aliases.get(key)!;
  return key;
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s).replace(/\s+/g, ' ');

function scanEjs(text: string, out: TemplateFacts): void {
  const lines = new LineIndex(text);
  const aliases = new Map<string, string>();
  // Loop variables: `for (const p of posts)`, `posts.forEach(function (p)`, `posts.forEach((p) =>`.
  for (const m of text.matchAll(/for\s*\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s+of\s+([A-Za-z_$][\w$.]*)|([A-Za-z_$][\w$.]*)\.forEach\(\s*(?:function\s*)?\(?\s*([A-Za-z_$][\w$]*)/g)) {
    const [v, list] = m[1] ? [m[1], m[2]!] : [m[4]!, m[3]!];
    const root = list.split('.')[0]!;
    if (root !== v) aliases.set(v, root === 'locals' ? list.split('.')[1] ?? root : root);
  }
  for (const m of text.matchAll(/<%-([\s\S]*?)[-_]?%>/g)) {
    const expr = m[1]!.trim();
    const inc = /^include\s*\(\s*(["'`])([^"'`]+)\1/.exec(expr) ?? /^include\s+(())(\S+)$/.exec(expr);
    if (inc) {
      out.includes.push(inc[2]!);
      continue;
    }
    const key = rootKey(expr.replace(/;$/, ''), aliases);
    if (key) out.raw.push({ key, ...lines.positionAt(m.index), tag: short(m[0]) });
  }
}

/** Pug lines that are code or control flow, where `!=` is a comparison. */
const PUG_CODE = /^\s*(?:-|\/\/|if\b|else\b|unless\b|each\b|for\b|while\b|case\b|when\b|default\b|mixin\b|\+|block\b|append\b|prepend\b)/;

function scanPug(text: string, out: TemplateFacts): void {
  const lines = text.split(/\r?\n/);
  const aliases = new Map<string, string>();
  for (const line of lines) {
    const loop = /^\s*(?:each|for)\s+([A-Za-z_$][\w$]*)(?:\s*,\s*([A-Za-z_$][\w$]*))?\s+in\s+([A-Za-z_$][\w$.]*)/.exec(line);
    if (loop) for (const v of [loop[1], loop[2]]) if (v) aliases.set(v, loop[3]!.split('.')[0]!);
  }
  lines.forEach((line, i) => {
    const inc = /^\s*(?:include|extends)(?::\w+)?\s+(\S+)\s*$/.exec(line);
    if (inc) {
      out.includes.push(inc[1]!);
      return;
    }
    if (PUG_CODE.test(line)) return;
    // Buffered unescaped code: `p!= x`, `div.a#b(title="t")!= x`, or a line starting `!= x`.
    const buffered = /^(\s*(?:[A-Za-z][\w:-]*|(?=[.#]))(?:[.#][\w-]+)*(?:\([^)]*\))?)!=\s*(.+)$/.exec(line) ?? /^(\s*)!=\s*(.+)$/.exec(line);
    if (buffered) {
      const key = rootKey(buffered[2]!, aliases);
      if (key) out.raw.push({ key, line: i, character: buffered[1]!.length, tag: short(`!= ${buffered[2]!.trim()}`) });
    }
    for (const m of line.matchAll(/!\{([^}]*)\}/g)) {
      const key = rootKey(m[1]!, aliases);
      if (key) out.raw.push({ key, line: i, character: m.index, tag: short(m[0]) });
    }
  });
}

function scanCurly(text: string, out: TemplateFacts): void {
  const lines = new LineIndex(text);
  const aliases = new Map<string, string>();
  /** Open Handlebars blocks: `each`/`with` set what `this` reads. */
  const blocks: { name: string; of?: string }[] = [];
  /** Open `{% autoescape %}` blocks: whether each turned escaping off. */
  const autoescape: boolean[] = [];
  const thisKey = (): string | undefined => {
    for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]!.of) return blocks[i]!.of;
    return undefined;
  };
  const push = (expr: string, at: number, tag: string, plain?: true): void => {
    let key = rootKey(expr, aliases);
    // `{{{this}}}` / `{{{this.body}}}` inside `{{#each posts}}` prints an element of `posts`.
    if (/^\s*this\b/.test(expr) && thisKey()) key = thisKey();
    if (key) out.raw.push({ key, ...lines.positionAt(at), tag: short(tag), ...(plain ? { plain } : {}) });
  };
  for (const m of text.matchAll(/\{\{\{([\s\S]*?)\}\}\}|\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}|\{#[\s\S]*?#\}/g)) {
    if (m[1] !== undefined) {
      // Handlebars/Mustache triple-stash: never escaped. A helper call (`{{{md body}}}`) prints the helper's output.
      const expr = m[1].replace(/^~|~$/g, '').trim();
      if (!/\s/.test(expr)) push(expr, m.index, m[0]);
      continue;
    }
    if (m[2] !== undefined) {
      const inner = m[2].replace(/^[-~]|[-~]$/g, '').trim();
      if (inner.startsWith('!')) continue; // Handlebars comment
      const block = /^#(each|with)\s+([^\s}]+)(?:\s+as\s+\|\s*([\w$]+)(?:\s+[\w$]+)?\s*\|)?/.exec(inner);
      if (block) {
        const of = rootKey(block[2]!, aliases) ?? (block[2] === 'this' ? thisKey() : undefined);
        if (block[3] && of) aliases.set(block[3], of);
        blocks.push({ name: block[1]!, ...(of ? { of } : {}) });
        continue;
      }
      if (/^#/.test(inner)) {
        blocks.push({ name: inner.slice(1).split(/\s/)[0]! });
        continue;
      }
      if (/^\//.test(inner)) {
        blocks.pop();
        continue;
      }
      if (inner.startsWith('&')) {
        push(inner.slice(1).trim(), m.index, m[0]);
        continue;
      }
      if (/^[>^]/.test(inner)) {
        const partial = /^>\s*["']?([\w./-]+)/.exec(inner);
        if (partial) out.includes.push(partial[1]!);
        continue;
      }
      // `{{ x|f|safe }}`: the path before the filters, printed raw when `safe` (or `raw`) ends the chain of filters
      // that leave markup alone, or when no filter escapes it inside an autoescape-off block.
      const parts = inner.split(/\|(?!\|)/).map((s) => s.trim());
      const filters = parts.slice(1).map((f) => f.split(/[\s(:]/)[0]!);
      const off = autoescape.length > 0 && autoescape[autoescape.length - 1];
      const raw = filters.some((f) => f === 'safe' || f === 'safeseq' || f === 'raw') ? filters.every((f) => PASSTHROUGH.has(f)) : off && filters.every((f) => PASSTHROUGH.has(f));
      if (raw) push(parts[0]!, m.index, m[0]);
      else if (autoescape.length === 0 && filters.every((f) => PASSTHROUGH.has(f))) push(parts[0]!, m.index, m[0], true);
      continue;
    }
    if (m[3] !== undefined) {
      const tag = m[3].replace(/^[-+]|[-+]$/g, '').trim();
      const ae = /^autoescape\s+(\w+)/.exec(tag);
      if (ae) autoescape.push(/^(false|off)$/i.test(ae[1]!));
      else if (/^endautoescape\b/.test(tag)) autoescape.pop();
      const inc = /^(?:extends|include|import|from)\s+(["'])([^"']+)\1/.exec(tag);
      if (inc) out.includes.push(inc[2]!);
      const loop = /^for\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\s+([A-Za-z_][\w.]*)/.exec(tag);
      if (loop) {
        const of = rootKey(loop[3]!, aliases);
        if (of) for (const v of [loop[1], loop[2]]) if (v && v !== of) aliases.set(v, of);
      }
    }
  }
}
