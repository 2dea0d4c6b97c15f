/**
 * A sink that asks for its library's import (`requires-import`) holds in a file that imports the library through a
 * module of the workspace: `db.js` makes the SQLite database, `routes.js` queries it; `lib/ldap.py` connects to the
 * directory, a view searches it. A module that imports no such library lends none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scratchWorkspace } from './cli-helpers';
import { scanJsonFindings } from './cli-scan';

async function scan(dir: string): Promise<string[]> {
  const findings = await scanJsonFindings<{ path: string; ruleId: string; range: { start: { line: number } } }>(dir, '--no-baseline');
  return findings.filter((f) => f.ruleId.includes('sqli') || f.ruleId.includes('ldapi')).map((f) => `${f.ruleId} ${f.path}:${f.range.start.line + 1}`).sort();
}

describe('a library imported through a workspace module', () => {
  it('JavaScript: a SQLite database made in db.js is queried in the routes; an LDAP client made in lib/ldap.js is searched in a handler', async () => {
    const dir = scratchWorkspace('library-through-js', {
      'db.js': "const sqlite3 = require('sqlite3');\nmodule.exports = new sqlite3.Database('app.db');\n",
      'store.js': "const cache = new Map();\nmodule.exports = { get: (k) => cache.get(k), all: () => [...cache.values()] };\n",
      'routes.js': [
        "const db = require('./db');",
        "const app = require('express')();",
        "const BASE = 'SELECT * FROM items WHERE ';",
        "app.get('/items', (req, res) => {",
        "  db.all(BASE + \"name = '\" + req.query.name + \"'\", (err, rows) => res.json(rows));",
        '});',
        "app.get('/ok', (req, res) => db.all('SELECT * FROM items WHERE name = ?', [req.query.name], (err, rows) => res.json(rows)));",
        '',
      ].join('\n'),
      'cache-routes.js': [
        "const db = require('./store');",
        "const app = require('express')();",
        "const BASE = 'SELECT * FROM items WHERE ';",
        "app.get('/c', (req, res) => res.json(db.get('k' + req.query.name)));",
        "app.get('/d', (req, res) => res.json(db.all(BASE + req.query.name)));",
        '',
      ].join('\n'),
      'lib/ldap.js': "const ldap = require('ldapjs');\nexports.connect = () => ldap.createClient({ url: process.env.LDAP_URL });\n",
      'handlers/people.js': [
        "const { connect } = require('../lib/ldap');",
        'exports.search = async (event) => {',
        '  const q = event.queryStringParameters.q;',
        '  const client = connect();',
        "  client.search('ou=people,dc=example,dc=org', { scope: 'sub', filter: `(cn=${q}*)` }, () => {});",
        '};',
        '',
      ].join('\n'),
    });
    assert.deepEqual(await scan(dir), ['js.ldapi.search-filter handlers/people.js:5', 'js.sqli.string-query routes.js:5']);
  });

  it('Python: a connection made in db.py is queried in a view; ldap3 imported by a helper module', async () => {
    const dir = scratchWorkspace('library-through-py', {
      'app/__init__.py': '',
      'app/directory.py': 'import ldap3\n\n\ndef connect():\n    return ldap3.Connection(ldap3.Server("ldap://dir"), auto_bind=True)\n',
      'app/util.py': 'def connect():\n    return {}\n',
      'app/views.py': [
        'from flask import Flask, request',
        'from .directory import connect',
        '',
        'app = Flask(__name__)',
        '',
        '',
        '@app.get("/people")',
        'def people():',
        '    conn = connect()',
        '    conn.search("ou=people,dc=example,dc=org", "(cn=%s)" % request.args["q"])',
        '    return {"n": len(conn.entries)}',
        '',
      ].join('\n'),
      'app/other.py': [
        'from flask import Flask, request',
        'from .util import connect',
        '',
        'app = Flask(__name__)',
        '',
        '',
        '@app.get("/things")',
        'def things():',
        '    conn = connect()',
        '    conn.search("things", "(cn=%s)" % request.args["q"])',
        '    return {}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(await scan(dir), ['py.ldapi.search-filter app/views.py:10']);
  });
});
