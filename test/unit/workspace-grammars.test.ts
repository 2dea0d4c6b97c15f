/**
 * The grammars the server loads in the background after start-up (`workspaceGrammars`): those of the workspace's
 * files, most files first, not of dependency or hidden folders, from a bounded number of directory entries.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { workspaceGrammars } from '../../server/src/lsp/workspace-grammars';

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'vigil-ws-grammars-'));
  const put = (rel: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), '');
  };
  for (const f of ['app.py', 'lib/util.py', 'lib/deep/more.py', 'web/ui.ts', 'web/view.tsx', 'README.md', 'node_modules/pkg/index.java', '.git/hooks/x.go', 'vendor/dep.go']) put(f);
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('workspaceGrammars', () => {
  it("lists the grammars of the workspace's own files, most files first", async () => {
    assert.deepEqual(await workspaceGrammars([root]), ['python', 'tsx', 'typescript']);
  });

  it('leaves out the files the user excluded: a grammar only they need is not loaded', async () => {
    const excluded = (path: string) => path.startsWith(join(root, 'web') + '/');
    assert.deepEqual(await workspaceGrammars([root], undefined, excluded), ['python']);
  });

  it('reads no more than the given number of directory entries, top folders first', async () => {
    // The root's own entries come first: app.py is among them, the TypeScript files are one level down.
    const few = await workspaceGrammars([root], 3);
    assert.ok(few.length <= 1, JSON.stringify(few));
    assert.deepEqual(await workspaceGrammars([join(root, 'missing')]), []);
  });
});
