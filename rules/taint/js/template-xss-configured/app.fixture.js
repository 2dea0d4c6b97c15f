// An app whose templates live in a folder it configures (`pages/`, not Express's default `views/`), rendered by
// `res.render` and by two-step renders (a template loaded or compiled first, then rendered).
const fs = require('fs');
const path = require('path');
const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const nunjucks = require('nunjucks');
const Handlebars = require('handlebars');
const app = express();
app.set('views', path.join(__dirname, 'pages'));
const env = nunjucks.configure(path.join(__dirname, 'pages'), { autoescape: true });

// `<%- note %>` in pages/tc-note.ejs; `<%= title %>` is escaped.
app.get('/note', (req, res) => {
  res.render('tc-note', {
    // ruleid: js.xss.template-raw-output
    note: req.query.n,
    // ok: js.xss.template-raw-output
    title: req.query.t,
  });
});

// EJS's renderFile with the template's path.
app.get('/note/file', (req, res) => {
  // ruleid: js.xss.template-raw-output
  ejs.renderFile(path.join(__dirname, 'pages', 'tc-note.ejs'), { note: req.query.n }, (err, html) => res.send(html));
});

app.get('/note/file/title', (req, res) => {
  // ok: js.xss.template-raw-output
  ejs.renderFile(__dirname + '/pages/tc-note.ejs', { title: req.query.t }, (err, html) => res.send(html));
});

// Nunjucks: a template loaded by name, rendered in place or through a local.
app.post('/mail', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.send(env.getTemplate('tc-mail.njk').render({ body: req.body.b }));
});

app.post('/mail/subject', (req, res) => {
  const tmpl = env.getTemplate('tc-mail.njk');
  // ok: js.xss.template-raw-output
  res.send(tmpl.render({ subject: req.body.s }));
});

app.post('/mail/local', (req, res) => {
  const tmpl = env.getTemplate('tc-mail.njk');
  // ruleid: js.xss.template-raw-output
  res.send(tmpl.render({ body: req.body.b, subject: 'x' }));
});

// Pug: compileFile(path)(locals) and renderFile(path, locals).
app.get('/card', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.send(pug.compileFile(path.join(__dirname, 'pages/tc-card.pug'))({ blurb: req.query.b }));
});

app.get('/card/name', (req, res) => {
  // ok: js.xss.template-raw-output
  res.send(pug.renderFile(`${__dirname}/pages/tc-card.pug`, { name: req.query.n }));
});

app.get('/card/render', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.send(pug.renderFile(`${__dirname}/pages/tc-card.pug`, { blurb: req.query.b }));
});

// Handlebars compiles the text of a template file read by path.
app.post('/receipt', (req, res) => {
  const src = fs.readFileSync(path.join(__dirname, 'pages', 'mail', 'tc-receipt.hbs'), 'utf8');
  // ruleid: js.xss.template-raw-output
  res.send(Handlebars.compile(src)({ memo: req.body.memo }));
});

app.post('/receipt/customer', (req, res) => {
  const src = fs.readFileSync(path.join(__dirname, 'pages', 'mail', 'tc-receipt.hbs'), 'utf8');
  // ok: js.xss.template-raw-output
  res.send(Handlebars.compile(src)({ customer: req.body.c }));
});

// A template compiled from a string, not a file: nothing is known of what it prints.
app.post('/inline', (req, res) => {
  // ok: js.xss.template-raw-output
  res.send(Handlebars.compile('<p>{{name}}</p>')({ memo: req.body.memo }));
});

// `.html` views rendered by EJS: a value printed raw behind a default for a missing local.
app.engine('html', ejs.renderFile);
app.post('/notice', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.render('tc-notice.html', { msg: 'saved', back: req.get('referer') });
});

app.post('/notice/hint', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.render('tc-notice.html', { hint: req.body.hint });
});

app.post('/notice/msg', (req, res) => {
  // ok: js.xss.template-raw-output
  res.render('tc-notice.html', { msg: req.body.msg, back: '/' });
});

app.listen(3000);
