/**
 * One dataflow pass for the rules that share sources, sanitizers and propagators: the findings (rule, range,
 * message, trace, fixes) and the cross-file summaries are exactly those of one pass per rule, on every rule
 * fixture and on generated application code, at normal and audit strictness; and a unit is analysed once per
 * pass, not once per rule (counters, not time).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { buildExportIndex, createTaintAnalyzer, TaintAnalyzer, type ExportSummary } from '../../server/src/engine/taint';
import { loadTaintRuleSet } from '../../server/src/engine/taint/rule-set';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { findFixtures } from '../rules/rule-fixtures';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, maxFileSize: 5_000_000, packs: { taint: true, secrets: false, config: false, dependencies: false } };
const audit = { ...settings, strictness: 'audit' as const };

let grouped: TaintAnalyzer;
let perRule: TaintAnalyzer;
let g: Engine;
let p: Engine;

before(async () => {
  grouped = createTaintAnalyzer().analyzer;
  const single = createTaintAnalyzer();
  perRule = single.analyzer;
  perRule.groupRules = false;
  g = await Engine.create({ analyzers: [grouped] });
  p = await Engine.create({ analyzers: [perRule] });
});
after(() => {
  g.dispose();
  p.dispose();
});

const key = (f: Finding): string => JSON.stringify([f.ruleId, f.range, f.message, f.trace, f.fixes, f.properties]);

const TAINT_EXT = new Set(['.js', '.ts', '.tsx', '.py', '.java', '.go']);

function cases(): { path: string; text: string }[] {
  const fixtures = findFixtures(join(__dirname, '..', '..', 'rules', 'taint'))
    .filter((f) => !f.includes('.fixed.') && TAINT_EXT.has(extname(f)))
    .map((f) => ({ path: f, text: readFileSync(f, 'utf8') }));
  const generated = (['javascript', 'typescript', 'python'] as const).flatMap((lang, i) =>
    [1, 2].map((seed) => ({ path: `/gen/app${i}${seed}.${lang === 'python' ? 'py' : lang === 'typescript' ? 'ts' : 'js'}`, text: generateFile(lang, 300, seed + i).text })),
  );
  return [...fixtures, ...generated];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('taint passes: rules grouped into one dataflow pass', () => {
  it('give the findings of one pass per rule on every fixture and generated file, at normal and audit strictness', () => {
    let compared = 0;
    let passesGrouped = 0;
    let passesSingle = 0;
    for (const { path, text } of cases()) {
      const lang = languageIdForPath(path);
      for (const s of [settings, audit]) {
        const g0 = grouped.stats.passes;
        const p0 = perRule.stats.passes;
        const a = g.scanText(path, lang, text, s);
        const b = p.scanText(path, lang, text, s);
        passesGrouped += grouped.stats.passes - g0;
        passesSingle += perRule.stats.passes - p0;
        assert.deepEqual(a.notices, b.notices, path);
        assert.deepEqual(a.findings.map(key), b.findings.map(key), `${path} (${s.strictness ?? 'normal'})`);
        compared += a.findings.length;
      }
    }
    assert.ok(compared > 500, `compared ${compared} findings`);
    assert.ok(passesGrouped * 5 < passesSingle * 3, `${passesGrouped} passes grouped, ${passesSingle} one per rule`);
  });

  it('give the same cross-file summaries and cross-file findings', () => {
    for (const project of ['cross-file-js', 'cross-file-py', 'cross-file-java', 'cross-file-go']) {
      const dir = join(__dirname, '..', 'fixtures', 'projects', project);
      const list = files(dir).filter((f) => TAINT_EXT.has(extname(f)));
      const summaries = (a: TaintAnalyzer, e: Engine): ExportSummary[] =>
        list.flatMap((f) => {
          const doc = e.open(`x:${f}`, f, languageIdForPath(f), readFileSync(f, 'utf8'));
          try {
            return a.summarizeExports(doc);
          } finally {
            e.close(`x:${f}`);
          }
        });
      const sg = summaries(grouped, g);
      const sp = summaries(perRule, p);
      assert.ok(sg.some((s) => Object.keys(s.rules).length > 0), `${project}: some summaries`);
      assert.deepEqual(sg, sp, project);
      grouped.setExportIndex(buildExportIndex(sg));
      perRule.setExportIndex(buildExportIndex(sp));
      try {
        let n = 0;
        for (const f of list) {
          for (const s of [settings, audit]) {
            const text = readFileSync(f, 'utf8');
            const a = g.scanText(f, languageIdForPath(f), text, s).findings.map(key);
            assert.deepEqual(a, p.scanText(f, languageIdForPath(f), text, s).findings.map(key), f);
            n += a.length;
          }
        }
        assert.ok(n > 0, `${project}: cross-file findings`);
      } finally {
        grouped.setExportIndex(undefined);
        perRule.setExportIndex(undefined);
      }
    }
  });

  // A pass runs until all its rules' summaries settle: a rule's findings must not depend on how many rounds that
  // took. `request.GET.get(...)` resolves by name to the file's `Helper.get`; round 0 read it as unknown (the
  // receiver's flow passed with its label grown to the call) and later rounds as known and empty (`request.GET`), so
  // `eval`'s sink in `Helper.get`, which makes the shared pass run a second round, changed `subprocess-shell`'s
  // message (session 16). Round 0 now reads every unit of the file as empty, what a settled empty one reads as.
  it('give a rule the same message whatever rules share its pass (round 0 and an empty summary agree)', () => {
    const text = [
      'import subprocess',
      'from django.http import HttpResponse',
      '',
      '',
      'class Helper:',
      '    def get(self, code):',
      '        eval(code)',
      '',
      '',
      'def view(request):',
      '    header = request.GET.get("h", "")',
      '    subprocess.call(header, shell=True)',
      '    return HttpResponse("ok")',
      '',
    ].join('\n');
    const a = g.scanText('/t/view.py', 'python', text, settings).findings.map(key);
    assert.equal(a.length, 1);
    assert.deepEqual(a, p.scanText('/t/view.py', 'python', text, settings).findings.map(key));
  });

  it('analyse each unit once per pass: rules differing only in sinks share one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-passes-'));
    try {
      // Five rules, three distinct (sources, sanitizers) sets: a and b share theirs, e repeats a's.
      const rule = (id: string, source: string, sanitizer: string, sink: string): string =>
        [
          `  - id: ${id}`,
          `    name: ${id}`,
          `    description: test rule ${id}`,
          `    languages: [javascript]`,
          `    severity: high`,
          `    cwe: [CWE-20]`,
          `    message: "$SOURCE reaches $SINK"`,
          `    sources: [{ pattern: '${source}' }]`,
          `    sanitizers: [{ pattern: '${sanitizer}($X)' }]`,
          `    sinks: [{ pattern: '${sink}($X)', focus: $X }]`,
        ].join('\n');
      writeFileSync(
        join(dir, 'rules.yml'),
        ['rules:', rule('t.a', 'input()', 'clean', 'sinkA'), rule('t.b', 'input()', 'clean', 'sinkB'), rule('t.c', 'input()', 'scrub', 'sinkC'), rule('t.d', 'other()', 'clean', 'sinkD'), rule('t.e', 'input()', 'clean', 'sinkE')].join('\n') + '\n',
      );
      const { set, errors } = loadTaintRuleSet(dir);
      assert.deepEqual(errors, []);
      const a = new TaintAnalyzer(set);
      const engine = await Engine.create({ analyzers: [a] });
      try {
        const fns = 50;
        const body = Array.from({ length: fns }, (_, i) => `function f${i}(x) {\n  const y = ${i};\n  return y;\n}`).join('\n');
        const text = `const v = input() + other();\nsinkA(v); sinkB(clean(v)); sinkC(scrub(v)); sinkD(v); sinkE(v);\n${body}\n`;
        const u0 = a.stats.unitsAnalyzed;
        const found = engine.scanText('/t/a.js', 'javascript', text, settings).findings;
        const perUnit = (a.stats.unitsAnalyzed - u0) / (fns + 1);
        assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.character]), [['t.a', 6], ['t.d', 50], ['t.e', 60]]);
        assert.equal(perUnit, 3, `each unit analysed ${perUnit} times; 3 passes for 5 rules`);
        // Where no sanitizer can match (the file names neither), t.c's flows are t.a's: one pass fewer.
        const u1 = a.stats.unitsAnalyzed;
        const other = engine.scanText('/t/b.js', 'javascript', text.replace('sinkB(clean(v)); sinkC(scrub(v));', 'sinkB(v); sinkC(v);'), settings).findings;
        assert.deepEqual(other.map((f) => [f.ruleId, f.range.start.character]), [['t.a', 6], ['t.b', 16], ['t.c', 26], ['t.d', 36], ['t.e', 46]]);
        assert.equal((a.stats.unitsAnalyzed - u1) / (fns + 1), 2);
      } finally {
        engine.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('group rules by the patterns that can match: sources in another order, or with a request alias word and a missing one, share a pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-passes-'));
    try {
      const rule = (id: string, sources: string[], sink: string): string =>
        [
          `  - id: ${id}`,
          `    name: ${id}`,
          `    description: test rule ${id}`,
          `    languages: [javascript]`,
          `    severity: high`,
          `    cwe: [CWE-20]`,
          `    message: "$SOURCE reaches $SINK"`,
          `    sources: [${sources.join(', ')}]`,
          `    sinks: [{ pattern: '${sink}($X)', focus: $X }]`,
        ].join('\n');
      const input = `{ pattern: 'input()' }`;
      const read = `{ pattern: 'read()' }`;
      const labelled = `{ pattern: 'read()', label: 'stdin' }`;
      writeFileSync(
        join(dir, 'rules.yml'),
        [
          // A handler whose request alias is `req`: a pattern with that word matches a request parameter of any name.
          'handlers:',
          '  t-route:',
          '    languages: [javascript]',
          '    call: $APP.get($PATH, $HANDLER)',
          '    request-param: 0',
          '    alias: req',
          'rules:',
          rule('t.a', [input, read], 'sinkA'),
          // The same sources in another order: `sourceAt` taints a node alike whichever matches first.
          rule('t.b', [read, input], 'sinkB'),
          // `req.neverwritten` cannot match in a file without `neverwritten`, alias or not.
          rule('t.c', [input, `{ pattern: 'req.neverwritten' }`, read], 'sinkC'),
          // A labelled source names the flow: which one matches first decides the label, so order keeps these apart.
          rule('t.d', [labelled, input], 'sinkD'),
          rule('t.e', [input, labelled], 'sinkE'),
        ].join('\n') + '\n',
      );
      const { set, errors } = loadTaintRuleSet(dir);
      assert.deepEqual(errors, []);
      const one = new TaintAnalyzer(set);
      const each = new TaintAnalyzer(set);
      each.groupRules = false;
      const e1 = await Engine.create({ analyzers: [one] });
      const e2 = await Engine.create({ analyzers: [each] });
      try {
        const fns = 40;
        const body = Array.from({ length: fns }, (_, i) => `function f${i}(x) {\n  const y = ${i};\n  return y;\n}`).join('\n');
        const text = `const v = input() + read();\nsinkA(v); sinkB(v); sinkC(v); sinkD(v); sinkE(v);\n${body}\n`;
        const u0 = one.stats.unitsAnalyzed;
        const found = e1.scanText('/t/a.js', 'javascript', text, settings).findings;
        assert.equal((one.stats.unitsAnalyzed - u0) / (fns + 1), 3, 'passes: {t.a, t.b, t.c}, {t.d}, {t.e}');
        assert.deepEqual(found.map(key), e2.scanText('/t/a.js', 'javascript', text, settings).findings.map(key));
        assert.deepEqual(found.map((f) => f.ruleId), ['t.a', 't.b', 't.c', 't.d', 't.e']);
        // With its word written, `req.neverwritten` can match: t.c has a pass of its own.
        const u1 = one.stats.unitsAnalyzed;
        const more = text.replace('const v', '// neverwritten\nconst v');
        assert.deepEqual(e1.scanText('/t/b.js', 'javascript', more, settings).findings.map(key), e2.scanText('/t/b.js', 'javascript', more, settings).findings.map(key));
        assert.equal((one.stats.unitsAnalyzed - u1) / (fns + 1), 4);
      } finally {
        e1.dispose();
        e2.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
