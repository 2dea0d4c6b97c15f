/**
 * Server-side template XSS: the per-syntax scanners find raw output tags and the keys they print (escaped output is
 * none), the index resolves a render call's name under the framework's folder and follows includes, and a template
 * that changes between runs changes the open file's findings as a fresh scan of it would.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { buildTemplateIndex, collectTemplateFacts, isInTemplateFolder, templateFacts, type TemplateIndex } from '../../server/src/engine/templates/template-index';
import { configuredTemplateFolders } from '../../server/src/engine/templates/template-config';

const keys = (path: string, text: string): string[] => templateFacts(path, text).raw.filter((r) => !r.plain).map((r) => r.key);

describe('template raw outputs', () => {
  it('EJS: <%- %> raw, <%= %> escaped, include and loop variables', () => {
    const t = templateFacts('/a/views/x.ejs', `<%- include('head') %>\n<%= name %>\n<%- bio %>\n<% posts.forEach(function (p) { %><%- p.body %><% }) %>\n<%- helper(x) %>`);
    assert.deepEqual(t.raw.map((r) => [r.key, r.line]), [['bio', 2], ['posts', 3]]);
    assert.deepEqual(t.includes, ['head']);
  });
  it('EJS: a default for a missing local prints the local; .html views with EJS tags are read for them', () => {
    assert.deepEqual(keys('/a/views/x.ejs', `<%- typeof(back) !== 'undefined' ? back : '/' %> <%- hint || '' %> <%- a ? b : c %> <%- x ? 'y' : 'z' %>`), ['back', 'hint']);
    assert.deepEqual(keys('/a/views/x.html', `<%= a %> <%- b %> {{ c|safe }}`), ['c', 'b']);
    // A Jinja2 page holding a client-side template: its `<%- %>` is the browser's, not the server's.
    assert.deepEqual(keys('/a/templates/x.html', `{% block body %}<script type="text/template"><%- b %></script>{% endblock %}`), []);
  });
  it('Pug: != and !{} raw, = and #{} escaped, != in code is a comparison', () => {
    assert.deepEqual(keys('/a/views/x.pug', `p= a\ndiv.c!= b\np hi !{c} #{d}\nif e != 0\n  span= e\n- var f = g != h\neach i in items\n  p!= i.t`), ['b', 'c', 'items']);
  });
  it('Handlebars: {{{ }}} and {{& }} raw, {{ }} escaped, this inside #each', () => {
    assert.deepEqual(keys('/a/views/x.hbs', `{{a}} {{{b}}} {{& c}} {{#each list}}{{{this.html}}}{{/each}} {{{md d}}}`), ['b', 'c', 'list']);
  });
  it('Jinja2/Django/Nunjucks: |safe raw unless another filter escapes; autoescape off blocks', () => {
    assert.deepEqual(keys('/a/templates/x.html', `{{ a }} {{ b|safe }} {{ c|e|safe }} {{ d|default('')|safe }} {% autoescape off %}{{ e }} {{ f|escape }}{% endautoescape %} {{ g }}`), ['b', 'd', 'e']);
    assert.deepEqual(keys('/a/templates/x.html', `{% for r in rows %}{{ r.html|safe }}{% endfor %}`), ['rows']);
    // Plain `{{ x }}`: raw only in an environment without autoescape; not when a filter or a block escapes it.
    const plain = templateFacts('/a/templates/x.html', `{{ a }} {{ b|e }} {{ c|default('') }} {% autoescape true %}{{ d }}{% endautoescape %}`).raw;
    assert.deepEqual(plain.map((r) => [r.key, r.plain]), [['a', true], ['c', true]]);
  });
});

describe('template index', () => {
  const idx = buildTemplateIndex([
    templateFacts('/w/app/views/page.ejs', `<%- include('partials/head') %><%- body %>`),
    templateFacts('/w/app/views/partials/head.ejs', `<%- title %>`),
    templateFacts('/w/other/views/page.ejs', `<%- other %>`),
    templateFacts('/w/shop/templates/shop/item.html', `{% extends "base.html" %}{{ desc|safe }}`),
    templateFacts('/w/shop/templates/base.html', `{{ head|safe }}`),
  ]);
  it('resolves by name under the folder, nearest the rendering file, and follows includes', () => {
    assert.deepEqual(idx.lookup('/w/app/routes/index.js', 'page', ['views'])?.map((h) => h.key), ['body', 'title']);
    assert.deepEqual(idx.lookup('/w/other/server.js', 'page.ejs', ['views'])?.map((h) => h.key), ['other']);
    assert.deepEqual(idx.lookup('/w/shop/views.py', 'shop/item.html', ['templates'])?.map((h) => h.key), ['desc', 'head']);
  });
  it('a path through the folder names the template under it', () => {
    assert.deepEqual(idx.lookup('/w/app/routes/index.js', 'views/partials/head.ejs', ['views'])?.map((h) => h.key), ['title']);
    assert.deepEqual(idx.lookup('/w/app/routes/index.js', '/../views/page.ejs', ['views'])?.map((h) => h.key), ['body', 'title']);
  });
  it('configured folders: looked in besides the defaults', () => {
    const custom = buildTemplateIndex([templateFacts('/w/site/tpl/a.ejs', `<%- x %>`)], ['tpl']);
    assert.deepEqual(custom.lookup('/w/site/app.js', 'a', ['views'])?.map((h) => h.key), ['x']);
    assert.equal(buildTemplateIndex([templateFacts('/w/site/tpl/a.ejs', `<%- x %>`)]).lookup('/w/site/app.js', 'a', ['views']), undefined);
    assert.equal(isInTemplateFolder('/w/site/tpl/a.ejs'), false);
    assert.equal(isInTemplateFolder('/w/site/tpl/a.ejs', ['tpl']), true);
    assert.equal(isInTemplateFolder('/w/site/views/a.ejs'), true);
  });
  it('reads configured folders from the source text', () => {
    assert.deepEqual(configuredTemplateFolders(`app.set('views', path.join(__dirname, '..', 'tpl'));\napp.set("views", [__dirname + '/a/pages/', \`\${__dirname}/b\`]);`), ['tpl', 'pages', 'b']);
    assert.deepEqual(configuredTemplateFolders(`app = Flask(__name__, template_folder='../web/tpl')\nbp = Blueprint('x', __name__, template_folder="bp_tpl")`), ['tpl', 'bp_tpl']);
    assert.deepEqual(configuredTemplateFolders(`TEMPLATES = [{\n 'DIRS': [\n   os.path.join(BASE_DIR, 'site_templates'),\n   BASE_DIR / "more",\n ],\n}]\nenv = Environment(loader=FileSystemLoader(searchpath="./jin"))\nnunjucks.configure('nj', { autoescape: true })\nt = Jinja2Templates(directory="fa")`), ['site_templates', 'more', 'jin', 'nj', 'fa']);
    // A folder held in a variable, or none given, is not read.
    assert.deepEqual(configuredTemplateFolders(`app.set('views', viewsDir);\napp.set('view engine', 'ejs');\nFlask(__name__, template_folder=None)\n'DIRS': [],`), []);
  });
  it('an unknown template, or another framework folder, is none', () => {
    assert.equal(idx.lookup('/w/app/x.js', 'missing', ['views']), undefined);
    assert.equal(idx.lookup('/w/app/x.py', 'page', ['templates']), undefined);
  });
});

describe('a template that changes', () => {
  const settings = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };
  let engine: Engine;
  const analyzers = createAnalyzers().analyzers;
  const taint = analyzers.find((a) => a.pack === 'taint') as unknown as { setTemplateIndex(i: TemplateIndex | undefined): void };
  before(async () => {
    engine = await Engine.create({ analyzers });
  });
  after(() => engine.dispose());
  const code = [`const express = require('express');`, `const app = express();`, `app.get('/', (req, res) => {`, `  res.render('hello', { name: req.query.n, bio: req.query.b });`, `});`].join('\n');
  const index = (text: string): TemplateIndex => buildTemplateIndex([templateFacts('/w/views/hello.ejs', text)]);
  const found = (fs: Finding[]): string[] => fs.filter((f) => f.ruleId === 'js.xss.template-raw-output').map((f) => `${f.range.start.line}:${f.range.start.character}:${f.trace?.at(-1)?.path}:${f.trace?.at(-1)?.range.start.line}`);
  const fresh = (): string[] => found(engine.scanText('/w/app.js', 'javascript', code, settings).findings);

  it('updates the open file on its next run, as a fresh scan', () => {
    engine.open('file:///w/app.js', '/w/app.js', 'javascript', code);
    const runs: [string[], string[]][] = [];
    for (const t of [`<%= name %> <%= bio %>`, `<%- name %>`, `<%= name %>\n<%- bio %>`, `<%= name %> <%= bio %>`]) {
      taint.setTemplateIndex(index(t));
      runs.push([found(engine.analyze('file:///w/app.js', settings).findings), fresh()]);
    }
    taint.setTemplateIndex(undefined);
    engine.close('file:///w/app.js');
    for (const [incremental, scratch] of runs) assert.deepEqual(incremental, scratch);
    assert.deepEqual(runs.map(([r]) => r.length), [0, 1, 1, 0]);
    assert.deepEqual(runs[2]![0], ['3:48:/w/views/hello.ejs:1']);
  });
});

describe('the editor reads the workspace folder\'s templates', () => {
  const settings = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };
  let engine: Engine;
  const root = mkdtempSync(join(tmpdir(), 'vigil-templates-'));
  before(async () => {
    engine = await Engine.create({ analyzers: createAnalyzers({ workspaceTemplateLimit: 100 }).analyzers });
  });
  after(() => {
    engine.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  const code = [`from flask import Flask, render_template, request`, `app = Flask(__name__)`, `@app.route("/")`, `def index():`, `    return render_template("hi.html", name=request.args["n"])`].join('\n');
  const count = (fs: Finding[]): number => fs.filter((f) => f.ruleId === 'py.xss.template-raw-output').length;

  it('lists them once, and again after workspaceChanged', async () => {
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates', 'hi.html'), '<p>{{ name|safe }}</p>');
    const path = join(root, 'app.py');
    engine.open('file:///app.py', path, 'python', code);
    // Not read yet: the host awaits `prepare` (the listing is asynchronous) before analysing.
    assert.equal(count(engine.analyze('file:///app.py', settings, root).findings), 0);
    await engine.prepare('file:///app.py', settings, root);
    assert.equal(count(engine.analyze('file:///app.py', settings, root).findings), 1);
    writeFileSync(join(root, 'templates', 'hi.html'), '<p>{{ name }}</p>');
    // Not listed again until the host says files changed.
    await engine.prepare('file:///app.py', settings, root);
    assert.equal(count(engine.analyze('file:///app.py', settings, root).findings), 1);
    engine.workspaceChanged();
    await engine.prepare('file:///app.py', settings, root);
    assert.equal(count(engine.analyze('file:///app.py', settings, root).findings), 0);
    assert.equal(count(engine.scanText(path, 'python', code, settings, root).findings), 0);
    engine.close('file:///app.py');
  });

  it('reads the folder an app configures, as a workspace scan does', async () => {
    const dir = join(root, 'configured');
    mkdirSync(join(dir, 'site_pages'), { recursive: true });
    writeFileSync(join(dir, 'site_pages', 'hey.html'), '<p>{{ name|safe }}</p>');
    const text = code.replace('Flask(__name__)', 'Flask(__name__, template_folder="site_pages")').replace('hi.html', 'hey.html');
    const path = join(dir, 'app.py');
    // Read from disk, as a saved file: the configuration may be in any source file of the folder.
    writeFileSync(path, text);
    engine.open('file:///configured/app.py', path, 'python', text);
    engine.workspaceChanged();
    await engine.prepare('file:///configured/app.py', settings, root);
    assert.equal(count(engine.analyze('file:///configured/app.py', settings, root).findings), 1);
    const scan = await collectTemplateFacts([{ path }, { path: join(dir, 'site_pages', 'hey.html') }], 1_000_000);
    assert.deepEqual(scan.folders, ['site_pages']);
    assert.deepEqual(scan.facts.map((f) => f.raw.map((r) => r.key)), [['name']]);
    // No template outside the default folders: nothing a configured folder could add, the sources are not read.
    assert.deepEqual((await collectTemplateFacts([{ path }], 1_000_000)).folders, []);
    // A folder above the workspace named like a template folder does not make its pages templates.
    const above = join(root, 'templates', 'checkout');
    mkdirSync(above, { recursive: true });
    writeFileSync(join(above, 'page.html'), '<p>{{ name|safe }}</p>');
    assert.equal((await collectTemplateFacts([{ path: join(above, 'page.html'), relPath: 'page.html' }], 1_000_000)).facts.length, 0);
    assert.equal((await collectTemplateFacts([{ path: join(above, 'page.html'), relPath: 'templates/page.html' }], 1_000_000)).facts.length, 1);
    engine.close('file:///configured/app.py');
  });
});
