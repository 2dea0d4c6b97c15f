/**
 * Passes with no possible source in a file are not run (`TaintAnalyzer.skipSourceless`): the findings and notices
 * are exactly those of running every pass, on every rule fixture, on generated application code and on this
 * project's own sources (at normal strictness; audit on the cross-file projects), and over edits that bring a
 * source in and take it out; and a file without sources runs no pass (counters, not time). A one-shot scan
 * (`scanText`) leaves such a file out before grouping its rules into passes (`sourcelessOneShot`): the same
 * findings and notices as an open document's run, which groups them and leaves out each pass. With other files'
 * summaries (the workspace scan's second pass) only a source one of them returns brings the passes back: the same
 * findings as running every pass, on every cross-file project fixture.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFile } from '../../bench/corpus/generate';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { buildExportIndex, createTaintAnalyzer, type ExportSummary, type TaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { findingKey, taintCorpus } from './taint-test-engine';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, maxFileSize: 5_000_000, packs: { taint: true, secrets: false, config: false, dependencies: false } };
const audit = { ...settings, strictness: 'audit' as const };

let skipping: TaintAnalyzer;
let all: TaintAnalyzer;
let s: Engine;
let a: Engine;

before(async () => {
  skipping = createTaintAnalyzer().analyzer;
  all = createTaintAnalyzer().analyzer;
  all.skipSourceless = false;
  s = await Engine.create({ analyzers: [skipping] });
  a = await Engine.create({ analyzers: [all] });
});
after(() => {
  s.dispose();
  a.dispose();
});


describe('taint passes without a possible source', () => {
  // At normal strictness only: an audit run is the normal run (skipping as here) plus an audit run, which never skips
  // (its rules are audit rules, `sourcelessOneShot`), so audit here would repeat this comparison at three times the
  // cost (the audit reading of this project's sources is most of this suite's time). Audit is compared on the
  // cross-file projects below and in the tests further down.
  it('are left out with the findings and notices of running them, on fixtures, generated and real code', () => {
    let compared = 0;
    let skipped = 0;
    let wholeFiles = 0;
    let ran = 0;
    for (const { path, text } of taintCorpus(['javascript', 'typescript', 'python', 'java', 'go'], 'server/src/engine/taint')) {
      const lang = languageIdForPath(path);
      // An open document's run: its rules grouped into passes, each pass left out or run.
      const uri = `file://${path}`;
      s.open(uri, path, lang, text);
      const k0 = skipping.stats.passesSkipped;
      const open = s.analyze(uri, settings);
      s.close(uri);
      skipped += skipping.stats.passesSkipped - k0;
      // A one-shot scan: a file where no flow can start is left out whole, before grouping.
      const f0 = skipping.stats.sourcelessFiles;
      const r0 = skipping.stats.passes;
      const x = s.scanText(path, lang, text, settings);
      wholeFiles += skipping.stats.sourcelessFiles - f0;
      ran += skipping.stats.passes - r0;
      const y = a.scanText(path, lang, text, settings);
      for (const [got, what] of [[x, 'one-shot'], [open, 'open document']] as const) {
        assert.deepEqual(got.notices, y.notices, `${path} (${what})`);
        assert.deepEqual(got.findings.map(findingKey), y.findings.map(findingKey), `${path} (${what})`);
      }
      compared += x.findings.length;
    }
    assert.equal(all.stats.passesSkipped + all.stats.sourcelessFiles, 0, 'the switch turns the skip off');
    assert.ok(compared > 500, `compared ${compared} findings`);
    assert.ok(skipped > 200 && wholeFiles > 20 && ran > 500, `${skipped} passes left out (open documents), ${wholeFiles} files left out whole (one-shot), ${ran} passes run (one-shot)`);
  });

  it('a sink without a source runs no pass; a source, a handler parameter or audit strictness brings the pass back', () => {
    const run = (text: string, st = settings, path = '/x/app.js'): { findings: Finding[]; skipped: number; passes: number; whole: number } => {
      const k0 = skipping.stats.passesSkipped;
      const p0 = skipping.stats.passes;
      const f0 = skipping.stats.sourcelessFiles;
      const r = s.scanText(path, languageIdForPath(path), text, st);
      return { findings: r.findings, skipped: skipping.stats.passesSkipped - k0, passes: skipping.stats.passes - p0, whole: skipping.stats.sourcelessFiles - f0 };
    };
    const sinkOnly = "const cp = require('child_process');\nfunction run(cmd) {\n  cp.exec('ls ' + cmd);\n}\nrun(readConfig().dir);\n";
    const none = run(sinkOnly);
    assert.equal(none.whole, 1, 'the file is left out whole (one-shot), its command-injection pass with it');
    assert.equal(none.passes, 0);
    assert.deepEqual(none.findings, []);
    // The same sink fed from a source in another function: found through the summary of `run`.
    const withSource = run(`${sinkOnly}run(req.query.dir);\n`);
    assert.ok(withSource.passes > 0);
    assert.ok(withSource.findings.some((f) => f.ruleId === 'js.cmdi.child-process'), JSON.stringify(withSource.findings.map((f) => f.ruleId)));
    // A framework handler's request parameter, named otherwise, is matched by the source patterns under its alias.
    const handler = run("const express = require('express');\nconst cp = require('child_process');\nconst app = express();\napp.get('/p', (rq, res) => {\n  cp.exec('ping ' + rq.query.host);\n});\n");
    assert.ok(handler.passes > 0);
    assert.ok(handler.findings.some((f) => f.ruleId === 'js.cmdi.child-process'));
    // Audit passes also report sinks with no traced source: never left out.
    const auditRun = run(`${sinkOnly}run(process.argv[2]);\n`, audit);
    assert.ok(auditRun.passes > 0);
    assert.ok(auditRun.findings.some((f) => f.ruleId === 'js.cmdi.child-process'));
  });

  it('walks an open file for sources again only while its last run skipped a pass', () => {
    const edits = (uri: string, path: string, text: string): { walks: number; skipped: number; passes: number } => {
      s.open(uri, path, 'javascript', text);
      s.analyze(uri, settings);
      const w0 = skipping.stats.sourceWalks;
      const k0 = skipping.stats.passesSkipped;
      const p0 = skipping.stats.passes;
      try {
        // Five one-character edits at the end of the text (a comment grows), each analysed.
        for (let i = 0; i < 5; i++) {
          const line = text.split('\n').length + i - 1;
          s.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `// ${i}\n` }], i + 2);
          s.analyze(uri, settings);
        }
        return { walks: skipping.stats.sourceWalks - w0, skipped: skipping.stats.passesSkipped - k0, passes: skipping.stats.passes - p0 };
      } finally {
        s.close(uri);
      }
    };
    // A file whose last run found its sources: edits run every pass without walking the file again.
    const withSource = edits('file:///x/handler.js', '/x/handler.js', generateFile('javascript', 300, 3).text);
    assert.equal(withSource.walks, 0, 'no source walk after a run that skipped nothing');
    assert.equal(withSource.skipped, 0);
    // A file with a sink and no source: each run checks again, and its passes stay left out.
    const lib = "const cp = require('child_process');\nfunction run(cmd) {\n  cp.exec('ls ' + cmd);\n}\n";
    const without = edits('file:///x/lib.js', '/x/lib.js', lib);
    assert.ok(without.skipped > 0, 'passes left out');
    assert.ok(without.walks > 0, 'the file is walked again while passes are left out');
  });

  it('over edits that add and remove the source, an open document gives what a fresh scan gives', async () => {
    const base = "const cp = require('child_process');\nfunction run(cmd) {\n  cp.exec('ls ' + cmd);\n}\n";
    const texts = [base, `${base}run(req.query.dir);\n`, base, `${base}run(readConfig());\n`, `${base}run(req.body);\n`, `${base}run(req.body);\nrun(1);\n`, base];
    const uri = 'file:///x/edit.js';
    s.open(uri, '/x/edit.js', 'javascript', texts[0]!);
    let found = 0;
    try {
      for (const [i, text] of texts.entries()) {
        if (i > 0) s.change(uri, [{ text }], i + 1);
        const live = s.analyze(uri, settings).findings.map(findingKey);
        const fresh = a.scanText('/x/edit.js', 'javascript', text, settings).findings.map(findingKey);
        assert.deepEqual(live, fresh, `edit ${i}`);
        found += live.length;
      }
    } finally {
      s.close(uri);
    }
    assert.ok(found >= 3, `${found} findings over the edits`);
  });

  it('the source walk stops once every pass has a source; a file without one is walked whole', () => {
    const tried = (text: string): { tried: number; skipped: number; findings: number } => {
      const t0 = skipping.stats.sourceNodesTried;
      // A one-shot scan leaves a file with no source out whole (`sourcelessFiles`) before it builds passes to skip.
      const k0 = skipping.stats.passesSkipped + skipping.stats.sourcelessFiles;
      const r = s.scanText('/x/walk.js', 'javascript', text, settings);
      return { tried: skipping.stats.sourceNodesTried - t0, skipped: skipping.stats.passesSkipped + skipping.stats.sourcelessFiles - k0, findings: r.findings.length };
    };
    // 2,000 lines of calls and member reads after the source: none of them needs trying.
    const body = Array.from({ length: 2000 }, (_, i) => `cp.exec(cfg.dir${i} + other(x${i}).y);`).join('\n');
    const early = tried(`const cp = require('child_process');\nconst dir = req.query.dir;\ncp.exec(dir);\n${body}\n`);
    assert.equal(early.skipped, 0);
    assert.ok(early.findings > 0);
    assert.ok(early.tried < 50, `${early.tried} nodes tried before the source was found`);
    // The same code with no source but a source's words (in a comment): every node of the sources' types is tried,
    // and the passes are left out.
    const whole = tried(`// req query\nconst cp = require('child_process');\ncp.exec(dir);\n${body}\n`);
    assert.ok(whole.skipped > 0);
    assert.ok(whole.tried > 10_000, `${whole.tried} nodes tried`);
    // Without them no source can match (see `occurringSources`): no node is tried.
    const none = tried(`const cp = require('child_process');\ncp.exec(dir);\n${body}\n`);
    assert.ok(none.skipped > 0);
    assert.equal(none.tried, 0);
  });

  /** Every file of a cross-file project fixture: its path (as if at /ws) and text. */
  const projectFiles = (name: string): { path: string; text: string }[] => {
    const root = join(__dirname, '..', 'fixtures', 'projects', name);
    const out: { path: string; text: string }[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir).sort()) {
        const full = join(dir, e);
        if (statSync(full).isDirectory()) walk(full);
        else out.push({ path: `/ws/${name}/${full.slice(root.length + 1)}`, text: readFileSync(full, 'utf8') });
      }
    };
    walk(root);
    return out.filter((f) => languageIdForPath(f.path) !== 'plaintext');
  };

  /** Runs `f` with the export index of `summaries` set on both analyzers. */
  const withIndex = <T>(summaries: ExportSummary[], f: () => T): T => {
    const index = buildExportIndex(summaries);
    skipping.setExportIndex(index);
    all.setExportIndex(index);
    try {
      return f();
    } finally {
      skipping.setExportIndex(undefined);
      all.setExportIndex(undefined);
    }
  };

  const summariesOf = (files: { path: string; text: string }[]): ExportSummary[] =>
    files.flatMap(({ path, text }) => {
      const uri = `vigil-summary:${path}`;
      const doc = a.open(uri, path, languageIdForPath(path), text);
      try {
        return all.summarizeExports(doc).filter((x) => Object.keys(x.rules).length > 0);
      } finally {
        a.close(uri);
      }
    });

  it("with other files' summaries, are left out where none returns a source: the findings of running them, on the cross-file projects", () => {
    const projects = readdirSync(join(__dirname, '..', 'fixtures', 'projects')).filter((n) => n.startsWith('cross-file-') && n !== 'cross-file-faults');
    let compared = 0;
    let whole = 0;
    let indexed = 0;
    for (const name of projects) {
      const files = projectFiles(name);
      const summaries = summariesOf(files);
      if (summaries.length > 0) indexed++;
      withIndex(summaries, () => {
        for (const { path, text } of files) {
          const lang = languageIdForPath(path);
          for (const st of [settings, audit]) {
            const f0 = skipping.stats.sourcelessFiles + skipping.stats.passesSkipped;
            const x = s.scanText(path, lang, text, st);
            whole += skipping.stats.sourcelessFiles + skipping.stats.passesSkipped - f0;
            const y = a.scanText(path, lang, text, st);
            assert.deepEqual(x.notices, y.notices, path);
            assert.deepEqual(x.findings.map(findingKey), y.findings.map(findingKey), `${path} (${st.strictness ?? 'normal'})`);
            compared += x.findings.length;
          }
        }
      });
    }
    assert.ok(indexed >= 8, `${indexed} projects with summaries`);
    assert.ok(compared >= 20 && whole >= 10, `${compared} findings compared, ${whole} files or passes left out`);
  });

  it("an imported function's sinks and returns start no flow; a source it returns does", () => {
    const lib = 'import subprocess\nfrom flask import request\n\ndef run_tool(arg):\n    subprocess.run("tool " + arg, shell=True)\n\ndef same(x):\n    return x\n\ndef query():\n    return request.args["q"]\n';
    const summaries = summariesOf([{ path: '/ws/pkg/tools.py', text: lib }]);
    assert.deepEqual(summaries.map((x) => x.name).sort(), ['query', 'run_tool', 'same']);
    const run = (text: string): { passes: number; whole: number; rules: string[] } =>
      withIndex(summaries, () => {
        const p0 = skipping.stats.passes;
        const f0 = skipping.stats.sourcelessFiles;
        const r = s.scanText('/ws/pkg/job.py', 'python', text, settings);
        const full = a.scanText('/ws/pkg/job.py', 'python', text, settings);
        assert.deepEqual(r.findings.map(findingKey), full.findings.map(findingKey));
        return { passes: skipping.stats.passes - p0, whole: skipping.stats.sourcelessFiles - f0, rules: r.findings.map((f) => f.ruleId) };
      });
    // A constant through `same` into the imported sink: no source here nor in tools.py's returns, no pass.
    const none = run('from .tools import run_tool, same\n\ndef job():\n    run_tool(same("ls"))\n');
    assert.deepEqual(none, { passes: 0, whole: 1, rules: [] });
    // `query()` returns request input: the file's passes run, and the flow into `run_tool` is found.
    const found = run('from .tools import run_tool, query\n\ndef job():\n    run_tool(query())\n');
    assert.ok(found.passes > 0 && found.whole === 0, JSON.stringify(found));
    assert.deepEqual(found.rules, ['py.cmdi.subprocess-shell']);
  });
});
