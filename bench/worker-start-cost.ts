/**
 * What each scan worker pays before its first file's analysis, in CPU, measured in this thread as a worker does it:
 * loading a grammar, building the packs from the pool's rule snapshot, then the first and a second file of the
 * language (the first compiles the language's rule patterns, on first use). Each added worker of a pool pays it
 * again: the floor of what a second job costs over one.
 *   node --import tsx bench/worker-start-cost.ts <file-of-the-language> [grammar]
 */
import { readFileSync } from 'node:fs';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, languageIdForPath } from '../server/src/engine';
import { builtinRulesSnapshot } from '../server/src/engine/analyzers';
import { seedRuleFolders } from '../server/src/engine/rule-folder';
import type { GrammarId } from '../server/src/engine/languages';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: worker-start-cost.ts <file> [grammar]');
  const grammar = (process.argv[3] ?? 'python') as GrammarId;
  const cpu = (f: () => unknown): number => {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    return Math.round((d.user + d.system) / 1000);
  };
  // The pool's thread reads the rules once for every worker: not a worker's cost.
  const snapshot = builtinRulesSnapshot();
  const c0 = process.cpuUsage();
  const loaded = await Engine.create({ analyzers: [], grammars: [grammar] });
  const g = process.cpuUsage(c0);
  let setup: ReturnType<typeof createAnalyzers> | undefined;
  const packs = cpu(() => {
    seedRuleFolders(snapshot);
    setup = createAnalyzers({});
  });
  const engine = Engine.withGrammars(loaded.grammars, setup!.analyzers);
  const text = readFileSync(file, 'utf8');
  const lang = languageIdForPath(file);
  const first = cpu(() => engine.scanText(file, lang, text, DEFAULT_SETTINGS));
  const second = cpu(() => engine.scanText(file, lang, text, DEFAULT_SETTINGS));
  console.log(`grammar ${grammar}: ${Math.round((g.user + g.system) / 1000)} ms; packs from the snapshot: ${packs} ms; first scan of ${file}: ${first} ms; the same file again: ${second} ms`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
