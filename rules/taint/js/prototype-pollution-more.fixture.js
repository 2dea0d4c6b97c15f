// Prototype pollution: request data names the properties of a nested write or a deep merge, so a key such as
// __proto__ (or a path constructor.prototype.x) changes Object.prototype for the whole process.
const express = require('express');
const Koa = require('koa');
const lodash = require('lodash');
const { merge, defaultsDeep, setWith } = require('lodash');
const $ = require('jquery');
const dotProp = require('dot-prop');

const app = express();
app.use(express.json());
const prefs = {};
const cache = {};
const features = {};

app.put('/prefs/:group/:name', (req, res) => {
  // ruleid: js.prototype-pollution.merge
  prefs[req.params.group][req.params.name] = req.body.value;
  res.end();
});

app.post('/features', (req, res) => {
  const { flag } = req.body;
  // A fixed property under a key from the request: flag = "__proto__" sets Object.prototype.enabled.
  // ruleid: js.prototype-pollution.merge
  features[flag].enabled = true;
  res.end();
});

app.post('/matrix', (req, res) => {
  const [row, col, cell] = req.body.coords;
  // ruleid: js.prototype-pollution.merge
  cache[row][col][cell] = req.body.value;
  res.end();
});

app.post('/profile', (req, res) => {
  const user = {};
  // ruleid: js.prototype-pollution.merge
  lodash.merge(user, req.body);
  // ruleid: js.prototype-pollution.merge
  merge(user, req.body.extra);
  res.json(user);
});

app.post('/defaults', (req, res) => {
  const options = { retries: 3 };
  // ruleid: js.prototype-pollution.merge
  defaultsDeep(options, req.body.options);
  res.json(options);
});

app.post('/set', (req, res) => {
  const doc = {};
  // ruleid: js.prototype-pollution.merge
  setWith(doc, req.query.path, req.query.value, Object);
  // ruleid: js.prototype-pollution.merge
  lodash.set(doc, `meta.${req.query.key}`, 1);
  res.json(doc);
});

app.post('/jquery', (req, res) => {
  const settings = {};
  // ruleid: js.prototype-pollution.merge
  $.extend(true, settings, JSON.parse(req.body.json));
  res.json(settings);
});

app.post('/dot', (req, res) => {
  const config = {};
  // ruleid: js.prototype-pollution.merge
  dotProp.set(config, req.body.key, req.body.value);
  res.json(config);
});

function assignNested(target, section, key, value) {
  // ruleid: js.prototype-pollution.merge
  target[section][key] = value;
}
app.post('/sections', (req, res) => {
  assignNested(prefs, req.body.section, req.body.key, req.body.value);
  res.end();
});

class SettingsStore {
  constructor() {
    this.data = {};
  }
  update(patch) {
    // ruleid: js.prototype-pollution.merge
    lodash.mergeWith(this.data, patch, (a, b) => (Array.isArray(a) ? b : undefined));
  }
}
const store = new SettingsStore();
app.patch('/settings', (req, res) => {
  store.update(req.body);
  res.end();
});

const koa = new Koa();
koa.use(async (ctx) => {
  const { ns, field } = ctx.request.body;
  // ruleid: js.prototype-pollution.merge
  cache[ns][field] = ctx.request.body.value;
});

// Hapi
function routes(server) {
  server.route({
    method: 'POST',
    path: '/state',
    handler: (request) => {
      // ruleid: js.prototype-pollution.merge
      lodash.set(cache, request.payload.path, request.payload.value);
      return 'ok';
    },
  });
}

// AWS Lambda
exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  // ruleid: js.prototype-pollution.merge
  cache[body.tenant][body.key] = body.value;
  return { statusCode: 204 };
};

app.post('/path-loop', (req, res) => {
  // Missing: a hand-written path walk (cur = cur[k] in a loop, then cur[last] = v) is one-level writes each time.
  const keys = req.body.path.split('.');
  let cur = prefs;
  for (const k of keys.slice(0, -1)) cur = cur[k] = cur[k] || {};
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  // todoruleid: js.prototype-pollution.merge
  cur[keys[keys.length - 1]] = req.body.value;
  res.end();
});

// ---- negatives ----
app.put('/n-deny/:group/:name', (req, res) => {
  const { group, name } = req.params;
  // The check the rule asks for.
  if (group === '__proto__' || group === 'constructor' || group === 'prototype') return res.status(400).end();
  // ok: js.prototype-pollution.merge
  prefs[group][name] = req.body.value;
  res.end();
});

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
app.put('/n-denylist', (req, res) => {
  const { group, name } = req.body;
  if (FORBIDDEN.includes(group)) return res.status(400).end();
  // ok: js.prototype-pollution.merge
  prefs[group][name] = req.body.value;
  res.end();
});

app.put('/n-not-equal', (req, res) => {
  const { group, name } = req.body;
  if (group !== '__proto__') {
    // ok: js.prototype-pollution.merge
    prefs[group][name] = req.body.value;
  }
  res.end();
});

app.put('/n-own', (req, res) => {
  const { group, name } = req.body;
  // Only groups that already exist on the object itself.
  if (!Object.hasOwn(prefs, group)) return res.status(404).end();
  // ok: js.prototype-pollution.merge
  prefs[group][name] = req.body.value;
  res.end();
});

app.put('/n-map', (req, res) => {
  // A Map has no prototype chain to reach through its keys.
  const byGroup = new Map();
  // ok: js.prototype-pollution.merge
  byGroup.set(req.body.group, new Map([[req.body.name, req.body.value]]));
  res.end();
});

app.put('/n-fixed-keys', (req, res) => {
  // The keys are the server's; only the value comes from the request.
  // ok: js.prototype-pollution.merge
  prefs.ui.theme = req.body.theme;
  // ok: js.prototype-pollution.merge
  prefs['mail']['digest'] = req.body.digest;
  // ok: js.prototype-pollution.merge
  lodash.set(prefs, 'ui.language', req.body.language);
  res.end();
});

app.put('/n-index', (req, res) => {
  const i = Number(req.params.i);
  // A number cannot name __proto__.
  // ok: js.prototype-pollution.merge
  prefs.rows[i].label = req.body.label;
  res.end();
});

app.post('/n-shallow', (req, res) => {
  // Object.assign and spread copy own properties one level deep: no write through __proto__.
  // ok: js.prototype-pollution.merge
  const copy = Object.assign({}, req.body);
  // ok: js.prototype-pollution.merge
  const merged = lodash.merge({}, { theme: 'dark' }, { count: Number(req.body.count) });
  res.json({ copy, merged, spread: { ...req.body } });
});

app.post('/n-picked', (req, res) => {
  // Only known fields are merged.
  // ok: js.prototype-pollution.merge
  lodash.merge(prefs, lodash.pick(req.body, ['theme', 'language']));
  res.end();
});

app.post('/n-server-data', (req, res) => {
  const defaults = { ui: { theme: 'light' } };
  // ok: js.prototype-pollution.merge
  lodash.merge(prefs, defaults);
  // ok: js.prototype-pollution.merge
  features[process.env.DEFAULT_FLAG].enabled = Boolean(req.body.on);
  res.end();
});
