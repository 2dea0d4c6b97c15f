// LDAP filter injection with ldapjs and activedirectory, across request sources and flow shapes: `*)(uid=*` in a
// value widens the filter to every entry.
const express = require('express');
const Router = require('@koa/router');
const ldap = require('ldapjs');
const ldapEscape = require('ldap-escape');
const ActiveDirectory = require('activedirectory2');

const app = express();
const client = ldap.createClient({ url: 'ldaps://ldap.example.com' });
const ad = new ActiveDirectory({ url: 'ldaps://dc.example.com', baseDN: 'dc=example,dc=com' });
const BASE = 'ou=people,dc=example,dc=com';

app.get('/directory', (req, res) => {
  const parts = ['(objectClass=inetOrgPerson)', `(departmentNumber=${req.query.dept})`];
  // ruleid: js.ldapi.search-filter
  client.search(BASE, { filter: '(&' + parts.join('') + ')', scope: 'sub' }, (err, r) => res.end());
});

app.post('/reset', (req, res) => {
  const email = req.body.email;
  const filter = '(mail=' + email + ')';
  const opts = { scope: 'sub', attributes: ['uid'] };
  opts.filter = filter;
  // A field written after the object was made: the whole object passed carries it.
  // ruleid: js.ldapi.search-filter
  client.search(BASE, opts, (err, r) => res.end());
});

app.post('/reset-escaped', (req, res) => {
  const opts = { scope: 'sub', attributes: ['uid'] };
  opts.filter = new ldap.EqualityFilter({ attribute: 'mail', value: req.body.email });
  // ok: js.ldapi.search-filter
  client.search(BASE, opts, (err, r) => res.end());
});

app.post('/reset-overwritten', (req, res) => {
  const opts = { scope: 'sub' };
  opts.filter = '(mail=' + req.body.email + ')';
  opts.filter = '(objectClass=person)';
  // The tainted filter was replaced before the search.
  // ok: js.ldapi.search-filter
  client.search(BASE, opts, (err, r) => res.end());
});

// A helper that builds the filter: the flow goes through its parameter.
function byPhone(phone) {
  return `(telephoneNumber=${phone})`;
}
app.get('/phone', (req, res) => {
  // ruleid: js.ldapi.search-filter
  client.search(BASE, { filter: byPhone(req.params.phone) }, (err, r) => res.end());
});

app.get('/manager', (req, res) => {
  const cn = req.header('X-Manager');
  // ruleid: js.ldapi.search-filter
  const f = ldap.parseFilter(`(manager=cn=${cn},${BASE})`);
  client.search(BASE, { filter: f }, () => res.end());
});

// activedirectory2: find / findUsers take an LDAP filter string.
app.get('/ad/users', (req, res) => {
  // ruleid: js.ldapi.search-filter
  ad.findUsers('(&(objectClass=user)(title=' + req.query.title + '))', (err, users) => res.json(users));
});

app.get('/ad/find', (req, res) => {
  // ruleid: js.ldapi.search-filter
  ad.find({ filter: `(sAMAccountName=${req.query.account})`, scope: 'sub' }, (err, results) => res.json(results));
});

// Koa: the context is the request.
const router = new Router();
router.get('/groups/:name', async (ctx) => {
  // ruleid: js.ldapi.search-filter
  client.search('ou=groups,dc=example,dc=com', { filter: `(cn=${ctx.params.name})` }, () => {});
  ctx.status = 202;
});

// ---- negatives ----
app.get('/n/filters', (req, res) => {
  // Filter objects escape their values when the filter is written out.
  // ok: js.ldapi.search-filter
  const and = new ldap.AndFilter({
    filters: [new ldap.EqualityFilter({ attribute: 'objectClass', value: 'person' }), new ldap.SubstringFilter({ attribute: 'cn', any: [req.query.q] })],
  });
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: and }, () => {});
  // ldap-escape as a tagged template escapes every substituted value.
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: ldapEscape.filter`(uid=${req.query.uid})` }, () => {});
  res.end();
});

app.get('/n/numbers', (req, res) => {
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(employeeNumber=' + Number(req.query.n) + ')' }, () => res.end());
});

app.get('/n/validated', (req, res) => {
  const uid = req.query.uid;
  if (/^[a-z0-9._-]{1,32}$/.test(uid)) {
    // ok: js.ldapi.search-filter
    client.search(BASE, { filter: `(uid=${uid})` }, () => res.end());
  }
});

app.get('/n/paging', (req, res) => {
  // Only the page size comes from the request, as a number; the filter is constant.
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(objectClass=person)', paged: { pageSize: parseInt(req.query.size, 10) } }, () => res.end());
  // A string's search() is a regex search, not LDAP, even in an LDAP file.
  // ok: js.ldapi.search-filter
  const hit = req.query.q.search('@');
  // An array's find() is not activedirectory's.
  // ok: js.ldapi.search-filter
  const item = ['a', 'b'].find((x) => x === req.query.q);
  res.json({ hit, item });
});
