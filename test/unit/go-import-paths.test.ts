/**
 * A Go package named by its import path in a `requires-import` (`archive/zip`): the file's imports keep the path,
 * and canonical module names lose its slash, so a source written for one package once matched in no file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const UNZIP = (imports: string): string => [
  'package extract',
  '',
  `import (\n${imports}\n\t"os"\n\t"path/filepath"\n)`,
  '',
  'func unzip(r *zip.Reader, dest string) {',
  '\tfor _, f := range r.File {',
  '\t\tos.Create(filepath.Join(dest, f.Name))',
  '\t}',
  '}',
].join('\n');

describe('Go import paths in requires-import', () => {
  it('an archive entry is a source in a file importing archive/zip, and only there', () => {
    assert.deepEqual(handlerFindingIds(engine.scanText('/w/unzip.go', 'go', UNZIP('\t"archive/zip"'), TAINT_ONLY)), ['go.path-traversal.file@10']);
    assert.deepEqual(handlerFindingIds(engine.scanText('/w/unzip.go', 'go', UNZIP('\tzip "example.com/notzip"'), TAINT_ONLY)), []);
  });
});
