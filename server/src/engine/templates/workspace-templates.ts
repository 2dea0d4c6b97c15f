/**
 * The editor's template index of a workspace folder: the language server has no scan pool to read templates for
 * it, so the taint pack lists them itself, like the dependencies pack lists imports (`sca/reachability.ts`): once,
 * again only after `workspaceChanged()` (a save, a file changed on disk), re-reading only files whose size or
 * modification time changed, and at most `limit` templates.
 */
import { readFileSync, statSync } from 'node:fs';
import { walkFiles } from '../scan/file-walker';
import { buildTemplateIndex, isInTemplateFolder, templateFacts, type TemplateFacts, type TemplateIndex } from './template-index';

/** Dependency and build folders: their templates are a library's, never rendered by the workspace's own calls. */
const SKIPPED = /(^|\/)(node_modules|site-packages|\.venv|venv|\.tox|dist|build)\//;

export class WorkspaceTemplates {
  private readonly files = new Map<string, { mtimeMs: number; size: number; facts: TemplateFacts }>();
  private index: TemplateIndex | undefined;
  private key = '';
  private fresh = false;

  constructor(
    readonly root: string,
    private readonly limit: number,
  ) {}

  /** The files on disk may have changed: the next `current()` lists them again. */
  stale(): void {
    this.fresh = false;
  }

  /** The index as of the last listing (the same object while no template's facts changed); undefined: none. */
  current(): TemplateIndex | undefined {
    if (this.fresh) return this.index;
    this.fresh = true;
    const seen = new Set<string>();
    for (const f of walkFiles([{ root: this.root }], { maxFileSize: 2_000_000 }).files) {
      if (!isInTemplateFolder(f.relPath) || SKIPPED.test(f.relPath)) continue;
      if (seen.size >= this.limit) break;
      seen.add(f.path);
      try {
        const st = statSync(f.path);
        const old = this.files.get(f.path);
        if (old && old.mtimeMs === st.mtimeMs && old.size === st.size) continue;
        this.files.set(f.path, { mtimeMs: st.mtimeMs, size: st.size, facts: templateFacts(f.path, readFileSync(f.path, 'utf8')) });
      } catch {
        this.files.delete(f.path);
      }
    }
    for (const p of [...this.files.keys()]) if (!seen.has(p)) this.files.delete(p);
    const facts = [...this.files.values()].map((f) => f.facts).filter((f) => f.raw.length > 0 || f.includes.length > 0);
    const key = JSON.stringify(facts);
    // A new object only when something a lookup answers changed: a new index re-checks the units that used one.
    if (key !== this.key) {
      this.key = key;
      this.index = facts.length > 0 ? buildTemplateIndex(facts) : undefined;
    }
    return this.index;
  }
}
