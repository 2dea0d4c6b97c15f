/**
 * Set-up shared by the taint engine's unit tests: an engine over every built-in analyzer, the taint analyzer in it
 * (for its counters and caches), taint-only settings, and a walk over a tree's named nodes.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { generateFile } from '../../bench/corpus/generate';
import { findFixtures } from '../rules/rule-fixtures';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath, languageRecord } from '../../server/src/engine/languages';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';

/** Settings with only the taint pack on. */
export const TAINT_ONLY = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };

/**
 * The VS Code language id of a taint rule fixture (`x.fixture.py`, `x.fixed.tsx`), from the one language table;
 * undefined when the file is not in a language the taint pack analyses.
 */
export function taintFixtureLanguage(path: string): string | undefined {
  const id = languageIdForPath(path.replace(/\.(?:fixture|fixed)\./, '.'));
  return languageRecord(id)?.taint ? id : undefined;
}

/** An engine with the built-in analyzers, and its taint analyzer. The caller disposes the engine. */
export async function taintTestEngine(): Promise<{ engine: Engine; taint: TaintAnalyzer }> {
  const { analyzers } = createAnalyzers();
  const taint = analyzers.find((a): a is TaintAnalyzer => a instanceof TaintAnalyzer);
  if (!taint) throw new Error('no taint analyzer among the built-in analyzers');
  return { engine: await Engine.create({ analyzers }), taint };
}

/** Every named node under `root`, itself included (iterative: fixtures can nest deeply). */
export function namedNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}

/** One edit of a random sequence: at a line index (taken modulo the line count), a column, `del` characters replaced by `ins`. */
export interface LineEdit {
  line: number;
  col: number;
  del: number;
  ins: string;
}

/**
 * Opens `text` as `file`, applies `edits` one at a time through the engine's incremental path, and after each asserts
 * that the document holds the expected text and that the taint findings equal a fresh scan of that text.
 */
export function assertEditsMatchFresh(engine: Engine, file: { uri: string; path: string; lang: string }, text: string, edits: readonly LineEdit[]): void {
  const fresh = (t: string): Finding[] => engine.scanText(file.path, file.lang, t, TAINT_ONLY).findings;
  engine.open(file.uri, file.path, file.lang, text, 1);
  try {
    const doc = engine.get(file.uri)!;
    let version = 1;
    assert.deepEqual(engine.analyze(file.uri, TAINT_ONLY).findings, fresh(text));
    for (const e of edits) {
      // A line index, not a fraction: every line is as likely (see moved-fix-edits.test.ts).
      const line = e.line % doc.lines.lineCount;
      const start = doc.lines.offsetAt({ line, character: e.col });
      const end = Math.min(text.length, start + e.del);
      const pos = doc.lines.positionAt.bind(doc.lines);
      engine.change(file.uri, [{ range: { start: pos(start), end: pos(end) }, text: e.ins }], ++version);
      text = text.slice(0, start) + e.ins + text.slice(end);
      assert.equal(doc.text, text);
      assert.deepEqual(engine.analyze(file.uri, TAINT_ONLY).findings, fresh(text), JSON.stringify(edits));
    }
  } finally {
    engine.close(file.uri);
  }
}

/**
 * A result's request-input findings as `<rule>@<line>`: the library-input rules, which read public functions'
 * parameters whatever registers them, are left out (they have fixtures of their own).
 */
export const handlerFindingIds = (r: { findings: readonly Finding[] }): string[] => r.findings.filter((f) => !f.ruleId.includes('.library-input')).map((f) => `${f.ruleId}@${f.range.start.line}`);

/** Everything a finding says, as one string: two runs agree when their findings' keys do. */
export const findingKey = (f: Finding): string => JSON.stringify([f.ruleId, f.range, f.message, f.trace, f.fixes, f.properties]);

const ROOT = join(__dirname, '..', '..');
const EXTENSION = { javascript: 'js', typescript: 'ts', python: 'py', java: 'java', go: 'go' } as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/**
 * Code to compare two ways of running the taint pack on: every taint rule fixture of `languages` (expected-fix
 * files left out), two generated 300-line applications per language, and this project's own TypeScript under
 * `ownDir` (relative to the repository).
 */
export function taintCorpus(languages: readonly (keyof typeof EXTENSION)[], ownDir: string): { path: string; text: string }[] {
  const exts = new Set(languages.flatMap((l) => (l === 'typescript' ? ['.ts', '.tsx'] : [`.${EXTENSION[l]}`])));
  const fixtures = findFixtures(join(ROOT, 'rules', 'taint'))
    .filter((f) => !f.includes('.fixed.') && exts.has(extname(f)))
    .map((f) => ({ path: f, text: readFileSync(f, 'utf8') }));
  const generated = languages.flatMap((lang, i) => [1, 2].map((seed) => ({ path: `/gen/app${i}${seed}.${EXTENSION[lang]}`, text: generateFile(lang, 300, seed + i).text })));
  const own = filesUnder(join(ROOT, ownDir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ path: f, text: readFileSync(f, 'utf8') }));
  return [...fixtures, ...generated, ...own];
}
