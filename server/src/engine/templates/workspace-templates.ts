/**
 * The editor's template index of a workspace folder: the language server has no scan pool to read templates for
 * it, so the taint pack lists them itself, like the dependencies pack lists imports (`sca/reachability.ts`). The
 * listing is asynchronous (`refresh()`, awaited by the host before an analysis that needs it, so the server keeps
 * serving meanwhile) and bounded: at most `limit` templates, and the folders the first `MAX_SOURCES` source files
 * configure (`template-config.ts`). It runs once, again only after `stale()` (a save, a file changed on disk),
 * re-reading only files whose size or modification time changed. The analysis reads `current()`, never a file.
 */
import { readFile, stat } from 'node:fs/promises';
import { walkFilesAsync } from '../scan/file-walker';
import { configuredTemplateFolders, mayConfigureTemplates, SKIPPED_FOLDERS } from './template-config';
import { anyTemplateOutsideDefaults, buildTemplateIndex, isInTemplateFolder, templateFacts, type TemplateFacts, type TemplateIndex } from './template-index';

/** Source files read for configured template folders, per listing (the dependencies pack reads as many). */
const MAX_SOURCES = 5000;

interface Read<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

export class WorkspaceTemplates {
  private readonly templates = new Map<string, Read<TemplateFacts>>();
  private readonly sources = new Map<string, Read<string[]>>();
  private index: TemplateIndex | undefined;
  private key = '';
  /** Bumped by `stale()`: a listing that started before it is not fresh when it ends. */
  private generation = 0;
  private fresh = false;
  private listing: Promise<void> | undefined;

  constructor(
    readonly root: string,
    private readonly limit: number,
  ) {}

  /** The files on disk may have changed: the next `refresh()` lists them again. */
  stale(): void {
    this.generation++;
    this.fresh = false;
  }

  /** Lists the folder's templates unless the last listing is fresh; resolves when a fresh one is done. */
  refresh(): Promise<void> {
    if (this.fresh) return Promise.resolve();
    this.listing ??= (async () => {
      try {
        // A `stale()` during a listing: list again, so the caller sees the files as they are after it.
        for (let i = 0; i < 4 && !this.fresh; i++) await this.list();
      } finally {
        this.listing = undefined;
      }
    })();
    return this.listing;
  }

  /** The index as of the last listing (the same object while no template's facts changed); undefined: none. */
  current(): TemplateIndex | undefined {
    return this.index;
  }

  private async list(): Promise<void> {
    const gen = this.generation;
    const walked = (await walkFilesAsync([{ root: this.root }], { maxFileSize: 2_000_000 })).files.filter((f) => !SKIPPED_FOLDERS.test(f.relPath));
    const folders: string[] = [];
    const sources = anyTemplateOutsideDefaults(walked.map((f) => f.relPath)) ? walked.filter((f) => mayConfigureTemplates(f.path)).slice(0, MAX_SOURCES) : [];
    await this.readAll(this.sources, sources.map((f) => f.path), (path, text) => configuredTemplateFolders(text));
    for (const f of sources) for (const d of this.sources.get(f.path)?.value ?? []) if (!folders.includes(d)) folders.push(d);
    const templates = walked.filter((f) => isInTemplateFolder(f.relPath, folders)).slice(0, this.limit);
    await this.readAll(this.templates, templates.map((f) => f.path), templateFacts);
    const facts = templates.flatMap((f) => {
      const t = this.templates.get(f.path)?.value;
      return t && (t.raw.length > 0 || t.includes.length > 0) ? [t] : [];
    });
    const key = JSON.stringify([facts, folders]);
    // A new object only when something a lookup answers changed: a new index re-checks the units that used one.
    if (key !== this.key) {
      this.key = key;
      this.index = facts.length > 0 ? buildTemplateIndex(facts, folders) : undefined;
    }
    if (gen === this.generation) this.fresh = true;
  }

  /** Reads each path into `cache` unless its size and modification time are those of the last read; drops the rest. */
  private async readAll<T>(cache: Map<string, Read<T>>, paths: string[], parse: (path: string, text: string) => T): Promise<void> {
    const keep = new Set(paths);
    for (const p of [...cache.keys()]) if (!keep.has(p)) cache.delete(p);
    for (const p of paths) {
      try {
        const st = await stat(p);
        const old = cache.get(p);
        if (old && old.mtimeMs === st.mtimeMs && old.size === st.size) continue;
        cache.set(p, { mtimeMs: st.mtimeMs, size: st.size, value: parse(p, await readFile(p, 'utf8')) });
      } catch {
        cache.delete(p);
      }
    }
  }
}
