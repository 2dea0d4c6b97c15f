// Server-side template injection: the request supplies the template itself (EJS, Pug, Handlebars, Nunjucks,
// Mustache, lodash/underscore, doT, Eta, LiquidJS), so its syntax runs on the server. Data passed as the
// template's variables is the safe form.
const express = require('express');
const Koa = require('koa');
const ejs = require('ejs');
const pug = require('pug');
const hbs = require('handlebars');
const nunjucks = require('nunjucks');
const Mustache = require('mustache');
const _ = require('lodash');
const { template: lodashTemplate } = require('lodash');
const underscore = require('underscore');
const doT = require('dot');
const { Eta } = require('eta');
const { Liquid } = require('liquidjs');

const app = express();
const env = nunjucks.configure('views', { autoescape: true });
const eta = new Eta({ views: 'views' });
const liquid = new Liquid();

app.post('/emails/preview', (req, res) => {
  const { subject, body } = req.body;
  // ruleid: js.ssti.template-compile
  const html = ejs.render(`<h1>${subject}</h1>${body}`, { user: req.user });
  res.json({ html });
});

app.get('/greeting', (req, res) => {
  const tpl = 'p Hello ' + req.query.name;
  // ruleid: js.ssti.template-compile
  const html = pug.render(tpl);
  res.json({ html });
});

app.post('/cards', (req, res) => {
  // ruleid: js.ssti.template-compile
  const fn = pug.compile(req.body.layout, { pretty: true });
  res.json({ html: fn({ title: 'Card' }) });
});

app.post('/hbs', (req, res) => {
  // ruleid: js.ssti.template-compile
  const render = hbs.compile(req.body.source);
  res.json({ html: render({}) });
});

app.post('/njk', (req, res) => {
  // ruleid: js.ssti.template-compile
  const out = nunjucks.renderString(req.body.template, { name: 'x' });
  res.json({ out });
});

app.post('/njk-env', (req, res) => {
  // The environment nunjucks.configure() returns renders strings the same way.
  // ruleid: js.ssti.template-compile
  const out = env.renderString(req.body.template, {});
  res.json({ out });
});

app.post('/njk-compile', (req, res) => {
  // ruleid: js.ssti.template-compile
  const tmpl = nunjucks.compile(req.body.template, env);
  res.json({ out: tmpl.render({}) });
});

app.get('/mustache', (req, res) => {
  // ruleid: js.ssti.template-compile
  const out = Mustache.render(req.headers['x-template'], { now: Date.now() });
  res.json({ out });
});

app.post('/lodash', (req, res) => {
  // ruleid: js.ssti.template-compile
  const compiled = _.template(req.body.tpl);
  // ruleid: js.ssti.template-compile
  const other = lodashTemplate(req.body.other);
  res.json({ a: compiled({}), b: other({}) });
});

app.post('/underscore', (req, res) => {
  // ruleid: js.ssti.template-compile
  res.json({ out: underscore.template(req.body.tpl)({}) });
});

app.post('/dot', (req, res) => {
  // ruleid: js.ssti.template-compile
  const fn = doT.template(req.body.tpl);
  res.json({ out: fn({}) });
});

app.post('/eta', (req, res) => {
  // ruleid: js.ssti.template-compile
  const out = eta.renderString(req.body.tpl, { user: 'x' });
  res.json({ out });
});

app.post('/liquid', async (req, res) => {
  // ruleid: js.ssti.template-compile
  const out = await liquid.parseAndRender(req.body.tpl, { user: 'x' });
  res.json({ out });
});

function renderNotice(template, vars) {
  // ruleid: js.ssti.template-compile
  return ejs.render(template, vars);
}
app.post('/notice', (req, res) => {
  res.json({ html: renderNotice(req.body.notice, { site: 'x' }) });
});

class ThemeService {
  compile(markup) {
    // ruleid: js.ssti.template-compile
    return hbs.compile(markup, { noEscape: false });
  }
}
const themes = new ThemeService();
app.post('/themes', (req, res) => {
  res.json({ html: themes.compile(req.body.markup)({}) });
});

const koa = new Koa();
koa.use(async (ctx) => {
  // ruleid: js.ssti.template-compile
  ctx.body = { html: ejs.render(ctx.query.banner, {}) };
});

// ---- negatives ----
app.get('/n-data', (req, res) => {
  // The template is fixed; the input is a variable the engine escapes.
  // ok: js.ssti.template-compile
  const a = ejs.render('<h1><%= title %></h1>', { title: req.query.title });
  // ok: js.ssti.template-compile
  const b = pug.render('p Hello #{name}', { name: req.query.name });
  // ok: js.ssti.template-compile
  const c = nunjucks.renderString('Hi {{ name }}', { name: req.query.name });
  // ok: js.ssti.template-compile
  const d = Mustache.render('Hi {{name}}', req.query);
  // ok: js.ssti.template-compile
  const e = env.renderString('{{ x }}', { x: req.query.x });
  // ok: js.ssti.template-compile
  const f = _.template('Hi <%- name %>')({ name: req.query.name });
  // ok: js.ssti.template-compile
  const g = eta.renderString('Hi <%= it.name %>', { name: req.query.name });
  res.json({ a, b, c, d, e, f, g });
});

app.get('/n-file', (req, res) => {
  // A template chosen by name from the server's own views, the input as data.
  // ok: js.ssti.template-compile
  res.render('profile', { bio: req.query.bio });
  // ok: js.ssti.template-compile
  const out = env.render('mail.njk', { body: req.query.body });
  res.json({ out });
});

const LAYOUTS = { compact: 'p= title', wide: 'h1= title' };
app.get('/n-layout', (req, res) => {
  // The input picks one of the server's templates.
  const layout = req.query.layout === 'wide' ? LAYOUTS.wide : LAYOUTS.compact;
  // ok: js.ssti.template-compile
  res.json({ html: pug.render(layout, { title: req.query.title }) });
});

app.get('/n-allowlisted', (req, res) => {
  const tpl = req.query.tpl;
  if (!['Hello', 'Welcome'].includes(tpl)) return res.status(400).end();
  // ok: js.ssti.template-compile
  res.json({ html: hbs.compile(tpl)({}) });
});

app.get('/n-count', (req, res) => {
  // ok: js.ssti.template-compile
  res.json({ html: ejs.render(`<p>${parseInt(req.query.n, 10)} items</p>`) });
});

app.get('/n-liquid', async (req, res) => {
  // ok: js.ssti.template-compile
  const out = await liquid.parseAndRender('{{ q | escape }}', { q: req.query.q });
  // ok: js.ssti.template-compile
  const parsed = JSON.parse(req.query.json);
  res.json({ out, parsed });
});
