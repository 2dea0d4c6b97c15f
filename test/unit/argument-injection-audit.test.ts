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
