/**
 * What the editor shows of the security score: the status-bar text and tooltip. No `vscode` import, so the text is
 * testable on its own.
 */
import type { ScoreResult } from '../../server/src/shared/protocol';

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
