const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const fontoxpath = require('fontoxpath');
const fs = require('fs');
const app = express();
const doc = new DOMParser().parseFromString(fs.readFileSync('users.xml', 'utf8'), 'text/xml');

app.get('/user', (req, res) => {
  // ruleid: js.xpathi.query
  const nodes = xpath.select("//user[@name='" + req.query.name + "']", doc);
  res.json(nodes.length);
});

app.post('/login', (req, res) => {
  const { user, pass } = req.body;
  const expr = `//user[name/text()='${user}' and password/text()='${pass}']`;
  // ruleid: js.xpathi.query
  const found = xpath.select1(expr, doc);
  res.json({ ok: !!found });
});

app.get('/role', (req, res) => {
  // ruleid: js.xpathi.query
  const r = xpath.evaluate('//role[@id=' + req.params.id + ']', doc, null, xpath.XPathResult.ANY_TYPE, null);
  res.json(r.iterateNext());
});

app.get('/ns', (req, res) => {
  // ruleid: js.xpathi.query
  const n = xpath.useNamespaces({ u: 'urn:users' })('//u:user[@email="' + req.query.email + '"]', doc).length;
  // The selector kept in a variable: its value is xpath's.
  const select = xpath.useNamespaces({ u: 'urn:users' });
  // ok: js.xpathi.query
  select('//u:user[@active="true"]', doc);
  // ruleid: js.xpathi.query
  res.json(n + select('//u:user[@email="' + req.query.email + '"]', doc).length);
});

app.get('/fonto', (req, res) => {
  // ruleid: js.xpathi.query
  res.json(fontoxpath.evaluateXPathToNodes('//item[@sku="' + req.query.sku + '"]', doc));
});

app.get('/parsed', (req, res) => {
  // ruleid: js.xpathi.query
  const compiled = xpath.parse('//user[@name="' + req.query.name + '"]');
  res.json(compiled.select({ node: doc }).length);
});

// Browser code: the fragment picks a node by an expression.
function highlight() {
  const q = decodeURIComponent(location.hash.slice(1));
  // ruleid: js.xpathi.query
  const it = document.evaluate("//section[@id='" + q + "']", document, null, XPathResult.ANY_TYPE, null);
  return it.iterateNext();
}

// ---- negatives ----
app.get('/n1', (req, res) => {
  // The expression is constant; the value travels as an XPath variable.
  // ok: js.xpathi.query
  const nodes = xpath.parse('//user[@name=$name]').select({ node: doc, variables: { name: req.query.name } });
  // ok: js.xpathi.query
  const byId = xpath.select('//user[@id=' + parseInt(req.query.id, 10) + ']', doc);
  // ok: js.xpathi.query
  const all = xpath.select('//user', doc);
  // The user picks the context node's document, not the expression.
  const other = new DOMParser().parseFromString(req.body.xml, 'text/xml');
  // ok: js.xpathi.query
  const names = xpath.select('//user/@name', other);
  // ok: js.xpathi.query
  const count = fontoxpath.evaluateXPathToNumber('count(//item[@sku=$sku])', doc, null, { sku: req.query.sku });
  res.json({ n: nodes.length, byId, all, names, count });
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.xpathi.query
  xpath.select("//user[@name='" + req.query.v + "']", doc);
}

app.post('/shared-negatives', (req, res) => {
  if (false) {
    // ok: js.xpathi.query
    xpath.select("//user[@name='" + req.query.v + "']", doc);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.xpathi.query
    xpath.select("//user[@name='" + choice + "']", doc);
  }
  // ok: js.xpathi.query
  xpath.select("//user[@name='" + process.env.APP_SETTING + "']", doc);
});
