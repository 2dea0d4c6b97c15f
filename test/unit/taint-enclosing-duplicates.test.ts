/**
 * One finding per flow and sink call: two sink patterns of a rule matching one call, one at its argument and one
 * at the whole call, give the argument's finding only (before: two findings on the line).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

let engine: Engine;

before(async () => {
  const made = createTaintAnalyzer();
  assert.deepEqual(made.errors, []);
  engine = await Engine.create({ analyzers: [made.analyzer] });
});

describe('taint: enclosing duplicates', () => {
  it('ldapjs search with an options object held in a variable: one finding, at the options argument', () => {
    const text = `const express = require('express');
const ldap = require('ldapjs');
const app = express();
const client = ldap.createClient({ url: 'ldap://directory.internal' });

app.get('/people', (req, res) => {
  const opts = { scope: 'sub', filter: \`(cn=*\${req.query.name}*)\` };
  client.search('ou=people,dc=corp', opts, () => res.end());
});
`;
    const found = engine
      .scanText('/ws/app.js', 'javascript', text, { ...DEFAULT_SETTINGS, minSeverity: 'info' })
      .findings.filter((f) => f.ruleId === 'js.ldapi.search-filter')
      .map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]);
    assert.deepEqual(found, [[7, 37, 41]]);
  });
});
