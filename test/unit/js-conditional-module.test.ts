/**
 * A name bound to a conditional between two imported modules (`const client = secure ? https : http`) names the
 * first arm's module, as a plain alias does; a conditional with a value or a local object in an arm names nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import type { TaintAnalyzer } from '../../server/src/engine/taint';
import { resetNodeCache } from '../../server/src/engine/patterns/pattern';
import { taintTestEngine } from './taint-test-engine';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

const importsOf = (text: string): Map<string, string> => {
  const uri = 'condmod:/w/a.js';
  engine.open(uri, '/w/a.js', 'javascript', text, 1);
  try {
    // Node-keyed memos outlive a tree; the analyzer resets them per run, as this direct call must.
    resetNodeCache();
    const doc = engine.get(uri)!;
    return taint.compiledFor(doc)!.module.collectImports(doc.tree!.rootNode, doc.text);
  } finally {
    engine.close(uri);
  }
};

describe('a conditional between two modules', () => {
  it('names the first arm\'s module, inside a function too', () => {
    const head = "const http = require('http');\nconst https = require('https');\n";
    assert.equal(importsOf(`${head}function f(u) {\n  const client = u.startsWith('https:') ? https : http;\n}\n`).get('client'), 'https');
    assert.equal(importsOf(`${head}let t = secure ? http : https\n`).get('t'), 'http');
  });

  it('names nothing when an arm is not a module', () => {
    const head = "const https = require('https');\nconst cache = {};\n";
    assert.equal(importsOf(`${head}const store = fresh ? cache : https;\n`).get('store'), undefined);
    assert.equal(importsOf(`${head}const scheme = secure ? 'https' : 'http';\n`).get('scheme'), undefined);
  });
});
