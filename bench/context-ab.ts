/**
 * In-process A/B of the taint file context alone (`fileContext`, the per-edit rebuild of units, imports and
 * handlers) of two source trees: the same char edits (a digit typed after a digit and removed again, so the code
 * stays valid) applied to one document per tree, each tree's `fileContext` called with its own memo after each
 * edit, alternating which runs first; CPU ms per call and the contexts' imports and unit keys compared. For
 * docs/perf-notes-p95.md.
 *   node --import tsx bench/context-ab.ts --a /path/to/base --b . [--lang javascript] [--lines 3000] [--edits 200] [--seed 42]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/* eslint-disable @typescript-eslint/no-explicit-any -- two independently loaded copies of the engine */
async function load(dir: string): Promise<{ eng: any; ta: any; pattern: any; text: any; gen: any; lib: any; stats: any }> {
  const root = resolve(dir);
  const imp = (p: string): Promise<any> => import(pathToFileURL(`${root}/${p}`).href);
  const eng = await imp('server/src/engine/index.ts');
  const ta = await imp('server/src/engine/taint/taint-analyzer.ts');
  const pattern = await imp('server/src/engine/patterns/pattern.ts');
  return { eng, ta, pattern, text: await imp('server/src/engine/text.ts'), gen: await imp('bench/corpus/generate.ts'), lib: await imp('bench/lib/corpus.ts'), stats: {} };
}

async function main(): Promise<void> {
  const lang = arg('lang', 'javascript');
  const lines = Number(arg('lines', '3000'));
  const sides = [await load(arg('a', '.')), await load(arg('b', '.'))];
  const text = sides[0]!.gen.generateFile(lang, lines, 1000 + sides[0]!.lib.LANGUAGES.indexOf(lang)).text as string;
  const path = `/bench/app.${sides[0]!.gen.EXTENSIONS[lang]}`;
  const uri = `bench:${path}`;
  const docs = await Promise.all(
    sides.map(async (s) => {
      const { analyzers } = s.eng.createAnalyzers({});
      const taint = analyzers.find((a: any) => a instanceof s.eng.TaintAnalyzer);
      const engine = await s.eng.Engine.create({ analyzers });
      engine.open(uri, path, lang, text, 1);
      engine.analyze(uri, { ...s.eng.DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } });
      const doc = engine.get(uri);
      const memo = s.ta.newTaintSessionCache().context;
      const compiled = taint.compiledFor(doc);
      const stats = { contextFunctionsComputed: 0, contextNodesRead: 0, contextStatementsRead: 0, contextKeysBuilt: 0 };
      s.ta.fileContext(doc.tree, compiled, doc.text, doc.lines, memo, stats);
      for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] = 0;
      return { engine, doc, memo, compiled, stats, ms: [] as number[], prev: doc.text as string };
    }),
  );
  // Deterministic edit places: digits, picked with a seeded LCG.
  const digits: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits.push(i);
  let seed = Number(arg('seed', '42'));
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let version = 1;
  let differ = 0;
  const edits = Number(arg('edits', '200'));
  for (let e = 0; e < edits; e++) {
    const at = digits[Math.floor(next() * digits.length)]! + 1;
    version++;
    for (const [k, change] of [
      [0, { text: '7', del: 0 }],
      [1, { text: '', del: 1 }],
    ] as const) {
      const keys: string[] = [];
      const order = (e + k) % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const d = docs[i]!;
        const pos = d.doc.lines.positionAt(at);
        const end = d.doc.lines.positionAt(at + change.del);
        d.engine.change(uri, [{ range: { start: pos, end }, text: change.text }], version * 2 + k);
        const tree = d.doc.tree;
        // The node caches are per run (by node id): each call is a run on a new tree. The parse is not timed.
        sides[i]!.pattern.resetNodeCache();
        // The changed span the taint pack has from its words' update (a tree without the parameter ignores it).
        const since = { old: d.prev, span: sides[i]!.text.diffSpan(d.prev, d.doc.text) };
        d.prev = d.doc.text;
        const t0 = cpuMs();
        const ctx = sides[i]!.ta.fileContext(tree, d.compiled, d.doc.text, d.doc.lines, d.memo, d.stats, since);
        d.ms.push(cpuMs() - t0);
        keys[i] = JSON.stringify([[...ctx.imports], ctx.units.map((u: any) => u.key), ctx.importKey]);
      }
      if (keys[0] !== keys[1]) differ++;
    }
  }
  const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  console.log(`${lang}, ${lines} lines, ${edits * 2} edits: fileContext CPU ms (A = ${arg('a', '.')}, B = ${arg('b', '.')}); contexts differ after ${differ} edits`);
  docs.forEach((d, i) => {
    const n = d.ms.length;
    console.log(`  ${'AB'[i]}: median ${q(d.ms, 0.5).toFixed(2)} p95 ${q(d.ms, 0.95).toFixed(2)} mean ${(d.ms.reduce((a, b) => a + b, 0) / n).toFixed(2)}; per edit: keys built ${(d.stats.contextKeysBuilt / n).toFixed(1)}, statements read ${(d.stats.contextStatementsRead / n).toFixed(1)}, functions computed ${(d.stats.contextFunctionsComputed / n).toFixed(1)}`);
  });
}

void main();
