/**
 * Git-history exposure of secrets for the language server, kept off the edit path: publishing applies only what
 * is already known; secrets not yet looked up (or looked up too long ago) are searched in the background, in one
 * batched `secretExposure` pass per folder, and the caller is told to publish again when something changed.
 */
import { createHash } from 'node:crypto';
import { secretExposure, secretValues, withExposureRanked, type SecretExposure } from '../engine/secrets/exposure';
import type { Finding } from '../engine/types';

interface Known {
  at: number;
  exposure: SecretExposure | undefined;
}

interface FolderState {
  /** By digest of the secret (the value itself is kept only while a lookup is pending). */
  known: Map<string, Known>;
  pending: Map<string, string>;
  waiters: Set<() => void>;
  timer?: NodeJS.Timeout;
  running: boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

export class ExposureTracker {
  private readonly folders = new Map<string, FolderState>();

  /**
   * @param log  one line per failed or cut lookup (never holds a secret)
   * @param ttlMs how long a lookup holds before the next publish looks again (history moves: commits, pushes)
   * @param batchMs how long to gather secrets before a lookup, so a burst of publishes costs one history pass
   * @param allowed whether git may run at all: false in Restricted Mode, where the repository's own config is hostile
   */
  constructor(
    private readonly log: (message: string) => void,
    private readonly ttlMs = 60_000,
    private readonly batchMs = 200,
    private readonly allowed: () => boolean = () => true,
  ) {}

  /**
   * `findings` (of the file at `path`) with what is known of their secrets' exposure applied and their priority
   * computed again, at once and without running git. Secrets unknown or stale are looked up in the repository of
   * `root` in the background; `onChange` runs after that lookup if it changed what these findings would show.
   */
  decorate(root: string, path: string, text: string, findings: Finding[], onChange: () => void): Finding[] {
    if (!root || !this.allowed() || !findings.some((f) => f.pack === 'secrets')) return findings;
    const folder = this.folder(root);
    const values = secretValues(text, findings);
    const now = Date.now();
    let stale = false;
    const out = findings.map((f, i) => {
      const v = values[i];
      if (v === undefined) return f;
      const key = digest(v);
      const k = folder.known.get(key);
      if (!k || now - k.at > this.ttlMs) {
        folder.pending.set(key, v);
        stale = true;
      }
      return k?.exposure ? withExposureRanked(f, k.exposure, { path, root }) : f;
    });
    if (stale) {
      // Told only when the answer differs from what `out` shows.
      const shown = new Map(values.filter((v): v is string => v !== undefined).map((v) => [digest(v), folder.known.get(digest(v))?.exposure]));
      folder.waiters.add(() => {
        for (const [key, before] of shown) {
          if (JSON.stringify(folder.known.get(key)?.exposure) !== JSON.stringify(before)) return onChange();
        }
      });
      this.kick(root, folder);
    }
    return out;
  }

  /** Secrets whose exposure is held for the folder at `root` (for tests: the map must stay bounded). */
  knownCount(root: string): number {
    return this.folders.get(root)?.known.size ?? 0;
  }

  private folder(root: string): FolderState {
    let f = this.folders.get(root);
    if (!f) this.folders.set(root, (f = { known: new Map(), pending: new Map(), waiters: new Set(), running: false }));
    return f;
  }

  private kick(root: string, folder: FolderState): void {
    if (folder.running || folder.timer) return;
    folder.timer = setTimeout(() => {
      folder.timer = undefined;
      void this.lookup(root, folder);
    }, this.batchMs);
  }

  private async lookup(root: string, folder: FolderState): Promise<void> {
    folder.running = true;
    const batch = folder.pending;
    const waiters = folder.waiters;
    folder.pending = new Map();
    folder.waiters = new Set();
    try {
      const result = await secretExposure(root, [...batch.values()]);
      if (result.error) this.log(`git history not searched for secrets: ${result.error}`);
      if (result.limited) this.log(`git history search for secrets cut short: ${result.limited}`);
      const at = Date.now();
      for (const [key, value] of batch) folder.known.set(key, { at, exposure: result.bySecret.get(value) });
      // Every value typed into a secret's string is its own entry: drop those gone stale and not asked for again
      // (a stale one still shown is in `pending`), or the map grows for as long as the server runs.
      for (const [key, k] of folder.known) {
        if (at - k.at > this.ttlMs && !folder.pending.has(key)) folder.known.delete(key);
      }
    } finally {
      folder.running = false;
    }
    for (const w of waiters) w();
    if (folder.pending.size > 0) this.kick(root, folder);
  }
}
