/**
 * The extension ships third-party code (bundled packages, grammar .wasm, the web-tree-sitter runtime) whose licences
 * require their texts to travel with it: the build writes them to dist/ThirdPartyNotices.txt and the .vsix
 * includes that file. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

describe('third-party notices', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'grammars', 'manifest.json'), 'utf8')) as { grammars: Record<string, { package: string; version: string }> };

  it('names every runtime dependency the server bundles, every grammar package and web-tree-sitter, with a licence text', () => {
    const notices = readFileSync(join(ROOT, 'dist', 'ThirdPartyNotices.txt'), 'utf8');
    // The client-only package and vscode types aside, every runtime dependency ends up in a bundle.
    for (const [name, version] of Object.entries(pkg.dependencies)) assert.ok(notices.includes(`\n${name} ${version} (`) || notices.startsWith(`${name} ${version} (`), `${name} ${version}`);
    for (const g of Object.values(manifest.grammars)) assert.ok(notices.includes(`\n${g.package} ${g.version} (`), g.package);
    assert.match(notices, /Permission is hereby granted/); // MIT text, not just the name
    assert.match(notices, /Apache License/);
  });

  it('is in the .vsix allow-list', () => {
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/ThirdPartyNotices\.txt$/m);
  });
});
