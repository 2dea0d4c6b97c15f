/** The CLI text report: most urgent first, each rule's advice once per run, lines that fit the terminal. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatText } from '../../server/src/engine/output/text-format';
import type { ScanReport } from '../../server/src/engine/output/scan-report';
import type { Finding } from '../../server/src/engine/types';

const ADVICE = 'Load it from the environment or a secret manager, and rotate it: it may already be in version-control history.';
const at = (line: number) => ({ start: { line, character: 4 }, end: { line, character: 30 } });

function secret(line: number, score: number, level: 'p1' | 'p2' | 'p3' | 'p4', extra = ''): Finding {
  return {
    ruleId: 'secrets.aws.access-key-id', pack: 'secrets', severity: 'high', cwe: ['CWE-798'], range: at(line), docsUrl: '',
    message: `AWS access key ID in the source: AKIA…PLQ (20 chars). ${ADVICE}${extra}`,
    priority: { score, level, reason: level === 'p1' ? 'secret pushed to a remote' : 'hard-coded secret' },
  };
}

const LONG_PATH = `src/${'deeply-nested-folder/'.repeat(6)}handler.js`;

function report(): ScanReport {
  const sqli: Finding = {
    ruleId: 'js.sqli.string-query', pack: 'taint', severity: 'critical', cwe: ['CWE-89'], range: at(20), docsUrl: '',
    message: 'req.query.someVeryLongParameterName flows into a SQL query (connection.query). Pass it as a query parameter instead.',
    trace: [
      { kind: 'source', range: at(18), message: 'req.query.someVeryLongParameterName is user input, read in the route handler registered for the path /api/v1/users' },
      { kind: 'step', path: '/ws/routes/users.js', range: at(3), message: 'passed to find()' },
      { kind: 'step', path: '/elsewhere/lib.js', range: at(7), message: 'through wrap()' },
      { kind: 'sink', range: at(20), message: 'reaches connection.query' },
    ],
    priority: { score: 98, level: 'p1', reason: 'HTTP input reaches SQL in a route handler' },
  };
  return {
    tool: { name: 'vigil', version: '0' },
    roots: ['/ws'],
    files: [
      {
        path: '/ws/a.js', root: '/ws', relPath: 'a.js', notices: [],
        // In position order, as the engine returns them: the p3 one first.
        findings: [secret(1, 40, 'p3'), secret(5, 80, 'p1', ' It is committed in abc1234 on 2026-01-01, pushed to origin/main: rotate it; removing it from the file is not enough.'), sqli],
      },
      { path: `/ws/${LONG_PATH}`, root: '/ws', relPath: LONG_PATH, notices: [], findings: [secret(2, 70, 'p2')] },
    ],
    scannedCount: 2, skipped: [], failed: [], ruleErrors: [], rules: [], durationMs: 1200, cancelled: false,
  };
}

describe('text report', () => {
  const text = formatText(report(), { width: 100 });
  const lines = text.split('\n');

  it('fits a 100-column terminal: every line is at most 100 characters, long ones wrapped', () => {
    for (const l of lines) assert.ok(l.length <= 100, `${l.length}: ${l}`);
    assert.ok(text.includes('someVeryLongParameterName is user input'), 'long trace steps are wrapped, not cut');
    assert.ok(text.replace(/\n\s+/g, ' ').includes('/api/v1/users'));
  });

  it('lists each file\'s findings most urgent first, with the level and reason', () => {
    const order = ['21:5', '6:5', '2:5'].map((p) => lines.findIndex((l) => l.trimStart().startsWith(p)));
    assert.ok(order.every((i) => i >= 0), text);
    assert.deepEqual([...order].sort((a, b) => a - b), order, text);
    assert.match(text, /p1 · HTTP input reaches SQL in a route handler · js\.sqli\.string-query/);
  });

  it('gives each rule\'s advice once per run, and keeps what is specific to one finding on that finding', () => {
    const flat = text.replace(/\n\s+/g, ' ');
    assert.equal(flat.split('Load it from the environment').length - 1, 1, text);
    assert.equal(flat.split('Pass it as a query parameter instead.').length - 1, 1, text);
    assert.match(flat, /AWS access key ID in the source: AKIA…PLQ \(20 chars\)\. It is committed in abc1234/);
    assert.match(text, /^What to do:$/m);
  });

  it('names a step\'s other file relative to the root, as the file headings are; one outside the root in full', () => {
    assert.match(text, /step +routes\/users\.js:4:5 passed to find\(\)/);
    assert.match(text, /step +\/elsewhere\/lib\.js:8:5 through wrap\(\)/);
  });

  it('narrower terminals get narrower lines', () => {
    for (const l of formatText(report(), { width: 60 }).split('\n')) assert.ok(l.length <= 60, `${l.length}: ${l}`);
  });
});
