/**
 * What the editor shows of the security score: the status-bar text and tooltip, and the dashboard page (static HTML
 * with an inline SVG chart drawn here: no chart library, no script, nothing loaded from anywhere). No `vscode`
 * import, so both are testable on their own.
 */
import type { DashboardPoint, DashboardResult, ScoreResult } from '../../server/src/shared/protocol';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The status-bar item's text and tooltip; `score` undefined while no answer came (or the server is down). */
export function scoreStatus(score: ScoreResult | undefined, running: boolean): { text: string; tooltip: string } {
  if (!running) return { text: '$(shield) –', tooltip: 'Vigil: server not running, so no security score.\nClick to open the dashboard' };
  if (!score) return { text: '$(shield) …', tooltip: 'Vigil: computing the security score…' };
  const covers =
    score.coverage === 'workspace'
      ? 'Covers the whole workspace (the last Scan Workspace, with your unsaved edits).'
      : 'Covers the open files only (and what a scan reported): run "Vigil: Scan Workspace" to score the whole workspace.';
  return {
    text: `$(shield) ${score.score}`,
    tooltip: [
      `Vigil security score: ${score.score}/100`,
      `${plural(score.findings, 'open finding')} in ${plural(score.files, 'file')}`,
      covers,
      'Click to open the dashboard',
    ].join('\n'),
  };
}

/** What the dashboard panel shows. */
export type DashboardState = { kind: 'loading' } | { kind: 'down' } | { kind: 'error'; message: string } | { kind: 'ready'; data: DashboardResult };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CHART = { width: 640, height: 220, left: 36, right: 12, top: 12, bottom: 28 };

/** The score at each commit as an SVG line chart: x = commit order (oldest left), y = score 0..100. */
export function trendChart(points: readonly DashboardPoint[]): string {
  const { width, height, left, right, top, bottom } = CHART;
  const w = width - left - right;
  const h = height - top - bottom;
  const x = (i: number) => (points.length === 1 ? left + w / 2 : left + (w * i) / (points.length - 1));
  const y = (score: number) => top + h * (1 - score / 100);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const grid = [0, 50, 100]
    .map((v) => `<line class="grid" x1="${left}" y1="${r1(y(v))}" x2="${width - right}" y2="${r1(y(v))}"/><text class="axis" x="${left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${v}</text>`)
    .join('');
  const path = points.map((p, i) => `${r1(x(i))},${r1(y(p.score))}`).join(' ');
  const dots = points
    .map((p, i) => `<circle cx="${r1(x(i))}" cy="${r1(y(p.score))}" r="3.5"><title>${escapeHtml(`${p.commit.slice(0, 7)} ${p.date.slice(0, 10)}: ${p.score}`)}</title></circle>`)
    .join('');
  const day = (p: DashboardPoint | undefined) => escapeHtml(p?.date.slice(0, 10) ?? '');
  const labels =
    `<text class="axis" x="${left}" y="${height - 8}">${day(points[0])}</text>` +
    (points.length > 1 ? `<text class="axis" x="${width - right}" y="${height - 8}" text-anchor="end">${day(points[points.length - 1])}</text>` : '');
  return (
    `<svg class="trend" role="img" aria-label="Security score at each of the last ${points.length} commits" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `${grid}<polyline points="${path}"/>${dots}${labels}</svg>`
  );
}

/** The dashboard's whole page. `cspSource` is the webview's own source; the page's only style carries `nonce`. */
export function dashboardHtml(state: DashboardState, opts: { nonce: string; cspSource: string }): string {
  const csp = `default-src 'none'; style-src 'nonce-${opts.nonce}'; img-src ${opts.cspSource} data:;`;
  let body: string;
  if (state.kind === 'loading') body = '<p class="muted">Computing the history from local git…</p>';
  else if (state.kind === 'down') body = '<p>Vigil: server not running. Run "Vigil: Restart Server", then open the dashboard again.</p>';
  else if (state.kind === 'error') body = `<p>Vigil: the dashboard could not be computed: ${escapeHtml(state.message)}</p>`;
  else {
    const d = state.data;
    const covers = d.current.coverage === 'workspace' ? 'the whole workspace (last Scan Workspace)' : 'open files only; run Vigil: Scan Workspace for the whole workspace';
    const fixes = d.fixesThisWeek ? `${d.fixesThisWeek.mine} by you, ${d.fixesThisWeek.all} in all` : '–';
    const streak = d.streak !== undefined ? `${d.streak} commit${d.streak === 1 ? '' : 's'} without a high or critical finding` : '–';
    const chart =
      d.history.length > 0
        ? `<h2>Score at the last ${d.history.length} commit${d.history.length === 1 ? '' : 's'}</h2>${trendChart(d.history)}`
        : '<p class="muted">No score history to draw.</p>';
    body =
      `<section class="cards">` +
      `<div class="card"><div class="label">Security score</div><div class="score">${d.current.score}</div><div class="muted">${d.current.findings} open finding${d.current.findings === 1 ? '' : 's'}; ${escapeHtml(covers)}</div></div>` +
      `<div class="card"><div class="label">Fixes this week</div><div class="figure">${escapeHtml(fixes)}</div></div>` +
      `<div class="card"><div class="label">Your streak${d.email ? ` (${escapeHtml(d.email)})` : ''}</div><div class="figure">${escapeHtml(streak)}</div></div>` +
      `</section>` +
      (d.note ? `<p class="note">${escapeHtml(d.note)}</p>` : '') +
      chart +
      `<p class="muted">From the last ${d.commitsLooked} commit${d.commitsLooked === 1 ? '' : 's'} of local git history, computed on this machine; nothing is sent anywhere.</p>`;
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigil Dashboard</title>
<style nonce="${opts.nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 20px; }
.cards { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid var(--vscode-panel-border, #8884); border-radius: 6px; padding: 12px 16px; min-width: 180px; }
.label { font-size: 0.85em; opacity: 0.8; }
.score { font-size: 2.6em; font-weight: 600; }
.figure { font-size: 1.3em; margin-top: 6px; }
.muted { opacity: 0.75; }
.note { border-left: 3px solid var(--vscode-editorWarning-foreground, #c90); padding-left: 8px; }
svg.trend polyline { fill: none; stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 2; }
svg.trend circle { fill: var(--vscode-charts-blue, #3794ff); }
svg.trend .grid { stroke: var(--vscode-panel-border, #8884); stroke-width: 1; }
svg.trend .axis { fill: var(--vscode-foreground); font-size: 11px; opacity: 0.8; }
</style></head>
<body><h1>Vigil Dashboard</h1>${body}</body></html>`;
}
