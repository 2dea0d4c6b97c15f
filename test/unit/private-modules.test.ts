// Which Python files are private to their package by their path (library input, audit): no API in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { python } from '../../server/src/engine/taint/lang/python';

test('a module or package named with one leading underscore is private', () => {
  const isPrivate = python.isPrivatePath!;
  assert.equal(isPrivate('/site-packages/pip/_internal/commands/configuration.py'), true);
  assert.equal(isPrivate('/src/pkg/_impl.py'), true);
  assert.equal(isPrivate('/src/pkg/_vendor/six.py'), true);
  assert.equal(isPrivate('C:\\src\\pkg\\_compat.py'), true);
  // Dunder modules are the package itself or its entry point; a name only containing "_" is public.
  assert.equal(isPrivate('/src/pkg/__init__.py'), false);
  assert.equal(isPrivate('/src/pkg/__main__.py'), false);
  assert.equal(isPrivate('/src/my_pkg/run_git.py'), false);
  assert.equal(isPrivate('/src/pkg/api.py'), false);
});
