// A pattern compiled from request input: `(a+)+$` against a long run of `a`s blocks the event loop
// (https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS). Escaped first, the input
// is matched as the literal text it is.
const express = require('express');
const _ = require('lodash');
const escapeStringRegexp = require('escape-string-regexp');
const User = require('./models/user');

const app = express();

app.get('/search', async (req, res) => {
  // ruleid: js.regex-injection.regexp
  const users = await User.find({ name: new RegExp(req.query.q, 'i') });
  res.json(users);
});

app.get('/filter', (req, res) => {
  const { prefix } = req.query;
  // ruleid: js.regex-injection.regexp
  const re = RegExp('^' + prefix);
  res.json(['alpha', 'beta'].filter((s) => re.test(s)));
});

app.post('/rules', (req, res) => {
  const { pattern, flags } = req.body;
  // ruleid: js.regex-injection.regexp
  const compiled = new RegExp(pattern, flags);
  res.json({ ok: compiled.test(req.body.sample) });
});

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

app.get('/search-safe', async (req, res) => {
  // ok: js.regex-injection.regexp
  const a = new RegExp(_.escapeRegExp(req.query.q), 'i');
  // ok: js.regex-injection.regexp
  const b = new RegExp(escapeStringRegexp(req.query.q));
  // ok: js.regex-injection.regexp
  const c = new RegExp(escapeRegExp(req.query.q));
  const d = req.query.q.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
  // ok: js.regex-injection.regexp
  const e = new RegExp(`^${d}$`);
  res.json([a, b, c, e].map(String));
});

app.get('/count', (req, res) => {
  // A number has no pattern characters.
  // ok: js.regex-injection.regexp
  const re = new RegExp(`^.{${parseInt(req.query.n, 10)}}$`);
  // The input is the text searched, not the pattern.
  // ok: js.regex-injection.regexp
  const m = /^[a-z]+$/.test(req.query.name) && new RegExp('^[a-z]+$').exec(req.query.name);
  res.json({ re: String(re), m });
});

app.get('/half-escaped', (req, res) => {
  // Replacing only the dots leaves `(`, `+` and `*`: not escaped.
  const q = req.query.q.replace(/\./g, '\\.');
  // ruleid: js.regex-injection.regexp
  res.json(new RegExp(q).test('x'));
});
