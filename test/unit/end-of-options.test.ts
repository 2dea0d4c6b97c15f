/** The end-of-options facts the argument injection fix reads (server/src/engine/taint/end-of-options.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endOfOptionsMarker, programName } from '../../server/src/engine/taint/end-of-options';

describe('end-of-options', () => {
  it('names the program from a path, an .exe or a variable named for git', () => {
    assert.equal(programName('/usr/bin/git'), 'git');
    assert.equal(programName('git.exe'), 'git');
    assert.equal(programName('this.gitBin'), 'git');
    assert.equal(programName('GIT_PATH'), 'git');
    assert.equal(programName('/bin/tar'), 'tar');
    assert.equal(programName('find'), 'find');
  });

  it('git: -- where operands follow it, --end-of-options where -- starts paths, none elsewhere', () => {
    assert.equal(endOfOptionsMarker('git', ['clone', '--mirror']), '--');
    assert.equal(endOfOptionsMarker('git', ['-C', '/srv/r', '-c', 'a=b', 'fetch']), '--');
    assert.equal(endOfOptionsMarker('git', ['submodule', 'add']), '--');
    assert.equal(endOfOptionsMarker('git', ['log', '--oneline']), '--end-of-options');
    assert.equal(endOfOptionsMarker('git', ['checkout']), undefined);
    assert.equal(endOfOptionsMarker('git', ['submodule', 'update']), undefined);
    // The subcommand not known, or the input before it (it would be the subcommand).
    assert.equal(endOfOptionsMarker('git', [undefined, 'clone']), undefined);
    assert.equal(endOfOptionsMarker('git', ['-C']), undefined);
    assert.equal(endOfOptionsMarker('git', []), undefined);
  });

  it('tar only after dashed options, rsync always, find and ssh never', () => {
    assert.equal(endOfOptionsMarker('tar', ['-czf', '/tmp/o.tgz']), '--');
    assert.equal(endOfOptionsMarker('tar', ['czf', '/tmp/o.tgz']), undefined);
    assert.equal(endOfOptionsMarker('rsync', ['-a']), '--');
    assert.equal(endOfOptionsMarker('find', ['/srv']), undefined);
    assert.equal(endOfOptionsMarker('ssh', []), undefined);
  });
});
