/** Text and Markdown forms of `vigil score` and `vigil leaderboard`. */
import { mdText } from '../engine/output/markdown-text';
import { escapeControlChars as esc } from '../engine/output/terminal';
import type { Finding } from '../engine/types';
import type { Leaderboard, ScorePoint, Standing } from './reports';

/** A bar of `score` out of 100, 20 cells wide. */
const bar = (score: number) => '#'.repeat(Math.round(score / 5)).padEnd(20, '.');

export function formatScoreText(score: number, findings: Finding[], history: ScorePoint[]): string {
  const open = findings.filter((f) => f.pack !== 'meta');
  const byLevel = ['p1', 'p2', 'p3', 'p4']
    .map((l) => [l, open.filter((f) => f.priority?.level === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${n} ${l}`);
  const out = [`Security score: ${score}/100  ${bar(score)}  ${open.length} open finding${open.length === 1 ? '' : 's'}${byLevel.length ? ` (${byLevel.join(', ')})` : ''}`];
  if (history.length > 0) {
    out.push('', `History (last ${history.length} commit${history.length === 1 ? '' : 's'}, oldest first):`);
    for (const h of history) out.push(`  ${h.commit.slice(0, 7)}  ${h.date.slice(0, 10)}  ${String(h.score).padStart(3)}  ${bar(h.score)}`);
  }
  out.push('', 'How the score is computed: docs/score.md');
  return `${out.join('\n')}\n`;
}

export function formatLeaderboard(board: Leaderboard, markdown: boolean): string {
  const { authors, teams } = board;
  if (markdown) {
    const rows = authors.map((a) => `| ${mdText(a.author)} | ${a.fixed} | ${a.introduced} | ${a.streak} |`);
    const teamRows = (teams ?? []).map((t) => `| ${mdText(t.team)} | ${t.fixed} | ${t.introduced} |`);
    const teamTable = teams ? `\n| Team (CODEOWNERS) | Fixed | Introduced |\n| --- | ---: | ---: |\n${teamRows.join('\n')}${teamRows.length ? '\n' : ''}` : '';
    return `| Author | Fixed | Introduced | Streak |\n| --- | ---: | ---: | ---: |\n${rows.join('\n')}${rows.length ? '\n' : ''}${teamTable}\n_Streak: the author's latest commits in a row that introduced no high or critical finding._\n`;
  }
  if (authors.length === 0) return 'No commits in the range.\n';
  const name = (a: Standing) => esc(`${a.author} <${a.email}>`);
  const width = Math.min(50, Math.max(6, ...authors.map((a) => name(a).length)));
  const out = [`${'Author'.padEnd(width)}  fixed  introduced  streak`];
  for (const a of authors) out.push(`${name(a).padEnd(width)}  ${String(a.fixed).padStart(5)}  ${String(a.introduced).padStart(10)}  ${String(a.streak).padStart(6)}`);
  if (teams?.length) {
    const tw = Math.min(50, Math.max(4, ...teams.map((t) => esc(t.team).length)));
    out.push('', `${'Team'.padEnd(tw)}  fixed  introduced`);
    for (const t of teams) out.push(`${esc(t.team).padEnd(tw)}  ${String(t.fixed).padStart(5)}  ${String(t.introduced).padStart(10)}`);
  }
  out.push('', 'streak: latest commits in a row without a new high or critical finding');
  return `${out.join('\n')}\n`;
}
