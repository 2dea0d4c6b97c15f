// An application's own RFC 4515 escaper, recognised by its name, cleans the value it escapes.
import { Client } from 'ldapjs';
import express from 'express';

const client = new Client({ url: 'ldap://localhost' });
const router = express.Router();

function escapeLdapFilter(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

router.get('/people/by-mail', (req, res) => {
  const mail = escapeLdapFilter(String(req.query.mail ?? ''));
  // ok: js.ldapi.search-filter
  client.search('ou=people,dc=example', { filter: `(mail=${mail})` }, () => res.end());
});

router.get('/people/by-uid', (req, res) => {
  const uid = String(req.query.uid ?? '');
  // ruleid: js.ldapi.search-filter
  client.search('ou=people,dc=example', { filter: `(uid=${uid})` }, () => res.end());
});

router.get('/people/by-cn', (req, res) => {
  // A name that says something else is no escaper.
  const cn = escapeHtml(String(req.query.cn ?? ''));
  // ruleid: js.ldapi.search-filter
  client.search('ou=people,dc=example', { filter: `(cn=${cn})` }, () => res.end());
});

function escapeHtml(s: string): string {
  return s.replace(/</g, '&lt;');
}

// An escaper under a plain name: every filter special replaced by its \xx form.
function escape(v: string): string {
  return v.replace(/[*()\\\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

// Only the parentheses: `*` still widens the match.
function stripParens(v: string): string {
  return v.replace(/[()]/g, '');
}

router.get('/people/by-mail', (req, res) => {
  const mail = String(req.query.mail ?? '');
  // ok: js.ldapi.search-filter
  client.search('ou=people,dc=example', { filter: `(mail=${escape(mail)})` }, () => res.end());
  // ruleid: js.ldapi.search-filter
  client.search('ou=people,dc=example', { filter: `(mail=${stripParens(mail)})` }, () => res.end());
});
