/** The editor's score status text and tooltip (client/src/score-view.ts), from a parsed `vigil/score` answer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreStatus } from '../../client/src/score-view';
import { ScoreResult } from '../../server/src/shared/protocol';

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
