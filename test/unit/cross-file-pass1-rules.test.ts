/**
 * Pass 1 of the workspace scan summarises, per imported file, only the rules a flow can start for in a file that may
 * read its summaries (pass 0: `TaintAnalyzer.rulesStartingIn` on its importers and the files they import). Exact
 * because a rule's summaries do not depend on the other rules summarised with it (compared rule by rule, on every
 * cross-file project fixture), and because pass 2 then finds the same as with every rule summarised (in-process, on
 * every cross-file project; and through the pool on a project whose flow starts in a file imported beside the one
 * with the sink, which an importers-only union would lose).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { importedFiles, mayImportFrom } from '../../server/src/engine/scan/import-graph';
import { walkFiles } from '../../server/src/engine/scan/file-walker';
import { scanFiles } from '../../server/src/engine/scan/scan-pool';
import { buildExportIndex, createTaintAnalyzer, type ExportSummary, type TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { findingKey } from './taint-test-engine';

const PROJECTS = join(__dirname, '..', 'fixtures', 'projects');
const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let taint: TaintAnalyzer;
let engine: Engine;

before(async () => {
  taint = createTaintAnalyzer().analyzer;
  engine = await Engine.create({ analyzers: [taint] });
});
after(() => engine.dispose());

/** The files of a project fixture with a language, by real path (the import graph reads them). */
function projectFiles(name: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const full = join(dir, e);
      if (statSync(full).isDirectory()) walk(full);
      else if (languageIdForPath(full) !== 'plaintext') out.push(full);
    }
  };
  walk(join(PROJECTS, name));
  return out;
}

const projects = readdirSync(PROJECTS).filter((n) => n.startsWith('cross-file-') && n !== 'cross-file-faults');

/** Runs `f` on the document of `path`, opened under `scheme`. */
function withDoc<T>(scheme: string, path: string, f: (doc: ReturnType<Engine['open']>) => T): T {
  const uri = `${scheme}:${path}`;
  const doc = engine.open(uri, path, languageIdForPath(path), readFileSync(path, 'utf8'));
  try {
    return f(doc);
  } finally {
    engine.close(uri);
  }
}

/** Each export's summary for one rule, by export: what pass 2 reads of that rule. */
function ofRule(summaries: ExportSummary[], rule: string): Record<string, unknown> {
  return Object.fromEntries(summaries.flatMap((s) => (s.rules[rule] ? [[s.name, s.rules[rule]]] : [])));
}

describe('pass 1 narrowed to the rules its readers can start', () => {
  it("a rule's summaries are the same whether pass 1 summarises every rule or that rule alone, on every cross-file project", () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const name of projects) {
      for (const path of projectFiles(name)) {
        withDoc('vigil-summary', path, (doc) => {
          const full = taint.summarizeExports(doc);
          const ids = new Set((taint.compiledFor(doc)?.rules ?? []).filter((r) => r.spec.kind === 'taint').map((r) => r.spec.id));
          for (const id of ids) {
            const alone = taint.summarizeExports(doc, undefined, new Set([id]));
            // The rule alone gives only its own entries, equal to those it had beside every other rule; but what the
            // file stores on a request, which is for every rule starting in it (`ExportSummary.requestWriters`).
            assert.deepEqual(alone.filter((s) => !s.requestWriters).flatMap((s) => Object.keys(s.rules)).filter((r) => r !== id), [], `${path} ${id}`);
            assert.deepEqual(ofRule(alone, id), ofRule(full, id), `${path} ${id}`);
            compared++;
            if (Object.keys(ofRule(full, id)).length > 0) nonEmpty++;
          }
        });
      }
    }
    assert.ok(compared > 500, `${compared} rule × file pairs compared`);
    assert.ok(nonEmpty >= 15, `${nonEmpty} with summaries`);
  });

  it('pass 2 finds the same with pass 1 narrowed to its readers\' rules as with every rule summarised, on every cross-file project', async () => {
    let findings = 0;
    let narrowed = 0;
    for (const name of projects) {
      const files = projectFiles(name);
      const graph = await importedFiles(files.map((path) => ({ path, languageId: languageIdForPath(path) })));
      assert.ok(graph);
      const starts = new Map(files.map((f) => [f, withDoc('vigil-starts', f, (doc) => taint.rulesStartingIn(doc))]));
      const rulesFor = (path: string): ReadonlySet<string> | undefined => {
        const readers = graph.get(path)?.readers;
        if (!readers) return undefined;
        const out = new Set<string>();
        for (const r of readers) {
          const own = starts.get(r);
          if (!own) return undefined;
          for (const id of own) out.add(id);
        }
        return out;
      };
      const pass1 = (narrow: boolean): ExportSummary[] =>
        files
          .filter((f) => graph.has(f))
          .flatMap((f) => withDoc('vigil-summary', f, (doc) => taint.summarizeExports(doc, graph.get(f)!.called, narrow ? rulesFor(f) : undefined)))
          .filter((s) => Object.keys(s.rules).length > 0);
      const pass2 = (summaries: ExportSummary[]): string[][] => {
        const index = summaries.length > 0 ? buildExportIndex(summaries) : undefined;
        return files.map((f) => {
          const text = readFileSync(f, 'utf8');
          taint.setExportIndex(index && mayImportFrom(index, f, languageIdForPath(f), text) ? index : undefined);
          try {
            const r = engine.scanText(f, languageIdForPath(f), text, settings);
            return [...r.findings.map(findingKey), ...r.notices.map((n) => JSON.stringify(n))];
          } finally {
            taint.setExportIndex(undefined);
          }
        });
      };
      const before = taint.stats.rulesSummarised;
      const every = pass1(false);
      const all = taint.stats.rulesSummarised - before;
      const some = pass1(true);
      if (taint.stats.rulesSummarised - before - all < all) narrowed++;
      const want = pass2(every);
      assert.deepEqual(pass2(some), want, name);
      findings += want.flat().length;
    }
    assert.ok(findings >= 15, `${findings} findings compared`);
    assert.ok(narrowed >= 3, `pass 1 narrowed on ${narrowed} projects`);
  });

  it('through the pool: a flow from a source in one imported file to a sink in another, in a file with neither, is found (the files imported beside the sink\'s count as readers)', async () => {
    const dir = join(PROJECTS, 'cross-file-py-sibling');
    const run = await scanFiles(walkFiles([{ root: dir }]).files, settings, { jobs: 1 });
    assert.deepEqual(run.failed, []);
    const found = run.results.flatMap((r) => r.findings.map((f) => [f.ruleId, r.file.relPath, f.range.start.line, f.properties?.calledFrom]));
    assert.deepEqual(found, [['py.sqli.string-query', 'app/db.py', 7, 'app/jobs.py:7']], 'at the sink in db.py, called from jobs.py');
    // jobs.py starts no flow for the rule by itself: only the union with inputs.py keeps db.py's summary of it.
    const jobs = withDoc('vigil-starts', join(dir, 'app', 'jobs.py'), (doc) => taint.rulesStartingIn(doc));
    assert.ok(jobs && !jobs.has('py.sqli.string-query'), [...(jobs ?? [])].join(', '));
  });
});
