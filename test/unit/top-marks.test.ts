/**
 * The top level's marks (issue 17, session 18): a top-level run starts from the last run's mark before the first
 * statement it must visit, and jumps from a mark whose state it reached again (moved alike below a paste) to the
 * next segment a dependency may change, instead of applying every statement of the file in every pass and round.
 * After every edit the findings equal a fresh scan, with top-level flows (state with positions, findings) above and
 * below the edit; and a character typed in a top-level statement applies a bounded number of statements one by
 * one (`topStatementsForwarded`), not the file's statements once per pass and round.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const CASES = [
  {
    lang: 'javascript' as const,
    path: '/marks/app.js',
    decl: /^const settings\d+ = \{/,

    head: "const hash0 = location.hash;\nconst page0 = hash0 + '.html';\ndocument.body.innerHTML = page0;\n",
    tail: "\nconst hash = location.hash;\nconst page = hash + '.html';\ndocument.body.innerHTML = page;\n",
    block: "function pasted(ids) {\n  return ids.map((id) => db.query('SELECT 1', [id]));\n}\n\n",
    rule: 'js.xss.dom',
  },
  {
    lang: 'python' as const,
    path: '/marks/app.py',
    decl: /^SETTINGS_\d+ = \{/,

    head: 'import os\nfrom flask import request\nq0 = request.args.get("q")\nos.system(q0 + "x")\n',
    // No import below the edit: the import key holds the imports' offsets, and every statement key holds it.
    tail: '\nq = request.args.get("q")\nr = q + "x"\nos.system(r)\n',
    block: 'def pasted(ids):\n    return [db.execute("SELECT 1", (i,)) for i in ids]\n\n\n',
    rule: 'py.cmdi.subprocess-shell',
  },
];

describe('top marks: a top-level run skips the segments an edit cannot change', () => {
  for (const c of CASES) {
    it(`${c.lang}: typed characters and pastes in a 3,000-line file equal a fresh scan, with few statements forwarded`, () => {
      const g = generateFile(c.lang, 3000, 11);
      const start = c.head + g.text + c.tail;
      const lines = start.split('\n');
      // A settings object in the middle of the file: a character typed in it changes that statement only (same
      // statements, same lines).
      const decls = lines.flatMap((l, i) => (c.decl.test(l) ? [i] : []));
      assert.ok(decls.length > 4, 'the generated file has top-level settings objects');
      const d = decls[Math.floor(decls.length / 2)]!;
      // Digits typed in its region string (`'eu-west-1'`): no new word reaches a rule's filter.
      const q = lines.findIndex((l, i) => i > d && /-\d['"]/.test(l));
      const at = { line: q, character: lines[q]!.search(/-\d['"]/) + 1 };
      const pasteAt = g.blockStarts[Math.floor(g.blockStarts.length / 3)]! + c.head.split('\n').length - 1;
      const uri = `marks:${c.path}`;
      engine.open(uri, c.path, c.lang, start, 1);
      try {
        const flows = engine.analyze(uri, TAINT_ONLY).findings.filter((f) => f.ruleId === c.rule).length;
        assert.ok(flows >= 2, 'the top-level flows are found');
        const statements = engine.get(uri)!.tree!.rootNode.namedChildren.filter((s) => s && s.type !== 'comment').length;
        let version = 1;
        const edits = [
          { range: { start: at, end: at }, text: '7', typed: true },
          { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '', typed: false },
          { range: { start: { line: at.line, character: at.character }, end: at }, text: '89', typed: true },
          { range: { start: { line: pasteAt, character: 0 }, end: { line: pasteAt, character: 0 } }, text: c.block, typed: false },
          { range: { start: { line: at.line + c.block.split('\n').length - 1, character: at.character }, end: { line: at.line + c.block.split('\n').length - 1, character: at.character } }, text: '5', typed: false },
          { range: { start: { line: pasteAt, character: 0 }, end: { line: pasteAt + c.block.split('\n').length - 1, character: 0 } }, text: '', typed: false },
          { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: c.block, typed: false },
        ];
        let typedRuns = 0;
        for (const e of edits) {
          const s0 = { ...taint.stats };
          engine.change(uri, [{ range: e.range, text: e.text }], ++version);
          const found = engine.analyze(uri, TAINT_ONLY).findings;
          const s1 = { ...taint.stats };
          const text = engine.get(uri)!.text;
          assert.deepEqual(found, engine.scanText(c.path, c.lang, text, TAINT_ONLY).findings, `after ${version - 1} edits`);
          assert.equal(found.filter((f) => f.ruleId === c.rule).length, flows, 'the top-level flows are found');
          const forwarded = s1.topStatementsForwarded - s0.topStatementsForwarded;
          const skipped = s1.topStatementsSkipped - s0.topStatementsSkipped;
          if (e.typed) {
            // Without marks every pass and round applies each statement one by one: passes x rounds x statements;
            // with them, the statements from the mark before the edit to the one after it.
            const passes = s1.passes - s0.passes;
            assert.ok(skipped > 0, 'segments were skipped');
            assert.ok(forwarded * 3 <= statements * passes, `${forwarded} statements forwarded for a typed character, ${statements} top-level statements, ${passes} passes`);
            typedRuns++;
          }
        }
        assert.equal(typedRuns, 2);
      } finally {
        engine.close(uri);
      }
    });
  }
});
