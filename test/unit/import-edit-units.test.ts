/**
 * A character typed in an import re-analyses only the units whose result can depend on what it changed (issue 17):
 * a function unit's key holds none of the imports; its entry records the names it resolved through them (`I:`), the
 * modules it asked whether the file imports (`I?`) and, for a fix or a qualified callee, the imports as a whole
 * (`I*`). Typed into an import no unit uses (its module's name, its imported name), moved along its line, or moved
 * to another line, the units analysed must not grow with the file; over random edits landing in import lines,
 * findings (fixes included) equal a fresh scan, in every language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { Engine } from '../../server/src/engine/engine';
import { TaintAnalyzer } from '../../server/src/engine/taint';
import { assertEditsMatchFresh, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
let taint: TaintAnalyzer;
before(async () => ({ engine, taint } = await taintTestEngine()));
after(() => engine.dispose());

interface Case {
  lang: string;
  path: string;
  make: (n: number) => string;
  /** Where a character is typed: the unused import's module, its imported name (the same token in Java and Go). */
  module: string;
  name: string;
  /** A word of an import the handlers or sinks use: typed into, the findings change (none found in Java and Go: their
   * sinks and handlers here are recognised by the names written in the code). */
  used?: string;
  /** Import lines the property tests' edits land in, and fragments they type there. */
  fragments: readonly string[];
}

function pythonFile(n: number): string {
  const out = ['import subprocess', 'import hashlib', 'from zlib import crc32', 'from flask import Flask, request', '', 'app = Flask(__name__)', ''];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 1) out.push(`@app.route('/run${i}')`, `def run${i}():`, `    cmd = request.args.get('c')`, `    return subprocess.call(helper${i - 1}(cmd), shell=True)`, '');
    else if (i % 4 === 2) out.push(`def digest${i}(password):`, `    return hashlib.md5(password.encode()).hexdigest()`, '');
    else out.push(`def helper${i}(x):`, `    y = x + ${i}`, `    return y`, '');
  }
  return out.join('\n');
}

function javascriptFile(n: number): string {
  const out = [`const { exec } = require('child_process');`, `const { deflateSync } = require('zlib');`, `const express = require('express');`, `const app = express();`, ''];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 1) out.push(`app.get('/run${i}', (req, res) => {`, `  exec(helper${i - 1}(req.query.c));`, '});', '');
    else if (i % 4 === 2) out.push(`function page${i}(req, res) {`, `  res.send('<p>' + req.query.q + '</p>');`, '}', `app.get('/page${i}', page${i});`, '');
    else out.push(`function helper${i}(x) {`, `  const y = x + ${i};`, '  return y;', '}', '');
  }
  return out.join('\n');
}

function typescriptFile(n: number): string {
  const out = [`import { exec } from 'child_process';`, `import { deflateSync } from 'zlib';`, `import express from 'express';`, `const app = express();`, ''];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 1) out.push(`app.get('/run${i}', (req, res) => {`, `  exec(helper${i - 1}(String(req.query.c)));`, '});', '');
    else out.push(`function helper${i}(x: string): string {`, `  const y = x + ${i};`, '  return y;', '}', '');
  }
  return out.join('\n');
}

function javaFile(n: number): string {
  const out = [
    'package com.example.app;',
    '',
    'import java.io.IOException;',
    'import java.util.zip.Deflater;',
    'import java.sql.Connection;',
    'import org.springframework.web.bind.annotation.GetMapping;',
    'import org.springframework.web.bind.annotation.RequestParam;',
    'import org.springframework.web.bind.annotation.RestController;',
    '',
    '@RestController',
    'public class App {',
    '    private Connection conn;',
  ];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 1) out.push(`    @GetMapping("/run${i}")`, `    public String run${i}(@RequestParam String c) throws IOException {`, `        Runtime.getRuntime().exec(helper${i - 1}(c));`, '        return "ok";', '    }', '');
    else if (i % 4 === 2) out.push(`    @GetMapping("/q${i}")`, `    public Object q${i}(@RequestParam String id) throws Exception {`, `        return conn.createStatement().executeQuery("SELECT * FROM t WHERE id = '" + id + "'");`, '    }', '');
    else out.push(`    static String helper${i}(String x) {`, `        String y = x + ${i};`, '        return y;', '    }', '');
  }
  out.push('}', '');
  return out.join('\n');
}

function goFile(n: number): string {
  const out = ['package main', '', 'import (', '\tzl "compress/zlib"', '\t"database/sql"', '\t"net/http"', '\t"os/exec"', ')', '', 'var db *sql.DB', ''];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 1) out.push(`func run${i}(w http.ResponseWriter, r *http.Request) {`, `\texec.Command("sh", "-c", helper${i - 1}(r.URL.Query().Get("c"))).Run()`, '}', '');
    else if (i % 4 === 2) out.push(`func q${i}(w http.ResponseWriter, r *http.Request) {`, `\tdb.Query("SELECT * FROM t WHERE id = " + r.URL.Query().Get("id"))`, '}', '');
    else out.push(`func helper${i}(x string) string {`, `\ty := x + "${i}"`, '\treturn y', '}', '');
  }
  return out.join('\n');
}

const CASES: readonly Case[] = [
  { lang: 'python', path: '/imp/app.py', make: pythonFile, module: 'zlib', name: 'crc32', used: 'flask', fragments: ['x', ' ', ';', ', adler32', '.abc', 'import os\n', 'from os import path\n', 'from shlex import quote\n', 'from zlib import *\n', '\n'] },
  { lang: 'javascript', path: '/imp/app.js', make: javascriptFile, module: 'zlib', name: 'deflateSync', used: 'child_process', fragments: ['x', ' ', ';', ', gzipSync', "const { execFile } = require('child_process');\n", "const os = require('os');\n", '\n', 'Sync'] },
  { lang: 'typescript', path: '/imp/app.ts', make: typescriptFile, module: 'zlib', name: 'deflateSync', used: 'child_process', fragments: ['x', ' ', ';', ', gzipSync', "import { execFile } from 'child_process';\n", "import * as os from 'os';\n", '\n', 'Sync'] },
  { lang: 'java', path: '/imp/App.java', make: javaFile, module: 'zlib', name: 'Deflater', fragments: ['x', ' ', ';', '.*', 'import java.sql.PreparedStatement;\n', 'import java.util.*;\n', 'import static java.lang.Runtime.getRuntime;\n', '\n'] },
  { lang: 'go', path: '/imp/main.go', make: goFile, module: 'zlib', name: 'zl', fragments: ['x', ' ', '\t"fmt"\n', '\t"strings"\n', 'z "compress/zlib"\n', '\n', '/v2'] },
];

const fresh = (c: Case, text: string): unknown => engine.scanText(c.path, c.lang, text, TAINT_ONLY).findings;

/** Units analysed by each of: a character typed into the unused import's module and name, deleted, the line moved. */
function importEditCosts(c: Case, n: number): number[] {
  let text = c.make(n);
  const uri = `impedit:${c.path}.${n}`;
  engine.open(uri, c.path, c.lang, text, 1);
  try {
    engine.analyze(uri, TAINT_ONLY);
    const doc = engine.get(uri)!;
    let version = 1;
    const out: number[] = [];
    const edit = (start: number, end: number, ins: string): void => {
      const before = taint.stats.unitsAnalyzed;
      const pos = doc.lines.positionAt.bind(doc.lines);
      engine.change(uri, [{ range: { start: pos(start), end: pos(end) }, text: ins }], ++version);
      text = text.slice(0, start) + ins + text.slice(end);
      const r = engine.analyze(uri, TAINT_ONLY);
      out.push(taint.stats.unitsAnalyzed - before);
      assert.deepEqual(r.findings, fresh(c, text), `${c.lang} after ${JSON.stringify(ins)} at ${start}`);
    };
    const line = text.split('\n').findIndex((l) => l.includes(c.module));
    const lineStart = doc.lines.offsetAt({ line, character: 0 });
    for (const word of [c.module, c.name]) {
      const at = text.indexOf(word, lineStart) + word.length - 1;
      edit(at, at, 'y');
      edit(at, at + 1, '');
    }
    // Moved along its line (the import statements' offsets change, no unit moves), then back.
    edit(lineStart, lineStart, ' ');
    edit(lineStart, lineStart + 1, '');
    return out;
  } finally {
    engine.close(uri);
  }
}

describe('a character typed in an import analyses units that do not grow with the file', () => {
  for (const c of CASES) {
    it(`${c.lang}: the unused import's module and name typed into, the import moved along its line, at 24 and 96 blocks`, () => {
      const small = importEditCosts(c, 24);
      const large = importEditCosts(c, 96);
      // The top level is analysed on every edit of its text (an import is in it); functions only if they used it.
      assert.deepEqual(large, small, `units analysed per edit: ${JSON.stringify({ small, large })}`);
    });
  }
});

describe('a character typed in an import the findings depend on', () => {
  for (const c of CASES.filter((x) => x.used !== undefined)) {
    it(`${c.lang}: the findings change with it and equal a fresh scan, typed and deleted`, () => {
      let text = c.make(16);
      const uri = `impedit-used:${c.path}`;
      engine.open(uri, c.path, c.lang, text, 1);
      try {
        const doc = engine.get(uri)!;
        const first = engine.analyze(uri, TAINT_ONLY).findings;
        const at = text.indexOf(c.used!) + c.used!.length;
        let version = 1;
        const seen: unknown[] = [];
        for (const [start, end, ins] of [[at, at, 'y'], [at, at + 1, ''], [at, at, 'z']] as const) {
          const pos = doc.lines.positionAt.bind(doc.lines);
          engine.change(uri, [{ range: { start: pos(start), end: pos(end) }, text: ins }], ++version);
          text = text.slice(0, start) + ins + text.slice(end);
          const r = engine.analyze(uri, TAINT_ONLY).findings;
          assert.deepEqual(r, fresh(c, text), `${c.lang} after ${JSON.stringify(ins)}`);
          seen.push(r);
        }
        // Not a vacuous check: the import mattered.
        assert.notDeepEqual(seen[0], first);
        assert.deepEqual(seen[1], first);
      } finally {
        engine.close(uri);
      }
    });
  }
});

describe('edits in import lines: findings equal a fresh scan (property)', () => {
  for (const c of CASES) {
    it(`${c.lang}: typed characters, pasted imports and deletions in and around import lines`, () => {
      const uri = `impedit-prop:${c.path}`;
      const base = c.make(12);
      // The import lines: where most edits land (the rest anywhere).
      const importLines = base.split('\n').flatMap((l, i) => (/^(import|from|const .*require\(|\t")/.test(l) ? [i] : []));
      assertProperty(
        fc.property(
          fc.array(fc.record({ inImport: fc.boolean(), line: fc.nat(200), col: fc.nat(60), del: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(60)), ins: fc.constantFrom(...c.fragments) }), { minLength: 1, maxLength: 8 }),
          (edits) =>
            assertEditsMatchFresh(
              engine,
              { uri, path: c.path, lang: c.lang },
              base,
              // An import line by its index among them; another line by its index in the file.
              edits.map((e) => ({ ...e, line: e.inImport ? importLines[e.line % importLines.length]! : e.line })),
            ),
        ),
        30,
      );
    });
  }
});
