/**
 * The taint fixpoint's per-round memos (issue 17, edit3k): a dependency's value is computed once per round of a pass
 * (`depSig` in `fixpoint`: it reads only the round before's results), and a top-level statement entry moved to a
 * line is moved once, however many rounds forward it (`shiftEntry`). Pastes of different sizes at the same place
 * and their undos (each entry is moved by several deltas in turn) must equal a fresh scan, and the counters show
 * the memos hold: fewer values computed than read, and each statement below a paste moved at most once per pass.
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
    path: '/memo/app.js',
    block: "function pasted(ids) {\n  return ids.map((id) => db.query('SELECT 1', [id]));\n}\n\n",
    // Top-level statements whose entries hold positions (a flow in the state, a finding), below every paste.
    tail: "\nconst hash = location.hash;\nconst page = hash + '.html';\ndocument.body.innerHTML = page;\n",
  },
  {
    lang: 'python' as const,
    path: '/memo/app.py',
    block: 'def pasted(ids):\n    return [db.execute("SELECT 1", (i,)) for i in ids]\n\n\n',
    tail: '\nfrom flask import request\nq = request.args.get("q")\nr = q + "x"\nos.system(r)\n',
  },
];

describe('round memos: pastes of different sizes and their undos equal a fresh scan', () => {
  for (const c of CASES) {
    it(`${c.lang}: one, two and three blocks pasted at one place, removed in turn`, () => {
      const g = generateFile(c.lang, 600, 7);
      const start = g.text + c.tail;
      const at = g.blockStarts[Math.floor(g.blockStarts.length / 2)]!;
      const uri = `memo:${c.path}`;
      engine.open(uri, c.path, c.lang, start, 1);
      try {
        engine.analyze(uri, TAINT_ONLY);
        const n = c.block.split('\n').length - 1;
        let version = 1;
        let pasted = 0;
        // Blocks pasted (removed, when negative) at one place: an undo restores the record before, whose entries the
        // next paste moves by another number of lines than the one undone.
        for (const k of [1, -1, 2, -2, 1, 2, -1, 3, -5]) {
          const change = k > 0
            ? { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: c.block.repeat(k) }
            : { range: { start: { line: at, character: 0 }, end: { line: at - k * n, character: 0 } }, text: '' };
          pasted += k;
          const s0 = { ...taint.stats };
          engine.change(uri, [change], ++version);
          const found = engine.analyze(uri, TAINT_ONLY).findings;
          const s1 = { ...taint.stats };
          const d = (k: keyof typeof s0): number => s1[k] - s0[k];
          const text = engine.get(uri)!.text;
          assert.deepEqual(found, engine.scanText(c.path, c.lang, text, TAINT_ONLY).findings, `after ${version - 1} edits, ${pasted} blocks pasted`);
          assert.ok(found.some((f) => f.ruleId === (c.lang === 'python' ? 'py.cmdi.subprocess-shell' : 'js.xss.dom')), 'the top-level flow is found');
          // Top-level statements (and comments) below the edit.
          const below = engine.get(uri)!.tree!.rootNode.namedChildren.filter((s) => s && s.startPosition.row >= at).length;

          assert.ok(d('statementsShifted') <= d('passes') * below, `${d('statementsShifted')} statement entries moved, ${d('passes')} passes, ${below} statements below`);
          if (d('depValuesRead') > 0) assert.ok(d('depValuesComputed') * 3 < d('depValuesRead') * 2, `${d('depValuesComputed')} dependency values computed of ${d('depValuesRead')} read`);
        }
        assert.equal(pasted, 0);
        assert.equal(engine.get(uri)!.text, start);
      } finally {
        engine.close(uri);
      }
    });
  }
});
