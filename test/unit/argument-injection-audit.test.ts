/**
 * Argument injection at audit strictness (exported functions' parameters are input, and a non-constant argument
 * is reported): an argument slice passed whole (`args...`) whose last value holds "--" is quiet, as it is at
 * default strictness through the sanitizer (go-getter's clone, in docs/accuracy.md). Go's `args := ...` and
 * `args = append(...)` bind through a one-element list on each side: each name must keep its value.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';

let engine: Engine;

before(async () => {
  const made = createTaintAnalyzer();
  assert.deepEqual(made.errors, []);
  engine = await Engine.create({ analyzers: [made.analyzer] });
});

const scan = (text: string): Finding[] =>
  engine.scanText('/w/get.go', 'go', text, { ...DEFAULT_SETTINGS, minSeverity: 'info', strictness: 'audit' }).findings.filter((f) => f.ruleId === 'go.cmdi.argument-injection');

const GO = (tail: string): string => `package getter

import (
	"context"
	"os/exec"
	"strconv"
)

func Clone(ctx context.Context, url string, ref string, dst string, depth int) error {
	args := []string{"clone"}
	if depth > 0 {
		args = append(args, "--depth", strconv.Itoa(depth), "--branch", ref)
	}
	${tail}
	return exec.CommandContext(ctx, "git", args...).Run()
}
`;

describe('argument injection at audit strictness', () => {
  it('reports a slice passed whole without "--"', () => {
    assert.equal(scan(GO('args = append(args, url, dst)')).length, 1);
  });
  it('is quiet on a slice whose last value holds "--"', () => {
    assert.deepEqual(scan(GO('args = append(args, "--", url, dst)')).map((f) => f.message), []);
  });
  it('is quiet on a slice literal holding "--"', () => {
    assert.deepEqual(scan(GO('args = []string{"clone", "--", url, dst}')).map((f) => f.message), []);
  });
});

const scanJs = (path: string, text: string): Finding[] =>
  engine.scanText(path, 'javascript', text, { ...DEFAULT_SETTINGS, minSeverity: 'info', strictness: 'audit' }).findings.filter((f) => f.ruleId === 'js.cmdi.argument-injection');

const JS = (body: string): string => `const { execFileSync } = require('child_process');
${body}
module.exports = { run };
`;

describe('argument injection at audit strictness: what the program reads as an option (session 16)', () => {
  it("reports an exported function's parameter as git add's operand", () => {
    assert.equal(scanJs('/w/lib/git.js', JS("function run(p) { execFileSync('git', ['add', p]); }")).length, 1);
  });
  it("is quiet on the value of git commit's -m (@changesets/git)", () => {
    assert.deepEqual(scanJs('/w/lib/git.js', JS("function run(message) { execFileSync('git', ['commit', '-m', message]); }")).map((f) => f.message), []);
  });
  it('is quiet on a known option and = in a template literal', () => {
    assert.deepEqual(scanJs('/w/lib/git.js', JS("function run(by) { execFileSync('git', ['fetch', `--deepen=${by}`]); }")).map((f) => f.message), []);
  });
  it('is quiet on `flag && "--short"` (false or the constant)', () => {
    assert.deepEqual(scanJs('/w/lib/git.js', JS("function run(short) { execFileSync('git', ['rev-parse', short && '--short', 'HEAD']); }")).map((f) => f.message), []);
  });
  it('is quiet on `[...].filter(Boolean)` of such words (@changesets/git getCurrentCommitId)', () => {
    assert.deepEqual(scanJs('/w/lib/git.js', JS("function run(short) { execFileSync('git', ['rev-parse', short && '--short', 'HEAD'].filter(Boolean)); }")).map((f) => f.message), []);
  });
  it("takes a runner's list parameter (giget's _gitSpawn, hexo-deployer-git's git(...args)) as its callers' lists: no non-constant report, a caller's input traced", () => {
    const body = `function git(...args) { return execFileSync('git', args); }
function spawnGit(args) { return execFileSync('git', args); }
function run(url, path) { git('clone', '--', url); spawnGit(['add', path]); }`;
    assert.deepEqual(scanJs('/w/lib/git.js', JS(body)).map((f) => [f.range.start.line, /parameter `path`/.test(f.message)]), [[2, true]]);
  });
  it('is quiet on a number after git pull --depth= (the audit reading of a non-constant word)', () => {
    assert.deepEqual(scanJs('/w/lib/git.js', JS("function run() { execFileSync('git', ['pull', '--depth=' + Math.max(1, 2)]); }")).map((f) => f.message), []);
  });
  it("takes a git run's output as the program's, not as its arguments (@changesets/git's merge-base)", () => {
    const body = `function base(ref) { return execFileSync('git', ['merge-base', ref, 'HEAD']).toString(); }
function run(ref) { const b = base(ref); return execFileSync('git', ['show', b.trim()]); }`;
    // Line 3: the show; before, the merge-base's arguments were taken as carried to its output.
    assert.deepEqual(scanJs('/w/lib/git.js', JS(body)).filter((f) => f.range.start.line === 2 && f.message.includes('parameter')).map((f) => f.message), []);
  });
  it('reports nothing at audit strictness in test code', () => {
    const text = JS("function run(p) { execFileSync('git', ['add', p]); }");
    assert.equal(scanJs('/w/lib/git.js', text).length, 1);
    assert.deepEqual(scanJs('/w/lib/git.test.js', text).map((f) => f.message), []);
  });
});

describe('argument injection at audit strictness: Go runners (session 16)', () => {
  const GO_RUNNER = (call: string): string => `package githttp

import "os/exec"

func run(dir string, args ...string) ([]byte, error) {
	return exec.Command("git", args...).Output()
}

func add(dir string, path string) ([]byte, error) {
	return exec.Command("git", "add", path).Output()
}

func Update(dir string) ([]byte, error) {
	${call}
	return nil, nil
}
`;
  it("takes a variadic runner's words as its callers' (go-git-http's gitCommand), a word of the call not", () => {
    assert.deepEqual(scan(GO_RUNNER('run(dir, "update-server-info")')).map((f) => f.range.start.line), [9]);
  });
});
