// lodash's merge and defaultsDeep from their per-method modules (`lodash/merge`, the `lodash.merge` package) and
// with the input after a defaults object: every source object is merged in, the last one winning.
const express = require('express');
const merge = require('lodash/merge');
const defaultsDeep = require('lodash/defaultsDeep');
const mergePkg = require('lodash.merge');
const _ = require('lodash');

const app = express();
app.use(express.json());
const defaults = { theme: { mode: 'light' } };

app.post('/settings', (req, res) => {
  // ruleid: js.prototype-pollution.merge
  const a = merge({}, req.body.settings);
  // ruleid: js.prototype-pollution.merge
  const b = merge({}, defaults, req.body.settings);
  // ruleid: js.prototype-pollution.merge
  const c = defaultsDeep({}, req.body.settings);
  // ruleid: js.prototype-pollution.merge
  const d = mergePkg({}, req.body.settings);
  // ruleid: js.prototype-pollution.merge
  const e = _.merge({}, defaults, req.body.settings);
  res.json({ a, b, c, d, e });
});

app.post('/safe', (req, res) => {
  // A number, not an object to merge.
  // ok: js.prototype-pollution.merge
  const a = merge({}, defaults, { age: Number(req.body.age) });
  // ok: js.prototype-pollution.merge
  const b = merge({}, defaults, { theme: { mode: 'dark' } });
  res.json({ a, b });
});
