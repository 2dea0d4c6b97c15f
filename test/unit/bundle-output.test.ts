/**
 * What the build writes to dist/: bundles whose every character is ASCII, so V8 keeps each one's source (held for
 * lazy compilation) at one byte per character. One non-Latin-1 character left in a regex literal or a kept comment
 * made the server's source two-byte (7.7 MB instead of 3.8 MB) and as much in every scan worker (issue 17, RSS with 50
 * files open). Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const DIST = join(__dirname, '..', '..', 'dist');

describe('bundles', () => {
  it('are ASCII only, and the escaped characters still mean what they did', () => {
    const bundles = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    assert.ok(bundles.includes('server.js') && bundles.includes('scan-worker.js'), bundles.join(', '));
    for (const f of bundles) {
      const text = readFileSync(join(DIST, f), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `${f}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    }
    // A masked value (`•••`, `…`) is still told apart by the bundled secrets filter.
    const server = readFileSync(join(DIST, 'server.js'), 'utf8');
    assert.match(server, /\\u2022\{2,\}\|\\u2026/);
  });
});
