/**
 * Cross-file taint through a chain of files (route -> service -> repository): pass 1 summarises the imported files
 * again, with the summaries so far, while a file they import changed, so the route's call carries the repository's
 * sinks; and a call reaching several sinks in another file is one finding per sink, each moved there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scratchWorkspace } from './cli-helpers';
import { scanJsonFindings } from './cli-scan';

interface JsonFinding {
  pack: string;
  path: string;
  ruleId: string;
  range: { start: { line: number } };
  properties?: Record<string, unknown>;
}

async function taintFindings(dir: string): Promise<string[]> {
  const found = await scanJsonFindings<JsonFinding>(dir);
  return found.filter((f) => f.pack === 'taint').map((f) => `${f.ruleId} ${f.path}:${f.range.start.line + 1} <- ${String(f.properties?.calledFrom ?? '')}`).sort();
}

const JS = {
  'src/db.js': "module.exports = require('knex')({ client: 'pg' });\n",
  'src/repo.js': [
    "const db = require('./db');",
    'function search(term) {',
    "  return db.raw(`SELECT id FROM contacts WHERE name = '${term}'`);",
    '}',
    'function byCompany(company) {',
    "  return db('contacts').whereRaw(`company = '${company}'`);",
    '}',
    'function list(sort) {',
    "  return db('contacts').orderByRaw(sort);",
    '}',
    'function byCity(city) {',
    "  return db('contacts').whereRaw('city = ?', [city]);",
    '}',
    'module.exports = { search, byCompany, list, byCity };',
    '',
  ].join('\n'),
  'src/service.js': [
    "const repo = require('./repo');",
    'function find(params) {',
    '  if (params.company) return repo.byCompany(params.company);',
    '  if (params.city) return repo.byCity(params.city);',
    '  if (params.q) return repo.search(params.q);',
    '  return repo.list(params.sort);',
    '}',
    'module.exports = { find };',
    '',
  ].join('\n'),
  'src/routes.js': [
    "const Router = require('@koa/router');",
    "const service = require('./service');",
    'const router = new Router();',
    "router.get('/contacts', async (ctx) => {",
    '  ctx.body = await service.find(ctx.query);',
    '});',
    'module.exports = router;',
    '',
  ].join('\n'),
};

const PY = {
  'app/__init__.py': '',
  'app/repository.py': [
    'import sqlite3',
    '',
    'conn = sqlite3.connect("app.db")',
    '',
    '',
    'def by_owner(owner):',
    '    return conn.execute("SELECT * FROM notes WHERE owner = \'" + owner + "\'").fetchall()',
    '',
    '',
    'def by_owner_safe(owner):',
    '    return conn.execute("SELECT * FROM notes WHERE owner = ?", (owner,)).fetchall()',
    '',
  ].join('\n'),
  'app/services.py': [
    'from . import repository',
    '',
    '',
    'def notes_for(owner, strict=False):',
    '    if strict:',
    '        return repository.by_owner_safe(owner)',
    '    return repository.by_owner(owner)',
    '',
  ].join('\n'),
  'app/views.py': [
    'from flask import Flask, jsonify, request',
    '',
    'from .services import notes_for',
    '',
    'app = Flask(__name__)',
    '',
    '',
    '@app.get("/notes")',
    'def notes():',
    '    return jsonify(notes_for(request.args["owner"]))',
    '',
  ].join('\n'),
};

describe('cross-file taint through a chain of files', () => {
  it('JS: a route -> service -> repository chain reports each repository sink the service passes the request to', async () => {
    assert.deepEqual(await taintFindings(scratchWorkspace('chain-js', JS)), [
      'js.sqli.string-query src/repo.js:3 <- src/routes.js:5',
      'js.sqli.string-query src/repo.js:6 <- src/routes.js:5',
      'js.sqli.string-query src/repo.js:9 <- src/routes.js:5',
    ]);
  });

  it('Python: view -> service -> repository, the parameterised query quiet', async () => {
    assert.deepEqual(await taintFindings(scratchWorkspace('chain-py', PY)), ['py.sqli.string-query app/repository.py:7 <- app/views.py:10']);
  });
});
