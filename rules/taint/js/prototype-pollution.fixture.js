const express = require('express');
const _ = require('lodash');
const app = express();
const settings = {};

app.post('/settings', (req, res) => {
  const { section, key, value } = req.body;
  // section = "__proto__" changes every object.
  // ruleid: js.prototype-pollution.merge
  settings[section][key] = value;
  // ruleid: js.prototype-pollution.merge
  _.set(settings, req.body.path, req.body.value);
  res.end();
});

app.post('/merge', (req, res) => {
  // ruleid: js.prototype-pollution.merge
  _.merge(settings, JSON.parse(req.body.patch));
  res.end();
});

// ---- negatives ----
const SECTIONS = ['ui', 'mail'];
app.post('/n1', (req, res) => {
  const { section, key, value } = req.body;
  if (!SECTIONS.includes(section)) return res.status(400).end();
  // ok: js.prototype-pollution.merge
  settings[section][key] = value;
  // ok: js.prototype-pollution.merge
  _.set(settings, 'ui.theme', req.body.theme);
  res.end();
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.prototype-pollution.merge
  settings[req.query.v][key] = 1;
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.prototype-pollution.merge
    settings[req.query.v][key] = 1;
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.prototype-pollution.merge
    settings[choice][key] = 1;
  }
  // ok: js.prototype-pollution.merge
  settings[process.env.APP_SETTING][key] = 1;
});
