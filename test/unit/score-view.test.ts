/** The editor's score status text and tooltip (client/src/score-view.ts), from a parsed `vigil/score` answer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardHtml, scoreStatus } from '../../client/src/score-view';
import { DashboardResult, ScoreResult } from '../../server/src/shared/protocol';

describe('score status', () => {
  it('shows the score with a shield and says what it covers', () => {
    const open = scoreStatus(ScoreResult.from({ score: 87, findings: 3, files: 2, coverage: 'open-files' }), true);
    assert.equal(open.text, '$(shield) 87');
    assert.match(open.tooltip, /87\/100/);
    assert.match(open.tooltip, /3 open findings in 2 files/);
    assert.match(open.tooltip, /open files/);
    assert.match(open.tooltip, /Scan Workspace/);
    const whole = scoreStatus(ScoreResult.from({ score: 100, findings: 0, files: 0, coverage: 'workspace' }), true);
    assert.equal(whole.text, '$(shield) 100');
    assert.match(whole.tooltip, /whole workspace/);
    assert.doesNotMatch(whole.tooltip, /open files/);
  });

  it('says the server is not running instead of a number', () => {
    const down = scoreStatus(undefined, false);
    assert.doesNotMatch(down.text, /\d/);
    assert.match(down.tooltip, /Vigil: server not running/);
  });

  it('refuses malformed answers', () => {
    assert.equal(ScoreResult.from({ score: 140, findings: 0, files: 0 }), undefined);
    assert.equal(ScoreResult.from({ score: '87', findings: 0, files: 0 }), undefined);
    assert.equal(ScoreResult.from(null), undefined);
    assert.equal(ScoreResult.from({ score: 50, findings: 1, files: 1, coverage: 'everything' })?.coverage, 'open-files');
  });
});

describe('dashboard page', () => {
  const data = DashboardResult.from({
    current: { score: 82, findings: 2, files: 1, coverage: 'open-files' },
    history: [
      { commit: 'a'.repeat(40), date: '2026-11-20T10:00:00Z', score: 100 },
      { commit: 'b'.repeat(40), date: '2026-11-21T10:00:00Z', score: 71 },
      { commit: 'c'.repeat(40), date: '2026-11-22T10:00:00Z', score: 90 },
    ],
    email: 'alice@example.invalid',
    fixesThisWeek: { mine: 1, all: 3 },
    streak: 4,
    commitsLooked: 3,
  })!;

  it('draws the trend as an inline SVG, one point per commit, higher score higher up', () => {
    const html = dashboardHtml({ kind: 'ready', data }, { nonce: 'n0nce', cspSource: 'vscode-resource:' });
    const svg = /<svg[^>]*class="trend"[\s\S]*?<\/svg>/.exec(html)?.[0];
    assert.ok(svg, 'a trend chart');
    const points = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    assert.equal(points.length, 3);
    assert.ok(points[0]!.x < points[1]!.x && points[1]!.x < points[2]!.x, 'oldest on the left');
    assert.ok(points[0]!.y < points[2]!.y && points[2]!.y < points[1]!.y, 'SVG y grows downwards: 100 is highest');
    assert.match(svg, /<title>[^<]*bbbbbbb[^<]*71[^<]*<\/title>/);
    assert.match(html, /class="score"[^>]*>82</);
    assert.match(html, /1 by you/);
    assert.match(html, /3 in all/);
    assert.match(html, /4 commits/);
  });

  it('loads nothing remote and runs no script', () => {
    const html = dashboardHtml({ kind: 'ready', data }, { nonce: 'n0nce', cspSource: 'vscode-resource:' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  it('escapes what it shows and says why history is missing', () => {
    const noted = DashboardResult.from({ current: { score: 100, findings: 0, files: 0 }, history: [], commitsLooked: 0, note: 'Restricted Mode: <img src=x onerror=alert(1)>' })!;
    const html = dashboardHtml({ kind: 'ready', data: noted }, { nonce: 'n', cspSource: 'x' });
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /Restricted Mode: &lt;img/);
    assert.doesNotMatch(html, /class="trend"/);
  });

  it('says the server is not running', () => {
    assert.match(dashboardHtml({ kind: 'down' }, { nonce: 'n', cspSource: 'x' }), /Vigil: server not running/);
  });
});
