/**
 * Audit strictness (`--strictness audit`, `vigil.strictness`): the rules' audit-only sources and flows through
 * unknown functions are reported, at low severity and labelled; normal strictness stays precise.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { validateRule } from '../../server/src/engine/taint/rule-schema';
import { DEFAULT_SETTINGS, type Finding, type Strictness } from '../../server/src/engine/types';
import { VigilSettings } from '../../server/src/shared/protocol';
import { cli, project } from './cli-helpers';

let engine: Engine;

before(async () => {
  const made = createTaintAnalyzer();
  assert.deepEqual(made.errors, []);
  engine = await Engine.create({ analyzers: [made.analyzer] });
});

function scan(strictness: Strictness | undefined, path: string, languageId: string, text: string): Finding[] {
  const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, ...(strictness ? { strictness } : {}) };
  // The library-input rules report exported parameters built into commands at every strictness (their own
  // fixtures test them); these tests are about what audit strictness adds to the other rules.
  return engine.scanText(path, languageId, text, settings).findings.filter((f) => f.pack === 'taint' && !f.ruleId.includes('.library-input'));
}

const JS_ARGV = `const { exec } = require('child_process');
exec('convert ' + process.argv[2] + ' out.png');
`;

const PY_UNKNOWN_FN = `import os
from flask import Flask, request
from helpers import tidy

app = Flask(__name__)

@app.route("/a")
def a():
    name = tidy(request.args["name"])
    os.system("ls " + name)
    os.system("cat " + request.args["f"])
    return "ok"
`;

const JAVA_PROCESS = `import java.nio.file.Files; import java.nio.file.Paths;
public class Tool {
    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().exec("convert " + args[0] + " out.png");
        String dir = System.getenv("DATA_DIR");
        Files.delete(Paths.get(dir, "cache"));
        Runtime.getRuntime().exec("echo fixed");
    }

    static void helper(String[] args) throws Exception {
        Runtime.getRuntime().exec("ls " + args[0]);
    }
}
`;


const JS_EXPORTED = `const { exec } = require('child_process');
module.exports.run = function (cmd) {
  exec('convert ' + cmd + ' out.png');
};
export function build(dir) {
  exec(\`make -C \${dir}\`);
}
exec('echo fixed');
exec('echo ' + 'joined');
`;

const PY_EXPORTED = `import os

def run(cmd):
    os.system("convert " + cmd)

def _helper(cmd):
    os.system("ls " + cmd)

os.system("echo " + "fixed")
`;

const GO_EXPORTED = `package tool

import "os/exec"

func Run(name string) {
	exec.Command("sh", "-c", "convert "+name).Run()
}
`;

const JS_NON_CONSTANT = `const { exec } = require('child_process');
const cp = require('child_process');
function helper(x) {
  exec(x);
}
const y = pick();
exec(\`echo \${y}\`);
exec('ls');
exec(('a' + 'b'));
`;

const JS_TRACED = `const express = require('express');
const { exec } = require('child_process');
const app = express();
app.get('/a', (req, res) => {
  exec('ls ' + req.query.dir);
  run(req.query.cmd);
  res.send('ok');
});
function run(c) {
  exec(c);
}
`;

describe('taint strictness', () => {
  it('normal (the default) reports no flow from process arguments; audit reports it at low severity, labelled', () => {
    assert.deepEqual(scan(undefined, '/t/cli.js', 'javascript', JS_ARGV), []);
    assert.deepEqual(scan('normal', '/t/cli.js', 'javascript', JS_ARGV), []);
    const audit = scan('audit', '/t/cli.js', 'javascript', JS_ARGV);
    assert.equal(audit.length, 1);
    const [f] = audit;
    assert.equal(f!.ruleId, 'js.cmdi.child-process');
    assert.equal(f!.severity, 'low');
    assert.match(f!.message, /^Audit: process\.argv/);
    assert.equal(f!.properties?.strictness, 'audit');
  });

  it('audit follows input through a function it does not know; a precise flow is reported once, unchanged', () => {
    const normal = scan('normal', '/t/app.py', 'python', PY_UNKNOWN_FN);
    assert.deepEqual(normal.map((f) => [f.range.start.line, f.severity]), [[10, 'critical']]);
    const audit = scan('audit', '/t/app.py', 'python', PY_UNKNOWN_FN);
    assert.deepEqual(
      audit.map((f) => [f.range.start.line, f.severity, f.message.startsWith('Audit: ')]).sort((x, y) => Number(x[0]) - Number(y[0])),
      [[9, 'low', true], [10, 'critical', false]],
    );
    const through = audit.find((f) => f.range.start.line === 9)!;
    assert.ok(through.trace?.some((s) => /passes through tidy\(\)/.test(s.message)), JSON.stringify(through.trace));
  });

  it('Java: main(String[] args) and System.getenv are audit-only sources; another method\'s args parameter is not', () => {
    assert.deepEqual(scan('normal', '/t/Tool.java', 'java', JAVA_PROCESS), []);
    const audit = scan('audit', '/t/Tool.java', 'java', JAVA_PROCESS);
    assert.deepEqual(
      audit.map((f) => [f.range.start.line, f.ruleId, f.severity]).sort((x, y) => Number(x[0]) - Number(y[0])),
      [[3, 'java.cmdi.exec', 'low'], [5, 'java.path-traversal.file', 'low'], [10, 'java.cmdi.exec', 'low']],
    );
    assert.match(audit.find((f) => f.range.start.line === 3)!.message, /^Audit: command-line arguments/);
    assert.match(audit.find((f) => f.range.start.line === 5)!.message, /^Audit: environment variable/);
    // helper's (non-public) args is no source: its sink is reported only for its non-constant argument.
    assert.match(audit.find((f) => f.range.start.line === 10)!.message, /^Audit: non-constant argument \(no source traced\)/);
  });


  it('audit: parameters of exported functions are sources (JS module.exports / export, Python public top-level, Go capitalised), labelled; normal reports none', () => {
    const byLine = (fs: Finding[]): [number, string, string][] => fs.map((f): [number, string, string] => [f.range.start.line, f.severity, f.message]).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(scan('normal', '/t/lib.js', 'javascript', JS_EXPORTED), []);
    const js = scan('audit', '/t/lib.js', 'javascript', JS_EXPORTED);
    assert.deepEqual(byLine(js).map(([l, s]) => [l, s]), [[2, 'low'], [5, 'low']]);
    assert.match(js.find((f) => f.range.start.line === 2)!.message, /^Audit: parameter `cmd` of exported function `run`/);
    assert.match(js.find((f) => f.range.start.line === 5)!.message, /^Audit: parameter `dir` of exported function `build`/);
    assert.ok(js.every((f) => f.properties?.strictness === 'audit'));
    const src = js.find((f) => f.range.start.line === 2)!.trace![0]!;
    assert.equal(src.kind, 'source');
    assert.match(src.message, /parameter `cmd` of exported function `run`/);

    assert.deepEqual(scan('normal', '/t/lib.py', 'python', PY_EXPORTED), []);
    const py = scan('audit', '/t/lib.py', 'python', PY_EXPORTED);
    assert.match(py.find((f) => f.range.start.line === 3)!.message, /^Audit: parameter `cmd` of exported function `run`/);
    // A private (underscore) function is not exported: its parameter is no source.
    assert.doesNotMatch(py.find((f) => f.range.start.line === 6)?.message ?? '', /exported function/);

    const JAVA_LIB = 'public class Lib {\n  public void run(String cmd) throws Exception { Runtime.getRuntime().exec(cmd); }\n  void hidden(String cmd) throws Exception { Runtime.getRuntime().exec(cmd); }\n}\n';
    assert.deepEqual(scan('normal', '/t/Lib.java', 'java', JAVA_LIB), []);
    const java = scan('audit', '/t/Lib.java', 'java', JAVA_LIB);
    assert.match(java.find((f) => f.range.start.line === 1)!.message, /^Audit: parameter `cmd` of exported function `run`/);
    // A package-private method is not exported.
    assert.doesNotMatch(java.find((f) => f.range.start.line === 2)?.message ?? '', /exported function/);

    assert.deepEqual(scan('normal', '/t/tool.go', 'go', GO_EXPORTED), []);
    const go = scan('audit', '/t/tool.go', 'go', GO_EXPORTED);
    assert.equal(go.length, 1);
    assert.match(go[0]!.message, /^Audit: parameter `name` of exported function `Run`/);
  });

  it('audit: a non-constant argument to a sink with no traced source is reported once, labelled; constants are not', () => {
    assert.deepEqual(scan('normal', '/t/nc.js', 'javascript', JS_NON_CONSTANT), []);
    const audit = scan('audit', '/t/nc.js', 'javascript', JS_NON_CONSTANT);
    assert.deepEqual(audit.map((f) => [f.range.start.line, f.severity]).sort((a, b) => Number(a[0]) - Number(b[0])), [[3, 'low'], [6, 'low']]);
    for (const f of audit) {
      assert.match(f.message, /^Audit: non-constant argument \(no source traced\)/);
      assert.equal(f.properties?.strictness, 'audit');
    }
    // A traced flow keeps its precise finding and gets no second, audit one at the same sink.
    const traced = scan('audit', '/t/app.js', 'javascript', JS_TRACED);
    assert.deepEqual(traced.map((f) => [f.range.start.line, f.severity]), [[4, 'critical'], [9, 'critical']]);
  });


  it('audit on an open document: after edits the findings equal a fresh scan (exported or not changes no unit text)', () => {
    const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, strictness: 'audit' as const };
    const path = '/t/edit.js';
    const uri = `file://${path}`;
    const texts = [
      JS_EXPORTED,
      // Same column and text for the function: only whether it is exported changes.
      JS_EXPORTED.replace('module.exports.run = function', 'var xxxxxxxxxxxxxx = function'),
      JS_EXPORTED.replace("exec('echo fixed');", 'exec(process.argv[2]);'),
      JS_EXPORTED.replace("exec('echo ' + 'joined');", 'exec(name);'),
      JS_EXPORTED,
    ];
    const taint = (fs: Finding[]): string[] => fs.filter((f) => f.pack === 'taint').map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`);
    engine.open(uri, path, 'javascript', texts[0]!, 0);
    try {
      texts.forEach((text, i) => {
        if (i > 0) engine.change(uri, [{ text }], i);
        const incremental = taint(engine.analyze(uri, settings).findings);
        assert.deepEqual(incremental, taint(engine.scanText(path, 'javascript', text, settings).findings), `after edit ${i}`);
        if (i === 1) assert.ok(incremental.some((m) => m.startsWith('2:') && / non-constant argument/.test(m)), JSON.stringify(incremental));
      });
    } finally {
      engine.close(uri);
    }
  });

  it('rule schema: audit-sources is a taint-rule field, validated like sources', () => {
    const base = { id: 'x.y.z', languages: ['python'], severity: 'high', cwe: ['CWE-78'], message: 'm', sources: ['py-request'], sinks: [{ pattern: 'os.system($X)', focus: '$X' }] };
    const errors: { message: string }[] = [];
    const ok = validateRule({ ...base, 'audit-sources': ['py-process-input', 'sys.argv'] }, 0, errors);
    assert.deepEqual(errors, []);
    assert.deepEqual(ok?.auditSources, ['py-process-input', { pattern: 'sys.argv' }]);
    const bad: { message: string }[] = [];
    validateRule({ ...base, kind: 'pattern', sources: undefined, sinks: undefined, patterns: ['eval($X)'], 'audit-sources': ['py-process-input'] }, 0, bad);
    assert.match(bad.map((e) => e.message).join('\n'), /`audit-sources` is for taint rules/);
  });

  it('the vigil.strictness setting is parsed, never trusted, and reaches the analysis settings', () => {
    assert.equal(VigilSettings.from({}).strictness, 'normal');
    assert.equal(VigilSettings.from({ strictness: 'audit' }).strictness, 'audit');
    assert.equal(VigilSettings.from({ strictness: 'paranoid' }).strictness, 'normal');
    assert.equal(VigilSettings.from({ strictness: 1 }).strictness, 'normal');
    assert.equal(VigilSettings.toAnalysisSettings(VigilSettings.from({ strictness: 'audit' })).strictness, 'audit');
  });

  it('the CLI refuses an unknown --strictness with a usage error', async () => {
    const dir = project('webapp');
    const r = await cli(dir, ['scan', '--root', dir, '--strictness', 'strict']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--strictness must be normal or audit/);
  });
});
