/**
 * Sinks matched through variables: an options object, client or parser held in a local or in a module-level name
 * assigned once matches a sink pattern as if written in place. A function that read a module constant depends on
 * it: editing, removing or adding the constant changes its findings incrementally as a fresh scan would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const settings = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };

let engine: Engine;
before(async () => {
  engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
});
after(() => engine.dispose());

const JS = [
  `const cp = require('child_process');`,
  `const express = require('express');`,
  `const app = express();`,
  `const OPTS = { shell: true };`,
  `app.get('/run', (req, res) => {`,
  `  cp.spawn(req.query.c, OPTS);`,
  `  res.end();`,
  `});`,
  '',
].join('\n');

const PY = [
  'from flask import Flask, request',
  'from lxml import etree',
  '',
  'app = Flask(__name__)',
  'PARSER = etree.XMLParser(resolve_entities=True)',
  '',
  '',
  '@app.route("/x", methods=["POST"])',
  'def view():',
  '    return etree.fromstring(request.data, PARSER).tag',
  '',
].join('\n');

function ruleIds(uri: string, path: string, lang: string): string[] {
  const r = engine.analyze(uri, settings);
  const fresh = engine.scanText(path, lang, engine.get(uri)!.text, settings);
  assert.deepEqual(r.findings, fresh.findings, 'the incremental result equals a fresh scan');
  return r.findings.map((f) => f.ruleId);
}

/** Replaces the first `from` in the document's text with `to`, as one editor change. */
function replace(uri: string, from: string, to: string, version: number): void {
  const text = engine.get(uri)!.text;
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" is in the text`);
  const lines = text.slice(0, at).split('\n');
  const start = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  const endLines = text.slice(0, at + from.length).split('\n');
  const end = { line: endLines.length - 1, character: endLines[endLines.length - 1]!.length };
  engine.change(uri, [{ range: { start, end }, text: to }], version);
}

describe('sinks through module-level values', () => {
  it('javascript: spawn(cmd, OPTS) with OPTS = { shell: true } at the top level, then edited', () => {
    const uri = 'mv:/m/app.js';
    engine.open(uri, '/m/app.js', 'javascript', JS, 1);
    try {
      assert.deepEqual(ruleIds(uri, '/m/app.js', 'javascript'), ['js.cmdi.child-process']);
      replace(uri, 'shell: true', 'shell: false', 2);
      assert.deepEqual(ruleIds(uri, '/m/app.js', 'javascript'), []);
      replace(uri, 'shell: false', 'shell: true', 3);
      assert.deepEqual(ruleIds(uri, '/m/app.js', 'javascript'), ['js.cmdi.child-process']);
      // Assigned twice at the top level: no constant.
      replace(uri, `app.get('/run'`, `OPTS = {};\napp.get('/run'`, 4);
      assert.deepEqual(ruleIds(uri, '/m/app.js', 'javascript'), []);
    } finally {
      engine.close(uri);
    }
  });

  it('python: a module-level parser with resolve_entities=True, removed and added back', () => {
    const uri = 'mv:/m/app.py';
    engine.open(uri, '/m/app.py', 'python', PY, 1);
    try {
      assert.deepEqual(ruleIds(uri, '/m/app.py', 'python'), ['py.xxe.lxml']);
      replace(uri, 'PARSER = etree.XMLParser(resolve_entities=True)', 'OTHER = 1', 2);
      assert.deepEqual(ruleIds(uri, '/m/app.py', 'python'), []);
      replace(uri, 'OTHER = 1', 'PARSER = etree.XMLParser(resolve_entities=True)', 3);
      assert.deepEqual(ruleIds(uri, '/m/app.py', 'python'), ['py.xxe.lxml']);
    } finally {
      engine.close(uri);
    }
  });
});
