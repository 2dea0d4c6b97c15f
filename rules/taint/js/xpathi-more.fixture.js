// XPath injection across XPath libraries (xpath, libxmljs, fontoxpath, DOM) and request sources:
// `' or '1'='1` in a value turns a lookup into "every node".
const express = require('express');
const Fastify = require('fastify');
const { select, select1 } = require('xpath');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const libxmljs = require('libxmljs2');
const { evaluateXPathToFirstNode, evaluateXPathToBoolean } = require('fontoxpath');
const fs = require('fs');

const app = express();
const usersXml = fs.readFileSync('/srv/data/users.xml', 'utf8');
const doc = new DOMParser().parseFromString(usersXml, 'text/xml');
const xmlDoc = libxmljs.parseXml(usersXml);

app.get('/by-name', (req, res) => {
  // Named import of xpath's select.
  // ruleid: js.xpathi.query
  const nodes = select(`//user[@name="${req.query.name}"]/email/text()`, doc);
  res.json(nodes.map(String));
});

app.post('/auth', (req, res) => {
  const cond = ["name='" + req.body.user + "'", "pass='" + req.body.hash + "'"].join(' and ');
  // ruleid: js.xpathi.query
  const found = select1('//account[' + cond + ']', doc);
  res.json({ valid: Boolean(found) });
});

// libxmljs: get() returns the first match, find() all of them.
app.get('/lx/user', (req, res) => {
  // ruleid: js.xpathi.query
  const user = xmlDoc.get(`//user[@id='${req.params.id}']`);
  res.json(user ? user.text() : null);
});

app.get('/lx/role', (req, res) => {
  const role = req.get('X-Role');
  // ruleid: js.xpathi.query
  const members = xmlDoc.root().find('//member[role="' + role + '"]');
  res.json(members.length);
});

// A helper that builds the expression: the flow goes through its parameter.
function productPath(sku) {
  return "//product[sku='" + sku + "']";
}
app.get('/product', (req, res) => {
  // ruleid: js.xpathi.query
  res.json(evaluateXPathToFirstNode(productPath(req.query.sku), doc) !== null);
});

// Fastify.
const fastify = Fastify();
fastify.get('/flags', async (request) => {
  // ruleid: js.xpathi.query
  return { on: evaluateXPathToBoolean(`//flag[@name="${request.query.flag}"]/@on = "true"`, doc) };
});

// Browser: a value from the query string and a message from another window.
function findSection() {
  const anchor = new URLSearchParams(location.search).get('section');
  // ruleid: js.xpathi.query
  return document.evaluate(`//h2[text()="${anchor}"]`, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
}

window.addEventListener('message', (e) => {
  // ruleid: js.xpathi.query
  const expr = document.createExpression('//li[@data-id="' + e.data.id + '"]', null);
  expr.evaluate(document, XPathResult.ANY_TYPE, null);
});

// ---- negatives ----
app.get('/n/variables', (req, res) => {
  // The expression is constant; the value is an XPath variable.
  // ok: js.xpathi.query
  const n = xpath.parse('//user[@name = $name]').select1({ node: doc, variables: { name: req.query.name } });
  // ok: js.xpathi.query
  const on = evaluateXPathToBoolean('//flag[@name = $flag]/@on = "true"', doc, null, { flag: req.query.flag });
  res.json({ n: Boolean(n), on });
});

const SORT_KEYS = new Set(['name', 'email', 'created']);
app.get('/n/allowlisted', (req, res) => {
  const key = req.query.sort;
  if (SORT_KEYS.has(key)) {
    // ok: js.xpathi.query
    res.json(select('//user/' + key + '/text()', doc).map(String));
  } else {
    res.sendStatus(400);
  }
});

app.get('/n/numeric', (req, res) => {
  // ok: js.xpathi.query
  const user = xmlDoc.get('//user[@id=' + Number(req.params.id) + ']');
  // ok: js.xpathi.query
  const page = select('//user[position() > ' + parseInt(req.query.offset, 10) + ']', doc);
  res.json({ user: Boolean(user), page: page.length });
});

app.get('/n/other-apis', (req, res) => {
  // A Map and an array in a libxmljs file are not XPath.
  const cache = new Map();
  // ok: js.xpathi.query
  const hit = cache.get(req.query.key);
  // ok: js.xpathi.query
  const first = [1, 2, 3].find((x) => String(x) === req.query.key);
  // The constant expression runs over the user's document; the user picks no nodes by it.
  const theirs = libxmljs.parseXml(req.body.xml);
  // ok: js.xpathi.query
  const titles = theirs.find('//title');
  res.json({ hit, first, titles: titles.length });
});
