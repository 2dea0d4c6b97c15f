/**
 * Grammars loaded after a document opened (the language server loads each on first need): the document takes it
 * (`Engine.adoptGrammar`) and its findings, edits made before included, are those of a fresh scan of its text.
 * A registry loads a grammar once however many callers ask for it at once, and reuses one another registry of
 * the process read from the same folder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { GrammarRegistry } from '../../server/src/engine/parser';

const APP = [
  "const cp = require('child_process');",
  "const app = require('express')();",
  "app.get('/x', (req) => cp.exec('ls ' + 'x'));",
  '',
].join('\n');

describe('grammars loaded on first need', () => {
  it('a document opened before its grammar loaded takes it and matches a fresh scan', async () => {
    const grammars = await GrammarRegistry.create(undefined, []);
    const { analyzers } = createAnalyzers({});
    const engine = Engine.withGrammars(grammars, analyzers);
    const uri = 'mem:app.js';
    const doc = engine.open(uri, '/ws/app.js', 'javascript', APP, 1);
    assert.equal(doc.grammar, undefined);
    assert.equal(engine.adoptGrammar(uri), false, 'nothing to adopt before the grammar loads');
    // An edit before the grammar arrives: the user input reaches the command.
    const at = APP.split('\n')[2]!.indexOf("'x'");
    engine.change(uri, [{ range: { start: { line: 2, character: at }, end: { line: 2, character: at + 3 } }, text: 'req.query.c' }], 2);
    await grammars.ensure(['javascript']);
    assert.equal(engine.adoptGrammar(uri), true);
    assert.equal(doc.grammar, 'javascript');
    assert.ok(doc.tree, 'parsed once it has the grammar');
    const got = engine.analyze(uri);
    const fresh = Engine.withGrammars(grammars, analyzers).scanText('/ws/app.js', 'javascript', doc.text);
    assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(fresh)));
    assert.ok(got.findings.some((f) => f.pack === 'taint'), 'the taint finding is there');
    engine.dispose();
  });

  it('loads a grammar once for callers asking at once, and reuses it across registries of one folder', async () => {
    const a = await GrammarRegistry.create(undefined, []);
    await Promise.all([a.ensure(['go']), a.ensure(['go']), a.ensure(['go', 'go'])]);
    assert.deepEqual(a.loaded, ['go']);
    const b = await GrammarRegistry.create(undefined, ['go']);
    assert.equal(b.language('go'), a.language('go'));
  });
});
