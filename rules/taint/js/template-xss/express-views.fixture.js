// Request input passed to a template's context and printed raw there (the templates are in views/ beside this file).
const express = require('express');
const nunjucks = require('nunjucks');
const escapeHtml = require('escape-html');
const app = express();

// EJS: `<%- bio %>`, `<%- title %>` in an included partial, `<%- item.html %>` in a loop over `items`.
app.get('/profile', (req, res) => {
  res.render('tx-profile', {
    // ruleid: js.xss.template-raw-output
    bio: req.query.bio,
    // ok: js.xss.template-raw-output
    name: req.query.name,
    // ruleid: js.xss.template-raw-output
    title: req.query.title,
    // ok: js.xss.template-raw-output
    note: req.query.note,
  });
});

app.get('/profile/items', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.render('tx-profile.ejs', { items: req.body.items, name: 'x' });
});

// Escaped before it reaches the raw tag.
app.get('/profile/safe', (req, res) => {
  // ok: js.xss.template-raw-output
  res.render('tx-profile', { bio: escapeHtml(req.query.bio) });
});

// Pug: `!= summary`, `!{author}`, `!= c.text` over `comments`, and `!= pageTitle` in the layout it extends.
app.get('/card', (req, res) => {
  const ctx = { heading: req.query.h, summary: 'static' };
  ctx.author = req.query.a;
  // ruleid: js.xss.template-raw-output
  res.render('tx-card', ctx);
});

app.get('/card/heading', (req, res) => {
  const ctx = { heading: req.query.h, count: req.query.n };
  // ok: js.xss.template-raw-output
  res.render('tx-card', ctx);
});

app.get('/card/layout', (req, res) => {
  // ruleid: js.xss.template-raw-output
  res.render('tx-card', { pageTitle: req.params.title });
});

// Handlebars: `{{{body}}}`, `{{& signature}}`, `{{{this.html}}}` inside `{{#each replies}}`; `{{title}}` is escaped.
app.post('/post', (req, res) => {
  res.render('tx-post', {
    // ok: js.xss.template-raw-output
    title: req.body.title,
    // ruleid: js.xss.template-raw-output
    body: req.body.body,
    // ruleid: js.xss.template-raw-output
    signature: req.body.sig,
    // ruleid: js.xss.template-raw-output
    replies: req.body.replies,
  });
});

// Nunjucks: `{{ content | safe }}`, `{{ footer }}` under `autoescape false`, `{{ docTitle|safe }}` in the base.
app.get('/page', (req, res) => {
  const html = nunjucks.render('tx-page.njk', {
    // ruleid: js.xss.template-raw-output
    content: req.query.c,
    // ok: js.xss.template-raw-output
    heading: req.query.h,
    // ok: js.xss.template-raw-output
    tagline: req.query.t,
    // ruleid: js.xss.template-raw-output
    footer: req.query.f,
    // ruleid: js.xss.template-raw-output
    docTitle: req.query.d,
  });
  res.send(escapeHtml(html));
});

// A template the workspace does not have: nothing is known of what it prints.
app.get('/missing', (req, res) => {
  // ok: js.xss.template-raw-output
  res.render('tx-missing', { bio: req.query.bio });
});

// Constant context values only.
app.get('/static', (req, res) => {
  // ok: js.xss.template-raw-output
  res.render('tx-post', { body: '<b>fixed</b>', title: req.query.t });
});

// JSON.stringify escapes quotes, backslashes and control characters, not `<` (ECMA-262 JSON.stringify): printed raw,
// a value holding `<img onerror=...>` or `</script>` is markup. Issue 15, held out 4 (an echo page of the request).
app.all('/echo', (req, res) => {
  const info = { path: req.path, query: req.query, headers: req.headers };
  res.render('tx-echo', {
    // ruleid: js.xss.template-raw-output
    request_info: info,
    // ruleid: js.xss.template-raw-output
    state: { q: req.query.q },
    // ok: js.xss.template-raw-output
    query: req.query,
  });
});

app.listen(3000);
