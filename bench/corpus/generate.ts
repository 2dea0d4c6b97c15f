/**
 * Deterministic generator of benchmark source files: ordinary application code (helpers, classes, config,
 * comments) with some vulnerable flows (SQL and command injection, path traversal, eval, unsafe
 * deserialisation, SSRF) and some hard-coded credentials, in JavaScript, TypeScript, Python, Java (Spring MVC and
 * Servlet handlers) and Go (net/http and Gin handlers). The same seed gives the same file on every machine.
 * Credentials are random values in the right format: fake.
 */
import { pick, rng } from '../lib/stats';

export type BenchLanguage = 'javascript' | 'typescript' | 'python' | 'java' | 'go';

export const EXTENSIONS: Record<BenchLanguage, string> = { javascript: 'js', typescript: 'ts', python: 'py', java: 'java', go: 'go' };

export interface GeneratedFile {
  text: string;
  /** Zero-based lines where a top-level block starts: safe places to paste a block. */
  blockStarts: number[];
  /** How many vulnerable-flow blocks and credential blocks the file holds. */
  vulnerableBlocks: number;
  secretBlocks: number;
}

type Block = { lines: string[]; kind: 'plain' | 'vuln' | 'secret' };
type Template = (r: () => number, i: number) => Block;

const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

function chars(r: () => number, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

/** A fake credential in a documented format, with the variable name a developer would give it. */
export function fakeSecret(r: () => number): { name: string; value: string } {
  switch (Math.floor(r() * 4)) {
    case 0:
      return { name: 'awsAccessKeyId', value: `AKIA${chars(r, UPPER32, 16)}` };
    case 1:
      return { name: 'awsSecretAccessKey', value: chars(r, B64, 40) };
    case 2:
      return { name: 'githubToken', value: `ghp_${chars(r, ALNUM, 36)}` };
    default:
      return { name: 'slackBotToken', value: `xoxb-${chars(r, '0123456789', 12)}-${chars(r, '0123456789', 13)}-${chars(r, ALNUM, 24)}` };
  }
}

const NOUNS = ['order', 'invoice', 'user', 'session', 'report', 'cart', 'ticket', 'account', 'shipment', 'product'];

function noun(r: () => number): string {
  return pick(r, NOUNS);
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------- JavaScript / TypeScript

function jsTemplates(ts: boolean): Template[] {
  const T = (s: string) => (ts ? s : ''); // type annotation only in TypeScript
  const reqRes = ts ? 'req: Request, res: Response' : 'req, res';
  return [
    (r, i) => {
      const n = noun(r);
      return {
        kind: 'plain',
        lines: [
          `/**`,
          ` * Totals the ${n} lines, with tax, rounded to cents.`,
          ` */`,
          `function total${cap(n)}${i}(items${T(': LineItem[]')}, taxRate${T(': number')})${T(': number')} {`,
          `  let total = 0;`,
          `  for (const item of items) {`,
          `    if (item.quantity > 0 && !item.cancelled) {`,
          `      total += item.price * item.quantity;`,
          `    }`,
          `  }`,
          `  return Math.round(total * (1 + taxRate) * 100) / 100;`,
          `}`,
          ``,
        ],
      };
    },
    (r, i) => {
      const n = cap(noun(r));
      return {
        kind: 'plain',
        lines: [
          `class ${n}Cache${i} {`,
          `  ${ts ? 'private readonly entries = new Map<string, { value: unknown; expires: number }>();' : 'entries = new Map();'}`,
          `  constructor(${ts ? 'private readonly ttlMs: number' : 'ttlMs'}) {`,
          ts ? `    this.ttlMs = ttlMs || 60_000;` : `    this.ttlMs = ttlMs || 60_000;`,
          `  }`,
          `  get(key${T(': string')}) {`,
          `    const hit = this.entries.get(key);`,
          `    if (!hit || hit.expires < Date.now()) return undefined;`,
          `    return hit.value;`,
          `  }`,
          `  set(key${T(': string')}, value${T(': unknown')}) {`,
          `    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });`,
          `  }`,
          `}`,
          ``,
        ],
      };
    },
    (r, i) => ({
      kind: 'plain',
      lines: [
        `const settings${i} = {`,
        `  retries: ${1 + Math.floor(r() * 5)},`,
        `  timeoutMs: ${1000 * (1 + Math.floor(r() * 30))},`,
        `  region: '${pick(r, ['eu-west-1', 'us-east-2', 'ap-south-1'])}',`,
        `  features: ['${noun(r)}', '${noun(r)}'],`,
        `};`,
        ``,
      ],
    }),
    (r, i) => {
      const n = noun(r);
      return {
        kind: 'plain',
        lines: [
          `async function load${cap(n)}s${i}(ids${T(': string[]')}) {`,
          `  const results = await Promise.all(ids.map((id) => db.query('SELECT * FROM ${n}s WHERE id = $1', [id])));`,
          `  return results.flatMap((r) => r.rows).filter((row) => row.active);`,
          `}`,
          ``,
        ],
      };
    },
    (r, i) => {
      const n = noun(r);
      return {
        kind: 'vuln',
        lines: [
          `app.get('/${n}s/${i}', async (${reqRes}) => {`,
          `  const id = req.query.id;`,
          `  const rows = await db.query("SELECT * FROM ${n}s WHERE id = '" + id + "'");`,
          `  res.json(rows);`,
          `});`,
          ``,
        ],
      };
    },
    (r, i) => ({
      kind: 'vuln',
      lines: [
        `app.post('/tools/${i}/archive', (${reqRes}) => {`,
        `  const dir = req.body.dir;`,
        `  exec('tar czf /tmp/out${i}.tgz ' + dir, (err${T(': Error | null')}) => {`,
        `    res.status(err ? 500 : 200).end();`,
        `  });`,
        `});`,
        ``,
      ],
    }),
    (r, i) => ({
      kind: 'vuln',
      lines: [
        `app.get('/files/${i}', (${reqRes}) => {`,
        `  const name = req.params.name;`,
        `  fs.readFile(path.join(__dirname, 'public', name), 'utf8', (err${T(': Error | null')}, data${T(': string')}) => {`,
        `    if (err) return res.sendStatus(404);`,
        `    res.send(data);`,
        `  });`,
        `});`,
        ``,
      ],
    }),
    (r, i) => ({
      kind: 'vuln',
      lines: [`app.post('/calc/${i}', (${reqRes}) => {`, `  const result = eval(req.body.expression);`, `  res.json({ result });`, `});`, ``],
    }),
    (r, i) => {
      const s = fakeSecret(r);
      return { kind: 'secret', lines: [`const ${s.name}${i} = '${s.value}';`, ``] };
    },
    (r, i) => ({
      kind: 'plain',
      lines: [
        `// Keeps the ${noun(r)} list sorted by date, newest first, then by id for a stable order.`,
        `export function sort${i}(list${T(': Array<{ date: number; id: string }>')}) {`,
        `  return [...list].sort((a, b) => b.date - a.date || a.id.localeCompare(b.id));`,
        `}`,
        ``,
      ],
    }),
  ];
}

const JS_HEADER = [
  `'use strict';`,
  `const express = require('express');`,
  `const fs = require('fs');`,
  `const path = require('path');`,
  `const { exec } = require('child_process');`,
  `const db = require('./db');`,
  ``,
  `const app = express();`,
  `app.use(express.json());`,
  ``,
];

const TS_HEADER = [
  `import express, { type Request, type Response } from 'express';`,
  `import fs from 'node:fs';`,
  `import path from 'node:path';`,
  `import { exec } from 'node:child_process';`,
  `import { db } from './db';`,
  ``,
  `interface LineItem {`,
  `  price: number;`,
  `  quantity: number;`,
  `  cancelled?: boolean;`,
  `}`,
  ``,
  `export const app = express();`,
  `app.use(express.json());`,
  ``,
];

// ---------------------------------------------------------------- Python

const PY_TEMPLATES: Template[] = [
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'plain',
      lines: [
        `def total_${n}_${i}(items, tax_rate=0.2):`,
        `    """Totals the ${n} lines, with tax, rounded to cents."""`,
        `    total = 0`,
        `    for item in items:`,
        `        if item.quantity > 0 and not item.cancelled:`,
        `            total += item.price * item.quantity`,
        `    return round(total * (1 + tax_rate), 2)`,
        ``,
        ``,
      ],
    };
  },
  (r, i) => {
    const n = cap(noun(r));
    return {
      kind: 'plain',
      lines: [
        `@dataclass`,
        `class ${n}Record${i}:`,
        `    id: str`,
        `    owner: str`,
        `    amount: float = 0.0`,
        `    tags: list = field(default_factory=list)`,
        ``,
        `    def label(self):`,
        `        return f"{self.owner}:{self.id} ({len(self.tags)} tags)"`,
        ``,
        ``,
      ],
    };
  },
  (r, i) => ({
    kind: 'plain',
    lines: [
      `SETTINGS_${i} = {`,
      `    "retries": ${1 + Math.floor(r() * 5)},`,
      `    "timeout": ${1 + Math.floor(r() * 30)},`,
      `    "region": "${pick(r, ['eu-west-1', 'us-east-2', 'ap-south-1'])}",`,
      `}`,
      ``,
      ``,
    ],
  }),
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'plain',
      lines: [
        `def load_${n}s_${i}(conn, ids):`,
        `    cur = conn.cursor()`,
        `    cur.execute("SELECT * FROM ${n}s WHERE id = ANY(%s)", (list(ids),))`,
        `    return [row for row in cur.fetchall() if row[2]]`,
        ``,
        ``,
      ],
    };
  },
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'vuln',
      lines: [
        `@app.route("/${n}s/${i}")`,
        `def get_${n}_${i}():`,
        `    uid = request.args.get("id")`,
        `    cur = db.cursor()`,
        `    cur.execute("SELECT * FROM ${n}s WHERE id = '%s'" % uid)`,
        `    return jsonify(cur.fetchall())`,
        ``,
        ``,
      ],
    };
  },
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `@app.route("/tools/${i}/archive", methods=["POST"])`,
      `def archive_${i}():`,
      `    target = request.form["dir"]`,
      `    subprocess.call("tar czf /tmp/out${i}.tgz " + target, shell=True)`,
      `    return "", 204`,
      ``,
      ``,
    ],
  }),
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `@app.route("/files/${i}")`,
      `def read_file_${i}():`,
      `    name = request.args["name"]`,
      `    with open(os.path.join("/srv/public", name)) as fh:`,
      `        return fh.read()`,
      ``,
      ``,
    ],
  }),
  (r, i) => ({
    kind: 'vuln',
    lines: [`@app.route("/restore/${i}", methods=["POST"])`, `def restore_${i}():`, `    state = pickle.loads(request.data)`, `    return jsonify(state)`, ``, ``],
  }),
  (r, i) => {
    const s = fakeSecret(r);
    const name = s.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).toUpperCase();
    return { kind: 'secret', lines: [`${name}_${i} = "${s.value}"`, ``] };
  },
  (r, i) => ({
    kind: 'plain',
    lines: [
      `# Keeps the ${noun(r)} list sorted by date, newest first, then by id for a stable order.`,
      `def sort_${i}(items):`,
      `    return sorted(items, key=lambda x: (-x["date"], x["id"]))`,
      ``,
      ``,
    ],
  }),
];

const PY_HEADER = [
  `import os`,
  `import pickle`,
  `import subprocess`,
  `from dataclasses import dataclass, field`,
  ``,
  `from flask import Flask, jsonify, request`,
  ``,
  `from .db import db`,
  ``,
  `app = Flask(__name__)`,
  ``,
  ``,
];

// ---------------------------------------------------------------- Java (members of one Spring controller class)

const JAVA_TEMPLATES: Template[] = [
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'plain',
      lines: [
        `    /**`,
        `     * Totals the ${n} lines, with tax, rounded to cents.`,
        `     */`,
        `    static double total${cap(n)}${i}(List<LineItem> items, double taxRate) {`,
        `        double total = 0;`,
        `        for (LineItem item : items) {`,
        `            if (item.quantity() > 0 && !item.cancelled()) {`,
        `                total += item.price() * item.quantity();`,
        `            }`,
        `        }`,
        `        return Math.round(total * (1 + taxRate) * 100) / 100.0;`,
        `    }`,
        ``,
      ],
    };
  },
  (r, i) => {
    const n = cap(noun(r));
    return {
      kind: 'plain',
      lines: [
        `    static final class ${n}Cache${i} {`,
        `        private final Map<String, Entry> entries = new ConcurrentHashMap<>();`,
        `        private final long ttlMs;`,
        ``,
        `        ${n}Cache${i}(long ttlMs) {`,
        `            this.ttlMs = ttlMs > 0 ? ttlMs : 60_000;`,
        `        }`,
        ``,
        `        Object get(String key) {`,
        `            Entry hit = entries.get(key);`,
        `            if (hit == null || hit.expires() < System.currentTimeMillis()) return null;`,
        `            return hit.value();`,
        `        }`,
        ``,
        `        void put(String key, Object value) {`,
        `            entries.put(key, new Entry(value, System.currentTimeMillis() + ttlMs));`,
        `        }`,
        `    }`,
        ``,
      ],
    };
  },
  (r, i) => ({
    kind: 'plain',
    lines: [
      `    private static final Map<String, Object> SETTINGS_${i} = Map.of(`,
      `        "retries", ${1 + Math.floor(r() * 5)},`,
      `        "timeoutMs", ${1000 * (1 + Math.floor(r() * 30))},`,
      `        "region", "${pick(r, ['eu-west-1', 'us-east-2', 'ap-south-1'])}",`,
      `        "features", List.of("${noun(r)}", "${noun(r)}"));`,
      ``,
    ],
  }),
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'plain',
      lines: [
        `    public List<Map<String, Object>> load${cap(n)}s${i}(List<String> ids) {`,
        `        List<Map<String, Object>> rows = new ArrayList<>();`,
        `        for (String id : ids) {`,
        `            rows.addAll(jdbcTemplate.queryForList("SELECT * FROM ${n}s WHERE id = ?", id));`,
        `        }`,
        `        return rows.stream().filter(row -> Boolean.TRUE.equals(row.get("active"))).collect(Collectors.toList());`,
        `    }`,
        ``,
      ],
    };
  },
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'vuln',
      lines: [
        `    @GetMapping("/${n}s/${i}")`,
        `    public List<Map<String, Object>> get${cap(n)}${i}(@RequestParam String id) {`,
        `        return jdbcTemplate.queryForList("SELECT * FROM ${n}s WHERE id = '" + id + "'");`,
        `    }`,
        ``,
      ],
    };
  },
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `    @PostMapping("/tools/${i}/archive")`,
      `    public void archive${i}(HttpServletRequest request, HttpServletResponse response) throws IOException {`,
      `        String dir = request.getParameter("dir");`,
      `        Process p = Runtime.getRuntime().exec("tar czf /tmp/out${i}.tgz " + dir);`,
      `        response.setStatus(p.isAlive() ? 202 : 200);`,
      `    }`,
      ``,
    ],
  }),
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `    @GetMapping("/files/${i}")`,
      `    public String readFile${i}(@RequestParam("name") String name) throws IOException {`,
      `        return Files.readString(Paths.get("/srv/public", name));`,
      `    }`,
      ``,
    ],
  }),
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `    @PostMapping("/restore/${i}")`,
      `    public Object restore${i}(HttpServletRequest request) throws IOException, ClassNotFoundException {`,
      `        ObjectInputStream in = new ObjectInputStream(request.getInputStream());`,
      `        return in.readObject();`,
      `    }`,
      ``,
    ],
  }),
  (r, i) => {
    const s = fakeSecret(r);
    const name = s.name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    return { kind: 'secret', lines: [`    private static final String ${name}_${i} = "${s.value}";`, ``] };
  },
  (r, i) => ({
    kind: 'plain',
    lines: [
      `    // Keeps the ${noun(r)} list sorted by date, newest first, then by id for a stable order.`,
      `    static List<Dated> sort${i}(List<Dated> list) {`,
      `        List<Dated> copy = new ArrayList<>(list);`,
      `        copy.sort(Comparator.comparingLong(Dated::date).reversed().thenComparing(Dated::id));`,
      `        return copy;`,
      `    }`,
      ``,
    ],
  }),
];

const JAVA_HEADER = [
  `package com.example.app;`,
  ``,
  `import jakarta.servlet.http.HttpServletRequest;`,
  `import jakarta.servlet.http.HttpServletResponse;`,
  `import java.io.IOException;`,
  `import java.io.ObjectInputStream;`,
  `import java.nio.file.Files;`,
  `import java.nio.file.Paths;`,
  `import java.util.ArrayList;`,
  `import java.util.Comparator;`,
  `import java.util.List;`,
  `import java.util.Map;`,
  `import java.util.concurrent.ConcurrentHashMap;`,
  `import java.util.stream.Collectors;`,
  `import org.springframework.jdbc.core.JdbcTemplate;`,
  `import org.springframework.web.bind.annotation.GetMapping;`,
  `import org.springframework.web.bind.annotation.PostMapping;`,
  `import org.springframework.web.bind.annotation.RequestParam;`,
  `import org.springframework.web.bind.annotation.RestController;`,
  ``,
  `@RestController`,
  `public class App {`,
  `    record LineItem(double price, int quantity, boolean cancelled) {}`,
  ``,
  `    record Dated(long date, String id) {}`,
  ``,
  `    record Entry(Object value, long expires) {}`,
  ``,
  `    private final JdbcTemplate jdbcTemplate;`,
  ``,
  `    public App(JdbcTemplate jdbcTemplate) {`,
  `        this.jdbcTemplate = jdbcTemplate;`,
  `    }`,
  ``,
];

// ---------------------------------------------------------------- Go (net/http and Gin handlers)

const GO_TEMPLATES: Template[] = [
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'plain',
      lines: [
        `// total${cap(n)}${i} totals the ${n} lines, with tax, rounded to cents.`,
        `func total${cap(n)}${i}(items []LineItem, taxRate float64) float64 {`,
        `\ttotal := 0.0`,
        `\tfor _, item := range items {`,
        `\t\tif item.Quantity > 0 && !item.Cancelled {`,
        `\t\t\ttotal += item.Price * float64(item.Quantity)`,
        `\t\t}`,
        `\t}`,
        `\treturn math.Round(total*(1+taxRate)*100) / 100`,
        `}`,
        ``,
      ],
    };
  },
  (r, i) => {
    const n = cap(noun(r));
    return {
      kind: 'plain',
      lines: [
        `type ${n}Cache${i} struct {`,
        `\tmu      sync.Mutex`,
        `\tttl     time.Duration`,
        `\tentries map[string]cacheEntry`,
        `}`,
        ``,
        `func (c *${n}Cache${i}) Get(key string) (any, bool) {`,
        `\tc.mu.Lock()`,
        `\tdefer c.mu.Unlock()`,
        `\thit, ok := c.entries[key]`,
        `\tif !ok || hit.expires.Before(time.Now()) {`,
        `\t\treturn nil, false`,
        `\t}`,
        `\treturn hit.value, true`,
        `}`,
        ``,
        `func (c *${n}Cache${i}) Set(key string, value any) {`,
        `\tc.mu.Lock()`,
        `\tdefer c.mu.Unlock()`,
        `\tc.entries[key] = cacheEntry{value: value, expires: time.Now().Add(c.ttl)}`,
        `}`,
        ``,
      ],
    };
  },
  (r, i) => ({
    kind: 'plain',
    lines: [
      `var settings${i} = Settings{`,
      `\tRetries:   ${1 + Math.floor(r() * 5)},`,
      `\tTimeout:   ${1 + Math.floor(r() * 30)} * time.Second,`,
      `\tRegion:    "${pick(r, ['eu-west-1', 'us-east-2', 'ap-south-1'])}",`,
      `\tFeatures:  []string{"${noun(r)}", "${noun(r)}"},`,
      `}`,
      ``,
    ],
  }),
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'plain',
      lines: [
        `func load${cap(n)}s${i}(ctx context.Context, ids []string) ([]string, error) {`,
        `\tvar names []string`,
        `\tfor _, id := range ids {`,
        `\t\tvar name string`,
        `\t\tif err := db.QueryRowContext(ctx, "SELECT name FROM ${n}s WHERE id = $1", id).Scan(&name); err != nil {`,
        `\t\t\treturn nil, err`,
        `\t\t}`,
        `\t\tnames = append(names, name)`,
        `\t}`,
        `\treturn names, nil`,
        `}`,
        ``,
      ],
    };
  },
  (r, i) => {
    const n = noun(r);
    return {
      kind: 'vuln',
      lines: [
        `func get${cap(n)}${i}(w http.ResponseWriter, r *http.Request) {`,
        `\tid := r.URL.Query().Get("id")`,
        `\trows, err := db.Query("SELECT * FROM ${n}s WHERE id = '" + id + "'")`,
        `\tif err != nil {`,
        `\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)`,
        `\t\treturn`,
        `\t}`,
        `\tdefer rows.Close()`,
        `}`,
        ``,
      ],
    };
  },
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `func archive${i}(c *gin.Context) {`,
      `\tdir := c.PostForm("dir")`,
      `\tif err := exec.Command("sh", "-c", "tar czf /tmp/out${i}.tgz "+dir).Run(); err != nil {`,
      `\t\tc.Status(http.StatusInternalServerError)`,
      `\t\treturn`,
      `\t}`,
      `\tc.Status(http.StatusNoContent)`,
      `}`,
      ``,
    ],
  }),
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `func readFile${i}(w http.ResponseWriter, r *http.Request) {`,
      `\tdata, err := os.ReadFile(filepath.Join("/srv/public", r.URL.Query().Get("name")))`,
      `\tif err != nil {`,
      `\t\thttp.NotFound(w, r)`,
      `\t\treturn`,
      `\t}`,
      `\tw.Write(data)`,
      `}`,
      ``,
    ],
  }),
  (r, i) => ({
    kind: 'vuln',
    lines: [
      `func fetch${i}(c *gin.Context) {`,
      `\tresp, err := http.Get(c.Query("url"))`,
      `\tif err != nil {`,
      `\t\tc.Status(http.StatusBadGateway)`,
      `\t\treturn`,
      `\t}`,
      `\tdefer resp.Body.Close()`,
      `\tc.DataFromReader(resp.StatusCode, resp.ContentLength, resp.Header.Get("Content-Type"), resp.Body, nil)`,
      `}`,
      ``,
    ],
  }),
  (r, i) => {
    const s = fakeSecret(r);
    return { kind: 'secret', lines: [`const ${s.name}${i} = "${s.value}"`, ``] };
  },
  (r, i) => ({
    kind: 'plain',
    lines: [
      `// sort${i} keeps the ${noun(r)} list sorted by date, newest first, then by id for a stable order.`,
      `func sort${i}(list []Dated) []Dated {`,
      `\tout := append([]Dated(nil), list...)`,
      `\tsort.Slice(out, func(a, b int) bool {`,
      `\t\tif out[a].Date != out[b].Date {`,
      `\t\t\treturn out[a].Date > out[b].Date`,
      `\t\t}`,
      `\t\treturn out[a].ID < out[b].ID`,
      `\t})`,
      `\treturn out`,
      `}`,
      ``,
    ],
  }),
];

const GO_HEADER = [
  `package app`,
  ``,
  `import (`,
  `\t"context"`,
  `\t"database/sql"`,
  `\t"math"`,
  `\t"net/http"`,
  `\t"os"`,
  `\t"os/exec"`,
  `\t"path/filepath"`,
  `\t"sort"`,
  `\t"sync"`,
  `\t"time"`,
  ``,
  `\t"github.com/gin-gonic/gin"`,
  `)`,
  ``,
  `var db *sql.DB`,
  ``,
  `type LineItem struct {`,
  `\tPrice     float64`,
  `\tQuantity  int`,
  `\tCancelled bool`,
  `}`,
  ``,
  `type Dated struct {`,
  `\tDate int64`,
  `\tID   string`,
  `}`,
  ``,
  `type Settings struct {`,
  `\tRetries  int`,
  `\tTimeout  time.Duration`,
  `\tRegion   string`,
  `\tFeatures []string`,
  `}`,
  ``,
  `type cacheEntry struct {`,
  `\tvalue   any`,
  `\texpires time.Time`,
  `}`,
  ``,
];

/** A language's file header, block templates, comment opener and the lines that close the file (Java's class). */
function setup(lang: BenchLanguage): { header: string[]; templates: Template[]; comment: string; footer: string[] } {
  if (lang === 'python') return { header: PY_HEADER, templates: PY_TEMPLATES, comment: '#', footer: [] };
  if (lang === 'java') return { header: JAVA_HEADER, templates: JAVA_TEMPLATES, comment: '//', footer: ['}'] };
  if (lang === 'go') return { header: GO_HEADER, templates: GO_TEMPLATES, comment: '//', footer: [] };
  return { header: lang === 'typescript' ? TS_HEADER : JS_HEADER, templates: jsTemplates(lang === 'typescript'), comment: '//', footer: [] };
}

/** Picks a template: mostly ordinary code, about one block in eight a vulnerable flow, one in twenty a credential. */
function block(r: () => number, templates: Template[], i: number): Block {
  const x = r();
  const plain = [0, 1, 2, 3, 9];
  const idx = x < 0.05 ? 8 : x < 0.175 ? 4 + Math.floor(r() * 4) : plain[Math.floor(r() * plain.length)]!;
  return templates[idx]!(r, i);
}

/** Generates a file of exactly `lineCount` lines. */
export function generateFile(lang: BenchLanguage, lineCount: number, seed: number): GeneratedFile {
  const r = rng(seed);
  const { header, templates, comment, footer } = setup(lang);
  const lines = [...header];
  const blockStarts: number[] = [];
  let vulnerableBlocks = 0;
  let secretBlocks = 0;
  for (let i = 0; ; i++) {
    const b = block(r, templates, i);
    if (lines.length + b.lines.length + footer.length > lineCount) break;
    blockStarts.push(lines.length);
    lines.push(...b.lines);
    if (b.kind === 'vuln') vulnerableBlocks++;
    if (b.kind === 'secret') secretBlocks++;
  }
  lines.push(...footer);
  while (lines.length < lineCount) lines.push(`${comment} end of generated module (line ${lines.length + 1})`);
  return { text: `${lines.join('\n')}\n`, blockStarts, vulnerableBlocks, secretBlocks };
}

/** A block of code to paste, as an editor paste would bring it in (ends with a newline). */
export function pasteSnippet(lang: BenchLanguage, r: () => number, i: number): string {
  const { templates } = setup(lang);
  return `${block(r, templates, 100_000 + i).lines.join('\n')}\n`;
}
