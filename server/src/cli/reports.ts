/**
 * `vigil score --history` and `vigil leaderboard`: what git history says about the workspace's findings, computed
 * locally from committed trees (`history.ts`); nothing is sent anywhere.
 */
import type { Analyzer } from '../engine/analyzer';
import { Gitignore } from '../engine/gitignore';
import { advisoryDbDir } from '../engine/sca/database';
import type { VigilConfig } from '../engine/config/vigil-config';
import { securityScore } from '../engine/score';
import { severityRank, type AnalysisSettings, type Finding } from '../engine/types';
import { changedPaths, findingKey, listCommits, readBlobs, treeFiles, TreeScanner, type AloneResult, type CommitInfo } from './history';
import { effectiveExcludes, loadAnalyzers, projectAnalyzerOptions } from './scan-project';
import type { ScanPool } from '../engine/scan/scan-pool';

export interface TreeScanSetup {
  top: string;
  root: string;
  config: VigilConfig;
  configFile?: string;
  settings: AnalysisSettings;
  toolVersion: string;
  env: Record<string, string | undefined>;
  /** Tests: analyzers from this module instead of the built-in packs. */
  analyzerModule?: string;
  /** Worker threads for scanning history; default: one per core. */
  jobs?: number;
  /** Tests: see `TreeScannerOptions.minPoolFiles`. */
  minPoolFiles?: number;
  /**
   * Packs already built from this setup (`ProjectScan.analyzers` of the working tree's scan), so they are not
   * built again: loading the rules costs most of a second.
   */
  analyzers?: Analyzer[];
  /** See `TreeScannerOptions.pool`. */
  pool?: ScanPool;
}

/** A scanner of committed trees with the workspace's rules and config (custom rules included). */
export async function openTreeScanner(s: TreeScanSetup): Promise<TreeScanner> {
  // The working tree scan's options (custom config rules and enabled packs too): the same rules at every commit.
  const analyzerOptions = projectAnalyzerOptions({ config: s.config, configFile: s.configFile, settings: s.settings, advisoryDbDir: advisoryDbDir(s.env) });
  return TreeScanner.create({
    top: s.top,
    root: s.root,
    analyzers: s.analyzers ?? loadAnalyzers(analyzerOptions, s.analyzerModule).analyzers,
    settings: s.settings,
    exclude: effectiveExcludes(s.config),
    toolVersion: s.toolVersion,
    analyzerOptions,
    analyzerModule: s.analyzerModule,
    jobs: s.jobs,
    minPoolFiles: s.minPoolFiles,
    ...(s.pool ? { pool: s.pool } : {}),
  });
}

/** One point of the score's history. */
export interface ScorePoint {
  commit: string;
  date: string;
  score: number;
}

/**
 * The score at each of the last `n` commits of the branch (first-parent line), oldest first. The new file versions
 * of all the commits are scanned first, together, on the worker pool. `head`: results of the working tree's scan
 * that stand for HEAD's file versions (same blob, scanned alone), so HEAD's unchanged files are not scanned twice.
 */
export async function scoreHistory(scanner: TreeScanner, top: string, n: number, head?: readonly AloneResult[]): Promise<ScorePoint[]> {
  const commits = listCommits(top, { max: n, firstParent: true }).reverse();
  scanner.listTrees(commits);
  // listCommits starts at HEAD: the newest commit is HEAD.
  if (head && commits.length > 0) scanner.seed(commits[commits.length - 1]!.sha, head);
  await scanner.prefetch(commits.map((c) => c.sha));
  return commits.map((c) => ({ commit: c.sha, date: c.date, score: securityScore(scanner.findingsAt(c.sha).flatMap((f) => f.findings)) }));
}

/** What one commit did to the findings of the files it changed. */
export interface CommitDelta {
  commit: CommitInfo;
  fixed: { relPath: string; finding: Finding }[];
  introduced: { relPath: string; finding: Finding }[];
}

/**
 * Findings present in the parent and gone in the commit (fixed), and the reverse (introduced), by fingerprint, in
 * `paths` (default: the paths the commit changed).
 */
export function commitDelta(scanner: TreeScanner, top: string, c: CommitInfo, paths = changedPaths(top, c.parent, c.sha)): CommitDelta {
  const index = (files: { relPath: string; findings: Finding[] }[]) =>
    new Map(files.flatMap((file) => file.findings.filter((f) => f.pack !== 'meta').map((f) => [findingKey(file.relPath, f), { relPath: file.relPath, finding: f }] as const)));
  const before = c.parent ? index(scanner.findingsAt(c.parent, paths)) : new Map<string, { relPath: string; finding: Finding }>();
  const after = index(scanner.findingsAt(c.sha, paths));
  return {
    commit: c,
    fixed: [...before].filter(([k]) => !after.has(k)).map(([, v]) => v),
    introduced: [...after].filter(([k]) => !before.has(k)).map(([, v]) => v),
  };
}

/** Whether a commit brought a high or critical finding: what ends a streak. */
export function introducesSerious(d: Pick<CommitDelta, 'introduced'>): boolean {
  return d.introduced.some((x) => severityRank(x.finding.severity) >= severityRank('high'));
}

/** One author's standing. */
export interface Standing {
  author: string;
  email: string;
  fixed: number;
  introduced: number;
  /** The author's most recent commits in a row that introduced no high or critical finding. */
  streak: number;
  commits: number;
}

/**
/** A team's findings fixed and introduced, in the files CODEOWNERS gives it. */
export interface TeamStanding {
  team: string;
  fixed: number;
  introduced: number;
}

/** The owners of a path by a CODEOWNERS file: the last matching line wins; a line without owners clears them. */
export type OwnersOf = (topPath: string) => string[];

/** The repository's CODEOWNERS at `commit` (.github/, the top, then docs/, as GitHub looks), or undefined. */
export function readCodeOwners(top: string, commit = 'HEAD'): OwnersOf | undefined {
  const file = treeFiles(top, commit, ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']).sort(
    (a, b) => ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'].indexOf(a.path) - ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'].indexOf(b.path),
  )[0];
  if (!file) return undefined;
  const text = readBlobs(top, [file.blob]).get(file.blob)?.toString('utf8') ?? '';
  const rules: { matches: Gitignore; owners: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const [pattern = '', ...owners] = line.split(/\s+/);
    // gitignore pattern rules, as CODEOWNERS uses them, on the linear-time matcher: the file is repository input.
    rules.push({ matches: Gitignore.parse(pattern), owners });
  }
  return (topPath) => {
    for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.matches.ignoresPath(topPath)) return rules[i]!.owners;
    return [];
  };
}

/** Per team (owner), the findings fixed and introduced in the files it owns; sorted like the authors. */
export function teamStandings(deltas: CommitDelta[], ownersOf: OwnersOf, topPathOf: (relPath: string) => string): TeamStanding[] {
  const by = new Map<string, TeamStanding>();
  const add = (relPath: string, key: 'fixed' | 'introduced') => {
    for (const team of ownersOf(topPathOf(relPath))) {
      const t = by.get(team) ?? { team, fixed: 0, introduced: 0 };
      t[key]++;
      by.set(team, t);
    }
  };
  for (const d of deltas) {
    for (const x of d.fixed) add(x.relPath, 'fixed');
    for (const x of d.introduced) add(x.relPath, 'introduced');
  }
  return [...by.values()].sort((a, b) => b.fixed - a.fixed || a.introduced - b.introduced || a.team.localeCompare(b.team));
}

export interface Leaderboard {
  authors: Standing[];
  /** Present when the repository has a CODEOWNERS file. */
  teams?: TeamStanding[];
}

/**
 * Per author (by email), findings fixed and introduced by their commits since `since` (default: all history), and
 * their streak. Sorted by fixed (most first), then fewest introduced, then longest streak, then name. With a
 * CODEOWNERS file, the same per team, by the files each owns (`topPathOf` turns a workspace path into a top one).
 * The file versions compared are scanned first, together, on the worker pool.
 */
export async function leaderboard(scanner: TreeScanner, top: string, since?: string, topPathOf: (relPath: string) => string = (p) => p): Promise<Leaderboard> {
  const commits = listCommits(top, { since });
  const changed = new Map(commits.map((c) => [c.sha, changedPaths(top, c.parent, c.sha)]));
  // Every file version the deltas compare, both sides, scanned together on the worker pool first.
  await scanner.prefetch(commits.flatMap((c) => [...(c.parent ? [{ commit: c.parent, paths: changed.get(c.sha)! }] : []), { commit: c.sha, paths: changed.get(c.sha)! }]));
  const deltas: CommitDelta[] = [];
  const by = new Map<string, Standing & { streakOpen: boolean }>();
  // Newest first: the streak counts back from an author's latest commit until one brought a high/critical finding.
  for (const c of commits) {
    const d = commitDelta(scanner, top, c, changed.get(c.sha));
    deltas.push(d);
    const key = c.email.toLowerCase();
    const s = by.get(key) ?? { author: c.author, email: c.email, fixed: 0, introduced: 0, streak: 0, commits: 0, streakOpen: true };
    s.fixed += d.fixed.length;
    s.introduced += d.introduced.length;
    s.commits++;
    if (s.streakOpen && !introducesSerious(d)) s.streak++;
    else s.streakOpen = false;
    by.set(key, s);
  }
  const authors = [...by.values()]
    .map(({ streakOpen: _open, ...s }) => s)
    .sort((a, b) => b.fixed - a.fixed || a.introduced - b.introduced || b.streak - a.streak || a.author.localeCompare(b.author) || a.email.localeCompare(b.email));
  const owners = readCodeOwners(top);
  return owners ? { authors, teams: teamStandings(deltas, owners, topPathOf) } : { authors };
}

/** What one commit did, kept between dashboard requests (by commit sha, for one rules version). */
export interface CommitActivity {
  fixed: number;
  /** It introduced a high or critical finding (ends a streak). */
  serious: boolean;
}

/** Per-commit results already computed, valid for the scanner's rules version only. */
export interface ActivityCache {
  version: string;
  scores: Record<string, number>;
  deltas: Record<string, CommitActivity>;
}

/** The editor dashboard's history: the score's trend, fixes this week and one user's streak. */
export interface RecentActivity {
  history: ScorePoint[];
  fixesThisWeek: { mine: number; all: number };
  /** The user's latest commits in a row (among those looked at) that introduced no high or critical finding. */
  streak: number;
  commitsLooked: number;
  cache: ActivityCache;
}

/**
 * The dashboard's figures from the last `commits` commits only (bounded): the score at each of them (first-parent
 * line, as `scoreHistory`), and from the non-merge ones the findings fixed in the 7 days before `now` (by `email`
 * and by all) and `email`'s streak, counted as `leaderboard` does. `cache` (same rules version) skips commits
 * already done. The editor runs it in a worker thread and cancels by stopping the worker.
 */
export function recentActivity(
  scanner: TreeScanner,
  top: string,
  options: { commits: number; email?: string; now: Date; cache?: ActivityCache },
): RecentActivity {
  const known: ActivityCache = options.cache?.version === scanner.version ? options.cache : { version: scanner.version, scores: {}, deltas: {} };
  // What is returned holds only the commits looked at this time, so a long session's cache stays bounded.
  const cache: ActivityCache = { version: scanner.version, scores: {}, deltas: {} };
  const line = listCommits(top, { max: options.commits, firstParent: true }).reverse();
  const history = line.map((c) => {
    cache.scores[c.sha] = known.scores[c.sha] ?? securityScore(scanner.findingsAt(c.sha).flatMap((f) => f.findings));
    return { commit: c.sha, date: c.date, score: cache.scores[c.sha]! };
  });
  const weekAgo = options.now.getTime() - 7 * 24 * 3600 * 1000;
  const me = options.email?.toLowerCase();
  const fixesThisWeek = { mine: 0, all: 0 };
  let streak = 0;
  let streakOpen = true;
  const recent = listCommits(top, { max: options.commits });
  for (const c of recent) {
    const mine = me !== undefined && c.email.toLowerCase() === me;
    const inWeek = Date.parse(c.date) >= weekAgo;
    if (!inWeek && !(mine && streakOpen)) continue; // nothing to learn from it
    let a = known.deltas[c.sha];
    if (!a) {
      const d = commitDelta(scanner, top, c);
      a = { fixed: d.fixed.length, serious: introducesSerious(d) };
    }
    cache.deltas[c.sha] = a;
    if (inWeek) {
      fixesThisWeek.all += a.fixed;
      if (mine) fixesThisWeek.mine += a.fixed;
    }
    if (mine && streakOpen) {
      if (a.serious) streakOpen = false;
      else streak++;
    }
  }
  return { history, fixesThisWeek, streak, commitsLooked: Math.max(line.length, recent.length), cache };
}
