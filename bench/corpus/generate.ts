/**
 * Deterministic generator of benchmark source files: ordinary application code (helpers, classes, config,
 * comments) with some vulnerable flows (SQL and command injection, path traversal, eval, unsafe
 * deserialisation) and some hard-coded credentials, in JavaScript, TypeScript and Python. The same seed
 * gives the same file on every machine. Credentials are random values in the right format: fake.
 */
import { pick, rng } from '../lib/stats';

export type BenchLanguage = 'javascript' | 'typescript' | 'python';

export const EXTENSIONS: Record<BenchLanguage, string> = { javascript: 'js', typescript: 'ts', python: 'py' };

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

function setup(lang: BenchLanguage): { header: string[]; templates: Template[]; comment: string } {
  if (lang === 'python') return { header: PY_HEADER, templates: PY_TEMPLATES, comment: '#' };
  return { header: lang === 'typescript' ? TS_HEADER : JS_HEADER, templates: jsTemplates(lang === 'typescript'), comment: '//' };
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
  const { header, templates, comment } = setup(lang);
  const lines = [...header];
  const blockStarts: number[] = [];
  let vulnerableBlocks = 0;
  let secretBlocks = 0;
  for (let i = 0; ; i++) {
    const b = block(r, templates, i);
    if (lines.length + b.lines.length > lineCount) break;
    blockStarts.push(lines.length);
    lines.push(...b.lines);
    if (b.kind === 'vuln') vulnerableBlocks++;
    if (b.kind === 'secret') secretBlocks++;
  }
  while (lines.length < lineCount) lines.push(`${comment} end of generated module (line ${lines.length + 1})`);
  return { text: `${lines.join('\n')}\n`, blockStarts, vulnerableBlocks, secretBlocks };
}

/** A block of code to paste, as an editor paste would bring it in (ends with a newline). */
export function pasteSnippet(lang: BenchLanguage, r: () => number, i: number): string {
  const { templates } = setup(lang);
  return `${block(r, templates, 100_000 + i).lines.join('\n')}\n`;
}
