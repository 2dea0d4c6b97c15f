/**
 * The workspace's templates, for render calls: `res.render('page', ctx)` resolves `page` against the framework's
 * view folders (a folder named `views` for Express, `templates` for Flask and Django apps, or one the app configures,
 * see `template-config.ts`) and answers what the template, and the templates it includes or extends, print raw.
 * Built from `TemplateFacts` the host gathered (the scan pool reads the files; the engine reads none), so it can be
 * sent to workers as data.
 */
import { ALL_TEMPLATE_FOLDERS } from '../languages';
import { readScanText } from '../scan/file-walker';
import { configuredTemplateFolders, mayConfigureTemplates } from './template-config';
import { isTemplatePath, templateFacts, type RawOutput, type TemplateFacts } from './raw-outputs';

export { isTemplatePath, templateFacts, type RawOutput, type TemplateFacts } from './raw-outputs';

/** A raw output reached from a render call: in which template file (absolute path and its name under the folder). */
export interface TemplateHit extends RawOutput {
  path: string;
  /** The template's name under its view folder, e.g. `views/users/show.ejs`, for messages. */
  name: string;
}

/** See the module comment. */
export interface TemplateIndex {
  /**
   * The raw outputs a render of template `name` from the file `fromPath` reaches, looking in folders named one of
   * `folders`, nearest to `fromPath` first; undefined when no such template is known.
   */
  lookup(fromPath: string, name: string, folders: readonly string[]): TemplateHit[] | undefined;
}

/** Includes followed from one template: partials of partials, a layout extending another. */
const MAX_INCLUDE_DEPTH = 6;

const norm = (p: string): string => p.replace(/\\/g, '/');
const dirOf = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('/')));
const stripExt = (p: string): string => p.replace(/\.[A-Za-z0-9]+$/, '');

function joinRel(dir: string, rel: string): string {
  const parts = dir.split('/');
  for (const s of rel.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.' && s !== '') parts.push(s);
  }
  return parts.join('/');
}

function commonPrefix(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** The templates a host read, and the folders the workspace's sources configure (`configuredTemplateFolders`). */
export interface WorkspaceTemplateFacts {
  facts: TemplateFacts[];
  folders: string[];
}

/**
 * Builds the index over templates' facts (`templateFacts` of each template file); `configured`: folder names the
 * workspace configures, looked in besides each language's defaults.
 */
export function buildTemplateIndex(all: readonly TemplateFacts[], configured: readonly string[] = []): TemplateIndex {
  const byPath = new Map<string, TemplateFacts>();
  /** `<folder>\0<name under it>` (with and without its extension) to the templates of that name. */
  const byName = new Map<string, TemplateFacts[]>();
  const add = (k: string, f: TemplateFacts): void => {
    const list = byName.get(k) ?? [];
    if (!list.includes(f)) list.push(f);
    byName.set(k, list);
  };
  for (const f of all) {
    const p = norm(f.path);
    byPath.set(p, f);
    byPath.set(stripExt(p), byPath.get(stripExt(p)) ?? f);
    const segs = p.split('/');
    segs.forEach((s, i) => {
      if (i === segs.length - 1) return;
      const rest = segs.slice(i + 1).join('/');
      add(`${s}\0${rest}`, f);
      add(`${s}\0${stripExt(rest)}`, f);
    });
  }
  const folderOf = (p: string, folders: readonly string[]): { folder: string; name: string } | undefined => {
    const segs = p.split('/');
    for (let i = segs.length - 2; i >= 0; i--) if (folders.includes(segs[i]!)) return { folder: segs[i]!, name: segs.slice(i).join('/') };
    return undefined;
  };
  const find = (fromPath: string, name: string, folders: readonly string[]): TemplateFacts | undefined => {
    const clean = norm(name).replace(/^\.?\//, '');
    // A path through the folder (`ejs.renderFile(path.join(__dirname, 'views', 'a.ejs'))` gives `views/a.ejs`): the
    // name is what follows the folder's segment.
    const segs = clean.split('/');
    const names = [clean, ...segs.flatMap((s, i) => (i < segs.length - 1 && folders.includes(s) ? [segs.slice(i + 1).join('/')] : []))];
    let best: TemplateFacts | undefined;
    let bestScore = -1;
    for (const folder of folders) {
      for (const f of names.flatMap((n) => byName.get(`${folder}\0${n}`) ?? [])) {
        const score = commonPrefix(dirOf(norm(fromPath)), dirOf(norm(f.path)));
        if (score > bestScore || (score === bestScore && best && f.path < best.path)) {
          best = f;
          bestScore = score;
        }
      }
    }
    return best;
  };
  return {
    lookup(fromPath, name, defaults) {
      const folders = configured.length > 0 ? [...new Set([...defaults, ...configured])] : defaults;
      const root = find(fromPath, name, folders);
      if (!root) return undefined;
      const hits: TemplateHit[] = [];
      const seen = new Set<TemplateFacts>();
      const visit = (f: TemplateFacts, depth: number): void => {
        if (seen.has(f) || depth > MAX_INCLUDE_DEPTH) return;
        seen.add(f);
        const p = norm(f.path);
        const shown = folderOf(p, folders)?.name ?? p.split('/').pop()!;
        for (const r of f.raw) hits.push({ ...r, path: f.path, name: shown });
        for (const inc of f.includes) {
          // EJS and Pug include relative to the template; Jinja2, Django, Nunjucks and Handlebars by name under the folder.
          const rel = joinRel(dirOf(p), norm(inc));
          const ext = /\.[A-Za-z0-9]+$/.exec(p)?.[0] ?? '';
          const next = byPath.get(rel) ?? byPath.get(rel + ext) ?? find(p, inc, folders);
          if (next) visit(next, depth + 1);
        }
      };
      visit(root, 0);
      return hits;
    },
  };
}

/** Whether a source file may hold a render call (`res.render`, `render_template`, `TemplateResponse`): a cheap test. */
export function mayRenderTemplate(text: string): boolean {
  return /render|TemplateResponse/.test(text);
}

/**
 * A template file inside a folder some language's default template folders name (`views/`, `templates/`, the one
 * language table's `TEMPLATE_FOLDERS`) or one of `configured`: the only ones a render call resolves to, so the static
 * HTML elsewhere (docs, coverage reports) is not read.
 */
export function isInTemplateFolder(path: string, configured: readonly string[] = []): boolean {
  if (!isTemplatePath(path)) return false;
  const segs = norm(path).split('/');
  segs.pop();
  return segs.some((s) => ALL_TEMPLATE_FOLDERS.includes(s) || configured.includes(s));
}

/**
 * Facts of every template file of a scan, read once before it (one file at a time, asynchronously, like the
 * exposure facts): first the folders the sources configure, then the templates in those and the default folders.
 * Unreadable and oversized files give none.
 */
/**
 * Whether some template file lies outside the default folders. Only such a file can be in a configured folder:
 * without one, the sources need not be read for folder settings (most libraries; that read is of every source).
 */
export function anyTemplateOutsideDefaults(paths: readonly string[]): boolean {
  return paths.some((p) => isTemplatePath(p) && !isInTemplateFolder(p));
}

export async function collectTemplateFacts(files: readonly { path: string; relPath?: string; content?: Uint8Array }[], maxFileSize: number): Promise<WorkspaceTemplateFacts> {
  // Folders are told by the path inside the workspace (as the editor's listing does), never by folders above it.
  const rel = (f: { path: string; relPath?: string }): string => f.relPath ?? f.path;
  const read = (f: { path: string; content?: Uint8Array }): Promise<string | undefined> => readScanText(f, maxFileSize);
  const folders: string[] = [];
  const sources = await mapConcurrently(anyTemplateOutsideDefaults(files.map(rel)) ? files.filter((f) => mayConfigureTemplates(f.path)) : [], async (f) => {
    const text = await read(f);
    return text === undefined ? [] : configuredTemplateFolders(text);
  });
  for (const list of sources) for (const d of list) if (!folders.includes(d)) folders.push(d);
  const read2 = await mapConcurrently(files.filter((f) => isInTemplateFolder(rel(f), folders)), async (f) => {
    const text = await read(f);
    return text === undefined ? undefined : templateFacts(f.path, text);
  });
  const facts = read2.filter((t): t is TemplateFacts => !!t && (t.raw.length > 0 || t.includes.length > 0));
  return { facts, folders };
}

/** Reads in flight at once: the reads wait on the disk, not the CPU. */
const READ_CONCURRENCY = 16;

/** `each` over `items`, a few at a time, the results in the items' order (whatever order the reads end in). */
async function mapConcurrently<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await each(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, items.length) }, worker));
  return out;
}
