/** `gitBlobId` names bytes as git does, in both object formats: HEAD's files are matched with scan results by it. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gitBlobId, objectFormatOf } from '../../server/src/engine/scan/blob-id';
import { git } from './cli-helpers';

describe('gitBlobId', () => {
  for (const format of ['sha1', 'sha256'] as const) {
    it(`equals git hash-object in a ${format} repository`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-blob-'));
      git(dir, 'init', '-q', `--object-format=${format}`);
      for (const text of ['', 'const a = 1;\n', 'no newline at the end', 'é\r\n\0binary']) {
        writeFileSync(join(dir, 'f'), text);
        const id = git(dir, 'hash-object', 'f').trim();
        assert.equal(gitBlobId(Buffer.from(text), format), id, JSON.stringify(text));
        assert.equal(objectFormatOf(id), format);
      }
    });
  }
});
