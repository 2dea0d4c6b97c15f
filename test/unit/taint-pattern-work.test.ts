/**
 * Work of pattern matching in a fresh taint scan, by deterministic counters (patterns tried), never by time: a
 * pattern that cannot match in a file is not tried there, and the findings stay those of trying every pattern.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { matchCounters } from '../../server/src/engine/patterns/pattern';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let engine: Engine;
before(async () => {
  const { analyzer } = createTaintAnalyzer();
  // These files have no source a pass could start from, so every pass would be skipped whole
  // (`sourcelessPasses`, tested in sourceless-passes.test.ts) and nothing tried: run them to see the name checks.
  analyzer.skipSourceless = false;
  engine = await Engine.create({ analyzers: [analyzer] });
});
after(() => engine.dispose());

/** The patterns tried while scanning `text` as Python, and the findings' rule ids and lines. */
function scan(path: string, text: string): { tried: Set<string>; findings: string[] } {
  const tried = new Set<string>();
  matchCounters.sources = tried;
  try {
    const r = engine.scanText(path, 'python', text, settings);
    return { tried, findings: r.findings.map((f) => `${f.ruleId}:${f.range.start.line}`) };
  } finally {
    matchCounters.sources = undefined;
  }
}

// Words of a request alias (`request`, `args`) but no Flask: like much of the standard library.
const NO_FLASK = `import os
import urllib.request

def fetch(url, args):
    req = urllib.request.Request(url)
    os.system(req.full_url + str(args))
    return req.data
`;

describe('taint pattern prefilter', () => {
  it('does not try a pattern with a word the file lacks, though the file has words of a request alias', () => {
    const { tried } = scan('/w/fetch.py', NO_FLASK);
    assert.ok(tried.size > 0, 'some patterns were tried');
    const words = new Set(NO_FLASK.match(/[A-Za-z0-9]+/g));
    // The words of the Python handlers' request aliases (`flask.request`, `django_request`, ...): a parameter of
    // any name can stand for them, so they need not be in the text.
    const aliasWords = new Set(['flask', 'request', 'django', 'falcon', 'req', 'lambda', 'event', 'basehttp', 'masonite']);
    const lacking = [...tried].filter((s) => (s.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z0-9]+/g) ?? []).some((w) => !words.has(w) && !aliasWords.has(w)));
    assert.deepEqual(lacking, []);
    // `flask.request.form`: no `form` in the file.
    assert.ok(!tried.has('flask.request.form'));
  });

  it('does not run the matcher where a name of the pattern cannot match: flask.request.data at y.path', () => {
    // Every word of `flask.request.data` is in the text, so the pattern is in the index and offered at attributes.
    const text = `# flask request data\nimport os\n\ndef f(y):\n    os.system(y.path)\n`;
    const { tried } = scan('/w/names.py', text);
    assert.ok(tried.size > 0, 'some patterns were tried');
    assert.ok(!tried.has('flask.request.data'), 'no full match of flask.request.data was tried');
  });

  it('still tries them, and finds the flow, once the file imports flask', () => {
    const text = `from flask import request\nimport os\n\ndef run():\n    os.system(request.args.get('cmd'))\n`;
    const { tried, findings } = scan('/w/app.py', text);
    assert.ok([...tried].some((s) => s.startsWith('flask.request')), 'flask sources are tried');
    assert.ok(findings.some((f) => f.endsWith(':4')), `a finding on the os.system line: ${findings.join(', ')}`);
  });

  it('still finds a request read through a handler alias whose words the file does not have', () => {
    // Pyramid: the request parameter has any name; its fields are matched as `request.<field>`.
    const text = `import os\nfrom pyramid.view import view_config\n\n@view_config(route_name='x')\ndef view(r):\n    os.system(r.params['cmd'])\n`;
    const { findings } = scan('/w/views.py', text);
    assert.ok(findings.some((f) => f.endsWith(':5')), `a finding on the os.system line: ${findings.join(', ')}`);
  });
});
