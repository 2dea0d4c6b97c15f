/**
 * An object constructed with input holds it in the fields its constructor stores the arguments in: a method reading
 * such a field reaches its sinks, or returns the field, at the caller (`Search(t).run()`, `s.raw()`, `new Job(x).run()`),
 * and a read of the field off the object is input; a field stored from no argument (a constant) is none. A setter
 * stores alike. Incremental: random edits (constructor stores added, made constant, sinks added) equal a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertRandomEditsEqualFreshScan } from './random-edits';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;
let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const PY = `import os
from flask import Flask, request

app = Flask(__name__)


class Search:
    def __init__(self, title, limit=10):
        self.title = title
        self.limit = limit
        self.tool = "grep"

    def raw(self):
        return self.title

    def run(self):
        os.system("find . -name " + self.title)

    def safe(self):
        os.system(self.tool)

    def use(self, title):
        self.title = title


@app.route("/a")
def a():
    s = Search(title=request.args["t"])
    os.system("echo " + s.raw())  # found: raw() returns the stored title


@app.route("/b")
def b():
    Search(request.args["t"]).run()  # found at the sink in run()


@app.route("/c")
def c():
    s = Search(request.args["t"])
    s.safe()
    os.system("echo " + str(s.limit))


@app.route("/d")
def d():
    s = Search(request.args["t"])
    os.system("echo " + s.title)  # found: the field holds the argument


@app.route("/e")
def e():
    s = Search("x")
    s.use(request.args["t"])
    os.system("echo " + s.raw())  # found: the setter stored it


@app.route("/f")
def f():
    s = Search("x", limit=request.args["n"])
    os.system("echo " + s.raw())
`;

const JS = `const { exec } = require('child_process');
const express = require('express');
const app = express();

class Job {
  constructor(name, dir) {
    this.name = name;
    this.dir = dir;
    this.cmd = 'ls';
  }
  label() { return this.name; }
  run() { exec('tar czf out.tgz ' + this.dir); }
  safe() { exec(this.cmd); }
}

app.get('/a', (req, res) => {
  const j = new Job(req.query.n, '/tmp');
  exec('echo ' + j.label()); // found
});
app.get('/b', (req, res) => {
  new Job('x', req.query.d).run(); // found at the sink in run()
});
app.get('/c', (req, res) => {
  const j = new Job(req.query.n, req.query.d);
  j.safe();
});
app.get('/d', (req, res) => {
  const j = new Job(req.query.n, '/tmp');
  exec('echo ' + j.name); // found
});
app.get('/e', (req, res) => {
  const j = new Job('x', req.query.d);
  exec('echo ' + j.label());
});
`;

const sinkLines = (text: string, path: string, lang: string): string[] => {
  const lines = text.split('\n');
  return engine.scanText(path, lang, text, settings).findings.map((f) => lines[f.range.start.line]!.trim()).sort();
};

describe('constructed objects: the fields a constructor stores its arguments in hold them', () => {
  it('python: returned by a getter, reached in a method, read off the object, stored by a setter; not a constant field or another argument\'s', () => {
    assert.deepEqual(sinkLines(PY, '/ctor/views.py', 'python'), [
      'os.system("echo " + s.raw())  # found: raw() returns the stored title',
      'os.system("echo " + s.raw())  # found: the setter stored it',
      'os.system("echo " + s.title)  # found: the field holds the argument',
      'os.system("find . -name " + self.title)',
    ].sort());
    const r = engine.scanText('/ctor/views.py', 'python', PY, settings);
    const run = r.findings.find((f) => f.range.start.line === 16)!;
    assert.ok(run.trace?.some((s) => s.message === 'stored in field title by Search.__init__()'), JSON.stringify(run.trace));
    assert.ok(run.trace?.some((s) => s.message === 'title read by run()'), JSON.stringify(run.trace));
  });

  it('javascript: the same with new', () => {
    assert.deepEqual(sinkLines(JS, '/ctor/jobs.js', 'javascript'), [
      "exec('echo ' + j.label()); // found",
      "exec('echo ' + j.name); // found",
      "run() { exec('tar czf out.tgz ' + this.dir); }",
    ].sort());
  });
});

const TS = `import { execSync } from 'node:child_process';
import express from 'express';
const app = express();

class Exporter {
  constructor(private readonly source: string, public format: string, plain: string, readonly other = 'md') {}
  convert(): void {
    execSync(\`pandoc \${this.source} -t \${this.format}\`);
  }
  toOther(): void {
    execSync('pandoc in.md -t ' + this.other);
  }
}

app.post('/export', (req, res) => {
  new Exporter(req.body.source, 'pdf', req.body.plain).convert();
  new Exporter('in.md', 'pdf', req.body.plain).toOther();
  new Exporter('in.md', 'pdf', 'x', req.body.other).toOther();
  res.end();
});
`;

describe('constructed objects: TypeScript parameter properties are fields the constructor stores', () => {
  it('a parameter with an accessibility modifier or readonly is this.<name>; a plain parameter is not', () => {
    const lines = TS.split('\n');
    const r = engine.scanText('/ctor/exporter.ts', 'typescript', TS, settings);
    const found = r.findings.map((f) => `${f.range.start.line}:${lines[f.range.start.line]!.trim()}`).sort();
    // convert() reached from source; toOther() from the readonly `other` (the third call), not from `plain`.
    assert.deepEqual(found, ["10:execSync('pandoc in.md -t ' + this.other);", '7:execSync(`pandoc ${this.source} -t ${this.format}`);']);
    const other = r.findings.find((f) => f.range.start.line === 10)!;
    assert.ok(other.trace?.some((s) => s.message === 'stored in field other by Exporter.constructor()'), JSON.stringify(other.trace));
  });
});

describe('constructed objects: audit strictness still passes a construction\'s arguments through', () => {
  it('an object built from input, used whole, is reported at audit strictness as any unknown call is', () => {
    const text = 'import os\nfrom flask import request\n\nclass Box:\n    def __init__(self, v):\n        self.v = v\n\ndef view():\n    os.system(str(Box(request.args["t"])))\n';
    const audit = { ...settings, strictness: 'audit' as const };
    const found = engine.scanText('/ctor/audit.py', 'python', text, audit).findings.filter((f) => f.ruleId.startsWith('py.cmdi'));
    assert.ok(found.some((f) => f.message.includes('request.args["t"] flows into')), JSON.stringify(found.map((f) => f.message)));
    assert.equal(engine.scanText('/ctor/audit.py', 'python', text, settings).findings.length, 0);
  });
});

describe('constructed objects: random edits equal a fresh scan (property)', () => {
  const cases = [
    { path: '/ctor/views.py', lang: 'python', base: PY, inserts: { write: '        self.tool = title\n', clean: '        self.title = "x"\n', sink: '        os.system(self.limit)\n' } },
    { path: '/ctor/jobs.js', lang: 'javascript', base: JS, inserts: { write: '    this.cmd = name;\n', clean: "    this.dir = 'x';\n", sink: '    exec(this.name);\n' } },
  ];
  for (const c of cases) {
    it(`${c.lang}: constructor stores added and made constant, sinks added`, () => {
      assertRandomEditsEqualFreshScan(engine, { ...c, settings, runs: 40 });
    });
  }
});
