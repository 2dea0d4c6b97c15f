/**
 * The dependencies pack's text readers see workspace files an attacker may write (a cloned repository): their
 * regexes have no ambiguous nested repetition and bounded windows, so each is linear in the input. The inputs
 * below made earlier versions quadratic (minutes); the child process and its timeout are only a guard.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

function runGuarded(code: string): { status: number | null; signal: string | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, signal: r.signal, stderr: r.stderr };
}

describe('dependencies pack: adversarial text', () => {
  it('import, include and TOML table readers stay linear on long runs of spaces, repeated keywords and many imports', () => {
    const r = runGuarded(`
      const { importsOf } = require('./server/src/engine/sca/reachability');
      const { requirementIncludes, pyprojectDependencies, requirementsDependencies } = require('./server/src/engine/sca/manifests');
      const n = 200000;
      const sp = ' '.repeat(n);
      importsOf('js', 'import' + sp + 'x');
      importsOf('js', 'import {' + 'a,'.repeat(n));
      importsOf('js', 'const {' + ' a'.repeat(n) + ' require');
      importsOf('js', 'import '.repeat(n));
      importsOf('js', 'x = require("a")\\n'.repeat(60000));
      importsOf('py', 'import a\\n'.repeat(60000));
      importsOf('py', 'from' + sp + 'x');
      requirementIncludes('-r' + sp);
      requirementIncludes('--requirement' + sp + '=' + sp);
      requirementsDependencies('a' + sp + '>=' + sp);
      pyprojectDependencies('[' + sp + 'x');
      pyprojectDependencies('[project]\\ndependencies = [' + sp);
      console.log('done');
    `);
    assert.equal(r.signal, null, 'killed by the guard timeout: a reader is not linear');
    assert.equal(r.status, 0, r.stderr);
  });
});
