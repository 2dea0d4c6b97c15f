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

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.ssti.template-compile
  ejs.render(req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.ssti.template-compile
    ejs.render(req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.ssti.template-compile
    ejs.render(choice);
  }
  // ok: js.ssti.template-compile
  ejs.render(process.env.APP_SETTING);
});
