/**
 * The secrets session keeps each match's syntax context (comment, test code, the literal and its name) by the
 * top-level statement holding it: after an edit only the edited statement's matches are read from the tree again,
 * and the findings equal those of a fresh document of the same text.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { SourceDocument } from '../../server/src/engine/document';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { createSecretsAnalyzer } from '../../server/src/engine/secrets';
import type { SecretsAnalyzer } from '../../server/src/engine/secrets/secrets-analyzer';
import { LineIndex } from '../../server/src/engine/text';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';

// Fake tokens in the documented formats.
const GH = 'ghp_R8mK2vQ9xL4tW7nB1cZ5yH3jF6dS0aPqex2T';
const SLACK = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';

/** Statements whose context differs: plain code, a comment, a test callback, an object key and value, JSX. */
const JS_BLOCKS = [
  `const token = "${GH}";\n`,
  `// the old one: "${GH}"\n`,
  `it('signs in', () => {\n  const slack = "${SLACK}";\n});\n`,
  `const cfg = { "${GH}": 1, slackToken: "${SLACK}" };\n`,
  `function f() {\n  return <App token="${GH}" />;\n}\n`,
  `const tpl = \`${GH} \${x}\`;\n`,
  'function g(a) {\n  return a + 1;\n}\n',
];
const PY_BLOCKS = [
  `token = "${GH}"\n`,
  `def test_login():\n    slack = "${SLACK}"\n`,
  `def f():\n    """${GH}"""\n    return 1\n`,
  `# the old one: "${GH}"\n`,
  `call(token="${SLACK}")\n`,
  'def g(a):\n    return a + 1\n',
];
const SNIPPETS = ['\n', ' ', '// ', '# ', '"', "'", '{', '}', '(', ')', 'it(', '/*', '*/', '"""', 'def test_x():\n    ', 'x', `"${GH}"`, `${SLACK}`, '  '];

function view(fs: Finding[]): unknown[] {
  return fs.map((f) => ({ id: f.ruleId, sev: f.severity, range: f.range, msg: f.message, fp: f.fingerprint, props: f.properties, fixes: f.fixes }));
}

describe('secret syntax contexts kept per statement', () => {
  let grammars: GrammarRegistry;
  let analyzer: SecretsAnalyzer;
  before(async () => {
    grammars = await GrammarRegistry.create();
    analyzer = createSecretsAnalyzer().analyzer;
  });

  const ctx = { settings: { ...DEFAULT_SETTINGS, minSeverity: 'info' as const }, notify: (): void => undefined };
  const fresh = (path: string, languageId: string, text: string): Finding[] => {
    const doc = new SourceDocument(`test:${path}`, path, languageId, text, 1, grammars);
    return analyzer.findingsFor(doc, analyzer.matchAll(doc));
  };

  for (const [path, languageId, blocks] of [
    ['/ws/src/app.jsx', 'javascriptreact', JS_BLOCKS],
    ['/ws/src/app.py', 'python', PY_BLOCKS],
  ] as const) {
    it(`re-reads only the edited statement's matches (${languageId})`, () => {
      // Every kind twice, then a function without secrets, where the first edit goes.
      const text = [...blocks, ...blocks, blocks[blocks.length - 1]!].join('\n');
      const doc = new SourceDocument(`test:${path}`, path, languageId, text, 1, grammars);
      const session = analyzer.open() as unknown as { run(d: SourceDocument, delta: unknown, c: unknown): Finding[]; contexts: { computed: number } };
      const first = session.run(doc, undefined, ctx);
      const all = session.contexts.computed;
      // Repeated statements share their contexts, even at the open.
      assert.ok(all > 0 && all < first.length, `matches read at the open: ${all} for ${first.length} findings`);
      // A character typed in the last statement (a function without secrets), then one in a line above every match.
      const lines = new LineIndex(text);
      const end = lines.positionAt(text.length - 3);
      doc.applyChanges([{ range: { start: end, end }, text: 'x' }], 2);
      const afterTyping = session.run(doc, doc.takeDelta(), ctx);
      assert.equal(session.contexts.computed, all, 'an edit in a statement without secrets reads no context');
      assert.deepEqual(view(afterTyping), view(fresh(path, languageId, doc.text)));
      assert.deepEqual(view(afterTyping), view(first));
      doc.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }], 3);
      const moved = session.run(doc, doc.takeDelta(), ctx);
      assert.equal(session.contexts.computed, all, 'statements moved down keep their contexts');
      assert.deepEqual(view(moved), view(fresh(path, languageId, doc.text)));
    });

    it(`equals a fresh document after random edits (${languageId})`, () => {
      const base = blocks.join('\n');
      const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 3 }).map((a) => a.join('')) });
      assertProperty(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          const doc = new SourceDocument(`test:${path}`, path, languageId, base, 1, grammars);
          const session = analyzer.open() as unknown as { run(d: SourceDocument, delta: unknown, c: unknown): Finding[] };
          session.run(doc, undefined, ctx);
          let version = 2;
          for (const e of edits) {
            const text = doc.text;
            const start = e.at % (text.length + 1);
            const stop = Math.min(text.length, start + e.remove);
            doc.applyChanges([{ range: new LineIndex(text).rangeOf(start, stop), text: e.insert }], version++);
            assert.deepEqual(view(session.run(doc, doc.takeDelta(), ctx)), view(fresh(path, languageId, doc.text)));
          }
        }),
        60,
      );
    });
  }
});
