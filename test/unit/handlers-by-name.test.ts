/**
 * Handlers registered by name (`by-name`, Gradio `btn.click(save, inputs, outputs)` inside a UI-building function):
 * whether a module-level function is a handler depends on a call elsewhere in the file, so an edit of that call
 * alone must change the function's findings, and the incremental result must equal a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { validateRuleFile, type TaintAnalyzer } from '../../server/src/engine/taint';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const ids = handlerFindingIds;

const APP = [
  'import subprocess',
  'import gradio as gr',
  '',
  '',
  'def convert(path):',
  '    return subprocess.check_output("convert " + path, shell=True)',
  '',
  '',
  'def ui():',
  '    with gr.Blocks() as demo:',
  '        box = gr.Textbox()',
  '        gr.Button("Go").click(convert, [box], None)',
  '    return demo',
  '',
].join('\n');

describe('handlers registered by name', () => {
  it('an edit of the registration call alone makes and unmakes the handler; incremental equals fresh', () => {
    const uri = 'by-name:/g/app.py';
    engine.open(uri, '/g/app.py', 'python', APP, 1);
    try {
      const first = engine.analyze(uri, TAINT_ONLY);
      assert.deepEqual(ids(first), ['py.cmdi.subprocess-shell@5']);
      const line = 11;
      const at = APP.split('\n')[line]!.indexOf('convert');
      let version = 1;
      // `convert` -> `converx`: no function of that name is registered any more; then back.
      for (const [text, expected] of [['x', []], ['t', ['py.cmdi.subprocess-shell@5']]] as const) {
        engine.change(uri, [{ range: { start: { line, character: at + 6 }, end: { line, character: at + 7 } }, text }], ++version);
        const r = engine.analyze(uri, TAINT_ONLY);
        assert.deepEqual(ids(r), expected);
        assert.deepEqual(r.findings, engine.scanText('/g/app.py', 'python', engine.get(uri)!.text, TAINT_ONLY).findings);
      }
    } finally {
      engine.close(uri);
    }
  });

  it('a method or a nested function of the registered name is not the handler; nor is any function without gradio', () => {
    const nested = APP.replace('def convert(path):\n    return', 'class Tool:\n    def convert(self, path):\n        return');
    assert.deepEqual(ids(engine.scanText('/g/nested.py', 'python', nested, TAINT_ONLY)), []);
    const noGradio = APP.replace('import gradio as gr', 'import gradient as gr');
    assert.deepEqual(ids(engine.scanText('/g/plain.py', 'python', noGradio, TAINT_ONLY)), []);
  });

  it('a function nested in the registering function is the handler there, and only there', () => {
    const local = APP.replace('def convert(path):\n    return subprocess.check_output("convert " + path, shell=True)\n', 'def other():\n    def convert(path):\n        return path\n').replace(
      'def ui():\n',
      'def ui():\n    def convert(path):\n        return subprocess.check_output("convert " + path, shell=True)\n\n',
    );
    assert.deepEqual(ids(engine.scanText('/g/local.py', 'python', local, TAINT_ONLY)), ['py.cmdi.subprocess-shell@11']);
    // The same name nested in a function that registers nothing: no handler.
    const elsewhere = local.replace('gr.Button("Go").click(convert, [box], None)', 'gr.Button("Go").click(print, [box], None)');
    assert.deepEqual(ids(engine.scanText('/g/elsewhere.py', 'python', elsewhere, TAINT_ONLY)), []);
  });

  it('a message listener registered by name in a function: an edit of the registration makes and unmakes it', () => {
    const js = [
      'export function mount(el) {',
      '  const onMessage = (event) => {',
      '    el.innerHTML = event.data;',
      '  };',
      "  window.addEventListener('message', onMessage);",
      '}',
      '',
    ].join('\n');
    const uri = 'by-name:/g/mount.js';
    engine.open(uri, '/g/mount.js', 'javascript', js, 1);
    try {
      assert.deepEqual(ids(engine.analyze(uri, TAINT_ONLY)), ['js.xss.dom@2']);
      const line = 4;
      const at = js.split('\n')[line]!.indexOf('onMessage');
      let version = 1;
      // The registration names another function (`onMessagx`), then this one again; then the event is `messages`.
      for (const [range, text, expected] of [
        [[at + 8, at + 9], 'x', []],
        [[at + 8, at + 9], 'e', ['js.xss.dom@2']],
        [[at - 5, at - 5], 's', []],
        [[at - 5, at - 4], '', ['js.xss.dom@2']],
      ] as const) {
        engine.change(uri, [{ range: { start: { line, character: range[0] }, end: { line, character: range[1] } }, text }], ++version);
        const r = engine.analyze(uri, TAINT_ONLY);
        assert.deepEqual(ids(r), expected, engine.get(uri)!.text);
        assert.deepEqual(r.findings, engine.scanText('/g/mount.js', 'javascript', engine.get(uri)!.text, TAINT_ONLY).findings);
      }
    } finally {
      engine.close(uri);
    }
  });

  it('a global registration function (Total.js ROUTE) is looked for only in files that name it', () => {
    // Every JS file once paid a walk of its whole tree for ROUTE's calls, which it could not have.
    const walks = (text: string): number => {
      const before = taint.stats.contextByNameWalks;
      engine.scanText('/g/routes.js', 'javascript', text, TAINT_ONLY);
      return taint.stats.contextByNameWalks - before;
    };
    const action = ['function search() {', '  var self = this;', "  self.redirect(self.query.next);", '}', ''];
    assert.equal(walks([...action, "app.get('/search', search);", ''].join('\n')), 0);
    assert.equal(walks([...action, "ROUTE('GET /search/', search);", ''].join('\n')), 1);
    const r = engine.scanText('/g/routes.js', 'javascript', [...action, "ROUTE('GET /search/', search);", ''].join('\n'), TAINT_ONLY);
    assert.deepEqual(ids(r), ['js.open-redirect.redirect@2']);
  });

  it('schema: by-name needs call and a boolean; input-param an index with params: none; unless-bound and if-bound map the pattern\'s metavariables to regexes', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        ok: { languages: ['python'], call: '$C.click($HANDLER, ...)', 'by-name': true, params: 'all' },
        nocall: { languages: ['python'], decorator: 'app.route(...)', 'by-name': true },
        notbool: { languages: ['python'], call: '$C.click($HANDLER, ...)', 'by-name': 'yes' },
        input: { languages: ['javascript'], 'entry-of': '({ Query: { $F: $HANDLER } })', 'input-param': 1 },
        badinput: { languages: ['javascript'], 'entry-of': '({ Query: { $F: $HANDLER } })', 'input-param': 1, params: 'all' },
      },
      rules: [{
        id: 'py.test.sink', name: 'x', description: 'x', languages: ['python'], severity: 'high', cwe: ['CWE-89'], message: 'x', sources: ['s'],
        sinks: [
          { pattern: '$C.run($Q)', focus: '$Q', 'unless-bound': { $C: '^Safe\\(' } },
          { pattern: '$C.run($Q)', focus: '$Q', 'unless-bound': { $D: 'x' } },
          { pattern: '$C.run($Q)', focus: '$Q', 'unless-bound': { $C: '(' } },
          { pattern: '$C.run($Q)', focus: '$Q', 'if-bound': { $E: 'x' } },
        ],
      }],
    });
    assert.deepEqual(file.handlers.map((h) => [h.id, h.byName, h.inputParam]), [['ok', true, undefined], ['input', undefined, 1]]);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /handler nocall: `by-name` must be true or false, with `call`/);
    assert.match(text, /handler notbool: `by-name` must be true or false, with `call`/);
    assert.match(text, /handler badinput: `input-param` must be a parameter index, with `params: none`/);
    assert.match(text, /`unless-bound` \$D is not a metavariable/);
    assert.match(text, /`unless-bound` \$C /);
    assert.match(text, /`if-bound` \$E is not a metavariable/);
  });

  it('schema: this-request is true with an alias; clean-params are names, with params: all or rest', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        ok: { languages: ['javascript'], call: 'ROUTE($R, $HANDLER)', 'this-request': true, alias: 'ctl', params: 'all', 'clean-params': ['session'] },
        noalias: { languages: ['javascript'], call: 'ROUTE($R, $HANDLER)', 'this-request': true },
        notbool: { languages: ['javascript'], call: 'ROUTE($R, $HANDLER)', 'this-request': 'yes', alias: 'ctl' },
        noparams: { languages: ['python'], decorator: '$RT(...)', 'clean-params': ['session'] },
        notlist: { languages: ['python'], decorator: '$RT(...)', params: 'all', 'clean-params': [1] },
      },
      rules: [],
    });
    assert.deepEqual(file.handlers.map((h) => [h.id, h.thisRequest, h.cleanParams]), [['ok', true, ['session']]]);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /handler noalias: `this-request` must be true, with `alias`/);
    assert.match(text, /handler notbool: `this-request` must be true, with `alias`/);
    assert.match(text, /handler noparams: `clean-params` applies with `params: all` or `rest`/);
    assert.match(text, /handler notlist: `clean-params`/);
  });
});
