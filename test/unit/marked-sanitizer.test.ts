/**
 * A guard with `mark` gives its subject a mark where it holds, and a sanitizer with `marked: $P` cleans `$P`'s part
 * of a call only where every flow of `$P` has the marks: a name seen to hold no ".." joined under a root
 * (`path.join(root, name)`). The subject may be a field the state does not hold yet (`entry.entryName`); the mark
 * must not outlive the branch it was given on, and the call's other parts keep their flows. A call read again
 * (`e.getName()`) keeps its mark as a checked call does, across a join where both sides have it (a `try`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (text: string): string[] => handlerFindingIds(engine.scanText('/w/x.js', 'javascript', text, TAINT_ONLY));
const javaIds = (text: string): string[] => handlerFindingIds(engine.scanText('/w/X.java', 'java', text, TAINT_ONLY));
const unzip = (...body: string[]): string =>
  [
    'import java.io.*;',
    'import java.nio.file.*;',
    'import java.util.zip.*;',
    'class X {',
    '  static void unzip(InputStream in, File dest) throws IOException {',
    '    ZipInputStream zis = new ZipInputStream(in);',
    '    ZipEntry e;',
    '    while ((e = zis.getNextEntry()) != null) {',
    ...body,
    '    }',
    '  }',
    '}',
  ].join('\n');
const handler = (...body: string[]): string =>
  ["const fs = require('fs');", "const path = require('path');", "const app = require('express')();", "app.get('/f', (req, res) => {", ...body, '});'].join('\n');

describe('marked sanitizers', () => {
  it('a field checked for ".." and joined under a root is clean; alone, or resolved, it is not', () => {
    const text = handler(
      "  if (req.query.name.includes('..')) return res.end();",
      "  res.send(fs.readFileSync(path.join('/srv', req.query.name)));",
      '  res.send(fs.readFileSync(req.query.name));',
      "  res.send(fs.readFileSync(path.resolve('/srv', req.query.name)));",
    );
    assert.deepEqual(ids(text), ['js.path-traversal.fs@6', 'js.path-traversal.fs@7']);
  });

  it('a mark given on one branch only does not hold after the branches join', () => {
    const text = handler(
      '  if (req.query.strict) {',
      "    if (req.query.name.includes('..')) return res.end();",
      '  }',
      "  res.send(fs.readFileSync(path.join('/srv', req.query.name)));",
    );
    assert.deepEqual(ids(text), ['js.path-traversal.fs@7']);
  });

  it('the root joined with a checked name keeps its own input', () => {
    const text = handler(
      '  const name = req.query.name;',
      "  if (name.includes('..')) return res.end();",
      '  res.send(fs.readFileSync(path.join(req.query.dir, name)));',
    );
    assert.deepEqual(ids(text), ['js.path-traversal.fs@6']);
  });

  it('a call checked for ".." and read again is marked, through a try whose exits both have the mark', () => {
    const text = unzip(
      '      if (e.getName().contains("..")) throw new IOException("bad");',
      '      try (OutputStream out = new FileOutputStream(new File(dest, e.getName()))) { zis.transferTo(out); }',
      '      Files.createDirectories(Paths.get(dest.getPath(), e.getName()));',
      '      Files.createDirectories(dest.toPath().resolve(e.getName()));',
    );
    assert.deepEqual(javaIds(text), ['java.path-traversal.file@11']);
  });
});
