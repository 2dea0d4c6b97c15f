/**
 * `vigil score --history` and `vigil leaderboard`: what git history says about the workspace's findings, computed
 * locally from committed trees (`history.ts`); nothing is sent anywhere.
 */
import { advisoryDbDir } from '../engine/sca/database';
import type { VigilConfig } from '../engine/config/vigil-config';
import { securityScore } from '../engine/score';
import { severityRank, type AnalysisSettings, type Finding } from '../engine/types';
import { changedPaths, findingKey, listCommits, TreeScanner, type CommitInfo } from './history';
import { effectiveExcludes, loadAnalyzers } from './scan-project';

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
}

/** A scanner of committed trees with the workspace's rules and config (custom rules included). */
export async function openTreeScanner(s: TreeScanSetup): Promise<TreeScanner> {
  const setup = loadAnalyzers(
    {
      customSecretRules: s.config.customRules.secrets,
      customTaintRules: s.config.customRules.taint,
      customRulesSource: s.configFile,
      advisoryDbDir: advisoryDbDir(s.env),
    },
    s.analyzerModule,
  );
  return TreeScanner.create({ top: s.top, root: s.root, analyzers: setup.analyzers, settings: s.settings, exclude: effectiveExcludes(s.config), toolVersion: s.toolVersion });
}

/** One point of the score's history. */
export interface ScorePoint {
  commit: string;
  date: string;
  score: number;
}

/** The score at each of the last `n` commits of the branch (first-parent line), oldest first. */
export function scoreHistory(scanner: TreeScanner, top: string, n: number): ScorePoint[] {
  const commits = listCommits(top, { max: n, firstParent: true }).reverse();
  return commits.map((c) => ({ commit: c.sha, date: c.date, score: securityScore(scanner.findingsAt(c.sha).flatMap((f) => f.findings)) }));
}

/** What one commit did to the findings of the files it changed. */
export interface CommitDelta {
  commit: CommitInfo;
  fixed: { relPath: string; finding: Finding }[];
  introduced: { relPath: string; finding: Finding }[];
}

/** Findings present in the parent and gone in the commit (fixed), and the reverse (introduced), by fingerprint. */
export function commitDelta(scanner: TreeScanner, top: string, c: CommitInfo): CommitDelta {
  const paths = changedPaths(top, c.parent, c.sha);
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
 * Per author (by email), findings fixed and introduced by their commits since `since` (default: all history), and
 * their streak. Sorted by fixed (most first), then fewest introduced, then longest streak, then name.
 */
export function leaderboard(scanner: TreeScanner, top: string, since?: string): Standing[] {
  const commits = listCommits(top, { since });
  const by = new Map<string, Standing & { streakOpen: boolean }>();
  // Newest first: the streak counts back from an author's latest commit until one brought a high/critical finding.
  for (const c of commits) {
    const d = commitDelta(scanner, top, c);
    const key = c.email.toLowerCase();
    const s = by.get(key) ?? { author: c.author, email: c.email, fixed: 0, introduced: 0, streak: 0, commits: 0, streakOpen: true };
    s.fixed += d.fixed.length;
    s.introduced += d.introduced.length;
    s.commits++;
    const serious = d.introduced.some((x) => severityRank(x.finding.severity) >= severityRank('high'));
    if (s.streakOpen && !serious) s.streak++;
    else s.streakOpen = false;
    by.set(key, s);
  }
  return [...by.values()]
    .map(({ streakOpen: _open, ...s }) => s)
    .sort((a, b) => b.fixed - a.fixed || a.introduced - b.introduced || b.streak - a.streak || a.author.localeCompare(b.author) || a.email.localeCompare(b.email));
}
