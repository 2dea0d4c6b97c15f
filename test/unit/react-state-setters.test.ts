/**
 * React state setters (`state-pair` propagators): what a setter is called with, in the component or in a callback
 * defined there, is the state's value. Edits that add, remove or move the input keep findings equal to a fresh scan.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertEditsMatchFresh, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const TEXT = `import React, { useEffect, useState } from 'react';

export function View() {
  const [html, setHtml] = useState('');
  useEffect(() => {
    window.addEventListener('message', (event) => setHtml(event.data));
  }, []);
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Other() {
  const [text, setText] = useState('');
  const load = () => setText(location.hash);
  useEffect(load, []);
  return <p dangerouslySetInnerHTML={{ __html: 'x' }} title={text} />;
}
`;
const file = { uri: 'file:///react/view.jsx', path: '/react/view.jsx', lang: 'javascriptreact' };
const RULE = 'js.xss.react-dangerously-set-inner-html';

describe('React state setters', () => {
  it('a setter called in a callback sets the state the render reads; only that state', async () => {
    const { engine } = await taintTestEngine();
    try {
      const lines = engine.scanText(file.path, file.lang, TEXT, TAINT_ONLY).findings.filter((f) => f.ruleId === RULE).map((f) => f.range.start.line);
      assert.deepEqual(lines, [7]);
      // The setter of another state, or the value sanitised, sets nothing the render reads as HTML.
      const other = TEXT.replace('setHtml(event.data)', 'setText(event.data)');
      assert.deepEqual(engine.scanText(file.path, file.lang, other, TAINT_ONLY).findings.filter((f) => f.ruleId === RULE), []);
      const trace = engine.scanText(file.path, file.lang, TEXT, TAINT_ONLY).findings.find((f) => f.ruleId === RULE)!.trace!.map((s) => s.message);
      assert.ok(trace.some((m) => /setHtml\(\) sets html/.test(m)), trace.join('\n'));
    } finally {
      engine.dispose();
    }
  });

  it('edits to the callback, the setter and the state keep findings equal to a fresh scan', async () => {
    const { engine } = await taintTestEngine();
    try {
      assertEditsMatchFresh(engine, file, TEXT, [
        // `event.data` -> `event.dat`: no longer the message's data.
        { line: 5, col: 67, del: 1, ins: '' },
        { line: 5, col: 67, del: 0, ins: 'a' },
        // The setter renamed in the callback only, then back.
        { line: 5, col: 50, del: 0, ins: 'X' },
        { line: 5, col: 50, del: 1, ins: '' },
        // The state's name in the pattern changed, then back.
        { line: 3, col: 9, del: 0, ins: 'y' },
        { line: 3, col: 9, del: 1, ins: '' },
        // A line above moves everything.
        { line: 2, col: 0, del: 0, ins: '\n' },
        { line: 2, col: 0, del: 1, ins: '' },
      ]);
    } finally {
      engine.dispose();
    }
  });
});
