const express = require('express');
const ejs = require('ejs');
const Handlebars = require('handlebars');
const app = express();

app.get('/page', (req, res) => {
  // ruleid: js.ssti.template-compile
  res.send(ejs.render('<h1>' + req.query.title + '</h1>', {}));
});

app.post('/preview', (req, res) => {
  // ruleid: js.ssti.template-compile
  const tpl = Handlebars.compile(req.body.template);
  res.send(tpl({}));
});

// ---- negatives ----
app.get('/n1', (req, res) => {
  // User data as template variables, the template fixed.
  // ok: js.ssti.template-compile
  res.send(ejs.render('<h1><%= title %></h1>', { title: req.query.title }));
  const name = req.query.template;
  if (name === 'invoice' || name === 'receipt') {
    // ok: js.ssti.template-compile
    Handlebars.compile(require('fs').readFileSync(`templates/${name}.hbs`, 'utf8'));
  }
});
