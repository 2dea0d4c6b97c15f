/**
 * `library-input` rules are left out of a file where none of their sinks can match in the code (the anchor word of
 * a sink only in a comment, or only inside a longer word): the findings and notices are exactly those of keeping
 * them, on every rule fixture, on generated code and on this project's own sources, one-shot and in an open
 * document; and such a file runs no pass for them (counters, not time).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { createTaintAnalyzer, type TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { findingKey, taintCorpus } from './taint-test-engine';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, maxFileSize: 5_000_000, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let skipping: TaintAnalyzer;
let all: TaintAnalyzer;
let s: Engine;
let a: Engine;

before(async () => {
  skipping = createTaintAnalyzer().analyzer;
  all = createTaintAnalyzer().analyzer;
  all.skipLibraryInputWithoutSink = false;
  s = await Engine.create({ analyzers: [skipping] });
  a = await Engine.create({ analyzers: [all] });
});
after(() => {
  s.dispose();
  a.dispose();
});


/** An exported function whose file names the sinks only in comments and inside longer words. */
const NO_SINK = `/**
 * Runs a check. @param {Function} fn the callback; see eval() and child_process.exec() in the docs.
 */
export function evaluate(fn, expr) {
  // eval(expr) would run it: we do not.
  const FunctionExpression = 'FunctionExpression';
  return fn(expr, FunctionExpression);
}
`;

/**
 * A Python module whose public functions take parameters and whose code holds the sinks' words, but no sink: the
 * method `re.compile` (the sink is the builtin `compile(...)`), and the module `subprocess` named for a constant.
 */
const PY_WORDS_ONLY = `import re
import subprocess

def matcher(pattern, flags=0):
    return re.compile(pattern, flags)

def pipe_for(stream):
    return subprocess.PIPE if stream else subprocess.DEVNULL
`;

describe('library-input rules without a sink in the code', () => {
  it('find exactly what keeping them finds (fixtures, generated code, own sources; one-shot and open document)', () => {
    let compared = 0;
    for (const c of taintCorpus(['javascript', 'typescript', 'python'], 'server/src/engine/secrets')) {
      const lang = languageIdForPath(c.path);
      if (!lang) continue;
      const one = s.scanText(c.path, lang, c.text, settings);
      const ref = a.scanText(c.path, lang, c.text, settings);
      assert.deepEqual(one.findings.map(findingKey), ref.findings.map(findingKey), `${c.path} (one-shot)`);
      assert.deepEqual(one.notices, ref.notices, `${c.path} notices`);
      const uri = `test:${c.path}`;
      s.open(uri, c.path, lang, c.text, 1);
      a.open(uri, c.path, lang, c.text, 1);
      assert.deepEqual(s.analyze(uri, settings).findings.map(findingKey), a.analyze(uri, settings).findings.map(findingKey), `${c.path} (open)`);
      s.close(uri);
      a.close(uri);
      compared++;
    }
    assert.ok(compared > 100, `compared ${compared} files`);
  });

  it('run no pass for them where a sink word is only in comments or longer words', () => {
    const passes = (t: TaintAnalyzer, e: Engine, text: string): number => {
      const before = t.stats.passes;
      e.scanText('/lib/evaluate.js', 'javascript', text, settings);
      return t.stats.passes - before;
    };
    assert.equal(passes(skipping, s, NO_SINK), 0);
    assert.ok(passes(all, a, NO_SINK) > 0, 'kept, the library-input pass runs');
    // The same file calling eval in its code: the pass runs, and finds the flow.
    const withSink = NO_SINK.replace('return fn(expr, FunctionExpression);', "return eval('(' + expr + ')');");
    assert.ok(passes(skipping, s, withSink) > 0);
    assert.ok(s.scanText('/lib/evaluate.js', 'javascript', withSink, settings).findings.some((f) => f.ruleId === 'js.code-injection.library-input'));
  });

  it('run no pass for them where a sink word is in the code but names no sink (Python: re.compile, subprocess.PIPE)', () => {
    const passes = (t: TaintAnalyzer, e: Engine, text: string): number => {
      const before = t.stats.passes;
      e.scanText('/lib/pkg/match.py', 'python', text, settings);
      return t.stats.passes - before;
    };
    assert.equal(passes(skipping, s, PY_WORDS_ONLY), 0);
    assert.ok(passes(all, a, PY_WORDS_ONLY) > 0, 'kept, the library-input passes run');
    // A real sink of each rule beside the words: the passes run, and find the flows.
    const withSinks = `${PY_WORDS_ONLY}
def run_tool(name):
    return subprocess.getoutput("tool --name " + name)

def field(obj, name):
    return eval("obj." + name)
`;
    assert.ok(passes(skipping, s, withSinks) > 0);
    const ids = s.scanText('/lib/pkg/match.py', 'python', withSinks, settings).findings.map((f) => f.ruleId);
    assert.ok(ids.includes('py.cmdi.library-input-shell') && ids.includes('py.code-injection.library-input'), ids.join(', '));
  });
});
