const express = require('express');
const ldap = require('ldapjs');
const ldapEscape = require('ldap-escape');
const app = express();
const client = ldap.createClient({ url: 'ldap://ldap.example.com' });
const BASE = 'ou=people,dc=example,dc=com';

app.get('/user', (req, res) => {
  // ruleid: js.ldapi.search-filter
  client.search(BASE, { filter: '(uid=' + req.query.uid + ')', scope: 'sub' }, (err, r) => res.end());
});

app.post('/login', (req, res) => {
  const { username } = req.body;
  const opts = { filter: `(&(objectClass=person)(uid=${username}))`, scope: 'sub', attributes: ['dn'] };
  // ruleid: js.ldapi.search-filter
  client.search(BASE, opts, (err, r) => res.end());
});

app.get('/group', (req, res) => {
  const filter = '(cn=' + req.params.group + ')';
  // The options argument may be the filter string itself.
  // ruleid: js.ldapi.search-filter
  client.search(BASE, filter, (err, r) => res.end());
});

app.get('/mail', (req, res) => {
  // ruleid: js.ldapi.search-filter
  const f = ldap.parseFilter('(mail=' + req.query.mail + ')');
  res.json({ f: f.toString() });
});

app.get('/search', async (req, res) => {
  const term = req.query.q;
  const filter = `(|(cn=*${term}*)(mail=*${term}*))`;
  // ruleid: js.ldapi.search-filter
  const r = await client.search(BASE, { scope: 'sub', filter, sizeLimit: 50 });
  res.json(r);
});

app.get('/dept', (req, res) => {
  const dept = req.get('X-Dept');
  // ruleid: js.ldapi.search-filter
  client.search('ou=' + dept + ',' + BASE, { filter: '(objectClass=person)' }, () => res.end());
});

// ---- negatives ----
app.get('/n1', (req, res) => {
  // A filter object escapes the value when it is serialised.
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: new ldap.EqualityFilter({ attribute: 'uid', value: req.query.uid }) }, () => res.end());
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(uid=' + ldapEscape.filter(req.query.uid) + ')' }, () => res.end());
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(uidNumber=' + parseInt(req.query.n, 10) + ')' }, () => res.end());
  // Only the attribute list comes from the request: it cannot change which entries match.
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(objectClass=person)', attributes: [req.query.attr] }, () => res.end());
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(objectClass=person)' }, () => res.end());
});

const SCOPES = ['people', 'groups'];
app.get('/n2', (req, res) => {
  const ou = req.query.ou;
  if (SCOPES.includes(ou)) {
    // ok: js.ldapi.search-filter
    client.search('ou=' + ou + ',dc=example,dc=com', { filter: '(objectClass=*)' }, () => res.end());
  }
  // Array.prototype.search does not exist, but a string's search is a regex test, not LDAP.
  // ok: js.ldapi.search-filter
  const at = req.query.text.search(/@/);
  res.json({ at });
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(uid=' + req.query.v + ')' }, () => {});
}

app.post('/shared-negatives', (req, res) => {
  if (false) {
    // ok: js.ldapi.search-filter
    client.search(BASE, { filter: '(uid=' + req.query.v + ')' }, () => {});
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.ldapi.search-filter
    client.search(BASE, { filter: '(uid=' + choice + ')' }, () => {});
  }
  // ok: js.ldapi.search-filter
  client.search(BASE, { filter: '(uid=' + process.env.APP_SETTING + ')' }, () => {});
});
