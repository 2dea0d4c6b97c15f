import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { buildExportIndex, TaintAnalyzer, type ExportSummary } from '../../server/src/engine/taint';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { validateRule, validateRuleFile } from '../../server/src/engine/taint/rule-schema';
import { patternRuleMayApply } from '../../server/src/engine/taint/pattern-rules';
import { SUPPRESSION_REASON_PLACEHOLDER } from '../../server/src/engine/suppressions';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { applyEdits } from '../rules/rule-fixtures';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
let engine: Engine;
let taint: TaintAnalyzer;

before(async () => {
  const made = createTaintAnalyzer();
  assert.deepEqual(made.errors, []);
  taint = made.analyzer;
  engine = await Engine.create({ analyzers: [taint] });
});

function scan(path: string, languageId: string, text: string): Finding[] {
  return engine.scanText(path, languageId, text, settings).findings.filter((f) => f.pack === 'taint');
}

const EXPRESS_SQLI = `const express = require('express');
const app = express();
app.get('/user', (req, res) => {
  db.query("SELECT * FROM users WHERE id = " + req.query.id);
});
`;

describe('taint: the Express SQL injection the editor tests rely on', () => {
  it('names the source, traces it, and offers the parameterised query as the preferred fix', () => {
    const [f, ...rest] = scan('/app/server.js', 'javascript', EXPRESS_SQLI);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.match(f.ruleId, /^js\..*sqli/);
    assert.match(f.message, /req\.query\.id flows into a SQL query \(db\.query\)/);
    assert.deepEqual(f.cwe, ['CWE-89']);
    assert.deepEqual(f.trace?.map((t) => t.kind), ['source', 'sink']);
    assert.equal(f.range.start.line, 3);
    const fix = f.fixes?.find((x) => x.isPreferred);
    assert.ok(fix);
    assert.match(fix.title, /parameterised query/);
    assert.equal(applyEdits(EXPRESS_SQLI, fix.edits).split('\n')[3], '  db.query("SELECT * FROM users WHERE id = ?", [req.query.id]);');
    assert.match(f.docsUrl, /docs\/rules\/taint\.md#jssqlistring-query$/);
  });

  it('offers a suppression with a reason that the engine honours', () => {
    const [f] = scan('/app/server.js', 'javascript', EXPRESS_SQLI);
    const sup = f!.fixes!.find((x) => x.kind === 'suppress')!;
    // The fix leaves a placeholder reason for the user to type over (see suppress-fix.test.ts).
    const text = applyEdits(EXPRESS_SQLI, sup.edits).replace(SUPPRESSION_REASON_PLACEHOLDER, 'id is an integer route param');
    assert.match(text.split('\n')[3]!, /^ {2}\/\/ vigil-ignore js\.sqli\.string-query -- \S/);
    assert.equal(scan('/app/server.js', 'javascript', text).length, 0);
    const all = engine.scanText('/app/server.js', 'javascript', text, settings).findings;
    assert.equal(all.filter((x) => x.pack === 'meta').length, 0);
  });

  it('follows the flow step by step through variables and a helper', () => {
    const text = `app.post('/x', (req, res) => {
  const { name } = req.body;
  const where = "name = '" + name + "'";
  run(where);
});
function run(clause) {
  return db.query('SELECT * FROM t WHERE ' + clause);
}
`;
    const [f] = scan('/a.js', 'javascript', text);
    assert.ok(f);
    assert.match(f.message, /^req\.body\.name flows into a SQL query/);
    assert.equal(f.range.start.line, 6);
    assert.deepEqual(f.trace?.map((t) => `${t.kind}@${t.range.start.line}`), ['source@1', 'step@1', 'step@2', 'step@3', 'step@5', 'sink@6']);
  });
});

describe('taint: rule schema', () => {
  const good = {
    id: 'js.custom.orm-raw',
    languages: ['javascript'],
    severity: 'high',
    cwe: ['CWE-89'],
    message: '$SOURCE reaches orm.unsafe',
    sources: ['js-request'],
    sinks: [{ pattern: 'orm.unsafe($Q)', focus: '$Q' }],
  };

  it('rejects unknown keys, naming the rule and the key, with a suggestion', () => {
    const errors: { ruleId?: string; message: string }[] = [];
    assert.equal(validateRule({ ...good, sanitisers: [] }, 0, errors), undefined);
    assert.equal(errors[0]?.ruleId, 'js.custom.orm-raw');
    assert.match(errors[0]!.message, /unknown key `sanitisers` \(did you mean `sanitizers`\?\)/);
  });

  it('explains missing and malformed fields', () => {
    const errors: { ruleId?: string; message: string }[] = [];
    validateRule({ ...good, sinks: [{ pattern: 'orm.unsafe($Q)' }], languages: ['cobol'], severity: 'urgent', cwe: ['89'] }, 0, errors);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /`focus` is required/);
    assert.match(text, /language `cobol` is not supported/);
    assert.match(text, /`severity` must be one of/);
    assert.match(text, /cwe `89` must look like CWE-89/);
    const file = validateRuleFile({ rules: [], sorces: {} });
    assert.match(file.errors[0]!.message, /unknown key `sorces` \(did you mean `sources`\?\)/);
  });

  it('checks the keys of handler-return sinks: in-handler names a handler, reflected is a boolean, unless-text a regex', () => {
    const errors: { ruleId?: string; message: string }[] = [];
    const sink = { pattern: 'return $X', focus: '$X', 'in-handler': ['flask-view'], 'reflected': 'yes', 'unless-text': '(' };
    assert.equal(validateRule({ ...good, sinks: [sink] }, 0, errors), undefined);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /`reflected` must be true or false/);
    assert.match(text, /`unless-text` is not a valid regular expression/);
    const ok = validateRule({ ...good, sinks: [{ ...sink, 'reflected': true, 'unless-text': 'text/plain' }] }, 0, []);
    assert.deepEqual(ok?.sinks[0], { pattern: 'return $X', focus: ['$X'], inHandler: ['flask-view'], reflected: true, unlessText: 'text/plain' });
    const setup = createAnalyzers({ customTaintRules: [{ ...good, sinks: [{ ...sink, 'reflected': true, 'in-handler': ['no-such-view'], 'unless-text': 'x' }] }], customRulesSource: '/ws/.vigil.yml' });
    assert.ok(setup.errors.some((e) => e.ruleId === 'js.custom.orm-raw' && /unknown handler `no-such-view`/.test(e.message)));
  });

  it('checks the data-layer sink keys: unless-import and unless-keys are name lists, whole-value a boolean', () => {
    const errors: { ruleId?: string; message: string }[] = [];
    const sink = { pattern: '$M.findOne($Q)', focus: '$Q', 'unless-import': 'sequelize', 'unless-keys': [1], 'whole-value': 'yes' };
    assert.equal(validateRule({ ...good, sinks: [sink] }, 0, errors), undefined);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /`unless-keys` must be a list of non-empty strings/);
    assert.match(text, /`whole-value` must be true or false/);
    const ok = validateRule({ ...good, sinks: [{ ...sink, 'unless-keys': ['where'], 'whole-value': true }] }, 0, []);
    assert.deepEqual(ok?.sinks[0], { pattern: '$M.findOne($Q)', focus: ['$Q'], unlessImport: ['sequelize'], unlessKeys: ['where'], wholeValue: true });
  });

  it('checks a source\'s requires-import: a list of module names, kept on the source', () => {
    const errors: { ruleId?: string; message: string }[] = [];
    assert.equal(validateRule({ ...good, sources: [{ pattern: 'request.headers', 'requires-import': [''] }] }, 0, errors), undefined);
    assert.match(errors.map((e) => e.message).join('\n'), /`requires-import` must be a list of non-empty strings/);
    const ok = validateRule({ ...good, sources: [{ pattern: 'request.headers', 'requires-import': 'django' }] }, 0, []);
    assert.deepEqual(ok?.sources[0], { pattern: 'request.headers', requiresImport: ['django'] });
  });

  it('checks a sink\'s requires-import: a list of module names, kept on the sink', () => {
    const errors: { ruleId?: string; message: string }[] = [];
    const sink = { pattern: '$DB.get($Q, ...)', focus: '$Q', 'requires-import': [3] };
    assert.equal(validateRule({ ...good, sinks: [sink] }, 0, errors), undefined);
    assert.match(errors.map((e) => e.message).join('\n'), /`requires-import` must be a list of non-empty strings/);
    const ok = validateRule({ ...good, sinks: [{ ...sink, 'requires-import': ['sqlite3'] }] }, 0, []);
    assert.deepEqual(ok?.sinks[0], { pattern: '$DB.get($Q, ...)', focus: ['$Q'], requiresImport: ['sqlite3'] });
  });

  it('checks serverless handler keys: exported is a boolean, and a handler needs something to recognise it by', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        lambda: { languages: ['javascript'], exported: true, 'param-names': ['event'], 'request-param': 0, alias: 'lambda_event' },
        worker: { languages: ['javascript'], exported: 'yes', 'function-named': 'fetch' },
        vague: { languages: ['javascript'], exported: true },
      },
    });
    assert.deepEqual(file.handlers.map((h) => [h.id, h.exported, h.paramNames]), [['lambda', true, ['event']]]);
    assert.match(errors.map((e) => e.message).join('\n'), /handler worker: `exported` must be true or false[\s\S]*handler vague: needs `call`/);
  });

  it('checks entry-of: an object pattern binding $HANDLER, enough to recognise a handler by', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        route: { languages: ['javascript'], 'entry-of': '{ method: $M, path: $P, handler: $HANDLER }', 'request-param': 0, alias: 'request' },
        unbound: { languages: ['javascript'], 'entry-of': '{ method: $M, path: $P }' },
      },
    });
    assert.deepEqual(file.handlers.map((h) => [h.id, h.entryOf?.pattern]), [['route', '{ method: $M, path: $P, handler: $HANDLER }']]);
    assert.match(errors.map((e) => e.message).join('\n'), /handler unbound: `entry-of` must bind the handler function as \$HANDLER/);
  });

  it('takes function-named as a name or a list, exported with an import, or a parameter decorator as recognisers', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        worker: { languages: ['javascript'], exported: true, 'function-named': 'fetch' },
        next: { languages: ['typescript'], exported: true, 'function-named': ['GET', 'POST'] },
        bad: { languages: ['typescript'], exported: true, 'function-named': ['GET()'] },
        // Exported with a framework import is enough (a Django view whatever its request is called).
        views: { languages: ['python'], exported: true, 'requires-import': 'django', 'request-param': 0, alias: 'django_request' },
        // A parameter decorator is a recogniser too (NestJS `@Body() dto`).
        nest: { languages: ['typescript'], 'param-decorator': { pattern: '$D(...)', where: { $D: '^Body$' } } },
      },
    });
    assert.deepEqual(file.handlers.map((h) => [h.id, h.functionNamed]), [['worker', ['fetch']], ['next', ['GET', 'POST']], ['views', undefined], ['nest', undefined]]);
    assert.deepEqual(file.handlers.at(-1)?.paramDecorator, { pattern: '$D(...)', where: { $D: '^Body$' } });
    assert.match(errors.map((e) => e.message).join('\n'), /handler bad: `function-named` GET\(\) is not a function name/);
  });

  it('runs valid custom rules and reports a bad one without switching off the others', async () => {
    const setup = createAnalyzers({
      customTaintRules: [good, { ...good, id: 'js.custom.broken', sinks: [{ pattern: 'orm.unsafe($Q', focus: '$Q' }] }, { id: 'Bad Id' }],
      customRulesSource: '/ws/.vigil.yml',
    });
    assert.ok(setup.errors.some((e) => e.source === '/ws/.vigil.yml' && /`id` is required/.test(e.message)));
    const eng = await Engine.create({ analyzers: setup.analyzers });
    const text = `app.get('/', (req, res) => { orm.unsafe(req.query.q); db.query('x' + req.query.q); });\n`;
    const ids = eng.scanText('/a.js', 'javascript', text, settings).findings.map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['js.custom.orm-raw', 'js.sqli.string-query']);
    const analyzer = setup.analyzers.find((a) => a instanceof TaintAnalyzer) as TaintAnalyzer;
    assert.ok(analyzer.compileErrors.some((e) => e.ruleId === 'js.custom.broken' && /does not parse/.test(e.message)));
    // Up front, for the config file: the same error, located in the custom rules file.
    const fresh = createAnalyzers({ customTaintRules: [good, { ...good, id: 'js.custom.broken', sinks: [{ pattern: 'orm.unsafe($Q', focus: '$Q' }] }], customRulesSource: '/ws/.vigil.yml' });
    const taintFresh = fresh.analyzers.find((a) => a instanceof TaintAnalyzer) as TaintAnalyzer;
    const early = taintFresh.precompile(eng.grammars);
    assert.deepEqual(early.map((e) => [e.source, e.ruleId]), [['/ws/.vigil.yml', 'js.custom.broken']]);
    eng.dispose();
  });
});

describe('taint: command injection fixes', () => {
  it('offers execFile only for child_process exec, whatever form reaches it', () => {
    const text = `const shell = require('shelljs');
app.get('/x', (req, res) => {
  shell.exec('grep ' + req.query.q + ' log.txt');
  require('child_process').exec('grep ' + req.query.q + ' log.txt');
});
`;
    const found = scan('/a.js', 'javascript', text).filter((f) => f.ruleId === 'js.cmdi.child-process');
    assert.deepEqual(found.map((f) => f.range.start.line), [2, 3]);
    const preferred = found.map((f) => f.fixes?.find((x) => x.isPreferred));
    assert.equal(preferred[0], undefined);
    assert.equal(applyEdits(text, preferred[1]!.edits).split('\n')[3], "  require('child_process').execFile('grep', [req.query.q, 'log.txt']);");
  });
});

describe('taint: robustness', () => {
  it('survives 10,000-level nesting without overflowing the stack', () => {
    const depth = 10_000;
    const js = `app.get('/', (req, res) => { db.query(${'('.repeat(depth)}req.query.id${')'.repeat(depth)}); db.query("a" ${'+ req.query.id '.repeat(depth)}); });\n`;
    assert.doesNotThrow(() => scan('/deep.js', 'javascript', js));
    const py = `from flask import request\ndef f():\n    db.execute(${'('.repeat(depth)}request.args["x"]${')'.repeat(depth)})\n    db.execute("a"${' + request.args["x"]'.repeat(depth)})\n`;
    assert.doesNotThrow(() => scan('/deep.py', 'python', py));
    const conds = `app.get('/', (req, res) => {\n  const v = req.query.v;\n  if (${'!'.repeat(depth)}(${'('.repeat(depth)}v === 'a'${')'.repeat(depth)}) && ${'ok && '.repeat(depth)}ok) { db.query('x' + v); }\n});\n`;
    assert.doesNotThrow(() => scan('/deep-cond.js', 'javascript', conds));
    const blocks = `app.get('/', (req, res) => {\n${'if (a) {\n'.repeat(depth)}db.query('x' + req.query.v);\n${'}\n'.repeat(depth)}});\n`;
    assert.doesNotThrow(() => scan('/deep-blocks.js', 'javascript', blocks));
  });

  it('stops at its work budget with a notice naming the rules not run, and keeps the findings of the rules it finished', () => {
    const handlers = Array.from({ length: 300 }, (_, i) => `app.get('/r${i}', (req, res) => {\n  const v${i} = req.query.v;\n  db.query('SELECT ' + v${i});\n  res.send(v${i});\n});\n`).join('');
    const text = `const express = require('express');\nconst app = express();\n${handlers}`;
    const full = engine.scanText('/budget.js', 'javascript', text, settings);
    assert.equal(full.notices.length, 0);
    const saved = taint.workBudget;
    taint.workBudget = 0;
    try {
      const cut = engine.scanText('/budget.js', 'javascript', text, settings);
      const notice = cut.notices.find((n) => n.reason === 'analysis-budget');
      assert.ok(notice, 'a budget notice');
      // Rules whose required import is absent (LDAP, whose activedirectory sink has no word to prefilter on) are done
      // without work; every rule with work to do is left.
      const m = /Taint analysis stopped at its work budget \(0 steps\) on this file: (\d+) of (\d+) rules done; not run: (js\.[^ ]+(?:, js\.[^ ]+)*)\./.exec(notice.message);
      assert.ok(m, notice.message);
      assert.ok(m[3]!.includes('js.sqli.string-query') && m[3]!.includes('js.xss.server-response'), notice.message);
      assert.equal(Number(m[1]) + m[3]!.split(', ').length, Number(m[2]), notice.message);
      assert.ok(cut.findings.filter((f) => f.pack === 'taint').length < full.findings.filter((f) => f.pack === 'taint').length);
    } finally {
      taint.workBudget = saved;
    }
  });
});

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JS_DOC = `const express = require('express');
const { exec } = require('child_process');
const app = express();
function helper(x) {
  return db.query("SELECT * FROM t WHERE a = " + x);
}
function clean(v) {
  return parseInt(v, 10);
}
app.get('/a', (req, res) => {
  const id = req.query.id;
  helper(id);
  helper(clean(id));
  exec('ls ' + req.query.dir);
});
app.get('/b', (req, res) => {
  res.send('<p>' + req.query.name + '</p>');
});
`;

const PY_DOC = `from flask import Flask, request, redirect
import subprocess
app = Flask(__name__)

def run(cmd):
    return subprocess.run("sh -c " + cmd, shell=True)

@app.route("/a/<name>")
def a(name):
    q = request.args.get("q")
    run(q)
    if q in ("x", "y"):
        run(q)
    return redirect(name)
`;

const SNIPPETS = [' ', '\n', 'req.query.x', ' + ', 'id', '(', ')', ';', 'request.args["z"]', 'run(q)\n    ', 'helper(', '"', 'function g(p) { return p; }\n', 'if (', '}'];

describe('taint: incremental analysis equals a full analysis', () => {
  for (const [name, path, lang, base] of [
    ['JavaScript', '/inc/app.js', 'javascript', JS_DOC],
    ['Python', '/inc/app.py', 'python', PY_DOC],
  ] as const) {
    it(`${name}: random edits, findings compared after every edit`, () => {
      const rand = rng(name.length * 7919);
      const uri = `inc:${path}`;
      engine.open(uri, path, lang, base, 1);
      let text = base;
      try {
        engine.analyze(uri, settings);
        for (let i = 0; i < 60; i++) {
          const at = Math.floor(rand() * (text.length + 1));
          const del = rand() < 0.4 ? Math.floor(rand() * 6) : 0;
          const ins = rand() < 0.8 ? SNIPPETS[Math.floor(rand() * SNIPPETS.length)]! : '';
          const doc = engine.get(uri)!;
          const range = { start: doc.lines.positionAt(at), end: doc.lines.positionAt(Math.min(text.length, at + del)) };
          engine.change(uri, [{ range, text: ins }], i + 2);
          text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
          assert.equal(engine.get(uri)!.text, text);
          const incremental = engine.analyze(uri, settings).findings;
          const full = engine.scanText(path, lang, text, settings).findings;
          assert.deepEqual(incremental, full, `after edit ${i}: ${JSON.stringify({ at, del, ins })}`);
        }
      } finally {
        engine.close(uri);
      }
    });
  }

  it('re-analyses only the edited function when no summary changes', () => {
    const funcs = Array.from({ length: 12 }, (_, i) => `function f${i}(a) {\n  const b = a + ${i};\n  return b;\n}\n`).join('');
    const text = `app.get('/', (req, res) => { db.query('x' + f0(req.query.id)); });\n${funcs}`;
    const uri = 'inc:/inc/many.js';
    engine.open(uri, '/inc/many.js', 'javascript', text, 1);
    try {
      const start = taint.stats.unitsAnalyzed;
      const first = engine.analyze(uri, settings).findings;
      assert.equal(first.length, 1);
      const before = taint.stats.unitsAnalyzed;
      const fullWork = before - start;
      // Edit inside f7 on one line: no line shifts, no summary change.
      const line = text.split('\n').findIndex((l) => l.includes('a + 7'));
      engine.change(uri, [{ range: { start: { line, character: 16 }, end: { line, character: 17 } }, text: '8' }], 2);
      const second = engine.analyze(uri, settings).findings;
      assert.deepEqual(second.map((f) => f.message), first.map((f) => f.message));
      // Only the module unit and f7 are analysed again (in each fixpoint round); the other 12 come from the cache.
      const work = taint.stats.unitsAnalyzed - before;
      assert.ok(work > 0 && work * 5 <= fullWork, `re-analysed ${work} units, a full run analysed ${fullWork}`);
    } finally {
      engine.close(uri);
    }
  });
});

describe('taint: cross-file summaries', () => {
  const DB = `const mysql = require('mysql');
const conn = mysql.createConnection({});
function findBy(column, value) {
  return conn.query('SELECT * FROM users WHERE ' + column + " = '" + value + "'");
}
function quoted(v) {
  return "'" + v + "'";
}
module.exports = { findBy, quoted };
`;
  const ROUTES = `const { findBy, quoted } = require('./db');
const app = require('express')();
app.get('/u', (req, res) => {
  findBy('email', req.query.email);
  db.query('SELECT 1 WHERE a = ' + quoted(req.query.a));
});
`;

  it('summarises exports, and uses them for calls to imported functions', () => {
    const dbDoc = engine.open('x:/ws/db.js', '/ws/db.js', 'javascript', DB);
    const summaries: ExportSummary[] = taint.summarizeExports(dbDoc);
    engine.close('x:/ws/db.js');
    assert.deepEqual(summaries.map((s) => s.name).sort(), ['findBy', 'quoted']);
    const findBy = summaries.find((s) => s.name === 'findBy')!;
    assert.deepEqual(findBy.rules['js.sqli.string-query']?.paramSinks.map((p) => p.param).sort(), [0, 1]);
    assert.deepEqual(summaries.find((s) => s.name === 'quoted')!.rules['js.sqli.string-query']?.paramReturns, [0]);

    assert.equal(scan('/ws/routes.js', 'javascript', ROUTES).length, 0, 'without summaries nothing is known about ./db');
    taint.setExportIndex(buildExportIndex(summaries));
    try {
      const found = scan('/ws/routes.js', 'javascript', ROUTES);
      assert.deepEqual(found.map((f) => [f.range.start.line, f.message.split(' flows')[0]]), [
        [3, 'req.query.email'],
        [4, 'req.query.a'],
      ]);
      const trace = found[0]!.trace!;
      assert.equal(trace[trace.length - 1]!.path, '/ws/db.js');
      assert.equal(trace[trace.length - 1]!.kind, 'sink');
    } finally {
      taint.setExportIndex(undefined);
    }
  });

  it('summarises Python modules and resolves relative imports', () => {
    const lib = `import subprocess\n\ndef run_tool(arg):\n    return subprocess.run("tool " + arg, shell=True)\n\ndef _private(x):\n    return x\n`;
    const view = `from flask import request\nfrom .tools import run_tool\n\n@app.route("/t")\ndef t():\n    run_tool(request.args["a"])\n    return "ok"\n`;
    const doc = engine.open('x:/ws/pkg/tools.py', '/ws/pkg/tools.py', 'python', lib);
    const summaries = taint.summarizeExports(doc);
    engine.close('x:/ws/pkg/tools.py');
    assert.deepEqual(summaries.map((s) => s.name), ['run_tool']);
    taint.setExportIndex(buildExportIndex(summaries));
    try {
      const found = scan('/ws/pkg/views.py', 'python', view);
      assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line]), [['py.cmdi.subprocess-shell', 5]]);
    } finally {
      taint.setExportIndex(undefined);
    }
  });
});

describe('taint: pattern rules (kind: pattern)', () => {
  const rule = {
    id: 'py.custom.insecure-client',
    kind: 'pattern',
    languages: ['python'],
    severity: 'high',
    cwe: ['CWE-295'],
    message: 'TLS off',
    patterns: [{ pattern: 'myhttp.get(..., insecure=$V, ...)', focus: '$V', where: { $V: '^True$' }, replace: { $V: 'False' } }],
  };

  it('validates patterns, missing keys and replacements, and keeps taint-only keys out', () => {
    const ok = validateRule(rule, 0, []);
    assert.equal(ok?.kind, 'pattern');
    assert.deepEqual(ok?.patterns[0]?.replace, { $V: 'False' });
    const errors: { ruleId?: string; message: string }[] = [];
    validateRule({ ...rule, sources: ['py-request'], patterns: [{ pattern: 'f($X)', missing: ['a b'], replace: { $Y: 'x' } }] }, 0, errors);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /`sources` is for taint rules/);
    assert.match(text, /`missing` key `a b` must be a name/);
    assert.match(text, /`replace` names \$Y, which the pattern does not use/);
    const errs2: { ruleId?: string; message: string }[] = [];
    validateRule({ ...rule, kind: 'taint', sources: ['py-request'], sinks: [{ pattern: 'f($X)', focus: '$X' }] }, 0, errs2);
    assert.match(errs2.map((e) => e.message).join('\n'), /`patterns` is for pattern rules; add `kind: pattern`/);
    const errs3: { ruleId?: string; message: string }[] = [];
    validateRule({ ...rule, patterns: [] }, 0, errs3);
    assert.match(errs3.map((e) => e.message).join('\n'), /`patterns` must hold at least one pattern/);
  });

  it('reports a custom pattern rule with its fix, and skips it on files without its words', async () => {
    const setup = createAnalyzers({ customTaintRules: [rule], customRulesSource: '/ws/.vigil.yml' });
    assert.deepEqual(setup.errors, []);
    const own = await Engine.create({ analyzers: setup.analyzers });
    const found = own.scanText('/ws/a.py', 'python', 'import myhttp\nmyhttp.get(u, insecure=True)\nmyhttp.get(u)\n', settings).findings.filter((f) => f.ruleId === rule.id);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 1);
    const fixed = applyEdits('import myhttp\nmyhttp.get(u, insecure=True)\n', found[0]!.fixes!.find((f) => f.kind === 'fix')!.edits);
    assert.equal(fixed, 'import myhttp\nmyhttp.get(u, insecure=False)\n');
  });

  it('prefilters every built-in pattern rule out of a file without its words', () => {
    const doc = engine.open('mem:/plain.py', '/plain.py', 'python', 'def add(a, b):\n    return a + b\n');
    const lang = taint.compiledFor(doc)!;
    const patternRules = lang.rules.filter((r) => r.spec.kind === 'pattern');
    assert.ok(patternRules.length >= 5);
    for (const r of patternRules) assert.equal(patternRuleMayApply(r, doc.text, doc.text), false, r.spec.id);
    const hashed = 'import hashlib\nh = hashlib.md5(password.encode())\n';
    const weak = patternRules.find((r) => r.spec.id === 'py.weak-crypto.weak-hash')!;
    assert.equal(patternRuleMayApply(weak, hashed, hashed), true);
  });

  it('scope-lacks / scope-has look in the function around the match, with its metavariables; insert-before adds the safe statement', async () => {
    const base = { kind: 'pattern', languages: ['python'], severity: 'high', cwe: ['CWE-295'], message: 'm' };
    const unverified = { ...base, id: 'py.custom.unverified', patterns: [{ pattern: '$C.fetch($U)', 'scope-lacks': ['$C.verify = True'], 'insert-before': '$C.verify = True' }] };
    const loader = { ...base, id: 'py.custom.loader', patterns: [{ pattern: '$Y = $N', where: { $N: '^Loader\\(\\)$' }, 'scope-has': [{ pattern: '$Y.$M(...)', where: { $M: '^load$' } }] }] };
    const setup = createAnalyzers({ customTaintRules: [unverified, loader], customRulesSource: '/ws/.vigil.yml' });
    assert.deepEqual(setup.errors, []);
    const own = await Engine.create({ analyzers: setup.analyzers });
    const text = [
      'def a(u):', '    c = Client()', '    c.verify = True', '    c.fetch(u)',
      'def b(u):', '    c = Client()', '    c.fetch(u)',
      'def d(u):', '    other.verify = True', '    c = Client()', '    if u:', '        c.fetch(u)',
      'def e(s):', '    y = Loader()', '    return y.load(s)',
      'def f(s):', '    y = Loader()', '    return y.dump(s)', '',
    ].join('\n');
    const found = own.scanText('/ws/a.py', 'python', text, settings).findings.filter((f) => f.ruleId.startsWith('py.custom.'));
    assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line]), [['py.custom.unverified', 6], ['py.custom.unverified', 11], ['py.custom.loader', 13]]);
    const fix = (f: Finding): string => applyEdits(text, f.fixes!.find((x) => x.kind === 'fix')!.edits);
    assert.match(fix(found[1]!), /\n {4}if u:\n {8}c\.verify = True\n {8}c\.fetch\(u\)\n/);
    assert.match(fix(found[0]!), /\n {4}c = Client\(\)\n {4}c\.verify = True\n {4}c\.fetch\(u\)\ndef d/);
    assert.equal(found[2]!.fixes!.some((x) => x.kind === 'fix'), false);
    const errors: { message: string }[] = [];
    validateRule({ ...unverified, patterns: [{ pattern: '$C.fetch($U)', 'scope-lacks': 'x', 'insert-before': '$Z.verify = True' }] }, 0, errors);
    assert.match(errors.map((e) => e.message).join('\n'), /`scope-lacks` must be a list/);
    assert.match(errors.map((e) => e.message).join('\n'), /`insert-before` names \$Z, which the pattern does not use/);
  });

  it('a Java XXE finding appears and goes as the factory\'s setFeature line is edited, as a fresh scan says', () => {
    const text = [
      'import javax.xml.parsers.DocumentBuilderFactory;',
      'class X {',
      '    Object a(java.io.InputStream in) throws Exception {',
      '        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();',
      '        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);',
      '        return dbf.newDocumentBuilder().parse(in);',
      '    }',
      '}',
      '',
    ].join('\n');
    const xxe = (fs: Finding[]): number[] => fs.filter((f) => f.ruleId === 'java.xxe.parser-factory').map((f) => f.range.start.line);
    const uri = 'mem:/X.java';
    engine.open(uri, '/X.java', 'java', text, 0);
    assert.deepEqual(xxe(engine.analyze(uri, settings).findings), []);
    // "disallow" -> "allow": the feature named is no longer the one that refuses DOCTYPEs.
    const at = text.indexOf('disallow-doctype');
    const pos = { line: 4, character: at - text.lastIndexOf('\n', at) - 1 };
    engine.change(uri, [{ range: { start: pos, end: { line: 4, character: pos.character + 3 } }, text: '' }], 1);
    const edited = text.replace('disallow-doctype', 'allow-doctype');
    assert.deepEqual(xxe(engine.analyze(uri, settings).findings), [5]);
    assert.deepEqual(xxe(engine.scanText('/X.java', 'java', edited, settings).findings), [5]);
    engine.change(uri, [{ range: { start: pos, end: pos }, text: 'dis' }], 2);
    assert.deepEqual(xxe(engine.analyze(uri, settings).findings), []);
  });

  it('scope-lacks work grows linearly with the class: each scope is searched once, however many matches share it', () => {
    // Many methods using factory fields of one class: every match's scope is the whole class.
    const cls = (n: number): string => {
      const fields = Array.from({ length: n }, (_, i) => `    javax.xml.parsers.DocumentBuilderFactory f${i} = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n`).join('');
      const methods = Array.from({ length: n }, (_, i) => `    Object m${i}(java.io.InputStream in) throws Exception {\n        return f${i % 7}.newDocumentBuilder().parse(in);\n    }\n`).join('');
      return `class Big {\n${fields}${methods}}\n`;
    };
    const steps = (n: number): number => {
      const before = taint.stats.patternSteps;
      const found = scan(`/ws/Big${n}.java`, 'java', cls(n)).filter((f) => f.ruleId === 'java.xxe.parser-factory');
      assert.equal(found.length, n);
      return taint.stats.patternSteps - before;
    };
    const small = steps(100);
    const large = steps(400);
    // Quadratic work (a class-wide search per match) would be about 16 times as much.
    assert.ok(large < 5 * small, `${small} steps for 100 methods, ${large} for 400`);
  });

  it('masks a secret-looking literal a message quotes through a metavariable', () => {
    const fake = 'Zq7vK2mX9pL4tR8wN3bY';
    const found = scan('/ws/h.py', 'python', `import hashlib\nh = hashlib.md5("${fake}".encode() + password)\n`).filter((f) => f.ruleId === 'py.weak-crypto.weak-hash');
    assert.equal(found.length, 1);
    assert.ok(!found[0]!.message.includes(fake), found[0]!.message);
  });
});

describe('taint: the data layer is recognised from imports and query shapes, not from a method name', () => {
  const route = (imports: string, call: string): string => `${imports}
const express = require('express');
const app = express();
app.post('/login', async (req, res) => {
  res.json(await ${call});
});
`;
  const nosqli = (text: string): string[] => scan('/app/routes.js', 'javascript', text).filter((f) => f.ruleId.includes('nosqli')).map((f) => f.message);

  it('reports a Mongoose filter, and not the same call once the file imports a SQL ORM', () => {
    const call = 'User.findOne({ username: req.body.username })';
    assert.match(nosqli(route("const mongoose = require('mongoose');", call)).join(), /req\.body\.username flows into a MongoDB query \(User\.findOne\)/);
    assert.deepEqual(nosqli(route("const { Sequelize } = require('sequelize');", call)), []);
    assert.deepEqual(nosqli(route("import { PrismaClient } from '@prisma/client';", call)), []);
  });

  it('does not take ORM finder options for a MongoDB filter, directly or through a variable', () => {
    const models = "const { User } = require('../models');";
    assert.deepEqual(nosqli(route(models, 'User.findOne({ where: { id: req.params.id } })')), []);
    assert.deepEqual(nosqli(route(models, "User.findOne({ 'where': { id: req.params.id } })")), []);
    const viaVar = route(models, 'User.findOne(opts)').replace('res.json', 'const opts = { where: { id: req.body.id } };\n  res.json');
    assert.deepEqual(nosqli(viaVar), []);
    // A field key other than the finder options keeps the MongoDB reading.
    assert.equal(nosqli(route(models, 'User.findOne({ wherever: req.body.x })')).length, 1);
  });

  it('reports an update taken whole from the request, not a value placed inside $set', () => {
    const models = "const { User } = require('../models');";
    assert.equal(nosqli(route(models, "User.updateOne({ _id: 'x' }, req.body)")).length, 1);
    assert.deepEqual(nosqli(route(models, "User.updateOne({ _id: 'x' }, { $set: { name: req.body.name } })")), []);
  });
});
