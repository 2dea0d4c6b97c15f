// A distinguished name built from input names whichever entry the input says (`admin,ou=people` as a user name).
import express from 'express';
import ldap from 'ldapjs';
import ldapEscape from 'ldap-escape';

const router = express.Router();
const BASE = 'ou=people,dc=example,dc=com';
const client = ldap.createClient({ url: 'ldaps://ldap.example.com' });

router.post('/login', (req, res) => {
  const { username, password } = req.body;
  // ruleid: js.ldapi.dn
  client.bind(`uid=${username},${BASE}`, password, (err) => res.json({ ok: !err }));
});

router.post('/users/:uid/disable', (req, res) => {
  const userDn = 'uid=' + req.params.uid + ',' + BASE;
  const change = new ldap.Change({ operation: 'replace', modification: { type: 'pwdAccountLockedTime', values: ['000001010000Z'] } });
  // ruleid: js.ldapi.dn
  client.modify(userDn, change, () => res.end());
  // ruleid: js.ldapi.dn
  client.del(`uid=${req.params.uid},${BASE}`, () => res.end());
});

router.post('/users/:uid/rename', (req, res) => {
  // ruleid: js.ldapi.dn
  client.modifyDN(`uid=old,${BASE}`, `uid=${req.body.newUid}`, () => res.end());
});

router.post('/login-escaped', (req, res) => {
  const { username, password } = req.body;
  // ok: js.ldapi.dn
  client.bind(ldapEscape.dn`uid=${username},${BASE}`, password, (err) => res.json({ ok: !err }));
  // ok: js.ldapi.dn
  client.bind(`uid=${Number(req.body.id)},${BASE}`, password, (err) => res.json({ ok: !err }));
  const handler = function (this: unknown, u: string) { return u; };
  // ok: js.ldapi.dn
  res.json(handler.bind(null, req.body.username)());
});

export default router;
