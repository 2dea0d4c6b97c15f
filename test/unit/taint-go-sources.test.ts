/**
 * Go's lower-trust inputs (os.Args, the flag package, the environment) are the process class: reported only at
 * audit strictness, as the other languages' argv and environment are.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { createTaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS, type Finding, type Strictness } from '../../server/src/engine/types';

let engine: Engine;

before(async () => {
  const made = createTaintAnalyzer();
  assert.deepEqual(made.errors, []);
  engine = await Engine.create({ analyzers: [made.analyzer] });
});

function scan(strictness: Strictness, text: string): Finding[] {
  const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, strictness };
  return engine.scanText('/t/main.go', 'go', text, settings).findings.filter((f) => f.pack === 'taint');
}

const CLI = `package main

import (
	"database/sql"
	"flag"
	"net/http"
	"os"
	"os/exec"
)

func main() {
	exec.Command("sh", "-c", "tar xf "+os.Args[1]).Run()
	db, _ := sql.Open("mysql", "")
	db.Query("SELECT * FROM t WHERE name = '" + os.Getenv("NAME") + "'")
	if dir, ok := os.LookupEnv("DATA_DIR"); ok {
		os.ReadFile(dir + "/x")
	}
	flag.Parse()
	http.Get(flag.Arg(0))
}
`;

describe('Go process inputs', () => {
  it('normal strictness reports no flow from os.Args, os.Getenv, os.LookupEnv or flag.Arg', () => {
    assert.deepEqual(scan('normal', CLI), []);
  });

  it('audit strictness reports each, at low severity and labelled', () => {
    const found = scan('audit', CLI).map((f) => [f.ruleId, f.range.start.line, f.severity, f.message.split(' flows')[0]]);
    assert.deepEqual(found, [
      ['go.cmdi.exec', 11, 'low', 'Audit: process arguments'],
      ['go.sqli.query', 13, 'low', 'Audit: environment variable'],
      ['go.path-traversal.file', 15, 'low', 'Audit: environment variable'],
      ['go.ssrf.http-client', 18, 'low', 'Audit: process arguments'],
    ]);
  });
});
