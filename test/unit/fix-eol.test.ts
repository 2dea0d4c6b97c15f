/**
 * A fix's line breaks come from the code around it, not from the whole file: a cached unit's fix must stay what a
 * fresh run computes when only another part of the file changes its line breaks (found by the property test).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/text';

const JAVA = [
  'class A {',
  '  ResultSet q(HttpServletRequest request, Statement st) throws Exception {',
  '    String id = request.getParameter("id");',
  '    return st.executeQuery("SELECT * FROM t WHERE id = \'" + id + "\'");',
  '  }',
  '}',
].join('\r\n');

describe('fix line breaks', () => {
  it('eolAt gives the break that ends a line', () => {
    const l = new LineIndex('a\r\nb\nc\rd');
    assert.deepEqual([0, 1, 2, 3].map((i) => l.eolAt(i)), ['\r\n', '\n', '\r', l.eol]);
  });

  it('an edit elsewhere that changes the file\'s usual line break leaves a cached fix equal to a fresh one', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const uri = 'file:///ws/A.java';
    engine.open(uri, '/ws/A.java', 'java', JAVA, 0);
    engine.analyze(uri);
    // Three LF lines above: the file now breaks most lines with LF, the method still with CRLF.
    engine.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// a\n// b\n// c\n// d\n// e\n// f\n' }], 1);
    const inc = engine.analyze(uri);
    const fresh = engine.scanText('/ws/A.java', 'java', engine.get(uri)!.text);
    assert.deepEqual(JSON.parse(JSON.stringify(inc)), JSON.parse(JSON.stringify(fresh)));
    const fix = inc.findings.find((f) => f.ruleId === 'java.sqli.jdbc')?.fixes?.[0]?.edits[0]?.newText ?? '';
    assert.match(fix, /\r\n/, 'the fix breaks its lines as the method does');
  });
});
